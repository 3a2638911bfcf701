//! The JSON report, schema version 1: sources, findings with their claims inline, and all
//! claims. Later versions may add fields, never remove or rename them. The report is
//! serialized straight from borrowed data (no intermediate JSON tree), fields in
//! alphabetical order.

use crate::model::finding::Verdict;
use crate::pipeline::run::{ClaimRecord, FindingRecord, Report, SourceRecord};
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a, C: Serialize, F: Serialize> {
    claims: C,
    findings: F,
    sources: &'a [SourceRecord],
    version: u32,
}

/// A sequence serialized item by item as `items` yields it: the views of a large report's
/// claims and findings are never all held at once.
struct Streamed<M>(M);

impl<M, I> Serialize for Streamed<M>
where
    M: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
pub(super) struct Finding<'a> {
    attribute: &'a str,
    claims: Vec<Cited<'a>>,
    message: &'a str,
    rule: &'a str,
    severity: &'a str,
    subject: &'a str,
    verdict: Verdict,
}

#[derive(Serialize)]
pub(super) struct Cited<'a> {
    column: usize,
    line: usize,
    path: &'a str,
    quote: &'a str,
    source: &'a str,
    text: &'a str,
    value: &'a crate::model::value::Value,
}

#[derive(Serialize)]
pub(super) struct Claim<'a> {
    attribute: &'a str,
    column: usize,
    line: usize,
    path: &'a str,
    quote: &'a str,
    rule: &'a str,
    subject: &'a str,
    text: &'a str,
    unverified: bool,
    value: &'a crate::model::value::Value,
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

/// A claim as the report lists it.
pub(super) fn claim_view(claim: &ClaimRecord) -> Claim<'_> {
    Claim {
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
    }
}

/// A finding with the claims it cites inline.
pub(super) fn finding_view<'a>(report: &'a Report, finding: &'a FindingRecord) -> Finding<'a> {
    Finding {
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
    }
}

pub fn report(report: &Report) -> String {
    let mut bytes = Vec::new();
    write(report, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("JSON is UTF-8")
}

/// Writes the report to `out` as it is serialized, without holding the whole text (a
/// report on a large corpus is several times its size).
///
/// # Errors
/// Whatever `out` fails with.
pub fn write(report: &Report, out: &mut (impl std::io::Write + ?Sized)) -> std::io::Result<()> {
    let document = Document {
        claims: Streamed(|| report.claims.iter().map(claim_view)),
        findings: Streamed(|| {
            report
                .findings
                .iter()
                .map(|finding| finding_view(report, finding))
        }),
        sources: &report.sources,
        version: SCHEMA_VERSION,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
