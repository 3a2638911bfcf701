//! Subjects across documents: which claims are about the same person or event. Names fold
//! and fuzzy-match within blocks (so the cost stays near-linear) across the corpus; events
//! cluster by name, else by class within a story. Pairs that only possibly match become links, compared
//! later for possible conflicts only.

mod events;
mod people;

pub use people::name_mentions;

use crate::model::claim::{Claim, SubjectRef};
use crate::model::mention::EventMention;
use crate::model::subject::{
    EventSubject, Link, LinkReason, Member, MemberReason, Subject, SubjectKind,
};
use crate::text::fold::{fold, Thresholds};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Settings of subject resolution.
#[derive(Debug, Clone, Copy)]
pub struct SubjectOptions {
    pub thresholds: Thresholds,
    /// Unnamed mentions of one event class in documents this many days apart (or fewer)
    /// are the same event.
    pub event_window_days: i64,
}

impl Default for SubjectOptions {
    fn default() -> Self {
        SubjectOptions::from(&crate::config::Thresholds::default())
    }
}

impl From<&crate::config::Thresholds> for SubjectOptions {
    fn from(thresholds: &crate::config::Thresholds) -> Self {
        SubjectOptions {
            thresholds: thresholds.names(),
            event_window_days: thresholds.event_window_days,
        }
    }
}

/// The outcome: the subjects, and the possible links between them.
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    pub subjects: Vec<Subject>,
    pub links: Vec<Link>,
    /// People whose name sources spell differently beyond folding: for each, the first
    /// claim of every spelling, in claim order.
    pub variants: Vec<Vec<usize>>,
}

/// Resolves the subjects of `claims` (in document order), setting each claim's `subject`;
/// `mentions` tell which parties each document's events have, so that unnamed events of
/// different parties stay apart.
pub fn resolve(
    claims: &mut [Claim],
    mentions: &[EventMention],
    story_of_document: &[usize],
    options: &SubjectOptions,
) -> Subjects {
    let own: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| m.parties.iter().map(str::to_string).collect())
        .collect();
    resolve_with_own_parties(claims, mentions, &own, story_of_document, options)
}

/// [`resolve`], given for each mention the parties its own sentence names (without those
/// of the headline): a document whose sentences name events of one class with parties
/// that have nothing in common reports two events ("Russian and Belarusian units drilled
/// near Brest"; "Serbian soldiers trained with Hungary"), each with its own claims.
pub fn resolve_with_own_parties(
    claims: &mut [Claim],
    mentions: &[EventMention],
    own_parties: &[Vec<String>],
    story_of_document: &[usize],
    options: &SubjectOptions,
) -> Subjects {
    let mut keys: Vec<Key> = claims.iter().map(|_| Key::Unset).collect();
    let mut links_by_key = Vec::new();
    let mut why: HashMap<String, MemberReason> = HashMap::new();
    let spellings = people::resolve_people(claims, options, &mut keys, &mut links_by_key, &mut why);
    let (apart, years) = events::resolve_events(
        claims,
        mentions,
        own_parties,
        story_of_document,
        options,
        &mut keys,
        &mut links_by_key,
    );
    for (claim, key) in claims.iter().zip(keys.iter_mut()) {
        if let SubjectRef::Date { text } = &claim.named {
            *key = Key::Date(fold(text));
        }
    }
    let (of_claim, mut subjects, links) = number_subjects(claims, &keys, &links_by_key, &why);
    for (claim, subject) in claims.iter_mut().zip(of_claim) {
        claim.subject = subject;
    }
    describe_events(
        claims,
        &keys,
        story_of_document,
        (&apart, &years),
        &mut subjects,
    );
    Subjects {
        variants: people::variants(claims, &spellings),
        subjects,
        links,
    }
}

/// Gives each event subject what its heading is made of: its class, whether it is named,
/// the story most of its claims come from (the first of equals), what tells it apart from
/// another of its class and story, and the year of a background event.
fn describe_events(
    claims: &[Claim],
    keys: &[Key],
    story_of_document: &[usize],
    (apart, years): (&HashMap<Key, Vec<String>>, &HashMap<Key, i32>),
    subjects: &mut [Subject],
) {
    let mut stories: BTreeMap<usize, BTreeMap<usize, usize>> = BTreeMap::new();
    for (claim, key) in claims.iter().zip(keys) {
        let (class, named) = match key {
            Key::NamedEvent(class, _) => (class, true),
            Key::UnnamedEvent(class, _) => (class, false),
            _ => continue,
        };
        let subject = &mut subjects[claim.subject];
        if subject.event.is_none() {
            subject.event = Some(EventSubject {
                class: class.clone(),
                named,
                story: None,
                apart: apart.get(key).cloned().unwrap_or_default(),
                background: years.get(key).copied(),
            });
        }
        if let Some(&story) = story_of_document.get(claim.doc) {
            *stories
                .entry(claim.subject)
                .or_default()
                .entry(story)
                .or_default() += 1;
        }
    }
    for (subject, counts) in stories {
        let most = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&story, _)| story);
        if let Some(event) = &mut subjects[subject].event {
            event.story = most;
        }
    }
}

/// A subject's identity before numbering.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Unset,
    Person(String),
    NamedEvent(String, String),
    UnnamedEvent(String, usize),
    Date(String),
}

impl Key {
    fn kind(&self) -> SubjectKind {
        match self {
            Key::Person(_) => SubjectKind::Person,
            Key::NamedEvent(..) | Key::UnnamedEvent(..) => SubjectKind::Event,
            Key::Unset | Key::Date(_) => SubjectKind::Date,
        }
    }
}

/// Numbers subjects in order of first appearance and gives each its label.
fn number_subjects(
    claims: &[Claim],
    keys: &[Key],
    links: &[(Key, Key, LinkReason)],
    why: &HashMap<String, MemberReason>,
) -> (Vec<usize>, Vec<Subject>, Vec<Link>) {
    let mut index_of: HashMap<&Key, usize> = HashMap::new();
    let mut order: Vec<&Key> = Vec::new();
    let mut spellings: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut reasons: Vec<BTreeMap<String, MemberReason>> = Vec::new();
    let mut first_dates: Vec<Option<NaiveDate>> = Vec::new();
    let mut of_claim = Vec::with_capacity(claims.len());
    for (claim, key) in claims.iter().zip(keys) {
        let index = *index_of.entry(key).or_insert_with(|| {
            order.push(key);
            spellings.push(BTreeMap::new());
            reasons.push(BTreeMap::new());
            first_dates.push(None);
            order.len() - 1
        });
        *spellings[index].entry(claim.named.display()).or_default() += 1;
        reasons[index]
            .entry(claim.named.display())
            .or_insert_with(|| match (&claim.named, key) {
                (SubjectRef::Person { key: own, .. }, _) => {
                    why.get(own).cloned().unwrap_or(MemberReason::SameName)
                }
                (_, Key::NamedEvent(..)) => MemberReason::SameEventName,
                (_, Key::UnnamedEvent(class, _)) => MemberReason::UnnamedInStory {
                    class: class.clone(),
                },
                _ => MemberReason::SameText,
            });
        if let Some(date) = claim.time.date {
            first_dates[index] = Some(first_dates[index].map_or(date, |d: NaiveDate| d.min(date)));
        }
        of_claim.push(index);
    }
    let mut subjects: Vec<Subject> = order
        .iter()
        .zip(spellings.iter().zip(&reasons))
        .map(|(key, (spellings, reasons))| {
            // The most frequent spelling; ties go to the longest, then the first in order.
            let label = spellings
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            let members = spellings
                .iter()
                .map(|(spelling, count)| Member {
                    spelling: spelling.clone(),
                    claims: *count,
                    reason: reasons
                        .get(spelling)
                        .cloned()
                        .unwrap_or(MemberReason::SameText),
                })
                .collect();
            Subject {
                label,
                kind: key.kind(),
                members,
                event: None,
            }
        })
        .collect();
    // Several unnamed events of a class read as "the exercise (2016-05)", "... (2026-05)".
    let mut by_label: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, key) in order.iter().enumerate() {
        if matches!(key, Key::UnnamedEvent(..)) {
            by_label
                .entry(subjects[index].label.clone())
                .or_default()
                .push(index);
        }
    }
    for indices in by_label.values().filter(|v| v.len() > 1) {
        for &index in indices {
            let when =
                first_dates[index].map_or("undated".to_string(), |d| d.format("%Y-%m").to_string());
            subjects[index].label = format!("{} ({when})", subjects[index].label);
        }
    }
    let links = links
        .iter()
        .filter_map(|(a, b, reason)| {
            let (a, b) = (*index_of.get(a)?, *index_of.get(b)?);
            Some(Link {
                a: a.min(b),
                b: a.max(b),
                reason: reason.clone(),
            })
        })
        .collect();
    (of_claim, subjects, links)
}

/// Union–find over keys (names, member indices); the root of a set is its smallest key, so
/// the result does not depend on the order of joins.
#[derive(Debug)]
struct UnionFind<K> {
    parent: HashMap<K, K>,
}

impl<K> Default for UnionFind<K> {
    fn default() -> Self {
        UnionFind {
            parent: HashMap::new(),
        }
    }
}

impl<K: Clone + Ord + std::hash::Hash> UnionFind<K> {
    fn root(&self, key: &K) -> K {
        let mut current = key.clone();
        while let Some(parent) = self.parent.get(&current) {
            if *parent == current {
                break;
            }
            current = parent.clone();
        }
        current
    }

    fn join(&mut self, a: &K, b: &K) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (small, large) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(large, small);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claim::TimeScope;
    use crate::model::value::Value;

    fn claim(doc: usize, named: SubjectRef, date: &str) -> Claim {
        Claim {
            doc,
            rule: 0,
            subject: crate::model::claim::UNRESOLVED,
            named,
            attribute: crate::model::claim::Attribute::new("a"),
            value: Value::Name("x".into()),
            text: "x".into(),
            span: 0..1,
            sentence: 0..1,
            time: TimeScope {
                date: date.parse().ok(),
                assumed: false,
            },
            located: Default::default(),
            unverified: false,
        }
    }

    fn of_claim(claims: &[Claim]) -> Vec<usize> {
        claims.iter().map(|c| c.subject).collect()
    }

    fn person(name: &str) -> SubjectRef {
        SubjectRef::Person {
            name: name.into(),
            key: crate::pipeline::extract::person_key(name),
        }
    }

    fn event(class: &str, name: Option<&str>) -> SubjectRef {
        SubjectRef::Event {
            class: class.into(),
            name: name.map(str::to_string),
        }
    }

    #[test]
    fn folded_names_and_unique_surnames_are_one_person() {
        let mut claims = vec![
            claim(0, person("Aleksandar Vučić"), "2026-05-01"),
            claim(1, person("Aleksandar Vucic"), "2026-05-01"),
            claim(2, person("Vučić"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(of_claim(&claims), vec![0, 0, 0]);
        assert_eq!(subjects.subjects.len(), 1);
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let mut claims = vec![
            claim(0, person("Ana Petrovic"), "2026-05-01"),
            claim(1, person("Marko Petrovic"), "2026-05-01"),
            claim(2, person("Petrovic"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 3);
    }

    #[test]
    fn close_spellings_in_different_documents_are_one_person_spelled_two_ways() {
        let mut claims = vec![
            claim(0, person("George M. Wikoff"), "2026-05-01"),
            claim(1, person("George Wyckoff"), "2026-05-01"),
            claim(1, person("George Wyckoff"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 1);
        assert_eq!(
            subjects.variants,
            vec![vec![0, 1]],
            "first claim of each spelling"
        );
    }

    #[test]
    fn a_surname_alone_spelled_close_to_one_full_name_is_a_variant_of_it() {
        let mut claims = vec![
            claim(0, person("Aleksandar Vučić"), "2026-05-01"),
            claim(1, person("Vusic"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(of_claim(&claims), vec![0, 0]);
        assert_eq!(subjects.variants, vec![vec![0, 1]]);
    }

    #[test]
    fn two_close_spellings_in_one_document_are_two_people_possibly_one() {
        let mut claims = vec![
            claim(0, person("John Smith"), "2026-05-01"),
            claim(0, person("John Smyth"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 2);
        assert_eq!(subjects.links.len(), 1);
        assert!(subjects.variants.is_empty());
    }

    #[test]
    fn close_surnames_with_other_given_names_are_linked_not_merged() {
        let mut claims = vec![
            claim(0, person("Marko Petrovic"), "2026-05-01"),
            claim(1, person("Mirko Petrovic"), "2026-05-01"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 2);
        assert!(subjects.variants.is_empty());
    }

    #[test]
    fn a_name_without_a_claim_is_found_by_its_surname() {
        let mut claims = vec![claim(0, person("Aleksandar Vučić"), "2026-05-01")];
        resolve(&mut claims, &[], &[], &SubjectOptions::default());
        let texts = [
            "x",
            "Talks with the Vučić administration stalled. Vucic left.",
        ];
        let rules = crate::rules::RuleSet::builtin_for_tests();
        let found: Vec<(usize, String, usize)> = name_mentions(&claims, &texts, &rules.lexicon)
            .into_iter()
            .map(|(s, phrase, doc, _)| (s, phrase, doc))
            .collect();
        assert_eq!(
            found,
            vec![
                (0, "the Vučić administration".to_string(), 1),
                (0, "Vucic".to_string(), 1)
            ]
        );
    }

    #[test]
    fn unnamed_events_of_a_class_are_one_per_story() {
        let mut claims = vec![
            claim(0, event("exercise", None), "2026-05-20"),
            claim(1, event("exercise", None), "2026-05-29"),
            claim(2, event("exercise", None), "2016-05-30"),
        ];
        let stories = [0, 0, 1];
        let subjects = resolve(&mut claims, &[], &stories, &SubjectOptions::default());
        assert_eq!(claims[0].subject, claims[1].subject);
        assert_ne!(claims[0].subject, claims[2].subject);
        assert_eq!(
            subjects.subjects[claims[2].subject].label,
            "the exercise (2016-05)"
        );
    }

    fn mention(doc: usize, parties: &[&str]) -> EventMention {
        EventMention {
            doc,
            class: "exercise".into(),
            scope: Vec::new(),
            parties: parties.iter().map(|p| std::sync::Arc::from(*p)).collect(),
            trigger: 0..1,
            sentence: 0..1,
            text: "x".into(),
            line: 1,
            column: 1,
            definite: true,
            time: TimeScope {
                date: None,
                assumed: false,
            },
        }
    }

    #[test]
    fn unnamed_events_of_other_parties_in_one_month_are_two_events() {
        let mut claims = vec![
            claim(0, event("exercise", None), "2026-05-20"),
            claim(1, event("exercise", None), "2026-05-22"),
            claim(2, event("exercise", None), "2026-05-25"),
        ];
        let mentions = [
            mention(0, &["NATO", "Serbia"]),
            mention(1, &["Belarus", "Russia"]),
            mention(2, &["Serbia"]),
        ];
        resolve(&mut claims, &mentions, &[], &SubjectOptions::default());
        assert_ne!(claims[0].subject, claims[1].subject);
        assert_eq!(
            claims[0].subject, claims[2].subject,
            "a shared party joins them"
        );
    }

    #[test]
    fn named_events_match_by_name_and_link_to_unnamed_ones_of_their_time() {
        let mut claims = vec![
            claim(0, event("exercise", Some("Platinum Wolf")), "2026-05-29"),
            claim(1, event("exercise", Some("Platinum Wolf")), "2026-06-02"),
            claim(2, event("exercise", None), "2026-05-20"),
            claim(3, event("summit", None), "2026-05-20"),
        ];
        let subjects = resolve(&mut claims, &[], &[], &SubjectOptions::default());
        assert_eq!(claims[0].subject, claims[1].subject);
        assert_eq!(subjects.subjects.len(), 3);
        assert_eq!(
            subjects.links.len(),
            1,
            "only the exercise of the same time links"
        );
    }
}
