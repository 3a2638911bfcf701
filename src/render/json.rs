//! The JSON report, schema version 1: sources, findings with their claims inline, and all
//! claims. Later versions may add fields, never remove or rename them.

use crate::check::{ClaimRecord, Report};
use serde_json::{json, Value};

pub const SCHEMA_VERSION: u32 = 1;

pub fn report(report: &Report) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let claims: Vec<Value> = finding
                .claims
                .iter()
                .map(|&i| cited_claim(&report.claims[i]))
                .collect();
            json!({
                "rule": finding.rule,
                "severity": finding.severity.name(),
                "verdict": finding.verdict,
                "subject": finding.subject,
                "attribute": finding.attribute,
                "message": finding.message,
                "claims": claims,
            })
        })
        .collect();
    let claims: Vec<Value> = report
        .claims
        .iter()
        .map(|claim| {
            let mut value = serde_json::to_value(claim).expect("claims serialize");
            value["unverified"] = json!(claim.unverified);
            value
        })
        .collect();
    let document = json!({
        "version": SCHEMA_VERSION,
        "sources": report.sources,
        "findings": findings,
        "claims": claims,
    });
    let mut text = serde_json::to_string_pretty(&document).expect("report serializes");
    text.push('\n');
    text
}

fn cited_claim(claim: &ClaimRecord) -> Value {
    json!({
        "path": claim.path,
        "line": claim.line,
        "column": claim.column,
        "quote": claim.quote,
        "text": claim.text,
        "value": claim.value,
        "source": claim.source,
    })
}
