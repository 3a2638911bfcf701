//! The Markdown report: for a pull request, a job summary or an editor's inbox. A summary
//! line, then one section per finding with what each source says side by side.

use super::message::message;
use super::summary_line;
use crate::model::finding::Verdict;
use crate::model::report::Report;

pub fn report(report: &Report) -> String {
    let mut out = format!("## {}\n\n", summary_line(report));
    if report.findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str("| verdict | subject | attribute | sources |\n|---|---|---|---|\n");
    for finding in &report.findings {
        let mut sources: Vec<&str> = report
            .cited(finding)
            .map(|claim| report.source(claim).name.as_str())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            verdict_label(finding.verdict),
            cell(&report.subject_of(finding)),
            cell(finding.attribute.as_str()),
            cell(&sources.join(", "))
        ));
    }
    for finding in &report.findings {
        out.push_str(&format!(
            "\n### {}: {} — {}\n\n{} (`{}`)\n\n| source | says | quote |\n|---|---|---|\n",
            verdict_label(finding.verdict),
            report.subject_of(finding),
            finding.attribute,
            message(report, finding),
            report.rule(finding).id
        ));
        for claim in report.cited(finding) {
            let source = report.source(claim);
            out.push_str(&format!(
                "| `{}:{}:{}` ({}) | **{}** | {} |\n",
                source.path,
                claim.located.line,
                claim.located.column,
                cell(&source.name),
                cell(&claim.text),
                cell(&claim.located.quote)
            ));
        }
    }
    out
}

fn verdict_label(verdict: Verdict) -> String {
    match verdict {
        Verdict::Conflict | Verdict::InternalConflict => format!("**{}**", verdict.name()),
        other => other.name().to_string(),
    }
}

/// Text safe inside a table cell: no pipes or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_line_breaks() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
