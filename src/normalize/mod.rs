//! Normalizers: typed values from the surface forms of numbers, amounts, durations and
//! dates. Each kind offers a regex fragment without capture groups (for rule patterns) and a
//! parser for the text that fragment matched.

pub mod date;
pub mod digits;
pub mod duration;
pub mod number;
mod numerals;
pub mod qualifier;
pub mod scan;
pub mod tokens;
pub mod units;
