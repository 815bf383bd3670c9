//! The `herald` command: reads news articles and writes down who did and said what to whom, when
//! and where. Each verb lives in `commands/`; input formats in `input/`; renderers in `output/`.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod commands;
mod dictionaries;
mod input;
mod output;
mod web;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use commands::Outcome;

#[derive(Debug, Parser)]
#[command(
    name = "herald",
    version,
    about = "Event data from news: who did and said what to whom, when and where"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles and print what herald finds in them (no database).
    Analyze(commands::analyze::Args),
    /// Read articles (files, folders, feeds, crawls) into a herald database.
    Ingest(commands::ingest::Args),
    /// Query a herald database: events, quotes, entities, dyads, timelines.
    #[command(subcommand)]
    Query(commands::query::Query),
    /// Export a herald database: GDELT tables, CSV, JSON Lines, Parquet.
    Export(commands::export::Args),
    /// Open a herald database in the browser (read-only).
    Serve(web::Args),
    /// Score a stage against a gold standard.
    #[command(subcommand)]
    Eval(commands::eval::Eval),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(commands::train::Train),
    /// Measure a stage's throughput on one core (use a release build).
    #[command(subcommand)]
    Bench(commands::bench::Bench),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Query(q) => commands::query::run(q),
        Command::Export(args) => commands::export::run(args),
        Command::Serve(args) => web::run(args),
        Command::Eval(cmd) => commands::eval::run(cmd),
        Command::Bench(cmd) => commands::bench::run(cmd),
        Command::Train(cmd) => commands::train::run(cmd),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => {
            eprintln!("herald: some inputs failed (see the errors above)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("herald: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
