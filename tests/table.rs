//! The terminal table fits its width: no line longer than the width but a location that
//! cannot be broken, every claim's `path:line:col` whole on one line, the width taken from
//! `--width`, else `COLUMNS` (output to a pipe), else 100, a value written across a line
//! break shown on one line, every claim with its quote, and the wide layout's locations in
//! one column.

use assert_cmd::Command;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn table(dir: &Path, args: &[&str], columns: Option<&str>) -> String {
    let mut command = Command::cargo_bin("claimcheck").unwrap();
    command.current_dir(dir).arg("check").args(args);
    match columns {
        Some(columns) => command.env("COLUMNS", columns),
        None => command.env_remove("COLUMNS"),
    };
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

/// The `path:line:col` of every claim the findings cite.
fn locations(dir: &Path, input: &str) -> Vec<String> {
    let json = table(dir, &[input, "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap().clone())
        .map(|c| {
            format!(
                "{}:{}:{}",
                c["path"].as_str().unwrap(),
                c["line"],
                c["column"]
            )
        })
        .collect()
}

#[test]
fn every_line_fits_and_no_location_is_broken() {
    for input in ["corpus/", "tests/fixtures/raw-news"] {
        let places = locations(root(), input);
        for width in [40, 80, 120, 200] {
            let out = table(root(), &[input, "--width", &width.to_string()], None);
            for line in out.lines() {
                let unbreakable = !line.trim().contains(' ');
                assert!(
                    line.chars().count() <= width || unbreakable,
                    "{input} at {width}: {line:?} is {} long",
                    line.chars().count()
                );
            }
            for place in &places {
                let whole = out
                    .lines()
                    .any(|line| line.split_whitespace().any(|word| word == place.as_str()));
                assert!(whole, "{input} at {width}: {place} is not whole on a line");
            }
        }
    }
}

#[test]
fn every_claim_is_shown_with_its_quote_at_any_width() {
    for input in ["corpus/", "tests/fixtures/raw-news"] {
        let places = locations(root(), input);
        for width in [40, 60, 80, 120] {
            let out = table(root(), &[input, "--width", &width.to_string()], None);
            let lines: Vec<&str> = out.lines().collect();
            for (at, line) in lines.iter().enumerate() {
                let Some(place) = places
                    .iter()
                    .find(|p| line.split_whitespace().any(|word| word == p.as_str()))
                else {
                    continue;
                };
                // The quote is on the claim's line or on the lines beneath it, before the
                // next claim's location.
                let quoted = std::iter::once(*line)
                    .chain(lines[at + 1..].iter().copied().take_while(|next| {
                        !places
                            .iter()
                            .any(|p| next.split_whitespace().any(|word| word == p.as_str()))
                    }))
                    .any(|l| l.contains('“'));
                assert!(quoted, "{input} at {width}: {place} has no quote");
            }
        }
    }
}

#[test]
fn subjects_a_reader_sees_under_one_name_share_one_heading() {
    // The earthquake's place and the figures of the story's event are two subjects, both
    // headed by the story.
    let dir = tempfile::tempdir().unwrap();
    for (name, town, toll) in [
        ("a.md", "the town of Takengon", "five people"),
        ("b.md", "the city of Medan", "one person"),
    ] {
        let text = format!(
            "source: {name}\npublished: 2013-07-02\n\n# Quake hits Aceh\n\n\
             A strong earthquake struck {town} in Aceh on Tuesday.\n\
             The quake killed {toll}, officials said.\n"
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = table(dir.path(), &[".", "--width", "100"], None);
    let headings: Vec<&str> = out.lines().filter(|l| l.contains(" · ")).collect();
    assert_eq!(
        headings,
        ["earthquake, Aceh, 2013-07-02 · 2 sources"],
        "{out}"
    );
    assert!(out.contains("deaths") && out.contains("place"), "{out}");
}

#[test]
fn the_width_comes_from_columns_then_100() {
    let longest = |out: &str| out.lines().map(|l| l.chars().count()).max().unwrap();
    let default = table(root(), &["corpus/"], None);
    assert!(longest(&default) <= 100 && longest(&default) > 80);
    let narrow = table(root(), &["corpus/"], Some("70"));
    assert!(longest(&narrow) <= 70, "{narrow}");
    let asked = table(root(), &["corpus/", "--width", "160"], Some("70"));
    assert!(longest(&asked) > 100, "--width outranks COLUMNS");
}

#[test]
fn a_value_written_across_a_line_break_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "source: A\npublished: 2026-05-20\n\nNATO Deputy Assistant Secretary\nGeneral for Partnerships Kevin Hamilton visited Belgrade.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "source: B\npublished: 2026-05-21\n\nKevin Hamilton, NATO Deputy Assistant Secretary General for Political Affairs and Security Policy, visited Belgrade.\n",
    )
    .unwrap();
    let out = table(dir.path(), &[".", "--width", "200"], None);
    let row = out
        .lines()
        .find(|line| line.contains("./a.md:4:1"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        row.contains("NATO Deputy Assistant Secretary General for Partnerships  “[NATO Deputy Assistant Secretary General for Partnerships] Kevin Hamilton visited Belgrade.”"),
        "{out}"
    );
}

#[test]
fn in_the_wide_layout_every_location_starts_in_one_column() {
    let places = locations(root(), "corpus/");
    let out = table(root(), &["corpus/", "--width", "160"], None);
    let starts: std::collections::BTreeSet<usize> = out
        .lines()
        .filter_map(|line| {
            let at = places.iter().find_map(|place| line.find(place.as_str()))?;
            Some(line[..at].chars().count())
        })
        .collect();
    assert_eq!(
        starts.len(),
        1,
        "locations start at columns {starts:?}:\n{out}"
    );
}
