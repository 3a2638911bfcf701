//! The forms figure words compare under: a counted noun's lemma in either spelling, a
//! context word's stem.

/// A context word's English stem: "killing", "killed" and "kills" are one word.
pub(super) fn stem(word: &str) -> String {
    static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> = std::sync::LazyLock::new(|| {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
    });
    STEMMER.stem(word).into_owned()
}

/// The form a counted noun compares under: "reviews" and "review" are one measure.
pub fn lemma(word: &str) -> String {
    let singular = singular(word);
    // "honours" and "honors", "harbours" and "harbors" are one noun ("hours" is not).
    match singular.strip_suffix("our") {
        Some(stem) if singular.len() >= 6 => format!("{stem}or"),
        _ => singular,
    }
}

/// Nouns whose plural in "-ies" is their singular and "s" ("movies", "rookies"), or is the
/// singular itself ("species", "series"); the rest of "-ies" plurals end in "y".
const IE_NOUNS: [&str; 19] = [
    "movie", "cookie", "rookie", "goalie", "zombie", "calorie", "brownie", "prairie", "selfie",
    "hippie", "sortie", "auntie", "genie", "pixie", "necktie", "smoothie", "freebie", "newbie",
    "veggie",
];
const SAME_IN_PLURAL: [&str; 2] = ["species", "series"];

fn singular(word: &str) -> String {
    if SAME_IN_PLURAL.contains(&word) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        let singular = &word[..word.len() - 1];
        if IE_NOUNS.contains(&singular) {
            return singular.to_string();
        }
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("es").filter(|s| {
        ["ch", "sh", "ss", "x", "z"]
            .iter()
            .any(|end| s.ends_with(end))
    }) {
        return stem.to_string();
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::lemma;

    #[test]
    fn a_noun_compares_as_one_form_in_either_spelling() {
        assert_eq!(lemma("honours"), lemma("honors"));
        assert_eq!(lemma("harbours"), lemma("harbor"));
        assert_eq!(lemma("reviews"), lemma("review"));
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("hours"), "hour");
        assert_eq!(lemma("movies"), "movie");
        assert_eq!(lemma("species"), "species");
        assert_eq!(lemma("bodies"), "body");
    }
}
