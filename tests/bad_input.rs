//! Bad input never panics, never loses the rest of the corpus: every fault gives a clear
//! message naming the file, and the good files still produce their findings.

use assert_cmd::Command;
use std::path::Path;

fn claimcheck() -> Command {
    Command::cargo_bin("claimcheck").unwrap()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], dir: &Path) -> Run {
    let output = claimcheck().args(args).current_dir(dir).output().unwrap();
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_ne!(run.code, Some(101));
    run
}

/// Two articles that disagree on how long the exercise lasted.
fn write_good_pair(dir: &Path) {
    std::fs::write(
        dir.join("good-a.md"),
        "source: A\npublished: 2026-05-20\n\nThe two-week exercise began in Serbia.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("good-b.md"),
        "source: B\npublished: 2026-05-21\n\nThe exercise lasted 13 days.\n",
    )
    .unwrap();
}

fn assert_good_pair_reported(run: &Run) {
    assert!(run.stdout.contains("CONFLICT"), "{}", run.stdout);
    assert!(run.stdout.contains("good-a.md") && run.stdout.contains("good-b.md"));
}

#[test]
fn every_input_fault_is_survived_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_good_pair(&corpus);
    std::fs::write(
        corpus.join("latin1.txt"),
        b"The caf\xe9 hosted the exercise.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("binary.txt"), b"\x7fELF\x00\x00\x01binary").unwrap();
    std::fs::write(corpus.join("empty.txt"), b"").unwrap();
    std::fs::write(corpus.join("long-word.txt"), "x".repeat(200_000)).unwrap();
    std::fs::write(
        corpus.join("punctuation.txt"),
        "!!! ??? ... ,,, ;;; --- \u{201c}\u{201d}",
    )
    .unwrap();
    std::fs::write(
        corpus.join("numbers.txt"),
        "1 2 3 4.5 6,000 7.000,5 -8 1e10 ½",
    )
    .unwrap();
    std::fs::write(
        corpus.join("scripts.txt"),
        "Вежба је трајала две недеље. Η άσκηση διήρκεσε δύο εβδομάδες. \
         استمر التمرين أسبوعين. התרגיל נמשך שבועיים. The exercise lasted fourteen days, said Ἀλέξανδρος.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        corpus.join("vanished-target.txt"),
        corpus.join("vanished.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("loop")).unwrap();

    let run = run(&["check", "corpus"], dir.path());
    assert_good_pair_reported(&run);
    assert_eq!(
        run.code,
        Some(2),
        "an unreadable input makes the exit code 2"
    );
    let stderr = &run.stderr;
    assert!(
        stderr.contains("latin1.txt: invalid UTF-8 at byte 7"),
        "{stderr}"
    );
    assert!(stderr.contains("binary.txt: binary file"), "{stderr}");
    assert!(stderr.contains("vanished.txt: cannot read"), "{stderr}");
    assert!(stderr.contains("loop"), "{stderr}");
    for quiet in [
        "empty.txt",
        "long-word.txt",
        "punctuation.txt",
        "numbers.txt",
        "scripts.txt",
    ] {
        assert!(
            !stderr.contains(quiet),
            "{quiet} needs no warning: {stderr}"
        );
    }
}

#[test]
fn a_50_mb_line_is_read_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    write_good_pair(dir.path());
    // A log line: mostly noise, with a claim now and then.
    let noise = "lorem ipsum 12345 status=ok latency=3ms ".repeat(2_500);
    let chunk = format!("{noise}the exercise had 600 troops ");
    let line = chunk.repeat(50 * 1024 * 1024 / chunk.len());
    std::fs::write(dir.path().join("log.txt"), line).unwrap();
    let run = run(&["check", "."], dir.path());
    assert_good_pair_reported(&run);
    assert_eq!(run.code, Some(1));
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write_good_pair(dir.path());
    // A directory with a document's name cannot be read as a file.
    std::fs::create_dir(dir.path().join("folder.txt")).unwrap();
    let run = run(
        &[
            "check",
            "good-a.md",
            "good-b.md",
            "folder.txt",
            "missing.md",
        ],
        dir.path(),
    );
    assert_good_pair_reported(&run);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("missing.md: no such file or directory"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_skipped_file_changes_nothing_but_its_warning() {
    // Files are read while others are already extracted, and an undated article is
    // extracted last: neither may shift which file a claim cites.
    let dir = tempfile::tempdir().unwrap();
    write_good_pair(dir.path());
    std::fs::write(
        dir.path().join("good-ab.md"),
        "source: C\n\nThe exercise lasted 14 days, with 600 troops.\n",
    )
    .unwrap();
    let report = |dir: &Path| -> serde_json::Value {
        let run = run(&["check", ".", "--format", "json"], dir);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let clean = report(dir.path());
    std::fs::write(dir.path().join("binary-0.md"), b"\0\x01\x02").unwrap();
    std::fs::write(dir.path().join("good-b2.md"), b"\0\x01\x02").unwrap();
    let with_skipped = report(dir.path());
    assert_eq!(with_skipped["claims"], clean["claims"]);
    assert_eq!(with_skipped["findings"], clean["findings"]);
    assert_eq!(with_skipped["sources"], clean["sources"]);
    let claims = clean["claims"].as_array().unwrap();
    assert!(claims.len() >= 4, "{claims:?}");
    let paths: Vec<&str> = claims.iter().map(|c| c["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"./good-ab.md"), "{paths:?}");
    assert!(
        paths.windows(2).all(|w| w[0] <= w[1]),
        "claims in file order: {paths:?}"
    );
    for claim in claims {
        let path = dir.path().join(claim["path"].as_str().unwrap());
        let text = std::fs::read_to_string(path).unwrap();
        let first_words: String = claim["quote"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&first_words), "{claim} not in its file");
    }
}

#[test]
fn inputs_are_not_modified_and_reports_stay_out_of_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_good_pair(&corpus);
    let before = std::fs::read(corpus.join("good-a.md")).unwrap();
    let refused = run(
        &["check", "corpus", "--output", "corpus/report.txt"],
        dir.path(),
    );
    assert_eq!(refused.code, Some(2));
    assert!(refused.stderr.contains("refusing"), "{}", refused.stderr);
    assert!(!corpus.join("report.txt").exists());

    let written = run(
        &["check", "corpus", "--format", "json", "-o", "report.json"],
        dir.path(),
    );
    assert_eq!(written.code, Some(1));
    assert!(written.stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(std::fs::read(corpus.join("good-a.md")).unwrap(), before);
    assert_eq!(std::fs::read_dir(&corpus).unwrap().count(), 2);

    let allowed = run(
        &[
            "check",
            "corpus",
            "-o",
            "corpus/report.txt",
            "--allow-output-in-inputs",
        ],
        dir.path(),
    );
    assert_eq!(allowed.code, Some(1));
    assert!(corpus.join("report.txt").exists());
}

/// Runs `check` with one extra rule file and returns stderr; the run must fail with 2.
fn rule_error(rule_file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write_good_pair(dir.path());
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(rules.join("extra.toml"), rule_file).unwrap();
    let run = run(&["check", "good-a.md", "--rules", "rules"], dir.path());
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    run.stderr
}

const VALID_RULE: &str = r#"[[rule]]
id = "extra-rule"
description = "d"
message = "m"
attribute = "a"
value = "name"
subject = "event"
patterns = ['''(?P<value>Operation \w+) (?P<event>{EVENT})''']
counterexamples = ["Nothing here."]

[[rule.examples]]
text = "The Operation Falcon exercise began."
value = "Operation Falcon"
"#;

#[test]
fn a_valid_extra_rule_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    write_good_pair(dir.path());
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/extra.toml"), VALID_RULE).unwrap();
    let run = run(&["rules", "--rules", "rules"], dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("extra-rule"));
}

#[test]
fn a_unit_named_like_a_shipped_one_names_its_line() {
    let stderr = rule_error(
        "# a second metre\n[[unit]]\nname = \"meter\"\ndimension = \"length\"\nfactor = 1.0\naliases = [\"mtr\"]\n",
    );
    assert!(stderr.contains("rules/extra.toml:2:"), "{stderr}");
    assert!(stderr.contains("unit `meter` is defined twice"), "{stderr}");
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let stderr = rule_error("[[rule]]\nid = \"x\"\ndescription = \"unclosed\n");
    assert!(stderr.contains("rules/extra.toml:3:"), "{stderr}");
}

#[test]
fn an_invalid_regex_names_the_rule_and_pattern() {
    let stderr =
        rule_error(&VALID_RULE.replace(r"(?P<value>Operation \w+)", r"(?P<value>Operation [)"));
    assert!(stderr.contains("rules/extra.toml:8:13"), "{stderr}");
    assert!(
        stderr.contains("extra-rule") && stderr.contains("invalid pattern"),
        "{stderr}"
    );
}

#[test]
fn an_invalid_requires_pattern_names_the_rule_and_line() {
    let stderr = rule_error(
        &VALID_RULE.replace("patterns = [", "requires = \"(?i:operation\"\npatterns = ["),
    );
    assert!(stderr.contains("rules/extra.toml:8:"), "{stderr}");
    assert!(
        stderr.contains("extra-rule") && stderr.contains("invalid `requires` pattern"),
        "{stderr}"
    );
}

#[test]
fn a_check_rule_with_patterns_is_refused() {
    let stderr = rule_error(&VALID_RULE.replace(
        "subject = \"event\"",
        "subject = \"event\"\ncheck = \"earlier-event\"",
    ));
    assert!(
        stderr.contains("a `check` rule takes no patterns"),
        "{stderr}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let stderr = rule_error(&VALID_RULE.replace("message = \"m\"\n", ""));
    assert!(stderr.contains("rules/extra.toml:1:1"), "{stderr}");
    assert!(stderr.contains("missing field `message`"), "{stderr}");
}

#[test]
fn an_unknown_key_is_named() {
    let stderr =
        rule_error(&VALID_RULE.replace("message = \"m\"", "message = \"m\"\nmesage = \"typo\""));
    assert!(stderr.contains("rules/extra.toml:5:1"), "{stderr}");
    assert!(stderr.contains("unknown field `mesage`"), "{stderr}");
}

#[test]
fn a_duplicate_rule_id_is_named_with_both_places() {
    let stderr = rule_error(&VALID_RULE.replace("extra-rule", "person-title"));
    assert!(stderr.contains("rules/extra.toml:2:6"), "{stderr}");
    assert!(
        stderr.contains("duplicate rule id `person-title`"),
        "{stderr}"
    );
    assert!(stderr.contains("rules/people.toml:"), "{stderr}");
}

#[test]
fn a_failing_example_is_named_with_its_place() {
    let stderr = rule_error(
        &VALID_RULE.replace("value = \"Operation Falcon\"", "value = \"Operation Hawk\""),
    );
    assert!(stderr.contains("rules/extra.toml:11:1"), "{stderr}");
    assert!(
        stderr.contains("extra-rule") && stderr.contains("Operation Hawk"),
        "{stderr}"
    );
}

#[test]
fn a_missing_named_group_is_named() {
    let stderr = rule_error(&VALID_RULE.replace("(?P<value>Operation", "(Operation"));
    assert!(
        stderr.contains("extra-rule") && stderr.contains("(?P<value>"),
        "{stderr}"
    );
}
