//! Dates as written and the ranges made of them: absolute and relative dates found by the
//! date grammar, joined into ranges ("from May to September", "2014-2018"), opened at one
//! end ("after 2018", "since late July") or anchored to a week ("the week of April 10th").

use super::{has_year, shift};
use super::{Kind, Mention, MentionValue, Scanner};
use crate::normalize::date::{date_finder, date_in, parse_date, DateSpan, Grain};
use crate::normalize::tokens::TokenKind;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

impl Scanner<'_> {
    pub(super) fn dates(&self) -> Vec<Mention> {
        let finder: &Regex = date_finder();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = finder.find_at(self.text, at) {
            at = m.end().max(m.start() + 1);
            // "$12 December 27": the number is an amount; the date starts after it. So in
            // "6,107.31 August 2019", where the digits are an amount's decimals.
            let before = &self.text[..m.start()];
            let decimals = {
                let mut back = before.chars().rev();
                matches!(back.next(), Some('.' | ','))
                    && back.next().is_some_and(|c| c.is_ascii_digit())
            };
            if (before.trim_end().ends_with('$') || decimals)
                && m.as_str().starts_with(|c: char| c.is_ascii_digit())
            {
                at = m.start() + m.as_str().find(|c: char| !c.is_ascii_digit()).unwrap_or(1);
                continue;
            }
            // Keep "on"/"in" out of the date and its span.
            let range = date_in(&m)..m.end();
            let body = &self.text[range.clone()];
            if self.year_of_a_name(m.range(), body, &found) {
                continue;
            }
            if let Some(span) = parse_date(body, self.options.reference) {
                found.push(Mention::date(range, span));
            } else if crate::normalize::date::is_impossible_date(body) {
                found.push(Mention {
                    span: m.range(),
                    kind: Kind::Date,
                    value: MentionValue::InvalidDate,
                });
            }
        }
        found.extend(self.holidays());
        let mut combined = self.date_ranges(&found);
        combined.extend(self.open_dates(&found));
        combined.extend(self.anchored_spans(&found));
        combined.extend(self.refined_dates(&found));
        combined.extend(self.relative_dates(&found));
        combined.extend(self.coordinated_days(&found));
        found.extend(combined);
        found
    }

    /// "18 and 19 June", "3, 4 and 5 May 2021": the days before a day's date are days of
    /// its month. A day a longer date holds ("May 18 and 19 June") loses to it where
    /// [`super::scan`] settles overlaps.
    fn coordinated_days(&self, dates: &[Mention]) -> Vec<Mention> {
        let mut found = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            if span.grain != Grain::Day {
                continue;
            }
            let Ok(mut at) = self
                .tokens
                .binary_search_by_key(&date.span.start, |t| t.span.start)
            else {
                continue;
            };
            if self.day_number_at(at) != Some(span.start.day()) {
                continue;
            }
            while at >= 2 && matches!(self.word(at - 1), Some("and" | "," | "&")) {
                let Some(day) = self.day_number_at(at - 2) else {
                    break;
                };
                let Some(start) = span.start.with_day(day) else {
                    break;
                };
                found.push(Mention::date(
                    self.tokens[at - 2].span.clone(),
                    DateSpan::between(start, start.succ_opt().unwrap_or(start), span.year_assumed),
                ));
                at -= 2;
            }
        }
        found
    }

    /// The day of the month a lone number of one or two digits at token `at` can be.
    fn day_number_at(&self, at: usize) -> Option<u32> {
        let token = self.tokens.get(at)?;
        let lone = at == 0 || !matches!(self.word(at - 1), Some("." | "-" | "/" | ":"));
        let day: u32 = token.text.parse().ok()?;
        (token.kind == TokenKind::Digits
            && token.text.len() <= 2
            && lone
            && (1..=31).contains(&day))
        .then_some(day)
    }

    /// A bare year right after a capitalised word is part of a name ("Croatia 2019 is a
    /// civil exercise", "Euro 2024", "Vision 2030"), unless that word is one of the little
    /// words that start a sentence ("In 2019", "Since 2019") or ends a date of its own
    /// ("Spring 2019").
    fn year_of_a_name(&self, range: std::ops::Range<usize>, body: &str, found: &[Mention]) -> bool {
        const LITTLE_WORDS: &[&str] = &[
            "in",
            "on",
            "at",
            "by",
            "of",
            "for",
            "from",
            "to",
            "until",
            "till",
            "since",
            "before",
            "after",
            "during",
            "through",
            "throughout",
            "between",
            "around",
            "about",
            "circa",
            "and",
            "or",
            "but",
            "the",
            "this",
            "that",
            "each",
            "every",
            "early",
            "late",
            "mid",
            "end",
            "until",
            "as",
            "then",
            "so",
            "yet",
            "also",
            "last",
            "next",
            "year",
            "fiscal",
            "calendar",
            "summer",
            "winter",
            "spring",
            "autumn",
            "fall",
        ];
        if body.len() != 4 || !body.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let before = &self.text[..range.start];
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() == before.len() || trimmed.is_empty() {
            return false;
        }
        let word_start = trimmed
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start..];
        let capitalised =
            word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic);
        let ends_a_date = found.iter().any(|d| d.span.end == trimmed.len());
        capitalised
            && !ends_a_date
            && !LITTLE_WORDS.contains(&word.to_lowercase().as_str())
            && !crate::normalize::date::is_month_name(word)
    }

    /// "from May to September", "between 2014 and 2018", "2014-2018", "Nov-Feb 2017": two
    /// dates joined into the range from the start of the first to the end of the second.
    pub(super) fn date_ranges(&self, dates: &[Mention]) -> Vec<Mention> {
        static JOIN: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"^\s*(?:-|–|~|(?i:to|till|until|through|and|thru))\s*$")
                .unwrap()
        });
        static OPEN: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)\b(from|between)\s+(?:the\s+)?$").unwrap()
        });
        let mut ranges = Vec::new();
        for pair in dates.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            let (MentionValue::Date(a), MentionValue::Date(b)) = (&first.value, &second.value)
            else {
                continue;
            };
            if first.span.end > second.span.start {
                continue;
            }
            let between = &self.text[first.span.end..second.span.start];
            if !JOIN.is_match(between) {
                continue;
            }
            let before = &self.text[..first.span.start];
            let opener = OPEN.captures(before);
            let joined_by_and = between.trim().eq_ignore_ascii_case("and");
            if joined_by_and
                && !opener
                    .as_ref()
                    .is_some_and(|c| c[1].eq_ignore_ascii_case("between"))
            {
                continue;
            }
            // A first date without a year takes the second's ("Nov-Feb 2017" starts in 2016).
            let mut start = a.start;
            let first_text = &self.text[first.span.clone()];
            let this_before = self.text[..first.span.start]
                .to_lowercase()
                .trim_end()
                .ends_with("this");
            if !has_year(first_text) && !this_before && a.start.year() != b.start.year() {
                let year = if a.start.month() > b.start.month() {
                    b.start.year() - 1
                } else {
                    b.start.year()
                };
                start = a.start.with_year(year).unwrap_or(a.start);
            }
            let mut end = b.end;
            if start >= end {
                // "from 10/25 to 01/25": the second date is in the next year.
                let second_text = &self.text[second.span.clone()];
                if !has_year(second_text) {
                    end = b.end.with_year(b.end.year() + 1).unwrap_or(b.end);
                }
            }
            if start >= end {
                continue;
            }
            let span_start = opener.map_or(first.span.start, |c| {
                c.get(0).map_or(first.span.start, |m| m.start())
            });
            ranges.push(Mention::date(
                span_start..second.span.end,
                DateSpan::between(start, end, a.year_assumed || b.year_assumed),
            ));
        }
        ranges
    }

    /// "after 2018", "since late July", "starting January 7th", "before 2010": ranges open at
    /// one end.
    pub(super) fn open_dates(&self, dates: &[Mention]) -> Vec<Mention> {
        static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(r"(?i)(\bafter|\blater\s+than|\bsince|\bstarting(?:\s+on|\s+from)?|\bbeginning(?:\s+on)?|\bbefore|\buntil|\btill|\bearlier\s+than|[<>]\s*=?)\s*(?:the\s+(?:year\s+)?|this\s+)?$").unwrap()
        });
        let mut open = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            let Some(caps) = BEFORE.captures(&self.text[..date.span.start]) else {
                continue;
            };
            let word = caps[1].to_lowercase();
            // "from May" opens a range only when no end follows ("from May to October").
            let rest = &self.text[date.span.end..];
            let ranged = span.grain == Grain::Span
                || rest.trim_start().starts_with(['-', '–', '~'])
                || ["to ", "till ", "until ", "through "]
                    .iter()
                    .any(|j| rest.trim_start().to_lowercase().starts_with(j));
            if word == "from" && ranged {
                continue;
            }
            let (start, end) = match word.split_whitespace().next().unwrap_or("") {
                _ if word.starts_with('>') && word.contains('=') => (span.start, NaiveDate::MAX),
                _ if word.starts_with('<') && word.contains('=') => (NaiveDate::MIN, span.end),
                "after" | "later" | ">" => (span.end, NaiveDate::MAX),
                "since" | "starting" | "beginning" | "from" | ">=" => (span.start, NaiveDate::MAX),
                _ if word.starts_with(">") => (span.start, NaiveDate::MAX),
                // "until Nov. 9" takes in Nov. 9; "before Nov. 9" ends as it starts.
                "until" | "till" => (NaiveDate::MIN, span.end),
                _ => (NaiveDate::MIN, span.start),
            };
            open.push(Mention::date(
                caps.get(0).map_or(date.span.start, |m| m.start())..date.span.end,
                DateSpan::between(start, end, span.year_assumed),
            ));
        }
        open
    }

    /// "the week of April 10th" (Monday to Monday), "the week commencing February 4",
    /// "2 weeks starting May 20th".
    pub(super) fn anchored_spans(&self, dates: &[Mention]) -> Vec<Mention> {
        static WEEK_OF: LazyLock<Regex> = LazyLock::new(|| {
            crate::pattern::compile(
                r"(?i)\b(?:the\s+)?week\s+(of|commencing|starting|beginning)\s+(?:on\s+)?$",
            )
            .unwrap()
        });
        let mut found = Vec::new();
        for date in dates {
            let MentionValue::Date(span) = &date.value else {
                continue;
            };
            let before = &self.text[..date.span.start];
            if let Some(caps) = WEEK_OF.captures(before) {
                let start = if caps[1].eq_ignore_ascii_case("of") {
                    span.start
                        - chrono::Duration::days(span.start.weekday().num_days_from_monday() as i64)
                } else {
                    span.start
                };
                found.push(Mention {
                    span: caps.get(0).map_or(date.span.start, |m| m.start())..date.span.end,
                    kind: Kind::Date,
                    value: MentionValue::Date(DateSpan {
                        start,
                        end: start + chrono::Duration::days(7),
                        grain: Grain::Week,
                        year_assumed: span.year_assumed,
                    }),
                });
            }
            let starting = before.trim_end().to_lowercase();
            if starting.ends_with("starting") || starting.ends_with("beginning") {
                let keyword_at =
                    before.trim_end().len() - "starting".len().min(before.trim_end().len());
                let anchor = self.token_end(keyword_at);
                let duration_start = (0..anchor).rev().find_map(|i| {
                    self.duration(i).filter(|d| {
                        d.span.end <= keyword_at
                            && self.text[d.span.end..keyword_at].trim().is_empty()
                    })
                });
                if let Some(duration) = duration_start {
                    if let MentionValue::Duration { seconds } = duration.value {
                        found.push(Mention::date(
                            duration.span.start..date.span.end,
                            DateSpan::between(
                                span.start,
                                shift(span.start, seconds, 1),
                                span.year_assumed,
                            ),
                        ));
                    }
                }
            }
        }
        found
    }
}
