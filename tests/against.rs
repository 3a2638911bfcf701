//! Drafts judged against a trusted corpus (`check draft.md --against corpus/`): each of the
//! draft's claims against the corpus's claims of its subject and attribute, where the
//! corpus's majority (or its facts file) is the value to agree with, and nothing the
//! corpus says only among itself reaches the report.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// Runs `check DRAFT --against corpus/ --format json [extra]` in a folder holding the
/// draft; the exit code and the findings as (verdict, subject, attribute, first cited path).
fn judge(draft: &str, extra: &[(&str, &str)]) -> (i32, Vec<(String, String, String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), draft).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut args = vec![
        "check".to_string(),
        "draft.md".into(),
        "--format".into(),
        "json".into(),
        "--against".into(),
        corpus.display().to_string(),
    ];
    for (name, contents) in extra {
        std::fs::write(dir.path().join(name), contents).unwrap();
        args.extend(["--facts".to_string(), name.to_string()]);
    }
    let output = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir.path())
        .args(&args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let findings = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_string();
            let first = f["claims"][0]["path"].as_str().unwrap().to_string();
            (text("verdict"), text("subject"), text("attribute"), first)
        })
        .collect();
    (output.status.code().unwrap(), findings)
}

fn finding(verdict: &str, subject: &str, attribute: &str) -> (String, String, String, String) {
    (
        verdict.into(),
        subject.into(),
        attribute.into(),
        "draft.md".into(),
    )
}

/// A draft that gets right everything the corpus's majority says, where the corpus itself
/// disagrees on the title (two outlets against one), the troops (two against one) and the
/// end date (one against one), and where a fact of its own is unknown to the corpus.
const CORRECT: &str = "source: Correct Draft\npublished: 2026-05-30\n\n\
Ambassador Kevin Hamilton, NATO Deputy Assistant Secretary General for Political Affairs and Security Policy, praised the drill.\n\n\
The exercise, held from May 11 to May 24, involved approximately 600 troops at the Borovac range near Bujanovac.\n\n\
The exercise concluded on May 29, 2026.\n";

#[test]
fn a_correct_draft_passes_against_a_corpus_that_disagrees_with_itself() {
    let (code, findings) = judge(CORRECT, &[]);
    assert_eq!(
        findings,
        vec![],
        "no finding: the draft agrees with the corpus"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_wrong_date_and_a_wrong_title_are_exactly_the_two_findings() {
    let draft = CORRECT
        .replace("Political Affairs and Security Policy", "Defence Policy")
        .replace("from May 11 to May 24", "from June 2 to June 9");
    let (code, findings) = judge(&draft, &[]);
    assert_eq!(
        findings,
        vec![
            finding("conflict", "Kevin Hamilton", "title"),
            finding("conflict", "the exercise (2026-05)", "date"),
        ],
        "each finding is shown at the draft's claim"
    );
    assert_eq!(code, 1);
}

#[test]
fn siding_with_the_corpus_minority_is_a_possible_conflict() {
    let draft = CORRECT.replace("approximately 600 troops", "nearly 400 soldiers");
    let (code, findings) = judge(&draft, &[]);
    assert_eq!(
        findings,
        vec![finding(
            "possible-conflict",
            "the exercise (2026-05)",
            "troops"
        )]
    );
    assert_eq!(code, 0);
    // Either side of a corpus divided one against one is the corpus's value.
    let draft = CORRECT.replace("concluded on May 29, 2026", "ended on 26 May 2026");
    assert_eq!(judge(&draft, &[]), (0, vec![]));
}

#[test]
fn the_facts_file_outranks_the_corpus_majority() {
    let facts = "[[fact]]\nsubject = \"Kevin Hamilton\"\nattribute = \"title\"\n\
                 value = \"NATO Deputy Assistant Secretary General for Partnerships\"\n";
    let (code, findings) = judge(CORRECT, &[("facts.toml", facts)]);
    assert_eq!(
        findings,
        vec![finding("conflict", "Kevin Hamilton", "title")]
    );
    assert_eq!(code, 1);
    let draft = CORRECT.replace("Political Affairs and Security Policy", "Partnerships");
    assert_eq!(judge(&draft, &[("facts.toml", facts)]), (0, vec![]));
}
