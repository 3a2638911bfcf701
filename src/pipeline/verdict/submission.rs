//! A submission judged against a trusted corpus: each of the submission's claims is set
//! against the corpus's claims of the same subject, attribute and slot — against the facts
//! file's value where it gives one, else against the value most of the corpus's sources
//! give (every value tied for most, when none has more). Agreeing with that value is no
//! finding, however much the corpus disagrees with itself; agreeing only with a minority
//! of the corpus is a possible conflict; agreeing with no trusted claim is judged as two
//! sources are (a conflict, a change over time, a possible conflict). What the corpus says
//! only among itself is not the submission's business and gives no finding.

use super::{
    classes, classes_verdict, earlier_reports, group_keys, judge_group, Context, EarlierReports,
    GroupKey,
};
use crate::model::claim::Claim;
use crate::model::finding::{Detail, Finding, Verdict};
use crate::rules::Rule;
use std::collections::{BTreeMap, BTreeSet};

/// Replaces the findings on compared values with the submission's judgement: for every
/// group (subject, attribute, slot) with a claim of a `submitted` document (indexed by
/// document), one finding per class of the submission's agreeing values that the trusted
/// value does not hold; for a group only the submission speaks to, the verdict on its own
/// claims. Other findings (checks, weekday dates, subjects that may be one) are left as
/// they are.
pub fn judge_submission(
    claims: &[Claim],
    findings: &mut Vec<Finding>,
    submitted: &[bool],
    context: &Context,
) {
    findings.retain(|f| !matches!(f.detail, Detail::Values { .. }));
    let is_submitted = |claim: &Claim| submitted.get(claim.doc).copied().unwrap_or(false);
    let mut groups: BTreeMap<GroupKey, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (index, key) in group_keys(claims, context).into_iter().enumerate() {
        let Some(key) = key else {
            continue;
        };
        let (new, trusted) = groups.entry(key).or_default();
        if is_submitted(&claims[index]) {
            new.push(index);
        } else {
            trusted.push(index);
        }
    }
    let earlier = earlier_reports(claims);
    for ((subject, _, _), (new, trusted)) in &groups {
        if new.is_empty() {
            continue;
        }
        if trusted.is_empty() {
            findings.extend(judge_group(claims, new, *subject, &earlier, context));
            continue;
        }
        for own in classes(claims, new, context) {
            findings.extend(judge_class(
                claims, &own, trusted, *subject, &earlier, context,
            ));
        }
    }
}

/// The finding on one class of the submission's agreeing claims (`own`, in claim order)
/// against the trusted claims of its group, if it needs one.
fn judge_class(
    claims: &[Claim],
    own: &[usize],
    trusted: &[usize],
    subject: usize,
    earlier: &EarlierReports,
    context: &Context,
) -> Option<Finding> {
    let first = &claims[own[0]];
    let rule = &context.rules.rules[first.rule];
    // A value that varies over time is only set against what the corpus says of its time.
    let trusted: Vec<usize> = trusted
        .iter()
        .copied()
        .filter(|&i| same_period(first, &claims[i], rule))
        .collect();
    if trusted.is_empty() {
        return None;
    }
    let mut members: Vec<usize> = own.iter().chain(&trusted).copied().collect();
    members.sort_unstable();
    let joint = classes(claims, &members, context);
    let facts = context.trusted;
    let is_fact = |i: &usize| Some(claims[*i].doc) == facts;
    let weight = |class: &Vec<usize>| -> usize {
        let docs: BTreeSet<usize> = class
            .iter()
            .filter(|i| !own.contains(i))
            .map(|&i| claims[i].doc)
            .collect();
        docs.len()
    };
    // The trusted value: the facts file's, else the one most sources give.
    let accepted: Vec<&Vec<usize>> = if trusted.iter().any(is_fact) {
        joint.iter().filter(|c| c.iter().any(is_fact)).collect()
    } else {
        let most = joint.iter().map(weight).max().unwrap_or(0);
        joint.iter().filter(|c| weight(c) == most).collect()
    };
    let home = joint.iter().find(|c| c.contains(&own[0]))?;
    if accepted.iter().any(|c| std::ptr::eq(*c, home)) {
        return None;
    }
    let against: Vec<usize> = accepted.iter().flat_map(|c| c.iter().copied()).collect();
    let mut verdict = classes_verdict(claims, own, &against, rule, earlier, context);
    let support: Vec<usize> = home.iter().copied().filter(|i| !own.contains(i)).collect();
    if verdict == Verdict::Conflict && !support.is_empty() && !against.iter().any(is_fact) {
        // Some trusted sources say the same: the corpus itself is divided.
        verdict = Verdict::PossibleConflict;
    }
    if verdict == Verdict::Agreement {
        return None;
    }
    // The submission's claim first: that is where a tool shows the finding.
    let mut related: Vec<usize> = own[1..]
        .iter()
        .chain(&support)
        .chain(&against)
        .copied()
        .collect();
    related.sort_unstable();
    related.dedup();
    let cited: Vec<usize> = std::iter::once(own[0])
        .chain(related.iter().copied())
        .collect();
    let mut numbers: Vec<&Vec<usize>> = Vec::new();
    let classes = cited
        .iter()
        .map(|i| {
            let class = joint.iter().find(|c| c.contains(i)).unwrap_or(home);
            let at = numbers
                .iter()
                .position(|c| std::ptr::eq(*c, class))
                .unwrap_or_else(|| {
                    numbers.push(class);
                    numbers.len() - 1
                });
            u32::try_from(at).unwrap_or(u32::MAX)
        })
        .collect();
    Some(Finding {
        rule: first.rule,
        verdict,
        subject,
        attribute: first.attribute.clone(),
        primary: own[0],
        related,
        detail: Detail::Values { classes },
    })
}

/// Whether a trusted claim speaks for the time of the submission's: always, unless the
/// rule's values vary over time and both are dated more than a period apart.
fn same_period(own: &Claim, trusted: &Claim, rule: &Rule) -> bool {
    if !rule.time_varying {
        return true;
    }
    match (own.time.date, trusted.time.date) {
        (Some(a), Some(b)) => (a - b).num_days().unsigned_abs() <= u64::from(rule.period_days),
        _ => true,
    }
}
