//! Verdicts: claims grouped by (subject, attribute, slot), values partitioned into classes
//! that agree, and the verdict between classes decided by source and time.

mod agree;
mod figures;
mod submission;

pub use agree::{agree, slot, Slot};
pub use submission::judge_submission;

use crate::model::claim::{Attribute, Claim, TimeScope};
use crate::model::finding::{Detail, Finding, Verdict};
use crate::model::subject::{Link, Subject};
use crate::model::value::{Value, EARLIER_SCOPE};
use crate::pipeline::subjects::Subjects;
use crate::rules::{Rule, RuleSet};
use crate::text::fold::{fold, Thresholds};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the verdict stage needs to know about the run.
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    pub thresholds: Thresholds,
    /// The document of the facts file, whose claims outrank every source.
    pub trusted: Option<usize>,
    /// Events this many days apart or more are distinct (see
    /// [`crate::pipeline::subjects::SubjectOptions`]).
    pub event_window_days: i64,
}

/// The group a claim belongs to: its subject, attribute and slot.
type GroupKey = (usize, Attribute, Slot);

/// The group whose values a claim is compared with; none for a claim compared with nothing
/// (a date checked against its own weekday).
fn group_keys(claims: &[Claim], context: &Context) -> Vec<Option<GroupKey>> {
    let figure_contexts = figures::contexts(claims, context.rules);
    claims
        .iter()
        .zip(figure_contexts)
        .map(|(claim, figure_context)| {
            if matches!(claim.value, Value::WeekdayDate { .. }) {
                return None;
            }
            Some((
                claim.subject,
                claim.attribute.clone(),
                slot(&claim.value, &context.rules.lexicon, figure_context),
            ))
        })
        .collect()
}

/// The figures sources give as earlier reports ("the UN said earlier it had confirmed 30
/// dead"), by subject and attribute.
type EarlierReports = HashMap<(usize, Attribute), Vec<usize>>;

fn earlier_reports(claims: &[Claim]) -> EarlierReports {
    let mut reports = EarlierReports::new();
    for (index, claim) in claims.iter().enumerate() {
        if let Value::Figure(figure) = &claim.value {
            if figure.scope.iter().any(|s| s == EARLIER_SCOPE) {
                reports
                    .entry((claim.subject, claim.attribute.clone()))
                    .or_default()
                    .push(index);
            }
        }
    }
    reports
}

/// Whether a figure has the value some source gives the same subject's figure as an
/// earlier report: the value a later one may have replaced.
fn reported_earlier(claims: &[Claim], claim: &Claim, earlier: &EarlierReports) -> bool {
    let Value::Figure(figure) = &claim.value else {
        return false;
    };
    let key = (claim.subject, claim.attribute.clone());
    earlier.get(&key).is_some_and(|reports| {
        reports.iter().any(|&i| match &claims[i].value {
            Value::Figure(report) => {
                report.unit == figure.unit
                    && report.amount.low <= figure.amount.high
                    && figure.amount.low <= report.amount.high
            }
            _ => false,
        })
    })
}

/// All findings, sorted by verdict, subject and attribute; each claim no other source
/// speaks to is marked `unverified`.
pub fn decide(claims: &mut [Claim], subjects: &Subjects, context: &Context) -> Vec<Finding> {
    let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    let mut findings = Vec::new();
    for (index, claim) in claims.iter().enumerate() {
        // A claim that contradicts itself is a finding of its own, compared with nothing.
        if let Value::WeekdayDate { written, date } = &claim.value {
            findings.push(Finding {
                rule: claim.rule,
                verdict: Verdict::InternalConflict,
                subject: claim.subject,
                attribute: claim.attribute.clone(),
                primary: index,
                related: Vec::new(),
                detail: Detail::WeekdayMismatch {
                    written: *written,
                    date: *date,
                },
            });
        }
    }
    for (index, key) in group_keys(claims, context).into_iter().enumerate() {
        if let Some(key) = key {
            groups.entry(key).or_default().push(index);
        }
    }
    let earlier = earlier_reports(claims);
    let mut corroborated = vec![false; claims.len()];
    for ((subject, _, _), members) in &groups {
        let sources: BTreeSet<usize> = members.iter().map(|&i| claims[i].doc).collect();
        if sources.len() > 1 {
            for &i in members {
                corroborated[i] = true;
            }
        }
        if let Some(finding) = judge_group(claims, members, *subject, &earlier, context) {
            findings.push(finding);
        }
    }
    for link in &subjects.links {
        let lowest = (link.a, Attribute::new(""), Slot::Any);
        for ((subject, attribute, slot), members) in groups.range(lowest..) {
            if *subject != link.a {
                break;
            }
            let Some(others) = groups.get(&(link.b, attribute.clone(), slot.clone())) else {
                continue;
            };
            if let Some(finding) = judge_link(claims, members, others, link, context) {
                findings.push(finding);
            }
        }
    }
    sort(&mut findings, &subjects.subjects);
    for (claim, corroborated) in claims.iter_mut().zip(corroborated) {
        claim.unverified = !corroborated;
    }
    findings
}

/// The report's order of findings: by verdict, subject, attribute, then cited claims.
pub fn sort(findings: &mut [Finding], subjects: &[Subject]) {
    findings.sort_by_cached_key(|f| {
        (
            f.verdict,
            f.subject_label(subjects).into_owned(),
            f.attribute.clone(),
            f.primary,
            f.related.clone(),
        )
    });
}

/// The first claim of each distinct value (canonical text) among `members`.
fn distinct(claims: &[Claim], members: &[usize]) -> Vec<usize> {
    let mut seen = HashSet::new();
    members
        .iter()
        .copied()
        .filter(|&i| seen.insert(claims[i].text.as_str()))
        .collect()
}

/// The classes of mutually agreeing values, in order of first claim. Claims with the same
/// canonical text are one value, so the cost grows with the number of distinct values, not
/// of claims (a figure repeated by 500 outlets is compared once).
fn classes(claims: &[Claim], members: &[usize], context: &Context) -> Vec<Vec<usize>> {
    let mut distinct: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for &index in members {
        let text = claims[index].text.as_str();
        match position.get(text) {
            Some(&at) => distinct[at].1.push(index),
            None => {
                position.insert(text, distinct.len());
                distinct.push((index, vec![index]));
            }
        }
    }
    // Each class keeps its distinct values' representatives and all their claims.
    let mut classes: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (representative, all) in distinct {
        let claim = &claims[representative];
        let rule = &context.rules.rules[claim.rule];
        let found = classes.iter_mut().find(|(representatives, _)| {
            representatives.iter().all(|&other| {
                agree(
                    &claim.value,
                    &claims[other].value,
                    rule,
                    &context.rules.lexicon,
                    &context.thresholds,
                )
            })
        });
        match found {
            Some((representatives, members)) => {
                representatives.push(representative);
                members.extend(all);
            }
            None => classes.push((vec![representative], all)),
        }
    }
    classes
        .into_iter()
        .map(|(_, mut members)| {
            members.sort_unstable();
            members
        })
        .collect()
}

/// The claims of a class by what decides a verdict besides the value — the time and
/// whether a year was assumed — with one claim per key, and another from a second document
/// where there is one: every cross-document pair of times is then compared once, however
/// many claims share it.
fn time_keys(claims: &[Claim], class: &[usize]) -> Vec<(usize, Option<usize>)> {
    let mut index: HashMap<(TimeScope, bool), usize> = HashMap::new();
    let mut keys: Vec<(usize, Option<usize>)> = Vec::new();
    for &i in class {
        let claim = &claims[i];
        let year_assumed = matches!(&claim.value, Value::Date(d) if d.year_assumed);
        match index.get(&(claim.time, year_assumed)) {
            Some(&at) => {
                let (first, second) = &mut keys[at];
                if second.is_none() && claims[*first].doc != claim.doc {
                    *second = Some(i);
                }
            }
            None => {
                index.insert((claim.time, year_assumed), keys.len());
                keys.push((i, None));
            }
        }
    }
    keys
}

/// The most serious verdict between two classes of values.
fn classes_verdict(
    claims: &[Claim],
    left: &[usize],
    right: &[usize],
    rule: &Rule,
    earlier: &EarlierReports,
    context: &Context,
) -> Verdict {
    let docs = |class: &[usize]| class.iter().map(|&i| claims[i].doc).collect::<HashSet<_>>();
    let (left_docs, right_docs) = (docs(left), docs(right));
    if let Some(trusted) = context.trusted {
        // A fact against a source is a conflict, whatever the time.
        if left_docs.contains(&trusted) || right_docs.contains(&trusted) {
            return Verdict::Conflict;
        }
    }
    let mut worst = if left_docs.is_disjoint(&right_docs) {
        Verdict::Agreement
    } else {
        Verdict::InternalConflict
    };
    let right_keys = time_keys(claims, right);
    for (a1, a2) in time_keys(claims, left) {
        for &(b1, b2) in &right_keys {
            if worst == Verdict::Conflict {
                return worst;
            }
            let cross = [(Some(a1), Some(b1)), (Some(a1), b2), (a2, Some(b1))]
                .into_iter()
                .find_map(|pair| match pair {
                    (Some(a), Some(b)) if claims[a].doc != claims[b].doc => Some((a, b)),
                    _ => None,
                });
            if let Some((a, b)) = cross {
                let (x, y) = (&claims[a], &claims[b]);
                let verdict = if grew(x, y, &context.rules.lexicon) {
                    Verdict::Changed
                } else if reported_earlier(claims, x, earlier)
                    != reported_earlier(claims, y, earlier)
                {
                    // One of the two is the value a source gives as an earlier report,
                    // which the other may have replaced.
                    match pair_verdict(x, y, rule) {
                        Verdict::Conflict => Verdict::PossibleConflict,
                        verdict => verdict,
                    }
                } else {
                    pair_verdict(x, y, rule)
                };
                worst = worst.min(verdict);
            }
        }
    }
    worst
}

fn judge_group(
    claims: &[Claim],
    members: &[usize],
    subject: usize,
    earlier: &EarlierReports,
    context: &Context,
) -> Option<Finding> {
    if members.len() < 2 {
        return None;
    }
    let first = &claims[members[0]];
    let rule = &context.rules.rules[first.rule];
    let classes = classes(claims, members, context);
    let verdict = if classes.len() == 1 {
        let one_source = members.iter().all(|&i| claims[i].doc == first.doc);
        // One source repeating itself word for word corroborates nothing.
        if one_source {
            let surfaces: BTreeSet<String> = members
                .iter()
                .map(|&i| fold(&claims[i].located.written))
                .collect();
            if surfaces.len() < 2 {
                return None;
            }
        }
        Verdict::Agreement
    } else {
        let mut worst = Verdict::Agreement;
        // Conflict is the most serious verdict: once found, nothing can change the outcome.
        'pairs: for (i, class) in classes.iter().enumerate() {
            for other in &classes[i + 1..] {
                worst = worst.min(classes_verdict(
                    claims, class, other, rule, earlier, context,
                ));
                if worst == Verdict::Conflict {
                    break 'pairs;
                }
            }
        }
        worst
    };
    let classes = class_numbers(members, &classes);
    Some(finding(
        claims,
        members,
        verdict,
        subject,
        Detail::Values { classes },
    ))
}

/// Whether two figures of a measure that only grows ("deaths") are one figure as it grew:
/// the later report, by publication date, gives the higher one ("5 dead" on Tuesday, "24
/// dead" on Wednesday). An undated report tells no order.
fn grew(a: &Claim, b: &Claim, lexicon: &crate::rules::Lexicon) -> bool {
    let (Value::Figure(x), Value::Figure(y)) = (&a.value, &b.value) else {
        return false;
    };
    let dated = |claim: &Claim| claim.time.date.filter(|_| !claim.time.assumed);
    let (Some(da), Some(db)) = (dated(a), dated(b)) else {
        return false;
    };
    if da == db || a.doc == b.doc || !lexicon.measures.grows(a.attribute.as_str()) {
        return false;
    }
    let (earlier, later) = if da < db { (x, y) } else { (y, x) };
    later.amount.low >= earlier.amount.high
}

/// The verdict between two claims whose values disagree.
fn pair_verdict(a: &Claim, b: &Claim, rule: &Rule) -> Verdict {
    if a.doc == b.doc {
        return Verdict::InternalConflict;
    }
    if rule.time_varying {
        if let (Some(da), Some(db)) = (a.time.date, b.time.date) {
            if (da - db).num_days().unsigned_abs() > u64::from(rule.period_days) {
                return Verdict::Changed;
            }
        }
    }
    let assumed_year = |claim: &Claim| matches!(&claim.value, Value::Date(d) if d.year_assumed);
    let undated = |claim: &Claim| claim.time.assumed || claim.time.date.is_none();
    if assumed_year(a) || assumed_year(b) || (rule.time_varying && (undated(a) || undated(b))) {
        return Verdict::PossibleConflict;
    }
    Verdict::Conflict
}

/// Claims of two subjects that may be one: a possible conflict where their values differ.
fn judge_link(
    claims: &[Claim],
    left: &[usize],
    others: &[usize],
    link: &Link,
    context: &Context,
) -> Option<Finding> {
    let first = &claims[left[0]];
    let rule = &context.rules.rules[first.rule];
    // Distinct values only: a figure repeated by many sources is compared once.
    let right = distinct(claims, others);
    let left_values = distinct(claims, left);
    let agrees = |a: usize, b: usize| {
        agree(
            &claims[a].value,
            &claims[b].value,
            rule,
            &context.rules.lexicon,
            &context.thresholds,
        )
    };
    // A value one subject gives that one of the other's agrees with adds nothing: where a
    // subject's values differ among themselves, its own finding says so, and the possible
    // conflict would repeat it.
    let unmatched = |values: &[usize], against: &[usize]| {
        values
            .iter()
            .any(|&a| against.iter().all(|&b| !agrees(a, b)))
    };
    if !unmatched(&right, &left_values) && !unmatched(&left_values, &right) {
        return None;
    }
    // The claims whose value one of the other subject's differs from: a claim that agrees
    // with all of them is the other subject's too, and its own finding cites it.
    let differs = |i: usize, against: &[usize]| against.iter().any(|&b| !agrees(i, b));
    let mut members: Vec<usize> = left
        .iter()
        .copied()
        .filter(|&i| differs(i, &right))
        .chain(others.iter().copied().filter(|&i| differs(i, &left_values)))
        .collect();
    members.sort_unstable();
    let classes = classes(claims, &members, context);
    let classes = class_numbers(&members, &classes);
    let detail = Detail::Linked {
        other: link.b,
        reason: link.reason.clone(),
        classes,
    };
    Some(finding(
        claims,
        &members,
        Verdict::PossibleConflict,
        link.a,
        detail,
    ))
}

/// The class of each of `members` (sorted), classes numbered in order: the class of a
/// finding's values as its message lists them.
fn class_numbers(members: &[usize], classes: &[Vec<usize>]) -> Vec<u32> {
    let mut numbers = vec![0; members.len()];
    for (number, class) in classes.iter().enumerate() {
        for claim in class {
            if let Ok(at) = members.binary_search(claim) {
                numbers[at] = u32::try_from(number).unwrap_or(u32::MAX);
            }
        }
    }
    numbers
}

/// A finding on `members` (in claim order): the first is its primary claim.
fn finding(
    claims: &[Claim],
    members: &[usize],
    verdict: Verdict,
    subject: usize,
    detail: Detail,
) -> Finding {
    let first = &claims[members[0]];
    Finding {
        rule: first.rule,
        verdict,
        subject,
        attribute: first.attribute.clone(),
        primary: members[0],
        related: members[1..].to_vec(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claim::{SubjectRef, TimeScope};

    fn title_claim(doc: usize, published: Option<&str>, assumed: bool) -> Claim {
        Claim {
            doc,
            rule: 0,
            subject: 0,
            named: SubjectRef::Person {
                name: "Aleksandar Vucic".into(),
                key: "aleksandar vucic".into(),
            },
            attribute: Attribute::new("title"),
            value: Value::Name("x".into()),
            text: "x".into(),
            span: 0..1,
            sentence: 0..1,
            time: TimeScope {
                date: published.map(|d| d.parse().unwrap()),
                assumed,
            },
            located: Default::default(),
            unverified: false,
        }
    }

    fn title_rule() -> Rule {
        let rules = RuleSet::builtin_for_tests();
        rules.rule("person-title").unwrap().clone()
    }

    #[test]
    fn titles_a_period_apart_changed() {
        let rule = title_rule();
        let (a, b) = (
            title_claim(0, Some("2016-05-30"), false),
            title_claim(1, Some("2026-05-29"), false),
        );
        assert_eq!(pair_verdict(&a, &b, &rule), Verdict::Changed);
    }

    #[test]
    fn titles_of_one_period_conflict() {
        let rule = title_rule();
        let (a, b) = (
            title_claim(0, Some("2026-01-10"), false),
            title_claim(1, Some("2026-05-29"), false),
        );
        assert_eq!(pair_verdict(&a, &b, &rule), Verdict::Conflict);
    }

    #[test]
    fn a_title_of_an_undated_source_possibly_conflicts() {
        let rule = title_rule();
        let (a, b) = (
            title_claim(0, Some("2026-05-29"), true),
            title_claim(1, Some("2026-05-29"), false),
        );
        assert_eq!(pair_verdict(&a, &b, &rule), Verdict::PossibleConflict);
    }

    #[test]
    fn one_source_against_itself_is_an_internal_conflict_whatever_the_time() {
        let rule = title_rule();
        let (a, b) = (
            title_claim(0, Some("2016-05-30"), false),
            title_claim(0, Some("2026-05-29"), false),
        );
        assert_eq!(pair_verdict(&a, &b, &rule), Verdict::InternalConflict);
    }
}
