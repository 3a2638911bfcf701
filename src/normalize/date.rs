//! Dates with their grain: absolute days, partial dates (a month, part of a month, a year),
//! ranges, and dates relative to a reference (the document's publication date), each read
//! as a half-open interval of days.

pub use crate::model::date::{DateSpan, Grain, Reference};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Month names in any case, but for "May" and "March", which lower-case are other words.
const MONTH: &str = r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?-i:Mar(?:ch)?|May|MAY|MARCH))\b\.?";
/// A day of the month in digits or words: "7", "7th", "twenty nine", "twenty-second".
const DAY: &str = r"(?:(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?\b|(?i:(?:twenty|thirty)[\s-](?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b)";
const YEAR: &str = r"\b(?:1[89]|20)\d{2}\b";
pub const WEEKDAY: &str = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const PART: &str = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of)";
const RANGE_SEP: &str = r"\s*(?:-|–|\s(?i:to|till|until|through)\s)\s*";
const RELATIVE_ONE: &str = r"(?i:today|now|otd|till\s+date|to\s+date|eoy|(?:this|next|last)\s+work\s?week|(?:(?:this|next|last|the)\s+)?fiscal\s+year|(?:this|next|last|the)\s+calendar\s+year|(?:this|next|last)\s+decade|yesterday|tomorrow|the\s+day\s+before|(?:(?:this|the|next|last)\s+)?weekend|(?:this|last|next|current|the)\s+quarter|(?:this|last|next|past|previous|the|same|current)\s+(?:week|month|year|day))";

fn forms() -> Vec<(String, Form)> {
    let (m, d, y, w, part, sep, rel) = (MONTH, DAY, YEAR, WEEKDAY, PART, RANGE_SEP, RELATIVE_ONE);
    vec![
        (
            r"(?P<y1>\d{4})-(?P<mo1>\d{2})-(?P<d1>\d{2})\.\.(?P<y2>\d{4})-(?P<mo2>\d{2})-(?P<d2>\d{2})".to_string(),
            Form::IsoSpan,
        ),
        (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})".to_string(), Form::Iso),
        (r"(?P<y>\d{4})-(?P<m>0?[1-9]|1[0-2])\b".to_string(), Form::IsoMonth),
        (
            format!(r"(?P<y>{y})[\s-]?(?P<half>[qQhH])(?P<n>[1-4])\b"),
            Form::Quarter,
        ),
        (
            format!(r"(?P<half>[qQhH])(?P<n>[1-4])[\s-](?P<y>{y})"),
            Form::Quarter,
        ),
        (
            format!(r"(?i:the\s+)?(?P<n>1st|2nd|3rd|4th|(?i:first|second|third|fourth))\s+(?P<half>(?i:quarter|half))\s+(?i:of)\s+(?:(?i:the\s+year)|(?P<y>{y}))"),
            Form::Quarter,
        ),
        (
            r"(?i:(?:this|the|next|last)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))\b".to_string(),
            Form::Season,
        ),
        (
            format!(r"(?i:the\s+)?(?P<n>\d{{1,2}}(?i:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|last))\s+(?i:week)\s+(?i:of)\s+(?:(?P<m1>{m})\s+)?(?P<y>{y})"),
            Form::WeekOfYear,
        ),
        (r"(?i:(?:the\s+)?week)\s+(?P<n>\d{1,2})\b".to_string(), Form::WeekOfYear),
        (
            format!(r"(?i:between)\s+(?:(?i:the)\s+)?(?P<d1>{d})\s+(?i:and)\s+(?:(?i:the)\s+)?(?P<d2>{d})\s+(?:(?i:of)\s+)?(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"),
            Form::DayRangeMonth,
        ),
        (
            format!(r"(?i:the\s+)?(?P<n>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)|\d{{1,2}}(?i:st|nd|rd|th))\s+(?i:month)\s+(?i:of)\s+(?P<y>{y})"),
            Form::MonthOfYear,
        ),
        (
            format!(r"(?i:(?:calendar\s+year|cy|fiscal\s+year|fy|sy)\s*)(?P<y>{y}|\d{{2}}\b)"),
            Form::NamedYear,
        ),
        (
            format!(r"(?P<p1>{part})\s+(?P<rel>(?i:this|next|last))\s+(?i:year)"),
            Form::PartOfYear,
        ),
        (
            format!(r"(?P<p1>{part})\s+(?P<y>{y})"),
            Form::PartOfYear,
        ),
        (r"(?P<m>0?[1-9]|1[0-2])[-/](?P<y>\d{4})".to_string(), Form::IsoMonth),
        (
            format!(r"(?P<y>{y})-(?P<m1>{m})-(?P<d1>\d{{1,2}})"),
            Form::MonthDay,
        ),
        (
            r"(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})[/.-](?P<y>\d{4})".to_string(),
            Form::Numeric,
        ),
        (
            r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<yy>\d{2})\b".to_string(),
            Form::Numeric,
        ),
        (
            r"\b(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\b".to_string(),
            Form::Iso,
        ),
        (
            r"(?P<a>\d{1,2})/(?P<b>\d{1,2})".to_string(),
            Form::Numeric,
        ),
        (
            r"(?i:the\s+)?(?P<c>\d{1,2})(?i:st|nd|rd|th)\s+(?i:century)".to_string(),
            Form::Century,
        ),
        (
            format!(r"(?i:the\s+)?(?P<d1>{d})\s+(?i:day)\s+(?i:of)\s+(?P<rel>(?i:next|this|last))\s+(?i:month)"),
            Form::RelativeMonthDay,
        ),
        (
            format!(r"(?i:the\s+)?(?P<d1>{d})\s+(?i:day)\s+(?i:of)\s+(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"),
            Form::MonthDay,
        ),
        (
            r"(?i:the\s+)(?P<d1>\d{1,2})(?i:st|nd|rd|th)".to_string(),
            Form::DayOfMonth,
        ),
        (
            format!(
                r"(?:(?i:from|between)\s+)?(?P<m1>{m})\s+(?P<d1>{d}){sep}(?:(?P<m2>{m})\s+)?(?P<d2>{d})(?:,?\s+(?P<y>{y}))?"
            ),
            Form::MonthDayRange,
        ),
        (
            format!(
                r"(?:(?i:from)\s+)?(?:(?i:the)\s+)?(?P<d1>{d}){sep}(?:(?i:the)\s+)?(?P<d2>{d})\s+(?:(?i:of)\s+)?(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"
            ),
            Form::DayRangeMonth,
        ),
        (
            format!(r"(?:(?P<w>{w}),?\s+)?(?P<m1>{m})\s+(?:the\s+)?(?P<d1>{d})(?:,\s*|\s+)(?:of\s+)?(?P<y>{y})"),
            Form::MonthDay,
        ),
        (
            format!(r"(?P<d1>\d{{1,2}})-(?P<m1>{m})-(?P<y>{y})"),
            Form::MonthDay,
        ),
        (
            format!(r"(?P<y>{y})/(?:(?P<d1>\d{{1,2}})/(?P<m1>{m})|(?P<m2>{m})/(?P<d2>\d{{1,2}}))"),
            Form::MonthDay,
        ),
        (
            format!(r"(?:(?P<m1>{m})-(?P<y>{y})-(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})-(?P<y2>{y})-(?P<m2>{m}))"),
            Form::MonthDay,
        ),
        (
            format!(r"(?P<m1>{m})/(?P<d1>\d{{1,2}})\b"),
            Form::MonthDay,
        ),

        (
            format!(r"(?i:(?:this|next|last|coming)\s+)?{w}\s+(?P<a>\d{{1,2}})[./](?P<b>\d{{1,2}})"),
            Form::Numeric,
        ),
        (
            format!(r"(?P<w>{w}|(?i:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun))\.?,?\s+(?:(?i:the)\s+)?(?P<d1>{d})"),
            Form::WeekdayDay,
        ),
        (
            format!(r"(?P<d1>{d})\s+(?P<m1>{m})\s+in\s+(?P<y>{y})"),
            Form::MonthDay,
        ),
        (
            format!(
                r"(?:(?P<w>{w}),?\s+)?(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m}),?\s+(?:of\s+)?(?P<y>{y})"
            ),
            Form::MonthDay,
        ),
        (
            format!(r"(?:(?P<w>{w}),?\s+)?(?P<m1>{m})\s+(?P<d1>{d})"),
            Form::MonthDay,
        ),
        (
            format!(r"(?:(?P<w>{w}),?\s+)?(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m})"),
            Form::MonthDay,
        ),
        (
            format!(
                r"(?P<p1>{part})(?:\s*(?:-|–|\s(?i:to)\s)\s*(?P<p2>{part}))?[\s-]*(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"
            ),
            Form::PartOfMonth,
        ),
        (
            format!(r"(?P<m1>{m}){sep}(?P<m2>{m}),?\s+(?P<y>{y})"),
            Form::MonthRange,
        ),
        (format!(r"(?P<m1>{m}),?\s+(?P<y>{y})"), Form::MonthRange),
        (
            format!(r"(?P<m1>{m})\s+(?i:of)\s+'?(?P<yy>\d{{2}})\b"),
            Form::MonthRange,
        ),
        (
            format!(r"(?P<m1>{m})\s+(?:in|of)\s+(?P<y>{y})"),
            Form::MonthRange,
        ),
        (format!(r"(?P<m1>{m})"), Form::MonthRange),
        (format!(r"(?P<y>{y})"), Form::Year),
        (
            format!(r"(?P<rel>{rel}(?:(?:,\s*|\s+and\s+|,\s+and\s+){rel})*)"),
            Form::Relative,
        ),
        (format!(r"(?P<w>{w})\b"), Form::Weekday),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Form {
    RelativeMonthDay,
    WeekdayDay,
    MonthOfYear,
    NamedYear,
    Season,
    Quarter,
    WeekOfYear,
    PartOfYear,
    Century,
    DayOfMonth,
    IsoSpan,
    Iso,
    IsoMonth,
    Numeric,
    MonthDayRange,
    DayRangeMonth,
    MonthDay,
    PartOfMonth,
    MonthRange,
    Year,
    Relative,
    Weekday,
}

struct CompiledForm {
    regex: Regex,
    form: Form,
}

static FORMS: LazyLock<Vec<CompiledForm>> = LazyLock::new(|| {
    forms()
        .into_iter()
        .map(|(pattern, form)| CompiledForm {
            regex: crate::pattern::compile(&format!("^(?:{pattern})$"))
                .expect("date form compiles"),
            form,
        })
        .collect()
});

/// Regex fragment (no capture groups) for a full date written with its weekday: "Monday
/// August 14, 1964", "Friday, 29 May 2026".
pub static WEEKDAY_DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:{WEEKDAY},?\s+(?:{MONTH}\s+{DAY},?\s+{YEAR}|(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}))"
    )
});

/// The weekday a text gives a date, and the weekday that date really is, if they differ.
pub fn weekday_mismatch(text: &str) -> Option<(Weekday, NaiveDate)> {
    let (written, rest) = text
        .trim()
        .split_once(|c: char| c == ',' || c.is_whitespace())?;
    let written = weekday_named(written)?;
    let date = parse_date(rest.trim_start_matches([',', ' ']), None)?;
    (date.grain == Grain::Day && date.start.weekday() != written).then_some((written, date.start))
}

/// Regex fragment (no capture groups) for one date expression of any form above.
pub static DATE: LazyLock<String> = LazyLock::new(|| {
    let alternatives: Vec<String> = forms()
        .into_iter()
        .map(|(pattern, _)| strip_group_names(&pattern))
        .collect();
    format!(r"(?:{})", alternatives.join("|"))
});

/// Turns `(?P<name>` into `(?:` so a fragment can sit inside a rule's own pattern.
pub(crate) fn strip_group_names(pattern: &str) -> String {
    static NAMED: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::compile(r"\(\?P<\w+>").unwrap());
    NAMED.replace_all(pattern, "(?:").into_owned()
}

/// Parses one date expression; year-less and relative dates need a reference.
pub fn parse_date(text: &str, reference: Option<Reference>) -> Option<DateSpan> {
    let text = text.trim();
    let text = text
        .strip_prefix("on ")
        .or_else(|| text.strip_prefix("On "))
        .unwrap_or(text);
    for compiled in FORMS.iter() {
        if let Some(caps) = compiled.regex.captures(text) {
            if let Some(span) = resolve(compiled.form, &caps, reference) {
                return Some(span);
            }
        }
    }
    None
}

/// Whether `text` is written as a date but names a day that does not exist ("feb 30",
/// "2/29/2019").
pub fn is_impossible_date(text: &str) -> bool {
    static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"^(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})|(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{4}}))?)$"
        ))
        .expect("impossible-date pattern compiles")
    });
    let Some(caps) = WRITTEN.captures(text.trim()) else {
        return false;
    };
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (month, day, year) = match caps.name("m1") {
        Some(m) => (month_number(m.as_str()), number("d1"), None),
        None => (
            number("a"),
            number("b"),
            caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok()),
        ),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return false;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day).is_none(),
        // Without a year only a day no year has is impossible (February 29th is not).
        None => NaiveDate::from_ymd_opt(2024, month, day).is_none(),
    }
}

/// Finds a dated header line's date: a full day with a year, also in the header-only
/// short form "30 May 16" and the numeric "20/05/2026 15:49".
pub fn parse_header_date(line: &str) -> Option<NaiveDate> {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"\b(?P<d>{DAY})\s+(?P<m>{MONTH})\s+(?P<y>\d{{2}})\b"
        ))
        .unwrap()
    });
    static ANY: LazyLock<Regex> = LazyLock::new(|| crate::pattern::compile(&DATE).unwrap());
    for found in ANY.find_iter(line) {
        if let Some(span) = parse_date(found.as_str(), None) {
            if span.grain == Grain::Day {
                return Some(span.start);
            }
        }
    }
    let caps = SHORT.captures(line)?;
    let year = 2000 + caps["y"].parse::<i32>().ok()?;
    let month = month_number(&caps["m"])?;
    NaiveDate::from_ymd_opt(year, month, day_number(&caps["d"])?)
}

fn resolve(form: Form, caps: &Captures, reference: Option<Reference>) -> Option<DateSpan> {
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
            (Form::RelativeMonthDay | Form::WeekdayDay, _) => (0, false),
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
                    caps[y].parse().ok()?,
                    caps[m].parse().ok()?,
                    caps[d].parse().ok()?,
                )
            };
            let start = date("y1", "mo1", "d1")?;
            let end = date("y2", "mo2", "d2")?;
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
        Form::RelativeMonthDay => {
            let reference = reference?;
            let (y, m) = shift_month(
                reference.date.year(),
                reference.date.month(),
                offset(&caps["rel"].to_lowercase()),
            )?;
            let date = NaiveDate::from_ymd_opt(y, m, day("d1")?)?;
            span(date, date.succ_opt()?, Grain::Day)
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

/// The union of one or more relative expressions ("today, this week and last week").
fn relative_span(text: &str, reference: Reference) -> Option<DateSpan> {
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
            ["next", "week"] => (
                week_start + Duration::days(7),
                week_start + Duration::days(14),
                Grain::Week,
            ),
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

fn offset(which: &str) -> i32 {
    match which {
        "last" | "past" | "previous" => -1,
        "next" => 1,
        _ => 0,
    }
}

fn shift_month(year: i32, month: u32, by: i32) -> Option<(i32, u32)> {
    let index = year * 12 + month as i32 - 1 + by;
    Some((
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12)).ok()? + 1,
    ))
}

fn first_of_next_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = shift_month(year, month, 1)?;
    NaiveDate::from_ymd_opt(y, m, 1)
}

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
fn easter(year: i32) -> Option<NaiveDate> {
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
fn part_of_month(part: &str, year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
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
fn weekday_named(name: &str) -> Option<Weekday> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|w| *w == prefix)
        .and_then(|i| Weekday::try_from(i as u8).ok())
}

fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

fn day_number(text: &str) -> Option<u32> {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return text
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok();
    }
    // "twenty nine", "twenty-second", "first"
    let tokens = super::tokens::tokenize(text);
    let convention = super::number::Convention::DotDecimal;
    let parsed = super::tokens::ordinal(&tokens, 0, convention)
        .or_else(|| super::tokens::cardinal(&tokens, 0, convention))?;
    (parsed.end == tokens.len() && (1.0..=31.0).contains(&parsed.value))
        .then_some(parsed.value as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(date: &str) -> Option<Reference> {
        Some(Reference {
            date: date.parse().unwrap(),
            assumed: false,
        })
    }

    fn canonical(text: &str, reference_date: &str) -> String {
        parse_date(text, reference(reference_date))
            .unwrap_or_else(|| panic!("no date in {text:?}"))
            .canonical()
    }

    #[test]
    fn absolute_days_in_every_order() {
        assert_eq!(canonical("May 29, 2026", "2000-01-01"), "2026-05-29");
        assert_eq!(canonical("29 May 2026", "2000-01-01"), "2026-05-29");
        assert_eq!(canonical("20/05/2026", "2000-01-01"), "2026-05-20");
        assert_eq!(canonical("2026-05-20", "2000-01-01"), "2026-05-20");
        assert_eq!(canonical("2026-05", "2000-01-01"), "2026-05");
        assert_eq!(
            canonical("2026-05-11..2026-05-25", "2000-01-01"),
            "2026-05-11..2026-05-25"
        );
        assert_eq!(
            canonical("Monday August 14, 1964", "2000-01-01"),
            "1964-08-14"
        );
    }

    #[test]
    fn partial_dates_keep_their_grain() {
        assert_eq!(canonical("December 2006", "2026-01-01"), "2006-12");
        assert_eq!(canonical("2003", "2026-01-01"), "2003");
        assert_eq!(canonical("May", "2026-05-20"), "2026-05");
        assert_eq!(
            canonical("mid to late June", "2026-05-20"),
            "2026-06-11..2026-07-01"
        );
        assert_eq!(
            canonical("the end of January", "2026-05-20"),
            "2026-01-21..2026-02-01"
        );
    }

    #[test]
    fn ranges_within_and_across_months() {
        assert_eq!(
            canonical("June 16-30", "2026-05-20"),
            "2026-06-16..2026-07-01"
        );
        assert_eq!(
            canonical("7 to 12 October", "2026-05-20"),
            "2026-10-07..2026-10-13"
        );
        assert_eq!(
            canonical("from 2 to 9 November", "2026-05-20"),
            "2026-11-02..2026-11-10"
        );
        assert_eq!(
            canonical("March-June 1999", "2026-05-20"),
            "1999-03-01..1999-07-01"
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_reference() {
        // 2026-05-20 is a Wednesday.
        assert_eq!(canonical("today", "2026-05-20"), "2026-05-20");
        assert_eq!(
            canonical("this week and last week", "2026-05-20"),
            "2026-05-11..2026-05-25"
        );
        assert_eq!(canonical("on Monday", "2026-05-20"), "2026-05-18");
        assert_eq!(canonical("May 18", "2016-05-30"), "2016-05-18");
        assert!(parse_date("May 18", None).is_none());
    }

    #[test]
    fn assumed_reference_marks_the_year_assumed() {
        let guess = Some(Reference {
            date: "2026-05-29".parse().unwrap(),
            assumed: true,
        });
        assert!(parse_date("mid to late June", guess).unwrap().year_assumed);
        assert!(!parse_date("June 2026", guess).unwrap().year_assumed);
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_is_caught() {
        let (written, date) = weekday_mismatch("Monday August 14, 1964").unwrap();
        assert_eq!((written, date.weekday()), (Weekday::Mon, Weekday::Fri));
        assert_eq!(weekday_mismatch("Friday August 14, 1964"), None);
        assert_eq!(weekday_mismatch("Friday, 29 May 2026"), None);
    }

    #[test]
    fn holidays_fall_on_their_days() {
        assert_eq!(holiday("easter", 2018), "2018-04-01".parse().ok());
        assert_eq!(holiday("Easter", 2019), "2019-04-21".parse().ok());
        assert_eq!(holiday("black friday", 2010), "2010-11-26".parse().ok());
        assert_eq!(holiday("thanksgiving", 2023), "2023-11-23".parse().ok());
        assert_eq!(holiday("christmas", 2016), "2016-12-25".parse().ok());
    }

    #[test]
    fn header_dates_accept_the_short_year() {
        assert_eq!(
            parse_header_date("Analysis 30 May 16"),
            "2016-05-30".parse().ok()
        );
        assert_eq!(
            parse_header_date("20/05/2026 15:49"),
            "2026-05-20".parse().ok()
        );
        assert_eq!(parse_header_date("(completed in 1980)"), None);
    }

    #[test]
    fn lower_case_may_is_not_a_month() {
        let re = crate::pattern::compile(&DATE).unwrap();
        assert!(!re.is_match("it may rain"));
        assert!(re.is_match("in May"));
    }
}
