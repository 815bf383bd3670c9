//! Geocoding: each place mention (country, division, city) gets the gazetteer entry that fits
//! the article best and becomes a [`crate::layers::Place`].
//!
//! Among places of one name, a place in a first-level division the article names wins
//! ("Moscow" near "Idaho"), then one in a country the article names, then capitals, then the
//! most populous ("Washington" is the capital unless the article points elsewhere).

use std::collections::HashSet;

use super::gazetteer::{GazPlace, PlaceKind, name_key};
use crate::doc::Doc;
use crate::layers::{MentionKind, Place};
use crate::lexicons::Lexicons;

/// Runs the stage: fills `doc.places` and the gazetteer ids of place entities.
pub fn run(doc: &mut Doc, lex: &Lexicons) {
    let gaz = &lex.gazetteer;
    let is_place = |k: MentionKind| matches!(k, MentionKind::Gpe | MentionKind::Loc);
    // Context: countries the article names (as codes) and divisions it names.
    let mut countries: HashSet<String> = HashSet::new();
    let mut divisions: HashSet<(String, String)> = HashSet::new();
    for m in &doc.mentions {
        if let Some(iso2) = m.actor.as_deref().and_then(|a| a.get(..3)).and_then(|c| gaz.country_iso3(c)) {
            countries.insert(iso2.country.clone());
        }
        if is_place(m.kind) {
            for (_, p) in gaz.lookup(&key(doc.slice(m.span))) {
                if p.kind == PlaceKind::Admin1 {
                    divisions.insert((p.country.clone(), p.admin1.clone()));
                }
            }
        }
    }
    let score = |p: &GazPlace| {
        let division =
            divisions.contains(&(p.country.clone(), p.admin1.clone())) && p.kind != PlaceKind::Admin1;
        let (kind, population) = p.rank();
        (division, countries.contains(&p.country), kind, population)
    };
    let mut places = Vec::new();
    for mi in 0..doc.mentions.len() {
        let m = &doc.mentions[mi];
        if !is_place(m.kind) {
            continue;
        }
        let best = gaz.lookup(&key(doc.slice(m.span))).map(|(_, p)| p).max_by_key(|p| score(p));
        let Some(p) = best else { continue };
        places.push(Place {
            span: m.span,
            name: p.name.clone(),
            gazetteer_id: Some(p.id),
            country: Some(p.country.clone()),
            kind: p.kind,
            admin1: if p.kind == PlaceKind::Country { String::new() } else { p.admin1.clone() },
            lat: p.lat,
            lon: p.lon,
        });
        if let Some(e) = m.entity.and_then(|e| doc.entities.get_mut(e as usize)) {
            e.kb_id.get_or_insert_with(|| format!("geonames:{}", p.id));
        }
    }
    doc.places = places;
}

/// The lookup key of a mention's text, without a leading article.
fn key(text: &str) -> String {
    let k = name_key(text);
    match k.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => k,
    }
}
