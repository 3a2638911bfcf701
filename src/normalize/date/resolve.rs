//! The day span each date form names: captures of a form of the date grammar resolved
//! against the reference date where the text leaves the year or the day to it.

use super::calendar::*;
use super::relative::*;
use super::{DateSpan, Form, Grain, Reference};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Captures;

pub(super) fn resolve(
    form: Form,
    caps: &Captures,
    reference: Option<Reference>,
) -> Option<DateSpan> {
    let two_digit_year = caps
        .name("yy")
        .and_then(|yy| yy.as_str().parse::<i32>().ok())
        .map(|yy| {
            // This century up to '39, the last one from '40.
            if yy < 40 {
                2000 + yy
            } else {
                1900 + yy
            }
        });
    let explicit_year = caps
        .name("y")
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .or(two_digit_year);
    let (year, year_assumed) = match explicit_year {
        Some(year) => (year, false),
        None => match (form, reference) {
            (Form::MonthDay, _) if caps.name("y2").is_some() => (0, false),
            (Form::RelativeMonthDay | Form::RelativeMonthDayRange | Form::WeekdayDay, _) => {
                (0, false)
            }
            (Form::PartOfYear, _) if caps.name("rel").is_some() => (0, false),
            (Form::Quarter, _) if caps.name("y").is_none() => match reference {
                Some(reference) => (reference.date.year(), reference.assumed),
                None => return None,
            },
            (
                Form::Quarter
                | Form::MonthOfYear
                | Form::NamedYear
                | Form::PartOfYear
                | Form::Century
                | Form::Decade
                | Form::IsoSpan
                | Form::Iso
                | Form::IsoMonth
                | Form::Year,
                _,
            ) => (0, false),
            (_, Some(reference)) => (reference.date.year(), reference.assumed),
            (_, None) => return None,
        },
    };
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    let day = |name: &str| caps.name(name).and_then(|d| day_number(d.as_str()));
    let span = |start: NaiveDate, end: NaiveDate, grain: Grain| {
        (start < end).then_some(DateSpan {
            start,
            end,
            grain,
            year_assumed,
        })
    };
    match form {
        Form::Iso => {
            let date = NaiveDate::from_ymd_opt(
                caps["y"].parse().ok()?,
                caps["m"].parse().ok()?,
                caps["d"].parse().ok()?,
            )?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::IsoSpan => {
            let date = |y: &str, m: &str, d: &str| {
                NaiveDate::from_ymd_opt(
                    caps.name(y)?.as_str().parse().ok()?,
                    caps.name(m)?.as_str().parse().ok()?,
                    caps.name(d)?.as_str().parse().ok()?,
                )
            };
            let first = date("y1", "mo1", "d1");
            let last = date("y2", "mo2", "d2").or_else(|| date("y3", "mo3", "d3"));
            let written = |name: &str| caps.name(name).is_some();
            if written("y1") && first.is_none()
                || (written("y2") || written("y3")) && last.is_none()
            {
                return None;
            }
            let start = first.unwrap_or(NaiveDate::MIN);
            let end = match last {
                Some(last) => last.succ_opt()?,
                None => NaiveDate::MAX,
            };
            span(start, end, Grain::Span)
        }
        Form::IsoMonth => {
            let y: i32 = caps["y"].parse().ok()?;
            let m: u32 = caps["m"].parse().ok()?;
            span(
                NaiveDate::from_ymd_opt(y, m, 1)?,
                first_of_next_month(y, m)?,
                Grain::Month,
            )
        }
        Form::Numeric => {
            let a: u32 = caps["a"].parse().ok()?;
            let b: u32 = caps["b"].parse().ok()?;
            // `year` is the written one (four digits or two) or the reference's.
            let y = year;
            // A field above 12 is the day ("20/05/2026"); otherwise month first, as in
            // English ("5/12" is May 12).
            let (d, m) = if a > 12 { (a, b) } else { (b, a) };
            // Without a year, February 29th is the nearest leap year's.
            let tries = if caps.name("y").is_some() || caps.name("yy").is_some() {
                1
            } else {
                8
            };
            let date = (0..tries).find_map(|back| NaiveDate::from_ymd_opt(y - back, m, d))?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::MonthOfYear => {
            let n = caps["n"].to_lowercase();
            let words = [
                "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth",
            ];
            let m = match words.iter().position(|w| *w == n) {
                Some(i) => i as u32 + 1,
                None => n
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()?,
            };
            span(
                NaiveDate::from_ymd_opt(year, m, 1)?,
                first_of_next_month(year, m)?,
                Grain::Month,
            )
        }
        Form::NamedYear => {
            let raw = &caps["y"];
            let y: i32 = if raw.len() == 2 {
                2000 + raw.parse::<i32>().ok()?
            } else {
                raw.parse().ok()?
            };
            span(
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
                Grain::Year,
            )
        }
        Form::Season => {
            let (from, to) = match caps["season"].to_lowercase().as_str() {
                "spring" => (3, 6),
                "summer" => (6, 9),
                "autumn" | "fall" => (9, 12),
                _ => (12, 15),
            };
            let start = NaiveDate::from_ymd_opt(year, from, 1)?;
            span(
                start,
                start.checked_add_months(chrono::Months::new(to - from))?,
                Grain::Span,
            )
        }
        Form::Quarter => {
            let n: u32 = match &caps["n"].to_lowercase()[..] {
                "first" | "1st" | "1" => 1,
                "second" | "2nd" | "2" => 2,
                "third" | "3rd" | "3" => 3,
                _ => 4,
            };
            let half = caps["half"].to_lowercase();
            let months = if half == "h" || half == "half" {
                if n > 2 {
                    return None;
                }
                6
            } else {
                3
            };
            let first_month = (n - 1) * months + 1;
            let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
            span(
                start,
                start.checked_add_months(chrono::Months::new(months))?,
                Grain::Span,
            )
        }
        Form::WeekOfYear => {
            let n = match caps["n"]
                .to_lowercase()
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            {
                "" => match caps["n"].to_lowercase().as_str() {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    "fourth" => 4,
                    "fifth" => 5,
                    _ => return None,
                },
                digits => digits.parse().ok()?,
            };
            let year = match caps.name("y") {
                Some(_) => year,
                None => reference?.date.year(),
            };
            let start = NaiveDate::from_isoywd_opt(year, n, Weekday::Mon)?;
            span(start, start + Duration::days(7), Grain::Week)
        }
        Form::PartOfYear => {
            let year = match (caps.name("rel"), reference) {
                (Some(rel), Some(reference)) => {
                    reference.date.year() + offset(&rel.as_str().to_lowercase())
                }
                (Some(_), None) => return None,
                (None, _) => year,
            };
            // As news and the Recognizers-Text cases read them: the first third, the middle
            // third, the second half.
            let part = caps["p1"].to_lowercase();
            let (from, to) = match part.trim_start_matches("the").split_whitespace().next()? {
                "early" | "beginning" | "start" => (1, 5),
                "mid" | "middle" => (5, 9),
                _ => (7, 13),
            };
            let start = NaiveDate::from_ymd_opt(year, from, 1)?;
            let end = if to == 13 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, to, 1)?
            };
            span(start, end, Grain::Span)
        }
        Form::WeekOfMonth => {
            // The n-th week (Monday to Monday) counted from the one holding the month's first
            // day; the last is the one holding its last day.
            let m = month("m1")?;
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            let monday = |day: NaiveDate| {
                day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
            };
            let n = caps["n"].to_lowercase();
            let start = match n.trim_end_matches(|c: char| c.is_ascii_alphabetic()) {
                "" if n == "last" => monday(first_of_next_month(year, m)?.pred_opt()?),
                "" => {
                    let index = ["first", "second", "third", "fourth", "fifth"]
                        .iter()
                        .position(|w| *w == n)?;
                    monday(first) + Duration::days(7 * index as i64)
                }
                digits => monday(first) + Duration::days(7 * (digits.parse::<i64>().ok()? - 1)),
            };
            span(start, start + Duration::days(7), Grain::Week)
        }
        Form::Decade => {
            let decade: i32 = match (caps.name("dec"), caps.name("dd")) {
                (Some(dec), _) => dec.as_str().parse().ok()?,
                // "the '80s": the last century's up to the current decade's.
                (None, Some(dd)) => {
                    let dd: i32 = dd.as_str().parse().ok()?;
                    let this = reference.map_or(2000, |r| r.date.year() % 100 / 10 * 10);
                    if dd <= this {
                        2000 + dd
                    } else {
                        1900 + dd
                    }
                }
                _ => return None,
            };
            let (from, to) = match caps.name("p1").map(|p| p.as_str().to_lowercase()) {
                Some(part) if part == "early" => (0, 4),
                Some(part) if part == "mid" => (3, 7),
                Some(_) => (6, 10),
                None => (0, 10),
            };
            span(
                NaiveDate::from_ymd_opt(decade + from, 1, 1)?,
                NaiveDate::from_ymd_opt(decade + to, 1, 1)?,
                Grain::Span,
            )
        }
        Form::Century => {
            let century: i32 = caps["c"].parse().ok()?;
            span(
                NaiveDate::from_ymd_opt((century - 1) * 100, 1, 1)?,
                NaiveDate::from_ymd_opt(century * 100, 1, 1)?,
                Grain::Span,
            )
        }
        Form::DayOfMonth => {
            let reference = reference?;
            let date =
                NaiveDate::from_ymd_opt(reference.date.year(), reference.date.month(), day("d1")?)?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::MonthDayRange | Form::DayRangeMonth => {
            let first_month = month("m1")?;
            let last_month = month("m2").unwrap_or(first_month);
            let start = NaiveDate::from_ymd_opt(year, first_month, day("d1")?)?;
            let last = NaiveDate::from_ymd_opt(year, last_month, day("d2")?)?;
            span(start, last.succ_opt()?, Grain::Span)
        }
        Form::RelativeMonthDay | Form::RelativeMonthDayRange => {
            // "the 15th day of next month", "from 3-9 next month"
            let reference = reference?;
            let (y, m) = shift_month(
                reference.date.year(),
                reference.date.month(),
                offset(&caps["rel"].to_lowercase()),
            )?;
            let first = NaiveDate::from_ymd_opt(y, m, day("d1")?)?;
            match caps.name("d2") {
                Some(_) => {
                    let last = NaiveDate::from_ymd_opt(y, m, day("d2")?)?;
                    span(first, last.succ_opt()?, Grain::Span)
                }
                None => span(first, first.succ_opt()?, Grain::Day),
            }
        }
        Form::WeekdayDay => {
            // "Tue 13th": the nearest month, back or forth, whose 13th is a Tuesday.
            let reference = reference?;
            let weekday = weekday_named(&caps["w"])?;
            let d = day("d1")?;
            let found = (0..24).find_map(|step: i32| {
                let back = if step % 2 == 0 {
                    -(step / 2)
                } else {
                    step / 2 + 1
                };
                let (y, m) = shift_month(reference.date.year(), reference.date.month(), back)?;
                NaiveDate::from_ymd_opt(y, m, d).filter(|date| date.weekday() == weekday)
            })?;
            Some(DateSpan {
                start: found,
                end: found.succ_opt()?,
                grain: Grain::Day,
                year_assumed: reference.assumed,
            })
        }
        Form::MonthDay if caps.name("m2").is_some() => {
            let y = caps.name("y").or(caps.name("y2"))?.as_str().parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, month("m2")?, day("d2")?)?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::MonthDay if year_assumed || explicit_year.is_none() => {
            // Without a year, February 29th is the nearest leap year's.
            let (m, d) = (month("m1")?, day("d1")?);
            let date = (0..8).find_map(|back| NaiveDate::from_ymd_opt(year - back, m, d))?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::MonthDay => {
            let date = NaiveDate::from_ymd_opt(year, month("m1")?, day("d1")?)?;
            span(date, date.succ_opt()?, Grain::Day)
        }
        Form::PartOfMonth => {
            let m = month("m1")?;
            let first = part_of_month(caps.name("p1")?.as_str(), year, m)?;
            let last = match caps.name("p2") {
                Some(p2) => part_of_month(p2.as_str(), year, m)?,
                None => first,
            };
            span(first.0, last.1, Grain::Span)
        }
        Form::MonthRange => {
            let first = month("m1")?;
            let last = month("m2").unwrap_or(first);
            // "Nov-Feb 2017" starts in the year before.
            let start_year = if first > last { year - 1 } else { year };
            let start = NaiveDate::from_ymd_opt(start_year, first, 1)?;
            let end = first_of_next_month(year, last)?;
            let grain = if first == last {
                Grain::Month
            } else {
                Grain::Span
            };
            span(start, end, grain)
        }
        Form::Year => {
            let y = explicit_year?;
            span(
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
                Grain::Year,
            )
        }
        Form::Relative => {
            let reference = reference?;
            relative_span(caps.name("rel")?.as_str(), reference)
        }
        Form::Weekday => {
            let reference = reference?;
            let weekday: Weekday = caps["w"].parse().ok()?;
            let mut date = reference.date;
            while date.weekday() != weekday {
                date = date.pred_opt()?;
            }
            Some(DateSpan {
                start: date,
                end: date.succ_opt()?,
                grain: Grain::Day,
                year_assumed: reference.assumed,
            })
        }
    }
}
