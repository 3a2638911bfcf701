//! Subjects: the people, events and dates claims are about once claims of all documents are
//! matched, the spellings merged into each and why, and the pairs that may be one.

use serde::Deserialize;

/// What kind of thing a subject (or a rule's claims) is about.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum SubjectKind {
    Person,
    Event,
    /// The date a claim states about itself ("Monday August 14, 1964").
    Date,
}

/// A subject: one person, event or date, as a report names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub label: String,
    pub kind: SubjectKind,
    /// How the subject's mentions were merged, for `--explain-groups`.
    pub members: Vec<Member>,
    /// For an event the texts report: what a reader's heading is made of.
    pub event: Option<EventSubject>,
}

/// What an event subject's heading is made of: its class, whether the texts name it, and
/// the story most of its claims come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventSubject {
    pub class: String,
    pub named: bool,
    /// The index of the story in the report's stories.
    pub story: Option<usize>,
    /// The parties that tell it from another unnamed event of its class in its story (a
    /// NATO–Serbia exercise beside a Russian–Belarusian drill of the same week); empty
    /// when it is the only one.
    pub apart: Vec<String>,
    /// For an earlier event its story's documents speak of (a background event), the year
    /// they date it to.
    pub background: Option<i32>,
}

/// One spelling merged into a subject, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub spelling: String,
    pub claims: usize,
    pub reason: MemberReason,
}

/// Why a spelling belongs to its subject.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberReason {
    /// The same name once case and diacritics are folded.
    SameName,
    /// A surname alone, and `full` the only full name with it.
    OnlyFullName { full: String },
    /// A surname alone spelled close to the surname of `full`, the only such full name.
    CloseSurname { full: String, similarity: f64 },
    /// A full name spelled close to `to`.
    CloseSpelling { to: String, similarity: f64 },
    /// The same event name.
    SameEventName,
    /// An unnamed event of `class` in the documents of one story.
    UnnamedInStory { class: String },
    /// The same text (dates).
    SameText,
    /// An earlier event a source reports, known only from that report.
    EarlierEvent,
    /// The name in a text without a claim: how often, and the first place (document and
    /// line).
    NameInText {
        count: usize,
        doc: usize,
        line: usize,
    },
}

/// Two subjects that may be the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub reason: LinkReason,
}

/// Why two subjects may be one.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkReason {
    /// Similar names (folded comparison keys) that were not merged.
    SimilarNames {
        a: String,
        b: String,
        similarity: f64,
    },
    /// An unnamed event of `class` at the time of a named one.
    UnnamedAtTimeOfNamed { class: String },
}
