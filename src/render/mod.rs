//! Renderers: a report in, bytes out. Each format is one module; none of them prints.

pub mod excerpt;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod label;
pub mod markdown;
pub mod mentions;
pub mod message;
pub mod sarif;
pub mod table;

pub use message::message;

use crate::model::claim::Claim;
use crate::model::finding::{Detail, Finding, Severity, Verdict};
use crate::model::report::{Report, Stats};
use crate::rules::{Rule, RuleSet};
use crate::text::collapse_whitespace;

/// How loud a finding is where findings are ranked in three levels (GitHub annotations,
/// SARIF results): a conflict at its rule's severity, a possible conflict or a change one
/// level below it, an agreement not at all.
pub fn alert_severity(report: &Report, finding: &Finding) -> Option<Severity> {
    let severity = report.rule(finding).severity;
    match finding.verdict {
        Verdict::Conflict | Verdict::InternalConflict => Some(severity),
        Verdict::PossibleConflict | Verdict::Changed => Some(match severity {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Info => Severity::Info,
        }),
        Verdict::Agreement => None,
    }
}

/// `claimcheck rules --explain RULE`: a rule in full.
pub fn explain(rule: &Rule) -> String {
    let description = collapse_whitespace(&rule.description);
    let mut out = format!(
        "{} ({}, {})\n\n{description}\n\nattribute: {}\ntime-varying: {}\nmessage: {}\n\nexamples:\n",
        rule.id,
        rule.severity.name(),
        rule.file,
        rule.attribute.name(),
        rule.time_varying,
        rule.message
    );
    for (_, example) in &rule.examples {
        let documents: Vec<&String> = std::iter::once(&example.text)
            .chain(&example.also)
            .collect();
        out.push_str(&format!(
            "  {}\n    -> {}\n",
            quoted(&documents),
            example.value
        ));
    }
    out.push_str(if rule.check.is_some() {
        "counterexamples (no finding):\n"
    } else {
        "counterexamples (no claim):\n"
    });
    for (_, documents) in &rule.counterexamples {
        out.push_str(&format!(
            "  {}\n",
            quoted(&documents.iter().collect::<Vec<_>>())
        ));
    }
    out
}

/// `claimcheck rules`: one line per rule — id, severity, attribute and what it finds.
pub fn rule_list(rules: &RuleSet) -> String {
    let mut out = String::new();
    for rule in &rules.rules {
        let summary = collapse_whitespace(&rule.description);
        out.push_str(&format!(
            "{:<18} {:<8} {:<10} {}\n",
            rule.id,
            rule.severity.name(),
            rule.attribute.name(),
            summary
        ));
    }
    out
}

/// Documents of an example, each quoted, with " + " between them.
fn quoted(documents: &[&String]) -> String {
    documents
        .iter()
        .map(|d| format!("{d:?}"))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The `--stats` lines: counts and wall time per stage.
pub fn stats(stats: &Stats) -> String {
    let seconds = |d: std::time::Duration| d.as_secs_f64();
    let total =
        stats.read + stats.segment + stats.extract + stats.stories + stats.group + stats.verdicts;
    let megabytes = stats.bytes as f64 / (1024.0 * 1024.0);
    format!(
        "claimcheck stats: {} documents, {:.1} MB, {} sentences, {} claims, {} subjects, {} findings\n\
         claimcheck stats: read {:.3}s, segment {:.3}s, extract {:.3}s, stories {:.3}s, subjects {:.3}s, verdicts {:.3}s, total {:.3}s ({:.1} MB/s)\n",
        stats.documents,
        megabytes,
        stats.sentences,
        stats.claims,
        stats.subjects,
        stats.findings,
        seconds(stats.read),
        seconds(stats.segment),
        seconds(stats.extract),
        seconds(stats.stories),
        seconds(stats.group),
        seconds(stats.verdicts),
        seconds(total),
        megabytes / seconds(total).max(1e-9),
    )
}

/// The claims a finding cites in the order a reader compares them: the claims of each
/// class of agreeing values together, classes in the order of their first claim, each in
/// citing order (the primary claim first).
pub fn reading_order<'a>(report: &'a Report, finding: &'a Finding) -> Vec<&'a Claim> {
    classed(finding)
        .into_iter()
        .map(|(index, _)| &report.claims[index])
        .collect()
}

/// The claims a finding cites in reading order (see [`reading_order`]), as indices into
/// the report's claims, each with the number of its class of agreeing values.
pub fn classed(finding: &Finding) -> Vec<(usize, u32)> {
    let mut cited: Vec<(usize, u32)> = match &finding.detail {
        Detail::Values { classes } | Detail::Linked { classes, .. } => {
            finding.claims().zip(classes.iter().copied()).collect()
        }
        _ => finding.claims().map(|index| (index, 0)).collect(),
    };
    // Stable: the citing order holds within a class.
    cited.sort_by_key(|(_, class)| *class);
    cited
}

/// "1 source", "3 sources".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "claimcheck: 5 sources, 212 sentences, 87 claims, 3 conflicts, 1 changed, 6 agreements"
pub fn summary_line(report: &Report) -> String {
    let mut parts = vec![
        plural(report.sources.len(), "source", "sources"),
        plural(report.sentences, "sentence", "sentences"),
        plural(report.claims.len(), "claim", "claims"),
        plural(report.count(Verdict::Conflict), "conflict", "conflicts"),
    ];
    for (verdict, one, many) in [
        (
            Verdict::InternalConflict,
            "internal conflict",
            "internal conflicts",
        ),
        (
            Verdict::PossibleConflict,
            "possible conflict",
            "possible conflicts",
        ),
        (Verdict::Changed, "changed", "changed"),
        (Verdict::Agreement, "agreement", "agreements"),
    ] {
        let n = report.count(verdict);
        if n > 0 || verdict == Verdict::Agreement {
            parts.push(plural(n, one, many));
        }
    }
    format!("claimcheck: {}", parts.join(", "))
}
