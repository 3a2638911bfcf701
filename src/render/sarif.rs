//! SARIF 2.1.0 for code-scanning tools: every rule in `tool.driver.rules`, every finding
//! that is not an agreement as a result with its level, message, the first claim as the
//! location, the other claims as related locations, and a fingerprint that leaves positions
//! out (so it survives edits).

use super::message::message;
use crate::model::claim::Claim;
use crate::model::finding::Severity;
use crate::model::report::Report;
use crate::text::collapse_whitespace;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn report(report: &Report) -> String {
    let driver_rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            let description = collapse_whitespace(&rule.description);
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
        .filter_map(|f| Some((f, super::alert_severity(report, f)?)))
        .map(|(finding, severity)| {
            let first = &report.claims[finding.primary];
            let rule = report.rule(finding);
            let result_level = level(severity);
            let related: Vec<Value> = finding
                .related
                .iter()
                .enumerate()
                .map(|(id, &i)| {
                    let claim = &report.claims[i];
                    let mut location = location(report, claim);
                    location["id"] = json!(id + 1);
                    location["message"] =
                        json!({"text": format!("{}: {}", report.source(claim).name, claim.text)});
                    location
                })
                .collect();
            json!({
                "ruleId": rule.id,
                "ruleIndex": finding.rule,
                "level": result_level,
                "message": {"text": message(report, finding)},
                "locations": [location(report, first)],
                "relatedLocations": related,
                "partialFingerprints": {"claimcheck/v1": report.fingerprint(finding)},
                "properties": {
                    "verdict": finding.verdict.name(),
                    "subject": report.subject_of(finding),
                    "attribute": finding.attribute,
                },
            })
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

fn location(report: &Report, claim: &Claim) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": report.source(claim).path},
            "region": {
                "startLine": claim.located.line,
                "startColumn": claim.located.column,
                "snippet": {"text": &*claim.located.quote},
            },
        },
    })
}
