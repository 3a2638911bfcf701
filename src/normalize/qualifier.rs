//! The words around a number that make it approximate or a bound ("about 600", "more than
//! 700", "at most 300", "300 or fewer"): the one list that the scanner, rule values and
//! `claimcheck normalize` read them from.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a qualifier does to the number it stands beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "about 600": the number, give or take the comparison's tolerance.
    About,
    /// "nearly 40": a little under the number, up to it.
    Nearly,
    /// "more than 6" (open), "at least 6" (closed).
    Above { inclusive: bool },
    /// "less than 27" (open), "up to 27" (closed).
    Below { inclusive: bool },
    /// "equal to 5": the number itself.
    Exactly,
}

/// Phrases written before a number, as lower-case words (tokens).
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["approx", "."], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["~"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (
        &["greater", "than", "or", "equal", "to"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["more", "than", "or", "equal", "to"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["bigger", "or", "equal", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["bigger", "than", "or", "equal", "to"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["larger", "than", "or", "equal", "to"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["equal", "to", "or", "more", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["equal", "to", "or", "greater", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["no", "less", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["not", "less", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["no", "fewer", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (&["at", "least"], Qualifier::Above { inclusive: true }),
    (
        &["a", "minimum", "of"],
        Qualifier::Above { inclusive: true },
    ),
    (&["minimum", "of"], Qualifier::Above { inclusive: true }),
    (&[">", "="], Qualifier::Above { inclusive: true }),
    (&["≥"], Qualifier::Above { inclusive: true }),
    (&["more", "than"], Qualifier::Above { inclusive: false }),
    (&["greater", "than"], Qualifier::Above { inclusive: false }),
    (&["higher", "than"], Qualifier::Above { inclusive: false }),
    (&["larger", "than"], Qualifier::Above { inclusive: false }),
    (&["bigger", "than"], Qualifier::Above { inclusive: false }),
    (&["upwards", "of"], Qualifier::Above { inclusive: false }),
    (
        &["in", "excess", "of"],
        Qualifier::Above { inclusive: false },
    ),
    (&["above"], Qualifier::Above { inclusive: false }),
    (&["over"], Qualifier::Above { inclusive: false }),
    (&["exceeding"], Qualifier::Above { inclusive: false }),
    (&[">"], Qualifier::Above { inclusive: false }),
    (
        &["less", "than", "or", "equal", "to"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["fewer", "than", "or", "equal", "to"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["smaller", "than", "or", "equal", "to"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["equal", "to", "or", "less", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["equal", "to", "or", "fewer", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["no", "more", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["not", "more", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (&["at", "most"], Qualifier::Below { inclusive: true }),
    (&["up", "to"], Qualifier::Below { inclusive: true }),
    (&["as", "many", "as"], Qualifier::Below { inclusive: true }),
    (
        &["a", "maximum", "of"],
        Qualifier::Below { inclusive: true },
    ),
    (&["maximum", "of"], Qualifier::Below { inclusive: true }),
    (&["<", "="], Qualifier::Below { inclusive: true }),
    (&["≤"], Qualifier::Below { inclusive: true }),
    (&["less", "than"], Qualifier::Below { inclusive: false }),
    (&["fewer", "than"], Qualifier::Below { inclusive: false }),
    (&["lower", "than"], Qualifier::Below { inclusive: false }),
    (&["smaller", "than"], Qualifier::Below { inclusive: false }),
    (&["below"], Qualifier::Below { inclusive: false }),
    (&["under"], Qualifier::Below { inclusive: false }),
    (&["<"], Qualifier::Below { inclusive: false }),
    (&["equal", "to"], Qualifier::Exactly),
    (&["equals", "to"], Qualifier::Exactly),
    (&["equals"], Qualifier::Exactly),
    (&["="], Qualifier::Exactly),
    (&["exactly"], Qualifier::Exactly),
];

/// Phrases written after a number: "30 or more", "300 or fewer", "300 or less than" (the
/// comparator's own words, at the end of a text), "500 and above", "40 plus".
const AFTER: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::Above { inclusive: true }),
    (&["or", "greater"], Qualifier::Above { inclusive: true }),
    (&["or", "above"], Qualifier::Above { inclusive: true }),
    (&["or", "over"], Qualifier::Above { inclusive: true }),
    (&["or", "higher"], Qualifier::Above { inclusive: true }),
    (
        &["or", "more", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (
        &["or", "greater", "than"],
        Qualifier::Above { inclusive: true },
    ),
    (&["and", "more"], Qualifier::Above { inclusive: true }),
    (&["and", "above"], Qualifier::Above { inclusive: true }),
    (&["and", "over"], Qualifier::Above { inclusive: true }),
    (&["and", "up"], Qualifier::Above { inclusive: true }),
    (&["and", "higher"], Qualifier::Above { inclusive: true }),
    (&["or", "less"], Qualifier::Below { inclusive: true }),
    (&["or", "fewer"], Qualifier::Below { inclusive: true }),
    (&["or", "below"], Qualifier::Below { inclusive: true }),
    (&["or", "under"], Qualifier::Below { inclusive: true }),
    (&["or", "lower"], Qualifier::Below { inclusive: true }),
    (
        &["or", "less", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (
        &["or", "fewer", "than"],
        Qualifier::Below { inclusive: true },
    ),
    (&["and", "less"], Qualifier::Below { inclusive: true }),
    (&["and", "below"], Qualifier::Below { inclusive: true }),
    (&["and", "under"], Qualifier::Below { inclusive: true }),
    (&["and", "fewer"], Qualifier::Below { inclusive: true }),
    (&["or", "so"], Qualifier::About),
];

type Table = &'static [(&'static [&'static str], Qualifier)];

/// A table's phrases by their first word, so a word that starts none costs one look-up.
struct Index {
    table: Table,
    by_first: HashMap<&'static str, Vec<usize>>,
}

impl Index {
    fn new(table: Table) -> Index {
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, (phrase, _)) in table.iter().enumerate() {
            if let Some(first) = phrase.first() {
                by_first.entry(first).or_default().push(i);
            }
        }
        Index { table, by_first }
    }

    /// The longest phrase that `words` start with, and its length in words.
    fn longest(&self, words: &[&str]) -> Option<(Qualifier, usize)> {
        self.by_first
            .get(words.first()?)?
            .iter()
            .map(|&i| &self.table[i])
            .filter(|(phrase, _)| {
                words.len() >= phrase.len() && words[..phrase.len()] == phrase[..]
            })
            .max_by_key(|(phrase, _)| phrase.len())
            .map(|(phrase, qualifier)| (*qualifier, phrase.len()))
    }
}

/// The qualifier that `words` (lower-case tokens) start with, if they start with one.
pub fn before(words: &[&str]) -> Option<(Qualifier, usize)> {
    static INDEX: LazyLock<Index> = LazyLock::new(|| Index::new(BEFORE));
    INDEX.longest(words)
}

/// The qualifier written after a number that `words` start with ("or more").
pub fn after(words: &[&str]) -> Option<(Qualifier, usize)> {
    static INDEX: LazyLock<Index> = LazyLock::new(|| Index::new(AFTER));
    INDEX.longest(words)
}

/// Whether the text before a number ends in a word that makes it approximate ("about",
/// "circa", "~").
pub fn approximates(before_number: &str) -> bool {
    // The qualifier is among the last few words: read no further back than that.
    let mut from = before_number.len().saturating_sub(64);
    while !before_number.is_char_boundary(from) {
        from += 1;
    }
    let lower = before_number[from..].trim_end().to_lowercase();
    if lower.ends_with('~') {
        return true;
    }
    let lower = lower.trim_end_matches('.');
    let last = lower
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    BEFORE
        .iter()
        .filter(|(_, q)| matches!(q, Qualifier::About | Qualifier::Nearly))
        .any(|(phrase, _)| {
            phrase.last().is_some_and(|w| *w == last) && ends_with_phrase(lower, phrase)
        })
}

fn ends_with_phrase(text: &str, phrase: &[&str]) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    phrase.len() <= words.len() && words[words.len() - phrase.len()..] == phrase[..]
}

/// Regex fragment (no capture groups) for every qualifier written before a number in words
/// (the symbols are left to the pattern that uses the fragment).
pub fn fragment() -> String {
    let mut phrases: Vec<String> = BEFORE
        .iter()
        .filter(|(phrase, _)| phrase.iter().all(|w| w.chars().all(char::is_alphabetic)))
        .map(|(phrase, _)| phrase.join(r"\s+"))
        .collect();
    // Longest first, so the alternation prefers "more than or equal to" over "more than".
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases.dedup();
    format!(r"(?i:\b(?:{})\b)", phrases.join("|"))
}

/// Regex fragment (no capture groups) for the qualifiers written after a number ("or more").
pub fn after_fragment() -> String {
    let mut phrases: Vec<String> = AFTER
        .iter()
        .map(|(phrase, _)| phrase.join(r"\s+"))
        .collect();
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    format!(r"(?i:\b(?:{})\b)", phrases.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_phrase_wins() {
        assert_eq!(
            before(&["more", "than", "or", "equal", "to", "5"]),
            Some((Qualifier::Above { inclusive: true }, 5))
        );
        assert_eq!(
            before(&["more", "than", "5"]),
            Some((Qualifier::Above { inclusive: false }, 2))
        );
        assert_eq!(
            after(&["or", "less", "than"]),
            Some((Qualifier::Below { inclusive: true }, 3))
        );
        assert_eq!(before(&["five"]), None);
    }

    #[test]
    fn approximation_words_before_a_number() {
        assert!(approximates("The exercise involved circa "));
        assert!(approximates("about"));
        assert!(approximates("some ~"));
        assert!(approximates("an estimated "));
        assert!(!approximates("more than "));
        assert!(!approximates("involved "));
    }
}
