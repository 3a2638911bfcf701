//! Dates with their grain: absolute days, partial dates (a month, part of a month, a year),
//! ranges, and dates relative to a reference (the document's publication date), each read
//! as a half-open interval of days.

mod calendar;
mod relative;
mod resolve;
#[cfg(test)]
mod tests;

pub use crate::model::date::{DateSpan, Grain, Reference};
use crate::text::pattern::LazyRegex;
pub use calendar::holiday;
use calendar::{day_number, month_number, weekday_named};
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use resolve::resolve;
use std::sync::{LazyLock, OnceLock};

/// Month names in any case, but for "May" and "March", which lower-case are other words.
const MONTH: &str = r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?-i:Mar(?:ch)?|May|MAY|MARCH))\b\.?";
/// A month name as it stands before a day, which may follow it with no space ("Jan5",
/// "Jan.5"): the names of [`MONTH`] without the boundary, and the gap after them.
const MONTH_BEFORE_DAY: &str = r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?-i:Mar(?:ch)?|May|MAY|MARCH))";
/// After a year a month name is one in any case ("2019 march"), but for "may", which after
/// a year is a verb more often than not ("2019 may see").
const MONTH_AFTER_YEAR: &str = r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?-i:May|MAY))\b\.?";
/// A decade: "the 1980s", "1980 s", "the '80s", "the early 1990s".
const DECADE: &str = r"(?i:the\s+)?(?:(?P<p1>(?i:early|mid|late))[\s-]+)?(?:(?P<dec>(?:1[0-9]|20)\d0)\s?|['’](?P<dd>\d0))(?i:['’]?s)\b";
/// A day of the month in digits or words: "7", "7th", "twenty nine", "twenty-second".
const DAY: &str = r"(?:(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?\b|(?i:(?:twenty|thirty)[\s-](?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b)";
const YEAR: &str = r"\b(?:1[89]|20)\d{2}\b";
pub const WEEKDAY: &str = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const PART: &str = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of)";
const RANGE_SEP: &str = r"\s*(?:-|–|\s(?i:to|till|until|through)\s)\s*";
const RELATIVE_ONE: &str = r"(?i:the\s+(?:day|week|month|year)\s+(?:after\s+next|before\s+last)|the\s+day\s+(?:after\s+tomorrow|before\s+yesterday)|today|now|otd|till\s+date|to\s+date|eoy|(?:this|next|last)\s+work\s?week|(?:(?:this|next|last|the)\s+)?fiscal\s+year|(?:this|next|last|the)\s+calendar\s+year|(?:this|next|last)\s+decade|yesterday|tomorrow|the\s+day\s+before|(?:(?:this|the|next|last)\s+)?weekend|(?:this|last|next|current|the)\s+quarter|(?:this|last|next|coming|past|previous|the|same|current)\s+(?:week|fortnight|month|year|day))";

fn forms() -> Vec<(String, Form)> {
    let (m, d, y, w, part, sep, rel) = (MONTH, DAY, YEAR, WEEKDAY, PART, RANGE_SEP, RELATIVE_ONE);
    // A month before its day: "Jan 5", "Jan. 5", "Jan5".
    let md = format!(r"{MONTH_BEFORE_DAY}(?:\b\.?\s*|)");
    let my = MONTH_AFTER_YEAR;
    vec![
        (
            // As `DateSpan::canonical` writes a range: first and last day, either left out
            // where the range is open.
            r"(?P<y1>\d{4})-(?P<mo1>\d{2})-(?P<d1>\d{2})\.\.(?:(?P<y2>\d{4})-(?P<mo2>\d{2})-(?P<d2>\d{2}))?|\.\.(?P<y3>\d{4})-(?P<mo3>\d{2})-(?P<d3>\d{2})".to_string(),
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
            format!(r"(?i:(?:this|the|next|last)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:,?\s+(?i:of\s+)?(?P<y>{y}))?"),
            Form::Season,
        ),
        (
            format!(r"(?i:the\s+)?(?P<n>\d(?i:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|last))\s+(?i:week)\s+(?i:of)\s+(?:(?i:the\s+month\s+of)\s+)?(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"),
            Form::WeekOfMonth,
        ),
        (
            format!(r"(?i:the\s+)?(?P<n>\d{{1,2}}(?i:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|last))\s+(?i:week)\s+(?i:of)\s+(?P<y>{y})"),
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
        // "from 3-9 next month", "between the 3rd and the 9th of this month"
        (
            format!(r"(?:(?i:from|between)\s+)?(?:(?i:the)\s+)?(?P<d1>{d})(?:\s*(?:-|–)\s*|\s+(?i:to|till|until|through|and)\s+)(?:(?i:the)\s+)?(?P<d2>{d})\s+(?:(?i:of)\s+)?(?P<rel>(?i:next|this|last))\s+(?i:month)"),
            Form::RelativeMonthDayRange,
        ),
        (
            format!(r"(?i:the\s+)?(?P<d1>{d})\s+(?i:day)\s+(?i:of)\s+(?P<m1>{m})(?:,?\s+(?P<y>{y}))?"),
            Form::MonthDay,
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
            format!(r"(?:(?P<w>{w}),?\s+)?(?P<m1>{md})(?:the\s+)?(?P<d1>{d})(?:\s*,\s*|\s+)(?:of\s+)?(?P<y>{y})"),
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
            // "this Friday-Jun-15", "this friday (jun-15)": the weekday and the day it names.
            format!(r"(?i:(?:this|next|last|coming)\s+)?(?P<w>{w})\s*(?:-|,|\()\s*(?P<m1>{MONTH_BEFORE_DAY})[-\s](?P<d1>{d})\)?"),
            Form::MonthDay,
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
            format!(r"(?:(?P<w>{w}),?\s+)?(?P<m1>{md})(?P<d1>{d})"),
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
        // After every form that may go on from a day ("the 3rd of June").
        (
            r"(?i:the\s+)(?P<d1>\d{1,2})(?i:st|nd|rd|th)".to_string(),
            Form::DayOfMonth,
        ),
        (DECADE.to_string(), Form::Decade),
        // Year first: "2019 march", "2019 Jan".
        (format!(r"(?P<y>{y})\s+(?P<m1>{my})"), Form::MonthRange),
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
    RelativeMonthDayRange,
    WeekdayDay,
    MonthOfYear,
    NamedYear,
    Season,
    Quarter,
    WeekOfYear,
    WeekOfMonth,
    Decade,
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

pub(crate) struct CompiledForm {
    regex: Regex,
    form: Form,
}

static FORMS: OnceLock<Vec<CompiledForm>> = OnceLock::new();

/// The date forms, compiled when first read (a caller that compiles other patterns side by
/// side calls it to compile these with them).
pub(crate) fn compiled_forms() -> &'static [CompiledForm] {
    FORMS.get_or_init(|| {
        forms()
            .into_iter()
            .map(|(pattern, form)| CompiledForm {
                regex: crate::pattern::compile(&format!("^(?:{pattern})$"))
                    .expect("date form compiles"),
                form,
            })
            .collect()
    })
}

/// Whether the date reader's forms are compiled.
pub fn forms_compiled() -> bool {
    FORMS.get().is_some()
}

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

/// Finds the dates of a text: [`DATE`], after an "on", "in" or "of" where one stands
/// before it ([`date_in`] leaves it out); compiled when first used. The one date search of
/// the program: the scanner, the rule patterns' dates and header dates all read with it.
pub fn date_finder() -> &'static LazyRegex {
    // The grammar of dates is one large alternation: a lazy DFA cache of the default size
    // is filled and cleared again and again by varied text, so give it room.
    static FINDER: LazyLock<LazyRegex> = LazyLock::new(|| {
        LazyRegex::new(
            &format!(r"(?i:\b(?:on|in|of)\s+)?{}", *DATE),
            Some(32 << 20),
        )
    });
    &FINDER
}

/// Where the date of a [`date_finder`] match starts: after its "on", "in" or "of".
pub fn date_in(found: &regex::Match) -> usize {
    let text = found.as_str();
    let lead = text.len() - text.trim_start_matches(|c: char| c.is_alphabetic()).len();
    if ["on", "in", "of"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(&text[..lead]))
    {
        found.end() - text[lead..].trim_start().len()
    } else {
        found.start()
    }
}

/// What `{DATE}` stands for in a rule pattern: one date that [`mark_dates`] marked in the
/// sentence. The date grammar is large, and a pattern that embedded it would compile it
/// again for itself (most of a one-file run's time went to that); marked, it is read once.
pub const DATE_SLOT: &str = r"(?:[^\x01]\x01+[^\x01])";

/// The byte that fills a marked date.
const DATE_FILL: char = '\x01';

/// Words a date form may begin with that a rule pattern may spell itself before a date
/// ("held from May 11 to May 24"): a date found with one is marked without it where the rest
/// is the same date.
const LEADING_WORDS: &[&str] = &["from", "between"];

/// `text` with the inside of every date [`date_finder`] finds (all but its first and last
/// character) filled with `\x01`, for [`DATE_SLOT`] to match; byte offsets are unchanged, and
/// so is what `\b` sees at a date's edges. A date of one or two characters is left as it is.
pub fn mark_dates(text: &str) -> String {
    // A fill byte already in the text must not pass for part of a marked date.
    let text = if text.contains(DATE_FILL) {
        std::borrow::Cow::Owned(text.replace(DATE_FILL, " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let finder: &Regex = date_finder();
    let mut marked = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = finder.find_at(&text, at) {
        at = found.end().max(next_char_end(&text, found.start()));
        let start = without_leading_word(&text, date_in(&found)..found.end(), finder);
        // Letters on both sides of an edge: the "now" of "known" is no date.
        if inside_a_word(&text, start) || inside_a_word(&text, found.end()) {
            continue;
        }
        let inside_start = next_char_end(&text, start);
        let inside_end = text[..found.end()]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        if inside_start >= inside_end {
            continue;
        }
        marked.push_str(&text[copied..inside_start]);
        marked.extend(std::iter::repeat_n(DATE_FILL, inside_end - inside_start));
        copied = inside_end;
    }
    marked.push_str(&text[copied..]);
    marked
}

/// Where the date at `found` starts once a [`LEADING_WORDS`] word is left out, if the rest
/// is the same date.
fn without_leading_word(text: &str, found: std::ops::Range<usize>, finder: &Regex) -> usize {
    let Some((first, rest)) = text[found.clone()].split_once(char::is_whitespace) else {
        return found.start;
    };
    if !LEADING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first)) {
        return found.start;
    }
    let rest_start = found.end - rest.trim_start().len();
    match finder.find_at(text, rest_start) {
        Some(inner) if date_in(&inner) == rest_start && inner.end() == found.end => rest_start,
        _ => found.start,
    }
}

/// Whether `at` falls between two letters or digits of one word.
fn inside_a_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The end of the character that starts at `at` (or `at` at the text's end).
fn next_char_end(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// Turns `(?P<name>` into `(?:` so a fragment can sit inside a rule's own pattern.
pub(crate) fn strip_group_names(pattern: &str) -> String {
    static NAMED: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::compile(r"\(\?P<\w+>").unwrap());
    NAMED.replace_all(pattern, "(?:").into_owned()
}

/// Whether `word` names a month, in full or abbreviated ("Jan", "June", "sept").
pub fn is_month_name(word: &str) -> bool {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!("^(?i:{MONTH_BEFORE_DAY})$")).expect("month names compile")
    });
    NAME.is_match(word)
}

/// Parses one date expression; year-less and relative dates need a reference.
pub fn parse_date(text: &str, reference: Option<Reference>) -> Option<DateSpan> {
    let text = text.trim();
    let text = text
        .strip_prefix("on ")
        .or_else(|| text.strip_prefix("On "))
        .unwrap_or(text);
    for compiled in compiled_forms() {
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

/// The most words a line may have for its "30 May 16" to be a dateline's date: in a
/// sentence the form is a score and a day ("lost 30-7 Oct. 19 at Carolina").
const DATELINE_WORDS: usize = 8;

/// Finds a dated header line's date: a full day with a year, also in the header-only
/// short form "30 May 16" (on a line of a dateline's length) and the numeric "20/05/2026
/// 15:49".
pub fn parse_header_date(line: &str) -> Option<NaiveDate> {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"\b(?P<d>{DAY})\s+(?P<m>{MONTH})\s+(?P<y>\d{{2}})\b"
        ))
        .unwrap()
    });
    static WEEKDAY_WORD: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::compile(&format!(r"\b{WEEKDAY}\b,?")).unwrap());
    let finder: &Regex = date_finder();
    let full_day = |line: &str| {
        finder.find_iter(line).find_map(|found| {
            parse_date(&line[date_in(&found)..found.end()], None)
                .filter(|span| span.grain == Grain::Day)
                .map(|span| span.start)
        })
    };
    // "WEDNESDAY 03 JULY 2013": the weekday read with the day would leave the month and
    // year a month's date; without it the line gives the day.
    if let Some(day) = full_day(line).or_else(|| full_day(&WEEKDAY_WORD.replace_all(line, ""))) {
        return Some(day);
    }
    if line.split_whitespace().count() > DATELINE_WORDS {
        return None;
    }
    let caps = SHORT.captures(line)?;
    let year = 2000 + caps["y"].parse::<i32>().ok()?;
    let month = month_number(&caps["m"])?;
    NaiveDate::from_ymd_opt(year, month, day_number(&caps["d"])?)
}
