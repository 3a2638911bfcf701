//! Rule examples and counterexamples, run against the real extraction engine: every
//! example must yield its claim, every counterexample none of its rule.

use crate::model::error::{Error, Location};
use crate::normalize::date::Reference;
use crate::pipeline::extract::Extractor;
use crate::pipeline::run::{check_documents, CheckOptions};
use crate::pipeline::source::Document;
use crate::rules::RuleSet;

/// One example or counterexample that does not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    /// Where the example stands in its rule file.
    pub location: Location,
    pub text: String,
    pub problem: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: rule `{}`: {}: {:?}",
            self.location, self.rule, self.problem, self.text
        )
    }
}

/// Runs every example and counterexample of every rule.
pub fn verify(rules: &RuleSet) -> Vec<ExampleFailure> {
    let extractor = Extractor::new(rules);
    let mut failures = Vec::new();
    for (index, rule) in rules.rules.iter().enumerate() {
        let failure = |location: &Location, text: &str, problem: String| {
            failure(rule, location, text, problem)
        };
        if rule.check.is_some() {
            failures.extend(verify_check(rules, rule));
            continue;
        }
        for (location, example) in &rule.examples {
            let published = match example.published.as_deref().map(str::parse) {
                Some(Ok(date)) => date,
                Some(Err(_)) => {
                    failures.push(failure(
                        location,
                        &example.text,
                        "`published` is not YYYY-MM-DD".into(),
                    ));
                    continue;
                }
                None => "2026-01-01".parse().expect("literal date"),
            };
            if rule
                .requires
                .as_ref()
                .is_some_and(|r| !r.is_match(&example.text))
            {
                failures.push(failure(
                    location,
                    &example.text,
                    "the rule's `requires` pattern does not match this example".into(),
                ));
                continue;
            }
            let claims = claims_of(&extractor, &example.text, published, index);
            let found = claims.iter().any(|(subject, text)| {
                *text == example.value && example.subject.as_ref().is_none_or(|s| s == subject)
            });
            if !found {
                let got: Vec<String> = claims
                    .iter()
                    .map(|(subject, text)| format!("{subject}: {text}"))
                    .collect();
                let wanted = match &example.subject {
                    Some(subject) => format!("{subject}: {}", example.value),
                    None => example.value.clone(),
                };
                failures.push(failure(
                    location,
                    &example.text,
                    format!("example should yield `{wanted}` but yields {got:?}"),
                ));
            }
        }
        for (location, text) in &rule.counterexamples {
            let claims = claims_of(
                &extractor,
                &text.join("\n"),
                "2026-01-01".parse().expect("literal"),
                index,
            );
            if !claims.is_empty() {
                failures.push(failure(
                    location,
                    &text.join("\n"),
                    format!("counterexample should yield nothing but yields {claims:?}"),
                ));
            }
        }
    }
    failures
}

/// Runs a check rule's examples (sets of documents that must yield a finding of the rule
/// citing the example's values, "A / B") and counterexamples (sets that must yield none).
fn verify_check(rules: &RuleSet, rule: &crate::rules::Rule) -> Vec<ExampleFailure> {
    let findings_of = |documents: &[&str]| -> Vec<String> {
        let documents = documents
            .iter()
            .enumerate()
            .map(|(i, text)| Document::new(&format!("example-{}.md", i + 1), text.to_string()).0)
            .collect();
        let options = CheckOptions {
            threads: Some(1),
            ..Default::default()
        };
        let report = check_documents(documents, Vec::new(), rules, &options);
        report
            .findings
            .iter()
            .filter(|f| report.rule(f).id == rule.id)
            .map(|f| {
                let mut seen = std::collections::HashSet::new();
                report
                    .cited(f)
                    .map(|claim| claim.text.as_str())
                    .filter(|t| seen.insert(*t))
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect()
    };
    let failure =
        |location: &Location, text: &str, problem: String| failure(rule, location, text, problem);
    let mut failures = Vec::new();
    for (location, example) in &rule.examples {
        let documents: Vec<&str> = std::iter::once(example.text.as_str())
            .chain(example.also.iter().map(String::as_str))
            .collect();
        let found = findings_of(&documents);
        if !found.contains(&example.value) {
            failures.push(failure(
                location,
                &example.text,
                format!(
                    "example should yield a finding citing `{}` but yields {found:?}",
                    example.value
                ),
            ));
        }
    }
    for (location, documents) in &rule.counterexamples {
        let documents: Vec<&str> = documents.iter().map(String::as_str).collect();
        let found = findings_of(&documents);
        if !found.is_empty() {
            failures.push(failure(
                location,
                &documents.join("\n---\n"),
                format!("counterexample should yield no finding but yields {found:?}"),
            ));
        }
    }
    failures
}

fn failure(
    rule: &crate::rules::Rule,
    location: &Location,
    text: &str,
    problem: String,
) -> ExampleFailure {
    ExampleFailure {
        rule: rule.id.clone(),
        location: location.clone(),
        text: text.to_string(),
        problem,
    }
}

/// Turns example failures into one load error (for `check`, which refuses broken rules).
pub fn verify_or_error(rules: &RuleSet) -> Result<(), Error> {
    let failures = verify(rules);
    match failures.first() {
        None => Ok(()),
        Some(first) => Err(Error::Rule {
            location: first.location.clone(),
            message: failures
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let at = if i == 0 {
                        String::new()
                    } else {
                        format!("{}: ", f.location)
                    };
                    format!("{at}rule `{}`: {}: {:?}", f.rule, f.problem, f.text)
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }),
    }
}

fn claims_of(
    extractor: &Extractor,
    text: &str,
    published: chrono::NaiveDate,
    rule: usize,
) -> Vec<(String, String)> {
    let (document, _) = Document::new("example", text.to_string());
    let reference = Reference {
        date: published,
        assumed: false,
    };
    extractor
        .extract(&document, 0, Some(reference))
        .claims
        .into_iter()
        .filter(|c| c.rule == rule)
        .map(|c| (c.named.display(), c.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_example_holds() {
        let rules = RuleSet::builtin_for_tests();
        let failures = verify(rules);
        assert!(
            failures.is_empty(),
            "{}",
            failures
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn every_builtin_rule_has_examples_and_counterexamples() {
        let rules = RuleSet::builtin_for_tests();
        for rule in &rules.rules {
            assert!(!rule.examples.is_empty(), "{} has no examples", rule.id);
            assert!(
                !rule.counterexamples.is_empty(),
                "{} has no counterexamples",
                rule.id
            );
        }
    }
}
