//! The per-document stage, in parallel: each input read, extracted into its
//! [`DocumentRecord`] and its text let go; undated documents once the latest date of the
//! inputs is known. Records come out in input order, so everything after is the same
//! whatever the number of threads.

use super::record::DocumentRecord;
use super::{CheckOptions, Input, Stage};
use crate::model::report::Warning;
use crate::normalize::date::Reference;
use crate::pipeline::extract::Extractor;
use crate::pipeline::source::{self, Document};
use rayon::prelude::*;

/// The records of a run of inputs, in input order, and what the pass saw besides.
#[derive(Debug, Default)]
pub struct Batch {
    pub records: Vec<DocumentRecord>,
    /// About inputs that gave no document (the records carry their own).
    pub warnings: Vec<Warning>,
    /// Time the workers spent reading, segmenting and extracting.
    pub read: std::time::Duration,
    pub segment: std::time::Duration,
    pub extract: std::time::Duration,
}

/// Which texts a record keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepTexts {
    /// Every document's (a report that shows claims in their documents, or looks names
    /// up in the texts).
    All,
    /// Undated documents' only: a comparison with a later latest date reads them again.
    Undated,
    None,
}

/// One input after reading: extracted, or undated (read as of the latest date, known once
/// every other input has been read), or no document at all.
enum Outcome {
    Extracted(Box<DocumentRecord>),
    Undated(Document, Vec<Warning>),
    Unreadable,
}

/// What a worker gathers from a run of consecutive inputs.
#[derive(Default)]
struct Run {
    outcomes: Vec<Outcome>,
    batch: Batch,
}

impl Batch {
    /// Extracts `document` into its record.
    fn extract(
        &mut self,
        extractor: &Extractor,
        document: Document,
        warnings: Vec<Warning>,
        reference: Option<Reference>,
        keep: KeepTexts,
    ) -> DocumentRecord {
        let started = std::time::Instant::now();
        let one = extractor.extract(&document, 0, reference);
        let undated = document.published.is_none();
        let keep_text = keep == KeepTexts::All || (keep == KeepTexts::Undated && undated);
        self.segment += one.segmenting;
        let segmenting = one.segmenting;
        let assumed = reference.filter(|_| undated).map(|r| r.date);
        let record = DocumentRecord::new(document, one, warnings, assumed, keep_text);
        self.extract += started.elapsed().saturating_sub(segmenting);
        record
    }

    fn add_times(&mut self, other: &Batch) {
        self.read += other.read;
        self.segment += other.segment;
        self.extract += other.extract;
    }
}

/// Reads (where needed) and extracts every input in parallel, dated documents as soon as
/// they are read, undated ones once the latest date is known.
pub fn first_pass(
    inputs: Vec<Input>,
    extractor: &Extractor,
    options: &CheckOptions,
    keep: KeepTexts,
) -> Batch {
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
        .fold(Run::default, |mut run, input| {
            let started = std::time::Instant::now();
            let (document, warnings) = match input {
                Input::Read(document) => (Some(document), Vec::new()),
                Input::File(path) => source::read_one(&path),
            };
            run.batch.read += started.elapsed();
            let outcome = match document {
                None => {
                    run.batch.warnings.extend(warnings);
                    Outcome::Unreadable
                }
                Some(document) if document.published.is_none() => {
                    Outcome::Undated(document, warnings)
                }
                Some(document) => {
                    let reference = document.published.map(|date| Reference {
                        date,
                        assumed: false,
                    });
                    let record = run
                        .batch
                        .extract(extractor, document, warnings, reference, keep);
                    Outcome::Extracted(Box::new(record))
                }
            };
            if !matches!(outcome, Outcome::Undated(..)) {
                report_one();
            }
            run.outcomes.push(outcome);
            run
        })
        .collect();
    let mut batch = Batch::default();
    let mut outcomes = Vec::with_capacity(total as usize);
    for run in runs {
        batch.add_times(&run.batch);
        batch.warnings.extend(run.batch.warnings);
        outcomes.extend(run.outcomes);
    }
    let latest = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Extracted(record) => record.document.published,
            _ => None,
        })
        .max();
    let reference = latest.map(|date| Reference {
        date,
        assumed: true,
    });
    // Undated documents, extracted now, in their places.
    let late: Vec<Batch> = outcomes
        .par_iter_mut()
        .filter_map(|outcome| {
            if !matches!(outcome, Outcome::Undated(..)) {
                return None;
            }
            let Outcome::Undated(document, warnings) =
                std::mem::replace(outcome, Outcome::Unreadable)
            else {
                return None;
            };
            let mut times = Batch::default();
            let record = times.extract(extractor, document, warnings, reference, keep);
            *outcome = Outcome::Extracted(Box::new(record));
            report_one();
            Some(times)
        })
        .collect();
    for times in &late {
        batch.add_times(times);
    }
    batch.records = outcomes
        .into_iter()
        .filter_map(|outcome| match outcome {
            Outcome::Extracted(record) => Some(*record),
            Outcome::Unreadable | Outcome::Undated(..) => None,
        })
        .collect();
    batch
}
