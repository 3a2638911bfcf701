//! Who and what claims are about, across documents: one person spelled two ways, titles
//! held for a country, and "first" events set against earlier ones — through the whole
//! check, on small documents written for each case.

use claimcheck::Document;
use claimcheck::RuleSet;
use claimcheck::Verdict;
use claimcheck::{check_documents, CheckOptions, Report};

/// Checks documents given with their headers.
fn report(documents: &[&str]) -> Report {
    let documents = documents
        .iter()
        .enumerate()
        .map(|(i, text)| Document::new(&format!("d{i}.md"), text.to_string()).0)
        .collect();
    let rules = RuleSet::builtin().unwrap();
    check_documents(documents, Vec::new(), &rules, &CheckOptions::default())
}

fn findings(report: &Report) -> Vec<(Verdict, String, String)> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.verdict,
                report.rule(f).id.clone(),
                f.attribute.to_string(),
            )
        })
        .collect()
}

fn finding_of<'r>(report: &'r Report, rule: &str) -> Option<&'r claimcheck::Finding> {
    report.findings.iter().find(|f| report.rule(f).id == rule)
}

const FIRST: &str = "source: Wire\npublished: 2026-05-29\n\n\
# NATO and Serbia End Their First Joint Exercise\n\n\
The drill ran from May 11 to May 24, 2026 near Bujanovac.\n";

#[test]
fn a_misspelt_name_is_a_name_variant_and_its_claims_still_compare() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\nAdmiral George M. Wikoff (Commander of Allied Joint Force Command Naples) spoke.\n",
        "source: B\npublished: 2026-05-27\n\nAdmiral George Wyckoff, Commander of Allied Joint Force Command Brunssum, attended.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![
            (Verdict::Conflict, "person-title".into(), "title".into()),
            (
                Verdict::PossibleConflict,
                "name-variant".into(),
                "name".into()
            ),
            (Verdict::Agreement, "person-title".into(), "title".into()),
        ]
    );
    let variant = finding_of(&report, "name-variant").unwrap();
    let cited: Vec<(&str, &str, usize, usize)> = report
        .cited(variant)
        .map(|c| {
            let source = report.source(c).name.as_str();
            (c.text.as_str(), source, c.located.line, c.located.column)
        })
        .collect();
    // Each spelling quoted where it stands.
    assert_eq!(
        cited,
        vec![
            ("George M. Wikoff", "A", 4, 9),
            ("George Wyckoff", "B", 4, 9)
        ]
    );
}

#[test]
fn serbian_president_and_president_of_serbia_agree() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\nSerbian President Aleksandar Vucic spoke.\n",
        "source: B\npublished: 2026-05-28\n\nPresident of Serbia Aleksandar Vučić spoke.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Agreement, "person-title".into(), "title".into())]
    );
}

#[test]
fn an_earlier_event_of_the_same_parties_questions_a_first() {
    let report = report(&[
        FIRST,
        "source: Post\npublished: 2016-05-30\n\n# Serbian Army Trains With the Alliance\n\nThe exercise took place in April 2016.\n",
    ]);
    let finding = finding_of(&report, "earlier-event").expect("earlier event reported");
    assert_eq!(finding.verdict, Verdict::PossibleConflict);
    let texts: Vec<&str> = report.cited(finding).map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "first joint exercise",
            "exercise with NATO, Serbia (2016-04)"
        ]
    );
}

#[test]
fn the_drill_in_a_report_of_the_event_is_that_event_whatever_dates_stand_near() {
    let text = format!("{FIRST}\nMemories of the bombing in 1999 were present, but the drill with NATO went smoothly.\n");
    let report = report(&[&text]);
    assert!(finding_of(&report, "earlier-event").is_none());
}

#[test]
fn a_planned_event_is_no_earlier_event() {
    let report = report(&[
        FIRST,
        "source: Post\npublished: 2016-05-30\n\nSerbia plans joint exercises with NATO in 2017.\n",
    ]);
    assert!(finding_of(&report, "earlier-event").is_none());
}

#[test]
fn an_undated_source_may_report_an_earlier_event() {
    let report = report(&[
        FIRST,
        "Serbia hosted an exercise named Platinum Wolf with several NATO member states in June.\n",
    ]);
    let finding = finding_of(&report, "earlier-event").expect("possibly earlier");
    let last = report.cited(finding).last().unwrap();
    assert_eq!(
        last.text,
        "Platinum Wolf exercise with NATO, Serbia (date not given)"
    );
}

#[test]
fn an_event_of_other_parties_leaves_a_first_alone() {
    let report = report(&[
        FIRST,
        "source: Post\npublished: 2016-05-30\n\nRussian and Serbian paratroopers held a joint exercise in April 2016.\n",
    ]);
    assert!(finding_of(&report, "earlier-event").is_none());
}

#[test]
fn a_fuller_title_and_a_shorter_spelling_of_one_office_agree() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\nDeputy Prime Minister and Minister of Defence Bratislav Gasic spoke.\n",
        "source: B\npublished: 2026-05-28\n\nDefense Minister Bratislav Gasic spoke.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Agreement, "person-title".into(), "title".into())]
    );
}

#[test]
fn a_title_dated_by_its_sentence_speaks_for_that_year() {
    // Both articles are from 2026, but the first speaks of 2016: a change, not a conflict.
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\nIn 2016, Prime Minister Aleksandar Vucic opened the talks.\n",
        "source: B\npublished: 2026-05-28\n\nPresident Aleksandar Vucic closed them.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Changed, "person-title".into(), "title".into())]
    );
}

#[test]
fn the_same_titles_in_one_period_conflict() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\nPrime Minister Aleksandar Vucic opened the talks.\n",
        "source: B\npublished: 2026-05-28\n\nPresident Aleksandar Vucic closed them.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Conflict, "person-title".into(), "title".into())]
    );
}

#[test]
fn exercises_of_other_parties_in_one_month_are_not_compared() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\n# NATO and Serbia End Their Exercise\n\nThe exercise involved 600 troops.\n",
        "source: B\npublished: 2026-05-27\n\n# Russia and Belarus Hold Drills\n\nThe drill involved 12,000 troops.\n",
        "source: C\npublished: 2026-05-28\n\n# Serbian Army Trains With NATO\n\nThe exercise involved some 600 soldiers.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Agreement, "event-troops".into(), "troops".into())]
    );
}

/// What each finding says, by source, without positions or file order.
fn said(report: &Report) -> std::collections::BTreeSet<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let cited: std::collections::BTreeSet<String> = report
                .cited(f)
                .map(|c| format!("{}={}", report.source(c).name, c.text))
                .collect();
            format!(
                "{} {} {} {cited:?}",
                f.verdict.name(),
                report.subject_of(f),
                f.attribute
            )
        })
        .collect()
}

#[test]
fn the_order_of_files_changes_neither_events_nor_cited_spellings() {
    let documents = [
        "source: A\npublished: 2026-05-20\n\nNATO Deputy Assistant Secretary General for Partnerships Kevin Hamilton said the first joint exercise went well.\n",
        "source: B\npublished: 2026-05-20\n\nThe two-week drill ended in Belgrade. President Aleksandar Vučić attended.\n",
        "source: C\npublished: 2026-05-29\n\nThe two-week drill lasted 13 days. President Aleksandar Vucic spoke.\n",
        "source: D\npublished: 2026-05-29\n\nPresident Vusic said the drill went well.\n",
    ];
    let forward = said(&report(&documents));
    let mut backward = documents;
    backward.reverse();
    assert_eq!(forward, said(&report(&backward)));
    let rotated = [documents[2], documents[0], documents[3], documents[1]];
    assert_eq!(forward, said(&report(&rotated)));
}

/// The headings a reader sees for the event subjects, sorted.
fn event_headings(report: &Report) -> Vec<String> {
    let mut headings: Vec<String> = (0..report.subjects.len())
        .filter(|&s| report.subjects[s].kind == claimcheck::model::subject::SubjectKind::Event)
        .map(|s| claimcheck::render::label::subject(report, s))
        .collect();
    headings.sort();
    headings
}

#[test]
fn events_are_headed_by_the_story_that_reports_them() {
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\n# Serbia Hosts NATO Exercise at Borovac\n\nThe exercise at Borovac in Serbia involved 600 troops and ended on May 28.\n",
        "source: B\npublished: 2026-05-28\n\n# NATO Exercise in Serbia Closes at Borovac\n\nSome 600 soldiers took part in the exercise at Borovac, Serbia.\n",
        "source: C\npublished: 2023-06-30\n\n# Platinum Wolf 2023 Ends at South Base\n\nThe Platinum Wolf 2023 exercise lasted two weeks at the South Base.\n",
    ]);
    assert_eq!(
        event_headings(&report),
        vec![
            "Platinum Wolf 2023, South Base, 2023-06-30",
            "exercise, Borovac, 2026-05-28"
        ]
    );
    // A message names the unnamed exercise by its story's setting, the named one by its
    // name alone.
    let messages: Vec<String> = report
        .findings
        .iter()
        .map(|f| claimcheck::render::message(&report, f))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the exercise (Borovac, 2026-05-28)")),
        "{messages:?}"
    );
    assert!(
        messages.iter().all(|m| !m.contains("South Base, 2023")),
        "{messages:?}"
    );
}

#[test]
fn given_names_that_sound_alike_are_one_person_spelled_two_ways() {
    let report = report(&[
        "source: A\npublished: 2019-04-02\n\nPresident Heidar Aliyev opened the session.\n",
        "source: B\npublished: 2019-04-03\n\nPresident Heydar Aliyev opened the session.\n",
    ]);
    let finding = finding_of(&report, "name-variant").expect("a name variant");
    assert_eq!(
        report.values(finding),
        vec!["Heidar Aliyev", "Heydar Aliyev"]
    );
}

#[test]
fn an_abbreviation_or_an_organisations_word_is_no_name_variant() {
    let report = report(&[
        "source: A\npublished: 2019-04-02\n\nSpokesman Tom July said the roads were closed.\n",
        "source: B\npublished: 2019-04-03\n\nSpokesman Jul said the roads were closed.\n",
        "source: C\npublished: 2019-04-03\n\nDirector Ann Services said the roads were closed.\n",
        "source: D\npublished: 2019-04-04\n\nDirector Service said the roads were closed.\n",
    ]);
    assert!(finding_of(&report, "name-variant").is_none());
    let people: Vec<&str> = report.subjects.iter().map(|s| s.label.as_str()).collect();
    assert!(
        !people.iter().any(|p| *p == "Jul" || p.contains("Service")),
        "{people:?}"
    );
}

#[test]
fn the_first_quake_of_a_sequence_is_no_first_of_its_kind() {
    let sequence = report(&[
        "source: A\npublished: 2019-04-02\n\nThe first quake hit at dawn, and a second followed an hour later.\n",
    ]);
    assert!(sequence
        .claims
        .iter()
        .all(|c| c.attribute.as_str() != "ordinal"));
    let ever = report(&[
        "source: A\npublished: 2019-04-02\n\nIt was the first-ever joint exercise, and a second is planned.\n",
    ]);
    assert!(ever
        .claims
        .iter()
        .any(|c| c.attribute.as_str() == "ordinal"));
}

#[test]
fn the_announcement_of_the_same_exercise_is_no_earlier_one() {
    let report = report(&[
        FIRST,
        "source: Post\npublished: 2026-05-02\n\n# NATO and Serbia Plan a Joint Drill\n\nThe joint exercise of NATO and Serbia was announced in March.\n",
    ]);
    assert!(
        finding_of(&report, "earlier-event").is_none(),
        "{:?}",
        findings(&report)
    );
}

#[test]
fn an_agency_that_reports_an_event_is_no_party_to_it() {
    // Were the survey's "US" a party, only an earlier drill with the United States would
    // count against this first.
    let report = report(&[
        "source: A\npublished: 2026-05-29\n\n# Serbia Holds Its First Drill\n\nSerbia held its first drill near Nis on May 20, 2026, the US Geological Survey said.\n",
        "source: B\npublished: 2025-04-10\n\n# Serbian Drill Near Nis\n\nSerbia held a drill near Nis in April 2025.\n",
    ]);
    assert!(
        finding_of(&report, "earlier-event").is_some(),
        "{:?}",
        findings(&report)
    );
}

#[test]
fn two_drills_of_other_parties_in_one_article_keep_their_own_figures() {
    let report = report(&[
        "source: A\npublished: 2027-09-18\n\n# Two Drills Near the Border in One Week\n\nRussian and Belarusian units began their drill near Brest on Monday with about 8,000 troops.\n\nIn the same week, Serbian soldiers held an exercise with Hungary near Subotica, with 900 troops taking part.\n",
        "source: B\npublished: 2027-09-17\n\n# Russia and Belarus Start Drill Near Brest\n\nRussia and Belarus started a drill near Brest that involves some 8,000 soldiers, Moscow said.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Agreement, "event-troops".into(), "troops".into())]
    );
}

#[test]
fn a_sentence_that_dates_an_earlier_event_speaks_of_that_event() {
    let report = report(&[
        "source: A\npublished: 2027-10-08\n\n# Croatian and Hungarian Units End Exercise Near Slunj\n\nCroatian and Hungarian units ended a joint exercise near Slunj on Thursday with 1,500 troops.\n\nThe exercise held at the same range in 2023 had drawn some 2,000 troops, officers recalled.\n",
        "source: B\npublished: 2027-10-07\n\n# Joint Exercise Near Slunj Closes\n\nAbout 1,500 soldiers from Croatia and Hungary took part in the exercise near Slunj, which closed this week.\n",
    ]);
    assert_eq!(
        findings(&report),
        vec![(Verdict::Agreement, "event-troops".into(), "troops".into())]
    );
    assert!(event_headings(&report)
        .iter()
        .any(|h| h.starts_with("the exercise of 2023 (")));
}
