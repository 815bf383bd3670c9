//! The article view: the text with what herald read in it marked in place — entities (colored
//! by type, actor code on hover), quotes (speaker shown), time expressions (value on hover) and
//! event triggers (linked from the event list beside the text).
//!
//! The text is cut at every annotation boundary; each piece is wrapped in the annotations that
//! cover it, outermost first (quote, entity mention, time expression, event trigger), so the
//! markup nests properly however the annotations overlap.

use maud::{Markup, html};
use serde_json::Value;

/// What covers a stretch of text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Quote,
    Mention,
    Timex,
    Trigger,
}

struct Mark {
    start: usize,
    end: usize,
    layer: Layer,
    /// Index in its layer's array.
    index: usize,
}

fn num(v: &Value) -> Option<usize> {
    v.as_u64().map(|n| n as usize)
}

fn pair(v: &Value) -> Option<(usize, usize)> {
    Some((num(v.get(0)?)?, num(v.get(1)?)?))
}

fn text_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn items<'a>(doc: &'a Value, key: &str) -> &'a [Value] {
    doc.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The name of entity `i`, if any.
fn entity_name(doc: &Value, i: Option<usize>) -> Option<&str> {
    i.and_then(|i| items(doc, "entities").get(i)).and_then(|e| e.get("name")).and_then(Value::as_str)
}

fn marks(doc: &Value) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut push = |span: Option<(usize, usize)>, layer, index| {
        if let Some((start, end)) = span.filter(|(a, b)| a < b) {
            out.push(Mark { start, end, layer, index });
        }
    };
    for (i, q) in items(doc, "quotes").iter().enumerate() {
        push(q.get("content").and_then(pair), Layer::Quote, i);
    }
    for (i, m) in items(doc, "mentions").iter().enumerate() {
        push(Some((num(&m["start"]).unwrap_or(0), num(&m["end"]).unwrap_or(0))), Layer::Mention, i);
    }
    for (i, t) in items(doc, "timexes").iter().enumerate() {
        push(Some((num(&t["start"]).unwrap_or(0), num(&t["end"]).unwrap_or(0))), Layer::Timex, i);
    }
    for (i, e) in items(doc, "events").iter().enumerate() {
        push(e.get("trigger").and_then(pair), Layer::Trigger, i);
    }
    out
}

/// A one-line description of an event: `036 USAGOV → RUSGOV`.
pub fn event_label(e: &Value) -> String {
    let side =
        |k: &str| e.get(k).and_then(|a| a.get("code")).and_then(Value::as_str).unwrap_or("—").to_string();
    format!("{} {} → {}", text_of(e, "code"), side("source"), side("target"))
}

/// The marked-up text.
pub fn marked_text(doc: &Value) -> Markup {
    let text = text_of(doc, "text");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(text.len(), |(b, _)| *b);
    let n = chars.len();
    let marks = marks(doc);
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &marks {
        cuts.push(m.start.min(n));
        cuts.push(m.end.min(n));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut seen_quote = vec![false; items(doc, "quotes").len()];
    let mut seen_trigger = vec![false; items(doc, "events").len()];
    let mut pieces = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[byte_at(a)..byte_at(b)];
        let mut cover: Vec<&Mark> = marks.iter().filter(|m| m.start <= a && b <= m.end).collect();
        cover.sort_by_key(|m| (m.layer, m.start));
        pieces.push(wrap(doc, &cover, piece, &mut seen_quote, &mut seen_trigger));
    }
    html! { @for p in &pieces { (p) } }
}

fn wrap(
    doc: &Value,
    cover: &[&Mark],
    piece: &str,
    seen_quote: &mut [bool],
    seen_trigger: &mut [bool],
) -> Markup {
    let Some((outer, inner)) = cover.split_first() else { return html! { (piece) } };
    let content = wrap(doc, inner, piece, seen_quote, seen_trigger);
    match outer.layer {
        Layer::Quote => {
            let q = &items(doc, "quotes")[outer.index];
            let speaker = entity_name(doc, num(&q["speaker"])).unwrap_or("unknown speaker");
            let first = !std::mem::replace(&mut seen_quote[outer.index], true);
            let title = format!("{} quote · {speaker}", text_of(q, "kind"));
            html! {
                span.quote data-quote=(outer.index) data-speaker=(speaker) title=(title) {
                    @if first { span.who { (speaker) } }
                    (content)
                }
            }
        }
        Layer::Mention => {
            let m = &items(doc, "mentions")[outer.index];
            let kind = text_of(m, "kind");
            let name = entity_name(doc, num(&m["entity"])).unwrap_or("");
            let actor = text_of(m, "actor");
            let title =
                [kind, actor, name].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
            let class = format!("ent ent-{}", kind.to_ascii_lowercase());
            html! { span class=(class) data-actor=(actor) title=(title) { (content) } }
        }
        Layer::Timex => {
            let t = &items(doc, "timexes")[outer.index];
            let title = format!("{} {}", text_of(t, "type"), text_of(t, "value"));
            html! { span.timex data-value=(text_of(t, "value")) title=(title) { (content) } }
        }
        Layer::Trigger => {
            let e = &items(doc, "events")[outer.index];
            let first = !std::mem::replace(&mut seen_trigger[outer.index], true);
            let id = first.then(|| format!("ev-{}", outer.index));
            let class = format!("trigger quad{}", e["quad_class"].as_u64().unwrap_or(0));
            html! { mark class=(class) id=[id] data-event=(outer.index) title=(event_label(e)) { (content) } }
        }
    }
}

/// The text a stretch `[start, end)` of characters covers.
pub fn slice(doc: &Value, span: Option<(usize, usize)>) -> String {
    let Some((a, b)) = span else { return String::new() };
    text_of(doc, "text").chars().skip(a).take(b.saturating_sub(a)).collect()
}

/// The events beside the text, each linked to its trigger and showing its evidence.
pub fn event_list(doc: &Value) -> Markup {
    let events = items(doc, "events");
    html! {
        @if events.is_empty() { p.muted { "No events coded." } }
        ol.events {
            @for (i, e) in events.iter().enumerate() {
                @let side = |k: &str| e.get(k).and_then(|a| a.get("name")).and_then(Value::as_str).unwrap_or("—").to_string();
                li class=(format!("quad{}", e["quad_class"].as_u64().unwrap_or(0))) {
                    a.evlink href=(format!("#ev-{i}")) { (event_label(e)) }
                    " " span.muted { (text_of(e, "date")) }
                    div { (side("source")) " → " (side("target")) }
                    blockquote.evidence { (slice(doc, e.get("evidence").and_then(pair))) }
                }
            }
        }
    }
}

/// The quotes beside the text, by speaker.
pub fn quote_list(doc: &Value) -> Markup {
    let quotes = items(doc, "quotes");
    html! {
        @if quotes.is_empty() { p.muted { "No quotes." } }
        ul.quotes {
            @for q in quotes {
                li {
                    b { (entity_name(doc, num(&q["speaker"])).unwrap_or("unknown speaker")) }
                    " (" (text_of(q, "kind")) "): "
                    (slice(doc, q.get("content").and_then(pair)))
                }
            }
        }
    }
}
