//! Event mentions: where a sentence speaks of an event (a trigger word) with the parties it
//! and its headline name, and the date a mention's sentence gives that event.

use crate::model::claim::TimeScope;
use crate::model::date::DateSpan;
use crate::model::mention::{EventMention, Parties};
use crate::normalize::date::Reference;
use crate::pipeline::segment::Sentence;
use crate::pipeline::source::Document;
use crate::rules::Lexicon;
use crate::text::fold::fold;
use std::sync::Arc;

/// Words that open a noun phrase: the nearest one before a trigger says whether the event is
/// one already known ("the drill") or another ("a drill", "its drills").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "a", "an", "its", "their", "his", "her", "our",
    "another", "each", "every", "some", "any", "no",
];

/// How many words after an event's trigger (in its clause) may make it one still to come:
/// "the joint exercise of NATO and Serbia was announced".
const MARKERS_AFTER: usize = 6;

/// How far (in bytes) from an event's trigger a date may stand and still date it.
const MENTION_DATE_REACH: usize = 100;

/// The event a sentence mentions at `trigger` (relative to the sentence), if the
/// sentence or the headline names a party.
pub fn event_mention(
    lexicon: &Lexicon,
    doc: &Document,
    doc_index: usize,
    sentence: &Sentence,
    trigger: std::ops::Range<usize>,
    headline_parties: &Parties,
    time: TimeScope,
) -> Option<EventMention> {
    let text = &doc.text[sentence.span.clone()];
    let parties = lexicon.parties_in(text).union(headline_parties);
    if parties.is_empty() {
        return None;
    }
    let class = lexicon.class_of(&text[trigger.clone()])?.to_string();
    // The words before the trigger, nearest first.
    let before: Vec<String> = text[..trigger.start]
        .split_whitespace()
        .rev()
        .take(6)
        .map(fold)
        .collect();
    // "The exercise was announced in March", "the drill will start": no event took
    // place there and then, whatever date the sentence gives.
    let clause = text[trigger.end..]
        .split([',', ';', ':', '(', '—'])
        .next()
        .unwrap_or("");
    let after = clause.split_whitespace().take(MARKERS_AFTER).map(fold);
    if before.iter().any(|w| lexicon.is_future_marker(w))
        || after.into_iter().any(|w| lexicon.is_future_marker(&w))
    {
        return None;
    }
    let mut scope: Vec<String> = before
        .iter()
        .take(3)
        .filter(|w| lexicon.is_scope_word(w))
        .cloned()
        .collect();
    scope.reverse();
    // The nearest determiner within the noun phrase decides: "the joint military drill".
    let definite = before
        .iter()
        .take(4)
        .find(|w| DETERMINERS.contains(&w.as_str()))
        .is_some_and(|w| matches!(w.as_str(), "the" | "this" | "that" | "these" | "those"));

    Some(EventMention {
        doc: doc_index,
        class,
        scope,
        parties,
        trigger: sentence.span.start + trigger.start..sentence.span.start + trigger.end,
        sentence: sentence.span.clone(),
        text: Arc::from(text),
        line: 0,
        column: 0,
        definite,
        time,
    })
}

/// The date a mention's sentence gives its event, if any: the most precise date near the
/// trigger (a date further away, "the legacy of the 1999 intervention", dates something
/// else). Worked out only for the mentions a check compares, since scanning for dates costs.
pub fn mention_date(mention: &EventMention) -> Option<DateSpan> {
    let reference = mention.time.date.map(|date| Reference {
        date,
        assumed: mention.time.assumed,
    });
    let start = mention.sentence.start;
    let trigger = mention.trigger.start - start..mention.trigger.end - start;
    let near = trigger.start.saturating_sub(MENTION_DATE_REACH)..trigger.end + MENTION_DATE_REACH;
    sentence_date(&mention.text, reference, near)
}

/// The most precise date `sentence` gives within the byte range `near`: "this spring, in
/// April 2016" is April.
pub(super) fn sentence_date(
    sentence: &str,
    reference: Option<Reference>,
    near: std::ops::Range<usize>,
) -> Option<DateSpan> {
    dated_phrase(sentence, reference, near).map(|(_, date)| date)
}

/// [`sentence_date`] with the span of the words that give it.
pub(super) fn dated_phrase(
    sentence: &str,
    reference: Option<Reference>,
    near: std::ops::Range<usize>,
) -> Option<(std::ops::Range<usize>, DateSpan)> {
    let options = crate::normalize::scan::ScanOptions {
        reference,
        kinds: vec![crate::normalize::scan::Kind::Date],
        ..Default::default()
    };
    crate::normalize::scan::scan(sentence, &options)
        .into_iter()
        .filter(|m| m.span.start < near.end && near.start < m.span.end)
        .filter_map(|m| match m.value {
            crate::normalize::scan::MentionValue::Date(date) => Some((m.span, date)),
            _ => None,
        })
        .min_by_key(|(_, date)| date.end - date.start)
}
