//! Claim stores: the per-document stage's records written as claim shards (`extract`),
//! read back and compared (`compare`), and a draft checked against a store without the
//! store's texts being read again. A store is a folder of shards; a document extracted
//! again replaces its older record (same path), wherever in the folder that stood.

pub mod shard;

use crate::model::error::Error;
use crate::model::report::{Report, Warning};
use crate::pipeline::extract::Extractor;
use crate::pipeline::facts::Facts;
use crate::pipeline::run::record::{content_hash, DocumentRecord};
use crate::pipeline::run::{self, with_threads, Batch, CheckOptions, Input, KeepTexts};
use crate::pipeline::source;
use crate::rules::RuleSet;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Whether `path` is a claim store: a shard file, or a folder that holds shards.
pub fn is_store(path: &Path) -> bool {
    if path.is_file() {
        return is_shard(path);
    }
    std::fs::read_dir(path).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|entry| entry.path().is_file() && is_shard(&entry.path()))
    })
}

fn is_shard(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == shard::EXTENSION)
}

/// The shard files of `inputs`: each file named, and each folder's shards in name order.
fn shard_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Warning>) {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for input in inputs {
        if input.is_file() {
            files.push(input.clone());
            continue;
        }
        match std::fs::read_dir(input) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.is_file() && is_shard(path))
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(error) => warnings.push(Warning::unreadable(
                input.display().to_string(),
                format!("cannot read claim store: {error}"),
            )),
        }
    }
    (files, warnings)
}

/// Every record of the shards of `inputs` read with `rules`, one per document path, in
/// path order (as a folder is walked); a warning for each line that is no record and for
/// each path recorded twice with different texts (the later shard's record is kept).
pub fn read(inputs: &[PathBuf], rules: &RuleSet) -> (Vec<DocumentRecord>, Vec<Warning>) {
    let (files, mut warnings) = shard_files(inputs);
    let shards: Vec<(Vec<shard::Read>, Vec<Warning>)> = files
        .par_iter()
        .map(|file| shard::read(file, &rules.fingerprint))
        .collect();
    let mut by_path: BTreeMap<Vec<String>, (DocumentRecord, usize, usize)> = BTreeMap::new();
    for (number, (records, problems)) in shards.into_iter().enumerate() {
        warnings.extend(problems);
        for read in records {
            let key = path_key(read.record.path());
            let replaced = by_path.insert(key, (read.record, number, read.line));
            if let Some((older, shard, line)) = replaced {
                let newer = &by_path[&path_key(older.path())];
                if older.hash != newer.0.hash {
                    warnings.push(Warning::about(
                        older.path(),
                        format!(
                            "recorded twice with different texts ({}:{line} and {}:{}); the later is kept",
                            files[shard].display(),
                            files[newer.1].display(),
                            newer.2
                        ),
                    ));
                }
            }
        }
    }
    let records = by_path.into_values().map(|(record, _, _)| record).collect();
    (records, warnings)
}

/// A path as the order of a folder walk sees it: component by component.
fn path_key(path: &str) -> Vec<String> {
    Path::new(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

/// Compares the documents of the claim shards `inputs` — the report `check` gives on the
/// same documents.
///
/// # Errors
/// A fact whose attribute no rule sets or whose value does not read.
pub fn compare(
    inputs: &[PathBuf],
    facts: Option<&Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    let started = std::time::Instant::now();
    let (mut records, mut warnings) = read(inputs, rules);
    if options.keep_texts || options.name_mentions {
        restore_texts(&mut records, &mut warnings);
    }
    let batch = Batch {
        records,
        warnings,
        ..Batch::default()
    };
    with_threads(options.threads, || {
        run::compare(batch, started.elapsed(), facts, None, rules, options)
    })
}

/// Checks the documents of `new` against the claim store `store`: the new documents are
/// read and extracted, the store's records stand for the rest (a stored record of a new
/// document's path gives way to it), and only the findings that involve a new document
/// are kept, judged as against a corpus of texts.
///
/// # Errors
/// A fact whose attribute no rule sets or whose value does not read.
pub fn check_against(
    new: &[PathBuf],
    store: &[PathBuf],
    facts: Option<&Facts>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Report, Error> {
    with_threads(options.threads, || {
        let started = std::time::Instant::now();
        let (paths, walked) = source::files(new);
        let submitted: HashSet<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let extractor = Extractor::new(rules);
        let keep = keep_texts(options);
        let drafts = run::first_pass(
            paths.into_iter().map(Input::File).collect(),
            &extractor,
            options,
            keep,
        );
        let (mut records, mut warnings) = read(store, rules);
        records.retain(|r| !submitted.contains(r.path()));
        // An undated record holds its text; a dated one's is read again only for a report
        // that shows it.
        if keep == KeepTexts::All {
            restore_texts(&mut records, &mut warnings);
        }
        warnings.extend(walked);
        warnings.extend(drafts.warnings);
        records.extend(drafts.records);
        let batch = Batch {
            records,
            warnings,
            read: drafts.read,
            segment: drafts.segment,
            extract: drafts.extract,
        };
        run::compare(
            batch,
            started.elapsed(),
            facts,
            Some(&submitted),
            rules,
            options,
        )
    })
}

fn keep_texts(options: &CheckOptions) -> KeepTexts {
    if options.keep_texts || options.name_mentions {
        KeepTexts::All
    } else {
        KeepTexts::Undated
    }
}

/// Reads again, for a report that shows documents or looks names up in them, the texts a
/// store does not hold, from the documents' paths; a text that is gone or changed since it
/// was extracted is left out with a warning.
fn restore_texts(records: &mut [DocumentRecord], warnings: &mut Vec<Warning>) {
    let problems: Vec<Warning> = records
        .par_iter_mut()
        .filter(|r| r.document.text.is_none())
        .filter_map(|record| {
            let (document, _) = source::read_one(Path::new(record.path()));
            match document {
                Some(document) if content_hash(&document.text) == record.hash => {
                    record.document.text = Some(document.text);
                    None
                }
                Some(_) => Some("changed since it was extracted; its text is not shown"),
                None => Some("cannot be read; its text is not shown"),
            }
            .map(|message| Warning::about(record.path(), message))
        })
        .collect();
    warnings.extend(problems);
}

/// What an extraction wrote.
#[derive(Debug)]
pub struct Extracted {
    /// The shard written.
    pub shard: PathBuf,
    pub documents: usize,
    pub claims: usize,
    /// Older records of the same documents taken out of the store's other shards.
    pub replaced: usize,
    /// About inputs that could not be read, and documents read with a caveat.
    pub warnings: Vec<Warning>,
}

/// Extracts the documents of `inputs` into one claim shard: `output` itself when it names
/// a `.jsonl` file, else a new shard in the store folder `output` (made if need be), named
/// by its content, whose older records of the same documents are taken out of the
/// folder's other shards (a shard left empty is removed).
///
/// # Errors
/// The shard or the store cannot be written.
pub fn extract(
    inputs: &[PathBuf],
    output: &Path,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<Extracted, Error> {
    let batch = with_threads(options.threads, || {
        let (paths, walked) = source::files(inputs);
        let extractor = Extractor::new(rules);
        let inputs = paths.into_iter().map(Input::File).collect();
        let mut batch = run::first_pass(inputs, &extractor, options, KeepTexts::Undated);
        batch.warnings.splice(0..0, walked);
        batch
    });
    let mut bytes = Vec::new();
    for record in &batch.records {
        shard::encode(record, &rules.fingerprint, &mut bytes);
    }
    let mut warnings = batch.warnings;
    warnings.extend(
        batch
            .records
            .iter()
            .flat_map(|r| r.warnings.iter().cloned()),
    );
    let write_error = |path: &Path, message: String| Error::Input {
        path: path.display().to_string(),
        message,
    };
    let into_folder = !is_shard(output) || output.is_dir();
    let shard = if into_folder {
        std::fs::create_dir_all(output)
            .map_err(|e| write_error(output, format!("cannot make the claim store: {e}")))?;
        output.join(format!(
            "{}.{}",
            &content_hash_bytes(&bytes)[..16],
            shard::EXTENSION
        ))
    } else {
        output.to_path_buf()
    };
    let mut replaced = 0;
    if into_folder {
        let paths: HashSet<&str> = batch.records.iter().map(DocumentRecord::path).collect();
        let (files, _) = shard_files(&[output.to_path_buf()]);
        for file in files.iter().filter(|file| **file != shard) {
            replaced += drop_records(file, &paths)?;
        }
    }
    crate::output::write_atomically(&shard, &bytes).map_err(|e| write_error(&shard, e))?;
    Ok(Extracted {
        shard,
        documents: batch.records.len(),
        claims: batch.records.iter().map(|r| r.claims.len()).sum(),
        replaced,
        warnings,
    })
}

fn content_hash_bytes(bytes: &[u8]) -> String {
    content_hash(&String::from_utf8_lossy(bytes))
}

/// Takes the records of `paths` out of the shard `file` (rewritten atomically, or removed
/// when nothing is left); returns how many went. Lines that are no record of this build are
/// kept as they are: another build may read them.
fn drop_records(file: &Path, paths: &HashSet<&str>) -> Result<usize, Error> {
    // Only the path of each line is read.
    #[derive(serde::Deserialize)]
    struct LinePath {
        record: Option<RecordPath>,
    }
    #[derive(serde::Deserialize)]
    struct RecordPath {
        document: DocumentPath,
    }
    #[derive(serde::Deserialize)]
    struct DocumentPath {
        path: String,
    }
    let error = |message: String| Error::Input {
        path: file.display().to_string(),
        message,
    };
    let text = std::fs::read(file).map_err(|e| error(format!("cannot read claim shard: {e}")))?;
    let mut kept = Vec::with_capacity(text.len());
    let mut dropped = 0;
    for line in text.split_inclusive(|&b| b == b'\n') {
        let path = serde_json::from_slice::<LinePath>(line.trim_ascii_end())
            .ok()
            .and_then(|line| line.record)
            .map(|record| record.document.path);
        if path.is_some_and(|path| paths.contains(path.as_str())) {
            dropped += 1;
        } else {
            kept.extend_from_slice(line);
        }
    }
    if dropped == 0 {
        return Ok(0);
    }
    if kept.iter().all(u8::is_ascii_whitespace) {
        std::fs::remove_file(file).map_err(|e| error(format!("cannot remove claim shard: {e}")))?;
    } else {
        crate::output::write_atomically(file, &kept).map_err(error)?;
    }
    Ok(dropped)
}
