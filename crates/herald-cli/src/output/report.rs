//! The readable report of `herald analyze --format text`: a header, then one section per layer
//! that has something to show. Later stages add their sections here (events as a dated timeline,
//! quotes by speaker, entities with codes).

use std::io::{self, Write};

use herald::Doc;

/// Writes the report of `doc`.
pub fn write(out: &mut impl Write, doc: &Doc) -> io::Result<()> {
    let title = doc.meta.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count().clamp(8, 100)))?;
    let published = doc.meta.published.map_or_else(|| "unknown".to_string(), |d| d.to_string());
    write!(out, "id: {}  published: {published}", doc.meta.id)?;
    if let Some(source) = &doc.meta.source {
        write!(out, "  source: {source}")?;
    }
    if let Some(url) = &doc.meta.url {
        write!(out, "  url: {url}")?;
    }
    writeln!(out)?;
    let paragraphs = doc.sentences.last().map_or(0, |s| s.paragraph + 1);
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} tokens",
        paragraphs,
        doc.sentences.len(),
        doc.written_token_count()
    )?;
    if let Some(t) = doc.tone {
        writeln!(
            out,
            "tone {:+.2} (positive {:.2}%, negative {:.2}%, polarity {:.2}%; score {:+.2})",
            t.tone, t.positive, t.negative, t.polarity, t.score
        )?;
    }
    if !doc.sentences.is_empty() {
        writeln!(out, "\nSentences (tone in [-1, 1])")?;
        let width = doc.sentences.len().to_string().len();
        for (i, s) in doc.sentences.iter().enumerate() {
            let text = doc.slice(s.span).split_whitespace().collect::<Vec<_>>().join(" ");
            let tone = doc.sentence_tone.get(i).map_or_else(String::new, |t| format!("{t:+.2}"));
            writeln!(out, "  {:>width$}  {tone:>5}  {text}", i + 1)?;
        }
    }
    write_entities(out, doc)?;
    write_quotes(out, doc)?;
    write_events(out, doc)?;
    if !doc.timexes.is_empty() {
        writeln!(out, "\nTime expressions")?;
        for t in &doc.timexes {
            let value = t.value.as_deref().unwrap_or("(unresolved)");
            writeln!(out, "  {value:<22} {:<9} {}", t.kind.as_str(), doc.slice(t.span))?;
        }
    }
    if !doc.diagnostics.is_empty() {
        writeln!(out, "\nDiagnostics")?;
        for d in &doc.diagnostics {
            writeln!(out, "  {}: {}: {}", d.severity.as_str(), d.stage, d.message)?;
        }
    }
    Ok(())
}

/// Entities with their type, actor code and mentions; then places with coordinates.
fn write_entities(out: &mut impl Write, doc: &Doc) -> io::Result<()> {
    if !doc.entities.is_empty() {
        writeln!(out, "\nEntities (type, actor code, mentions)")?;
        for e in &doc.entities {
            let code = e.actor.as_deref().unwrap_or("-");
            let mut seen: Vec<String> = Vec::new();
            for &m in &e.mentions {
                let text = doc.mentions.get(m as usize).map_or("", |m| doc.slice(m.span));
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !seen.contains(&text) {
                    seen.push(text);
                }
            }
            let name = e.name.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(
                out,
                "  {:<4} {code:<9} {name} ×{}: {}",
                e.kind.as_str(),
                e.mentions.len(),
                seen.join(" | ")
            )?;
        }
    }
    if !doc.places.is_empty() {
        writeln!(out, "\nPlaces (GeoNames)")?;
        let mut seen = Vec::new();
        for p in &doc.places {
            if seen.contains(&p.gazetteer_id) {
                continue;
            }
            seen.push(p.gazetteer_id);
            let country = p.country.as_deref().unwrap_or("-");
            let id = p.gazetteer_id.map_or_else(String::new, |i| i.to_string());
            writeln!(out, "  {:<24} {country}  {:>8.4} {:>9.4}  geonames:{id}", p.name, p.lat, p.lon)?;
        }
    }
    Ok(())
}

/// Quotes grouped by speaker, speakers in order of their first quote.
fn write_quotes(out: &mut impl Write, doc: &Doc) -> io::Result<()> {
    if doc.quotes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nQuotes by speaker")?;
    let mut speakers: Vec<Option<u32>> = Vec::new();
    for q in &doc.quotes {
        if !speakers.contains(&q.speaker) {
            speakers.push(q.speaker);
        }
    }
    for sp in speakers {
        let name = match sp.and_then(|e| doc.entities.get(e as usize)) {
            Some(e) => format!("{} ({})", e.name, e.actor.as_deref().unwrap_or("-")),
            None => "(speaker unknown)".to_string(),
        };
        writeln!(out, "  {name}")?;
        for q in doc.quotes.iter().filter(|q| q.speaker == sp) {
            let text = doc.slice(q.content).split_whitespace().collect::<Vec<_>>().join(" ");
            let cue = q.cue.map_or_else(String::new, |c| format!(" [{}]", doc.slice(c)));
            writeln!(out, "    {:<8} {text}{cue}", q.kind.as_str())?;
        }
    }
    Ok(())
}

/// Events as a timeline: date (and where it comes from), code, source → target, place, evidence.
fn write_events(out: &mut impl Write, doc: &Doc) -> io::Result<()> {
    if doc.events.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nEvents (date, CAMEO code, PLOVER, source -> target, place)")?;
    let mut events: Vec<&herald::layers::Event> = doc.events.iter().collect();
    events.sort_by_key(|e| (e.date, e.sentence));
    for e in events {
        let date = e.date.map_or_else(|| "????-??-??".to_string(), |d| d.to_string());
        let who = |a: &Option<herald::layers::EventActor>| {
            a.as_ref().map_or_else(|| "-".to_string(), |a| a.code.clone())
        };
        let place = e
            .place
            .and_then(|p| doc.places.get(p as usize))
            .map_or_else(String::new, |p| format!(" @ {}", p.name));
        let plover = e.plover.as_deref().unwrap_or("-");
        let trigger = doc.slice(e.trigger);
        writeln!(
            out,
            "  {date} ({:<9}) {:<5} {plover:<10} {} -> {}{place}  [{trigger}; {}]{}",
            e.date_source.as_str(),
            e.code,
            who(&e.source),
            who(&e.target),
            e.rule,
            if e.mentions > 1 { format!(" ×{}", e.mentions) } else { String::new() }
        )?;
    }
    Ok(())
}
