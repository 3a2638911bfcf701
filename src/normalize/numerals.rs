//! The grammar of numbers written in words and digits, read from tokens: cardinals
//! ("twenty-one trillion and three hundred", "1,674.5 million", "2 1/4", "1.3e6",
//! "2.5x10^3", "five and a half million", "three fifths", "1 over 3", "- 7") and ordinals
//! ("one hundred twenty-fifth", "21st").

use super::digits::digits_value;
use super::tokens::{vulgar_fraction, Token, TokenKind};
use crate::model::amount::Convention;

/// Number words below a hundred.
pub fn small_word(word: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match word {
        "naught" | "nought" | "nil" => Some(0.0),
        _ => None,
    }
}

fn is_tens(value: f64) -> bool {
    value >= 20.0 && value % 10.0 == 0.0 && value < 100.0
}

/// Scale words and what they multiply by.
pub fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "millions" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

/// Ordinal words: the number and whether it is a scale ("hundredth").
pub fn ordinal_word(word: &str) -> Option<(f64, bool)> {
    const UNITS: &[(&str, f64)] = &[
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("nineth", 9.0),
        ("tenth", 10.0),
        ("eleventh", 11.0),
        ("twelfth", 12.0),
        ("thirteenth", 13.0),
        ("fourteenth", 14.0),
        ("fifteenth", 15.0),
        ("sixteenth", 16.0),
        ("seventeenth", 17.0),
        ("eighteenth", 18.0),
        ("nineteenth", 19.0),
        ("twentieth", 20.0),
        ("thirtieth", 30.0),
        ("fortieth", 40.0),
        ("fiftieth", 50.0),
        ("sixtieth", 60.0),
        ("seventieth", 70.0),
        ("eightieth", 80.0),
        ("ninetieth", 90.0),
    ];
    if let Some(&(_, value)) = UNITS.iter().find(|(w, _)| *w == word) {
        return Some((value, false));
    }
    let scale = match word {
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some((scale, true))
}

/// A denominator word of a fraction: "fifths", "a third", "half", "quarters".
fn denominator_word(word: &str) -> Option<f64> {
    match word {
        "half" | "halves" => return Some(2.0),
        "quarter" | "quarters" => return Some(4.0),
        _ => {}
    }
    let singular = word.strip_suffix('s').unwrap_or(word);
    match ordinal_word(singular) {
        Some((value, _)) if value >= 3.0 || value >= 100.0 => Some(value),
        _ => None,
    }
}

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub value: f64,
    pub end: usize,
}

/// Reads the longest cardinal number starting at token `start`.
pub fn cardinal(tokens: &[Token], start: usize, convention: Convention) -> Option<Parsed> {
    let next_is_adjacent_digits = tokens
        .get(start + 1)
        .is_some_and(|t| t.kind == TokenKind::Digits && !t.gap);
    let (sign, first) = match tokens.get(start)?.text.as_str() {
        "minus" | "negative" => (-1.0, start + 1),
        "-" | "−" if next_is_adjacent_digits || sign_apart(tokens, start) => (-1.0, start + 1),
        _ => (1.0, start),
    };
    let parsed = unsigned(tokens, first, convention)?;
    let parsed = ratio(tokens, parsed, convention);
    Some(Parsed {
        value: sign * parsed.value,
        end: parsed.end,
    })
}

/// A sign written apart from its digits ("fell to - 7", "(- 3)"): a hyphen followed by
/// digits after a space, where a sign can stand, at the start, after an opening bracket or
/// a mark of relation, or after a word that introduces a value (a preposition, a copula, a
/// conjunction). After a name or a number it is a dash ("Belgrade - 600 troops", "5 - 7").
fn sign_apart(tokens: &[Token], at: usize) -> bool {
    const INTRODUCERS: &[&str] = &[
        "to",
        "at",
        "of",
        "from",
        "by",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "about",
        "around",
        "near",
        "nearly",
        "approximately",
        "roughly",
        "and",
        "or",
        "than",
        "between",
        "reached",
        "hit",
        "equals",
        "equal",
        "as",
    ];
    let digits_after = tokens
        .get(at + 1)
        .is_some_and(|t| t.kind == TokenKind::Digits);
    let sign_can_stand = match at.checked_sub(1).map(|i| &tokens[i]) {
        None => true,
        Some(previous) if !tokens[at].gap => {
            previous.kind == TokenKind::Symbol && previous.text != "-"
        }
        Some(previous) => match previous.kind {
            TokenKind::Symbol => matches!(
                previous.text.as_str(),
                "(" | "[" | "=" | ":" | "," | ";" | "<" | ">"
            ),
            TokenKind::Word => INTRODUCERS.contains(&previous.text.as_str()),
            TokenKind::Digits => false,
        },
    };
    digits_after && sign_can_stand
}

/// "1 over 3", "one out of three", "1 in twenty-one".
fn ratio(tokens: &[Token], left: Parsed, convention: Convention) -> Parsed {
    let word = |i: usize| tokens.get(i).map(|t| t.text.as_str());
    let (after, needs_word, needs_smaller) = match (word(left.end), word(left.end + 1)) {
        (Some("over"), _) => (left.end + 1, false, false),
        (Some("out"), Some("of")) => (left.end + 2, false, true),
        (Some("in"), _) => (left.end + 1, true, false),
        _ => return left,
    };
    let Some(right) = unsigned(tokens, after, convention) else {
        return left;
    };
    let right_is_word = tokens[after].kind == TokenKind::Word;
    if right.value == 0.0
        || (needs_word && !right_is_word)
        || (needs_smaller && left.value > right.value)
    {
        return left;
    }
    Parsed {
        value: left.value / right.value,
        end: right.end,
    }
}

fn unsigned(tokens: &[Token], start: usize, convention: Convention) -> Option<Parsed> {
    let token = tokens.get(start)?;
    match token.kind {
        TokenKind::Digits => digits_phrase(tokens, start, convention),
        TokenKind::Symbol => {
            let value = vulgar_fraction(token.text.chars().next()?)?;
            Some(Parsed {
                value,
                end: start + 1,
            })
        }
        TokenKind::Word => words(tokens, start, convention),
    }
}

/// Digits, with what may follow them: a decimal exponent ("1.3e6"), a power ("1.1^23"), a
/// suffix ("10k", "1MM"), a fraction ("3/4", "2 1/4"), or scale words ("1.4 million",
/// "3 hundred and 21").
fn digits_phrase(tokens: &[Token], start: usize, convention: Convention) -> Option<Parsed> {
    let token = &tokens[start];
    let mut value = digits_value(&token.text, convention)?;
    let mut end = start + 1;
    let adjacent = |i: usize| tokens.get(i).filter(|t| !t.gap);
    // 1e10, -12e-1
    if adjacent(end).is_some_and(|t| t.text == "e") {
        let (sign, at) = match adjacent(end + 1).map(|t| t.text.as_str()) {
            Some("-") => (-1.0, end + 2),
            Some("+") => (1.0, end + 2),
            _ => (1.0, end + 1),
        };
        if let Some(exponent) = adjacent(at).filter(|t| t.kind == TokenKind::Digits) {
            // Through the decimal parser, so "12e-1" is exactly 1.2.
            let sign = if sign < 0.0 { "-" } else { "" };
            if let Ok(scaled) = format!("{value}e{sign}{}", exponent.text).parse::<f64>() {
                value = scaled;
                end = at + 1;
            }
        }
    }
    // 2.5x10^3, 4.1 × 10^-2: scientific notation with the base written out.
    let times_ten = tokens
        .get(end)
        .is_some_and(|t| matches!(t.text.as_str(), "x" | "×" | "*"))
        && tokens.get(end + 1).is_some_and(|t| t.text == "10")
        && adjacent(end + 2).is_some_and(|t| t.text == "^");
    if times_ten {
        let (negative, at) = match adjacent(end + 3).map(|t| t.text.as_str()) {
            Some("-" | "−") => (true, end + 4),
            Some("+") => (false, end + 4),
            _ => (false, end + 3),
        };
        if let Some(exponent) = adjacent(at)
            .filter(|t| t.kind == TokenKind::Digits && t.text.bytes().all(|b| b.is_ascii_digit()))
        {
            let sign = if negative { "-" } else { "" };
            if let Ok(scaled) = format!("{value}e{sign}{}", exponent.text).parse::<f64>() {
                value = scaled;
                end = at + 1;
            }
        }
    }
    // 1.1^23, 2.5^-1
    if adjacent(end).is_some_and(|t| t.text == "^") {
        let (sign, at) = match adjacent(end + 1).map(|t| t.text.as_str()) {
            Some("-") => (-1.0, end + 2),
            Some("+") => (1.0, end + 2),
            _ => (1.0, end + 1),
        };
        if let Some(exponent) = adjacent(at).and_then(|t| t.text.parse::<f64>().ok()) {
            value = value.powf(sign * exponent);
            end = at + 1;
        }
    }
    // 10k, 10G, 1MM, 2bn, 1.4m, 5mln; apart only where the letters say nothing else ("3
    // bn", "4.5 k"; "5 m" is five metres)
    if let Some(suffix) = tokens.get(end).filter(|t| t.kind == TokenKind::Word) {
        let raw = suffix.text.as_str();
        let factor = match raw {
            "k" => Some(1e3),
            "mn" | "mln" => Some(1e6),
            "m" | "mm" if !suffix.gap => Some(1e6),
            "bn" | "bln" => Some(1e9),
            "g" | "b" if !suffix.gap => Some(1e9),
            "tn" | "trn" => Some(1e12),
            "t" if !suffix.gap => Some(1e12),
            _ => None,
        };
        if let Some(factor) = factor {
            return Some(Parsed {
                value: value * factor,
                end: end + 1,
            });
        }
    }
    // 3/4, and 2 1/4 (a whole number and a fraction below one)
    if adjacent(end).is_some_and(|t| t.text == "/") {
        if let Some(denominator) = adjacent(end + 1).and_then(|t| digits_value(&t.text, convention))
        {
            // "3/4" is a fraction; "2222/2222" (a phone number, a date) is not.
            if denominator != 0.0 && value < denominator {
                return Some(Parsed {
                    value: value / denominator,
                    end: end + 2,
                });
            }
        }
    }
    if let (Some(numerator), Some(slash), Some(denominator)) =
        (tokens.get(end), adjacent(end + 1), adjacent(end + 2))
    {
        if numerator.kind == TokenKind::Digits && slash.text == "/" {
            if let (Some(n), Some(d)) = (
                digits_value(&numerator.text, convention),
                digits_value(&denominator.text, convention),
            ) {
                if d != 0.0 && n < d && value.fract() == 0.0 {
                    return Some(Parsed {
                        value: value + n / d,
                        end: end + 3,
                    });
                }
            }
        }
    }
    if let Some(fraction) = tokens.get(end).and_then(|t| {
        t.text
            .chars()
            .next()
            .and_then(vulgar_fraction)
            .filter(|_| t.text.chars().count() == 1)
    }) {
        if value.fract() == 0.0 {
            return Some(Parsed {
                value: value + fraction,
                end: end + 1,
            });
        }
    }
    // "1.4 million", "322 hundred", "3 hundred and 21", "4 thousand 3 hundred and 21"
    scaled(tokens, value, end, convention)
}

/// Continues a number with scale words and the numbers they group.
fn scaled(tokens: &[Token], first: f64, mut end: usize, convention: Convention) -> Option<Parsed> {
    let mut total = 0.0;
    let mut current = first;
    let mut any_scale = false;
    while let Some(token) = tokens.get(end) {
        if let Some(scale) = scale_word(&token.text) {
            if scale == 100.0 {
                current *= 100.0;
            } else {
                total += current * scale;
                current = 0.0;
            }
            any_scale = true;
            end += 1;
            continue;
        }
        if matches!(token.text.as_str(), "dozen" | "dozens" | "dz" | "dzs") {
            current *= 12.0;
            end += 1;
            continue;
        }
        if !any_scale {
            break;
        }
        // After a scale word: "and 21", "3 hundred", "and one".
        let at = if token.text == "and" { end + 1 } else { end };
        let Some(next) = tokens.get(at) else { break };
        let word_value = (token.text == "and")
            .then(|| small_word(&next.text))
            .flatten();
        if (next.kind != TokenKind::Digits && word_value.is_none()) || (at == end && current != 0.0)
        {
            break;
        }
        let Some(value) = word_value.or_else(|| digits_value(&next.text, convention)) else {
            break;
        };
        let has_scale_after = tokens
            .get(at + 1)
            .is_some_and(|t| scale_word(&t.text).is_some());
        if token.text == "and" && has_scale_after {
            break;
        }
        if current != 0.0 && value >= 100.0 {
            break;
        }
        current += value;
        end = at + 1;
    }
    Some(Parsed {
        value: total + current,
        end,
    })
}

/// Number words: "twenty-one trillion and three hundred", "five and a half million",
/// "three fifths", "two hundred point seventy-one", "a dozen", "half".
fn words(tokens: &[Token], start: usize, convention: Convention) -> Option<Parsed> {
    let text = |i: usize| tokens.get(i).map(|t| t.text.as_str());
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_small: Option<f64> = None;
    let mut trailing_scale: Option<f64> = None;
    let mut pending_tens: Option<(f64, usize)> = None;
    let mut end = start;
    let mut seen = false;
    let mut i = start;
    // "a" or "an" counts as one before a scale, "dozen" or a fraction.
    if matches!(text(i), Some("a" | "an")) {
        let next = text(i + 1)?;
        if scale_word(next).is_some() || next == "dozen" || denominator_word(next).is_some() {
            current = 1.0;
            last_small = Some(1.0);
            i += 1;
        } else {
            return None;
        }
    }
    while let Some(word) = text(i) {
        let token = &tokens[i];
        if token.kind == TokenKind::Digits && seen {
            // "4 thousand 3 hundred": digits continue only after a scale word.
            if trailing_scale.is_none() {
                break;
            }
            let Some(value) = digits_value(&token.text, convention) else {
                break;
            };
            current += value;
            last_small = Some(value);
            trailing_scale = None;
            i += 1;
            end = i;
            continue;
        }
        if let Some(value) = small_word(word) {
            if let Some(previous) = last_small {
                // "twenty one", "twenty-one": a unit after tens; anything else ends, but
                // for a compound denominator: "one twenty-fifth", "three twenty-firsts".
                if !(is_tens(previous) && value < 10.0 && value > 0.0) {
                    let unit_ordinal = |w: &str| {
                        let singular = w.strip_suffix('s').unwrap_or(w);
                        ordinal_word(singular).map(|(v, _)| v).filter(|v| *v < 10.0)
                    };
                    let compound = is_tens(value)
                        && text(i + 1) == Some("-")
                        && text(i + 2).and_then(unit_ordinal).is_some();
                    if compound {
                        let unit = text(i + 2).and_then(unit_ordinal).unwrap_or(1.0);
                        return Some(Parsed {
                            value: (total + current) / (value + unit),
                            end: i + 3,
                        });
                    }
                    break;
                }
            }
            pending_tens = (is_tens(value)).then_some((value, i));
            current += value;
            last_small = Some(value);
            trailing_scale = None;
            seen = true;
            i += 1;
            end = i;
            // A hyphen inside "twenty-one"; spaced ("sixty - one") only between tens and a
            // unit.
            let joined =
                !tokens.get(i).is_some_and(|t| t.gap) && tokens.get(i + 1).is_some_and(|t| !t.gap);
            let unit_after = text(i + 1)
                .and_then(small_word)
                .is_some_and(|u| (1.0..10.0).contains(&u));
            if text(i) == Some("-") && (joined || (is_tens(value) && unit_after)) {
                i += 1;
            }
            continue;
        }
        if word == "dozen" || word == "dozens" || word == "dzs" || word == "dz" {
            if !seen && current == 0.0 {
                break;
            }
            let base = last_small.unwrap_or(1.0);
            current = current - base + base * 12.0;
            last_small = None;
            seen = true;
            i += 1;
            end = i;
            // "a dozen and a half" is eighteen: the fraction is of the dozen.
            if text(i) == Some("and") {
                if let Some((fraction, after)) = fraction_phrase(tokens, i + 1) {
                    if text(after).is_none_or(|w| scale_word(w).is_none()) {
                        current += fraction * 12.0;
                        i = after;
                        end = i;
                    }
                }
            }
            continue;
        }
        if let Some(scale) = scale_word(word) {
            if !seen && current == 0.0 {
                break;
            }
            if scale == 100.0 {
                current = if current == 0.0 { 1.0 } else { current } * 100.0;
                trailing_scale = None;
            } else {
                total += if current == 0.0 { 1.0 } else { current } * scale;
                current = 0.0;
                trailing_scale = Some(scale);
            }
            last_small = None;
            pending_tens = None;
            seen = true;
            i += 1;
            end = i;
            continue;
        }
        if word == "half" || word == "quarter" {
            // "half", "half million", "quarter million"
            if seen {
                break;
            }
            current = if word == "half" { 0.5 } else { 0.25 };
            seen = true;
            i += 1;
            end = i;
            continue;
        }
        if word == "and" && seen {
            // "and a half", "and two thirds", "and 21", "and three hundred"
            if let Some((fraction, after)) = fraction_phrase(tokens, i + 1) {
                let followed_by_scale = text(after).and_then(scale_word).is_some();
                match trailing_scale {
                    Some(scale) if !followed_by_scale => total += fraction * scale,
                    _ => current += fraction,
                }
                trailing_scale = None;
                last_small = None;
                i = after;
                end = i;
                continue;
            }
            let next = text(i + 1);
            let continues = next.is_some_and(|n| small_word(n).is_some())
                || tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Digits && trailing_scale.is_some());
            if continues && (trailing_scale.is_some() || current >= 100.0) {
                last_small = None;
                i += 1;
                continue;
            }
            break;
        }
        if word == "and" && !seen {
            break;
        }
        if word == "point" && seen {
            let mut digits = String::new();
            let mut j = i + 1;
            while let Some(value) = text(j).and_then(small_word) {
                if value < 10.0 {
                    digits.push_str(&format!("{}", value as u32));
                } else if is_tens(value) && text(j + 1) == Some("-") {
                    let unit = text(j + 2).and_then(small_word).unwrap_or(0.0);
                    digits.push_str(&format!("{}", (value + unit) as u32));
                    j += 2;
                } else {
                    digits.push_str(&format!("{}", value as u32));
                }
                j += 1;
            }
            if digits.is_empty() {
                break;
            }
            let fraction: f64 = format!("0.{digits}").parse().ok()?;
            current += fraction;
            i = j;
            end = i;
            break;
        }
        if let Some(denominator) = denominator_word(word) {
            // "three fifths", "one twenty-fifth", "a trillionth"
            if !seen && current == 0.0 {
                break;
            }
            let (numerator, denominator) = match pending_tens {
                Some((tens, _)) if denominator < 10.0 && current > tens => {
                    (total + current - tens, tens + denominator)
                }
                _ => (total + current, denominator),
            };
            // "one third of a billion": the fraction of a scale.
            let of_scale = match (text(i + 1), text(i + 2), text(i + 3)) {
                (Some("of"), Some("a" | "an" | "one"), Some(w)) => scale_word(w).map(|s| (s, 4)),
                _ => None,
            };
            let (scale, taken) = of_scale.unwrap_or((1.0, 1));
            return Some(Parsed {
                value: numerator / denominator * scale,
                end: i + taken,
            });
        }
        break;
    }
    (seen && end > start).then_some(Parsed {
        value: total + current,
        end,
    })
}

/// Whether the fraction word at `at` ("half", "quarter") is glued by a hyphen to a word
/// that is no number ("half-dead", "quarter-final"): the first part of a compound, not a
/// number of its own. A unit after it ("half-hour") is for the reader of that unit.
pub fn begins_a_compound(tokens: &[Token], at: usize) -> bool {
    if !matches!(
        tokens.get(at).map(|t| t.text.as_str()),
        Some("half" | "quarter")
    ) {
        return false;
    }
    match (tokens.get(at + 1), tokens.get(at + 2)) {
        (Some(hyphen), Some(next)) => {
            hyphen.text == "-"
                && !hyphen.gap
                && !next.gap
                && next.kind == TokenKind::Word
                && scale_word(&next.text).is_none()
                && small_word(&next.text).is_none()
        }
        _ => false,
    }
}

/// "a half", "a third", "two thirds", "three quarters", "half": a fraction and the token
/// after it.
fn fraction_phrase(tokens: &[Token], start: usize) -> Option<(f64, usize)> {
    let text = |i: usize| tokens.get(i).map(|t| t.text.as_str());
    let (numerator, at) = match text(start)? {
        "a" | "an" | "one" => (1.0, start + 1),
        "half" => return Some((0.5, start + 1)),
        word => (
            small_word(word).filter(|v| *v > 0.0 && *v < 20.0)?,
            start + 1,
        ),
    };
    let denominator = denominator_word(text(at)?)?;
    Some((numerator / denominator, at + 1))
}

/// Reads an ordinal at token `start`: "21st", "first", "one hundred twenty-fifth", "a
/// hundred trillionth".
pub fn ordinal(tokens: &[Token], start: usize, convention: Convention) -> Option<Parsed> {
    let token = tokens.get(start)?;
    if token.kind == TokenKind::Digits {
        let suffix = tokens.get(start + 1).filter(|t| !t.gap)?;
        if !matches!(suffix.text.as_str(), "st" | "nd" | "rd" | "th") {
            return None;
        }
        let value: f64 = token.text.parse().ok()?;
        return Some(Parsed {
            value,
            end: start + 2,
        });
    }
    if let Some((value, _)) = ordinal_word(&token.text) {
        return Some(Parsed {
            value,
            end: start + 1,
        });
    }
    // A cardinal, then an ordinal word: "one hundred twenty-fifth", "two hundredth". Such a
    // cardinal starts with a number word or "a".
    let word = token.text.as_str();
    if small_word(word).is_none() && scale_word(word).is_none() && !matches!(word, "a" | "an") {
        return None;
    }
    let mut best = None;
    let mut end = start + 1;
    while end < tokens.len() && end <= start + 16 {
        let word = tokens[end].text.as_str();
        if let Some((value, is_scale)) = ordinal_word(word) {
            let prefix_end = if tokens[end - 1].text == "-" {
                end - 1
            } else {
                end
            };
            // The part before the ordinal word ends where the word can go on: "twenty
            // third" is 23 and "one hundred and fifth" 105, but "one third" is a fraction.
            let fits = |prefix: f64| {
                is_scale
                    || (value < 10.0 && prefix >= 20.0 && prefix % 10.0 == 0.0)
                    || prefix % 100.0 == 0.0
            };
            if let Some(prefix) = cardinal_exact(tokens, start, prefix_end, convention)
                .filter(|&prefix| prefix > 0.0 && fits(prefix))
            {
                let total = if is_scale {
                    prefix.max(1.0) * value
                } else {
                    prefix + value
                };
                best = Some(Parsed {
                    value: total,
                    end: end + 1,
                });
            }
            break;
        }
        end += 1;
    }
    best
}

/// A cardinal covering exactly tokens `start..end` (for the part before an ordinal word).
fn cardinal_exact(
    tokens: &[Token],
    start: usize,
    end: usize,
    convention: Convention,
) -> Option<f64> {
    let mut slice: Vec<Token> = tokens[start..end].to_vec();
    // "and" at the end belongs to the ordinal: "three hundred and fifth".
    if slice.last().is_some_and(|t| t.text == "and") {
        slice.pop();
    }
    if slice
        .first()
        .is_some_and(|t| t.text == "a" || t.text == "an")
        && slice.len() > 1
    {
        slice[0].text = "one".to_string();
    }
    let parsed = cardinal(&slice, 0, convention)?;
    (parsed.end == slice.len()).then_some(parsed.value)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(text: &str) -> Option<(f64, String)> {
        let tokens = tokenize(text);
        let parsed = cardinal(&tokens, 0, Convention::DotDecimal)?;
        let end = tokens[parsed.end - 1].span.end;
        Some((parsed.value, text[..end].to_string()))
    }

    fn value(text: &str) -> f64 {
        read(text)
            .unwrap_or_else(|| panic!("no number in {text:?}"))
            .0
    }

    #[test]
    fn words_with_scales_and_fractions() {
        assert_eq!(
            value("twenty-one trillion and three hundred"),
            21_000_000_000_300.0
        );
        assert_eq!(value("five and a half million"), 5_500_000.0);
        assert_eq!(
            value("one billion and three quarters million"),
            1_000_750_000.0
        );
        assert_eq!(value("five billion and three quarters"), 5_750_000_000.0);
        assert_eq!(value("three fifths"), 0.6);
        assert_eq!(value("one twenty-fifth"), 0.04);
        assert_eq!(value("two hundred point seventy-one"), 200.71);
        assert_eq!(value("a dozen"), 12.0);
        assert_eq!(value("half million"), 500_000.0);
        assert_eq!(value("forty two and a third"), 42.0 + 1.0 / 3.0);
    }

    #[test]
    fn digits_with_suffixes_exponents_and_fractions() {
        assert_eq!(value("10k"), 10_000.0);
        assert_eq!(value("1.3e6"), 1_300_000.0);
        assert_eq!(value("-12e-1"), -1.2);
        assert_eq!(value("2  1/4"), 2.25);
        assert_eq!(value("3/4"), 0.75);
        assert_eq!(value("12,34,567.89"), 1_234_567.89);
        assert_eq!(value("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(value("1,674.5 million"), 1_674_500_000.0);
        assert_eq!(read("192.168.1.2"), None);
    }

    #[test]
    fn ordinals_in_words_and_digits() {
        let ord = |text: &str| {
            let tokens = tokenize(text);
            ordinal(&tokens, 0, Convention::DotDecimal).map(|p| p.value)
        };
        assert_eq!(ord("21st"), Some(21.0));
        assert_eq!(ord("one hundred twenty-fifth"), Some(125.0));
        assert_eq!(ord("a hundred trillionth"), Some(1e14));
        assert_eq!(ord("two hundredth"), Some(200.0));
        assert_eq!(
            ord("twenty-one trillion and three hundred twenty second"),
            Some(21_000_000_000_322.0)
        );
    }
}
