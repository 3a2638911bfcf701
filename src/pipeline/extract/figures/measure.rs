//! What a figure measures: the counted noun after it, the measure named before it or by
//! its predicate, and the measure a coordinated figure shares with the one before it.

use super::*;

impl Reader<'_> {
    pub(super) fn count(&self, before: &[Token], after: &[Token]) -> Option<Reading> {
        if let Some(degree) = self.degree_of_part(after) {
            return Some(Reading {
                measure: degree,
                kind: FigureKind::Count,
                scope: Vec::new(),
                weak: true,
            });
        }
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

    /// The degree word that alone follows a count, or a part of one ("15 *critically*,",
    /// "five of them *seriously*."), folded: the count's noun is left out.
    pub(super) fn degree_of_part(&self, after: &[Token]) -> Option<String> {
        let skip = if is_partitive(after) { 2 } else { 0 };
        let word = after.get(skip).filter(|t| t.kind == TokenKind::Word)?;
        let folded = fold(&word.text);
        let ends = after
            .get(skip + 1)
            .is_none_or(|next| next.kind != TokenKind::Word);
        (ends && self.measures.is_degree_word(&folded)).then_some(folded)
    }

    /// A percentage or a sum of money: the measure before it, else the noun after it or
    /// after one of `prepositions` ("51% *of the vote*", "$4.2 million *in damage*"), else
    /// the words before it.
    pub(super) fn named_by_noun(
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

    pub(super) fn quantity(&self, before: &[Token], _after: &[Token]) -> Option<Reading> {
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
    pub(super) fn measure_in<'m>(
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
    pub(super) fn measure_before(&self, before: &[Token], kind: FigureKind) -> Option<&Measure> {
        self.measure_in_clause_before(before, kind)
            .filter(|(_, gap)| gap.linked)
            .map(|(measure, _)| measure)
    }

    /// The nearest lexicon measure among the [`CLAUSE_WORDS`] words before a figure,
    /// within its clause, and what stands between it and the figure.
    pub(super) fn measure_in_clause_before(
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
    pub(super) fn names_with_year(&self, written: &str, after: &[Token]) -> bool {
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
    /// what it is about. A sentence's first word is a name when another follows it, or when
    /// its document writes it capitalised inside a sentence too ("Echenique scored all 11
    /// points" after "Gregory Echenique had 11 points").
    pub(super) fn named_before(&self, before: &[Token]) -> Vec<String> {
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
                        && !self.known_names.contains(&folded)
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
    pub(super) fn date_measure_after(&self, before: &[Token], after: &[Token]) -> Option<&Measure> {
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
    pub(super) fn words_before(&self, before: &[Token]) -> Option<Vec<String>> {
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
                    // "the population of *Eritrea* was at": a name between is read past;
                    // "*Jamaal Charles* rushed for 226 yards": one before is the holder's,
                    // no part of the measure.
                    let name = (token.span.start > 0 || self.known_names.contains(&folded))
                        && written.chars().next().is_some_and(char::is_uppercase);
                    if name && !words.is_empty() {
                        break;
                    }
                    if self.measures.is_function_word(&folded) || name {
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
    pub(super) fn noun_after(&self, after: &[Token]) -> Noun {
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
    pub(super) fn noun_after_preposition(&self, after: &[Token], prepositions: &[&str]) -> Noun {
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
    pub(super) fn predicate(&self, after: &[Token]) -> Option<&Measure> {
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
    pub(super) fn coordinated(
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
}

/// What stands between a measure and the figure after it.
pub(super) struct Gap {
    /// Nothing: "magnitude 6.1".
    none: bool,
    /// Link words only: "a death toll *of* 312", "turnout *was* 93.87%".
    linked: bool,
}

/// The words of the noun after a figure, folded, and how many tokens it took.
#[derive(Debug, Default)]
pub(super) struct Noun {
    pub(super) words: Vec<String>,
    pub(super) consumed: usize,
}

pub(super) fn reading(measure: &Measure, scope: Vec<String>, kind: FigureKind) -> Reading {
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
