//! Claims: what one sentence of one source says about one subject, with its provenance.
//! One type from extraction to rendering: the document, rule and subject are indices into
//! the report's lists, so a claim holds no copy of a path, a source name or a label.

use super::value::Value;
use chrono::NaiveDate;
use std::ops::Range;
use std::sync::Arc;

/// What a claim states about its subject: "title", "date", "duration", or for a count the
/// class of what is counted ("troops"). One shared copy per rule or unit, not per claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Attribute(Arc<str>);

impl Attribute {
    pub fn new(name: &str) -> Attribute {
        Attribute(Arc::from(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Attribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Attribute {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Attribute {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(deserializer)?;
        Ok(Attribute::new(&name))
    }
}

/// What a claim is about, as the document names it (before subjects are resolved across
/// documents).
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SubjectRef {
    /// A person: the name as written (titles removed) and its comparison key.
    Person { name: String, key: String },
    /// An event: its class ("exercise") and, if the document names it, its name.
    Event { class: String, name: Option<String> },
    /// A date, as written.
    Date { text: String },
}

impl SubjectRef {
    /// How the subject reads as one spelling of a subject: "Kevin Hamilton", "the exercise".
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct TimeScope {
    pub date: Option<NaiveDate>,
    pub assumed: bool,
}

/// Where a claim stands and what it quotes, as a report shows them: worked out while its
/// document's text is at hand, so that the text can be let go once the document is read.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
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

/// A claim's subject before subject resolution has numbered it.
pub const UNRESOLVED: usize = usize::MAX;

/// A claim's subject before resolution, as a claim shard reads it back.
fn unresolved() -> usize {
    UNRESOLVED
}

/// One claim. In a claim shard a claim stands inside its document's record, so the
/// numbers a run gives it (document, subject) and what the comparison decides are left out.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// Index of the source document in the report's sources.
    #[serde(skip)]
    pub doc: usize,
    /// Index of the rule in the rule set (and in the report's rules).
    pub rule: usize,
    /// Index of the subject in the report's subjects; [`UNRESOLVED`] until resolution.
    #[serde(skip, default = "unresolved")]
    pub subject: usize,
    /// The subject as the sentence names it.
    pub named: SubjectRef,
    pub attribute: Attribute,
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
    /// No other source speaks to this subject and attribute (decided with the verdicts).
    #[serde(skip)]
    pub unverified: bool,
}
