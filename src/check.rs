//! The whole check: documents in, report out. Per-document extraction, then the
//! cross-document stages (subjects, verdicts), then a report with every claim located by
//! path, line and column.

use crate::claim::Claim;
use crate::error::{Locator, Warning};
use crate::extract::Extractor;
use crate::finding::Verdict;
use crate::fold::Thresholds;
use crate::normalize::date::Reference;
use crate::rules::{RuleSet, Severity};
use crate::source::{self, Document};
use crate::subject::{self, SubjectOptions};
use crate::verdict::{self, Context};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// The stages a progress report names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Documents read, segmented and their claims extracted.
    Extract,
    /// Subjects, verdicts and checks across documents.
    Compare,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Extract => "extracting",
            Stage::Compare => "comparing",
        }
    }
}

/// Receives progress as the check runs: the stage, documents done, documents in all. Called
/// from worker threads; the library itself never prints.
#[derive(Clone)]
pub struct Progress(std::sync::Arc<dyn Fn(Stage, u64, u64) + Send + Sync>);

impl Progress {
    pub fn new(report: impl Fn(Stage, u64, u64) + Send + Sync + 'static) -> Progress {
        Progress(std::sync::Arc::new(report))
    }

    fn report(&self, stage: Stage, done: u64, total: u64) {
        (self.0)(stage, done, total);
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

/// Settings of a check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub subjects: SubjectOptions,
    /// Worker threads for the per-document stages; `None` uses every core. The output is
    /// the same whatever the number.
    pub threads: Option<usize>,
    /// Also list, per person, where the text names them without a claim (for
    /// `--explain-groups`; it costs a pass over every text).
    pub name_mentions: bool,
    /// Where to report progress, if anywhere.
    pub progress: Option<Progress>,
}

/// Counts and wall time of each stage, for `--stats`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub bytes: usize,
    pub documents: usize,
    pub sentences: usize,
    pub claims: usize,
    pub subjects: usize,
    pub findings: usize,
    pub read: std::time::Duration,
    pub extract: std::time::Duration,
    pub group: std::time::Duration,
    pub verdicts: std::time::Duration,
}

impl CheckOptions {
    pub fn thresholds(&self) -> Thresholds {
        self.subjects.thresholds
    }
}

/// A source as the report lists it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceRecord {
    // Fields in alphabetical order: the JSON report lists keys that way.
    pub name: String,
    pub path: String,
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A claim as the report shows it (the renderers decide what each format prints).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub path: String,
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub subject: String,
    pub attribute: String,
    pub text: String,
    /// The typed value; it serializes as the report's JSON value.
    pub value: crate::value::Value,
    pub rule: String,
    pub quote: String,
    /// No other source speaks to this subject and attribute.
    pub unverified: bool,
    /// The value as written, for excerpts.
    pub written: String,
}

/// A finding as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingRecord {
    pub rule: String,
    pub severity: Severity,
    pub verdict: Verdict,
    pub subject: String,
    pub attribute: String,
    pub message: String,
    /// Indices into [`Report::claims`].
    pub claims: Vec<usize>,
}

/// One subject as `--explain-groups` shows it: the spellings merged into it and why, and
/// the subjects it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRecord {
    pub label: String,
    pub members: Vec<crate::subject::Member>,
    /// (other subject, reason) for each possible identity.
    pub links: Vec<(String, String)>,
}

/// Everything a renderer needs.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sources: Vec<SourceRecord>,
    pub sentences: usize,
    pub claims: Vec<ClaimRecord>,
    pub findings: Vec<FindingRecord>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
    pub groups: Vec<GroupRecord>,
}

impl Report {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == verdict)
            .count()
    }

    /// Whether any finding is a conflict (between sources or within one).
    pub fn has_conflicts(&self) -> bool {
        self.findings.iter().any(|f| f.verdict.is_conflict())
    }

    /// Keeps only the findings that cite a claim of one of `paths` and are not agreements
    /// (checking a submission against a trusted corpus: does it contradict it?).
    pub fn keep_findings_involving(&mut self, paths: &std::collections::HashSet<String>) {
        let claims = &self.claims;
        self.findings.retain(|f| {
            f.verdict != Verdict::Agreement
                && f.claims.iter().any(|&i| paths.contains(&claims[i].path))
        });
    }

    /// Whether some input could not be read at all.
    pub fn has_unreadable_inputs(&self) -> bool {
        self.warnings.iter().any(|w| w.unreadable)
    }
}

/// Reads `inputs` and checks them.
pub fn check(inputs: &[PathBuf], rules: &RuleSet, options: &CheckOptions) -> Report {
    check_submission(inputs, &[], None, rules, options).expect("no facts, no fact errors")
}

/// Checks new documents against a trusted corpus and a facts file: only findings that
/// involve a new document are kept. With no corpus and no facts this is [`check`].
///
/// # Errors
/// A fact whose attribute no rule sets or whose value does not read.
pub fn check_submission(
    new: &[PathBuf],
    against: &[PathBuf],
    facts: Option<&crate::facts::Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, crate::error::Error> {
    with_threads(options.threads, || {
        let started = std::time::Instant::now();
        let trusted = source::load(against);
        let submitted = source::load(new);
        let new_paths: std::collections::HashSet<String> =
            submitted.documents.iter().map(|d| d.path.clone()).collect();
        let mut documents = trusted.documents;
        documents.extend(submitted.documents);
        let mut warnings = trusted.warnings;
        warnings.extend(submitted.warnings);
        let read = started.elapsed();
        let mut report = check_with_facts(documents, warnings, facts, rules, options)?;
        report.stats.read = read;
        if !against.is_empty() {
            report.keep_findings_involving(&new_paths);
        }
        Ok(report)
    })
}

/// Runs `work` on a pool of `threads` workers (all cores when `None`).
fn with_threads<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    match threads.and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok()) {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Checks documents already read.
pub fn check_documents(
    documents: Vec<Document>,
    warnings: Vec<Warning>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Report {
    check_with_facts(documents, warnings, None, rules, options).expect("no facts, no fact errors")
}

/// Checks documents against each other and against a facts file, whose claims outrank
/// every source.
///
/// # Errors
/// A fact whose attribute no rule sets or whose value does not read.
pub fn check_with_facts(
    mut documents: Vec<Document>,
    warnings: Vec<Warning>,
    facts: Option<&crate::facts::Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, crate::error::Error> {
    // An undated document is read as of the corpus's latest date, and marked as assumed.
    let latest = documents.iter().filter_map(|d| d.published).max();
    let articles = documents.len();
    let fact_claims = match facts {
        Some(facts) => {
            let claims = facts.claims(articles, rules, latest)?;
            documents.push(facts.document.clone());
            claims
        }
        None => Vec::new(),
    };
    let extractor = Extractor::new(rules);
    let started = std::time::Instant::now();
    // Documents are extracted in parallel; collecting keeps document order, so the
    // claims (and everything after) are the same whatever the number of threads.
    let done = std::sync::atomic::AtomicU64::new(0);
    let total = articles as u64;
    let extracted: Vec<_> = documents[..articles]
        .par_iter_mut()
        .enumerate()
        .map(|(index, document)| {
            if let Some(progress) = &options.progress {
                let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress.report(Stage::Extract, done, total);
            }
            let reference = match (document.published, latest) {
                (Some(date), _) => Some(Reference {
                    date,
                    assumed: false,
                }),
                (None, Some(date)) => Some(Reference {
                    date,
                    assumed: true,
                }),
                (None, None) => None,
            };
            let one = extractor.extract(document, index, reference);
            let suppressions = crate::suppress::directives(document);
            let bytes = document.text.len();
            // Claims carry their quotes and positions, so only the number of sentences
            // outlives extraction, and the text only where names are looked up in it later:
            // at corpus scale the texts would be most of the memory.
            document.lines = Vec::new();
            if !options.name_mentions {
                document.text = String::new();
            }
            (
                one.sentences.len(),
                one.claims,
                one.mentions,
                suppressions,
                bytes,
            )
        })
        .collect();
    // Exact capacities: at corpus scale a vector grown by doubling holds up to twice its
    // claims.
    let mut claims: Vec<Claim> = Vec::with_capacity(
        extracted.iter().map(|one| one.1.len()).sum::<usize>() + fact_claims.len(),
    );
    let mut mentions = Vec::with_capacity(extracted.iter().map(|one| one.2.len()).sum());
    let mut suppressions: Vec<crate::suppress::Suppression> = Vec::new();
    let mut sentences = 0;
    let mut bytes = 0;
    for (count, found, mentioned, suppressed, length) in extracted {
        sentences += count;
        claims.extend(found);
        mentions.extend(mentioned);
        suppressions.extend(suppressed);
        bytes += length;
    }
    bytes += documents[articles..]
        .iter()
        .map(|d| d.text.len())
        .sum::<usize>();
    claims.extend(fact_claims);
    let extract_time = started.elapsed();
    let started = std::time::Instant::now();
    if let Some(progress) = &options.progress {
        progress.report(Stage::Compare, total, total);
    }
    let mut subjects = subject::resolve(&claims, &mentions, &options.subjects);
    let group_time = started.elapsed();
    let started = std::time::Instant::now();
    let source_names: Vec<String> = documents.iter().map(|d| d.name.clone()).collect();
    let context = Context {
        rules,
        thresholds: options.thresholds(),
        source_names: &source_names,
        trusted: facts.map(|_| articles),
        event_window_days: options.subjects.event_window_days,
    };
    let (mut findings, mut unverified) = verdict::decide(&claims, &subjects, &context);
    // The checks' own claims follow the extracted ones (their indices continue).
    let (checked, evidence) = crate::checks::run(&claims, &mentions, &mut subjects, &context);
    unverified.extend(evidence.iter().map(|_| false));
    findings.extend(checked);
    verdict::sort(&mut findings);
    let verdict_time = started.elapsed();
    let mut groups: Vec<GroupRecord> = subjects
        .subjects
        .iter()
        .map(|s| GroupRecord {
            label: s.label.clone(),
            members: s.members.clone(),
            links: Vec::new(),
        })
        .collect();
    if options.name_mentions {
        let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
        let mut locators: Vec<Locator> = documents.iter().map(|d| Locator::new(&d.text)).collect();
        // One member per phrase, with its count and first place.
        let mut phrases: std::collections::BTreeMap<(usize, String), (usize, String)> =
            Default::default();
        for (subject, phrase, doc, at) in
            subject::name_mentions(&subjects, &claims, &texts, &rules.lexicon)
        {
            let (line, _) = locators[doc].locate(at);
            phrases
                .entry((subject, phrase))
                .or_insert_with(|| (0, format!("{}:{line}", documents[doc].path)))
                .0 += 1;
        }
        for ((subject, phrase), (count, first)) in phrases {
            groups[subject].members.push(crate::subject::Member {
                spelling: phrase,
                claims: 0,
                reason: format!("the name in the text, no claim ({count}×, first at {first})"),
            });
        }
    }
    for link in &subjects.links {
        let (a, b) = (groups[link.a].label.clone(), groups[link.b].label.clone());
        groups[link.a].links.push((b, link.reason.clone()));
        groups[link.b].links.push((a, link.reason.clone()));
    }
    groups.sort_by(|a, b| a.label.cmp(&b.label));
    drop(mentions);
    let claim_count = claims.len() + evidence.len();
    // Claims move into their records: one copy of each value at a time.
    let claim_records = claims
        .into_iter()
        .chain(evidence)
        .zip(unverified)
        .enumerate()
        .map(|(index, (claim, unverified))| {
            let document = &documents[claim.doc];
            let located = claim.located;
            ClaimRecord {
                path: document.path.clone(),
                source: document.name.clone(),
                line: located.line,
                column: located.column,
                subject: subjects.subjects[subjects.of_claim[index]].label.clone(),
                rule: rules.rules[claim.rule].id.clone(),
                quote: located.quote,
                unverified,
                written: located.written,
                attribute: claim.attribute,
                text: claim.text,
                value: claim.value,
            }
        })
        .collect();
    let finding_records: Vec<FindingRecord> = findings
        .into_iter()
        .map(|finding| FindingRecord {
            rule: rules.rules[finding.rule].id.clone(),
            severity: rules.rules[finding.rule].severity,
            verdict: finding.verdict,
            subject: finding.subject,
            attribute: finding.attribute,
            message: finding.message,
            claims: finding.claims,
        })
        .collect();
    let stats = Stats {
        bytes,
        documents: documents.len(),
        sentences,
        claims: claim_count,
        subjects: subjects.subjects.len(),
        findings: finding_records.len(),
        read: std::time::Duration::ZERO,
        extract: extract_time,
        group: group_time,
        verdicts: verdict_time,
    };
    let mut report = Report {
        groups,
        stats,
        sources: documents
            .iter()
            .map(|d| SourceRecord {
                path: d.path.clone(),
                name: d.name.clone(),
                published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
                url: d.url.clone(),
            })
            .collect(),
        sentences,
        claims: claim_records,
        findings: finding_records,
        warnings,
    };
    let unused = crate::suppress::apply(&mut report, &suppressions);
    report.warnings.extend(unused);
    Ok(report)
}
