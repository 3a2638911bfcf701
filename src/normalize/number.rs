//! Numbers as written in news text: digits with either separator convention, number words,
//! scale words and suffixes, and amounts with approximation or comparators as intervals.

pub use crate::model::amount::{format_number, Amount, Convention};
use regex::Regex;
use std::sync::LazyLock;

const SMALL_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Regex fragment (no capture groups) for one number: digits or number words.
pub const NUMBER: &str = r"(?:[-−]?(?:\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s+(?i:thousand|million|billion|trillion)|(?i:bn|m|k)\b)?|\b(?i:(?:a\s+)?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)(?:(?:\s+and\s+|\s+|-)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?))*)\b)";

/// Words before a number that make it approximate or a bound.
const QUALIFIER: &str = r"(?i:approximately|about|around|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|more\s+than|over|at\s+least|up\s+to|fewer\s+than|less\s+than|under|as\s+many\s+as|upwards\s+of)";

/// Regex fragment (no capture groups) for an amount: a number with an optional qualifier,
/// a range of two numbers, or a vague count ("several dozen").
pub static AMOUNT: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?i:between)\s+{NUMBER}\s+(?i:and)\s+{NUMBER}|(?:{QUALIFIER}\s+|~\s*)?{NUMBER}(?:\s*(?:-|–|\bto\b)\s*{NUMBER})?|\b(?i:several\s+dozen|a\s+few\s+dozen|dozens|several\s+hundred|a\s+few\s+hundred|hundreds|thousands)\b)"
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

/// Parses one number ("28.000", "1,4 million", "fourteen", "1.4m", "a dozen").
pub fn parse_number(text: &str, convention: Convention) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let first = text.chars().next()?;
    if first.is_ascii_digit() || first == '-' || first == '−' {
        parse_digits(text, convention)
    } else {
        parse_words(text)
    }
}

fn parse_digits(text: &str, convention: Convention) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    let mut value = parse_separated(digits, convention)?;
    let suffix = suffix.trim().to_ascii_lowercase();
    value *= match suffix.as_str() {
        "" => 1.0,
        "k" | "thousand" => 1e3,
        "m" | "million" => 1e6,
        "bn" | "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// Reads "28.000", "28,000", "1,4", "1.234.567,89" by the digit groups first and the
/// convention only where the groups leave it open.
fn parse_separated(digits: &str, convention: Convention) -> Option<f64> {
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if dots == 1 { '.' } else { ',' };
            let after = digits.len() - digits.rfind(mark)? - 1;
            let grouped = after == 3;
            let thousands_mark = match convention {
                Convention::DotDecimal => ',',
                Convention::CommaDecimal => '.',
            };
            if grouped && mark == thousands_mark {
                None
            } else {
                Some(mark)
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark.
            let last_dot = digits.rfind('.')?;
            let last_comma = digits.rfind(',')?;
            Some(if last_dot > last_comma { '.' } else { ',' })
        }
    };
    let mut plain = String::with_capacity(digits.len());
    for ch in digits.chars() {
        if ch.is_ascii_digit() {
            plain.push(ch);
        } else if Some(ch) == decimal_mark {
            plain.push('.');
        }
    }
    plain.parse().ok()
}

fn parse_words(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_small = 0.0;
    let mut seen = false;
    for word in lower.split(|c: char| c.is_whitespace() || c == '-') {
        match word {
            "" | "and" => continue,
            "a" | "an" => {
                current += 1.0;
                last_small = 1.0;
                seen = true;
                continue;
            }
            _ => {}
        }
        if let Some(&(_, value)) = SMALL_WORDS.iter().find(|(name, _)| *name == word) {
            current += value;
            last_small = value;
        } else if word == "dozen" || word == "dozens" {
            let base = if last_small == 0.0 { 1.0 } else { last_small };
            current = current - last_small + base * 12.0;
            last_small = 0.0;
        } else if word == "hundred" {
            current = if current == 0.0 { 1.0 } else { current } * 100.0;
            last_small = 0.0;
        } else if let Some(&(_, scale)) = SCALE_WORDS.iter().find(|(name, _)| *name == word) {
            total += if current == 0.0 { 1.0 } else { current } * scale;
            current = 0.0;
            last_small = 0.0;
        } else {
            return None;
        }
        seen = true;
    }
    seen.then_some(total + current)
}

/// Parses an amount matched by [`AMOUNT`].
pub fn parse_amount(text: &str, convention: Convention) -> Option<Amount> {
    static QUALIFIED: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"^(?:(?P<qualifier>{QUALIFIER})\s+|(?P<tilde>~)\s*)?(?P<rest>.+)$"
        ))
        .unwrap()
    });
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"^(?:(?i:between)\s+)?(?P<a>{NUMBER})\s*(?:-|–|\bto\b|\b(?i:and)\b)\s*(?P<b>{NUMBER})$"
        ))
        .unwrap()
    });
    let text = text.trim();
    let lower = text.to_lowercase();
    let vague = match lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .as_str()
    {
        "several dozen" | "a few dozen" => Some((24.0, 99.0)),
        "dozens" => Some((24.0, 199.0)),
        "several hundred" | "a few hundred" => Some((200.0, 999.0)),
        "hundreds" => Some((200.0, 1999.0)),
        "thousands" => Some((2000.0, 19999.0)),
        _ => None,
    };
    if let Some((low, high)) = vague {
        return Some(Amount {
            approx: true,
            ..Amount::between(low, high)
        });
    }
    let caps = QUALIFIED.captures(text)?;
    let rest = caps.name("rest")?.as_str();
    if let Some(range) = RANGE.captures(rest) {
        let a = parse_number(range.name("a")?.as_str(), convention)?;
        let b = parse_number(range.name("b")?.as_str(), convention)?;
        if a < b {
            return Some(Amount {
                approx: caps.name("qualifier").is_some() || caps.name("tilde").is_some(),
                ..Amount::between(a, b)
            });
        }
    }
    let value = parse_number(rest, convention)?;
    let qualifier = caps.name("qualifier").map(|m| {
        m.as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    let approx = Amount::approximately(value);
    Some(match qualifier.as_deref() {
        None if caps.name("tilde").is_some() => approx,
        None => Amount::exact(value),
        Some("more than" | "over" | "upwards of") => Amount::above(value, true),
        Some("at least") => Amount::above(value, false),
        Some("up to" | "as many as") => Amount::below(value, false),
        Some("fewer than" | "less than" | "under") => Amount::below(value, true),
        Some("nearly" | "almost" | "close to") => Amount::between(value * 0.9, value),
        Some(_) => approx,
    })
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
