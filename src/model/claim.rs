//! Claims: what one sentence of one source says about one subject, with its provenance.

use crate::model::value::Value;
use chrono::NaiveDate;
use std::ops::Range;
use std::sync::Arc;

/// What a claim is about, as the document names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SubjectRef {
    /// A person: the name as written (titles removed) and its comparison key.
    Person { name: String, key: String },
    /// An event: its class ("exercise") and, if the document names it, its name.
    Event { class: String, name: Option<String> },
    /// A date, as written.
    Date { text: String },
}

impl SubjectRef {
    /// How the subject reads in a report.
    pub fn display(&self) -> String {
        match self {
            SubjectRef::Person { name, .. } => name.clone(),
            SubjectRef::Event {
                name: Some(name), ..
            } => name.clone(),
            SubjectRef::Event { class, name: None } => format!("the {class}"),
            SubjectRef::Date { text } => text.clone(),
        }
    }
}

/// The time a claim speaks for: its document's publication date, or for an undated
/// document the corpus's latest date, marked as assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeScope {
    pub date: Option<NaiveDate>,
    pub assumed: bool,
}

impl TimeScope {
    /// "2016-05-30", "2026-05-29 (assumed)", "undated".
    pub fn describe(&self) -> String {
        match (self.date, self.assumed) {
            (Some(date), false) => date.format("%Y-%m-%d").to_string(),
            (Some(date), true) => format!("undated, read as {}", date.format("%Y-%m-%d")),
            (None, _) => "undated".to_string(),
        }
    }
}

/// Where a claim stands and what it quotes, as a report shows them: worked out while its
/// document's text is at hand, so that the text can be let go once the document is read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Located {
    /// 1-based line and column (in characters) of the value.
    pub line: usize,
    pub column: usize,
    /// The sentence, white space collapsed; one copy for every claim of the sentence (and
    /// its event mention).
    pub quote: Arc<str>,
    /// The value as written, white space collapsed.
    pub written: String,
    /// For a person claim: line and column of the name in the sentence, where it is written
    /// out.
    pub name: Option<(usize, usize)>,
}

impl Located {
    /// Locates the claims and event mentions of the document `text`, in one pass over it.
    pub fn fill(text: &str, claims: &mut [Claim], mentions: &mut [EventMention]) {
        // Where a person's name is written in the claim's sentence.
        let names: Vec<Option<usize>> = claims
            .iter()
            .map(|claim| match &claim.subject {
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
        let mut claim_places = crate::model::error::locate_all(text, &offsets);
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
}

/// `text` with every run of white space made one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the source document.
    pub doc: usize,
    /// Index of the rule in the rule set.
    pub rule: usize,
    pub subject: SubjectRef,
    pub attribute: String,
    pub value: Value,
    /// Canonical text of the value ("~600 troops").
    pub text: String,
    /// Byte span of the value in the document.
    pub span: Range<usize>,
    /// Byte span of the sentence the claim is in.
    pub sentence: Range<usize>,
    pub time: TimeScope,
    /// Line, column and quote, for the report.
    pub located: Located,
}

/// A sentence's mention of an event (its trigger word), with the parties the sentence and
/// its document's headline name: what events a source reports at all, for checks that
/// ask whether an event was really the first of its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    pub doc: usize,
    pub class: String,
    /// Folded scope words just before the trigger ("joint").
    pub scope: Vec<String>,
    /// Canonical parties (with the organisations they are members of).
    pub parties: Parties,
    /// Byte span of the trigger word in the document.
    pub trigger: Range<usize>,
    pub sentence: Range<usize>,
    /// The sentence as written, for dating the mention if a check needs to.
    pub text: Arc<str>,
    /// Line and column of the trigger word.
    pub line: usize,
    pub column: usize,
    /// Written "the exercise" (or "this drill"): the document's own event, unless named.
    pub definite: bool,
    pub time: TimeScope,
}

/// A set of canonical party names, in order, each a copy of the lexicon's shared name: an
/// event mention holds a few pointers, not a tree of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties(Box<[Arc<str>]>);

impl Parties {
    pub fn contains(&self, party: &str) -> bool {
        self.0.binary_search_by(|p| (**p).cmp(party)).is_ok()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|p| &**p)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parties of both sets.
    pub fn union(&self, other: &Parties) -> Parties {
        Parties::from(
            self.0
                .iter()
                .chain(other.0.iter())
                .cloned()
                .collect::<Vec<_>>(),
        )
    }
}

impl From<Vec<Arc<str>>> for Parties {
    fn from(mut parties: Vec<Arc<str>>) -> Parties {
        parties.sort_unstable();
        parties.dedup();
        Parties(parties.into_boxed_slice())
    }
}

impl FromIterator<Arc<str>> for Parties {
    fn from_iter<I: IntoIterator<Item = Arc<str>>>(parties: I) -> Parties {
        Parties::from(parties.into_iter().collect::<Vec<_>>())
    }
}
