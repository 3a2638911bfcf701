//! The CI and editor formats through the binary: markdown, jsonl, github.

use assert_cmd::Command;
use std::path::Path;

fn check(dir: &Path, args: &[&str], envs: &[(&str, &Path)]) -> (Option<i32>, String) {
    let mut command = Command::cargo_bin("claimcheck").unwrap();
    command.current_dir(dir).arg("check").args(args);
    // The test's own environment may be a GitHub job; only the test decides.
    command.env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn corpus() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn jsonl_lines_each_parse_and_are_tagged() {
    let (code, out) = check(corpus(), &["corpus/", "--format", "jsonl"], &[]);
    assert_eq!(code, Some(1));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().any(|l| l["type"] == "claim"));
    assert!(lines.iter().any(|l| l["type"] == "finding"));
    assert!(lines
        .iter()
        .all(|l| l["type"] == "claim" || l["type"] == "finding"));
}

#[test]
fn markdown_lists_findings_and_quotes() {
    let (_, out) = check(corpus(), &["corpus/", "--format", "markdown"], &[]);
    assert!(out.starts_with("## claimcheck: 7 sources"));
    assert!(out.contains("| **conflict** | Kevin Hamilton | title |"));
    assert!(out.contains("`corpus/belgrade-daily.md:7:1`"));
}

#[test]
fn github_annotations_escape_names_and_messages_and_fill_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("a:b,c.md"),
        "source: A, 100%\npublished: 2026-05-20\n\nThe two-week exercise began.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("b.md"),
        "source: B\npublished: 2026-05-21\n\nThe exercise lasted 13 days.\n",
    )
    .unwrap();
    let summary = dir.path().join("summary.md");
    let (code, out) = check(
        dir.path(),
        &["docs", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(code, Some(1));
    let line = out.lines().next().unwrap();
    assert!(line.starts_with("::error file=docs/a%3Ab%2Cc.md,line=4,col=5,title=conflict%3A the exercise (duration)::"), "{line}");
    assert!(line.contains("100%25"), "{line}");
    assert!(line.contains("%0Adocs/b.md:4:"), "{line}");
    assert!(!line.contains('\n'));
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.starts_with("## claimcheck: 2 sources"));
}

#[test]
fn github_annotations_stop_at_ten_per_level() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        for (name, days) in [("a", 14), ("b", 13)] {
            std::fs::write(
                dir.path().join(format!("{name}{i:02}.md")),
                format!("source: {name}{i}\npublished: 20{:02}-05-20\n\nThe exercise lasted {days} days.\n", 10 + i),
            )
            .unwrap();
        }
    }
    let (_, out) = check(dir.path(), &[".", "--format", "github"], &[]);
    assert_eq!(out.lines().filter(|l| l.starts_with("::error")).count(), 10);
    assert!(
        out.contains("::notice title=claimcheck::2 more error findings"),
        "{out}"
    );
}
