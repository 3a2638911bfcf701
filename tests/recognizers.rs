//! The English cases of Microsoft Recognizers-Text (tests/data, MIT licence) run through the
//! mention scanner. A case passes when every expected mention is found with an overlapping
//! span and an equal value. Each file fails below its floors, overall and per kind.
//!
//! To tell grammar from fitting, the cases are split by a hash of their input (FNV-1a, 64
//! bits): even hashes are the half the reader was tuned on, odd hashes the half held out.
//! `cargo test --test recognizers -- --nocapture` prints the pass rates of both halves per
//! kind; `RECOGNIZERS_FAILURES=1` also lists the failing mentions of the tuned half only
//! (`RECOGNIZERS_FAILURES=all` lists every one).

use chrono::{Datelike, Months, NaiveDate};
use claimcheck::normalize::date::Reference;
use claimcheck::normalize::number::Convention;
use claimcheck::normalize::scan::{scan, Kind, Mention, MentionValue, ScanOptions};
use serde_json::Value;
use std::collections::BTreeMap;

/// Pass rates (per cent) below which the test fails: overall, then per expected kind, at
/// what the reader reaches (a little under, so that a case more or less does not flap).
const OVERALL_FLOOR: f64 = 97.0;
const MORE_OVERALL_FLOOR: f64 = 93.0;
const MORE_KIND_FLOORS: &[(&str, f64)] = &[
    ("age", 100.0),
    ("currency", 91.5),
    ("date", 100.0),
    ("daterange", 100.0),
    ("duration", 100.0),
    ("temperature", 100.0),
];
const KIND_FLOORS: &[(&str, f64)] = &[
    ("date", 96.0),
    ("daterange", 96.0),
    ("dimension", 100.0),
    ("duration", 100.0),
    ("number", 96.5),
    ("numberrange", 100.0),
    ("ordinal", 100.0),
    ("percent", 100.0),
];

fn kinds_of_model(id: &str) -> Vec<Kind> {
    match id.split('#').next().unwrap_or("") {
        "NumberModel" => vec![Kind::Number],
        "NumberRangeModel" => vec![Kind::NumberRange],
        "OrdinalModel" => vec![Kind::Ordinal],
        "PercentModel" => vec![Kind::Percent],
        "DimensionModel" => vec![Kind::Quantity],
        "DurationParser" => vec![Kind::Duration],
        "CurrencyModel" => vec![Kind::Currency],
        "AgeModel" => vec![Kind::Age],
        "TemperatureModel" => vec![Kind::Temperature],
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
        ("currency", MentionValue::Currency { value, unit, iso }) => {
            close(*value, number("value").unwrap())
                && (unit.eq_ignore_ascii_case(expected["unit"].as_str().unwrap())
                    || (iso.is_some() && iso.as_deref() == expected["iso"].as_str()))
        }
        ("age", MentionValue::Age { value, unit })
        | ("temperature", MentionValue::Temperature { value, unit }) => {
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

/// Whether a case belongs to the held-out half: an odd FNV-1a hash of its input.
fn held_out(input: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in input.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 2 == 1
}

/// Passed and total mentions, per kind, in the tuned and the held-out half.
#[derive(Default)]
struct Tally {
    tuned: (usize, usize),
    held_out: (usize, usize),
}

fn rate((ok, all): (usize, usize)) -> f64 {
    if all == 0 {
        100.0
    } else {
        100.0 * ok as f64 / all as f64
    }
}

/// Runs a file's cases and fails below its floors; prints both halves' rates.
fn run_file(name: &str, data: &str, overall_floor: f64, kind_floors: &[(&str, f64)]) {
    let mut per_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut cases = Tally::default();
    let mut failures = Vec::new();
    let list_failures = std::env::var("RECOGNIZERS_FAILURES").ok();
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let held_out = held_out(input);
        let options = ScanOptions {
            reference: case["reference_date"].as_str().map(|d| Reference {
                date: d.parse().unwrap(),
                assumed: false,
            }),
            convention: Convention::DotDecimal,
            kinds: kinds_of_model(case["id"].as_str().unwrap()),
            ..ScanOptions::default()
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
            let tally = per_kind.entry(kind.to_string()).or_default();
            let half = if held_out {
                &mut tally.held_out
            } else {
                &mut tally.tuned
            };
            half.1 += 1;
            if ok {
                half.0 += 1;
                continue;
            }
            case_passed = false;
            if list_failures.as_deref() == Some("all") || (list_failures.is_some() && !held_out) {
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
        let half = if held_out {
            &mut cases.held_out
        } else {
            &mut cases.tuned
        };
        half.1 += 1;
        if case_passed {
            half.0 += 1;
        }
    }
    let sum = |t: &Tally| (t.tuned.0 + t.held_out.0, t.tuned.1 + t.held_out.1);
    let line = |label: &str, t: &Tally| {
        let (ok, all) = sum(t);
        format!(
            "  {label:<12} {ok:>4}/{all:<4} = {:5.1}%   tuned {:5.1}% of {:<4} held out {:5.1}% of {}",
            rate((ok, all)),
            rate(t.tuned),
            t.tuned.1,
            rate(t.held_out),
            t.held_out.1
        )
    };
    println!("{name}:");
    println!("{}", line("cases", &cases));
    for (kind, tally) in &per_kind {
        println!("{}", line(kind, tally));
    }
    for failure in &failures {
        println!("FAIL {failure}");
    }
    let overall = rate(sum(&cases));
    assert!(
        overall >= overall_floor,
        "{name}: overall {overall:.1}% < {overall_floor}%"
    );
    for (kind, floor) in kind_floors {
        let rate = rate(sum(&per_kind[*kind]));
        assert!(rate >= *floor, "{name} {kind}: {rate:.1}% < {floor}%");
    }
}

#[test]
fn recognizers_cases_pass_at_the_floors() {
    run_file(
        "recognizers-en.jsonl",
        include_str!("data/recognizers-en.jsonl"),
        OVERALL_FLOOR,
        KIND_FLOORS,
    );
}

#[test]
fn money_age_and_temperature_cases_pass_at_the_floors() {
    run_file(
        "recognizers-en-more.jsonl",
        include_str!("data/recognizers-en-more.jsonl"),
        MORE_OVERALL_FLOOR,
        MORE_KIND_FLOORS,
    );
}
