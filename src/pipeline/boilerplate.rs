//! Which lines of a document are article text and which are page furniture: ads,
//! subscription prompts, reading-time lines, repeated header lines, box-drawing diagrams,
//! program dumps, bare datelines and "Latest News" sidebars. Furniture yields no claims.

use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Content,
    Boilerplate(Furniture),
}

/// Why a line is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Metadata,
    /// A `claimcheck:` suppression directive.
    Directive,
    Advertisement,
    Prompt,
    ReadingTime,
    Repeated,
    Diagram,
    ProgramDump,
    Dateline,
    Sidebar,
}

/// One line: its byte span (without the line break) and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub span: Range<usize>,
    pub kind: LineKind,
}

static ADVERTISEMENT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(
        r"(?i)^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|paid content)$",
    )
    .unwrap()
});
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(
        r"(?i)\b(?:subscribe|subscription|subscriber|log ?in|sign ?in|sign up|newsletter|comments powered by|cookies?|all rights reserved|share this|follow us|read the full article|trouble logging)\b|^talk about it!?$",
    )
    .unwrap()
});
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"(?i)^(?:\S+\s+)?\d+\s+min(?:ute)?s?\.?\s+read$").unwrap()
});
static PROGRAM_DUMP: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(
        r#"^(?:string|int|float|bool|array|object)\(\d+\)|^\s*\[["'\w]+\]\s*=>|^var_dump\("#,
    )
    .unwrap()
});
static SIDEBAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"(?i)^(?:latest news|latest|related(?: articles| stories| news)?|read more|more from|most read|most popular|recommended|trending|premium selection|you may also like)\b")
        .unwrap()
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A scraper's label may stand before the date: " date 2019-04-02", "Published: ...".
    crate::text::pattern::compile(r"^(?:(?i:date|published|posted|updated|last\s+updated)\s*:?\s+)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{2,4})(?:,?\s+\d{1,2}:\d{2})?$")
        .unwrap()
});

/// Classifies the lines of `text`; lines before `body_start` are the metadata header.
pub fn classify(text: &str, body_start: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut in_sidebar = false;
    let mut start = 0;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let raw = &text[start..end];
        let content_end = start + raw.trim_end_matches('\r').len();
        let trimmed = raw.trim();
        let kind = if end <= body_start {
            LineKind::Boilerplate(Furniture::Metadata)
        } else if trimmed.is_empty() {
            LineKind::Blank
        } else if in_sidebar {
            LineKind::Boilerplate(Furniture::Sidebar)
        } else if let Some(furniture) = furniture(trimmed, raw, &seen) {
            if furniture == Furniture::Sidebar {
                in_sidebar = true;
            }
            LineKind::Boilerplate(furniture)
        } else {
            LineKind::Content
        };
        if !trimmed.is_empty() {
            seen.insert(trimmed);
        }
        lines.push(Line {
            span: start..content_end,
            kind,
        });
        start = end + 1;
    }
    lines
}

/// A `claimcheck:` suppression directive found in a line: the rule it names (`None` for
/// every rule) and whether it speaks for the next line rather than its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub rule: Option<String>,
    pub next_line: bool,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"(?:<!--\s*claimcheck:\s*ignore(?P<next>-next-line)?(?:\s+(?P<rule>[a-z0-9-]+))?\s*-->|^\W*claimcheck:\s*ignore-next-line(?:\s+(?P<rule2>[a-z0-9-]+))?\s*$)")
        .expect("directive pattern compiles")
});

/// The suppression directive in `line`, if it holds one: `<!-- claimcheck: ignore RULE -->`
/// (or `ignore-next-line`), or in plain text a line `claimcheck: ignore-next-line RULE`.
pub fn directive(line: &str) -> Option<Directive> {
    let caps = DIRECTIVE.captures(line)?;
    // The next line for the "-next-line" forms and for a comment alone on its line; the
    // comment's own line when it sits in the text.
    let next_line = caps.name("next").is_some()
        || !caps.get(0)?.as_str().contains("-->")
        || is_directive_line(line);
    let rule = caps
        .name("rule")
        .or(caps.name("rule2"))
        .map(|m| m.as_str().to_string());
    Some(Directive { rule, next_line })
}

/// Whether a line holds only a directive (and so is no text).
pub fn is_directive_line(line: &str) -> bool {
    DIRECTIVE
        .find(line)
        .is_some_and(|m| line.trim() == m.as_str().trim())
}

fn furniture(trimmed: &str, raw: &str, seen: &HashSet<&str>) -> Option<Furniture> {
    let words = trimmed.split_whitespace().count();
    if is_directive_line(trimmed) {
        Some(Furniture::Directive)
    } else if ADVERTISEMENT.is_match(trimmed) {
        Some(Furniture::Advertisement)
    } else if READING_TIME.is_match(trimmed) {
        Some(Furniture::ReadingTime)
    } else if PROGRAM_DUMP.is_match(trimmed) {
        Some(Furniture::ProgramDump)
    } else if is_diagram(raw) {
        Some(Furniture::Diagram)
    } else if words <= 6 && SIDEBAR.is_match(trimmed) {
        Some(Furniture::Sidebar)
    } else if words <= 40 && PROMPT.is_match(trimmed) {
        Some(Furniture::Prompt)
    } else if DATELINE.is_match(trimmed) {
        Some(Furniture::Dateline)
    } else if seen.contains(trimmed) {
        Some(Furniture::Repeated)
    } else {
        None
    }
}

/// Box-drawing characters, arrows and geometric shapes, or text laid out in columns.
fn is_diagram(raw: &str) -> bool {
    let drawing = raw
        .chars()
        .any(|c| ('\u{2500}'..='\u{25FF}').contains(&c) || ('\u{2190}'..='\u{21FF}').contains(&c));
    let trimmed = raw.trim();
    let column_gaps = trimmed.matches("   ").count();
    drawing || (column_gaps >= 2 && !trimmed.ends_with(['.', '!', '?', '"', '”']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        classify(text, 0).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn ads_prompts_and_reading_time_are_furniture() {
        let text = "Troops arrived.\nadvertisement\nRksNews 4 Min Read\nSubscribe to Premium to read the full article.\n";
        assert_eq!(
            kinds(text),
            vec![
                LineKind::Content,
                LineKind::Boilerplate(Furniture::Advertisement),
                LineKind::Boilerplate(Furniture::ReadingTime),
                LineKind::Boilerplate(Furniture::Prompt),
            ]
        );
    }

    #[test]
    fn repeated_lines_after_the_first_are_furniture() {
        let text = "Headline here\nNews\nHeadline here\n";
        assert_eq!(
            kinds(text),
            vec![
                LineKind::Content,
                LineKind::Content,
                LineKind::Boilerplate(Furniture::Repeated)
            ]
        );
    }

    #[test]
    fn sidebars_swallow_the_rest() {
        let text =
            "Body.\n\nLatest News from the Balkans\n\n22 Apr 17\n\nOther story about 600 troops.\n";
        let kinds = kinds(text);
        assert_eq!(kinds[0], LineKind::Content);
        assert!(kinds[2..].iter().all(|k| matches!(
            k,
            LineKind::Blank | LineKind::Boilerplate(Furniture::Sidebar)
        )));
    }

    #[test]
    fn diagrams_dumps_and_datelines_are_furniture() {
        assert_eq!(
            kinds("       ┌──────┴──────┐\n    United    United      Germany\nstring(89) \"nato-official\"\n20/05/2026 15:49"),
            vec![
                LineKind::Boilerplate(Furniture::Diagram),
                LineKind::Boilerplate(Furniture::Diagram),
                LineKind::Boilerplate(Furniture::ProgramDump),
                LineKind::Boilerplate(Furniture::Dateline),
            ]
        );
    }

    #[test]
    fn a_scraped_date_line_with_its_label_is_furniture() {
        assert_eq!(
            kinds(" date 2019-04-02\nPublished: 03/04/2019 10:15\nThe date 2019-04-02 was set."),
            vec![
                LineKind::Boilerplate(Furniture::Dateline),
                LineKind::Boilerplate(Furniture::Dateline),
                LineKind::Content,
            ]
        );
    }
}
