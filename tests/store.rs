//! Claim stores: `extract` then `compare` gives the report `check` gives, byte for byte in
//! every format, however the documents are split into shards and in whatever order the
//! shards are named; a draft checked against a store is judged as against the corpus's
//! texts; a document extracted again replaces its record; bad lines are errors at
//! file:line that lose nothing else.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs claimcheck in the crate's folder: stdout, stderr, exit code.
fn run(args: &[&str]) -> (String, String, i32) {
    let output = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(root())
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

/// The corpus's documents, as `check corpus/` reads them.
fn corpus_files() -> Vec<String> {
    let (files, warnings) = claimcheck::pipeline::source::files(&[PathBuf::from("corpus")]);
    assert!(warnings.is_empty());
    files.iter().map(|p| p.display().to_string()).collect()
}

/// The corpus extracted into `parts` shards (document i into shard i mod parts).
fn shards(dir: &Path, parts: usize) -> Vec<String> {
    let files = corpus_files();
    (0..parts)
        .map(|part| {
            let shard = dir.join(format!("part-{part}.jsonl")).display().to_string();
            let mut args = vec!["extract"];
            args.extend(files.iter().skip(part).step_by(parts).map(String::as_str));
            args.extend(["-o", &shard]);
            let (_, stderr, code) = run(&args);
            assert_eq!(code, 0, "{stderr}");
            shard
        })
        .collect()
}

const FORMATS: &[&[&str]] = &[
    &[],
    &["--claims"],
    &["--explain-groups"],
    &["--format", "json"],
    &["--format", "jsonl"],
    &["--format", "markdown"],
    &["--format", "github"],
    &["--format", "sarif"],
    &["--format", "html"],
];

#[test]
fn compare_over_shards_in_any_order_is_check_byte_for_byte_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let parts = shards(dir.path(), 3);
    let orders = [
        vec![&parts[0], &parts[1], &parts[2]],
        vec![&parts[2], &parts[0], &parts[1]],
    ];
    for format in FORMATS {
        let mut check = vec!["check", "corpus/"];
        check.extend(*format);
        let expected = run(&check);
        assert!(!expected.0.is_empty());
        for order in &orders {
            let mut compare = vec!["compare"];
            compare.extend(order.iter().map(|s| s.as_str()));
            compare.extend(*format);
            let got = run(&compare);
            assert_eq!(
                (&got.0, got.2),
                (&expected.0, expected.2),
                "compare {order:?} {format:?}: {}",
                got.1
            );
        }
    }
}

#[test]
fn a_store_folder_compares_as_its_shards() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let store = store.display().to_string();
    let (_, stderr, code) = run(&["extract", "corpus/", "-o", &store]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(run(&["compare", &store]).0, run(&["check", "corpus/"]).0);
}

#[test]
fn extraction_is_deterministic_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.jsonl").display().to_string();
    let two = dir.path().join("two.jsonl").display().to_string();
    run(&["extract", "corpus/", "-o", &one, "--threads", "1"]);
    run(&["extract", "corpus/", "-o", &two, "--threads", "2"]);
    let one = std::fs::read(one).unwrap();
    assert!(!one.is_empty());
    assert_eq!(one, std::fs::read(two).unwrap());
}

/// A draft against the corpus's store is judged as against the corpus's texts.
#[test]
fn a_draft_against_a_store_is_judged_as_against_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store").display().to_string();
    run(&["extract", "corpus/", "-o", &store]);
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "source: Draft\npublished: 2026-05-30\n\n\
         Kevin Hamilton, NATO Deputy Assistant Secretary General for Defence Policy, praised the drill.\n\n\
         The exercise, held from June 2 to June 9, involved nearly 400 soldiers.\n",
    )
    .unwrap();
    let draft = draft.display().to_string();
    for format in [&[][..], &["--format", "json"], &["--format", "markdown"]] {
        let mut by_texts = vec!["check", &draft, "--against", "corpus/"];
        by_texts.extend(format);
        let mut by_store = vec!["check", &draft, "--against", &store];
        by_store.extend(format);
        let expected = run(&by_texts);
        assert_eq!(expected.2, 1, "the draft has conflicts");
        let got = run(&by_store);
        assert_eq!((got.0, got.2), (expected.0, expected.2), "{format:?}");
    }
}

/// A draft against a store reads no text of the corpus again: with the corpus gone, the
/// report is the same, and nothing warns of a text that cannot be read.
#[test]
fn a_draft_against_a_store_reads_none_of_the_corpus_texts() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("corpus");
    std::fs::create_dir(&copy).unwrap();
    for file in corpus_files() {
        let name = Path::new(&file).file_name().unwrap();
        std::fs::copy(root().join(&file), copy.join(name)).unwrap();
    }
    let store = dir.path().join("store").display().to_string();
    let copy = copy.display().to_string();
    let (_, stderr, code) = run(&["extract", &copy, "-o", &store]);
    assert_eq!(code, 0, "{stderr}");
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "source: Draft\npublished: 2026-05-30\n\n\
         The exercise, held from June 2 to June 9, involved nearly 400 soldiers.\n",
    )
    .unwrap();
    let draft = draft.display().to_string();
    let check = ["check", &draft, "--against", &store, "--format", "json"];
    let before = run(&check);
    assert_eq!(before.2, 1, "the draft has a conflict: {}", before.1);
    std::fs::remove_dir_all(&copy).unwrap();
    let after = run(&check);
    assert_eq!((&after.0, after.2), (&before.0, before.2));
    assert!(!after.1.contains("cannot be read"), "{}", after.1);
}

/// Lines of `text` with `edit` applied to line `at` (0-based).
fn edit_line(text: &str, at: usize, edit: impl Fn(&str) -> String) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| if i == at { edit(line) } else { line.to_string() } + "\n")
        .collect()
}

#[test]
fn bad_lines_are_errors_at_file_and_line_and_the_rest_of_the_store_counts() {
    let dir = tempfile::tempdir().unwrap();
    let parts = shards(dir.path(), 2);
    let whole = run(&["compare", &parts[0], &parts[1], "--format", "json"]);
    let documents = |json: &str| -> usize {
        let report: serde_json::Value = serde_json::from_str(json).unwrap();
        report["sources"].as_array().unwrap().len()
    };
    let all = documents(&whole.0);
    let text = std::fs::read_to_string(&parts[0]).unwrap();
    let cases = [
        (
            "truncated",
            edit_line(&text, 1, |line| line[..line.len() / 2].to_string()),
            "truncated claim record",
        ),
        (
            "version",
            edit_line(&text, 1, |line| {
                line.replacen("\"schema\":1", "\"schema\":99", 1)
            }),
            "shard schema version 99",
        ),
        (
            "rules",
            edit_line(&text, 1, |line| {
                let at = line.find("\"rules\":\"").unwrap() + 9;
                format!("{}0000{}", &line[..at], &line[at + 4..])
            }),
            "another rule set",
        ),
    ];
    for (name, broken, says) in cases {
        std::fs::write(&parts[0], &broken).unwrap();
        let (stdout, stderr, code) = run(&["compare", &parts[0], &parts[1], "--format", "json"]);
        assert_eq!(code, 2, "{name}: an unreadable input");
        assert!(
            stderr.contains(&format!("{}:2: ", parts[0])) && stderr.contains(says),
            "{name}: {stderr}"
        );
        assert_eq!(
            documents(&stdout),
            all - 1,
            "{name}: only that record is lost"
        );
    }
}

#[test]
fn a_document_extracted_again_replaces_its_older_record() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for name in ["balkan-wire.md", "nis-herald.md"] {
        std::fs::copy(root().join("corpus").join(name), docs.join(name)).unwrap();
    }
    let store = dir.path().join("store");
    let (store_arg, docs_arg) = (store.display().to_string(), docs.display().to_string());
    run(&["extract", &docs_arg, "-o", &store_arg]);
    let herald = docs.join("nis-herald.md");
    let changed = std::fs::read_to_string(&herald)
        .unwrap()
        .replace("Political Affairs and Security Policy", "Partnerships");
    std::fs::write(&herald, changed).unwrap();
    let herald_arg = herald.display().to_string();
    let (_, stderr, code) = run(&["extract", &herald_arg, "-o", &store_arg]);
    assert_eq!(code, 0);
    assert!(stderr.contains("1 older records replaced"), "{stderr}");
    let shards: Vec<String> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let lines: usize = shards.iter().map(|s| s.lines().count()).sum();
    assert_eq!(lines, 2, "one record per document");
    assert_eq!(
        run(&["compare", &store_arg]).0,
        run(&["check", &docs_arg]).0,
        "the store holds the new text's claims"
    );
}
