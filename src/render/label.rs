//! The names a reader sees: the display label of a subject and of a finding's subject, and
//! the topics findings are grouped under (one heading each in the table, the Markdown and
//! the HTML report). Every human-facing format takes its names from here, so that a better
//! name — a story's label where a subject is "the exercise (2026-05)" — is one change.
//! Machine formats keep the subject's own label, which fingerprints and baselines rest on.

use crate::model::finding::{Finding, Verdict};
use crate::model::report::Report;
use std::collections::{BTreeSet, HashMap};

/// The label a reader sees for subject `subject`.
pub fn subject(report: &Report, subject: usize) -> String {
    // The one place a story's label would replace or extend the subject's own.
    report.subjects[subject].label.clone()
}

/// The subject as a finding names it for a reader: its display label, or for two subjects
/// that may be one both labels, "George Wyckoff ~ George Wikoff".
pub fn finding_subject(report: &Report, finding: &Finding) -> String {
    match &finding.detail {
        crate::model::finding::Detail::Linked { other, .. } => {
            let (a, b) = (subject(report, finding.subject), subject(report, *other));
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            format!("{first} ~ {second}")
        }
        _ => subject(report, finding.subject),
    }
}

/// Findings under one heading: today the findings of one subject; the heading is where a
/// story (the documents that report one event) will name the group.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The heading's label.
    pub label: String,
    /// The findings, as indices into the report's findings, in report order.
    pub findings: Vec<usize>,
    /// How many sources the findings cite.
    pub sources: usize,
    /// The most serious verdict among the findings.
    pub worst: Verdict,
}

impl Topic {
    /// "Kevin Hamilton · 3 sources"
    pub fn heading(&self) -> String {
        let sources = super::plural(self.sources, "source", "sources");
        format!("{} · {sources}", self.label)
    }
}

/// The findings (of `keep`) grouped by the subject they are about, the most serious topic
/// first (then by label); a person whose title is an office in one finding and a rank in
/// another is one topic.
pub fn topics(report: &Report, keep: impl Fn(&Finding) -> bool) -> Vec<Topic> {
    let mut topics: Vec<Topic> = Vec::new();
    let mut of_subject: HashMap<usize, usize> = HashMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        if !keep(finding) {
            continue;
        }
        let at = *of_subject.entry(finding.subject).or_insert_with(|| {
            topics.push(Topic {
                label: subject(report, finding.subject),
                findings: Vec::new(),
                sources: 0,
                worst: finding.verdict,
            });
            topics.len() - 1
        });
        let topic = &mut topics[at];
        topic.findings.push(index);
        topic.worst = topic.worst.min(finding.verdict);
    }
    let mut topics: Vec<Topic> = topics
        .into_iter()
        .map(|mut topic| {
            let docs: BTreeSet<usize> = topic
                .findings
                .iter()
                .flat_map(|&f| report.cited(&report.findings[f]).map(|c| c.doc))
                .collect();
            topic.sources = docs.len();
            topic
        })
        .collect();
    topics.sort_by(|a, b| a.worst.cmp(&b.worst).then_with(|| a.label.cmp(&b.label)));
    topics
}

/// A verdict as a reader sees it: conflicts in capitals.
pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "CONFLICT",
        Verdict::InternalConflict => "INTERNAL CONFLICT",
        other => other.name(),
    }
}
