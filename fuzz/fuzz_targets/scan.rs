//! Fuzzes the mention scanner with every kind on, in both decimal conventions, with and
//! without a reference date: mentions in order, not overlapping, on char boundaries.
#![no_main]

use claimcheck::normalize::date::Reference;
use claimcheck::normalize::number::Convention;
use claimcheck::normalize::scan::{scan, Kind, ScanOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let reference = Reference {
        date: chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
        assumed: false,
    };
    let convention = if data.first().is_some_and(|b| b % 2 == 0) {
        Convention::DotDecimal
    } else {
        Convention::CommaDecimal
    };
    let reference = data.last().is_some_and(|b| b % 2 == 0).then_some(reference);
    let options = ScanOptions {
        reference,
        convention,
        kinds: Kind::ALL.to_vec(),
    };
    let mut end = 0;
    for mention in scan(&text, &options) {
        let span = mention.span;
        assert!(span.start >= end && span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        end = span.end;
    }
});
