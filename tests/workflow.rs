//! The CI workflow: baselines, failing levels, exit codes, rule explanations.

use assert_cmd::Command;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn copy_corpus(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_baseline_round_trip_hides_everything_until_a_value_changes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_corpus(&corpus);
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "corpus", "--write-baseline", "baseline.json"],
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains("recorded 32 findings"), "{stderr}");

    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "corpus",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);

    // Moving text around changes no fingerprint.
    let herald = corpus.join("nis-herald.md");
    let text = std::fs::read_to_string(&herald).unwrap();
    std::fs::write(
        &herald,
        text.replacen("\n\n", "\n\nA new opening paragraph.\n\n", 2),
    )
    .unwrap();
    let (code, _, _) = run(
        dir.path(),
        &["check", "corpus", "--baseline", "baseline.json"],
    );
    assert_eq!(code, Some(0));

    // Changing one planted value brings exactly its finding back.
    let wire = corpus.join("balkan-wire.md");
    let text = std::fs::read_to_string(&wire).unwrap();
    std::fs::write(
        &wire,
        text.replace("concluded on May 29, 2026", "concluded on May 30, 2026"),
    )
    .unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "corpus",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["attribute"], "end date");
    assert!(
        stderr
            .contains("baseline entry no longer occurs: conflict the exercise (2026-05) end date"),
        "{stderr}"
    );
}

#[test]
fn exit_codes_follow_the_failing_level() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "source: A\npublished: 2026-05-20\n\nThe talks opened on Monday August 14, 1964.\n",
    )
    .unwrap();
    // A weekday contradiction is a warning-level rule.
    assert_eq!(run(dir.path(), &["check", "a.md"]).0, Some(0));
    assert_eq!(
        run(dir.path(), &["check", "a.md", "--fail-on", "warning"]).0,
        Some(1)
    );
    assert_eq!(
        run(dir.path(), &["check", "a.md", "--fail-on", "info"]).0,
        Some(1)
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(run(corpus, &["check", "corpus/"]).0, Some(1));
    assert_eq!(
        run(corpus, &["check", "corpus/", "--fail-on", "none"]).0,
        Some(0)
    );
    assert_eq!(
        run(corpus, &["check", "corpus/", "--fail-on", "sometimes"]).0,
        Some(2)
    );
    assert_eq!(run(corpus, &["check", "no/such/corpus"]).0, Some(2));
}

#[test]
fn a_broken_baseline_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    std::fs::write(
        dir.path().join("baseline.json"),
        "{\"version\": 1, \"findings\": [}\n",
    )
    .unwrap();
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "a.md", "--baseline", "baseline.json"],
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("baseline.json:1:"), "{stderr}");
}

#[test]
fn explain_prints_a_rule_with_its_examples() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, stdout, _) = run(corpus, &["rules", "--explain", "event-duration"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("event-duration (error, rules/events.toml)"));
    assert!(stdout.contains("-> 14 days"));
    let (code, _, stderr) = run(corpus, &["rules", "--explain", "no-such-rule"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no rule `no-such-rule`"));
}

const DRAFT: &str = "source: Draft\npublished: 2026-05-28\n\n\
NATO Deputy Assistant Secretary General for Defence Policy Kevin Hamilton visited Belgrade.\n\n\
The drill, held from May 13 to May 23, trained units for peace support operations.\n";

fn findings(stdout: &str) -> Vec<(String, String, String)> {
    let report: serde_json::Value = serde_json::from_str(stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                f["attribute"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_draft_against_the_corpus_reports_only_its_wrong_title() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "draft.md",
            "--format",
            "json",
            "--against",
            corpus.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        findings(&stdout),
        vec![("conflict".into(), "Kevin Hamilton".into(), "title".into())]
    );
}

#[test]
fn a_draft_against_a_facts_file_reports_only_its_wrong_title() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(
        dir.path().join("facts.toml"),
        "[[fact]]\nsubject = \"Kevin Hamilton\"\nattribute = \"title\"\nvalue = \"NATO Deputy Assistant Secretary General for Political Affairs and Security Policy\"\n\n\
         [[fact]]\nsubject = \"the exercise\"\nattribute = \"date\"\nvalue = \"May 11 to May 24, 2026\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "draft.md",
            "--format",
            "json",
            "--facts",
            "facts.toml",
            "--against",
            "empty",
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        findings(&stdout),
        vec![("conflict".into(), "Kevin Hamilton".into(), "title".into())]
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let cited: Vec<&str> = report["findings"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert!(
        cited.contains(&"facts.toml") && cited.contains(&"draft.md"),
        "{cited:?}"
    );
}

#[test]
fn a_fact_no_rule_knows_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    std::fs::write(
        dir.path().join("facts.toml"),
        "[[fact]]\nsubject = \"Kevin Hamilton\"\nattribute = \"shoe size\"\nvalue = \"44\"\n",
    )
    .unwrap();
    let (code, _, stderr) = run(dir.path(), &["check", "draft.md", "--facts", "facts.toml"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("facts.toml:4:10") && stderr.contains("shoe size"),
        "{stderr}"
    );
}

#[test]
fn inline_suppressions_silence_their_finding_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "source: A\npublished: 2026-05-20\n\n<!-- claimcheck: ignore event-duration -->\nThe two-week exercise began.\n\nThe exercise involved 600 troops. <!-- claimcheck: ignore event-date -->\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "source: B\npublished: 2026-05-21\n\nThe exercise lasted 13 days.\n# claimcheck: ignore-next-line event-troops\nThe exercise involved 400 troops.\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(findings(&stdout).is_empty(), "{stdout}");
    assert!(
        stderr.contains("a.md:7: suppression of event-date silences nothing"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("silences nothing").count(), 1, "{stderr}");
}

#[test]
fn configuration_is_found_layered_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("work");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("a.md"),
        "source: A\npublished: 2026-05-20\n\nThe two-week exercise involved 600 troops.\n",
    )
    .unwrap();
    std::fs::write(
        sub.join("b.md"),
        "source: B\npublished: 2026-05-21\n\nThe exercise lasted 13 days and involved 400 troops.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "ignore = [\"event-troops\"]\nformat = \"json\"\n\n[thresholds]\nevent-window-days = 30\n",
    )
    .unwrap();
    // Found by walking up from the working directory.
    let (code, stdout, _) = run(&sub, &["check", "."]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&stdout),
        vec![("conflict".into(), "the exercise".into(), "duration".into())]
    );
    // The command line outranks the file.
    let (_, stdout, _) = run(&sub, &["check", ".", "--format", "markdown"]);
    assert!(stdout.starts_with("## claimcheck"));
    let (code, stdout, _) = run(&sub, &["check", ".", "--dump-config"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("ignore = [\"event-troops\"]") && stdout.contains("event-window-days = 30"),
        "{stdout}"
    );
    assert!(
        stdout.contains("format = \"json\""),
        "the file's format: {stdout}"
    );
    // What --dump-config prints is what the run would use: the flags on top of the file.
    let (_, stdout, _) = run(
        &sub,
        &[
            "check",
            ".",
            "--format",
            "sarif",
            "--fail-on",
            "none",
            "--dump-config",
        ],
    );
    assert!(
        stdout.contains("format = \"sarif\"") && stdout.contains("fail-on = \"none\""),
        "{stdout}"
    );
    // Unknown keys and unknown rules are errors.
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "ignore = [\"event-troops\"]\nfromat = \"json\"\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&sub, &["check", "."]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("claimcheck.toml:2:1") && stderr.contains("fromat"),
        "{stderr}"
    );
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "ignore = [\"no-such-rule\"]\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&sub, &["check", "."]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no rule `no-such-rule`"), "{stderr}");
}

#[test]
fn unused_suppressions_are_named_in_file_order_whether_or_not_a_file_is_dated() {
    // The undated article is extracted after the dated ones; its warning still comes first.
    let dir = tempfile::tempdir().unwrap();
    let directive = "<!-- claimcheck: ignore-next-line -->";
    std::fs::write(
        dir.path().join("a.md"),
        format!("Undated text.\n{directive}\nNothing here.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        format!("source: B\npublished: 2026-05-21\n\n{directive}\nNothing here.\n"),
    )
    .unwrap();
    let (_, _, stderr) = run(dir.path(), &["check", "."]);
    let a = stderr.find("a.md:2: suppression").expect(&stderr);
    let b = stderr.find("b.md:4: suppression").expect(&stderr);
    assert!(a < b, "{stderr}");
}
