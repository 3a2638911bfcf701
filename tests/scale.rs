//! Scale behaviour: output independent of the thread count, and repeated values compared
//! once.

use assert_cmd::Command;
use claimcheck::check::{check_documents, CheckOptions};
use claimcheck::rules::RuleSet;
use claimcheck::source::Document;

fn run(args: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn one_thread_and_four_give_byte_identical_output() {
    for format in ["table", "json"] {
        assert_eq!(
            run(&["check", "corpus/", "--threads", "1", "--format", format]),
            run(&["check", "corpus/", "--threads", "4", "--format", format]),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    run(&[
        "generate",
        "--out",
        out,
        "--size-mb",
        "0.5",
        "--seed",
        "3",
        "--outlets",
        "12",
        "--events",
        "8",
    ]);
    let one = run(&["check", out, "--threads", "1", "--format", "json"]);
    let four = run(&["check", out, "--threads", "4", "--format", "json"]);
    assert!(
        one.len() > 10_000,
        "the generated corpus yields a real report"
    );
    assert_eq!(one, four);
}

#[test]
fn a_subject_in_many_sources_gives_one_finding_per_distinct_disagreement() {
    // 300 outlets repeat one figure, 200 another: one conflict citing all, not 60,000 pairs.
    let documents: Vec<Document> = (0..500)
        .map(|i| {
            let troops = if i < 300 { 600 } else { 400 };
            let text = format!(
                "source: Outlet {i}\npublished: 2026-05-20\n\nThe exercise involved {troops} troops.\n"
            );
            Document::new(&format!("outlet-{i:03}.md"), text).0
        })
        .collect();
    let rules = RuleSet::builtin().unwrap();
    let report = check_documents(documents, Vec::new(), &rules, &CheckOptions::default());
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].claims.len(), 500);
    assert!(
        report.findings[0].message.contains("400 troops")
            && report.findings[0].message.contains("600 troops")
    );
}
