//! SARIF 2.1.0 for code-scanning tools: every rule in `tool.driver.rules`, every finding
//! that is not an agreement as a result with its level, message, the first claim as the
//! location, the other claims as related locations, and a fingerprint that leaves positions
//! out (so it survives edits).

use crate::model::finding::Verdict;
use crate::pipeline::run::{ClaimRecord, Report};
use crate::rules::{RuleSet, Severity};
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn report(report: &Report, rules: &RuleSet) -> String {
    let driver_rules: Vec<Value> = rules
        .rules
        .iter()
        .map(|rule| {
            let description = rule
                .description
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": {"text": rule.message},
                "fullDescription": {"text": description},
                "help": {"text": format!("{description} Rule file: {}.", rule.file)},
                "defaultConfiguration": {"level": level(rule.severity)},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .filter(|f| f.verdict != Verdict::Agreement)
        .filter_map(|finding| {
            let first = &report.claims[*finding.claims.first()?];
            let rule_index = rules.rules.iter().position(|r| r.id == finding.rule)?;
            let result_level = match finding.verdict {
                Verdict::Conflict | Verdict::InternalConflict => level(finding.severity),
                _ => "note",
            };
            let related: Vec<Value> = finding.claims[1..]
                .iter()
                .enumerate()
                .map(|(id, &i)| {
                    let claim = &report.claims[i];
                    let mut location = location(claim);
                    location["id"] = json!(id + 1);
                    location["message"] =
                        json!({"text": format!("{}: {}", claim.source, claim.text)});
                    location
                })
                .collect();
            Some(json!({
                "ruleId": finding.rule,
                "ruleIndex": rule_index,
                "level": result_level,
                "message": {"text": finding.message},
                "locations": [location(first)],
                "relatedLocations": related,
                "partialFingerprints": {"claimcheck/v1": crate::pipeline::filter::baseline::fingerprint(report, finding)},
                "properties": {
                    "verdict": finding.verdict.name(),
                    "subject": finding.subject,
                    "attribute": finding.attribute,
                },
            }))
        })
        .collect();
    let document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/claimcheck",
                "rules": driver_rules,
            }},
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).expect("SARIF serializes");
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(claim: &ClaimRecord) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": &*claim.path},
            "region": {
                "startLine": claim.line,
                "startColumn": claim.column,
                "snippet": {"text": &*claim.quote},
            },
        },
    })
}
