//! `herald eval …`: score a stage against a gold standard in its standard file format.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::eval::Prf;
use herald::eval::segment::{gold_text, score};
use herald::{Meta, Pipeline, conllu};

use super::Outcome;

#[derive(Debug, clap::Subcommand)]
pub enum Eval {
    /// Tokenization and sentence splitting against a CoNLL-U treebank (CoNLL 2018 method).
    Segment {
        /// Gold CoNLL-U file; its `# text` lines are joined into raw text and segmented.
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
    },
}

pub fn run(cmd: &Eval) -> Result<Outcome> {
    match cmd {
        Eval::Segment { conllu: path } => segment(path),
    }
}

fn segment(path: &PathBuf) -> Result<Outcome> {
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, errors) = conllu::parse(&data);
    for e in &errors {
        eprintln!("herald: warning: {}: {e}", path.display());
    }
    let gold = gold_text(&sentences);
    let doc = Pipeline::new().annotate(gold.text.clone(), Meta::default());
    let s = score(&gold, &doc);
    println!(
        "segment eval: {} ({} sentences, {} written tokens)",
        path.display(),
        gold.sentences.len(),
        gold.tokens.len()
    );
    if gold.unaligned > 0 {
        println!(
            "  {} gold tokens could not be aligned to their # text line and are not counted",
            gold.unaligned
        );
    }
    println!("{:<10} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
    row("tokens", &s.tokens);
    row("sentences", &s.sentences);
    Ok(Outcome::Ok)
}

fn row(name: &str, p: &Prf) {
    println!("{name:<10} {:>9.2} {:>9.2} {:>9.2}", p.precision(), p.recall(), p.f1());
}
