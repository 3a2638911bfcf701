//! Names in a document: a person's name as a claim's subject (titles and honorifics taken
//! off), its comparison key, a surname alone completed from the full name the document
//! gives, and an event's name cleaned of quotes with its year written out.

use crate::model::claim::{Claim, SubjectRef};
use crate::pipeline::source::Document;
use crate::rules::Lexicon;
use crate::text::fold::fold;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A person subject from the text a pattern captured: leading titles, ranks and
/// honorifics removed, possessive removed. None when a word of it is one no name holds
/// ("the Judiciary Committee", "Thursday").
pub(super) fn person(text: &str, lexicon: &Lexicon) -> Option<SubjectRef> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| fold(w.trim_end_matches("’s").trim_end_matches("'s"));
    if words.iter().any(|w| lexicon.is_not_name_word(&bare(w))) {
        return None;
    }
    let first_name_word = words
        .iter()
        .position(|w| !lexicon.is_title_word(&fold(w)))?;
    let name = words[first_name_word..]
        .join(" ")
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    let key = person_key(&name);
    (!key.is_empty()).then_some(SubjectRef::Person { name, key })
}

/// The comparison key of a name: folded, initials dropped ("George M. Wikoff" →
/// "george wikoff").
pub fn person_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .filter(|w| w.chars().count() > 1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A surname alone ("Admiral Wikoff") refers back to the full name the document gives
/// ("George M. Wikoff"), from other claims or from the text.
pub(super) fn resolve_surnames(doc: &Document, claims: &mut [Claim], lexicon: &Lexicon) {
    let full_names: Vec<(String, String)> = claims
        .iter()
        .filter_map(|c| match &c.named {
            SubjectRef::Person { name, key } if key.contains(' ') => {
                Some((name.clone(), key.clone()))
            }
            _ => None,
        })
        .collect();
    // Each surname is looked up once per document, however often it is used.
    let mut resolved: HashMap<String, Option<(String, String)>> = HashMap::new();
    for claim in claims.iter_mut() {
        let SubjectRef::Person { name, key } = &claim.named else {
            continue;
        };
        if key.contains(' ') {
            continue;
        }
        let found = resolved
            .entry(key.clone())
            .or_insert_with(|| {
                full_names
                    .iter()
                    .find(|(_, k)| k.rsplit(' ').next() == Some(key.as_str()))
                    .cloned()
                    .or_else(|| full_name_in_text(doc, name, lexicon))
            })
            .clone();
        if let Some((full, full_key)) = found {
            claim.named = SubjectRef::Person {
                name: full,
                key: full_key,
            };
        }
    }
}

/// A given name, perhaps with initials, that ends a text: "... George M. " before a surname.
static GIVEN_NAME_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::compile(r"\b\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}\.)*\s+$")
        .expect("given name pattern compiles")
});

/// "George M. Wikoff" somewhere in the text for the surname "Wikoff": each place the
/// surname stands as a whole word is tried with the given name before it, searched backwards
/// from there (no pattern is compiled per surname).
fn full_name_in_text(doc: &Document, surname: &str, lexicon: &Lexicon) -> Option<(String, String)> {
    let text = &doc.text;
    text.match_indices(surname).find_map(|(at, _)| {
        let end = at + surname.len();
        if text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            return None;
        }
        let given = GIVEN_NAME_AT_END.find(&text[..at])?;
        match person(&text[given.start()..end], lexicon)? {
            SubjectRef::Person { name, key } if key.contains(' ') => Some((name, key)),
            _ => None,
        }
    })
}

/// An event name without surrounding quotes and punctuation, with a two-digit year
/// written out ("Platinum Wolf 23" → "Platinum Wolf 2023").
pub(super) fn clean_name(text: &str) -> Option<String> {
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
    let mut words: Vec<String> = trimmed.split_whitespace().map(str::to_string).collect();
    // "The Platinum Wolf exercise": a capitalised article opens the sentence, not the name.
    if words.len() > 1 && ["the", "a", "an"].contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        if last.len() == 2 && last.chars().all(|c| c.is_ascii_digit()) {
            *last = format!("20{last}");
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_name(text: &str, surname: &str) -> Option<String> {
        let rules = crate::rules::RuleSet::builtin_for_tests();
        let (doc, _) = Document::new("a.md", text.to_string());
        full_name_in_text(&doc, surname, &rules.lexicon).map(|(name, _)| name)
    }

    #[test]
    fn a_surname_is_completed_from_the_full_name_the_text_gives() {
        let text = "George M. Wikoff arrived. Later, Wikoff spoke.";
        assert_eq!(
            full_name(text, "Wikoff").as_deref(),
            Some("George M. Wikoff")
        );
        let text = "President Aleksandar Vučić, who spoke. Vučić left.";
        assert_eq!(
            full_name(text, "Vučić").as_deref(),
            Some("Aleksandar Vučić")
        );
    }

    #[test]
    fn a_surname_inside_a_longer_word_is_no_full_name() {
        assert_eq!(
            full_name("Jan Wikoffson arrived. Wikoff spoke.", "Wikoff"),
            None
        );
        assert_eq!(full_name("Ana Vučićević came. Vučić spoke.", "Vučić"), None);
    }
}
