//! Cross-document checks named by check rules: one person's name spelled two ways, and a
//! "first" event that another source dates an earlier one of. Their findings cite claims
//! the checks make from the text itself (the name as written, the earlier event's mention),
//! appended after the extracted claims.

mod earlier_event;
mod name_variant;

use crate::model::claim::{Attribute, Claim};
use crate::model::finding::{Detail, Finding, Verdict};
use crate::model::mention::EventMention;
use crate::pipeline::subjects::Subjects;
use crate::pipeline::verdict::Context;
use crate::rules::{Check, Rule, RuleAttribute};

/// Runs every check rule of the context's rule set. Returns the findings and the claims
/// they cite beyond `claims` (to be appended to them, in order); `subjects` learns the
/// subjects of those claims.
pub fn run(
    claims: &[Claim],
    mentions: &[EventMention],
    subjects: &mut Subjects,
    context: &Context,
) -> (Vec<Finding>, Vec<Claim>) {
    let mut out = Evidence {
        base: claims.len(),
        claims: Vec::new(),
        findings: Vec::new(),
    };
    for (index, rule) in context.rules.rules.iter().enumerate() {
        match rule.check {
            Some(Check::NameVariant) => {
                name_variant::name_variants(claims, &*subjects, index, context, &mut out);
            }
            Some(Check::EarlierEvent) => {
                earlier_event::earlier_events(claims, mentions, subjects, index, context, &mut out);
            }
            None => {}
        }
    }
    (out.findings, out.claims)
}

/// What the checks add to a run.
struct Evidence {
    /// The number of extracted claims: new claims are numbered after them.
    base: usize,
    claims: Vec<Claim>,
    findings: Vec<Finding>,
}

impl Evidence {
    /// A check's finding: possible only, since a check weighs likelihoods, not values.
    fn possible_conflict(
        &mut self,
        rule_index: usize,
        subject: usize,
        attribute: Attribute,
        cited: Vec<usize>,
        detail: Detail,
    ) {
        let Some((&primary, related)) = cited.split_first() else {
            return;
        };
        self.findings.push(Finding {
            rule: rule_index,
            verdict: Verdict::PossibleConflict,
            subject,
            attribute,
            primary,
            related: related.to_vec(),
            detail,
        });
    }

    /// Adds a claim the check makes; returns its index among all claims.
    fn add(&mut self, claim: Claim) -> usize {
        self.claims.push(claim);
        self.base + self.claims.len() - 1
    }
}

/// The attribute a check rule's findings and claims set: a check rule reads no counts.
fn check_attribute(rule: &Rule) -> Attribute {
    match &rule.attribute {
        RuleAttribute::Fixed(attribute) => attribute.clone(),
        RuleAttribute::CountedUnit | RuleAttribute::Measure => {
            Attribute::new(rule.attribute.name())
        }
    }
}
