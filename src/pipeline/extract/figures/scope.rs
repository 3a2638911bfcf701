//! What narrows or widens a figure: the stretch of a many-day story it counts over, the
//! share it is of a whole, a wider area, a report given as earlier, and the scope words
//! of its noun.

use super::*;

impl Reader<'_> {
    /// Whether the words after a count, in its clause, give it over a wider area than the
    /// story's own: "killed 230,000 people *across* Asia", "*in 14 countries*", "*around
    /// the* Indian Ocean", "sold 20 million records *worldwide*". A place that narrows it ("in
    /// the province") gives it no scope: it is the story's.
    pub(super) fn counts_wide(&self, after: &[Token]) -> bool {
        let words: Vec<&str> = after
            .iter()
            .take_while(|t| {
                !matches!(t.text.as_str(), "," | ";" | ":" | "." | "(")
                    && !COORDINATORS.contains(&t.text.as_str())
            })
            .take(WIDE_WORDS)
            .map(|t| t.text.as_str())
            .collect();
        words.iter().enumerate().any(|(i, word)| {
            let next = words.get(i + 1).copied();
            self.measures.is_wide_word(word)
                || (*word == "around" && next == Some("the"))
                || (*word == "in"
                    && next.is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                    && words
                        .get(i + 2)
                        .is_some_and(|w| *w == "countries" || *w == "nations"))
        })
    }

    /// Whether the figure's clause, before it, says its figure was given earlier: "the UN
    /// said *earlier* that it had confirmed 30 dead", "*initially* reported 12 deaths".
    pub(super) fn reported_earlier(&self, before: &[Token]) -> bool {
        before
            .iter()
            .rev()
            .take(CLAUSE_WORDS)
            .take_while(|t| {
                !matches!(t.text.as_str(), "," | ";" | ":")
                    && !COORDINATORS.contains(&t.text.as_str())
            })
            .any(|t| self.measures.is_earlier_word(&t.text))
    }

    /// The words of a noun that narrow a count: parties ("Hungarian") and the lexicon's
    /// figure scope words ("new"), and "more" for any increment word ("other", "another").
    pub(super) fn scope_of(&self, words: &[String]) -> Vec<String> {
        let mut scope: Vec<String> = Vec::new();
        for word in words {
            let word = if self.measures.is_increment_word(word) {
                INCREMENT_SCOPE
            } else if self.measures.is_scope_word(word) || self.lexicon.party(word).is_some() {
                word
            } else {
                continue;
            };
            if !scope.iter().any(|s| s == word) {
                scope.push(word.to_string());
            }
        }
        scope
    }
}

/// A day a story of many days holds ("Wednesday night", "Saturday's protests", though not
/// "Thursday's bombing", the one event of its day) or a stretch of them ("over four
/// nights").
pub(super) static STRETCH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let weekday = crate::normalize::date::WEEKDAY;
    regex::Regex::new(&format!(
        r"(?i)\b(?:(?P<day>{weekday})(?:(?:'s|’s)\s+\p{{L}}+s|\s+(?:night|evening))|over\s+(?:the\s+(?:past|last)\s+)?(?P<count>[a-z0-9]+)\s+(?P<unit>days|nights|weeks))\b",
    ))
    .expect("stretch pattern compiles")
});

/// The stretches of time `sentence` counts over: where each stands, and its scope ("on
/// wednesday", "over 4 nights").
pub(super) fn stretches(sentence: &str) -> Vec<(Range<usize>, String)> {
    STRETCH
        .captures_iter(sentence)
        .filter_map(|found| {
            let span = found.get(0)?.range();
            if let Some(day) = found.name("day") {
                return Some((span, format!("on {}", day.as_str().to_lowercase())));
            }
            let count = found.name("count")?.as_str().to_lowercase();
            let count = crate::normalize::number::parse_amount(&count, Convention::default())
                .map_or(count, |amount| amount.low.to_string());
            let unit = found.name("unit")?.as_str().to_lowercase();
            Some((span, format!("over {count} {unit}")))
        })
        .collect()
}

/// Where a number stands in "19 of the 35 seats".
#[derive(Debug, Clone)]
pub(super) enum Share {
    Alone,
    /// The part, which counts the noun after the whole (ending at this sentence offset;
    /// its amount written canonically).
    Part {
        whole_end: usize,
        whole: String,
    },
    /// The whole, a total of which the part is one share.
    Whole,
}

/// The share of each mention (in text order): a number that another follows after "of"
/// or "of the" is a part of that one.
pub(super) fn shares(sentence: &str, mentions: &[Mention]) -> Vec<Share> {
    let mut shares = vec![Share::Alone; mentions.len()];
    for i in 1..mentions.len() {
        let (part, whole) = (&mentions[i - 1], &mentions[i]);
        if part.kind != Kind::Number || whole.kind != Kind::Number {
            continue;
        }
        let Some(between) = sentence.get(part.span.end..whole.span.start) else {
            continue;
        };
        let between: Vec<&str> = between.split_whitespace().collect();
        if matches!(between.as_slice(), ["of"] | ["of", "the" | "its" | "their"]) {
            let Some((amount, ..)) = value_of(whole, false) else {
                continue;
            };
            shares[i - 1] = Share::Part {
                whole_end: whole.span.end,
                whole: amount.canonical(),
            };
            shares[i] = Share::Whole;
        }
    }
    shares
}

/// "five of them", "three of the victims": a part of a whole named after it.
pub(super) fn is_partitive(after: &[Token]) -> bool {
    matches!(
        (
            after.first().map(|t| t.text.as_str()),
            after.get(1).map(|t| t.text.as_str())
        ),
        (
            Some("of"),
            Some("the" | "them" | "those" | "whom" | "which" | "these" | "its" | "their")
        )
    )
}
