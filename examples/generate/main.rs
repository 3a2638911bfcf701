//! Writes a synthetic corpus (deterministic by seed) for benchmarks and scale tests:
//! `cargo run --release --example generate -- --out DIR --size-mb 100 --seed 1`.

mod corpus;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "generate",
    about = "Write a synthetic news corpus for benchmarks"
)]
struct Args {
    /// Directory to write the articles into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Total size in megabytes.
    #[arg(long, default_value_t = 10.0)]
    size_mb: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 40)]
    outlets: usize,
    #[arg(long, default_value_t = 60)]
    events: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plan = corpus::Plan {
        seed: args.seed,
        bytes: (args.size_mb * 1024.0 * 1024.0) as usize,
        outlets: args.outlets,
        events: args.events,
    };
    match corpus::write(&plan, &args.out) {
        Ok(count) => {
            eprintln!("generate: wrote {count} articles to {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("generate: error: {message}");
            ExitCode::from(2)
        }
    }
}
