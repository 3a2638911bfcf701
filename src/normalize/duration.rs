//! Durations: "two-week", "fourteen days", "13-day", "over 12 days", "four-month",
//! "a fortnight", read as an amount of days.

use super::number::{parse_amount, Amount, Convention, NUMBER};
use regex::Regex;
use std::sync::LazyLock;

const UNIT: &str = r"(?i:days?|weeks?|fortnights?|months?|years?)";

/// Regex fragment (no capture groups) for a duration.
pub static DURATION: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?:(?i:approximately|about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|less\s+than|under)\s+)?(?:{NUMBER}|\b(?i:a|an)\b)[\s-]+{UNIT}\b(?:-long)?|\b(?i:a\s+fortnight)\b)"
    )
});

/// A duration in days; months and years keep their own grain for display.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub days: Amount,
    pub unit: DurationUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Day,
    Month,
    Year,
}

impl DurationUnit {
    fn days(self) -> f64 {
        match self {
            DurationUnit::Day => 1.0,
            DurationUnit::Month => 30.4375,
            DurationUnit::Year => 365.25,
        }
    }

    fn name(self) -> &'static str {
        match self {
            DurationUnit::Day => "day",
            DurationUnit::Month => "month",
            DurationUnit::Year => "year",
        }
    }

    /// Months and years are not a fixed number of days: allow for that.
    pub fn inherent_tolerance(self) -> f64 {
        match self {
            DurationUnit::Day => 0.0,
            DurationUnit::Month | DurationUnit::Year => 0.05,
        }
    }
}

impl Duration {
    pub fn seconds(&self) -> f64 {
        self.days.low * 86_400.0
    }

    /// "14 days", "~4 months", "≥13 days".
    pub fn canonical(&self) -> String {
        let unit_days = self.unit.days();
        let in_unit = Amount {
            low: self.days.low / unit_days,
            high: self.days.high / unit_days,
            approx: self.days.approx,
        };
        let count = in_unit.canonical();
        let plural = if in_unit.low == 1.0 && in_unit.high == 1.0 {
            ""
        } else {
            "s"
        };
        format!("{count} {}{plural}", self.unit.name())
    }

    pub fn agrees_with(&self, other: &Duration, tolerance: f64, approx_tolerance: f64) -> bool {
        let inherent = self
            .unit
            .inherent_tolerance()
            .max(other.unit.inherent_tolerance());
        self.days
            .agrees_with(&other.days, tolerance + inherent, approx_tolerance)
    }
}

/// Parses a duration matched by [`DURATION`].
pub fn parse_duration(text: &str, convention: Convention) -> Option<Duration> {
    static PARTS: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"^(?P<amount>.*?)[\s-]+(?P<unit>{UNIT})(?:-long)?$"
        ))
        .unwrap()
    });
    let text = text.trim();
    if text.eq_ignore_ascii_case("a fortnight") {
        return Some(Duration {
            days: Amount::exact(14.0),
            unit: DurationUnit::Day,
        });
    }
    let caps = PARTS.captures(text)?;
    let unit_word = caps.name("unit")?.as_str().to_lowercase();
    let (unit, factor) = match unit_word.trim_end_matches('s') {
        "day" => (DurationUnit::Day, 1.0),
        "week" => (DurationUnit::Day, 7.0),
        "fortnight" => (DurationUnit::Day, 14.0),
        "month" => (DurationUnit::Month, DurationUnit::Month.days()),
        "year" => (DurationUnit::Year, DurationUnit::Year.days()),
        _ => return None,
    };
    let amount_text = caps.name("amount")?.as_str();
    let amount = if amount_text.eq_ignore_ascii_case("a") || amount_text.eq_ignore_ascii_case("an")
    {
        Amount::exact(1.0)
    } else {
        parse_amount(amount_text, convention)?
    };
    Some(Duration {
        days: Amount {
            low: amount.low * factor,
            high: amount.high * factor,
            approx: amount.approx,
        },
        unit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> String {
        parse_duration(text, Convention::DotDecimal)
            .unwrap()
            .canonical()
    }

    #[test]
    fn weeks_and_days_meet_in_days() {
        assert_eq!(days("two-week"), "14 days");
        assert_eq!(days("fourteen days"), "14 days");
        assert_eq!(days("two weeks"), "14 days");
        assert_eq!(days("a fortnight"), "14 days");
        assert_eq!(days("13-day"), "13 days");
        assert_eq!(days("78-day"), "78 days");
        assert_eq!(days("a day"), "1 day");
    }

    #[test]
    fn months_keep_their_grain() {
        assert_eq!(days("four-month"), "4 months");
        let four_months = parse_duration("four-month", Convention::DotDecimal).unwrap();
        let days120 = parse_duration("120 days", Convention::DotDecimal).unwrap();
        assert!(four_months.agrees_with(&days120, 0.0, 0.1));
    }

    #[test]
    fn qualified_durations_are_bounds() {
        assert_eq!(days("over 12 days"), "≥13 days");
        let over = parse_duration("over 12 days", Convention::DotDecimal).unwrap();
        let two_weeks = parse_duration("two weeks", Convention::DotDecimal).unwrap();
        assert!(over.agrees_with(&two_weeks, 0.0, 0.1));
    }

    #[test]
    fn fragment_finds_hyphenated_and_spaced_forms() {
        let re = crate::pattern::compile(&DURATION).unwrap();
        for text in [
            "a two-week drill",
            "lasted fourteen days",
            "over 12 days",
            "a 13-day run",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("the weekly meeting"));
    }
}
