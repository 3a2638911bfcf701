//! Titles read from text: a title matched by `{TITLE}` split into prefix, role (in the
//! lexicon's spelling) and qualifier, with the key it compares by (the role's canonical
//! office, the party it is held for).

use crate::model::value::{Title, TitleKey};
use crate::rules::Lexicon;
use crate::text::collapse_whitespace;
use crate::text::fold::fold;

/// Splits a title matched by `{TITLE}`.
pub fn parse_title(text: &str, lexicon: &Lexicon) -> Option<Title> {
    let text = collapse_whitespace(text);
    if let Some(title) = title_from_words(&text, None, lexicon) {
        return Some(title);
    }
    // The qualifier starts at the last " for " or " of " that leaves a known role before
    // it, so the role is the longest one: "Minister of Defence of Serbia" is the Minister
    // of Defence, of Serbia.
    text.match_indices(" for ")
        .chain(text.match_indices(" of "))
        .map(|(i, _)| i)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .rev()
        .find_map(|i| {
            let qualifier = text[i + 1..].to_string();
            title_from_words(&text[..i], Some(qualifier), lexicon)
        })
}

/// A title whose words end in a role the lexicon knows; the words before it are the
/// prefix.
fn title_from_words(text: &str, qualifier: Option<String>, lexicon: &Lexicon) -> Option<Title> {
    let words: Vec<&str> = text.split(' ').collect();
    // A prefix is an organisation or nationality: capitalised words only.
    let prefix_ends = words
        .iter()
        .position(|w| !w.starts_with(char::is_uppercase))
        .unwrap_or(words.len());
    (0..=prefix_ends.min(words.len() - 1)).find_map(|start| {
        let role_words = &words[start..];
        is_role(&role_words.join(" "), lexicon).then(|| {
            let role = role_words
                .iter()
                .map(|w| lexicon.spelling(w).to_string())
                .collect::<Vec<_>>()
                .join(" ");
            let prefix = (start > 0).then(|| words[..start].join(" "));
            let role = respell_multiword(&role, lexicon);
            let key = title_key(prefix.as_deref(), &role, qualifier.as_deref(), lexicon);
            Title {
                prefix,
                role,
                qualifier: qualifier.clone(),
                key,
            }
        })
    })
}

fn title_key(
    prefix: Option<&str>,
    role: &str,
    qualifier: Option<&str>,
    lexicon: &Lexicon,
) -> TitleKey {
    let mut party = None;
    let prefix = prefix.and_then(|prefix| match lexicon.party(prefix) {
        Some(found) => {
            party = Some(found.to_string());
            None
        }
        None => Some(lexicon.unalias(&fold(prefix))),
    });
    let qualifier = qualifier.and_then(|qualifier| {
        let of = fold(qualifier);
        let place = of.strip_prefix("of ").and_then(|rest| lexicon.party(rest));
        match (place, &party) {
            (Some(found), None) => {
                party = Some(found.to_string());
                None
            }
            _ => Some(of),
        }
    });
    TitleKey {
        role: lexicon.role_key(role),
        party,
        prefix,
        qualifier,
    }
}

/// Whether `words` are modifiers followed by a head or rank of the lexicon.
fn is_role(words: &str, lexicon: &Lexicon) -> bool {
    let folded = fold(words);
    lexicon.role_heads().iter().any(|(_, head)| {
        let Some(before) = folded.strip_suffix(head.as_str()) else {
            return false;
        };
        let before = before.trim();
        (before.is_empty() || folded.ends_with(&format!(" {head}")))
            && before
                .split(' ')
                .filter(|w| !w.is_empty())
                .all(|w| lexicon.is_modifier(w))
    })
}

/// Multi-word heads keep the lexicon's spelling as a whole ("Press Secretary").
fn respell_multiword(role: &str, lexicon: &Lexicon) -> String {
    let folded = fold(role);
    for (head, head_folded) in lexicon.role_heads() {
        if folded == *head_folded {
            return head.clone();
        }
        if let Some(before) = folded.strip_suffix(&format!(" {head_folded}")) {
            let modifier_count = before.split(' ').count();
            let modifiers: Vec<&str> = role.split(' ').take(modifier_count).collect();
            return format!("{} {head}", modifiers.join(" "));
        }
    }
    role.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn title(text: &str) -> Title {
        let rules = RuleSet::builtin_for_tests();
        parse_title(text, &rules.lexicon).unwrap()
    }

    #[test]
    fn titles_split_into_prefix_role_and_qualifier() {
        let t = title("NATO Deputy Assistant Secretary General for Partnerships");
        assert_eq!(t.prefix.as_deref(), Some("NATO"));
        assert_eq!(t.role, "Deputy Assistant Secretary General");
        assert_eq!(t.qualifier.as_deref(), Some("for Partnerships"));
        let t = title("press secretary of the Russian President");
        assert_eq!(t.role, "Press Secretary");
        assert_eq!(t.qualifier.as_deref(), Some("of the Russian President"));
        assert_eq!(title("Minister of Defence").role, "Minister of Defence");
    }
}
