//! `herald query events|quotes|entities|dyad|timeline`: read a herald database.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::Date;
use herald_store::Store;
use herald_store::query::{Filter, Period};
use serde_json::json;

use super::Outcome;
use crate::output::table::{Table, TableFormat};

#[derive(Debug, clap::Subcommand)]
pub enum Query {
    /// Events (reports clustered across articles), latest first, with their first evidence.
    Events(Common),
    /// Quotes with their speakers, latest first.
    Quotes(Common),
    /// Entities across articles, most reported first.
    Entities(Common),
    /// Events between two actors per period, each direction apart: counts, Goldstein sum and
    /// quad classes.
    Dyad {
        /// First actor (CAMEO code prefix, e.g. `USA`).
        a: String,
        /// Second actor.
        b: String,
        /// Period.
        #[arg(long, value_enum, default_value_t = By::Week)]
        by: By,
        #[command(flatten)]
        common: Common,
    },
    /// Events per period for the events the filters select (e.g. one actor's activity).
    Timeline {
        /// Period.
        #[arg(long, value_enum, default_value_t = By::Week)]
        by: By,
        #[command(flatten)]
        common: Common,
    },
}

/// Periods for dyads and timelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Day,
    Week,
    Month,
}

impl By {
    /// The store's period for this choice.
    pub fn period(self) -> Period {
        match self {
            By::Day => Period::Day,
            By::Week => Period::Week,
            By::Month => Period::Month,
        }
    }
}

/// Filters and output options shared by every query.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The database.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Source or target actor code prefix (quotes: the speaker's; entities: the entity's).
    #[arg(long)]
    actor: Option<String>,
    /// Source actor code prefix.
    #[arg(long)]
    source: Option<String>,
    /// Target actor code prefix.
    #[arg(long)]
    target: Option<String>,
    /// CAMEO event code prefix (`19`: every FIGHT event).
    #[arg(long)]
    code: Option<String>,
    /// First day, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = crate::input::parse_date)]
    since: Option<Date>,
    /// Last day, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = crate::input::parse_date)]
    until: Option<Date>,
    /// Speaker name (substring) for quotes.
    #[arg(long)]
    speaker: Option<String>,
    /// Words the article (quotes: the quote; entities: the name) must contain.
    #[arg(long)]
    search: Option<String>,
    /// Rows at most (capped at 10,000).
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// Rows to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format (default: a table on a terminal, CSV otherwise).
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
}

impl Common {
    fn filter(&self) -> Filter {
        Filter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            since: self.since,
            until: self.until,
            speaker: self.speaker.clone(),
            search: self.search.clone(),
            limit: self.limit,
            offset: self.offset,
        }
    }
}

pub fn run(q: &Query) -> Result<Outcome> {
    let common = match q {
        Query::Events(c) | Query::Quotes(c) | Query::Entities(c) => c,
        Query::Dyad { common, .. } | Query::Timeline { common, .. } => common,
    };
    let store =
        Store::open_read_only(&common.db).with_context(|| format!("opening {}", common.db.display()))?;
    let table = build(&store, q, common)?;
    let format = common.format.unwrap_or(if io::stdout().is_terminal() {
        TableFormat::Table
    } else {
        TableFormat::Csv
    });
    let mut out = io::BufWriter::new(io::stdout().lock());
    match table.write(format, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(Outcome::Ok)
}

/// Runs the query into a table.
pub fn build(store: &Store, q: &Query, common: &Common) -> Result<Table> {
    let f = common.filter();
    match q {
        Query::Events(_) => events_table(store, &f),
        Query::Quotes(_) => quotes_table(store, &f),
        Query::Entities(_) => entities_table(store, &f),
        Query::Dyad { a, b, by, .. } => series_table(store, &f, *by, Some((a, b))),
        Query::Timeline { by, .. } => series_table(store, &f, *by, None),
    }
}

/// Events (clusters) as a table: the `query events` columns.
pub fn events_table(store: &Store, f: &Filter) -> Result<Table> {
    let mut t = Table::new(&[
        "id",
        "date",
        "source",
        "target",
        "code",
        "quad",
        "goldstein",
        "mentions",
        "articles",
        "sources",
        "source_name",
        "target_name",
        "evidence",
        "article",
        "url",
    ]);
    for e in store.events(f)? {
        t.rows.push(vec![
            json!(e.id),
            json!(e.date),
            json!(e.source),
            json!(e.target),
            json!(e.code),
            json!(e.quad_class),
            json!(e.goldstein),
            json!(e.mentions),
            json!(e.articles),
            json!(e.sources),
            json!(e.source_name),
            json!(e.target_name),
            json!(e.evidence),
            json!(e.article_id),
            json!(e.url),
        ]);
    }
    Ok(t)
}

/// Quotes as a table.
pub fn quotes_table(store: &Store, f: &Filter) -> Result<Table> {
    let mut t = Table::new(&["published", "speaker", "actor", "kind", "quote", "article", "title"]);
    for r in store.quotes(f)? {
        t.rows.push(vec![
            json!(r.published),
            json!(r.speaker),
            json!(r.speaker_actor),
            json!(r.kind),
            json!(r.text),
            json!(r.article_id),
            json!(r.title),
        ]);
    }
    Ok(t)
}

/// Entities across articles as a table.
pub fn entities_table(store: &Store, f: &Filter) -> Result<Table> {
    let mut t = Table::new(&["name", "kind", "actor", "articles", "mentions"]);
    for r in store.entities(f)? {
        t.rows.push(vec![json!(r.name), json!(r.kind), json!(r.actor), json!(r.articles), json!(r.mentions)]);
    }
    Ok(t)
}

/// Events per period (with `dyad`, between two actors, per direction) as a table.
pub fn series_table(store: &Store, f: &Filter, by: By, dyad: Option<(&String, &String)>) -> Result<Table> {
    let rows = store.series(f, by.period(), dyad.map(|(a, b)| (a.as_str(), b.as_str())))?;
    let mut headers = vec!["period"];
    if dyad.is_some() {
        headers.push("direction");
    }
    headers.extend([
        "events",
        "mentions",
        "goldstein",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
    ]);
    let mut t = Table::new(&headers);
    for r in rows {
        let mut row = vec![json!(r.period)];
        if dyad.is_some() {
            row.push(json!(r.direction));
        }
        row.extend([
            json!(r.events),
            json!(r.mentions),
            json!((r.goldstein * 10.0).round() / 10.0),
            json!(r.quad[0]),
            json!(r.quad[1]),
            json!(r.quad[2]),
            json!(r.quad[3]),
        ]);
        t.rows.push(row);
    }
    Ok(t)
}
