//! The English cases of Microsoft Recognizers-Text (tests/data, MIT licence) run through the
//! mention scanner. A case passes when every expected mention is found with an overlapping
//! span and an equal value. The test prints the pass rate per kind and fails below 95%
//! overall or 90% for any kind.

use chrono::{Datelike, Months, NaiveDate};
use claimcheck::normalize::date::Reference;
use claimcheck::normalize::number::Convention;
use claimcheck::normalize::scan::{scan, Kind, Mention, MentionValue, ScanOptions};
use serde_json::Value;
use std::collections::BTreeMap;

/// Pass rates (per cent) below which the test fails: overall, then per expected kind.
const OVERALL_FLOOR: f64 = 95.0;
const KIND_FLOORS: &[(&str, f64)] = &[
    ("date", 90.0),
    ("daterange", 90.0),
    ("dimension", 90.0),
    ("duration", 90.0),
    ("number", 90.0),
    ("numberrange", 90.0),
    ("ordinal", 90.0),
    ("percent", 90.0),
];

fn kinds_of_model(id: &str) -> Vec<Kind> {
    match id.split('#').next().unwrap_or("") {
        "NumberModel" => vec![Kind::Number],
        "NumberRangeModel" => vec![Kind::NumberRange],
        "OrdinalModel" => vec![Kind::Ordinal],
        "PercentModel" => vec![Kind::Percent],
        "DimensionModel" => vec![Kind::Quantity],
        "DurationParser" => vec![Kind::Duration],
        _ => vec![Kind::Date, Kind::Duration],
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

/// "[20,30)" into (min, max, min inclusive, max inclusive).
fn interval(text: &str) -> (Option<f64>, Option<f64>, bool, bool) {
    let min_inclusive = text.starts_with('[');
    let max_inclusive = text.ends_with(']');
    let inner = &text[1..text.len() - 1];
    let (low, high) = inner.split_once(',').unwrap();
    (
        low.parse().ok(),
        high.parse().ok(),
        min_inclusive,
        max_inclusive,
    )
}

/// Recognizers-Text ends "May to September" at September 1; a reader (and claimcheck)
/// ends it after September. Both conventions describe the same range, so an end one day,
/// month or year after the candidate's end also matches.
fn same_end(ours: NaiveDate, theirs: NaiveDate) -> bool {
    ours == theirs
        || ours == theirs.succ_opt().unwrap()
        || (theirs.day() == 1 && ours == theirs + Months::new(1))
        || (theirs.ordinal() == 1 && ours == theirs + Months::new(12))
}

fn matches(expected: &Value, found: &Mention) -> bool {
    let kind = expected["kind"].as_str().unwrap();
    let number = |key: &str| expected[key].as_f64();
    match (kind, &found.value) {
        ("number", MentionValue::Number(v)) | ("percent", MentionValue::Percent(v)) => {
            close(*v, number("value").unwrap())
        }
        ("ordinal", MentionValue::Ordinal(v)) => *v as f64 == number("value").unwrap(),
        (
            "numberrange",
            MentionValue::NumberRange {
                min,
                max,
                min_inclusive,
                max_inclusive,
            },
        ) => {
            let (emin, emax, emin_inclusive, emax_inclusive) =
                interval(expected["value"].as_str().unwrap());
            *min == emin
                && *max == emax
                && (min.is_none() || *min_inclusive == emin_inclusive)
                && (max.is_none() || *max_inclusive == emax_inclusive)
        }
        ("dimension", MentionValue::Quantity { value, unit }) => {
            close(*value, number("value").unwrap())
                && unit.eq_ignore_ascii_case(expected["unit"].as_str().unwrap())
        }
        ("duration", MentionValue::Duration { seconds }) => {
            number("seconds").is_none_or(|s| close(*seconds, s))
        }
        ("date" | "daterange", MentionValue::Date(span)) => {
            let candidates: Vec<&str> = expected["candidates"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if candidates.is_empty() || candidates == ["not resolved"] {
                return true;
            }
            candidates
                .iter()
                .any(|candidate| match candidate.split_once("..") {
                    None => candidate
                        .parse::<NaiveDate>()
                        .is_ok_and(|d| d == span.start),
                    Some((start, end)) => {
                        start.parse::<NaiveDate>().is_ok_and(|s| s == span.start)
                            && match end.parse::<NaiveDate>() {
                                Ok(end) => same_end(span.end, end),
                                Err(_) => span.end == NaiveDate::MAX,
                            }
                    }
                })
        }
        ("date", MentionValue::InvalidDate) => {
            expected["candidates"] == serde_json::json!(["not resolved"])
        }
        _ => false,
    }
}

fn found_kind(kind: &str) -> Kind {
    match kind {
        "dimension" => Kind::Quantity,
        "daterange" => Kind::Date,
        other => Kind::from_name(other).unwrap(),
    }
}

#[test]
fn recognizers_cases_pass_at_the_floors() {
    let data = include_str!("data/recognizers-en.jsonl");
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut passed, mut total) = (0, 0);
    let mut failures = Vec::new();
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let options = ScanOptions {
            reference: case["reference_date"].as_str().map(|d| Reference {
                date: d.parse().unwrap(),
                assumed: false,
            }),
            convention: Convention::DotDecimal,
            kinds: kinds_of_model(case["id"].as_str().unwrap()),
        };
        let found = scan(input, &options);
        let lower = input.to_lowercase();
        let mut case_passed = true;
        // Expected mentions come in text order: look for each after the one before.
        let mut cursor = 0;
        for expected in case["expected"].as_array().unwrap() {
            let kind = expected["kind"].as_str().unwrap();
            let text = expected["text"].as_str().unwrap().to_lowercase();
            let at = match lower[cursor..].find(&text) {
                Some(i) => cursor + i..cursor + i + text.len(),
                None => lower
                    .find(&text)
                    .map_or(0..lower.len(), |i| i..i + text.len()),
            };
            if at.start >= cursor {
                cursor = at.end;
            }
            let ok = found.iter().any(|m| {
                m.kind == found_kind(kind)
                    && m.span.start < at.end
                    && at.start < m.span.end
                    && matches(expected, m)
            });
            let entry = per_kind.entry(kind.to_string()).or_default();
            entry.1 += 1;
            if ok {
                entry.0 += 1;
            } else {
                case_passed = false;
                let got: Vec<String> = found
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {:?} {:?}",
                            m.kind.name(),
                            &input[m.span.clone()],
                            m.value
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{} {kind} {text:?} in {input:?}: got {got:?}",
                    case["id"]
                ));
            }
        }
        total += 1;
        if case_passed {
            passed += 1;
        }
    }
    let overall = 100.0 * passed as f64 / total as f64;
    println!("recognizers cases: {passed}/{total} = {overall:.1}%");
    for (kind, (ok, all)) in &per_kind {
        println!(
            "  {kind:<12} {ok:>4}/{all:<4} = {:.1}%",
            100.0 * *ok as f64 / *all as f64
        );
    }
    if std::env::var_os("RECOGNIZERS_FAILURES").is_some() {
        for failure in &failures {
            println!("FAIL {failure}");
        }
    }
    assert!(
        overall >= OVERALL_FLOOR,
        "overall {overall:.1}% < {OVERALL_FLOOR}%"
    );
    for (kind, floor) in KIND_FLOORS {
        let (ok, all) = per_kind[*kind];
        let rate = 100.0 * ok as f64 / all as f64;
        assert!(rate >= *floor, "{kind}: {rate:.1}% < {floor}%");
    }
}
