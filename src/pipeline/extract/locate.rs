//! Where a document's claims and event mentions stand (line and column) and what they
//! quote, worked out in one pass over its text while the text is at hand.

use crate::model::claim::{Claim, Located, SubjectRef};
use crate::model::mention::EventMention;
use crate::model::span::locate_all;
use crate::text::collapse_whitespace;
use std::ops::Range;
use std::sync::Arc;

/// Locates the claims and event mentions of the document `text`, in one pass over it.
pub fn locate(text: &str, claims: &mut [Claim], mentions: &mut [EventMention]) {
    // Where a person's name is written in the claim's sentence.
    let names: Vec<Option<usize>> = claims
        .iter()
        .map(|claim| match &claim.named {
            SubjectRef::Person { name, .. } => text[claim.sentence.clone()]
                .find(name.as_str())
                .map(|at| claim.sentence.start + at),
            _ => None,
        })
        .collect();
    let offsets: Vec<usize> = claims
        .iter()
        .map(|c| c.span.start)
        .chain(names.iter().flatten().copied())
        .chain(mentions.iter().map(|m| m.trigger.start))
        .collect();
    let mut claim_places = locate_all(text, &offsets);
    let mention_places = claim_places.split_off(offsets.len() - mentions.len());
    let mut name_places = claim_places.split_off(claims.len()).into_iter();
    // Claims of one sentence stand together: its quote is made once, and is the text its
    // event mention already holds where collapsing white space changes nothing.
    let mut quoted: Option<(Range<usize>, Arc<str>)> = None;
    for ((claim, (line, column)), name) in claims.iter_mut().zip(claim_places).zip(&names) {
        if quoted
            .as_ref()
            .is_none_or(|(span, _)| *span != claim.sentence)
        {
            let quote = collapse_whitespace(&text[claim.sentence.clone()]);
            let shared = mentions
                .iter()
                .find(|m| m.sentence == claim.sentence && *m.text == *quote)
                .map_or_else(|| Arc::from(quote), |m| m.text.clone());
            quoted = Some((claim.sentence.clone(), shared));
        }
        claim.located = Located {
            line,
            column,
            quote: quoted.as_ref().map(|(_, q)| q.clone()).unwrap_or_default(),
            written: collapse_whitespace(&text[claim.span.clone()]),
            name: name.and_then(|_| name_places.next()),
        };
    }
    for (mention, (line, column)) in mentions.iter_mut().zip(mention_places) {
        (mention.line, mention.column) = (line, column);
    }
}
