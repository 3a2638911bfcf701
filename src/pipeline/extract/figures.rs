//! The figure reader: every number, range, percentage, sum of money and quantity the
//! normalizers find in a sentence becomes a figure claim when the words around it say what
//! it measures — the counted noun ("312 fatalities"), a predicate ("312 people were
//! killed"), the words before it ("a death toll of 312", "magnitude 6.1") — read with the
//! lexicon's `measures`, or else the noun it counts ("26 reviews").

use crate::model::amount::Convention;
use crate::model::value::{
    Figure, FigureKind, EARLIER_SCOPE, EVENT_DATE_MEASURE, UNNAMED, WIDE_SCOPE,
};
use crate::normalize::qualifier;
use crate::normalize::scan::{scan, Kind, Mention, Reference, ScanOptions};
use crate::normalize::tokens::{tokenize, Token, TokenKind};
use crate::rules::measures::{Measure, Measures};
use crate::rules::Lexicon;
use crate::text::fold::fold;
use std::collections::HashSet;
use std::ops::Range;

mod amounts;
mod measure;
mod scope;
mod words;

use amounts::{
    date_qualified, has_year, is_year, qualified, tail, value_of, year_span, YEAR_PREPOSITIONS,
};
use measure::reading;
use scope::{is_partitive, shares, stretches, Share};
pub use words::lemma;
use words::stem;

/// The mention kinds a figure can be. Ages are read so that "the death of 15-year-old
/// Alex" is an age, never a count of deaths; whose age it is, no figure says yet.
const FIGURE_KINDS: [Kind; 7] = [
    Kind::Age,
    Kind::Date,
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
const LINK_WORDS: usize = 5;
/// How many words before a figure its clause is searched for a measure.
const CLAUSE_WORDS: usize = 10;

/// Words that speak of someone a figure is about without naming them.
const PRONOUNS: [&str; 6] = ["he", "she", "his", "her", "him", "they"];
/// Words that join clauses or figures: the words before a figure are not read past them.
const COORDINATORS: [&str; 5] = ["and", "or", "but", "while", "whereas"];

/// How many words before a date may make it a time stamp ("posted in Hit and Run
/// Accidents on Friday, September 20, 2013").
const STAMP_WORDS: usize = 8;

/// How many tokens before a figure may name the part of an event it measures ("More than
/// 40 aftershocks followed, the largest of magnitude 4.2").
const PART_WORDS: usize = 12;
/// Words that rank the parts a clause before names: "..., the largest of magnitude 4.2".
const SUPERLATIVES: [&str; 6] = [
    "largest",
    "strongest",
    "biggest",
    "greatest",
    "highest",
    "most",
];
/// Forms of "be", "have" and "will" that make the words around them a clause of their own.
const FINITE_VERBS: [&str; 9] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would",
];
/// Words that open a clause of its own: "Aftershocks continued *as* the toll rose to 300".
const CLAUSE_OPENERS: [&str; 5] = ["as", "when", "after", "before", "since"];

/// The scope of a count that is the whole a part is of ("of the 35 seats").
const TOTAL_SCOPE: &str = "total";
/// The scope of a count that adds to one given before ("another four", "four other").
const INCREMENT_SCOPE: &str = "more";

/// Whether a figure is one side of a pair written with a hyphen: a score or a result
/// ("a 27-24 loss", "led 33-26"), not a count. The reader takes a rising pair ("15-20")
/// for a range before this is asked; a year's pair is a season ("1989-90").
fn is_one_of_a_pair(written: &str, before: &[Token], after: &[Token]) -> bool {
    const SCORE_DIGITS: usize = 3;
    let score = |t: &Token| t.kind == TokenKind::Digits && t.text.len() <= SCORE_DIGITS;
    let hyphen = |t: Option<&Token>| t.is_some_and(|t| !t.gap && t.text == "-");
    let own = written.len() <= SCORE_DIGITS && written.bytes().all(|b| b.is_ascii_digit());
    own && ((hyphen(after.first()) && after.get(1).is_some_and(|t| !t.gap && score(t)))
        || (before.len() >= 2 && hyphen(before.last()) && score(&before[before.len() - 2])))
}

/// Whether the words after a number make it a time of day the date reader left alone:
/// "7 p. m.", "10 a. m.".
fn is_clock_time(after: &[Token]) -> bool {
    matches!(
        after,
        [half, dot, m, ..] if matches!(half.text.as_str(), "a" | "p") && dot.text == "." && m.text == "m"
    )
}

/// How many words after a count may say it is over a wider area.
const WIDE_WORDS: usize = 8;

/// How many tokens on each side of a figure make its context.
const CONTEXT_WORDS: usize = 8;

/// Month names and abbreviations: a number right before one is a day of a date.
const MONTHS: [&str; 21] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
];

/// One figure of a sentence: where its value stands (in the sentence), the value and the
/// measure it is claimed under.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub figure: Figure,
    /// Its measure is only a word after it that names nothing ("globally"), so a figure
    /// it is coordinated with names it better.
    weak: bool,
}

/// The figures of `sentence` outside the spans `claimed` (sentence offsets) that other
/// rules already read; `known_names` are its document's [`known_names`].
pub fn figures(
    sentence: &str,
    claimed: &[Range<usize>],
    known_names: &HashSet<String>,
    lexicon: &Lexicon,
    convention: Convention,
    reference: Option<Reference>,
) -> Vec<Found> {
    let options = ScanOptions {
        reference,
        convention,
        kinds: FIGURE_KINDS.to_vec(),
        units: lexicon.units,
    };
    let mentions = scan(sentence, &options);
    if mentions.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(sentence);
    // "/61-magnitude-quake-strikes/" is an address, not a magnitude of 61.
    let urls = crate::text::url_spans(sentence);
    // "over four nights" says what the sentence counts over; it counts no nights itself.
    let stretches = stretches(sentence);
    let places = places(sentence, &tokens, &lexicon.measures);
    let reader = Reader {
        sentence,
        has_url: !urls.is_empty(),
        has_part_word: lexicon.measures.may_name_a_part(sentence),
        stretches: &stretches,
        known_names,
        places: &places,
        tokens: &tokens,
        measures: &lexicon.measures,
        lexicon,
    };
    let shares = shares(sentence, &mentions);
    let mut found: Vec<Found> = Vec::new();
    for (mention, share) in mentions.iter().zip(shares) {
        let taken = claimed
            .iter()
            .chain(&urls)
            .chain(stretches.iter().map(|(span, _)| span))
            .any(|c| c.start < mention.span.end && mention.span.start < c.end);
        if taken {
            continue;
        }
        if let Some(figure) = reader.read(mention, &share, found.last()) {
            found.push(figure);
        }
    }
    // "$200.6 million in Canada and $524.7 million globally": the second is a gross too.
    for i in 1..found.len() {
        let (done, rest) = found.split_at_mut(i);
        let (previous, figure) = (&done[i - 1], &mut rest[0]);
        let between = &sentence[previous.span.end..figure.span.start];
        // "... at a depth of 10 km and its epicenter was 55 km west": a clause with a verb
        // of its own says what its figure is.
        let own_clause = between
            .split_whitespace()
            .any(|w| FINITE_VERBS.contains(&w.to_lowercase().as_str()));
        let near = between.split_whitespace().count() <= 8 && !own_clause;
        let alike = !previous.weak && previous.figure.kind == figure.figure.kind;
        // "55 wounded, 15 critically", "55 people were injured, five of them seriously": a
        // part of the figure before, by how badly; the verb before it is the whole's.
        if figure.weak && lexicon.measures.is_degree_word(&figure.figure.measure) {
            let appended = between.trim_end().ends_with(',');
            if alike && between.split_whitespace().count() <= 8 && (appended || !own_clause) {
                let degree =
                    std::mem::replace(&mut figure.figure.measure, previous.figure.measure.clone());
                figure.figure.scope = previous.figure.scope.clone();
                figure.figure.scope.push(degree);
                // Parts of one whole ("of 55 wounded") are alike whatever else their
                // sentences say.
                let whole = format!("of {}", previous.figure.amount.canonical());
                figure.figure.context.push(whole);
                figure.weak = false;
            }
        } else if figure.weak && alike && near && between.split_whitespace().any(|w| w == "and") {
            figure.figure.measure = previous.figure.measure.clone();
            figure.weak = false;
        }
    }
    // A degree with no figure before it to be a part of says nothing.
    found.retain(|f| !(f.weak && lexicon.measures.is_degree_word(&f.figure.measure)));
    found
}

/// "children aged from one to 12 years", "aged between 20 and 30": ages, which the scanner
/// reads as ages only when written as one ("aged 12", "12-year-old").
fn is_age_after_aged(before: &[Token]) -> bool {
    let mut words = before.iter().rev().map(|t| t.text.to_lowercase());
    match words.next().as_deref() {
        Some("aged") => true,
        Some("from" | "between") => words.next().as_deref() == Some("aged"),
        _ => false,
    }
}

/// The folded names of the lesser places `sentence` names: the capitalised words before a
/// place word of the lexicon ("Bener Meriah *district*", "Bureij refugee *camp*"; one
/// lowercase word may stand between), sorted. A place word no name stands before names
/// no place.
fn places(sentence: &str, tokens: &[Token], measures: &Measures) -> Vec<String> {
    let mut places = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Word || !measures.is_place_word(&fold(&token.text)) {
            continue;
        }
        let mut name = Vec::new();
        let mut between = 0;
        for before in tokens[..at].iter().rev() {
            if before.kind != TokenKind::Word {
                break;
            }
            let written = &sentence[before.span.clone()];
            let folded = fold(written);
            if written.chars().next().is_some_and(char::is_uppercase)
                && !measures.is_function_word(&folded)
            {
                name.push(folded);
            } else if name.is_empty() && between == 0 {
                between += 1;
            } else {
                break;
            }
        }
        places.extend(name);
    }
    places.sort();
    places.dedup();
    places
}

/// "one in every 500 users", "1 in 4 adults": the number is the base of a rate, not a
/// count of the noun.
fn is_rate_denominator(before: &[Token]) -> bool {
    let words: Vec<String> = before
        .iter()
        .rev()
        .take(3)
        .map(|t| t.text.to_lowercase())
        .collect();
    let one = |word: &String| word == "one" || word == "1";
    match words.as_slice() {
        [every, of, unit, ..] if matches!(every.as_str(), "every" | "each") && of == "in" => {
            one(unit)
        }
        [of, unit, ..] => of == "in" && one(unit),
        _ => false,
    }
}

/// The words `sentences` write capitalised after a word of their own that ends no clause,
/// folded: the names a document uses ("Gregory *Echenique* had 11 points"). Headlines and
/// title-case lines, where most words are capitalised, name nothing by it.
pub fn known_names<'t>(sentences: impl Iterator<Item = &'t str>) -> HashSet<String> {
    let mut names = HashSet::new();
    for sentence in sentences {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
        let inside = words.get(1..).unwrap_or_default();
        if inside.iter().filter(|word| capitalised(word)).count() * 2 > inside.len() {
            continue;
        }
        for pair in words.windows(2) {
            let (previous, word) = (pair[0], pair[1]);
            let ends_clause = previous.ends_with(['.', ':', ';', '"', '“', '”', '!', '?']);
            if ends_clause || !capitalised(word) {
                continue;
            }
            let name = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if name.chars().all(char::is_alphabetic) && name.chars().count() > 1 {
                names.insert(fold(name));
            }
        }
    }
    names
}

struct Reader<'a> {
    sentence: &'a str,
    /// The sentence holds a web address: a page's header line, not a sentence of news.
    has_url: bool,
    /// The sentence names a lesser part of an event ("aftershocks").
    has_part_word: bool,
    /// The stretches of time the sentence counts over that are parts of a longer story,
    /// and where they stand: "on wednesday" ("46 were arrested Wednesday night"), "over 4
    /// nights".
    stretches: &'a [(Range<usize>, String)],
    /// The words the sentence's document writes capitalised inside its sentences, folded:
    /// names, whichever sentence they open.
    known_names: &'a HashSet<String>,
    /// The lesser places the sentence names ([`places`]).
    places: &'a [String],
    tokens: &'a [Token],
    measures: &'a Measures,
    lexicon: &'a Lexicon,
}

/// What the words around a figure say it measures.
struct Reading {
    measure: String,
    kind: FigureKind,
    scope: Vec<String>,
    weak: bool,
}

impl Reader<'_> {
    /// Reads one figure; `previous` is the figure read last before it in the sentence.
    fn read(&self, mention: &Mention, share: &Share, previous: Option<&Found>) -> Option<Found> {
        if self.is_designation(&mention.span) {
            return None;
        }
        // "fewer than first announced": an ordinal is a rank, not an amount.
        let written = &self.sentence[mention.span.clone()];
        let last_word = written
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if !last_word.chars().any(|c| c.is_ascii_digit())
            && crate::normalize::number::parse_ordinal(last_word).is_some()
        {
            return None;
        }
        // Tokens are in text order: found by halving, so a long sentence costs no more per
        // figure than a short one.
        let first = self
            .tokens
            .partition_point(|t| t.span.start < mention.span.start);
        let last = self
            .tokens
            .partition_point(|t| t.span.end <= mention.span.end)
            .checked_sub(1)?;
        if first >= self.tokens.len() || last < first {
            return None;
        }
        // "19 of the 35 seats": the part counts what the whole does.
        let mut after = match share {
            Share::Part { whole_end, .. } => {
                &self.tokens[self.tokens.partition_point(|t| t.span.start < *whole_end)..]
            }
            _ => &self.tokens[last + 1..],
        };
        let before = &self.tokens[..first];
        if is_one_of_a_pair(written, before, after)
            || is_clock_time(after)
            || is_rate_denominator(before)
            || is_age_after_aged(before)
        {
            return None;
        }
        // "rose by three to 24": the three is a change, the 24 the amount.
        if let [.., change, by] = before {
            if by.text == "by" && self.measures.is_change_word(&change.text) {
                return None;
            }
        }
        if after
            .first()
            .is_some_and(|t| MONTHS.contains(&t.text.trim_end_matches('.')))
        {
            return None;
        }
        let approx = qualifier::approximates(tail(self.sentence, mention.span.start));
        let (mut amount, mut base_kind, unit) = value_of(mention, approx)?;
        // "in India in 2012": a year after a word of time is a date the date reader left
        // as a number.
        if mention.kind == Kind::Number
            && is_year(written, amount)
            && before
                .last()
                .is_some_and(|t| YEAR_PREPOSITIONS.contains(&t.text.as_str()))
        {
            amount = year_span(amount.low)?;
            base_kind = FigureKind::Date;
        }
        // "less than 26 %": the range reader leaves the sign to the text after it.
        if mention.kind == Kind::NumberRange
            && after
                .first()
                .is_some_and(|t| t.text == "%" || t.text == "percent" || t.text == "per cent")
        {
            base_kind = FigureKind::Percent;
            after = &after[1..];
        }
        // "three of the victims" counts a part of a whole the sentence names elsewhere; "25%
        // of the revenue" is the figure itself.
        if base_kind == FigureKind::Count
            && is_partitive(after)
            && self.degree_of_part(after).is_none()
        {
            return None;
        }
        let amount = match mention.kind {
            // The scanner reads bounds of plain numbers itself ("more than 6").
            Kind::NumberRange => amount,
            _ if base_kind == FigureKind::Date => date_qualified(amount, before),
            _ => qualified(amount, before, after),
        };
        let mut reading = match base_kind {
            // "grossed 110 crore", "the collection stood at 54 crores": a bare amount that a
            // money measure reads is a sum in the text's own currency.
            FigureKind::Count if self.noun_after(after).words.is_empty() => self
                .measure_in_clause_before(before, FigureKind::Money)
                .map(|(measure, _)| reading(measure, Vec::new(), FigureKind::Money))
                .or_else(|| self.count(before, after)),
            FigureKind::Count => self.count(before, after),
            FigureKind::Percent => self.named_by_noun(before, after, FigureKind::Percent, &["of"]),
            FigureKind::Money => {
                self.named_by_noun(before, after, FigureKind::Money, &["in", "of", "for"])
            }
            FigureKind::Quantity => self.quantity(before, after),
            // A measure the lexicon names ("born", "founded") dates that; any other date
            // dates what its sentence reports, and compares only where sentences speak alike.
            FigureKind::Date if self.names_with_year(written, after) => None,
            FigureKind::Date if self.is_stamp(before) => None,
            FigureKind::Date => match self
                .measure_before(before, FigureKind::Date)
                .or_else(|| self.date_measure_after(before, after))
                // "released as the album's lead single on May 14, 2003": further from its
                // measure, a date must be one the text writes out.
                .or_else(|| {
                    self.measure_in_clause_before(before, FigureKind::Date)
                        .filter(|_| has_year(written))
                        .map(|(measure, _)| measure)
                }) {
                Some(measure) => Some(reading(measure, Vec::new(), FigureKind::Date)),
                // Only a date written with its year: "last Friday" and "the past 3 years"
                // are read from the publication date, which each outlet has its own of; a
                // line with a web address is a page's header, not a sentence.
                None if has_year(written) && !self.has_url => Some(Reading {
                    measure: EVENT_DATE_MEASURE.to_string(),
                    kind: FigureKind::Date,
                    scope: Vec::new(),
                    weak: false,
                }),
                None => None,
            },
            FigureKind::Number | FigureKind::Age => None,
        }
        .or_else(|| self.coordinated(mention, previous, base_kind, after))?;
        // A year standing alone is a date the date reader missed, not a count.
        if reading.kind == FigureKind::Count && is_year(written, amount) {
            return None;
        }
        // "19 of the 35 seats": the part is a share of that whole ("19 of 35 seats"), the
        // whole a total, so neither meets a count of the story's all ("five of the 40
        // killed were children" is no toll of five). Of a noun no measure names ("29 of
        // 34 passes") the whole is the holder's own, which no other holder's meets: it is
        // no claim, and the part keeps its "of 34".
        if reading.kind == FigureKind::Count {
            match share {
                Share::Alone => {}
                Share::Part { whole, .. } => reading.scope.push(format!("of {whole}")),
                Share::Whole if !self.measures.is_measure(&reading.measure) => return None,
                Share::Whole => reading.scope.push(TOTAL_SCOPE.to_string()),
            }
        }
        if reading.kind == FigureKind::Count {
            // "another four people", "the first eight points": a scope word right before.
            let scope_before = before.last().and_then(|t| {
                let folded = fold(&t.text);
                if self.measures.is_increment_word(&folded) {
                    Some(INCREMENT_SCOPE.to_string())
                } else {
                    self.measures.is_scope_word(&folded).then_some(folded)
                }
            });
            // "the UN said earlier it had confirmed 30 dead": a figure since replaced.
            let earlier = self
                .reported_earlier(before)
                .then(|| EARLIER_SCOPE.to_string());
            let wide = self.counts_wide(after).then(|| WIDE_SCOPE.to_string());
            // "46 were arrested Wednesday night" and "over 50 arrests over four nights"
            // count one night and four: parts of a story of many days, not its total.
            let distance = |span: &Range<usize>| {
                span.start.saturating_sub(mention.span.end)
                    + mention.span.start.saturating_sub(span.end)
            };
            let stretch = self
                .stretches
                .iter()
                .min_by_key(|(span, _)| distance(span))
                .map(|(_, stretch)| stretch.clone());
            for word in scope_before
                .into_iter()
                .chain(earlier)
                .chain(wide)
                .chain(stretch)
            {
                if !reading.scope.contains(&word) {
                    reading.scope.push(word);
                }
            }
        }
        if let Some(part) = self.part_of_event(before, after, &reading) {
            reading.scope.push(part);
        }
        let context = self.context(first, last);
        let named = self.named_before(before);
        Some(Found {
            span: mention.span.clone(),
            figure: Figure {
                amount,
                kind: reading.kind,
                unit,
                measure: reading.measure,
                scope: reading.scope,
                context,
                named,
                places: self.places.to_vec(),
            },
            weak: reading.weak,
        })
    }

    /// The lesser part of an event a figure measures, in the singular: "More than 40
    /// aftershocks followed, the largest of magnitude 4.2". A part word before the figure
    /// counts unless an event word stands between them or names what the figure is of
    /// right after it ("aftershocks followed the magnitude 6.1 quake"), or another clause
    /// does ("aftershocks continued as the toll rose to 300"); a figure that counts the
    /// parts themselves is the event's.
    fn part_of_event(
        &self,
        before: &[Token],
        after: &[Token],
        reading: &Reading,
    ) -> Option<String> {
        if !self.has_part_word {
            return None;
        }
        let event_word = |t: &Token| self.lexicon.class_of(&t.text).is_some();
        if after.iter().take(NOUN_WORDS).any(event_word) {
            return None;
        }
        // The part word stands in the figure's clause, or in the one before when the
        // figure's clause only ranks the parts ("..., the largest of magnitude 4.2").
        let mut ranked = false;
        let mut part = None;
        for token in before.iter().rev().take(PART_WORDS) {
            if event_word(token) {
                return None;
            }
            let folded = fold(&token.text);
            let clause_break = matches!(token.text.as_str(), "," | ";")
                || COORDINATORS.contains(&folded.as_str())
                || CLAUSE_OPENERS.contains(&folded.as_str());
            if clause_break && !std::mem::take(&mut ranked) {
                return None;
            }
            if SUPERLATIVES.contains(&folded.as_str()) {
                ranked = true;
            }
            if self.measures.is_part_word(&folded) {
                part = Some(folded);
                break;
            }
        }
        let part = part?;
        let counts_parts = self
            .measures
            .starting(&[part.as_str()], reading.kind)
            .is_some_and(|(measure, _)| measure.name == reading.measure);
        (!counts_parts).then(|| lemma(&part))
    }

    /// The folded words within [`CONTEXT_WORDS`] tokens of the figure (tokens `first` to
    /// `last`).
    fn context(&self, first: usize, last: usize) -> Vec<String> {
        let start = first.saturating_sub(CONTEXT_WORDS);
        let end = (last + 1 + CONTEXT_WORDS).min(self.tokens.len());
        let mut words: Vec<String> = self.tokens[start..end]
            .iter()
            .enumerate()
            .filter(|(i, t)| t.kind == TokenKind::Word && !(first..=last).contains(&(start + i)))
            .map(|(_, t)| fold(&self.sentence[t.span.clone()]))
            .filter(|w| w.chars().count() >= 3 && !self.measures.is_function_word(w))
            .map(|w| stem(&w))
            .collect();
        words.sort();
        words.dedup();
        words
    }

    /// Whether a date is its text's time stamp: a stamp word ("posted", "updated") among
    /// the [`STAMP_WORDS`] words before it. One that also names a date measure ("the novel
    /// was published on 5 May 2001") stamps only as a label ("PUBLISHED: March 13").
    fn is_stamp(&self, before: &[Token]) -> bool {
        before
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| t.kind == TokenKind::Word)
            .take(STAMP_WORDS)
            .any(|(i, t)| {
                let folded = fold(&t.text);
                let label = before.get(i + 1).is_some_and(|next| next.text == ":");
                self.measures.is_stamp_word(&folded)
                    && (label
                        || self
                            .measures
                            .starting(&[folded.as_str()], FigureKind::Date)
                            .is_none())
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
        let previous = tail(text, span.start)
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let folded = fold(previous.trim_end_matches('.'));
        if self.measures.is_name_word(&folded) {
            return true;
        }
        // A capitalised word right before a number names it ("Apollo 11"), unless it is a
        // word that qualifies any number ("About 600") or names the measure ("Magnitude 6").
        // "the Dodgers after December 24, 2016": a figure that opens with a word is not
        // a number a name ends in.
        let opens_with_digit = text[span.clone()]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        let capitalised = opens_with_digit
            && previous.chars().next().is_some_and(char::is_uppercase)
            && previous.chars().all(char::is_alphabetic);
        capitalised
            && !self.measures.is_function_word(&folded)
            && self.lexicon.party(previous).is_none()
            && !self.measures.names_measure(&folded)
    }
}

/// The folded words of `tokens` (in the order given) up to [`CLAUSE_WORDS`], a coordinator,
/// or a symbol that `passes` (given the symbol and the words taken so far) does not let by.
fn clause_words<'t>(
    tokens: impl Iterator<Item = &'t Token>,
    passes: impl Fn(&Token, usize) -> bool,
) -> Vec<String> {
    let mut words = Vec::new();
    for token in tokens {
        match token.kind {
            TokenKind::Word => {
                let folded = fold(&token.text);
                if COORDINATORS.contains(&folded.as_str()) || words.len() == CLAUSE_WORDS {
                    break;
                }
                words.push(folded);
            }
            TokenKind::Symbol if passes(token, words.len()) => {}
            _ => break,
        }
    }
    words
}
