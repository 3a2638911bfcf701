//! The HTML report without a browser (the browser test is `tests/browser/run.sh`): one
//! article per finding, a policy that allows only the page's own style and script (by
//! their hashes), no address outside the page, every claim's link landing on its mark in
//! the document, the review export's entries exactly a baseline's, and the same bytes
//! whatever the number of threads.

use claimcheck::pipeline::filter::baseline::Baseline;
use claimcheck::render::html;
use claimcheck::{check, CheckOptions, Report, RuleSet};
use regex::Regex;
use sha2::{Digest, Sha256};
use std::path::Path;

fn corpus_report(threads: usize) -> Report {
    let rules = RuleSet::builtin().unwrap();
    let options = CheckOptions {
        threads: Some(threads),
        keep_texts: true,
        ..CheckOptions::default()
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    check(&[corpus], &rules, &options)
}

/// The contents of every `<tag>…</tag>` of `page` (whose opening tag is exactly `open`).
fn contents<'a>(page: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    page.split(open)
        .skip(1)
        .map(|rest| &rest[..rest.find(close).unwrap()])
        .collect()
}

fn sha256_base64(text: &str) -> String {
    // The hash as the policy writes it: standard base64 of the digest.
    let digest = Sha256::digest(text.as_bytes());
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = String::new();
    for byte in digest {
        bits.push_str(&format!("{byte:08b}"));
    }
    while bits.len() % 6 != 0 {
        bits.push('0');
    }
    let mut out: String = (0..bits.len() / 6)
        .map(|i| alphabet[usize::from_str_radix(&bits[i * 6..i * 6 + 6], 2).unwrap()] as char)
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

#[test]
fn one_article_per_finding_each_claim_linked_to_its_mark() {
    let report = corpus_report(2);
    let page = html::report(&report);
    assert_eq!(
        page.matches("<article class=\"finding\"").count(),
        report.findings.len()
    );
    let links = Regex::new(r##"href="#claim-(\d+)""##).unwrap();
    let mut linked = 0;
    for caps in links.captures_iter(&page) {
        let anchor = format!("<a class=\"anchor\" id=\"claim-{}\"></a>", &caps[1]);
        assert!(page.contains(&anchor), "no {anchor} in the documents");
        linked += 1;
    }
    let cited: usize = report.findings.iter().map(|f| f.cited()).sum();
    assert_eq!(linked, cited, "a link per cited claim");
}

#[test]
fn nothing_but_the_pages_own_style_and_script_may_run_or_load() {
    let page = html::report(&corpus_report(2));
    let policy = Regex::new(r#"<meta http-equiv="Content-Security-Policy" content="([^"]+)">"#)
        .unwrap()
        .captures(&page)
        .expect("a policy")[1]
        .to_string();
    let styles = contents(&page, "<style>", "</style>");
    let scripts = contents(&page, "<script>", "</script>");
    assert_eq!((styles.len(), scripts.len()), (1, 1));
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    assert!(policy.contains(&format!("style-src 'sha256-{}'", sha256_base64(styles[0]))));
    assert!(policy.contains(&format!(
        "script-src 'sha256-{}'",
        sha256_base64(scripts[0])
    )));
    // No address outside the page: every link is a fragment; nothing is loaded from
    // anywhere (no src, no url(), no @import).
    let href = Regex::new(r#"href="([^"]*)""#).unwrap();
    for caps in href.captures_iter(&page) {
        assert!(caps[1].starts_with('#'), "link to {}", &caps[1]);
    }
    for forbidden in [" src=", "url(", "@import", "<link", "<iframe", "<img"] {
        assert!(!page.contains(forbidden), "{forbidden} in the page");
    }
}

#[test]
fn the_review_export_writes_the_baseline_entries_of_the_findings() {
    let report = corpus_report(2);
    let page = html::report(&report);
    let data = contents(
        &page,
        "<script type=\"application/json\" id=\"claimcheck-data\">",
        "</script>",
    );
    let data: serde_json::Value = serde_json::from_str(data[0]).unwrap();
    let mut entries: Vec<serde_json::Value> = data["findings"].as_array().unwrap().clone();
    assert_eq!(entries.len(), report.findings.len());
    entries.sort_by_key(|e| e.to_string());
    let exported: Baseline = serde_json::from_value(
        serde_json::json!({ "version": data["version"], "findings": entries }),
    )
    .expect("the page's entries read as a baseline");
    let mut exported = exported.findings;
    exported.sort();
    exported.dedup();
    assert_eq!(exported, Baseline::of(&report).findings);
}

#[test]
fn the_page_is_the_same_whatever_the_number_of_threads() {
    assert_eq!(
        html::report(&corpus_report(1)),
        html::report(&corpus_report(4))
    );
}
