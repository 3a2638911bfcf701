//! The lexicon's measures compiled for the figure reader: which words name which measure,
//! and the word classes around a figure (who is counted, what narrows a count, what ends
//! the noun after it, what makes a number part of a name).

use super::model::LexiconSpec;
use crate::model::value::FigureKind;
use crate::text::fold::fold;
use std::collections::{HashMap, HashSet};

/// A measure as the reader looks it up.
#[derive(Debug, Clone)]
pub struct Measure {
    pub name: String,
    /// The kinds of figure it takes; any when empty.
    pub kinds: Vec<FigureKind>,
    /// It only grows as a story goes on (a death toll).
    pub grows: bool,
}

impl Measure {
    /// A measure of no stated kinds takes any but dates, which a measure takes only when
    /// it says so.
    pub fn takes(&self, kind: FigureKind) -> bool {
        if self.kinds.is_empty() {
            kind != FigureKind::Date
        } else {
            self.kinds.contains(&kind)
        }
    }
}

/// The measures and word classes of all rule files.
#[derive(Debug, Clone, Default)]
pub struct Measures {
    measures: Vec<Measure>,
    /// Folded phrase (words joined by one space) → indices in `measures` (one phrase may
    /// name a count and a date: "died").
    phrase: HashMap<String, Vec<usize>>,
    /// The most words any phrase has.
    longest: usize,
    counted_people: HashSet<String>,
    scope_words: HashSet<String>,
    function_words: HashSet<String>,
    name_words: HashSet<String>,
    stamp_words: HashSet<String>,
    part_words: HashSet<String>,
    increment_words: HashSet<String>,
    change_words: HashSet<String>,
    earlier_words: HashSet<String>,
    wide_words: HashSet<String>,
    degree_words: HashSet<String>,
    place_words: HashSet<String>,
}

impl Measures {
    pub(super) fn new(spec: &LexiconSpec) -> Measures {
        let folded_set = |words: &[String]| words.iter().map(|w| fold(w)).collect();
        let mut measures = Vec::new();
        let mut phrase = HashMap::new();
        let mut longest = 0;
        for (name, measure) in &spec.measures {
            let index = measures.len();
            measures.push(Measure {
                name: name.clone(),
                kinds: measure.kinds.clone(),
                grows: measure.grows,
            });
            for words in std::iter::once(name).chain(&measure.words) {
                let folded: Vec<String> = words.split_whitespace().map(fold).collect();
                longest = longest.max(folded.len());
                let entry: &mut Vec<usize> = phrase.entry(folded.join(" ")).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        Measures {
            measures,
            phrase,
            longest,
            counted_people: folded_set(&spec.counted_people),
            scope_words: folded_set(&spec.figure_scope_words),
            function_words: folded_set(&spec.figure_function_words),
            name_words: folded_set(&spec.figure_name_words),
            stamp_words: folded_set(&spec.figure_stamp_words),
            part_words: folded_set(&spec.figure_part_words),
            increment_words: folded_set(&spec.figure_increment_words),
            change_words: folded_set(&spec.figure_change_words),
            earlier_words: folded_set(&spec.figure_earlier_words),
            wide_words: folded_set(&spec.figure_wide_words),
            degree_words: folded_set(&spec.figure_degree_words),
            place_words: folded_set(&spec.figure_place_words),
        }
    }

    /// The measure of a figure of `kind` named by the longest phrase that `words` (folded,
    /// in text order) start with, and how many words it takes.
    pub fn starting(&self, words: &[&str], kind: FigureKind) -> Option<(&Measure, usize)> {
        (1..=self.longest.min(words.len()))
            .rev()
            .find_map(|n| self.lookup(&words[..n], kind).map(|m| (m, n)))
    }

    /// The measure of a figure of `kind` named by the longest phrase that `words` (folded,
    /// in text order) end with.
    pub fn ending(&self, words: &[&str], kind: FigureKind) -> Option<(&Measure, usize)> {
        (1..=self.longest.min(words.len()))
            .rev()
            .find_map(|n| self.lookup(&words[words.len() - n..], kind).map(|m| (m, n)))
    }

    /// Whether a folded word names any measure.
    pub fn names_measure(&self, word: &str) -> bool {
        self.phrase.contains_key(word)
    }

    /// The measure a phrase names for a figure of `kind`; a count may be a plain number on
    /// a scale ("magnitude 6").
    fn lookup(&self, words: &[&str], kind: FigureKind) -> Option<&Measure> {
        let candidates = self.phrase.get(&words.join(" "))?;
        let taking = |kind: FigureKind| {
            candidates
                .iter()
                .map(|&index| &self.measures[index])
                .find(|m| m.takes(kind))
        };
        taking(kind).or_else(|| match kind {
            FigureKind::Count => taking(FigureKind::Number),
            _ => None,
        })
    }

    /// Whether `name` is one of the lexicon's measures (not a noun a text happened to count).
    pub fn is_measure(&self, name: &str) -> bool {
        self.measures.iter().any(|m| m.name == name)
    }

    /// Whether the measure `name` only grows as a story goes on (see [`Measure::grows`]).
    pub fn grows(&self, name: &str) -> bool {
        self.measures.iter().any(|m| m.name == name && m.grows)
    }

    pub fn is_counted_people(&self, folded: &str) -> bool {
        self.counted_people.contains(folded)
    }

    pub fn is_scope_word(&self, folded: &str) -> bool {
        self.scope_words.contains(folded)
    }

    pub fn is_function_word(&self, folded: &str) -> bool {
        self.function_words.contains(folded)
    }

    pub fn is_name_word(&self, folded: &str) -> bool {
        self.name_words.contains(folded)
    }

    pub fn is_stamp_word(&self, folded: &str) -> bool {
        self.stamp_words.contains(folded)
    }

    /// Whether a folded word names a lesser part of an event ("aftershocks").
    pub fn is_part_word(&self, folded: &str) -> bool {
        self.part_words.contains(folded)
    }

    /// Whether a folded word makes a count an addition to an earlier one ("another").
    pub fn is_increment_word(&self, folded: &str) -> bool {
        self.increment_words.contains(folded)
    }

    /// Whether a folded word before "by" makes the figure after it a change ("rose").
    pub fn is_change_word(&self, folded: &str) -> bool {
        self.change_words.contains(folded)
    }

    /// Whether a folded word before a figure in its clause says the figure was reported
    /// earlier ("earlier", "initially").
    pub fn is_earlier_word(&self, folded: &str) -> bool {
        self.earlier_words.contains(folded)
    }

    /// Whether a folded word after a count says how badly a part of the figure before it
    /// was hurt ("critically").
    pub fn is_degree_word(&self, folded: &str) -> bool {
        self.degree_words.contains(folded)
    }

    /// Whether a folded word, after a name, is a lesser place a figure may be counted at
    /// ("district").
    pub fn is_place_word(&self, folded: &str) -> bool {
        self.place_words.contains(folded)
    }

    /// Whether a folded word after a count gives it over a wider area than the story's
    /// ("worldwide", "across").
    pub fn is_wide_word(&self, folded: &str) -> bool {
        self.wide_words.contains(folded)
    }

    /// Whether `text` may hold a part word: a cheap test before its words are folded.
    pub fn may_name_a_part(&self, text: &str) -> bool {
        if self.part_words.is_empty() {
            return false;
        }
        let folded = fold(text);
        self.part_words
            .iter()
            .any(|word| folded.contains(word.as_str()))
    }
}
