//! The mention scanner: every number, number range, ordinal, percentage, quantity with a
//! unit, duration and date in a text, with its byte span and typed value. Overlapping
//! readings are settled longest first, so "two weeks" is a duration, not a number.

mod dates;
mod durations;
mod measures;
mod numbers;
mod ranges;
mod relative;
#[cfg(test)]
mod tests;

pub use crate::normalize::date::{DateSpan, Reference};
use crate::normalize::number::Convention;
use crate::normalize::tokens::{cardinal, tokenize, Token, TokenKind};
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The kinds of mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Date,
    Currency,
    Age,
    Temperature,
    Duration,
    Quantity,
    Percent,
    NumberRange,
    Ordinal,
    Number,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Number,
        Kind::NumberRange,
        Kind::Ordinal,
        Kind::Percent,
        Kind::Quantity,
        Kind::Duration,
        Kind::Date,
        Kind::Currency,
        Kind::Age,
        Kind::Temperature,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::NumberRange => "numberrange",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Quantity => "quantity",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Currency => "currency",
            Kind::Age => "age",
            Kind::Temperature => "temperature",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A mention's value.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionValue {
    Number(f64),
    NumberRange {
        min: Option<f64>,
        max: Option<f64>,
        min_inclusive: bool,
        max_inclusive: bool,
    },
    Ordinal(i64),
    Percent(f64),
    Quantity {
        value: f64,
        unit: String,
    },
    Duration {
        seconds: f64,
    },
    Date(DateSpan),
    /// Money: the amount and the currency's name, and its ISO 4217 code where the text
    /// names one country's currency.
    Currency {
        value: f64,
        unit: String,
        iso: Option<String>,
    },
    /// An age: how many of `unit` ("Year", "Month", "Week", "Day").
    Age {
        value: f64,
        unit: String,
    },
    /// A temperature: `unit` is "C", "F", "K", or "Degree" when no scale is written.
    Temperature {
        value: f64,
        unit: String,
    },
    /// Written as a date, but no such day exists ("feb 30").
    InvalidDate,
}

/// One mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Range<usize>,
    pub kind: Kind,
    pub value: MentionValue,
}

impl Mention {
    pub(crate) fn date(span: Range<usize>, value: DateSpan) -> Self {
        Mention {
            span,
            kind: Kind::Date,
            value: MentionValue::Date(value),
        }
    }
}

/// What a scan looks for and how it reads it.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub reference: Option<Reference>,
    pub convention: Convention,
    pub kinds: Vec<Kind>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            reference: None,
            convention: Convention::DotDecimal,
            kinds: Kind::ALL.to_vec(),
        }
    }
}

/// Every mention of the wanted kinds in `text`, in text order, none overlapping.
pub fn scan(text: &str, options: &ScanOptions) -> Vec<Mention> {
    let tokens = tokenize(text);
    let mut candidates: Vec<Mention> = Vec::new();
    let wants = |kind: Kind| options.kinds.contains(&kind);
    let scanner = Scanner {
        text,
        tokens: &tokens,
        options,
    };
    if wants(Kind::Date) {
        candidates.extend(scanner.dates());
    }
    for start in 0..tokens.len() {
        if wants(Kind::Currency) {
            candidates.extend(scanner.money(start));
        }
        if wants(Kind::Age) {
            candidates.extend(scanner.age(start));
        }
        if wants(Kind::Temperature) {
            candidates.extend(scanner.temperature(start));
        }
        if wants(Kind::Duration) {
            candidates.extend(scanner.duration(start));
        }
        if wants(Kind::Quantity) {
            candidates.extend(scanner.quantity(start));
        }
        if wants(Kind::Percent) {
            candidates.extend(scanner.percent(start));
        }
        if wants(Kind::NumberRange) {
            candidates.extend(scanner.number_range(start));
        }
        if wants(Kind::Ordinal) {
            candidates.extend(scanner.ordinal(start));
        }
        if wants(Kind::Number) {
            candidates.extend(scanner.numbers(start));
        }
    }
    select(candidates)
}

/// Longest first, then by kind (dates before durations before ... numbers); no overlaps.
fn select(mut candidates: Vec<Mention>) -> Vec<Mention> {
    candidates.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.kind.cmp(&b.kind))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut chosen: Vec<Mention> = Vec::new();
    for candidate in candidates {
        let overlaps = chosen
            .iter()
            .any(|c| c.span.start < candidate.span.end && candidate.span.start < c.span.end);
        if !overlaps {
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|m| (m.span.start, m.span.end));
    chosen
}

/// A text and its tokens, read by the grammar of each kind (one file each).
struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    options: &'a ScanOptions,
}

impl Scanner<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.text.as_str())
    }

    fn span(&self, start: usize, end: usize) -> Range<usize> {
        self.tokens[start].span.start..self.tokens[end - 1].span.end
    }

    /// A number may start here: not inside a word or a digit group ("+1-222": "222" is a
    /// number, "-222" is not).
    fn starts_number(&self, start: usize) -> bool {
        // A comparator or a bracket may end the text: nothing follows it.
        let Some(token) = self.tokens.get(start) else {
            return false;
        };
        if start == 0 || token.gap {
            return true;
        }
        let previous = &self.tokens[start - 1];
        match token.kind {
            TokenKind::Word => previous.kind != TokenKind::Word,
            TokenKind::Digits => {
                previous.kind == TokenKind::Symbol && previous.text != "." && previous.text != ","
            }
            TokenKind::Symbol => previous.kind == TokenKind::Symbol || token.text != "-",
        }
    }

    fn cardinal_at(&self, start: usize) -> Option<(f64, usize)> {
        if !self.starts_number(start) {
            return None;
        }
        let token = &self.tokens[start];
        if token.text == "-" {
            let previous_is_number = start > 0
                && !token.gap
                && matches!(
                    self.tokens[start - 1].kind,
                    TokenKind::Digits | TokenKind::Word
                );
            if previous_is_number {
                return None;
            }
        }
        let parsed = cardinal(self.tokens, start, self.options.convention)?;
        // A number does not run into letters: "10kg" is a quantity, not a number.
        let next = self.tokens.get(parsed.end);
        let runs_into_word = next.is_some_and(|t| !t.gap && t.kind == TokenKind::Word)
            && self.tokens[parsed.end - 1].kind != TokenKind::Word;
        (!runs_into_word).then_some((parsed.value, parsed.end))
    }

    /// The index of the token that starts at or after byte `at`.
    fn token_end(&self, at: usize) -> usize {
        self.tokens
            .iter()
            .position(|t| t.span.start >= at)
            .unwrap_or(self.tokens.len())
    }
}

/// Whether a date as written names its year ("Oct 2020", "5/1/2019"), as opposed to one
/// taken from the reference.
fn has_year(text: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"\b(?:1[89]|20)\d{2}\b|\d{1,2}/\d{1,2}/\d{2}$").unwrap()
    });
    YEAR.is_match(text)
}

/// `date` moved by a duration: whole months and years by the calendar, the rest by days.
fn shift(date: NaiveDate, seconds: f64, sign: i32) -> NaiveDate {
    const DAY: f64 = 86_400.0;
    let days = (seconds / DAY).round() as i64;
    let months = if days > 0 && days % 365 == 0 {
        Some(days / 365 * 12)
    } else if days > 0 && days % 30 == 0 {
        Some(days / 30)
    } else {
        None
    };
    let moved = match months.and_then(|m| u32::try_from(m).ok()) {
        Some(m) if sign > 0 => date.checked_add_months(chrono::Months::new(m)),
        Some(m) => date.checked_sub_months(chrono::Months::new(m)),
        None => date.checked_add_signed(chrono::Duration::days(days * i64::from(sign))),
    };
    moved.unwrap_or(date)
}
