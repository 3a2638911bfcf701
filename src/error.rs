//! Errors and warnings, each carrying the file (and where known the line, column and rule)
//! it is about.

use std::fmt;

/// A fatal error: the run cannot produce a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule file is malformed or a rule is invalid.
    #[error("{location}: {message}")]
    Rule { location: Location, message: String },
    /// An input path given on the command line does not exist or cannot be read at all.
    #[error("{path}: {message}")]
    Input { path: String, message: String },
}

/// `path:line:column`, 1-based, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

impl Location {
    /// The 1-based line and column (in characters) of byte `offset` in `text`.
    pub fn in_text(path: &str, text: &str, offset: usize) -> Location {
        let (line, column) = line_column(text, offset);
        Location {
            path: path.to_string(),
            line,
            column,
        }
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// A problem with one input that the run survives: the rest of the corpus is still checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub path: String,
    pub message: String,
    /// The input could not be read at all (as opposed to read with a caveat).
    pub unreadable: bool,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
