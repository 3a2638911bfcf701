//! People across documents: names folded, a surname alone joined to the one full name with
//! it, close spellings in different documents merged (and reported as variants); and where
//! texts name a person without a claim, for `--explain-groups`.

use super::{Key, SubjectOptions, UnionFind};
use crate::model::claim::{Claim, SubjectRef};
use crate::model::subject::{LinkReason, MemberReason};
use crate::rules::Lexicon;
use crate::text::collapse_whitespace;
use crate::text::fold::{fold, similarity, sound_key, Closeness};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Resolves people: folded names, a surname alone to the one full name with it, close
/// spellings merged. Returns each person claim's spelling (its name after exact
/// resolution), so spellings merged only by closeness can be reported.
pub(super) fn resolve_people(
    claims: &[Claim],
    options: &SubjectOptions,
    keys: &mut [Key],
    links: &mut Vec<(Key, Key, LinkReason)>,
    why: &mut HashMap<String, MemberReason>,
) -> Vec<Option<String>> {
    let mut docs_of: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for claim in claims {
        if let SubjectRef::Person { key, .. } = &claim.named {
            docs_of.entry(key.clone()).or_default().insert(claim.doc);
        }
    }
    let surname = |key: &str| key.rsplit(' ').next().unwrap_or(key).to_string();
    let full: Vec<&String> = docs_of.keys().filter(|k| k.contains(' ')).collect();
    // Full names blocked by the first sound of the surname ("Kasper" and "Casper" meet):
    // fuzzy comparison stays within a block.
    let first_sound = |word: &str| sound_key(word).chars().next().unwrap_or(' ');
    let mut blocks: BTreeMap<char, Vec<&String>> = BTreeMap::new();
    for key in &full {
        blocks
            .entry(first_sound(&surname(key)))
            .or_default()
            .push(key);
    }
    // A spelling that is the start of the other is an abbreviation ("Jul", "July"), not a
    // variant.
    let abbreviates = |a: &str, b: &str| a != b && (a.starts_with(b) || b.starts_with(a));
    // A surname alone joins the one full name with that surname; failing that, the one
    // full name whose surname it is spelled close to.
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut union: UnionFind<String> = UnionFind::default();
    for key in docs_of.keys().filter(|k| !k.contains(' ')) {
        let block = blocks.get(&first_sound(key)).map_or(&[][..], Vec::as_slice);
        let exact: Vec<&&String> = block.iter().filter(|f| surname(f) == *key).collect();
        if let [only] = exact[..] {
            canonical.insert(key.clone(), (*only).clone());
            why.insert(
                key.clone(),
                MemberReason::OnlyFullName {
                    full: only.to_string(),
                },
            );
            continue;
        }
        let close: Vec<&&String> = block
            .iter()
            .filter(|f| {
                options.thresholds.closeness(&surname(f), key) >= Closeness::Possible
                    && !abbreviates(&surname(f), key)
            })
            .collect();
        if let ([only], []) = (&close[..], &exact[..]) {
            union.join(only, key);
            why.insert(
                key.clone(),
                MemberReason::CloseSurname {
                    full: only.to_string(),
                    similarity: similarity(&surname(only), key),
                },
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
                // "Heidar" and "Heydar" sound alike.
                let same_given = similarity(&given(a), &given(b)) >= options.thresholds.matched
                    || sound_key(&given(a)) == sound_key(&given(b));
                let score = similarity(a, b);
                if !apart && same_given && closeness >= Closeness::Possible {
                    union.join(a, b);
                    why.insert(
                        (*b).clone(),
                        MemberReason::CloseSpelling {
                            to: (*a).clone(),
                            similarity: score,
                        },
                    );
                } else if closeness >= Closeness::Possible {
                    links.push((
                        Key::Person((*a).clone()),
                        Key::Person((*b).clone()),
                        LinkReason::SimilarNames {
                            a: (*a).clone(),
                            b: (*b).clone(),
                            similarity: score,
                        },
                    ));
                }
            }
        }
    }
    let mut spellings = vec![None; claims.len()];
    for ((claim, slot), spelling) in claims.iter().zip(keys.iter_mut()).zip(&mut spellings) {
        if let SubjectRef::Person { key, .. } = &claim.named {
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

/// Where documents name a person by surname outside any claim ("the Vučić
/// administration"): (subject, the phrase around the name, document, byte offset), for
/// `--explain-groups`. A surname shared by two people names neither.
pub fn name_mentions(
    claims: &[Claim],
    texts: &[&str],
    lexicon: &Lexicon,
) -> Vec<(usize, String, usize, usize)> {
    let mut subject_of: HashMap<String, Option<usize>> = HashMap::new();
    // The words of each person's names: a name's run of capitalised words is these and
    // title words ("President Aleksandar Vučić"), not the headline around it.
    let mut name_words: HashSet<(usize, String)> = HashSet::new();
    for claim in claims {
        let subject = claim.subject;
        if let SubjectRef::Person { key, .. } = &claim.named {
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
        .filter(|c| matches!(c.named, SubjectRef::Person { .. }))
        .map(|c| (c.doc, c.subject, c.sentence.start, c.sentence.end))
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
            let Some(Some(subject)) = subject_of.get(&fold(word)) else {
                continue;
            };
            let capital = |j: usize| {
                let folded = fold(words[j].1);
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
            found.push((*subject, collapse_whitespace(phrase), doc, *at));
        }
    }
    found
}

/// For each subject spelled more than one way, one claim of each spelling.
pub(super) fn variants(claims: &[Claim], spellings: &[Option<String>]) -> Vec<Vec<usize>> {
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
                .entry(claims[index].subject)
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
