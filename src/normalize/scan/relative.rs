//! Dates counted from another date or from the reference: "the first 2 weeks of 2021",
//! "earlier this month", "two months ago", "3 days after January 12th", "next Monday",
//! "last 3 months", holidays ("easter 2018"), and years in words ("two thousand and ten").

use super::{has_year, shift};
use super::{Kind, Mention, MentionValue, Reference, Scanner};
use crate::normalize::date::{DateSpan, Grain};
use crate::normalize::tokens::TokenKind;
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// The most weekdays "next N business days" counts: about ten years of them.
const MAX_BUSINESS_DAYS: f64 = 2600.0;

impl Scanner<'_> {
    /// "the first 2 weeks of 2021", "the last four months of 2021", "earlier this month",
    /// "later this week", "August two thousand and fifteen".
    pub(super) fn refined_dates(&self, dates: &[Mention]) -> Vec<Mention> {
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
                        found.push(Mention::date(
                            caps.get(0).map_or(duration.span.start, |m| m.start())..date.span.end,
                            DateSpan::between(start, end, span.year_assumed),
                        ));
                    }
                }
            }
            // "early in the month", "late in the year", "the middle of next week"
            if let Some((part, at)) = part_before(before) {
                if let Some((from, to)) = part_of(span, part) {
                    found.push(Mention::date(
                        at..date.span.end,
                        DateSpan::between(from, to, span.year_assumed),
                    ));
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
                found.push(Mention::date(
                    before.trim_end().len() - keyword.len()..date.span.end,
                    DateSpan::between(start, end, span.year_assumed),
                ));
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
    pub(super) fn year_in_words(&self, at: usize) -> Option<(i32, usize)> {
        if self.tokens.get(at)?.kind != TokenKind::Word {
            return None;
        }
        if let Some(parsed) = self.cardinal(at) {
            if (1000.0..2200.0).contains(&parsed.value) && parsed.value.fract() == 0.0 {
                return Some((parsed.value as i32, parsed.end));
            }
        }
        // "nineteen eighty six": a century and a year of it.
        let century = crate::normalize::tokens::small_word(self.word(at)?)?;
        if !(10.0..=20.0).contains(&century) {
            return None;
        }
        let rest = self.cardinal(at + 1)?;
        (rest.value < 100.0 && rest.value.fract() == 0.0)
            .then_some(((century * 100.0 + rest.value) as i32, rest.end))
    }

    /// "easter 2018", "last Easter", "next new year day", "Christmas".
    pub(super) fn holidays(&self) -> Vec<Mention> {
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
                    .and_then(|y| crate::normalize::date::holiday(name, y)),
                (None, Some(modifier), Some(today)) => {
                    let this = crate::normalize::date::holiday(name, today.year());
                    match modifier.as_str() {
                        "last" | "previous" => this
                            .filter(|d| *d < today)
                            .or_else(|| crate::normalize::date::holiday(name, today.year() - 1)),
                        "next" | "following" | "coming" => this
                            .filter(|d| *d > today)
                            .or_else(|| crate::normalize::date::holiday(name, today.year() + 1)),
                        _ => this,
                    }
                }
                (None, None, Some(today)) => crate::normalize::date::holiday(name, today.year()),
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
                    found.push(Mention::date(
                        span_start..span_end,
                        DateSpan::between(start, end, false),
                    ));
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

    /// "next 4 business days", "the past 10 working days" (the direction word at `start`):
    /// that many weekdays after (or before) the reference.
    fn business_days(&self, start: usize, reference: Reference, forward: bool) -> Option<Mention> {
        let today = reference.date;
        let count = self.cardinal(start + 1)?;
        if !matches!(self.word(count.end), Some("business" | "working"))
            || !matches!(self.word(count.end + 1), Some("day" | "days"))
            || count.value.fract() != 0.0
            || !(1.0..=MAX_BUSINESS_DAYS).contains(&count.value)
        {
            return None;
        }
        let step = |date: NaiveDate| {
            if forward {
                date.succ_opt()
            } else {
                date.pred_opt()
            }
        };
        let mut date = today;
        let mut left = count.value as u32;
        while left > 0 {
            date = step(date)?;
            if date.weekday().num_days_from_monday() < 5 {
                left -= 1;
            }
        }
        let (first, after_last) = if forward {
            (today.succ_opt()?, date.succ_opt()?)
        } else {
            (date, today)
        };
        Some(Mention::date(
            self.span(start, count.end + 2),
            DateSpan::between(first, after_last, reference.assumed),
        ))
    }

    /// "in 2 weeks", "two months ago", "3 days from today", "2 weeks before May 13 1999",
    /// "next 3 days", "last 3 months", "next Monday", "last Wednesday".
    pub(super) fn relative_dates(&self, dates: &[Mention]) -> Vec<Mention> {
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
        // From the last token back, so that a date counted from a relative one ("two
        // months after next Friday") finds it already read.
        for start in (0..self.tokens.len()).rev() {
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
            // "the 3 next weeks": the count before the direction word, and the unit in the
            // count's number ("3 next week" is three of something next week).
            let count_first = self.cardinal(start).filter(|p| {
                p.end == start + 1
                    && word(start + 2).is_some_and(|unit| {
                        super::durations::is_time_unit(unit)
                            && (p.value == 1.0) != unit.ends_with('s')
                    })
            });
            let (direction_at, duration_at) = match count_first {
                Some(_) => (start + 1, start),
                None => (start, start + 1),
            };
            if let Some(
                direction @ ("next" | "last" | "past" | "previous" | "coming" | "following"),
            ) = word(direction_at).filter(|_| !verb_before)
            {
                let forward = matches!(direction, "next" | "coming" | "following");
                if count_first.is_none() {
                    if let Some(days) = self.business_days(start, reference, forward) {
                        found.push(days);
                        continue;
                    }
                }
                let duration = match count_first {
                    Some(count) => self.time_unit(start + 2).map(|(unit, end)| Mention {
                        span: self.span(start, end),
                        kind: Kind::Duration,
                        value: MentionValue::Duration {
                            seconds: count.value * unit,
                        },
                    }),
                    None => self.duration(duration_at),
                };
                if let Some(duration) = duration {
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
                        let months = chrono::Months::new(quarters.saturating_mul(3));
                        let next = this_quarter + chrono::Months::new(3);
                        let (start_date, end_date) = if forward {
                            (
                                next,
                                next.checked_add_months(months).unwrap_or(NaiveDate::MAX),
                            )
                        } else {
                            (
                                this_quarter
                                    .checked_sub_months(months)
                                    .unwrap_or(NaiveDate::MIN),
                                this_quarter,
                            )
                        };
                        found.push(Mention::date(
                            self.span(start, self.token_end(duration.span.end)),
                            DateSpan::between(start_date, end_date, reference.assumed),
                        ));
                        continue;
                    }
                    let (after, before) = (
                        shift(today.succ_opt().unwrap_or(today), seconds, 1),
                        shift(today, seconds, -1),
                    );
                    let value = if forward {
                        DateSpan::between(
                            today.succ_opt().unwrap_or(today),
                            after,
                            reference.assumed,
                        )
                    } else {
                        DateSpan::between(before, today, reference.assumed)
                    };
                    found.push(Mention::date(
                        self.span(start, self.token_end(duration.span.end)),
                        value,
                    ));
                    continue;
                }
            }
            // "within 6 weeks": from the reference to the end of the duration.
            if word(start) == Some("within") {
                if let Some(duration) = self.duration(start + 1) {
                    let MentionValue::Duration { seconds } = duration.value else {
                        continue;
                    };
                    found.push(Mention::date(
                        self.span(start, self.token_end(duration.span.end)),
                        DateSpan::between(today, shift(today, seconds, 1), reference.assumed),
                    ));
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
                                    DateSpan::between(moved, NaiveDate::MAX, reference.assumed)
                                } else if qualifier.starts_with("less than") && sign > 0 {
                                    DateSpan::between(anchor_span.start, moved, reference.assumed)
                                } else {
                                    day(moved)
                                };
                                found.push(Mention::date(
                                    duration.span.start..anchor.span.end,
                                    value,
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        found.reverse();
        found
    }
}

/// Which part of a period: its first, middle or last stretch.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Early,
    Middle,
    Late,
}

/// The part word that `before` (the text before a date) ends with, and where it starts:
/// "early in", "late", "mid-", "in the middle of", "the end of", "the beginning of".
fn part_before(before: &str) -> Option<(Part, usize)> {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(
            r"(?i)\b(?:(early|late|mid)(?:\s+in|\s*-)?|(?:the\s+|in\s+the\s+)?(beginning|start|middle|end)\s+of)\s*$",
        )
        .unwrap()
    });
    let caps = PART.captures(before)?;
    let word = caps.get(1).or(caps.get(2))?.as_str().to_lowercase();
    let part = match word.as_str() {
        "early" | "beginning" | "start" => Part::Early,
        "mid" | "middle" => Part::Middle,
        _ => Part::Late,
    };
    Some((part, caps.get(0)?.start()))
}

/// The part of a week, a month or a year (as the date grammar reads "early June" and
/// "mid-2019"): a week's Monday to Wednesday, Wednesday to Friday, Thursday on; a month's
/// first, middle and last ten days; a year's first four months, May to August, its last
/// half.
fn part_of(span: &DateSpan, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let days = chrono::Duration::days;
    Some(match span.grain {
        Grain::Week => match part {
            Part::Early => (span.start, span.start + days(3)),
            Part::Middle => (span.start + days(2), span.start + days(5)),
            Part::Late => (span.start + days(3), span.end),
        },
        Grain::Month => {
            let day = |d: u32| span.start.with_day(d);
            match part {
                Part::Early => (span.start, day(11)?),
                Part::Middle => (day(11)?, day(21)?),
                Part::Late => (day(21)?, span.end),
            }
        }
        Grain::Year => {
            let month = |m: u32| span.start.with_month(m);
            match part {
                Part::Early => (span.start, month(5)?),
                Part::Middle => (month(5)?, month(9)?),
                Part::Late => (month(7)?, span.end),
            }
        }
        _ => return None,
    })
}
