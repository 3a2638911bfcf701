//! `earlier-event`: an event a source calls the first of its kind with its parties, when
//! another source reports such an event before it (or does not say when).

use super::{check_attribute, Evidence};
use crate::model::claim::{Claim, Located, SubjectRef};
use crate::model::date::DateSpan;
use crate::model::finding::Detail;
use crate::model::mention::EventMention;
use crate::model::subject::{Member, MemberReason, Subject, SubjectKind};
use crate::model::value::{EventDate, Occurrence, Value};
use crate::pipeline::extract::mention_date;
use crate::pipeline::subjects::Subjects;
use crate::pipeline::verdict::Context;
use crate::text::collapse_whitespace;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// An `earlier-event` finding for each event a source calls the first of its kind with
/// its parties, when another source reports such an event before it (or does not say
/// when). Possible only: the scope of "first" may differ.
pub(super) fn earlier_events(
    claims: &[Claim],
    mentions: &[EventMention],
    subjects: &mut Subjects,
    rule_index: usize,
    context: &Context,
    out: &mut Evidence,
) {
    let rule = &context.rules.rules[rule_index];
    let lexicon = &context.rules.lexicon;
    let window = chrono::Duration::days(context.event_window_days);
    // A mention's date is scanned for once, however many "first" events it is set against.
    let mut mention_dates: HashMap<usize, Option<DateSpan>> = HashMap::new();
    // Per event subject: its "first" claims, and the sentences that speak of it.
    let mut firsts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut sentences_of: BTreeMap<usize, HashSet<(usize, usize)>> = BTreeMap::new();
    // The first event claim of each sentence, to name an earlier event a sentence reports.
    let mut claim_at: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    // Each document's own event: the subject of its first event claim (headline, lead).
    let mut main_event: BTreeMap<usize, usize> = BTreeMap::new();
    let mut times: BTreeMap<usize, EventTimes> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        if !matches!(claim.named, SubjectRef::Event { .. }) {
            continue;
        }
        let subject = claim.subject;
        main_event.entry(claim.doc).or_insert(subject);
        times.entry(subject).or_default().add(claim);
        sentences_of
            .entry(subject)
            .or_default()
            .insert((claim.doc, claim.sentence.start));
        claim_at
            .entry((claim.doc, claim.sentence.start))
            .or_insert(index);
        if matches!(claim.value, Value::Ordinal { rank: 1, .. }) {
            firsts.entry(subject).or_default().push(index);
        }
    }
    for (subject, first_claims) in firsts {
        let claim = &claims[first_claims[0]];
        let SubjectRef::Event { class, .. } = &claim.named else {
            continue;
        };
        let Value::Ordinal { scope, .. } = &claim.value else {
            continue;
        };
        // The parties of the "first" event: those its sentences name (with the headline).
        let first_sentences: HashSet<(usize, usize)> = first_claims
            .iter()
            .map(|&i| (claims[i].doc, claims[i].sentence.start))
            .collect();
        let parties: BTreeSet<&str> = mentions
            .iter()
            .filter(|m| first_sentences.contains(&(m.doc, m.sentence.start)))
            .flat_map(|m| m.parties.iter())
            .collect();
        if parties.is_empty() {
            continue;
        }
        let scope: Vec<&str> = scope
            .iter()
            .map(String::as_str)
            .filter(|w| lexicon.is_scope_word(w))
            .collect();
        let start = times[&subject].start(window);
        let own = &sentences_of[&subject];
        let mut earlier: BTreeMap<usize, (&EventMention, Option<DateSpan>)> = BTreeMap::new();
        for (mention_index, mention) in mentions.iter().enumerate() {
            // "The drill" in a report of this event is this event.
            let is_this_event = own.contains(&(mention.doc, mention.sentence.start))
                || (mention.definite && main_event.get(&mention.doc) == Some(&subject));
            if mention.class != *class
                || is_this_event
                || earlier.contains_key(&mention.doc)
                || !parties.iter().all(|p| mention.parties.contains(p))
                || !scope.iter().all(|w| {
                    mention.scope.iter().any(|s| s == w)
                        || (lexicon.is_shared_scope(w) && mention.parties.len() > 1)
                })
            {
                continue;
            }
            let date = *mention_dates
                .entry(mention_index)
                .or_insert_with(|| mention_date(mention));
            let before = match (mention_end(mention, date), start) {
                (Some(end), Some(start)) => end <= start,
                // No date for one of the two: possibly earlier.
                _ => true,
            };
            if before {
                earlier.insert(mention.doc, (mention, date));
            }
        }
        if earlier.is_empty() {
            continue;
        }
        let mut cited = first_claims.clone();
        for (mention, date) in earlier.into_values() {
            let known = claim_at
                .get(&(mention.doc, mention.sentence.start))
                .copied();
            let named = known
                .filter(|&i| matches!(&claims[i].named, SubjectRef::Event { name: Some(_), .. }));
            let occurrence = Value::Occurrence(Box::new(Occurrence {
                name: named.map(|i| subjects.subjects[claims[i].subject].label.clone()),
                class: mention.class.clone(),
                scope: mention.scope.clone(),
                parties: mention.parties.iter().map(str::to_string).collect(),
                date: date
                    .filter(|d| !d.year_assumed)
                    .map(EventDate::Given)
                    .or_else(|| {
                        let published = mention.time.date.filter(|_| !mention.time.assumed)?;
                        Some(EventDate::Reported(published))
                    }),
            }));
            let text = occurrence.canonical();
            let evidence_subject = match known {
                Some(known) => claims[known].subject,
                None => {
                    subjects.subjects.push(Subject {
                        label: format!("the {} ({})", mention.class, when(mention, date)),
                        kind: SubjectKind::Event,
                        members: vec![Member {
                            spelling: format!("the {}", mention.class),
                            claims: 1,
                            reason: MemberReason::EarlierEvent,
                        }],
                        // Known only from another event's report: its own label says when.
                        event: None,
                    });
                    subjects.subjects.len() - 1
                }
            };
            let evidence = Claim {
                doc: mention.doc,
                rule: rule_index,
                subject: evidence_subject,
                named: SubjectRef::Event {
                    class: mention.class.clone(),
                    name: None,
                },
                attribute: check_attribute(rule),
                value: occurrence,
                text,
                span: mention.trigger.clone(),
                sentence: mention.sentence.clone(),
                time: mention.time,
                located: Located {
                    line: mention.line,
                    column: mention.column,
                    quote: collapse_whitespace(&mention.text).into(),
                    written: mention.text[mention.trigger.start - mention.sentence.start
                        ..mention.trigger.end - mention.sentence.start]
                        .to_string(),
                    name: None,
                },
                unverified: false,
            };
            cited.push(out.add(evidence));
        }
        let detail = Detail::EarlierEvent {
            firsts: first_claims.len(),
        };
        out.possible_conflict(rule_index, subject, check_attribute(rule), cited, detail);
    }
}

/// What sources say of when an event began: the earliest date they give it (a year they
/// give), and the earliest publication that reports it.
#[derive(Default)]
struct EventTimes {
    dated: Option<NaiveDate>,
    published: Option<NaiveDate>,
}

impl EventTimes {
    fn add(&mut self, claim: &Claim) {
        let earliest =
            |known: Option<NaiveDate>, date: NaiveDate| Some(known.map_or(date, |d| d.min(date)));
        if let Value::Date(span) = &claim.value {
            if !span.year_assumed {
                self.dated = earliest(self.dated, span.start);
            }
        }
        if let (Some(date), false) = (claim.time.date, claim.time.assumed) {
            self.published = earliest(self.published, date);
        }
    }

    /// The earliest date given, else a window before the earliest publication.
    fn start(&self, window: chrono::Duration) -> Option<NaiveDate> {
        self.dated.or(self.published.map(|p| p - window))
    }
}

/// When a mentioned event ended, as far as the text says: its own date, else (for a
/// dated source) the publication date. `None` when neither is known.
fn mention_end(mention: &EventMention, date: Option<DateSpan>) -> Option<NaiveDate> {
    match date {
        Some(date) if !date.year_assumed => Some(date.end.pred_opt().unwrap_or(date.end)),
        Some(_) => None,
        None => mention.time.date.filter(|_| !mention.time.assumed),
    }
}

fn when(mention: &EventMention, date: Option<DateSpan>) -> String {
    mention_end(mention, date).map_or("undated".into(), |d| d.format("%Y-%m").to_string())
}
