//! The `herald.doc/1` JSON schema (documented in `docs/schema.md`).
//!
//! This is the one place where a [`Doc`] becomes JSON. Every span leaves as **character (Unicode
//! scalar) offsets, end exclusive**, so Python's `text[start:end]` gives the span; references
//! between layers are indices into the other layer's array. Every layer key is always present.

use herald::layers::EventActor;
use std::io::{self, Write};

use herald::{CharIndex, Doc, Span};
use serde::Serialize;

/// Schema identifier written in every document.
pub const SCHEMA: &str = "herald.doc/1";

#[derive(Serialize)]
struct DocJson<'a> {
    schema: &'static str,
    id: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    language: &'a str,
    text: &'a str,
    tone: Option<ToneJson>,
    sentences: Vec<SentenceJson>,
    tokens: Vec<TokenJson<'a>>,
    mentions: Vec<MentionJson<'a>>,
    entities: Vec<EntityJson<'a>>,
    timexes: Vec<TimexJson<'a>>,
    quotes: Vec<QuoteJson>,
    places: Vec<PlaceJson<'a>>,
    events: Vec<EventJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson {
    start: u32,
    end: u32,
    /// `[first, last + 1)` indices into `tokens`.
    tokens: [u32; 2],
    paragraph: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    tone: Option<f32>,
}

/// GDELT V2Tone fields plus herald's article score.
#[derive(Serialize)]
struct ToneJson {
    tone: f32,
    positive: f32,
    negative: f32,
    polarity: f32,
    activity_density: f32,
    self_group_density: f32,
    word_count: u32,
    score: f32,
}

#[derive(Serialize)]
struct TokenJson<'a> {
    start: u32,
    end: u32,
    form: &'a str,
    space_after: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fuses_next: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    upos: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xpos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lemma: Option<&'a str>,
    /// Index of the head token; `null` for a sentence root. Absent before parsing.
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<Option<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprel: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    start: u32,
    end: u32,
    kind: &'static str,
    entity: Option<u32>,
    actor: Option<&'a str>,
    role: Option<&'a str>,
    plural: bool,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    name: &'a str,
    kind: &'static str,
    actor: Option<&'a str>,
    kb_id: Option<&'a str>,
    mentions: &'a [u32],
}

#[derive(Serialize)]
struct TimexJson<'a> {
    start: u32,
    end: u32,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Option<&'a str>,
    anchor: Option<String>,
}

#[derive(Serialize)]
struct QuoteJson {
    start: u32,
    end: u32,
    content: [u32; 2],
    kind: &'static str,
    cue: Option<[u32; 2]>,
    source: Option<[u32; 2]>,
    speaker: Option<u32>,
    speaker_mention: Option<u32>,
    tone: Option<f32>,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    start: u32,
    end: u32,
    name: &'a str,
    kind: &'static str,
    geonames_id: Option<u64>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: f64,
    lon: f64,
}

#[derive(Serialize)]
struct ActorJson<'a> {
    entity: Option<u32>,
    name: &'a str,
    code: &'a str,
}

#[derive(Serialize)]
struct EventJson<'a> {
    code: &'a str,
    root_code: &'a str,
    quad_class: u8,
    goldstein: Option<f32>,
    plover: Option<&'a str>,
    mode: Option<&'a str>,
    source: Option<ActorJson<'a>>,
    target: Option<ActorJson<'a>>,
    date: Option<String>,
    date_source: &'static str,
    place: Option<u32>,
    sentence: u32,
    trigger: [u32; 2],
    evidence: [u32; 2],
    quote: Option<u32>,
    rule: &'a str,
    confidence: f32,
    tone: Option<f32>,
    mentions: u32,
    is_root: bool,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    severity: &'static str,
    stage: &'static str,
    message: &'a str,
    span: Option<[u32; 2]>,
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn actor(a: &EventActor) -> ActorJson<'_> {
    ActorJson { entity: a.entity, name: &a.name, code: &a.code }
}

/// Writes `doc` as one `herald.doc/1` JSON document (pretty-printed, or on one line) and a newline.
pub fn write(out: &mut impl Write, doc: &Doc, pretty: bool) -> io::Result<()> {
    let json = build(doc);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &json)?;
    } else {
        serde_json::to_writer(&mut *out, &json)?;
    }
    writeln!(out)
}

fn build(doc: &Doc) -> DocJson<'_> {
    let idx = CharIndex::new(&doc.text);
    let pair = |s: Span| -> [u32; 2] {
        let (a, b) = idx.chars(s);
        [a, b]
    };
    DocJson {
        schema: SCHEMA,
        id: &doc.meta.id,
        title: doc.meta.title.as_deref(),
        source: doc.meta.source.as_deref(),
        url: doc.meta.url.as_deref(),
        published: doc.meta.published.map(|d| d.to_string()),
        language: &doc.meta.language,
        text: &doc.text,
        tone: doc.tone.map(|t| ToneJson {
            tone: round2(t.tone),
            positive: round2(t.positive),
            negative: round2(t.negative),
            polarity: round2(t.polarity),
            activity_density: round2(t.activity_density),
            self_group_density: round2(t.self_group_density),
            word_count: t.word_count,
            score: round3(t.score),
        }),
        sentences: doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let [start, end] = pair(s.span);
                let tone = doc.sentence_tone.get(i).copied().map(round3);
                SentenceJson {
                    start,
                    end,
                    tokens: [s.token_start, s.token_end],
                    paragraph: s.paragraph,
                    tone,
                }
            })
            .collect(),
        tokens: doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let [start, end] = pair(t.span);
                let morph = doc.morphology.get(i);
                let dep = doc.syntax.get(i);
                TokenJson {
                    start,
                    end,
                    form: doc.slice(t.span),
                    space_after: t.space_after,
                    fuses_next: t.fuses_next,
                    upos: morph.map(|m| m.upos.as_str()),
                    xpos: morph.map(|m| m.xpos.as_str()),
                    lemma: morph.map(|m| m.lemma.as_str()),
                    head: dep.map(|d| d.head),
                    deprel: dep.map(|d| d.rel.as_str()),
                }
            })
            .collect(),
        mentions: doc
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = pair(m.span);
                MentionJson {
                    start,
                    end,
                    kind: m.kind.as_str(),
                    entity: m.entity,
                    actor: m.actor.as_deref(),
                    role: m.role.as_deref(),
                    plural: m.plural,
                }
            })
            .collect(),
        entities: doc
            .entities
            .iter()
            .map(|e| EntityJson {
                name: &e.name,
                kind: e.kind.as_str(),
                actor: e.actor.as_deref(),
                kb_id: e.kb_id.as_deref(),
                mentions: &e.mentions,
            })
            .collect(),
        timexes: doc
            .timexes
            .iter()
            .map(|t| {
                let [start, end] = pair(t.span);
                TimexJson {
                    start,
                    end,
                    kind: t.kind.as_str(),
                    value: t.value.as_deref(),
                    anchor: t.anchor.map(|d| d.to_string()),
                }
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| {
                let [start, end] = pair(q.span);
                QuoteJson {
                    start,
                    end,
                    content: pair(q.content),
                    kind: q.kind.as_str(),
                    cue: q.cue.map(pair),
                    source: q.source.map(pair),
                    speaker: q.speaker,
                    speaker_mention: q.speaker_mention,
                    tone: q.tone.map(round3),
                }
            })
            .collect(),
        places: doc
            .places
            .iter()
            .map(|p| {
                let [start, end] = pair(p.span);
                PlaceJson {
                    start,
                    end,
                    name: &p.name,
                    kind: p.kind.as_str(),
                    geonames_id: p.gazetteer_id,
                    country: p.country.as_deref(),
                    admin1: Some(p.admin1.as_str()).filter(|a| !a.is_empty()),
                    lat: p.lat,
                    lon: p.lon,
                }
            })
            .collect(),
        events: doc
            .events
            .iter()
            .map(|e| EventJson {
                code: &e.code,
                root_code: e.code.get(..2).unwrap_or(""),
                quad_class: e.quad_class,
                goldstein: e.goldstein,
                plover: e.plover.as_deref(),
                mode: e.mode.as_deref(),
                source: e.source.as_ref().map(actor),
                target: e.target.as_ref().map(actor),
                date: e.date.map(|d| d.to_string()),
                date_source: e.date_source.as_str(),
                place: e.place,
                sentence: e.sentence,
                trigger: pair(e.trigger),
                evidence: pair(e.evidence),
                quote: e.quote,
                rule: &e.rule,
                confidence: e.confidence,
                tone: e.tone.map(round3),
                mentions: e.mentions,
                is_root: e.is_root,
            })
            .collect(),
        diagnostics: doc
            .diagnostics
            .iter()
            .map(|d| DiagnosticJson {
                severity: d.severity.as_str(),
                stage: d.stage,
                message: &d.message,
                span: d.span.map(pair),
            })
            .collect(),
    }
}
