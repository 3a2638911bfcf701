//! Text helpers every floor may use: folding and similarity, and pattern compilation.

pub mod fold;
pub mod pattern;

/// `text` with every run of white space made one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
