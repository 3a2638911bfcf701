//! Fatal errors, each carrying the file (and where known the line, column and rule) it is
//! about.

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
    /// The configuration names something that does not exist.
    #[error("configuration: {0}")]
    Config(String),
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
        let (line, column) = super::span::line_column(text, offset);
        Location {
            path: path.to_string(),
            line,
            column,
        }
    }
}
