//! Inline suppression: an author silences a finding where its claim is written.
//! `<!-- claimcheck: ignore RULE -->` silences findings of RULE (of every rule when none is
//! named) that cite a claim on the comment's line, or on the next line when the comment
//! stands alone; in plain text, a line `claimcheck: ignore-next-line RULE` (after any
//! comment marker) does so for the next line.
//! A suppression that silences nothing is reported.

use crate::model::error::Warning;
use crate::pipeline::run::Report;
use crate::pipeline::source::Document;
use regex::Regex;
use std::sync::LazyLock;

/// One suppression directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub path: String,
    /// The 1-based line of the directive.
    pub line: usize,
    /// The line whose claims it silences.
    pub target: usize,
    /// The rule it silences; `None` for every rule.
    pub rule: Option<String>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"(?:<!--\s*claimcheck:\s*ignore(?P<next>-next-line)?(?:\s+(?P<rule>[a-z0-9-]+))?\s*-->|^\W*claimcheck:\s*ignore-next-line(?:\s+(?P<rule2>[a-z0-9-]+))?\s*$)")
        .expect("directive pattern compiles")
});

/// The directives of one document.
pub fn directives(document: &Document) -> Vec<Suppression> {
    document
        .text
        .lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let caps = DIRECTIVE.captures(line)?;
            // The next line for the "-next-line" forms and for a comment alone on its line;
            // the comment's own line when it sits in the text.
            let next = caps.name("next").is_some()
                || !caps.get(0)?.as_str().contains("-->")
                || is_directive_line(line);
            let rule = caps
                .name("rule")
                .or(caps.name("rule2"))
                .map(|m| m.as_str().to_string());
            Some(Suppression {
                path: document.path.clone(),
                line: index + 1,
                target: if next { index + 2 } else { index + 1 },
                rule,
            })
        })
        .collect()
}

/// Whether a line holds only a directive (and so is no text).
pub fn is_directive_line(line: &str) -> bool {
    DIRECTIVE
        .find(line)
        .is_some_and(|m| line.trim() == m.as_str().trim())
}

/// Removes the findings the directives silence; returns a warning for each directive that
/// silenced nothing.
pub fn apply(report: &mut Report, suppressions: &[Suppression]) -> Vec<Warning> {
    let mut used = vec![false; suppressions.len()];
    let claims = &report.claims;
    report.findings.retain(|finding| {
        let mut silenced = false;
        for (index, suppression) in suppressions.iter().enumerate() {
            let rule_matches = suppression.rule.as_ref().is_none_or(|r| *r == finding.rule);
            let cites = finding.claims.iter().any(|&i| {
                *claims[i].path == *suppression.path && claims[i].line == suppression.target
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
            path: format!("{}:{}", s.path, s.line),
            message: format!(
                "suppression of {} silences nothing",
                s.rule.as_deref().unwrap_or("every rule")
            ),
            unreadable: false,
        })
        .collect()
}
