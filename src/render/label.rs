//! The names a reader sees: the display label of a subject and of a finding's subject, and
//! the topics findings are grouped under (one heading each in the table, the Markdown and
//! the HTML report). Every human-facing format takes its names from here: an event is
//! headed by the story that reports it ("exercise, Serbia, 2026-05-20" rather than "the
//! exercise (2026-05)"), and a message names it in its sentence by the same story ("the
//! exercise (Serbia, 2026-05-20)"). The `subject` fields of machine formats keep the
//! subject's own label, which fingerprints and baselines rest on.

use crate::model::finding::{Finding, Verdict};
use crate::model::report::Report;
use std::collections::{BTreeSet, HashMap};

/// The label a reader sees for subject `subject`. An event of its story's class is its
/// story's label, a named one with its name for the class ("Platinum Wolf 2023, South
/// Base, 2023-06-30"); an event of another class keeps its own label with the story's
/// after it, and an earlier one the story speaks of is "the exercise of 2023 (story)"; an
/// unnamed event beside another of its class in one story adds its parties.
/// People, dates and events known from another event's report keep their own labels.
pub fn subject(report: &Report, subject: usize) -> String {
    let own = &report.subjects[subject];
    let Some(event) = &own.event else {
        return own.label.clone();
    };
    let Some(story) = event.story.and_then(|s| report.stories.get(s)) else {
        return own.label.clone();
    };
    // Figures read in a sentence that names no event are the story's event ("event").
    let of_story = event.class == "event" || story.class.as_deref() == Some(event.class.as_str());
    let mut label = if let Some(year) = event.background {
        format!("the {} of {year} ({})", event.class, story.label)
    } else if !of_story {
        format!("{} ({})", own.label, story.label)
    } else if !event.named {
        story.label.clone()
    } else if story.setting.is_empty() {
        own.label.clone()
    } else {
        format!("{}, {}", own.label, story.setting)
    };
    if !event.apart.is_empty() {
        label = format!("{label} ({})", event.apart.join(", "));
    }
    label
}

/// The subject as a finding names it for a reader: its display label, or for two subjects
/// that may be one both labels, "George Wyckoff ~ George Wikoff".
pub fn finding_subject(report: &Report, finding: &Finding) -> String {
    match &finding.detail {
        crate::model::finding::Detail::Linked { other, .. } => {
            let (a, b) = (subject(report, finding.subject), subject(report, *other));
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            format!("{first} ~ {second}")
        }
        _ => subject(report, finding.subject),
    }
}

/// The subject as a message's sentence names it: an unnamed event by its class and its
/// story's setting, "the exercise (Serbia, 2026-05-20)", with the parties that tell it from
/// another of its class ("the exercise with Belarus, Russia (Belarus, 2025-09-18)"); figures
/// of no named event by the story's class ("the earthquake (Aceh, 2013-07-02)"); an event of
/// another class or an earlier one as reported with the story's event ("the exercise of
/// 2023 reported with the exercise (Serbia, 2026-05-20)"). Named events, people, dates and
/// events of no story keep their own labels.
pub fn in_sentence(report: &Report, subject: usize) -> String {
    let own = &report.subjects[subject];
    let Some(event) = &own.event else {
        return own.label.clone();
    };
    let Some(story) = event.story.and_then(|s| report.stories.get(s)) else {
        return own.label.clone();
    };
    if event.named {
        return own.label.clone();
    }
    // The story's event as a sentence names it: its class, then where and when.
    let story_event = match &story.class {
        Some(class) if story.setting.is_empty() => format!("the {class}"),
        Some(class) => format!("the {class} ({})", story.setting),
        None => format!("the story «{}»", story.label),
    };
    let of_story = event.class == "event" || story.class.as_deref() == Some(event.class.as_str());
    if let Some(year) = event.background {
        return format!("the {} of {year} reported with {story_event}", event.class);
    }
    if !of_story {
        return format!("the {} reported with {story_event}", event.class);
    }
    let class = match &story.class {
        Some(class) if event.class == "event" => class.as_str(),
        _ => event.class.as_str(),
    };
    let setting = if story.class.is_some() {
        story.setting.as_str()
    } else {
        story.label.as_str()
    };
    let with = if event.apart.is_empty() {
        String::new()
    } else {
        format!(" with {}", event.apart.join(", "))
    };
    if setting.is_empty() {
        format!("the {class}{with}")
    } else {
        format!("the {class}{with} ({setting})")
    }
}

/// The subject of a finding as its message names it: [`in_sentence`], or for two subjects
/// that may be one both, "George Wyckoff ~ George Wikoff".
pub fn finding_in_sentence(report: &Report, finding: &Finding) -> String {
    match &finding.detail {
        crate::model::finding::Detail::Linked { other, .. } => {
            let (a, b) = (
                in_sentence(report, finding.subject),
                in_sentence(report, *other),
            );
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            format!("{first} ~ {second}")
        }
        _ => in_sentence(report, finding.subject),
    }
}

/// Findings under one heading: those of the subjects a reader sees under one name.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The heading's label.
    pub label: String,
    /// The findings, as indices into the report's findings, in report order.
    pub findings: Vec<usize>,
    /// How many sources the findings cite.
    pub sources: usize,
    /// The most serious verdict among the findings.
    pub worst: Verdict,
}

impl Topic {
    /// "Kevin Hamilton · 3 sources"
    pub fn heading(&self) -> String {
        let sources = super::plural(self.sources, "source", "sources");
        format!("{} · {sources}", self.label)
    }
}

/// The findings (of `keep`) grouped by the subject they are about as a reader names it, the
/// most serious topic first (then by label); a person whose title is an office in one
/// finding and a rank in another is one topic, and so are two subjects a reader would see
/// under one name (a story's earthquake and the figures of its event).
pub fn topics(report: &Report, keep: impl Fn(&Finding) -> bool) -> Vec<Topic> {
    let mut topics: Vec<Topic> = Vec::new();
    let mut of_label: HashMap<String, usize> = HashMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        if !keep(finding) {
            continue;
        }
        let label = subject(report, finding.subject);
        let at = *of_label.entry(label.clone()).or_insert_with(|| {
            topics.push(Topic {
                label,
                findings: Vec::new(),
                sources: 0,
                worst: finding.verdict,
            });
            topics.len() - 1
        });
        let topic = &mut topics[at];
        topic.findings.push(index);
        topic.worst = topic.worst.min(finding.verdict);
    }
    let mut topics: Vec<Topic> = topics
        .into_iter()
        .map(|mut topic| {
            let docs: BTreeSet<usize> = topic
                .findings
                .iter()
                .flat_map(|&f| report.cited(&report.findings[f]).map(|c| c.doc))
                .collect();
            topic.sources = docs.len();
            topic
        })
        .collect();
    topics.sort_by(|a, b| a.worst.cmp(&b.worst).then_with(|| a.label.cmp(&b.label)));
    topics
}

/// A verdict as a reader sees it: conflicts in capitals.
pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "CONFLICT",
        Verdict::InternalConflict => "INTERNAL CONFLICT",
        other => other.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::story::Story;
    use crate::model::subject::{EventSubject, Subject, SubjectKind};

    fn event(label: &str, class: &str, named: bool, apart: &[&str]) -> Subject {
        Subject {
            label: label.to_string(),
            kind: SubjectKind::Event,
            members: Vec::new(),
            event: Some(EventSubject {
                class: class.to_string(),
                named,
                story: Some(0),
                apart: apart.iter().map(|p| p.to_string()).collect(),
                background: None,
            }),
        }
    }

    fn report(subjects: Vec<Subject>) -> Report {
        Report {
            subjects,
            stories: vec![Story {
                id: "s1".into(),
                label: "exercise, Serbia, 2026-05-20".into(),
                class: Some("exercise".into()),
                setting: "Serbia, 2026-05-20".into(),
                documents: vec![0],
                joins: Vec::new(),
            }],
            ..Report::default()
        }
    }

    #[test]
    fn an_event_is_headed_by_its_storys_label_a_named_one_with_its_name() {
        let report = report(vec![
            event("the exercise", "exercise", false, &[]),
            event("Iron Shield 2026", "exercise", true, &[]),
        ]);
        assert_eq!(subject(&report, 0), "exercise, Serbia, 2026-05-20");
        assert_eq!(subject(&report, 1), "Iron Shield 2026, Serbia, 2026-05-20");
    }

    #[test]
    fn an_event_of_another_class_keeps_its_own_label_before_the_storys() {
        let report = report(vec![event("the earthquake", "earthquake", false, &[])]);
        assert_eq!(
            subject(&report, 0),
            "the earthquake (exercise, Serbia, 2026-05-20)"
        );
    }

    #[test]
    fn unnamed_events_of_one_class_in_one_story_are_told_apart_by_their_parties() {
        let report = report(vec![
            event("the exercise", "exercise", false, &["NATO", "Serbia"]),
            event("the exercise", "exercise", false, &["Belarus", "Russia"]),
        ]);
        assert_eq!(
            subject(&report, 0),
            "exercise, Serbia, 2026-05-20 (NATO, Serbia)"
        );
        assert_eq!(
            subject(&report, 1),
            "exercise, Serbia, 2026-05-20 (Belarus, Russia)"
        );
    }

    #[test]
    fn a_background_event_is_headed_by_its_year_and_its_story() {
        let mut earlier = event("the exercise", "exercise", false, &[]);
        if let Some(event) = &mut earlier.event {
            event.background = Some(2023);
        }
        assert_eq!(
            subject(&report(vec![earlier]), 0),
            "the exercise of 2023 (exercise, Serbia, 2026-05-20)"
        );
    }

    #[test]
    fn figures_of_no_named_event_are_headed_by_the_story() {
        let report = report(vec![event("the event", "event", false, &[])]);
        assert_eq!(subject(&report, 0), "exercise, Serbia, 2026-05-20");
    }

    #[test]
    fn a_message_names_an_unnamed_event_by_its_class_and_its_storys_setting() {
        let report = report(vec![
            event("the exercise (2026-05)", "exercise", false, &[]),
            event(
                "the exercise (2026-05)",
                "exercise",
                false,
                &["NATO", "Serbia"],
            ),
            event("the event (2026-05)", "event", false, &[]),
            event("the earthquake (2026-05)", "earthquake", false, &[]),
            event("Iron Shield 2026", "exercise", true, &[]),
        ]);
        assert_eq!(in_sentence(&report, 0), "the exercise (Serbia, 2026-05-20)");
        assert_eq!(
            in_sentence(&report, 1),
            "the exercise with NATO, Serbia (Serbia, 2026-05-20)"
        );
        assert_eq!(in_sentence(&report, 2), "the exercise (Serbia, 2026-05-20)");
        assert_eq!(
            in_sentence(&report, 3),
            "the earthquake reported with the exercise (Serbia, 2026-05-20)"
        );
        assert_eq!(in_sentence(&report, 4), "Iron Shield 2026");
    }

    #[test]
    fn a_message_names_a_background_event_by_its_year_and_its_storys_event() {
        let mut earlier = event("the exercise (2023-06)", "exercise", false, &[]);
        if let Some(event) = &mut earlier.event {
            event.background = Some(2023);
        }
        assert_eq!(
            in_sentence(&report(vec![earlier]), 0),
            "the exercise of 2023 reported with the exercise (Serbia, 2026-05-20)"
        );
    }

    #[test]
    fn people_keep_their_own_labels() {
        let mut person = event("Kevin Hamilton", "exercise", false, &[]);
        person.kind = SubjectKind::Person;
        person.event = None;
        let report = report(vec![person]);
        assert_eq!(subject(&report, 0), "Kevin Hamilton");
        assert_eq!(in_sentence(&report, 0), "Kevin Hamilton");
    }
}
