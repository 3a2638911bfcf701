//! The lexicon: the word lists of every rule file merged (titles, event classes, units,
//! places, parties, aliases...) and the regex fragments the rules' placeholders expand to.

use super::model::LexiconSpec;
use crate::model::claim::Attribute;
use crate::model::mention::Parties;
use crate::normalize::units::Units;
use crate::normalize::{date, duration, number};
use crate::text::fold::fold;
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

// A name, place or title may be wrapped across a line break inside a sentence; a headline
// and the line after it are two sentences (the segmenter's), so none runs from one into
// the other.

/// A personal name: capitalised words, possibly with middle initials and hyphens.
pub const PERSON: &str = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?(?:\s+\p{Lu}\.)*(?:\s+\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?){0,2}";
/// A proper name of an event or organisation: capitalised words, possibly ending in a year.
pub const NAME: &str = r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|\d{2,4}\b))*";
/// A place name: one to four capitalised words.
pub const PLACE: &str = r"\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,3}";
/// The words a title's qualifier is made of: "Political Affairs and Security Policy".
/// Lazy, so that a name after the title stays a name: "... for Partnerships Kevin Hamilton".
const QUALIFIER: &str = r"(?:the\s+)?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:and|of|the|for|&|on)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)*?";
/// An organisation or nationality before a title: "NATO", "U.S.", "Serbian", with the
/// compass word of a two-word one ("South Sudan", "North Korean"). An all-caps
/// word is an acronym of two to five letters, never the time of day ("10:30 PM President")
/// nor a longer capitalised word ("UPDATED", a dateline's "WASHINGTON").
const TITLE_PREFIX: &str = r"(?:\b(?:[\p{Lu}&&[^AP]]\p{Lu}{1,4}|[AP][\p{Lu}&&[^M]]\p{Lu}{0,3}|[AP]M\p{Lu}{1,3})\b|\p{Lu}\.(?:\p{Lu}\.)+|(?:\b(?:North|South|East|West|Central)\s+)?\p{Lu}\p{Ll}+(?:an|ese|ish|ch|i)\b)";

/// The merged word lists and the regex fragments built from them.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub spec: LexiconSpec,
    fragments: BTreeMap<&'static str, String>,
    /// Folded counted noun → the class it counts in, one shared copy per class.
    unit_of: HashMap<String, Attribute>,
    class_of: HashMap<String, String>,
    /// Folded role → the set of roles one person cannot hold at once it belongs to.
    exclusive_set: HashMap<String, usize>,
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
    /// Folded words no person's name holds ("committee", "thursday").
    not_name_words: HashSet<String>,
    /// Folded words of bodies that a party's name may open but that are no party
    /// ("survey", "institute").
    not_party_bodies: HashSet<String>,
    /// What figures measure, for the figure reader.
    pub measures: super::measures::Measures,
    /// The units quantities are read and converted in: the shipped ones and the rule
    /// files' `[[unit]]` tables.
    pub units: &'static Units,
}

/// How many capitalised words after a party's name may name a body it opens.
const BODY_WORDS: usize = 3;

impl Lexicon {
    pub(super) fn new(spec: LexiconSpec, units: &'static Units) -> Lexicon {
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
        fragments.insert("QUANTITY", units.quantity_fragment());
        fragments.insert("NUMBER", number::NUMBER.to_string());
        fragments.insert("ORDINAL", number::ORDINAL.to_string());
        let counted: Vec<String> = spec.count_units.values().flatten().cloned().collect();
        fragments.insert("COUNT_UNIT", format!(r"\b(?i:{})\b", alternation(&counted)));
        let triggers: Vec<String> = spec.event_classes.values().flatten().cloned().collect();
        fragments.insert("EVENT", format!(r"\b(?i:{})\b", alternation(&triggers)));
        fragments.insert(
            "SCOPE",
            format!(r"\b(?i:{})\b", alternation(&spec.event_scope_words)),
        );
        let unit_of = invert(&spec.count_units)
            .into_iter()
            .map(|(noun, class)| (noun, Attribute::new(&class)))
            .collect();
        let class_of = invert(&spec.event_classes);
        let mut exclusive_set = HashMap::new();
        for (index, group) in spec.exclusive_titles.iter().enumerate() {
            for role in group {
                exclusive_set.insert(fold(role), index);
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
        let not_name_words = folded_set(&spec.not_name_words);
        let not_party_bodies = folded_set(&spec.not_party_bodies);
        let role_synonym = invert(&spec.title_synonyms)
            .into_iter()
            .map(|(written, canonical)| (written, fold(&canonical)))
            .collect();
        Lexicon {
            units,
            measures: super::measures::Measures::new(&spec),
            role_synonym,
            alias_of,
            party_of,
            party_names,
            member_of,
            scope,
            shared_scope,
            future_markers,
            not_name_words,
            not_party_bodies,
            spec,
            fragments,
            unit_of,
            class_of,
            exclusive_set,
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
        self.expand_with(pattern, false)
            .map(|(expanded, _)| expanded)
    }

    /// Expands a rule pattern, run on a sentence whose dates are marked
    /// ([`date::mark_dates`]): `{DATE}` stands for one marked date. Says whether the pattern
    /// has one.
    ///
    /// # Errors
    /// As [`Lexicon::expand`].
    pub fn expand_rule_pattern(&self, pattern: &str) -> Result<(String, bool), String> {
        self.expand_with(pattern, true)
    }

    fn expand_with(&self, pattern: &str, dates_marked: bool) -> Result<(String, bool), String> {
        static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
            crate::text::pattern::compile(r"(\\[pP])?\{([A-Z][A-Z_]*)\}").unwrap()
        });
        let mut unknown = None;
        let mut reads_dates = false;
        let expanded = PLACEHOLDER.replace_all(pattern, |caps: &regex::Captures| {
            if caps.get(1).is_some() {
                // `\p{L}` is a Unicode class, not a placeholder.
                return caps[0].to_string();
            }
            if dates_marked && &caps[2] == "DATE" {
                reads_dates = true;
                return date::DATE_SLOT.to_string();
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
            None => Ok((expanded.into_owned(), reads_dates)),
        }
    }

    /// The fragment behind a placeholder.
    pub fn fragment(&self, name: &str) -> Option<&str> {
        self.fragments.get(name).map(String::as_str)
    }

    /// The class a counted noun counts in ("soldiers" → "troops").
    pub fn unit_of(&self, noun: &str) -> Option<&Attribute> {
        self.unit_of.get(&fold(noun))
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

    /// The set of roles one person cannot hold at once that `role` (folded) belongs to, as
    /// an index into the lexicon's `exclusive-titles`.
    pub fn exclusive_set(&self, role: &str) -> Option<usize> {
        self.exclusive_set.get(role).copied()
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
    /// Whether a folded word is one no person's name holds: an organisation's
    /// ("committee"), a day's or a month's.
    pub fn is_not_name_word(&self, folded: &str) -> bool {
        self.not_name_words.contains(folded)
    }

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
            if self.names_a_body(&text[found.end()..]) {
                continue;
            }
            if let Some(party) = with_or_without_article(&self.party_of, &fold(found.as_str())) {
                if let Some(organisations) = self.member_of.get(party) {
                    parties.extend(organisations.iter().cloned());
                }
                parties.push(party.clone());
            }
        }
        Parties::from(parties)
    }

    /// Whether the capitalised words right after a party's name (on its line) end in a
    /// body that is no party ("US Geological Survey": the survey reports, the United
    /// States is not a party to what it reports).
    fn names_a_body(&self, after: &str) -> bool {
        let mut words = Vec::new();
        for word in after.split([' ', '\t']).skip(1).take(BODY_WORDS) {
            if !word.starts_with(char::is_uppercase) {
                break;
            }
            words.push(fold(word));
        }
        words.iter().any(|w| self.not_party_bodies.contains(w))
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
    /// Whether a canonical party is an organisation of members (NATO).
    pub fn has_members(&self, party: &str) -> bool {
        self.spec.members.contains_key(party)
    }

    /// Whether `text` names the canonical party `party` itself (by one of its names or
    /// words), not only one of its members.
    pub fn mentions(&self, text: &str, party: &str) -> bool {
        self.party_names.find_iter(text).any(|found| {
            with_or_without_article(&self.party_of, &fold(found.as_str()))
                .is_some_and(|p| &**p == party)
        })
    }

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
    use crate::rules::RuleSet;

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
        // A body a party's name opens is no party; the party's army is.
        assert!(found("The quake was measured by the US Geological Survey.").is_empty());
        assert_eq!(
            found("US Army units and the Serbian Orthodox Church"),
            ["NATO", "United States"]
        );
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

    #[test]
    fn a_rule_pattern_holds_a_mark_for_its_date_not_the_date_grammar() {
        let lexicon = &RuleSet::builtin_for_tests().lexicon;
        let (expanded, reads_dates) = lexicon.expand_rule_pattern(r"on\s+{DATE}").unwrap();
        assert!(reads_dates);
        assert!(expanded.len() < 40, "{expanded}");
        let (_, reads_dates) = lexicon.expand_rule_pattern(r"{COUNT}\s+troops").unwrap();
        assert!(!reads_dates);
        // Elsewhere (a `requires` test) `{DATE}` is the grammar, run on the plain text.
        assert!(lexicon.expand(r"on\s+{DATE}").unwrap().len() > 1000);
    }
}
