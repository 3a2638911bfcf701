//! Stories: the documents that report one event. What each document offers for finding
//! its story (plain data, computed per document and storable with its claims), and the
//! stories a check found, with the evidence that put their documents together.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What one document offers for grouping documents into stories: its weighted terms and
/// the date it states for itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryFeatures {
    /// Terms and their weight in the document, sorted by term: content words (folded,
    /// crudely stemmed), named entities (`@` then the folded name), years (`#2013`) and
    /// the classes of event the lead speaks of (`!earthquake`).
    /// Words of the headline and lead weigh more than those of the body.
    pub terms: Vec<(String, f32)>,
    /// The publication date the document states (a header or its own dated lines); never
    /// a guessed one.
    pub date: Option<NaiveDate>,
    /// The year the document speaks for: its date's, else the latest year it names.
    pub year: Option<i32>,
    /// Event classes the headline and lead speak of, each with how often.
    pub classes: Vec<(String, u32)>,
    /// Places and parties the headline and lead name, each with how often.
    pub places: Vec<(String, u32)>,
    /// Named entities of the headline and lead as written, each with how often.
    pub names: Vec<(String, u32)>,
}

/// One story: the documents that report one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// "s1", "s2", … in order of the stories' first documents.
    pub id: String,
    /// What a reader recognises the event by: "earthquake, Aceh, 2013-07-02".
    pub label: String,
    /// The class of event the label opens with ("earthquake"), if it opens with one.
    pub class: Option<String>,
    /// The label without its class: where and when ("Aceh, 2013-07-02"); may be empty.
    pub setting: String,
    /// Indices of the documents, in document order.
    pub documents: Vec<usize>,
    /// Why the documents are together: for each document after the first, the earlier one
    /// it was found most alike (in order of the later document), for `--explain-groups`.
    pub joins: Vec<StoryJoin>,
}

/// Two documents of one story found alike.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryJoin {
    pub a: usize,
    pub b: usize,
    /// IDF-weighted cosine similarity of their terms.
    pub similarity: f64,
    /// The terms that weighed most in the similarity, heaviest first; none when `b` is a
    /// copy of `a`'s text.
    pub shared: Vec<String>,
}
