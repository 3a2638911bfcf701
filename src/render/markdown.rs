//! The Markdown report: for a pull request, a job summary or an editor's inbox. The summary
//! first — counts by verdict and the topics (subjects; stories once documents are grouped
//! into stories) with their counts — then the conflicts and the possible conflicts, each
//! with what every source says and its quote (the value in bold), the changes over time in
//! a section of their own, and the agreements folded into a short list.

use super::excerpt::{self, one_line};
use super::label::{self, Topic};
use super::message::message;
use super::{plural, reading_order};
use crate::model::finding::{Finding, Verdict};
use crate::model::report::Report;
use std::collections::BTreeSet;

/// How many characters of a sentence a quote shows around the value.
const QUOTE_CHARS: usize = 240;

/// The report's sections after the summary: a title and the verdicts it holds.
const SECTIONS: &[(&str, &[Verdict])] = &[
    ("Conflicts", &[Verdict::Conflict, Verdict::InternalConflict]),
    ("Possible conflicts", &[Verdict::PossibleConflict]),
    ("Changes over time", &[Verdict::Changed]),
];

pub fn report(report: &Report) -> String {
    let mut out = format!("## {}\n\n", super::summary_line(report));
    if report.findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str(&verdict_counts(report));
    let all = label::topics(report, |_| true);
    out.push_str(&topic_counts(report, &all));
    for (title, verdicts) in SECTIONS {
        let topics = label::topics(report, |f| verdicts.contains(&f.verdict));
        if topics.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {title}\n"));
        for topic in &topics {
            out.push_str(&format!("\n#### {}\n", md(&topic.label)));
            for &index in &topic.findings {
                out.push_str(&finding_section(report, &report.findings[index]));
            }
        }
    }
    out.push_str(&agreements(report));
    out
}

/// The table of counts by verdict.
fn verdict_counts(report: &Report) -> String {
    let mut out = String::from("| verdict | findings |\n|---|---:|\n");
    for verdict in [
        Verdict::Conflict,
        Verdict::InternalConflict,
        Verdict::PossibleConflict,
        Verdict::Changed,
        Verdict::Agreement,
    ] {
        let count = report.count(verdict);
        if count > 0 {
            out.push_str(&format!("| {} | {count} |\n", verdict_label(verdict)));
        }
    }
    out
}

/// The table of topics, one row each, with its sources and counts by verdict.
fn topic_counts(report: &Report, topics: &[Topic]) -> String {
    let mut out = String::from(
        "\n| subject | sources | conflicts | possible conflicts | changed | agreements |\n\
         |---|---:|---:|---:|---:|---:|\n",
    );
    for topic in topics {
        let count = |verdicts: &[Verdict]| {
            topic
                .findings
                .iter()
                .filter(|&&f| verdicts.contains(&report.findings[f].verdict))
                .count()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            md(&topic.label),
            topic.sources,
            count(&[Verdict::Conflict, Verdict::InternalConflict]),
            count(&[Verdict::PossibleConflict]),
            count(&[Verdict::Changed]),
            count(&[Verdict::Agreement]),
        ));
    }
    out
}

/// One finding: its attribute, verdict, rule and message, then a row per claim.
fn finding_section(report: &Report, finding: &Finding) -> String {
    let subject = label::finding_subject(report, finding);
    let about = if subject == label::subject(report, finding.subject) {
        String::new()
    } else {
        format!(" ({})", md(&subject))
    };
    let mut out = format!(
        "\n**{}**{about} — {} (`{}`): {}\n\n| source | says | quote |\n|---|---|---|\n",
        md(finding.attribute.as_str()),
        verdict_label(finding.verdict),
        report.rule(finding).id,
        md(&message(report, finding))
    );
    for claim in reading_order(report, finding) {
        let source = report.source(claim);
        let published = source
            .published
            .map(|d| format!(", {}", d.format("%Y-%m-%d")))
            .unwrap_or_default();
        let quote = excerpt::window(claim, QUOTE_CHARS).marked_with(md, "**", "**");
        out.push_str(&format!(
            "| {}{published} · `{}:{}:{}` | {} | {quote} |\n",
            md(&source.name),
            source.path.replace('`', "'"),
            claim.located.line,
            claim.located.column,
            md(&claim.text),
        ));
    }
    out
}

/// The agreements, folded: one line each, with the values and the sources that give them.
fn agreements(report: &Report) -> String {
    let topics = label::topics(report, |f| f.verdict == Verdict::Agreement);
    let count = report.count(Verdict::Agreement);
    if count == 0 {
        return String::new();
    }
    let mut out = format!(
        "\n### Agreements\n\n<details>\n<summary>{}</summary>\n\n",
        plural(count, "agreement", "agreements")
    );
    for topic in &topics {
        for &index in &topic.findings {
            let finding = &report.findings[index];
            let mut values: Vec<String> = Vec::new();
            let mut sources: BTreeSet<&str> = BTreeSet::new();
            for claim in report.cited(finding) {
                let value = one_line(&claim.text);
                if !values.contains(&value) {
                    values.push(value);
                }
                sources.insert(&report.source(claim).name);
            }
            let sources: Vec<&str> = sources.into_iter().collect();
            out.push_str(&format!(
                "- **{}**, {}: {} ({})\n",
                md(&label::finding_subject(report, finding)),
                md(finding.attribute.as_str()),
                md(&values.join(" ≈ ")),
                md(&sources.join(", "))
            ));
        }
    }
    out.push_str("\n</details>\n");
    out
}

fn verdict_label(verdict: Verdict) -> String {
    let name = verdict.name().replace('-', " ");
    if verdict.is_conflict() {
        format!("**{name}**")
    } else {
        name
    }
}

/// Text as Markdown shows it literally, on one line and safe in a table cell: markup
/// characters escaped, HTML left as text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        // White space runs are one space, kept at the edges (text beside a bold value).
        if ch.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_a_table_cell() {
        assert_eq!(md("a | b\nc"), "a \\| b c");
        assert_eq!(md("*x* <b>"), "\\*x\\* &lt;b&gt;");
        assert_eq!(md(" spaced\r\n "), " spaced ");
    }
}
