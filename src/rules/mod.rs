//! Rules: loading rule files, checking them (file:line:col on every error), merging their
//! lexicons and compiling each rule's patterns with the placeholders expanded.

pub mod model;

use crate::model::claim::Parties;
use crate::model::error::{Error, Location};
use crate::normalize::{date, duration, number};
use crate::text::fold::fold;
pub use model::{Check, ExampleSpec, Severity, SubjectKind, ValueKind};
use model::{LexiconSpec, RuleFile, RuleSpec};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::LazyLock;

/// The rule files shipped with claimcheck, compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/lexicon.toml",
        include_str!("../../rules/lexicon.toml"),
    ),
    ("rules/people.toml", include_str!("../../rules/people.toml")),
    ("rules/events.toml", include_str!("../../rules/events.toml")),
    ("rules/dates.toml", include_str!("../../rules/dates.toml")),
];

/// The lazy DFA cache of each rule pattern (per thread).
const RULE_DFA_CACHE_BYTES: usize = 64 << 20;

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub file: String,
    pub description: String,
    pub message: String,
    pub severity: Severity,
    pub attribute: String,
    pub value: ValueKind,
    pub subject: SubjectKind,
    pub patterns: Vec<Regex>,
    /// What a sentence must contain before the patterns run on it.
    pub requires: Option<Regex>,
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
}

impl Rule {
    /// The rule's message with `{subject}` and `{attribute}` filled in.
    pub fn message_for(&self, subject: &str, attribute: &str) -> String {
        self.message
            .replace("{subject}", subject)
            .replace("{attribute}", attribute)
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
        self.rules.retain(|rule| keep(&rule.id));
    }

    /// Parses and compiles rule files given as (path, text).
    ///
    /// # Errors
    /// Malformed TOML, unknown keys, missing fields, duplicate ids, unknown placeholders,
    /// invalid regexes and missing named groups, each with file:line:col and the rule id.
    pub fn from_sources(sources: &[(String, String)]) -> Result<RuleSet, Error> {
        let mut files = Vec::new();
        let mut lexicon_spec = LexiconSpec::default();
        for (path, text) in sources {
            let file: RuleFile = toml::from_str(text).map_err(|e| Error::Rule {
                location: Location::in_text(path, text, e.span().map_or(0, |s| s.start)),
                message: e.message().trim_end().to_string(),
            })?;
            merge_lexicon(&mut lexicon_spec, &file.lexicon);
            files.push((path, text, file));
        }
        let lexicon = Lexicon::new(lexicon_spec);
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
                rules.push(compile_rule(spec, path, text, &lexicon)?);
            }
        }
        Ok(RuleSet { rules, lexicon })
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
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
}

/// The part of a regex error worth showing: the last line of a syntax error.
fn regex_detail(error: regex::Error) -> String {
    match error {
        regex::Error::Syntax(s) => s.lines().last().unwrap_or_default().to_string(),
        other => other.to_string(),
    }
}

fn compile_rule(spec: RuleSpec, path: &str, text: &str, lexicon: &Lexicon) -> Result<Rule, Error> {
    let id = spec.id.get_ref().clone();
    let rule_error = |offset: usize, message: String| Error::Rule {
        location: Location::in_text(path, text, offset),
        message: format!("rule `{id}`: {message}"),
    };
    match (spec.check, spec.patterns.is_empty()) {
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
            Some(crate::text::pattern::compile(&expanded).map_err(|e| {
                rule_error(
                    offset,
                    format!("invalid `requires` pattern: {}", regex_detail(e)),
                )
            })?)
        }
        None => None,
    };
    let mut patterns = Vec::new();
    for pattern in &spec.patterns {
        let offset = pattern.span().start;
        let expanded = lexicon
            .expand(pattern.get_ref())
            .map_err(|m| rule_error(offset, m))?;
        // Patterns embed large alternations (every date form, every title): a lazy DFA
        // cache larger than the default keeps them from being rebuilt sentence after
        // sentence.
        let regex = crate::text::pattern::builder(&expanded)
            .dfa_size_limit(RULE_DFA_CACHE_BYTES)
            .build()
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
        patterns.push(regex);
    }
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
        attribute: spec.attribute,
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

/// A personal name: capitalised words, possibly with middle initials and hyphens.
pub const PERSON: &str = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?(?:\s+\p{Lu}\.)*(?:\s+\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?){0,2}";
/// A proper name of an event or organisation: capitalised words, possibly ending in a year.
pub const NAME: &str = r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|\d{2,4}\b))*";
/// A place name: one to four capitalised words.
pub const PLACE: &str = r"\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,3}";
/// The words a title's qualifier is made of: "Political Affairs and Security Policy".
/// Lazy, so that a name after the title stays a name: "... for Partnerships Kevin Hamilton".
const QUALIFIER: &str = r"(?:the\s+)?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:and|of|the|for|&|on)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)*?";
/// An organisation or nationality before a title: "NATO", "U.S.", "Serbian".
const TITLE_PREFIX: &str =
    r"(?:\p{Lu}{2,}\b|\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\p{Ll}+(?:an|ese|ish|ch|i)\b)";

/// The merged word lists and the regex fragments built from them.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub spec: LexiconSpec,
    fragments: BTreeMap<&'static str, String>,
    unit_of: HashMap<String, String>,
    class_of: HashMap<String, String>,
    role_slot: HashMap<String, String>,
    head_spelling: HashMap<String, String>,
    within: HashMap<String, String>,
    /// Heads and ranks as (spelling, folded), longest first.
    role_heads: Vec<(String, String)>,
    /// Folded modifiers ("deputy").
    modifiers: HashSet<String>,
    /// Folded words of heads, ranks, modifiers and honorifics: none starts a name.
    title_words: HashSet<String>,
    /// Folded way of writing an office → the folded canonical one.
    role_synonym: HashMap<String, String>,
    /// Folded other name of a country or organisation → its canonical name.
    alias_of: HashMap<String, String>,
    /// Folded name, alias or word of a party → its canonical name, one shared copy of it
    /// that every event mention naming the party holds.
    party_of: HashMap<String, Arc<str>>,
    /// Every party name and alias as written (case matters: "US" is not "us").
    party_names: Regex,
    /// Canonical party → the organisations it is a member of.
    member_of: HashMap<Arc<str>, Vec<Arc<str>>>,
    /// Folded scope words ("joint"), and those any event of two or more parties has.
    scope: HashSet<String>,
    shared_scope: HashSet<String>,
    /// Folded words that make an event mention one still to come ("plans").
    future_markers: HashSet<String>,
}

impl Lexicon {
    fn new(spec: LexiconSpec) -> Lexicon {
        // Every way of writing an office is a head too.
        let heads: Vec<String> = spec
            .title_heads
            .iter()
            .chain(spec.ranks.iter())
            .chain(
                spec.title_synonyms
                    .iter()
                    .flat_map(|(office, others)| std::iter::once(office).chain(others)),
            )
            .cloned()
            .collect();
        let title = format!(
            r"(?:{TITLE_PREFIX}\s+)?(?:\b(?i:{mods})\s+)*\b(?i:{heads})\b(?:\s+(?:for|of)\s+{QUALIFIER})?",
            mods = alternation(&spec.title_modifiers),
            heads = alternation(&heads),
        );
        let mut fragments = BTreeMap::new();
        fragments.insert("PERSON", PERSON.to_string());
        fragments.insert("NAME", NAME.to_string());
        fragments.insert("PLACE", PLACE.to_string());
        fragments.insert("TITLE", title);
        fragments.insert("RANK", format!(r"(?i:{})\b", alternation(&spec.ranks)));
        fragments.insert("TITLE_HEAD", format!(r"\b(?i:{})\b", alternation(&heads)));
        fragments.insert("WEEKDAY", date::WEEKDAY.to_string());
        fragments.insert(
            "PAST",
            format!(r"(?i:{})\b", alternation(&spec.title_past_markers)),
        );
        fragments.insert("DATE", date::DATE.clone());
        fragments.insert("WEEKDAY_DATE", date::WEEKDAY_DATE.clone());
        fragments.insert("DURATION", duration::DURATION.clone());
        fragments.insert("COUNT", number::AMOUNT.clone());
        fragments.insert(
            "QUANTITY",
            crate::normalize::units::Units::builtin().quantity_fragment(),
        );
        fragments.insert("NUMBER", number::NUMBER.to_string());
        fragments.insert("ORDINAL", number::ORDINAL.to_string());
        let units: Vec<String> = spec.count_units.values().flatten().cloned().collect();
        fragments.insert("COUNT_UNIT", format!(r"\b(?i:{})\b", alternation(&units)));
        let triggers: Vec<String> = spec.event_classes.values().flatten().cloned().collect();
        fragments.insert("EVENT", format!(r"\b(?i:{})\b", alternation(&triggers)));
        fragments.insert(
            "SCOPE",
            format!(r"\b(?i:{})\b", alternation(&spec.event_scope_words)),
        );
        let unit_of = invert(&spec.count_units);
        let class_of = invert(&spec.event_classes);
        let mut role_slot = HashMap::new();
        for group in &spec.exclusive_titles {
            let slot = group
                .iter()
                .map(|r| fold(r))
                .collect::<Vec<_>>()
                .join(" | ");
            for role in group {
                role_slot.insert(fold(role), slot.clone());
            }
        }
        let head_spelling = heads
            .iter()
            .chain(spec.title_modifiers.iter())
            .map(|h| (fold(h), h.clone()))
            .collect();
        let within = spec
            .place_within
            .iter()
            .map(|(place, larger)| (fold(place), fold(larger)))
            .collect();
        let mut role_heads: Vec<(String, String)> =
            heads.iter().map(|h| (h.clone(), fold(h))).collect();
        role_heads.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        role_heads.dedup();
        let modifiers = spec.title_modifiers.iter().map(|m| fold(m)).collect();
        let title_words = heads
            .iter()
            .chain(&spec.title_modifiers)
            .chain(&spec.honorifics)
            .flat_map(|w| w.split_whitespace().map(fold).collect::<Vec<_>>())
            .collect();
        let alias_of = invert(&spec.aliases);
        // One shared copy of each canonical party or organisation name.
        let shared: HashMap<&str, Arc<str>> = spec
            .parties
            .keys()
            .chain(spec.aliases.keys())
            .chain(spec.members.keys())
            .map(|name| (name.as_str(), Arc::from(name.as_str())))
            .collect();
        let party_of: HashMap<String, Arc<str>> = invert(&spec.parties)
            .into_iter()
            .chain(alias_of.iter().map(|(k, v)| (k.clone(), v.clone())))
            .map(|(folded, canonical)| (folded, shared[canonical.as_str()].clone()))
            .collect();
        let names: Vec<String> = spec
            .parties
            .iter()
            .chain(&spec.aliases)
            .flat_map(|(party, words)| std::iter::once(party).chain(words))
            .cloned()
            .collect();
        let party_names = crate::text::pattern::compile(&format!(
            r"\b{{start-half}}(?:{})\b{{end-half}}",
            alternation(&names)
        ))
        .expect("escaped party names compile");
        let mut member_of: HashMap<Arc<str>, Vec<Arc<str>>> = HashMap::new();
        for (organisation, members) in &spec.members {
            for member in members {
                let member = party_of
                    .get(&fold(member))
                    .cloned()
                    .unwrap_or_else(|| Arc::from(member.as_str()));
                member_of
                    .entry(member)
                    .or_default()
                    .push(shared[organisation.as_str()].clone());
            }
        }
        let folded_set = |words: &[String]| words.iter().map(|w| fold(w)).collect();
        let scope = folded_set(&spec.event_scope_words);
        let shared_scope = folded_set(&spec.shared_scope_words);
        let future_markers = folded_set(&spec.event_future_markers);
        let role_synonym = invert(&spec.title_synonyms)
            .into_iter()
            .map(|(written, canonical)| (written, fold(&canonical)))
            .collect();
        Lexicon {
            role_synonym,
            alias_of,
            party_of,
            party_names,
            member_of,
            scope,
            shared_scope,
            future_markers,
            spec,
            fragments,
            unit_of,
            class_of,
            role_slot,
            head_spelling,
            within,
            role_heads,
            modifiers,
            title_words,
        }
    }

    /// Replaces `{NAME}` placeholders with their fragments; `{2,3}` stays a repetition.
    ///
    /// # Errors
    /// An unknown placeholder, with the list of known ones.
    pub fn expand(&self, pattern: &str) -> Result<String, String> {
        static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
            crate::text::pattern::compile(r"(\\[pP])?\{([A-Z][A-Z_]*)\}").unwrap()
        });
        let mut unknown = None;
        let expanded = PLACEHOLDER.replace_all(pattern, |caps: &regex::Captures| {
            if caps.get(1).is_some() {
                // `\p{L}` is a Unicode class, not a placeholder.
                return caps[0].to_string();
            }
            match self.fragments.get(&caps[2]) {
                Some(fragment) => format!("(?:{fragment})"),
                None => {
                    unknown.get_or_insert_with(|| caps[2].to_string());
                    String::new()
                }
            }
        });
        match unknown {
            Some(name) => Err(format!(
                "unknown placeholder {{{name}}}; known: {}",
                self.fragments
                    .keys()
                    .map(|k| format!("{{{k}}}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            None => Ok(expanded.into_owned()),
        }
    }

    /// The fragment behind a placeholder.
    pub fn fragment(&self, name: &str) -> Option<&str> {
        self.fragments.get(name).map(String::as_str)
    }

    /// The canonical unit of a counted noun ("soldiers" → "troops").
    pub fn unit_of(&self, noun: &str) -> Option<&str> {
        self.unit_of.get(&fold(noun)).map(String::as_str)
    }

    /// The event class of a trigger word ("drill" → "exercise").
    pub fn class_of(&self, trigger: &str) -> Option<&str> {
        self.class_of.get(&fold(trigger)).map(String::as_str)
    }

    /// The comparison key of a role: folded, and one spelling for every way of writing one
    /// office ("Defense Minister", "Minister of Defence").
    pub fn role_key(&self, role: &str) -> String {
        let folded = fold(role);
        self.role_synonym.get(&folded).cloned().unwrap_or(folded)
    }

    /// Which roles compete with `role` (folded): its exclusive set, or itself alone.
    pub fn role_slot(&self, role: &str) -> String {
        self.role_slot
            .get(role)
            .cloned()
            .unwrap_or_else(|| role.to_string())
    }

    /// Title heads and ranks as (spelling, folded), longest first.
    pub fn role_heads(&self) -> &[(String, String)] {
        &self.role_heads
    }

    /// Whether a folded word is a title modifier ("deputy").
    pub fn is_modifier(&self, folded: &str) -> bool {
        self.modifiers.contains(folded)
    }

    /// Whether a folded word belongs to a title, rank or honorific, so it starts no name.
    pub fn is_title_word(&self, folded: &str) -> bool {
        self.title_words.contains(folded)
    }

    /// The lexicon's spelling of a head or modifier, for canonical text.
    pub fn spelling<'a>(&'a self, word: &'a str) -> &'a str {
        self.head_spelling
            .get(&fold(word))
            .map_or(word, String::as_str)
    }

    /// The canonical name of a party named `name` in any of its forms ("Türkiye",
    /// "the Alliance", "Serbian"), if the lexicon knows it.
    pub fn party(&self, name: &str) -> Option<&str> {
        with_or_without_article(&self.party_of, &fold(name)).map(|p| &**p)
    }

    /// The canonical form of a folded name: the name its alias stands for ("turkiye" →
    /// "turkey"), else the name itself.
    pub fn unalias(&self, folded: &str) -> String {
        with_or_without_article(&self.alias_of, folded)
            .map_or_else(|| folded.to_string(), |c| fold(c))
    }

    /// The parties `text` names, with the organisations they are members of (an exercise
    /// "with US troops" may count as one with NATO).
    pub fn parties_in(&self, text: &str) -> Parties {
        let mut parties = Vec::new();
        for found in self.party_names.find_iter(text) {
            if let Some(party) = with_or_without_article(&self.party_of, &fold(found.as_str())) {
                if let Some(organisations) = self.member_of.get(party) {
                    parties.extend(organisations.iter().cloned());
                }
                parties.push(party.clone());
            }
        }
        Parties::from(parties)
    }

    /// Whether a folded word narrows what an event counts as ("joint", "naval").
    pub fn is_scope_word(&self, folded: &str) -> bool {
        self.scope.contains(folded)
    }

    /// Whether a folded scope word holds for any event of two or more parties ("joint").
    pub fn is_shared_scope(&self, folded: &str) -> bool {
        self.shared_scope.contains(folded)
    }

    /// Whether a folded word before an event's trigger makes it one still to come ("plans").
    pub fn is_future_marker(&self, folded: &str) -> bool {
        self.future_markers.contains(folded)
    }

    /// The places `place` (folded) lies in, nearest first.
    pub fn containers(&self, place: &str) -> Vec<String> {
        let mut chain = Vec::new();
        let mut current = place.to_string();
        while let Some(larger) = self.within.get(&current) {
            if chain.contains(larger) || *larger == place {
                break;
            }
            chain.push(larger.clone());
            current = larger.clone();
        }
        chain
    }
}

/// The entry for a folded name as written ("the alliance") or without its article.
fn with_or_without_article<'a, V>(map: &'a HashMap<String, V>, folded: &str) -> Option<&'a V> {
    map.get(folded)
        .or_else(|| map.get(folded.strip_prefix("the ")?))
}

fn invert(map: &BTreeMap<String, Vec<String>>) -> HashMap<String, String> {
    let mut inverted = HashMap::new();
    for (canonical, words) in map {
        inverted.insert(fold(canonical), canonical.clone());
        for word in words {
            inverted.insert(fold(word), canonical.clone());
        }
    }
    inverted
}

/// `a|b|c` of escaped words, longest first so that "Prime Minister" wins over "Minister";
/// inner spaces match any white space.
fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    if sorted.is_empty() {
        // Matches nothing, so a rule using an empty list simply never fires.
        return r"[^\s\S]".to_string();
    }
    sorted
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_are_found_by_alias_adjective_and_membership() {
        let rules = RuleSet::builtin_for_tests();
        let found = |text: &str| -> Vec<String> {
            rules
                .lexicon
                .parties_in(text)
                .iter()
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            found("Drills with the Alliance and the Serbian Armed Forces."),
            ["NATO", "Serbia"]
        );
        assert_eq!(
            found("U.S. troops trained in Türkiye."),
            ["NATO", "Turkey", "United States"]
        );
        // "us" is a pronoun, not a country.
        assert!(found("They told us about it.").is_empty());
    }

    #[test]
    fn aliases_name_one_thing_and_adjectives_only_stand_for_it() {
        let rules = RuleSet::builtin_for_tests();
        assert_eq!(rules.lexicon.unalias("turkiye"), "turkey");
        assert_eq!(rules.lexicon.unalias("the alliance"), "nato");
        // Belgrade stands for Serbia in prose, but as a place it is Belgrade.
        assert_eq!(rules.lexicon.unalias("belgrade"), "belgrade");
        assert_eq!(rules.lexicon.party("Belgrade"), Some("Serbia"));
    }
}
