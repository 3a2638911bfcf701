//! The documents section of the HTML report: each document's text (where the report kept
//! it) with every claim in it marked, each claim an anchor the findings link to.

use super::escape::text;
use crate::model::report::Report;
use std::fmt::Write as _;

/// The documents, one folded block each, with their claims marked.
pub(super) fn documents(out: &mut String, report: &Report) {
    out.push_str("<section class=\"documents\" id=\"documents\">\n<h2>Documents</h2>\n");
    // The claims of each document, as (byte start, byte end, claim index), in text order.
    let mut spans: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); report.sources.len()];
    for (index, claim) in report.claims.iter().enumerate() {
        if let Some(of_doc) = spans.get_mut(claim.doc) {
            of_doc.push((claim.span.start, claim.span.end, index));
        }
    }
    for (doc, source) in report.sources.iter().enumerate() {
        let published = source
            .published
            .map_or("undated".to_string(), |d| d.format("%Y-%m-%d").to_string());
        let _ = write!(
            out,
            "<details class=\"document\" id=\"document-{doc}\">\n<summary>{} <span class=\"muted\">· {} · {published}</span></summary>\n",
            text(&source.name),
            text(&source.path)
        );
        match &source.text {
            Some(body) => {
                spans[doc].sort_unstable();
                out.push_str("<pre>");
                out.push_str(&marked(body, &spans[doc]));
                out.push_str("</pre>\n");
            }
            None => out.push_str("<p class=\"muted\">The text was not kept.</p>\n"),
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// `body` as HTML with each run of claimed text in a `<mark>` and an empty anchor
/// `claim-N` where each claim begins. Overlapping claims share one mark; spans outside the
/// text or off a character boundary are left unmarked.
fn marked(body: &str, spans: &[(usize, usize, usize)]) -> String {
    let valid = |&&(start, end, _): &&(usize, usize, usize)| {
        start <= end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end)
    };
    let spans: Vec<&(usize, usize, usize)> = spans.iter().filter(valid).collect();
    // Runs of text some claim covers: the union of the spans.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &&(start, end, _) in &spans {
        match runs.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => runs.push((start, end)),
        }
    }
    let mut out = String::with_capacity(body.len() + spans.len() * 48);
    let mut at = 0;
    let mut next = 0;
    for (start, end) in runs {
        out.push_str(&text(&body[at..start]));
        out.push_str("<mark>");
        let mut inner = start;
        // The anchors of the claims that begin in this run (an empty run holds its own).
        while let Some(&&(begin, _, index)) = spans.get(next) {
            if begin >= end.max(start + 1) {
                break;
            }
            out.push_str(&text(&body[inner..begin]));
            let _ = write!(out, "<a class=\"anchor\" id=\"claim-{index}\"></a>");
            inner = begin;
            next += 1;
        }
        out.push_str(&text(&body[inner..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&text(&body[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_claims_share_a_mark_and_each_has_its_anchor() {
        let body = "From May 11 to May 24 <ok>.";
        let html = marked(body, &[(0, 21, 0), (15, 21, 1), (99, 120, 2)]);
        assert_eq!(
            html,
            "<mark><a class=\"anchor\" id=\"claim-0\"></a>From May 11 to <a class=\"anchor\" id=\"claim-1\"></a>May 24</mark> &lt;ok&gt;."
        );
    }
}
