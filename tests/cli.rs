//! The binary end to end: output, exit codes, determinism, errors.

use assert_cmd::Command;
use std::path::Path;

fn claimcheck() -> Command {
    let mut command = Command::cargo_bin("claimcheck").unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn check_on_the_corpus_prints_the_table_and_exits_1_on_conflicts() {
    let output = claimcheck().args(["check", "corpus/"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("claimcheck: 22 sources, "), "{stdout}");
    assert!(stdout.contains("CONFLICT"));
    assert!(stdout.contains("corpus/belgrade-daily.md:7:1"));
    assert!(output.stderr.is_empty());
}

#[test]
fn same_input_gives_byte_identical_output() {
    for format in ["table", "json"] {
        let first = claimcheck()
            .args(["check", "corpus/", "--format", format])
            .output()
            .unwrap();
        let second = claimcheck()
            .args(["check", "corpus/", "--format", format])
            .output()
            .unwrap();
        assert_eq!(first.stdout, second.stdout, "{format}");
    }
}

#[test]
fn json_follows_schema_v1() {
    let output = claimcheck()
        .args(["check", "corpus/", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 22);
    for source in sources {
        assert!(source["path"].is_string() && source["name"].is_string());
        assert!(source["published"].is_string() || source["published"].is_null());
    }
    let verdicts = [
        "agreement",
        "conflict",
        "changed",
        "possible-conflict",
        "internal-conflict",
    ];
    for finding in json["findings"].as_array().unwrap() {
        assert!(verdicts.contains(&finding["verdict"].as_str().unwrap()));
        for key in ["rule", "subject", "topic", "attribute", "message"] {
            assert!(finding[key].is_string(), "{key}");
        }
        for claim in finding["claims"].as_array().unwrap() {
            assert!(
                claim["path"].is_string()
                    && claim["quote"].is_string()
                    && claim["text"].is_string()
            );
            assert!(claim["line"].as_u64().unwrap() >= 1 && claim["column"].as_u64().unwrap() >= 1);
            assert!(claim["value"].is_object());
        }
    }
    for claim in json["claims"].as_array().unwrap() {
        for key in ["path", "subject", "topic", "attribute", "text", "rule"] {
            assert!(claim[key].is_string(), "{key}");
        }
        assert!(claim["line"].is_u64() && claim["column"].is_u64());
    }
}

#[test]
fn claims_view_marks_single_source_claims_unverified() {
    let output = claimcheck()
        .args(["check", "corpus/", "--claims"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("Slavic Brotherhood 2016"));
    assert!(stdout.contains("unverified"));
    assert!(stdout.contains("cross-checked"));
}

#[test]
fn agreeing_sources_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "source: A\npublished: 2026-05-20\n\nThe two-week drill began on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "source: B\npublished: 2026-05-21\n\nThe exercise lasted fourteen days.\n",
    )
    .unwrap();
    let output = claimcheck().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("agreement"));
}

/// The sources a check of `inputs` reads, by file name.
fn source_files(inputs: &[&Path]) -> Vec<String> {
    let output = claimcheck()
        .arg("check")
        .args(inputs)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|source| {
            let path = Path::new(source["path"].as_str().unwrap());
            path.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn a_walked_folder_leaves_out_its_own_readme_and_licence_but_a_named_one_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let article = "The quake killed 312 people, officials said on Monday.\n";
    std::fs::write(dir.path().join("report.txt"), article).unwrap();
    let about = "This folder holds reports of the quake, which killed 400 people.\n";
    for name in [
        "README.md",
        "Readme.txt",
        "LICENSE.md",
        "code-of-conduct.md",
    ] {
        std::fs::write(dir.path().join(name), about).unwrap();
    }
    assert_eq!(source_files(&[dir.path()]), ["report.txt"]);
    let readme = dir.path().join("README.md");
    assert_eq!(
        source_files(&[dir.path(), &readme]),
        ["report.txt", "README.md"]
    );
}

#[test]
fn missing_input_exits_2_and_names_it() {
    let output = claimcheck()
        .args(["check", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no/such/dir"), "{stderr}");
}

#[test]
fn an_unreadable_input_does_not_stop_the_others() {
    let output = claimcheck()
        .args(["check", "no/such/file.txt", "corpus/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("CONFLICT"),
        "findings for the readable corpus still print"
    );
}

#[test]
fn a_bad_rule_file_is_an_error_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[rule]]\nid = \"bad-rule\"\ndescription = \"d\"\nmessage = \"m\"\nattribute = \"a\"\nvalue = \"name\"\nsubject = \"event\"\npatterns = ['''(?P<value>{NOPE})''']\n",
    )
    .unwrap();
    let output = claimcheck()
        .args(["check", "corpus/", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("bad.toml:8:13"), "{stderr}");
    assert!(
        stderr.contains("bad-rule") && stderr.contains("{NOPE}"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn rules_lists_every_rule() {
    let output = claimcheck().arg("rules").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for id in [
        "person-title",
        "event-date",
        "event-duration",
        "event-troops",
        "event-ordinal",
    ] {
        assert!(stdout.contains(id), "{id}");
    }
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules/events.toml")
        .exists());
}

fn normalize(args: &[&str], stdin: &str) -> Vec<serde_json::Value> {
    let output = claimcheck()
        .arg("normalize")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn normalize_prints_one_json_object_per_mention() {
    let text =
        "Approximately 600 troops trained for a fortnight.\nIt ended on May 29, 2026, 20% early.\n";
    let mentions = normalize(&["--reference-date", "2026-05-20"], text);
    let kinds: Vec<&str> = mentions
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["number", "duration", "date", "percent"]);
    assert_eq!(mentions[0]["value"], 600.0);
    assert_eq!(mentions[0]["approx"], true);
    assert_eq!(mentions[1]["seconds"], 14.0 * 86400.0);
    assert_eq!(mentions[2]["line"], 2);
    assert_eq!(mentions[2]["value"]["start"], "2026-05-29");
    assert_eq!(mentions[2]["value"]["end"], "2026-05-30");
    let start = mentions[2]["start"].as_u64().unwrap() as usize;
    let end = mentions[2]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "May 29, 2026");
}

#[test]
fn normalize_lines_gives_offsets_within_each_line() {
    let mentions = normalize(&["--lines", "--kinds", "number"], "one\nx 42\n");
    assert_eq!(mentions.len(), 2);
    assert_eq!(
        (mentions[1]["line"].as_u64(), mentions[1]["start"].as_u64()),
        (Some(2), Some(2))
    );
}

#[test]
fn normalize_writes_an_open_side_of_a_date_range_as_null() {
    let before = normalize(&["--kinds", "date"], "He was born before January 1960.");
    assert_eq!(before.len(), 1, "{before:?}");
    assert!(before[0]["value"]["start"].is_null(), "{before:?}");
    assert_eq!(before[0]["value"]["end"], "1960-01-01");
}

#[test]
fn normalize_rejects_a_bad_reference_date() {
    let output = claimcheck()
        .args(["normalize", "--reference-date", "May 2026"])
        .write_stdin("today")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn explain_groups_shows_merged_spellings_and_possible_identities() {
    let output = claimcheck()
        .args(["check", "corpus/", "--explain-groups"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Aleksandar Vucic (1 claims): the same name after folding"),
        "{stdout}"
    );
    assert!(
        stdout.contains("George Wyckoff (2 claims): spelled close to \"george wikoff\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("Vusic (1 claims): a surname alone, spelled close to"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Hamilton (0 claims): the name in the text, no claim"),
        "{stdout}"
    );
    assert!(
        stdout.contains("exercise, Serbia, 2016-05-30: an unnamed exercise at the time"),
        "{stdout}"
    );
    assert!(stdout.contains("in the documents of one story"), "{stdout}");
}

#[test]
fn explain_groups_shows_each_storys_documents_and_why_they_joined() {
    let dir = tempfile::tempdir().unwrap();
    let quake = "source: {S}\npublished: 2031-03-04\n\n# Earthquake shakes Vrancea county in Romania\n\n\
        A magnitude 5.7 earthquake struck Vrancea county in Romania on Tuesday, and about 30 people were hurt.\n";
    let flood = "source: River Post\npublished: 2031-03-05\n\n# Floods cut roads in Moldova\n\n\
        Heavy rain flooded villages along the Prut river in Moldova, and 200 families left their homes.\n";
    std::fs::write(dir.path().join("a.md"), quake.replace("{S}", "Wire")).unwrap();
    // The same text again: a wire story another outlet runs.
    std::fs::write(dir.path().join("b.md"), quake.replace("{S}", "Wire")).unwrap();
    std::fs::write(
        dir.path().join("c.md"),
        "source: Herald\npublished: 2031-03-05\n\n# Vrancea earthquake in Romania hurts 31\n\n\
         The earthquake in Vrancea county, Romania, measured 6.0 and hurt 31 people.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d.md"), flood).unwrap();
    let output = claimcheck()
        .args(["check", "--explain-groups", "--width", "200"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let stories = &stdout
        [stdout.find("\nStories\n").expect(&stdout)..stdout.find("\nSubjects\n").expect(&stdout)];
    assert!(stories.contains("s1 · earthquake, "), "{stories}");
    assert!(stories.contains("· 3 documents"), "{stories}");
    assert!(
        stories.contains(&format!(
            "{}: the same text as {}",
            path("b.md"),
            path("a.md")
        )),
        "{stories}"
    );
    let joined = format!("{}: like {} (similarity ", path("c.md"), path("a.md"));
    let line = stories
        .lines()
        .find(|l| l.contains(&joined))
        .expect(stories);
    assert!(line.contains("vrancea"), "{line}");
    assert!(stories.contains("s2 · "), "{stories}");
    assert!(stories.contains("· 1 document\n"), "{stories}");
}
