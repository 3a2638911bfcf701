//! Reading a value of a rule's kind from the text its pattern matched, with the
//! normalizers and the lexicon.

use super::title::parse_title;
use crate::model::amount::Convention;
use crate::model::value::Value;
use crate::normalize::date::Reference;
use crate::rules::{Lexicon, ValueKind};

/// What reading a value takes besides its text.
pub struct Reading<'a> {
    pub lexicon: &'a Lexicon,
    /// What relative and year-less dates resolve against.
    pub reference: Option<Reference>,
    pub convention: Convention,
    /// The canonical unit of a count.
    pub unit: Option<&'a str>,
}

/// Reads `text` as a value of `kind` where the text alone decides it: titles, dates,
/// durations, counts (in `reading.unit`), quantities and weekday dates. Names, places and
/// ordinals take what a pattern captured around them, so extraction reads those.
pub fn read_value(kind: ValueKind, text: &str, reading: &Reading) -> Option<Value> {
    use crate::normalize::{date, duration, number};
    Some(match kind {
        ValueKind::Title => Value::Title(Box::new(parse_title(text, reading.lexicon)?)),
        ValueKind::Date => Value::Date(date::parse_date(text, reading.reference)?),
        ValueKind::Duration => Value::Duration(duration::parse_duration(text, reading.convention)?),
        ValueKind::Count => Value::Count {
            amount: number::parse_amount(text, reading.convention)?,
            unit: reading.unit?.to_string(),
        },
        ValueKind::Quantity => {
            let (amount, unit) = reading
                .lexicon
                .units
                .parse_quantity(text, reading.convention)?;
            Value::Quantity {
                amount,
                unit: unit.name.clone(),
            }
        }
        ValueKind::WeekdayDate => {
            let (written, date) = date::weekday_mismatch(text)?;
            Value::WeekdayDate { written, date }
        }
        ValueKind::Figure => {
            let measure = reading.unit?;
            let read = super::figures::figures(
                text,
                &[],
                &Default::default(),
                reading.lexicon,
                reading.convention,
                reading.reference,
            )
            .into_iter()
            .map(|found| found.figure)
            .find(|figure| figure.measure == measure);
            match read {
                Some(figure) => Value::Figure(Box::new(figure)),
                // A bare number is a count of the measure the fact names.
                None => Value::Figure(Box::new(crate::model::value::Figure {
                    amount: number::parse_amount(text, reading.convention)?,
                    kind: crate::model::value::FigureKind::Count,
                    unit: String::new(),
                    measure: measure.to_string(),
                    scope: Vec::new(),
                    context: Vec::new(),
                    named: Vec::new(),
                    places: Vec::new(),
                })),
            }
        }
        ValueKind::Name | ValueKind::Place | ValueKind::Ordinal => return None,
    })
}
