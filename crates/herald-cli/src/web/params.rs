//! Query-string parameters shared by the pages and the API, validated into a store filter.

use herald::Date;
use herald_store::query::Filter;
use serde::Deserialize;

use super::WebError;
use crate::commands::query::By;

/// Rows a page or API call returns at most.
pub const MAX_ROWS: usize = 500;
/// Rows a page shows by default.
pub const PAGE_ROWS: usize = 50;

/// The parameters every view understands (all optional; empty means absent).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Params {
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub code: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub speaker: Option<String>,
    pub q: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    /// Dyads: the two actors.
    pub a: Option<String>,
    pub b: Option<String>,
    /// `day`, `week` or `month`.
    pub by: Option<String>,
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn date(v: &Option<String>, name: &str) -> Result<Option<Date>, WebError> {
    match present(v) {
        None => Ok(None),
        Some(s) => Date::parse_iso(&s)
            .map(Some)
            .ok_or_else(|| WebError::bad_request(format!("{name}: {s:?} is not a date (YYYY-MM-DD)"))),
    }
}

impl Params {
    /// The store filter, with the row count capped.
    pub fn filter(&self) -> Result<Filter, WebError> {
        let code = present(&self.code);
        if code.as_deref().is_some_and(|c| !c.bytes().all(|b| b.is_ascii_digit())) {
            return Err(WebError::bad_request("code: a CAMEO code is digits (e.g. 19 or 190)"));
        }
        Ok(Filter {
            actor: present(&self.actor).map(|s| s.to_ascii_uppercase()),
            source: present(&self.source).map(|s| s.to_ascii_uppercase()),
            target: present(&self.target).map(|s| s.to_ascii_uppercase()),
            code,
            since: date(&self.since, "since")?,
            until: date(&self.until, "until")?,
            speaker: present(&self.speaker),
            search: present(&self.q),
            limit: self.limit.unwrap_or(PAGE_ROWS).clamp(1, MAX_ROWS),
            offset: self.offset.unwrap_or(0).min(1_000_000),
        })
    }

    /// The period (`week` by default).
    pub fn by(&self) -> Result<By, WebError> {
        match present(&self.by).as_deref() {
            None | Some("week") => Ok(By::Week),
            Some("day") => Ok(By::Day),
            Some("month") => Ok(By::Month),
            Some(other) => Err(WebError::bad_request(format!("by: {other:?} is not day, week or month"))),
        }
    }

    /// The two actors of a dyad, upper-cased.
    pub fn dyad(&self) -> Result<(String, String), WebError> {
        match (present(&self.a), present(&self.b)) {
            (Some(a), Some(b)) => Ok((a.to_ascii_uppercase(), b.to_ascii_uppercase())),
            _ => Err(WebError::bad_request("a dyad needs two actors: ?a=USA&b=RUS")),
        }
    }

    /// This query string with `offset` replaced (for pagination links).
    pub fn with_offset(&self, offset: usize) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let fields = [
            ("actor", &self.actor),
            ("source", &self.source),
            ("target", &self.target),
            ("code", &self.code),
            ("since", &self.since),
            ("until", &self.until),
            ("speaker", &self.speaker),
            ("q", &self.q),
            ("a", &self.a),
            ("b", &self.b),
            ("by", &self.by),
        ];
        for (k, v) in fields {
            if let Some(v) = present(v) {
                pairs.push((k, v));
            }
        }
        if let Some(l) = self.limit {
            pairs.push(("limit", l.to_string()));
        }
        pairs.push(("offset", offset.to_string()));
        pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&")
    }
}

/// Percent-encodes a query-string value.
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An article id from a path.
pub fn article_id(s: &str) -> Result<i64, WebError> {
    s.parse::<i64>().map_err(|_| WebError::bad_request(format!("{s:?} is not an article id")))
}
