//! Walks for the exporters: events (clusters) with their statistics and place, event mentions,
//! and stored documents, streamed in date order to a callback so an export runs in bounded
//! memory. The formats themselves (GDELT, CSV, Parquet, JSON Lines) live in the CLI.

use herald::Date;
use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use crate::{Error, Result, Store};

/// A geocoded place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    /// Gazetteer name.
    pub name: String,
    /// `country`, `admin1`, `capital` or `city`.
    pub kind: String,
    /// ISO alpha-2 country code.
    pub country: Option<String>,
    /// GeoNames first-level division code.
    pub admin1: Option<String>,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: Option<i64>,
}

/// One event (cluster) as an export needs it; fields of the first mention unless stated.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    /// Event (cluster) id.
    pub id: i64,
    /// Event date.
    pub date: Option<String>,
    /// Source actor CAMEO code (empty if none).
    pub source: String,
    /// Source actor as the article names it.
    pub source_name: Option<String>,
    /// Target actor CAMEO code (empty if none).
    pub target: String,
    /// Target actor as the article names it.
    pub target_name: Option<String>,
    /// The first mention is in its article's lead.
    pub is_root: bool,
    /// CAMEO event code.
    pub code: String,
    /// Quad class (1–4).
    pub quad_class: i64,
    /// Goldstein score of the event code.
    pub goldstein: Option<f64>,
    /// Over all mentions.
    pub mentions: i64,
    /// Distinct sources.
    pub sources: i64,
    /// Distinct articles.
    pub articles: i64,
    /// Mean tone of the articles that mention it.
    pub avg_tone: Option<f64>,
    /// Where the action took place.
    pub place: Option<PlaceRow>,
    /// When its first article was stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub added: String,
    /// The first mention's article URL (else its document id).
    pub url: Option<String>,
    /// Document id.
    pub doc_id: String,
    /// The first mention's evidence (its sentence) and article.
    pub evidence: String,
    /// Article id.
    pub article_id: i64,
    /// Article title.
    pub title: Option<String>,
}

/// One mention of an event in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRecord {
    /// The event (cluster) it mentions.
    pub event_id: i64,
    /// Article id.
    pub article_id: i64,
    /// Event date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// CAMEO event code.
    pub code: String,
    /// Source actor CAMEO code (empty if none).
    pub source: String,
    /// Target actor CAMEO code (empty if none).
    pub target: String,
    /// When the event's first article and this article were stored.
    pub event_added: String,
    /// When its article was stored.
    pub added: String,
    /// Article URL.
    pub url: Option<String>,
    /// Source actor as the article names it.
    pub source_name: Option<String>,
    /// Document id.
    pub doc_id: String,
    /// 0-based sentence; character offsets of the trigger and the evidence.
    pub sentence: i64,
    /// Trigger character offsets.
    pub trigger: (i64, i64),
    /// Evidence: the sentence that states it.
    pub evidence: (i64, i64),
    /// Evidence sentence.
    pub evidence_text: String,
    /// Confidence (0–1).
    pub confidence: f64,
    /// The article's length in characters and tone.
    pub doc_len: i64,
    /// Article tone.
    pub doc_tone: Option<f64>,
    /// Coding rule.
    pub rule: String,
}

/// A date range (inclusive; either end open).
#[derive(Clone, Copy, Debug, Default)]
pub struct Range {
    /// First day (inclusive).
    pub since: Option<Date>,
    /// Last day (inclusive).
    pub until: Option<Date>,
}

impl Range {
    fn clause(&self, column: &str) -> (String, Vec<Value>) {
        let mut parts = vec!["1".to_string()];
        let mut values = Vec::new();
        if let Some(d) = self.since {
            parts.push(format!("{column} >= ?"));
            values.push(Value::Integer(d.days_since_epoch()));
        }
        if let Some(d) = self.until {
            parts.push(format!("{column} <= ?"));
            values.push(Value::Integer(d.days_since_epoch()));
        }
        (parts.join(" AND "), values)
    }
}

/// A callback's verdict: go on, or stop with an error (a failed write).
pub type Sink<'a, T> = dyn FnMut(T) -> std::io::Result<()> + 'a;

impl Store {
    /// Every event (cluster) dated in `range`, in date order (undated ones last).
    pub fn each_event(&self, range: Range, sink: &mut Sink<'_, EventRecord>) -> Result<()> {
        let (clause, values) = range.clause("f.day");
        let hit = "SELECT id FROM event_clusters";
        let sql = event_sql(hit, &clause, "f.day IS NULL, f.day, c.id");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(values.iter()))?;
        while let Some(r) = rows.next()? {
            sink(event_record(r)?).map_err(Error::Output)?;
        }
        Ok(())
    }

    /// Every event mention dated in `range`, in date order.
    pub fn each_mention(&self, range: Range, sink: &mut Sink<'_, MentionRecord>) -> Result<()> {
        let (clause, values) = range.clause("e.day");
        let sql = format!(
            "WITH first AS (SELECT e.cluster_id AS id, min(a.added) AS added FROM events e
                            JOIN articles a ON a.id = e.article_id GROUP BY e.cluster_id)
             SELECT e.cluster_id, e.article_id, e.date, e.code, e.source_code, e.target_code, first.added, a.added,
                    a.url, a.source, a.doc_id, e.sentence, e.trigger_start, e.trigger_end, e.evidence_start,
                    e.evidence_end, e.evidence, e.confidence, length(a.text), a.tone, e.rule
             FROM events e JOIN articles a ON a.id = e.article_id JOIN first ON first.id = e.cluster_id
             WHERE {clause}
             ORDER BY e.day IS NULL, e.day, e.article_id, e.idx"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(values.iter()))?;
        while let Some(r) = rows.next()? {
            let m = MentionRecord {
                event_id: r.get(0)?,
                article_id: r.get(1)?,
                date: r.get(2)?,
                code: r.get(3)?,
                source: r.get(4)?,
                target: r.get(5)?,
                event_added: r.get(6)?,
                added: r.get(7)?,
                url: r.get(8)?,
                source_name: r.get(9)?,
                doc_id: r.get(10)?,
                sentence: r.get(11)?,
                trigger: (r.get(12)?, r.get(13)?),
                evidence: (r.get(14)?, r.get(15)?),
                evidence_text: r.get(16)?,
                confidence: r.get(17)?,
                doc_len: r.get(18)?,
                doc_tone: r.get(19)?,
                rule: r.get(20)?,
            };
            sink(m).map_err(Error::Output)?;
        }
        Ok(())
    }

    /// Every stored document blob of an article published in `range` (undated articles only
    /// when the range is open), in publication order.
    pub fn each_document(&self, range: Range, sink: &mut Sink<'_, Vec<u8>>) -> Result<()> {
        let (clause, values) = range.clause("CAST(julianday(published) - 2440587.5 AS INTEGER)");
        let sql =
            format!("SELECT doc FROM articles WHERE {clause} ORDER BY published IS NULL, published, id");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(values.iter()))?;
        while let Some(r) = rows.next()? {
            sink(r.get(0)?).map_err(Error::Output)?;
        }
        Ok(())
    }

    /// One article's stored document blob.
    pub fn document(&self, article_id: i64) -> Result<Option<Vec<u8>>> {
        use rusqlite::OptionalExtension;
        let mut st = self.conn.prepare_cached("SELECT doc FROM articles WHERE id = ?1")?;
        Ok(st.query_row([article_id], |r| r.get(0)).optional()?)
    }
}

/// The id of cluster `c`'s first mention: the earliest by date, then article and position.
/// Its code, names, evidence and place stand for the event.
pub(crate) const FIRST_MENTION: &str =
    "SELECT id FROM events WHERE cluster_id = c.id ORDER BY day, article_id, idx LIMIT 1";

/// Events (clusters) whose ids the query `hit` selects, with their statistics over all their
/// mentions and their first mention's fields (`f`, article `fa`, place `p`), filtered by
/// `clause` and sorted by `order`. Read rows with [`event_record`].
pub(crate) fn event_sql(hit: &str, clause: &str, order: &str) -> String {
    format!(
        "WITH hit AS ({hit}),
         s AS (SELECT e.cluster_id AS id, count(*) AS n, count(DISTINCT e.article_id) AS na,
                      count(DISTINCT coalesce(a.source, '')) AS ns, avg(a.tone) AS tone, min(a.added) AS added,
                      min(e.day) AS day
               FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.cluster_id IN (SELECT id FROM hit) GROUP BY e.cluster_id)
         SELECT c.id, f.date, c.source_code, f.source_name, c.target_code, f.target_name, f.is_root, f.code,
                f.quad_class, f.goldstein, s.n, s.ns, s.na, s.tone, s.added, fa.url, fa.doc_id, f.evidence,
                p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonames_id, f.article_id, fa.title
         FROM s JOIN event_clusters c ON c.id = s.id
         JOIN events f ON f.id = ({FIRST_MENTION})
         JOIN articles fa ON fa.id = f.article_id
         LEFT JOIN places p ON p.article_id = f.article_id AND p.idx = f.place_idx
         WHERE {clause}
         ORDER BY {order}"
    )
}

/// Reads a row of [`event_sql`].
pub(crate) fn event_record(r: &Row<'_>) -> rusqlite::Result<EventRecord> {
    let place = match r.get::<_, Option<String>>(18)? {
        Some(name) => Some(PlaceRow {
            name,
            kind: r.get(19)?,
            country: r.get(20)?,
            admin1: r.get(21)?,
            lat: r.get(22)?,
            lon: r.get(23)?,
            geonames_id: r.get(24)?,
        }),
        None => None,
    };
    Ok(EventRecord {
        id: r.get(0)?,
        date: r.get(1)?,
        source: r.get(2)?,
        source_name: r.get(3)?,
        target: r.get(4)?,
        target_name: r.get(5)?,
        is_root: r.get(6)?,
        code: r.get(7)?,
        quad_class: r.get(8)?,
        goldstein: r.get(9)?,
        mentions: r.get(10)?,
        sources: r.get(11)?,
        articles: r.get(12)?,
        avg_tone: r.get(13)?,
        added: r.get(14)?,
        url: r.get(15)?,
        doc_id: r.get(16)?,
        evidence: r.get(17)?,
        place,
        article_id: r.get(25)?,
        title: r.get(26)?,
    })
}
