//! The whole check: documents in, report out. Per-document extraction, then the
//! cross-document stages (subjects, verdicts), then a report with every claim located by
//! path, line and column.

use crate::model::claim::{Claim, EventMention};
use crate::model::error::{Locator, Warning};
use crate::model::finding::Verdict;
use crate::normalize::date::Reference;
use crate::pipeline::extract::Extractor;
use crate::pipeline::source::{self, Document};
use crate::pipeline::subjects::{self, SubjectOptions};
use crate::pipeline::verdict::{self, Context};
use crate::rules::{RuleSet, Severity};
use crate::text::fold::Thresholds;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

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
pub struct Progress(Arc<dyn Fn(Stage, u64, u64) + Send + Sync>);

impl Progress {
    pub fn new(report: impl Fn(Stage, u64, u64) + Send + Sync + 'static) -> Progress {
        Progress(Arc::new(report))
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

/// Counts and wall time of each stage, for `--stats`. Files are read and split into
/// sentences inside the extraction pass, so that pass's wall time is shared between `read`,
/// `segment` and `extract` as the workers' time was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub bytes: usize,
    pub documents: usize,
    pub sentences: usize,
    pub claims: usize,
    pub subjects: usize,
    pub findings: usize,
    pub read: std::time::Duration,
    pub segment: std::time::Duration,
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
    // Path, source, subject and rule are shared between the records that have them in
    // common: at corpus scale four strings per claim would be a large share of the memory.
    pub path: Arc<str>,
    pub source: Arc<str>,
    pub line: usize,
    pub column: usize,
    pub subject: Arc<str>,
    pub attribute: String,
    pub text: String,
    /// The typed value; it serializes as the report's JSON value.
    pub value: crate::model::value::Value,
    pub rule: Arc<str>,
    pub quote: Arc<str>,
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
    pub members: Vec<crate::pipeline::subjects::Member>,
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
                && f.claims.iter().any(|&i| paths.contains(&*claims[i].path))
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
    facts: Option<&crate::pipeline::facts::Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, crate::model::error::Error> {
    with_threads(options.threads, || {
        let started = std::time::Instant::now();
        let (mut paths, mut warnings) = source::files(against);
        let (submitted, more) = source::files(new);
        let new_paths: std::collections::HashSet<String> =
            submitted.iter().map(|p| p.display().to_string()).collect();
        paths.extend(submitted);
        warnings.extend(more);
        let walk = started.elapsed();
        let inputs = paths.into_iter().map(Input::File).collect();
        let mut report = check_inputs(inputs, warnings, facts, rules, options)?;
        report.stats.read += walk;
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
    documents: Vec<Document>,
    warnings: Vec<Warning>,
    facts: Option<&crate::pipeline::facts::Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, crate::model::error::Error> {
    let inputs = documents.into_iter().map(Input::Read).collect();
    check_inputs(inputs, warnings, facts, rules, options)
}

/// A document to check: read already, or a file read in the extraction pass, so that a
/// corpus's texts never all live at once.
pub enum Input {
    Read(Document),
    File(PathBuf),
}

/// Everything extraction gathered, claims and mentions in document order and numbered by
/// document.
#[derive(Default)]
struct Gathered {
    claims: Vec<Claim>,
    mentions: Vec<EventMention>,
    suppressions: Vec<crate::pipeline::filter::suppress::Suppression>,
    warnings: Vec<Warning>,
    sentences: usize,
    bytes: usize,
    /// Time the workers spent reading, segmenting and extracting.
    read: std::time::Duration,
    segment: std::time::Duration,
    extract: std::time::Duration,
}

/// One input after the first pass: extracted, or undated (read as of the corpus's latest
/// date, known once every other input has been read), or no document at all.
enum Outcome {
    Extracted(Document),
    Undated(Document),
    Unreadable,
}

/// What a worker gathers from a run of consecutive inputs. Claims and mentions go straight
/// into the run's own vectors: a corpus's claims are never held twice, once per document
/// and once merged.
#[derive(Default)]
struct Run {
    /// Per input, in order, with its input number.
    outcomes: Vec<(usize, Outcome)>,
    gathered: Gathered,
}

impl Gathered {
    /// Extracts `document` (numbered `index` for now) into these vectors; its text goes
    /// unless names are to be looked up in it later.
    fn extract(
        &mut self,
        extractor: &Extractor,
        document: &mut Document,
        index: usize,
        reference: Option<Reference>,
        options: &CheckOptions,
    ) {
        let started = std::time::Instant::now();
        let one = extractor.extract(document, index, reference);
        self.sentences += one.sentences.len();
        self.claims.extend(one.claims);
        self.mentions.extend(one.mentions);
        self.suppressions
            .extend(crate::pipeline::filter::suppress::directives(document));
        self.bytes += document.text.len();
        // Claims carry their quotes and positions: at corpus scale the texts would be most
        // of the memory.
        document.lines = Vec::new();
        if !options.name_mentions {
            document.text = String::new();
        }
        self.segment += one.segmenting;
        self.extract += started.elapsed().saturating_sub(one.segmenting);
    }

    /// Appends `other`, whose documents follow these.
    fn append(&mut self, other: Gathered) {
        self.claims.extend(other.claims);
        self.mentions.extend(other.mentions);
        self.suppressions.extend(other.suppressions);
        self.warnings.extend(other.warnings);
        self.sentences += other.sentences;
        self.bytes += other.bytes;
        self.read += other.read;
        self.segment += other.segment;
        self.extract += other.extract;
    }
}

/// Reads (where needed) and extracts every input in parallel, dated documents as soon as
/// they are read, undated ones once the latest date is known. Runs of inputs are gathered in
/// input order, so the claims (and everything after) are the same whatever the number of
/// threads. Returns the documents, what they gave, and the latest publication date.
fn first_pass(
    inputs: Vec<Input>,
    extractor: &Extractor,
    options: &CheckOptions,
) -> (Vec<Document>, Gathered, Option<chrono::NaiveDate>) {
    let done = std::sync::atomic::AtomicU64::new(0);
    let total = inputs.len() as u64;
    let report_one = || {
        if let Some(progress) = &options.progress {
            let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress.report(Stage::Extract, done, total);
        }
    };
    let runs: Vec<Run> = inputs
        .into_par_iter()
        .enumerate()
        .fold(Run::default, |mut run, (index, input)| {
            let started = std::time::Instant::now();
            let (document, warnings) = match input {
                Input::Read(document) => (Some(document), Vec::new()),
                Input::File(path) => source::read_one(&path),
            };
            run.gathered.warnings.extend(warnings);
            run.gathered.read += started.elapsed();
            let outcome = match document {
                None => Outcome::Unreadable,
                Some(document) if document.published.is_none() => Outcome::Undated(document),
                Some(mut document) => {
                    let reference = document.published.map(|date| Reference {
                        date,
                        assumed: false,
                    });
                    run.gathered
                        .extract(extractor, &mut document, index, reference, options);
                    Outcome::Extracted(document)
                }
            };
            if !matches!(outcome, Outcome::Undated(_)) {
                report_one();
            }
            run.outcomes.push((index, outcome));
            run
        })
        .collect();
    // The first run's vectors grow, once and to their exact size, to hold the others' (a
    // large vector grows by remapping, not copying); each other run's are freed as soon as
    // they are appended.
    let claims: usize = runs.iter().map(|r| r.gathered.claims.len()).sum();
    let mentions: usize = runs.iter().map(|r| r.gathered.mentions.len()).sum();
    let mut outcomes = Vec::with_capacity(total as usize);
    let mut gathered = Gathered::default();
    for (position, run) in runs.into_iter().enumerate() {
        if position == 0 {
            gathered = run.gathered;
            gathered
                .claims
                .reserve_exact(claims - gathered.claims.len());
            gathered
                .mentions
                .reserve_exact(mentions - gathered.mentions.len());
        } else {
            gathered.append(run.gathered);
        }
        outcomes.extend(run.outcomes);
    }
    let latest = outcomes
        .iter()
        .filter_map(|(_, outcome)| match outcome {
            Outcome::Extracted(document) => document.published,
            _ => None,
        })
        .max();
    let reference = latest.map(|date| Reference {
        date,
        assumed: true,
    });
    // Undated documents, extracted now; their claims join the others in document order.
    let mut undated: Vec<(usize, &mut Document)> = outcomes
        .iter_mut()
        .filter_map(|(index, outcome)| match outcome {
            Outcome::Undated(document) => Some((*index, document)),
            _ => None,
        })
        .collect();
    let any_undated = !undated.is_empty();
    let late: Vec<Gathered> = undated
        .par_iter_mut()
        .map(|(index, document)| {
            let mut one = Gathered::default();
            one.extract(extractor, document, *index, reference, options);
            report_one();
            one
        })
        .collect();
    for one in late {
        gathered.append(one);
    }
    // Inputs that were no documents take no number.
    let mut number = vec![usize::MAX; outcomes.len()];
    let mut documents = Vec::with_capacity(outcomes.len());
    for (index, outcome) in outcomes {
        match outcome {
            Outcome::Extracted(document) | Outcome::Undated(document) => {
                number[index] = documents.len();
                documents.push(document);
            }
            Outcome::Unreadable => {}
        }
    }
    gathered
        .claims
        .iter_mut()
        .for_each(|c| c.doc = number[c.doc]);
    gathered
        .mentions
        .iter_mut()
        .for_each(|m| m.doc = number[m.doc]);
    if any_undated {
        // Stable: each document's claims keep their order.
        gathered.claims.sort_by_key(|c| c.doc);
        gathered.mentions.sort_by_key(|m| m.doc);
        let number_of: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(number, d)| (d.path.as_str(), number))
            .collect();
        gathered
            .suppressions
            .sort_by_key(|s| number_of.get(s.path.as_str()).copied());
    }
    (documents, gathered, latest)
}

/// Checks inputs against each other and against a facts file.
fn check_inputs(
    inputs: Vec<Input>,
    mut warnings: Vec<Warning>,
    facts: Option<&crate::pipeline::facts::Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, crate::model::error::Error> {
    let extractor = Extractor::new(rules);
    let total = inputs.len() as u64;
    let started = std::time::Instant::now();
    let (mut documents, gathered, latest) = first_pass(inputs, &extractor, options);
    warnings.extend(gathered.warnings);
    // The pass's wall time, shared between reading, segmenting and extracting as the
    // workers' time was.
    let pass_time = started.elapsed();
    let busy = (gathered.read + gathered.segment + gathered.extract)
        .as_secs_f64()
        .max(1e-9);
    let share = |part: std::time::Duration| pass_time.mul_f64(part.as_secs_f64() / busy);
    let (read_time, segment_time) = (share(gathered.read), share(gathered.segment));
    let extract_time = pass_time.saturating_sub(read_time + segment_time);
    let mut claims = gathered.claims;
    let mentions = gathered.mentions;
    let suppressions = gathered.suppressions;
    let sentences = gathered.sentences;
    let mut bytes = gathered.bytes;
    let articles = documents.len();
    if let Some(facts) = facts {
        claims.extend(facts.claims(articles, rules, latest)?);
        bytes += facts.document.text.len();
        documents.push(facts.document.clone());
    }
    let started = std::time::Instant::now();
    if let Some(progress) = &options.progress {
        progress.report(Stage::Compare, total, total);
    }
    let mut subjects = subjects::resolve(&claims, &mentions, &options.subjects);
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
    let (checked, evidence) =
        crate::pipeline::checks::run(&claims, &mentions, &mut subjects, &context);
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
            subjects::name_mentions(&subjects, &claims, &texts, &rules.lexicon)
        {
            let (line, _) = locators[doc].locate(at);
            phrases
                .entry((subject, phrase))
                .or_insert_with(|| (0, format!("{}:{line}", documents[doc].path)))
                .0 += 1;
        }
        for ((subject, phrase), (count, first)) in phrases {
            groups[subject]
                .members
                .push(crate::pipeline::subjects::Member {
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
    // Claims become their records in place: the standard library reuses a vector's buffer
    // when mapping it into a vector of no larger elements, so the corpus's claims and their
    // records never hold memory side by side (a large vector grows by remapping, not copying).
    claims.reserve_exact(evidence.len());
    claims.extend(evidence);
    let claim_count = claims.len();
    let shared =
        |names: &mut dyn Iterator<Item = &str>| -> Vec<Arc<str>> { names.map(Arc::from).collect() };
    let paths = shared(&mut documents.iter().map(|d| d.path.as_str()));
    let names = shared(&mut documents.iter().map(|d| d.name.as_str()));
    let labels = shared(&mut subjects.subjects.iter().map(|s| s.label.as_str()));
    let rule_ids = shared(&mut rules.rules.iter().map(|r| r.id.as_str()));
    let claim_records: Vec<ClaimRecord> = claims
        .into_iter()
        .enumerate()
        .map(|(index, claim)| {
            let located = claim.located;
            ClaimRecord {
                path: paths[claim.doc].clone(),
                source: names[claim.doc].clone(),
                line: located.line,
                column: located.column,
                subject: labels[subjects.of_claim[index]].clone(),
                rule: rule_ids[claim.rule].clone(),
                quote: located.quote,
                unverified: unverified[index],
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
        read: read_time,
        segment: segment_time,
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
    let unused = crate::pipeline::filter::suppress::apply(&mut report, &suppressions);
    report.warnings.extend(unused);
    Ok(report)
}
