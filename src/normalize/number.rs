//! Numbers as written in news text: digits with either separator convention, number words,
//! scale words and suffixes, and amounts with approximation or comparators as intervals.

use super::qualifier::{self, Qualifier};
use super::tokens::{cardinal, tokenize, Token};
pub use crate::model::amount::{format_number, Amount, Convention};
use regex::Regex;
use std::sync::LazyLock;

/// Regex fragment (no capture groups) for one number: digits or number words.
pub const NUMBER: &str = r"(?:[-−]?(?:\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s+(?i:thousand|million|billion|trillion)|(?i:bn|m|k)\b)?|\b(?i:(?:a\s+)?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)(?:(?:\s+and\s+|\s+|-)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?))*)\b)";

/// Regex fragment (no capture groups) for an amount: a number with an optional qualifier
/// before or after it (the words of [`super::qualifier`]), a range of two numbers, or a
/// vague count ("several dozen").
pub static AMOUNT: LazyLock<String> = LazyLock::new(|| {
    let before = super::qualifier::fragment();
    let after = super::qualifier::after_fragment();
    format!(
        r"(?:(?i:between)\s+{NUMBER}\s+(?i:and)\s+{NUMBER}|(?:{before}\s+|~\s*)?{NUMBER}(?:\s*(?:-|–|\bto\b)\s*{NUMBER}|\s+{after})?|\b(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|several\s+dozen|a\s+few\s+dozen|dozens|several\s+hundred|a\s+few\s+hundred|hundreds|thousands|millions)\b)"
    )
});

/// Detects a document's decimal convention from unambiguous numbers in it: "1,4" or
/// "1.234.567" speak for the comma; "1.4" or "1,234,567" for the dot.
pub fn detect_convention(text: &str) -> Convention {
    static COMMA_DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"\b\d+,\d{1,2}\b|\b\d{1,3}(?:\.\d{3}){2,}\b").unwrap()
    });
    static DOT_DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"\b\d+\.\d{1,2}\b|\b\d{1,3}(?:,\d{3}){2,}\b").unwrap()
    });
    let comma = COMMA_DECIMAL.find_iter(text).count();
    let dot = DOT_DECIMAL.find_iter(text).count();
    if comma > dot {
        Convention::CommaDecimal
    } else {
        Convention::DotDecimal
    }
}

/// Parses one number ("28.000", "1,4 million", "fourteen", "1.4m", "a dozen") with the
/// scanner's grammar; the whole text must be the number.
pub fn parse_number(text: &str, convention: Convention) -> Option<f64> {
    let tokens = tokenize(text);
    let parsed = cardinal(&tokens, 0, convention)?;
    (parsed.end == tokens.len()).then_some(parsed.value)
}

/// Parses an amount matched by [`AMOUNT`]; the whole text must be the amount.
pub fn parse_amount(text: &str, convention: Convention) -> Option<Amount> {
    let tokens = tokenize(text);
    let (amount, end) = amount_at(&tokens, 0, convention)?;
    (end == tokens.len()).then_some(amount)
}

/// Vague counts: "several dozen", "dozens", "hundreds", "tens of thousands", and the tokens
/// they take. Each plural scale starts at two of its unit and ends below the next count
/// word's ("thousands" is 2,000 to 19,999; "tens of thousands" starts at 20,000).
fn vague_amount(words: &[&str]) -> Option<(Amount, usize)> {
    let (low, high, length) = match words {
        ["tens", "of", "thousands", ..] => (20e3, 99_999.0, 3),
        ["hundreds", "of", "thousands", ..] => (200e3, 999_999.0, 3),
        ["tens", "of", "millions", ..] => (20e6, 99_999_999.0, 3),
        ["hundreds", "of", "millions", ..] => (200e6, 999_999_999.0, 3),
        ["a", "few", "dozen", ..] => (24.0, 99.0, 3),
        ["several", "dozen", ..] => (24.0, 99.0, 2),
        ["dozens", ..] => (24.0, 199.0, 1),
        ["a", "few", "hundred", ..] => (200.0, 999.0, 3),
        ["several", "hundred", ..] => (200.0, 999.0, 2),
        ["hundreds", ..] => (200.0, 1999.0, 1),
        ["thousands", ..] => (2000.0, 19999.0, 1),
        ["millions", ..] => (2e6, 19_999_999.0, 1),
        _ => return None,
    };
    Some((
        Amount {
            approx: true,
            ..Amount::between(low, high)
        },
        length,
    ))
}

/// The amount written at token `start` and the token after it: a number with the
/// qualifiers of [`super::qualifier`] before or after it ("about 600", "more than 700",
/// "300 or fewer"), a range ("between 500 and 600", "500-600", "15 to 20") or a vague count.
pub fn amount_at(
    tokens: &[Token],
    start: usize,
    convention: Convention,
) -> Option<(Amount, usize)> {
    let words: Vec<&str> = tokens[start.min(tokens.len())..]
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    if let Some((amount, length)) = vague_amount(&words) {
        return Some((amount, start + length));
    }
    let (qualifier, length) = qualifier::before(&words).map_or((None, 0), |(q, n)| (Some(q), n));
    let between = words.get(length) == Some(&"between");
    let first = start + length + usize::from(between);
    let low = cardinal(tokens, first, convention)?;
    let word = |i: usize| tokens.get(i).map(|t| t.text.as_str());
    let joins = match word(low.end) {
        Some("and") => between,
        Some("-" | "–" | "to") => true,
        _ => false,
    };
    if joins {
        if let Some(high) = cardinal(tokens, low.end + 1, convention) {
            if low.value < high.value {
                let amount = Amount {
                    approx: qualifier.is_some(),
                    ..Amount::between(low.value, high.value)
                };
                return Some((amount, high.end));
            }
        }
    }
    if between {
        return None;
    }
    let value = low.value;
    let (qualifier, end) = match qualifier {
        Some(q) => (Some(q), low.end),
        None => {
            let after: Vec<&str> = (low.end..tokens.len()).filter_map(word).collect();
            qualifier::after(&after).map_or((None, low.end), |(q, n)| (Some(q), low.end + n))
        }
    };
    let amount = match qualifier {
        None | Some(Qualifier::Exactly) => Amount::exact(value),
        Some(Qualifier::About) => Amount::approximately(value),
        Some(Qualifier::Nearly) => Amount::nearly(value),
        Some(Qualifier::Above { inclusive }) => Amount::above(value, !inclusive),
        Some(Qualifier::Below { inclusive }) => Amount::below(value, !inclusive),
    };
    Some((amount, end))
}

/// Regex fragment (no capture groups) for an ordinal: "first", "8th", "eighth".
pub const ORDINAL: &str = r"(?:\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|thirtieth|fortieth|fiftieth|hundredth)\b|\b\d+(?i:st|nd|rd|th)\b)";

/// Parses an ordinal matched by [`ORDINAL`].
pub fn parse_ordinal(text: &str) -> Option<i64> {
    const WORDS: &[(&str, i64)] = &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("hundredth", 100),
    ];
    let lower = text.trim().to_lowercase();
    if let Some(&(_, value)) = WORDS.iter().find(|(word, _)| *word == lower) {
        return Some(value);
    }
    lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> f64 {
        parse_number(text, Convention::DotDecimal).unwrap()
    }

    #[test]
    fn digit_groups_decide_the_separator() {
        assert_eq!(number("28,000"), 28000.0);
        assert_eq!(number("1,4"), 1.4);
        assert_eq!(number("1.234.567"), 1234567.0);
        assert_eq!(number("1.234.567,5"), 1234567.5);
        assert_eq!(number("28.5"), 28.5);
    }

    #[test]
    fn document_convention_decides_three_digit_groups() {
        assert_eq!(parse_number("28.000", Convention::DotDecimal), Some(28.0));
        assert_eq!(
            parse_number("28.000", Convention::CommaDecimal),
            Some(28000.0)
        );
        assert_eq!(
            detect_convention("1,4 million landmines and 8.000 tons"),
            Convention::CommaDecimal
        );
        assert_eq!(
            detect_convention("1.4 million and 28,000"),
            Convention::DotDecimal
        );
    }

    #[test]
    fn scale_words_and_suffixes_multiply() {
        assert_eq!(number("1.4 million"), 1_400_000.0);
        assert_eq!(number("1.4m"), 1_400_000.0);
        assert_eq!(number("2bn"), 2e9);
        assert_eq!(
            parse_number("1,4 million", Convention::CommaDecimal),
            Some(1_400_000.0)
        );
    }

    #[test]
    fn number_words_add_and_multiply() {
        assert_eq!(number("fourteen"), 14.0);
        assert_eq!(number("twenty-one"), 21.0);
        assert_eq!(number("a dozen"), 12.0);
        assert_eq!(number("one hundred and sixty-one"), 161.0);
        assert_eq!(number("two hundred and two thousand"), 202_000.0);
        assert_eq!(number("three hundred and two dozens"), 324.0);
    }

    #[test]
    fn qualifiers_become_intervals() {
        let c = Convention::DotDecimal;
        assert_eq!(
            parse_amount("approximately 600", c).unwrap().canonical(),
            "~600"
        );
        assert_eq!(
            parse_amount("more than 700", c).unwrap().canonical(),
            ">700"
        );
        assert_eq!(parse_amount("up to 600", c).unwrap().canonical(), "≤600");
        assert_eq!(
            parse_amount("between 500 and 600", c).unwrap().canonical(),
            "500–600"
        );
        assert_eq!(parse_amount("500-600", c).unwrap().canonical(), "500–600");
        assert!(parse_amount("several dozen", c).unwrap().approx);
        assert_eq!(
            parse_amount("tens of thousands", c).unwrap().canonical(),
            "~20000–99999"
        );
        assert_eq!(
            parse_amount("hundreds of thousands", c)
                .unwrap()
                .canonical(),
            "~200000–999999"
        );
        assert_eq!(
            parse_amount("millions", c).unwrap().canonical(),
            "~2000000–19999999"
        );
    }

    #[test]
    fn every_qualifier_reads_as_an_interval() {
        let c = Convention::DotDecimal;
        let read = |text: &str| parse_amount(text, c).unwrap();
        for text in [
            "approximately 600",
            "about 600",
            "around 600",
            "some 600",
            "~600",
            "circa 600",
            "600 or so",
        ] {
            assert_eq!(read(text).canonical(), "~600", "{text}");
        }
        assert_eq!(read("almost 40").canonical(), "36–40");
        assert_eq!(read("nearly 40").canonical(), "36–40");
        assert_eq!(read("more than 700").canonical(), ">700");
        assert_eq!(read("over 2,000").canonical(), ">2000");
        assert_eq!(read("at least 50").canonical(), "≥50");
        assert_eq!(read("up to 600").canonical(), "≤600");
        assert_eq!(read("less than 27").canonical(), "<27");
        assert_eq!(read("between 500 and 600").canonical(), "500–600");
        assert_eq!(read("500-600").canonical(), "500–600");
        assert_eq!(read("several dozen").canonical(), "~24–99");
        assert_eq!(read("300 or fewer").canonical(), "≤300");
        assert_eq!(read("at most 300").canonical(), "≤300");
        assert_eq!(read("no more than 300").canonical(), "≤300");
        assert_eq!(read("30 or more").canonical(), "≥30");
        assert_eq!(read("some thirty").canonical(), "~30");
    }

    #[test]
    fn open_bounds_exclude_the_number_they_name() {
        let c = Convention::DotDecimal;
        let read = |text: &str| parse_amount(text, c).unwrap();
        let exact = |value: f64| Amount::exact(value);
        assert!(read("more than 6").agrees_with(&exact(7.0), 0.0, 0.1));
        assert!(!read("more than 6").agrees_with(&exact(6.0), 0.0, 0.1));
        assert!(read("more than 6").agrees_with(&exact(6.5), 0.0, 0.1));
        assert!(read("at least 6").agrees_with(&exact(6.0), 0.0, 0.1));
        assert!(read("less than 27").agrees_with(&exact(26.0), 0.0, 0.1));
        assert!(!read("less than 27").agrees_with(&exact(27.0), 0.0, 0.1));
        assert!(read("up to 27").agrees_with(&exact(27.0), 0.0, 0.1));
        assert!(!read("less than 27").agrees_with(&read("more than 27"), 0.0, 0.1));
    }

    #[test]
    fn approximation_widens_agreement() {
        let c = Convention::DotDecimal;
        let about = parse_amount("about 600", c).unwrap();
        let exact = parse_amount("640", c).unwrap();
        assert!(about.agrees_with(&exact, 0.0, 0.1));
        assert!(!Amount::exact(600.0).agrees_with(&exact, 0.0, 0.1));
        assert!(!Amount::exact(56.0).agrees_with(&Amount::exact(26.0), 0.0, 0.1));
        let more = parse_amount("more than 700", c).unwrap();
        assert!(more.agrees_with(&Amount::exact(718.0), 0.0, 0.1));
    }

    #[test]
    fn ordinals_in_words_and_digits() {
        assert_eq!(parse_ordinal("first"), Some(1));
        assert_eq!(parse_ordinal("Eighth"), Some(8));
        assert_eq!(parse_ordinal("8th"), Some(8));
        assert_eq!(parse_ordinal("22nd"), Some(22));
    }
}
