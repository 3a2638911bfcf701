//! Text folding: the comparison form of names, titles and places (case, diacritics,
//! punctuation and spacing removed) and the similarity measure used on folded text.

use unicode_normalization::UnicodeNormalization;

/// Folds `text` for comparison: lower case, diacritics removed ("Vučić" → "vucic"),
/// punctuation dropped, runs of white space collapsed to one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(ch) {
            continue;
        }
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            push_folded_letter(&mut out, ch);
        } else if ch.is_whitespace() || ch == '-' || ch == '/' {
            pending_space = true;
        }
        // Other punctuation (apostrophes, dots of initials, quotes) vanishes without a space,
        // so "U.S." folds to "us" and "O’Brien" to "obrien".
    }
    out
}

/// Letters that Unicode does not decompose into a base letter plus a mark.
fn push_folded_letter(out: &mut String, ch: char) {
    match ch {
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ı' => out.push('i'),
        _ => out.extend(ch.to_lowercase()),
    }
}

/// How a folded name sounds, roughly: letters that spell one sound alike made one ("y" as
/// "i", "c", "k" and "q" as "k" except in "ch", "ph" as "f", "w" as "v") and doubled letters
/// single, so "heidar" and "heydar", "casper" and "kasper" meet while "mirko" and "marko"
/// stay apart.
pub fn sound_key(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        let (sound, width) = match (chars[i], next) {
            ('p', Some('h')) => ('f', 2),
            ('c', Some('h')) => {
                out.push_str("ch");
                i += 2;
                continue;
            }
            ('c' | 'q', _) => ('k', 1),
            ('y', _) => ('i', 1),
            ('w', _) => ('v', 1),
            (other, _) => (other, 1),
        };
        if !out.ends_with(sound) {
            out.push(sound);
        }
        i += width;
    }
    out
}

/// Similarity of two folded strings in 0..=1: one minus the edit distance per character,
/// so one changed letter weighs more in a short name than in a long title.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    strsim::normalized_damerau_levenshtein(a, b)
}

/// The two thresholds of fuzzy matching.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// At or above: the same thing.
    pub matched: f64,
    /// At or above (and below `matched`): possibly the same thing.
    pub suggest: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            matched: 0.9,
            suggest: 0.75,
        }
    }
}

/// How closely two folded strings correspond under the thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    Different,
    Possible,
    Same,
}

impl Thresholds {
    pub fn closeness(&self, a: &str, b: &str) -> Closeness {
        let score = similarity(a, b);
        if score >= self.matched {
            Closeness::Same
        } else if score >= self.suggest {
            Closeness::Possible
        } else {
            Closeness::Different
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_sound_share_a_sound_key() {
        assert_eq!(sound_key("heidar"), sound_key("heydar"));
        assert_eq!(sound_key("casper"), sound_key("kasper"));
        assert_eq!(sound_key("philip"), sound_key("filipp"));
        assert_ne!(sound_key("mirko"), sound_key("marko"));
        assert_eq!(sound_key("chris"), "chris");
    }

    #[test]
    fn diacritics_and_case_fold_away() {
        assert_eq!(fold("Aleksandar Vučić"), "aleksandar vucic");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Đoković"), "dokovic");
    }

    #[test]
    fn punctuation_and_spacing_fold_away() {
        assert_eq!(fold("  U.S.  Army "), "us army");
        assert_eq!(fold("NATO-Serbia"), "nato serbia");
        assert_eq!(fold("“Platinum Wolf,”"), "platinum wolf");
    }

    #[test]
    fn spelling_variants_are_possible_not_same() {
        let t = Thresholds::default();
        assert_eq!(t.closeness("vucic", "vucic"), Closeness::Same);
        assert_eq!(
            t.closeness("george wikoff", "george wyckoff"),
            Closeness::Possible
        );
        assert_eq!(
            t.closeness("kevin hamilton", "george wikoff"),
            Closeness::Different
        );
    }
}
