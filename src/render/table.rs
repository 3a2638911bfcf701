//! The terminal report: a summary line and a table of findings (or of claims), each claim
//! with path:line:col, its canonical value and an excerpt of its sentence.

use super::message::{link_reason, member_reason};
use super::summary_line;
use crate::model::claim::Claim;
use crate::model::finding::Verdict;
use crate::model::report::Report;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

/// How much of a sentence an excerpt shows.
const EXCERPT_CHARS: usize = 72;

/// How many claims a finding's cell lists before it summarises the rest.
const CLAIMS_PER_CELL: usize = 12;

/// The findings table; `width` is the terminal width (a fixed width keeps output the same
/// on every run when it goes to a file or pipe).
pub fn findings(report: &Report, width: u16) -> String {
    let mut out = summary_line(report);
    out.push('\n');
    if report.findings.is_empty() {
        out.push_str("No findings: no subject and attribute is covered by two claims.\n");
        return out;
    }
    let mut table = new_table(width);
    table.set_header(vec![
        "subject",
        "attribute",
        "what each source says",
        "verdict",
    ]);
    for finding in &report.findings {
        let mut lines: Vec<String> = report
            .cited(finding)
            .take(CLAIMS_PER_CELL)
            .map(|claim| claim_line(report, claim))
            .collect();
        if finding.cited() > CLAIMS_PER_CELL {
            lines.push(format!(
                "… and {} more claims (all in --format json)",
                finding.cited() - CLAIMS_PER_CELL
            ));
        }
        let verdict = match finding.verdict {
            Verdict::Conflict => "CONFLICT".to_string(),
            Verdict::InternalConflict => "INTERNAL CONFLICT".to_string(),
            other => other.name().to_string(),
        };
        table.add_row(vec![
            report.subject_of(finding).into_owned(),
            finding.attribute.to_string(),
            lines.join("\n"),
            format!("{verdict}\n{}", report.rule(finding).id),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// The claims table (`--claims`): every claim, and whether another source speaks to it.
pub fn claims(report: &Report, width: u16) -> String {
    let mut out = summary_line(report);
    out.push('\n');
    let mut table = new_table(width);
    table.set_header(vec!["subject", "attribute", "claim", "status"]);
    for claim in &report.claims {
        let status = if claim.unverified {
            "unverified"
        } else {
            "cross-checked"
        };
        table.add_row(vec![
            report.label(claim).to_string(),
            claim.attribute.to_string(),
            claim_line(report, claim),
            status.to_string(),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// `--explain-groups`: each subject, the spellings merged into it and why, and the
/// subjects it may be.
pub fn groups(report: &Report, width: u16) -> String {
    let mut table = new_table(width);
    table.set_header(vec!["subject", "merged mentions", "may also be"]);
    // Subjects by label; the links of each in the order they were found.
    let mut order: Vec<usize> = (0..report.subjects.len()).collect();
    order.sort_by(|&a, &b| report.subjects[a].label.cmp(&report.subjects[b].label));
    for index in order {
        let subject = &report.subjects[index];
        let members: Vec<String> = subject
            .members
            .iter()
            .map(|m| {
                let reason = member_reason(report, &m.reason);
                format!("{} ({} claims): {reason}", m.spelling, m.claims)
            })
            .collect();
        let links: Vec<String> = report
            .links
            .iter()
            .filter_map(|link| {
                let other = match (link.a == index, link.b == index) {
                    (true, _) => link.b,
                    (_, true) => link.a,
                    _ => return None,
                };
                let label = &report.subjects[other].label;
                Some(format!("{label}: {}", link_reason(&link.reason)))
            })
            .collect();
        table.add_row(vec![
            subject.label.clone(),
            members.join("\n"),
            links.join("\n"),
        ]);
    }
    format!("{}\n{table}\n", summary_line(report))
}

fn new_table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
}

/// `path:line:col  canonical  “…excerpt…”`
fn claim_line(report: &Report, claim: &Claim) -> String {
    format!(
        "{}:{}:{}  {}  “{}”",
        report.source(claim).path,
        claim.located.line,
        claim.located.column,
        claim.text,
        excerpt(&claim.located.quote, &claim.located.written)
    )
}

/// A window of the sentence around the value as written.
fn excerpt(sentence: &str, written: &str) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return sentence.to_string();
    }
    let at = sentence
        .find(written)
        .map_or(0, |byte| sentence[..byte].chars().count());
    let value_len = written.chars().count();
    let slack = EXCERPT_CHARS.saturating_sub(value_len) / 2;
    let start = at
        .saturating_sub(slack)
        .min(chars.len().saturating_sub(EXCERPT_CHARS));
    let end = (start + EXCERPT_CHARS.max(value_len)).min(chars.len());
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_center_on_the_value() {
        let sentence = "In a dramatic development on May 29, 2026, NATO formally announced the successful conclusion of its first-ever joint tactical military exercise with the Serbian Armed Forces.";
        let text = excerpt(sentence, "first-ever");
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert!(text.contains("first-ever joint"));
        assert_eq!(excerpt("Short one.", "one"), "Short one.");
    }
}
