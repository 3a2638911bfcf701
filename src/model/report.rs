//! The report: everything a renderer needs — the sources, the rules, the subjects, every
//! claim and finding, warnings and counts — and the outcome a run ends with.

use super::claim::Claim;
use super::finding::{Finding, Severity, Verdict};
use super::story::Story;
use super::subject::{Link, Subject};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::fmt;

/// A source document as the report lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub path: String,
    pub name: String,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The document's text, where the check was asked to keep it (a report that shows the
    /// claims in their documents); `None` otherwise, so a corpus's texts are not all held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What a report says about a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    /// The rule file it comes from.
    pub file: String,
    pub description: String,
    /// The finding's message; `{subject}` and `{attribute}` are filled in.
    pub message: String,
    pub severity: Severity,
    /// Values may change over time: sources are named with the time they speak for.
    pub time_varying: bool,
}

impl RuleInfo {
    /// The rule's message with `{subject}` and `{attribute}` filled in.
    pub fn message_for(&self, subject: &str, attribute: &str) -> String {
        self.message
            .replace("{subject}", subject)
            .replace("{attribute}", attribute)
    }
}

/// Counts and wall time of each stage, for `--stats`. Files are read and split into
/// sentences inside the extraction pass, so that pass's wall time is shared between `read`,
/// `segment` and `extract` as the workers' time was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub bytes: usize,
    pub documents: usize,
    pub sentences: usize,
    pub claims: usize,
    pub subjects: usize,
    pub findings: usize,
    pub read: std::time::Duration,
    pub segment: std::time::Duration,
    pub extract: std::time::Duration,
    /// Grouping documents into stories.
    pub stories: std::time::Duration,
    pub group: std::time::Duration,
    pub verdicts: std::time::Duration,
}

/// A problem with one input that the run survives: the rest of the corpus is still checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    pub path: String,
    /// The line it is about, where it is about one.
    pub line: Option<usize>,
    pub message: String,
    /// The input could not be read at all (as opposed to read with a caveat).
    pub unreadable: bool,
}

impl Warning {
    /// A caveat about an input that was still read.
    pub fn about(path: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            line: None,
            message: message.into(),
            unreadable: false,
        }
    }

    /// An input that could not be read at all.
    pub fn unreadable(path: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            unreadable: true,
            ..Warning::about(path, message)
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// How a run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No conflict at the failing level.
    Clean,
    /// A conflict (or internal conflict) of a rule at the failing level or above.
    Failing,
    /// Some input could not be read (whatever the findings for the others).
    Unreadable,
}

/// Everything a renderer needs.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sources: Vec<Source>,
    /// The rules of the run, in rule-set order: a claim's or finding's `rule` indexes it.
    pub rules: Vec<RuleInfo>,
    pub subjects: Vec<Subject>,
    /// Pairs of subjects that may be one.
    pub links: Vec<Link>,
    /// The stories: the documents that report one event.
    pub stories: Vec<Story>,
    /// For each source, the index of its story in `stories`.
    pub story_of_document: Vec<usize>,
    pub sentences: usize,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
}

impl Report {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == verdict)
            .count()
    }

    /// Whether any finding is a conflict (between sources or within one).
    pub fn has_conflicts(&self) -> bool {
        self.findings.iter().any(|f| f.verdict.is_conflict())
    }

    /// Whether some input could not be read at all.
    pub fn has_unreadable_inputs(&self) -> bool {
        self.warnings.iter().any(|w| w.unreadable)
    }

    /// How the run ends when conflicts of rules at `fail_at` or above fail it (`None`: no
    /// finding fails it).
    pub fn outcome(&self, fail_at: Option<Severity>) -> Outcome {
        let fails = fail_at.is_some_and(|level| {
            self.findings
                .iter()
                .any(|f| f.verdict.is_conflict() && self.rules[f.rule].severity >= level)
        });
        if self.has_unreadable_inputs() {
            Outcome::Unreadable
        } else if fails {
            Outcome::Failing
        } else {
            Outcome::Clean
        }
    }

    /// The source a claim comes from.
    pub fn source(&self, claim: &Claim) -> &Source {
        &self.sources[claim.doc]
    }

    /// The story a claim's document belongs to, if stories were found.
    pub fn story(&self, claim: &Claim) -> Option<&Story> {
        self.stories.get(*self.story_of_document.get(claim.doc)?)
    }

    /// The story of a finding: the one story all its claims come from, if they do (a
    /// person's title compared across the corpus may cite several).
    pub fn story_of(&self, finding: &Finding) -> Option<&Story> {
        let mut cited = self
            .cited(finding)
            .map(|c| self.story_of_document.get(c.doc));
        let first = cited.next()??;
        cited
            .all(|s| s == Some(first))
            .then(|| self.stories.get(*first))?
    }

    /// The rule of a finding.
    pub fn rule(&self, finding: &Finding) -> &RuleInfo {
        &self.rules[finding.rule]
    }

    /// The label of a claim's subject.
    pub fn label(&self, claim: &Claim) -> &str {
        &self.subjects[claim.subject].label
    }

    /// The subject as a finding names it.
    pub fn subject_of(&self, finding: &Finding) -> Cow<'_, str> {
        finding.subject_label(&self.subjects)
    }

    /// The claims a finding cites, primary first.
    pub fn cited<'a>(&'a self, finding: &'a Finding) -> impl Iterator<Item = &'a Claim> + 'a {
        finding.claims().map(|i| &self.claims[i])
    }

    /// The distinct canonical values a finding cites, sorted.
    pub fn values(&self, finding: &Finding) -> Vec<String> {
        let mut values: Vec<String> = self.cited(finding).map(|c| c.text.clone()).collect();
        values.sort_unstable();
        values.dedup();
        values
    }

    /// A finding's identity without positions (rule, folded subject, attribute, values),
    /// hashed: SHA-256, first 16 bytes in hex. Baselines and SARIF fingerprints use it, so
    /// moving text keeps a finding's identity and changing a value changes it.
    pub fn fingerprint(&self, finding: &Finding) -> String {
        use sha2::{Digest, Sha256};
        let key = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.rule(finding).id,
            crate::text::fold::fold(&self.subject_of(finding)),
            finding.attribute,
            self.values(finding).join("\u{1e}")
        );
        Sha256::digest(key.as_bytes())
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claim::Attribute;
    use crate::model::finding::Detail;

    fn report(verdict: Verdict, severity: Severity) -> Report {
        Report {
            rules: vec![RuleInfo {
                id: "r".into(),
                file: "r.toml".into(),
                description: String::new(),
                message: String::new(),
                severity,
                time_varying: false,
            }],
            findings: vec![Finding {
                rule: 0,
                verdict,
                subject: 0,
                attribute: Attribute::new("a"),
                primary: 0,
                related: vec![1],
                detail: Detail::Values {
                    classes: vec![0, 1],
                },
            }],
            ..Report::default()
        }
    }

    #[test]
    fn a_conflict_fails_the_run_at_its_rules_severity_or_below() {
        let warning = report(Verdict::Conflict, Severity::Warning);
        assert_eq!(warning.outcome(Some(Severity::Error)), Outcome::Clean);
        assert_eq!(warning.outcome(Some(Severity::Warning)), Outcome::Failing);
        assert_eq!(warning.outcome(Some(Severity::Info)), Outcome::Failing);
        assert_eq!(warning.outcome(None), Outcome::Clean);
        let possible = report(Verdict::PossibleConflict, Severity::Error);
        assert_eq!(possible.outcome(Some(Severity::Info)), Outcome::Clean);
    }

    #[test]
    fn an_unreadable_input_ends_the_run_as_an_error_whatever_the_findings() {
        let mut unreadable = report(Verdict::Conflict, Severity::Error);
        unreadable
            .warnings
            .push(Warning::unreadable("gone.md", "cannot read"));
        assert_eq!(
            unreadable.outcome(Some(Severity::Error)),
            Outcome::Unreadable
        );
        let caveat = Warning {
            line: Some(3),
            ..Warning::about("a.md", "suppression of r silences nothing")
        };
        assert_eq!(
            caveat.to_string(),
            "a.md:3: suppression of r silences nothing"
        );
    }
}
