//! The first pass over the inputs, in parallel: each file read, its claims, event mentions
//! and suppression directives extracted, and its text let go; undated documents once the
//! corpus's latest date is known. Runs of inputs are gathered in input order, so everything
//! after is the same whatever the number of threads.

use super::{CheckOptions, Input, Stage};
use crate::model::claim::Claim;
use crate::model::mention::EventMention;
use crate::model::report::Warning;
use crate::model::story::StoryFeatures;
use crate::normalize::date::Reference;
use crate::pipeline::extract::Extractor;
use crate::pipeline::filter::suppress::{self, Suppression};
use crate::pipeline::source::{self, Document};
use rayon::prelude::*;
use std::collections::HashMap;

/// Everything extraction gathered, claims and mentions in document order and numbered by
/// document.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) claims: Vec<Claim>,
    pub(super) mentions: Vec<EventMention>,
    /// Each document's story features with its number.
    pub(super) stories: Vec<(usize, StoryFeatures)>,
    pub(super) suppressions: Vec<Suppression>,
    pub(super) warnings: Vec<Warning>,
    pub(super) sentences: usize,
    pub(super) bytes: usize,
    /// Time the workers spent reading, segmenting and extracting.
    pub(super) read: std::time::Duration,
    pub(super) segment: std::time::Duration,
    pub(super) extract: std::time::Duration,
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
        self.stories.push((index, one.story));
        self.suppressions.extend(suppress::directives(document));
        self.bytes += document.text.len();
        // Claims carry their quotes and positions: at corpus scale the texts would be most
        // of the memory.
        document.lines = Vec::new();
        if !options.name_mentions && !options.keep_texts {
            document.text = String::new();
        }
        self.segment += one.segmenting;
        self.extract += started.elapsed().saturating_sub(one.segmenting);
    }

    /// Appends `other`, whose documents follow these.
    fn append(&mut self, other: Gathered) {
        self.claims.extend(other.claims);
        self.mentions.extend(other.mentions);
        self.stories.extend(other.stories);
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
pub(super) fn first_pass(
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
    gathered
        .stories
        .iter_mut()
        .for_each(|(doc, _)| *doc = number[*doc]);
    gathered.stories.sort_by_key(|(doc, _)| *doc);
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
