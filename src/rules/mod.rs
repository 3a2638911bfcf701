//! Rules: loading rule files, checking them (file:line:col on every error), merging their
//! lexicons and compiling each rule's patterns with the placeholders expanded.

pub mod lexicon;
pub mod measures;
pub mod model;

use crate::model::claim::Attribute;
use crate::model::error::{Error, Location};
use crate::model::report::RuleInfo;
use crate::normalize::units::{Unit, Units};
use crate::text::pattern::LazyRegex;
pub use lexicon::Lexicon;
pub use model::{Check, ExampleSpec, Severity, SubjectKind, ValueKind};
use model::{LexiconSpec, RuleFile, RuleSpec};
use std::collections::HashMap;

/// The rule files shipped with claimcheck, compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/lexicon.toml",
        include_str!("../../rules/lexicon.toml"),
    ),
    ("rules/people.toml", include_str!("../../rules/people.toml")),
    ("rules/events.toml", include_str!("../../rules/events.toml")),
    ("rules/dates.toml", include_str!("../../rules/dates.toml")),
    (
        "rules/measures.toml",
        include_str!("../../rules/measures.toml"),
    ),
];

/// The lazy DFA cache of each rule pattern (per thread).
const RULE_DFA_CACHE_BYTES: usize = 64 << 20;

/// One pattern of a rule.
#[derive(Debug, Clone)]
pub struct RulePattern {
    /// Compiled when first used (see [`LazyRegex`]).
    pub regex: LazyRegex,
    /// Whether it reads a date (`{DATE}`), and so runs on the sentence with its dates
    /// marked ([`crate::normalize::date::mark_dates`]).
    pub reads_dates: bool,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub file: String,
    pub description: String,
    pub message: String,
    pub severity: Severity,
    pub attribute: RuleAttribute,
    pub value: ValueKind,
    pub subject: SubjectKind,
    pub patterns: Vec<RulePattern>,
    /// What a sentence must contain before the patterns run on it.
    pub requires: Option<LazyRegex>,
    /// The cross-document check a check rule runs (it has no patterns).
    pub check: Option<Check>,
    pub time_varying: bool,
    pub period_days: u32,
    pub tolerance: f64,
    pub approx_tolerance: f64,
    pub examples: Vec<(Location, ExampleSpec)>,
    /// Each counterexample's documents (one for a pattern rule).
    pub counterexamples: Vec<(Location, Vec<String>)>,
}

/// All rules and the merged lexicon.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub lexicon: Lexicon,
    /// What the claims extracted with these rules depend on: the rule files' texts, the
    /// rules kept, and the version of claimcheck that reads with them (hex). A claim shard
    /// records it, and is read only by the same rule set.
    pub fingerprint: String,
}

/// The attribute a rule's claims set.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleAttribute {
    /// The same attribute for every claim ("title").
    Fixed(Attribute),
    /// A count's: the class of what it counts ("troops", "countries"), written
    /// `attribute = "{unit}"`.
    CountedUnit,
    /// A figure's: what it measures ("deaths", "magnitude"), written `attribute =
    /// "{measure}"`.
    Measure,
}

impl RuleAttribute {
    /// The attribute as the rule file writes it.
    pub fn name(&self) -> &str {
        match self {
            RuleAttribute::Fixed(attribute) => attribute.as_str(),
            RuleAttribute::CountedUnit => COUNTED_UNIT,
            RuleAttribute::Measure => MEASURE,
        }
    }
}

/// How a count rule says that its claims' attribute is the class of what they count.
const COUNTED_UNIT: &str = "{unit}";
/// How a figure rule says that its claims' attribute is what they measure.
const MEASURE: &str = "{measure}";

impl Rule {
    /// What a report says about the rule.
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.clone(),
            file: self.file.clone(),
            description: self.description.clone(),
            message: self.message.clone(),
            severity: self.severity,
            time_varying: self.time_varying,
        }
    }

    /// Whether the rule's claims can set `attribute`: its own, or for a count rule the
    /// class of a unit the lexicon counts in.
    pub fn sets(&self, attribute: &str, lexicon: &Lexicon) -> bool {
        match &self.attribute {
            RuleAttribute::Fixed(own) => own.as_str() == attribute,
            RuleAttribute::CountedUnit => {
                lexicon.unit_of(attribute).map(Attribute::as_str) == Some(attribute)
            }
            // A measure the lexicon names (a counted noun of a text has no fixed spelling
            // a facts file could rely on).
            RuleAttribute::Measure => lexicon.measures.is_measure(attribute),
        }
    }
}

impl RuleSet {
    /// The rules shipped with claimcheck.
    ///
    /// # Errors
    /// Only if a shipped rule file is broken, which the test suite rules out.
    pub fn builtin() -> Result<RuleSet, Error> {
        let sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect();
        RuleSet::from_sources(&sources)
    }

    /// The shipped rules, compiled once for all unit tests.
    #[cfg(test)]
    pub(crate) fn builtin_for_tests() -> &'static RuleSet {
        use std::sync::LazyLock;
        static RULES: LazyLock<RuleSet> =
            LazyLock::new(|| RuleSet::builtin().expect("shipped rules compile"));
        &RULES
    }

    /// The shipped rules plus every `*.toml` file in each of `dirs` (sorted by name).
    ///
    /// # Errors
    /// A folder or file that cannot be read or any error of [`RuleSet::from_sources`].
    pub fn builtin_with_dirs(dirs: &[std::path::PathBuf]) -> Result<RuleSet, Error> {
        let mut sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect();
        for dir in dirs {
            let entries = std::fs::read_dir(dir).map_err(|e| Error::Input {
                path: dir.display().to_string(),
                message: format!("cannot read rule directory: {e}"),
            })?;
            let mut paths: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Input {
                    path: path.display().to_string(),
                    message: format!("cannot read rule file: {e}"),
                })?;
                sources.push((path.display().to_string(), text));
            }
        }
        RuleSet::from_sources(&sources)
    }

    /// Keeps the rules `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let before = self.rules.len();
        self.rules.retain(|rule| keep(&rule.id));
        if self.rules.len() != before {
            let kept: Vec<&str> = self.rules.iter().map(|rule| rule.id.as_str()).collect();
            self.fingerprint = fingerprint([self.fingerprint.as_str(), &kept.join(",")]);
        }
    }

    /// Parses and compiles rule files given as (path, text).
    ///
    /// # Errors
    /// Malformed TOML, unknown keys, missing fields, duplicate ids, unknown placeholders,
    /// invalid regexes and missing named groups, each with file:line:col and the rule id.
    pub fn from_sources(sources: &[(String, String)]) -> Result<RuleSet, Error> {
        RuleSet::compile_sources(sources, false)
    }

    /// [`RuleSet::from_sources`]; with `eager`, the shipped files' patterns too are compiled
    /// at once (else only added files' are, to report their errors where they are written:
    /// the tests compile the shipped ones).
    fn compile_sources(sources: &[(String, String)], eager: bool) -> Result<RuleSet, Error> {
        let mut files = Vec::new();
        let mut lexicon_spec = LexiconSpec::default();
        let mut units: Vec<Unit> = Vec::new();
        // Where each added unit is written: (file, text, offset of its table).
        let mut unit_places: Vec<(&str, &str, usize)> = Vec::new();
        for (path, text) in sources {
            let file: RuleFile = toml::from_str(text).map_err(|e| Error::Rule {
                location: Location::in_text(path, text, e.span().map_or(0, |s| s.start)),
                message: e.message().trim_end().to_string(),
            })?;
            merge_lexicon(&mut lexicon_spec, &file.lexicon);
            for unit in &file.unit {
                units.push(unit.get_ref().clone());
                unit_places.push((path, text, unit.span().start));
            }
            files.push((path, text, file));
        }
        let units = Units::with_added(&units).map_err(|(index, message)| {
            let (path, text, at) = unit_places[index];
            Error::Rule {
                location: Location::in_text(path, text, at),
                message,
            }
        })?;
        let lexicon = Lexicon::new(lexicon_spec, units);
        let mut rules = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for (path, text, file) in files {
            for spec in file.rule {
                let at = |offset: usize| Location::in_text(path, text, offset);
                let id = spec.id.get_ref().clone();
                if let Some(first) = seen.insert(id.clone(), at(spec.id.span().start).to_string()) {
                    return Err(Error::Rule {
                        location: at(spec.id.span().start),
                        message: format!("duplicate rule id `{id}` (first defined at {first})"),
                    });
                }
                if !is_kebab_case(&id) {
                    return Err(Error::Rule {
                        location: at(spec.id.span().start),
                        message: format!("rule id `{id}` must be kebab-case (a-z, 0-9, -)"),
                    });
                }
                let shipped = BUILTIN.iter().any(|(p, t)| p == path && t == text);
                rules.push(compile_rule(spec, path, text, &lexicon, eager || !shipped)?);
            }
        }
        let texts = sources
            .iter()
            .flat_map(|(path, text)| [path.as_str(), text.as_str()]);
        let fingerprint = fingerprint(
            [env!("CARGO_PKG_VERSION"), crate::normalize::units::SOURCE]
                .into_iter()
                .chain(texts),
        );
        Ok(RuleSet {
            rules,
            lexicon,
            fingerprint,
        })
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The first 16 bytes of the SHA-256 of `parts` (each length-prefixed), in hex.
fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize()[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn merge_lexicon(into: &mut LexiconSpec, from: &LexiconSpec) {
    into.title_heads.extend(from.title_heads.iter().cloned());
    into.title_modifiers
        .extend(from.title_modifiers.iter().cloned());
    into.title_past_markers
        .extend(from.title_past_markers.iter().cloned());
    into.ranks.extend(from.ranks.iter().cloned());
    into.exclusive_titles
        .extend(from.exclusive_titles.iter().cloned());
    into.honorifics.extend(from.honorifics.iter().cloned());
    into.abbreviations
        .extend(from.abbreviations.iter().cloned());
    for (lists, from) in [
        (&mut into.count_units, &from.count_units),
        (&mut into.event_classes, &from.event_classes),
        (&mut into.title_synonyms, &from.title_synonyms),
        (&mut into.aliases, &from.aliases),
        (&mut into.parties, &from.parties),
        (&mut into.members, &from.members),
    ] {
        for (name, words) in from {
            lists
                .entry(name.clone())
                .or_default()
                .extend(words.iter().cloned());
        }
    }
    into.event_scope_words
        .extend(from.event_scope_words.iter().cloned());
    for (place, within) in &from.place_within {
        into.place_within.insert(place.clone(), within.clone());
    }
    into.event_future_markers
        .extend(from.event_future_markers.iter().cloned());
    into.shared_scope_words
        .extend(from.shared_scope_words.iter().cloned());
    into.story_stopwords
        .extend(from.story_stopwords.iter().cloned());
    into.not_name_words
        .extend(from.not_name_words.iter().cloned());
    into.not_party_bodies
        .extend(from.not_party_bodies.iter().cloned());
    for (name, measure) in &from.measures {
        let into = into.measures.entry(name.clone()).or_default();
        into.words.extend(measure.words.iter().cloned());
        into.kinds.extend(measure.kinds.iter().copied());
        into.grows |= measure.grows;
    }
    for (into, from) in [
        (&mut into.counted_people, &from.counted_people),
        (&mut into.figure_scope_words, &from.figure_scope_words),
        (&mut into.figure_function_words, &from.figure_function_words),
        (&mut into.figure_name_words, &from.figure_name_words),
        (&mut into.figure_stamp_words, &from.figure_stamp_words),
        (&mut into.figure_part_words, &from.figure_part_words),
        (
            &mut into.figure_increment_words,
            &from.figure_increment_words,
        ),
        (&mut into.figure_change_words, &from.figure_change_words),
        (&mut into.figure_earlier_words, &from.figure_earlier_words),
        (&mut into.figure_wide_words, &from.figure_wide_words),
        (&mut into.figure_degree_words, &from.figure_degree_words),
        (&mut into.figure_place_words, &from.figure_place_words),
    ] {
        into.extend(from.iter().cloned());
    }
}

/// The part of a regex error worth showing: the last line of a syntax error.
fn regex_detail(error: regex::Error) -> String {
    match error {
        regex::Error::Syntax(s) => s.lines().last().unwrap_or_default().to_string(),
        other => other.to_string(),
    }
}

/// Compiles one rule; its patterns at once when `eager` (so that a bad one is an error at
/// its place), else when first used.
fn compile_rule(
    spec: RuleSpec,
    path: &str,
    text: &str,
    lexicon: &Lexicon,
    eager: bool,
) -> Result<Rule, Error> {
    let id = spec.id.get_ref().clone();
    let rule_error = |offset: usize, message: String| Error::Rule {
        location: Location::in_text(path, text, offset),
        message: format!("rule `{id}`: {message}"),
    };
    match (spec.check, spec.patterns.is_empty()) {
        (None, true) if spec.value == ValueKind::Figure => {}
        (None, false) if spec.value == ValueKind::Figure => return Err(rule_error(
            spec.patterns[0].span().start,
            "a `figure` rule takes no patterns (figures are read from the lexicon's `measures`)"
                .into(),
        )),
        (None, true) => {
            return Err(rule_error(
                spec.id.span().start,
                "has no patterns (and is no `check` rule)".into(),
            ))
        }
        (Some(_), false) => {
            return Err(rule_error(
                spec.patterns[0].span().start,
                "a `check` rule takes no patterns".into(),
            ))
        }
        _ => {}
    }
    let requires = match &spec.requires {
        Some(pattern) => {
            let offset = pattern.span().start;
            let expanded = lexicon
                .expand(pattern.get_ref())
                .map_err(|m| rule_error(offset, m))?;
            if eager {
                Some(LazyRegex::checked(&expanded, None).map_err(|e| {
                    rule_error(
                        offset,
                        format!("invalid `requires` pattern: {}", regex_detail(e)),
                    )
                })?)
            } else {
                Some(LazyRegex::new(&expanded, None))
            }
        }
        None => None,
    };
    let mut patterns = Vec::new();
    for pattern in &spec.patterns {
        let offset = pattern.span().start;
        let (expanded, reads_dates) = lexicon
            .expand_rule_pattern(pattern.get_ref())
            .map_err(|m| rule_error(offset, m))?;
        // Patterns embed large alternations (every date form, every title): a lazy DFA
        // cache larger than the default keeps them from being rebuilt sentence after
        // sentence.
        if !eager {
            patterns.push(RulePattern {
                regex: LazyRegex::new(&expanded, Some(RULE_DFA_CACHE_BYTES)),
                reads_dates,
            });
            continue;
        }
        let regex = LazyRegex::checked(&expanded, Some(RULE_DFA_CACHE_BYTES))
            .map_err(|e| rule_error(offset, format!("invalid pattern: {}", regex_detail(e))))?;
        let names: Vec<&str> = regex.capture_names().flatten().collect();
        let mut required = vec!["value"];
        if spec.subject == SubjectKind::Person {
            required.push("subject");
        }
        if spec.value == ValueKind::Count {
            required.push("unit");
        }
        for group in required {
            if !names.contains(&group) {
                return Err(rule_error(
                    offset,
                    format!("pattern has no `(?P<{group}>...)` group"),
                ));
            }
        }
        patterns.push(RulePattern { regex, reads_dates });
    }
    let attribute = match (spec.attribute.as_str(), spec.value) {
        (COUNTED_UNIT, ValueKind::Count) => RuleAttribute::CountedUnit,
        (MEASURE, ValueKind::Figure) => RuleAttribute::Measure,
        (_, ValueKind::Figure) => {
            return Err(rule_error(
                spec.id.span().start,
                format!("a `figure` rule's attribute is `{MEASURE}`"),
            ))
        }
        (MEASURE, _) => {
            return Err(rule_error(
                spec.id.span().start,
                format!("attribute `{MEASURE}` is for figure rules only"),
            ))
        }
        (COUNTED_UNIT, _) => {
            return Err(rule_error(
                spec.id.span().start,
                format!("attribute `{COUNTED_UNIT}` is for count rules only"),
            ))
        }
        (name, _) => RuleAttribute::Fixed(Attribute::new(name)),
    };
    for (name, value) in [
        ("tolerance", spec.tolerance),
        ("approx-tolerance", spec.approx_tolerance),
    ] {
        if !(0.0..=1.0).contains(&value) {
            return Err(rule_error(
                spec.id.span().start,
                format!("`{name}` must be between 0 and 1, not {value}"),
            ));
        }
    }
    Ok(Rule {
        id,
        file: path.to_string(),
        description: spec.description,
        message: spec.message,
        severity: spec.severity,
        attribute,
        value: spec.value,
        subject: spec.subject,
        patterns,
        requires,
        check: spec.check,
        time_varying: spec.time_varying,
        period_days: spec.period_days,
        tolerance: spec.tolerance,
        approx_tolerance: spec.approx_tolerance,
        examples: spec
            .examples
            .into_iter()
            .map(|e| {
                (
                    Location::in_text(path, text, e.span().start),
                    e.into_inner(),
                )
            })
            .collect(),
        counterexamples: spec
            .counterexamples
            .into_iter()
            .map(|c| {
                (
                    Location::in_text(path, text, c.span().start),
                    c.into_inner().into_documents(),
                )
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<(String, String)> {
        BUILTIN
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    #[test]
    fn every_shipped_pattern_compiles_with_its_groups() {
        RuleSet::compile_sources(&shipped(), true).expect("the shipped patterns compile");
    }

    #[test]
    fn shipped_patterns_wait_to_be_used_and_added_ones_compile_at_once() {
        let rules = RuleSet::from_sources(&shipped()).unwrap();
        let compiled = |rules: &RuleSet| {
            rules
                .rules
                .iter()
                .flat_map(|rule| rule.patterns.iter().map(|p| &p.regex).chain(&rule.requires))
                .filter(|pattern| pattern.is_compiled())
                .count()
        };
        assert_eq!(compiled(&rules), 0);
        let mut sources = shipped();
        sources.push((
            "extra.toml".into(),
            "[[rule]]\nid = \"extra\"\ndescription = \"d\"\nmessage = \"m\"\nseverity = \"info\"\n\
             attribute = \"place\"\nvalue = \"place\"\nsubject = \"event\"\n\
             patterns = ['''held in (?P<value>{PLACE})''']\n"
                .into(),
        ));
        assert_eq!(compiled(&RuleSet::from_sources(&sources).unwrap()), 1);
    }
}
