//! Baselines: the findings a team has accepted, recorded by a fingerprint that leaves
//! positions out (rule, subject, attribute, normalized values), so that a baseline survives
//! edits that only move text, and a changed value brings its finding back.

use crate::model::report::Report;
use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub verdict: String,
    pub subject: String,
    pub attribute: String,
    pub values: Vec<String>,
}

impl Baseline {
    /// The baseline of every finding in `report`.
    pub fn of(report: &Report) -> Baseline {
        let mut findings: Vec<Entry> = report
            .findings
            .iter()
            .map(|finding| Entry {
                fingerprint: report.fingerprint(finding),
                rule: report.rule(finding).id.clone(),
                verdict: finding.verdict.name().to_string(),
                subject: report.subject_of(finding).into_owned(),
                attribute: finding.attribute.to_string(),
                values: report.values(finding),
            })
            .collect();
        findings.sort();
        findings.dedup();
        Baseline {
            version: VERSION,
            findings,
        }
    }

    /// Reads a baseline file.
    ///
    /// # Errors
    /// The file cannot be read, or is not a baseline of this version.
    pub fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a claimcheck baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if baseline.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not {VERSION}",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("baselines serialize");
        text.push('\n');
        text
    }

    /// Removes the findings the baseline holds from `report`; returns the baseline's
    /// entries that no longer occur.
    pub fn apply(&self, report: &mut Report) -> Vec<Entry> {
        let present: Vec<String> = report
            .findings
            .iter()
            .map(|f| report.fingerprint(f))
            .collect();
        let known: std::collections::HashSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut index = 0;
        report.findings.retain(|_| {
            let keep = !known.contains(present[index].as_str());
            index += 1;
            keep
        });
        self.findings
            .iter()
            .filter(|e| !present.contains(&e.fingerprint))
            .cloned()
            .collect()
    }
}
