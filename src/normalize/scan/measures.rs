//! Money, ages and temperatures: an amount with the words that make it one. Money is written
//! with a currency's symbol or name before or after the amount ("$ 75 million", "US$15",
//! "115usd", "420 million finnish markka", "3 dollars 50 cents"; the currencies are data in
//! rules/currencies.toml); an age with a unit of time and "old" or "of age" ("five years
//! old", "a 90 day old bill", "87 yo", "aged 38"); a temperature with degrees or a scale
//! ("40 deg celsius", "98.6 degrees f", "-5 °C", "85°").

use super::{Kind, Mention, MentionValue, Scanner};
use crate::normalize::tokens::tokenize;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Currency {
    name: String,
    iso: Option<String>,
    names: Vec<String>,
    #[serde(default)]
    minor: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CurrencyFile {
    currency: Vec<Currency>,
}

/// The currencies, and every spelling as tokens with its currency, longest first, found
/// by their first token.
struct Currencies {
    list: Vec<Currency>,
    spellings: Vec<(Vec<String>, usize)>,
    by_first: std::collections::HashMap<String, Vec<usize>>,
}

fn currencies() -> &'static Currencies {
    static BUILTIN: LazyLock<Currencies> = LazyLock::new(|| {
        let file: CurrencyFile = toml::from_str(include_str!("../../../rules/currencies.toml"))
            .expect("rules/currencies.toml is valid (checked by the test suite)");
        let mut spellings: Vec<(Vec<String>, usize)> = file
            .currency
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                c.names
                    .iter()
                    .map(move |n| (tokenize(n).into_iter().map(|t| t.text).collect(), i))
            })
            .collect();
        spellings.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        let mut by_first: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, (words, _)) in spellings.iter().enumerate() {
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        Currencies {
            list: file.currency,
            spellings,
            by_first,
        }
    });
    &BUILTIN
}

impl Scanner<'_> {
    /// The currency spelled at token `at` and the token after its spelling.
    fn currency_at(&self, at: usize) -> Option<(usize, usize)> {
        let currencies = currencies();
        let candidates = currencies.by_first.get(self.word(at)?)?;
        candidates.iter().find_map(|&i| {
            let (words, index) = &currencies.spellings[i];
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.word(at + k) == Some(w.as_str()));
            fits.then_some((*index, at + words.len()))
        })
    }

    /// "30 MUSD", "500 kEUR": an ISO code after a metric prefix, as finance writes millions
    /// and thousands; the currency, the scale and the token after it. The code must be
    /// written in capitals ("5 mars" is no sum of Argentine pesos).
    fn scaled_code_at(&self, at: usize) -> Option<(usize, f64, usize)> {
        let written = &self.text[self.tokens.get(at)?.span.clone()];
        let (scale, code) = match written.split_at_checked(1)? {
            ("M" | "m", code) => (1e6, code),
            ("k" | "K", code) => (1e3, code),
            _ => return None,
        };
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let currency = currencies()
            .list
            .iter()
            .position(|c| c.iso.as_deref() == Some(code))?;
        Some((currency, scale, at + 1))
    }

    /// Whether the currency symbol at token `at` (`currency`, spelled up to `end`) after a
    /// number stands before the next number instead, which no symbol follows.
    fn symbol_of_the_next(&self, at: usize, currency: usize, end: usize) -> bool {
        let symbol = self
            .word(at)
            .is_some_and(|w| !w.chars().any(char::is_alphanumeric));
        let Some(next) = self.cardinal(end).filter(|_| symbol) else {
            return false;
        };
        self.currency_at(next.end)
            .is_none_or(|(again, _)| again != currency)
    }

    /// An amount of money starting at token `start`.
    pub(super) fn money(&self, start: usize) -> Option<Mention> {
        let (currency, mut value, mut end) = match self.currency_at(start) {
            // "$ 75 million", "usd115", "c $ 16.4 million"
            Some((currency, after)) => {
                let parsed = self.cardinal(after)?;
                let mut end = parsed.end;
                // "$ 10 dollars": the name again after the amount, in words; "$ 20.00 $
                // 37.30" and "10 $ 30 $" are two sums.
                if let Some((again, after_again)) = self.currency_at(end) {
                    let in_words = self
                        .word(end)
                        .is_some_and(|w| w.chars().any(char::is_alphabetic));
                    if currencies().list[again].name == currencies().list[currency].name
                        && in_words
                        && self.cardinal(after_again).is_none()
                    {
                        end = after_again;
                    }
                }
                (currency, parsed.value, end)
            }
            // "420 million finnish markka", "115usd", "12-cent", "75 usd million"
            None => {
                let (value, after) = self.number_before_unit(start)?;
                let at = if self.word(after) == Some("-") {
                    after + 1
                } else {
                    after
                };
                let (currency, mut end, mut value) = match self.currency_at(at) {
                    // "20.00 $ 37.30": a symbol before a number is that number's, unless
                    // the text writes it after its numbers ("10 $ 30 $").
                    Some((currency, end)) if self.symbol_of_the_next(at, currency, end) => {
                        return None
                    }
                    Some((currency, end)) => (currency, end, value),
                    None => {
                        let (currency, scale, end) = self.scaled_code_at(at)?;
                        (currency, end, value * scale)
                    }
                };
                if let Some(scale) = self
                    .word(end)
                    .and_then(crate::normalize::tokens::scale_word)
                {
                    value *= scale;
                    end += 1;
                }
                (currency, value, end)
            }
        };
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50"
        let minor = &currencies().list[currency].minor;
        if !minor.is_empty() && value.fract() == 0.0 {
            let at = if self.word(end) == Some("and") {
                end + 1
            } else {
                end
            };
            if let Some(cents) = self.cardinal(at) {
                let named = self
                    .word(cents.end)
                    .is_some_and(|w| minor.iter().any(|m| m == w));
                let bare = !named && self.currency_at(cents.end).is_none();
                let whole = cents.value.fract() == 0.0;
                if whole && cents.value > 0.0 && cents.value < 100.0 && (named || bare) {
                    value += cents.value / 100.0;
                    end = cents.end + usize::from(named);
                }
            }
        }
        let currency = &currencies().list[currency];
        Some(Mention {
            span: self.span(start, end),
            kind: Kind::Currency,
            value: MentionValue::Currency {
                value,
                unit: currency.name.clone(),
                iso: currency.iso.clone(),
            },
        })
    }

    /// An age starting at token `start`.
    pub(super) fn age(&self, start: usize) -> Option<Mention> {
        // "aged 38", "a man of age 87"
        if let Some(unit) = match self.word(start) {
            Some("aged") => Some("Year"),
            Some("age") => Some("Age"),
            _ => None,
        } {
            let (value, end) = self.cardinal_at(start + 1)?;
            return Some(self.measure(start, end, Kind::Age, value, unit));
        }
        let (value, after) = self.cardinal_at(start)?;
        let at = |i: usize| if self.word(i) == Some("-") { i + 1 } else { i };
        if self.word(after) == Some("yo") {
            return Some(self.measure(start, after + 1, Kind::Age, value, "Year"));
        }
        let unit_at = at(after);
        let unit = match self.word(unit_at)? {
            "year" | "years" | "yr" | "yrs" => "Year",
            "month" | "months" => "Month",
            "week" | "weeks" => "Week",
            "day" | "days" => "Day",
            _ => return None,
        };
        let old_at = at(unit_at + 1);
        let end = match (self.word(old_at), self.word(old_at + 1)) {
            (Some("old"), _) => old_at + 1,
            (Some("of"), Some("age")) => old_at + 2,
            _ => return None,
        };
        Some(self.measure(start, end, Kind::Age, value, unit))
    }

    /// A temperature starting at token `start`.
    pub(super) fn temperature(&self, start: usize) -> Option<Mention> {
        let (value, after) = self.cardinal_at(start).or_else(|| {
            // "85°", "20°C": the sign sticks to the digits.
            let parsed = self.cardinal(start)?;
            (self.starts_number(start)).then_some((parsed.value, parsed.end))
        })?;
        let scale = |word: &str| match word {
            "celsius" | "celcius" | "centigrade" | "c" => Some("C"),
            "fahrenheit" | "farenheit" | "f" => Some("F"),
            "kelvin" | "k" => Some("K"),
            _ => None,
        };
        let (mut unit, mut end) = match self.word(after)? {
            "℃" => ("C", after + 1),
            "℉" => ("F", after + 1),
            "degree" | "degrees" | "deg" | "°" => ("Degree", after + 1),
            // Only a scale's full name stands without "degrees": "90 fahrenheit".
            word if word.len() > 1 && scale(word).is_some() && word != "k" => {
                (scale(word)?, after + 1)
            }
            _ => return None,
        };
        if unit == "Degree" {
            if self.word(end) == Some(".") && self.word(after) == Some("deg") {
                end += 1;
            }
            if let Some(named) = self.word(end).and_then(scale) {
                unit = named;
                end += 1;
            }
        }
        Some(self.measure(start, end, Kind::Temperature, value, unit))
    }

    fn measure(&self, start: usize, end: usize, kind: Kind, value: f64, unit: &str) -> Mention {
        let unit = unit.to_string();
        Mention {
            span: self.span(start, end),
            kind,
            value: match kind {
                Kind::Age => MentionValue::Age { value, unit },
                _ => MentionValue::Temperature { value, unit },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{scan, Kind, MentionValue, ScanOptions};

    fn first(text: &str, kind: Kind) -> (String, MentionValue) {
        let options = ScanOptions {
            kinds: vec![kind],
            ..ScanOptions::default()
        };
        let found = scan(text, &options).into_iter().next();
        let mention = found.unwrap_or_else(|| panic!("no {} in {text:?}", kind.name()));
        (text[mention.span].to_string(), mention.value)
    }

    #[test]
    fn the_currency_file_reads() {
        assert!(super::currencies().list.len() > 20);
    }

    #[test]
    fn money_before_and_after_the_amount() {
        let money = |text: &str| match first(text, Kind::Currency) {
            (written, MentionValue::Currency { value, unit, .. }) => (written, value, unit),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            money("a grant of $2.5 million to the city"),
            ("$2.5 million".into(), 2_500_000.0, "Dollar".into())
        );
        assert_eq!(
            money("tickets cost 12 euros and 50 cents"),
            ("12 euros and 50 cents".into(), 12.5, "Euro".into())
        );
        assert_eq!(
            money("paid 300usd upfront"),
            ("300usd".into(), 300.0, "United States dollar".into())
        );
        assert_eq!(
            money("losses of 30 MUSD were reported"),
            ("30 MUSD".into(), 30e6, "United States dollar".into())
        );
        assert_eq!(
            money("a budget of 500 kEUR"),
            ("500 kEUR".into(), 500e3, "Euro".into())
        );
        assert_eq!(
            money("paid $ 20.00 $ 37.30 in fees"),
            ("$ 20.00".into(), 20.0, "Dollar".into())
        );
        let options = ScanOptions {
            kinds: vec![Kind::Currency],
            ..ScanOptions::default()
        };
        assert!(scan("he ate 5 mars bars", &options).is_empty());
    }

    #[test]
    fn ages_and_temperatures() {
        assert_eq!(
            first("the mayor, aged 58, said", Kind::Age),
            (
                "aged 58".into(),
                MentionValue::Age {
                    value: 58.0,
                    unit: "Year".into()
                }
            )
        );
        assert_eq!(
            first("a two-week-old calf", Kind::Age).1,
            MentionValue::Age {
                value: 2.0,
                unit: "Week".into()
            }
        );
        assert_eq!(
            first("it fell to -5 degrees celsius overnight", Kind::Temperature),
            (
                "-5 degrees celsius".into(),
                MentionValue::Temperature {
                    value: -5.0,
                    unit: "C".into()
                }
            )
        );
    }
}
