//! Findings: the verdict on claims about one subject and attribute — one primary claim
//! (where a tool shows the finding) and the related claims it is weighed against — with the
//! typed detail a message is written from.

use super::claim::Attribute;
use super::subject::{LinkReason, Subject};
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How serious a rule's conflicts are.
#[derive(
    Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    #[default]
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The verdict scale, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Different sources give values that cannot both be true at the same time.
    Conflict,
    /// One source contradicts itself.
    InternalConflict,
    /// The values differ but the subjects only fuzzily match, or a date was assumed.
    PossibleConflict,
    /// The values differ between periods: a change over time, not a contradiction.
    Changed,
    /// The sources (or two differently worded statements of one source) agree.
    Agreement,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::InternalConflict => "internal-conflict",
            Verdict::PossibleConflict => "possible-conflict",
            Verdict::Changed => "changed",
            Verdict::Agreement => "agreement",
        }
    }

    /// Whether the verdict fails a run.
    pub fn is_conflict(self) -> bool {
        matches!(self, Verdict::Conflict | Verdict::InternalConflict)
    }
}

/// One finding: a verdict citing the claims it is based on.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the rule whose claims these are (its severity is the finding's).
    pub rule: usize,
    pub verdict: Verdict,
    /// Index of the subject in the report's subjects.
    pub subject: usize,
    pub attribute: Attribute,
    /// The claim a tool shows the finding at: the first in document order (for a
    /// submission judged against a corpus, the submission's claim).
    pub primary: usize,
    /// The other claims cited, in document order.
    pub related: Vec<usize>,
    pub detail: Detail,
}

/// What a finding's message says beyond its rule's template.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// The values compared: the class of agreeing values of each cited claim (primary
    /// first, then related), classes numbered in the order of their first claim.
    Values { classes: Vec<u32> },
    /// Values of two subjects that may be one (`other`, the second subject, with the reason
    /// they may be); classes as in [`Detail::Values`].
    Linked {
        other: usize,
        reason: LinkReason,
        classes: Vec<u32>,
    },
    /// A date written with a weekday it does not fall on.
    WeekdayMismatch { written: Weekday, date: NaiveDate },
    /// One person's name spelled differently; each cited claim is one spelling.
    NameVariant,
    /// A "first" event that other sources report an earlier one of: the first `firsts`
    /// cited claims call it the first, the others are the earlier reports.
    EarlierEvent { firsts: usize },
}

impl Finding {
    /// The claims cited, primary first.
    pub fn claims(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.primary).chain(self.related.iter().copied())
    }

    /// How many claims the finding cites.
    pub fn cited(&self) -> usize {
        1 + self.related.len()
    }

    /// The subject as the finding names it: its label, or for subjects that may be one both
    /// labels in order, "George Wyckoff ~ George Wikoff".
    pub fn subject_label<'a>(&self, subjects: &'a [Subject]) -> Cow<'a, str> {
        let label = subjects[self.subject].label.as_str();
        match &self.detail {
            Detail::Linked { other, .. } => {
                let other = subjects[*other].label.as_str();
                let (first, second) = if label <= other {
                    (label, other)
                } else {
                    (other, label)
                };
                Cow::Owned(format!("{first} ~ {second}"))
            }
            _ => Cow::Borrowed(label),
        }
    }
}
