//! JSON Lines: one object per line, tagged by `type` — every claim, then every finding —
//! so that a stream processor can read the report line by line.

use crate::check::Report;
use serde_json::json;

pub fn report(report: &Report) -> String {
    let mut out = String::new();
    for claim in &report.claims {
        let mut line = serde_json::to_value(claim).expect("claims serialize");
        line["type"] = json!("claim");
        line["unverified"] = json!(claim.unverified);
        out.push_str(&line.to_string());
        out.push('\n');
    }
    for finding in &report.findings {
        let claims: Vec<serde_json::Value> = finding
            .claims
            .iter()
            .map(|&i| {
                let c = &report.claims[i];
                json!({"path": c.path, "line": c.line, "column": c.column, "text": c.text, "quote": c.quote, "source": c.source})
            })
            .collect();
        let line = json!({
            "type": "finding",
            "rule": finding.rule,
            "severity": finding.severity.name(),
            "verdict": finding.verdict,
            "subject": finding.subject,
            "attribute": finding.attribute,
            "message": finding.message,
            "claims": claims,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}
