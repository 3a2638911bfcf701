//! Findings: the verdict on a group of claims about one subject and attribute.

use serde::Serialize;

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
    /// Index of the rule whose claims these are.
    pub rule: usize,
    pub verdict: Verdict,
    pub subject: String,
    pub attribute: String,
    pub message: String,
    /// Indices into the run's claims, in document order.
    pub claims: Vec<usize>,
}
