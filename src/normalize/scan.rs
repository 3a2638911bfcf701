//! The mention scanner: every number, number range, ordinal, percentage, quantity with a
//! unit, duration and date in a text, with its byte span and typed value. Overlapping
//! readings are settled longest first, so "two weeks" is a duration, not a number.

use super::date::{parse_date, DateSpan, Grain, Reference, DATE};
use super::number::Convention;
use super::qualifier::Qualifier;
use super::tokens::{cardinal, ordinal, tokenize, Token, TokenKind};
use super::units::Units;
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The kinds of mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Date,
    Duration,
    Quantity,
    Percent,
    NumberRange,
    Ordinal,
    Number,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Number,
        Kind::NumberRange,
        Kind::Ordinal,
        Kind::Percent,
        Kind::Quantity,
        Kind::Duration,
        Kind::Date,
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

    /// The number starting at token `start`; digits whose separators do not make one
    /// number ("192.168.1.2", "22,24,26") are several.
    fn numbers(&self, start: usize) -> Vec<Mention> {
        let token = &self.tokens[start];
        if token.kind != TokenKind::Digits || super::tokens::valid_grouping(&token.text) {
            return self.number(start).into_iter().collect();
        }
        if !self.starts_number(start) {
            return Vec::new();
        }
        let mut offset = token.span.start;
        token
            .text
            .split([',', '.'])
            .filter_map(|part| {
                let span = offset..offset + part.len();
                offset += part.len() + 1;
                Some(Mention {
                    span,
                    kind: Kind::Number,
                    value: MentionValue::Number(part.parse().ok()?),
                })
            })
            .collect()
    }

    fn number(&self, start: usize) -> Option<Mention> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = cardinal(self.tokens, start, self.options.convention)?;
        Some(Mention {
            span: self.span(start, parsed.end),
            kind: Kind::Number,
            value: MentionValue::Number(parsed.value),
        })
        .filter(|_| self.tokens[start].text != "-" || self.cardinal_at(start).is_some())
    }

    fn ordinal(&self, start: usize) -> Option<Mention> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = ordinal(self.tokens, start, self.options.convention)?;
        Some(Mention {
            span: self.span(start, parsed.end),
            kind: Kind::Ordinal,
            value: MentionValue::Ordinal(parsed.value as i64),
        })
    }

    fn percent(&self, start: usize) -> Option<Mention> {
        let word = |i| self.word(i);
        // "percent of 10", "per cent of twenty-two"
        let after_of = match (word(start), word(start + 1), word(start + 2)) {
            (Some("percent"), Some("of"), _) => Some(start + 2),
            (Some("per"), Some("cent"), Some("of")) => Some(start + 3),
            _ => None,
        };
        if let Some(at) = after_of {
            let (value, end) = self.cardinal_at(at)?;
            return Some(Mention {
                span: self.span(start, end),
                kind: Kind::Percent,
                value: MentionValue::Percent(value),
            });
        }
        let (value, end) = self.cardinal_at(start)?;
        let sign_end = match (word(end), word(end + 1)) {
            (Some("%"), _) => end + 1,
            (Some("percent" | "percents" | "pct"), _) => end + 1,
            (Some("per"), Some("cent")) => end + 2,
            _ => return None,
        };
        Some(Mention {
            span: self.span(start, sign_end),
            kind: Kind::Percent,
            value: MentionValue::Percent(value),
        })
    }

    fn quantity(&self, start: usize) -> Option<Mention> {
        let (value, end) = self.number_before_unit(start)?;
        let (unit, unit_end) = self.unit_after(end)?;
        let mut total = value;
        let mut last = unit_end;
        // "5 ft 2 in", "5 feet and 2 inches"
        if unit.name == "foot" {
            let at = if self.word(unit_end) == Some("and") {
                unit_end + 1
            } else {
                unit_end
            };
            if let Some((inches, inch_end)) = self.cardinal_at(at) {
                if matches!(self.word(inch_end), Some("in" | "inch" | "inches" | "\"")) {
                    total += inches / 12.0;
                    last = inch_end + 1;
                }
            }
        }
        Some(Mention {
            span: self.span(start, last),
            kind: Kind::Quantity,
            value: MentionValue::Quantity {
                value: total,
                unit: unit.name.clone(),
            },
        })
    }

    /// A number as it stands before a unit: "200lbs", "3-inch", "10 1/2 miles", "1.8m".
    fn number_before_unit(&self, start: usize) -> Option<(f64, usize)> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = cardinal(self.tokens, start, self.options.convention)?;
        Some((parsed.value, parsed.end)).map(|(v, e)| {
            // Digits directly followed by a unit letter were read with the letter as a
            // suffix ("1m" as a million): read them without it.
            if self.tokens[start].kind == TokenKind::Digits
                && e == start + 2
                && !self.tokens[start + 1].gap
                && self.tokens[start + 1].kind == TokenKind::Word
            {
                let plain =
                    super::tokens::digits_value(&self.tokens[start].text, self.options.convention)
                        .unwrap_or(v);
                (plain, start + 1)
            } else {
                (v, e)
            }
        })
    }

    /// The unit written after token `at` (longest alias first), and the token after it.
    fn unit_after(&self, at: usize) -> Option<(&'static super::units::Unit, usize)> {
        let token = self.tokens.get(at)?;
        let mut from = token.span.start;
        let mut first = at;
        // "3-inch", "20 (kg)", "20 [kg]"
        if matches!(token.text.as_str(), "-" | "(" | "[") {
            first = at + 1;
            from = self.tokens.get(first)?.span.start;
        }
        let rest = &self.text[from..];
        let (unit, length) = Units::builtin().longest_alias(rest)?;
        let end_byte = from + length;
        let mut end = first;
        while end < self.tokens.len() && self.tokens[end].span.end <= end_byte {
            end += 1;
        }
        if end == first {
            return None;
        }
        if matches!(token.text.as_str(), "(" | "[") {
            let close = if token.text == "(" { ")" } else { "]" };
            if self.word(end) == Some(close) {
                end += 1;
            } else {
                return None;
            }
        }
        // "in" is an inch only where nothing else can be meant.
        if unit.name == "inch" && self.text[from..end_byte].eq_ignore_ascii_case("in") {
            return None;
        }
        Some((unit, end))
    }

    fn number_range(&self, start: usize) -> Option<Mention> {
        let first = self.bound(start)?;
        let mut best = Mention {
            span: self.span(start, first.end),
            kind: Kind::NumberRange,
            value: first.value(),
        };
        // "greater than 30 and less than or equal to 40", "at most 100 and at least 20"
        if let Some(joiner) = self.word(first.end) {
            if matches!(joiner, "and" | "but" | ",") {
                if let Some(second) = self.bound(first.end + 1) {
                    if let Some(value) = first.combine(&second) {
                        best = Mention {
                            span: self.span(start, second.end),
                            kind: Kind::NumberRange,
                            value,
                        };
                    }
                }
            }
        }
        Some(best)
    }

    /// One bound or interval: "more than 40", "between 20 and 30", "500-600", "30 or more".
    fn bound(&self, start: usize) -> Option<Bound> {
        let words: Vec<&str> = (start..start + 7).filter_map(|i| self.word(i)).collect();
        // Comparators come from the one list of qualifiers; approximation words ("about")
        // do not make a range.
        let best = super::qualifier::before(&words).and_then(|(qualifier, length)| {
            let kind = match qualifier {
                Qualifier::Above { inclusive } => BoundKind::Lower(inclusive),
                Qualifier::Below { inclusive } => BoundKind::Upper(inclusive),
                Qualifier::Exactly => BoundKind::Exact,
                Qualifier::About | Qualifier::Nearly => return None,
            };
            Some((length, kind))
        });
        if let Some((length, kind)) = best {
            let at = start + length;
            let at = if self.word(at) == Some("the") {
                at + 1
            } else {
                at
            };
            let (value, end) = self.value_at(at)?;
            // "less than 5000 or equal"
            if let BoundKind::Upper(false) = kind {
                if self.word(end) == Some("or") && self.word(end + 1) == Some("equal") {
                    return Some(Bound {
                        kind: BoundKind::Upper(true),
                        value,
                        high: None,
                        end: end + 2,
                    });
                }
            }
            return Some(Bound {
                kind,
                value,
                high: None,
                end,
            });
        }
        // "between 20 and 30", "from 1000 to 1500", "20 through 100", "1000-5000"
        let (open, at) = match words.first() {
            Some(&"between") => (true, start + 1),
            Some(&"from") => (true, start + 1),
            _ => (false, start),
        };
        let at = if self.word(at) == Some("the") {
            at + 1
        } else {
            at
        };
        let (low, low_end) = self.value_at(at)?;
        let joiner = self.word(low_end)?;
        let valid_joiner = match joiner {
            "and" => words.first() == Some(&"between"),
            "to" | "till" | "until" => open || words.first() != Some(&"between"),
            "through" | "-" | "–" | "~" => true,
            "or" | "and_" => false,
            _ => false,
        };
        if valid_joiner {
            let next = low_end + 1;
            let next = if self.word(next) == Some("the") {
                next + 1
            } else {
                next
            };
            if let Some((high, high_end)) = self.value_at(next) {
                if high > low && (open || joiner != "to") {
                    return Some(Bound {
                        kind: BoundKind::Between,
                        value: low,
                        high: Some(high),
                        end: high_end,
                    });
                }
            }
        }
        // "30 or more", "500 and more", "300 or less than"
        let tail: Vec<&str> = (low_end..low_end + 3)
            .filter_map(|i| self.word(i))
            .collect();
        // "200 or greater than 190" is two bounds: "than" belongs to the second.
        let tail = match super::qualifier::after(&tail) {
            Some((_, length)) if tail.get(length - 1) == Some(&"than") => {
                if self.value_at(low_end + length).is_some() {
                    &tail[..length - 1]
                } else {
                    &tail[..]
                }
            }
            _ => &tail[..],
        };
        let (kind, length) = match super::qualifier::after(tail)? {
            (Qualifier::Above { inclusive }, length) => (BoundKind::Lower(inclusive), length),
            (Qualifier::Below { inclusive }, length) => (BoundKind::Upper(inclusive), length),
            _ => return None,
        };
        Some(Bound {
            kind,
            value: low,
            high: None,
            end: low_end + length,
        })
    }

    /// A cardinal, or an ordinal ("the tenth") as the number it names.
    fn value_at(&self, at: usize) -> Option<(f64, usize)> {
        let as_ordinal = ordinal(self.tokens, at, self.options.convention);
        let as_cardinal = self.cardinal_at(at).or_else(|| {
            // "<-30": a sign right after a comparator.
            (self.word(at) == Some("-"))
                .then(|| cardinal(self.tokens, at, self.options.convention))
                .flatten()
                .map(|p| (p.value, p.end))
        });
        match (as_cardinal, as_ordinal) {
            (Some(c), Some(o)) if o.end > c.1 => Some((o.value, o.end)),
            (Some(c), _) => Some(c),
            (None, Some(o)) => Some((o.value, o.end)),
            (None, None) => None,
        }
    }

    fn duration(&self, start: usize) -> Option<Mention> {
        // A qualifier is part of the mention but not of the value; a word that may be
        // either ("some days") is read as the amount when no amount follows it.
        let words: Vec<&str> = (start..start + 5).filter_map(|i| self.word(i)).collect();
        super::qualifier::before(&words)
            .and_then(|(_, length)| self.duration_from(start, start + length))
            .or_else(|| self.duration_from(start, start))
    }

    /// The duration whose mention starts at token `start` and whose amounts start at `i`.
    fn duration_from(&self, start: usize, mut i: usize) -> Option<Mention> {
        let word = |i: usize| self.word(i);
        let mut seconds = 0.0;
        let mut end = None;
        while let Some((amount, after)) = self.duration_amount(i) {
            let Some((unit_seconds, unit_end)) = self.time_unit(after) else {
                break;
            };
            let mut part = amount * unit_seconds;
            let mut next = unit_end;
            // "an hour and half", "one hour and a half"
            if word(next) == Some("and") {
                match (word(next + 1), word(next + 2)) {
                    (Some("half"), _) => {
                        part += unit_seconds / 2.0;
                        next += 2;
                    }
                    (Some("a"), Some("half")) => {
                        part += unit_seconds / 2.0;
                        next += 3;
                    }
                    _ => {}
                }
            }
            if end.is_some() && word(next) == Some("ago") {
                // "the last 3 months and 2 days ago": the second part is a date of its own.
                break;
            }
            seconds += part;
            end = Some(next);
            // "1 year 1 month 21 days", "1 hour and 30 minutes"
            i = if word(next) == Some("and") {
                next + 1
            } else {
                next
            };
        }
        let end = end?;
        Some(Mention {
            span: self.span(start, end),
            kind: Kind::Duration,
            value: MentionValue::Duration { seconds },
        })
    }

    /// How many units: a cardinal, or "a", "an", "all", "full", "couple of", "a few", ...
    fn duration_amount(&self, at: usize) -> Option<(f64, usize)> {
        let word = |i: usize| self.word(i);
        match (word(at), word(at + 1), word(at + 2)) {
            (Some("half"), Some("an" | "a"), _) => return Some((0.5, at + 2)),
            (Some("a" | "the"), Some("couple"), Some("of")) => return Some((2.0, at + 3)),
            (Some("couple"), Some("of"), _) => return Some((2.0, at + 2)),
            (Some("a"), Some("few"), _) => return Some((3.0, at + 2)),
            (Some("few" | "several" | "some"), _, _) => return Some((3.0, at + 1)),
            (Some("all" | "full" | "whole"), Some("-"), _) => return Some((1.0, at + 2)),
            (Some("all" | "full" | "whole"), _, _) => return Some((1.0, at + 1)),
            (Some("a" | "an" | "one"), Some("and"), Some("a" | "half")) => {
                let after = if word(at + 2) == Some("a") {
                    at + 4
                } else {
                    at + 3
                };
                return Some((1.5, after));
            }
            (Some("a" | "an" | "another"), _, _) => return Some((1.0, at + 1)),
            _ => {}
        }
        let token = self.tokens.get(at)?;
        if token.kind == TokenKind::Digits || token.kind == TokenKind::Symbol {
            let parsed = cardinal(self.tokens, at, self.options.convention)?;
            // "3h", "2W": the unit letter may stick to the digits (read as a suffix).
            let end = if parsed.end == at + 2
                && !self.tokens[at + 1].gap
                && self.tokens[at + 1].kind == TokenKind::Word
            {
                at + 1
            } else {
                parsed.end
            };
            let value = if end == at + 1 {
                super::tokens::digits_value(&token.text, self.options.convention).or_else(|| {
                    token
                        .text
                        .chars()
                        .next()
                        .and_then(super::tokens::vulgar_fraction)
                })?
            } else {
                parsed.value
            };
            return Some((value, end));
        }
        if let Some(value) = word(at).and_then(super::tokens::small_word) {
            if self.time_unit(at + 1).is_some() {
                return Some((value, at + 1));
            }
        }
        let parsed = cardinal(self.tokens, at, self.options.convention)?;
        Some((parsed.value, parsed.end))
    }

    /// A unit of time after token `at` (allowing "3-min", "all-day") and its length.
    fn time_unit(&self, at: usize) -> Option<(f64, usize)> {
        let at = if self.word(at) == Some("-") {
            at + 1
        } else {
            at
        };
        let seconds = match self.word(at)? {
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "min" | "mins" | "minute" | "minutes" => 60.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" | "night" | "nights" => 86400.0,
            "weekend" | "weekends" => 2.0 * 86400.0,
            "w" | "wk" | "wks" | "week" | "weeks" => 7.0 * 86400.0,
            "fortnight" | "fortnights" => 14.0 * 86400.0,
            "month" | "months" => 30.0 * 86400.0,
            "quarter" | "quarters" => 90.0 * 86400.0,
            "y" | "yr" | "yrs" | "year" | "years" => 365.0 * 86400.0,
            "decade" | "decades" => 3650.0 * 86400.0,
            "century" | "centuries" => 36500.0 * 86400.0,
            _ => return None,
        };
        Some((seconds, at + 1))
    }

    fn dates(&self) -> Vec<Mention> {
        static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(&format!(r"(?i:\b(?:on|in|of)\s+)?{}", *DATE))
                .expect("date fragment compiles")
        });
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = DATE_RE.find_at(self.text, at) {
            at = m.end().max(m.start() + 1);
            // "$12 December 27": the number is an amount; the date starts after it.
            if self.text[..m.start()].trim_end().ends_with('$')
                && m.as_str().starts_with(|c: char| c.is_ascii_digit())
            {
                at = m.start() + m.as_str().find(|c: char| !c.is_ascii_digit()).unwrap_or(1);
                continue;
            }
            let lead_text = m.as_str();
            let body = lead_text
                .split_once(char::is_whitespace)
                .filter(|(w, _)| matches!(w.to_lowercase().as_str(), "on" | "in" | "of"))
                .map_or(lead_text, |(_, rest)| rest.trim_start());
            if let Some(span) = parse_date(body, self.options.reference) {
                let mut range = m.range();
                // Keep "on"/"in" out of the span.
                let lead = m.as_str().len()
                    - m.as_str()
                        .trim_start_matches(|c: char| c.is_alphabetic())
                        .len();
                let lead_word = &m.as_str()[..lead].to_lowercase();
                if matches!(lead_word.as_str(), "on" | "in" | "of") {
                    let trimmed = m.as_str()[lead..].trim_start();
                    range.start = range.end - trimmed.len();
                }
                found.push(Mention {
                    span: range,
                    kind: Kind::Date,
                    value: MentionValue::Date(span),
                });
            } else if super::date::is_impossible_date(body) {
                found.push(Mention {
                    span: m.range(),
                    kind: Kind::Date,
                    value: MentionValue::InvalidDate,
                });
            }
        }
        found.extend(self.holidays());
        let mut combined = self.date_ranges(&found);
        combined.extend(self.open_dates(&found));
        combined.extend(self.anchored_spans(&found));
        combined.extend(self.refined_dates(&found));
        combined.extend(self.relative_dates(&found));
        found.extend(combined);
        found
    }
}

impl Scanner<'_> {
    /// "from May to September", "between 2014 and 2018", "2014-2018", "Nov-Feb 2017": two
    /// dates joined into the range from the start of the first to the end of the second.
    fn date_ranges(&self, dates: &[Mention]) -> Vec<Mention> {
        static JOIN: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"^\s*(?:-|–|~|(?i:to|till|until|through|and|thru))\s*$")
                .unwrap()
        });
        static OPEN: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)\b(from|between)\s+(?:the\s+)?$").unwrap()
        });
        let mut ranges = Vec::new();
        for pair in dates.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            let (MentionValue::Date(a), MentionValue::Date(b)) = (&first.value, &second.value)
            else {
                continue;
            };
            if first.span.end > second.span.start {
                continue;
            }
            let between = &self.text[first.span.end..second.span.start];
            if !JOIN.is_match(between) {
                continue;
            }
            let before = &self.text[..first.span.start];
            let opener = OPEN.captures(before);
            let joined_by_and = between.trim().eq_ignore_ascii_case("and");
            if joined_by_and
                && !opener
                    .as_ref()
                    .is_some_and(|c| c[1].eq_ignore_ascii_case("between"))
            {
                continue;
            }
            // A first date without a year takes the second's ("Nov-Feb 2017" starts in 2016).
            let mut start = a.start;
            let first_text = &self.text[first.span.clone()];
            let this_before = self.text[..first.span.start]
                .to_lowercase()
                .trim_end()
                .ends_with("this");
            if !has_year(first_text) && !this_before && a.start.year() != b.start.year() {
                let year = if a.start.month() > b.start.month() {
                    b.start.year() - 1
                } else {
                    b.start.year()
                };
                start = a.start.with_year(year).unwrap_or(a.start);
            }
            let mut end = b.end;
            if start >= end {
                // "from 10/25 to 01/25": the second date is in the next year.
                let second_text = &self.text[second.span.clone()];
                if !has_year(second_text) {
                    end = b.end.with_year(b.end.year() + 1).unwrap_or(b.end);
                }
            }
            if start >= end {
                continue;
            }
            let span_start = opener.map_or(first.span.start, |c| {
                c.get(0).map_or(first.span.start, |m| m.start())
            });
            ranges.push(Mention {
                span: span_start..second.span.end,
                kind: Kind::Date,
                value: MentionValue::Date(DateSpan {
                    start,
                    end,
                    grain: Grain::Span,
                    year_assumed: a.year_assumed || b.year_assumed,
                }),
            });
        }
        ranges
    }

    /// "the first 2 weeks of 2021", "the last four months of 2021", "earlier this month",
    /// "later this week", "August two thousand and fifteen".
    fn refined_dates(&self, dates: &[Mention]) -> Vec<Mention> {
        static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)\b(?:the\s+)?(first|last)\s+$").unwrap()
        });
        let mut found = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            let before = &self.text[..date.span.start];
            // "<first|last> <duration> of <date>"
            if let Some(of_at) = before
                .trim_end()
                .to_lowercase()
                .strip_suffix(" of")
                .map(|b| b.len())
            {
                let duration = (0..self.tokens.len())
                    .filter(|&i| self.tokens[i].span.start < of_at)
                    .find_map(|i| self.duration(i).filter(|d| d.span.end == of_at));
                if let (Some(duration), true) = (duration, true) {
                    if let (MentionValue::Duration { seconds }, Some(caps)) = (
                        &duration.value,
                        PART_OF.captures(&self.text[..duration.span.start]),
                    ) {
                        let weeks = self.text[duration.span.clone()]
                            .to_lowercase()
                            .contains("week");
                        let (start, end) = if caps[1].eq_ignore_ascii_case("first") {
                            let mut start = span.start;
                            if weeks {
                                while start.weekday() != Weekday::Mon {
                                    start = start.succ_opt().unwrap_or(start);
                                }
                            }
                            (start, shift(start, *seconds, 1))
                        } else {
                            let mut end = span.end;
                            if weeks {
                                while end.weekday() != Weekday::Mon {
                                    end = end.pred_opt().unwrap_or(end);
                                }
                            }
                            (shift(end, *seconds, -1), end)
                        };
                        found.push(Mention {
                            span: caps.get(0).map_or(duration.span.start, |m| m.start())
                                ..date.span.end,
                            kind: Kind::Date,
                            value: MentionValue::Date(DateSpan {
                                start,
                                end,
                                grain: Grain::Span,
                                year_assumed: span.year_assumed,
                            }),
                        });
                    }
                }
            }
            // "earlier this month" (its first half), "later this week" (Thursday on)
            let lower_before = before.trim_end().to_lowercase();
            let earlier = lower_before.ends_with("earlier");
            let later = lower_before.ends_with("later");
            if (earlier || later) && matches!(span.grain, Grain::Week | Grain::Month | Grain::Year)
            {
                let today = self.options.reference.map_or(span.start, |r| r.date);
                let (start, end) = match (span.grain, earlier) {
                    (Grain::Week, true) => (span.start, span.start + chrono::Duration::days(3)),
                    (Grain::Week, false) => (
                        (span.start + chrono::Duration::days(3)).max(today),
                        span.end,
                    ),
                    (Grain::Month, true) => (span.start, span.start + chrono::Duration::days(15)),
                    (Grain::Month, false) => (span.start + chrono::Duration::days(15), span.end),
                    (_, true) => (span.start, today.clamp(span.start, span.end)),
                    (_, false) => (today.clamp(span.start, span.end), span.end),
                };
                let keyword = if earlier { "earlier" } else { "later" };
                found.push(Mention {
                    span: before.trim_end().len() - keyword.len()..date.span.end,
                    kind: Kind::Date,
                    value: MentionValue::Date(DateSpan {
                        start,
                        end,
                        grain: Grain::Span,
                        year_assumed: span.year_assumed,
                    }),
                });
            }
            // A month, then its year in words: "August two thousand and fifteen".
            if span.grain == Grain::Month || span.grain == Grain::Day {
                let next = self.token_end(date.span.end);
                if let Some((year, end)) = self.year_in_words(next) {
                    let start = span.start.with_year(year).unwrap_or(span.start);
                    let end_date = span
                        .end
                        .with_year(if span.end.month() == 1 && span.grain == Grain::Month {
                            year + 1
                        } else {
                            year
                        })
                        .unwrap_or(span.end);
                    found.push(Mention {
                        span: date.span.start..self.tokens[end - 1].span.end,
                        kind: Kind::Date,
                        value: MentionValue::Date(DateSpan {
                            start,
                            end: end_date,
                            grain: span.grain,
                            year_assumed: false,
                        }),
                    });
                }
            }
        }
        // "in two thousand and twenty"
        for start in 0..self.tokens.len() {
            if self.word(start) == Some("in") {
                if let Some((year, end)) = self.year_in_words(start + 1) {
                    if let (Some(from), Some(to)) = (
                        NaiveDate::from_ymd_opt(year, 1, 1),
                        NaiveDate::from_ymd_opt(year + 1, 1, 1),
                    ) {
                        found.push(Mention {
                            span: self.span(start + 1, end),
                            kind: Kind::Date,
                            value: MentionValue::Date(DateSpan {
                                start: from,
                                end: to,
                                grain: Grain::Year,
                                year_assumed: false,
                            }),
                        });
                    }
                }
            }
        }
        found
    }

    /// A year written in words at token `at`: "two thousand and fifteen", "nineteen
    /// eighty six".
    fn year_in_words(&self, at: usize) -> Option<(i32, usize)> {
        if self.tokens.get(at)?.kind != TokenKind::Word {
            return None;
        }
        let convention = self.options.convention;
        if let Some(parsed) = cardinal(self.tokens, at, convention) {
            if (1000.0..2200.0).contains(&parsed.value) && parsed.value.fract() == 0.0 {
                return Some((parsed.value as i32, parsed.end));
            }
        }
        // "nineteen eighty six": a century and a year of it.
        let century = super::tokens::small_word(self.word(at)?)?;
        if !(10.0..=20.0).contains(&century) {
            return None;
        }
        let rest = cardinal(self.tokens, at + 1, convention)?;
        (rest.value < 100.0 && rest.value.fract() == 0.0)
            .then_some(((century * 100.0 + rest.value) as i32, rest.end))
    }

    /// "easter 2018", "last Easter", "next new year day", "Christmas".
    fn holidays(&self) -> Vec<Mention> {
        static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)\b(?:(next|last|previous|following|this|coming)\s+)?(easter(?:\s+sunday)?|christmas(?:\s+eve|\s+day)?|xmas|new\s+year(?:['’]s)?\s+day|black\s+friday|thanksgiving(?:\s+day)?|labou?r\s+day|independence\s+day)(?:,?\s+((?:19|20)\d{2}))?\b").unwrap()
        });
        let mut found = Vec::new();
        for caps in HOLIDAY.captures_iter(self.text) {
            let name = &caps[2];
            let today = self.options.reference.map(|r| r.date);
            let date = match (
                caps.get(3),
                caps.get(1).map(|m| m.as_str().to_lowercase()),
                today,
            ) {
                (Some(year), _, _) => year
                    .as_str()
                    .parse()
                    .ok()
                    .and_then(|y| super::date::holiday(name, y)),
                (None, Some(modifier), Some(today)) => {
                    let this = super::date::holiday(name, today.year());
                    match modifier.as_str() {
                        "last" | "previous" => this
                            .filter(|d| *d < today)
                            .or_else(|| super::date::holiday(name, today.year() - 1)),
                        "next" | "following" | "coming" => this
                            .filter(|d| *d > today)
                            .or_else(|| super::date::holiday(name, today.year() + 1)),
                        _ => this,
                    }
                }
                (None, None, Some(today)) => super::date::holiday(name, today.year()),
                _ => None,
            };
            if let Some(date) = date {
                let whole = caps.get(0).map_or(0..0, |m| m.range());
                // "labor day weekend", "weekend of thanksgiving 2023": the long weekend.
                let after_weekend = self.text[whole.end..]
                    .to_lowercase()
                    .trim_start()
                    .starts_with("weekend");
                let before = self.text[..whole.start].to_lowercase();
                let before_weekend = before.trim_end().ends_with("weekend of");
                if after_weekend || before_weekend {
                    let (start, end) = match date.weekday() {
                        Weekday::Mon => (
                            date - chrono::Duration::days(2),
                            date + chrono::Duration::days(1),
                        ),
                        _ => {
                            let mut monday = date.succ_opt().unwrap_or(date);
                            while monday.weekday() != Weekday::Mon {
                                monday = monday.succ_opt().unwrap_or(monday);
                            }
                            (date, monday)
                        }
                    };
                    let span_start = if before_weekend {
                        before.trim_end().len() - "weekend of".len()
                    } else {
                        whole.start
                    };
                    let span_end = if after_weekend {
                        let rest = &self.text[whole.end..];
                        whole.end + (rest.len() - rest.trim_start().len()) + "weekend".len()
                    } else {
                        whole.end
                    };
                    found.push(Mention {
                        span: span_start..span_end,
                        kind: Kind::Date,
                        value: MentionValue::Date(DateSpan {
                            start,
                            end,
                            grain: Grain::Span,
                            year_assumed: false,
                        }),
                    });
                }
                found.push(Mention {
                    span: caps.get(0).map_or(0..0, |m| m.range()),
                    kind: Kind::Date,
                    value: MentionValue::Date(DateSpan {
                        start: date,
                        end: date.succ_opt().unwrap_or(date),
                        grain: Grain::Day,
                        year_assumed: false,
                    }),
                });
            }
        }
        found
    }

    /// "the week of April 10th" (Monday to Monday), "the week commencing February 4",
    /// "2 weeks starting May 20th".
    fn anchored_spans(&self, dates: &[Mention]) -> Vec<Mention> {
        static WEEK_OF: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(
                r"(?i)\b(?:the\s+)?week\s+(of|commencing|starting|beginning)\s+(?:on\s+)?$",
            )
            .unwrap()
        });
        let mut found = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            let before = &self.text[..date.span.start];
            if let Some(caps) = WEEK_OF.captures(before) {
                let start = if caps[1].eq_ignore_ascii_case("of") {
                    span.start
                        - chrono::Duration::days(span.start.weekday().num_days_from_monday() as i64)
                } else {
                    span.start
                };
                found.push(Mention {
                    span: caps.get(0).map_or(date.span.start, |m| m.start())..date.span.end,
                    kind: Kind::Date,
                    value: MentionValue::Date(DateSpan {
                        start,
                        end: start + chrono::Duration::days(7),
                        grain: Grain::Week,
                        year_assumed: span.year_assumed,
                    }),
                });
            }
            let starting = before.trim_end().to_lowercase();
            if starting.ends_with("starting") || starting.ends_with("beginning") {
                let keyword_at =
                    before.trim_end().len() - "starting".len().min(before.trim_end().len());
                let anchor = self.token_end(keyword_at);
                let duration_start = (0..anchor).rev().find_map(|i| {
                    self.duration(i).filter(|d| {
                        d.span.end <= keyword_at
                            && self.text[d.span.end..keyword_at].trim().is_empty()
                    })
                });
                if let Some(duration) = duration_start {
                    if let MentionValue::Duration { seconds } = duration.value {
                        found.push(Mention {
                            span: duration.span.start..date.span.end,
                            kind: Kind::Date,
                            value: MentionValue::Date(DateSpan {
                                start: span.start,
                                end: shift(span.start, seconds, 1),
                                grain: Grain::Span,
                                year_assumed: span.year_assumed,
                            }),
                        });
                    }
                }
            }
        }
        found
    }

    /// "after 2018", "since late July", "starting January 7th", "before 2010": ranges open at
    /// one end.
    fn open_dates(&self, dates: &[Mention]) -> Vec<Mention> {
        static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)(\bafter|\blater\s+than|\bsince|\bstarting(?:\s+on|\s+from)?|\bbeginning(?:\s+on)?|\bbefore|\buntil|\btill|\bearlier\s+than|[<>]\s*=?)\s*(?:the\s+(?:year\s+)?|this\s+)?$").unwrap()
        });
        let mut open = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            let Some(caps) = BEFORE.captures(&self.text[..date.span.start]) else {
                continue;
            };
            let word = caps[1].to_lowercase();
            // "from May" opens a range only when no end follows ("from May to October").
            let rest = &self.text[date.span.end..];
            let ranged = span.grain == Grain::Span
                || rest.trim_start().starts_with(['-', '–', '~'])
                || ["to ", "till ", "until ", "through "]
                    .iter()
                    .any(|j| rest.trim_start().to_lowercase().starts_with(j));
            if word == "from" && ranged {
                continue;
            }
            let (start, end) = match word.split_whitespace().next().unwrap_or("") {
                _ if word.starts_with('>') && word.contains('=') => (span.start, NaiveDate::MAX),
                _ if word.starts_with('<') && word.contains('=') => (NaiveDate::MIN, span.end),
                "after" | "later" | ">" => (span.end, NaiveDate::MAX),
                "since" | "starting" | "beginning" | "from" | ">=" => (span.start, NaiveDate::MAX),
                _ if word.starts_with(">") => (span.start, NaiveDate::MAX),
                _ => (NaiveDate::MIN, span.start),
            };
            open.push(Mention {
                span: caps.get(0).map_or(date.span.start, |m| m.start())..date.span.end,
                kind: Kind::Date,
                value: MentionValue::Date(DateSpan {
                    start,
                    end,
                    grain: Grain::Span,
                    year_assumed: span.year_assumed,
                }),
            });
        }
        open
    }

    /// "in 2 weeks", "two months ago", "3 days from today", "2 weeks before May 13 1999",
    /// "next 3 days", "last 3 months", "next Monday", "last Wednesday".
    fn relative_dates(&self, dates: &[Mention]) -> Vec<Mention> {
        let Some(reference) = self.options.reference else {
            return Vec::new();
        };
        let today = reference.date;
        let mut found = Vec::new();
        let day = |date: NaiveDate| DateSpan {
            start: date,
            end: date.succ_opt().unwrap_or(date),
            grain: Grain::Day,
            year_assumed: reference.assumed,
        };
        for start in 0..self.tokens.len() {
            let word = |i: usize| self.word(i);
            // "next Monday", "last Wednesday", "this past Friday", "following Friday",
            // "next week Wednesday"
            let (modifier, weekday_at) = match (word(start), word(start + 1)) {
                (Some("this"), Some("past")) => (Some("past"), start + 2),
                (Some(m @ ("next" | "last" | "previous")), Some("week"))
                    if word(start + 2).is_some_and(|w| w.parse::<Weekday>().is_ok()) =>
                {
                    (Some(if m == "next" { "next" } else { "last" }), start + 2)
                }
                (
                    Some(
                        m @ ("next" | "following" | "last" | "previous" | "past" | "this"
                        | "coming"),
                    ),
                    _,
                ) => (Some(m), start + 1),
                _ => (None, start),
            };
            if let (Some(modifier), Some(weekday)) = (
                modifier,
                word(weekday_at).and_then(|w| w.parse::<Weekday>().ok()),
            ) {
                let monday =
                    today - chrono::Duration::days(today.weekday().num_days_from_monday() as i64);
                let in_week = |week_start: NaiveDate| {
                    week_start + chrono::Duration::days(weekday.num_days_from_monday() as i64)
                };
                let date = match modifier {
                    "next" | "following" => in_week(monday + chrono::Duration::days(7)),
                    "last" | "previous" => in_week(monday - chrono::Duration::days(7)),
                    "this" | "coming" => in_week(monday),
                    _ => {
                        let mut date = today.pred_opt().unwrap_or(today);
                        while date.weekday() != weekday {
                            date = date.pred_opt().unwrap_or(date);
                        }
                        date
                    }
                };
                found.push(Mention {
                    span: self.span(start, weekday_at + 1),
                    kind: Kind::Date,
                    value: MentionValue::Date(day(date)),
                });
                continue;
            }
            // "next 3 days", "last 3 months", "past two quarters"
            let verb_before = start > 0
                && matches!(
                    word(start - 1),
                    Some(
                        "will"
                            | "would"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "should"
                            | "to"
                            | "did"
                            | "does"
                            | "not"
                            | "must"
                    )
                );
            if let Some(
                direction @ ("next" | "last" | "past" | "previous" | "coming" | "following"),
            ) = word(start).filter(|_| !verb_before)
            {
                if let Some(duration) = self.duration(start + 1) {
                    let MentionValue::Duration { seconds } = duration.value else {
                        continue;
                    };
                    let in_quarters = self.text[duration.span.clone()]
                        .to_lowercase()
                        .contains("quarter");
                    if in_quarters {
                        // Quarters count from the quarter's boundaries.
                        let this_quarter = NaiveDate::from_ymd_opt(
                            today.year(),
                            (today.month() - 1) / 3 * 3 + 1,
                            1,
                        )
                        .unwrap_or(today);
                        let quarters = (seconds / (90.0 * 86400.0)).round() as u32;
                        let (start_date, end_date) =
                            if matches!(direction, "next" | "coming" | "following") {
                                let next = this_quarter + chrono::Months::new(3);
                                (next, next + chrono::Months::new(3 * quarters))
                            } else {
                                (
                                    this_quarter - chrono::Months::new(3 * quarters),
                                    this_quarter,
                                )
                            };
                        found.push(Mention {
                            span: self.span(start, self.token_end(duration.span.end)),
                            kind: Kind::Date,
                            value: MentionValue::Date(DateSpan {
                                start: start_date,
                                end: end_date,
                                grain: Grain::Span,
                                year_assumed: reference.assumed,
                            }),
                        });
                        continue;
                    }
                    let (after, before) = (
                        shift(today.succ_opt().unwrap_or(today), seconds, 1),
                        shift(today, seconds, -1),
                    );
                    let value = if matches!(direction, "next" | "coming" | "following") {
                        DateSpan {
                            start: today.succ_opt().unwrap_or(today),
                            end: after,
                            grain: Grain::Span,
                            year_assumed: reference.assumed,
                        }
                    } else {
                        DateSpan {
                            start: before,
                            end: today,
                            grain: Grain::Span,
                            year_assumed: reference.assumed,
                        }
                    };
                    found.push(Mention {
                        span: self.span(start, self.token_end(duration.span.end)),
                        kind: Kind::Date,
                        value: MentionValue::Date(value),
                    });
                    continue;
                }
            }
            // "in 2 weeks", "in a week"
            if word(start) == Some("in") {
                if let Some(duration) = self.duration(start + 1) {
                    let MentionValue::Duration { seconds } = duration.value else {
                        continue;
                    };
                    found.push(Mention {
                        span: self.span(start, self.token_end(duration.span.end)),
                        kind: Kind::Date,
                        value: MentionValue::Date(day(shift(today, seconds, 1))),
                    });
                    continue;
                }
            }
            // "two months ago", "3 days from today", "2 weeks before May 13 1999"
            if let Some(duration) = self.duration(start) {
                let MentionValue::Duration { seconds } = duration.value else {
                    continue;
                };
                let after = self.token_end(duration.span.end);
                match word(after) {
                    Some("later" | "hence") => found.push(Mention {
                        span: self.span(start, after + 1),
                        kind: Kind::Date,
                        value: MentionValue::Date(day(shift(today, seconds, 1))),
                    }),
                    Some("ago" | "earlier") => found.push(Mention {
                        span: self.span(start, after + 1),
                        kind: Kind::Date,
                        value: MentionValue::Date(day(shift(today, seconds, -1))),
                    }),
                    Some(direction @ ("after" | "from" | "before")) => {
                        let anchor_start = self.tokens.get(after + 1).map(|t| t.span.start);
                        let anchor = dates
                            .iter()
                            .chain(found.iter())
                            .filter(|d| Some(d.span.start) == anchor_start)
                            .max_by_key(|d| d.span.len())
                            .cloned();
                        if let Some(anchor) = anchor {
                            if let MentionValue::Date(anchor_span) = &anchor.value {
                                let sign = if direction == "before" { -1 } else { 1 };
                                // "3 days after January 12th", "3 days from Tuesday": a
                                // year-less anchor counts forward from today.
                                let mut anchor_date = anchor_span.start;
                                let anchor_text = &self.text[anchor.span.clone()];
                                if sign > 0 && anchor_date < today && !has_year(anchor_text) {
                                    anchor_date = if anchor_text.trim().parse::<Weekday>().is_ok() {
                                        anchor_date + chrono::Duration::days(7)
                                    } else {
                                        anchor_date
                                            .with_year(anchor_date.year() + 1)
                                            .unwrap_or(anchor_date)
                                    };
                                }
                                let anchor_span = DateSpan {
                                    start: anchor_date,
                                    ..*anchor_span
                                };
                                let moved = shift(anchor_span.start, seconds, sign);
                                let qualifier = self.text[duration.span.clone()].to_lowercase();
                                let value = if qualifier.starts_with("more than") && sign > 0 {
                                    DateSpan {
                                        start: moved,
                                        end: NaiveDate::MAX,
                                        grain: Grain::Span,
                                        year_assumed: reference.assumed,
                                    }
                                } else if qualifier.starts_with("less than") && sign > 0 {
                                    DateSpan {
                                        start: anchor_span.start,
                                        end: moved,
                                        grain: Grain::Span,
                                        year_assumed: reference.assumed,
                                    }
                                } else {
                                    day(moved)
                                };
                                found.push(Mention {
                                    span: duration.span.start..anchor.span.end,
                                    kind: Kind::Date,
                                    value: MentionValue::Date(value),
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        found
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

#[derive(Debug, Clone, Copy, PartialEq)]
enum BoundKind {
    /// Inclusive?
    Lower(bool),
    Upper(bool),
    Exact,
    Between,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Bound {
    kind: BoundKind,
    value: f64,
    high: Option<f64>,
    end: usize,
}

impl Bound {
    fn value(&self) -> MentionValue {
        let range = |min, max, min_inclusive, max_inclusive| MentionValue::NumberRange {
            min,
            max,
            min_inclusive,
            max_inclusive,
        };
        match self.kind {
            BoundKind::Lower(inclusive) => range(Some(self.value), None, inclusive, false),
            BoundKind::Upper(inclusive) => range(None, Some(self.value), false, inclusive),
            BoundKind::Exact => range(Some(self.value), Some(self.value), true, true),
            BoundKind::Between => range(Some(self.value), self.high, true, false),
        }
    }

    /// A lower and an upper bound joined by "and": one interval, if it is not empty.
    fn combine(&self, other: &Bound) -> Option<MentionValue> {
        let (lower, upper) = match (self.kind, other.kind) {
            (BoundKind::Lower(_), BoundKind::Upper(_)) => (self, other),
            (BoundKind::Upper(_), BoundKind::Lower(_)) => (other, self),
            _ => return None,
        };
        let (BoundKind::Lower(low_inclusive), BoundKind::Upper(high_inclusive)) =
            (lower.kind, upper.kind)
        else {
            return None;
        };
        (lower.value < upper.value).then_some(MentionValue::NumberRange {
            min: Some(lower.value),
            max: Some(upper.value),
            min_inclusive: low_inclusive,
            max_inclusive: high_inclusive,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(text: &str, kind: Kind) -> Vec<(String, MentionValue)> {
        let options = ScanOptions {
            reference: Some(Reference {
                date: "2026-05-20".parse().unwrap(),
                assumed: false,
            }),
            kinds: vec![kind],
            ..ScanOptions::default()
        };
        scan(text, &options)
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.value))
            .collect()
    }

    #[test]
    fn numbers_of_the_seed_texts() {
        let comma = ScanOptions {
            convention: Convention::CommaDecimal,
            kinds: vec![Kind::Number],
            ..ScanOptions::default()
        };
        let text = "the destruction of 28.000 arms; 1,4 million landmines";
        let values: Vec<MentionValue> = scan(text, &comma).into_iter().map(|m| m.value).collect();
        assert_eq!(
            values,
            vec![
                MentionValue::Number(28000.0),
                MentionValue::Number(1_400_000.0)
            ]
        );
    }

    #[test]
    fn quantities_with_units() {
        assert_eq!(
            only(
                "approximately 8.000 tons of explosives and a 170 km range",
                Kind::Quantity
            ),
            vec![
                (
                    "8.000 tons".to_string(),
                    MentionValue::Quantity {
                        value: 8.0,
                        unit: "ton".into()
                    }
                ),
                (
                    "170 km".to_string(),
                    MentionValue::Quantity {
                        value: 170.0,
                        unit: "kilometer".into()
                    }
                ),
            ]
        );
        assert_eq!(
            only("the six-mile trip", Kind::Quantity),
            vec![(
                "six-mile".to_string(),
                MentionValue::Quantity {
                    value: 6.0,
                    unit: "mile".into()
                }
            )]
        );
        assert_eq!(
            only("the 35-floors building", Kind::Number),
            vec![("35".to_string(), MentionValue::Number(35.0))]
        );
    }

    #[test]
    fn durations_and_percentages() {
        assert_eq!(
            only("the drill lasted fourteen days", Kind::Duration),
            vec![(
                "fourteen days".to_string(),
                MentionValue::Duration {
                    seconds: 14.0 * 86400.0
                }
            )]
        );
        assert_eq!(
            only("up 20% and 10 per cent", Kind::Percent),
            vec![
                ("20%".to_string(), MentionValue::Percent(20.0)),
                ("10 per cent".to_string(), MentionValue::Percent(10.0)),
            ]
        );
    }

    #[test]
    fn number_ranges_from_comparators() {
        let ranges = only("more than 700 and between 500 and 600", Kind::NumberRange);
        assert_eq!(ranges[0].0, "more than 700");
        assert_eq!(ranges[1].0, "between 500 and 600");
    }
}

/// Every form the normalizers promise, read through the scanner as `normalize` reads it.
#[cfg(test)]
mod forms {
    use super::*;

    fn first(text: &str, kind: Kind, convention: Convention) -> Mention {
        let options = ScanOptions {
            reference: Some(Reference {
                date: "2026-05-21".parse().unwrap(), // a Thursday
                assumed: false,
            }),
            convention,
            kinds: vec![kind],
        };
        scan(text, &options)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {} in {text:?}", kind.name()))
    }

    fn number(text: &str, convention: Convention) -> f64 {
        match first(text, Kind::Number, convention).value {
            MentionValue::Number(v) => v,
            other => panic!("{other:?}"),
        }
    }

    fn date(text: &str) -> (String, String) {
        match first(text, Kind::Date, Convention::DotDecimal).value {
            MentionValue::Date(d) => (d.start.to_string(), d.end.to_string()),
            other => panic!("{other:?}"),
        }
    }

    fn days(text: &str) -> f64 {
        match first(text, Kind::Duration, Convention::DotDecimal).value {
            MentionValue::Duration { seconds } => seconds / 86_400.0,
            other => panic!("{other:?}"),
        }
    }

    fn quantity(text: &str, convention: Convention) -> (f64, String) {
        match first(text, Kind::Quantity, convention).value {
            MentionValue::Quantity { value, unit } => (value, unit),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_in_both_conventions_words_and_scales() {
        let (dot, comma) = (Convention::DotDecimal, Convention::CommaDecimal);
        assert_eq!(number("28.000 small arms", comma), 28_000.0);
        assert_eq!(number("28,000 small arms", dot), 28_000.0);
        assert_eq!(number("1,4 million landmines", comma), 1_400_000.0);
        assert_eq!(number("1.4 million landmines", dot), 1_400_000.0);
        assert_eq!(number("a $2bn deal", dot), 2e9);
        assert_eq!(number("a 1.4m budget", dot), 1_400_000.0);
        assert_eq!(number("lasted fourteen days", dot), 14.0);
        assert_eq!(number("twenty-one guns", dot), 21.0);
        assert_eq!(number("a dozen trucks", dot), 12.0);
        assert_eq!(number("half of them", dot), 0.5);
        assert_eq!(number("3/4 of them", dot), 0.75);
        assert_eq!(number("the 35-floors building", dot), 35.0);
    }

    #[test]
    fn ordinals_and_percentages() {
        let ordinal = |text: &str| match first(text, Kind::Ordinal, Convention::DotDecimal).value {
            MentionValue::Ordinal(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(ordinal("the first drill"), 1);
        assert_eq!(ordinal("the 8th drill"), 8);
        assert_eq!(ordinal("the eighth drill"), 8);
        assert_eq!(
            first("up 20% on the year", Kind::Percent, Convention::DotDecimal).value,
            MentionValue::Percent(20.0)
        );
    }

    #[test]
    fn quantities_with_units_and_conversions() {
        let comma = Convention::CommaDecimal;
        assert_eq!(
            quantity("approximately 8.000 tons", comma),
            (8000.0, "ton".into())
        );
        assert_eq!(
            quantity("a 170 km range", comma),
            (170.0, "kilometer".into())
        );
        assert_eq!(
            quantity("a 170-km range", comma),
            (170.0, "kilometer".into())
        );
        assert_eq!(quantity("the six-mile trip", comma), (6.0, "mile".into()));
        let (km, unit) = quantity("10 kilometers", comma);
        let miles = super::super::units::Units::builtin()
            .convert(km, &unit, "mile")
            .unwrap();
        assert!((miles - 6.0).abs() / 6.0 < 0.05, "10 km is about six miles");
    }

    #[test]
    fn absolute_partial_and_ranged_dates() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            date("on May 29, 2026, NATO said"),
            d("2026-05-29", "2026-05-30")
        );
        assert_eq!(date("on 29 May 2026"), d("2026-05-29", "2026-05-30"));
        assert_eq!(date("20/05/2026 15:49"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("dated 2026-05-20"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("in May"), d("2026-05-01", "2026-06-01"));
        assert_eq!(date("in December 2006"), d("2006-12-01", "2007-01-01"));
        assert_eq!(date("in 2003 the arms"), d("2003-01-01", "2004-01-01"));
        assert_eq!(date("at the end of January"), d("2026-01-21", "2026-02-01"));
        assert_eq!(date("from mid to late June"), d("2026-06-11", "2026-07-01"));
        assert_eq!(date("from June 16-30"), d("2026-06-16", "2026-07-01"));
        assert_eq!(date("on October 6-11"), d("2026-10-06", "2026-10-12"));
        assert_eq!(date("from 7 to 12 October"), d("2026-10-07", "2026-10-13"));
        assert_eq!(date("from 2 to 9 November"), d("2026-11-02", "2026-11-10"));
        assert_eq!(date("until 27 June").1, "2026-06-27");
    }

    #[test]
    fn dates_relative_to_the_reference() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(date("on Thursday"), d("2026-05-21", "2026-05-22"));
        assert_eq!(date("today"), d("2026-05-21", "2026-05-22"));
        assert_eq!(
            date("this week and last week"),
            d("2026-05-11", "2026-05-25")
        );
        assert_eq!(date("a day earlier"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("on May 18"), d("2026-05-18", "2026-05-19"));
    }

    #[test]
    fn durations_in_days() {
        assert_eq!(days("a two-week drill"), 14.0);
        assert_eq!(days("lasted fourteen days"), 14.0);
        assert_eq!(days("a 13-day exercise"), 13.0);
        assert_eq!(days("over 12 days"), 12.0);
        assert_eq!(days("the 78-day campaign"), 78.0);
        assert_eq!(days("a four-month mission"), 120.0);
        assert_eq!(days("two weeks"), 14.0);
        assert_eq!(days("a fortnight"), 14.0);
    }
}
