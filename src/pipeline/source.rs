//! Sources: finding the input files, reading them safely, and each document's metadata
//! (source name, url, publication date) from a header, TOML front matter or the text itself.

use crate::model::report::Warning;
use crate::normalize::date::parse_header_date;
use crate::normalize::number::{detect_convention, Convention};
use crate::pipeline::boilerplate::{self, Line, LineKind};
use chrono::NaiveDate;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Extensions read when walking a directory (a file named on the command line is read
/// whatever its extension).
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// The file, in any directory walked, that lists files to leave out (gitignore syntax).
pub const IGNORE_FILE: &str = ".claimcheckignore";

/// The names (without extension, any case) of the files that describe a folder rather than
/// report news: a data folder's README, its licence, its changelog. A directory walk leaves
/// them out; named on the command line, they are read like any file.
pub const FOLDER_DOCUMENT_NAMES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "notice",
    "changelog",
    "changes",
    "contributing",
    "authors",
    "code_of_conduct",
];

/// How many non-blank lines at the top may hold an inferred publication date.
const HEADER_LINES: usize = 12;

/// One input document with its metadata and line classification.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub name: String,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub text: String,
    pub lines: Vec<Line>,
    pub convention: Convention,
}

impl Document {
    /// Builds a document from its text, reading metadata; problems with the metadata are
    /// returned as warnings and the document is still usable.
    pub fn new(path: &str, text: String) -> (Document, Vec<Warning>) {
        let mut warnings = Vec::new();
        let header = parse_header(&text).unwrap_or_else(|message| {
            warnings.push(Warning::about(path.to_string(), message));
            Header::default()
        });
        if let Some(problem) = &header.problem {
            warnings.push(Warning::about(path.to_string(), problem.clone()));
        }
        let lines = boilerplate::classify(&text, header.body_start);
        let published = if header.states_published {
            header.published
        } else {
            infer_published(&text, &lines)
        };
        let name = header
            .source
            .or_else(|| infer_name(&text, &lines))
            .unwrap_or_else(|| file_stem(path));
        let convention = detect_convention(&text);
        let document = Document {
            path: path.to_string(),
            name,
            url: header.url,
            published,
            text,
            lines,
            convention,
        };
        (document, warnings)
    }
}

#[derive(Debug, Default)]
struct Header {
    source: Option<String>,
    url: Option<String>,
    published: Option<NaiveDate>,
    /// The header has a `published` field, known or not: "published: unknown" says the
    /// date is not known, so none is guessed from the text.
    states_published: bool,
    body_start: usize,
    /// A field that did not read (a bad date): the rest of the header still holds.
    problem: Option<String>,
}

/// TOML front matter. `title` and `author` are accepted (articles often carry them) but
/// not used.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    source: Option<String>,
    url: Option<String>,
    published: Option<toml::Value>,
    #[serde(rename = "title")]
    _title: Option<String>,
    #[serde(rename = "author")]
    _author: Option<String>,
}

/// Reads `+++` TOML front matter or `key: value` header lines ended by a blank line.
fn parse_header(text: &str) -> Result<Header, String> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let body = &text[text_start..];
    if let Some(rest) = body
        .strip_prefix("+++\n")
        .or_else(|| body.strip_prefix("+++\r\n"))
    {
        let close = rest
            .match_indices("+++")
            .find(|(i, _)| *i == 0 || rest[..*i].ends_with('\n'))
            .map(|(i, _)| i)
            .ok_or("front matter opened with +++ is never closed")?;
        let front: FrontMatter =
            toml::from_str(&rest[..close]).map_err(|e| format!("front matter: {}", e.message()))?;
        let (published, problem) = match &front.published {
            None => (None, None),
            Some(toml::Value::Datetime(dt)) => header_date(&dt.to_string()),
            Some(toml::Value::String(s)) => header_date(s),
            Some(other) => (
                None,
                Some(format!(
                    "front matter: `published` must be a date, not {other}"
                )),
            ),
        };
        let after = text_start + 4 + close + 3;
        let body_start = text[after..]
            .find('\n')
            .map_or(text.len(), |i| after + i + 1);
        return Ok(Header {
            source: front.source,
            url: front.url,
            states_published: front.published.is_some(),
            published,
            body_start,
            problem,
        });
    }
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::pattern::compile(r"^(?i)(source|url|published|title|author)\s*:\s*(.*?)\s*$")
            .unwrap()
    });
    let mut header = Header::default();
    let mut offset = text_start;
    for (fields, raw) in body.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if fields > 0 {
                header.body_start = offset + raw.len();
                return Ok(header);
            }
            break;
        }
        let Some(caps) = FIELD.captures(line) else {
            break;
        };
        let value = caps[2].to_string();
        match caps[1].to_ascii_lowercase().as_str() {
            "source" => header.source = Some(value),
            "url" => header.url = Some(value),
            "published" => {
                (header.published, header.problem) = header_date(&value);
                header.states_published = true;
            }
            _ => {}
        }
        offset += raw.len();
    }
    Ok(Header::default())
}

/// A header's publication date; an unknown one ("unknown", "n/a", "-", nothing) is no date,
/// and one that does not read is no date with a warning — either way the source's name and
/// url in the same header still count.
fn header_date(text: &str) -> (Option<NaiveDate>, Option<String>) {
    let unknown = ["", "-", "unknown", "n/a", "none", "undated"];
    if unknown.iter().any(|u| text.trim().eq_ignore_ascii_case(u)) {
        return (None, None);
    }
    match parse_iso_date(text) {
        Ok(date) => (Some(date), None),
        Err(problem) => (None, Some(problem)),
    }
}

fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let day = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| format!("`published: {text}` is not a date of the form YYYY-MM-DD"))
}

/// The years a publication date can have; a date outside them is a misreading ("1093-02-04"
/// from a garbled line), never a publication date.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// The first full date (day and year) in the top lines of article text or datelines; URLs
/// are left out ("/2/9/75470/" is no date), and so are implausible years.
fn infer_published(text: &str, lines: &[Line]) -> Option<NaiveDate> {
    lines
        .iter()
        .filter(|line| {
            matches!(
                line.kind,
                LineKind::Content
                    | LineKind::Boilerplate(boilerplate::Furniture::Dateline)
                    | LineKind::Boilerplate(boilerplate::Furniture::Repeated)
            )
        })
        .take(HEADER_LINES)
        .find_map(|line| {
            let without_urls = crate::text::without_urls(&text[line.span.clone()]);
            parse_header_date(&without_urls)
                .filter(|date| PLAUSIBLE_YEARS.contains(&chrono::Datelike::year(date)))
        })
}

/// An outlet named at the end of the headline: "Headline - Gazeta Express".
fn infer_name(text: &str, lines: &[Line]) -> Option<String> {
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::pattern::compile(r"\s[-–|]\s((?:\p{Lu}[\p{L}\p{N}.&']*\s?){1,4})$").unwrap()
    });
    let first = lines.iter().find(|l| l.kind != LineKind::Blank)?;
    let caps = SUFFIX.captures(text[first.span.clone()].trim())?;
    Some(caps[1].trim().to_string())
}

fn file_stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// The files to read under `inputs`: files as given, directories walked recursively in
/// file-name order, skipping hidden files, a folder's own documents
/// ([`FOLDER_DOCUMENT_NAMES`]) and those listed in [`IGNORE_FILE`]; and warnings
/// about inputs that are not there. Each file is then read with [`read_one`], so nothing
/// that goes wrong with one file stops the others.
pub fn files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut paths = Vec::new();
    for input in inputs {
        paths.extend(walk(input, &mut warnings));
    }
    (paths, warnings)
}

fn walk(input: &Path, warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    if input.is_file() {
        return vec![input.to_path_buf()];
    }
    if !input.exists() {
        warnings.push(Warning::unreadable(
            input.display().to_string(),
            "no such file or directory".to_string(),
        ));
        return Vec::new();
    }
    let mut paths = Vec::new();
    let walker = ignore::WalkBuilder::new(input)
        .standard_filters(false)
        .hidden(true)
        .follow_links(true)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| {
                        DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    });
                if is_file && wanted && !is_folder_document(entry.path()) {
                    paths.push(entry.into_path());
                }
            }
            Err(error) => warnings.push(walk_warning(input, &error)),
        }
    }
    paths
}

fn is_folder_document(path: &Path) -> bool {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .is_some_and(|stem| {
            FOLDER_DOCUMENT_NAMES.contains(&stem.to_ascii_lowercase().replace('-', "_").as_str())
        })
}

fn walk_warning(input: &Path, error: &ignore::Error) -> Warning {
    let mut path = input.display().to_string();
    let mut inner = error;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = p.display().to_string();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err
            }
            _ => break,
        }
    }
    let message = match inner {
        ignore::Error::Loop { child, .. } => {
            path = child.display().to_string();
            "directory symlink loop; not followed".to_string()
        }
        ignore::Error::Io(io) => format!("cannot read: {io}"),
        other => other.to_string(),
    };
    Warning::unreadable(path, message)
}

/// Reads and classifies one file: the document, if it is one, and what was wrong with it.
pub fn read_one(path: &Path) -> (Option<Document>, Vec<Warning>) {
    let display = path.display().to_string();
    let mut warnings = Vec::new();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            warnings.push(Warning::unreadable(
                display,
                format!("cannot read: {error}"),
            ));
            return (None, warnings);
        }
    };
    let Some(text) = decode(&display, bytes, &mut warnings) else {
        return (None, warnings);
    };
    let (document, more) = Document::new(&display, text);
    warnings.extend(more);
    (Some(document), warnings)
}

/// Text from bytes: binary files are skipped, invalid UTF-8 is decoded lossily (U+FFFD)
/// with a warning naming the first bad byte offset.
pub fn decode(path: &str, bytes: Vec<u8>, warnings: &mut Vec<Warning>) -> Option<String> {
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        warnings.push(Warning::about(
            path.to_string(),
            "binary file (NUL bytes); skipped".to_string(),
        ));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            warnings.push(Warning::about(
                path.to_string(),
                format!("invalid UTF-8 at byte {offset}; invalid bytes read as U+FFFD"),
            ));
            Some(String::from_utf8_lossy(error.as_bytes()).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        let (document, warnings) = Document::new("dir/some-outlet.txt", text.to_string());
        assert!(warnings.is_empty(), "{warnings:?}");
        document
    }

    #[test]
    fn header_lines_give_metadata() {
        let doc = document(
            "source: Daily Wire\npublished: 2026-05-21\nurl: https://x.test/a\n\nBody text.\n",
        );
        assert_eq!(doc.name, "Daily Wire");
        assert_eq!(doc.published, "2026-05-21".parse().ok());
        assert_eq!(doc.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(
            doc.lines[0].kind,
            LineKind::Boilerplate(boilerplate::Furniture::Metadata)
        );
        assert_eq!(doc.lines[4].kind, LineKind::Content);
    }

    #[test]
    fn front_matter_gives_metadata() {
        let doc = document("+++\nsource = \"Wire\"\npublished = 2026-05-21\n+++\nBody text.\n");
        assert_eq!(doc.name, "Wire");
        assert_eq!(doc.published, "2026-05-21".parse().ok());
        assert_eq!(doc.lines[4].kind, LineKind::Content);
    }

    #[test]
    fn bad_header_date_is_a_warning_not_an_error() {
        let (doc, warnings) = Document::new("a.txt", "published: May 2026\n\nBody.\n".into());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("YYYY-MM-DD"));
        assert_eq!(doc.published, None);
    }

    #[test]
    fn an_unknown_or_bad_date_keeps_the_headers_source_name() {
        let (doc, warnings) = Document::new(
            "dir/file.md",
            "source: Daily Wire\npublished: unknown\n\nBody.\n".into(),
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!((doc.name.as_str(), doc.published), ("Daily Wire", None));
        // An unknown date is not guessed from a date the text states.
        let (doc, _) = Document::new(
            "dir/file.md",
            "published: unknown

Jane Roe (born February 4, 1992) is a model.
"
            .into(),
        );
        assert_eq!(doc.published, None);
        let (doc, _) = Document::new(
            "dir/file.md",
            "Posted: February 4, 2013

Body.
"
            .into(),
        );
        assert_eq!(doc.published, "2013-02-04".parse().ok());
        let (doc, warnings) = Document::new(
            "dir/file.md",
            "source: Daily Wire\npublished: May 2026\nurl: https://x.test/a\n\nBody.\n".into(),
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(doc.name, "Daily Wire");
        assert_eq!(doc.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(
            doc.lines[2].kind,
            LineKind::Boilerplate(boilerplate::Furniture::Metadata)
        );
    }

    #[test]
    fn publication_date_is_inferred_from_the_top() {
        assert_eq!(
            document("Analysis 30 May 16\n\nSerbian Army Inches Closer\n").published,
            "2016-05-30".parse().ok()
        );
        assert_eq!(
            document("Headline\n\nIn a development on May 29, 2026, NATO said so.\n").published,
            "2026-05-29".parse().ok()
        );
        assert_eq!(
            document("Built (completed in 1980) long ago.\n").published,
            None
        );
        assert_eq!(
            document("http://news.example/2/9/75470/story\nHeadline\n").published,
            None,
            "a URL is not read for a date"
        );
    }

    #[test]
    fn outlet_name_is_inferred_from_the_headline_suffix() {
        assert_eq!(
            document("Official speaks - Gazeta Express\n\nText.\n").name,
            "Gazeta Express"
        );
        assert_eq!(document("No suffix here\n").name, "some-outlet");
    }

    #[test]
    fn binary_and_invalid_utf8_are_handled() {
        let mut warnings = Vec::new();
        assert_eq!(decode("b.bin", vec![0, 1, 2], &mut warnings), None);
        let text = decode("c.txt", b"ok \xff end".to_vec(), &mut warnings).unwrap();
        assert_eq!(text, "ok \u{fffd} end");
        assert!(warnings[1].message.contains("byte 3"));
    }
}
