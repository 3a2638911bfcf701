//! Inline suppression: an author silences a finding where its claim is written.
//! `<!-- claimcheck: ignore RULE -->` silences findings of RULE (of every rule when none is
//! named) that cite a claim on the comment's line, or on the next line when the comment
//! stands alone; in plain text, a line `claimcheck: ignore-next-line RULE` (after any
//! comment marker) does so for the next line.
//! A suppression that silences nothing is reported.

use crate::model::report::{Report, Warning};
use crate::pipeline::boilerplate::directive;
use crate::pipeline::source::Document;

/// One suppression directive.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppression {
    pub path: String,
    /// The 1-based line of the directive.
    pub line: usize,
    /// The line whose claims it silences.
    pub target: usize,
    /// The rule it silences; `None` for every rule.
    pub rule: Option<String>,
}

/// The directives of one document.
pub fn directives(document: &Document) -> Vec<Suppression> {
    document
        .text
        .lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let found = directive(line)?;
            Some(Suppression {
                path: document.path.clone(),
                line: index + 1,
                target: if found.next_line {
                    index + 2
                } else {
                    index + 1
                },
                rule: found.rule,
            })
        })
        .collect()
}

/// Removes the findings the directives silence; returns a warning for each directive that
/// silenced nothing.
pub fn apply(report: &mut Report, suppressions: &[Suppression]) -> Vec<Warning> {
    let mut used = vec![false; suppressions.len()];
    let (claims, sources, rules) = (&report.claims, &report.sources, &report.rules);
    report.findings.retain(|finding| {
        let mut silenced = false;
        for (index, suppression) in suppressions.iter().enumerate() {
            let rule_matches = suppression
                .rule
                .as_ref()
                .is_none_or(|r| *r == rules[finding.rule].id);
            let cites = finding.claims().any(|i| {
                let claim = &claims[i];
                sources[claim.doc].path == suppression.path
                    && claim.located.line == suppression.target
            });
            if rule_matches && cites {
                used[index] = true;
                silenced = true;
            }
        }
        !silenced
    });
    suppressions
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(s, _)| Warning {
            line: Some(s.line),
            ..Warning::about(
                &s.path,
                format!(
                    "suppression of {} silences nothing",
                    s.rule.as_deref().unwrap_or("every rule")
                ),
            )
        })
        .collect()
}
