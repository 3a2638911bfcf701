//! How a figure's amount is read: its value and kind from the mention, the qualifier
//! written around it ("less than", "about", "before 1956"), and the years a text writes.

use crate::model::amount::Amount;
use crate::model::value::FigureKind;
use crate::normalize::qualifier;
use crate::normalize::scan::{Mention, MentionValue};
use crate::normalize::tokens::Token;

/// A date with the word before it that makes it a bound: "before 1956", "after 19 March
/// 2019", "since 2008", "until December 2013".
pub(super) fn date_qualified(amount: Amount, before: &[Token]) -> Amount {
    let words: Vec<&str> = before
        .iter()
        .rev()
        .take(2)
        .map(|t| t.text.as_str())
        .collect();
    match words.as_slice() {
        ["before", ..] | ["to", "prior"] | ["than", "earlier"] => Amount::below(amount.low, true),
        ["after", ..] | ["than", "later"] => Amount::above(amount.high, true),
        ["since", ..] => Amount::above(amount.low, false),
        ["until" | "till" | "through" | "by", ..] => Amount::below(amount.high, false),
        _ => amount,
    }
}

/// The amount with the qualifier written before or after it: "less than $200 million",
/// "about 60%", "$5 million or more".
pub(super) fn qualified(amount: Amount, before: &[Token], after: &[Token]) -> Amount {
    let value = amount.low;
    if amount.low != amount.high {
        return amount;
    }
    let words_before: Vec<&str> = before
        .iter()
        .rev()
        .take(5)
        .rev()
        .map(|t| t.text.as_str())
        .collect();
    let written_before = (1..=words_before.len()).find_map(|n| {
        let tail = &words_before[words_before.len() - n..];
        qualifier::before(tail).filter(|(_, taken)| *taken == n)
    });
    let words_after: Vec<&str> = after.iter().take(4).map(|t| t.text.as_str()).collect();
    let written = written_before
        .map(|(q, _)| q)
        .or_else(|| qualifier::after(&words_after).map(|(q, _)| q));
    match written {
        Some(qualifier::Qualifier::Above { inclusive }) => Amount::above(value, !inclusive),
        Some(qualifier::Qualifier::Below { inclusive }) => Amount::below(value, !inclusive),
        Some(qualifier::Qualifier::Nearly) => Amount::nearly(value),
        Some(qualifier::Qualifier::About) => Amount::approximately(value),
        _ => amount,
    }
}

/// The last [`QUALIFIER_BYTES`] bytes or so of `text` before `end`, cut at a character
/// boundary: all a qualifier before a number can take.
pub(super) fn tail(text: &str, end: usize) -> &str {
    let mut start = end.saturating_sub(QUALIFIER_BYTES);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    &text[start..end]
}

/// How far before a number a qualifier can start ("greater than or equal to").
const QUALIFIER_BYTES: usize = 48;

/// The amount, the kind of figure the mention's form makes it, and its unit.
pub(super) fn value_of(mention: &Mention, approx: bool) -> Option<(Amount, FigureKind, String)> {
    let exact = |value: f64| {
        if approx {
            Amount::approximately(value)
        } else {
            Amount::exact(value)
        }
    };
    Some(match &mention.value {
        MentionValue::Number(value) => (exact(*value), FigureKind::Count, String::new()),
        MentionValue::NumberRange {
            min,
            max,
            min_inclusive,
            max_inclusive,
        } => {
            let amount = match (min, max) {
                // "between 8 and 15", "15 to 20": both ends are figures the text gives.
                (Some(low), Some(high)) if low <= high => Amount::between(*low, *high),
                (Some(_), Some(_)) => return None,
                (Some(low), None) => Amount::above(*low, !min_inclusive),
                (None, Some(high)) => Amount::below(*high, !max_inclusive),
                (None, None) => return None,
            };
            (amount, FigureKind::Count, String::new())
        }
        MentionValue::Percent(value) => (exact(*value), FigureKind::Percent, String::new()),
        MentionValue::Currency { value, unit, iso } => (
            exact(*value),
            FigureKind::Money,
            iso.clone().unwrap_or_else(|| unit.clone()),
        ),
        MentionValue::Quantity { value, unit } => {
            (exact(*value), FigureKind::Quantity, unit.clone())
        }
        // A date without its year is left to the date rules, which know the reference.
        MentionValue::Date(span) if !span.year_assumed => {
            use chrono::Datelike;
            let first = f64::from(span.start.num_days_from_ce());
            let last = f64::from(span.end.num_days_from_ce()) - 1.0;
            // The date reader writes an open side ("after 1975") as the calendar's end.
            let open = |date: chrono::NaiveDate| !(-9999..=9999).contains(&date.year());
            let amount = match (open(span.start), open(span.end)) {
                (false, true) => Amount::above(first - 1.0, true),
                (true, false) => Amount::below(last + 1.0, true),
                (true, true) => return None,
                (false, false) => Amount::between(first, last.max(first)),
            };
            (amount, FigureKind::Date, String::new())
        }
        _ => return None,
    })
}

/// Words after which a lone year is a time: "in 2012", "since 1998".
pub(super) const YEAR_PREPOSITIONS: [&str; 8] = [
    "in", "since", "after", "before", "by", "until", "during", "from",
];

/// Whether a number as written is a year of the plausible range: "2012", not "2,012".
pub(super) fn is_year(written: &str, amount: Amount) -> bool {
    amount.low == amount.high
        && (1800.0..=2100.0).contains(&amount.low)
        && amount.low.fract() == 0.0
        && !written.contains(',')
}

/// A year as the days of the common era it spans, both ends inclusive.
pub(super) fn year_span(year: f64) -> Option<Amount> {
    use chrono::{Datelike, NaiveDate};
    let year = year as i32;
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?.num_days_from_ce();
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?.num_days_from_ce();
    Some(Amount::between(f64::from(first), f64::from(last)))
}

/// Whether a date's text writes a year ("May 18 , 2003", "in 1993", "Feb. 6,1995").
pub(super) fn has_year(written: &str) -> bool {
    written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<i32>().ok())
        .any(|year| (1000..=2999).contains(&year))
}
