//! `herald export --format gdelt|csv|jsonl|parquet --out DIR [--since --until]`.
//!
//! - `gdelt`: `herald.export.CSV` (Event table, 61 columns) and `herald.mentions.CSV` (Mentions
//!   table, 16 columns), tab-separated without a header, as GDELT publishes them.
//! - `csv`: `events.csv` and `mentions.csv` with headers, herald's own columns.
//! - `jsonl`: `documents.jsonl`, every stored article as a full `herald.doc/1` document.
//! - `parquet`: `events/date=YYYY-MM-DD/part-0.parquet` (Hive layout).

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use herald::{Date, Lexicons};
use herald_store::Store;
use herald_store::export::{EventRecord, MentionRecord, Range};

use super::Outcome;
use crate::output::gdelt::{self, Codes};
use crate::output::parquet::PartitionedWriter;
use crate::output::table::csv_field;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Event and Mentions tables.
    Gdelt,
    /// Events and mentions as CSV with headers.
    Csv,
    /// Full documents as JSON Lines.
    Jsonl,
    /// Events as Parquet, partitioned by date.
    Parquet,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The database.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// First day, inclusive (events: the event's date; documents: the publication date).
    #[arg(long, value_parser = crate::input::parse_date)]
    since: Option<Date>,
    /// Last day, inclusive.
    #[arg(long, value_parser = crate::input::parse_date)]
    until: Option<Date>,
    /// gdelt: write GDELT's column names as a first row (GDELT's own files have none).
    #[arg(long)]
    header: bool,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let store = Store::open_read_only(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let range = Range { since: args.since, until: args.until };
    let written = match args.format {
        ExportFormat::Gdelt => gdelt_tables(&store, range, &args.out, args.header)?,
        ExportFormat::Csv => csv_tables(&store, range, &args.out)?,
        ExportFormat::Jsonl => documents(&store, range, &args.out)?,
        ExportFormat::Parquet => {
            let mut w = PartitionedWriter::new(&args.out);
            store
                .each_event(range, &mut |e| w.push(&e).map_err(|err| io::Error::other(format!("{err:#}"))))?;
            w.flush()?;
            format!(
                "{} events in {} Parquet files under {}",
                w.rows,
                w.files,
                args.out.join("events").display()
            )
        }
    };
    eprintln!("herald: exported {written}");
    Ok(Outcome::Ok)
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    Ok(BufWriter::new(File::create(path).with_context(|| format!("creating {}", path.display()))?))
}

fn gdelt_tables(store: &Store, range: Range, dir: &Path, header: bool) -> Result<String> {
    let lex = Lexicons::without_dictionaries();
    let gaz = &lex.gazetteer;
    let is_country = |s: &str| gaz.country_iso3(s).is_some();
    let country_name = |iso2: &str| gaz.country_iso2(iso2).map(|p| p.name.clone());
    let codes = Codes { is_country: &is_country, country_name: &country_name };
    let headers = header.then(|| (gdelt::EVENT_COLUMNS.join("\t"), gdelt::MENTION_COLUMNS.join("\t")));
    let files = ("herald.export.CSV", "herald.mentions.CSV");
    two_tables(store, range, dir, files, headers, &|e| gdelt::event_row(e, &codes), &gdelt::mention_row)
}

/// Writes the events table and the mentions table (each with an optional header line).
fn two_tables(
    store: &Store,
    range: Range,
    dir: &Path,
    (events_name, mentions_name): (&str, &str),
    headers: Option<(String, String)>,
    event_line: &dyn Fn(&EventRecord) -> String,
    mention_line: &dyn Fn(&MentionRecord) -> String,
) -> Result<String> {
    let (events_path, mentions_path) = (dir.join(events_name), dir.join(mentions_name));
    let (event_header, mention_header) = headers.unzip();
    let mut out = create(&events_path)?;
    if let Some(h) = event_header {
        writeln!(out, "{h}")?;
    }
    let mut n = 0usize;
    store.each_event(range, &mut |e| {
        n += 1;
        writeln!(out, "{}", event_line(&e))
    })?;
    out.flush()?;
    let mut out = create(&mentions_path)?;
    if let Some(h) = mention_header {
        writeln!(out, "{h}")?;
    }
    let mut m = 0usize;
    store.each_mention(range, &mut |r| {
        m += 1;
        writeln!(out, "{}", mention_line(&r))
    })?;
    out.flush()?;
    Ok(format!("{n} events to {} and {m} mentions to {}", events_path.display(), mentions_path.display()))
}

const EVENT_CSV: &str = "id,date,source,source_name,target,target_name,code,root_code,quad_class,goldstein,num_mentions,num_sources,num_articles,avg_tone,is_root,place,place_country,lat,lon,url,evidence";
const MENTION_CSV: &str = "event_id,article_id,date,code,source,target,sentence,trigger_start,trigger_end,evidence_start,evidence_end,confidence,rule,url,doc_id,evidence";

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn event_csv(e: &EventRecord) -> String {
    let p = e.place.as_ref();
    [
        e.id.to_string(),
        opt(&e.date),
        e.source.clone(),
        opt(&e.source_name),
        e.target.clone(),
        opt(&e.target_name),
        e.code.clone(),
        e.code.get(..2).unwrap_or(&e.code).to_string(),
        e.quad_class.to_string(),
        opt(&e.goldstein),
        e.mentions.to_string(),
        e.sources.to_string(),
        e.articles.to_string(),
        e.avg_tone.map(|t| format!("{t:.4}")).unwrap_or_default(),
        u8::from(e.is_root).to_string(),
        opt(&p.map(|p| p.name.clone())),
        opt(&p.and_then(|p| p.country.clone())),
        opt(&p.map(|p| p.lat)),
        opt(&p.map(|p| p.lon)),
        opt(&e.url),
        e.evidence.clone(),
    ]
    .iter()
    .map(|f| csv_field(f))
    .collect::<Vec<_>>()
    .join(",")
}

fn mention_csv(m: &MentionRecord) -> String {
    [
        m.event_id.to_string(),
        m.article_id.to_string(),
        opt(&m.date),
        m.code.clone(),
        m.source.clone(),
        m.target.clone(),
        m.sentence.to_string(),
        m.trigger.0.to_string(),
        m.trigger.1.to_string(),
        m.evidence.0.to_string(),
        m.evidence.1.to_string(),
        format!("{:.3}", m.confidence),
        m.rule.clone(),
        opt(&m.url),
        m.doc_id.clone(),
        m.evidence_text.clone(),
    ]
    .iter()
    .map(|f| csv_field(f))
    .collect::<Vec<_>>()
    .join(",")
}

fn csv_tables(store: &Store, range: Range, dir: &Path) -> Result<String> {
    let headers = Some((EVENT_CSV.to_string(), MENTION_CSV.to_string()));
    two_tables(store, range, dir, ("events.csv", "mentions.csv"), headers, &event_csv, &mention_csv)
}

fn documents(store: &Store, range: Range, dir: &Path) -> Result<String> {
    let path = dir.join("documents.jsonl");
    let mut out = create(&path)?;
    let mut n = 0usize;
    let mut text = Vec::new();
    store.each_document(range, &mut |blob| {
        text.clear();
        flate2::read::GzDecoder::new(&blob[..]).read_to_end(&mut text)?;
        n += 1;
        out.write_all(&text)
    })?;
    out.flush()?;
    Ok(format!("{n} documents to {}", path.display()))
}
