//! claimcheck: reads a corpus, extracts claims with rule files, matches claims about the
//! same subject across sources and reports agreements and conflicts.

pub mod config;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod text;

// Older paths of the text helpers, kept while the callers move.
pub use text::{fold, pattern};
