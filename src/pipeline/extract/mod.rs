//! Extraction: from one document's sentences to claims, by running every rule's patterns,
//! reading the values with the normalizers, and resolving each claim's subject within the
//! document (surnames to full names, "the exercise" to the event the document names).

use crate::model::claim::{Claim, EventMention, SubjectRef, TimeScope};
use crate::model::value::Value;
use crate::normalize::date::{parse_date, Reference};
use crate::normalize::number::parse_ordinal;
use crate::pipeline::segment::{segment, Abbreviations, Sentence};
use crate::pipeline::source::Document;
use crate::rules::{Lexicon, Rule, RuleSet, SubjectKind, ValueKind};
use crate::text::fold::fold;
use regex::{Captures, Regex};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// Compiled helpers shared by all documents of a run.
#[derive(Debug)]
pub struct Extractor<'r> {
    rules: &'r RuleSet,
    abbreviations: Abbreviations,
    trigger: Regex,
    past_marker: Regex,
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
}

/// Any date, for asking whether a text reads as a date at all.
const ANY_REFERENCE: Reference = Reference {
    date: match chrono::NaiveDate::from_ymd_opt(2000, 1, 1) {
        Some(date) => date,
        None => panic!("valid literal date"),
    },
    assumed: true,
};

/// The date a mention's sentence gives its event, if any: the most precise date near the
/// trigger (a date further away, "the legacy of the 1999 intervention", dates something
/// else). Worked out only for the mentions a check compares, since scanning for dates costs.
pub fn mention_date(mention: &EventMention) -> Option<crate::normalize::date::DateSpan> {
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
fn sentence_date(
    sentence: &str,
    reference: Option<Reference>,
    near: std::ops::Range<usize>,
) -> Option<crate::normalize::date::DateSpan> {
    let options = crate::normalize::scan::ScanOptions {
        reference,
        kinds: vec![crate::normalize::scan::Kind::Date],
        ..Default::default()
    };
    crate::normalize::scan::scan(sentence, &options)
        .into_iter()
        .filter(|m| m.span.start < near.end && near.start < m.span.end)
        .filter_map(|m| match m.value {
            crate::normalize::scan::MentionValue::Date(span) => Some(span),
            _ => None,
        })
        .min_by_key(|span| span.end - span.start)
}

/// Words that open a noun phrase: the nearest one before a trigger says whether the event is
/// one already known ("the drill") or another ("a drill", "its drills").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "a", "an", "its", "their", "his", "her", "our",
    "another", "each", "every", "some", "any", "no",
];

/// How far (in bytes) from an event's trigger a date may stand and still date it.
const MENTION_DATE_REACH: usize = 100;

/// Words that never stand between an ordinal and the event it counts: "the second *day
/// of the* exercise" counts days, not exercises.
const NOT_SCOPE: &[&str] = &[
    "of", "the", "a", "an", "in", "at", "on", "for", "to", "day", "days", "week", "weeks", "time",
    "phase", "stage", "part", "round", "edition", "year",
];

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
                mentions.extend(self.mention(
                    doc,
                    doc_index,
                    sentence,
                    trigger.range(),
                    &headline_parties,
                    time,
                ));
            }
            for (rule_index, rule) in self.rules.rules.iter().enumerate() {
                if rule.subject == SubjectKind::Event && !has_trigger {
                    continue;
                }
                if rule.requires.as_ref().is_some_and(|r| !r.is_match(text)) {
                    continue;
                }
                for pattern in &rule.patterns {
                    let found = self.run_pattern(
                        pattern, doc, doc_index, sentence, rule_index, reference, time,
                    );
                    for claim in found {
                        let key = (rule_index, claim.span.clone(), claim.subject.clone());
                        if seen.insert(key) {
                            claims.push(claim);
                        }
                    }
                }
            }
        }
        let mut claims = keep_longest(claims);
        resolve_surnames(doc, &mut claims, &self.rules.lexicon);
        self.name_events(doc, &mut claims);
        self.date_by_sentence(doc, &mut claims, reference);
        claims.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
        });
        crate::model::claim::Located::fill(&doc.text, &mut claims, &mut mentions);
        Extracted {
            sentences,
            segmenting,
            claims,
            mentions,
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

    /// The event a sentence mentions at `trigger` (relative to the sentence), if the
    /// sentence or the headline names a party.
    fn mention(
        &self,
        doc: &Document,
        doc_index: usize,
        sentence: &Sentence,
        trigger: std::ops::Range<usize>,
        headline_parties: &crate::model::claim::Parties,
        time: TimeScope,
    ) -> Option<EventMention> {
        let lexicon = &self.rules.lexicon;
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
        if before.iter().any(|w| lexicon.is_future_marker(w)) {
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

    /// Every claim one pattern finds in one sentence. A value the normalizers reject ("in
    /// June" read as a place) is masked and the pattern tried again from the same start,
    /// so a later reading of the same match ("at the South Base") is not lost.
    #[allow(clippy::too_many_arguments)]
    fn run_pattern(
        &self,
        pattern: &Regex,
        doc: &Document,
        doc_index: usize,
        sentence: &Sentence,
        rule_index: usize,
        reference: Option<Reference>,
        time: TimeScope,
    ) -> Vec<Claim> {
        let rule = &self.rules.rules[rule_index];
        let mut text = doc.text[sentence.span.clone()].to_string();
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
        let mut subject_text = caps.name("subject").map(|m| m.as_str().to_string());
        if rule.value == ValueKind::Title {
            if let Some((value_end, name)) = resplit_title_and_name(sentence_text, caps) {
                value_range.end = value_end;
                subject_text = Some(name);
            }
        }
        let value_text = &sentence_text[value_range.clone()];
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
                    near: caps.name("near").map(|m| m.as_str().to_string()),
                }
            }
            ValueKind::Ordinal => {
                let scope_text = caps.name("scope").map_or("", |m| m.as_str());
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
                    scope: scope.join(" "),
                }
            }
            kind => {
                let unit = match kind {
                    ValueKind::Count => Some(lexicon.unit_of(caps.name("unit")?.as_str())?),
                    _ => None,
                };
                let reading = crate::model::value::Reading {
                    lexicon,
                    reference,
                    convention: doc.convention,
                    unit,
                };
                Value::read(kind, value_text, &reading)?
            }
        };
        let subject = match rule.subject {
            SubjectKind::Person => person(subject_text.as_deref()?, lexicon)?,
            SubjectKind::Event => SubjectRef::Event {
                class: self.event_class(caps, sentence_text)?,
                name: None,
            },
            SubjectKind::Date => SubjectRef::Date {
                text: crate::model::claim::collapse_whitespace(value_text),
            },
        };
        let attribute = match &value {
            Value::Count { unit, .. } => unit.clone(),
            _ => rule.attribute.clone(),
        };
        Some(Claim {
            doc: doc_index,
            rule: rule_index,
            subject,
            attribute,
            text: value.canonical(),
            value,
            span: base + value_range.start..base + value_range.end,
            sentence: sentence.span.clone(),
            time,
            located: Default::default(),
        })
    }

    /// The class of the event a claim is tied to: the pattern's `event` group, else the
    /// first trigger word in the sentence.
    fn event_class(&self, caps: &Captures, sentence: &str) -> Option<String> {
        let trigger = match caps.name("event") {
            Some(m) => m.as_str(),
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
            .filter_map(|c| match (&c.value, &c.subject) {
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
            let SubjectRef::Event { class, name } = &mut claim.subject else {
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
    let title = value.as_str();
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

/// A person subject from the text a pattern captured: leading titles, ranks and
/// honorifics removed, possessive removed.
fn person(text: &str, lexicon: &Lexicon) -> Option<SubjectRef> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first_name_word = words
        .iter()
        .position(|w| !lexicon.is_title_word(&fold(w)))?;
    let name = words[first_name_word..]
        .join(" ")
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    let key = person_key(&name);
    (!key.is_empty()).then_some(SubjectRef::Person { name, key })
}

/// The comparison key of a name: folded, initials dropped ("George M. Wikoff" →
/// "george wikoff").
pub fn person_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .filter(|w| w.chars().count() > 1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A surname alone ("Admiral Wikoff") refers back to the full name the document gives
/// ("George M. Wikoff"), from other claims or from the text.
fn resolve_surnames(doc: &Document, claims: &mut [Claim], lexicon: &Lexicon) {
    let full_names: Vec<(String, String)> = claims
        .iter()
        .filter_map(|c| match &c.subject {
            SubjectRef::Person { name, key } if key.contains(' ') => {
                Some((name.clone(), key.clone()))
            }
            _ => None,
        })
        .collect();
    // Each surname is looked up once per document, however often it is used.
    let mut resolved: HashMap<String, Option<(String, String)>> = HashMap::new();
    for claim in claims.iter_mut() {
        let SubjectRef::Person { name, key } = &claim.subject else {
            continue;
        };
        if key.contains(' ') {
            continue;
        }
        let found = resolved
            .entry(key.clone())
            .or_insert_with(|| {
                full_names
                    .iter()
                    .find(|(_, k)| k.rsplit(' ').next() == Some(key.as_str()))
                    .cloned()
                    .or_else(|| full_name_in_text(doc, name, lexicon))
            })
            .clone();
        if let Some((full, full_key)) = found {
            claim.subject = SubjectRef::Person {
                name: full,
                key: full_key,
            };
        }
    }
}

/// A given name, perhaps with initials, that ends a text: "... George M. " before a surname.
static GIVEN_NAME_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"\b\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}\.)*\s+$")
        .expect("given name pattern compiles")
});

/// "George M. Wikoff" somewhere in the text for the surname "Wikoff": each place the
/// surname stands as a whole word is tried with the given name before it, searched backwards
/// from there (no pattern is compiled per surname).
fn full_name_in_text(doc: &Document, surname: &str, lexicon: &Lexicon) -> Option<(String, String)> {
    let text = &doc.text;
    text.match_indices(surname).find_map(|(at, _)| {
        let end = at + surname.len();
        if text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            return None;
        }
        let given = GIVEN_NAME_AT_END.find(&text[..at])?;
        match person(&text[given.start()..end], lexicon)? {
            SubjectRef::Person { name, key } if key.contains(' ') => Some((name, key)),
            _ => None,
        }
    })
}

/// An event name without surrounding quotes and punctuation, with a two-digit year
/// written out ("Platinum Wolf 23" → "Platinum Wolf 2023").
fn clean_name(text: &str) -> Option<String> {
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
    let mut words: Vec<String> = trimmed.split_whitespace().map(str::to_string).collect();
    // "The Platinum Wolf exercise": a capitalised article opens the sentence, not the name.
    if words.len() > 1 && ["the", "a", "an"].contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        if last.len() == 2 && last.chars().all(|c| c.is_ascii_digit()) {
            *last = format!("20{last}");
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_name(text: &str, surname: &str) -> Option<String> {
        let rules = crate::rules::RuleSet::builtin_for_tests();
        let (doc, _) = Document::new("a.md", text.to_string());
        full_name_in_text(&doc, surname, &rules.lexicon).map(|(name, _)| name)
    }

    #[test]
    fn a_surname_is_completed_from_the_full_name_the_text_gives() {
        let text = "George M. Wikoff arrived. Later, Wikoff spoke.";
        assert_eq!(
            full_name(text, "Wikoff").as_deref(),
            Some("George M. Wikoff")
        );
        let text = "President Aleksandar Vučić, who spoke. Vučić left.";
        assert_eq!(
            full_name(text, "Vučić").as_deref(),
            Some("Aleksandar Vučić")
        );
    }

    #[test]
    fn a_surname_inside_a_longer_word_is_no_full_name() {
        assert_eq!(
            full_name("Jan Wikoffson arrived. Wikoff spoke.", "Wikoff"),
            None
        );
        assert_eq!(full_name("Ana Vučićević came. Vučić spoke.", "Vučić"), None);
    }
}
