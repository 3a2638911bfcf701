//! The CI and editor formats through the binary: markdown, jsonl, github, and the subjects
//! their messages name.

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
    assert!(out.starts_with("## claimcheck: 22 sources"));
    assert!(
        out.contains("| **conflict** | 9 |"),
        "counts by verdict first"
    );
    let conflicts = out.find("### Conflicts").unwrap();
    let possible = out.find("### Possible conflicts").unwrap();
    let changes = out.find("### Changes over time").unwrap();
    let agreements = out.find("<summary>17 agreements</summary>").unwrap();
    assert!(conflicts < possible && possible < changes && changes < agreements);
    let hamilton = &out[conflicts..possible];
    assert_eq!(hamilton.matches("#### Kevin Hamilton").count(), 1);
    assert!(hamilton.contains("**title** — **conflict** (`person-title`)"));
    assert!(hamilton.contains("`corpus/belgrade-daily.md:7:1`"));
    assert!(hamilton.contains(
        "**NATO Deputy Assistant Secretary General for Partnerships** Kevin Hamilton spent"
    ));
    // An agreement is one line of the folded list, not a section.
    assert!(
        out.contains("- **George M. Wikoff**, title: Admiral (Adriatic Observer, Balkan Wire)\n")
    );
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
    assert!(line.starts_with("::error file=docs/a%3Ab%2Cc.md,line=4,col=5,title=conflict%3A the exercise (2026-05-20) (duration)::"), "{line}");
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

#[test]
fn sarif_is_valid_sarif_2_1_0_with_fingerprints_and_related_locations() {
    let (code, out) = check(corpus(), &["corpus/", "--format", "sarif"], &[]);
    assert_eq!(code, Some(1));
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("sarif-schema-2.1.0.json", schema)
        .unwrap();
    let index = compiler
        .compile("sarif-schema-2.1.0.json", &mut schemas)
        .unwrap();
    if let Err(error) = schemas.validate(&sarif, index) {
        panic!("SARIF output does not validate: {error:#}");
    }
    let run = &sarif["runs"][0];
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rule_ids.contains(&"person-title"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        15,
        "every finding but the seventeen agreements"
    );
    for result in results {
        assert!(
            result["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .unwrap()
                .len()
                == 32
        );
        let related = result["relatedLocations"].as_array().unwrap();
        let cited = result["properties"]["verdict"] != "internal-conflict";
        assert!(!related.is_empty() || !cited, "{result}");
        assert!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() >= Some(1)
        );
    }
}

#[test]
fn messages_name_unnamed_events_by_their_story_not_by_a_month() {
    // "the exercise (2026-05)" tells a reader nothing; a message names the story's event,
    // "the exercise (Serbia, 2026-05-20)", while `subject` keeps the stable label.
    let placeholder = regex::Regex::new(r"\bthe \w+ \(\d{4}-\d{2}\)").unwrap();
    let (code, out) = check(corpus(), &["corpus/", "--format", "json"], &[]);
    assert_eq!(code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        let message = finding["message"].as_str().unwrap();
        assert!(
            !placeholder.is_match(message),
            "a placeholder subject in {message:?}"
        );
    }
    let serbia = findings
        .iter()
        .find(|f| f["rule"] == "event-end-date" && f["story"] == "s2")
        .unwrap();
    assert_eq!(serbia["subject"], "the exercise (2026-05)");
    // The table heads that finding by its story; `topic` gives the same name.
    assert_eq!(serbia["topic"], "exercise, Serbia, 2026-05-20");
    let (_, table) = check(corpus(), &["corpus/", "--width", "100"], &[]);
    assert!(table
        .lines()
        .any(|l| l.starts_with("exercise, Serbia, 2026-05-20")));
    assert!(serbia["message"]
        .as_str()
        .unwrap()
        .contains("when the exercise (Serbia, 2026-05-20) ended"));
    for format in ["markdown", "github"] {
        let (_, out) = check(corpus(), &["corpus/", "--format", format], &[]);
        assert!(
            !placeholder.is_match(&out),
            "a placeholder subject in the {format} report"
        );
    }
}
