//! Fuzzes the number, amount, ordinal and duration normalizers, directly and through their
//! regex fragments.
#![no_main]

use claimcheck::normalize::duration::{parse_duration, DURATION};
use claimcheck::normalize::number::{
    format_number, parse_amount, parse_number, parse_ordinal, Convention, AMOUNT, ORDINAL,
};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static AMOUNT_RE: LazyLock<regex::Regex> = LazyLock::new(|| claimcheck::pattern::compile(&AMOUNT).unwrap());
static DURATION_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| claimcheck::pattern::compile(&DURATION).unwrap());
static ORDINAL_RE: LazyLock<regex::Regex> = LazyLock::new(|| claimcheck::pattern::compile(ORDINAL).unwrap());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for convention in [Convention::DotDecimal, Convention::CommaDecimal] {
        if let Some(value) = parse_number(&text, convention) {
            let _ = format_number(value);
        }
        if let Some(amount) = parse_amount(&text, convention) {
            let _ = amount.canonical();
        }
        if let Some(duration) = parse_duration(&text, convention) {
            let _ = duration.canonical();
        }
        for found in AMOUNT_RE.find_iter(&text) {
            let _ = parse_amount(found.as_str(), convention).map(|a| a.canonical());
        }
        for found in DURATION_RE.find_iter(&text) {
            let _ = parse_duration(found.as_str(), convention).map(|d| d.canonical());
        }
    }
    for found in ORDINAL_RE.find_iter(&text) {
        let _ = parse_ordinal(found.as_str());
    }
});
