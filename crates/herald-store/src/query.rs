//! Queries: events, quotes, entities, and counts over time (an actor's timeline, a dyad).
//!
//! Every value from the user goes in as a bound parameter; text search goes through FTS5 with
//! each word quoted, so no input can change a statement. Actor filters match CAMEO code
//! prefixes (`USA` matches `USA`, `USAGOV`, `USAMIL`); `code` matches event code prefixes (`19`
//! is every FIGHT event); dates are the events' dates (for quotes, the article's date).

use herald::Date;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::export::{EventRecord, FIRST_MENTION, event_record, event_sql};
use crate::{Result, Store};

/// Filters shared by the queries; each is ignored when `None`.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Source or target actor code prefix.
    pub actor: Option<String>,
    /// Source actor code prefix.
    pub source: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// Event code prefix.
    pub code: Option<String>,
    /// First day (inclusive).
    pub since: Option<Date>,
    /// Last day (inclusive).
    pub until: Option<Date>,
    /// Speaker name (substring, case-insensitive) for quotes.
    pub speaker: Option<String>,
    /// Words that the article (or, for quotes, the quote) must contain.
    pub search: Option<String>,
    /// At most this many rows (0: the default of 100).
    pub limit: usize,
    /// Rows to skip (pagination).
    pub offset: usize,
}

/// The hard cap on rows one query returns.
pub const MAX_ROWS: usize = 10_000;

impl Filter {
    fn limit(&self) -> usize {
        if self.limit == 0 { 100 } else { self.limit.min(MAX_ROWS) }
    }
}

/// One quote.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRow {
    /// Article id.
    pub article_id: i64,
    /// The article's publication date.
    pub published: Option<String>,
    /// Speaker name.
    pub speaker: Option<String>,
    /// Speaker actor code.
    pub speaker_actor: Option<String>,
    /// `direct`, `indirect` or `partial`.
    pub kind: String,
    /// The quoted content.
    pub text: String,
    /// Article title.
    pub title: Option<String>,
}

/// A speaker and how often they are quoted.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRow {
    /// Speaker name.
    pub name: String,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// Quotes attributed to them.
    pub quotes: i64,
}

/// One entity, counted across articles.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// Distinct articles.
    pub articles: i64,
    /// Mentions.
    pub mentions: i64,
}

/// Time buckets for [`Store::series`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    /// Calendar months (`YYYY-MM`).
    Month,
}

/// Counts for one period (and, for a dyad, one direction).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    /// `YYYY-MM-DD` (day, or a week's Monday) or `YYYY-MM`.
    pub period: String,
    /// `A→B` for a dyad's direction, empty otherwise.
    pub direction: String,
    /// Events (clusters) dated in the period, mentions of them.
    pub events: i64,
    /// Mentions.
    pub mentions: i64,
    /// Sum of the events' Goldstein scores.
    pub goldstein: f64,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [i64; 4],
}

/// A WHERE clause under construction with its bound values.
#[derive(Default)]
pub(crate) struct Where {
    parts: Vec<String>,
    pub(crate) values: Vec<Value>,
}

impl Where {
    fn push(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        self.parts.push(sql.to_string());
        self.values.extend(values);
    }

    /// The article's publication date within `since`/`until`.
    fn published(&mut self, f: &Filter) {
        if let Some(d) = f.since {
            self.push("a.published >= ?", [Value::Text(d.to_string())]);
        }
        if let Some(d) = f.until {
            self.push("a.published <= ?", [Value::Text(d.to_string())]);
        }
    }

    pub(crate) fn sql(&self) -> String {
        if self.parts.is_empty() { "1".to_string() } else { self.parts.join(" AND ") }
    }

    /// Filters on events `e` (and their articles `a`).
    pub(crate) fn events(f: &Filter) -> Where {
        let mut w = Where::default();
        let prefix = |p: &str| Value::Text(format!("{}%", like_escape(p)));
        if let Some(a) = &f.actor {
            w.push(
                "(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')",
                [prefix(a), prefix(a)],
            );
        }
        if let Some(s) = &f.source {
            w.push("e.source_code LIKE ? ESCAPE '\\'", [prefix(s)]);
        }
        if let Some(t) = &f.target {
            w.push("e.target_code LIKE ? ESCAPE '\\'", [prefix(t)]);
        }
        if let Some(c) = &f.code {
            w.push("e.code LIKE ? ESCAPE '\\'", [prefix(c)]);
        }
        if let Some(d) = f.since {
            w.push("e.day >= ?", [Value::Integer(d.days_since_epoch())]);
        }
        if let Some(d) = f.until {
            w.push("e.day <= ?", [Value::Integer(d.days_since_epoch())]);
        }
        if let Some(q) = f.search.as_deref().and_then(fts_query) {
            w.push(
                "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                [Value::Text(q)],
            );
        }
        w
    }
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// An FTS5 query that matches every word of `text` as a literal (no operators from input).
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> =
        text.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Store {
    /// Events (clusters) with a mention that passes `f`, latest first.
    pub fn events(&self, f: &Filter) -> Result<Vec<EventRecord>> {
        let w = Where::events(f);
        let hit = format!(
            "SELECT DISTINCT e.cluster_id AS id FROM events e WHERE e.cluster_id IS NOT NULL AND {}",
            w.sql()
        );
        let sql =
            format!("{} LIMIT {} OFFSET {}", event_sql(&hit, "1", "s.day DESC, c.id"), f.limit(), f.offset);
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.values.iter()), event_record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Quotes, latest articles first: `speaker`, `search` (in the quote), `since`/`until` (the
    /// article's date) and `actor` (the speaker's actor code prefix) apply.
    pub fn quotes(&self, f: &Filter) -> Result<Vec<QuoteRow>> {
        let mut w = Where::default();
        if let Some(s) = &f.speaker {
            w.push("q.speaker LIKE ? ESCAPE '\\'", [Value::Text(format!("%{}%", like_escape(s)))]);
        }
        if let Some(a) = &f.actor {
            w.push("q.speaker_actor LIKE ? ESCAPE '\\'", [Value::Text(format!("{}%", like_escape(a)))]);
        }
        w.published(f);
        if let Some(q) = f.search.as_deref().and_then(fts_query) {
            w.push("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [Value::Text(q)]);
        }
        let sql = format!(
            "SELECT q.article_id, a.published, q.speaker, q.speaker_actor, q.kind, q.text, a.title
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {}
             ORDER BY a.published DESC, q.article_id, q.idx LIMIT {} OFFSET {}",
            w.sql(),
            f.limit(),
            f.offset
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.values.iter()), |r| {
            Ok(QuoteRow {
                article_id: r.get(0)?,
                published: r.get(1)?,
                speaker: r.get(2)?,
                speaker_actor: r.get(3)?,
                kind: r.get(4)?,
                text: r.get(5)?,
                title: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most quoted speakers.
    pub fn speakers(&self, limit: usize) -> Result<Vec<SpeakerRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT speaker, max(speaker_actor), count(*) FROM quotes WHERE speaker IS NOT NULL
             GROUP BY speaker ORDER BY 3 DESC, speaker LIMIT ?1",
        )?;
        let rows = st.query_map([limit.min(MAX_ROWS) as i64], |r| {
            Ok(SpeakerRow { name: r.get(0)?, actor: r.get(1)?, quotes: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Entities across articles, most reported first: `actor` (code prefix), `search` (name
    /// substring) and `since`/`until` (the article's date) apply.
    pub fn entities(&self, f: &Filter) -> Result<Vec<EntityRow>> {
        let mut w = Where::default();
        if let Some(a) = &f.actor {
            w.push("n.actor LIKE ? ESCAPE '\\'", [Value::Text(format!("{}%", like_escape(a)))]);
        }
        if let Some(s) = &f.search {
            w.push("n.name LIKE ? ESCAPE '\\'", [Value::Text(format!("%{}%", like_escape(s)))]);
        }
        w.published(f);
        let sql = format!(
            "SELECT n.name, n.kind, n.actor, count(DISTINCT n.article_id), sum(n.mentions)
             FROM entities n JOIN articles a ON a.id = n.article_id WHERE {}
             GROUP BY n.name, n.kind, n.actor ORDER BY 4 DESC, 5 DESC, n.name LIMIT {} OFFSET {}",
            w.sql(),
            f.limit(),
            f.offset
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.values.iter()), |r| {
            Ok(EntityRow {
                name: r.get(0)?,
                kind: r.get(1)?,
                actor: r.get(2)?,
                articles: r.get(3)?,
                mentions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events per period for the events `f` selects (an actor's timeline). With `dyad = (a, b)`,
    /// only events between actors `a` and `b` (code prefixes), counted per direction.
    /// Each event (cluster) counts once, in the period of its first mention's day.
    pub fn series(&self, f: &Filter, period: Period, dyad: Option<(&str, &str)>) -> Result<Vec<SeriesRow>> {
        let mut w = Where::events(f);
        let mut direction = "''".to_string();
        if let Some((a, b)) = dyad {
            let (pa, pb) = (format!("{}%", like_escape(a)), format!("{}%", like_escape(b)));
            w.push(
                "((e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\')
                  OR (e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\'))",
                [Value::Text(pa.clone()), Value::Text(pb.clone()), Value::Text(pb), Value::Text(pa.clone())],
            );
            direction = "CASE WHEN c.source_code LIKE ? ESCAPE '\\' THEN ? ELSE ? END".to_string();
            w.values.extend([
                Value::Text(pa),
                Value::Text(format!("{a}→{b}")),
                Value::Text(format!("{b}→{a}")),
            ]);
        }
        let bucket = match period {
            Period::Day => "date(s.day * 86400, 'unixepoch')",
            Period::Week => "date(s.day * 86400, 'unixepoch', 'weekday 0', '-6 days')",
            Period::Month => "strftime('%Y-%m', s.day * 86400, 'unixepoch')",
        };
        let sql = format!(
            "WITH hit AS (SELECT DISTINCT e.cluster_id AS id FROM events e
                          WHERE e.cluster_id IS NOT NULL AND e.day IS NOT NULL AND {}),
             s AS (SELECT e.cluster_id AS id, count(*) AS n, min(e.day) AS day
                   FROM events e WHERE e.cluster_id IN (SELECT id FROM hit) GROUP BY e.cluster_id),
             k AS (SELECT {bucket} AS period, {direction} AS direction, s.n AS n, f.goldstein AS g, f.quad_class AS q
                   FROM s JOIN event_clusters c ON c.id = s.id
                   JOIN events f ON f.id = ({FIRST_MENTION}))
             SELECT period, direction, count(*), sum(n), coalesce(sum(g), 0.0),
                    sum(q = 1), sum(q = 2), sum(q = 3), sum(q = 4)
             FROM k GROUP BY period, direction ORDER BY period, direction LIMIT {}",
            w.sql(),
            MAX_ROWS
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(w.values.iter()), |r| {
            Ok(SeriesRow {
                period: r.get(0)?,
                direction: r.get(1)?,
                events: r.get(2)?,
                mentions: r.get(3)?,
                goldstein: r.get(4)?,
                quad: [r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?],
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
