//! The facts file: canonical names, titles, dates and numbers an editor maintains. Facts
//! are claims of a trusted source: a source that disagrees with a fact is in conflict with
//! it, whatever the time or the closeness of the subject.
//!
//! ```toml
//! [[fact]]
//! subject = "Kevin Hamilton"
//! attribute = "title"
//! value = "NATO Deputy Assistant Secretary General for Partnerships"
//! ```

use crate::model::claim::{Claim, SubjectRef, TimeScope, UNRESOLVED};
use crate::model::error::{Error, Location};
use crate::model::value::Value;
use crate::normalize::date::Reference;
use crate::normalize::number::Convention;
use crate::pipeline::extract::{locate, person_key, read_value, Reading};
use crate::pipeline::source::Document;
use crate::rules::{RuleAttribute, RuleSet, SubjectKind, ValueKind};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(default)]
    fact: Vec<FactSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FactSpec {
    subject: String,
    attribute: String,
    value: Spanned<String>,
    /// The date the fact holds at (YYYY-MM-DD); the latest corpus date if absent.
    as_of: Option<String>,
}

/// One fact, read.
#[derive(Debug)]
struct Fact {
    subject: String,
    attribute: String,
    value: String,
    /// The value's byte span in the file (inside its quotes).
    span: std::ops::Range<usize>,
    as_of: Option<chrono::NaiveDate>,
}

/// Facts read from a file: the file as a document (so claims cite its lines) and its
/// claims, to be added with document index `doc`.
#[derive(Debug)]
pub struct Facts {
    pub document: Document,
    facts: Vec<Fact>,
}

impl Facts {
    /// Reads and checks a facts file.
    ///
    /// # Errors
    /// Malformed TOML, unknown keys, an `as-of` that is not a date — with file:line:col.
    pub fn read(path: &std::path::Path) -> Result<Facts, Error> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::Input {
            path: display.clone(),
            message: format!("cannot read the facts file: {e}"),
        })?;
        let file: FactsFile = toml::from_str(&text).map_err(|e| Error::Rule {
            location: Location::in_text(&display, &text, e.span().map_or(0, |s| s.start)),
            message: e.message().trim_end().to_string(),
        })?;
        let mut facts = Vec::new();
        for fact in file.fact {
            let as_of = match fact.as_of.as_deref().map(str::parse) {
                None => None,
                Some(Ok(date)) => Some(date),
                Some(Err(_)) => {
                    return Err(Error::Rule {
                        location: Location::in_text(&display, &text, fact.value.span().start),
                        message: "`as-of` must be a date of the form YYYY-MM-DD".into(),
                    })
                }
            };
            // The span of the value inside its quotes.
            let span = fact.value.span();
            let inner = span.start + 1..span.end.saturating_sub(1).max(span.start + 1);
            facts.push(Fact {
                subject: fact.subject,
                attribute: fact.attribute,
                value: fact.value.into_inner(),
                span: inner,
                as_of,
            });
        }
        // The facts file is a document only so that claims can cite it; it has no prose.
        let (document, _) = Document::new(&display, text);
        Ok(Facts { document, facts })
    }

    /// The claims of the facts, for document index `doc`, read with the rule that sets
    /// each attribute. A fact whose attribute no rule sets, or whose value does not read,
    /// is an error naming it.
    ///
    /// # Errors
    /// An unknown attribute or an unreadable value, with the fact's place.
    pub fn claims(
        &self,
        doc: usize,
        rules: &RuleSet,
        current: Option<chrono::NaiveDate>,
    ) -> Result<Vec<Claim>, Error> {
        let mut claims = Vec::new();
        for Fact {
            subject,
            attribute,
            value: value_text,
            span,
            as_of,
        } in &self.facts
        {
            let place = || Location::in_text(&self.document.path, &self.document.text, span.start);
            // A figure rule takes any measure: it reads what no other rule sets.
            let sets = |measure: bool| {
                rules.rules.iter().enumerate().find(|(_, rule)| {
                    (rule.attribute == RuleAttribute::Measure) == measure
                        && rule.sets(attribute, &rules.lexicon)
                })
            };
            let found = sets(false).or_else(|| sets(true));
            let Some((rule_index, rule)) = found else {
                return Err(Error::Rule {
                    location: place(),
                    message: format!("no rule sets the attribute `{attribute}`"),
                });
            };
            let date = as_of.or(current);
            let reference = date.map(|date| Reference {
                date,
                assumed: false,
            });
            let value = match rule.value {
                ValueKind::Name => Some(Value::Name(value_text.clone())),
                ValueKind::Place => Some(Value::Place {
                    name: value_text.clone(),
                    near: None,
                }),
                kind => {
                    let reading = Reading {
                        lexicon: &rules.lexicon,
                        reference,
                        convention: Convention::DotDecimal,
                        unit: Some(attribute),
                    };
                    read_value(kind, value_text, &reading)
                }
            };
            let Some(value) = value else {
                return Err(Error::Rule {
                    location: place(),
                    message: format!("`{value_text}` does not read as a value of `{attribute}`"),
                });
            };
            let subject_ref = match rule.subject {
                SubjectKind::Person => SubjectRef::Person {
                    name: subject.clone(),
                    key: person_key(subject),
                },
                _ => match subject.strip_prefix("the ") {
                    Some(class) => SubjectRef::Event {
                        class: rules.lexicon.class_of(class).unwrap_or(class).to_string(),
                        name: None,
                    },
                    None => SubjectRef::Event {
                        class: "exercise".to_string(),
                        name: Some(subject.clone()),
                    },
                },
            };
            let attribute = match &rule.attribute {
                RuleAttribute::Fixed(own) => own.clone(),
                RuleAttribute::CountedUnit => rules
                    .lexicon
                    .unit_of(attribute)
                    .expect("the rule was chosen for counting in this unit")
                    .clone(),
                RuleAttribute::Measure => crate::model::claim::Attribute::new(attribute),
            };
            claims.push(Claim {
                doc,
                rule: rule_index,
                subject: UNRESOLVED,
                named: subject_ref,
                attribute,
                text: value.canonical(),
                value,
                span: span.clone(),
                sentence: span.clone(),
                time: TimeScope {
                    date,
                    assumed: false,
                },
                located: Default::default(),
                unverified: false,
            });
        }
        locate(&self.document.text, &mut claims, &mut []);
        Ok(claims)
    }
}
