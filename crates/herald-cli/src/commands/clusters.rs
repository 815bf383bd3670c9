//! `herald train clusters`: word classes from unlabeled text (see `herald::clusters`), written as
//! `lexicons/clusters.tsv.gz`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use herald::clusters::{self, ClusterConfig};
use herald::{Doc, Meta};

use super::Outcome;

/// Arguments of `herald train clusters`.
#[derive(Debug, clap::Args)]
pub struct ClusterArgs {
    /// Text to learn from: JSON Lines articles (`.jsonl`, `.jsonl.gz`; the `title` and the `text`
    /// or `body` field), CoNLL-U treebanks (their word forms), plain `.txt` articles, or folders
    /// of `.txt` articles.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Where to write the classes (`crates/herald/lexicons/clusters.tsv.gz`).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Fine classes.
    #[arg(long, default_value_t = 256)]
    fine: usize,
    /// Coarse classes.
    #[arg(long, default_value_t = 32)]
    coarse: usize,
    /// Words seen fewer times stay unclustered.
    #[arg(long, default_value_t = 3)]
    min_count: u64,
    /// Passes of the exchange algorithm at most.
    #[arg(long, default_value_t = 15)]
    iterations: usize,
}

pub fn run(args: &ClusterArgs) -> Result<Outcome> {
    let started = Instant::now();
    let mut sentences = Vec::new();
    for f in &args.files {
        let before = sentences.len();
        read_sentences(f, &mut sentences)?;
        eprintln!("{}: {} sentences", f.display(), sentences.len() - before);
    }
    if sentences.is_empty() {
        bail!("no text in the given files");
    }
    let cfg = ClusterConfig {
        fine: args.fine,
        coarse: args.coarse,
        min_count: args.min_count,
        iterations: args.iterations,
    };
    let words = clusters::train(sentences, cfg, &mut |line| eprintln!("{line}"));
    let command: Vec<String> = std::env::args().skip(1).collect();
    let mut text = format!("# command: herald {}\n", command.join(" "));
    text.push_str(&clusters::to_tsv(&words));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(text.as_bytes())?;
    let bytes = gz.finish()?;
    fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "clusters: {} words in {} fine and {} coarse classes; {:.2} MB; {:.0} s → {}",
        words.len(),
        args.fine,
        args.coarse,
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(Outcome::Ok)
}

/// Appends the sentences of one file (or folder of `.txt` files), as word lists.
fn read_sentences(path: &Path, out: &mut Vec<Vec<String>>) -> Result<()> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = fs::read_dir(path)
            .with_context(|| format!("listing {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            read_sentences(&f, out)?;
        }
        return Ok(());
    }
    if path.extension().is_some_and(|x| x == "txt") {
        let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        split_text(text, out);
        return Ok(());
    }
    if path.extension().is_some_and(|x| x == "conllu") {
        let treebank = super::train::read_conllu(path)?;
        out.extend(treebank.into_iter().map(|s| s.words.into_iter().map(|w| w.form).collect::<Vec<_>>()));
        return Ok(());
    }
    let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|x| x == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let reader = BufReader::new(reader);
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("herald: warning: {}:{}: not a JSON object, skipped", path.display(), n + 1);
            continue;
        };
        let field = |k: &str| v.get(k).and_then(|t| t.as_str()).unwrap_or("");
        let body = if field("text").is_empty() { field("body") } else { field("text") };
        split_text(format!("{}\n\n{}", field("title"), body), out);
    }
    Ok(())
}

/// Appends the sentences of a text, tokenized as herald tokenizes articles.
fn split_text(text: String, out: &mut Vec<Vec<String>>) {
    let mut doc = Doc::new(text, Meta::default());
    herald::segment::run(&mut doc);
    for s in &doc.sentences {
        out.push(s.tokens().map(|i| doc.form(i).to_string()).collect());
    }
}
