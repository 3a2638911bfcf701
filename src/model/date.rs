//! Dates as half-open intervals of days with their grain, and the reference date that
//! relative dates resolve against.

use chrono::NaiveDate;

/// How fine a date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Grain {
    Day,
    Week,
    Month,
    Year,
    /// Several days given as a span ("June 16-30", "mid to late June").
    Span,
}

impl Grain {
    pub fn name(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Year => "year",
            Grain::Span => "span",
        }
    }
}

/// A date as the interval `start..end` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub grain: Grain,
    /// The text gave no year and the reference it was taken from is itself a guess.
    pub year_assumed: bool,
}

impl DateSpan {
    /// A stretch of days that is no calendar unit of its own ("the first two weeks of May").
    pub fn between(start: NaiveDate, end: NaiveDate, year_assumed: bool) -> Self {
        DateSpan {
            start,
            end,
            grain: Grain::Span,
            year_assumed,
        }
    }

    /// The first day, unless the span is open at its start ("until May").
    pub fn first_day(&self) -> Option<NaiveDate> {
        (self.start != NaiveDate::MIN).then_some(self.start)
    }

    /// The last day (the day before the interval's end), unless the span is open at its
    /// end ("since May").
    pub fn last_day(&self) -> Option<NaiveDate> {
        if self.end == NaiveDate::MAX {
            None
        } else {
            self.end.pred_opt()
        }
    }

    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// "2026-05-29", "2026-05", "2026", "2026-06-11..2026-06-30": a range as a reader
    /// gives it, from its first day to its last (the interval's end is the day after);
    /// an open end is left blank ("..2026-11-09", "2018-01-01..").
    pub fn canonical(&self) -> String {
        let text = match self.grain {
            Grain::Day => self.start.format("%Y-%m-%d").to_string(),
            Grain::Month => self.start.format("%Y-%m").to_string(),
            Grain::Year => self.start.format("%Y").to_string(),
            Grain::Week | Grain::Span => format!(
                "{}..{}",
                self.first_day()
                    .map_or(String::new(), |d| d.format("%Y-%m-%d").to_string()),
                self.last_day()
                    .map_or(String::new(), |d| d.format("%Y-%m-%d").to_string())
            ),
        };
        if self.year_assumed {
            format!("{text} (year assumed)")
        } else {
            text
        }
    }
}

/// The date relative expressions and year-less dates resolve against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: NaiveDate,
    /// The reference is a guess (an undated document read as current).
    pub assumed: bool,
}
