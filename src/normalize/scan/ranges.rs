//! Number ranges and bounds: a number with a comparator before or after it ("more than
//! 40", "300 or fewer"), two numbers joined ("between 20 and 30", "500-600"), and a lower
//! and an upper bound joined into one interval.

use super::{Kind, Mention, MentionValue, Scanner};
use crate::normalize::qualifier::Qualifier;

impl Scanner<'_> {
    pub(super) fn number_range(&self, start: usize) -> Option<Mention> {
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
    pub(super) fn bound(&self, start: usize) -> Option<Bound> {
        let words: Vec<&str> = (start..start + 7).filter_map(|i| self.word(i)).collect();
        // Comparators come from the one list of qualifiers; approximation words ("about")
        // do not make a range.
        let best = crate::normalize::qualifier::before(&words).and_then(|(qualifier, length)| {
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
        let tail = match crate::normalize::qualifier::after(&tail) {
            Some((_, length)) if tail.get(length - 1) == Some(&"than") => {
                if self.value_at(low_end + length).is_some() {
                    &tail[..length - 1]
                } else {
                    &tail[..]
                }
            }
            _ => &tail[..],
        };
        let (kind, length) = match crate::normalize::qualifier::after(tail)? {
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
    pub(super) fn value_at(&self, at: usize) -> Option<(f64, usize)> {
        let as_ordinal = self.ordinal_at(at);
        let as_cardinal = self.cardinal_at(at).or_else(|| {
            // "<-30": a sign right after a comparator.
            (self.word(at) == Some("-"))
                .then(|| self.cardinal(at))
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
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum BoundKind {
    /// Inclusive?
    Lower(bool),
    Upper(bool),
    Exact,
    Between,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bound {
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
