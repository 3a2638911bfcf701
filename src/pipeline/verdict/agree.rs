//! When two values agree (can both be true) and which values compete at all: dates that
//! overlap, numbers within the rule's tolerance, titles of one office with compatible
//! qualifiers, places one of which lies in the other.

use crate::model::amount::Amount;
use crate::model::value::{Figure, FigureKind, Title, Value};
use crate::rules::{Lexicon, Rule};
use crate::text::fold::{fold, Closeness, Thresholds};

/// Which values of one subject and attribute compete: titles of one set of offices one
/// person cannot hold at once (or of one office), counts of one unit; every other value
/// competes with every value of its attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    Any,
    /// One office, by its folded key, held apart from every other.
    Office(String),
    /// Offices of one of the lexicon's `exclusive-titles` sets.
    ExclusiveOffices(usize),
    /// Counts of one unit.
    Unit(String),
    /// Figures of one form ([`figure_form`]) in one context (see [`super::figures`]).
    Figure {
        form: String,
        context: usize,
    },
}

/// What a figure must share with another to compete with it: its kind, its currency or
/// the dimension of its unit, and the words that narrow what it counts.
pub fn figure_form(figure: &Figure, lexicon: &Lexicon) -> String {
    let unit = match figure.kind {
        FigureKind::Money => figure.unit.clone(),
        FigureKind::Quantity => lexicon
            .units
            .get(&figure.unit)
            .map_or_else(|| figure.unit.clone(), |unit| unit.dimension.clone()),
        _ => String::new(),
    };
    format!("{:?} {unit} {}", figure.kind, figure.scope.join(" "))
}

/// The slot a value competes in; `context` is a figure's (see [`super::figures`]).
pub fn slot(value: &Value, lexicon: &Lexicon, context: usize) -> Slot {
    match value {
        Value::Figure(figure) => Slot::Figure {
            form: figure_form(figure, lexicon),
            context,
        },
        Value::Title(title) => match lexicon.exclusive_set(&title.key.role) {
            Some(set) => Slot::ExclusiveOffices(set),
            None => Slot::Office(title.key.role.clone()),
        },
        Value::Count { unit, .. } => Slot::Unit(unit.clone()),
        _ => Slot::Any,
    }
}

/// Whether two values of one slot can both be true.
pub fn agree(
    a: &Value,
    b: &Value,
    rule: &Rule,
    lexicon: &Lexicon,
    thresholds: &Thresholds,
) -> bool {
    match (a, b) {
        (Value::Title(a), Value::Title(b)) => titles_agree_by(a, b, thresholds),
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
        ) => quantities_agree((a, a_unit.as_str()), (b, b_unit.as_str()), rule, lexicon),
        (Value::Figure(a), Value::Figure(b)) if a.kind == b.kind => match a.kind {
            FigureKind::Quantity => quantities_agree(
                (&a.amount, a.unit.as_str()),
                (&b.amount, b.unit.as_str()),
                rule,
                lexicon,
            ),
            _ => a
                .amount
                .agrees_with(&b.amount, rule.tolerance, rule.approx_tolerance),
        },
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
            a == b && fold(&sa.join(" ")) == fold(&sb.join(" "))
        }
        _ => false,
    }
}

/// Two amounts of units, compared in the first one's unit; other dimensions never agree.
/// Amounts in two units are held only to their written digits: one is likely converted
/// from the other and rounded ("10 kilometres (6 miles)").
fn quantities_agree(
    (a, a_unit): (&Amount, &str),
    (b, b_unit): (&Amount, &str),
    rule: &Rule,
    lexicon: &Lexicon,
) -> bool {
    let Some(factor) = lexicon.units.convert(1.0, b_unit, a_unit) else {
        return false;
    };
    let (a, b) = if a_unit == b_unit {
        (*a, *b)
    } else {
        (a.as_written(), b.as_written())
    };
    a.agrees_with(&b.scaled(factor), rule.tolerance, rule.approx_tolerance)
}

/// Titles agree when they name one office and neither the party they are held for nor
/// their prefixes and qualifiers differ where both give them.
fn titles_agree_by(a: &Title, b: &Title, thresholds: &Thresholds) -> bool {
    let (a, b) = (&a.key, &b.key);
    let optional_agrees = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => thresholds.closeness(a, b) == Closeness::Same,
        _ => true,
    };
    a.role == b.role
        && (a.party.is_none() || b.party.is_none() || a.party == b.party)
        && optional_agrees(&a.qualifier, &b.qualifier)
        && optional_agrees(&a.prefix, &b.prefix)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn title(text: &str) -> Title {
        let rules = RuleSet::builtin_for_tests();
        crate::pipeline::extract::parse_title(text, &rules.lexicon).unwrap()
    }

    fn titles_agree(a: &str, b: &str) -> bool {
        titles_agree_by(&title(a), &title(b), &Thresholds::default())
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
}
