//! The claimcheck command: parses arguments into a configuration overlay, calls the
//! library, writes the output and maps the outcome to an exit code (0 clean, 1 conflicts,
//! 2 errors).

use claimcheck::normalize::date::Reference;
use claimcheck::normalize::number::detect_convention;
use claimcheck::normalize::scan::{scan, Kind, Mention, ScanOptions};
use claimcheck::pipeline::facts::Facts;
use claimcheck::pipeline::filter::baseline::Baseline;
use claimcheck::{output, render};
use claimcheck::{CheckOptions, Config, FailOn, Format, Outcome, Overlay, Progress, Report};
use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

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
    Check(CheckArgs),
    /// Read and extract documents into a claim shard (JSON Lines) for `compare` and
    /// `check --against STORE`, without comparing them.
    Extract(ExtractArgs),
    /// Compare the documents of claim shards (files, or store folders of them): the report
    /// `check` gives on the same documents, with the same options.
    Compare(CheckArgs),
    /// Print every number, range, ordinal, percentage, quantity, duration and date found in
    /// the text of FILES (or standard input), one JSON object per line.
    Normalize {
        /// Files to read; none or "-" reads standard input.
        files: Vec<PathBuf>,
        /// The date relative expressions resolve against (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_reference_date)]
        reference_date: Option<chrono::NaiveDate>,
        /// Read every input line as a text of its own (offsets within the line).
        #[arg(long)]
        lines: bool,
        /// Only these kinds (comma-separated): number, numberrange, ordinal, percent,
        /// quantity, duration, date.
        #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
        kinds: Vec<Kind>,
    },
    /// List the rules.
    Rules {
        /// A directory of extra rule files (*.toml), added to the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Print one rule in full: what it finds and why, its patterns and examples.
        #[arg(long, value_name = "RULE")]
        explain: Option<String>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format (default: the configuration's, else table).
    #[arg(long, value_parser = named::<Format>(Format::ALL, Format::name))]
    format: Option<Format>,
    /// Fit the table to N columns (default: the terminal's width, else COLUMNS, else 100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    width: Option<u16>,
    /// Show every claim (cross-checked or unverified) instead of the findings.
    #[arg(long)]
    claims: bool,
    /// Show, for each subject, which mentions were merged and why.
    #[arg(long)]
    explain_groups: bool,
    /// A directory of extra rule files (*.toml), added to the built-in rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Allow --output to write inside one of the input directories.
    #[arg(long, requires = "output")]
    allow_output_in_inputs: bool,
    /// Worker threads (default: every core). The output does not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Print counts and wall time per stage on standard error.
    #[arg(long)]
    stats: bool,
    /// Exit 1 when a conflict of a rule at this level or above is found.
    #[arg(long, value_parser = named::<FailOn>(FailOn::ALL, FailOn::name))]
    fail_on: Option<FailOn>,
    /// A configuration file (default: claimcheck.toml here or in a parent directory).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the configuration in effect (defaults, the file, then these flags) and exit.
    #[arg(long)]
    dump_config: bool,
    /// No progress bar and no warnings on standard error (errors still print).
    #[arg(long, short)]
    quiet: bool,
    /// Hide the findings recorded in this baseline file; report its entries that no
    /// longer occur.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings as a baseline (written atomically).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// A trusted corpus to check the PATHS against: only findings that involve one of
    /// the PATHS are reported.
    #[arg(long, value_name = "CORPUS", num_args = 1..)]
    against: Vec<PathBuf>,
    /// A facts file (canonical names, titles, dates, numbers) that outranks every source.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or directories to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A shard file (`.jsonl`) to write, or a store folder to add a shard to (its older
    /// records of the same documents are replaced).
    #[arg(long, short, value_name = "DIR_OR_FILE", required = true)]
    output: PathBuf,
    /// A directory of extra rule files (*.toml), added to the built-in rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// A configuration file (default: claimcheck.toml here or in a parent directory).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Worker threads (default: every core). The shard does not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No warnings on standard error (errors still print).
    #[arg(long, short)]
    quiet: bool,
}

/// Which command reads the PATHS of [`CheckArgs`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Documents.
    Check,
    /// Claim shards.
    Compare,
}

/// A command-line value among `values`, by the name the library gives it.
fn named<T: Copy + Send + Sync + 'static>(
    values: &'static [T],
    name: fn(T) -> &'static str,
) -> impl clap::builder::TypedValueParser<Value = T> {
    let names: Vec<&'static str> = values.iter().map(|&v| name(v)).collect();
    clap::builder::PossibleValuesParser::new(names).map(move |chosen| {
        *values
            .iter()
            .find(|&&v| name(v) == chosen)
            .expect("a possible value")
    })
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

/// A progress bar on standard error that shows itself only once a run has taken a second,
/// so quick runs print nothing.
fn progress_bar() -> (indicatif::ProgressBar, Progress) {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} documents, {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    let started = std::time::Instant::now();
    let shown = std::sync::atomic::AtomicBool::new(false);
    let updated = bar.clone();
    let progress = Progress::new(move |stage, done, total| {
        use std::sync::atomic::Ordering;
        if !shown.load(Ordering::Relaxed) && started.elapsed() >= std::time::Duration::from_secs(1)
        {
            shown.store(true, Ordering::Relaxed);
            updated.set_draw_target(ProgressDrawTarget::stderr());
        }
        updated.set_length(total);
        updated.set_position(done);
        updated.set_message(stage.name());
    });
    (bar, progress)
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check(args) => check(args, Mode::Check),
        Command::Compare(args) => check(args, Mode::Compare),
        Command::Extract(args) => extract(args),
        Command::Normalize {
            files,
            reference_date,
            lines,
            kinds,
        } => {
            let inputs = read_normalize_inputs(&files)?;
            let mut out = String::new();
            for (path, text) in &inputs {
                out.push_str(&normalize_text(
                    path.as_deref(),
                    text,
                    reference_date,
                    lines,
                    &kinds,
                ));
            }
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { rules, explain } => {
            let config = Config {
                rules: rules.into_iter().collect(),
                ..Config::default()
            };
            let rules = claimcheck::load_rules(&config).map_err(|e| e.to_string())?;
            match explain {
                Some(id) => {
                    let rule = rules.rule(&id).ok_or_else(|| {
                        let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
                        format!("no rule `{id}`; rules: {}", ids.join(", "))
                    })?;
                    write_stdout(&render::explain(rule))?;
                }
                None => write_stdout(&render::rule_list(&rules))?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `claimcheck extract`: the documents' records written as a claim shard; exit code 2 when
/// an input could not be read.
fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    let ExtractArgs {
        paths,
        output,
        rules,
        config,
        threads,
        quiet,
    } = args;
    let overlay = Overlay {
        rules: rules.into_iter().collect(),
        ..Overlay::default()
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = Config::layered(config.as_deref(), &cwd, overlay).map_err(|e| e.to_string())?;
    let rules = claimcheck::load_rules(&config).map_err(|e| e.to_string())?;
    let options = CheckOptions {
        threads: threads.map(usize::from),
        ..CheckOptions::from(&config)
    };
    let done =
        claimcheck::store::extract(&paths, &output, &rules, &options).map_err(|e| e.to_string())?;
    for warning in done.warnings.iter().filter(|_| !quiet) {
        eprintln!("claimcheck: warning: {warning}");
    }
    if !quiet {
        eprintln!(
            "claimcheck: {} documents, {} claims written to {}{}",
            done.documents,
            done.claims,
            done.shard.display(),
            match done.replaced {
                0 => String::new(),
                n => format!(" ({n} older records replaced)"),
            }
        );
    }
    let unreadable = done.warnings.iter().any(|w| w.unreadable);
    Ok(exit_code(if unreadable {
        Outcome::Unreadable
    } else {
        Outcome::Clean
    }))
}

/// `claimcheck check` and `claimcheck compare`: the configuration in effect, the rules,
/// the check, the report in its format, the exit code.
fn check(args: CheckArgs, mode: Mode) -> Result<ExitCode, String> {
    let CheckArgs {
        paths,
        format,
        width,
        claims,
        explain_groups,
        rules,
        output,
        allow_output_in_inputs,
        threads,
        stats,
        fail_on,
        baseline,
        write_baseline,
        against,
        facts,
        config,
        dump_config,
        quiet,
    } = args;
    let overlay = Overlay {
        format,
        fail_on,
        rules: rules.into_iter().collect(),
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = Config::layered(config.as_deref(), &cwd, overlay).map_err(|e| e.to_string())?;
    if dump_config {
        write_stdout(&config.to_toml())?;
        return Ok(ExitCode::SUCCESS);
    }
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
    let rules = claimcheck::load_rules(&config).map_err(|e| e.to_string())?;
    let bar = (!quiet && std::io::stderr().is_terminal()).then(progress_bar);
    let format = config.format();
    let options = CheckOptions {
        threads: threads.map(usize::from),
        name_mentions: explain_groups,
        progress: bar.as_ref().map(|(_, progress)| progress.clone()),
        // The HTML report shows each claim in its document.
        keep_texts: format == Format::Html,
        ..CheckOptions::from(&config)
    };
    let facts = match &facts {
        Some(path) => Some(Facts::read(path).map_err(|e| e.to_string())?),
        None => None,
    };
    let stores = against
        .iter()
        .filter(|p| claimcheck::store::is_store(p))
        .count();
    let mut report = match mode {
        Mode::Compare if !against.is_empty() => {
            return Err("compare takes no --against; check a draft against a claim store with `check DRAFT --against STORE`".into());
        }
        Mode::Compare => claimcheck::store::compare(&paths, facts.as_ref(), &rules, &options),
        Mode::Check if stores > 0 && stores < against.len() => {
            return Err("--against takes claim stores or documents, not both".into());
        }
        Mode::Check if stores > 0 => {
            claimcheck::store::check_against(&paths, &against, facts.as_ref(), &rules, &options)
        }
        Mode::Check if against.is_empty() && facts.is_none() => {
            Ok(claimcheck::check(&paths, &rules, &options))
        }
        Mode::Check => {
            claimcheck::check_submission(&paths, &against, facts.as_ref(), &rules, &options)
        }
    }
    .map_err(|e| e.to_string())?;
    if let Some((bar, _)) = &bar {
        bar.finish_and_clear();
    }
    if let Some(path) = &write_baseline {
        let recorded = Baseline::of(&report);
        output::write_atomically(path, recorded.to_json().as_bytes())?;
        eprintln!(
            "claimcheck: recorded {} findings in {}",
            recorded.findings.len(),
            path.display()
        );
    }
    if let Some(path) = &baseline {
        let accepted = Baseline::read(path)?;
        for gone in accepted.apply(&mut report) {
            eprintln!(
                "claimcheck: baseline entry no longer occurs: {} {} {} ({})",
                gone.verdict, gone.subject, gone.attribute, gone.rule
            );
        }
    }
    if stats {
        eprint!("{}", render::stats(&report.stats));
    }
    for warning in report.warnings.iter().filter(|_| !quiet) {
        eprintln!("claimcheck: warning: {warning}");
    }
    let table = table_options(width, output.is_none());
    let rendered = match format {
        // Streamed below, to the file or to standard output.
        Format::Json => String::new(),
        Format::Jsonl => render::jsonl::report(&report),
        Format::Sarif => render::sarif::report(&report),
        Format::Markdown => render::markdown::report(&report),
        Format::Github => {
            append_step_summary(&render::markdown::report(&report))?;
            render::github::report(&report)
        }
        Format::Html => render::html::report(&report),
        Format::Table if explain_groups => render::table::groups(&report, table.width),
        Format::Table if claims => render::table::claims(&report, &table),
        Format::Table => render::table::findings(&report, &table),
    };
    match &output {
        Some(path) if format == Format::Json => {
            output::write_atomically_with(path, |out| render::json::write(&report, out))?
        }
        Some(path) => output::write_atomically(path, rendered.as_bytes())?,
        None if format == Format::Json => stream_json(&report)?,
        None => write_stdout(&rendered)?,
    }
    Ok(exit_code(report.outcome(config.fail_on().threshold())))
}

/// With `GITHUB_STEP_SUMMARY` set (as in GitHub Actions), the Markdown report is appended
/// to the job summary.
fn append_step_summary(markdown: &str) -> Result<(), String> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let path = PathBuf::from(path);
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()))
        .map_err(|e| format!("{}: cannot append the step summary: {e}", path.display()))
}

fn parse_reference_date(text: &str) -> Result<chrono::NaiveDate, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    Kind::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown kind `{text}`; kinds: {}", names.join(", "))
    })
}

/// The texts to normalize: each file (lossily decoded), or standard input.
fn read_normalize_inputs(files: &[PathBuf]) -> Result<Vec<(Option<String>, String)>, String> {
    let mut inputs = Vec::new();
    if files.is_empty() || files.iter().any(|f| f.as_os_str() == "-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        inputs.push((None, String::from_utf8_lossy(&bytes).into_owned()));
    }
    for file in files.iter().filter(|f| f.as_os_str() != "-") {
        let bytes =
            std::fs::read(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        inputs.push((
            Some(file.display().to_string()),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    Ok(inputs)
}

/// The JSON lines of every mention in `text`.
fn normalize_text(
    path: Option<&str>,
    text: &str,
    reference_date: Option<chrono::NaiveDate>,
    per_line: bool,
    kinds: &[Kind],
) -> String {
    let options = ScanOptions {
        reference: reference_date.map(|date| Reference {
            date,
            assumed: false,
        }),
        convention: detect_convention(text),
        kinds: if kinds.is_empty() {
            Kind::ALL.to_vec()
        } else {
            kinds.to_vec()
        },
        ..ScanOptions::default()
    };
    // (piece, its byte offset in `text`, its line number if fixed)
    let pieces: Vec<(&str, usize, Option<usize>)> = if per_line {
        let mut offset = 0;
        text.split_inclusive('\n')
            .enumerate()
            .map(|(index, line)| {
                let piece = (line.trim_end_matches(['\n', '\r']), offset, Some(index + 1));
                offset += line.len();
                piece
            })
            .collect()
    } else {
        vec![(text, 0, None)]
    };
    let mut locator = claimcheck::model::span::Locator::new(text);
    let mut out = String::new();
    for (piece, offset, fixed_line) in pieces {
        for mention in scan(piece, &options) {
            let approx =
                claimcheck::normalize::qualifier::approximates(&piece[..mention.span.start]);
            let shifted = Mention {
                span: mention.span.start + offset..mention.span.end + offset,
                ..mention
            };
            let line = fixed_line.unwrap_or_else(|| locator.locate(shifted.span.start).0);
            let mut json = render::mentions::mention(text, &shifted, line, offset, approx);
            if let Some(path) = path {
                json.insert_str(1, &format!("\"path\":{},", serde_json::json!(path)));
            }
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

/// How the table is laid out: the width asked for, else the terminal's when the table goes
/// to one, else `COLUMNS`, else 100; in colour on a terminal unless `NO_COLOR` is set.
fn table_options(asked: Option<u16>, to_stdout: bool) -> render::table::Options {
    let terminal = to_stdout && std::io::stdout().is_terminal();
    let terminal_width = terminal
        .then(|| terminal_size::terminal_size().map(|(width, _)| usize::from(width.0)))
        .flatten();
    let columns = std::env::var("COLUMNS").ok();
    render::table::Options {
        width: claimcheck::config::table_width(
            asked.map(usize::from),
            terminal_width,
            columns.as_deref(),
        ),
        color: terminal
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    }
}

/// The JSON report, written to standard output as it is serialized.
fn stream_json(report: &Report) -> Result<(), String> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match render::json::write(report, &mut stdout).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
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

/// The exit code of an outcome.
fn exit_code(outcome: Outcome) -> ExitCode {
    match outcome {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Failing => ExitCode::from(1),
        Outcome::Unreadable => ExitCode::from(2),
    }
}
