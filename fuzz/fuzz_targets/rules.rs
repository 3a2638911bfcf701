//! Fuzzes the rule loader with arbitrary rule files next to the shipped ones: errors, never
//! panics.
#![no_main]

use claimcheck::rules::{RuleSet, BUILTIN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut sources: Vec<(String, String)> = BUILTIN
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    sources.push(("fuzz.toml".to_string(), text));
    if let Ok(rules) = RuleSet::from_sources(&sources) {
        let _ = claimcheck::pipeline::examples::verify(&rules);
    }
});
