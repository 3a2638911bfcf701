//! The bundled corpus yields exactly the findings listed in corpus/EXPECTED.md.

use claimcheck::RuleSet;
use claimcheck::{check, CheckOptions, Report};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

type Row = (String, String, String, Vec<String>);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn expected_rows() -> Vec<Row> {
    let text = std::fs::read_to_string(corpus_dir().join("EXPECTED.md")).unwrap();
    let mut rows: Vec<Row> = text
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| verdict"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            let mut sources: Vec<String> = cells[3].split(", ").map(str::to_string).collect();
            sources.sort();
            (
                cells[0].to_string(),
                cells[1].to_string(),
                cells[2].to_string(),
                sources,
            )
        })
        .collect();
    rows.sort();
    rows
}

fn actual_rows(report: &Report) -> Vec<Row> {
    let mut rows: Vec<Row> = report
        .findings
        .iter()
        .map(|finding| {
            let sources: BTreeSet<String> = report
                .cited(finding)
                .map(|claim| report.source(claim).name.clone())
                .collect();
            (
                finding.verdict.name().to_string(),
                report.subject_of(finding).into_owned(),
                finding.attribute.to_string(),
                sources.into_iter().collect(),
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn corpus_findings_are_exactly_those_expected() {
    let rules = RuleSet::builtin().unwrap();
    let report = check(&[corpus_dir()], &rules, &CheckOptions::default());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let expected = expected_rows();
    let actual = actual_rows(&report);
    assert!(!expected.is_empty());
    let missing: Vec<&Row> = expected.iter().filter(|r| !actual.contains(r)).collect();
    let extra: Vec<&Row> = actual.iter().filter(|r| !expected.contains(r)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nextra: {extra:#?}"
    );
    assert_eq!(expected.len(), actual.len());
}

#[test]
fn every_corpus_finding_cites_located_quotes() {
    let rules = RuleSet::builtin().unwrap();
    let report = check(&[corpus_dir()], &rules, &CheckOptions::default());
    for finding in &report.findings {
        assert!(finding.cited() >= 2, "{finding:?}");
        for claim in report.cited(finding) {
            let at = &claim.located;
            assert!(at.line >= 1 && at.column >= 1);
            assert!(at.quote.contains(&at.written), "{claim:?}");
            let text = std::fs::read_to_string(&report.source(claim).path).unwrap();
            let line = text.lines().nth(at.line - 1).unwrap();
            let from_column: String = line.chars().skip(at.column - 1).collect();
            let first_word = at.written.split_whitespace().next().unwrap();
            assert!(
                from_column.starts_with(first_word),
                "{claim:?} at {from_column:?}"
            );
        }
    }
}
