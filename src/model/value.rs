//! Typed claim values and their canonical text and JSON form. Reading values from text and
//! deciding whether two agree need the lexicon and the rules' tolerances, so they live with
//! extraction and verdicts; this file holds the data.

use super::amount::Amount;
use super::date::DateSpan;
use super::duration::Duration;
use chrono::NaiveDate;
use serde_json::json;

/// A claim's value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// Boxed, as the largest value: every claim pays for its value's size.
    Title(Box<Title>),
    Date(DateSpan),
    Duration(Duration),
    Count {
        amount: Amount,
        unit: String,
    },
    Name(String),
    Place {
        name: String,
        near: Option<String>,
    },
    Ordinal {
        rank: i64,
        /// Folded words that narrow what is counted, the event class last: ["joint",
        /// "exercise"].
        scope: Vec<String>,
    },
    /// An amount with a unit ("10 kilometers").
    Quantity {
        amount: Amount,
        unit: String,
    },
    /// A date and the weekday the text gives it.
    WeekdayDate {
        written: chrono::Weekday,
        date: NaiveDate,
    },
    /// That an event took place. Boxed: such claims are few, and every claim pays for its
    /// value's size.
    Occurrence(Box<Occurrence>),
    /// A figure a sentence states about what it measures: "312 dead", "magnitude 6.1",
    /// "93.87% turnout", "$4.2 million in damage". Boxed, as titles are.
    Figure(Box<Figure>),
}

/// How a figure is written, which decides how it reads and which figures compete.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// How many of something: "312 dead", "26 reviews".
    Count,
    /// A plain number on a scale: "magnitude 6.1", "a score of 8.35".
    Number,
    Percent,
    /// A sum of money, in `unit` (the currency).
    Money,
    /// An age, in years.
    Age,
    /// An amount of a unit of `rules/units.toml` ("10 kilometers"), in `unit`.
    Quantity,
    /// A date of what the measure names ("born on 4 February 1992", "founded after
    /// 1975"), as days of the common era, both bounds inclusive.
    Date,
}

/// The scope of a count over a wider area than its story's own ("230,000 people across
/// Asia", "20 million records worldwide"): a whole, which narrows nothing.
pub const WIDE_SCOPE: &str = "overall";

/// The scope of a figure its sentence gives as an earlier report, which a later one may
/// have replaced: "the UN said *earlier* it had confirmed 30 dead".
pub const EARLIER_SCOPE: &str = "earlier";

/// The measure of a date no lexicon measure names: the date of what its sentence reports
/// ("re-signed after 24 December 2016", "on 10 January 2017 the club announced ...").
pub const EVENT_DATE_MEASURE: &str = "date";

/// Who a figure is about when its clause names them by a pronoun only.
pub const UNNAMED: &str = "?";

/// A figure: its amount, kind, unit, the noun it counts as written, and the words that
/// narrow what it counts ("Hungarian" in "40 Hungarian troops").
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub amount: Amount,
    pub kind: FigureKind,
    /// The currency or unit; empty for counts, numbers and percentages.
    pub unit: String,
    /// What is measured as the claim reads it ("deaths", "magnitude", "reviews").
    pub measure: String,
    /// Folded words that narrow what is counted; figures with different such words do not
    /// compete.
    pub scope: Vec<String>,
    /// The folded words around the figure in its sentence: what tells which figures speak
    /// of the same thing.
    #[serde(default)]
    pub context: Vec<String>,
    /// The folded capitalised words of the clause before the figure: who or what it is
    /// about ("Andrew Luck threw for 300 yards"); [`UNNAMED`] alone when the clause
    /// speaks of someone by a pronoun only ("he caught 29 passes").
    #[serde(default)]
    pub named: Vec<String>,
    /// The folded names of the lesser places its sentence counts at ("in Bener Meriah
    /// district", "in the Bureij refugee camp"): two figures at places that share no name
    /// are two places' figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
}

/// A day of the common era as a date.
fn day(days: f64) -> String {
    i32::try_from(days as i64)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map_or_else(|| "?".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// Days of the common era as a reader writes their dates: "2019-03-20", "1999",
/// "1999-03", "before 1956-01-01", "since 2008-01-01", "2006-01-01..2009-12-31".
fn days_canonical(amount: &Amount) -> String {
    use chrono::Datelike;
    let (low, high) = (amount.low, amount.high);
    match (low.is_finite(), high.is_finite()) {
        (true, true) if low == high => day(low),
        (true, true) => {
            let whole = |from: &str, to: &str, year: &str| -> Option<String> {
                let first = NaiveDate::parse_from_str(from, "%Y-%m-%d").ok()?;
                let last = NaiveDate::parse_from_str(to, "%Y-%m-%d").ok()?;
                let next = last.succ_opt()?;
                if first.day() != 1 || next.day() != 1 {
                    return None;
                }
                if first.month() == 1 && next.month() == 1 && next.year() == first.year() + 1 {
                    return Some(year.to_string());
                }
                (next.month0() == (first.month0() + 1) % 12 && first.year() == last.year())
                    .then(|| first.format("%Y-%m").to_string())
            };
            let (from, to) = (day(low), day(high));
            whole(&from, &to, &from[..4.min(from.len())]).unwrap_or(format!("{from}..{to}"))
        }
        (true, false) if amount.low_open => format!("after {}", day(low)),
        (true, false) => format!("since {}", day(low)),
        (false, true) if amount.high_open => format!("before {}", day(high)),
        (false, true) => format!("by {}", day(high)),
        (false, false) => "any date".to_string(),
    }
}

impl Figure {
    /// "312 deaths", "magnitude 6.1", "93.87% turnout", "USD 4.2 million damage", "aged 41".
    pub fn canonical(&self) -> String {
        let amount = self.amount.canonical();
        let scope = if self.scope.is_empty() {
            String::new()
        } else {
            format!("{} ", self.scope.join(" "))
        };
        let measure = &self.measure;
        match self.kind {
            FigureKind::Count => format!("{amount} {scope}{measure}"),
            FigureKind::Number => format!("{scope}{measure} {amount}"),
            FigureKind::Percent => format!("{amount}% {scope}{measure}"),
            // A sum in a text's own currency ("110 crore") has no unit to name.
            FigureKind::Money => format!(
                "{}{} {scope}{measure}",
                if self.unit.is_empty() {
                    String::new()
                } else {
                    format!("{} ", self.unit)
                },
                self.amount.canonical_scaled()
            ),
            FigureKind::Age => format!("aged {amount}"),
            FigureKind::Date => format!("{scope}{measure} {}", days_canonical(&self.amount)),
            FigureKind::Quantity => format!("{scope}{measure} {amount} {}", self.unit),
        }
    }
}

/// That an event took place: its name if known, class, scope words, parties and date if
/// given.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Occurrence {
    pub name: Option<String>,
    pub class: String,
    pub scope: Vec<String>,
    pub parties: Vec<String>,
    pub date: Option<EventDate>,
}

/// When a source puts an event: the date it gives, or only the day it reported it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum EventDate {
    Given(DateSpan),
    Reported(NaiveDate),
}

impl EventDate {
    /// "2016-04", "reported 2016-05-30".
    pub fn canonical(&self) -> String {
        match self {
            EventDate::Given(span) => span.canonical(),
            EventDate::Reported(date) => format!("reported {}", date.format("%Y-%m-%d")),
        }
    }
}

/// A title split into its parts: "NATO" + "Deputy Assistant Secretary General" + "for
/// Partnerships".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Title {
    /// Organisation or nationality before the role ("NATO", "Serbian").
    pub prefix: Option<String>,
    /// Modifiers and head in the lexicon's spelling ("Deputy Assistant Secretary General").
    pub role: String,
    /// "for Partnerships", "of Kosovo".
    pub qualifier: Option<String>,
    /// The comparison form, worked out once when the title is read.
    pub key: TitleKey,
}

/// A title by meaning: the role's key, the party it is held for ("Serbian President" and
/// "President of Serbia" are both held for Serbia), and the prefix and qualifier that
/// remain once the party is taken out, folded under their canonical names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TitleKey {
    pub role: String,
    pub party: Option<String>,
    pub prefix: Option<String>,
    pub qualifier: Option<String>,
}

impl Title {
    pub fn canonical(&self) -> String {
        let mut parts = Vec::new();
        if let Some(prefix) = &self.prefix {
            parts.push(prefix.clone());
        }
        parts.push(self.role.clone());
        if let Some(qualifier) = &self.qualifier {
            parts.push(qualifier.clone());
        }
        parts.join(" ")
    }
}

impl Value {
    /// The form a fact-checker reads: "~600 troops", "14 days", "2026-05-29".
    pub fn canonical(&self) -> String {
        match self {
            Value::Title(title) => title.canonical(),
            Value::Date(span) => span.canonical(),
            Value::Duration(duration) => duration.canonical(),
            Value::Count { amount, unit } => format!("{} {unit}", amount.canonical()),
            Value::Name(name) => name.clone(),
            Value::Place { name, near } => match near {
                Some(near) => format!("{name} near {near}"),
                None => name.clone(),
            },
            Value::Quantity { amount, unit } => {
                let plural = if amount.low == 1.0 && amount.high == 1.0 {
                    ""
                } else {
                    "s"
                };
                format!("{} {unit}{plural}", amount.canonical())
            }
            Value::WeekdayDate { written, date } => {
                format!(
                    "{written} {} (a {})",
                    date.format("%Y-%m-%d"),
                    chrono::Datelike::weekday(date)
                )
            }
            Value::Occurrence(occurrence) => {
                let Occurrence {
                    name,
                    class,
                    scope,
                    parties,
                    date,
                } = &**occurrence;
                let mut text = name
                    .iter()
                    .chain(scope)
                    .chain([class])
                    .cloned()
                    .collect::<Vec<_>>();
                if !parties.is_empty() {
                    text.push(format!("with {}", parties.join(", ")));
                }
                text.push(match date {
                    Some(date) => format!("({})", date.canonical()),
                    None => "(date not given)".into(),
                });
                text.join(" ")
            }
            Value::Figure(figure) => figure.canonical(),
            Value::Ordinal { rank, scope } => {
                let word = ordinal_word(*rank);
                if scope.is_empty() {
                    word
                } else {
                    format!("{word} {}", scope.join(" "))
                }
            }
        }
    }

    /// The typed value for JSON output.
    pub fn to_json(&self) -> serde_json::Value {
        let bound = |v: f64| {
            if v.is_finite() {
                json!(v)
            } else {
                serde_json::Value::Null
            }
        };
        match self {
            Value::Title(t) => json!({
                "type": "title", "prefix": t.prefix, "role": t.role, "qualifier": t.qualifier,
            }),
            // The interval as it is compared: `end` is the day after the last; an open end
            // is null.
            Value::Date(d) => json!({
                "type": "date",
                "start": d.first_day().map(|s| s.format("%Y-%m-%d").to_string()),
                "end": (d.end != chrono::NaiveDate::MAX).then(|| d.end.format("%Y-%m-%d").to_string()),
                "grain": d.grain.name(),
                "year_assumed": d.year_assumed,
            }),
            Value::Duration(d) => json!({
                "type": "duration",
                "min_days": bound(d.days.low), "max_days": bound(d.days.high),
                "approx": d.days.approx,
            }),
            Value::Count { amount, unit } => json!({
                "type": "count", "min": bound(amount.low), "max": bound(amount.high),
                "approx": amount.approx, "unit": unit,
            }),
            Value::Name(name) => json!({"type": "name", "name": name}),
            Value::Place { name, near } => json!({"type": "place", "name": name, "near": near}),
            Value::Ordinal { rank, scope } => {
                json!({"type": "ordinal", "rank": rank, "scope": scope.join(" ")})
            }
            Value::Quantity { amount, unit } => json!({
                "type": "quantity", "min": bound(amount.low), "max": bound(amount.high),
                "approx": amount.approx, "unit": unit,
            }),
            Value::Occurrence(occurrence) => json!({
                "type": "occurrence", "name": occurrence.name, "class": occurrence.class,
                "scope": occurrence.scope, "parties": occurrence.parties,
                "date": occurrence.date.as_ref().map(EventDate::canonical),
            }),
            Value::Figure(figure) => json!({
                "type": "figure", "kind": figure.kind, "min": bound(figure.amount.low),
                "max": bound(figure.amount.high), "approx": figure.amount.approx,
                "unit": figure.unit, "measure": figure.measure, "scope": figure.scope,
            }),
            Value::WeekdayDate { written, date } => json!({
                "type": "weekday-date",
                "written": written.to_string(),
                "date": date.format("%Y-%m-%d").to_string(),
                "actual": chrono::Datelike::weekday(date).to_string(),
            }),
        }
    }
}

/// A value in a report's JSON form ([`Value::to_json`]), for `serialize_with`. (A value's
/// own `Serialize` is its full form, for claim shards.)
pub fn serialize_report_form<S: serde::Serializer>(
    value: &Value,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&value.to_json(), serializer)
}

fn ordinal_word(rank: i64) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match usize::try_from(rank) {
        Ok(n @ 1..=10) => WORDS[n - 1].to_string(),
        _ => {
            let suffix = match (rank % 10, rank % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{rank}{suffix}")
        }
    }
}
