//! Excerpts: a claim's sentence, or a window of it around the value, cut at word
//! boundaries with "…" where it is cut, and split into the text before the value, the value
//! as written and the text after, so that each format marks the value its own way. Every
//! piece is one line.

use crate::model::claim::Claim;
use crate::text::collapse_whitespace;
use std::ops::Range;

/// A sentence around a claim's value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub before: String,
    /// The value as the sentence writes it; empty where it could not be found.
    pub value: String,
    pub after: String,
}

impl Excerpt {
    /// The excerpt as one string, the value between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        self.marked_with(str::to_string, open, close)
    }

    /// The excerpt as one string in a format's markup: each piece of text through
    /// `escape`, the value between `open` and `close` (no marks where it was not found).
    pub fn marked_with(&self, escape: impl Fn(&str) -> String, open: &str, close: &str) -> String {
        if self.value.is_empty() {
            return format!("{}{}", escape(&self.before), escape(&self.after));
        }
        format!(
            "{}{open}{}{close}{}",
            escape(&self.before),
            escape(&self.value),
            escape(&self.after)
        )
    }

    /// How many characters the excerpt shows, marks left out.
    pub fn chars(&self) -> usize {
        self.before.chars().count() + self.value.chars().count() + self.after.chars().count()
    }
}

/// Text on one line: every run of white space, line breaks included, one space.
pub fn one_line(text: &str) -> String {
    collapse_whitespace(text)
}

/// The whole sentence of `claim`, split around its value.
pub fn whole(claim: &Claim) -> Excerpt {
    window(claim, usize::MAX)
}

/// About `budget` characters of the sentence of `claim` around its value: the value whole,
/// and as much on either side as fits, cut at word boundaries.
pub fn window(claim: &Claim, budget: usize) -> Excerpt {
    let quote = one_line(&claim.located.quote);
    let Some(at) = locate(&quote, claim) else {
        return Excerpt {
            after: cut_after(&quote, budget),
            ..Excerpt::default()
        };
    };
    let (before, value, after) = (&quote[..at.start], &quote[at.clone()], &quote[at.end..]);
    let room = budget.saturating_sub(value.chars().count());
    let (before_len, after_len) = (before.chars().count(), after.chars().count());
    // Half the room on each side; what one side does not need goes to the other.
    let mut before_room = room / 2;
    let mut after_room = room - before_room;
    if before_len < before_room {
        after_room += before_room - before_len;
        before_room = before_len;
    } else if after_len < after_room {
        before_room += after_room - after_len;
        after_room = after_len;
    }
    Excerpt {
        before: cut_before(before, before_room),
        value: value.to_string(),
        after: cut_after(after, after_room),
    }
}

/// The byte range of the value as written in `quote` (the claim's sentence on one line):
/// of the places it occurs, the one nearest the claim's own place in its sentence.
fn locate(quote: &str, claim: &Claim) -> Option<Range<usize>> {
    let written = one_line(&claim.located.written);
    if written.is_empty() {
        return None;
    }
    let expected = claim.span.start.saturating_sub(claim.sentence.start);
    quote
        .match_indices(written.as_str())
        .map(|(at, _)| at)
        .min_by_key(|&at| at.abs_diff(expected))
        .map(|at| at..at + written.len())
}

/// The end of `text` in at most `room` characters, starting at a word, "…" in front where
/// it is cut.
fn cut_before(text: &str, room: usize) -> String {
    let len = text.chars().count();
    if len <= room {
        return text.to_string();
    }
    let skip = len - room.saturating_sub(1);
    let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
    let mut kept = &text[start..];
    let cut_in_word =
        !text[..start].ends_with(char::is_whitespace) && !kept.starts_with(char::is_whitespace);
    if cut_in_word {
        kept = kept.find(char::is_whitespace).map_or("", |i| &kept[i..]);
    }
    format!("…{}", kept.trim_start())
}

/// The start of `text` in at most `room` characters, ending at a word, "…" after it where
/// it is cut.
fn cut_after(text: &str, room: usize) -> String {
    let len = text.chars().count();
    if len <= room {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(room.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let mut kept = &text[..end];
    let cut_in_word =
        !text[end..].starts_with(char::is_whitespace) && !kept.ends_with(char::is_whitespace);
    if cut_in_word {
        kept = kept.rfind(char::is_whitespace).map_or("", |i| &kept[..i]);
    }
    let kept = kept
        .trim_end()
        .trim_end_matches([',', ';', ':', '(', '“', '"']);
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claim::{Attribute, Located, SubjectRef, TimeScope};
    use crate::model::value::Value;

    fn claim(sentence: &str, written: &str) -> Claim {
        let at = sentence.find(written).unwrap();
        Claim {
            doc: 0,
            rule: 0,
            subject: 0,
            named: SubjectRef::Date { text: "x".into() },
            attribute: Attribute::new("troops"),
            value: Value::Name(written.into()),
            text: written.into(),
            span: at..at + written.len(),
            sentence: 0..sentence.len(),
            time: TimeScope {
                date: None,
                assumed: false,
            },
            located: Located {
                quote: sentence.into(),
                written: written.into(),
                ..Located::default()
            },
            unverified: false,
        }
    }

    const SENTENCE: &str = "In a surprise turn on May 29, 2026, NATO announced that approximately 600 troops from member states had completed the exercise with the Serbian Armed Forces.";

    #[test]
    fn a_window_keeps_the_value_whole_and_cuts_at_word_boundaries() {
        let excerpt = window(&claim(SENTENCE, "approximately 600 troops"), 60);
        assert_eq!(excerpt.value, "approximately 600 troops");
        assert!(excerpt.before.starts_with('…') && excerpt.after.ends_with('…'));
        for word in excerpt.before[3..]
            .split(' ')
            .chain(excerpt.after.split(' '))
        {
            let word = word.trim_matches(['…', ',', '.']);
            assert!(
                word.is_empty() || SENTENCE.split(' ').any(|w| w.trim_matches(',') == word),
                "{word:?} is a whole word of the sentence"
            );
        }
        assert!(excerpt.chars() <= 60, "{excerpt:?}");
        assert_eq!(
            excerpt.marked("[", "]"),
            "…announced that [approximately 600 troops] from member…"
        );
    }

    #[test]
    fn a_short_sentence_is_whole_and_a_long_value_is_never_cut() {
        let short = window(&claim("Short one.", "one"), 60);
        assert_eq!(short.marked("[", "]"), "Short [one].");
        let long = window(&claim(SENTENCE, "approximately 600 troops"), 10);
        assert_eq!(long.marked("[", "]"), "…[approximately 600 troops]…");
    }

    #[test]
    fn room_one_side_does_not_need_goes_to_the_other() {
        let excerpt = window(&claim(SENTENCE, "In a surprise"), 50);
        assert_eq!(excerpt.before, "");
        assert_eq!(excerpt.after, " turn on May 29, 2026, NATO…");
    }

    #[test]
    fn the_occurrence_nearest_the_claim_is_marked() {
        let sentence = "600 troops were planned, and 600 troops came.";
        let mut second = claim(sentence, "600 troops");
        second.span = 29..39;
        assert_eq!(
            whole(&second).marked("[", "]"),
            "600 troops were planned, and [600 troops] came."
        );
    }

    #[test]
    fn values_and_quotes_are_one_line() {
        let mut broken = claim("It lasted two\nweeks in all.", "two\nweeks");
        broken.located.written = "two\nweeks".into();
        assert_eq!(
            whole(&broken).marked("[", "]"),
            "It lasted [two weeks] in all."
        );
        assert_eq!(one_line("a\r\n b"), "a b");
    }
}
