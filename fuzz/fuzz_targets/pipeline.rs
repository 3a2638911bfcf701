//! Fuzzes the whole check on arbitrary bytes, split into two documents so that the
//! cross-document stages run too. The rules compile once per process.
#![no_main]

use claimcheck::{check_documents, CheckOptions};
use claimcheck::render;
use claimcheck::rules::RuleSet;
use claimcheck::pipeline::source::{decode, Document};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fuzz_target!(|data: &[u8]| {
    let middle = data.len() / 2;
    let mut warnings = Vec::new();
    let documents: Vec<Document> = [&data[..middle], &data[middle..]]
        .iter()
        .enumerate()
        .filter_map(|(i, bytes)| {
            let text = decode(&format!("doc{i}.txt"), bytes.to_vec(), &mut warnings)?;
            let (document, more) = Document::new(&format!("doc{i}.txt"), text);
            warnings.extend(more);
            Some(document)
        })
        .collect();
    let report = check_documents(documents, warnings, &RULES, &CheckOptions::default());
    let options = render::table::Options {
        width: 120,
        color: false,
    };
    let _ = render::table::findings(&report, &options);
    let _ = render::table::claims(&report, &options);
    let _ = render::json::report(&report);
});
