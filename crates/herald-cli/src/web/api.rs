//! The JSON API: the tables of `herald query … --format json`, and one article's full
//! `herald.doc/1` document. Documented in `docs/api.md`.

use std::io::Read;

use axum::Json;
use axum::extract::{Path, Query, State};
use serde_json::{Map, Value};

use super::params::Params;
use super::{App, WebError, internal};
use crate::commands::query;
use crate::output::table::Table;

type ApiResult = Result<Json<Value>, WebError>;

fn json(t: Table) -> Json<Value> {
    let rows = t
        .rows
        .into_iter()
        .map(|r| Value::Object(t.headers.iter().map(|h| (*h).to_string()).zip(r).collect::<Map<_, _>>()))
        .collect();
    Json(Value::Array(rows))
}

pub async fn events(State(app): State<App>, Query(p): Query<Params>) -> ApiResult {
    let f = p.filter()?;
    app.with_store(move |s| query::events_table(s, &f).map(json).map_err(internal)).await
}

pub async fn quotes(State(app): State<App>, Query(p): Query<Params>) -> ApiResult {
    let f = p.filter()?;
    app.with_store(move |s| query::quotes_table(s, &f).map(json).map_err(internal)).await
}

pub async fn entities(State(app): State<App>, Query(p): Query<Params>) -> ApiResult {
    let f = p.filter()?;
    app.with_store(move |s| query::entities_table(s, &f).map(json).map_err(internal)).await
}

pub async fn timeline(State(app): State<App>, Query(p): Query<Params>) -> ApiResult {
    let (f, by) = (p.filter()?, p.by()?);
    app.with_store(move |s| query::series_table(s, &f, by, None).map(json).map_err(internal)).await
}

pub async fn dyad(State(app): State<App>, Query(p): Query<Params>) -> ApiResult {
    let (f, by, (a, b)) = (p.filter()?, p.by()?, p.dyad()?);
    app.with_store(move |s| query::series_table(s, &f, by, Some((&a, &b))).map(json).map_err(internal)).await
}

pub async fn article(State(app): State<App>, Path(id): Path<String>) -> ApiResult {
    let id = super::params::article_id(&id)?;
    let doc = app.with_store(move |s| document(s, id)).await?;
    Ok(Json(doc))
}

/// One stored article's document, parsed.
pub(crate) fn document(store: &herald_store::Store, id: i64) -> Result<Value, WebError> {
    let blob = store
        .document(id)
        .map_err(|e| internal(e.into()))?
        .ok_or_else(|| WebError::not_found(format!("no article {id}")))?;
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(&blob[..])
        .read_to_end(&mut text)
        .map_err(|e| internal(anyhow::anyhow!("article {id}: stored document unreadable: {e}")))?;
    serde_json::from_slice(&text).map_err(|e| internal(anyhow::anyhow!("article {id}: stored document: {e}")))
}
