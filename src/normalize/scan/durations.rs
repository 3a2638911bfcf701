//! Durations: amounts of units of time ("fourteen days", "1 year 1 month 21 days", "an
//! hour and a half", "3-min", "a couple of weeks").

use super::{Kind, Mention, MentionValue, Scanner};
use crate::normalize::tokens::TokenKind;

impl Scanner<'_> {
    pub(super) fn duration(&self, start: usize) -> Option<Mention> {
        self.durations.get(start, || self.read_duration(start))
    }

    fn read_duration(&self, start: usize) -> Option<Mention> {
        // A qualifier is part of the mention but not of the value; a word that may be
        // either ("some days") is read as the amount when no amount follows it.
        let words: Vec<&str> = (start..start + 5).filter_map(|i| self.word(i)).collect();
        crate::normalize::qualifier::before(&words)
            .and_then(|(_, length)| self.duration_from(start, start + length))
            .or_else(|| self.duration_from(start, start))
    }

    /// The duration whose mention starts at token `start` and whose amounts start at `i`.
    pub(super) fn duration_from(&self, start: usize, mut i: usize) -> Option<Mention> {
        let word = |i: usize| self.word(i);
        let mut seconds = 0.0;
        let mut end = None;
        while let Some((amount, after)) = self.duration_amount(i) {
            let Some((unit_seconds, unit_end)) = self.time_unit(after) else {
                break;
            };
            // "the 1980s", "1980 s": a decade, not seconds.
            let decade = (1000.0..2100.0).contains(&amount) && amount % 10.0 == 0.0;
            if decade && self.word(unit_end - 1) == Some("s") {
                break;
            }
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
    pub(super) fn duration_amount(&self, at: usize) -> Option<(f64, usize)> {
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
            if !self.signed_number_starts(at) {
                return None;
            }
            let parsed = self.cardinal(at)?;
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
                crate::normalize::tokens::digits_value(&token.text, self.options.convention)
                    .or_else(|| {
                        token
                            .text
                            .chars()
                            .next()
                            .and_then(crate::normalize::tokens::vulgar_fraction)
                    })?
            } else {
                parsed.value
            };
            return Some((value, end));
        }
        if let Some(value) = word(at).and_then(crate::normalize::tokens::small_word) {
            if self.time_unit(at + 1).is_some() {
                return Some((value, at + 1));
            }
        }
        let parsed = self.cardinal(at)?;
        Some((parsed.value, parsed.end))
    }

    /// A unit of time after token `at` (allowing "3-min", "all-day") and its length.
    pub(super) fn time_unit(&self, at: usize) -> Option<(f64, usize)> {
        let at = if self.word(at) == Some("-") {
            at + 1
        } else {
            at
        };
        Some((unit_seconds(self.word(at)?)?, at + 1))
    }
}

/// Whether `word` (lower-case) names a unit of time.
pub(super) fn is_time_unit(word: &str) -> bool {
    unit_seconds(word).is_some()
}

/// How many seconds a unit of time named `word` lasts.
fn unit_seconds(word: &str) -> Option<f64> {
    let seconds = match word {
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
    Some(seconds)
}
