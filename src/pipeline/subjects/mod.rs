//! Subjects across documents: which claims are about the same person or event. Names fold
//! and fuzzy-match within blocks (so the cost stays near-linear); events cluster by name,
//! else by class and time window. Pairs that only possibly match become links, compared
//! later for possible conflicts only.

use crate::model::claim::{Claim, EventMention, SubjectRef};
use crate::text::fold::{Closeness, Thresholds};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
        SubjectOptions {
            thresholds: Thresholds::default(),
            event_window_days: 60,
        }
    }
}

/// A subject: one person or one event, as a report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub label: String,
    pub person: bool,
    /// How the subject's mentions were merged, for `--explain-groups`.
    pub members: Vec<Member>,
}

/// One spelling merged into a subject, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub spelling: String,
    pub claims: usize,
    pub reason: String,
}

/// Two subjects that may be the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

/// The outcome: each claim's subject, the subjects, and the possible links between them.
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    pub of_claim: Vec<usize>,
    pub subjects: Vec<Subject>,
    pub links: Vec<Link>,
    /// People whose name sources spell differently beyond folding: for each, the first
    /// claim of every spelling, in claim order.
    pub variants: Vec<Vec<usize>>,
}

/// Resolves the subjects of `claims` (in document order); `mentions` tell which parties
/// each document's events have, so that unnamed events of different parties stay apart.
pub fn resolve(claims: &[Claim], mentions: &[EventMention], options: &SubjectOptions) -> Subjects {
    let mut keys: Vec<Key> = claims.iter().map(|_| Key::Unset).collect();
    let mut links_by_key = Vec::new();
    let mut why: HashMap<String, String> = HashMap::new();
    let spellings = resolve_people(claims, options, &mut keys, &mut links_by_key, &mut why);
    resolve_events(claims, mentions, options, &mut keys, &mut links_by_key);
    for (claim, key) in claims.iter().zip(keys.iter_mut()) {
        if let SubjectRef::Date { text } = &claim.subject {
            *key = Key::Date(crate::text::fold::fold(text));
        }
    }
    let mut subjects = number_subjects(
        claims,
        &keys,
        &links_by_key,
        &why,
        options.event_window_days,
    );
    subjects.variants = variants(claims, &subjects.of_claim, &spellings);
    subjects
}

/// Where documents name a person by surname outside any claim ("the Vučić
/// administration"): (subject, the phrase around the name, document, byte offset), for
/// `--explain-groups`. A surname shared by two people names neither.
pub fn name_mentions(
    subjects: &Subjects,
    claims: &[Claim],
    texts: &[&str],
    lexicon: &crate::rules::Lexicon,
) -> Vec<(usize, String, usize, usize)> {
    let mut subject_of: HashMap<String, Option<usize>> = HashMap::new();
    // The words of each person's names: a name's run of capitalised words is these and
    // title words ("President Aleksandar Vučić"), not the headline around it.
    let mut name_words: HashSet<(usize, String)> = HashSet::new();
    for (claim, &subject) in claims.iter().zip(&subjects.of_claim) {
        if let SubjectRef::Person { key, .. } = &claim.subject {
            let surname = key.rsplit(' ').next().unwrap_or(key).to_string();
            let entry = subject_of.entry(surname).or_insert(Some(subject));
            if *entry != Some(subject) {
                *entry = None;
            }
            name_words.extend(key.split(' ').map(|w| (subject, w.to_string())));
        }
    }
    // Sentences that already hold a claim about the person name them with a claim.
    let claimed: BTreeSet<(usize, usize, usize, usize)> = claims
        .iter()
        .zip(&subjects.of_claim)
        .filter(|(c, _)| matches!(c.subject, SubjectRef::Person { .. }))
        .map(|(c, &s)| (c.doc, s, c.sentence.start, c.sentence.end))
        .collect();
    let mut found = Vec::new();
    if subject_of.is_empty() {
        return found;
    }
    for (doc, text) in texts.iter().enumerate() {
        let words: Vec<(usize, &str)> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        for (i, (at, word)) in words.iter().enumerate() {
            if !word.starts_with(char::is_uppercase) {
                continue;
            }
            let Some(Some(subject)) = subject_of.get(&crate::text::fold::fold(word)) else {
                continue;
            };
            let capital = |j: usize| {
                let folded = crate::text::fold::fold(words[j].1);
                words[j].1.starts_with(char::is_uppercase)
                    && (lexicon.is_title_word(&folded) || name_words.contains(&(*subject, folded)))
            };
            let in_claim = claimed
                .range((doc, *subject, 0, 0)..(doc, *subject + 1, 0, 0))
                .any(|&(_, _, start, end)| (start..end).contains(at));
            if in_claim {
                continue;
            }
            // The run of capitalised words around the name; "the Vučić administration"
            // keeps its article and noun.
            let mut first = i;
            while first > 0 && capital(first - 1) {
                first -= 1;
            }
            let mut last = i;
            while last + 1 < words.len() && capital(last + 1) {
                last += 1;
            }
            if first > 0 && words[first - 1].1.eq_ignore_ascii_case("the") && last + 1 < words.len()
            {
                first -= 1;
                last += 1;
            }
            let phrase = &text[words[first].0..words[last].0 + words[last].1.len()];
            if phrase.contains('\n') {
                continue;
            }
            found.push((
                *subject,
                crate::model::claim::collapse_whitespace(phrase),
                doc,
                *at,
            ));
        }
    }
    found
}

/// For each subject spelled more than one way, one claim of each spelling.
fn variants(claims: &[Claim], of_claim: &[usize], spellings: &[Option<String>]) -> Vec<Vec<usize>> {
    // Each spelling is cited by its earliest claim in time, then by its quote and place: the
    // same claim whatever the order of the files.
    let order = |index: usize| {
        let claim = &claims[index];
        (
            claim.time.date,
            &claim.located.quote,
            claim.located.line,
            claim.located.column,
            claim.doc,
        )
    };
    let mut firsts: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (index, spelling) in spellings.iter().enumerate() {
        if let Some(spelling) = spelling {
            let chosen = firsts
                .entry(of_claim[index])
                .or_default()
                .entry(spelling)
                .or_insert(index);
            if order(index) < order(*chosen) {
                *chosen = index;
            }
        }
    }
    firsts
        .into_values()
        .filter(|spellings| spellings.len() > 1)
        .map(|spellings| {
            let mut claims: Vec<usize> = spellings.into_values().collect();
            claims.sort_unstable();
            claims
        })
        .collect()
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

/// Resolves people: folded names, a surname alone to the one full name with it, close
/// spellings merged. Returns each person claim's spelling (its name after exact
/// resolution), so spellings merged only by closeness can be reported.
fn resolve_people(
    claims: &[Claim],
    options: &SubjectOptions,
    keys: &mut [Key],
    links: &mut Vec<(Key, Key, String)>,
    why: &mut HashMap<String, String>,
) -> Vec<Option<String>> {
    let mut docs_of: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for claim in claims {
        if let SubjectRef::Person { key, .. } = &claim.subject {
            docs_of.entry(key.clone()).or_default().insert(claim.doc);
        }
    }
    let surname = |key: &str| key.rsplit(' ').next().unwrap_or(key).to_string();
    let full: Vec<&String> = docs_of.keys().filter(|k| k.contains(' ')).collect();
    // Full names blocked by the first letter of the surname: fuzzy comparison stays
    // within a block.
    let mut blocks: BTreeMap<char, Vec<&String>> = BTreeMap::new();
    for key in &full {
        blocks
            .entry(surname(key).chars().next().unwrap_or(' '))
            .or_default()
            .push(key);
    }
    // A surname alone joins the one full name with that surname; failing that, the one
    // full name whose surname it is spelled close to.
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut union: UnionFind<String> = UnionFind::default();
    for key in docs_of.keys().filter(|k| !k.contains(' ')) {
        let block = blocks
            .get(&key.chars().next().unwrap_or(' '))
            .map_or(&[][..], Vec::as_slice);
        let exact: Vec<&&String> = block.iter().filter(|f| surname(f) == *key).collect();
        if let [only] = exact[..] {
            canonical.insert(key.clone(), (*only).clone());
            why.insert(
                key.clone(),
                format!("a surname alone; the only full name with it is \"{only}\""),
            );
            continue;
        }
        let close: Vec<&&String> = block
            .iter()
            .filter(|f| options.thresholds.closeness(&surname(f), key) >= Closeness::Possible)
            .collect();
        if let ([only], []) = (&close[..], &exact[..]) {
            union.join(only, key);
            let score = crate::text::fold::similarity(&surname(only), key);
            why.insert(
                key.clone(),
                format!("a surname alone, spelled close to \"{only}\" (similarity {score:.2})"),
            );
        }
    }
    for block in blocks.values() {
        for (i, a) in block.iter().enumerate() {
            for b in &block[i + 1..] {
                let closeness = options.thresholds.closeness(a, b);
                // Two spellings in one document are two people; close spellings with the
                // same given name in different documents are one person spelled two ways.
                let apart = docs_of[*a].intersection(&docs_of[*b]).next().is_some();
                // "Aleksander" may be "Aleksandar" misspelt; "Mirko" is not "Marko".
                let given = |key: &str| key.split(' ').next().unwrap_or_default().to_string();
                let same_given = crate::text::fold::similarity(&given(a), &given(b))
                    >= options.thresholds.matched;
                let score = crate::text::fold::similarity(a, b);
                if !apart && same_given && closeness >= Closeness::Possible {
                    union.join(a, b);
                    why.insert(
                        (*b).clone(),
                        format!("spelled close to \"{a}\" (similarity {score:.2})"),
                    );
                } else if closeness >= Closeness::Possible {
                    links.push((
                        Key::Person((*a).clone()),
                        Key::Person((*b).clone()),
                        format!("similar names ({a} / {b}, similarity {score:.2})"),
                    ));
                }
            }
        }
    }
    let mut spellings = vec![None; claims.len()];
    for ((claim, slot), spelling) in claims.iter().zip(keys.iter_mut()).zip(&mut spellings) {
        if let SubjectRef::Person { key, .. } = &claim.subject {
            let key = canonical.get(key).unwrap_or(key);
            *slot = Key::Person(union.root(key));
            *spelling = Some(key.clone());
        }
    }
    for link in links.iter_mut() {
        if let (Key::Person(a), Key::Person(b)) = (&link.0, &link.1) {
            link.0 = Key::Person(union.root(a));
            link.1 = Key::Person(union.root(b));
        }
    }
    links.retain(|(a, b, _)| a != b);
    spellings
}

/// One document's mention of one event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct DocEvent {
    class: String,
    name: Option<String>,
    doc: usize,
    date: Option<NaiveDate>,
}

fn resolve_events(
    claims: &[Claim],
    mentions: &[EventMention],
    options: &SubjectOptions,
    keys: &mut [Key],
    links: &mut Vec<(Key, Key, String)>,
) {
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
        if let SubjectRef::Event { class, name } = &claim.subject {
            doc_events.insert(DocEvent {
                class: class.clone(),
                name: name.as_ref().map(|n| crate::text::fold::fold(n)),
                doc: claim.doc,
                date: claim.time.date,
            });
        }
    }
    // Unnamed mentions of a class, in date order, form chains of nearby dates.
    let mut chains: Vec<(String, Vec<&DocEvent>)> = Vec::new();
    let mut unnamed: Vec<&DocEvent> = doc_events.iter().filter(|m| m.name.is_none()).collect();
    unnamed.sort_by_key(|m| (m.class.clone(), m.date, m.doc));
    let near = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= options.event_window_days,
        _ => true,
    };
    for mention in unnamed {
        // Mentions come in date order (undated first), so a chain's nearest date to a new
        // mention is its last one.
        match chains.last_mut() {
            Some((class, members))
                if *class == mention.class
                    && (members[0].date.is_none()
                        || near(members[members.len() - 1].date, mention.date)) =>
            {
                members.push(mention);
            }
            _ => chains.push((mention.class.clone(), vec![mention])),
        }
    }
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
        for group in split_by_parties(&parties) {
            let index = unnamed_clusters.len();
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
                    format!("an unnamed {class} at the time of the named one"),
                ));
            }
        }
    }
    for (claim, slot) in claims.iter().zip(keys.iter_mut()) {
        if let SubjectRef::Event { class, name } = &claim.subject {
            *slot = match name {
                Some(name) => Key::NamedEvent(class.clone(), crate::text::fold::fold(name)),
                None => Key::UnnamedEvent(class.clone(), unnamed_of[&(class.clone(), claim.doc)]),
            };
        }
    }
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

/// Numbers subjects in order of first appearance and gives each its label.
fn number_subjects(
    claims: &[Claim],
    keys: &[Key],
    links: &[(Key, Key, String)],
    why: &HashMap<String, String>,
    window: i64,
) -> Subjects {
    let mut index_of: HashMap<&Key, usize> = HashMap::new();
    let mut order: Vec<&Key> = Vec::new();
    let mut spellings: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut reasons: Vec<BTreeMap<String, String>> = Vec::new();
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
        *spellings[index].entry(claim.subject.display()).or_default() += 1;
        reasons[index]
            .entry(claim.subject.display())
            .or_insert_with(|| match (&claim.subject, key) {
                (SubjectRef::Person { key: own, .. }, _) => why
                    .get(own)
                    .cloned()
                    .unwrap_or_else(|| "the same name after folding case and diacritics".into()),
                (_, Key::NamedEvent(..)) => "the same event name".into(),
                (_, Key::UnnamedEvent(class, _)) => {
                    format!("an unnamed {class} in documents within {window} days of each other")
                }
                _ => "the same text".into(),
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
                    reason: reasons.get(spelling).cloned().unwrap_or_default(),
                })
                .collect();
            Subject {
                label,
                person: matches!(key, Key::Person(_)),
                members,
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
    Subjects {
        of_claim,
        subjects,
        links,
        variants: Vec::new(),
    }
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

    fn claim(doc: usize, subject: SubjectRef, date: &str) -> Claim {
        Claim {
            doc,
            rule: 0,
            subject,
            attribute: "a".into(),
            value: Value::Name("x".into()),
            text: "x".into(),
            span: 0..1,
            sentence: 0..1,
            time: TimeScope {
                date: date.parse().ok(),
                assumed: false,
            },
            located: Default::default(),
        }
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
        let claims = vec![
            claim(0, person("Aleksandar Vučić"), "2026-05-01"),
            claim(1, person("Aleksandar Vucic"), "2026-05-01"),
            claim(2, person("Vučić"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.of_claim, vec![0, 0, 0]);
        assert_eq!(subjects.subjects.len(), 1);
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let claims = vec![
            claim(0, person("Ana Petrovic"), "2026-05-01"),
            claim(1, person("Marko Petrovic"), "2026-05-01"),
            claim(2, person("Petrovic"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 3);
    }

    #[test]
    fn close_spellings_in_different_documents_are_one_person_spelled_two_ways() {
        let claims = vec![
            claim(0, person("George M. Wikoff"), "2026-05-01"),
            claim(1, person("George Wyckoff"), "2026-05-01"),
            claim(1, person("George Wyckoff"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 1);
        assert_eq!(
            subjects.variants,
            vec![vec![0, 1]],
            "first claim of each spelling"
        );
    }

    #[test]
    fn a_surname_alone_spelled_close_to_one_full_name_is_a_variant_of_it() {
        let claims = vec![
            claim(0, person("Aleksandar Vučić"), "2026-05-01"),
            claim(1, person("Vusic"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.of_claim, vec![0, 0]);
        assert_eq!(subjects.variants, vec![vec![0, 1]]);
    }

    #[test]
    fn two_close_spellings_in_one_document_are_two_people_possibly_one() {
        let claims = vec![
            claim(0, person("John Smith"), "2026-05-01"),
            claim(0, person("John Smyth"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 2);
        assert_eq!(subjects.links.len(), 1);
        assert!(subjects.variants.is_empty());
    }

    #[test]
    fn close_surnames_with_other_given_names_are_linked_not_merged() {
        let claims = vec![
            claim(0, person("Marko Petrovic"), "2026-05-01"),
            claim(1, person("Mirko Petrovic"), "2026-05-01"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.subjects.len(), 2);
        assert!(subjects.variants.is_empty());
    }

    #[test]
    fn a_name_without_a_claim_is_found_by_its_surname() {
        let claims = vec![claim(0, person("Aleksandar Vučić"), "2026-05-01")];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        let texts = [
            "x",
            "Talks with the Vučić administration stalled. Vucic left.",
        ];
        let rules = crate::rules::RuleSet::builtin_for_tests();
        let found: Vec<(usize, String, usize)> =
            name_mentions(&subjects, &claims, &texts, &rules.lexicon)
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
    fn unnamed_events_cluster_by_time_window() {
        let claims = vec![
            claim(0, event("exercise", None), "2026-05-20"),
            claim(1, event("exercise", None), "2026-05-29"),
            claim(2, event("exercise", None), "2016-05-30"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.of_claim[0], subjects.of_claim[1]);
        assert_ne!(subjects.of_claim[0], subjects.of_claim[2]);
        assert_eq!(
            subjects.subjects[subjects.of_claim[2]].label,
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
        let claims = vec![
            claim(0, event("exercise", None), "2026-05-20"),
            claim(1, event("exercise", None), "2026-05-22"),
            claim(2, event("exercise", None), "2026-05-25"),
        ];
        let mentions = [
            mention(0, &["NATO", "Serbia"]),
            mention(1, &["Belarus", "Russia"]),
            mention(2, &["Serbia"]),
        ];
        let subjects = resolve(&claims, &mentions, &SubjectOptions::default());
        assert_ne!(subjects.of_claim[0], subjects.of_claim[1]);
        assert_eq!(
            subjects.of_claim[0], subjects.of_claim[2],
            "a shared party joins them"
        );
    }

    #[test]
    fn named_events_match_by_name_and_link_to_unnamed_ones_of_their_time() {
        let claims = vec![
            claim(0, event("exercise", Some("Platinum Wolf")), "2026-05-29"),
            claim(1, event("exercise", Some("Platinum Wolf")), "2026-06-02"),
            claim(2, event("exercise", None), "2026-05-20"),
            claim(3, event("summit", None), "2026-05-20"),
        ];
        let subjects = resolve(&claims, &[], &SubjectOptions::default());
        assert_eq!(subjects.of_claim[0], subjects.of_claim[1]);
        assert_eq!(subjects.subjects.len(), 3);
        assert_eq!(
            subjects.links.len(),
            1,
            "only the exercise of the same time links"
        );
    }
}
