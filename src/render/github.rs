//! GitHub Actions workflow commands: one annotation per finding at its first claim, at the
//! finding's level ([`super::alert_severity`]: `error`, `warning` or `notice`); at most
//! [`ANNOTATIONS_PER_LEVEL`] per level (GitHub shows no more), the rest summarised.

use super::message::message;
use crate::model::finding::Severity;
use crate::model::report::Report;
use std::collections::BTreeMap;

/// GitHub displays at most ten annotations of each level per step.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;

pub fn report(report: &Report) -> String {
    let mut out = String::new();
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hidden: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &report.findings {
        let level = match super::alert_severity(report, finding) {
            Some(Severity::Error) => "error",
            Some(Severity::Warning) => "warning",
            Some(Severity::Info) => "notice",
            None => continue,
        };
        let count = shown.entry(level).or_default();
        if *count >= ANNOTATIONS_PER_LEVEL {
            *hidden.entry(level).or_default() += 1;
            continue;
        }
        *count += 1;
        let claim = &report.claims[finding.primary];
        let title = format!(
            "{}: {} ({})",
            finding.verdict.name(),
            super::label::finding_in_sentence(report, finding),
            finding.attribute
        );
        let mut text = message(report, finding);
        for &i in &finding.related {
            let other = &report.claims[i];
            text.push_str(&format!(
                "\n{}:{}:{} {}",
                report.source(other).path,
                other.located.line,
                other.located.column,
                other.text
            ));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            property(&report.source(claim).path),
            claim.located.line,
            claim.located.column,
            property(&title),
            data(&text)
        ));
    }
    for (level, count) in hidden {
        out.push_str(&format!(
            "::notice title=claimcheck::{}\n",
            data(&format!(
                "{count} more {level} findings are not shown as annotations; see the report"
            ))
        ));
    }
    out
}

/// Escapes a command's message.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (where `:` and `,` are separators).
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("100% sure\r\nyes"), "100%25 sure%0D%0Ayes");
        assert_eq!(property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
