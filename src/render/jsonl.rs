//! JSON Lines: one object per line, tagged by `type` — every claim, then every finding —
//! so that a stream processor can read the report line by line. Claims and findings have
//! the fields of the JSON report.

use super::json::{claim_view, finding_view};
use crate::model::report::Report;
use serde::Serialize;

#[derive(Serialize)]
struct Line<T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    body: T,
}

pub fn report(report: &Report) -> String {
    let mut out = String::new();
    let mut push = |line: String| {
        out.push_str(&line);
        out.push('\n');
    };
    for claim in &report.claims {
        let line = Line {
            kind: "claim",
            body: claim_view(report, claim),
        };
        push(serde_json::to_string(&line).expect("claims serialize"));
    }
    for finding in &report.findings {
        let line = Line {
            kind: "finding",
            body: finding_view(report, finding),
        };
        push(serde_json::to_string(&line).expect("findings serialize"));
    }
    out
}
