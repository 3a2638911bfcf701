//! How every regex of the program is compiled, and what a word boundary `\b` means in it.
//!
//! A Unicode `\b` cannot be run by the regex crate's lazy DFA: as soon as the text holds a
//! byte outside ASCII (an accented name, a curly quote, a dash, all common in news) the search
//! falls back to simulating the NFA, 10–50 times slower. So `\b` is compiled to ASCII half
//! boundaries, which the DFA runs on any text. In our patterns a `\b` always stands beside a
//! character of the pattern's own word; it asserts that the character on the other side does
//! not continue that word. [`WORD_EDGE`] says so without knowing which side is which: "the
//! byte before is not an ASCII word byte, or the byte after is not". Beside a word character
//! of the pattern, with an ASCII neighbour (a space, punctuation, an English word), it means
//! exactly what the Unicode `\b` means. Unlike a plain ASCII `\b` it still holds after a
//! word's non-ASCII last letter ("Vučić said"); unlike the Unicode one it also holds after a
//! word ending in punctuation or a symbol ("U.S. troops", "40 m² of land"). It goes wrong
//! only where the neighbour outside the word is itself a letter outside ASCII.
//!
//! A `\d` is compiled to the ASCII digits `[0-9]`: the readers read ASCII digits only, and
//! a Unicode `\d` (every script's digits) makes a pattern's automaton several times larger
//! to build: the date grammar compiles about three times faster with ASCII digits.

use regex::{Regex, RegexBuilder};
use std::borrow::Cow;

/// What `\b` is compiled to: the word beside it does not continue on the other side.
pub const WORD_EDGE: &str = r"(?-u:\b{start-half}|\b{end-half})";

/// What `\d` is compiled to.
const ASCII_DIGIT: &str = "[0-9]";

/// The `\b{...}` forms the regex crate knows; they keep their meaning in ASCII terms.
const NAMED_BOUNDARIES: [&str; 4] = ["{start}", "{end}", "{start-half}", "{end-half}"];

/// `pattern` with every word boundary in the form the lazy DFA can run and every `\d` an
/// ASCII digit (see the module comment). Escaped backslashes are left alone: `\\b` is a
/// backslash and a "b".
pub fn with_ascii_boundaries(pattern: &str) -> Cow<'_, str> {
    if !pattern.contains(r"\b") && !pattern.contains(r"\d") {
        return Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut rest = pattern;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let Some(next) = escape[1..].chars().next() else {
            out.push('\\');
            rest = "";
            break;
        };
        let mut taken = 1 + next.len_utf8();
        if next == 'b' {
            match NAMED_BOUNDARIES
                .iter()
                .find(|n| escape[2..].starts_with(*n))
            {
                Some(named) => {
                    taken += named.len();
                    out.push_str("(?-u:");
                    out.push_str(&escape[..taken]);
                    out.push(')');
                }
                None => out.push_str(WORD_EDGE),
            }
        } else if next == 'd' {
            // A class of its own, so it stands inside a bracketed class too: `[\d,]`.
            out.push_str(ASCII_DIGIT);
        } else {
            out.push_str(&escape[..taken]);
        }
        rest = &escape[taken..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Compiles `pattern` with its word boundaries made ASCII.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&with_ascii_boundaries(pattern))
}

/// A builder for `pattern` with its word boundaries made ASCII, for settings beyond
/// [`compile`]'s.
pub fn builder(pattern: &str) -> RegexBuilder {
    RegexBuilder::new(&with_ascii_boundaries(pattern))
}

/// A regex compiled the first time it is used: a run over one short text pays only for the
/// patterns its sentences reach, not for every rule's. Its source must be known to compile
/// ([`LazyRegex::checked`] compiles it at once, to report an error where it is written).
#[derive(Debug, Clone)]
pub struct LazyRegex {
    source: String,
    dfa_size_limit: Option<usize>,
    compiled: std::sync::OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern` (word boundaries made ASCII) with `dfa_size_limit` for its lazy DFA cache,
    /// compiled when first used.
    pub fn new(pattern: &str, dfa_size_limit: Option<usize>) -> LazyRegex {
        LazyRegex {
            source: with_ascii_boundaries(pattern).into_owned(),
            dfa_size_limit,
            compiled: std::sync::OnceLock::new(),
        }
    }

    /// The same, compiled now.
    ///
    /// # Errors
    /// The pattern does not compile.
    pub fn checked(
        pattern: &str,
        dfa_size_limit: Option<usize>,
    ) -> Result<LazyRegex, regex::Error> {
        let lazy = LazyRegex::new(pattern, dfa_size_limit);
        let regex = lazy.build()?;
        lazy.compiled.get_or_init(|| regex);
        Ok(lazy)
    }

    fn build(&self) -> Result<Regex, regex::Error> {
        let mut builder = RegexBuilder::new(&self.source);
        if let Some(limit) = self.dfa_size_limit {
            builder.dfa_size_limit(limit);
        }
        builder.build()
    }

    /// Whether it has been compiled (for measuring what a run compiles).
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // Only sources known to compile are made lazy (the shipped rules, which the
            // tests compile; added rule files are compiled when they load).
            self.build().expect("a lazy pattern's source compiles")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(pattern: &str, text: &'t str) -> Vec<&'t str> {
        compile(pattern)
            .unwrap()
            .find_iter(text)
            .map(|m| m.as_str())
            .collect()
    }

    #[test]
    fn a_lazy_regex_compiles_on_first_use_and_matches_as_compiled_at_once() {
        let lazy = LazyRegex::new(r"\bdrill\b", None);
        assert!(!lazy.is_compiled());
        assert!(lazy.is_match("a drill."));
        assert!(lazy.is_compiled());
        assert!(LazyRegex::checked(r"(", None).is_err());
        assert!(!LazyRegex::checked(r"\bdrill\b", None)
            .unwrap()
            .is_match("redrill"));
    }

    #[test]
    fn a_boundary_beside_ascii_means_what_unicode_boundaries_mean() {
        let texts = [
            "The exercise ended; exercises went on, pre-exercise talks too.",
            "Drills: drill, redrill, drill-ready (drill).",
            "In 2026, 12 troops; 2026x and x2026 are not years.",
        ];
        for pattern in [r"\b(?i:exercises?|drill)\b", r"\b\d{4}\b", r"\bpre\b"] {
            let unicode = Regex::new(pattern).unwrap();
            for text in texts {
                let expected: Vec<&str> = unicode.find_iter(text).map(|m| m.as_str()).collect();
                assert_eq!(found(pattern, text), expected, "{pattern} on {text}");
            }
        }
    }

    #[test]
    fn a_digit_is_an_ascii_digit_in_and_out_of_classes() {
        assert_eq!(found(r"\d+", "12 ٣٤ 5"), ["12", "5"]);
        assert_eq!(found(r"[\d,]+", "1,200 and ١,٢"), ["1,200", ","]);
        assert_eq!(found(r"[^\d\s]+", "a1b"), ["a", "b"]);
        assert_eq!(found(r"\\d", r"a\d"), [r"\d"]);
    }

    #[test]
    fn a_name_ending_in_an_accented_letter_ends_at_the_next_space() {
        let pattern = r"\bPresident\s+(\p{Lu}\p{Ll}+)\b";
        assert_eq!(found(pattern, "President Vučić said"), ["President Vučić"]);
        // A plain ASCII boundary would cut the name before its last non-ASCII letter.
        let plain = Regex::new(r"President\s+(\p{Lu}\p{Ll}+)(?-u:\b)").unwrap();
        assert_eq!(
            plain.find("President Vučić said").unwrap().as_str(),
            "President Vuči"
        );
    }

    #[test]
    fn a_word_ending_in_punctuation_or_a_symbol_is_bounded_too() {
        assert_eq!(found(r"\b(?:U\.S\.)\b", "the U.S. troops"), ["U.S."]);
        assert_eq!(found(r"\b(?:m²)\b", "40 m² of land"), ["m²"]);
    }

    #[test]
    fn named_and_escaped_boundaries_are_kept() {
        assert_eq!(
            with_ascii_boundaries(r"\b{start-half}x\b{end}\\b"),
            r"(?-u:\b{start-half})x(?-u:\b{end})\\b"
        );
        assert_eq!(
            with_ascii_boundaries(r"a\d\b"),
            format!(r"a[0-9]{WORD_EDGE}")
        );
        assert_eq!(with_ascii_boundaries("no boundary"), "no boundary");
        assert_eq!(found(r"\bSerbia\b{end-half}", "Serbian Serbia"), ["Serbia"]);
    }

    #[test]
    fn a_surname_inside_a_longer_name_is_not_found_with_an_end_half_boundary() {
        let pattern = r"\bVučić\b{end-half}";
        assert!(found(pattern, "Vučićević").is_empty());
        assert_eq!(found(pattern, "Vučić, who"), ["Vučić"]);
    }
}
