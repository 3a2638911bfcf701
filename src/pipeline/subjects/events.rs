//! Events across documents: named events by name; unnamed ones by class within the story
//! of the documents that report them, split where their articles name parties with
//! nothing in common, and within an article where its sentences do (two drills of one
//! week, each with its own figures).

use super::{Key, SubjectOptions, UnionFind};
use crate::model::claim::{Claim, SubjectRef};
use crate::model::mention::EventMention;
use crate::model::subject::LinkReason;
use crate::pipeline::extract::mention_date;
use crate::text::fold::fold;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One document's mention of one event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct DocEvent {
    class: String,
    name: Option<String>,
    doc: usize,
    /// Which of the document's events of the class, where its sentences report several.
    part: usize,
    /// The year of an event its sentence dates well before the document: a background
    /// event ("the 2023 exercise at the range drew 2,000 troops").
    background: Option<i32>,
    date: Option<NaiveDate>,
}

/// How long before its document's date a sentence's date must end for the sentence to
/// speak of an earlier event than the document's.
const BACKGROUND_DAYS: i64 = 60;

/// For each (class, document, sentence start) of a mention whose sentence dates its event
/// well before the document's date, that year. Only sentences that write a year are read.
fn backgrounds(mentions: &[EventMention]) -> HashMap<(String, usize, usize), i32> {
    let writes_year = |text: &str| {
        text.split(|c: char| !c.is_ascii_digit()).any(|digits| {
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        })
    };
    mentions
        .iter()
        .filter(|m| m.time.date.is_some() && !m.time.assumed && writes_year(&m.text))
        .filter_map(|m| {
            let published = m.time.date?;
            let date = mention_date(m).filter(|d| !d.year_assumed)?;
            ((published - date.end).num_days() > BACKGROUND_DAYS).then(|| {
                (
                    (m.class.clone(), m.doc, m.sentence.start),
                    chrono::Datelike::year(&date.start),
                )
            })
        })
        .collect()
}

/// The events of one class a document reports where its sentences name parties with
/// nothing in common: each sentence's event, and each event's parties.
#[derive(Debug, Default)]
struct Parts {
    /// Sentence starts (sorted) and the event each speaks of.
    sentences: Vec<(usize, usize)>,
    parties: Vec<BTreeSet<String>>,
}

impl Parts {
    /// The event a sentence starting at `start` speaks of: that of the nearest sentence
    /// at or before it that names parties (the event named last), else the first.
    fn of(&self, start: usize) -> usize {
        let at = self.sentences.partition_point(|(s, _)| *s <= start);
        self.sentences[at.saturating_sub(1)].1
    }
}

/// For each (class, document) whose sentences name events of that class with parties in
/// groups that share none, the parts; documents of one event are left out.
fn parts_of(
    mentions: &[EventMention],
    own_parties: &[Vec<String>],
) -> HashMap<(String, usize), Parts> {
    let mut sentences: BTreeMap<(String, usize), BTreeMap<usize, BTreeSet<&str>>> = BTreeMap::new();
    for (mention, own) in mentions.iter().zip(own_parties) {
        if own.is_empty() {
            continue;
        }
        sentences
            .entry((mention.class.clone(), mention.doc))
            .or_default()
            .entry(mention.sentence.start)
            .or_default()
            .extend(own.iter().map(String::as_str));
    }
    let mut parts = HashMap::new();
    for (key, by_start) in sentences {
        let sets: Vec<&BTreeSet<&str>> = by_start.values().collect();
        let groups = split_by_parties(&sets);
        if groups.len() < 2 {
            continue;
        }
        let mut part_of_sentence = vec![0; sets.len()];
        let mut parties = Vec::with_capacity(groups.len());
        for (part, group) in groups.iter().enumerate() {
            let mut named = BTreeSet::new();
            for &i in group {
                part_of_sentence[i] = part;
                named.extend(sets[i].iter().map(|p| p.to_string()));
            }
            parties.push(named);
        }
        let sentences = by_start
            .keys()
            .zip(part_of_sentence)
            .map(|(&start, part)| (start, part))
            .collect();
        parts.insert(key, Parts { sentences, parties });
    }
    parts
}

/// Gives each event claim its key; returns, for each unnamed event that shares its class
/// and story with another, the parties that tell them apart, and for each background
/// event the year its sentences date it to.
pub(super) fn resolve_events(
    claims: &[Claim],
    mentions: &[EventMention],
    own_parties: &[Vec<String>],
    story_of_document: &[usize],
    options: &SubjectOptions,
    keys: &mut [Key],
    links: &mut Vec<(Key, Key, LinkReason)>,
) -> (HashMap<Key, Vec<String>>, HashMap<Key, i32>) {
    // The parties each document gives its events of a class.
    let mut parties_of: HashMap<(&str, usize), BTreeSet<&str>> = HashMap::new();
    for mention in mentions {
        parties_of
            .entry((mention.class.as_str(), mention.doc))
            .or_default()
            .extend(mention.parties.iter());
    }
    let no_parties = BTreeSet::new();
    let parts = parts_of(mentions, own_parties);
    let background = backgrounds(mentions);
    // Which of its document's events a claim speaks of: the part its sentence belongs to,
    // and the year of a background event its sentence dates.
    let part_of = |class: &str, claim: &Claim| {
        let key = (class.to_string(), claim.doc);
        (
            parts.get(&key).map_or(0, |p| p.of(claim.sentence.start)),
            background
                .get(&(key.0, key.1, claim.sentence.start))
                .copied(),
        )
    };
    let mut doc_events: BTreeSet<DocEvent> = BTreeSet::new();
    for claim in claims {
        if let SubjectRef::Event { class, name } = &claim.named {
            doc_events.insert(DocEvent {
                class: class.clone(),
                name: name.as_ref().map(|n| fold(n)),
                doc: claim.doc,
                part: if name.is_none() {
                    part_of(class, claim).0
                } else {
                    0
                },
                background: name.is_none().then(|| part_of(class, claim).1).flatten(),
                date: claim.time.date,
            });
        }
    }
    // Unnamed mentions of a class in one story are one event, in date order.
    // A background event of a year is one per story too, apart from the story's own.
    let mut chains: BTreeMap<(String, usize, Option<i32>), Vec<&DocEvent>> = BTreeMap::new();
    for mention in doc_events.iter().filter(|m| m.name.is_none()) {
        let story = story_of_document
            .get(mention.doc)
            .copied()
            .unwrap_or(usize::MAX);
        chains
            .entry((mention.class.clone(), story, mention.background))
            .or_default()
            .push(mention);
    }
    let chains: Vec<(String, Vec<&DocEvent>)> = chains
        .into_iter()
        .map(|((class, _, _), mut members)| {
            members.sort_by_key(|m| (m.date, m.doc));
            (class, members)
        })
        .collect();
    let mut apart = HashMap::new();
    let mut years = HashMap::new();
    // A chain whose articles name parties with nothing in common holds several events (a
    // NATO–Serbia exercise and a Russian–Belarusian drill of the same month).
    let mut unnamed_clusters: Vec<(String, Vec<Option<NaiveDate>>)> = Vec::new();
    let mut unnamed_of: HashMap<(String, usize, usize, Option<i32>), usize> = HashMap::new();
    for (class, members) in chains {
        // A document of several events gives each its own parties.
        let owned: Vec<BTreeSet<&str>> = members
            .iter()
            .map(|m| match parts.get(&(m.class.clone(), m.doc)) {
                Some(p) => p.parties[m.part].iter().map(String::as_str).collect(),
                None => parties_of
                    .get(&(m.class.as_str(), m.doc))
                    .unwrap_or(&no_parties)
                    .clone(),
            })
            .collect();
        let parties: Vec<&BTreeSet<&str>> = owned.iter().collect();
        let groups = split_by_parties(&parties);
        let several = groups.len() > 1;
        for group in groups {
            let index = unnamed_clusters.len();
            if let Some(year) = members[group[0]].background {
                years.insert(Key::UnnamedEvent(class.clone(), index), year);
            }
            if several {
                let named: BTreeSet<&str> = group
                    .iter()
                    .flat_map(|&i| parties[i].iter().copied())
                    .collect();
                apart.insert(
                    Key::UnnamedEvent(class.clone(), index),
                    named.into_iter().map(str::to_string).collect(),
                );
            }
            let dates = group.iter().map(|&i| members[i].date).collect();
            unnamed_clusters.push((class.clone(), dates));
            for &i in &group {
                let member = members[i];
                unnamed_of.insert(
                    (class.clone(), member.doc, member.part, member.background),
                    index,
                );
            }
        }
    }
    // An unnamed event may be a named one of the same class and time.
    let named: BTreeSet<(&String, &String, Option<NaiveDate>)> = doc_events
        .iter()
        .filter_map(|m| m.name.as_ref().map(|n| (&m.class, n, m.date)))
        .collect();
    for (index, (class, dates)) in unnamed_clusters.iter().enumerate() {
        let mut linked = BTreeSet::new();
        // A cluster spans its first to its last date with no gap wider than the window.
        let undated = dates.first().is_some_and(Option::is_none);
        let first = dates.iter().flatten().next().copied();
        let last = dates.last().copied().flatten();
        let near_span = |date: Option<NaiveDate>| match (date, first, last) {
            (Some(date), Some(first), Some(last)) => {
                let window = chrono::Duration::days(options.event_window_days);
                first - window <= date && date <= last + window
            }
            _ => true,
        };
        for (named_class, name, date) in &named {
            if *named_class == class && (undated || near_span(*date)) && linked.insert(*name) {
                links.push((
                    Key::UnnamedEvent(class.clone(), index),
                    Key::NamedEvent(class.clone(), (*name).clone()),
                    LinkReason::UnnamedAtTimeOfNamed {
                        class: class.clone(),
                    },
                ));
            }
        }
    }
    for (claim, slot) in claims.iter().zip(keys.iter_mut()) {
        if let SubjectRef::Event { class, name } = &claim.named {
            *slot = match name {
                Some(name) => Key::NamedEvent(class.clone(), fold(name)),
                None => {
                    let (part, background) = part_of(class, claim);
                    Key::UnnamedEvent(
                        class.clone(),
                        unnamed_of[&(class.clone(), claim.doc, part, background)],
                    )
                }
            };
        }
    }
    (apart, years)
}

/// Splits the members of one chain (each with the parties its article names) into groups
/// of shared parties, in member order. Members that name no party join the largest group
/// (ties: the group with the smallest parties), so the outcome depends on the members, not on
/// the order of the files.
fn split_by_parties(parties: &[&BTreeSet<&str>]) -> Vec<Vec<usize>> {
    let mut union = UnionFind::default();
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (i, named) in parties.iter().enumerate() {
        for party in named.iter() {
            let other = *first_with.entry(party).or_insert(i);
            union.join(&i, &other);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut partyless = Vec::new();
    for (i, named) in parties.iter().enumerate() {
        if named.is_empty() {
            partyless.push(i);
        } else {
            groups.entry(union.root(&i)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    if groups.is_empty() {
        return vec![partyless];
    }
    let group_parties = |group: &Vec<usize>| -> BTreeSet<&str> {
        group
            .iter()
            .flat_map(|&i| parties[i].iter().copied())
            .collect()
    };
    let largest = (0..groups.len())
        .max_by(|&a, &b| {
            groups[a]
                .len()
                .cmp(&groups[b].len())
                .then_with(|| group_parties(&groups[b]).cmp(&group_parties(&groups[a])))
        })
        .unwrap_or(0);
    groups[largest].extend(partyless);
    for group in &mut groups {
        group.sort_unstable();
    }
    groups
}
