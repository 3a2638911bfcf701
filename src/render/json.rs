//! The JSON report, schema version 1: sources, findings with their claims inline, and all
//! claims. Later versions may add fields, never remove or rename them. The report is
//! serialized straight from borrowed data (no intermediate JSON tree), fields in
//! alphabetical order.

use crate::check::{ClaimRecord, Report, SourceRecord};
use crate::finding::Verdict;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    claims: Vec<Claim<'a>>,
    findings: Vec<Finding<'a>>,
    sources: &'a [SourceRecord],
    version: u32,
}

#[derive(Serialize)]
struct Finding<'a> {
    attribute: &'a str,
    claims: Vec<Cited<'a>>,
    message: &'a str,
    rule: &'a str,
    severity: &'a str,
    subject: &'a str,
    verdict: Verdict,
}

#[derive(Serialize)]
struct Cited<'a> {
    column: usize,
    line: usize,
    path: &'a str,
    quote: &'a str,
    source: &'a str,
    text: &'a str,
    value: &'a serde_json::Value,
}

#[derive(Serialize)]
struct Claim<'a> {
    attribute: &'a str,
    column: usize,
    line: usize,
    path: &'a str,
    quote: &'a str,
    rule: &'a str,
    subject: &'a str,
    text: &'a str,
    unverified: bool,
    value: &'a serde_json::Value,
}

fn cited(claim: &ClaimRecord) -> Cited<'_> {
    Cited {
        column: claim.column,
        line: claim.line,
        path: &claim.path,
        quote: &claim.quote,
        source: &claim.source,
        text: &claim.text,
        value: &claim.value,
    }
}

pub fn report(report: &Report) -> String {
    let document = Document {
        claims: report
            .claims
            .iter()
            .map(|claim| Claim {
                attribute: &claim.attribute,
                column: claim.column,
                line: claim.line,
                path: &claim.path,
                quote: &claim.quote,
                rule: &claim.rule,
                subject: &claim.subject,
                text: &claim.text,
                unverified: claim.unverified,
                value: &claim.value,
            })
            .collect(),
        findings: report
            .findings
            .iter()
            .map(|finding| Finding {
                attribute: &finding.attribute,
                claims: finding
                    .claims
                    .iter()
                    .map(|&i| cited(&report.claims[i]))
                    .collect(),
                message: &finding.message,
                rule: &finding.rule,
                severity: finding.severity.name(),
                subject: &finding.subject,
                verdict: finding.verdict,
            })
            .collect(),
        sources: &report.sources,
        version: SCHEMA_VERSION,
    };
    let mut text = serde_json::to_string_pretty(&document).expect("report serializes");
    text.push('\n');
    text
}
