//! Typed claim values, their canonical text, the slot that decides which values compete,
//! and agreement between two values.

use crate::normalize::date::DateSpan;
use crate::normalize::duration::Duration;
use crate::normalize::number::Amount;
use crate::rules::{Lexicon, Rule, ValueKind};
use crate::text::fold::{fold, Closeness, Thresholds};
use serde_json::json;

/// A claim's value.
#[derive(Debug, Clone, PartialEq)]
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
        scope: String,
    },
    /// An amount with a unit ("10 kilometers").
    Quantity {
        amount: Amount,
        unit: String,
    },
    /// A date and the weekday the text gives it.
    WeekdayDate {
        written: chrono::Weekday,
        date: chrono::NaiveDate,
    },
    /// That an event took place. Boxed: such claims are few, and every claim pays for its
    /// value's size.
    Occurrence(Box<Occurrence>),
}

/// That an event took place: its name if known, class, scope words, parties and date if
/// given.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub name: Option<String>,
    pub class: String,
    pub scope: Vec<String>,
    pub parties: Vec<String>,
    pub date: Option<String>,
}

/// A title split into its parts: "NATO" + "Deputy Assistant Secretary General" + "for
/// Partnerships".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Organisation or nationality before the role ("NATO", "Serbian").
    pub prefix: Option<String>,
    /// Modifiers and head in the lexicon's spelling ("Deputy Assistant Secretary General").
    pub role: String,
    /// "for Partnerships", "of Kosovo".
    pub qualifier: Option<String>,
    /// The comparison form, worked out once when the title is read.
    key: TitleKey,
}

/// A title by meaning: the role's key, the party it is held for ("Serbian President" and
/// "President of Serbia" are both held for Serbia), and the prefix and qualifier that
/// remain once the party is taken out, folded under their canonical names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TitleKey {
    role: String,
    party: Option<String>,
    prefix: Option<String>,
    qualifier: Option<String>,
}

impl Title {
    /// Splits a title matched by `{TITLE}`.
    pub fn parse(text: &str, lexicon: &Lexicon) -> Option<Title> {
        let text = crate::model::claim::collapse_whitespace(text);
        if let Some(title) = Title::from_words(&text, None, lexicon) {
            return Some(title);
        }
        // The qualifier starts at the last " for " or " of " that leaves a known role before
        // it, so the role is the longest one: "Minister of Defence of Serbia" is the Minister
        // of Defence, of Serbia.
        text.match_indices(" for ")
            .chain(text.match_indices(" of "))
            .map(|(i, _)| i)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .rev()
            .find_map(|i| {
                let qualifier = text[i + 1..].to_string();
                Title::from_words(&text[..i], Some(qualifier), lexicon)
            })
    }

    /// A title whose words end in a role the lexicon knows; the words before it are the
    /// prefix.
    fn from_words(text: &str, qualifier: Option<String>, lexicon: &Lexicon) -> Option<Title> {
        let words: Vec<&str> = text.split(' ').collect();
        // A prefix is an organisation or nationality: capitalised words only.
        let prefix_ends = words
            .iter()
            .position(|w| !w.starts_with(char::is_uppercase))
            .unwrap_or(words.len());
        (0..=prefix_ends.min(words.len() - 1)).find_map(|start| {
            let role_words = &words[start..];
            is_role(&role_words.join(" "), lexicon).then(|| {
                let role = role_words
                    .iter()
                    .map(|w| lexicon.spelling(w).to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                let prefix = (start > 0).then(|| words[..start].join(" "));
                let role = respell_multiword(&role, lexicon);
                let key = TitleKey::of(prefix.as_deref(), &role, qualifier.as_deref(), lexicon);
                Title {
                    prefix,
                    role,
                    qualifier: qualifier.clone(),
                    key,
                }
            })
        })
    }

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

    fn agrees_with(&self, other: &Title, thresholds: &Thresholds) -> bool {
        let (a, b) = (&self.key, &other.key);
        let optional_agrees = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => thresholds.closeness(a, b) == Closeness::Same,
            _ => true,
        };
        a.role == b.role
            && (a.party.is_none() || b.party.is_none() || a.party == b.party)
            && optional_agrees(&a.qualifier, &b.qualifier)
            && optional_agrees(&a.prefix, &b.prefix)
    }
}

impl TitleKey {
    fn of(
        prefix: Option<&str>,
        role: &str,
        qualifier: Option<&str>,
        lexicon: &Lexicon,
    ) -> TitleKey {
        let mut party = None;
        let prefix = prefix.and_then(|prefix| match lexicon.party(prefix) {
            Some(found) => {
                party = Some(found.to_string());
                None
            }
            None => Some(lexicon.unalias(&fold(prefix))),
        });
        let qualifier = qualifier.and_then(|qualifier| {
            let of = fold(qualifier);
            let place = of.strip_prefix("of ").and_then(|rest| lexicon.party(rest));
            match (place, &party) {
                (Some(found), None) => {
                    party = Some(found.to_string());
                    None
                }
                _ => Some(of),
            }
        });
        TitleKey {
            role: lexicon.role_key(role),
            party,
            prefix,
            qualifier,
        }
    }
}

/// Whether `words` are modifiers followed by a head or rank of the lexicon.
fn is_role(words: &str, lexicon: &Lexicon) -> bool {
    let folded = fold(words);
    lexicon.role_heads().iter().any(|(_, head)| {
        let Some(before) = folded.strip_suffix(head.as_str()) else {
            return false;
        };
        let before = before.trim();
        (before.is_empty() || folded.ends_with(&format!(" {head}")))
            && before
                .split(' ')
                .filter(|w| !w.is_empty())
                .all(|w| lexicon.is_modifier(w))
    })
}

/// Multi-word heads keep the lexicon's spelling as a whole ("Press Secretary").
fn respell_multiword(role: &str, lexicon: &Lexicon) -> String {
    let folded = fold(role);
    for (head, head_folded) in lexicon.role_heads() {
        if folded == *head_folded {
            return head.clone();
        }
        if let Some(before) = folded.strip_suffix(&format!(" {head_folded}")) {
            let modifier_count = before.split(' ').count();
            let modifiers: Vec<&str> = role.split(' ').take(modifier_count).collect();
            return format!("{} {head}", modifiers.join(" "));
        }
    }
    role.to_string()
}

/// What reading a value takes besides its text.
pub struct Reading<'a> {
    pub lexicon: &'a Lexicon,
    /// What relative and year-less dates resolve against.
    pub reference: Option<crate::normalize::date::Reference>,
    pub convention: crate::normalize::number::Convention,
    /// The canonical unit of a count.
    pub unit: Option<&'a str>,
}

impl Value {
    /// Reads `text` as a value of `kind` where the text alone decides it: titles, dates,
    /// durations, counts (in `reading.unit`), quantities and weekday dates. Names, places and
    /// ordinals take what a pattern captured around them, so extraction reads those.
    pub fn read(kind: ValueKind, text: &str, reading: &Reading) -> Option<Value> {
        use crate::normalize::{date, duration, number, units::Units};
        Some(match kind {
            ValueKind::Title => Value::Title(Box::new(Title::parse(text, reading.lexicon)?)),
            ValueKind::Date => Value::Date(date::parse_date(text, reading.reference)?),
            ValueKind::Duration => {
                Value::Duration(duration::parse_duration(text, reading.convention)?)
            }
            ValueKind::Count => Value::Count {
                amount: number::parse_amount(text, reading.convention)?,
                unit: reading.unit?.to_string(),
            },
            ValueKind::Quantity => {
                let (amount, unit) = Units::builtin().parse_quantity(text, reading.convention)?;
                Value::Quantity {
                    amount,
                    unit: unit.name.clone(),
                }
            }
            ValueKind::WeekdayDate => {
                let (written, date) = date::weekday_mismatch(text)?;
                Value::WeekdayDate { written, date }
            }
            ValueKind::Name | ValueKind::Place | ValueKind::Ordinal => return None,
        })
    }

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
                    Some(date) => format!("({date})"),
                    None => "(date not given)".into(),
                });
                text.join(" ")
            }
            Value::Ordinal { rank, scope } => {
                let word = ordinal_word(*rank);
                if scope.is_empty() {
                    word
                } else {
                    format!("{word} {scope}")
                }
            }
        }
    }

    /// Which values compete with this one: titles of one exclusive set, counts of one unit;
    /// everything else competes with every value of its attribute.
    pub fn slot(&self, lexicon: &Lexicon) -> String {
        match self {
            Value::Title(title) => lexicon.role_slot(&title.key.role),
            Value::Count { unit, .. } => unit.clone(),
            _ => String::new(),
        }
    }

    /// Whether two values of one slot can both be true.
    pub fn agrees_with(
        &self,
        other: &Value,
        rule: &Rule,
        lexicon: &Lexicon,
        thresholds: &Thresholds,
    ) -> bool {
        match (self, other) {
            (Value::Title(a), Value::Title(b)) => a.agrees_with(b, thresholds),
            (Value::Date(a), Value::Date(b)) => a.overlaps(b),
            (Value::Duration(a), Value::Duration(b)) => {
                a.agrees_with(b, rule.tolerance, rule.approx_tolerance)
            }
            (Value::Count { amount: a, .. }, Value::Count { amount: b, .. }) => {
                a.agrees_with(b, rule.tolerance, rule.approx_tolerance)
            }
            (
                Value::Quantity {
                    amount: a,
                    unit: a_unit,
                },
                Value::Quantity {
                    amount: b,
                    unit: b_unit,
                },
            ) => {
                // Compare in the first value's unit; other dimensions never agree.
                let units = crate::normalize::units::Units::builtin();
                let Some(factor) = units.convert(1.0, b_unit, a_unit) else {
                    return false;
                };
                let converted = b.scaled(factor);
                a.agrees_with(&converted, rule.tolerance, rule.approx_tolerance)
            }
            (Value::Name(a), Value::Name(b)) => {
                thresholds.closeness(&fold(a), &fold(b)) == Closeness::Same
            }
            (
                Value::Place {
                    name: a,
                    near: a_near,
                },
                Value::Place {
                    name: b,
                    near: b_near,
                },
            ) => places_agree(a, a_near.as_deref(), b, b_near.as_deref(), lexicon),
            (Value::Ordinal { rank: a, scope: sa }, Value::Ordinal { rank: b, scope: sb }) => {
                a == b && fold(sa) == fold(sb)
            }
            _ => false,
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
            Value::Date(d) => json!({
                "type": "date",
                "start": d.start.format("%Y-%m-%d").to_string(),
                "end": d.end.format("%Y-%m-%d").to_string(),
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
                json!({"type": "ordinal", "rank": rank, "scope": scope})
            }
            Value::Quantity { amount, unit } => json!({
                "type": "quantity", "min": bound(amount.low), "max": bound(amount.high),
                "approx": amount.approx, "unit": unit,
            }),
            Value::Occurrence(occurrence) => json!({
                "type": "occurrence", "name": occurrence.name, "class": occurrence.class,
                "scope": occurrence.scope, "parties": occurrence.parties, "date": occurrence.date,
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

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

/// Places agree when they are the same, when one lies in the other, or when one is
/// the place the other is near.
fn places_agree(
    a: &str,
    a_near: Option<&str>,
    b: &str,
    b_near: Option<&str>,
    lexicon: &Lexicon,
) -> bool {
    let (a, b) = (lexicon.unalias(&fold(a)), lexicon.unalias(&fold(b)));
    if a == b {
        return true;
    }
    let a_all: Vec<String> = std::iter::once(a.clone())
        .chain(a_near.map(|n| lexicon.unalias(&fold(n))))
        .chain(lexicon.containers(&a))
        .collect();
    let b_all: Vec<String> = std::iter::once(b.clone())
        .chain(b_near.map(|n| lexicon.unalias(&fold(n))))
        .chain(lexicon.containers(&b))
        .collect();
    a_all.contains(&b) || b_all.contains(&a)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn title(text: &str) -> Title {
        let rules = RuleSet::builtin_for_tests();
        Title::parse(text, &rules.lexicon).unwrap()
    }

    fn titles_agree(a: &str, b: &str) -> bool {
        title(a).agrees_with(&title(b), &Thresholds::default())
    }

    fn places_agree_in(a: &str, b: &str) -> bool {
        let rules = RuleSet::builtin_for_tests();
        places_agree(a, None, b, None, &rules.lexicon)
    }

    #[test]
    fn a_nationality_before_a_title_is_the_country_after_it() {
        assert!(titles_agree("Serbian President", "President of Serbia"));
        assert!(titles_agree("Serbian President", "President"));
        assert!(!titles_agree("Serbian President", "President of Croatia"));
        assert!(!titles_agree("Serbian President", "Croatian President"));
    }

    #[test]
    fn one_office_written_two_ways_is_one_title() {
        assert!(titles_agree("Defense Minister", "Minister of Defence"));
        assert!(titles_agree(
            "Serbian Defence Minister",
            "Minister of Defense of Serbia"
        ));
        assert!(!titles_agree("Defence Minister", "Foreign Minister"));
    }

    #[test]
    fn titles_with_one_head_and_other_qualifiers_disagree() {
        assert!(!titles_agree(
            "NATO Deputy Assistant Secretary General for Partnerships",
            "NATO Deputy Assistant Secretary General for Political Affairs and Security Policy"
        ));
        assert!(titles_agree(
            "NATO Deputy Assistant Secretary General for Partnerships",
            "Deputy Assistant Secretary General for Partnerships"
        ));
        assert!(!titles_agree(
            "Deputy Secretary General",
            "Secretary General"
        ));
    }

    #[test]
    fn places_agree_under_their_aliases_and_containers() {
        assert!(places_agree_in("Türkiye", "Turkey"));
        assert!(places_agree_in("U.S.", "United States"));
        assert!(places_agree_in("Mladenovac", "Belgrade"));
        assert!(places_agree_in("Borovac", "Serbia"));
        assert!(!places_agree_in("Belgrade", "Nis"));
        assert!(!places_agree_in("Turkey", "Serbia"));
    }

    #[test]
    fn titles_split_into_prefix_role_and_qualifier() {
        let t = title("NATO Deputy Assistant Secretary General for Partnerships");
        assert_eq!(t.prefix.as_deref(), Some("NATO"));
        assert_eq!(t.role, "Deputy Assistant Secretary General");
        assert_eq!(t.qualifier.as_deref(), Some("for Partnerships"));
        let t = title("press secretary of the Russian President");
        assert_eq!(t.role, "Press Secretary");
        assert_eq!(t.qualifier.as_deref(), Some("of the Russian President"));
        assert_eq!(title("Minister of Defence").role, "Minister of Defence");
    }
}
