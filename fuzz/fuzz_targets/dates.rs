//! Fuzzes the date normalizer: every parsed date is a non-empty interval.
#![no_main]

use claimcheck::normalize::date::{parse_date, parse_header_date, Reference, DATE};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static DATE_RE: LazyLock<regex::Regex> = LazyLock::new(|| claimcheck::pattern::compile(&DATE).unwrap());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let reference = Reference {
        date: chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
        assumed: data.first().is_some_and(|b| b % 2 == 0),
    };
    let _ = parse_header_date(&text);
    let mut candidates = vec![text.to_string()];
    candidates.extend(DATE_RE.find_iter(&text).map(|m| m.as_str().to_string()));
    for candidate in candidates {
        for reference in [None, Some(reference)] {
            if let Some(span) = parse_date(&candidate, reference) {
                assert!(span.start < span.end, "{candidate:?}");
                let _ = span.canonical();
            }
        }
    }
});
