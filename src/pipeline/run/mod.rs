//! The orchestrator: inputs in, report out. Each document is read and extracted in one
//! parallel pass (`gather`); then, across documents, the facts file's claims, subjects,
//! verdicts and the check rules; then the report, with the findings inline suppressions
//! silence left out.

mod gather;
pub mod record;

pub use gather::{first_pass, Batch, KeepTexts};
use record::DocumentRecord;

use crate::config::Config;
use crate::model::claim::Claim;
use crate::model::error::Error;
use crate::model::mention::EventMention;
use crate::model::report::{Report, Source, Stats, Warning};
use crate::model::span::Locator;
use crate::model::subject::{Member, MemberReason};
use crate::normalize::date::Reference;
use crate::pipeline::checks;
use crate::pipeline::extract::Extractor;
use crate::pipeline::facts::Facts;
use crate::pipeline::filter::{self, suppress};
use crate::pipeline::source::{self, Document};
use crate::pipeline::stories::{self, StoryOptions};
use crate::pipeline::subjects::{self, SubjectOptions, Subjects};
use crate::pipeline::verdict::{self, Context};
use crate::rules::RuleSet;
use crate::text::fold::Thresholds;
use std::collections::HashSet;
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
    pub stories: StoryOptions,
    /// Worker threads for the per-document stages; `None` uses every core. The output is
    /// the same whatever the number.
    pub threads: Option<usize>,
    /// Also list, per person, where the text names them without a claim (for
    /// `--explain-groups`; it costs a pass over every text).
    pub name_mentions: bool,
    /// Where to report progress, if anywhere.
    pub progress: Option<Progress>,
    /// Keep every document's text in the report's sources (for a report that shows the
    /// claims in their documents); otherwise each text goes once its claims are taken.
    pub keep_texts: bool,
}

impl CheckOptions {
    pub fn thresholds(&self) -> Thresholds {
        self.subjects.thresholds
    }
}

impl From<&Config> for CheckOptions {
    /// The options a configuration sets (its thresholds); the rest as by default.
    fn from(config: &Config) -> Self {
        CheckOptions {
            subjects: SubjectOptions::from(&config.thresholds),
            stories: StoryOptions::from(&config.thresholds),
            ..CheckOptions::default()
        }
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
    facts: Option<&Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    with_threads(options.threads, || {
        let started = std::time::Instant::now();
        let (mut paths, mut warnings) = source::files(against);
        let (submitted, more) = source::files(new);
        let new_paths: HashSet<String> =
            submitted.iter().map(|p| p.display().to_string()).collect();
        paths.extend(submitted);
        warnings.extend(more);
        let walk = started.elapsed();
        let inputs = paths.into_iter().map(Input::File).collect();
        let submission = (!against.is_empty()).then_some(&new_paths);
        let mut report = check_inputs(inputs, warnings, facts, submission, rules, options)?;
        report.stats.read += walk;
        Ok(report)
    })
}

/// Runs `work` on a pool of `threads` workers (all cores when `None`).
pub fn with_threads<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
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
    facts: Option<&Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    let inputs = documents.into_iter().map(Input::Read).collect();
    check_inputs(inputs, warnings, facts, None, rules, options)
}

/// A document to check: read already, or a file read in the extraction pass, so that a
/// corpus's texts never all live at once.
pub enum Input {
    Read(Document),
    File(PathBuf),
}

/// Checks inputs against each other and against a facts file; with the paths of a
/// `submission`, its claims against the others' and only the findings that involve it.
fn check_inputs(
    inputs: Vec<Input>,
    warnings: Vec<Warning>,
    facts: Option<&Facts>,
    submission: Option<&HashSet<String>>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    let started = std::time::Instant::now();
    let extractor = Extractor::new(rules);
    let keep = if options.name_mentions || options.keep_texts {
        KeepTexts::All
    } else {
        KeepTexts::None
    };
    let mut batch = gather::first_pass(inputs, &extractor, options, keep);
    batch.warnings.splice(0..0, warnings);
    compare(batch, started.elapsed(), facts, submission, rules, options)
}

/// The stage across documents over a batch of records (extracted in this run or read from
/// claim shards) that took `pass_time` to gather: subjects, verdicts, checks and the
/// report. Records are numbered in the batch's order. An undated document's record read as
/// of another date than the batch's latest is extracted again from its text.
///
/// # Errors
/// A fact whose attribute no rule sets or whose value does not read.
pub fn compare(
    mut batch: Batch,
    pass_time: std::time::Duration,
    facts: Option<&Facts>,
    submission: Option<&HashSet<String>>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    let latest = batch
        .records
        .iter()
        .filter_map(|r| r.document.published)
        .max();
    reread_undated(&mut batch.records, latest, rules);
    let total = batch.records.len() as u64;
    let mut warnings = std::mem::take(&mut batch.warnings);
    // The pass's wall time, shared between reading, segmenting and extracting as the
    // workers' time was.
    let busy = (batch.read + batch.segment + batch.extract)
        .as_secs_f64()
        .max(1e-9);
    let share = |part: std::time::Duration| pass_time.mul_f64(part.as_secs_f64() / busy);
    let (read_time, segment_time) = if busy > 1e-9 {
        (share(batch.read), share(batch.segment))
    } else {
        (pass_time, std::time::Duration::ZERO)
    };
    let extract_time = pass_time.saturating_sub(read_time + segment_time);
    let claim_count: usize = batch.records.iter().map(|r| r.claims.len()).sum();
    let mention_count: usize = batch.records.iter().map(|r| r.mentions.len()).sum();
    let mut claims = Vec::with_capacity(claim_count);
    let mut mentions = Vec::with_capacity(mention_count);
    let mut suppressions = Vec::new();
    let mut documents = Vec::with_capacity(batch.records.len() + 1);
    let mut features = Vec::with_capacity(batch.records.len());
    let (mut sentences, mut bytes) = (0, 0);
    for (number, record) in batch.records.into_iter().enumerate() {
        claims.extend(
            record
                .claims
                .into_iter()
                .map(|c| Claim { doc: number, ..c }),
        );
        mentions.extend(
            record
                .mentions
                .into_iter()
                .map(|m| EventMention { doc: number, ..m }),
        );
        suppressions.extend(record.suppressions);
        features.push(record.story);
        warnings.extend(record.warnings);
        sentences += record.sentences;
        bytes += record.bytes;
        documents.push(record.document);
    }
    if let Some(paths) = submission {
        // The corpus's own directives silence what it says among itself, which a
        // submission's report leaves out anyway.
        suppressions.retain(|s| paths.contains(&s.path));
    }
    let articles = documents.len();
    if let Some(facts) = facts {
        claims.extend(facts.claims(articles, rules, latest)?);
        let document = &facts.document;
        bytes += document.text.len();
        documents.push(Source {
            path: document.path.clone(),
            name: document.name.clone(),
            published: document.published,
            url: document.url.clone(),
            text: Some(document.text.clone()),
        });
    }
    let started = std::time::Instant::now();
    if let Some(progress) = &options.progress {
        progress.report(Stage::Compare, total, total);
    }
    let mut grouped = stories::group(&features, &options.stories);
    drop(features);
    if facts.is_some() {
        // The facts file speaks for the corpus's main story: its claims join that one's.
        let main = (0..grouped.stories.len())
            .max_by_key(|&s| (grouped.stories[s].documents.len(), std::cmp::Reverse(s)))
            .unwrap_or(0);
        grouped.of_document.push(main);
        if let Some(story) = grouped.stories.get_mut(main) {
            story.documents.push(articles);
        }
    }
    let story_time = started.elapsed();
    let started = std::time::Instant::now();
    // The parties each mention's own sentence names, without its headline's.
    let own_parties: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            rules
                .lexicon
                .parties_in(&m.text)
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    let mut subjects = subjects::resolve_with_own_parties(
        &mut claims,
        &mentions,
        &own_parties,
        &grouped.of_document,
        &options.subjects,
    );
    drop(own_parties);
    let group_time = started.elapsed();
    let started = std::time::Instant::now();
    let context = Context {
        rules,
        thresholds: options.thresholds(),
        trusted: facts.map(|_| articles),
        event_window_days: options.subjects.event_window_days,
    };
    let mut findings = verdict::decide(&mut claims, &subjects, &context);
    if let Some(paths) = submission {
        let submitted: Vec<bool> = documents.iter().map(|d| paths.contains(&d.path)).collect();
        verdict::judge_submission(&claims, &mut findings, &submitted, &context);
    }
    // The checks' own claims follow the extracted ones (their indices continue).
    let (checked, evidence) = checks::run(&claims, &mentions, &mut subjects, &context);
    findings.extend(checked);
    verdict::sort(&mut findings, &subjects.subjects);
    let verdict_time = started.elapsed();
    if options.name_mentions {
        add_name_mentions(&mut subjects, &claims, &documents, rules);
    }
    drop(mentions);
    claims.reserve_exact(evidence.len());
    claims.extend(evidence);
    if !options.keep_texts {
        documents.iter_mut().for_each(|d| d.text = None);
    }
    let stats = Stats {
        bytes,
        documents: documents.len(),
        sentences,
        claims: claims.len(),
        subjects: subjects.subjects.len(),
        findings: findings.len(),
        read: read_time,
        segment: segment_time,
        extract: extract_time,
        stories: story_time,
        group: group_time,
        verdicts: verdict_time,
    };
    let mut report = Report {
        sources: documents,
        rules: rules.rules.iter().map(|rule| rule.info()).collect(),
        subjects: subjects.subjects,
        links: subjects.links,
        stories: grouped.stories,
        story_of_document: grouped.of_document,
        sentences,
        claims,
        findings,
        warnings,
        stats,
    };
    if let Some(paths) = submission {
        filter::keep_involving(&mut report, paths);
    }
    let unused = suppress::apply(&mut report, &suppressions);
    report.warnings.extend(unused);
    Ok(report)
}

/// Extracts again, as of `latest`, each undated document whose record was read as of
/// another date and still holds its text.
fn reread_undated(
    records: &mut [DocumentRecord],
    latest: Option<chrono::NaiveDate>,
    rules: &RuleSet,
) {
    use rayon::prelude::*;
    let stale = |r: &DocumentRecord| {
        r.document.published.is_none() && r.assumed != latest && r.document.text.is_some()
    };
    if !records.iter().any(stale) {
        return;
    }
    let extractor = Extractor::new(rules);
    let reference = latest.map(|date| Reference {
        date,
        assumed: true,
    });
    records
        .par_iter_mut()
        .filter(|r| stale(r))
        .for_each(|record| {
            let text = record.document.text.take().unwrap_or_default();
            let (document, _) = Document::new(&record.document.path, text);
            let extracted = extractor.extract(&document, 0, reference);
            let warnings = std::mem::take(&mut record.warnings);
            *record = DocumentRecord::new(document, extracted, warnings, latest, true);
        });
}

/// Adds to each person the places where the texts name them without a claim, one member
/// per phrase with its count and first place (for `--explain-groups`).
fn add_name_mentions(
    subjects: &mut Subjects,
    claims: &[Claim],
    documents: &[Source],
    rules: &RuleSet,
) {
    let texts: Vec<&str> = documents
        .iter()
        .map(|d| d.text.as_deref().unwrap_or_default())
        .collect();
    let mut locators: Vec<Locator> = texts.iter().map(|text| Locator::new(text)).collect();
    let mut phrases: std::collections::BTreeMap<(usize, String), (usize, usize, usize)> =
        Default::default();
    for (subject, phrase, doc, at) in subjects::name_mentions(claims, &texts, &rules.lexicon) {
        let (line, _) = locators[doc].locate(at);
        phrases.entry((subject, phrase)).or_insert((0, doc, line)).0 += 1;
    }
    for ((subject, phrase), (count, doc, line)) in phrases {
        subjects.subjects[subject].members.push(Member {
            spelling: phrase,
            claims: 0,
            reason: MemberReason::NameInText { count, doc, line },
        });
    }
}
