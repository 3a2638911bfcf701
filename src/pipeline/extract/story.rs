//! A document's story features: the terms that tell which event it reports (rare content
//! words, named entities and years, the headline and lead weighing more than the body), the
//! event classes and places of its lead, and the date it states for itself. Computed with
//! the document's other per-document output, so they can be stored with its claims.

use crate::model::claim::Claim;
use crate::model::story::StoryFeatures;
use crate::model::value::{FigureKind, Value, EVENT_DATE_MEASURE};
use crate::pipeline::segment::Sentence;
use crate::rules::lexicon::Lexicon;
use crate::text::fold::fold;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// Sentences (besides headlines) that make the lead.
const LEAD_SENTENCES: usize = 3;
/// How much more a word of the headline or lead weighs than one of the body.
const LEAD_WEIGHT: f32 = 3.0;
/// How much more a named entity weighs than a content word.
const ENTITY_WEIGHT: f32 = 1.5;
/// The years a text can speak of as its own time.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// The story features of one document.
pub(super) fn story_features(
    text: &str,
    sentences: &[Sentence],
    claims: &[Claim],
    date: Option<NaiveDate>,
    lexicon: &Lexicon,
    trigger: &Regex,
) -> StoryFeatures {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*").expect("word pattern"));
    let stopwords: HashSet<String> = lexicon
        .spec
        .story_stopwords
        .iter()
        .map(|w| fold(w))
        .collect();
    let mut terms: BTreeMap<String, f32> = BTreeMap::new();
    let mut classes: BTreeMap<String, u32> = BTreeMap::new();
    let mut places: BTreeMap<String, u32> = BTreeMap::new();
    let mut names: BTreeMap<String, u32> = BTreeMap::new();
    let mut body_sentences = 0;
    let mut latest_year: Option<i32> = None;
    // A date a measure names ("born 1952", "founded after 1975") is a fact the sources may
    // disagree on, not the time the text was written in nor a term of its event, and so is
    // a bound ("reunited after 1990"); a date of what a sentence reports ("the quake struck
    // on 2 July 2013") is both.
    let figure_dates: Vec<&std::ops::Range<usize>> = claims
        .iter()
        .filter(|claim| {
            matches!(&claim.value, Value::Figure(figure)
                if figure.kind == FigureKind::Date
                    && (figure.measure != EVENT_DATE_MEASURE || !figure.amount.high.is_finite()
                        || !figure.amount.low.is_finite()))
        })
        .map(|claim| &claim.span)
        .collect();
    for sentence in sentences {
        let in_lead = body_sentences < LEAD_SENTENCES;
        if !sentence.heading {
            body_sentences += 1;
        }
        let weight = if in_lead { LEAD_WEIGHT } else { 1.0 };
        let raw = &text[sentence.span.clone()];
        let cleaned = crate::text::without_urls(raw);
        let found: Vec<regex::Match> = WORD.find_iter(&cleaned).collect();
        let words: Vec<&str> = found.iter().map(|m| m.as_str()).collect();
        // Byte offsets in the document hold only while no URL was cut from the sentence.
        let offsets: Option<Vec<usize>> = (!crate::text::has_url(raw)).then(|| {
            found
                .iter()
                .map(|m| sentence.span.start + m.start())
                .collect()
        });
        let mut run: Vec<&str> = Vec::new();
        let mut run_starts_sentence = false;
        let mut entities: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<&str>, starts: bool| {
            // A lone capitalised word opening a sentence is no name.
            let lone_opener = starts && run.len() == 1;
            if !run.is_empty() && !lone_opener {
                entities.push(run.join(" "));
            }
            run.clear();
        };
        for (position, word) in words.iter().enumerate() {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().any(char::is_lowercase);
            if capitalised {
                if run.is_empty() {
                    run_starts_sentence = position == 0;
                }
                run.push(word);
            } else {
                flush(&mut run, run_starts_sentence);
            }
            let folded = fold(word);
            if let Ok(year) = folded.parse::<i32>() {
                let at = offsets.as_ref().map(|all| all[position]);
                let stated_by_figure =
                    at.is_some_and(|at| figure_dates.iter().any(|span| span.contains(&at)));
                if folded.len() == 4 && YEARS.contains(&year) && !stated_by_figure {
                    *terms.entry(format!("#{year}")).or_default() += weight;
                    latest_year = latest_year.max(Some(year));
                }
                continue;
            }
            if folded.chars().count() < 3
                || folded.chars().any(|c| c.is_ascii_digit())
                || stopwords.contains(&folded)
            {
                continue;
            }
            *terms.entry(stem(&folded)).or_default() += weight;
        }
        flush(&mut run, run_starts_sentence);
        for name in entities {
            let folded = fold(&name);
            if stopwords.contains(&folded) {
                continue;
            }
            *terms.entry(format!("@{folded}")).or_default() += weight * ENTITY_WEIGHT;
            if in_lead {
                *names.entry(name).or_default() += 1;
            }
        }
        if in_lead {
            for found in trigger.find_iter(raw) {
                if let Some(class) = lexicon.class_of(found.as_str()) {
                    *classes.entry(class.to_string()).or_default() += 1;
                    // "drill" and "exercise" are one term: the class of event.
                    *terms.entry(format!("!{class}")).or_default() += weight;
                }
            }
            // Countries, not the alliances they belong to: two exercises of NATO members in
            // two countries share no place.
            for party in lexicon.parties_in(raw).iter() {
                if !lexicon.has_members(party) || lexicon.mentions(raw, party) {
                    *places.entry(party.to_string()).or_default() += 1;
                }
            }
        }
    }
    for claim in claims {
        if let Value::Place { name, .. } = &claim.value {
            *places.entry(name.clone()).or_default() += 2;
        }
    }
    StoryFeatures {
        terms: terms.into_iter().collect(),
        date,
        year: date.map(|d| d.year()).or(latest_year),
        classes: classes.into_iter().collect(),
        places: places.into_iter().collect(),
        names: names.into_iter().collect(),
    }
}

/// A crude stem: plurals to singular ("quakes" and "quake" are one term).
fn stem(word: &str) -> String {
    let long = word.chars().count() > 4;
    if long && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if long
        && ["ses", "xes", "ches", "shes"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        word[..word.len() - 2].to_string()
    } else if long && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_stem_to_their_singular() {
        assert_eq!(stem("quakes"), "quake");
        assert_eq!(stem("casualties"), "casualty");
        assert_eq!(stem("churches"), "church");
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("census"), "census");
    }
}
