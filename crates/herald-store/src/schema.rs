//! The schema and its migrations.
//!
//! `PRAGMA user_version` holds the schema version. Each migration is one SQL script that takes the
//! database from version `n` to `n + 1`; [`migrate`] runs the missing ones in one transaction, so
//! a database is never left half-migrated. Never edit a released migration: add a new one.
//!
//! Offsets (`start`, `end`) are **character** offsets into the article text, end exclusive, as in
//! the `herald.doc/1` JSON (`docs/schema.md`). Days (`day`) are days since 1970-01-01, so "within
//! a day" is integer arithmetic.

use rusqlite::Connection;

use crate::{Error, Result};

/// Migration `i` takes the database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this crate writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

const V1: &str = r#"
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    command TEXT NOT NULL,
    herald_version TEXT NOT NULL,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    url TEXT UNIQUE,
    source TEXT,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    added TEXT NOT NULL,
    tone REAL,
    doc BLOB NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT,
    kb_id TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    entity INTEGER,
    actor TEXT,
    role TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_entity INTEGER,
    speaker TEXT,
    speaker_actor TEXT,
    tone REAL,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker, speaker_actor);

CREATE TABLE timexes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE places (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    geonames_id INTEGER,
    country TEXT,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- One row per event mention (an event as one article states it). Events that share source, target
-- and root code within a day cluster into one `event_clusters` row (GDELT's event).
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    cluster_id INTEGER REFERENCES event_clusters(id),
    code TEXT NOT NULL,
    root_code TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL,
    plover TEXT,
    mode TEXT,
    source_code TEXT NOT NULL,
    source_name TEXT,
    target_code TEXT NOT NULL,
    target_name TEXT,
    date TEXT,
    day INTEGER,
    date_source TEXT NOT NULL,
    place_idx INTEGER,
    sentence INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    quote_idx INTEGER,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    tone REAL,
    is_root INTEGER NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE INDEX events_key ON events(source_code, target_code, root_code, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_unclustered ON events(cluster_id) WHERE cluster_id IS NULL;

CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    root_code TEXT NOT NULL,
    first_day INTEGER
);
CREATE INDEX event_clusters_key ON event_clusters(source_code, target_code, root_code, first_day);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
"#;

/// Brings the database to [`SCHEMA_VERSION`]; refuses a database written by a newer herald.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(Error::Schema(format!(
            "the database has schema version {version}; this herald reads up to {SCHEMA_VERSION} (upgrade herald)"
        )));
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (i, script) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
