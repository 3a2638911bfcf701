//! Durations: "two-week", "fourteen days", "13-day", "over 12 days", "four-month",
//! "a fortnight", read as an amount of days.

use super::number::{parse_amount, Amount, Convention, NUMBER};
pub use crate::model::duration::{Duration, DurationUnit};
use regex::Regex;
use std::sync::LazyLock;

const UNIT: &str = r"(?i:days?|weeks?|fortnights?|months?|years?)";

/// Regex fragment (no capture groups) for a duration.
pub static DURATION: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?:{}\s+)?(?:{NUMBER}|\b(?i:a|an)\b)[\s-]+{UNIT}\b(?:-long)?|\b(?i:a\s+fortnight)\b)",
        super::qualifier::fragment()
    )
});

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
        days: amount.scaled(factor),
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
        assert_eq!(days("over 12 days"), ">12 days");
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
