//! Sentences: Unicode sentence boundaries (UAX #29) over the article text, repaired where
//! news text fools them (abbreviations, initials, lower-case continuations), with headlines
//! and list lines kept as units of their own.

use crate::pipeline::boilerplate::{Line, LineKind};
use std::collections::HashSet;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The longest piece of text treated as one sentence.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// One sentence: its byte span in the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// A headline or other line without closing punctuation standing alone.
    pub heading: bool,
}

/// Words that end with a dot without ending a sentence.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    words: HashSet<String>,
}

impl Abbreviations {
    /// `words` without their final dot: "Adm", "U.S", "No".
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Abbreviations {
        Abbreviations {
            words: words
                .into_iter()
                .map(|w| w.as_ref().trim_end_matches('.').to_string())
                .collect(),
        }
    }

    /// Whether `segment` ends with an abbreviation or an initial, so the boundary after it
    /// is false.
    fn ends_segment_falsely(&self, segment: &str) -> bool {
        let trimmed = segment.trim_end();
        let Some(without_dot) = trimmed.strip_suffix('.') else {
            return false;
        };
        let last_word = without_dot
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
            .next()
            .unwrap_or("");
        let mut chars = last_word.chars();
        let is_initial =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        is_initial || self.words.contains(last_word)
    }
}

/// Splits the content lines of `text` into sentences.
pub fn segment(text: &str, lines: &[Line], abbreviations: &Abbreviations) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for block in blocks(lines)
        .into_iter()
        .flat_map(|block| at_headlines(text, lines, block))
    {
        let first = &lines[block.start];
        let last = &lines[block.end - 1];
        let span = first.span.start..last.span.end;
        let block_text = &text[span.clone()];
        let single_line = block.len() == 1;
        if single_line && (is_heading(block_text) || is_list_line(block_text)) {
            push_trimmed(text, span, true, &mut sentences);
            continue;
        }
        split_units(
            text,
            &units(text, lines, block),
            abbreviations,
            &mut sentences,
        );
    }
    sentences
}

/// Runs of consecutive content lines.
fn blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.kind == LineKind::Content, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                blocks.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        blocks.push(s..lines.len());
    }
    blocks
}

/// The units of a block: each list line alone, and the runs of other lines between them.
fn units(text: &str, lines: &[Line], block: Range<usize>) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut run: Option<Range<usize>> = None;
    for line in &lines[block] {
        if is_list_line(&text[line.span.clone()]) {
            units.extend(run.take());
            units.push(line.span.clone());
        } else {
            run = Some(match run {
                Some(r) => r.start..line.span.end,
                None => line.span.clone(),
            });
        }
    }
    units.extend(run);
    units
}

fn split_units(
    text: &str,
    units: &[Range<usize>],
    abbreviations: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    for unit in units {
        // UAX #29 breaks at every line break; inside a paragraph a line break is a space.
        let flat: String = text[unit.clone()]
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let mut pending: Option<Range<usize>> = None;
        for (offset, piece) in flat.split_sentence_bound_indices() {
            let piece_span = unit.start + offset..unit.start + offset + piece.len();
            pending = Some(match pending {
                Some(open) if continues(&text[open.clone()], piece, abbreviations) => {
                    open.start..piece_span.end
                }
                Some(open) => {
                    push_trimmed(text, open, false, out);
                    piece_span
                }
                None => piece_span,
            });
        }
        if let Some(open) = pending {
            push_trimmed(text, open, false, out);
        }
    }
}

/// Whether `next` continues the sentence `open` although UAX #29 put a boundary between.
fn continues(open: &str, next: &str, abbreviations: &Abbreviations) -> bool {
    if open.trim().is_empty() {
        return true;
    }
    let starts_lower = next
        .trim_start()
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase());
    starts_lower || abbreviations.ends_segment_falsely(open)
}

fn push_trimmed(text: &str, span: Range<usize>, heading: bool, out: &mut Vec<Sentence>) {
    let piece = &text[span.clone()];
    let trimmed = piece.trim_start();
    // A Markdown heading's "# " is markup, not part of the headline.
    let after_hashes = trimmed.trim_start_matches('#');
    let markup = if trimmed.starts_with('#') && after_hashes.starts_with(char::is_whitespace) {
        trimmed.len() - after_hashes.trim_start().len()
    } else {
        0
    };
    let mut start = span.start + (piece.len() - trimmed.len()) + markup;
    let end = span.start + piece.trim_end().len();
    // No real sentence is this long (a log line, a table flattened into one line): cut it
    // at white space so that every later stage works on bounded pieces.
    while end > start + MAX_SENTENCE_BYTES {
        let limit = floor_boundary(text, start + MAX_SENTENCE_BYTES);
        let half = start + MAX_SENTENCE_BYTES / 2;
        let cut = match text[start..limit].rfind(char::is_whitespace) {
            Some(space) if start + space >= half => start + space,
            _ => limit,
        };
        push_span(text, start..cut, heading, out);
        start = cut;
    }
    push_span(text, start..end, heading, out);
}

fn push_span(text: &str, span: Range<usize>, heading: bool, out: &mut Vec<Sentence>) {
    // A heading of markup alone ("#" and white space) leaves nothing.
    if span.start >= span.end {
        return;
    }
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.start + piece.trim_end().len();
    if start < end {
        out.push(Sentence {
            span: start..end,
            heading,
        });
    }
}

/// The last char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words that open a sentence and never stand capitalised inside one: a line that opens
/// with one after a line without closing punctuation starts a sentence, and the line
/// before is a headline ("Heavy rain hits the south" / "The floods closed roads.").
const OPENERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "His", "Her", "Their", "In", "On", "At", "After", "As", "When", "While", "But",
];

/// A block cut where a line without closing punctuation is followed by a line that opens
/// a sentence; a line cut off alone is a headline.
fn at_headlines(text: &str, lines: &[Line], block: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = block.start;
    for i in block.start..block.end - 1 {
        let line = text[lines[i].span.clone()].trim();
        let next = text[lines[i + 1].span.clone()].trim_start();
        let opener = next.split_whitespace().next().unwrap_or("");
        if is_heading(line) && !is_list_line(line) && OPENERS.contains(&opener) {
            parts.push(start..i + 1);
            start = i + 1;
        }
    }
    parts.push(start..block.end);
    parts
}

fn is_heading(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.ends_with(['.', '!', '?', '"', '”', '’', ':', ';', ','])
}

fn is_list_line(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with(['-', '*', '•', '–'])
        && trimmed.chars().nth(1).is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::boilerplate::classify;

    fn sentences(text: &str) -> Vec<&str> {
        let abbreviations = Abbreviations::new(["Adm", "Gen", "Gov", "U.S", "No", "Mr"]);
        let lines = classify(text, 0);
        segment(text, &lines, &abbreviations)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Adm. Wikoff met Gen. Smith. Troops left."),
            vec!["Adm. Wikoff met Gen. Smith.", "Troops left."]
        );
        assert_eq!(
            sentences("Forces from the U.S. Army joined. No. 5 led."),
            vec!["Forces from the U.S. Army joined.", "No. 5 led."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Admiral George M. Wikoff spoke. He left."),
            vec!["Admiral George M. Wikoff spoke.", "He left."]
        );
    }

    #[test]
    fn decimals_and_thousands_stay_whole() {
        assert_eq!(
            sentences("Some 1.4 million mines and 28.000 arms went. Then 8,000 more."),
            vec![
                "Some 1.4 million mines and 28.000 arms went.",
                "Then 8,000 more."
            ]
        );
    }

    #[test]
    fn quotes_and_lower_case_continuations_stay_whole() {
        assert_eq!(
            sentences("\"Is it over?\" he asked. \"Yes.\" She nodded."),
            vec!["\"Is it over?\" he asked.", "\"Yes.\"", "She nodded."]
        );
    }

    #[test]
    fn headlines_and_list_lines_are_units() {
        assert_eq!(
            sentences("Big Headline Here\n\nFirst line of text\ncontinues here. Second.\n- item one\n- item two\n"),
            vec![
                "Big Headline Here",
                "First line of text\ncontinues here.",
                "Second.",
                "- item one",
                "- item two"
            ]
        );
    }

    #[test]
    fn a_headline_over_its_paragraph_is_its_own_sentence() {
        assert_eq!(
            sentences("Heavy rain hits the southern province\nThe floods closed roads.\n"),
            vec![
                "Heavy rain hits the southern province",
                "The floods closed roads."
            ]
        );
        assert_eq!(
            sentences("Intro.\n\nFloods Cut Roads in Moldova\nThe rain fell. More\nText here.\n"),
            vec![
                "Intro.",
                "Floods Cut Roads in Moldova",
                "The rain fell.",
                "More\nText here."
            ]
        );
        // A wrapped paragraph stays whole, a wrapped title too.
        assert_eq!(
            sentences("Intro.\n\nThe minister visited the\nSouthern Province today.\n"),
            vec![
                "Intro.",
                "The minister visited the\nSouthern Province today."
            ]
        );
        assert_eq!(
            sentences("Deputy Assistant Secretary\nGeneral Kim spoke.\n"),
            vec!["Deputy Assistant Secretary\nGeneral Kim spoke."]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_white_space() {
        let text = "word ".repeat(2000) + "end.";
        let pieces = sentences(&text);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces
            .iter()
            .all(|p| !p.starts_with(' ') && !p.ends_with(' ')));
        let one_word = "x".repeat(5000);
        assert!(sentences(&one_word)
            .iter()
            .all(|p| p.len() <= MAX_SENTENCE_BYTES));
        let wide = "é".repeat(3000);
        assert_eq!(sentences(&wide).concat(), wide);
    }

    #[test]
    fn a_heading_of_markup_alone_is_no_sentence() {
        // Found by fuzzing: the marker and trailing white space left an inverted span.
        assert!(sentences("#\u{b}\u{b}\n\nText.")
            .iter()
            .all(|s| *s == "Text."));
        assert_eq!(sentences("# \n"), Vec::<&str>::new());
        assert_eq!(sentences("###"), vec!["###"]);
    }

    #[test]
    fn markdown_heading_markers_are_not_part_of_the_headline() {
        assert_eq!(
            sentences("# Big Headline\n\n#hashtag starts this.\n"),
            vec!["Big Headline", "#hashtag starts this."]
        );
    }
}
