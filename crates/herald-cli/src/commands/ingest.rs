//! `herald ingest PATH… [--db herald.db]`: read articles from files, folders, feeds and crawls,
//! analyze them in parallel, and store them with every layer in the database.
//!
//! Flow: a reader thread walks the inputs and sends articles through a bounded channel (memory
//! stays bounded whatever the input size); the main thread drops articles stored before (same
//! canonical URL or normalized text), gathers a batch, analyzes it on all cores (rayon), and
//! stores it in one transaction. A batch is all in or all out, so `kill -9` loses at most the
//! batch in flight and the next run, skipping what is stored, finishes the rest without
//! duplicates. A database error that no batch can get past (locked, disk full) stops the run.

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use herald::Pipeline;
use herald_store::dedup::article_key;
use herald_store::{NewArticle, RunStats, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::Outcome;
use crate::input::{self, Article, InputError, ReadArgs};
use crate::output::json;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders (read recursively): `.txt`, `.jsonl`, `.html`, `.rss`/`.atom`/`.xml`,
    /// `.warc`, each optionally `.gz`.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// The database (created if missing).
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Analysis threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// How long to wait for another process's lock on the database, in milliseconds.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    busy_timeout: u64,
    /// PETRARCH-format dictionaries to code with instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
    /// Test hook: cap the database at this many pages, so "disk full" can be exercised.
    #[arg(long, hide = true)]
    max_pages: Option<u64>,
}

/// Counters for the progress bar and the summary.
#[derive(Default)]
struct Tally {
    stored: u64,
    events: u64,
    duplicates: u64,
    stored_before: u64,
    errors: u64,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let mut store = Store::open(&args.db, Duration::from_millis(args.busy_timeout))
        .with_context(|| format!("opening {}", args.db.display()))?;
    if let Some(pages) = args.max_pages {
        store.set_max_pages(pages)?;
    }
    let user = args.dictionaries.as_deref().map(crate::dictionaries::load).transpose()?;
    let pipeline = match &user {
        Some(lex) => Pipeline::new().with_lexicons(lex),
        None => Pipeline::new(),
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let command: Vec<String> = std::env::args().collect();
    let run = store.begin_run(&command.join(" "))?;

    let mut files = Vec::new();
    let mut walk_errors = Vec::new();
    for path in &args.inputs {
        input::walk(path, &mut files, &mut walk_errors);
    }
    let opts = args.read.options();
    let (tx, rx) = mpsc::sync_channel::<Result<Article, InputError>>(args.batch.max(1) * 2);
    let reader = std::thread::spawn(move || {
        for e in walk_errors {
            if tx.send(Err(e)).is_err() {
                return;
            }
        }
        for f in files {
            let mut stop = false;
            input::read_path(&f.to_string_lossy(), &opts, &mut |item| {
                if !stop && tx.send(item).is_err() {
                    stop = true;
                }
            });
            if stop {
                return;
            }
        }
    });

    let bar = progress_bar(args.quiet);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut batch: Vec<(Article, String)> = Vec::with_capacity(args.batch);
    let mut fatal: Option<anyhow::Error> = None;
    for item in rx.iter() {
        match item {
            Err(e) => {
                tally.errors += 1;
                bar.suspend(|| eprintln!("herald: error: {e}"));
            }
            Ok(mut article) => {
                if args.read.published.is_some() {
                    article.meta.published = args.read.published;
                }
                for w in &article.warnings {
                    bar.suspend(|| eprintln!("herald: warning: {}: {w}", article.origin));
                }
                let hash = article_key(&article.text, &article.origin);
                if store.contains(article.meta.url.as_deref(), &hash)? {
                    tally.stored_before += 1;
                } else {
                    batch.push((article, hash));
                }
            }
        }
        if batch.len() >= args.batch.max(1) {
            if let Err(e) = store_batch(&mut store, run, &pool, &pipeline, &mut batch, &mut tally, &bar) {
                fatal = Some(e);
                break;
            }
            show(&bar, &tally, started);
        }
    }
    if fatal.is_none()
        && let Err(e) = store_batch(&mut store, run, &pool, &pipeline, &mut batch, &mut tally, &bar)
    {
        fatal = Some(e);
    }
    drop(rx);
    let _ = reader.join();
    bar.finish_and_clear();
    let stats = RunStats { stored: tally.stored, duplicates: tally.duplicates, errors: tally.errors };
    let finished = store.finish_run(run, stats);
    let secs = started.elapsed().as_secs_f64();
    let counts = store.counts().ok();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "herald: stored {} articles ({} events) in {secs:.1} s, {:.1} articles/s; {} already stored, {} duplicates, {} errors",
        tally.stored,
        tally.events,
        tally.stored as f64 / secs.max(1e-9),
        tally.stored_before,
        tally.duplicates,
        tally.errors
    );
    if let Some(c) = counts {
        let _ = writeln!(
            err,
            "herald: {} holds {} articles, {} event mentions in {} events, {} quotes",
            args.db.display(),
            c.articles,
            c.events,
            c.clusters,
            c.quotes
        );
    }
    if let Some(e) = fatal {
        return Err(
            e.context(format!("ingest stopped; {} articles were stored before the failure", tally.stored))
        );
    }
    finished?;
    Ok(if tally.errors > 0 { Outcome::SomeFailed } else { Outcome::Ok })
}

/// Analyzes the batch on the pool and stores it in one transaction.
fn store_batch(
    store: &mut Store,
    run: i64,
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline<'_>,
    batch: &mut Vec<(Article, String)>,
    tally: &mut Tally,
    bar: &ProgressBar,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let items = std::mem::take(batch);
    let analyzed: Vec<NewArticle> =
        pool.install(|| items.into_par_iter().map(|(a, hash)| analyze(pipeline, a, hash)).collect());
    let reports = match store.write_batch(run, &analyzed) {
        Ok(report) => vec![report],
        // Locked or full: no batch can get past it, so the run stops (nothing of this one stored).
        Err(e) if e.stops_writes() => return Err(e.into()),
        // Anything else may be one article's fault: store them one by one, so one bad article
        // costs only itself.
        Err(e) => {
            bar.suspend(|| {
                eprintln!("herald: warning: a batch failed ({e}); storing its articles one by one")
            });
            let mut reports = Vec::new();
            for one in analyzed.chunks(1) {
                match store.write_batch(run, one) {
                    Ok(r) => reports.push(r),
                    Err(e) if e.stops_writes() => return Err(e.into()),
                    Err(e) => {
                        tally.errors += 1;
                        let origin = one.first().map_or("?", |a| a.origin.as_str());
                        bar.suspend(|| eprintln!("herald: error: {origin}: not stored: {e}"));
                    }
                }
            }
            reports
        }
    };
    for report in reports {
        tally.stored += report.stored as u64;
        tally.events += report.events as u64;
        tally.duplicates += report.duplicates.len() as u64;
        for (origin, reason) in &report.duplicates {
            bar.suspend(|| eprintln!("herald: note: {origin}: duplicate ({reason}), not stored again"));
        }
    }
    Ok(())
}

/// Runs the pipeline and serializes the document (gzip-compressed `herald.doc/1` JSON).
fn analyze(pipeline: &Pipeline<'_>, article: Article, hash: String) -> NewArticle {
    let doc = pipeline.annotate(article.text, article.meta);
    // Serialize first, then compress in one call: flate2 zeroes its output's spare capacity on
    // every write, so feeding it serde's many small writes costs more than the analysis.
    let mut text = Vec::with_capacity(doc.text.len() * 16);
    // Writing into memory cannot fail.
    let _ = json::write(&mut text, &doc, false);
    let mut gz =
        flate2::write::GzEncoder::new(Vec::with_capacity(text.len() / 4), flate2::Compression::fast());
    let _ = gz.write_all(&text);
    let blob = gz.finish().unwrap_or_default();
    NewArticle { doc, blob, origin: article.origin, content_hash: hash }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {msg}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn show(bar: &ProgressBar, t: &Tally, started: Instant) {
    let rate = t.stored as f64 / started.elapsed().as_secs_f64().max(1e-9);
    bar.set_message(format!(
        "{} stored ({rate:.0} articles/s), {} events, {} skipped, {} errors",
        t.stored,
        t.events,
        t.stored_before + t.duplicates,
        t.errors
    ));
}
