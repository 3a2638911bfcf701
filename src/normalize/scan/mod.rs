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
use crate::normalize::tokens::{cardinal, ordinal, tokenize, Parsed, Token, TokenKind};
use crate::normalize::units::Units;
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
    /// The units quantities are read in: the shipped ones and a rule set's own.
    pub units: &'static Units,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            reference: None,
            convention: Convention::DotDecimal,
            kinds: Kind::ALL.to_vec(),
            units: Units::builtin(),
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
        reach: Reach::of(&tokens),
        cardinals: Memo::new(tokens.len()),
        ordinals: Memo::new(tokens.len()),
        durations: Memo::new(tokens.len()),
    };
    if wants(Kind::Date) {
        candidates.extend(scanner.dates());
    }
    for start in 0..tokens.len() {
        // Every reader below reads a number within a few tokens of where it starts (a
        // duration may have a word for its amount, but never lacks its unit of time).
        if !scanner.reach.number_near(start) {
            if wants(Kind::Duration) && scanner.reach.time_unit_near(start) {
                candidates.extend(scanner.duration(start));
            }
            continue;
        }
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
    // The chosen spans by where they start: they never overlap one another, so a candidate
    // overlaps one of them only if it overlaps the last one starting before its end.
    let mut taken: std::collections::BTreeMap<(usize, usize), ()> = Default::default();
    let mut chosen: Vec<Mention> = Vec::new();
    for candidate in candidates {
        let span = &candidate.span;
        let overlaps = taken
            .range(..(span.end, 0))
            .next_back()
            .is_some_and(|(&(start, end), _)| start < span.end && span.start < end);
        if !overlaps {
            taken.insert((span.start, span.end), ());
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
    reach: Reach,
    /// The cardinal and the ordinal read at each token, read once: every reader of a kind
    /// asks for the number where it starts.
    cardinals: Memo,
    ordinals: Memo,
    /// The duration starting at each token: the dates ask for it again and again.
    durations: Memo<Mention>,
}

/// What a reader gave at each token, once it has been asked.
struct Memo<T = Parsed>(std::cell::RefCell<Vec<Option<Option<T>>>>);

impl<T: Clone> Memo<T> {
    fn new(tokens: usize) -> Memo<T> {
        Memo(std::cell::RefCell::new(vec![None; tokens]))
    }

    fn get(&self, at: usize, read: impl FnOnce() -> Option<T>) -> Option<T> {
        if let Some(Some(known)) = self.0.borrow().get(at) {
            return known.clone();
        }
        let found = read();
        if let Some(slot) = self.0.borrow_mut().get_mut(at) {
            *slot = Some(found.clone());
        }
        found
    }
}

/// For each token, the nearest token at or after it that may start a number, and the
/// nearest unit of time: a cheap test that may let a reader try in vain but never stops one
/// that would find a mention. It keeps the cost of a text linear in its words, most of
/// which are far from any number.
struct Reach {
    next_number: Vec<usize>,
    next_time_unit: Vec<usize>,
}

impl Reach {
    /// How many tokens a reader may read before its number: the longest qualifier or
    /// currency name and what stands between it and the amount.
    const WINDOW: usize = 8;

    fn of(tokens: &[Token]) -> Reach {
        let mut next_number = vec![usize::MAX; tokens.len() + 1];
        let mut next_time_unit = vec![usize::MAX; tokens.len() + 1];
        for i in (0..tokens.len()).rev() {
            next_number[i] = if may_start_number(&tokens[i]) {
                i
            } else {
                next_number[i + 1]
            };
            next_time_unit[i] = if durations::is_time_unit(&tokens[i].text) {
                i
            } else {
                next_time_unit[i + 1]
            };
        }
        Reach {
            next_number,
            next_time_unit,
        }
    }

    fn number_near(&self, start: usize) -> bool {
        self.next_number[start].saturating_sub(start) <= Self::WINDOW
    }

    fn time_unit_near(&self, start: usize) -> bool {
        self.next_time_unit[start].saturating_sub(start) <= Self::WINDOW
    }
}

/// Whether a number may start at this token: digits, a sign or a fraction sign, or a word
/// the grammar of numbers in words begins with.
fn may_start_number(token: &Token) -> bool {
    use crate::normalize::tokens::{ordinal_word, scale_word, small_word};
    match token.kind {
        TokenKind::Digits => true,
        TokenKind::Symbol => {
            matches!(token.text.as_str(), "-" | "−" | "+")
                || token
                    .text
                    .chars()
                    .next()
                    .and_then(crate::normalize::tokens::vulgar_fraction)
                    .is_some()
        }
        TokenKind::Word => {
            let word = token.text.as_str();
            let singular = word.strip_suffix('s').unwrap_or(word);
            small_word(word).is_some()
                || scale_word(word).is_some()
                || ordinal_word(word).is_some()
                || ordinal_word(singular).is_some()
                || matches!(
                    word,
                    "a" | "an"
                        | "half"
                        | "halves"
                        | "quarter"
                        | "quarters"
                        | "dozen"
                        | "dozens"
                        | "dz"
                        | "dzs"
                        | "minus"
                        | "negative"
                )
        }
    }
}

impl Scanner<'_> {
    /// The longest cardinal starting at token `at` ([`cardinal`]).
    fn cardinal(&self, at: usize) -> Option<Parsed> {
        self.cardinals
            .get(at, || cardinal(self.tokens, at, self.options.convention))
    }

    /// The ordinal starting at token `at` ([`ordinal`]).
    fn ordinal_at(&self, at: usize) -> Option<Parsed> {
        self.ordinals
            .get(at, || ordinal(self.tokens, at, self.options.convention))
    }

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
                previous.kind == TokenKind::Symbol
                    && previous.text != "."
                    && previous.text != ","
                    && !self.is_designation(start)
            }
            TokenKind::Symbol => previous.kind == TokenKind::Symbol || token.text != "-",
        }
    }

    /// Digits joined by a hyphen to a short capitalised code make a model designation, not
    /// a number: "C-17 aircraft", "MiG-29", "Su-27s", "G-20", "COVID-19".
    fn is_designation(&self, digits: usize) -> bool {
        let (Some(hyphen), Some(code)) = (
            digits.checked_sub(1).map(|i| &self.tokens[i]),
            digits.checked_sub(2).map(|i| &self.tokens[i]),
        ) else {
            return false;
        };
        let written = &self.text[code.span.clone()];
        hyphen.text == "-"
            && !hyphen.gap
            && !self.tokens[digits].gap
            && code.kind == TokenKind::Word
            && written.chars().count() <= 5
            && written.starts_with(char::is_uppercase)
            && !crate::normalize::date::is_month_name(written)
    }

    /// A number may start here, and a hyphen here is a sign: not one joining a word or a
    /// number to what follows ("MiG-29", "5-7").
    fn signed_number_starts(&self, start: usize) -> bool {
        if !self.starts_number(start) {
            return false;
        }
        let token = &self.tokens[start];
        let joins = token.text == "-"
            && start > 0
            && !token.gap
            && matches!(
                self.tokens[start - 1].kind,
                TokenKind::Digits | TokenKind::Word
            );
        !joins
    }

    fn cardinal_at(&self, start: usize) -> Option<(f64, usize)> {
        if !self.signed_number_starts(start) {
            return None;
        }
        let parsed = self.cardinal(start)?;
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
    // A duration past the calendar's range ("in 66666666666666 days") leaves the date where
    // it is rather than overflow.
    let moved = match months.and_then(|m| u32::try_from(m).ok()) {
        Some(m) if sign > 0 => date.checked_add_months(chrono::Months::new(m)),
        Some(m) => date.checked_sub_months(chrono::Months::new(m)),
        None => days
            .checked_mul(i64::from(sign))
            .and_then(chrono::Duration::try_days)
            .and_then(|by| date.checked_add_signed(by)),
    };
    moved.unwrap_or(date)
}
