//! The JSON report, schema version 1: sources, stories (the documents that report one
//! event), findings with their claims inline, and all claims, each naming its story. Later versions may add fields, never remove or rename them. The report is
//! serialized straight from borrowed data (no intermediate JSON tree), fields in
//! alphabetical order.

use super::message::message;
use crate::model::claim::Claim as ReportClaim;
use crate::model::finding::{Finding as ReportFinding, Verdict};
use crate::model::report::{Report, Source as ReportSource};
use crate::model::value::Value;
use serde::Serialize;
use std::borrow::Cow;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<C: Serialize, F: Serialize, S: Serialize, T: Serialize> {
    claims: C,
    findings: F,
    sources: S,
    stories: T,
    version: u32,
}

/// A story: the documents that report one event.
#[derive(Serialize)]
struct Story<'a> {
    documents: Vec<&'a str>,
    id: &'a str,
    /// Why the documents are together: each later document and the earlier one it is most
    /// like.
    joins: Vec<Join<'a>>,
    label: &'a str,
}

/// A document of a story, the earlier one it was found most like, how alike (rounded to
/// four places; 1 for a copy of the same text) and the terms they share most.
#[derive(Serialize)]
struct Join<'a> {
    document: &'a str,
    like: &'a str,
    shared: &'a [String],
    similarity: f64,
}

#[derive(Serialize)]
struct Source<'a> {
    name: &'a str,
    path: &'a str,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
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
    /// How loud the finding is ([`super::alert_severity`]); none for an agreement.
    level: Option<&'static str>,
    message: String,
    rule: &'a str,
    severity: &'a str,
    /// The story all the cited claims come from; none when they come from several.
    story: Option<&'a str>,
    subject: Cow<'a, str>,
    /// The subject as the human formats head it ([`super::label`]): `subject` keeps the
    /// subject's own label, which fingerprints and baselines rest on, and two stories'
    /// unnamed events may share it.
    topic: String,
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
    #[serde(serialize_with = "crate::model::value::serialize_report_form")]
    value: &'a Value,
}

#[derive(Serialize)]
pub(super) struct Claim<'a> {
    attribute: &'a str,
    column: usize,
    line: usize,
    path: &'a str,
    quote: &'a str,
    rule: &'a str,
    story: Option<&'a str>,
    subject: &'a str,
    text: &'a str,
    /// As a finding's.
    topic: String,
    unverified: bool,
    #[serde(serialize_with = "crate::model::value::serialize_report_form")]
    value: &'a Value,
}

fn cited<'a>(report: &'a Report, claim: &'a ReportClaim) -> Cited<'a> {
    let source = report.source(claim);
    Cited {
        column: claim.located.column,
        line: claim.located.line,
        path: &source.path,
        quote: &claim.located.quote,
        source: &source.name,
        text: &claim.text,
        value: &claim.value,
    }
}

/// A claim as the report lists it.
pub(super) fn claim_view<'a>(report: &'a Report, claim: &'a ReportClaim) -> Claim<'a> {
    Claim {
        attribute: claim.attribute.as_str(),
        column: claim.located.column,
        line: claim.located.line,
        path: &report.source(claim).path,
        quote: &claim.located.quote,
        rule: &report.rules[claim.rule].id,
        story: report.story(claim).map(|s| s.id.as_str()),
        subject: report.label(claim),
        text: &claim.text,
        topic: super::label::subject(report, claim.subject),
        unverified: claim.unverified,
        value: &claim.value,
    }
}

/// A finding with the claims it cites inline.
pub(super) fn finding_view<'a>(report: &'a Report, finding: &'a ReportFinding) -> Finding<'a> {
    let rule = report.rule(finding);
    Finding {
        attribute: finding.attribute.as_str(),
        claims: report.cited(finding).map(|c| cited(report, c)).collect(),
        level: super::alert_severity(report, finding).map(|s| s.name()),
        message: message(report, finding),
        rule: &rule.id,
        severity: rule.severity.name(),
        story: report.story_of(finding).map(|s| s.id.as_str()),
        subject: report.subject_of(finding),
        topic: super::label::finding_subject(report, finding),
        verdict: finding.verdict,
    }
}

fn source_view(source: &ReportSource) -> Source<'_> {
    Source {
        name: &source.name,
        path: &source.path,
        published: source.published.map(|p| p.format("%Y-%m-%d").to_string()),
        url: source.url.as_deref(),
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
        claims: Streamed(|| report.claims.iter().map(|claim| claim_view(report, claim))),
        findings: Streamed(|| {
            report
                .findings
                .iter()
                .map(|finding| finding_view(report, finding))
        }),
        sources: Streamed(|| report.sources.iter().map(source_view)),
        stories: Streamed(|| {
            report.stories.iter().map(|story| Story {
                documents: story
                    .documents
                    .iter()
                    .map(|&d| report.sources[d].path.as_str())
                    .collect(),
                id: &story.id,
                joins: story
                    .joins
                    .iter()
                    .map(|join| Join {
                        document: &report.sources[join.b].path,
                        like: &report.sources[join.a].path,
                        shared: &join.shared,
                        similarity: (join.similarity * 1e4).round() / 1e4,
                    })
                    .collect(),
                label: &story.label,
            })
        }),
        version: SCHEMA_VERSION,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
