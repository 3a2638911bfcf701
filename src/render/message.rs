//! The words of a report that every format shares: a finding's message, written from its
//! rule's template and its typed detail, and why spellings were merged into a subject or
//! two subjects may be one.

use crate::model::claim::{Claim, TimeScope};
use crate::model::finding::{Detail, Finding, Verdict};
use crate::model::report::{Report, RuleInfo};
use crate::model::subject::{LinkReason, MemberReason};
use chrono::Datelike;
use std::collections::BTreeSet;

/// A finding's message: "Sources give Kevin Hamilton different titles: A (RksNews) vs B
/// (Gazeta Express)".
pub fn message(report: &Report, finding: &Finding) -> String {
    let rule = report.rule(finding);
    // A message is a sentence: an unnamed event is named by its story ("the exercise
    // (Serbia, 2026-05-20)"), not by its own label, which machine formats' `subject` keeps.
    let subject = super::label::finding_in_sentence(report, finding);
    let attribute = finding.attribute.as_str();
    let primary = &report.claims[finding.primary];
    match &finding.detail {
        Detail::Values { classes } => values(report, finding, rule, &subject, attribute, classes),
        Detail::Linked {
            reason, classes, ..
        } => format!(
            "{}; the subjects may be one ({})",
            values(report, finding, rule, &subject, attribute, classes),
            link_reason(reason)
        ),
        Detail::WeekdayMismatch { written, date } => format!(
            "{}: {} is a {}, not a {written} ({})",
            rule.message,
            date.format("%B %-d, %Y"),
            date.weekday(),
            report.source(primary).name
        ),
        Detail::NameVariant => {
            let spellings: Vec<String> = report
                .cited(finding)
                .map(|claim| format!("\"{}\" ({})", claim.text, report.source(claim).name))
                .collect();
            format!(
                "{}: {}",
                rule.message_for(&subject, attribute),
                spellings.join(", ")
            )
        }
        Detail::EarlierEvent { firsts } => {
            let reports: Vec<String> = report
                .cited(finding)
                .skip(*firsts)
                .map(|claim| format!("{}: {}", report.source(claim).name, claim.text))
                .collect();
            format!(
                "{}: \"{}\" — {}",
                rule.message_for(&subject, attribute),
                primary.text,
                reports.join("; ")
            )
        }
    }
}

/// The message of values compared: the head for the verdict, then each class of agreeing
/// values with the sources that give it.
fn values(
    report: &Report,
    finding: &Finding,
    rule: &RuleInfo,
    subject: &str,
    attribute: &str,
    classes: &[u32],
) -> String {
    let cited: Vec<&Claim> = report.cited(finding).collect();
    let class_count = classes.iter().max().map_or(0, |&c| c as usize + 1);
    let mut members: Vec<Vec<&Claim>> = vec![Vec::new(); class_count];
    for (claim, &class) in cited.iter().zip(classes) {
        members[class as usize].push(claim);
    }
    let verdict = finding.verdict;
    let head = match verdict {
        Verdict::Agreement => {
            let sources: BTreeSet<usize> = cited.iter().map(|c| c.doc).collect();
            let who = match sources.len() {
                1 => "Two statements of one source".to_string(),
                n => format!("{n} sources"),
            };
            format!("{who} agree on {attribute} of {subject}")
        }
        Verdict::Changed => format!("{attribute} of {subject} changed over time"),
        Verdict::InternalConflict => format!(
            "{} contradicts itself on {attribute} of {subject}",
            report.source(cited[0]).name
        ),
        _ => rule.message_for(subject, attribute),
    };
    let with_time = verdict == Verdict::Changed || rule.time_varying;
    if verdict == Verdict::Changed {
        // A change reads from the earliest value to the latest.
        members.sort_by_key(|class| class.iter().filter_map(|c| c.time.date).min());
    }
    let parts: Vec<String> = members
        .iter()
        .map(|class| {
            let sources: BTreeSet<String> = class
                .iter()
                .map(|claim| {
                    let name = &report.source(claim).name;
                    if with_time {
                        format!("{name}, {}", time(&claim.time))
                    } else {
                        name.clone()
                    }
                })
                .collect();
            let sources: Vec<String> = sources.into_iter().collect();
            let mut texts: Vec<&str> = Vec::new();
            for claim in class {
                if !texts.contains(&claim.text.as_str()) {
                    texts.push(&claim.text);
                }
            }
            format!("{} ({})", texts.join(" ≈ "), sources.join("; "))
        })
        .collect();
    let joiner = if verdict == Verdict::Changed {
        " → "
    } else {
        " vs "
    };
    format!("{head}: {}", parts.join(joiner))
}

/// The time a claim speaks for: "2016-05-30", "undated, read as 2026-05-29", "undated".
pub fn time(scope: &TimeScope) -> String {
    match (scope.date, scope.assumed) {
        (Some(date), false) => date.format("%Y-%m-%d").to_string(),
        (Some(date), true) => format!("undated, read as {}", date.format("%Y-%m-%d")),
        (None, _) => "undated".to_string(),
    }
}

/// Why two subjects may be one.
pub fn link_reason(reason: &LinkReason) -> String {
    match reason {
        LinkReason::SimilarNames { a, b, similarity } => {
            format!("similar names ({a} / {b}, similarity {similarity:.2})")
        }
        LinkReason::UnnamedAtTimeOfNamed { class } => {
            format!("an unnamed {class} at the time of the named one")
        }
    }
}

/// Why a spelling was merged into its subject.
pub fn member_reason(report: &Report, reason: &MemberReason) -> String {
    match reason {
        MemberReason::SameName => "the same name after folding case and diacritics".into(),
        MemberReason::OnlyFullName { full } => {
            format!("a surname alone; the only full name with it is \"{full}\"")
        }
        MemberReason::CloseSurname { full, similarity } => {
            format!("a surname alone, spelled close to \"{full}\" (similarity {similarity:.2})")
        }
        MemberReason::CloseSpelling { to, similarity } => {
            format!("spelled close to \"{to}\" (similarity {similarity:.2})")
        }
        MemberReason::SameEventName => "the same event name".into(),
        MemberReason::UnnamedInStory { class } => {
            format!("an unnamed {class} in the documents of one story")
        }
        MemberReason::SameText => "the same text".into(),
        MemberReason::EarlierEvent => "an earlier event a source reports".into(),
        MemberReason::NameInText { count, doc, line } => format!(
            "the name in the text, no claim ({count}×, first at {}:{line})",
            report.sources[*doc].path
        ),
    }
}

/// A term two documents of a story share, as a reader reads it: a name (`@`), a year
/// (`#`), a class of event (`!`) or a word.
pub fn story_term(term: &str) -> String {
    if let Some(name) = term.strip_prefix('@') {
        format!("\"{name}\"")
    } else if let Some(year) = term.strip_prefix('#') {
        format!("the year {year}")
    } else if let Some(class) = term.strip_prefix('!') {
        format!("event: {class}")
    } else {
        term.to_string()
    }
}

/// Why a story's document `b` joined it: "like corpus/a.md (similarity 0.41): serbia,
/// "kevin hamilton", the year 2026".
pub fn story_join(report: &Report, join: &crate::model::story::StoryJoin) -> String {
    let earlier = &report.sources[join.a].path;
    if join.shared.is_empty() {
        return format!("the same text as {earlier}");
    }
    let shared: Vec<String> = join.shared.iter().map(|t| story_term(t)).collect();
    format!(
        "like {earlier} (similarity {:.2}): {}",
        join.similarity,
        shared.join(", ")
    )
}
