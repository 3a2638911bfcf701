//! Output pinned byte for byte: each folder of `tests/snapshots/` is one case, `cmd` (the
//! arguments, split at white space, run from the repository root) with the `stdout` and
//! `exit` code it must give. A change of output shows as a failing case;
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the expected files.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/snapshots"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("cmd").is_file())
        .collect();
    cases.sort();
    cases
}

/// What a case's command gives: standard output and the exit code.
fn run(case: &Path) -> (String, String) {
    let cmd = std::fs::read_to_string(case.join("cmd")).unwrap();
    let output = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(root())
        .args(cmd.split_whitespace())
        // Nothing of the test's own environment may reach the output.
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let code = output
        .status
        .code()
        .map_or("signal".to_string(), |c| c.to_string());
    (
        String::from_utf8(output.stdout).unwrap(),
        format!("{code}\n"),
    )
}

#[test]
fn every_case_gives_its_recorded_output() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0");
    let cases = cases();
    assert!(cases.len() >= 6, "one case per format at least");
    let mut failed = Vec::new();
    for case in &cases {
        let (stdout, exit) = run(case);
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if update {
            std::fs::write(case.join("stdout"), &stdout).unwrap();
            std::fs::write(case.join("exit"), &exit).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(case.join("stdout")).unwrap_or_default();
        let expected_exit = std::fs::read_to_string(case.join("exit")).unwrap_or_default();
        if stdout != expected {
            let line = stdout
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| stdout.lines().count().min(expected.lines().count()));
            failed.push(format!(
                "{name}: stdout differs from line {} on\n  got:      {:?}\n  expected: {:?}",
                line + 1,
                stdout.lines().nth(line).unwrap_or("<end>"),
                expected.lines().nth(line).unwrap_or("<end>"),
            ));
        }
        if exit != expected_exit {
            failed.push(format!(
                "{name}: exit {} instead of {}",
                exit.trim(),
                expected_exit.trim()
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{}\n(if the change is meant, UPDATE_SNAPSHOTS=1 cargo test --test snapshots)",
        failed.join("\n")
    );
}

#[test]
fn every_format_has_a_case() {
    let commands: Vec<String> = cases()
        .iter()
        .map(|case| std::fs::read_to_string(case.join("cmd")).unwrap())
        .collect();
    for format in ["markdown", "json", "jsonl", "sarif", "github", "html"] {
        let flag = format!("--format {format}");
        assert!(
            commands.iter().any(|c| c.trim_end().ends_with(&flag)),
            "no case for {format}"
        );
    }
    assert!(
        commands.iter().any(|c| c.trim() == "check corpus/"),
        "no table case"
    );
    for width in [80, 160] {
        let case = format!("check corpus/ --width {width}");
        assert!(
            commands.iter().any(|c| c.trim() == case),
            "no table case at {width} columns"
        );
    }
}
