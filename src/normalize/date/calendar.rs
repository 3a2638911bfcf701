//! The calendar's names and fixed days: holidays (Easter by the Gregorian computus),
//! parts of a month, and month, weekday and day names read as numbers.

use super::relative::first_of_next_month;
use chrono::{NaiveDate, Weekday};

/// The date of a named holiday in `year`.
pub fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
    let nth_weekday = |month: u32, weekday: Weekday, n: u8| {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    };
    let folded: String = name
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match folded.trim_end_matches("'s").trim_end_matches("’s") {
        "christmas" | "christmas day" | "xmas" => NaiveDate::from_ymd_opt(year, 12, 25)?,
        "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24)?,
        "new year day" | "new year's day" | "new years day" | "new year" => {
            NaiveDate::from_ymd_opt(year, 1, 1)?
        }
        "independence day" => NaiveDate::from_ymd_opt(year, 7, 4)?,
        "thanksgiving" | "thanksgiving day" => nth_weekday(11, Weekday::Thu, 4)?,
        "black friday" => nth_weekday(11, Weekday::Thu, 4)?.succ_opt()?,
        "labor day" | "labour day" => nth_weekday(9, Weekday::Mon, 1)?,
        "easter" | "easter sunday" => easter(year)?,
        _ => return None,
    })
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Days `start..end` of "early", "mid", "late", "the end of" a month.
pub(super) fn part_of_month(part: &str, year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first_of_next_month(year, month)?;
    let folded = part.to_lowercase();
    let day = |d: u32| NaiveDate::from_ymd_opt(year, month, d);
    Some(match folded.split_whitespace().collect::<Vec<_>>()[..] {
        ["early"] | [.., "beginning", "of"] | [.., "start", "of"] => (first, day(11)?),
        ["mid"] | [.., "middle", "of"] => (day(11)?, day(21)?),
        ["late"] | [.., "end", "of"] => (day(21)?, next),
        _ => return None,
    })
}

/// A weekday by its name or abbreviation.
pub(super) fn weekday_named(name: &str) -> Option<Weekday> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|w| *w == prefix)
        .and_then(|i| Weekday::try_from(i as u8).ok())
}

pub(super) fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

pub(super) fn day_number(text: &str) -> Option<u32> {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return text
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok();
    }
    // "twenty nine", "twenty-second", "first"
    let tokens = crate::normalize::tokens::tokenize(text);
    let convention = crate::normalize::number::Convention::DotDecimal;
    let parsed = crate::normalize::tokens::ordinal(&tokens, 0, convention)
        .or_else(|| crate::normalize::tokens::cardinal(&tokens, 0, convention))?;
    (parsed.end == tokens.len() && (1.0..=31.0).contains(&parsed.value))
        .then_some(parsed.value as u32)
}
