//! Which figure claims of one subject and measure speak of the same thing: their
//! sentences' words, weighted by rarity, must be alike. "312 dead" in a sentence about the
//! quake and "312 dead" in one about a flood a week later never meet, though both count
//! deaths in one story; a measure the lexicon names ("deaths", "magnitude") is about the
//! story's event unless its sentence says otherwise, so it needs less likeness than a noun
//! a text happens to count ("reviews").

use crate::model::claim::Claim;
use crate::model::value::Value;
use crate::rules::RuleSet;
use crate::text::fold::fold;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Likeness (cosine of rarity-weighted words) at which two sentences give a figure of a
/// measure the lexicon names about the same thing.
const NAMED_MEASURE_MATCH: f64 = 0.08;
/// The same for a figure of any other counted noun.
const COUNTED_NOUN_MATCH: f64 = 0.3;

/// The context each figure claim is compared in: claims of one subject, measure and form
/// whose sentences are alike share one number. Other claims get [`usize::MAX`].
pub fn contexts(claims: &[Claim], rules: &RuleSet) -> Vec<usize> {
    let mut context = vec![usize::MAX; claims.len()];
    let mut groups: BTreeMap<(usize, &str, String), Vec<usize>> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        if let Value::Figure(figure) = &claim.value {
            let form = super::agree::figure_form(figure);
            groups
                .entry((claim.subject, claim.attribute.as_str(), form))
                .or_default()
                .push(index);
        }
    }
    if groups.is_empty() {
        return context;
    }
    let stop: HashSet<String> = rules
        .lexicon
        .spec
        .story_stopwords
        .iter()
        .chain(&rules.lexicon.spec.figure_function_words)
        .map(|w| fold(w))
        .collect();
    // Each sentence's words once, and how many sentences hold each word.
    let mut words_of: HashMap<&str, Vec<String>> = HashMap::new();
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for members in groups.values() {
        for &i in members {
            let quote: &str = &claims[i].located.quote;
            if words_of.contains_key(quote) {
                continue;
            }
            let words = content_words(quote, &stop);
            for word in &words {
                *frequency.entry(word.clone()).or_default() += 1;
            }
            words_of.insert(quote, words);
        }
    }
    let sentences = words_of.len() as f64;
    let weight = |word: &str| (1.0 + sentences / frequency[word] as f64).ln();
    let vectors: HashMap<&str, HashMap<&str, f64>> = words_of
        .iter()
        .map(|(quote, words)| {
            let vector: HashMap<&str, f64> =
                words.iter().map(|w| (w.as_str(), weight(w))).collect();
            (*quote, vector)
        })
        .collect();
    let mut next = 0;
    for ((_, measure, _), members) in &groups {
        let threshold = if rules.lexicon.measures.is_measure(measure) {
            NAMED_MEASURE_MATCH
        } else {
            COUNTED_NOUN_MATCH
        };
        let mut parent: Vec<usize> = (0..members.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for (a, &i) in members.iter().enumerate() {
            // Each claim joins its likeliest match in every other document.
            let mut best: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
            for (b, &j) in members.iter().enumerate() {
                if claims[i].doc == claims[j].doc {
                    continue;
                }
                let likeness = cosine(
                    &vectors[&*claims[i].located.quote],
                    &vectors[&*claims[j].located.quote],
                );
                if likeness < threshold {
                    continue;
                }
                let entry = best.entry(claims[j].doc).or_insert((likeness, b));
                if likeness > entry.0 {
                    *entry = (likeness, b);
                }
            }
            for (_, b) in best.into_values() {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
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

/// The folded words of a sentence that can tell one context from another: no numbers, no
/// stop words, no one-letter words.
fn content_words(sentence: &str, stop: &HashSet<String>) -> Vec<String> {
    let mut words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 2)
        .map(fold)
        .filter(|w| !stop.contains(w))
        .collect();
    words.sort();
    words.dedup();
    words
}

fn cosine(a: &HashMap<&str, f64>, b: &HashMap<&str, f64>) -> f64 {
    let dot: f64 = a
        .iter()
        .filter_map(|(word, x)| b.get(word).map(|y| x * y))
        .sum();
    let norm = |v: &HashMap<&str, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}
