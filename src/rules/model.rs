//! The rule-file format as written in `rules/*.toml`: what a file may contain, with every
//! key checked (unknown keys are errors).

pub use crate::model::finding::Severity;
pub use crate::model::subject::SubjectKind;
use crate::normalize::units::Unit;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One rule file: rules and lexicon entries (word lists the placeholders are built from).
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    #[serde(default)]
    pub lexicon: LexiconSpec,
    /// Units of measurement beside the shipped ones (`rules/units.toml` has the form).
    #[serde(default)]
    pub unit: Vec<Spanned<Unit>>,
}

/// One rule as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSpec {
    /// Stable kebab-case identifier, unique across all rule files.
    pub id: Spanned<String>,
    /// What the rule does and why, for `--explain` and the README.
    pub description: String,
    /// The finding's message; `{subject}` and `{attribute}` are filled in.
    pub message: String,
    #[serde(default)]
    pub severity: Severity,
    /// The attribute its claims set ("title", "date", "duration", ...); for a count rule
    /// `"{unit}"`, the class of what is counted ("troops", "countries").
    pub attribute: String,
    /// The type of value its `value` group holds.
    pub value: ValueKind,
    /// What its claims are about.
    pub subject: SubjectKind,
    /// Regexes with placeholders (`{PERSON}`, `{DATE}`, ...) and named groups: `value`
    /// always; `subject` for person rules; `unit`, `near`, `scope` where the value needs them.
    /// A check rule has none.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// A cheap pattern (placeholders allowed) a sentence must match before the rule's
    /// patterns run on it: "{TITLE_HEAD}" for titles. Only for speed: it must match
    /// wherever a pattern can.
    pub requires: Option<Spanned<String>>,
    /// A rule that compares what several documents say instead of reading claims from
    /// text: its findings come from the named check, its examples are sets of documents.
    pub check: Option<Check>,
    /// Values may change over time (a person's title): differences between periods are
    /// `changed`, not `conflict`.
    #[serde(default)]
    pub time_varying: bool,
    /// How far apart (in days) two publication dates may be and still be the same period.
    #[serde(default = "default_period_days")]
    pub period_days: u32,
    /// Relative tolerance for numbers, applied to every value.
    #[serde(default)]
    pub tolerance: f64,
    /// Extra relative tolerance for approximate values ("about 600").
    #[serde(default = "default_approx_tolerance")]
    pub approx_tolerance: f64,
    /// Texts that must yield a claim of this rule, run by the test suite and at load.
    #[serde(default)]
    pub examples: Vec<Spanned<ExampleSpec>>,
    /// Texts that must yield no claim of this rule (for a check rule: sets of documents
    /// that must yield no finding of it).
    #[serde(default)]
    pub counterexamples: Vec<Spanned<Counterexample>>,
}

/// The cross-document checks a rule can name.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// One person's name spelled differently beyond folding ("Wikoff" / "Wyckoff").
    NameVariant,
    /// A "first" claim about an event against an earlier event of its kind.
    EarlierEvent,
}

/// A counterexample: one text, or (for a check rule) several documents.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum Counterexample {
    Text(String),
    Documents(Vec<String>),
}

impl Counterexample {
    pub fn into_documents(self) -> Vec<String> {
        match self {
            Counterexample::Text(text) => vec![text],
            Counterexample::Documents(documents) => documents,
        }
    }
}

fn default_period_days() -> u32 {
    365
}

fn default_approx_tolerance() -> f64 {
    0.1
}

/// A text and the claim it must yield.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExampleSpec {
    pub text: String,
    /// The claim's canonical text.
    pub value: String,
    /// The claim's subject as resolved within the example.
    pub subject: Option<String>,
    /// The publication date the example is read with (YYYY-MM-DD).
    pub published: Option<String>,
    /// Further documents read beside `text` (for a check rule), each with its own header.
    #[serde(default)]
    pub also: Vec<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Title,
    Date,
    Duration,
    Count,
    Name,
    Place,
    Ordinal,
    /// A date written with its weekday.
    WeekdayDate,
    /// An amount with a unit of `rules/units.toml`.
    Quantity,
    /// Every figure a sentence states, with what it measures: read by the figure reader
    /// from the normalizers' mentions and the lexicon's `measures`, so such a rule has no
    /// patterns.
    Figure,
}

/// One class of figures and the words that name it: deaths = "dead", "killed", "death
/// toll", "fatalities".
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MeasureSpec {
    /// Words or phrases, in any case, that name the measure next to a figure: the counted
    /// noun ("312 fatalities"), a predicate ("312 people were killed"), or the words before
    /// it ("killing 312", "a death toll of 312", "magnitude 6.1").
    pub words: Vec<String>,
    /// The kinds of figure the measure takes (all when empty): count, number, percent,
    /// money, quantity.
    #[serde(default)]
    pub kinds: Vec<crate::model::value::FigureKind>,
    /// The figure only grows as a story goes on (a death toll, the arrested, the cases): a
    /// higher one in a later report is an update, not a contradiction.
    #[serde(default)]
    pub grows: bool,
}

/// Word lists; the lists of all files are merged.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconSpec {
    /// Offices and functions: "Secretary General", "Prime Minister", "press secretary".
    #[serde(default)]
    pub title_heads: Vec<String>,
    /// Words before a head that make another role of it: "Deputy", "Assistant", "Vice".
    #[serde(default)]
    pub title_modifiers: Vec<String>,
    /// Words before a title that make it a past one: "former".
    #[serde(default)]
    pub title_past_markers: Vec<String>,
    /// Ranks held together with an office ("Ambassador", "Admiral"); never exclusive.
    #[serde(default)]
    pub ranks: Vec<String>,
    /// An office → the other ways of writing it: "Minister of Defence" = ["Defense
    /// Minister"].
    #[serde(default)]
    pub title_synonyms: BTreeMap<String, Vec<String>>,
    /// Sets of roles one person cannot hold at the same time.
    #[serde(default)]
    pub exclusive_titles: Vec<Vec<String>>,
    /// Words before a name that are not part of it: "Mr", "Dr".
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Words that end with a dot without ending the sentence (without the dot).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Canonical unit → the nouns counted in it: troops = ["troops", "soldiers"].
    #[serde(default)]
    pub count_units: BTreeMap<String, Vec<String>>,
    /// Event class → its trigger words: exercise = ["exercise", "drill"].
    #[serde(default)]
    pub event_classes: BTreeMap<String, Vec<String>>,
    /// Words that narrow what an ordinal claim counts ("first *joint* exercise").
    #[serde(default)]
    pub event_scope_words: Vec<String>,
    /// Place → the larger place it lies in.
    #[serde(default)]
    pub place_within: BTreeMap<String, String>,
    /// A country or organisation → its other names: Turkey = ["Türkiye"].
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// A party → the words that stand for it in prose (adjectives, its forces, a capital
    /// for its government): Serbia = ["Serbian", "Belgrade"].
    #[serde(default)]
    pub parties: BTreeMap<String, Vec<String>>,
    /// Organisation → its members: an exercise with one of them may count as one with it.
    #[serde(default)]
    pub members: BTreeMap<String, Vec<String>>,
    /// Words before an event's trigger that make it one still to come ("plans", "will").
    #[serde(default)]
    pub event_future_markers: Vec<String>,
    /// Scope words that any event of two or more parties has ("joint").
    #[serde(default)]
    pub shared_scope_words: Vec<String>,
    /// Words too common to tell one story from another ("said", "would").
    #[serde(default)]
    pub story_stopwords: Vec<String>,
    /// Words no person's name holds: an organisation's ("Committee"), a day's, a month's.
    #[serde(default)]
    pub not_name_words: Vec<String>,
    /// Bodies a party's name may open that are no party to an event: "Survey" ("US
    /// Geological Survey"), "University".
    #[serde(default)]
    pub not_party_bodies: Vec<String>,
    /// A measure → its words and kinds: what a figure measures is read from them.
    #[serde(default)]
    pub measures: BTreeMap<String, MeasureSpec>,
    /// Nouns that say who is counted, not what is measured: in "312 people were killed"
    /// the measure is the predicate's.
    #[serde(default)]
    pub counted_people: Vec<String>,
    /// Words between a figure and its noun that make it another count than the total:
    /// "10 *more* deaths", "40 *new* cases".
    #[serde(default)]
    pub figure_scope_words: Vec<String>,
    /// Words that never name what a figure measures and end the noun after it: "of",
    /// "in", "times", "were".
    #[serde(default)]
    pub figure_function_words: Vec<String>,
    /// Words right before a figure that make it part of a name or a designation, not a
    /// measure: "No.", "Flight", "Route", "page".
    #[serde(default)]
    pub figure_name_words: Vec<String>,
    /// Words a little before a date that make it the text's own time stamp, not a date of
    /// what it reports: "Posted: May 24, 2005", "UPDATED: Thursday, March 14, 2013".
    #[serde(default)]
    pub figure_stamp_words: Vec<String>,
    /// Words that name a lesser part of an event, whose figures are its own: "More than 40
    /// aftershocks followed, the largest of magnitude 4.2" is no magnitude of the quake.
    #[serde(default)]
    pub figure_part_words: Vec<String>,
    /// Words that make a count an addition to one given before, not a total: "*another*
    /// four died", "four *other* people", "a *further* 12", "two *more*".
    #[serde(default)]
    pub figure_increment_words: Vec<String>,
    /// Words that, before "by", make the figure after it a change, not an amount: "the toll
    /// *rose* by three to 24".
    #[serde(default)]
    pub figure_change_words: Vec<String>,
    /// Words before a figure in its clause that give it as an earlier report, which a later
    /// one may have replaced: "the UN said *earlier* it had confirmed 30 dead".
    #[serde(default)]
    pub figure_earlier_words: Vec<String>,
    /// Words after a count that give it over a wider area than the story's own: "230,000
    /// people *across* Asia", "20 million records *worldwide*".
    #[serde(default)]
    pub figure_wide_words: Vec<String>,
    /// Words after a count that give how badly a part of the figure before it was hurt,
    /// its noun left out: "55 wounded, 15 *critically*", "five of them *seriously*".
    #[serde(default)]
    pub figure_degree_words: Vec<String>,
    /// Words for lesser places a story's figures may be counted at, after their names:
    /// "Bener Meriah *district*", "the Bureij refugee *camp*".
    #[serde(default)]
    pub figure_place_words: Vec<String>,
}
