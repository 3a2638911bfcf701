//! The figure reader: every number, range, percentage, sum of money and quantity the
//! normalizers find in a sentence becomes a figure claim when the words around it say what
//! it measures — the counted noun ("312 fatalities"), a predicate ("312 people were
//! killed"), the words before it ("a death toll of 312", "magnitude 6.1") — read with the
//! lexicon's `measures`, or else the noun it counts ("26 reviews").

use crate::model::amount::{Amount, Convention};
use crate::model::value::{Figure, FigureKind};
use crate::normalize::qualifier;
use crate::normalize::scan::{scan, Kind, Mention, MentionValue, ScanOptions};
use crate::normalize::tokens::{tokenize, Token, TokenKind};
use crate::rules::measures::{Measure, Measures};
use crate::rules::Lexicon;
use crate::text::fold::fold;
use std::ops::Range;

/// The mention kinds a figure can be.
const FIGURE_KINDS: [Kind; 5] = [
    Kind::Number,
    Kind::NumberRange,
    Kind::Percent,
    Kind::Currency,
    Kind::Quantity,
];

/// How many words after a figure make the noun it counts.
const NOUN_WORDS: usize = 3;
/// How many words before a figure may name what it measures.
const BEFORE_WORDS: usize = 3;
/// How many link words ("rose to", "of", "was") may stand between those words and it.
const LINK_WORDS: usize = 4;

/// One figure of a sentence: where its value stands (in the sentence), the value and the
/// measure it is claimed under.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub figure: Figure,
}

/// The figures of `sentence` outside the spans `claimed` (sentence offsets) that other
/// rules already read.
pub fn figures(
    sentence: &str,
    claimed: &[Range<usize>],
    lexicon: &Lexicon,
    convention: Convention,
) -> Vec<Found> {
    let options = ScanOptions {
        reference: None,
        convention,
        kinds: FIGURE_KINDS.to_vec(),
    };
    let mentions = scan(sentence, &options);
    if mentions.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(sentence);
    let reader = Reader {
        sentence,
        tokens: &tokens,
        measures: &lexicon.measures,
        lexicon,
    };
    mentions
        .iter()
        .filter(|m| {
            !claimed
                .iter()
                .any(|c| c.start < m.span.end && m.span.start < c.end)
        })
        .filter_map(|m| reader.read(m))
        .collect()
}

struct Reader<'a> {
    sentence: &'a str,
    tokens: &'a [Token],
    measures: &'a Measures,
    lexicon: &'a Lexicon,
}

/// What the words around a figure say it measures.
struct Reading {
    measure: String,
    kind: FigureKind,
    scope: Vec<String>,
}

impl Reader<'_> {
    fn read(&self, mention: &Mention) -> Option<Found> {
        if self.is_designation(&mention.span) {
            return None;
        }
        let first = self
            .tokens
            .iter()
            .position(|t| t.span.start >= mention.span.start)?;
        let last = self
            .tokens
            .iter()
            .rposition(|t| t.span.end <= mention.span.end)?;
        if last < first {
            return None;
        }
        let after = &self.tokens[last + 1..];
        let before = &self.tokens[..first];
        if is_partitive(after) {
            return None;
        }
        let approx = qualifier::approximates(&self.sentence[..mention.span.start]);
        let (amount, base_kind, unit) = value_of(mention, approx)?;
        let reading = match base_kind {
            FigureKind::Count => self.count(before, after),
            FigureKind::Percent => self.percent(before, after),
            FigureKind::Money => self.money(before, after),
            FigureKind::Quantity => self.quantity(before, after),
            FigureKind::Number | FigureKind::Age => None,
        }?;
        // A year standing alone is a date the date reader missed, not a count.
        if reading.kind == FigureKind::Count
            && amount.low == amount.high
            && (1800.0..=2100.0).contains(&amount.low)
            && amount.low.fract() == 0.0
            && !self.sentence[mention.span.clone()].contains(',')
            && !self.measures.is_measure(&reading.measure)
        {
            return None;
        }
        Some(Found {
            span: mention.span.clone(),
            figure: Figure {
                amount,
                kind: reading.kind,
                unit,
                measure: reading.measure,
                scope: reading.scope,
            },
        })
    }

    /// A number glued to letters or a capitalised word is part of a name or model: "C-17",
    /// "76ers", "Flight 370", "Iron Shield 24", "No. 5", a time "7:37".
    fn is_designation(&self, span: &Range<usize>) -> bool {
        let text = self.sentence;
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        if after.is_some_and(|c| c.is_alphabetic() || c == ':')
            || before.is_some_and(|c| c.is_alphabetic() || c == ':' || c == '#')
        {
            return true;
        }
        if before == Some('-') {
            let ahead = text[..span.start - 1].chars().next_back();
            if ahead.is_some_and(|c| c.is_alphanumeric()) {
                return true;
            }
        }
        let previous = text[..span.start]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let folded = fold(previous.trim_end_matches('.'));
        if self.measures.is_name_word(&folded) {
            return true;
        }
        // A capitalised word right before a number names it ("Apollo 11"), unless it starts
        // the sentence or names the measure ("Magnitude 6").
        let capitalised = previous.chars().next().is_some_and(char::is_uppercase)
            && previous.chars().all(char::is_alphabetic);
        let starts_sentence = text[..span.start].trim_end().len() == previous.len();
        capitalised
            && !starts_sentence
            && self.lexicon.party(previous).is_none()
            && self.measures.ending(&[folded.as_str()]).is_none()
    }

    fn count(&self, before: &[Token], after: &[Token]) -> Option<Reading> {
        let noun = self.noun_after(after);
        if let Some((measure, scope)) = self.measure_in(&noun) {
            return Some(reading(measure, scope, FigureKind::Count));
        }
        let head = noun.words.last().cloned();
        let counts_people = head
            .as_deref()
            .is_none_or(|h| self.measures.is_counted_people(h));
        // "312 people were killed", "80 were injured"
        if counts_people {
            if let Some(measure) = self.predicate(&after[noun.consumed..]) {
                return Some(reading(
                    measure,
                    self.scope_of(&noun.words),
                    FigureKind::Count,
                ));
            }
        }
        // "killing 5 soldiers": the measure before, what it counts as its scope.
        if let Some(measure) = self.measure_before(before) {
            let mut scope = self.scope_of(&noun.words);
            if let Some(head) = head.filter(|_| !counts_people) {
                scope.push(lemma(&head));
            }
            return Some(reading(measure, scope, FigureKind::Count));
        }
        let head = head?;
        Some(Reading {
            measure: head,
            kind: FigureKind::Count,
            scope: self.scope_of(&noun.words[..noun.words.len() - 1]),
        })
    }

    fn percent(&self, before: &[Token], after: &[Token]) -> Option<Reading> {
        if let Some(measure) = self.measure_before(before) {
            return Some(reading(measure, Vec::new(), FigureKind::Percent));
        }
        let noun = self.noun_after(after);
        let noun = if noun.words.is_empty() {
            self.noun_after_preposition(after, &["of"])
        } else {
            noun
        };
        if let Some((measure, scope)) = self.measure_in(&noun) {
            return Some(reading(measure, scope, FigureKind::Percent));
        }
        let measure = match noun.words.last() {
            Some(head) => head.clone(),
            None => self.words_before(before)?.join(" "),
        };
        Some(Reading {
            measure,
            kind: FigureKind::Percent,
            scope: Vec::new(),
        })
    }

    fn money(&self, before: &[Token], after: &[Token]) -> Option<Reading> {
        if let Some(measure) = self.measure_before(before) {
            return Some(reading(measure, Vec::new(), FigureKind::Money));
        }
        let noun = self.noun_after(after);
        let noun = if noun.words.is_empty() {
            self.noun_after_preposition(after, &["in", "of", "for"])
        } else {
            noun
        };
        if let Some((measure, scope)) = self.measure_in(&noun) {
            return Some(reading(measure, scope, FigureKind::Money));
        }
        let measure = match noun.words.last() {
            Some(head) => head.clone(),
            None => self.words_before(before)?.join(" "),
        };
        Some(Reading {
            measure,
            kind: FigureKind::Money,
            scope: Vec::new(),
        })
    }

    fn quantity(&self, before: &[Token], _after: &[Token]) -> Option<Reading> {
        if let Some(measure) = self.measure_before(before) {
            return Some(reading(measure, Vec::new(), FigureKind::Quantity));
        }
        let words = self.words_before(before)?;
        Some(Reading {
            measure: words.join(" "),
            kind: FigureKind::Quantity,
            scope: Vec::new(),
        })
    }

    /// The lexicon measure among the noun's words, and the words before it that narrow it.
    fn measure_in<'m>(&'m self, noun: &Noun) -> Option<(&'m Measure, Vec<String>)> {
        let words: Vec<&str> = noun.words.iter().map(String::as_str).collect();
        (0..words.len()).find_map(|start| {
            let (measure, _) = self.measures.starting(&words[start..])?;
            Some((measure, self.scope_of(&noun.words[..start])))
        })
    }

    /// A lexicon measure in the words right before a figure ("death toll rose to").
    fn measure_before(&self, before: &[Token]) -> Option<&Measure> {
        let words = self.words_before(before)?;
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        self.measures.ending(&words).map(|(measure, _)| measure)
    }

    /// The content words before a figure, in text order, once the link words between
    /// them and it are passed ("a death toll *of*" → "death toll").
    fn words_before(&self, before: &[Token]) -> Option<Vec<String>> {
        let mut words = Vec::new();
        let mut links = 0;
        for token in before.iter().rev() {
            match token.kind {
                TokenKind::Word => {
                    let folded = fold(&token.text);
                    if self.measures.is_function_word(&folded) {
                        if !words.is_empty() {
                            break;
                        }
                        links += 1;
                        if links > LINK_WORDS {
                            return None;
                        }
                        continue;
                    }
                    words.push(folded);
                    if words.len() == BEFORE_WORDS {
                        break;
                    }
                }
                TokenKind::Symbol if matches!(token.text.as_str(), "-" | "$" | "€" | "£") => {}
                _ => break,
            }
        }
        if words.is_empty() {
            return None;
        }
        words.reverse();
        Some(words)
    }

    /// The noun a figure counts: the words right after it up to a function word, a
    /// symbol or a capitalised word that names no party.
    fn noun_after(&self, after: &[Token]) -> Noun {
        let mut words = Vec::new();
        let mut consumed = 0;
        for token in after {
            match token.kind {
                TokenKind::Word => {
                    let folded = fold(&token.text);
                    let written = &self.sentence[token.span.clone()];
                    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
                    if self.measures.is_function_word(&folded)
                        || (capitalised && self.lexicon.party(written).is_none())
                        || words.len() == NOUN_WORDS
                    {
                        break;
                    }
                    words.push(folded);
                }
                // "a 5.9-magnitude quake", "18-year-old"
                TokenKind::Symbol if token.text == "-" && words.is_empty() => {}
                _ => break,
            }
            consumed += 1;
        }
        Noun { words, consumed }
    }

    /// The noun after a preposition right after the figure: "$4.2 million *in damage*",
    /// "51% *of the vote*".
    fn noun_after_preposition(&self, after: &[Token], prepositions: &[&str]) -> Noun {
        if !after
            .first()
            .is_some_and(|t| prepositions.contains(&t.text.as_str()))
        {
            return Noun::default();
        }
        let skip = match after.get(1).map(|t| t.text.as_str()) {
            Some("the" | "a" | "an" | "its" | "their") => 2,
            _ => 1,
        };
        self.noun_after(&after[skip.min(after.len())..])
    }

    /// The measure a predicate after the counted people names: "312 people *were killed*".
    fn predicate(&self, after: &[Token]) -> Option<&Measure> {
        let mut words = Vec::new();
        for token in after.iter().take(LINK_WORDS + 2) {
            if token.kind != TokenKind::Word {
                break;
            }
            words.push(fold(&token.text));
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (0..words.len())
            .take_while(|&i| i == 0 || self.measures.is_function_word(words[i - 1]))
            .find_map(|i| self.measures.starting(&words[i..]))
            .map(|(measure, _)| measure)
    }

    /// The words of a noun that narrow a count: parties ("Hungarian") and the lexicon's
    /// figure scope words ("new", "more").
    fn scope_of(&self, words: &[String]) -> Vec<String> {
        words
            .iter()
            .filter(|w| self.measures.is_scope_word(w) || self.lexicon.party(w).is_some())
            .cloned()
            .collect()
    }
}

/// The words of the noun after a figure, folded, and how many tokens it took.
#[derive(Debug, Default)]
struct Noun {
    words: Vec<String>,
    consumed: usize,
}

fn reading(measure: &Measure, scope: Vec<String>, kind: FigureKind) -> Reading {
    // A count of a measure that is a plain number ("magnitude") reads as a number.
    let kind = if measure.takes(kind) {
        kind
    } else if kind == FigureKind::Count && measure.takes(FigureKind::Number) {
        FigureKind::Number
    } else {
        kind
    };
    Reading {
        measure: measure.name.clone(),
        kind,
        scope,
    }
}

/// "32 of the 81 seats", "five of them": a part of a figure named after it.
fn is_partitive(after: &[Token]) -> bool {
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

/// The amount, the kind of figure the mention's form makes it, and its unit.
fn value_of(mention: &Mention, approx: bool) -> Option<(Amount, FigureKind, String)> {
    let exact = |value: f64| {
        if approx {
            Amount::approximately(value)
        } else {
            Amount::exact(value)
        }
    };
    Some(match &mention.value {
        MentionValue::Number(value) => (exact(*value), FigureKind::Count, String::new()),
        MentionValue::NumberRange {
            min,
            max,
            min_inclusive,
            max_inclusive,
        } => {
            let amount = match (min, max) {
                // "between 8 and 15", "15 to 20": both ends are figures the text gives.
                (Some(low), Some(high)) if low <= high => Amount::between(*low, *high),
                (Some(_), Some(_)) => return None,
                (Some(low), None) => Amount::above(*low, !min_inclusive),
                (None, Some(high)) => Amount::below(*high, !max_inclusive),
                (None, None) => return None,
            };
            (amount, FigureKind::Count, String::new())
        }
        MentionValue::Percent(value) => (exact(*value), FigureKind::Percent, String::new()),
        MentionValue::Currency { value, unit, iso } => (
            exact(*value),
            FigureKind::Money,
            iso.clone().unwrap_or_else(|| unit.clone()),
        ),
        MentionValue::Quantity { value, unit } => {
            (exact(*value), FigureKind::Quantity, unit.clone())
        }
        _ => return None,
    })
}

/// The form a counted noun compares under: "reviews" and "review" are one measure.
pub fn lemma(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}
