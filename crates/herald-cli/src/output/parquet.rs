//! Parquet export of events, partitioned by date in the Hive layout
//! (`events/date=YYYY-MM-DD/part-0.parquet`; undated events under
//! `date=__HIVE_DEFAULT_PARTITION__`), which DuckDB, Spark and Trino read as one table.
//! Written with parquet's column writer (no Arrow), Snappy-compressed, one row group a day.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use herald_store::export::EventRecord;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

const SCHEMA: &str = "message event {
    required int64 id;
    optional binary event_date (UTF8);
    required binary source (UTF8);
    optional binary source_name (UTF8);
    required binary target (UTF8);
    optional binary target_name (UTF8);
    required binary code (UTF8);
    required binary root_code (UTF8);
    required int32 quad_class;
    optional double goldstein;
    required int64 num_mentions;
    required int64 num_sources;
    required int64 num_articles;
    optional double avg_tone;
    required boolean is_root;
    optional binary place (UTF8);
    optional binary place_country (UTF8);
    optional double lat;
    optional double lon;
    optional binary url (UTF8);
    required binary evidence (UTF8);
}";

/// One day's events, column by column, in the schema's order.
#[derive(Default)]
struct Columns {
    id: Vec<i64>,
    date: Vec<Option<String>>,
    source: Vec<String>,
    source_name: Vec<Option<String>>,
    target: Vec<String>,
    target_name: Vec<Option<String>>,
    code: Vec<String>,
    root: Vec<String>,
    quad: Vec<i32>,
    goldstein: Vec<Option<f64>>,
    mentions: Vec<i64>,
    sources: Vec<i64>,
    articles: Vec<i64>,
    tone: Vec<Option<f64>>,
    is_root: Vec<bool>,
    place: Vec<Option<String>>,
    country: Vec<Option<String>>,
    lat: Vec<Option<f64>>,
    lon: Vec<Option<f64>>,
    url: Vec<Option<String>>,
    evidence: Vec<String>,
}

/// Writes events, which arrive in date order, into one file per date under `dir/events/`.
pub struct PartitionedWriter {
    dir: PathBuf,
    day: Option<Option<String>>,
    cols: Columns,
    /// Files written and rows in all.
    pub files: usize,
    pub rows: usize,
}

impl PartitionedWriter {
    pub fn new(dir: &Path) -> PartitionedWriter {
        PartitionedWriter { dir: dir.join("events"), day: None, cols: Columns::default(), files: 0, rows: 0 }
    }

    pub fn push(&mut self, e: &EventRecord) -> Result<()> {
        if self.day.as_ref().is_some_and(|d| *d != e.date) {
            self.flush()?;
        }
        self.day = Some(e.date.clone());
        let c = &mut self.cols;
        c.id.push(e.id);
        c.date.push(e.date.clone());
        c.source.push(e.source.clone());
        c.source_name.push(e.source_name.clone());
        c.target.push(e.target.clone());
        c.target_name.push(e.target_name.clone());
        c.code.push(e.code.clone());
        c.root.push(e.code.get(..2).unwrap_or(&e.code).to_string());
        c.quad.push(e.quad_class as i32);
        c.goldstein.push(e.goldstein);
        c.mentions.push(e.mentions);
        c.sources.push(e.sources);
        c.articles.push(e.articles);
        c.tone.push(e.avg_tone);
        c.is_root.push(e.is_root);
        c.place.push(e.place.as_ref().map(|p| p.name.clone()));
        c.country.push(e.place.as_ref().and_then(|p| p.country.clone()));
        c.lat.push(e.place.as_ref().map(|p| p.lat));
        c.lon.push(e.place.as_ref().map(|p| p.lon));
        c.url.push(e.url.clone());
        c.evidence.push(e.evidence.clone());
        Ok(())
    }

    /// Writes the current day's file.
    pub fn flush(&mut self) -> Result<()> {
        let Some(day) = self.day.take() else { return Ok(()) };
        let cols = std::mem::take(&mut self.cols);
        if cols.id.is_empty() {
            return Ok(());
        }
        let part = day.unwrap_or_else(|| "__HIVE_DEFAULT_PARTITION__".to_string());
        let dir = self.dir.join(format!("date={part}"));
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("part-0.parquet");
        self.rows += cols.id.len();
        write_file(&path, cols).with_context(|| format!("writing {}", path.display()))?;
        self.files += 1;
        Ok(())
    }
}

fn bytes(v: Vec<String>) -> Vec<ByteArray> {
    v.into_iter().map(|s| ByteArray::from(s.into_bytes())).collect()
}

/// Values and definition levels of an optional column.
fn optional<T>(v: Vec<Option<T>>) -> (Vec<T>, Vec<i16>) {
    let defs = v.iter().map(|x| i16::from(x.is_some())).collect();
    (v.into_iter().flatten().collect(), defs)
}

fn write_file(path: &Path, c: Columns) -> Result<()> {
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
    let mut writer = SerializedFileWriter::new(File::create(path)?, schema, props)?;
    let mut rg = writer.next_row_group()?;
    macro_rules! column {
        ($ty:ty, $values:expr, $defs:expr) => {{
            let Some(mut col) = rg.next_column()? else { anyhow::bail!("schema and columns disagree") };
            col.typed::<$ty>().write_batch(&$values, $defs, None)?;
            col.close()?;
        }};
    }
    macro_rules! opt_str {
        ($v:expr) => {{
            let (vals, defs) = optional($v);
            column!(ByteArrayType, bytes(vals), Some(&defs[..]));
        }};
    }
    macro_rules! opt_f64 {
        ($v:expr) => {{
            let (vals, defs) = optional($v);
            column!(DoubleType, vals, Some(&defs[..]));
        }};
    }
    column!(Int64Type, c.id, None);
    opt_str!(c.date);
    column!(ByteArrayType, bytes(c.source), None);
    opt_str!(c.source_name);
    column!(ByteArrayType, bytes(c.target), None);
    opt_str!(c.target_name);
    column!(ByteArrayType, bytes(c.code), None);
    column!(ByteArrayType, bytes(c.root), None);
    column!(Int32Type, c.quad, None);
    opt_f64!(c.goldstein);
    column!(Int64Type, c.mentions, None);
    column!(Int64Type, c.sources, None);
    column!(Int64Type, c.articles, None);
    opt_f64!(c.tone);
    column!(BoolType, c.is_root, None);
    opt_str!(c.place);
    opt_str!(c.country);
    opt_f64!(c.lat);
    opt_f64!(c.lon);
    opt_str!(c.url);
    column!(ByteArrayType, bytes(c.evidence), None);
    rg.close()?;
    writer.close()?;
    Ok(())
}
