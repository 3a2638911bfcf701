//! What the words around a value say it is not: the rank "General" written in lower case
//! or ending an office of another word ("Inspector General" where the lexicon does not know
//! it), a title cut short before the words it was read with ("President of South" before
//! "Korea", "Chairman of the"), a possessive or an event's name read as a place ("at
//! Serbia's invitation", "in Iron Shield 2026"), where an event was felt rather than where
//! it took place, "the first quake" of a sequence the sentence goes on to tell, and a word
//! glued to a prefix read as a name ("Governor Re-elected").

use crate::rules::{Lexicon, ValueKind};
use crate::text::fold::fold;
use regex::Captures;
use std::ops::Range;

/// Words between an event and a place that make the place one the event reached, not one
/// it took place at: a quake "felt in Bucharest".
const REACHED: &[&str] = &["felt", "heard", "recorded", "registered"];

/// Words a title never ends with: it was cut short.
const DANGLING: &[&str] = &["the", "of", "for", "and", "on", "a"];

/// Whether the words around a value read in `sentence` (a headline when `heading`) at
/// `value` rule it out.
#[allow(clippy::too_many_arguments)]
pub(super) fn rules_out(
    kind: ValueKind,
    sentence: &str,
    heading: bool,
    value: &Range<usize>,
    subject: Option<&str>,
    caps: &Captures,
    lexicon: &Lexicon,
) -> bool {
    // "Governor Re-elected", "Co-founder": a name never goes on in a lower-case word
    // after a hyphen (a double name's second part is capitalised: "Jean-Pierre"), so
    // what was read is a word's prefix.
    let glued_to_word = |at: usize| {
        let mut after = sentence.get(at..).unwrap_or_default().chars();
        after.next() == Some('-') && after.next().is_some_and(char::is_lowercase)
    };
    if caps
        .name("subject")
        .is_some_and(|name| glued_to_word(name.end()))
    {
        return true;
    }
    match kind {
        ValueKind::Title => title_ruled_out(sentence, value, subject),
        // A headline capitalises every word: "Exercise at Slunj Range Closes" names no
        // place of four words, unless the lexicon knows it.
        ValueKind::Place if heading && !one_word_or_known(&sentence[value.clone()], lexicon) => {
            true
        }
        ValueKind::Place => place_ruled_out(sentence, value, caps, lexicon),
        ValueKind::Ordinal => first_of_a_sequence(sentence, value, caps),
        ValueKind::Count => counts_another_noun(sentence, value, caps),
        _ => false,
    }
}

/// Words that end a count's noun phrase: the unit a pattern finds past one belongs to
/// another phrase.
const PHRASE_ENDS: &[&str] = &[
    "in", "of", "at", "on", "to", "for", "from", "by", "with", "than", "into", "across", "around",
    "near", "and", "or",
];

/// "tens of thousands more in countries around the ocean": the count is of people the
/// text leaves unsaid, not of the countries after the preposition.
fn counts_another_noun(sentence: &str, value: &Range<usize>, caps: &Captures) -> bool {
    let Some(unit) = caps.name("unit") else {
        return false;
    };
    let between = sentence.get(value.end..unit.start()).unwrap_or_default();
    between
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| PHRASE_ENDS.contains(&fold(word).as_str()))
}

/// Words after "the first quake" that make it the first of a sequence the text goes on
/// to tell ("a second followed", "aftershocks"), not the first of its kind.
const SEQUENCE: &[&str] = &[
    "second",
    "third",
    "another",
    "followed",
    "aftershock",
    "aftershocks",
];

/// "The first quake hit at dawn, and a second followed": first of this day's quakes. A
/// "first-ever" or "first ... of its kind" is never one.
fn first_of_a_sequence(sentence: &str, value: &Range<usize>, caps: &Captures) -> bool {
    if fold(&sentence[value.clone()]) != "first" {
        return false;
    }
    let whole = caps.get(0).map_or(value.end, |m| m.end());
    let claimed = &sentence[value.start..whole];
    if claimed.contains("ever") {
        return false;
    }
    sentence[whole..]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SEQUENCE.contains(&fold(w).as_str()))
}

/// Whether a place is one word, or one the lexicon knows (a party, a place it lies in or
/// that lies in it).
fn one_word_or_known(place: &str, lexicon: &Lexicon) -> bool {
    !place.trim().contains(char::is_whitespace)
        || lexicon.party(place).is_some()
        || !lexicon.containers(&fold(place)).is_empty()
}

fn title_ruled_out(sentence: &str, value: &Range<usize>, subject: Option<&str>) -> bool {
    let title = &sentence[value.clone()];
    let words: Vec<&str> = title.split_whitespace().collect();
    let Some(last) = words.last() else {
        return true;
    };
    if DANGLING.contains(&fold(last).as_str()) {
        return true;
    }
    if words.len() == 1 && fold(title) == "general" {
        // A rank only as "General" before a name, not "general manager" nor an office
        // ending in the word ("Surgeon General").
        let before = sentence[..value.start].trim_end();
        let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(title) || (capitalised(previous) && !before.ends_with(['.', ',', ':'])) {
            return true;
        }
    }
    // A qualifier straight before a one-word "name" may have lost that word to it:
    // "President of South" + "Korea".
    let qualified = title.contains(" of ") || title.contains(" for ");
    let after = &sentence[value.end..];
    qualified
        && subject.is_some_and(|name| {
            name.split_whitespace().count() == 1 && after.trim_start().starts_with(name)
        })
}

fn place_ruled_out(
    sentence: &str,
    value: &Range<usize>,
    caps: &Captures,
    lexicon: &Lexicon,
) -> bool {
    let after = &sentence[value.end..];
    let place = &sentence[value.clone()];
    // "in One Week": a time, not a place.
    if crate::normalize::duration::parse_duration(place, Default::default()).is_some() {
        return true;
    }
    // "at Serbia's invitation": the place owns what follows; it is not where.
    let possessive = |t: &str| t.starts_with("'s") || t.starts_with("’s");
    if possessive(after) || place.ends_with("'s") || place.ends_with("’s") {
        return true;
    }
    // A name with a year or an event's trigger after it names an event.
    let next = after
        .trim_start_matches([' ', '"', '”', '’', '\''])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let year = next.len() >= 2 && next.len() <= 4 && next.bytes().all(|b| b.is_ascii_digit());
    if (year && after.starts_with(' ')) || lexicon.class_of(next).is_some() {
        return true;
    }
    // "felt in", "was felt as far as": the last few words before the place say so.
    let gap_start = caps.name("event").map_or(0, |e| e.end());
    sentence.get(gap_start..value.start).is_some_and(|gap| {
        gap.split_whitespace()
            .rev()
            .take(REACHED_WITHIN)
            .any(|w| REACHED.contains(&fold(w).as_str()))
    })
}

/// How many words before a place a word of [`REACHED`] speaks of it.
const REACHED_WITHIN: usize = 3;
