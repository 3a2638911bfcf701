//! What a report leaves out: findings silenced where their claims are written, findings a
//! baseline has accepted, and (checking a submission against a corpus) findings that do not
//! involve the submission.

pub mod baseline;
pub mod suppress;

use crate::model::finding::Verdict;
use crate::model::report::Report;
use std::collections::HashSet;

/// Keeps only the findings that cite a claim of one of `paths` and are not agreements
/// (checking a submission against a trusted corpus: does it contradict it?).
pub fn keep_involving(report: &mut Report, paths: &HashSet<String>) {
    let (claims, sources) = (&report.claims, &report.sources);
    report.findings.retain(|f| {
        f.verdict != Verdict::Agreement
            && f.claims()
                .any(|i| paths.contains(&sources[claims[i].doc].path))
    });
}
