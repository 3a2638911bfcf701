//! Text helpers every floor may use: folding and similarity, and pattern compilation.

pub mod fold;
pub mod pattern;
