//! Events across documents: named events by name; unnamed ones by class within the story
//! of the documents that report them, split where their articles name parties with
//! nothing in common.

use super::{Key, SubjectOptions, UnionFind};
use crate::model::claim::{Claim, SubjectRef};
use crate::model::mention::EventMention;
use crate::model::subject::LinkReason;
use crate::text::fold::fold;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One document's mention of one event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct DocEvent {
    class: String,
    name: Option<String>,
    doc: usize,
    date: Option<NaiveDate>,
}

/// Gives each event claim its key; returns, for each unnamed event that shares its class
/// and story with another, the parties that tell them apart.
pub(super) fn resolve_events(
    claims: &[Claim],
    mentions: &[EventMention],
    story_of_document: &[usize],
    options: &SubjectOptions,
    keys: &mut [Key],
    links: &mut Vec<(Key, Key, LinkReason)>,
) -> HashMap<Key, Vec<String>> {
    // The parties each document gives its events of a class.
    let mut parties_of: HashMap<(&str, usize), BTreeSet<&str>> = HashMap::new();
    for mention in mentions {
        parties_of
            .entry((mention.class.as_str(), mention.doc))
            .or_default()
            .extend(mention.parties.iter());
    }
    let no_parties = BTreeSet::new();
    let mut doc_events: BTreeSet<DocEvent> = BTreeSet::new();
    for claim in claims {
        if let SubjectRef::Event { class, name } = &claim.named {
            doc_events.insert(DocEvent {
                class: class.clone(),
                name: name.as_ref().map(|n| fold(n)),
                doc: claim.doc,
                date: claim.time.date,
            });
        }
    }
    // Unnamed mentions of a class in one story are one event, in date order.
    let mut chains: BTreeMap<(String, usize), Vec<&DocEvent>> = BTreeMap::new();
    for mention in doc_events.iter().filter(|m| m.name.is_none()) {
        let story = story_of_document
            .get(mention.doc)
            .copied()
            .unwrap_or(usize::MAX);
        chains
            .entry((mention.class.clone(), story))
            .or_default()
            .push(mention);
    }
    let chains: Vec<(String, Vec<&DocEvent>)> = chains
        .into_iter()
        .map(|((class, _), mut members)| {
            members.sort_by_key(|m| (m.date, m.doc));
            (class, members)
        })
        .collect();
    let mut apart = HashMap::new();
    // A chain whose articles name parties with nothing in common holds several events (a
    // NATO–Serbia exercise and a Russian–Belarusian drill of the same month).
    let mut unnamed_clusters: Vec<(String, Vec<Option<NaiveDate>>)> = Vec::new();
    let mut unnamed_of: HashMap<(String, usize), usize> = HashMap::new();
    for (class, members) in chains {
        let parties: Vec<&BTreeSet<&str>> = members
            .iter()
            .map(|m| {
                parties_of
                    .get(&(m.class.as_str(), m.doc))
                    .unwrap_or(&no_parties)
            })
            .collect();
        let groups = split_by_parties(&parties);
        let several = groups.len() > 1;
        for group in groups {
            let index = unnamed_clusters.len();
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
                unnamed_of.insert((class.clone(), members[i].doc), index);
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
                None => Key::UnnamedEvent(class.clone(), unnamed_of[&(class.clone(), claim.doc)]),
            };
        }
    }
    apart
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
