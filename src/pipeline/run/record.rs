//! The per-document stage's output: one record per document holding everything the
//! comparison across documents needs (its metadata, counts, claims, event mentions,
//! suppression directives and warnings). A run compares records made in memory; a claim
//! shard is these records serialized, one per line, so whatever a record gains reaches the
//! shards through its derived serialization.

use crate::model::claim::Claim;
use crate::model::mention::EventMention;
use crate::model::report::{Source, Warning};
use crate::model::story::StoryFeatures;
use crate::pipeline::extract::Extracted;
use crate::pipeline::filter::suppress::{self, Suppression};
use crate::pipeline::source::Document;
use chrono::NaiveDate;

/// One document, extracted.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentRecord {
    /// Path, source name, url, publication date; the text only where it is kept.
    pub document: Source,
    /// SHA-256 of the document's text (hex): with the path, what tells one version of a
    /// document from another.
    pub hash: String,
    pub bytes: usize,
    pub sentences: usize,
    /// For an undated document, the date its claims were read as of (the latest date of
    /// the documents extracted with it); a comparison whose latest date differs reads its
    /// text again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    pub claims: Vec<Claim>,
    pub mentions: Vec<EventMention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
    /// What tells which story the document belongs to.
    #[serde(default)]
    pub story: StoryFeatures,
}

/// The hex SHA-256 of a text.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl DocumentRecord {
    /// The record of `document` and what extraction gave; its text stays only when
    /// `keep_text`.
    pub fn new(
        document: Document,
        extracted: Extracted,
        warnings: Vec<Warning>,
        assumed: Option<NaiveDate>,
        keep_text: bool,
    ) -> DocumentRecord {
        let suppressions = suppress::directives(&document);
        let mut claims = extracted.claims;
        let mut mentions = extracted.mentions;
        claims.shrink_to_fit();
        mentions.shrink_to_fit();
        DocumentRecord {
            hash: content_hash(&document.text),
            bytes: document.text.len(),
            sentences: extracted.sentences.len(),
            assumed,
            warnings,
            claims,
            mentions,
            suppressions,
            story: extracted.story,
            document: Source {
                path: document.path,
                name: document.name,
                published: document.published,
                url: document.url,
                text: keep_text.then_some(document.text),
            },
        }
    }

    pub fn path(&self) -> &str {
        &self.document.path
    }
}
