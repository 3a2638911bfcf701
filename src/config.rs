//! Configuration: `claimcheck.toml`, found by walking up from the working directory (or
//! named with `--config`). Layered: defaults, then the file, then the command line
//! ([`Config::layered`]). Every key is checked; an unknown one is an error with
//! file:line:column.
//!
//! ```toml
//! select = ["person-title", "event-date"]   # rules to run (default: all)
//! ignore = ["date-weekday"]                  # rules not to run
//! rules = ["rules-extra"]                    # more rule folders, relative to this file
//! format = "markdown"                        # default output format
//! fail-on = "warning"                        # error | warning | info | none
//!
//! [thresholds]
//! match = 0.9                                # similarity at which names are the same
//! suggest = 0.75                             # similarity at which they may be
//! event-window-days = 60                     # unnamed events this close are one
//! story-match = 0.12                         # similarity at which documents are one story
//! story-window-days = 30                     # documents dated further apart never are
//! ```

use crate::model::error::{Error, Location};
use crate::model::finding::Severity;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "claimcheck.toml";

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    #[default]
    Table,
    Markdown,
    Json,
    Jsonl,
    Github,
    Sarif,
    /// One self-contained page, for reading and reviewing in a browser.
    Html,
}

/// The width of a table when none is known: neither the terminal's nor `COLUMNS`.
pub const DEFAULT_WIDTH: usize = 100;

/// The narrowest table laid out; a smaller width is taken as this.
pub const MIN_WIDTH: usize = 40;

/// The width a table fits: the one asked for (`--width`), else the terminal's (when the
/// table goes to one), else `COLUMNS`, else [`DEFAULT_WIDTH`]; never below [`MIN_WIDTH`].
pub fn table_width(asked: Option<usize>, terminal: Option<usize>, columns: Option<&str>) -> usize {
    let from_env = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    asked
        .or(terminal)
        .or(from_env)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

/// Which conflicts fail a run: those of rules at this severity or above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    /// No finding fails a run.
    None,
}

/// The names of an enum's values as the configuration and the command line write them.
macro_rules! named {
    ($type:ty { $($value:ident = $name:literal),* $(,)? }) => {
        impl $type {
            pub const ALL: &'static [$type] = &[$(<$type>::$value),*];

            pub fn name(self) -> &'static str {
                match self {
                    $(<$type>::$value => $name),*
                }
            }
        }

        impl std::str::FromStr for $type {
            type Err = String;

            fn from_str(text: &str) -> Result<$type, String> {
                <$type>::ALL
                    .iter()
                    .copied()
                    .find(|value| value.name().eq_ignore_ascii_case(text))
                    .ok_or_else(|| {
                        let names: Vec<&str> = <$type>::ALL.iter().map(|v| v.name()).collect();
                        format!("`{text}` is none of {}", names.join(", "))
                    })
            }
        }
    };
}

named!(Format { Table = "table", Markdown = "markdown", Json = "json", Jsonl = "jsonl", Github = "github", Sarif = "sarif", Html = "html" });
named!(FailOn { Error = "error", Warning = "warning", Info = "info", None = "none" });

impl FailOn {
    /// The lowest severity whose conflicts fail a run; `None` when none does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::None => None,
        }
    }
}

/// The configuration: the file's contents, every key optional; once layered, what is in
/// effect.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub thresholds: Thresholds,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Thresholds {
    /// Similarity at which two names are the same.
    #[serde(rename = "match")]
    pub matched: f64,
    /// Similarity at which two names may be the same.
    pub suggest: f64,
    /// Unnamed events of one class in documents this many days apart (or fewer) are one.
    pub event_window_days: i64,
    /// Average IDF-weighted similarity at which groups of documents are one story.
    pub story_match: f64,
    /// Documents dated further apart than this many days are never one story.
    pub story_window_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        let names = crate::text::fold::Thresholds::default();
        Thresholds {
            matched: names.matched,
            suggest: names.suggest,
            event_window_days: 60,
            story_match: 0.12,
            story_window_days: 30,
        }
    }
}

impl Thresholds {
    /// The similarity thresholds for names.
    pub fn names(&self) -> crate::text::fold::Thresholds {
        crate::text::fold::Thresholds {
            matched: self.matched,
            suggest: self.suggest,
        }
    }
}

/// What the command line sets on top of the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    pub format: Option<Format>,
    pub fail_on: Option<FailOn>,
    /// Rule folders added to the file's.
    pub rules: Vec<PathBuf>,
}

/// The nearest `claimcheck.toml` at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

impl Config {
    /// The configuration in effect: the defaults, then the file (`path`, else the nearest
    /// `claimcheck.toml` at or above `cwd`, if any), then the command line's `overlay`.
    /// Format and fail-on level are always set in the result.
    ///
    /// # Errors
    /// Any error of [`Config::read`].
    pub fn layered(path: Option<&Path>, cwd: &Path, overlay: Overlay) -> Result<Config, Error> {
        let file = match path.map(Path::to_path_buf).or_else(|| discover(cwd)) {
            Some(path) => Config::read(&path)?,
            None => Config::default(),
        };
        Ok(file.overlaid(overlay))
    }

    /// This configuration with the command line's settings on top, and the defaults where
    /// neither sets one.
    pub fn overlaid(mut self, overlay: Overlay) -> Config {
        self.format = Some(overlay.format.or(self.format).unwrap_or_default());
        self.fail_on = Some(overlay.fail_on.or(self.fail_on).unwrap_or_default());
        self.rules.extend(overlay.rules);
        self
    }

    /// Reads a configuration file; rule folders become relative to the file.
    ///
    /// # Errors
    /// Unreadable file, malformed TOML, unknown keys or values, thresholds out of range.
    pub fn read(path: &Path) -> Result<Config, Error> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::Input {
            path: display.clone(),
            message: format!("cannot read the configuration: {e}"),
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| Error::Rule {
            location: Location::in_text(&display, &text, e.span().map_or(0, |s| s.start)),
            message: e.message().trim_end().to_string(),
        })?;
        let t = &config.thresholds;
        if !(0.0..=1.0).contains(&t.matched)
            || !(0.0..=1.0).contains(&t.suggest)
            || t.suggest > t.matched
        {
            return Err(Error::Rule {
                location: Location {
                    path: display,
                    line: 1,
                    column: 1,
                },
                message: "thresholds: need 0 <= suggest <= match <= 1".into(),
            });
        }
        if !(0.0..=1.0).contains(&t.story_match) || t.story_window_days < 0 {
            return Err(Error::Rule {
                location: Location {
                    path: display,
                    line: 1,
                    column: 1,
                },
                message: "thresholds: need 0 <= story-match <= 1 and story-window-days >= 0".into(),
            });
        }
        let base = path.parent().unwrap_or(Path::new("."));
        config.rules = config.rules.iter().map(|r| base.join(r)).collect();
        Ok(config)
    }

    /// The configuration as TOML (for `--dump-config`).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("configuration serializes")
    }

    /// Whether a rule runs under `select` and `ignore`.
    pub fn selects(&self, rule: &str) -> bool {
        self.select
            .as_ref()
            .is_none_or(|s| s.iter().any(|r| r == rule))
            && !self.ignore.iter().any(|r| r == rule)
    }

    /// The output format in effect.
    pub fn format(&self) -> Format {
        self.format.unwrap_or_default()
    }

    /// The fail-on level in effect.
    pub fn fail_on(&self) -> FailOn {
        self.fail_on.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "select = [\"person-title\"]\nfromat = \"json\"\n").unwrap();
        let error = Config::read(&path).unwrap_err().to_string();
        assert!(error.contains("claimcheck.toml:2:1"), "{error}");
        assert!(error.contains("fromat"), "{error}");
    }

    #[test]
    fn an_unknown_format_is_an_error_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "format = \"yaml\"\n").unwrap();
        let error = Config::read(&path).unwrap_err().to_string();
        assert!(error.contains("claimcheck.toml:1:10"), "{error}");
    }

    #[test]
    fn discovery_walks_up_from_the_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join(FILE_NAME)));
    }

    #[test]
    fn the_command_line_outranks_the_file_and_the_file_the_defaults() {
        let file = Config {
            format: Some(Format::Markdown),
            rules: vec!["a".into()],
            ..Config::default()
        };
        let layered = file.clone().overlaid(Overlay {
            format: Some(Format::Json),
            rules: vec!["b".into()],
            ..Overlay::default()
        });
        assert_eq!(layered.format, Some(Format::Json));
        assert_eq!(
            layered.fail_on,
            Some(FailOn::Error),
            "the default, made explicit"
        );
        assert_eq!(layered.rules, vec![PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(file.overlaid(Overlay::default()).format(), Format::Markdown);
        let dumped = layered.to_toml();
        assert!(dumped.contains("format = \"json\""), "{dumped}");
    }

    #[test]
    fn selection_applies() {
        let config = Config {
            select: Some(vec!["a".into(), "b".into()]),
            ignore: vec!["b".into()],
            ..Config::default()
        };
        assert!(config.selects("a") && !config.selects("b") && !config.selects("c"));
        assert_eq!(config.thresholds.event_window_days, 60);
    }

    #[test]
    fn a_table_fits_the_asked_width_then_the_terminal_then_columns_then_100() {
        assert_eq!(table_width(Some(80), Some(120), Some("60")), 80);
        assert_eq!(table_width(None, Some(120), Some("60")), 120);
        assert_eq!(table_width(None, None, Some("60")), 60);
        assert_eq!(table_width(None, None, Some("wide")), DEFAULT_WIDTH);
        assert_eq!(table_width(None, None, None), DEFAULT_WIDTH);
        assert_eq!(table_width(Some(10), None, None), MIN_WIDTH);
    }

    #[test]
    fn names_read_in_any_case() {
        assert_eq!("SARIF".parse(), Ok(Format::Sarif));
        assert_eq!("html".parse(), Ok(Format::Html));
        assert_eq!("none".parse(), Ok(FailOn::None));
        assert!("yaml".parse::<Format>().is_err());
    }
}
