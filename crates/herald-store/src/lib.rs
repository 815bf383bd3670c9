//! herald-store: the embedded SQLite database of articles and everything herald read in them.
//! It is the only crate that knows SQL.
//!
//! - [`Store::open`] creates or migrates a database (WAL mode, foreign keys on) and
//!   [`Store::open_read_only`] opens one for queries.
//! - [`Store::write_batch`] stores analyzed articles in **one transaction**: articles, every layer
//!   of their [`herald::Doc`], their events, and the event clusters those events join. A batch is
//!   all in or all out, so an interrupted ingest loses nothing that was committed and the next run
//!   skips what is stored ([`Store::contains`]).
//! - [`query`] reads events, quotes, entities, dyads and timelines with filters; [`export`] walks
//!   event clusters, event mentions and stored documents for the exporters.
//!
//! De-duplication: an article is stored once per canonical URL ([`dedup::url_key`]) and once per
//! normalized text ([`dedup::content_hash`]).

mod cluster;
pub mod dedup;
mod error;
pub mod export;
pub mod query;
mod schema;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use error::{Error, Result};
pub use schema::SCHEMA_VERSION;
pub use write::{BatchReport, NewArticle, RunStats};

/// An open herald database.
pub struct Store {
    conn: Connection,
}

/// How long a writer waits for another process's lock before it gives up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed) the database at `path` for writing and migrates it to
    /// [`SCHEMA_VERSION`]. `busy_timeout` bounds the wait for another writer's lock.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(busy_timeout)?;
        // WAL: readers (the web page, queries) never block the writer and a crash mid-write
        // leaves the last committed state. NORMAL sync is durable across process crashes.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Schema(format!(
                "could not switch the database to WAL mode (it is in {mode} mode)"
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// Opens an existing database read-only (queries, exports, the web page).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::Schema(format!(
                "no database at {} (run `herald ingest` first)",
                path.display()
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            return Err(Error::Schema(format!(
                "{} has schema version {version}, this herald reads {SCHEMA_VERSION} (open it once with `herald ingest` to migrate, or upgrade herald)",
                path.display()
            )));
        }
        Ok(Store { conn })
    }

    /// Limits the database file to `pages` pages (a test hook that makes "disk full" reachable:
    /// a write past the limit fails with SQLITE_FULL and its transaction rolls back).
    pub fn set_max_pages(&self, pages: u64) -> Result<()> {
        self.conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))?;
        Ok(())
    }

    /// Counts of what the database holds.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        Ok(Counts {
            articles: count("articles")?,
            events: count("events")?,
            clusters: count("event_clusters")?,
            quotes: count("quotes")?,
            entities: count("entities")?,
            runs: count("runs")?,
        })
    }
}

/// What a database holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Stored articles.
    pub articles: u64,
    /// Event mentions (one per event an article states).
    pub events: u64,
    /// Events across articles (GDELT's events).
    pub clusters: u64,
    /// Quotes.
    pub quotes: u64,
    /// Entities (per article).
    pub entities: u64,
    /// Ingest runs.
    pub runs: u64,
}

/// Today's date and time in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = herald::Date::from_days_since_epoch(days).map(|d| d.to_string()).unwrap_or_default();
    format!("{date}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}
