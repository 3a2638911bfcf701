//! SARIF 2.1.0 for code-scanning tools: every rule in `tool.driver.rules`, every finding
//! that is not an agreement as a result with its level, message, the first claim as the
//! location, the other claims as related locations, and a fingerprint that leaves positions
//! out (so it survives edits). Files are named by URI: an absolute path as a `file://` URI,
//! a relative one as a relative reference against `SRCROOT`, the folder the run started in.

use super::message::message;
use crate::model::claim::Claim;
use crate::model::finding::Severity;
use crate::model::report::Report;
use crate::text::collapse_whitespace;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn report(report: &Report) -> String {
    let driver_rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            let description = collapse_whitespace(&rule.description);
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": {"text": rule.message},
                "fullDescription": {"text": description},
                "help": {"text": format!("{description} Rule file: {}.", rule.file)},
                "defaultConfiguration": {"level": level(rule.severity)},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .filter_map(|f| Some((f, super::alert_severity(report, f)?)))
        .map(|(finding, severity)| {
            let first = &report.claims[finding.primary];
            let rule = report.rule(finding);
            let result_level = level(severity);
            let related: Vec<Value> = finding
                .related
                .iter()
                .enumerate()
                .map(|(id, &i)| {
                    let claim = &report.claims[i];
                    let mut location = location(report, claim);
                    location["id"] = json!(id + 1);
                    location["message"] =
                        json!({"text": format!("{}: {}", report.source(claim).name, claim.text)});
                    location
                })
                .collect();
            json!({
                "ruleId": rule.id,
                "ruleIndex": finding.rule,
                "level": result_level,
                "message": {"text": message(report, finding)},
                "locations": [location(report, first)],
                "relatedLocations": related,
                "partialFingerprints": {"claimcheck/v1": report.fingerprint(finding)},
                "properties": {
                    "verdict": finding.verdict.name(),
                    "subject": report.subject_of(finding),
                    "topic": super::label::finding_subject(report, finding),
                    "attribute": finding.attribute,
                },
            })
        })
        .collect();
    let document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/claimcheck",
                "rules": driver_rules,
            }},
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).expect("SARIF serializes");
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Bytes a URI path must escape: all but the unreserved ones, "/" and the sub-delimiters
/// that are safe in a path (RFC 3986, 3.3).
const PATH_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// The base a relative artifact URI resolves against.
const SOURCE_ROOT: &str = "SRCROOT";

/// The artifact location of a file by the path it was read from: `file:///abs/path` for an
/// absolute path, a relative reference against [`SOURCE_ROOT`] otherwise.
fn artifact_location(path: &str) -> Value {
    let slashed = path.replace('\\', "/");
    let drive =
        slashed.as_bytes().get(1) == Some(&b':') && slashed.as_bytes()[0].is_ascii_alphabetic();
    if slashed.starts_with('/') || drive {
        let absolute = if drive {
            format!("/{slashed}")
        } else {
            slashed
        };
        let encoded = utf8_percent_encode(&absolute, PATH_ESCAPED);
        return json!({"uri": format!("file://{encoded}")});
    }
    let relative = slashed.trim_start_matches("./");
    json!({
        "uri": utf8_percent_encode(relative, PATH_ESCAPED).to_string(),
        "uriBaseId": SOURCE_ROOT,
    })
}

fn location(report: &Report, claim: &Claim) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact_location(&report.source(claim).path),
            "region": {
                "startLine": claim.located.line,
                "startColumn": claim.located.column,
                "snippet": {"text": &*claim.located.quote},
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::artifact_location;
    use serde_json::json;

    #[test]
    fn an_absolute_path_is_a_file_uri_with_its_bytes_escaped() {
        assert_eq!(
            artifact_location("/data/news desk/report #2.md"),
            json!({"uri": "file:///data/news%20desk/report%20%232.md"})
        );
        assert_eq!(
            artifact_location("C:\\news\\été.txt"),
            json!({"uri": "file:///C:/news/%C3%A9t%C3%A9.txt"})
        );
    }

    #[test]
    fn a_relative_path_is_a_reference_against_the_source_root() {
        assert_eq!(
            artifact_location("./corpus/a b.md"),
            json!({"uri": "corpus/a%20b.md", "uriBaseId": "SRCROOT"})
        );
    }
}
