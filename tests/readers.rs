//! Every reader of numbers, amounts, durations and dates accepts any string: it never
//! panics, and every span it returns lies on character boundaries inside the text. The
//! texts that once crashed a reader are kept here as regression cases.

use claimcheck::normalize::date::{parse_date, parse_header_date, Reference};
use claimcheck::normalize::duration::parse_duration;
use claimcheck::normalize::number::{parse_amount, parse_number, Convention};
use claimcheck::normalize::scan::{scan, Kind, ScanOptions};
use claimcheck::normalize::units::Units;
use proptest::prelude::*;

fn reference() -> Reference {
    Reference {
        date: "2026-05-20".parse().unwrap(),
        assumed: false,
    }
}

/// Runs every reader over `text` in both conventions, with and without a reference date,
/// and checks the scanner's spans.
fn read_everything(text: &str) -> Result<(), String> {
    for convention in [Convention::DotDecimal, Convention::CommaDecimal] {
        for reference in [None, Some(reference())] {
            let options = ScanOptions {
                reference,
                convention,
                kinds: Kind::ALL.to_vec(),
                ..ScanOptions::default()
            };
            let mut previous_end = 0;
            for mention in scan(text, &options) {
                let span = mention.span.clone();
                if span.start > span.end
                    || span.end > text.len()
                    || !text.is_char_boundary(span.start)
                    || !text.is_char_boundary(span.end)
                {
                    return Err(format!("span {span:?} of {mention:?} in {text:?}"));
                }
                if span.start < previous_end {
                    return Err(format!("overlapping mention {mention:?} in {text:?}"));
                }
                previous_end = span.end;
            }
            if let Some(span) = parse_date(text, reference) {
                if span.start >= span.end {
                    return Err(format!("empty date {span:?} from {text:?}"));
                }
            }
        }
        let _ = parse_number(text, convention);
        let _ = parse_amount(text, convention).map(|a| a.canonical());
        let _ = parse_duration(text, convention).map(|d| d.canonical());
        let _ = Units::builtin().parse_quantity(text, convention);
    }
    let _ = parse_header_date(text);
    Ok(())
}

/// Texts that crashed a reader: a text that ends right after a comparator word or an
/// unclosed bracket before a quantity, a date written between hyphens, a unit in angle
/// brackets.
#[test]
fn texts_that_once_crashed_are_read() {
    for text in [
        "more than",
        "The total was more than",
        "at least",
        "it fell to less than",
        "from ",
        "between",
        "> bn the ",
        "estarting x10^3eweekend ≥ ",
        "- percent thirtylater> ",
        "03and lessmonth2019< ",
        "x10^3kg1,000weekend more than",
        "3/4 <kg>",
        "maysince2010-2012 half <kg> ",
        "a load of 20 <kg>",
        "20 (",
        "20 [",
        "a 20 (kg",
        ":plus 2010-2012 +15:49-05-",
        "-2019-05-03-",
        "on -May 5, 2019- it",
        "-12/05/2019-",
        "300 or less than",
        "300 or",
        "between 8 and",
        "from 3-",
        // Found by the scan fuzz target: a duration too long for the calendar.
        "4*0dz4in84d\u{e}\0\0\0\0\0\0\u{fffd}4dz4in6666666666666666666684d\u{e}\0\0\0\0\0\0\0\0z",
        "in 66666666666666666666 days",
        "the next 99999999999 quarters and the last 99999999999 quarters",
        "99999999999 days after May 5, 2019",
    ] {
        read_everything(text).unwrap();
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of numbers, amounts and dates and the symbols around them, so generated texts
/// reach deep into the grammar rather than stopping at the first letter.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "more than",
        "at least",
        "less than",
        "or",
        "fewer",
        "between",
        "and",
        "from",
        "to",
        "(",
        ")",
        "[",
        "<",
        ">",
        "=",
        "-",
        "–",
        "~",
        "/",
        ".",
        ",",
        ":",
        "^",
        "+",
        "%",
        "$",
        "€",
        "2019",
        "-05-",
        "03",
        "1,000",
        "1.5",
        ".5",
        "2 500",
        "1'000",
        "five",
        "hundred",
        "sixty",
        "a",
        "half",
        "dozen",
        "third",
        "fifths",
        "2nd",
        "thirty",
        "kg",
        "km",
        "feet",
        "in",
        "\"",
        "May",
        "june",
        "Jan.",
        "the",
        "week",
        "of",
        "days",
        "ago",
        "next",
        "last",
        "1980s",
        "s",
        "christmas",
        "weekend",
        "since",
        "until",
        "m",
        "bn",
        "k",
        "x10^3",
        "e",
        "lakh",
        "crore",
        "minus",
        "≥",
        "≤",
        "½",
        "é",
        "東",
        " ",
        "\n",
        "\u{202f}",
    ])
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn readers_accept_any_string(text in "\\PC{0,60}") {
        prop_assert_eq!(read_everything(&text), Ok(()));
    }

    #[test]
    fn readers_accept_any_mix_of_number_and_date_pieces(
        pieces in prop::collection::vec((piece(), prop::bool::ANY), 0..10)
    ) {
        let text: String = pieces
            .iter()
            .map(|(p, space)| if *space { format!("{p} ") } else { p.to_string() })
            .collect();
        prop_assert_eq!(read_everything(&text), Ok(()));
    }
}
