//! claimcheck: reads a corpus, extracts claims with rule files, matches claims about the
//! same subject across sources and reports agreements and conflicts.
//!
//! The crate is built in floors, each using only the floors below it (a test keeps the
//! order): `text` (folding, patterns) < `model` (claims, findings, the report: data only)
//! < `normalize` (reading numbers, amounts, durations, dates) < `rules` (rule files, the
//! lexicon) < `config` < `pipeline` (one module per stage) < `render` (a report in, bytes
//! out) < `output` (report files) < `store` (claim shards); this file is the API on top.
//!
//! ```no_run
//! let config = claimcheck::Config::default();
//! let rules = claimcheck::load_rules(&config).unwrap();
//! let report = claimcheck::check(&["corpus".into()], &rules, &claimcheck::CheckOptions::from(&config));
//! let table = claimcheck::render::table::Options::plain(100);
//! print!("{}", claimcheck::render::table::findings(&report, &table));
//! ```

pub mod config;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod store;
pub mod text;

// Older paths of the text helpers, kept while the callers move.
pub use text::{fold, pattern};

pub use config::{Config, FailOn, Format, Overlay};
pub use model::claim::{Attribute, Claim};
pub use model::error::Error;
pub use model::finding::{Detail, Finding, Severity, Verdict};
pub use model::report::{Outcome, Report, Source, Stats, Warning};
pub use pipeline::run::{
    check, check_documents, check_submission, check_with_facts, CheckOptions, Progress, Stage,
};
pub use pipeline::source::Document;
pub use rules::RuleSet;

/// The rules a configuration asks for: the shipped ones and those of its rule folders,
/// kept or left out as its `select` and `ignore` say. Added rules must pass their examples
/// and counterexamples first.
///
/// # Errors
/// A rule file that does not load, an added rule whose examples fail, or a rule id in
/// `select` or `ignore` that no rule has.
pub fn load_rules(config: &Config) -> Result<RuleSet, Error> {
    let mut rules = RuleSet::builtin_with_dirs(&config.rules)?;
    if !config.rules.is_empty() {
        pipeline::examples::verify_or_error(&rules)?;
    }
    for id in config.select.iter().flatten().chain(&config.ignore) {
        if rules.rule(id).is_none() {
            return Err(Error::Config(format!("no rule `{id}` to select or ignore")));
        }
    }
    rules.retain(|id| config.selects(id));
    Ok(rules)
}
