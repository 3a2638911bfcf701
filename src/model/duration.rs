//! Durations: an amount of days, with the unit the text gave it in for display.

use super::amount::Amount;

/// A duration in days; months and years keep their own grain for display.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    pub days: Amount,
    pub unit: DurationUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DurationUnit {
    Day,
    Month,
    Year,
}

impl DurationUnit {
    pub fn days(self) -> f64 {
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
        let in_unit = self.days.scaled(1.0 / unit_days);
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
