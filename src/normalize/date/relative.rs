//! Dates named relative to the reference: "today", "last week", "next quarter", "this
//! fiscal year", "the weekend", and month arithmetic.

use super::{DateSpan, Grain, Reference, RELATIVE_ONE};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// The union of one or more relative expressions ("today, this week and last week").
pub(super) fn relative_span(text: &str, reference: Reference) -> Option<DateSpan> {
    static ONE: LazyLock<Regex> = LazyLock::new(|| crate::pattern::compile(RELATIVE_ONE).unwrap());
    let today = reference.date;
    let week_start = today - Duration::days(today.weekday().num_days_from_monday() as i64);
    let mut union: Option<(NaiveDate, NaiveDate, Grain)> = None;
    for found in ONE.find_iter(text) {
        let words: Vec<String> = found
            .as_str()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let (start, end, grain) = match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            ["today" | "now" | "otd"] => (today, today.succ_opt()?, Grain::Day),
            // "the month after next", "the week before last", "the day after tomorrow": a
            // unit two away.
            ["the", unit, "after" | "before", which] => {
                let by = if matches!(which, "next" | "tomorrow") {
                    2
                } else {
                    -2
                };
                unit_away(unit, by, today, week_start)?
            }
            ["till" | "to", "date"] => (NaiveDate::MIN, today.succ_opt()?, Grain::Span),
            ["eoy"] => (
                NaiveDate::from_ymd_opt(today.year(), 7, 1)?,
                NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)?,
                Grain::Span,
            ),
            [.., "fiscal", "year"] => {
                let year = today.year()
                    + if words.len() == 3 {
                        offset(&words[0])
                    } else {
                        0
                    };
                (
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
                    Grain::Year,
                )
            }
            [which, "workweek"] | [which, "work", "week"] => {
                let monday = week_start + Duration::days(7 * i64::from(offset(which)));
                (monday, monday + Duration::days(5), Grain::Week)
            }
            [which, "calendar", "year"] => {
                let year = today.year() + offset(which);
                (
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
                    Grain::Year,
                )
            }
            [which, "decade"] => {
                let decade = today.year() / 10 * 10 + 10 * offset(which);
                (
                    NaiveDate::from_ymd_opt(decade, 1, 1)?,
                    NaiveDate::from_ymd_opt(decade + 10, 1, 1)?,
                    Grain::Span,
                )
            }
            [.., "weekend"] => {
                let which = if words.len() == 2 {
                    offset(&words[0])
                } else {
                    0
                };
                let saturday = week_start + Duration::days(5 + 7 * i64::from(which));
                (saturday, saturday + Duration::days(2), Grain::Span)
            }
            ["the", "day", "before"] => (today.pred_opt()?, today, Grain::Day),
            [which, "quarter"] => {
                let first = (today.month() - 1) / 3 * 3 + 1;
                let this = NaiveDate::from_ymd_opt(today.year(), first, 1)?;
                let start = match offset(which) {
                    -1 => this.checked_sub_months(chrono::Months::new(3))?,
                    1 => this.checked_add_months(chrono::Months::new(3))?,
                    _ => this,
                };
                (
                    start,
                    start.checked_add_months(chrono::Months::new(3))?,
                    Grain::Span,
                )
            }
            ["yesterday"] => (today.pred_opt()?, today, Grain::Day),
            ["tomorrow"] => (today.succ_opt()?, today + Duration::days(2), Grain::Day),
            ["the" | "same" | "this", "day"] => (today, today.succ_opt()?, Grain::Day),
            ["previous", "day"] => (today.pred_opt()?, today, Grain::Day),
            ["this" | "the" | "same" | "current", "week"] => {
                (week_start, week_start + Duration::days(7), Grain::Week)
            }
            ["last" | "past" | "previous", "week"] => {
                (week_start - Duration::days(7), week_start, Grain::Week)
            }
            ["next" | "coming", "week"] => (
                week_start + Duration::days(7),
                week_start + Duration::days(14),
                Grain::Week,
            ),
            // Fortnights run two by two from the reference's week: "next fortnight" is
            // the two weeks after the current two.
            [which, "fortnight"] => {
                let start = week_start + Duration::days(14 * i64::from(offset(which)));
                (start, start + Duration::days(14), Grain::Span)
            }
            [which, "month"] => {
                let shifted = shift_month(today.year(), today.month(), offset(which))?;
                let start = NaiveDate::from_ymd_opt(shifted.0, shifted.1, 1)?;
                (
                    start,
                    first_of_next_month(shifted.0, shifted.1)?,
                    Grain::Month,
                )
            }
            [which, "year"] => {
                let year = today.year() + offset(which);
                (
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
                    Grain::Year,
                )
            }
            _ => return None,
        };
        union = Some(match union {
            None => (start, end, grain),
            Some((s, e, _)) => (s.min(start), e.max(end), Grain::Span),
        });
    }
    let (start, end, grain) = union?;
    Some(DateSpan {
        start,
        end,
        grain,
        year_assumed: reference.assumed,
    })
}

/// The day, week (from Monday), month or year `by` units from the one holding `today`.
fn unit_away(
    unit: &str,
    by: i32,
    today: NaiveDate,
    week_start: NaiveDate,
) -> Option<(NaiveDate, NaiveDate, Grain)> {
    Some(match unit {
        "day" => {
            let day = today + Duration::days(i64::from(by));
            (day, day.succ_opt()?, Grain::Day)
        }
        "week" => {
            let monday = week_start + Duration::days(7 * i64::from(by));
            (monday, monday + Duration::days(7), Grain::Week)
        }
        "month" => {
            let (y, m) = shift_month(today.year(), today.month(), by)?;
            (
                NaiveDate::from_ymd_opt(y, m, 1)?,
                first_of_next_month(y, m)?,
                Grain::Month,
            )
        }
        _ => {
            let year = today.year() + by;
            (
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
                Grain::Year,
            )
        }
    })
}

pub(super) fn offset(which: &str) -> i32 {
    match which {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
}

pub(super) fn shift_month(year: i32, month: u32, by: i32) -> Option<(i32, u32)> {
    let index = year * 12 + month as i32 - 1 + by;
    Some((
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12)).ok()? + 1,
    ))
}

pub(super) fn first_of_next_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = shift_month(year, month, 1)?;
    NaiveDate::from_ymd_opt(y, m, 1)
}
