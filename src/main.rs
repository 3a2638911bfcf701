//! The claimcheck command: parses arguments, calls the library, writes the output and maps
//! the outcome to an exit code (0 clean, 1 conflicts, 2 errors).

use claimcheck::check::{check, CheckOptions, Report};
use claimcheck::rules::RuleSet;
use claimcheck::{output, render};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Width of tables written to a file or pipe, so the output is the same on every run.
const PIPE_WIDTH: u16 = 160;

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Cross-checks claims across documents: where sources agree and where they contradict each other"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents (files or directories of .txt/.md) against each other.
    Check {
        /// Files or directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show every claim (cross-checked or unverified) instead of the findings.
        #[arg(long)]
        claims: bool,
        /// A directory of extra rule files (*.toml), added to the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Allow --output to write inside one of the input directories.
        #[arg(long, requires = "output")]
        allow_output_in_inputs: bool,
    },
    /// List the rules.
    Rules {
        /// A directory of extra rule files (*.toml), added to the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("claimcheck: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check {
            paths,
            format,
            claims,
            rules,
            output,
            allow_output_in_inputs,
        } => {
            if let Some(output) = &output {
                if let Some(input) = output::input_containing(output, &paths) {
                    if !allow_output_in_inputs {
                        return Err(format!(
                            "{}: refusing to write the report inside the input {} (it would be read as a document next time); choose another path or pass --allow-output-in-inputs",
                            output.display(),
                            input.display()
                        ));
                    }
                }
            }
            let rules = load_rules(rules.as_deref())?;
            let report = check(&paths, &rules, &CheckOptions::default());
            for warning in &report.warnings {
                eprintln!("claimcheck: warning: {warning}");
            }
            let output_path = output;
            let width = if output_path.is_some() {
                PIPE_WIDTH
            } else {
                table_width()
            };
            let rendered = match format {
                Format::Json => render::json::report(&report),
                Format::Table if claims => render::table::claims(&report, width),
                Format::Table => render::table::findings(&report, width),
            };
            match &output_path {
                Some(path) => output::write_atomically(path, rendered.as_bytes())?,
                None => write_stdout(&rendered)?,
            }
            Ok(exit_code(&report))
        }
        Command::Rules { rules } => {
            let rules = load_rules(rules.as_deref())?;
            let mut out = String::new();
            for rule in &rules.rules {
                let summary = rule
                    .description
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&format!(
                    "{:<18} {:<8} {:<10} {}\n",
                    rule.id,
                    rule.severity.name(),
                    rule.attribute,
                    summary
                ));
            }
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load_rules(dir: Option<&std::path::Path>) -> Result<RuleSet, String> {
    let rules = match dir {
        Some(dir) => RuleSet::builtin_with_dir(dir).map_err(|e| e.to_string())?,
        None => RuleSet::builtin().map_err(|e| e.to_string())?,
    };
    if dir.is_some() {
        claimcheck::examples::verify_or_error(&rules).map_err(|e| e.to_string())?;
    }
    Ok(rules)
}

fn table_width() -> u16 {
    if std::io::stdout().is_terminal() {
        comfy_table::Table::new().width().unwrap_or(PIPE_WIDTH)
    } else {
        PIPE_WIDTH
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

fn exit_code(report: &Report) -> ExitCode {
    if report.has_unreadable_inputs() {
        ExitCode::from(2)
    } else if report.has_conflicts() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
