//! Extraction: from one document's sentences to claims, by running every rule's patterns,
//! reading the values with the normalizers, and resolving each claim's subject within the
//! document (surnames to full names, "the exercise" to the event the document names).

mod context;
mod figures;
mod locate;
mod mention;
mod names;
mod read;
mod story;
mod title;

pub use locate::locate;
pub use mention::{event_mention, mention_date};
pub use names::person_key;
pub use read::{read_value, Reading};
pub use title::parse_title;

use crate::model::claim::{Claim, SubjectRef, TimeScope, UNRESOLVED};
use crate::model::mention::EventMention;
use crate::model::story::StoryFeatures;
use crate::model::value::Value;
use crate::normalize::date::{date_finder, mark_dates, parse_date, Reference};
use crate::normalize::number::parse_ordinal;
use crate::pipeline::segment::{segment, Abbreviations, Sentence};
use crate::pipeline::source::Document;
use crate::rules::{Rule, RuleAttribute, RuleSet, SubjectKind, ValueKind};
use crate::text::collapse_whitespace;
use crate::text::fold::fold;
use crate::text::pattern::LazyRegex;
use mention::{dated_phrase, sentence_date};
use names::{clean_name, person, resolve_surnames};
use regex::{Captures, Regex};
use std::collections::{HashMap, HashSet};

/// Compiled helpers shared by all documents of a run.
#[derive(Debug)]
pub struct Extractor<'r> {
    rules: &'r RuleSet,
    abbreviations: Abbreviations,
    trigger: Regex,
    past_marker: Regex,
    /// The rule figure claims are read under, if the rule set has one.
    figure_rule: Option<usize>,
}

/// What one document yields.
#[derive(Debug, Default)]
pub struct Extracted {
    pub sentences: Vec<Sentence>,
    /// Time spent splitting the text into sentences (the rest of the call extracted).
    pub segmenting: std::time::Duration,
    pub claims: Vec<Claim>,
    /// Event mentions that name parties (in the sentence or the headline).
    pub mentions: Vec<EventMention>,
    /// What tells which story the document belongs to.
    pub story: StoryFeatures,
}

/// Any date, for asking whether a text reads as a date at all.
const ANY_REFERENCE: Reference = Reference {
    date: match chrono::NaiveDate::from_ymd_opt(2000, 1, 1) {
        Some(date) => date,
        None => panic!("valid literal date"),
    },
    assumed: true,
};

/// The class of the event figures are about when the sentence names none: the story's.
const FIGURE_EVENT: &str = "event";

/// A sentence dated this many days or more before its publication speaks of an earlier
/// event.
const BACKGROUND_DAYS: i64 = 60;

/// Words that open a clause of its own: "the 6.1 quake rocked a region *that* the 2004
/// tsunami devastated".
const CLAUSE_OPENING_WORDS: [&str; 8] = [
    "as", "that", "which", "where", "when", "while", "after", "before",
];

/// Whether `text` holds a comma or semicolon that ends a clause ("61.2%, up from 55%"),
/// not one inside a number ("1,200"), or a word that opens another clause.
fn parts_clauses(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        matches!(c, ',' | ';')
            && text[at + 1..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    }) || text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        CLAUSE_OPENING_WORDS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    })
}

/// The earlier event a sentence speaks of, and where its date stands (a sentence offset).
struct Background {
    event: String,
    start: usize,
}

/// A year written alone ("the 1999 quake"), which the date reader leaves to the context.
static YEAR: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"\b(?:1[89]\d\d|20\d\d)\b").expect("year pattern compiles")
});

/// Words that never stand between an ordinal and the event it counts: "the second *day
/// of the* exercise" counts days, not exercises.
const NOT_SCOPE: &[&str] = &[
    "of", "the", "a", "an", "in", "at", "on", "for", "to", "day", "days", "week", "weeks", "time",
    "phase", "stage", "part", "round", "edition", "year",
];

/// What [`compile_side_by_side`] compiles.
enum Compile<'p> {
    Pattern(&'p LazyRegex),
    DateForms,
}

/// Compiles the patterns of `patterns` not compiled yet, and the date reader's forms when
/// `with_date_forms`, on every core when there are several: rule patterns compile when
/// first used, and the first sentence that reaches the rules (or a short run's only one)
/// would otherwise compile a dozen large ones in a row, most of a short run's time.
fn compile_side_by_side<'p>(patterns: impl Iterator<Item = &'p LazyRegex>, with_date_forms: bool) {
    use crate::normalize::date;
    use rayon::prelude::*;
    let mut pending: Vec<Compile> = patterns
        .filter(|p| !p.is_compiled())
        .map(Compile::Pattern)
        .collect();
    if with_date_forms && !date::forms_compiled() {
        pending.push(Compile::DateForms);
    }
    if pending.len() > 1 {
        pending.par_iter().for_each(|task| match task {
            Compile::Pattern(pattern) => {
                let _: &Regex = pattern;
            }
            Compile::DateForms => {
                date::compiled_forms();
            }
        });
    }
}

impl<'r> Extractor<'r> {
    pub fn new(rules: &'r RuleSet) -> Extractor<'r> {
        let lexicon = &rules.lexicon;
        let fragment = |name: &str| lexicon.fragment(name).unwrap_or(r"[^\s\S]").to_string();
        Extractor {
            rules,
            abbreviations: Abbreviations::new(&lexicon.spec.abbreviations),
            trigger: crate::text::pattern::compile(&fragment("EVENT"))
                .expect("event fragment compiles"),
            past_marker: crate::text::pattern::compile(&format!(
                r"(?:{})[\s-]*$",
                fragment("PAST")
            ))
            .expect("past marker fragment compiles"),
            figure_rule: rules
                .rules
                .iter()
                .position(|r| r.value == ValueKind::Figure),
        }
    }

    /// Extracts the claims of `doc` (index `doc_index`); `reference` resolves relative and
    /// year-less dates.
    pub fn extract(
        &self,
        doc: &Document,
        doc_index: usize,
        reference: Option<Reference>,
    ) -> Extracted {
        let started = std::time::Instant::now();
        let sentences = segment(&doc.text, &doc.lines, &self.abbreviations);
        let segmenting = started.elapsed();
        let time = TimeScope {
            date: reference.map(|r| r.date),
            assumed: reference.is_some_and(|r| r.assumed),
        };
        let mut claims = Vec::new();
        let mut mentions = Vec::new();
        let mut seen = HashSet::new();
        let mut known_names: Option<HashSet<String>> = None;
        // The headline's parties count for every event mention of the document.
        let headline_parties = match sentences.first() {
            Some(first) if first.heading => {
                self.rules.lexicon.parties_in(&doc.text[first.span.clone()])
            }
            _ => Default::default(),
        };
        for sentence in &sentences {
            let text = &doc.text[sentence.span.clone()];
            // An event claim needs a trigger word in its sentence (its class comes from
            // one), so sentences without any skip the event rules.
            let trigger = self.trigger.find(text);
            let has_trigger = trigger.is_some();
            if let Some(trigger) = trigger {
                mentions.extend(event_mention(
                    &self.rules.lexicon,
                    doc,
                    doc_index,
                    sentence,
                    trigger.range(),
                    &headline_parties,
                    time,
                ));
            }
            let reached: Vec<(usize, &Rule)> = self
                .rules
                .rules
                .iter()
                .enumerate()
                .filter(|(_, rule)| rule.subject != SubjectKind::Event || has_trigger)
                .filter(|(_, rule)| rule.requires.as_ref().is_none_or(|r| r.is_match(text)))
                .collect();
            let reads_dates = reached
                .iter()
                .any(|(_, rule)| rule.patterns.iter().any(|p| p.reads_dates));
            compile_side_by_side(
                reached
                    .iter()
                    .flat_map(|(_, rule)| rule.patterns.iter().map(|p| &p.regex))
                    .chain(reads_dates.then(date_finder)),
                // Whatever a rule reads, its values are read with the date reader too.
                !reached.is_empty(),
            );
            let dates_marked = reads_dates.then(|| mark_dates(text));
            for (rule_index, rule) in reached {
                for pattern in &rule.patterns {
                    let searched = match (&dates_marked, pattern.reads_dates) {
                        (Some(marked), true) => marked.as_str(),
                        _ => text,
                    };
                    let found = self.run_pattern(
                        &pattern.regex,
                        searched,
                        doc,
                        doc_index,
                        sentence,
                        rule_index,
                        reference,
                        time,
                    );
                    for claim in found {
                        let key = (rule_index, claim.span.clone(), claim.named.clone());
                        if seen.insert(key) {
                            claims.push(claim);
                        }
                    }
                }
            }
            if let Some(rule_index) = self.figure_rule {
                let known_names = known_names.get_or_insert_with(|| {
                    figures::known_names(
                        sentences
                            .iter()
                            .filter(|s| !s.heading)
                            .map(|s| &doc.text[s.span.clone()]),
                    )
                });
                let found = self.figure_claims(
                    doc,
                    doc_index,
                    sentence,
                    rule_index,
                    &claims,
                    known_names,
                    reference,
                    time,
                );
                claims.extend(found);
            }
        }
        let mut claims = keep_longest(claims);
        resolve_surnames(doc, &mut claims, &self.rules.lexicon);
        self.name_events(doc, &mut claims);
        self.date_by_sentence(doc, &mut claims, reference);
        claims.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
        });
        locate(&doc.text, &mut claims, &mut mentions);
        let story = story::story_features(
            &doc.text,
            &sentences,
            &claims,
            reference.filter(|r| !r.assumed).map(|r| r.date),
            &self.rules.lexicon,
            &self.trigger,
        );
        Extracted {
            sentences,
            segmenting,
            claims,
            mentions,
            story,
        }
    }

    /// A value that changes over time speaks for the time its sentence gives ("In 2016,
    /// Prime Minister Vucic ..."), when that lies before the publication; otherwise for the
    /// publication date.
    fn date_by_sentence(&self, doc: &Document, claims: &mut [Claim], reference: Option<Reference>) {
        let Some(published) = reference.filter(|r| !r.assumed).map(|r| r.date) else {
            return;
        };
        let mut dated: HashMap<usize, Option<chrono::NaiveDate>> = HashMap::new();
        for claim in claims.iter_mut() {
            if !self.rules.rules[claim.rule].time_varying {
                continue;
            }
            let date = *dated.entry(claim.sentence.start).or_insert_with(|| {
                sentence_date(&doc.text[claim.sentence.clone()], reference, 0..usize::MAX)
                    .filter(|span| !span.year_assumed && span.end <= published)
                    .map(|span| span.start)
            });
            if let Some(date) = date {
                claim.time.date = Some(date);
            }
        }
    }

    /// Every claim one pattern finds in one sentence. A value the normalizers reject ("in
    /// June" read as a place) is masked and the pattern tried again from the same start,
    /// so a later reading of the same match ("at the South Base") is not lost.
    #[allow(clippy::too_many_arguments)]
    fn run_pattern(
        &self,
        pattern: &Regex,
        searched: &str,
        doc: &Document,
        doc_index: usize,
        sentence: &Sentence,
        rule_index: usize,
        reference: Option<Reference>,
        time: TimeScope,
    ) -> Vec<Claim> {
        let rule = &self.rules.rules[rule_index];
        let mut text = searched.to_string();
        let mut claims = Vec::new();
        let mut position = 0;
        while position <= text.len() {
            let Some(caps) = pattern.captures_at(&text, position) else {
                break;
            };
            let whole = caps.get(0).expect("group 0 always matches").range();
            if let Some(claim) = self.claim(
                doc, doc_index, sentence, rule_index, rule, &caps, reference, time,
            ) {
                claims.push(claim);
                position = next_boundary(&text, whole.end.max(whole.start + 1));
                continue;
            }
            let value = caps.name("value").map(|v| v.range());
            // A value already masked (a user pattern may match '_') cannot be masked again.
            match value.filter(|v| text[v.clone()].bytes().any(|b| b != b'_')) {
                Some(value) => {
                    // '_' is one byte, so offsets stay valid; it matches no fragment.
                    text.replace_range(value.clone(), &"_".repeat(value.len()));
                }
                None => position = next_boundary(&text, whole.start + 1),
            }
        }
        claims
    }

    #[allow(clippy::too_many_arguments)]
    fn claim(
        &self,
        doc: &Document,
        doc_index: usize,
        sentence: &Sentence,
        rule_index: usize,
        rule: &Rule,
        caps: &Captures,
        reference: Option<Reference>,
        time: TimeScope,
    ) -> Option<Claim> {
        let lexicon = &self.rules.lexicon;
        let base = sentence.span.start;
        let sentence_text = &doc.text[sentence.span.clone()];
        let value_match = caps.name("value")?;
        let mut value_range = value_match.range();
        // The groups are read from the sentence: the text searched may have its dates marked.
        let group = |name: &str| caps.name(name).map(|m| &sentence_text[m.range()]);
        let mut subject_text = group("subject").map(str::to_string);
        if rule.value == ValueKind::Title {
            if let Some((value_end, name)) = resplit_title_and_name(sentence_text, caps) {
                value_range.end = value_end;
                subject_text = Some(name);
            }
        }
        if context::rules_out(
            rule.value,
            sentence_text,
            sentence.heading,
            &value_range,
            subject_text.as_deref(),
            caps,
            lexicon,
        ) {
            return None;
        }
        let value_text = &sentence_text[value_range.clone()];
        // What a count counts, in the lexicon's class ("soldiers" count "troops").
        let counted = match rule.value {
            ValueKind::Count => Some(lexicon.unit_of(group("unit")?)?),
            _ => None,
        };
        let value = match rule.value {
            ValueKind::Title
                if self
                    .past_marker
                    .is_match(&sentence_text[..value_match.start()]) =>
            {
                return None;
            }
            ValueKind::Name => Value::Name(clean_name(value_text)?),
            ValueKind::Place => {
                // "the exercise in May" names a time, not a place.
                if parse_date(value_text, reference.or(Some(ANY_REFERENCE))).is_some() {
                    return None;
                }
                Value::Place {
                    name: value_text.to_string(),
                    near: group("near").map(str::to_string),
                }
            }
            ValueKind::Ordinal => {
                let scope_text = group("scope").unwrap_or("");
                let words: Vec<String> = scope_text.split_whitespace().map(fold).collect();
                if words.iter().any(|w| NOT_SCOPE.contains(&w.as_str())) {
                    return None;
                }
                let class = self.event_class(caps, sentence_text)?;
                let mut scope: Vec<String> = words
                    .into_iter()
                    .filter(|w| lexicon.is_scope_word(w))
                    .collect();
                scope.push(class);
                Value::Ordinal {
                    rank: parse_ordinal(value_text)?,
                    scope,
                }
            }
            kind => {
                let reading = Reading {
                    lexicon,
                    reference,
                    convention: doc.convention,
                    unit: counted.map(|unit| unit.as_str()),
                };
                read_value(kind, value_text, &reading)?
            }
        };
        let subject = match rule.subject {
            SubjectKind::Person => person(subject_text.as_deref()?, lexicon)?,
            SubjectKind::Event => SubjectRef::Event {
                class: self.event_class(caps, sentence_text)?,
                name: None,
            },
            SubjectKind::Date => SubjectRef::Date {
                text: collapse_whitespace(value_text),
            },
        };
        let attribute = match &rule.attribute {
            RuleAttribute::Fixed(attribute) => attribute.clone(),
            RuleAttribute::CountedUnit => counted?.clone(),
            RuleAttribute::Measure => return None,
        };
        Some(Claim {
            doc: doc_index,
            rule: rule_index,
            subject: UNRESOLVED,
            named: subject,
            attribute,
            text: value.canonical(),
            value,
            span: base + value_range.start..base + value_range.end,
            sentence: sentence.span.clone(),
            time,
            located: Default::default(),
            unverified: false,
        })
    }

    /// The figure claims of one sentence, outside the values `claims` of the sentence
    /// already hold. A figure is about the story's event, or about an earlier one when the
    /// sentence dates itself well before the publication ("the 1999 quake that killed
    /// 17,000").
    #[allow(clippy::too_many_arguments)]
    fn figure_claims(
        &self,
        doc: &Document,
        doc_index: usize,
        sentence: &Sentence,
        rule_index: usize,
        claims: &[Claim],
        known_names: &HashSet<String>,
        reference: Option<Reference>,
        time: TimeScope,
    ) -> Vec<Claim> {
        let base = sentence.span.start;
        let text = &doc.text[sentence.span.clone()];
        let claimed: Vec<std::ops::Range<usize>> = claims
            .iter()
            .rev()
            .take_while(|c| c.sentence == sentence.span)
            .map(|c| c.span.start - base..c.span.end - base)
            .collect();
        let mut found = figures::figures(
            text,
            &claimed,
            known_names,
            &self.rules.lexicon,
            doc.convention,
            reference,
        );
        // A headline's dates name its story ("2020 pandemic in Cameroon"); its sentences
        // state what happened when.
        if sentence.heading {
            found.retain(|f| f.figure.measure != crate::model::value::EVENT_DATE_MEASURE);
        }
        // The story's event happened near its report: a date that ended well before the
        // publication is some earlier thing's ("the Blazers made the playoffs in 2002 and
        // 2003" in a 2005 report), which other sources have no reason to give alike.
        if let Some(published) = reference.filter(|r| !r.assumed).map(|r| r.date) {
            let recent_from =
                f64::from(chrono::Datelike::num_days_from_ce(&published)) - BACKGROUND_DAYS as f64;
            found.retain(|f| {
                f.figure.measure != crate::model::value::EVENT_DATE_MEASURE
                    || f.figure.amount.high >= recent_from
            });
        }
        if found.is_empty() {
            return Vec::new();
        }
        let background = self.background_event(text, reference);
        found
            .into_iter()
            .map(|found| {
                // A date figure dates the story's event or person; its own date makes
                // no earlier event of it, nor does a date a clause after it gives
                // ("Turnout was 61.2%, up from 55% four years ago").
                let background = background
                    .as_ref()
                    .filter(|_| found.figure.kind != crate::model::value::FigureKind::Date)
                    .filter(|b| {
                        text.get(found.span.end..b.start)
                            .is_none_or(|between| !parts_clauses(between))
                    })
                    .map(|b| b.event.clone());
                let value = Value::Figure(Box::new(found.figure));
                let Value::Figure(figure) = &value else {
                    unreachable!("built as a figure")
                };
                Claim {
                    doc: doc_index,
                    rule: rule_index,
                    subject: UNRESOLVED,
                    named: SubjectRef::Event {
                        class: FIGURE_EVENT.to_string(),
                        name: background,
                    },
                    attribute: crate::model::claim::Attribute::new(
                        &self.measure_key(&figure.measure),
                    ),
                    text: value.canonical(),
                    value,
                    span: base + found.span.start..base + found.span.end,
                    sentence: sentence.span.clone(),
                    time,
                    located: Default::default(),
                    unverified: false,
                }
            })
            .collect()
    }

    /// The attribute a figure's measure compares under: a lexicon measure by its name, a
    /// counted noun in the singular ("reviews" and "review" are one).
    fn measure_key(&self, measure: &str) -> String {
        if self.rules.lexicon.measures.is_measure(measure) {
            measure.to_string()
        } else {
            figures::lemma(measure)
        }
    }

    /// The earlier event a sentence speaks of, by the date it gives: one that ended more
    /// than [`BACKGROUND_DAYS`] before the publication ("the 1999 quake", "in 1999", "last
    /// year's quake"), and where in the sentence its date stands. A year right before an
    /// event word names that event ("since the 2010 quake that killed two"), whatever
    /// other date the sentence gives.
    fn background_event(&self, sentence: &str, reference: Option<Reference>) -> Option<Background> {
        let published = reference.filter(|r| !r.assumed)?.date;
        let year_end = |year: &str| chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, 12, 31);
        let named = || {
            YEAR.find_iter(sentence).find_map(|year| {
                // Only the words right after the year are looked at.
                let rest = &sentence[year.end()..];
                let rest = rest
                    .char_indices()
                    .nth(40)
                    .map_or(rest, |(at, _)| &rest[..at]);
                let trigger = self.trigger.find(rest)?;
                rest[..trigger.start()].trim().is_empty().then_some(())?;
                Some((
                    year.start(),
                    year_end(year.as_str())?,
                    year.as_str().to_string(),
                    Some(trigger.as_str()),
                ))
            })
        };
        let dated = || {
            dated_phrase(sentence, reference, 0..usize::MAX)
                .filter(|(_, date)| !date.year_assumed)
                .map(|(span, date)| (span.start, date.end, date.canonical(), None))
        };
        let year = || {
            let year = YEAR.find(sentence)?;
            Some((
                year.start(),
                year_end(year.as_str())?,
                year.as_str().to_string(),
                None,
            ))
        };
        let earlier = |found: &(usize, chrono::NaiveDate, String, Option<&str>)| {
            (published - found.1).num_days() > BACKGROUND_DAYS
        };
        let (start, _, date, trigger) = named()
            .filter(earlier)
            .or_else(|| dated().or_else(year).filter(earlier))?;
        let class = trigger
            .or_else(|| self.trigger.find(sentence).map(|t| t.as_str()))
            .and_then(|t| self.rules.lexicon.class_of(t))
            .unwrap_or(FIGURE_EVENT);
        Some(Background {
            event: format!("{class} of {date}"),
            start,
        })
    }

    /// The class of the event a claim is tied to: the pattern's `event` group, else the
    /// first trigger word in the sentence.
    fn event_class(&self, caps: &Captures, sentence: &str) -> Option<String> {
        let trigger = match caps.name("event") {
            Some(m) => &sentence[m.range()],
            None => self.trigger.find(sentence)?.as_str(),
        };
        self.rules.lexicon.class_of(trigger).map(str::to_string)
    }

    /// Gives event claims the name of the event they are about: a name in the same
    /// sentence, else the name given last before it in the document (for the same class).
    fn name_events(&self, doc: &Document, claims: &mut [Claim]) {
        // (position, class, name, folded name)
        let names: Vec<(usize, String, String, String)> = claims
            .iter()
            .filter_map(|c| match (&c.value, &c.named) {
                (Value::Name(name), SubjectRef::Event { class, .. }) => {
                    Some((c.span.start, class.clone(), name.clone(), fold(name)))
                }
                _ => None,
            })
            .collect();
        if names.is_empty() {
            return;
        }
        // Claims come sentence by sentence: fold each sentence once.
        let mut folded: Option<(usize, String)> = None;
        for claim in claims.iter_mut() {
            // A figure's event is the story's or the earlier one its sentence dates.
            if Some(claim.rule) == self.figure_rule {
                continue;
            }
            let SubjectRef::Event { class, name } = &mut claim.named else {
                continue;
            };
            if folded
                .as_ref()
                .is_none_or(|(at, _)| *at != claim.sentence.start)
            {
                folded = Some((
                    claim.sentence.start,
                    fold(&doc.text[claim.sentence.clone()]),
                ));
            }
            let sentence = folded.as_ref().map_or("", |(_, text)| text.as_str());
            let in_sentence = names
                .iter()
                .find(|(_, c, _, n)| c == class && sentence.contains(n.as_str()));
            let before = names
                .iter()
                .rfind(|(at, c, _, _)| c == class && *at < claim.sentence.end);
            *name = in_sentence.or(before).map(|(_, _, n, _)| n.clone());
        }
    }
}

/// A title with a qualifier directly followed by a name ("... for Defence Policy Kevin
/// Hamilton") is ambiguous to a pattern: the name is read as the run's last two words (three
/// with a middle initial), the qualifier as the words before. Returns the title's new end and
/// the name, or `None` when the pattern's reading needs no change.
fn resplit_title_and_name(sentence: &str, caps: &Captures) -> Option<(usize, String)> {
    let value = caps.name("value")?;
    let subject = caps.name("subject")?;
    if subject.start() < value.end() || !sentence[value.end()..subject.start()].trim().is_empty() {
        return None;
    }
    let title = &sentence[value.range()];
    let qualifier_start = [" for ", " of "]
        .iter()
        .filter_map(|link| title.find(link).map(|i| i + link.len()))
        .min()?;
    let run_start = value.start() + qualifier_start;
    let run = &sentence[run_start..subject.end()];
    let words: Vec<(usize, &str)> = run
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - run.as_ptr() as usize, w))
        .collect();
    let is_initial =
        |w: &str| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
    let name_words = if words.len() >= 3 && is_initial(words[words.len() - 2].1) {
        3
    } else {
        2
    };
    if words.len() <= name_words {
        return None;
    }
    let (name_at, _) = words[words.len() - name_words];
    let name = run[name_at..].to_string();
    if name == subject.as_str() {
        return None;
    }
    let (last_at, last) = words[words.len() - name_words - 1];
    Some((run_start + last_at + last.len(), name))
}

/// The first char boundary at or after `at`.
fn next_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Where two patterns of one rule read overlapping values, the longer reading wins:
/// "Commander of Allied Joint Force Command Naples" over "Commander of Allied Joint Force"
/// followed by a "person" named "Command Naples".
fn keep_longest(mut claims: Vec<Claim>) -> Vec<Claim> {
    claims.sort_by(|a, b| {
        (a.rule, a.span.start, std::cmp::Reverse(a.span.end)).cmp(&(
            b.rule,
            b.span.start,
            std::cmp::Reverse(b.span.end),
        ))
    });
    let mut kept: Vec<Claim> = Vec::with_capacity(claims.len());
    for claim in claims {
        match kept.last_mut() {
            Some(last) if last.rule == claim.rule && claim.span.start < last.span.end => {
                if claim.span.len() > last.span.len() {
                    *last = claim;
                }
            }
            _ => kept.push(claim),
        }
    }
    kept
}
