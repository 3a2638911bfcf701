//! Event mentions: where a sentence speaks of an event (its trigger word) and which parties
//! it names, for subject resolution and the checks that ask what events a source reports.

use super::claim::TimeScope;
use std::ops::Range;
use std::sync::Arc;

/// A sentence's mention of an event (its trigger word), with the parties the sentence and
/// its document's headline name: what events a source reports at all, for checks that
/// ask whether an event was really the first of its kind.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventMention {
    /// The document's number in a run (in a claim shard the mention stands in its record).
    #[serde(skip)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
