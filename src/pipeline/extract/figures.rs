//! The figure reader: every number, range, percentage, sum of money and quantity the
//! normalizers find in a sentence becomes a figure claim when the words around it say what
//! it measures — the counted noun ("312 fatalities"), a predicate ("312 people were
//! killed"), the words before it ("a death toll of 312", "magnitude 6.1") — read with the
//! lexicon's `measures`, or else the noun it counts ("26 reviews").

use crate::model::amount::Convention;
use crate::model::value::{Figure, FigureKind, EVENT_DATE_MEASURE, UNNAMED, WIDE_SCOPE};
use crate::normalize::qualifier;
use crate::normalize::scan::{scan, Kind, Mention, Reference, ScanOptions};
use crate::normalize::tokens::{tokenize, Token, TokenKind};
use crate::rules::measures::{Measure, Measures};
use crate::rules::Lexicon;
use crate::text::fold::fold;
use std::ops::Range;

mod amounts;
mod words;

use amounts::{
    date_qualified, has_year, is_year, qualified, tail, value_of, year_span, YEAR_PREPOSITIONS,
};
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
/// The scope of a count the text gives as an earlier report ("said earlier it had
/// confirmed 30 dead"), which a later one may have replaced.
const EARLIER_SCOPE: &str = "earlier";

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
/// rules already read.
pub fn figures(
    sentence: &str,
    claimed: &[Range<usize>],
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
    let reader = Reader {
        sentence,
        has_url: !urls.is_empty(),
        has_part_word: lexicon.measures.may_name_a_part(sentence),
        stretches: &stretches,
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
        if figure.weak
            && !previous.weak
            && previous.figure.kind == figure.figure.kind
            && between.split_whitespace().any(|w| w == "and")
            && between.split_whitespace().count() <= 8
            && !own_clause
        {
            figure.figure.measure = previous.figure.measure.clone();
            figure.weak = false;
        }
    }
    found
}

/// A day a story of many days holds ("Wednesday night", "Saturday's protests", though not
/// "Thursday's bombing", the one event of its day) or a stretch of them ("over four
/// nights").
static STRETCH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let weekday = crate::normalize::date::WEEKDAY;
    regex::Regex::new(&format!(
        r"(?i)\b(?:(?P<day>{weekday})(?:(?:'s|’s)\s+\p{{L}}+s|\s+(?:night|evening))|over\s+(?:the\s+(?:past|last)\s+)?(?P<count>[a-z0-9]+)\s+(?P<unit>days|nights|weeks))\b",
    ))
    .expect("stretch pattern compiles")
});

/// The stretches of time `sentence` counts over: where each stands, and its scope ("on
/// wednesday", "over 4 nights").
fn stretches(sentence: &str) -> Vec<(Range<usize>, String)> {
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
        if is_one_of_a_pair(written, before, after) || is_clock_time(after) {
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
        if base_kind == FigureKind::Count && is_partitive(after) {
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

    fn count(&self, before: &[Token], after: &[Token]) -> Option<Reading> {
        let noun = self.noun_after(after);
        if let Some((measure, scope)) = self.measure_in(&noun, FigureKind::Count) {
            return Some(reading(measure, scope, FigureKind::Count));
        }
        let head = noun.words.last().cloned();
        // A noun a count rule counts in ("600 troops") is that rule's to read.
        if noun.words.iter().any(|w| self.lexicon.unit_of(w).is_some()) {
            return None;
        }
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
        // "killing 5 soldiers": the measure before, what it counts as its scope; one further
        // back that counts nothing ("a rating based on 158 reviews") leaves the noun its own.
        let before_measure = self
            .measure_in_clause_before(before, FigureKind::Count)
            .filter(|(m, gap)| gap.none || counts_people || m.takes(FigureKind::Count))
            .map(|(m, _)| m);
        if let Some(measure) = before_measure {
            let mut scope = self.scope_of(&noun.words);
            // What a count counts narrows it; a number on a scale counts nothing.
            if let Some(head) = head.filter(|_| !counts_people && measure.takes(FigureKind::Count))
            {
                scope.push(lemma(&head));
            }
            return Some(reading(measure, scope, FigureKind::Count));
        }
        let head = head?;
        Some(Reading {
            weak: head.ends_with("ly"),
            measure: head,
            kind: FigureKind::Count,
            scope: self.scope_of(&noun.words[..noun.words.len() - 1]),
        })
    }

    /// A percentage or a sum of money: the measure before it, else the noun after it or
    /// after one of `prepositions` ("51% *of the vote*", "$4.2 million *in damage*"), else
    /// the words before it.
    fn named_by_noun(
        &self,
        before: &[Token],
        after: &[Token],
        kind: FigureKind,
        prepositions: &[&str],
    ) -> Option<Reading> {
        if let Some(measure) = self.measure_before(before, kind) {
            return Some(reading(measure, Vec::new(), kind));
        }
        let noun = self.noun_after(after);
        let noun = if noun.words.is_empty() {
            self.noun_after_preposition(after, prepositions)
        } else {
            noun
        };
        if let Some((measure, scope)) = self.measure_in(&noun, kind) {
            return Some(reading(measure, scope, kind));
        }
        let (measure, weak) = match noun.words.last() {
            Some(head) => (head.clone(), head.ends_with("ly")),
            None => (self.words_before(before)?.join(" "), true),
        };
        Some(Reading {
            measure,
            kind,
            scope: Vec::new(),
            weak,
        })
    }

    fn quantity(&self, before: &[Token], _after: &[Token]) -> Option<Reading> {
        if let Some(measure) = self.measure_before(before, FigureKind::Quantity) {
            return Some(reading(measure, Vec::new(), FigureKind::Quantity));
        }
        let words = self.words_before(before)?;
        Some(Reading {
            measure: words.join(" "),
            kind: FigureKind::Quantity,
            scope: Vec::new(),
            weak: true,
        })
    }

    /// The lexicon measure among the noun's words, and the words before it that narrow it.
    fn measure_in<'m>(
        &'m self,
        noun: &Noun,
        kind: FigureKind,
    ) -> Option<(&'m Measure, Vec<String>)> {
        let words: Vec<&str> = noun.words.iter().map(String::as_str).collect();
        (0..words.len()).find_map(|start| {
            let (measure, _) = self.measures.starting(&words[start..], kind)?;
            Some((measure, self.scope_of(&noun.words[..start])))
        })
    }

    /// The nearest lexicon measure in the clause before a figure ("the death toll from
    /// Tuesday's quake rose to"), if it stands right before it or the figure's noun does
    /// not count something of its own.
    fn measure_before(&self, before: &[Token], kind: FigureKind) -> Option<&Measure> {
        self.measure_in_clause_before(before, kind)
            .filter(|(_, gap)| gap.linked)
            .map(|(measure, _)| measure)
    }

    /// The nearest lexicon measure among the [`CLAUSE_WORDS`] words before a figure,
    /// within its clause, and what stands between it and the figure.
    fn measure_in_clause_before(
        &self,
        before: &[Token],
        kind: FigureKind,
    ) -> Option<(&Measure, Gap)> {
        let mut words = clause_words(before.iter().rev(), |token, _| {
            matches!(token.text.as_str(), "-" | "$" | "€" | "£" | "'" | "’")
        });
        words.reverse();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (1..=words.len()).rev().find_map(|end| {
            let (measure, _) = self.measures.ending(&words[..end], kind)?;
            let between = &words[end..];
            let gap = Gap {
                none: between.is_empty(),
                linked: between.iter().all(|w| self.measures.is_function_word(w)),
            };
            Some((measure, gap))
        })
    }

    /// A year written before a noun names a thing by it ("the 2012 revision", "a 2017
    /// comedy film"), also where the date reader took the words before it into a range
    /// ("since the 2010 quake", "after the 2004 tsunami"): it dates nothing the sentence
    /// reports.
    fn names_with_year(&self, written: &str, after: &[Token]) -> bool {
        let written = written.trim();
        let at = written.len().saturating_sub(4);
        if !written.is_char_boundary(at) {
            return false;
        }
        let (lead, year) = written.split_at(at);
        let after_the = lead.ends_with(char::is_whitespace)
            && lead
                .split_whitespace()
                .last()
                .is_some_and(|w| fold(w) == "the");
        (lead.is_empty() || after_the)
            && year.len() == 4
            && year.chars().all(|c| c.is_ascii_digit())
            && after.first().is_some_and(|t| {
                // "a 2017-born player"; but "since the 1989-90 season" spans two years.
                (t.text == "-" && lead.is_empty())
                    || (t.kind == TokenKind::Word
                        && !self.measures.is_function_word(&fold(&t.text)))
            })
    }

    /// The capitalised words of the clause before a figure, folded: the names of who or
    /// what it is about. A sentence's first word is a name only when another follows it.
    fn named_before(&self, before: &[Token]) -> Vec<String> {
        let mut named = Vec::new();
        let mut words = 0;
        for (index, token) in before.iter().enumerate().rev() {
            match token.kind {
                TokenKind::Word => {
                    let folded = fold(&token.text);
                    if COORDINATORS.contains(&folded.as_str()) || words == CLAUSE_WORDS {
                        break;
                    }
                    words += 1;
                    let written = &self.sentence[token.span.clone()];
                    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
                    let opens_sentence = index == 0
                        && !before.get(1).is_some_and(|next| {
                            next.kind == TokenKind::Word
                                && self.sentence[next.span.clone()]
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_uppercase)
                        });
                    if capitalised
                        && !opens_sentence
                        && !self.measures.is_function_word(&folded)
                        && !MONTHS.contains(&folded.trim_end_matches('.'))
                    {
                        named.push(folded);
                    }
                }
                TokenKind::Symbol if matches!(token.text.as_str(), "," | ";" | ":") => break,
                _ => {}
            }
        }
        if named.is_empty()
            && before[before.len().saturating_sub(CLAUSE_WORDS)..]
                .iter()
                .any(|t| PRONOUNS.contains(&t.text.as_str()))
        {
            named.push(UNNAMED.to_string());
        }
        named.sort();
        named.dedup();
        named
    }

    /// The date measure of the clause a date opens: "On 9 March 2016, Schaub *signed* a
    /// contract", "On September 27, 2017, Pineiro *released* Deadstar". Only a date that
    /// opens its sentence's clause (after a preposition) has the clause's verb as its own.
    fn date_measure_after(&self, before: &[Token], after: &[Token]) -> Option<&Measure> {
        let clause = match before {
            [.., opener, word] => opener.text == "," && word.kind == TokenKind::Word,
            [word] => word.kind == TokenKind::Word,
            [] => true,
        };
        if !clause {
            return None;
        }
        let words = clause_words(after.iter(), |token, taken| token.text == "," && taken == 0);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (0..words.len()).find_map(|i| {
            self.measures
                .starting(&words[i..], FigureKind::Date)
                .map(|(measure, _)| measure)
        })
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
                    // "4 deaths and 7 recoveries": a coordinated figure has its own noun.
                    if COORDINATORS.contains(&folded.as_str()) {
                        break;
                    }
                    let written = &self.sentence[token.span.clone()];
                    // "the population of *Eritrea* was at": a name between is read past.
                    let name = token.span.start > 0
                        && written.chars().next().is_some_and(char::is_uppercase);
                    if self.measures.is_function_word(&folded) || (name && words.is_empty()) {
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
    /// symbol or an adverb. Capitalised words that name no party belong to it only when a
    /// noun follows them ("75 COVID-19 cases", "18 UEFA Champions League seasons"), and a
    /// number glued by a hyphen is part of a word ("covid-19 deaths").
    fn noun_after(&self, after: &[Token]) -> Noun {
        let mut words = Vec::new();
        let mut pending: Vec<String> = Vec::new();
        let mut consumed = 0;
        let glued = |i: usize| after.get(i).is_some_and(|t: &Token| !t.gap);
        for (index, token) in after.iter().enumerate() {
            match token.kind {
                TokenKind::Word => {
                    let folded = fold(&token.text);
                    let written = &self.sentence[token.span.clone()];
                    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
                    // "copies globally": an adverb after the noun ends it.
                    let adverb = !words.is_empty() && folded.ends_with("ly");
                    // "two more people": the word of increment is the noun's, though "more"
                    // ends a noun elsewhere ("5 more than last year").
                    if index == 0
                        && self.measures.is_increment_word(&folded)
                        && after.get(1).is_none_or(|t| t.text != "than")
                    {
                        words.push(folded);
                        consumed = 1;
                        continue;
                    }
                    // "up from 55% four years ago": a number word opens another figure.
                    if self.measures.is_function_word(&folded)
                        || adverb
                        || crate::normalize::tokens::small_word(&folded).is_some()
                        || words.len() == NOUN_WORDS
                        || pending.len() == NOUN_WORDS
                    {
                        break;
                    }
                    if capitalised && self.lexicon.party(written).is_none() {
                        pending.push(folded);
                        continue;
                    }
                    words.append(&mut pending);
                    words.push(folded);
                    consumed = index + 1;
                }
                // "a 5.9-magnitude quake", "18-year-old"
                TokenKind::Symbol
                    if token.text == "-" && words.is_empty() && pending.is_empty() =>
                {
                    consumed = index + 1;
                }
                // "covid-19": the hyphen and the number are the word's.
                TokenKind::Symbol if token.text == "-" && !token.gap && glued(index + 1) => {}
                TokenKind::Digits
                    if !token.gap
                        && index > 0
                        && after[index - 1].text == "-"
                        && !(words.is_empty() && pending.is_empty()) => {}
                _ => break,
            }
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
        let skip = match after.get(1) {
            Some(t) if matches!(t.text.as_str(), "the" | "a" | "an" | "its" | "their") => 2,
            // "38% of 88 critics": the share is of the critics.
            Some(t) if t.kind == TokenKind::Digits => 2,
            _ => 1,
        };
        self.noun_after(&after[skip.min(after.len())..])
    }

    /// The measure a predicate after the counted people names: "312 people *were killed*".
    fn predicate(&self, after: &[Token]) -> Option<&Measure> {
        // "killing 12 people and injuring about 140": past "and" is another figure's.
        let words = clause_words(after.iter().take(LINK_WORDS + 2), |_, _| false);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        (0..words.len())
            .take_while(|&i| i == 0 || self.measures.is_function_word(words[i - 1]))
            .find_map(|i| self.measures.starting(&words[i..], FigureKind::Count))
            .map(|(measure, _)| measure)
    }

    /// The reading of a figure that names no measure of its own but is coordinated with the
    /// figure before it, which does: "two quakes, measuring 7.6 *and* 7.4, struck".
    fn coordinated(
        &self,
        mention: &Mention,
        previous: Option<&Found>,
        kind: FigureKind,
        after: &[Token],
    ) -> Option<Reading> {
        let previous = previous?;
        let between = self.sentence.get(previous.span.end..mention.span.start)?;
        let words: Vec<&str> = between
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let same_kind = previous.figure.kind == kind
            || (kind == FigureKind::Count && previous.figure.kind == FigureKind::Number);
        (matches!(words.as_slice(), ["and"] | ["or"])
            && same_kind
            && previous.figure.kind != FigureKind::Date
            && self.noun_after(after).words.is_empty())
        .then(|| Reading {
            measure: previous.figure.measure.clone(),
            kind: previous.figure.kind,
            scope: previous.figure.scope.clone(),
            weak: previous.weak,
        })
    }

    /// Whether the words after a count, in its clause, give it over a wider area than the
    /// story's own: "killed 230,000 people *across* Asia", "*in 14 countries*", "*around
    /// the* Indian Ocean", "sold 20 million records *worldwide*". A place that narrows it ("in
    /// the province") gives it no scope: it is the story's.
    fn counts_wide(&self, after: &[Token]) -> bool {
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
    fn reported_earlier(&self, before: &[Token]) -> bool {
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
    fn scope_of(&self, words: &[String]) -> Vec<String> {
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

/// What stands between a measure and the figure after it.
struct Gap {
    /// Nothing: "magnitude 6.1".
    none: bool,
    /// Link words only: "a death toll *of* 312", "turnout *was* 93.87%".
    linked: bool,
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
        weak: false,
    }
}

/// Where a number stands in "19 of the 35 seats".
#[derive(Debug, Clone)]
enum Share {
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
fn shares(sentence: &str, mentions: &[Mention]) -> Vec<Share> {
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
