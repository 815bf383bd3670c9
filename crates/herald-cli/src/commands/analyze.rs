//! `herald analyze`: read articles, run the pipeline, print a report or JSON. No database.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use herald::{Date, Pipeline};

use super::Outcome;
use crate::input::{self, InputFormat, ReadOptions};
use crate::output::{conllu, json, report};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report.
    Text,
    /// Pretty-printed `herald.doc/1` JSON, one document after another.
    Json,
    /// One `herald.doc/1` document per line.
    Jsonl,
    /// CoNLL-U: tags, lemmas and dependency trees.
    Conllu,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (`.txt` with optional front matter, `.jsonl`; `.gz` is decompressed); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for every article, overriding what the input says.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    published: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of rejecting the input.
    #[arg(long)]
    lossy: bool,
    /// Longest article in bytes; longer inputs are read as several documents cut at paragraph breaks.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    max_bytes: usize,
    /// PETRARCH-format actor, agent and verb dictionaries to code with instead of the embedded
    /// ones (files named `*actors*`, `*agents*`, `*verbs*`).
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<std::path::PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("{s:?} is not a valid date in the form YYYY-MM-DD"))
}

pub fn run(args: &Args) -> Result<Outcome> {
    let user = args.dictionaries.as_deref().map(crate::dictionaries::load).transpose()?;
    let pipeline = match &user {
        Some(lex) => Pipeline::new().with_lexicons(lex),
        None => Pipeline::new(),
    };
    let opts = ReadOptions { format: args.input_format, lossy: args.lossy, max_bytes: args.max_bytes };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut written = 0usize;
    let mut write_error: Option<io::Error> = None;
    for path in &args.inputs {
        input::read_path(path, &opts, &mut |item| {
            if write_error.is_some() {
                return;
            }
            let article = match item {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("herald: error: {e}");
                    failed = true;
                    return;
                }
            };
            for w in &article.warnings {
                eprintln!("herald: warning: {}: {w}", article.origin);
            }
            let mut meta = article.meta;
            if args.published.is_some() {
                meta.published = args.published;
            }
            let doc = pipeline.annotate(article.text, meta);
            for d in &doc.diagnostics {
                eprintln!("herald: {}: {}: {}", d.severity.as_str(), article.origin, d.message);
            }
            let result = match args.format {
                Format::Text => {
                    let sep = if written > 0 { writeln!(out) } else { Ok(()) };
                    sep.and_then(|()| report::write(&mut out, &doc))
                }
                Format::Json => json::write(&mut out, &doc, true),
                Format::Jsonl => json::write(&mut out, &doc, false),
                Format::Conllu => conllu::write(&mut out, &doc),
            };
            written += 1;
            if let Err(e) = result {
                write_error = Some(e);
            }
        });
    }
    let flushed = out.flush();
    match write_error.map_or(flushed, Err) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow::Error::from(e).context("writing output")),
        Ok(()) => {}
    }
    Ok(if failed { Outcome::SomeFailed } else { Outcome::Ok })
}
