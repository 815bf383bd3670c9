//! JSON Lines: one article per line, `{"id","title","text","published","source","url"}`.
//! Archive spellings are accepted too (`body` for text, `date` for published, `newid` for id, as
//! in the Reuters-21578 conversion). A bad line is reported with its number; the rest goes on.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use super::decode::decode;
use super::{Article, InputError, RawMeta, ReadOptions, Sink, cut_point};

#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    newid: Option<Value>,
    title: Option<String>,
    text: Option<String>,
    body: Option<String>,
    published: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

pub(super) fn read(
    label: &str,
    stem: &str,
    mut reader: impl BufRead,
    opts: &ReadOptions,
    sink: &mut Sink<'_>,
) {
    let mut buf = Vec::new();
    let (mut number, mut offset) = (0u64, 0u64);
    loop {
        buf.clear();
        let len = match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return,
            Ok(n) => n as u64,
            Err(e) => {
                let origin = format!("{label}:{}", number + 1);
                return sink(Err(InputError::new(origin, format!("read failed: {e}"))));
            }
        };
        number += 1;
        let at = offset;
        offset += len;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("{label}:{number}");
        let decoded = match decode(std::mem::take(&mut buf), &origin, at, number, opts.lossy) {
            Ok(d) => d,
            Err(e) => {
                sink(Err(e));
                continue;
            }
        };
        let line: Line = match serde_json::from_str(&decoded.text) {
            Ok(l) => l,
            Err(e) => {
                sink(Err(InputError::new(origin, format!("malformed JSON: {e}"))));
                continue;
            }
        };
        let Some(text) = line.text.or(line.body) else {
            sink(Err(InputError::new(origin, "no \"text\" field")));
            continue;
        };
        let id = line.id.or(line.newid).map(|v| match v {
            Value::String(s) => s,
            other => other.to_string(),
        });
        let raw = RawMeta {
            id,
            title: line.title,
            published: line.published.or(line.date),
            source: line.source,
            url: line.url,
            language: line.language,
        };
        let warnings: Vec<String> = decoded.warning.into_iter().collect();
        emit(text, raw, format!("{stem}:{number}"), origin, warnings, opts.max_bytes, sink);
    }
}

/// Emits one article, or several parts of it when its text is longer than `max` bytes.
fn emit(
    text: String,
    raw: RawMeta,
    default_id: String,
    origin: String,
    mut warnings: Vec<String>,
    max: usize,
    sink: &mut Sink<'_>,
) {
    if text.trim().is_empty() {
        warnings.push("empty article: no text to read".to_string());
    }
    if text.len() <= max {
        let meta = raw.into_meta(default_id, &mut warnings);
        return sink(Ok(Article { text, meta, origin, warnings }));
    }
    warnings.push(format!(
        "text larger than --max-bytes ({max}): read as several documents cut at paragraph breaks"
    ));
    let meta = raw.into_meta(default_id, &mut warnings);
    let mut rest = text.as_str();
    let mut part = 0;
    while !rest.is_empty() {
        part += 1;
        let cut = if rest.len() <= max { rest.len() } else { cut_point(rest.as_bytes(), max) };
        let cut = (0..=cut).rev().find(|&c| rest.is_char_boundary(c) && c > 0).unwrap_or(rest.len());
        let mut part_meta = meta.clone();
        part_meta.id = format!("{}#{part}", meta.id);
        let w = if part == 1 { std::mem::take(&mut warnings) } else { Vec::new() };
        sink(Ok(Article {
            text: rest[..cut].to_string(),
            meta: part_meta,
            origin: format!("{origin}#{part}"),
            warnings: w,
        }));
        rest = &rest[cut..];
    }
}
