//! One claim shard: JSON Lines, one document's record a line, each line stamped with the
//! shard schema's version and the fingerprint of the rule set that extracted it. Lines are
//! read one by one, so a bad line (cut short, of another version or rule set) is an error
//! at its file:line and every other line still counts.

use crate::model::report::Warning;
use crate::pipeline::run::record::DocumentRecord;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::Path;

/// The version of the shard format this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The extension of shard files in a store folder.
pub const EXTENSION: &str = "jsonl";

/// One line as written: the stamp first, then the record.
#[derive(Serialize)]
struct LineOut<'a> {
    schema: u32,
    rules: &'a str,
    record: &'a DocumentRecord,
}

/// One line as read.
#[derive(Deserialize)]
struct LineIn {
    schema: u32,
    rules: String,
    record: DocumentRecord,
}

/// The stamp of a line whose record did not read, to say why.
#[derive(Deserialize)]
struct Stamp {
    schema: Option<u32>,
    rules: Option<String>,
}

/// Appends the line of `record` (with its newline) to `out`.
pub fn encode(record: &DocumentRecord, fingerprint: &str, out: &mut Vec<u8>) {
    let line = LineOut {
        schema: SCHEMA_VERSION,
        rules: fingerprint,
        record,
    };
    serde_json::to_writer(&mut *out, &line).expect("a record serializes to JSON");
    out.push(b'\n');
}

/// A record read from a shard, with where it stands.
#[derive(Debug)]
pub struct Read {
    pub record: DocumentRecord,
    pub line: usize,
}

/// The records of the shard at `path` and a warning for each line that is not one (an
/// unreadable input: the run ends with exit code 2).
pub fn read(path: &Path, fingerprint: &str) -> (Vec<Read>, Vec<Warning>) {
    let display = path.display().to_string();
    let mut warnings = Vec::new();
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => {
            let message = format!("cannot read claim shard: {error}");
            return (Vec::new(), vec![Warning::unreadable(display, message)]);
        }
    };
    let mut records = Vec::new();
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut buffer = Vec::new();
    let mut number = 0;
    // Records of another version or rule set come in whole shards: one warning for each
    // kind, at its first line, with the count.
    let mut foreign: Vec<(usize, String, usize)> = Vec::new();
    loop {
        buffer.clear();
        match reader.read_until(b'\n', &mut buffer) {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) => {
                warnings.push(problem(
                    &display,
                    number + 1,
                    format!("cannot read: {error}"),
                ));
                break;
            }
        }
        number += 1;
        let complete = buffer.last() == Some(&b'\n');
        let line = buffer.trim_ascii_end();
        if line.is_empty() {
            continue;
        }
        match decode(line, complete, fingerprint) {
            Ok(record) => records.push(Read {
                record,
                line: number,
            }),
            Err(Problem::Line(message)) => warnings.push(problem(&display, number, message)),
            Err(Problem::Foreign(message)) => {
                match foreign.iter_mut().find(|(_, seen, _)| *seen == message) {
                    Some((_, _, count)) => *count += 1,
                    None => foreign.push((number, message, 1)),
                }
            }
        }
    }
    for (line, message, count) in foreign {
        let skipped = match count {
            1 => "record skipped".to_string(),
            n => format!("{n} records skipped"),
        };
        warnings.push(problem(&display, line, format!("{message}; {skipped}")));
    }
    warnings.sort_by_key(|w| w.line);
    (records, warnings)
}

fn problem(path: &str, line: usize, message: String) -> Warning {
    Warning {
        line: Some(line),
        ..Warning::unreadable(path, message)
    }
}

/// What is wrong with a line.
enum Problem {
    /// This line alone is broken.
    Line(String),
    /// A record of another shard version or rule set.
    Foreign(String),
}

/// The record of one line, or what is wrong with it.
fn decode(line: &[u8], complete: bool, fingerprint: &str) -> Result<DocumentRecord, Problem> {
    use Problem::{Foreign, Line};
    match serde_json::from_slice::<LineIn>(line) {
        Ok(read) if read.schema != SCHEMA_VERSION => Err(Foreign(other_version(read.schema))),
        Ok(read) if read.rules != fingerprint => {
            Err(Foreign(other_rules(&read.rules, fingerprint)))
        }
        Ok(read) => Ok(read.record),
        Err(error) => Err(match serde_json::from_slice::<Stamp>(line) {
            Ok(Stamp {
                schema: Some(schema),
                ..
            }) if schema != SCHEMA_VERSION => Foreign(other_version(schema)),
            Ok(Stamp {
                rules: Some(rules), ..
            }) if rules != fingerprint => Foreign(other_rules(&rules, fingerprint)),
            _ if error.is_eof() || !complete && error.is_syntax() => Line(format!(
                "truncated claim record (the line ends at byte {} before the record does); record skipped",
                line.len()
            )),
            _ => Line(format!("not a claim record: {error}; record skipped")),
        }),
    }
}

fn other_version(schema: u32) -> String {
    format!(
        "claim record of shard schema version {schema}; this claimcheck reads version {SCHEMA_VERSION} (extract the documents again)"
    )
}

fn other_rules(found: &str, expected: &str) -> String {
    format!(
        "claim record extracted with another rule set (fingerprint {found}; these rules are {expected}): extract the documents again with these rules"
    )
}
