//! Claims compare on normalized values: equal quantities written differently agree, and
//! different ones conflict.

use claimcheck::Document;
use claimcheck::RuleSet;
use claimcheck::Verdict;
use claimcheck::{check_documents, CheckOptions, Report};

fn report(texts: &[&str]) -> Report {
    report_with(texts, &RuleSet::builtin().unwrap())
}

/// One document per text, published a day apart, checked with `rules`.
fn report_with(texts: &[&str], rules: &RuleSet) -> Report {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let header = format!("source: S{i}\npublished: 2026-05-2{i}\n\n{text}\n");
            Document::new(&format!("s{i}.md"), header).0
        })
        .collect();
    check_documents(documents, Vec::new(), rules, &CheckOptions::default())
}

fn verdicts(report: &Report) -> Vec<(Verdict, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.verdict, f.attribute.to_string()))
        .collect()
}

#[test]
fn two_weeks_agrees_with_fourteen_days() {
    let report = report(&[
        "The exercise lasted two weeks.",
        "The drill lasted 14 days.",
    ]);
    assert_eq!(
        verdicts(&report),
        vec![(Verdict::Agreement, "duration".into())]
    );
}

#[test]
fn fifty_six_servicemen_conflict_with_twenty_six() {
    let report = report(&[
        "The exercise involved 56 Serbian servicemen.",
        "The exercise involved 26 Serbian servicemen.",
    ]);
    assert_eq!(
        verdicts(&report),
        vec![(Verdict::Conflict, "troops".into())]
    );
}

#[test]
fn separator_conventions_meet_in_one_value() {
    // The first text writes decimals with a comma ("1,5"), so its "1.200" is 1200.
    let report = report(&[
        "At 1,5 times the usual size, the exercise involved 1.200 troops.",
        "The exercise involved 1,200 troops.",
    ]);
    assert_eq!(
        verdicts(&report),
        vec![(Verdict::Agreement, "troops".into())]
    );
}

#[test]
fn a_weekday_that_contradicts_its_date_is_a_finding() {
    let report = report(&["The talks opened on Monday August 14, 1964."]);
    assert_eq!(
        verdicts(&report),
        vec![(Verdict::InternalConflict, "weekday".into())]
    );
    assert!(claimcheck::render::message(&report, &report.findings[0]).contains("is a Fri"));
}

#[test]
fn ten_kilometers_agree_with_six_miles() {
    let near = report(&[
        "The exercise covered 10 kilometers of terrain.",
        "The drill stretched over a six-mile front.",
    ]);
    assert_eq!(verdicts(&near), vec![(Verdict::Agreement, "extent".into())]);
    let far = report(&[
        "The exercise covered 10 kilometers of terrain.",
        "The drill stretched over a 20-mile front.",
    ]);
    assert_eq!(verdicts(&far), vec![(Verdict::Conflict, "extent".into())]);
}

/// A rule file of a new domain: its own unit of length and a measure read in it.
const RACING_RULES: &str = r#"
[[unit]]
name = "furlong"
dimension = "length"
factor = 201.168
aliases = ["furlong", "furlongs"]

[lexicon.measures.race-distance]
kinds = ["quantity"]
words = ["distance", "race distance"]
"#;

fn racing_report(texts: &[&str]) -> Report {
    let mut sources: Vec<(String, String)> = claimcheck::rules::BUILTIN
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    sources.push(("racing.toml".into(), RACING_RULES.into()));
    report_with(texts, &RuleSet::from_sources(&sources).unwrap())
}

#[test]
fn a_unit_a_rule_file_adds_converts_like_a_shipped_one() {
    let agree = racing_report(&[
        "The Derby at Ascot had a distance of 8 furlongs.",
        "The Derby at Ascot had a distance of about 1,600 metres.",
    ]);
    assert_eq!(
        verdicts(&agree),
        vec![(Verdict::Agreement, "race-distance".into())]
    );
    let conflict = racing_report(&[
        "The Derby at Ascot had a distance of 12 furlongs.",
        "The Derby at Ascot had a distance of about 1,600 metres.",
    ]);
    assert_eq!(
        verdicts(&conflict),
        vec![(Verdict::Conflict, "race-distance".into())]
    );
}
