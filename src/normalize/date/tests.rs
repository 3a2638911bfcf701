//! The date grammar on each of its forms.

use super::*;

fn reference(date: &str) -> Option<Reference> {
    Some(Reference {
        date: date.parse().unwrap(),
        assumed: false,
    })
}

fn canonical(text: &str, reference_date: &str) -> String {
    parse_date(text, reference(reference_date))
        .unwrap_or_else(|| panic!("no date in {text:?}"))
        .canonical()
}

#[test]
fn absolute_days_in_every_order() {
    assert_eq!(canonical("May 29, 2026", "2000-01-01"), "2026-05-29");
    assert_eq!(canonical("29 May 2026", "2000-01-01"), "2026-05-29");
    assert_eq!(canonical("20/05/2026", "2000-01-01"), "2026-05-20");
    assert_eq!(canonical("2026-05-20", "2000-01-01"), "2026-05-20");
    assert_eq!(canonical("2026-05", "2000-01-01"), "2026-05");
    // A range is written from its first day to its last, either end open.
    assert_eq!(
        canonical("2026-05-11..2026-05-25", "2000-01-01"),
        "2026-05-11..2026-05-25"
    );
    assert_eq!(canonical("..2026-11-09", "2000-01-01"), "..2026-11-09");
    assert_eq!(canonical("2018-01-01..", "2000-01-01"), "2018-01-01..");
    assert_eq!(
        canonical("Monday August 14, 1964", "2000-01-01"),
        "1964-08-14"
    );
}

#[test]
fn partial_dates_keep_their_grain() {
    assert_eq!(canonical("December 2006", "2026-01-01"), "2006-12");
    assert_eq!(canonical("2003", "2026-01-01"), "2003");
    assert_eq!(canonical("May", "2026-05-20"), "2026-05");
    assert_eq!(
        canonical("mid to late June", "2026-05-20"),
        "2026-06-11..2026-06-30"
    );
    assert_eq!(
        canonical("the end of January", "2026-05-20"),
        "2026-01-21..2026-01-31"
    );
}

#[test]
fn ranges_within_and_across_months() {
    assert_eq!(
        canonical("June 16-30", "2026-05-20"),
        "2026-06-16..2026-06-30"
    );
    assert_eq!(
        canonical("7 to 12 October", "2026-05-20"),
        "2026-10-07..2026-10-12"
    );
    assert_eq!(
        canonical("from 2 to 9 November", "2026-05-20"),
        "2026-11-02..2026-11-09"
    );
    assert_eq!(
        canonical("March-June 1999", "2026-05-20"),
        "1999-03-01..1999-06-30"
    );
}

#[test]
fn relative_dates_resolve_against_the_reference() {
    // 2026-05-20 is a Wednesday.
    assert_eq!(canonical("today", "2026-05-20"), "2026-05-20");
    assert_eq!(
        canonical("this week and last week", "2026-05-20"),
        "2026-05-11..2026-05-24"
    );
    assert_eq!(canonical("on Monday", "2026-05-20"), "2026-05-18");
    assert_eq!(canonical("May 18", "2016-05-30"), "2016-05-18");
    assert!(parse_date("May 18", None).is_none());
}

#[test]
fn assumed_reference_marks_the_year_assumed() {
    let guess = Some(Reference {
        date: "2026-05-29".parse().unwrap(),
        assumed: true,
    });
    assert!(parse_date("mid to late June", guess).unwrap().year_assumed);
    assert!(!parse_date("June 2026", guess).unwrap().year_assumed);
}

#[test]
fn a_weekday_that_contradicts_its_date_is_caught() {
    let (written, date) = weekday_mismatch("Monday August 14, 1964").unwrap();
    assert_eq!((written, date.weekday()), (Weekday::Mon, Weekday::Fri));
    assert_eq!(weekday_mismatch("Friday August 14, 1964"), None);
    assert_eq!(weekday_mismatch("Friday, 29 May 2026"), None);
}

#[test]
fn holidays_fall_on_their_days() {
    assert_eq!(holiday("easter", 2018), "2018-04-01".parse().ok());
    assert_eq!(holiday("Easter", 2019), "2019-04-21".parse().ok());
    assert_eq!(holiday("black friday", 2010), "2010-11-26".parse().ok());
    assert_eq!(holiday("thanksgiving", 2023), "2023-11-23".parse().ok());
    assert_eq!(holiday("christmas", 2016), "2016-12-25".parse().ok());
}

#[test]
fn header_dates_accept_the_short_year() {
    assert_eq!(
        parse_header_date("Analysis 30 May 16"),
        "2016-05-30".parse().ok()
    );
    assert_eq!(
        parse_header_date("20/05/2026 15:49"),
        "2026-05-20".parse().ok()
    );
    assert_eq!(parse_header_date("(completed in 1980)"), None);
    // In a sentence the short form is a score and a day.
    assert_eq!(
        parse_header_date("He was hurt in New Orleans' 30-7 Oct. 19 loss at Carolina."),
        None
    );
}

#[test]
fn a_dateline_gives_its_day_whatever_weekday_stands_before_it() {
    for line in [
        "WEDNESDAY 03 JULY 2013",
        "Wednesday, 3 July 2013",
        "Tuesday, July 2nd, 2013",
    ] {
        let expected = if line.starts_with("Tuesday") {
            "2013-07-02"
        } else {
            "2013-07-03"
        };
        assert_eq!(parse_header_date(line), expected.parse().ok(), "{line}");
    }
}

#[test]
fn lower_case_may_is_not_a_month() {
    let re = crate::pattern::compile(&DATE).unwrap();
    assert!(!re.is_match("it may rain"));
    assert!(re.is_match("in May"));
}

/// The dates `{DATE}` reads in `text` once its dates are marked.
fn slotted_dates(text: &str) -> Vec<&str> {
    let marked = mark_dates(text);
    assert_eq!(marked.len(), text.len(), "offsets stay where they were");
    let slot = crate::pattern::compile(DATE_SLOT).unwrap();
    slot.find_iter(&marked).map(|m| &text[m.range()]).collect()
}

#[test]
fn a_marked_date_is_read_whole_without_the_words_a_pattern_spells() {
    assert_eq!(
        slotted_dates("The drill, held from May 11 to May 24, ended on 29 May 2026."),
        ["May 11 to May 24", "29 May 2026"]
    );
    assert_eq!(
        slotted_dates("In March 2026 the vote was held; of 2 June nothing is known."),
        ["March 2026", "2 June"]
    );
    // Without "between" the rest is no date, so the word stays in.
    assert_eq!(
        slotted_dates("It ran between 11 and 24 May, they said."),
        ["between 11 and 24 May"]
    );
}

#[test]
fn a_marked_date_keeps_its_edges_for_word_boundaries() {
    let marked = mark_dates("on May 12, troops");
    assert!(marked.starts_with("on M\u{1}"));
    assert!(marked.contains("\u{1}2, troops"));
    let bounded = crate::pattern::compile(&format!(r"\bon\s+{DATE_SLOT}\b,")).unwrap();
    assert!(bounded.is_match(&marked));
}

#[test]
fn a_fill_byte_of_the_text_is_no_marked_date() {
    assert!(slotted_dates("a\u{1}\u{1}\u{1}b and no date").is_empty());
    // A date the grammar finds inside a word is none.
    assert_eq!(mark_dates("It was known then."), "It was known then.");
    assert_eq!(slotted_dates("x\u{1}y on 3 March 2020"), ["3 March 2020"]);
}
