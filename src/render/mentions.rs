//! `claimcheck normalize` output: one JSON object per mention, one per line.

use crate::normalize::scan::{Mention, MentionValue};
use serde_json::{json, Map, Value};

/// The JSON line of one mention. `line` is 1-based; `start` and `end` are byte offsets in
/// whatever text the caller scanned (the whole input, or one line with `--lines`).
pub fn mention(text: &str, mention: &Mention, line: usize, offset: usize, approx: bool) -> String {
    let mut object = Map::new();
    object.insert("line".into(), json!(line));
    object.insert("text".into(), json!(&text[mention.span.clone()]));
    object.insert("start".into(), json!(mention.span.start - offset));
    object.insert("end".into(), json!(mention.span.end - offset));
    object.insert("kind".into(), json!(mention.kind.name()));
    let finite = |v: f64| if v.is_finite() { json!(v) } else { Value::Null };
    match &mention.value {
        MentionValue::Number(value) => {
            object.insert("value".into(), finite(*value));
            object.insert("approx".into(), json!(approx));
        }
        MentionValue::NumberRange {
            min,
            max,
            min_inclusive,
            max_inclusive,
        } => {
            object.insert("min".into(), min.map_or(Value::Null, finite));
            object.insert("max".into(), max.map_or(Value::Null, finite));
            object.insert("min_inclusive".into(), json!(min_inclusive));
            object.insert("max_inclusive".into(), json!(max_inclusive));
        }
        MentionValue::Ordinal(value) => {
            object.insert("value".into(), json!(value));
        }
        MentionValue::Percent(value) => {
            object.insert("value".into(), finite(*value));
        }
        MentionValue::Quantity { value, unit } => {
            object.insert("value".into(), finite(*value));
            object.insert("unit".into(), json!(unit));
        }
        MentionValue::Currency { value, unit, iso } => {
            object.insert("value".into(), finite(*value));
            object.insert("unit".into(), json!(unit));
            object.insert("iso".into(), json!(iso));
        }
        MentionValue::Age { value, unit } | MentionValue::Temperature { value, unit } => {
            object.insert("value".into(), finite(*value));
            object.insert("unit".into(), json!(unit));
        }
        MentionValue::Duration { seconds } => {
            object.insert("seconds".into(), finite(*seconds));
        }
        MentionValue::InvalidDate => {
            object.insert("value".into(), Value::Null);
        }
        MentionValue::Date(span) => {
            // `start` and `end` of the object are byte offsets; the dates go under `value`.
            // An open side ("before 1960", "after 1975") is the calendar's edge: null.
            let bound = |date: chrono::NaiveDate, edge: chrono::NaiveDate| {
                if date == edge {
                    Value::Null
                } else {
                    json!(date.format("%Y-%m-%d").to_string())
                }
            };
            object.insert(
                "value".into(),
                json!({
                    "start": bound(span.start, chrono::NaiveDate::MIN),
                    "end": bound(span.end, chrono::NaiveDate::MAX),
                    "grain": span.grain.name(),
                    "year_assumed": span.year_assumed,
                }),
            );
        }
    }
    Value::Object(object).to_string()
}
