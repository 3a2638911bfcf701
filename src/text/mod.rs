//! Text helpers every floor may use: folding and similarity, and pattern compilation.

pub mod fold;
pub mod pattern;

/// `text` with every run of white space made one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

static URL: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\S*(?:://|www\.)\S*").expect("url pattern"));

/// `text` with every URL made a space: a URL is no part of what a text says, nor a source
/// of its dates ("/2/9/75470/" is no date).
pub fn without_urls(text: &str) -> std::borrow::Cow<'_, str> {
    URL.replace_all(text, " ")
}

/// Whether `text` holds a URL (which [`without_urls`] would take out).
pub fn has_url(text: &str) -> bool {
    URL.is_match(text)
}

/// Where `text` holds URLs (the spans [`without_urls`] takes out).
pub fn url_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    URL.find_iter(text).map(|m| m.range()).collect()
}
