//! The HTML pages: events (search, filters, pagination), one article, timeline, actor pair,
//! quotes by speaker. Every value goes through maud, which escapes it.

use axum::extract::{Path, Query, State};
use axum::response::Html;
use herald_store::export::EventRecord;
use herald_store::query::{QuoteRow, SpeakerRow};
use maud::{DOCTYPE, Markup, html};

use super::params::{Params, encode};
use super::{App, WebError, article, chart, internal};
use crate::commands::query::By;

type Page = Result<Html<String>, WebError>;

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222}
header{background:#1d2b3a;color:#fff;padding:.6em 1em}header a{color:#cde;margin-right:1.2em;text-decoration:none}
header a.on{color:#fff;font-weight:bold}main{padding:1em;max-width:1300px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}
form.filters input{width:8em;margin-right:.5em}.muted{color:#777}.pager a{margin-right:1em}
.cols{display:flex;gap:2em}.text{flex:3;white-space:pre-wrap;font-size:16px;line-height:1.7}.side{flex:2}
.ent{border-bottom:2px solid #999}.ent-per{border-color:#2a7ae2;background:#eef5ff}.ent-org{border-color:#8a2be2;background:#f6efff}
.ent-gpe,.ent-loc{border-color:#1a9850;background:#eefaf0}.ent-norp{border-color:#c77c02}.ent-role{border-color:#bbb}
.quote{background:#fff7d6}.who{font-size:11px;background:#c9a400;color:#fff;border-radius:3px;padding:0 .3em;margin-right:.2em}
.timex{border-bottom:2px dotted #d9480f}mark.trigger{background:#ffd0d0;font-weight:bold}
mark.quad1,mark.quad2{background:#c8f0c8}li.quad3,li.quad4{border-left:4px solid #d33;padding-left:.4em}
li.quad1,li.quad2{border-left:4px solid #3a3;padding-left:.4em}blockquote.evidence{margin:.2em 0 .8em 0;color:#555;font-size:13px}
svg.chart{width:100%;max-width:900px;background:#fafafa}rect.coop{fill:#3a3}rect.conflict{fill:#d33}
polyline.goldstein{stroke:#1d2b3a;stroke-width:2}
";

/// The page frame.
pub fn layout(title: &str, active: &str, body: &Markup) -> Markup {
    let nav = [
        ("/", "Events", "events"),
        ("/timeline", "Timeline", "timeline"),
        ("/dyad", "Actor pair", "dyad"),
        ("/quotes", "Quotes", "quotes"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · herald" }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                header {
                    b { "herald" } "  "
                    @for (href, label, key) in nav {
                        a href=(href) class=[(key == active).then_some("on")] { (label) }
                    }
                }
                main { (body) }
            }
        }
    }
}

fn filters(p: &Params, action: &str, extra: Markup) -> Markup {
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    html! {
        form.filters method="get" action=(action) {
            (extra)
            "actor " input name="actor" value=(v(&p.actor)) placeholder="USA";
            "source " input name="source" value=(v(&p.source));
            "target " input name="target" value=(v(&p.target));
            "code " input name="code" value=(v(&p.code)) placeholder="19";
            "since " input name="since" value=(v(&p.since)) placeholder="YYYY-MM-DD";
            "until " input name="until" value=(v(&p.until));
            "text " input name="q" value=(v(&p.q));
            button type="submit" { "Filter" }
        }
    }
}

fn pager(p: &Params, path: &str, shown: usize, limit: usize, offset: usize) -> Markup {
    html! {
        p.pager {
            @if offset > 0 { a href=(format!("{path}?{}", p.with_offset(offset.saturating_sub(limit)))) { "← newer" } }
            @if shown == limit { a href=(format!("{path}?{}", p.with_offset(offset + limit))) { "older →" } }
        }
    }
}

fn events_table(rows: &[EventRecord]) -> Markup {
    html! {
        table.events {
            tr { th { "date" } th { "source" } th { "target" } th { "code" } th { "Goldstein" } th { "mentions" } th { "articles" } th { "evidence" } }
            @for e in rows {
                tr {
                    td { (e.date.as_deref().unwrap_or("")) }
                    td title=(e.source_name.as_deref().unwrap_or("")) { (e.source) }
                    td title=(e.target_name.as_deref().unwrap_or("")) { (e.target) }
                    td { (e.code) }
                    td { (e.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default()) }
                    td { (e.mentions) }
                    td { (e.articles) }
                    td { a href=(format!("/article/{}", e.article_id)) { (e.evidence) } }
                }
            }
        }
    }
}

pub async fn events(State(app): State<App>, Query(p): Query<Params>) -> Page {
    let f = p.filter()?;
    let (limit, offset) = (f.limit, f.offset);
    let rows = app.with_store(move |s| s.events(&f).map_err(|e| internal(e.into()))).await?;
    let body = html! {
        h1 { "Events" }
        (filters(&p, "/", html! {}))
        p.muted { (rows.len()) " events (clustered across articles), latest first." }
        (events_table(&rows))
        (pager(&p, "/", rows.len(), limit, offset))
    };
    Ok(Html(layout("Events", "events", &body).into_string()))
}

pub async fn article(State(app): State<App>, Path(id): Path<String>) -> Page {
    let id = super::params::article_id(&id)?;
    let doc = app.with_store(move |s| super::api::document(s, id)).await?;
    let title = doc.get("title").and_then(|t| t.as_str()).unwrap_or("Article").to_string();
    let meta = ["published", "source", "url"]
        .iter()
        .filter_map(|k| doc.get(*k).and_then(|v| v.as_str()).map(String::from))
        .collect::<Vec<_>>()
        .join(" · ");
    let body = html! {
        h1 { (title) }
        p.muted { (meta) }
        div.cols {
            div.text id="text" { (article::marked_text(&doc)) }
            div.side {
                h2 { "Events" }
                (article::event_list(&doc))
                h2 { "Quotes" }
                (article::quote_list(&doc))
            }
        }
    };
    Ok(Html(layout(&title, "", &body).into_string()))
}

fn by_select(by: By) -> Markup {
    html! {
        "by " select name="by" {
            @for (v, b) in [("day", By::Day), ("week", By::Week), ("month", By::Month)] {
                option value=(v) selected[b == by] { (v) }
            }
        }
        " "
    }
}

fn series_table(rows: &[herald_store::query::SeriesRow]) -> Markup {
    html! {
        table {
            tr { th { "period" } th { "direction" } th { "events" } th { "mentions" } th { "Goldstein" } th { "verbal coop." } th { "material coop." } th { "verbal conflict" } th { "material conflict" } }
            @for r in rows {
                tr {
                    td { (r.period) } td { (r.direction) } td { (r.events) } td { (r.mentions) }
                    td { (format!("{:.1}", r.goldstein)) }
                    @for q in r.quad { td { (q) } }
                }
            }
        }
    }
}

pub async fn timeline(State(app): State<App>, Query(p): Query<Params>) -> Page {
    let (f, by) = (p.filter()?, p.by()?);
    let rows =
        app.with_store(move |s| s.series(&f, by.period(), None).map_err(|e| internal(e.into()))).await?;
    let body = html! {
        h1 { "Timeline" }
        (filters(&p, "/timeline", by_select(by)))
        (chart::series(&rows, "Events per period"))
        (series_table(&rows))
    };
    Ok(Html(layout("Timeline", "timeline", &body).into_string()))
}

pub async fn dyad(State(app): State<App>, Query(p): Query<Params>) -> Page {
    let by = p.by()?;
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let form = html! {
        form.filters method="get" action="/dyad" {
            "actor A " input name="a" value=(v(&p.a)) placeholder="USA";
            "actor B " input name="b" value=(v(&p.b)) placeholder="RUS";
            (by_select(by))
            "since " input name="since" value=(v(&p.since)) placeholder="YYYY-MM-DD";
            "until " input name="until" value=(v(&p.until));
            button type="submit" { "Show" }
        }
    };
    if p.a.as_deref().unwrap_or("").trim().is_empty() && p.b.as_deref().unwrap_or("").trim().is_empty() {
        let body = html! { h1 { "Actor pair" } (form) p.muted { "Give two CAMEO actor codes (prefixes), e.g. USA and RUS." } };
        return Ok(Html(layout("Actor pair", "dyad", &body).into_string()));
    }
    let ((a, b), f) = (p.dyad()?, p.filter()?);
    let title = format!("{a} and {b}");
    let (qa, qb) = (a.clone(), b.clone());
    let rows = app
        .with_store(move |s| s.series(&f, by.period(), Some((&qa, &qb))).map_err(|e| internal(e.into())))
        .await?;
    let link = format!("/?actor={}", encode(&a));
    let body = html! {
        h1 { (title) }
        (form)
        (chart::series(&rows, &format!("Cooperation and conflict between {a} and {b}")))
        (series_table(&rows))
        p { a href=(link) { "Events of " (a) } }
    };
    Ok(Html(layout(&title, "dyad", &body).into_string()))
}

pub async fn quotes(State(app): State<App>, Query(p): Query<Params>) -> Page {
    let f = p.filter()?;
    let (limit, offset) = (f.limit, f.offset);
    let (rows, speakers): (Vec<QuoteRow>, Vec<SpeakerRow>) = app
        .with_store(move |s| {
            let q = s.quotes(&f).map_err(|e| internal(e.into()))?;
            let sp = s.speakers(12).map_err(|e| internal(e.into()))?;
            Ok((q, sp))
        })
        .await?;
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let body = html! {
        h1 { "Quotes" }
        form.filters method="get" action="/quotes" {
            "speaker " input name="speaker" value=(v(&p.speaker)) placeholder="Putin";
            "text " input name="q" value=(v(&p.q));
            "since " input name="since" value=(v(&p.since)) placeholder="YYYY-MM-DD";
            "until " input name="until" value=(v(&p.until));
            button type="submit" { "Filter" }
        }
        p.muted {
            "Most quoted: "
            @for sp in &speakers {
                a href=(format!("/quotes?speaker={}", encode(&sp.name))) title=(format!("{} quotes", sp.quotes)) { (sp.name) } " "
            }
        }
        table {
            tr { th { "published" } th { "speaker" } th { "kind" } th { "quote" } }
            @for q in &rows {
                tr {
                    td { (q.published.as_deref().unwrap_or("")) }
                    td { (q.speaker.as_deref().unwrap_or("")) " " span.muted { (q.speaker_actor.as_deref().unwrap_or("")) } }
                    td { (q.kind) }
                    td { a href=(format!("/article/{}", q.article_id)) { (q.text) } }
                }
            }
        }
        (pager(&p, "/quotes", rows.len(), limit, offset))
    };
    Ok(Html(layout("Quotes", "quotes", &body).into_string()))
}
