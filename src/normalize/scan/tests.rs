//! The scanner on the forms it promises, as `claimcheck normalize` reads them.

mod readings {
    use super::super::*;

    fn only(text: &str, kind: Kind) -> Vec<(String, MentionValue)> {
        let options = ScanOptions {
            reference: Some(Reference {
                date: "2026-05-20".parse().unwrap(),
                assumed: false,
            }),
            kinds: vec![kind],
            ..ScanOptions::default()
        };
        scan(text, &options)
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.value))
            .collect()
    }

    #[test]
    fn numbers_of_the_seed_texts() {
        let comma = ScanOptions {
            convention: Convention::CommaDecimal,
            kinds: vec![Kind::Number],
            ..ScanOptions::default()
        };
        let text = "the destruction of 28.000 arms; 1,4 million landmines";
        let values: Vec<MentionValue> = scan(text, &comma).into_iter().map(|m| m.value).collect();
        assert_eq!(
            values,
            vec![
                MentionValue::Number(28000.0),
                MentionValue::Number(1_400_000.0)
            ]
        );
    }

    #[test]
    fn a_fraction_word_that_begins_a_compound_is_no_number() {
        let text =
            "She was half-dead, the town half-empty, after the quarter-final; half of it fell.";
        assert_eq!(
            only(text, Kind::Number),
            vec![("half".to_string(), MentionValue::Number(0.5))]
        );
        // A unit after the hyphen is that unit's reader's: "half-hour" is a duration.
        assert_eq!(only("a half-hour drill", Kind::Duration).len(), 1);
    }

    #[test]
    fn quantities_with_units() {
        assert_eq!(
            only(
                "approximately 8.000 tons of explosives and a 170 km range",
                Kind::Quantity
            ),
            vec![
                (
                    "8.000 tons".to_string(),
                    MentionValue::Quantity {
                        value: 8.0,
                        unit: "ton".into()
                    }
                ),
                (
                    "170 km".to_string(),
                    MentionValue::Quantity {
                        value: 170.0,
                        unit: "kilometer".into()
                    }
                ),
            ]
        );
        assert_eq!(
            only("the six-mile trip", Kind::Quantity),
            vec![(
                "six-mile".to_string(),
                MentionValue::Quantity {
                    value: 6.0,
                    unit: "mile".into()
                }
            )]
        );
        assert_eq!(
            only("the 35-floors building", Kind::Number),
            vec![("35".to_string(), MentionValue::Number(35.0))]
        );
    }

    #[test]
    fn durations_and_percentages() {
        assert_eq!(
            only("the drill lasted fourteen days", Kind::Duration),
            vec![(
                "fourteen days".to_string(),
                MentionValue::Duration {
                    seconds: 14.0 * 86400.0
                }
            )]
        );
        assert_eq!(
            only("up 20% and 10 per cent", Kind::Percent),
            vec![
                ("20%".to_string(), MentionValue::Percent(20.0)),
                ("10 per cent".to_string(), MentionValue::Percent(10.0)),
            ]
        );
    }

    #[test]
    fn number_ranges_from_comparators() {
        let ranges = only("more than 700 and between 500 and 600", Kind::NumberRange);
        assert_eq!(ranges[0].0, "more than 700");
        assert_eq!(ranges[1].0, "between 500 and 600");
    }
}

/// Every form the normalizers promise, read through the scanner as `normalize` reads it.
mod forms {
    use super::super::*;

    fn first(text: &str, kind: Kind, convention: Convention) -> Mention {
        let options = ScanOptions {
            reference: Some(Reference {
                date: "2026-05-21".parse().unwrap(), // a Thursday
                assumed: false,
            }),
            convention,
            kinds: vec![kind],
            ..ScanOptions::default()
        };
        scan(text, &options)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {} in {text:?}", kind.name()))
    }

    fn number(text: &str, convention: Convention) -> f64 {
        match first(text, Kind::Number, convention).value {
            MentionValue::Number(v) => v,
            other => panic!("{other:?}"),
        }
    }

    fn date(text: &str) -> (String, String) {
        match first(text, Kind::Date, Convention::DotDecimal).value {
            MentionValue::Date(d) => (d.start.to_string(), d.end.to_string()),
            other => panic!("{other:?}"),
        }
    }

    fn days(text: &str) -> f64 {
        match first(text, Kind::Duration, Convention::DotDecimal).value {
            MentionValue::Duration { seconds } => seconds / 86_400.0,
            other => panic!("{other:?}"),
        }
    }

    fn quantity(text: &str, convention: Convention) -> (f64, String) {
        match first(text, Kind::Quantity, convention).value {
            MentionValue::Quantity { value, unit } => (value, unit),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_in_both_conventions_words_and_scales() {
        let (dot, comma) = (Convention::DotDecimal, Convention::CommaDecimal);
        assert_eq!(number("28.000 small arms", comma), 28_000.0);
        assert_eq!(number("28,000 small arms", dot), 28_000.0);
        assert_eq!(number("1,4 million landmines", comma), 1_400_000.0);
        assert_eq!(number("1.4 million landmines", dot), 1_400_000.0);
        assert_eq!(number("a $2bn deal", dot), 2e9);
        assert_eq!(number("a 1.4m budget", dot), 1_400_000.0);
        assert_eq!(number("lasted fourteen days", dot), 14.0);
        assert_eq!(number("twenty-one guns", dot), 21.0);
        assert_eq!(number("a dozen trucks", dot), 12.0);
        assert_eq!(number("half of them", dot), 0.5);
        assert_eq!(number("3/4 of them", dot), 0.75);
        assert_eq!(number("the 35-floors building", dot), 35.0);
    }

    #[test]
    fn digits_grouped_by_spaces_bare_decimals_signs_apart_and_powers_of_ten() {
        let (dot, comma) = (Convention::DotDecimal, Convention::CommaDecimal);
        assert_eq!(number("a town of 2 500 000 people", dot), 2_500_000.0);
        assert_eq!(number("some 12 000 troops", dot), 12_000.0);
        assert_eq!(number("1\u{202f}234\u{202f}567 votes", comma), 1_234_567.0);
        assert_eq!(number("it cost 1'000 francs", dot), 1000.0);
        // A lone group joins only in a text that groups by spaces elsewhere.
        assert_eq!(number("the 5 100-metre races", dot), 5.0);
        assert_eq!(number("4 100 or 2 500 000", dot), 4100.0);
        assert_eq!(number("423 0000 is two numbers", dot), 423.0);
        assert_eq!(number("a share of .5 was taken", dot), 0.5);
        assert_eq!(number("a share of .500", comma), 0.5);
        assert_eq!(number("it fell to - 7 overnight", dot), -7.0);
        assert_eq!(number("(- 3)", dot), -3.0);
        assert_eq!(number("it reached minus 3", dot), -3.0);
        // A dash between a name or a number and a figure is no sign.
        assert_eq!(number("Belgrade - 600 troops", dot), 600.0);
        assert_eq!(number("5 - 7 days", dot), 5.0);
        assert_eq!(number("nearly 2.5x10^3 cells", dot), 2500.0);
        assert_eq!(number("4.1 × 10^-2", dot), 0.041);
        assert_eq!(number("10M people", dot), 10_000_000.0);
        assert_eq!(number("5 lakh", dot), 500_000.0);
        assert_eq!(number("3 crore", dot), 30_000_000.0);
        assert_eq!(quantity("a 10m wall", dot), (10.0, "meter".into()));
        assert_eq!(quantity("5L of water", dot), (5.0, "liter".into()));
    }

    #[test]
    fn words_fractions_dozens_and_scale_letters() {
        let dot = Convention::DotDecimal;
        assert_eq!(number("sixty - one", dot), 61.0);
        assert_eq!(
            number("two hundred and five and three quarters", dot),
            205.75
        );
        assert_eq!(number("two fifths", dot), 0.4);
        assert_eq!(number("one third of a billion", dot), 1e9 / 3.0);
        assert_eq!(number("a sixteenth of the cake", dot), 0.0625);
        assert_eq!(number("a dozen and a half eggs", dot), 18.0);
        assert_eq!(number("two dozen", dot), 24.0);
        assert_eq!(number("4.5 k", dot), 4500.0);
        assert_eq!(number("3 bn", dot), 3e9);
        assert_eq!(number("7 tn", dot), 7e12);
        assert_eq!(number("5mln", dot), 5e6);
        assert_eq!(number("2.4 million", dot), 2.4e6);
        // "one third" is a fraction, "twenty third" and "one hundred and fifth" ordinals.
        let ordinals = |text: &str| {
            let options = ScanOptions {
                kinds: vec![Kind::Ordinal],
                ..ScanOptions::default()
            };
            scan(text, &options)
                .into_iter()
                .map(|m| m.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(ordinals("one third of it"), vec![MentionValue::Ordinal(3)]);
        assert_eq!(
            ordinals("the twenty third"),
            vec![MentionValue::Ordinal(23)]
        );
        assert_eq!(
            ordinals("one hundred and fifth"),
            vec![MentionValue::Ordinal(105)]
        );
        assert_eq!(
            date("we meet from 3-9 next month"),
            ("2026-06-03".to_string(), "2026-06-10".to_string())
        );
    }

    #[test]
    fn designations_names_and_decades_are_no_figures() {
        let all = |text: &str| {
            let options = ScanOptions {
                reference: Some(Reference {
                    date: "2026-05-21".parse().unwrap(),
                    assumed: false,
                }),
                ..ScanOptions::default()
            };
            scan(text, &options)
                .into_iter()
                .map(|m| (text[m.span].to_string(), m.kind))
                .collect::<Vec<_>>()
        };
        let read = |text: &str| (text.to_string(), Kind::Number);
        assert_eq!(all("Three C-17 aircraft landed"), vec![read("Three")]);
        assert_eq!(all("two MiG-29s and the COVID-19 wave"), vec![read("two")]);
        // A year after a name is part of it, not a date; after a little word it is one.
        assert_eq!(all("Croatia 2019 is a civil exercise"), vec![read("2019")]);
        assert_eq!(
            all("In 2019 it rained"),
            vec![("2019".to_string(), Kind::Date)]
        );
        assert_eq!(
            all("Spring 2019 was wet"),
            vec![("Spring 2019".to_string(), Kind::Date)]
        );
        assert_eq!(
            all("in the 1980s"),
            vec![("the 1980s".to_string(), Kind::Date)]
        );
        let only_durations = ScanOptions {
            kinds: vec![Kind::Duration],
            ..ScanOptions::default()
        };
        assert!(scan("the 1980s and the 1990 s", &only_durations).is_empty());
        assert_eq!(days("lasted 30s"), 30.0 / 86_400.0);
    }

    #[test]
    fn ordinals_and_percentages() {
        let ordinal = |text: &str| match first(text, Kind::Ordinal, Convention::DotDecimal).value {
            MentionValue::Ordinal(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(ordinal("the first drill"), 1);
        assert_eq!(ordinal("the 8th drill"), 8);
        assert_eq!(ordinal("the eighth drill"), 8);
        assert_eq!(
            first("up 20% on the year", Kind::Percent, Convention::DotDecimal).value,
            MentionValue::Percent(20.0)
        );
    }

    #[test]
    fn quantities_with_units_and_conversions() {
        let comma = Convention::CommaDecimal;
        assert_eq!(
            quantity("approximately 8.000 tons", comma),
            (8000.0, "ton".into())
        );
        assert_eq!(
            quantity("a 170 km range", comma),
            (170.0, "kilometer".into())
        );
        assert_eq!(
            quantity("a 170-km range", comma),
            (170.0, "kilometer".into())
        );
        assert_eq!(quantity("the six-mile trip", comma), (6.0, "mile".into()));
        let (km, unit) = quantity("10 kilometers", comma);
        let miles = crate::normalize::units::Units::builtin()
            .convert(km, &unit, "mile")
            .unwrap();
        assert!((miles - 6.0).abs() / 6.0 < 0.05, "10 km is about six miles");
    }

    #[test]
    fn absolute_partial_and_ranged_dates() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            date("on May 29, 2026, NATO said"),
            d("2026-05-29", "2026-05-30")
        );
        assert_eq!(date("on 29 May 2026"), d("2026-05-29", "2026-05-30"));
        assert_eq!(date("20/05/2026 15:49"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("dated 2026-05-20"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("in May"), d("2026-05-01", "2026-06-01"));
        assert_eq!(date("in December 2006"), d("2006-12-01", "2007-01-01"));
        assert_eq!(date("in 2003 the arms"), d("2003-01-01", "2004-01-01"));
        assert_eq!(date("at the end of January"), d("2026-01-21", "2026-02-01"));
        assert_eq!(date("from mid to late June"), d("2026-06-11", "2026-07-01"));
        assert_eq!(date("from June 16-30"), d("2026-06-16", "2026-07-01"));
        assert_eq!(date("on October 6-11"), d("2026-10-06", "2026-10-12"));
        assert_eq!(date("from 7 to 12 October"), d("2026-10-07", "2026-10-13"));
        assert_eq!(date("from 2 to 9 November"), d("2026-11-02", "2026-11-10"));
        // "until" takes in its day; "before" does not.
        assert_eq!(date("until 27 June").1, "2026-06-28");
        assert_eq!(date("until Nov. 9").1, "2026-11-10");
        assert_eq!(date("before 27 June").1, "2026-06-27");
    }

    #[test]
    fn dates_year_first_run_together_decades_and_weeks_of_a_month() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            date("it happened 2019 march"),
            d("2019-03-01", "2019-04-01")
        );
        assert_eq!(date("the 2019 Jan deadline"), d("2019-01-01", "2019-02-01"));
        assert_eq!(date("born Jan5 , 2001"), d("2001-01-05", "2001-01-06"));
        assert_eq!(date("born Jan. 5 , 2001"), d("2001-01-05", "2001-01-06"));
        assert_eq!(date("on Sep11"), d("2026-09-11", "2026-09-12"));
        assert_eq!(date("on the 03rd of June"), d("2026-06-03", "2026-06-04"));
        assert_eq!(date("the 21st of May 2026"), d("2026-05-21", "2026-05-22"));
        assert_eq!(date("music of the 1980s"), d("1980-01-01", "1990-01-01"));
        assert_eq!(date("music of the 1980 s"), d("1980-01-01", "1990-01-01"));
        assert_eq!(date("in the '90s"), d("1990-01-01", "2000-01-01"));
        assert_eq!(date("the late 1970s"), d("1976-01-01", "1980-01-01"));
        assert_eq!(
            date("the first week of june"),
            d("2026-06-01", "2026-06-08")
        );
        assert_eq!(
            date("the second week of July 2026"),
            d("2026-07-06", "2026-07-13")
        );
        assert_eq!(date("the last week of June"), d("2026-06-29", "2026-07-06"));
        // A year after "may" is no month: "2019 may see".
        assert_eq!(date("2019 may see more"), d("2019-01-01", "2020-01-01"));
    }

    #[test]
    fn dates_in_parts_of_periods_and_counted_from_the_reference() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        // The reference is Thursday 2026-05-21.
        assert_eq!(date("the month after next"), d("2026-07-01", "2026-08-01"));
        assert_eq!(date("the week before last"), d("2026-05-04", "2026-05-11"));
        assert_eq!(
            date("the day after tomorrow"),
            d("2026-05-23", "2026-05-24")
        );
        assert_eq!(date("early in the month"), d("2026-05-01", "2026-05-11"));
        assert_eq!(date("late in the year"), d("2026-07-01", "2027-01-01"));
        assert_eq!(
            date("in the middle of next week"),
            d("2026-05-27", "2026-05-30")
        );
        assert_eq!(date("in mid-2019"), d("2019-05-01", "2019-09-01"));
        assert_eq!(date("later this week"), d("2026-05-21", "2026-05-25"));
        assert_eq!(date("5 days from today"), d("2026-05-26", "2026-05-27"));
        assert_eq!(date("within 6 weeks"), d("2026-05-21", "2026-07-02"));
        assert_eq!(date("from 2010 to 2012"), d("2010-01-01", "2013-01-01"));
        assert_eq!(date("2010~2012"), d("2010-01-01", "2013-01-01"));
        assert_eq!(date("between 2010-2012"), d("2010-01-01", "2013-01-01"));
        assert_eq!(date("the 3 next weeks"), d("2026-05-22", "2026-06-12"));
        assert_eq!(date("only 3 next week"), d("2026-05-25", "2026-06-01"));
        assert_eq!(date("the coming week"), d("2026-05-25", "2026-06-01"));
        assert_eq!(date("the next fortnight"), d("2026-06-01", "2026-06-15"));
        assert_eq!(date("last fortnight"), d("2026-05-04", "2026-05-18"));
        // Weekdays only: Friday, then Monday to Wednesday.
        assert_eq!(
            date("the next 4 business days"),
            d("2026-05-22", "2026-05-28")
        );
        assert_eq!(
            date("the past 3 working days"),
            d("2026-05-18", "2026-05-21")
        );
    }

    #[test]
    fn dates_relative_to_the_reference() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(date("on Thursday"), d("2026-05-21", "2026-05-22"));
        assert_eq!(date("today"), d("2026-05-21", "2026-05-22"));
        assert_eq!(
            date("this week and last week"),
            d("2026-05-11", "2026-05-25")
        );
        assert_eq!(date("a day earlier"), d("2026-05-20", "2026-05-21"));
        assert_eq!(date("on May 18"), d("2026-05-18", "2026-05-19"));
        assert_eq!(date("this Monday (Jun-15)"), d("2026-06-15", "2026-06-16"));
        assert_eq!(
            date("we met on 18 and 19 June"),
            d("2026-06-18", "2026-06-19")
        );
        assert_eq!(
            date("on 3, 4 and 5 May 2021"),
            d("2021-05-03", "2021-05-04")
        );
        assert_eq!(date("this Monday-Jun-15"), d("2026-06-15", "2026-06-16"));
        // Next Friday is 29 May.
        assert_eq!(
            date("two months after next Friday"),
            d("2026-07-29", "2026-07-30")
        );
        assert_eq!(
            date("a balance of 6,107.31 August 2026"),
            d("2026-08-01", "2026-09-01")
        );
    }

    #[test]
    fn durations_in_days() {
        assert_eq!(days("a two-week drill"), 14.0);
        assert_eq!(days("lasted fourteen days"), 14.0);
        assert_eq!(days("a 13-day exercise"), 13.0);
        assert_eq!(days("over 12 days"), 12.0);
        assert_eq!(days("the 78-day campaign"), 78.0);
        assert_eq!(days("a four-month mission"), 120.0);
        assert_eq!(days("two weeks"), 14.0);
        assert_eq!(days("a fortnight"), 14.0);
    }
}
