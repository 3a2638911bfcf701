//! A story's label, as a reader recognises the event: its class, its place and its date
//! ("earthquake, Aceh, 2013-07-02"), each the most frequent among the story's documents;
//! without a class or a place, the names its leads give most.

use crate::model::story::StoryFeatures;
use std::collections::BTreeMap;

/// A story's label in its parts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Label {
    /// The whole label: the class, then the setting.
    pub text: String,
    /// The class of event it opens with, if any.
    pub class: Option<String>,
    /// Where and when: the label without its class.
    pub setting: String,
}

/// The label of the story made of `documents`.
pub(super) fn label(documents: &[usize], features: &[StoryFeatures]) -> Label {
    let most = |pick: fn(&StoryFeatures) -> &Vec<(String, u32)>| -> Vec<String> {
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for &doc in documents {
            for (value, count) in pick(&features[doc]) {
                // A document counts once per value, so one long article does not decide.
                *counts.entry(value.as_str()).or_default() += 1 + count.min(&3) / 3;
            }
        }
        let mut ranked: Vec<(&str, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(b.0))
        });
        ranked.into_iter().map(|(v, _)| v.to_string()).collect()
    };
    let mut parts: Vec<String> = Vec::new();
    let class = most(|f| &f.classes).into_iter().next();
    let places = most(|f| &f.places);
    parts.extend(places.first().cloned());
    // Without a class or a place, the names the leads give most say what happened.
    for name in most(|f| &f.names) {
        if parts.len() + usize::from(class.is_some()) >= 2 {
            break;
        }
        if !parts
            .iter()
            .chain(&class)
            .any(|p| p.contains(&name) || name.contains(p.as_str()))
        {
            parts.push(name);
        }
    }
    let mut dates: BTreeMap<chrono::NaiveDate, usize> = BTreeMap::new();
    for &doc in documents {
        if let Some(date) = features[doc].date {
            *dates.entry(date).or_default() += 1;
        }
    }
    // The most common date, the earliest of equals.
    if let Some((date, _)) = dates.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
        parts.push(date.format("%Y-%m-%d").to_string());
    }
    let setting = parts.join(", ");
    let text = match (&class, setting.is_empty()) {
        (None, true) => "undated story without names".to_string(),
        (None, false) => setting.clone(),
        (Some(class), true) => class.clone(),
        (Some(class), false) => format!("{class}, {setting}"),
    };
    Label {
        text,
        class,
        setting,
    }
}
