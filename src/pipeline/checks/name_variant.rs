//! `name-variant`: a person whose name sources spell differently beyond folding, each
//! spelling cited where it first appears.

use super::{check_attribute, Evidence};
use crate::model::claim::{Claim, Located, SubjectRef};
use crate::model::finding::Detail;
use crate::model::value::Value;
use crate::pipeline::subjects::Subjects;
use crate::pipeline::verdict::Context;

/// A `name-variant` finding for each person sources spell differently, citing each
/// spelling where it first appears.
pub(super) fn name_variants(
    claims: &[Claim],
    subjects: &Subjects,
    rule_index: usize,
    context: &Context,
    out: &mut Evidence,
) {
    let rule = &context.rules.rules[rule_index];
    let attribute = check_attribute(rule);
    for firsts in &subjects.variants {
        let subject = claims[firsts[0]].subject;
        let mut cited = Vec::new();
        for &index in firsts {
            let claim = &claims[index];
            let SubjectRef::Person { name, .. } = &claim.named else {
                continue;
            };
            // Cited where the sentence writes the name, else at the claim's own place.
            let (line, column) = claim
                .located
                .name
                .unwrap_or((claim.located.line, claim.located.column));
            let evidence = Claim {
                rule: rule_index,
                attribute: attribute.clone(),
                value: Value::Name(name.clone()),
                text: name.clone(),
                located: Located {
                    line,
                    column,
                    quote: claim.located.quote.clone(),
                    written: name.clone(),
                    name: None,
                },
                unverified: false,
                ..claim.clone()
            };
            cited.push(out.add(evidence));
        }
        out.possible_conflict(
            rule_index,
            subject,
            attribute.clone(),
            cited,
            Detail::NameVariant,
        );
    }
}
