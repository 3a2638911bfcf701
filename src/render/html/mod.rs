//! The HTML report: one self-contained page — inline style and a little inline script, a
//! Content-Security-Policy that lets nothing be fetched — for reading and reviewing
//! findings in a browser. The topics (subjects; stories once documents are grouped into
//! stories) with their findings, each finding's sources side by side with the value marked
//! in every quote and a link to the claim's place in its document; filters by verdict,
//! rule, source and review; marks a reviewer sets (confirmed, dismissed, needs checking),
//! kept in the page's local storage and exported as a baseline file `--baseline` reads. The
//! documents' texts follow, with their claims marked. Written here as HTML; the style and
//! the script are the assets beside this file.

mod document;
mod escape;

use super::excerpt;
use super::label::{self, Topic};
use super::message::message;
use super::{classed, plural, summary_line};
use crate::model::finding::{Finding, Verdict};
use crate::model::report::Report;
use escape::{attribute, sha256_base64, text};
use std::collections::BTreeSet;
use std::fmt::Write as _;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The verdicts in the order the page lists them.
const VERDICTS: [Verdict; 5] = [
    Verdict::Conflict,
    Verdict::InternalConflict,
    Verdict::PossibleConflict,
    Verdict::Changed,
    Verdict::Agreement,
];

/// The whole page.
pub fn report(report: &Report) -> String {
    let topics = label::topics(report, |_| true);
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out);
    out.push_str("<body>\n<header class=\"top\">\n<h1>claimcheck report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        text(&summary_line(report))
    );
    counts(&mut out, report);
    out.push_str("</header>\n");
    controls(&mut out, report);
    out.push_str("<main>\n");
    contents(&mut out, &topics);
    if report.findings.is_empty() {
        out.push_str("<p class=\"empty\">No findings: no subject and attribute is covered by two claims.</p>\n");
    }
    for (number, topic) in topics.iter().enumerate() {
        topic_section(&mut out, report, topic, number);
    }
    document::documents(&mut out, report);
    out.push_str("</main>\n");
    data(&mut out, report);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The head: the policy that allows the page's own style and script (by their hashes) and
/// nothing else — no request leaves the page.
fn head(out: &mut String) {
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        sha256_base64(STYLE),
        sha256_base64(SCRIPT)
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>claimcheck report</title>\n<style>{STYLE}</style>\n</head>\n"
    );
}

/// A badge per verdict with its count.
fn counts(out: &mut String, report: &Report) {
    out.push_str("<ul class=\"counts\">\n");
    for verdict in VERDICTS {
        let count = report.count(verdict);
        if count > 0 {
            let _ = writeln!(
                out,
                "<li><span class=\"badge {}\">{}</span> {count}</li>",
                verdict.name(),
                badge(verdict)
            );
        }
    }
    out.push_str("</ul>\n");
}

/// The filters, the review summary and the baseline export.
fn controls(out: &mut String, report: &Report) {
    out.push_str("<form class=\"controls\" id=\"controls\" aria-label=\"Filters\">\n<fieldset class=\"verdicts\">\n<legend>Verdict</legend>\n");
    for verdict in VERDICTS {
        if report.count(verdict) == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{}\" checked> <span class=\"badge {0}\">{}</span></label>",
            verdict.name(),
            badge(verdict)
        );
    }
    out.push_str("</fieldset>\n<label>Rule <select name=\"rule\" id=\"filter-rule\">\n<option value=\"\">every rule</option>\n");
    let rules: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| report.rule(f).id.as_str())
        .collect();
    for rule in rules {
        let _ = writeln!(
            out,
            "<option value=\"{}\">{}</option>",
            attribute(rule),
            text(rule)
        );
    }
    out.push_str("</select></label>\n<label>Source <select name=\"source\" id=\"filter-source\">\n<option value=\"\">every source</option>\n");
    let cited: BTreeSet<usize> = report
        .findings
        .iter()
        .flat_map(|f| report.cited(f).map(|c| c.doc))
        .collect();
    for doc in cited {
        let source = &report.sources[doc];
        let _ = writeln!(
            out,
            "<option value=\"{doc}\">{} ({})</option>",
            text(&source.name),
            text(&source.path)
        );
    }
    out.push_str(
        "</select></label>\n<label>Review <select name=\"review\" id=\"filter-review\">\n\
         <option value=\"all\">any</option>\n<option value=\"unreviewed\">not reviewed</option>\n\
         <option value=\"confirmed\">confirmed</option>\n<option value=\"dismissed\">dismissed</option>\n\
         <option value=\"needs-checking\">needs checking</option>\n</select></label>\n",
    );
    let _ = write!(
        out,
        "<output id=\"shown\" aria-live=\"polite\">{0} of {0} findings shown</output>\n\
         <fieldset class=\"export\">\n<legend>Baseline</legend>\n\
         <select id=\"export-which\" aria-label=\"Findings to export\">\n\
         <option value=\"reviewed\">confirmed and dismissed</option>\n\
         <option value=\"dismissed\">dismissed only</option>\n</select>\n\
         <button type=\"button\" id=\"export\">Export baseline</button>\n\
         <textarea id=\"baseline\" readonly hidden aria-label=\"Baseline file\" rows=\"8\"></textarea>\n\
         </fieldset>\n</form>\n",
        report.findings.len()
    );
}

/// The list of topics, each a link to its section.
fn contents(out: &mut String, topics: &[Topic]) {
    if topics.is_empty() {
        return;
    }
    out.push_str("<nav class=\"contents\" aria-label=\"Subjects\">\n<h2>Subjects</h2>\n<ol>\n");
    for (number, topic) in topics.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#topic-{number}\">{}</a> <span class=\"badge {}\">{}</span> <span class=\"muted\">{}, {}</span></li>",
            text(&topic.label),
            topic.worst.name(),
            badge(topic.worst),
            plural(topic.findings.len(), "finding", "findings"),
            plural(topic.sources, "source", "sources")
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

/// A topic's heading and its findings.
fn topic_section(out: &mut String, report: &Report, topic: &Topic, number: usize) {
    let _ = writeln!(
        out,
        "<section class=\"topic\" id=\"topic-{number}\">\n<h2>{} <span class=\"muted\">· {}</span></h2>",
        text(&topic.label),
        plural(topic.sources, "source", "sources")
    );
    for &index in &topic.findings {
        finding(out, report, &report.findings[index], index);
    }
    out.push_str("</section>\n");
}

/// One finding: its badge, attribute, rule, review buttons and message, then its claims
/// side by side.
fn finding(out: &mut String, report: &Report, finding: &Finding, index: usize) {
    let cited = classed(finding);
    let sources: BTreeSet<usize> = cited.iter().map(|&(i, _)| report.claims[i].doc).collect();
    let sources: Vec<String> = sources.iter().map(usize::to_string).collect();
    let rule = report.rule(finding);
    // The attribute under its topic's heading; both subjects where two may be one.
    let subject = label::finding_subject(report, finding);
    let heading = if subject == label::subject(report, finding.subject) {
        finding.attribute.to_string()
    } else {
        format!("{subject} — {}", finding.attribute)
    };
    let _ = write!(
        out,
        "<article class=\"finding\" id=\"finding-{index}\" data-index=\"{index}\" data-verdict=\"{}\" data-rule=\"{}\" data-sources=\"{}\" data-fingerprint=\"{}\">\n\
         <header>\n<span class=\"badge {0}\">{}</span>\n<h3>{}</h3>\n<code class=\"rule\" title=\"{}\">{}</code>\n",
        finding.verdict.name(),
        attribute(&rule.id),
        sources.join(" "),
        report.fingerprint(finding),
        badge(finding.verdict),
        text(&heading),
        attribute(&format!("{} ({})", rule.severity.name(), rule.file)),
        text(&rule.id),
    );
    out.push_str(
        "<div class=\"review\" role=\"group\" aria-label=\"Review\">\
         <button type=\"button\" data-review=\"confirmed\" aria-pressed=\"false\">confirmed</button>\
         <button type=\"button\" data-review=\"dismissed\" aria-pressed=\"false\">dismissed</button>\
         <button type=\"button\" data-review=\"needs-checking\" aria-pressed=\"false\">needs checking</button>\
         </div>\n</header>\n",
    );
    let _ = writeln!(
        out,
        "<p class=\"message\">{}</p>\n<div class=\"claims\">",
        text(&message(report, finding))
    );
    for (index, class) in cited {
        claim_card(out, report, index, class);
    }
    out.push_str("</div>\n</article>\n");
}

/// A claim as a card: source, date, value, the quote with the value marked, and the link to
/// its place in the document.
fn claim_card(out: &mut String, report: &Report, index: usize, class: u32) {
    let claim = &report.claims[index];
    let source = report.source(claim);
    let published = source.published.map_or(String::new(), |d| {
        format!(" <time>{}</time>", d.format("%Y-%m-%d"))
    });
    let quote = excerpt::whole(claim).marked_with(text, "<mark>", "</mark>");
    let _ = writeln!(
        out,
        "<div class=\"claim\" data-class=\"{}\">\n<div class=\"source\">{}{published}</div>\n\
         <div class=\"value\">{}</div>\n<blockquote>{quote}</blockquote>\n\
         <a class=\"place\" href=\"#claim-{index}\">{}:{}:{}</a>\n</div>",
        class.min(7),
        text(&source.name),
        text(&excerpt::one_line(&claim.text)),
        text(&source.path),
        claim.located.line,
        claim.located.column
    );
}

/// Each finding's baseline entry, for the export: the fields a baseline file records.
fn data(out: &mut String, report: &Report) {
    let entries: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|finding| {
            serde_json::json!({
                "fingerprint": report.fingerprint(finding),
                "rule": report.rule(finding).id,
                "verdict": finding.verdict.name(),
                "subject": report.subject_of(finding),
                "attribute": finding.attribute.as_str(),
                "values": report.values(finding),
            })
        })
        .collect();
    let json = serde_json::json!({ "version": 1, "findings": entries }).to_string();
    // Inside a script element: no "</script>" or "<!--" can close or bend it.
    let json = json.replace('<', "\\u003c");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"claimcheck-data\">{json}</script>"
    );
}

/// A verdict as its badge reads: "CONFLICT", "possible conflict".
fn badge(verdict: Verdict) -> String {
    label::verdict(verdict).replace('-', " ")
}
