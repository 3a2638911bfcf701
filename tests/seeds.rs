//! The acceptance checks on the five raw seed texts, run where ../shared/seeds exists (it
//! is not part of the repository, so elsewhere these tests pass without checking).

use claimcheck::model::finding::Verdict;
use claimcheck::pipeline::run::{check, CheckOptions, ClaimRecord, Report};
use claimcheck::rules::RuleSet;
use claimcheck::text::fold::fold;
use std::path::{Path, PathBuf};

fn seeds() -> Option<Report> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !dir.is_dir() {
        eprintln!("../shared/seeds not present: seed acceptance not checked");
        return None;
    }
    let rules = RuleSet::builtin().unwrap();
    Some(check(&[dir], &rules, &CheckOptions::default()))
}

fn cited<'a>(report: &'a Report, claims: &[usize]) -> Vec<&'a ClaimRecord> {
    claims.iter().map(|&i| &report.claims[i]).collect()
}

fn from_file<'a>(claims: &[&'a ClaimRecord], prefix: &str) -> Vec<&'a ClaimRecord> {
    claims
        .iter()
        .filter(|c| {
            Path::new(&*c.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .copied()
        .collect()
}

#[test]
fn hamilton_title_conflicts_between_rksnews_and_gazeta() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| {
            f.subject == "Kevin Hamilton"
                && f.verdict == Verdict::Conflict
                && f.attribute == "title"
        })
        .expect("a title conflict for Kevin Hamilton");
    let claims = cited(&report, &finding.claims);
    assert!(from_file(&claims, "000_").iter().any(|c| c
        .text
        .ends_with("for Political Affairs and Security Policy")));
    assert!(from_file(&claims, "003_")
        .iter()
        .any(|c| c.text.ends_with("for Partnerships")));
}

#[test]
fn vucic_prime_minister_in_2016_is_a_change_to_president() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| fold(&f.subject).contains("vucic") && f.attribute == "title")
        .expect("a title finding for Vucic");
    assert_eq!(finding.verdict, Verdict::Changed, "{}", finding.message);
    let claims = cited(&report, &finding.claims);
    assert!(from_file(&claims, "001_")
        .iter()
        .any(|c| c.text == "Prime Minister"));
    assert!(claims.iter().any(|c| c.text.ends_with("President")));
    assert!(
        finding.message.contains("2016-05-30"),
        "{}",
        finding.message
    );
    // "President Vučić" in the fifth text is the same person as "Aleksandar Vucic".
    assert!(!from_file(&claims, "004_").is_empty());
}

#[test]
fn two_week_and_fourteen_days_agree() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| f.attribute == "duration" && f.verdict == Verdict::Agreement)
        .expect("a duration agreement");
    let claims = cited(&report, &finding.claims);
    let written: Vec<&str> = claims.iter().map(|c| c.written.as_str()).collect();
    assert!(written.contains(&"two-week"), "{written:?}");
    assert!(written.contains(&"fourteen days"), "{written:?}");
    assert!(claims.iter().all(|c| c.text == "14 days"));
}

#[test]
fn first_joint_exercise_agrees_between_rksnews_and_gazeta() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| f.attribute == "ordinal" && f.verdict == Verdict::Agreement)
        .expect("an ordinal agreement");
    let claims = cited(&report, &finding.claims);
    assert!(claims.iter().all(|c| c.text == "first joint exercise"));
    assert!(!from_file(&claims, "000_").is_empty());
    assert!(!from_file(&claims, "003_").is_empty());
}

#[test]
fn platinum_wolf_in_june_is_against_the_may_exercise() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| {
            f.attribute == "date"
                && matches!(f.verdict, Verdict::Conflict | Verdict::PossibleConflict)
        })
        .expect("a date (possible) conflict");
    let claims = cited(&report, &finding.claims);
    assert!(from_file(&claims, "002_")
        .iter()
        .any(|c| c.written.contains("mid to late June")));
    assert!(claims.iter().any(|c| c.value.to_json()["start"]
        .as_str()
        .is_some_and(|s| s.starts_with("2026-05"))));
}

#[test]
fn at_most_three_further_conflicts() {
    let Some(report) = seeds() else { return };
    let conflicts = report
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .count();
    assert!(conflicts <= 4, "{conflicts} conflicts");
}

#[test]
fn the_first_ever_exercise_is_questioned_by_the_2016_drills_and_platinum_wolf() {
    let Some(report) = seeds() else { return };
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "earlier-event")
        .expect("an earlier-event finding");
    assert_eq!(finding.verdict, Verdict::PossibleConflict);
    let claims = cited(&report, &finding.claims);
    assert!(claims.iter().any(|c| c.text == "first joint exercise"));
    // The 2016 analysis reports drills with NATO, dated by its publication.
    assert!(from_file(&claims, "001_")
        .iter()
        .any(|c| c.text.contains("NATO") && c.text.contains("2016-05-30")));
    // The Platinum Wolf text names its exercise but gives no year.
    assert!(from_file(&claims, "002_")
        .iter()
        .any(|c| c.text.starts_with("Platinum Wolf")));
    assert!(from_file(&claims, "000_")
        .iter()
        .all(|c| c.text == "first joint exercise"));
}

#[test]
fn no_conflict_sets_the_2016_events_against_the_2026_exercise() {
    let Some(report) = seeds() else { return };
    for finding in report.findings.iter().filter(|f| f.verdict.is_conflict()) {
        let claims = cited(&report, &finding.claims);
        let years: std::collections::BTreeSet<String> = claims
            .iter()
            .filter_map(|c| {
                c.value.to_json()["start"]
                    .as_str()
                    .map(|s| s[..4].to_string())
            })
            .collect();
        assert!(
            !(years.contains("2016") && years.contains("2026")),
            "{}",
            finding.message
        );
        assert!(from_file(&claims, "001_").is_empty(), "{}", finding.message);
    }
}

#[test]
fn vucic_administration_president_vucic_and_aleksandar_vucic_are_one_group() {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !dir.is_dir() {
        return;
    }
    let rules = RuleSet::builtin().unwrap();
    let options = CheckOptions {
        name_mentions: true,
        ..CheckOptions::default()
    };
    let report = check(&[dir], &rules, &options);
    let groups: Vec<_> = report
        .groups
        .iter()
        .filter(|g| {
            g.members
                .iter()
                .any(|m| fold(&m.spelling).contains("vucic"))
        })
        .collect();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let spellings: Vec<&str> = groups[0]
        .members
        .iter()
        .map(|m| m.spelling.as_str())
        .collect();
    for wanted in ["Aleksandar Vucic", "Vučić", "the Vučić administration"] {
        assert!(spellings.contains(&wanted), "{spellings:?}");
    }
    // "President Vučić" is the claim behind the "Vučić" spelling.
    assert!(report
        .claims
        .iter()
        .any(|c| c.quote.contains("President Vučić") && fold(&c.subject).contains("vucic")));
}
