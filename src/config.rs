//! Configuration: `claimcheck.toml`, found by walking up from the working directory (or
//! named with `--config`). Layered: defaults, then the file, then the command line. Every
//! key is checked; an unknown one is an error with file:line:column.
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
//! ```

use crate::model::error::{Error, Location};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "claimcheck.toml";

/// The configuration file's contents; every key optional.
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
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<String>,
    #[serde(default)]
    pub thresholds: Thresholds,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Thresholds {
    #[serde(rename = "match")]
    pub matched: f64,
    pub suggest: f64,
    pub event_window_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        let defaults = crate::pipeline::subjects::SubjectOptions::default();
        Thresholds {
            matched: defaults.thresholds.matched,
            suggest: defaults.thresholds.suggest,
            event_window_days: defaults.event_window_days,
        }
    }
}

/// The nearest `claimcheck.toml` at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

impl Config {
    /// Reads a configuration file; rule folders become relative to the file.
    ///
    /// # Errors
    /// Unreadable file, malformed TOML, unknown keys, thresholds out of range.
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

    pub fn subject_options(&self) -> crate::pipeline::subjects::SubjectOptions {
        crate::pipeline::subjects::SubjectOptions {
            thresholds: crate::text::fold::Thresholds {
                matched: self.thresholds.matched,
                suggest: self.thresholds.suggest,
            },
            event_window_days: self.thresholds.event_window_days,
        }
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
    fn discovery_walks_up_from_the_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join(FILE_NAME)));
    }

    #[test]
    fn selection_and_thresholds_apply() {
        let config = Config {
            select: Some(vec!["a".into(), "b".into()]),
            ignore: vec!["b".into()],
            ..Config::default()
        };
        assert!(config.selects("a") && !config.selects("b") && !config.selects("c"));
        assert_eq!(config.subject_options().event_window_days, 60);
    }
}
