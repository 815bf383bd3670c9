//! Writing: ingest runs and batches of analyzed articles, one transaction a batch.

use std::collections::BTreeMap;

use herald::{CharIndex, Doc, Span};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::cluster::{self, Key};
use crate::dedup;
use crate::{Result, Store, now_utc};

/// One analyzed article, ready to store.
pub struct NewArticle {
    /// The analyzed document (its `meta.url` should be the canonical URL).
    pub doc: Doc,
    /// The document as the caller serializes it (herald's CLI stores gzip-compressed
    /// `herald.doc/1` JSON), returned as is by [`crate::export::Export::documents`].
    pub blob: Vec<u8>,
    /// Where it came from (`file:line`, `archive.warc.gz#record`).
    pub origin: String,
    /// [`dedup::article_key`] of the text and origin.
    pub content_hash: String,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// Articles stored.
    pub stored: usize,
    /// Articles skipped as copies of stored ones: `(origin, reason)`.
    pub duplicates: Vec<(String, String)>,
    /// Event mentions stored.
    pub events: usize,
}

/// Totals an ingest run records when it finishes.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunStats {
    /// Articles stored.
    pub stored: u64,
    /// Articles skipped as duplicates.
    pub duplicates: u64,
    /// Inputs that could not be read or stored.
    pub errors: u64,
}

impl Store {
    /// Records the start of an ingest run; returns its id.
    pub fn begin_run(&mut self, command: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO runs (started, command, herald_version) VALUES (?1, ?2, ?3)",
            params![now_utc(), command, env!("CARGO_PKG_VERSION")],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of an ingest run.
    pub fn finish_run(&mut self, run: i64, stats: RunStats) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET finished = ?1, stored = ?2, duplicates = ?3, errors = ?4 WHERE id = ?5",
            params![now_utc(), stats.stored as i64, stats.duplicates as i64, stats.errors as i64, run],
        )?;
        Ok(())
    }

    /// Whether an article with this canonical URL or this text hash is stored already (so an
    /// ingest can skip it before analyzing it).
    pub fn contains(&self, url: Option<&str>, content_hash: &str) -> Result<bool> {
        if !content_hash.is_empty() {
            let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?;
            if st.exists([content_hash])? {
                return Ok(true);
            }
        }
        match url.and_then(dedup::url_key) {
            Some(key) => {
                let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE url = ?1")?;
                Ok(st.exists([key])?)
            }
            None => Ok(false),
        }
    }

    /// Stores a batch in one transaction: each article not stored yet (by URL or text hash),
    /// every layer of it, its events, and the event clusters they join. The transaction sees its
    /// own rows, so copies within one batch are caught too. On any error nothing of the batch is
    /// stored.
    pub fn write_batch(&mut self, run: i64, batch: &[NewArticle]) -> Result<BatchReport> {
        let mut report = BatchReport::default();
        let tx = self.conn.transaction()?;
        let added = now_utc();
        let mut touched: BTreeMap<Key, i64> = BTreeMap::new();
        for art in batch {
            let url = art.doc.meta.url.as_deref().and_then(dedup::url_key);
            if let Some(reason) = duplicate_of(&tx, url.as_deref(), &art.content_hash)? {
                report.duplicates.push((art.origin.clone(), reason));
                continue;
            }
            let id = insert_article(&tx, run, art, url.as_deref(), &art.content_hash, &added)?;
            let chars = CharIndex::new(&art.doc.text);
            insert_layers(&tx, id, &art.doc, &chars)?;
            report.events += insert_events(&tx, id, &art.doc, &chars, &mut touched)?;
            report.stored += 1;
        }
        for (key, from_day) in &touched {
            cluster::recluster(&tx, key, *from_day)?;
        }
        cluster::singletons(&tx)?;
        tx.execute(
            "UPDATE runs SET stored = stored + ?1, duplicates = duplicates + ?2 WHERE id = ?3",
            params![report.stored as i64, report.duplicates.len() as i64, run],
        )?;
        tx.commit()?;
        Ok(report)
    }
}

fn duplicate_of(tx: &Transaction<'_>, url: Option<&str>, hash: &str) -> Result<Option<String>> {
    if !hash.is_empty() {
        let mut st = tx.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?;
        if let Some(id) = st.query_row([hash], |r| r.get::<_, i64>(0)).optional()? {
            return Ok(Some(format!("same text as stored article {id}")));
        }
    }
    if let Some(url) = url {
        let mut st = tx.prepare_cached("SELECT id FROM articles WHERE url = ?1")?;
        if let Some(id) = st.query_row([url], |r| r.get::<_, i64>(0)).optional()? {
            return Ok(Some(format!("same URL as stored article {id}")));
        }
    }
    Ok(None)
}

fn insert_article(
    tx: &Transaction<'_>,
    run: i64,
    art: &NewArticle,
    url: Option<&str>,
    hash: &str,
    added: &str,
) -> Result<i64> {
    let m = &art.doc.meta;
    let source = m.source.clone().or_else(|| m.url.as_deref().and_then(dedup::url_host));
    let mut st = tx.prepare_cached(
        "INSERT INTO articles (doc_id, url, source, title, published, language, text, content_hash, origin, run_id, added, tone, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    st.execute(params![
        m.id,
        url,
        source,
        m.title,
        m.published.map(|d| d.to_string()),
        m.language,
        art.doc.text,
        hash,
        art.origin,
        run,
        added,
        art.doc.tone.map(|t| f64::from(t.tone)),
        art.blob,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![id, m.title, art.doc.text])?;
    Ok(id)
}

fn insert_layers(tx: &Transaction<'_>, id: i64, doc: &Doc, idx: &CharIndex<'_>) -> Result<()> {
    let chars = |s: Span| idx.chars(s);
    let mut st = tx.prepare_cached(
        "INSERT INTO entities (article_id, idx, name, kind, actor, kb_id, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, e) in (0i64..).zip(&doc.entities) {
        st.execute(params![id, i, e.name, e.kind.as_str(), e.actor, e.kb_id, e.mentions.len() as i64])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO mentions (article_id, idx, start, end, kind, entity, actor, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, m) in (0i64..).zip(&doc.mentions) {
        let (a, b) = chars(m.span);
        st.execute(params![id, i, a, b, m.kind.as_str(), m.entity, m.actor, m.role])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes (article_id, idx, start, end, content_start, content_end, kind, text, speaker_entity, speaker, speaker_actor, tone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut fts = tx.prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)")?;
    for (i, q) in (0i64..).zip(&doc.quotes) {
        let ((a, b), (ca, cb)) = (chars(q.span), chars(q.content));
        let speaker = q.speaker.and_then(|s| doc.entities.get(s as usize));
        let text = doc.slice(q.content);
        st.execute(params![
            id,
            i,
            a,
            b,
            ca,
            cb,
            q.kind.as_str(),
            text,
            q.speaker,
            speaker.map(|e| e.name.as_str()),
            speaker.and_then(|e| e.actor.as_deref()),
            q.tone.map(f64::from),
        ])?;
        fts.execute(params![tx.last_insert_rowid(), text])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO timexes (article_id, idx, start, end, kind, text, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, t) in (0i64..).zip(&doc.timexes) {
        let (a, b) = chars(t.span);
        st.execute(params![id, i, a, b, t.kind.as_str(), doc.slice(t.span), t.value])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO places (article_id, idx, start, end, name, kind, geonames_id, country, admin1, lat, lon)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, p) in (0i64..).zip(&doc.places) {
        let (a, b) = chars(p.span);
        let admin1 = Some(p.admin1.as_str()).filter(|s| !s.is_empty());
        let gid = p.gazetteer_id.map(|g| g as i64);
        st.execute(params![id, i, a, b, p.name, p.kind.as_str(), gid, p.country, admin1, p.lat, p.lon])?;
    }
    Ok(())
}

/// Inserts the article's events (unclustered) and notes, per cluster key, the earliest day
/// that needs re-clustering.
fn insert_events(
    tx: &Transaction<'_>,
    id: i64,
    doc: &Doc,
    idx: &CharIndex<'_>,
    touched: &mut BTreeMap<Key, i64>,
) -> Result<usize> {
    let mut st = tx.prepare_cached(
        "INSERT INTO events (article_id, idx, code, root_code, quad_class, goldstein, plover, mode,
            source_code, source_name, target_code, target_name, date, day, date_source, place_idx, sentence,
            trigger_start, trigger_end, evidence_start, evidence_end, evidence, quote_idx, rule, confidence, tone, is_root)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?25, ?26, ?27)",
    )?;
    for (i, e) in (0i64..).zip(&doc.events) {
        let root = e.code.get(..2).unwrap_or(&e.code).to_string();
        let source = e.source.as_ref().map(|a| a.code.clone()).unwrap_or_default();
        let target = e.target.as_ref().map(|a| a.code.clone()).unwrap_or_default();
        let day = e.date.map(|d| d.days_since_epoch());
        let (ta, tb) = idx.chars(e.trigger);
        let (ea, eb) = idx.chars(e.evidence);
        st.execute(params![
            id,
            i,
            e.code,
            root,
            e.quad_class,
            e.goldstein.map(f64::from),
            e.plover,
            e.mode,
            source,
            e.source.as_ref().map(|a| a.name.as_str()),
            target,
            e.target.as_ref().map(|a| a.name.as_str()),
            e.date.map(|d| d.to_string()),
            day,
            e.date_source.as_str(),
            e.place,
            e.sentence,
            ta,
            tb,
            ea,
            eb,
            doc.slice(e.evidence),
            e.quote,
            e.rule,
            f64::from(e.confidence),
            e.tone.map(f64::from),
            e.is_root,
        ])?;
        if let Some(day) = day {
            let from = touched.entry(Key { source, target, root }).or_insert(day);
            *from = (*from).min(day);
        }
    }
    Ok(doc.events.len())
}
