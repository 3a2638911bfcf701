//! The terminal report: a summary line, then the findings under one heading per topic (a
//! subject; a story once documents are grouped into stories), each finding with what every
//! source says — `path:line:col`, the canonical value and an excerpt of the sentence around
//! the value, the value in brackets. Fitted to a width: columns drawn with comfy-table where
//! every location fits its column and the text column gets [`MIN_TEXT`] characters, else a
//! compact layout of one line per claim (where its value fits), its excerpt beneath where
//! there is no room beside it. A location is never broken, a value never cut, an excerpt
//! never left out; values and excerpts are one line of text each, wrapped only at spaces.

use super::excerpt::{self, one_line};
use super::label::{self, Topic};
use super::message;
use super::{reading_order, summary_line};
use crate::model::claim::Claim;
use crate::model::finding::Verdict;
use crate::model::report::Report;
use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table, Width};
use std::collections::BTreeMap;

/// How many claims a finding lists before it summarises the rest.
const CLAIMS_PER_FINDING: usize = 12;

/// The narrowest text column of the wide layout; below it, the compact one.
pub const MIN_TEXT: usize = 40;

/// The fewest characters an excerpt is given beside a value.
const MIN_EXCERPT: usize = 24;

/// How the table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The width to fit, in characters.
    pub width: usize,
    /// Verdicts in colour and headings in bold (ANSI escapes), for a terminal.
    pub color: bool,
}

impl Options {
    /// No colour, `width` columns.
    pub fn plain(width: usize) -> Options {
        Options {
            width,
            color: false,
        }
    }
}

/// One finding (or one claim, in the claims view) in the table.
struct Row<'a> {
    attribute: String,
    verdict: String,
    rule: String,
    /// The colour of the verdict.
    tone: Option<Verdict>,
    /// The claims shown, each with its `path:line:col`.
    claims: Vec<(&'a Claim, String)>,
    more: usize,
}

/// Rows under one heading.
struct Block<'a> {
    heading: String,
    rows: Vec<Row<'a>>,
}

/// The findings table.
pub fn findings(report: &Report, options: &Options) -> String {
    let mut out = wrap_summary(&summary_line(report), options.width);
    if report.findings.is_empty() {
        out.push_str("No findings: no subject and attribute is covered by two claims.\n");
        return out;
    }
    let blocks: Vec<Block> = label::topics(report, |_| true)
        .iter()
        .map(|topic| topic_block(report, topic))
        .collect();
    out.push_str(&layout(&blocks, options));
    out
}

fn topic_block<'a>(report: &'a Report, topic: &Topic) -> Block<'a> {
    let rows = topic
        .findings
        .iter()
        .map(|&index| {
            let finding = &report.findings[index];
            let cited = reading_order(report, finding);
            Row {
                attribute: finding.attribute.to_string(),
                verdict: label::verdict(finding.verdict).to_string(),
                rule: report.rule(finding).id.clone(),
                tone: Some(finding.verdict),
                more: cited.len().saturating_sub(CLAIMS_PER_FINDING),
                claims: cited
                    .into_iter()
                    .take(CLAIMS_PER_FINDING)
                    .map(|c| (c, location(report, c)))
                    .collect(),
            }
        })
        .collect();
    Block {
        heading: topic.heading(),
        rows,
    }
}

/// The claims table (`--claims`): every claim under its subject, and whether another
/// source speaks to it.
pub fn claims(report: &Report, options: &Options) -> String {
    let mut out = wrap_summary(&summary_line(report), options.width);
    let mut by_subject: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for claim in &report.claims {
        by_subject
            .entry(label::subject(report, claim.subject))
            .or_default()
            .push(claim);
    }
    let blocks: Vec<Block> = by_subject
        .into_iter()
        .map(|(heading, claims)| {
            // A subject's claims of one attribute, status and rule make one row.
            let mut rows: Vec<Row> = Vec::new();
            for claim in claims {
                let status = if claim.unverified {
                    "unverified"
                } else {
                    "cross-checked"
                };
                let rule = &report.rules[claim.rule].id;
                let cited = (claim, location(report, claim));
                match rows.iter_mut().find(|r| {
                    r.attribute == claim.attribute.as_str()
                        && r.verdict == status
                        && r.rule == *rule
                }) {
                    Some(row) => row.claims.push(cited),
                    None => rows.push(Row {
                        attribute: claim.attribute.to_string(),
                        verdict: status.to_string(),
                        rule: rule.clone(),
                        tone: None,
                        claims: vec![cited],
                        more: 0,
                    }),
                }
            }
            Block { heading, rows }
        })
        .collect();
    out.push_str(&layout(&blocks, options));
    out
}

/// The widths of the wide layout's columns: attribute, verdict, location, text.
struct Columns {
    attribute: usize,
    verdict: usize,
    location: usize,
    text: usize,
}

impl Columns {
    /// The columns that fit `width`: every location in its column and the text column
    /// still [`MIN_TEXT`] characters wide.
    fn fit(blocks: &[Block], report_width: usize) -> Option<Columns> {
        let rows = || blocks.iter().flat_map(|b| &b.rows);
        let attribute = rows().map(|r| chars(&r.attribute)).max().unwrap_or(0);
        let verdict = rows()
            .map(|r| chars(&r.verdict).max(chars(&r.rule)))
            .max()
            .unwrap_or(0);
        let location = rows()
            .flat_map(|r| &r.claims)
            .map(|(_, place)| chars(place))
            .max()
            .unwrap_or(0);
        let fixed = GAP + attribute + GAP + verdict + GAP + location + GAP;
        let text = report_width.checked_sub(fixed)?;
        (text >= MIN_TEXT).then_some(Columns {
            attribute,
            verdict,
            location,
            text,
        })
    }
}

/// The blank before each column of the wide layout (and before the first).
const GAP: usize = 2;

/// The blocks in the wide layout when it fits, else in the compact one.
fn layout(blocks: &[Block], options: &Options) -> String {
    let columns = Columns::fit(blocks, options.width);
    let mut out = String::new();
    for block in blocks {
        out.push('\n');
        for line in wrap(&block.heading, options.width) {
            out.push_str(&paint(options, "1", &line));
            out.push('\n');
        }
        for row in &block.rows {
            let lines = match &columns {
                Some(columns) => wide_row(row, columns, options),
                None => compact_row(row, options),
            };
            for line in lines {
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    out
}

/// A row in columns, drawn by comfy-table: attribute, verdict with the rule beneath, each
/// claim's location, and its value and excerpt wrapped at spaces to the text column (the
/// location cell blank beside a claim's later lines). Every column has a fixed width, so
/// the rows of all blocks line up.
fn wide_row(row: &Row, columns: &Columns, options: &Options) -> Vec<String> {
    let mut places: Vec<String> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for (claim, place) in &row.claims {
        let value = one_line(&claim.text);
        // The rest of the line (less two spaces, the quotes and the value's brackets), but
        // always some words around a value as long as the line.
        let written = chars(&one_line(&claim.located.written));
        let budget = columns
            .text
            .saturating_sub(chars(&value) + 6)
            .max(written + MIN_EXCERPT);
        let excerpt = excerpt::window(claim, budget).marked("[", "]");
        for (i, line) in wrap(&format!("{value}  “{excerpt}”"), columns.text)
            .into_iter()
            .enumerate()
        {
            places.push(if i == 0 { place.clone() } else { String::new() });
            texts.push(line);
        }
    }
    if row.more > 0 {
        places.push(String::new());
        texts.push(more_claims(row.more));
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .add_row(vec![
            row.attribute.clone(),
            format!("{}\n{}", row.verdict, row.rule),
            places.join("\n"),
            texts.join("\n"),
        ]);
    let widths = [
        columns.attribute,
        columns.verdict,
        columns.location,
        columns.text,
    ];
    for (index, width) in widths.into_iter().enumerate() {
        if let Some(column) = table.column_mut(index) {
            let fixed = u16::try_from(GAP + width).unwrap_or(u16::MAX);
            column
                .set_padding((GAP as u16, 0))
                .set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
        }
    }
    let mut lines: Vec<String> = table.lines().collect();
    // The verdict in its colour: comfy-table measures the cell without escapes.
    if let Some(first) = lines.first_mut() {
        let at = GAP + columns.attribute + GAP;
        let split = first.char_indices().nth(at).map_or(first.len(), |(i, _)| i);
        let (left, right) = first.split_at(split);
        let rest = &right[row.verdict.len().min(right.len())..];
        *first = format!(
            "{left}{}{rest}",
            paint(options, tone(row.tone), &row.verdict)
        );
    }
    lines
}

/// A row in the compact layout: attribute, verdict and rule on a line, then a line per
/// claim — its location, its value and as much of the excerpt as fits; a value too long for
/// the rest of the line goes on lines of its own below the location, never cut.
fn compact_row(row: &Row, options: &Options) -> Vec<String> {
    let verdict = paint(options, tone(row.tone), &row.verdict);
    let mut lines = vec![format!("  {}  {verdict}", row.attribute)];
    // The rule beside the verdict where it fits, else beneath.
    if 2 + chars(&row.attribute) + 2 + chars(&row.verdict) + 2 + chars(&row.rule) <= options.width {
        lines[0].push_str(&format!("  {}", row.rule));
    } else {
        lines.push(format!("    {}", row.rule));
    }
    let column = row.claims.iter().map(|(_, p)| chars(p)).max().unwrap_or(0);
    for (claim, place) in &row.claims {
        let value = one_line(&claim.text);
        let room = options.width.saturating_sub(4 + column + 2);
        if chars(&value) > room {
            lines.push(format!("    {place}"));
            for line in wrap(&value, options.width.saturating_sub(QUOTE_INDENT.len())) {
                lines.push(format!("{QUOTE_INDENT}{line}"));
            }
            quote_beneath(claim, options.width, &mut lines);
            continue;
        }
        let left = room.saturating_sub(chars(&value) + 6);
        let mut line = format!("    {}  {value}", pad(place, column));
        if left >= MIN_EXCERPT {
            let excerpt = excerpt::window(claim, left);
            line.push_str(&format!("  “{}”", excerpt.marked("[", "]")));
            lines.push(line);
            continue;
        }
        lines.push(line);
        quote_beneath(claim, options.width, &mut lines);
    }
    if row.more > 0 {
        lines.push(format!("    {}", more_claims(row.more)));
    }
    lines
}

/// How far the compact layout indents the lines beneath a claim's location.
const QUOTE_INDENT: &str = "      ";

/// A claim's quote on lines of its own beneath it, where there was no room beside its
/// location: a claim is never shown without the words it was read from.
fn quote_beneath(claim: &Claim, width: usize, lines: &mut Vec<String>) {
    let room = width.saturating_sub(QUOTE_INDENT.len() + 2);
    let written = chars(&one_line(&claim.located.written));
    let excerpt = excerpt::window(claim, room.max(written + MIN_EXCERPT));
    let quote = format!("“{}”", excerpt.marked("[", "]"));
    for line in wrap(&quote, width.saturating_sub(QUOTE_INDENT.len())) {
        lines.push(format!("{QUOTE_INDENT}{line}"));
    }
}

fn more_claims(count: usize) -> String {
    format!("… and {count} more claims (all in --format json)")
}

/// `path:line:col` of a claim.
fn location(report: &Report, claim: &Claim) -> String {
    format!(
        "{}:{}:{}",
        report.source(claim).path,
        claim.located.line,
        claim.located.column
    )
}

/// The summary line, wrapped at its commas to `width`, and a blank line.
fn wrap_summary(summary: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for part in summary.split(", ") {
        // Room for ", part" and the comma that may follow it.
        if !line.is_empty() && chars(&line) + 2 + chars(part) + 1 > width {
            out.push_str(&line);
            out.push_str(",\n");
            line = format!("  {part}");
        } else if line.is_empty() {
            line = part.to_string();
        } else {
            line.push_str(", ");
            line.push_str(part);
        }
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// `text` in lines of at most `width` characters, broken at spaces (a word longer than a
/// line is broken where the line ends).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while chars(&word) > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let split = word
                .char_indices()
                .nth(width)
                .map_or(word.len(), |(i, _)| i);
            lines.push(word[..split].to_string());
            word = word[split..].to_string();
        }
        if line.is_empty() {
            line = word;
        } else if chars(&line) + 1 + chars(&word) <= width {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(' ', width.saturating_sub(chars(text))));
    padded
}

/// The ANSI colour of a verdict.
fn tone(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Conflict | Verdict::InternalConflict) => "1;31",
        Some(Verdict::PossibleConflict) => "33",
        Some(Verdict::Changed) => "36",
        Some(Verdict::Agreement) => "32",
        None => "",
    }
}

/// `text` in the ANSI style `code` when colour is on.
fn paint(options: &Options, code: &str, text: &str) -> String {
    if options.color && !code.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// `--explain-groups`: the stories, each with its documents and why each joined (the
/// earlier document it is most like and the terms they share most); then each subject under
/// its label, the spellings merged into it and why, and the subjects it may also be; each
/// line wrapped to the width with a hanging indent.
pub fn groups(report: &Report, width: usize) -> String {
    let mut out = wrap_summary(&summary_line(report), width);
    out.push_str("\nStories\n");
    for story in &report.stories {
        let documents = super::plural(story.documents.len(), "document", "documents");
        out.push('\n');
        out.push_str(&format!("{} · {} · {documents}\n", story.id, story.label));
        for (position, &doc) in story.documents.iter().enumerate() {
            let path = &report.sources[doc].path;
            let line = match story.joins.iter().find(|join| join.b == doc) {
                Some(join) => format!("{path}: {}", message::story_join(report, join)),
                None if position == 0 => path.clone(),
                // Joined by the story's average likeness, not by an earlier document alone.
                None => format!("{path}: like the story as a whole"),
            };
            out.push_str(&hanging(&line, width));
        }
    }
    out.push_str("\nSubjects\n");
    let mut order: Vec<usize> = (0..report.subjects.len()).collect();
    order.sort_by(|&a, &b| report.subjects[a].label.cmp(&report.subjects[b].label));
    for index in order {
        let subject = &report.subjects[index];
        out.push('\n');
        out.push_str(&label::subject(report, index));
        out.push('\n');
        for member in &subject.members {
            let reason = message::member_reason(report, &member.reason);
            let line = format!(
                "merged: {} ({} claims): {reason}",
                member.spelling, member.claims
            );
            out.push_str(&hanging(&line, width));
        }
        // The links of each subject in the order they were found.
        for link in &report.links {
            let other = match (link.a == index, link.b == index) {
                (true, _) => link.b,
                (_, true) => link.a,
                _ => continue,
            };
            let line = format!(
                "may also be: {}: {}",
                label::subject(report, other),
                message::link_reason(&link.reason)
            );
            out.push_str(&hanging(&line, width));
        }
    }
    out
}

/// `text` wrapped to `width` under a two-space indent, its later lines four spaces in.
fn hanging(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (i, line) in wrap(text, width.saturating_sub(4)).iter().enumerate() {
        out.push_str(if i == 0 { "  " } else { "    " });
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_and_long_words_where_the_line_ends() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("abcdefgh ij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn the_summary_wraps_at_its_commas() {
        assert_eq!(
            wrap_summary("claimcheck: 8 sources, 45 sentences, 51 claims", 30),
            "claimcheck: 8 sources,\n  45 sentences, 51 claims\n"
        );
    }
}
