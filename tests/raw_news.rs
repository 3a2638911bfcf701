//! Raw news texts as they come off the web — no metadata header, page furniture, an undated
//! article, a 2016 analysis among 2026 reports — in `tests/fixtures/raw-news`: the findings
//! a fact-checker needs from them.

use claimcheck::text::fold::fold;
use claimcheck::{check, CheckOptions, Claim, Finding, Report, RuleSet, Verdict};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw-news")
}

fn report_with(options: &CheckOptions) -> Report {
    let rules = RuleSet::builtin().unwrap();
    check(&[fixtures()], &rules, options)
}

fn report() -> Report {
    report_with(&CheckOptions::default())
}

fn cited<'a>(report: &'a Report, finding: &'a Finding) -> Vec<&'a Claim> {
    report.cited(finding).collect()
}

/// The claims of `claims` from the file whose name starts with `prefix`.
fn from_file<'a>(report: &Report, claims: &[&'a Claim], prefix: &str) -> Vec<&'a Claim> {
    claims
        .iter()
        .filter(|c| {
            Path::new(&report.source(c).path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .copied()
        .collect()
}

fn start_of(claim: &Claim) -> Option<String> {
    claim.value.to_json()["start"].as_str().map(str::to_string)
}

#[test]
fn hamilton_title_conflicts_between_the_wire_and_the_gazette() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| {
            report.subject_of(f) == "Kevin Hamilton"
                && f.verdict == Verdict::Conflict
                && f.attribute.as_str() == "title"
        })
        .expect("a title conflict for Kevin Hamilton");
    let claims = cited(&report, finding);
    assert!(from_file(&report, &claims, "000_").iter().any(|c| c
        .text
        .ends_with("for Political Affairs and Security Policy")));
    assert!(from_file(&report, &claims, "003_")
        .iter()
        .any(|c| c.text.ends_with("for Partnerships")));
}

#[test]
fn prime_minister_in_2016_is_a_change_to_president() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| fold(&report.subject_of(f)).contains("vucic") && f.attribute.as_str() == "title")
        .expect("a title finding for Vucic");
    let message = claimcheck::render::message(&report, finding);
    assert_eq!(finding.verdict, Verdict::Changed, "{message}");
    let claims = cited(&report, finding);
    assert!(from_file(&report, &claims, "001_")
        .iter()
        .any(|c| c.text == "Prime Minister"));
    assert!(claims.iter().any(|c| c.text.ends_with("President")));
    assert!(message.contains("2016-05-30"), "{message}");
    // "President Vučić" in the essay is the same person as "Aleksandar Vucic".
    assert!(!from_file(&report, &claims, "004_").is_empty());
}

#[test]
fn two_week_and_fourteen_days_agree() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| f.attribute.as_str() == "duration" && f.verdict == Verdict::Agreement)
        .expect("a duration agreement");
    let claims = cited(&report, finding);
    let written: Vec<&str> = claims.iter().map(|c| c.located.written.as_str()).collect();
    assert!(written.contains(&"two-week"), "{written:?}");
    assert!(written.contains(&"fourteen days"), "{written:?}");
    assert!(claims.iter().all(|c| c.text == "14 days"));
}

#[test]
fn first_joint_exercise_agrees_between_the_wire_and_the_gazette() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| f.attribute.as_str() == "ordinal" && f.verdict == Verdict::Agreement)
        .expect("an ordinal agreement");
    let claims = cited(&report, finding);
    assert!(claims.iter().all(|c| c.text == "first joint exercise"));
    assert!(!from_file(&report, &claims, "000_").is_empty());
    assert!(!from_file(&report, &claims, "003_").is_empty());
}

#[test]
fn platinum_wolf_in_june_is_set_against_the_may_exercise() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| {
            f.attribute.as_str() == "date"
                && matches!(f.verdict, Verdict::Conflict | Verdict::PossibleConflict)
        })
        .expect("a date (possible) conflict");
    let claims = cited(&report, finding);
    assert!(from_file(&report, &claims, "002_")
        .iter()
        .any(|c| c.located.written.contains("mid to late June")));
    assert!(claims
        .iter()
        .any(|c| start_of(c).is_some_and(|s| s.starts_with("2026-05"))));
}

#[test]
fn the_only_conflict_is_the_title() {
    let report = report();
    let conflicts: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .map(|f| format!("{} {}", report.subject_of(f), f.attribute))
        .collect();
    assert_eq!(conflicts, ["Kevin Hamilton title"]);
}

#[test]
fn the_first_ever_exercise_is_questioned_by_the_2016_drills_and_platinum_wolf() {
    let report = report();
    let finding = report
        .findings
        .iter()
        .find(|f| report.rule(f).id == "earlier-event")
        .expect("an earlier-event finding");
    assert_eq!(finding.verdict, Verdict::PossibleConflict);
    let claims = cited(&report, finding);
    assert!(claims.iter().any(|c| c.text == "first joint exercise"));
    // The 2016 analysis reports exercises with NATO, dated by its publication.
    assert!(from_file(&report, &claims, "001_")
        .iter()
        .any(|c| c.text.contains("NATO") && c.text.contains("2016-05-30")));
    // The undated text names its exercise but gives no year.
    assert!(from_file(&report, &claims, "002_")
        .iter()
        .any(|c| c.text.starts_with("Platinum Wolf")));
    assert!(from_file(&report, &claims, "000_")
        .iter()
        .all(|c| c.text == "first joint exercise"));
}

#[test]
fn no_conflict_sets_the_2016_events_against_the_2026_exercise() {
    let report = report();
    for finding in report.findings.iter().filter(|f| f.verdict.is_conflict()) {
        let claims = cited(&report, finding);
        let message = claimcheck::render::message(&report, finding);
        let years: std::collections::BTreeSet<String> = claims
            .iter()
            .filter_map(|c| start_of(c).map(|s| s[..4].to_string()))
            .collect();
        assert!(
            !(years.contains("2016") && years.contains("2026")),
            "{message}"
        );
        assert!(from_file(&report, &claims, "001_").is_empty(), "{message}");
    }
}

#[test]
fn the_vucic_administration_president_vucic_and_aleksandar_vucic_are_one_subject() {
    let report = report_with(&CheckOptions {
        name_mentions: true,
        ..CheckOptions::default()
    });
    let subjects: Vec<_> = report
        .subjects
        .iter()
        .filter(|s| {
            s.members
                .iter()
                .any(|m| fold(&m.spelling).contains("vucic"))
        })
        .collect();
    assert_eq!(subjects.len(), 1, "{subjects:#?}");
    let spellings: Vec<&str> = subjects[0]
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
        .any(|c| c.located.quote.contains("President Vučić")
            && fold(report.label(c)).contains("vucic")));
}

/// Figures on a story the rule files know nothing special about: an earthquake.
mod figures {
    use super::*;

    fn report() -> Report {
        let rules = RuleSet::builtin().unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/figures");
        check(&[dir], &rules, &CheckOptions::default())
    }

    /// The verdict of the one finding on `attribute`.
    fn sole_verdict(report: &Report, attribute: &str) -> Verdict {
        let found = finding(report, attribute);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].verdict
    }

    fn finding<'a>(report: &'a Report, attribute: &str) -> Vec<&'a Finding> {
        report
            .findings
            .iter()
            .filter(|f| f.attribute.as_str() == attribute)
            .collect()
    }

    #[test]
    fn two_magnitudes_of_one_quake_conflict() {
        let report = report();
        assert_eq!(sole_verdict(&report, "magnitude"), Verdict::Conflict);
        let values: Vec<&str> = cited(&report, finding(&report, "magnitude")[0])
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert!(values.contains(&"magnitude 6.1") && values.contains(&"magnitude 5.9"));
    }

    #[test]
    fn one_death_toll_written_three_ways_agrees() {
        let report = report();
        let found = finding(&report, "deaths");
        let agreement = found
            .iter()
            .find(|f| f.verdict == Verdict::Agreement)
            .expect("the three tolls of 41 agree");
        assert_eq!(cited(&report, agreement).len(), 3);
        // The 2019 storm's toll is another event's: it meets none of them.
        assert!(
            found.iter().all(|f| f.verdict == Verdict::Agreement),
            "{found:?}"
        );
    }

    #[test]
    fn about_200_and_more_than_180_injured_agree() {
        let report = report();
        assert_eq!(sole_verdict(&report, "injured"), Verdict::Agreement);
    }

    /// Two accounts of one band, each dating what it reports once.
    fn two_accounts(first: &str, second: &str) -> Report {
        two_accounts_published("unknown", first, second)
    }

    fn two_accounts_published(published: &str, first: &str, second: &str) -> Report {
        accounts(
            "The Veloria Five",
            [(published, first), (published, second)],
        )
    }

    /// Two documents under one headline, each (publication date, text).
    fn accounts(headline: &str, documents: [(&str, &str); 2]) -> Report {
        let dir = tempfile::tempdir().unwrap();
        for (name, (published, text)) in ["a.md", "b.md"].into_iter().zip(documents) {
            let body =
                format!("source: {name}\npublished: {published}\n\n# {headline}\n\n{text}\n");
            std::fs::write(dir.path().join(name), body).unwrap();
        }
        let rules = RuleSet::builtin().unwrap();
        check(
            &[dir.path().to_path_buf()],
            &rules,
            &CheckOptions::default(),
        )
    }

    #[test]
    fn the_only_dates_of_two_documents_compare_when_their_sentences_share_a_word() {
        let report = two_accounts(
            "The Veloria Five reunited as a band after 1990.",
            "A reunion of the band was organised in 1987, and a new album followed.",
        );
        assert_eq!(sole_verdict(&report, "date"), Verdict::Conflict);
        let apart = two_accounts(
            "The Veloria Five reunited after 1990.",
            "A new harbour welcomed its first ferries in 1987.",
        );
        let dates = apart
            .claims
            .iter()
            .filter(|c| c.attribute.as_str() == "date")
            .count();
        assert_eq!(dates, 2, "both dates are claims");
        assert!(finding(&apart, "date").is_empty());
    }

    #[test]
    fn two_figures_alike_to_a_third_are_chosen_the_same_way_every_run() {
        let texts = (
            "Based on fewer than 20 critics , the picture The Harbour scored over 53 % on the site .",
            "On the site , which gives a normalised rating out of 100 based on reviews from critic , \
             the picture has a score of 54 based on 15 reviews , indicating `` mixed reviews '' .",
        );
        let first = two_accounts(texts.0, texts.1);
        let cited_of = |report: &Report| -> Vec<Vec<String>> {
            report
                .findings
                .iter()
                .map(|f| cited(report, f).iter().map(|c| c.text.clone()).collect())
                .collect()
        };
        for _ in 0..8 {
            assert_eq!(cited_of(&two_accounts(texts.0, texts.1)), cited_of(&first));
        }
    }

    fn texts_of(report: &Report, attribute: &str) -> Vec<String> {
        let mut texts: Vec<String> = report
            .claims
            .iter()
            .filter(|c| c.attribute.as_str() == attribute)
            .map(|c| c.text.clone())
            .collect();
        texts.sort();
        texts
    }

    /// Two accounts whose figures of `attribute` read as `texts` (in order) and meet in no
    /// finding.
    fn assert_figures_apart(first: &str, second: &str, attribute: &str, texts: &[&str]) {
        let report = two_accounts(first, second);
        assert_eq!(texts_of(&report, attribute), texts);
        let found = finding(&report, attribute);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_count_added_to_another_compares_only_with_counts_added_alike() {
        let report = two_accounts(
            "Five people died in the quake. Another four people died in hospital later.",
            "Five people were killed in the quake. Four other people died in hospital, he said.",
        );
        assert_eq!(
            texts_of(&report, "deaths"),
            ["4 more deaths", "4 more deaths", "5 deaths", "5 deaths"]
        );
        let found = finding(&report, "deaths");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|f| f.verdict == Verdict::Agreement));
    }

    #[test]
    fn counts_added_to_others_in_unlike_sentences_do_not_meet() {
        assert_figures_apart(
            "Rescuers said another two were killed when a wall fell on a market.",
            "Four other people died in hospitals in the district from their injuries.",
            "deaths",
            &["2 more deaths", "4 more deaths"],
        );
    }

    #[test]
    fn a_rise_by_a_number_is_a_change_not_a_count() {
        let report = two_accounts(
            "The death toll rose by three to 24 on Friday.",
            "Officials said 24 people were killed.",
        );
        assert_eq!(texts_of(&report, "deaths"), ["24 deaths", "24 deaths"]);
    }

    #[test]
    fn one_night_of_arrests_is_no_total_of_four_nights() {
        // The four nights count nothing themselves.
        assert_figures_apart(
            "Police said 46 people were arrested on Wednesday night.",
            "More than 50 people have been arrested over four nights of protests.",
            "arrested",
            &["46 on wednesday arrested", ">50 over 4 nights arrested"],
        );
    }

    #[test]
    fn a_figure_that_names_no_holder_meets_none_where_many_hold_the_noun() {
        let report = two_accounts(
            "Will Artino scored 14 points and Gregory Echenique had 11 points in the win.",
            "Seth VanDeest had 13 points. The centre, who came off the bench, had 9 points in the win.",
        );
        assert_eq!(texts_of(&report, "point").len(), 4);
        assert!(finding(&report, "point").is_empty());
    }

    #[test]
    fn a_name_that_opens_its_sentence_is_a_holder_where_its_text_names_it_elsewhere() {
        // "Echenique" opens its sentence, where a capitalised word may be any word; the
        // text writes it as a name inside another sentence, so it is his 11 points.
        assert_figures_apart(
            "Will Artino scored 14 points off the bench in the win.",
            "Echenique scored all 11 points in the second half of the win. The coach praised Gregory Echenique.",
            "point",
            &["11 points", "14 points"],
        );
        let report = two_accounts(
            "Artino scored 14 points off the bench in the win.",
            "Echenique scored 11 points off the bench in the win.",
        );
        assert_eq!(sole_verdict(&report, "point"), Verdict::Conflict);
    }

    #[test]
    fn a_count_of_how_badly_some_were_hurt_is_a_part_of_the_figure_before() {
        let report = two_accounts(
            "Some 30 people were killed and 55 others injured, five of them critically, when shells hit the school.",
            "The agency said it had confirmed 30 dead and 55 wounded, 15 critically.",
        );
        assert_eq!(
            texts_of(&report, "injured"),
            [
                "15 critically injured",
                "5 critically injured",
                "55 injured",
                "55 injured"
            ]
        );
        let conflict: Vec<&Finding> = finding(&report, "injured")
            .into_iter()
            .filter(|f| f.verdict == Verdict::Conflict)
            .collect();
        assert_eq!(conflict.len(), 1, "{conflict:?}");
        let texts: Vec<&str> = cited(&report, conflict[0])
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(texts.iter().all(|t| t.contains("critically")), "{texts:?}");
    }

    #[test]
    fn the_name_before_a_verb_is_its_figure_s_holder_not_part_of_its_measure() {
        let report = two_accounts(
            "Jamaal Charles rushed for 226 yards in the win.",
            "The running back Charles rushed for 226 yards in the win.",
        );
        assert_eq!(
            texts_of(&report, "rushed"),
            ["rushed 226 yard", "rushed 226 yard"]
        );
        assert_eq!(sole_verdict(&report, "rushed"), Verdict::Agreement);
    }

    #[test]
    fn a_toll_another_source_gives_as_an_earlier_report_is_no_plain_conflict() {
        let updated = two_accounts(
            "Some 30 people were killed when shells hit the school, the agency said.",
            "The agency said earlier it had confirmed 30 dead. Some 40 people were killed when shells hit the school, the agency said.",
        );
        let plain: Vec<&Finding> = finding(&updated, "deaths")
            .into_iter()
            .filter(|f| f.verdict != Verdict::Agreement)
            .collect();
        assert_eq!(plain.len(), 1, "{plain:?}");
        assert_eq!(plain[0].verdict, Verdict::PossibleConflict);
        let unmarked = two_accounts(
            "Some 30 people were killed when shells hit the school, the agency said.",
            "Some 40 people were killed when shells hit the school, the agency said.",
        );
        assert_eq!(sole_verdict(&unmarked, "deaths"), Verdict::Conflict);
    }

    #[test]
    fn counts_at_two_lesser_places_do_not_meet_but_at_one_they_do() {
        assert_figures_apart(
            "Twelve people were killed when the quake struck Bener Meriah district, officials said.",
            "Ten people were killed when the quake struck Central Aceh district, officials said.",
            "deaths",
            &["10 deaths", "12 deaths"],
        );
        let placed = "Twelve people were killed when the quake struck Bener Meriah district, officials said.";
        for other in [
            "Ten people were killed when the quake struck the Bener Meriah district, officials said.",
            "Ten people were killed when the quake struck, officials said.",
        ] {
            let report = two_accounts(placed, other);
            assert_eq!(sole_verdict(&report, "deaths"), Verdict::Conflict, "{other}");
        }
    }

    #[test]
    fn one_in_every_so_many_is_a_rate_not_a_count() {
        let report = two_accounts(
            "Officials said one in every 500 users had been exposed to the flaw.",
            "The flaw was used against more than 2 million users, officials said.",
        );
        assert_eq!(texts_of(&report, "user"), [">2000000 users"]);
    }

    #[test]
    fn a_figure_before_a_clause_of_an_earlier_event_is_the_story_s() {
        let report = two_accounts_published(
            "2013-07-02",
            "The 6.1-magnitude quake rocked a region that was devastated by the tsunami of 2004.",
            "A magnitude 5.9 quake struck the region on Tuesday.",
        );
        assert_eq!(sole_verdict(&report, "magnitude"), Verdict::Conflict);
    }

    #[test]
    fn ten_kilometres_and_six_miles_agree_as_written() {
        let report = two_accounts(
            "The quake struck at a depth of 10 kilometres near the coast.",
            "The quake struck at a depth of six miles near the coast.",
        );
        assert_eq!(sole_verdict(&report, "depth"), Verdict::Agreement);
        let apart = two_accounts(
            "The quake struck at a depth of 10 kilometres near the coast.",
            "The quake struck at a depth of eight miles near the coast.",
        );
        assert_eq!(sole_verdict(&apart, "depth"), Verdict::Conflict);
    }

    #[test]
    fn a_distance_in_a_clause_of_its_own_is_no_depth() {
        let report = two_accounts(
            "The quake struck at a depth of 10 kilometers and its epicenter was located 55 kilometers west of the town.",
            "The quake struck at a depth of 10 kilometers, the survey said.",
        );
        assert_eq!(
            texts_of(&report, "depth"),
            ["depth 10 kilometer", "depth 10 kilometer"]
        );
    }

    #[test]
    fn both_figures_of_a_pair_measure_what_the_first_names() {
        let report = two_accounts(
            "Two quakes, measuring 7.6 and 7.4, struck off the coast.",
            "The quakes had magnitudes of 7.6 and 7.4, the survey said.",
        );
        assert_eq!(
            texts_of(&report, "magnitude"),
            [
                "magnitude 7.4",
                "magnitude 7.4",
                "magnitude 7.6",
                "magnitude 7.6"
            ]
        );
        assert!(finding(&report, "magnitude")
            .iter()
            .all(|f| f.verdict == Verdict::Agreement));
    }

    #[test]
    fn scores_and_clock_times_are_no_counts() {
        let report = two_accounts(
            "The safety was injured in a 27-24 loss, and the Jays led 33-26 at the half.",
            "She was struck at about 7 p. m. while crossing the road.",
        );
        assert!(report
            .claims
            .iter()
            .all(|c| c.attribute.as_str() != "injured" && c.attribute.as_str() != "p"));
    }

    /// Two reports of one quake, published on the days given.
    fn two_dated_reports(first: (&str, &str), second: (&str, &str)) -> Report {
        accounts("Quake hits the coast", [first, second])
    }

    #[test]
    fn a_toll_that_rose_in_a_later_report_is_a_change_and_one_that_fell_a_conflict() {
        let rose = two_dated_reports(
            (
                "2013-07-02",
                "The quake killed five people, officials said.",
            ),
            ("2013-07-03", "The quake killed 24 people, officials said."),
        );
        assert_eq!(sole_verdict(&rose, "deaths"), Verdict::Changed);
        let fell = two_dated_reports(
            ("2013-07-02", "The quake killed 24 people, officials said."),
            (
                "2013-07-03",
                "The quake killed five people, officials said.",
            ),
        );
        assert_eq!(sole_verdict(&fell, "deaths"), Verdict::Conflict);
        // A magnitude does not grow: a later, higher one is a conflict.
        let magnitude = two_dated_reports(
            (
                "2013-07-02",
                "The quake had a magnitude of 5.9, the survey said.",
            ),
            (
                "2013-07-03",
                "The quake had a magnitude of 6.1, the survey said.",
            ),
        );
        assert_eq!(
            finding(&magnitude, "magnitude")[0].verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn a_toll_across_a_wider_area_is_no_toll_of_the_place() {
        assert_figures_apart(
            "The tsunami killed 170,000 people in the province and thousands more abroad.",
            "The tsunami killed 230,000 people across Asia, officials said.",
            "deaths",
            &["170000 deaths", "230000 overall deaths"],
        );
    }

    #[test]
    fn a_toll_given_as_an_earlier_report_meets_no_later_one() {
        assert_figures_apart(
            "The UN said earlier that it had confirmed 30 dead at the school.",
            "The UN said 40 people were killed at the school.",
            "deaths",
            &["30 earlier deaths", "40 deaths"],
        );
    }

    #[test]
    fn figures_of_unrelated_things_make_no_finding() {
        let report = report();
        for attribute in ["fan", "damage", "survivor", "rescued"] {
            assert!(finding(&report, attribute).is_empty(), "{attribute}");
        }
        let fans = report
            .claims
            .iter()
            .find(|c| c.text == "30000 fans")
            .expect("the crowd is a claim");
        assert!(fans.unverified);
    }
}
