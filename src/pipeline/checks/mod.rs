//! Cross-document checks named by check rules: one person's name spelled two ways, and a
//! "first" event that another source dates an earlier one of. Their findings cite claims
//! the checks make from the text itself (the name as written, the earlier event's mention),
//! appended after the extracted claims.

use crate::model::claim::{collapse_whitespace, Claim, EventMention, Located, SubjectRef};
use crate::model::finding::{Finding, Verdict};
use crate::model::value::Value;
use crate::normalize::date::DateSpan;
use crate::pipeline::subjects::{Member, Subject, Subjects};
use crate::pipeline::verdict::Context;
use crate::rules::Check;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Runs every check rule of the context's rule set. New claims get the indices after
/// `claims`; `subjects` learns their subjects.
pub fn run(
    claims: &[Claim],
    mentions: &[EventMention],
    subjects: &mut Subjects,
    context: &Context,
) -> (Vec<Finding>, Vec<Claim>) {
    let mut out = Evidence {
        base: claims.len(),
        claims: Vec::new(),
        findings: Vec::new(),
    };
    for (index, rule) in context.rules.rules.iter().enumerate() {
        match rule.check {
            Some(Check::NameVariant) => name_variants(claims, subjects, index, context, &mut out),
            Some(Check::EarlierEvent) => {
                earlier_events(claims, mentions, subjects, index, context, &mut out);
            }
            None => {}
        }
    }
    (out.findings, out.claims)
}

/// What the checks add to a run.
struct Evidence {
    /// The number of extracted claims: new claims are numbered after them.
    base: usize,
    claims: Vec<Claim>,
    findings: Vec<Finding>,
}

impl Evidence {
    /// A check's finding: possible only, since a check weighs likelihoods, not values.
    fn possible_conflict(
        &mut self,
        rule: &crate::rules::Rule,
        rule_index: usize,
        subject: &str,
        detail: &str,
        claims: Vec<usize>,
    ) {
        self.findings.push(Finding {
            rule: rule_index,
            verdict: Verdict::PossibleConflict,
            subject: subject.to_string(),
            attribute: rule.attribute.clone(),
            message: format!("{}: {detail}", rule.message_for(subject, &rule.attribute)),
            claims,
        });
    }

    fn add(&mut self, claim: Claim, subject: usize, subjects: &mut Subjects) -> usize {
        self.claims.push(claim);
        subjects.of_claim.push(subject);
        self.base + self.claims.len() - 1
    }
}

/// A `name-variant` finding for each person sources spell differently, citing each
/// spelling where it first appears.
fn name_variants(
    claims: &[Claim],
    subjects: &mut Subjects,
    rule_index: usize,
    context: &Context,
    out: &mut Evidence,
) {
    let rule = &context.rules.rules[rule_index];
    for firsts in subjects.variants.clone() {
        let subject = subjects.of_claim[firsts[0]];
        let label = subjects.subjects[subject].label.clone();
        let mut cited = Vec::new();
        let mut spellings = Vec::new();
        for index in firsts {
            let claim = &claims[index];
            let SubjectRef::Person { name, .. } = &claim.subject else {
                continue;
            };
            spellings.push(format!("\"{name}\" ({})", context.source_names[claim.doc]));
            // Cited where the sentence writes the name, else at the claim's own place.
            let (line, column) = claim
                .located
                .name
                .unwrap_or((claim.located.line, claim.located.column));
            let evidence = Claim {
                rule: rule_index,
                attribute: rule.attribute.clone(),
                value: Value::Name(name.clone()),
                text: name.clone(),
                located: Located {
                    line,
                    column,
                    quote: claim.located.quote.clone(),
                    written: name.clone(),
                    name: None,
                },
                ..claim.clone()
            };
            cited.push(out.add(evidence, subject, subjects));
        }
        out.possible_conflict(rule, rule_index, &label, &spellings.join(", "), cited);
    }
}

/// An `earlier-event` finding for each event a source calls the first of its kind with
/// its parties, when another source reports such an event before it (or does not say
/// when). Possible only: the scope of "first" may differ.
fn earlier_events(
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
        if !matches!(claim.subject, SubjectRef::Event { .. }) {
            continue;
        }
        let subject = subjects.of_claim[index];
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
        let SubjectRef::Event { class, .. } = &claim.subject else {
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
            .split(' ')
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
                .or_insert_with(|| crate::pipeline::extract::mention_date(mention));
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
        let label = subjects.subjects[subject].label.clone();
        let mut cited = first_claims.clone();
        let mut reports = Vec::new();
        for (mention, date) in earlier.into_values() {
            let known = claim_at
                .get(&(mention.doc, mention.sentence.start))
                .copied();
            let named = known
                .filter(|&i| matches!(&claims[i].subject, SubjectRef::Event { name: Some(_), .. }));
            let occurrence = Value::Occurrence(Box::new(crate::model::value::Occurrence {
                name: named.map(|i| subjects.subjects[subjects.of_claim[i]].label.clone()),
                class: mention.class.clone(),
                scope: mention.scope.clone(),
                parties: mention.parties.iter().map(str::to_string).collect(),
                date: date
                    .filter(|d| !d.year_assumed)
                    .map(|d| d.canonical())
                    .or_else(|| {
                        let published = mention.time.date.filter(|_| !mention.time.assumed)?;
                        Some(format!("reported {}", published.format("%Y-%m-%d")))
                    }),
            }));
            let text = occurrence.canonical();
            reports.push(format!("{}: {text}", context.source_names[mention.doc]));
            let evidence_subject = match known {
                Some(known) => subjects.of_claim[known],
                None => {
                    subjects.subjects.push(Subject {
                        label: format!("the {} ({})", mention.class, when(mention, date)),
                        person: false,
                        members: vec![Member {
                            spelling: format!("the {}", mention.class),
                            claims: 1,
                            reason: "an earlier event a source reports".into(),
                        }],
                    });
                    subjects.subjects.len() - 1
                }
            };
            let evidence = Claim {
                doc: mention.doc,
                rule: rule_index,
                subject: SubjectRef::Event {
                    class: mention.class.clone(),
                    name: None,
                },
                attribute: rule.attribute.clone(),
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
            };
            cited.push(out.add(evidence, evidence_subject, subjects));
        }
        let detail = format!("\"{}\" — {}", claim.text, reports.join("; "));
        out.possible_conflict(rule, rule_index, &label, &detail, cited);
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
