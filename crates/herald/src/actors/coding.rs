//! Coding one mention: the title or description written before a name (or in apposition after
//! it), the dictionaries, and a place's government, into its CAMEO actor code.

use std::ops::Range;

use super::code::Stated;
use super::scan::{Found, Hit, Words};
use super::{Work, lexicon, locative, same_sentence};
use crate::doc::Doc;
use crate::geo::PlaceKind;
use crate::layers::{MentionKind, Upos};
use crate::lexicons::Lexicons;

/// The first token of the title or description before `start`: nouns, adjectives, names,
/// numbers and possessive `'s`, up to and including a determiner or possessive pronoun, never
/// into another person's name.
pub(super) fn chain_left(doc: &Doc, start: usize, work: &[Work]) -> usize {
    let mut j = start;
    while j > 0 && same_sentence(doc, j - 1, start) {
        let t = j - 1;
        if work.iter().any(|w| w.kind == MentionKind::Person && w.tokens.contains(&t)) {
            break;
        }
        let form = doc.form(t);
        match doc.upos(t) {
            Some(Upos::Propn | Upos::Noun | Upos::Adj | Upos::Num) => j = t,
            Some(Upos::Part) if matches!(form, "'s" | "’s") => j = t,
            Some(Upos::Det) => return t,
            Some(Upos::Pron) if doc.morphology.get(t).is_some_and(|m| m.xpos == "PRP$") => return t,
            _ => break,
        }
    }
    j
}

/// The first token of the title before the name at `start`: [`chain_left`], also across
/// lowercase adjectives joined by "and" ("Ithilen's awful and evil minister Calimehtar"; not
/// "British and American troops", two parties).
fn title_left(doc: &Doc, start: usize, work: &[Work]) -> usize {
    let mut j = chain_left(doc, start, work);
    let plain_adjective =
        |t: usize| doc.upos(t) == Some(Upos::Adj) && doc.form(t).starts_with(char::is_lowercase);
    while j >= 2 && j < start && doc.form(j - 1) == "and" && plain_adjective(j - 2) && plain_adjective(j) {
        j = chain_left(doc, j - 1, work);
    }
    j
}

/// An apposition after a name: `, (the|a) … role,` → its tokens.
pub(super) fn appositive_right(doc: &Doc, end: usize, hits: &[Hit]) -> Option<Range<usize>> {
    if doc.form(end) != "," || !same_sentence(doc, end, end + 1) {
        return None;
    }
    let mut j = end + 1;
    if matches!(doc.upos(j), Some(Upos::Det)) {
        j += 1;
    }
    let start = j;
    while j < doc.tokens.len()
        && same_sentence(doc, start, j)
        && matches!(doc.upos(j), Some(Upos::Propn | Upos::Noun | Upos::Adj))
    {
        j += 1;
    }
    let ends_in_role = hits.iter().any(|h| h.tokens.end == j && matches!(h.found, Found::Agent { .. }));
    (j > start && ends_in_role).then_some(start..j)
}

/// Codes mention `i`; returns the tokens of the title or description that coded it.
pub(super) fn code_mention(
    doc: &Doc,
    lex: &Lexicons,
    hits: &[Hit],
    words: &Words,
    work: &mut [Work],
    i: usize,
) -> Range<usize> {
    let date = doc.meta.published;
    let w = work[i].clone();
    let read = |r: Range<usize>| Stated::read(doc, r, lex, words, date);
    // The dictionary entry naming the mention itself (its last word: `Putin`, `Department`).
    let own = hits
        .iter()
        .find(|h| h.tokens.contains(&(w.tokens.end - 1)) && matches!(h.found, Found::Named(_)))
        .and_then(|h| match h.found {
            Found::Named(a) => lex.actors.code_on(a, date).map(|c| (h.tokens.clone(), c.to_string())),
            _ => None,
        });
    let (actor, role, chain) = match w.kind {
        MentionKind::Person => {
            let chain = chain_left(doc, w.tokens.start, work)..w.tokens.start;
            let mut stated = read(chain.clone());
            if let Some(app) = appositive_right(doc, w.tokens.end, hits) {
                let more = read(app);
                stated.country = stated.country.or(more.country);
                stated.roles.extend(more.roles);
                stated.org = stated.org.or(more.org);
                stated.role_phrase = stated.role_phrase.or(more.role_phrase);
            }
            let explicit = stated.country.is_some() && (!stated.roles.is_empty() || stated.org.is_some());
            let actor = if explicit {
                stated.code()
            } else {
                own.map(|(_, c)| with_title(c, &stated)).or_else(|| stated.code())
            };
            (actor, stated.role_phrase, chain)
        }
        MentionKind::Org => {
            let whole = own.as_ref().is_some_and(|(r, _)| r.start <= w.tokens.start);
            let chain = chain_left(doc, w.tokens.start, work)..w.tokens.end;
            let actor = if whole {
                // A dictionary name coded by country alone takes the role of its title ("Bree
                // Prime Minister Romendacil", Romendacil [BRE] → BREGOV).
                let title = read(chain_left(doc, w.tokens.start, work)..w.tokens.start);
                own.map(|(_, c)| with_title(c, &title))
            } else {
                read(chain.clone()).code()
            };
            (actor, None, chain)
        }
        MentionKind::Gpe | MentionKind::Loc | MentionKind::Norp => {
            // A name some dictionaries code by its country alone, after a title: "Bree
            // President Romendacil" (Romendacil [BRE]) is the president.
            let title = title_left(doc, w.tokens.start, work)..w.tokens.start;
            let stated = if title.is_empty() { None } else { Some(read(title.clone())) };
            match (place_actor(doc, lex, hits, words, &w), stated) {
                // A title that names whose officer this is says who this is, as for a person
                // ("Ithilen's minister Calimehtar"; not "Faroe Islands v Switzerland").
                (Some(_), Some(t))
                    if t.country.is_some()
                        && !t.roles.is_empty()
                        && title.clone().any(|k| matches!(doc.form(k), "'s" | "’s")) =>
                {
                    (t.code(), None, title)
                }
                (Some(code), Some(t)) if !t.roles.is_empty() => (Some(with_title(code, &t)), None, title),
                (actor, _) => (actor, None, 0..0),
            }
        }
        MentionKind::Role => {
            let stated = read(w.tokens.clone());
            if stated.code().is_none() {
                work[i].agent = stated.roles.first().cloned();
            }
            (stated.code(), stated.role_phrase, w.tokens.clone())
        }
        MentionKind::Pronoun => (None, None, 0..0),
    };
    if w.kind == MentionKind::Loc && actor.is_some() {
        work[i].kind = MentionKind::Gpe;
    }
    work[i].actor = actor;
    work[i].role = role;
    chain
}

/// A dictionary code that is a bare country (`BRE`) with the first role of the title written
/// before the name (`GOV`); any other code as it is.
pub(super) fn with_title(code: String, title: &Stated) -> String {
    match title.roles.first() {
        Some(role) if code.len() == 3 && title.country.as_deref().is_none_or(|c| c == code) => {
            format!("{code}{role}")
        }
        _ => code,
    }
}

/// The country whose name is exactly these words.
pub(super) fn country_named(
    lex: &Lexicons,
    words: &Words,
    tokens: Range<usize>,
    date: Option<crate::date::Date>,
) -> Option<String> {
    let (lower, lemma) = (&words.lower[tokens.clone()], &words.lemma[tokens.clone()]);
    match lex.actors.longest_match(lower, lemma, &mut String::new())? {
        (n, lexicon::Match::Actor(a)) if n == tokens.len() => {
            let actor = lex.actors.actor(a).filter(|a| a.kind == lexicon::ActorKind::Country)?;
            actor.entry.code_on(date).map(String::from)
        }
        _ => None,
    }
}

/// A country or place as an actor: its country code, and its government when a capital or
/// country is the one acting rather than where something happens.
pub(super) fn place_actor(
    doc: &Doc,
    lex: &Lexicons,
    hits: &[Hit],
    words: &Words,
    w: &Work,
) -> Option<String> {
    let hit = hits.iter().find(|h| h.tokens == w.tokens);
    let place = hit.and_then(|h| h.place).and_then(|p| lex.gazetteer.place(p));
    let country = match hit.map(|h| &h.found) {
        Some(Found::Country(c)) => c.clone(),
        _ => match place {
            Some(p) => lex.gazetteer.country_iso2(&p.country)?.admin1.clone(),
            // A country the scan read as part of a longer phrase ("US" of "US President").
            None => country_named(lex, words, w.tokens.clone(), doc.meta.published)?,
        },
    };
    let capital = place.is_some_and(|p| p.kind == PlaceKind::Capital);
    // "Amsterdam-based", "Moscow-born": where, not who ("Moscow-backed" stays the government).
    let end = w.tokens.end;
    let located = doc.form(end) == "-"
        && matches!(doc.form(end + 1), "based" | "born" | "headquartered" | "registered" | "listed");
    if capital && w.kind == MentionKind::Gpe && !locative(doc, w.tokens.start) && !located {
        return Some(format!("{country}GOV"));
    }
    Some(country)
}
