//! Invariants that must hold for any input, checked on generated inputs with a fixed
//! number of cases.

use claimcheck::normalize::date::{parse_date, Reference};
use claimcheck::normalize::duration::parse_duration;
use claimcheck::normalize::number::{format_number, parse_amount, parse_number, Convention};
use claimcheck::pipeline::boilerplate::{classify, LineKind};
use claimcheck::pipeline::extract::Extractor;
use claimcheck::pipeline::segment::{segment, Abbreviations};
use claimcheck::text::fold::similarity;
use claimcheck::Document;
use claimcheck::RuleSet;
use claimcheck::{check_documents, CheckOptions, Report};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Sentences of news text built from the phrases the rules know, so documents yield claims.
fn sentence() -> impl Strategy<Value = String> {
    let subjects = prop::sample::select(vec![
        "The exercise",
        "The two-week drill",
        "The joint drill",
        "NATO Deputy Assistant Secretary General for Partnerships Kevin Hamilton",
        "Prime Minister Aleksandar Vučić",
        "President Aleksandar Vucic",
        "Admiral George M. Wikoff",
        "The Platinum Wolf 2023 exercise",
    ]);
    let predicates = prop::sample::select(vec![
        " lasted fourteen days.",
        " lasted 13 days.",
        " involved approximately 600 troops.",
        " involved nearly 400 soldiers.",
        " took place at the Borovac training range near Bujanovac.",
        " was held from May 11 to May 24.",
        " ended on 26 May 2026.",
        " said the first joint exercise went well.",
        " spoke in Belgrade.",
        ", über ¾ of it, ended „quietly“ — 東京!",
    ]);
    (subjects, predicates).prop_map(|(s, p)| format!("{s}{p}"))
}

fn document_text() -> impl Strategy<Value = (String, String)> {
    let date = prop::sample::select(vec!["2026-05-20", "2026-05-29", "2016-05-30", ""]);
    let name = "[A-Z][a-z]{2,8}";
    (name, date, prop::collection::vec(sentence(), 1..6)).prop_map(|(name, date, sentences)| {
        let published = if date.is_empty() {
            String::new()
        } else {
            format!("published: {date}\n")
        };
        (
            name.clone(),
            format!("source: {name}\n{published}\n{}\n", sentences.join(" ")),
        )
    })
}

fn report_of(texts: &[(String, String)]) -> Report {
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, text))| Document::new(&format!("{i}-{name}.md"), text.clone()).0)
        .collect();
    check_documents(documents, Vec::new(), &RULES, &CheckOptions::default())
}

/// A report without positions or file order: what each finding says, by source name.
fn findings_by_source(report: &Report) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let said: BTreeSet<String> = report
                .cited(f)
                .map(|c| format!("{}={}", report.source(c).name, c.text))
                .collect();
            format!(
                "{} {} {} {:?}",
                f.verdict.name(),
                report.subject_of(f),
                f.attribute,
                said
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sentences_cover_the_text_in_order_on_char_boundaries(text in "[a-zA-Z0-9 .,!?;:'\"“”()\\-\n\r\tčćžšđÄ東→\u{200f}]{0,400}") {
        let lines = classify(&text, 0);
        let sentences = segment(&text, &lines, &Abbreviations::new(["Mr", "U.S"]));
        let mut previous_end = 0;
        for sentence in &sentences {
            prop_assert!(sentence.span.start >= previous_end);
            prop_assert!(sentence.span.start < sentence.span.end);
            prop_assert!(text.is_char_boundary(sentence.span.start));
            prop_assert!(text.is_char_boundary(sentence.span.end));
            previous_end = sentence.span.end;
        }
        let content: String = lines
            .iter()
            .filter(|l| l.kind == LineKind::Content)
            .flat_map(|l| text[l.span.clone()].chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        let covered: String = sentences
            .iter()
            .flat_map(|s| text[s.span.clone()].chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        prop_assert_eq!(covered, content);
    }

    #[test]
    fn every_claim_quotes_the_exact_text_at_its_span((_, text) in document_text()) {
        let (document, _) = Document::new("doc.md", text.clone());
        let extractor = Extractor::new(&RULES);
        let reference = Reference { date: "2026-05-20".parse().unwrap(), assumed: false };
        for claim in extractor.extract(&document, 0, Some(reference)).claims {
            prop_assert!(claim.sentence.start <= claim.span.start && claim.span.end <= claim.sentence.end);
            prop_assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
        }
        let report = report_of(&[("A".into(), text)]);
        for claim in &report.claims {
            prop_assert!(claim.located.quote.contains(&claim.located.written), "{:?}", claim);
        }
    }

    #[test]
    fn findings_do_not_depend_on_the_order_of_files(texts in prop::collection::vec(document_text(), 2..5)) {
        let forward = report_of(&texts);
        let mut reversed_texts = texts.clone();
        reversed_texts.reverse();
        let reversed = report_of(&reversed_texts);
        prop_assert_eq!(findings_by_source(&forward), findings_by_source(&reversed));
    }

    #[test]
    fn similarity_is_symmetric(a in "[a-zčć ]{0,20}", b in "[a-zčć ]{0,20}") {
        prop_assert_eq!(similarity(&a, &b), similarity(&b, &a));
    }

    #[test]
    fn canonical_amounts_read_back_to_the_same_value(value in 0u32..10_000_000, approx: bool) {
        let text = if approx { format!("about {value}") } else { value.to_string() };
        let amount = parse_amount(&text, Convention::DotDecimal).unwrap();
        let canonical = amount.canonical().replace('~', "about ");
        prop_assert_eq!(parse_amount(&canonical, Convention::DotDecimal), Some(amount));
    }

    #[test]
    fn canonical_durations_read_back_to_the_same_value(days in 1u32..400, unit in prop::sample::select(vec!["day", "week", "month", "year"])) {
        let text = format!("{days} {unit}s");
        let duration = parse_duration(&text, Convention::DotDecimal).unwrap();
        let again = parse_duration(&duration.canonical(), Convention::DotDecimal).unwrap();
        prop_assert!((again.days.low - duration.days.low).abs() < 1e-6);
        prop_assert!((again.days.high - duration.days.high).abs() < 1e-6);
    }

    #[test]
    fn canonical_dates_read_back_to_the_same_value(day in 0i64..40_000) {
        let date = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(day);
        let reference = Some(Reference { date, assumed: false });
        for text in [date.format("%B %-d, %Y").to_string(), date.format("%-d %B %Y").to_string(), date.format("%B %Y").to_string()] {
            let span = parse_date(&text, reference).unwrap();
            let again = parse_date(&span.canonical(), reference).unwrap();
            prop_assert_eq!((span.start, span.end), (again.start, again.end), "{}", text);
        }
    }

    #[test]
    fn numbers_read_back_in_either_convention(
        whole in 0u64..1_000_000_000,
        cents in prop::option::of(0u32..100),
        scale in prop::sample::select(vec!["", " thousand", " million", " billion"]),
        comma_decimal: bool,
    ) {
        let (group, decimal, convention) = if comma_decimal {
            ('.', ',', Convention::CommaDecimal)
        } else {
            (',', '.', Convention::DotDecimal)
        };
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let mut text = grouped;
        let mut value = whole as f64;
        if let Some(cents) = cents {
            text.push_str(&format!("{decimal}{cents:02}"));
            value += f64::from(cents) / 100.0;
        }
        text.push_str(scale);
        value *= match scale { " thousand" => 1e3, " million" => 1e6, " billion" => 1e9, _ => 1.0 };
        let read = parse_number(&text, convention).unwrap();
        prop_assert!((read - value).abs() <= 1e-9 * value.abs().max(1.0), "{} read as {}", text, read);
        prop_assert_eq!(parse_number(&format_number(value), Convention::DotDecimal).map(|v| (v - value).abs() < 1e-6 * value.abs().max(1.0)), Some(true));
    }

    #[test]
    fn a_pattern_compiles_with_ascii_boundaries_exactly_when_it_compiles_as_written(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            r"\b", r"\b{start}", r"\b{end-half}", r"\\", r"\", "b", "a", "[", "]", "(", ")",
            "{", "}", "{2}", "?", "|", "+", "*", "(?-u:", "(?x)", " ", "#", "\n", "-",
        ]), 0..12)
    ) {
        let pattern = pieces.concat();
        prop_assert_eq!(
            claimcheck::text::pattern::compile(&pattern).is_ok(),
            regex::Regex::new(&pattern).is_ok(),
            "{}", pattern
        );
    }

    #[test]
    fn ascii_boundaries_find_what_unicode_ones_find_in_ascii_text(
        text in "[a-zA-Z0-9 .,'-]{0,40}",
        word in "[a-z]{1,4}",
    ) {
        let pattern = format!(r"(?i)\b{word}\b");
        let unicode: Vec<_> = regex::Regex::new(&pattern).unwrap().find_iter(&text).map(|m| m.range()).collect();
        let ascii: Vec<_> = claimcheck::text::pattern::compile(&pattern).unwrap().find_iter(&text).map(|m| m.range()).collect();
        prop_assert_eq!(ascii, unicode);
    }
}
