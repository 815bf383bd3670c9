//! Server-side SVG: cooperation and conflict per period as bars (cooperation up, conflict
//! down) and the Goldstein sum as a line, for timelines and actor pairs.

use std::collections::BTreeMap;

use herald_store::query::SeriesRow;
use maud::{Markup, html};

const W: f64 = 760.0;
const H: f64 = 300.0;
const PAD: f64 = 40.0;

/// Per period: cooperation events, conflict events, Goldstein sum (directions added up).
fn totals(rows: &[SeriesRow]) -> Vec<(String, i64, i64, f64)> {
    let mut by: BTreeMap<&str, (i64, i64, f64)> = BTreeMap::new();
    for r in rows {
        let e = by.entry(r.period.as_str()).or_default();
        e.0 += r.quad[0] + r.quad[1];
        e.1 += r.quad[2] + r.quad[3];
        e.2 += r.goldstein;
    }
    by.into_iter().map(|(p, (c, k, g))| (p.to_string(), c, k, g)).collect()
}

/// The chart, or a note when there is nothing to draw.
pub fn series(rows: &[SeriesRow], title: &str) -> Markup {
    let t = totals(rows);
    if t.is_empty() {
        return html! { p.muted { "No dated events match." } };
    }
    let max_count = t.iter().map(|x| x.1.max(x.2)).max().unwrap_or(1).max(1) as f64;
    let max_g = t.iter().map(|x| x.3.abs()).fold(1.0, f64::max);
    let mid = H / 2.0;
    let half = mid - PAD / 2.0;
    let step = (W - 2.0 * PAD) / t.len() as f64;
    let bar = (step * 0.7).max(1.0);
    let x_of = |i: usize| PAD + step * i as f64 + step / 2.0;
    let line: Vec<String> = t
        .iter()
        .enumerate()
        .map(|(i, x)| format!("{:.1},{:.1}", x_of(i), mid - x.3 / max_g * half))
        .collect();
    let label_every = (t.len() / 12).max(1);
    html! {
        svg.chart viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(title) xmlns="http://www.w3.org/2000/svg" {
            title { (title) }
            line x1=(PAD) x2=(W - PAD) y1=(mid) y2=(mid) stroke="#888" {}
            @for (i, (period, coop, conflict, g)) in t.iter().enumerate() {
                @let x = x_of(i) - bar / 2.0;
                @let up = *coop as f64 / max_count * half;
                @let down = *conflict as f64 / max_count * half;
                g.period data-period=(period) {
                    title { (format!("{period}: {coop} cooperation, {conflict} conflict, Goldstein {g:.1}")) }
                    rect.coop x=(format!("{x:.1}")) y=(format!("{:.1}", mid - up)) width=(format!("{bar:.1}")) height=(format!("{up:.1}")) {}
                    rect.conflict x=(format!("{x:.1}")) y=(mid) width=(format!("{bar:.1}")) height=(format!("{down:.1}")) {}
                }
                @if i % label_every == 0 {
                    text x=(format!("{:.1}", x_of(i))) y=(H - 4.0) text-anchor="middle" font-size="10" { (period) }
                }
            }
            polyline.goldstein points=(line.join(" ")) fill="none" {}
            text x="4" y="14" font-size="11" { "cooperation ▲ / conflict ▼ (events); line: Goldstein sum" }
        }
    }
}
