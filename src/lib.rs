//! claimcheck: reads a corpus, extracts claims with rule files, matches claims about the
//! same subject across sources and reports agreements and conflicts.

pub mod baseline;
pub mod boilerplate;
pub mod check;
pub mod checks;
pub mod claim;
pub mod config;
pub mod error;
pub mod examples;
pub mod extract;
pub mod facts;
pub mod finding;
pub mod generate;
pub mod model;
pub mod normalize;
pub mod output;
pub mod render;
pub mod rules;
pub mod segment;
pub mod source;
pub mod subject;
pub mod suppress;
pub mod text;
pub mod value;
pub mod verdict;

// Older paths of the text helpers, kept while the callers move.
pub use text::{fold, pattern};
