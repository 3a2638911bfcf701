//! Which figure claims of one subject and measure speak of the same thing: the words
//! around them, weighted by rarity, must be alike. "312 dead" beside "the quake" and "312
//! dead" beside "the flood" never meet, though both count deaths in one story; a measure
//! the lexicon names ("deaths", "magnitude") is about the story's event unless its sentence
//! says otherwise, so it needs less likeness than a noun a text happens to count
//! ("reviews").

use crate::model::claim::Claim;
use crate::model::value::{Value, EVENT_DATE_MEASURE, UNNAMED, WIDE_SCOPE};
use crate::rules::RuleSet;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Likeness (cosine of rarity-weighted words) at which the contexts of two figures of a
/// measure the lexicon names speak of the same thing.
const NAMED_MEASURE_MATCH: f64 = 0.05;
/// The same for a figure of any other counted noun. A story counts such nouns for many
/// holders at once (each player's points, each team's games), in sentences that share
/// the story's words but not their own: only much alike contexts are one holder's.
const COUNTED_NOUN_MATCH: f64 = 0.3;
/// The same for two dates of what their sentences report ("re-signed after 24 December
/// 2016", "announced the re-signing on 10 January 2017"): the likeness must show they date
/// one thing.
const EVENT_DATE_MATCH: f64 = 0.25;
/// Holders that share no name, in this many figures of a counted noun, make a story that
/// counts it for each holder apart.
const MANY_HOLDERS: usize = 3;
/// The most pairs of figures checked alike before two groups of figures join.
const MAX_LINKED_PAIRS: usize = 4096;
/// A context word more figures of one measure hold than this tells none of them apart.
const MAX_POSTINGS: usize = 200;
/// Past this many documents that each state a measure once, only their contexts pair them.
const MAX_SOLE_DOCUMENTS: usize = 100;

/// The context each figure claim is compared in: claims of one subject, measure and form
/// whose contexts are alike share one number, and no number holds two figures of one
/// sentence. Other claims get [`usize::MAX`].
pub fn contexts(claims: &[Claim], rules: &RuleSet) -> Vec<usize> {
    let mut context = vec![usize::MAX; claims.len()];
    let mut groups: BTreeMap<(usize, &str, String), Vec<usize>> = BTreeMap::new();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    let mut figures = 0usize;
    for (index, claim) in claims.iter().enumerate() {
        if let Value::Figure(figure) = &claim.value {
            let form = super::agree::figure_form(figure, &rules.lexicon);
            groups
                .entry((claim.subject, claim.attribute.as_str(), form))
                .or_default()
                .push(index);
            figures += 1;
            for word in &figure.context {
                *frequency.entry(word.as_str()).or_default() += 1;
            }
        }
    }
    let weight = |word: &str| (1.0 + figures as f64 / frequency[word] as f64).ln();
    let mut next = 0;
    for ((_, measure, form), members) in &groups {
        // The dates of a story's people and things ("born", "founded") are many: they need
        // alike contexts as much as a counted noun does.
        let named_measure = rules.lexicon.measures.is_measure(measure) && !form.starts_with("Date");
        let event_date = *measure == EVENT_DATE_MEASURE;
        // A figure its sentence narrows ("another four", "46 on Wednesday night") is one of
        // many such in a story: like a counted noun's, only alike contexts make two one. A
        // whole ("20 million copies worldwide") narrows nothing.
        let narrowed = members.first().is_some_and(|&i| {
            matches!(&claims[i].value, Value::Figure(figure)
                if figure.scope.iter().any(|s| s != WIDE_SCOPE))
        });
        let threshold = if event_date {
            EVENT_DATE_MATCH
        } else if named_measure && !narrowed {
            NAMED_MEASURE_MATCH
        } else {
            COUNTED_NOUN_MATCH
        };
        let figure = |i: usize| match &claims[i].value {
            Value::Figure(figure) => figure,
            _ => unreachable!("groups hold figures only"),
        };
        let vectors: Vec<BTreeMap<&str, f64>> = members
            .iter()
            .map(|&i| {
                figure(i)
                    .context
                    .iter()
                    .map(|w| (w.as_str(), weight(w)))
                    .collect()
            })
            .collect();
        // Candidate pairs across documents: figures that share a context word no more than
        // MAX_POSTINGS figures hold (a pair sharing none is alike in nothing), so the cost
        // stays near linear however many figures a measure has.
        let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
        for (a, &i) in members.iter().enumerate() {
            for word in &figure(i).context {
                postings.entry(word.as_str()).or_default().push(a);
            }
        }
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    if claims[members[a]].doc != claims[members[b]].doc {
                        candidates.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
        // A document that states a measure once states the story's figure for it: two such
        // figures speak of one thing whatever words surround them ("based on 158 reviews",
        // "received less than 160 reviews"). Bounded, so that a story of many documents
        // still costs no more than its context words do.
        let mut per_document: HashMap<usize, Vec<usize>> = HashMap::new();
        for (a, &i) in members.iter().enumerate() {
            per_document.entry(claims[i].doc).or_default().push(a);
        }
        let mut sole: Vec<usize> = per_document
            .values()
            .filter(|list| list.len() == 1)
            .map(|list| list[0])
            .collect();
        sole.sort_unstable();
        let sole_pairs: HashSet<(usize, usize)> = if sole.len() <= MAX_SOLE_DOCUMENTS {
            sole.iter()
                .enumerate()
                .flat_map(|(x, &a)| sole[x + 1..].iter().map(move |&b| (a, b)))
                .collect()
        } else {
            HashSet::new()
        };
        candidates.extend(sole_pairs.iter().copied());
        candidates.sort_unstable();
        candidates.dedup();
        // Figures of a noun a text happens to count are a player's, a team's, a film's:
        // two that name who they are about and name none in common are about two. Where the
        // story counts the noun for several holders ("Artino scored 14 points", "Echenique
        // had 11 points", "VanDeest had 13") in most of its figures, a figure that names no
        // holder is no one's to compare.
        let holders = |a: usize| {
            let named = &figure(members[a]).named;
            (!named.is_empty() && !named.iter().any(|w| w == UNNAMED)).then_some(named)
        };
        let named_figures: Vec<&Vec<String>> = (0..members.len()).filter_map(holders).collect();
        // Holders that share no name; two may still be one named two ways ("Arsenal",
        // "Henry"), three are a story of several.
        let mut distinct_holders: Vec<&Vec<String>> = Vec::new();
        for named in &named_figures {
            if distinct_holders
                .iter()
                .all(|held| !held.iter().any(|w| named.contains(w)))
            {
                distinct_holders.push(named);
            }
        }
        let many_holders = !named_measure
            && !form.starts_with("Date")
            && named_figures.len() * 2 >= members.len()
            && distinct_holders.len() >= MANY_HOLDERS;
        // Figures counted at lesser places that share no name are two places' figures.
        let one_place = |a: usize, b: usize| {
            let (x, y) = (&figure(members[a]).places, &figure(members[b]).places);
            x.is_empty() || y.is_empty() || x.iter().any(|w| y.contains(w))
        };
        let about_one = |a: usize, b: usize| {
            if !one_place(a, b) {
                return false;
            }
            let (x, y) = (&figure(members[a]).named, &figure(members[b]).named);
            let unnamed = |names: &[String]| names.iter().any(|w| w == UNNAMED);
            let anyone = |names: &[String]| names.is_empty() && !many_holders;
            named_measure
                || (!unnamed(x)
                    && !unnamed(y)
                    && (anyone(x) || anyone(y) || x.iter().any(|w| y.contains(w))))
        };
        // A news text dates many things once each: two of its dates that are their
        // documents' only ones must still share a word.
        let alike = |likeness: f64, a: usize, b: usize| {
            likeness >= threshold
                || (sole_pairs.contains(&(a.min(b), a.max(b)))
                    && !narrowed
                    && (!event_date || likeness > 0.0))
        };
        let mut pairs: Vec<(f64, usize, usize)> = candidates
            .into_iter()
            .filter(|&(a, b)| about_one(a, b))
            .map(|(a, b)| (cosine(&vectors[a], &vectors[b]), a, b))
            .filter(|&(likeness, a, b)| alike(likeness, a, b))
            .collect();
        // Likeliest first.
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        // Joined greedily, likeliest first, never two figures of one sentence together.
        let sentence = |a: usize| (claims[members[a]].doc, claims[members[a]].sentence.start);
        let mut parent: Vec<usize> = (0..members.len()).collect();
        let mut sentences: Vec<HashSet<(usize, usize)>> = (0..members.len())
            .map(|a| HashSet::from([sentence(a)]))
            .collect();
        // Every two of a group must be alike, or a chain of near sentences would join unlike
        // figures (a toll in a district, in the province, in hospitals). Past
        // MAX_LINKED_PAIRS pairs between two groups (one figure repeated by hundreds of
        // outlets) the likeliest pair joins them alone, so that the cost stays bounded.
        let mut joined: Vec<Vec<usize>> = (0..members.len()).map(|a| vec![a]).collect();
        for (_, a, b) in pairs {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra == rb || !sentences[ra].is_disjoint(&sentences[rb]) {
                continue;
            }
            let checked = joined[ra].len() * joined[rb].len() <= MAX_LINKED_PAIRS;
            if checked
                && !joined[ra].iter().all(|&x| {
                    joined[rb]
                        .iter()
                        .all(|&y| alike(cosine(&vectors[x], &vectors[y]), x, y))
                })
            {
                continue;
            }
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            parent[gone] = keep;
            let moved = std::mem::take(&mut sentences[gone]);
            sentences[keep].extend(moved);
            let moved = std::mem::take(&mut joined[gone]);
            joined[keep].extend(moved);
        }
        let mut numbers: HashMap<usize, usize> = HashMap::new();
        for (a, &i) in members.iter().enumerate() {
            let r = root(&mut parent, a);
            context[i] = *numbers.entry(r).or_insert_with(|| {
                next += 1;
                next - 1
            });
        }
    }
    context
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Sums run in word order, so that a tie between two likenesses never turns on the order
/// of a hash map.
fn cosine(a: &BTreeMap<&str, f64>, b: &BTreeMap<&str, f64>) -> f64 {
    let dot: f64 = a
        .iter()
        .filter_map(|(word, x)| b.get(word).map(|y| x * y))
        .sum();
    let norm = |v: &BTreeMap<&str, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}
