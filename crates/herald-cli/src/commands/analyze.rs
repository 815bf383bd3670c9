//! `herald analyze`: read articles, run the pipeline, print a report or JSON. No database.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use herald::Pipeline;

use super::Outcome;
use crate::input::{self, ReadArgs};
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    read: ReadArgs,
    /// PETRARCH-format actor, agent and verb dictionaries to code with instead of the embedded
    /// ones (files named `*actors*`, `*agents*`, `*verbs*`).
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<std::path::PathBuf>,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let user = args.dictionaries.as_deref().map(crate::dictionaries::load).transpose()?;
    let pipeline = match &user {
        Some(lex) => Pipeline::new().with_lexicons(lex),
        None => Pipeline::new(),
    };
    let opts = args.read.options();
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
            if args.read.published.is_some() {
                meta.published = args.read.published;
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
                // Worker mode: one line per document, flushed as soon as it is written, so a
                // batch engine reading the pipe gets each result while the next is analyzed.
                Format::Jsonl => json::write(&mut out, &doc, false).and_then(|()| out.flush()),
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
