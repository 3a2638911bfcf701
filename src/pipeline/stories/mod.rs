//! Stories: documents grouped by the event they report, before any claims are compared.
//! Each document's terms are weighted by their rarity in the corpus (IDF) and cut to its
//! heaviest ones; candidate pairs come only from an inverted index of terms rare enough to
//! block on, so unrelated documents are never scored; pairs alike enough are joined by
//! average link, and documents both dated further apart than the window never are. An
//! undated document joins by its content alone.

mod label;

use crate::model::story::{Story, StoryFeatures, StoryJoin};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

/// Settings of story grouping.
#[derive(Debug, Clone, Copy)]
pub struct StoryOptions {
    /// Average similarity at which two groups of documents are one story.
    pub matched: f64,
    /// Documents dated further apart than this many days are never one story.
    pub window_days: i64,
    /// How many of a document's heaviest terms it is compared by.
    pub terms_per_document: usize,
    /// A term in more documents than this is too common to find candidates by.
    pub max_postings: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions::from(&crate::config::Thresholds::default())
    }
}

impl From<&crate::config::Thresholds> for StoryOptions {
    fn from(thresholds: &crate::config::Thresholds) -> Self {
        StoryOptions {
            matched: thresholds.story_match,
            window_days: thresholds.story_window_days,
            terms_per_document: 60,
            max_postings: 200,
        }
    }
}

/// The stories of a corpus, and the story of each document.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    pub stories: Vec<Story>,
    /// For each document, the index of its story.
    pub of_document: Vec<usize>,
}

/// A document's weighted terms, heaviest first cut, unit length, sorted by term id.
type Vector = Vec<(u32, f32)>;

/// Groups documents (given by their features, in document order) into stories. Copies of
/// one text (the same terms and date: a wire story many outlets run) are one document to
/// the grouping, however common their words.
pub fn group(features: &[StoryFeatures], options: &StoryOptions) -> Stories {
    type Text<'a> = (Vec<(&'a str, u32)>, Option<chrono::NaiveDate>);
    let mut first_of: HashMap<Text, usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    let copy_of: Vec<usize> = features
        .iter()
        .enumerate()
        .map(|(doc, one)| {
            *first_of
                .entry((
                    one.terms
                        .iter()
                        .map(|(t, w)| (t.as_str(), w.to_bits()))
                        .collect(),
                    one.date,
                ))
                .or_insert_with(|| {
                    distinct.push(doc);
                    distinct.len() - 1
                })
        })
        .collect();
    let unique: Vec<StoryFeatures> = distinct.iter().map(|&d| features[d].clone()).collect();
    let (vectors, names) = vectors(&unique, options.terms_per_document);
    let edges = candidate_edges(&vectors, &unique, options);
    let clusters = average_link(unique.len(), &edges, &unique, options);
    let mut cluster_of = vec![0; unique.len()];
    for (number, members) in clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = number;
        }
    }
    let mut documents_of: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (doc, &copy) in copy_of.iter().enumerate() {
        documents_of[cluster_of[copy]].push(doc);
    }
    let mut of_document = vec![0; features.len()];
    let mut stories = Vec::with_capacity(clusters.len());
    for (number, (members, documents)) in clusters.iter().zip(documents_of).enumerate() {
        for &doc in &documents {
            of_document[doc] = number;
        }
        let mut joins: Vec<StoryJoin> = explain(members, &edges, &vectors, &names)
            .into_iter()
            .map(|join| StoryJoin {
                a: distinct[join.a],
                b: distinct[join.b],
                ..join
            })
            .collect();
        // A copy of an earlier document's text is joined to it by the text itself.
        joins.extend(documents.iter().filter_map(|&doc| {
            let first = distinct[copy_of[doc]];
            (first != doc).then(|| StoryJoin {
                a: first,
                b: doc,
                similarity: 1.0,
                shared: Vec::new(),
            })
        }));
        joins.sort_by_key(|join| join.b);
        let label = label::label(&documents, features);
        stories.push(Story {
            id: format!("s{}", number + 1),
            label: label.text,
            class: label.class,
            setting: label.setting,
            documents,
            joins,
        });
    }
    Stories {
        stories,
        of_document,
    }
}

/// Each document's vector, and the terms by id.
fn vectors(features: &[StoryFeatures], keep: usize) -> (Vec<Vector>, Vec<&str>) {
    let mut id_of: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    for one in features {
        for (term, _) in &one.terms {
            let id = *id_of.entry(term.as_str()).or_insert_with(|| {
                names.push(term.as_str());
                df.push(0);
                (names.len() - 1) as u32
            });
            df[id as usize] += 1;
        }
    }
    let n = features.len() as f32;
    let vectors = features
        .par_iter()
        .map(|one| {
            let mut vector: Vector = one
                .terms
                .iter()
                .map(|(term, weight)| {
                    let id = id_of[term.as_str()];
                    let idf = (1.0 + n / df[id as usize] as f32).ln();
                    (id, (1.0 + weight.max(1.0).ln()) * idf)
                })
                .collect();
            // The heaviest terms, ties by term id: the same whatever the order of files.
            vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            vector.truncate(keep);
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            vector.sort_by_key(|(id, _)| *id);
            vector
        })
        .collect();
    (vectors, names)
}

/// A pair of documents (`a` < `b`) and their similarity.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    similarity: f64,
}

/// Whether two documents' own dates allow them to be one story.
fn dates_allow(features: &[StoryFeatures], a: usize, b: usize, window: i64) -> bool {
    let years = match (features[a].year, features[b].year) {
        (Some(x), Some(y)) => (x - y).abs() <= YEAR_GAP,
        _ => true,
    };
    years
        && match (features[a].date, features[b].date) {
            (Some(x), Some(y)) => (x - y).num_days().abs() <= window,
            _ => true,
        }
}

/// What two documents published within a few days of each other add to their similarity
/// (more when their leads speak of the same class of event): news of one event comes out
/// together, so sharing fewer words is enough. Nothing when both leads name places and
/// none in common: two quakes of one week in two countries are two stories.
fn date_bonus(features: &[StoryFeatures], a: usize, b: usize) -> f64 {
    let (x, y) = (&features[a], &features[b]);
    let near =
        matches!((x.date, y.date), (Some(p), Some(q)) if (p - q).num_days().abs() <= NEAR_DAYS);
    let disjoint = |one: &[(String, u32)], other: &[(String, u32)]| {
        !one.is_empty()
            && !other.is_empty()
            && !one.iter().any(|(v, _)| other.iter().any(|(w, _)| v == w))
    };
    if !near || disjoint(&x.places, &y.places) {
        return 0.0;
    }
    let same_class = x
        .classes
        .iter()
        .any(|(c, _)| y.classes.iter().any(|(d, _)| c == d));
    DATE_BONUS + if same_class { CLASS_BONUS } else { 0.0 }
}

const NEAR_DAYS: i64 = 14;
const DATE_BONUS: f64 = 0.1;
const CLASS_BONUS: f64 = 0.05;

/// Documents whose years lie further apart than this speak of different times: a text
/// without a date still names the years it speaks of, the latest of them its own.
const YEAR_GAP: i32 = 1;

/// The pairs of documents that share rare terms, with their cosine similarity, when it
/// reaches half the match threshold (average link may still join weaker pairs' groups
/// through stronger ones). Only terms of at most `max_postings` documents are looked up.
fn candidate_edges(
    vectors: &[Vector],
    features: &[StoryFeatures],
    options: &StoryOptions,
) -> Vec<Edge> {
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::new();
    for (doc, vector) in vectors.iter().enumerate() {
        for &(term, weight) in vector {
            postings.entry(term).or_default().push((doc, weight));
        }
    }
    postings.retain(|_, list| list.len() >= 2 && list.len() <= options.max_postings);
    let floor = options.matched / 2.0;
    let per_document: Vec<Vec<Edge>> = (0..vectors.len())
        .into_par_iter()
        .map(|a| {
            let mut scores: BTreeMap<usize, f32> = BTreeMap::new();
            for &(term, weight) in &vectors[a] {
                let Some(list) = postings.get(&term) else {
                    continue;
                };
                // Postings are in document order: only later documents pair with `a`.
                let from = list.partition_point(|(doc, _)| *doc <= a);
                for &(b, other) in &list[from..] {
                    *scores.entry(b).or_default() += weight * other;
                }
            }
            scores
                .into_iter()
                .filter(|&(b, score)| {
                    f64::from(score) + date_bonus(features, a, b) >= floor
                        && dates_allow(features, a, b, options.window_days)
                })
                .map(|(b, score)| Edge {
                    a,
                    b,
                    similarity: f64::from(score) + date_bonus(features, a, b),
                })
                .collect()
        })
        .collect();
    per_document.into_iter().flatten().collect()
}

/// Agglomerative clustering by average link over the candidate edges (a missing edge is a
/// similarity of 0): the two groups with the highest average similarity merge while it
/// reaches the threshold and their dated documents stay within the window. Groups come
/// out in order of their first document, each sorted.
fn average_link(
    count: usize,
    edges: &[Edge],
    features: &[StoryFeatures],
    options: &StoryOptions,
) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..count).map(|d| vec![d]).collect();
    let mut alive = vec![true; count];
    // The dated span of each group.
    let mut span: Vec<Option<(chrono::NaiveDate, chrono::NaiveDate)>> =
        features.iter().map(|f| f.date.map(|d| (d, d))).collect();
    let mut years: Vec<Option<(i32, i32)>> =
        features.iter().map(|f| f.year.map(|y| (y, y))).collect();
    let mut sums: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); count];
    for edge in edges {
        sums[edge.a].insert(edge.b, edge.similarity);
        sums[edge.b].insert(edge.a, edge.similarity);
    }
    // Max-heap of (average, lower group, higher group); an entry is stale once either
    // group has changed, which a recomputed average tells.
    let key = |average: f64, a: usize, b: usize| {
        (average.to_bits(), Reverse(a.min(b)), Reverse(a.max(b)))
    };
    let mut heap: BinaryHeap<(u64, Reverse<usize>, Reverse<usize>)> = edges
        .iter()
        .filter(|e| e.similarity >= options.matched)
        .map(|e| key(e.similarity, e.a, e.b))
        .collect();
    let average = |sums: &[BTreeMap<usize, f64>], members: &[Vec<usize>], a: usize, b: usize| {
        sums[a].get(&b).copied().unwrap_or(0.0) / (members[a].len() * members[b].len()) as f64
    };
    while let Some((bits, Reverse(a), Reverse(b))) = heap.pop() {
        if !alive[a] || !alive[b] || average(&sums, &members, a, b).to_bits() != bits {
            continue;
        }
        let joined = match (span[a], span[b]) {
            (Some((s1, e1)), Some((s2, e2))) => Some((s1.min(s2), e1.max(e2))),
            (one, other) => one.or(other),
        };
        let joined_years = match (years[a], years[b]) {
            (Some((s1, e1)), Some((s2, e2))) => Some((s1.min(s2), e1.max(e2))),
            (one, other) => one.or(other),
        };
        if joined.is_some_and(|(start, end)| (end - start).num_days() > options.window_days)
            || joined_years.is_some_and(|(start, end)| end - start > YEAR_GAP)
        {
            continue;
        }
        // `b` joins `a`.
        alive[b] = false;
        span[a] = joined;
        years[a] = joined_years;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let from_b = std::mem::take(&mut sums[b]);
        sums[a].remove(&b);
        for (other, sum) in from_b {
            if other == a {
                continue;
            }
            sums[other].remove(&b);
            *sums[a].entry(other).or_default() += sum;
            *sums[other].entry(a).or_default() += sum;
        }
        let neighbours: Vec<usize> = sums[a].keys().copied().collect();
        for other in neighbours {
            let value = average(&sums, &members, a, other);
            if value >= options.matched {
                heap.push(key(value, a, other));
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, alive)| *alive)
        .map(|(mut group, _)| {
            group.sort_unstable();
            group
        })
        .collect();
    groups.sort_by_key(|group| group[0]);
    groups
}

/// How many shared terms a join names.
const SHARED_TERMS: usize = 5;

/// Why a story's documents are together: for each document after the first, its most
/// similar earlier document of the story and the terms they share that weigh most.
fn explain(
    documents: &[usize],
    edges: &[Edge],
    vectors: &[Vector],
    names: &[&str],
) -> Vec<StoryJoin> {
    if documents.len() < 2 {
        return Vec::new();
    }
    let inside = |d: &usize| documents.binary_search(d).is_ok();
    let mut best: BTreeMap<usize, Edge> = BTreeMap::new();
    for edge in edges.iter().filter(|e| inside(&e.a) && inside(&e.b)) {
        let slot = best.entry(edge.b).or_insert(*edge);
        if edge.similarity > slot.similarity {
            *slot = *edge;
        }
    }
    best.into_values()
        .map(|edge| {
            let other: HashMap<u32, f32> = vectors[edge.b].iter().copied().collect();
            let mut shared: Vec<(f32, u32)> = vectors[edge.a]
                .iter()
                .filter_map(|(term, w)| other.get(term).map(|v| (w * v, *term)))
                .collect();
            shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            StoryJoin {
                a: edge.a,
                b: edge.b,
                similarity: edge.similarity,
                shared: shared
                    .into_iter()
                    .take(SHARED_TERMS)
                    .map(|(_, term)| names[term as usize].to_string())
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
