//! Numbers, ordinals, percentages and quantities with a unit, read at a token: "28,000",
//! "the 8th", "20 per cent", "10 1/2 miles", "5 ft 2 in".

use super::{Kind, Mention, MentionValue, Scanner};
use crate::normalize::tokens::TokenKind;

impl Scanner<'_> {
    /// The number starting at token `start`; digits whose separators do not make one
    /// number ("192.168.1.2", "22,24,26") are several.
    pub(super) fn numbers(&self, start: usize) -> Vec<Mention> {
        let token = &self.tokens[start];
        if token.kind != TokenKind::Digits || crate::normalize::tokens::valid_grouping(&token.text)
        {
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

    pub(super) fn number(&self, start: usize) -> Option<Mention> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = self.cardinal(start)?;
        if parsed.end == start + 1
            && crate::normalize::numerals::begins_a_compound(self.tokens, start)
        {
            return None;
        }
        Some(Mention {
            span: self.span(start, parsed.end),
            kind: Kind::Number,
            value: MentionValue::Number(parsed.value),
        })
        .filter(|_| self.tokens[start].text != "-" || self.cardinal_at(start).is_some())
    }

    pub(super) fn ordinal(&self, start: usize) -> Option<Mention> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = self.ordinal_at(start)?;
        Some(Mention {
            span: self.span(start, parsed.end),
            kind: Kind::Ordinal,
            value: MentionValue::Ordinal(parsed.value as i64),
        })
    }

    pub(super) fn percent(&self, start: usize) -> Option<Mention> {
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

    pub(super) fn quantity(&self, start: usize) -> Option<Mention> {
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
    pub(super) fn number_before_unit(&self, start: usize) -> Option<(f64, usize)> {
        if !self.starts_number(start) {
            return None;
        }
        let parsed = self.cardinal(start)?;
        Some((parsed.value, parsed.end)).map(|(v, e)| {
            // Digits directly followed by a unit letter were read with the letter as a
            // suffix ("1m" as a million): read them without it.
            if self.tokens[start].kind == TokenKind::Digits
                && e == start + 2
                && !self.tokens[start + 1].gap
                && self.tokens[start + 1].kind == TokenKind::Word
            {
                let plain = crate::normalize::tokens::digits_value(
                    &self.tokens[start].text,
                    self.options.convention,
                )
                .unwrap_or(v);
                (plain, start + 1)
            } else {
                (v, e)
            }
        })
    }

    /// The unit written after token `at` (longest alias first), and the token after it.
    pub(super) fn unit_after(
        &self,
        at: usize,
    ) -> Option<(&'static crate::normalize::units::Unit, usize)> {
        let token = self.tokens.get(at)?;
        let mut from = token.span.start;
        let mut first = at;
        // "3-inch", "20 (kg)", "20 [kg]"
        if matches!(token.text.as_str(), "-" | "(" | "[") {
            first = at + 1;
            from = self.tokens.get(first)?.span.start;
        }
        let rest = &self.text[from..];
        let (unit, length) = self.options.units.longest_alias(rest)?;
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
}
