//! Values read as the text means them, on sentences of the kinds real news holds: names,
//! places and titles that stop at a line break, a time of day or an office ending in
//! "General" that is no title of its own, non-persons that are no subjects, places that
//! are not where an event took place, headlines and scraped date lines kept apart.

use claimcheck::Document;
use claimcheck::RuleSet;
use claimcheck::{check_documents, CheckOptions, Report};

fn report(texts: &[&str]) -> Report {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document::new(&format!("d{i}.md"), text.to_string()).0)
        .collect();
    // One rule set for every test: its patterns compile once.
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| RuleSet::builtin().unwrap());
    check_documents(documents, Vec::new(), rules, &CheckOptions::default())
}

/// Each claim of one dated document as "attribute: subject = value".
fn claims(body: &str) -> Vec<String> {
    let report = report(&[&format!("source: A\npublished: 2026-03-10\n\n{body}\n")]);
    report
        .claims
        .iter()
        .map(|c| {
            format!(
                "{}: {} = {}",
                c.attribute, report.subjects[c.subject].label, c.text
            )
        })
        .collect()
}

#[test]
fn a_time_of_day_or_a_capitalised_word_is_no_title_prefix() {
    assert_eq!(
        claims("At 10:30 PM President Maria Lopez visited the flooded area."),
        vec!["title: Maria Lopez = President"]
    );
    assert_eq!(
        claims("UPDATED President Maria Lopez visited the flooded area."),
        vec!["title: Maria Lopez = President"]
    );
    // An acronym still is one.
    assert_eq!(
        claims("NATO Deputy Secretary General Mira Holt visited the base."),
        vec!["title: Mira Holt = NATO Deputy Secretary General"]
    );
}

#[test]
fn general_alone_is_a_rank_only_before_a_name() {
    assert_eq!(
        claims("Surgeon General Anna Berg warned of disease."),
        vec!["title: Anna Berg = Surgeon General"]
    );
    assert_eq!(
        claims("Attorney General Tom Reed said charges would follow."),
        vec!["title: Tom Reed = Attorney General"]
    );
    assert_eq!(
        claims("General Marko Petrovic led the troops."),
        vec!["title: Marko Petrovic = General"]
    );
    assert!(claims("The plant's general Paul Kline spoke.").is_empty());
    assert!(claims("The club's General Manager Joe Dumars spoke.").is_empty());
    assert!(claims("The Auditor General Paul Kline spoke.").is_empty());
}

#[test]
fn a_title_is_never_cut_short_and_a_non_person_is_no_subject() {
    assert!(claims("The President of South Korea called on Monday.").is_empty());
    assert!(claims("He met the Chairman of the Judiciary Committee.").is_empty());
    assert!(claims("On Thursday, President, the board said no.").is_empty());
    assert!(claims("Thursday, the president of the council, said no.").is_empty());
}

#[test]
fn names_places_and_titles_stop_at_a_line_break() {
    let claims = claims(
        "The floods reached the Southern Province\nThe water rose, and the exercise took place in Southern Province\nThe troops left.",
    );
    assert!(claims.iter().all(|c| !c.contains('\n')), "{claims:?}");
}

#[test]
fn a_possessive_an_event_name_or_where_a_quake_was_felt_is_not_where_it_took_place() {
    assert_eq!(
        claims("The exercise took place at Serbia's invitation with 300 troops."),
        vec!["troops: the exercise = 300 troops"]
    );
    let places = |body: &str| -> Vec<String> {
        claims(body)
            .into_iter()
            .filter(|c| c.starts_with("place:"))
            .collect()
    };
    assert!(places("The drill was modelled on the one held in Iron Shield 2024.").is_empty());
    assert!(places("The drill was held in Iron Shield exercise style.").is_empty());
    assert!(places("Two Drills Near the Border in One Week").is_empty());
    assert_eq!(
        claims("The earthquake was felt in Bucharest and struck hardest in Vrancea."),
        vec!["place: the earthquake = Vrancea"]
    );
}

#[test]
fn a_headline_is_a_sentence_of_its_own() {
    let report = report(&[
        "source: A\npublished: 2026-03-10\n\nPresident Ana Brnabic opens the session\nThe drill involved 300 troops near Nis.\n",
    ]);
    let quotes: Vec<&str> = report
        .claims
        .iter()
        .map(|c| c.located.quote.as_ref())
        .collect();
    assert!(
        quotes.iter().all(|q| !q.contains("session The")),
        "{quotes:?}"
    );
    assert_eq!(report.claims.len(), 2);
}

#[test]
fn a_scraped_date_line_is_metadata_not_a_quote() {
    let report = report(&[" date 2019-04-02\nPresident Ana Brnabic opens the session\nThe drill involved 300 troops near Nis.\n"]);
    assert_eq!(
        report.sources[0]
            .published
            .map(|d| d.to_string())
            .as_deref(),
        Some("2019-04-02")
    );
    assert!(report
        .claims
        .iter()
        .all(|c| !c.located.quote.contains("2019-04-02")));
}
