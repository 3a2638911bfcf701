//! Amounts: a number as an interval with approximation, how it reads, and the decimal
//! convention a document writes numbers in.

/// Which mark a document uses between the integer and the fraction of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Convention {
    /// "28,000.5" (English).
    #[default]
    DotDecimal,
    /// "28.000,5" (most of continental Europe).
    CommaDecimal,
}

/// An amount as an interval of the real line: "600" is [600, 600], "15 to 20" [15, 20],
/// "more than 6" (6, ∞), "less than 27" (−∞, 27); `approx` ("about 600") widens it by the
/// comparison's tolerance.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    /// Open-ended bounds (±∞) are `null` in a claim shard.
    #[serde(with = "lower_bound")]
    pub low: f64,
    #[serde(with = "upper_bound")]
    pub high: f64,
    /// The bound itself is excluded: "more than 6" does not hold for 6.
    pub low_open: bool,
    pub high_open: bool,
    pub approx: bool,
}

impl Amount {
    pub fn exact(value: f64) -> Amount {
        Amount::between(value, value)
    }

    /// "about 600".
    pub fn approximately(value: f64) -> Amount {
        Amount {
            approx: true,
            ..Amount::exact(value)
        }
    }

    /// "nearly 40", "almost 90%": a little under the number (a tenth at most), up to it.
    pub fn nearly(value: f64) -> Amount {
        let under = value.abs() * 0.1;
        Amount::between(value - under, value)
    }

    /// The closed interval [low, high].
    pub fn between(low: f64, high: f64) -> Amount {
        Amount {
            low,
            high,
            low_open: false,
            high_open: false,
            approx: false,
        }
    }

    /// Above `value`: "more than 6" (open) or "at least 6" (closed).
    pub fn above(value: f64, open: bool) -> Amount {
        Amount {
            low_open: open,
            high_open: true,
            ..Amount::between(value, f64::INFINITY)
        }
    }

    /// Below `value`: "less than 27" (open) or "up to 27" (closed).
    pub fn below(value: f64, open: bool) -> Amount {
        Amount {
            low_open: true,
            high_open: open,
            ..Amount::between(f64::NEG_INFINITY, value)
        }
    }

    /// The same interval with both bounds multiplied by `factor` (a unit conversion).
    pub fn scaled(&self, factor: f64) -> Amount {
        let (low, high) = if factor < 0.0 {
            (self.high * factor, self.low * factor)
        } else {
            (self.low * factor, self.high * factor)
        };
        Amount { low, high, ..*self }
    }

    /// The canonical text: "600", "~600", ">6", "≥700", "<27", "≤600", "500–600".
    pub fn canonical(&self) -> String {
        let (low, high) = (self.low, self.high);
        let prefix = if self.approx { "~" } else { "" };
        if low == high {
            format!("{prefix}{}", format_number(low))
        } else if high.is_infinite() {
            let sign = if self.low_open { ">" } else { "≥" };
            format!("{prefix}{sign}{}", format_number(low))
        } else if low.is_infinite() {
            let sign = if self.high_open { "<" } else { "≤" };
            format!("{prefix}{sign}{}", format_number(high))
        } else {
            format!("{prefix}{}–{}", format_number(low), format_number(high))
        }
    }

    /// The canonical text with large round bounds in words: "4.2 million", "~1.5 billion".
    pub fn canonical_scaled(&self) -> String {
        const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
        let reference = if self.high.is_finite() {
            self.high
        } else {
            self.low
        };
        let Some((scale, word)) = SCALES
            .iter()
            .find(|(scale, _)| reference.abs() >= *scale)
            .copied()
        else {
            return self.canonical();
        };
        let scaled = Amount {
            low: self.low / scale,
            high: self.high / scale,
            ..*self
        };
        format!("{} {word}", scaled.canonical())
    }

    /// The amount as far as its written digits tell: each bound widened by half a unit of
    /// its last decimal ("6 miles" is 5.5 to 6.5 miles). A figure converted from another
    /// unit is rounded ("10 kilometres (6 miles)"), so that is all it can be held to.
    pub fn as_written(&self) -> Amount {
        let half_step = |value: f64| {
            let written = format_number(value);
            let decimals = written
                .split_once('.')
                .map_or(0, |(_, fraction)| fraction.len());
            0.5 * 10f64.powi(-(decimals as i32))
        };
        let widen = |value: f64, by: f64| if value.is_finite() { by } else { 0.0 };
        Amount {
            low: self.low - widen(self.low, half_step(self.low)),
            high: self.high + widen(self.high, half_step(self.high)),
            ..*self
        }
    }

    /// Whether two amounts can describe the same quantity (their intervals overlap), after
    /// widening each approximate amount by `approx_tolerance` (relative) and every amount by
    /// `tolerance`.
    pub fn agrees_with(&self, other: &Amount, tolerance: f64, approx_tolerance: f64) -> bool {
        let a = self.widened(tolerance, approx_tolerance);
        let b = other.widened(tolerance, approx_tolerance);
        // A bound at or under another, where equal bounds meet only when both are closed.
        let reaches = |low: f64, low_open: bool, high: f64, high_open: bool| {
            low < high || (low == high && !low_open && !high_open)
        };
        reaches(a.low, a.low_open, b.high, b.high_open)
            && reaches(b.low, b.low_open, a.high, a.high_open)
    }

    fn widened(&self, tolerance: f64, approx_tolerance: f64) -> Amount {
        let relative = tolerance + if self.approx { approx_tolerance } else { 0.0 };
        let widen = |value: f64| {
            if value.is_finite() {
                value.abs() * relative
            } else {
                0.0
            }
        };
        // Rounding noise of decimal parsing must never decide a verdict: a closed bound
        // grows by it, an open one shrinks by it.
        let noise = |value: f64, open: bool| {
            let noise = if value.is_finite() {
                1e-9 * value.abs()
            } else {
                0.0
            };
            if open {
                -noise
            } else {
                noise
            }
        };
        let low = self.low - widen(self.low);
        let high = self.high + widen(self.high);
        Amount {
            low: low - noise(low, self.low_open),
            high: high + noise(high, self.high_open),
            ..*self
        }
    }
}

/// Writes a number without a trailing ".0" and with up to 6 decimals.
pub fn format_number(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let text = format!("{value:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A bound as a claim shard writes it: a number, or `null` for the unbounded side (JSON has
/// no infinity). `$infinite` is the value `null` reads as.
macro_rules! bound_serde {
    ($name:ident, $infinite:expr) => {
        mod $name {
            pub fn serialize<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&v.is_finite().then_some(*v), s)
            }

            pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
                let v: Option<f64> = serde::Deserialize::deserialize(d)?;
                Ok(v.unwrap_or($infinite))
            }
        }
    };
}
bound_serde!(lower_bound, f64::NEG_INFINITY);
bound_serde!(upper_bound, f64::INFINITY);

#[cfg(test)]
mod tests {
    use super::Amount;

    #[test]
    fn nearly_reaches_up_to_its_number_and_no_further() {
        let almost_ninety = Amount::nearly(90.0);
        assert!(!almost_ninety.agrees_with(&Amount::exact(93.87), 0.0, 0.1));
        assert!(almost_ninety.agrees_with(&Amount::exact(88.0), 0.0, 0.1));
        assert!(!almost_ninety.agrees_with(&Amount::exact(70.0), 0.0, 0.1));
    }
}
