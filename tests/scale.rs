//! Scale behaviour: output independent of the thread count, and repeated values compared
//! once.

// The synthetic corpus generator of `examples/generate`.
#[path = "../examples/generate/corpus.rs"]
#[allow(dead_code)]
mod generate;

use assert_cmd::Command;
use claimcheck::Document;
use claimcheck::RuleSet;
use claimcheck::{check_documents, CheckOptions};

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
    let plan = generate::Plan {
        seed: 3,
        bytes: 512 * 1024,
        outlets: 12,
        events: 8,
    };
    generate::write(&plan, dir.path()).unwrap();
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
    assert_eq!(report.findings[0].cited(), 500);
    let message = claimcheck::render::message(&report, &report.findings[0]);
    assert!(message.contains("400 troops") && message.contains("600 troops"));
}

#[test]
fn progress_counts_every_document_then_the_comparison() {
    use claimcheck::{Progress, Stage};
    use std::sync::{Arc, Mutex};
    let documents: Vec<Document> = (0..40)
        .map(|i| {
            let text =
                format!("source: S{i}\npublished: 2026-05-20\n\nThe drill involved 600 troops.\n");
            Document::new(&format!("d{i}.md"), text).0
        })
        .collect();
    let seen: Arc<Mutex<Vec<(Stage, u64, u64)>>> = Arc::default();
    let sink = seen.clone();
    let options = CheckOptions {
        threads: Some(2),
        progress: Some(Progress::new(move |stage, done, total| {
            sink.lock().unwrap().push((stage, done, total));
        })),
        ..CheckOptions::default()
    };
    let rules = RuleSet::builtin().unwrap();
    check_documents(documents, Vec::new(), &rules, &options);
    let seen = seen.lock().unwrap();
    let extracted: Vec<u64> = seen
        .iter()
        .filter(|(stage, _, total)| *stage == Stage::Extract && *total == 40)
        .map(|(_, done, _)| *done)
        .collect();
    let mut sorted = extracted.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        (1..=40).collect::<Vec<u64>>(),
        "one report per document"
    );
    assert_eq!(seen.last(), Some(&(Stage::Compare, 40, 40)));
}

#[test]
fn quiet_prints_nothing_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        b"The drill \xff involved 600 troops.\n",
    )
    .unwrap();
    let run = |quiet: bool| {
        let mut command = Command::cargo_bin("claimcheck").unwrap();
        command.arg("check").arg(dir.path());
        if quiet {
            command.arg("--quiet");
        }
        command.output().unwrap()
    };
    assert!(String::from_utf8_lossy(&run(false).stderr).contains("warning"));
    assert!(run(true).stderr.is_empty());
}
