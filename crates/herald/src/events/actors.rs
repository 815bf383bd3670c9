//! The actors of an event: a token's mention and entity, with the actors joined to it by
//! "and" and a bare role's country from its place ("activists in Arnor" → `ARNOPP`).

use super::{children, lemma};
use crate::doc::Doc;
use crate::layers::{EventActor, Mention, MentionKind};
use crate::quotes::tree::Tree;

/// The actor a token names: the entity of the most specific mention holding it, else a
/// mention inside its phrase.
pub(super) fn actor_at(doc: &Doc, tree: &Tree, t: usize) -> Option<EventActor> {
    let at = doc.tokens.get(t)?.span;
    let phrase = tree.subtree(t);
    let span = doc.tokens.get(phrase.start)?.span.cover(doc.tokens.get(phrase.end.checked_sub(1)?)?.span);
    let holding = holding_mention(doc, t);
    let inside = || {
        doc.mentions
            .iter()
            .filter(|m| span.contains(m.span) && m.kind != MentionKind::Pronoun || m.span.contains(at))
            .find(|m| code_of(doc, m).is_some())
    };
    let m = holding.filter(|m| code_of(doc, m).is_some()).or_else(inside)?;
    let code = code_of(doc, m)?;
    Some(event_actor(doc, m, code))
}

/// A country word heading a name that holds its own official ("Bree President Romendacil",
/// parsed with "Bree" as the head) gives way to the official's fuller code (`BREGOV`). Only the
/// words of the name itself count, not clauses on it ("Russia, whose army…").
fn official_in_name(doc: &Doc, tree: &Tree, t: usize, a: EventActor) -> EventActor {
    if a.code.len() != 3 {
        return a;
    }
    let mut name = vec![t];
    let mut k = 0;
    while let Some(&w) = name.get(k) {
        // A name the parser hung as an unmarked nmod ("Bree Prime Minister Romendacil") is still
        // the name: a modifier with a preposition or a possessive is not.
        let unmarked = |c: usize| doc.rel(c) == "nmod" && !children(tree, c).any(|g| doc.rel(g) == "case");
        name.extend(
            children(tree, w)
                .filter(|&c| matches!(doc.rel(c), "flat" | "compound" | "nmod:desc") || unmarked(c)),
        );
        k += 1;
    }
    let in_name = |x: &Mention| doc.token_range(x.span).all(|w| name.contains(&w));
    doc.mentions
        .iter()
        .filter(|x| in_name(x))
        .find_map(|x| {
            code_of(doc, x).filter(|c| c.len() > 3 && c.starts_with(&a.code)).map(|c| event_actor(doc, x, c))
        })
        .unwrap_or(a)
}

/// The actor of mention `m` with `code`, named by its entity (else by the mention's words).
pub(super) fn event_actor(doc: &Doc, m: &Mention, code: String) -> EventActor {
    let name = m
        .entity
        .and_then(|e| doc.entities.get(e as usize))
        .map_or_else(|| doc.slice(m.span).to_string(), |e| e.name.clone());
    EventActor { entity: m.entity, name, code }
}

/// The code of mention `m` as an actor of a deed: its entity's, else its own, else the bare
/// role code of a description that names no country ("police arrested" → `COP`).
pub(super) fn code_of(doc: &Doc, m: &Mention) -> Option<String> {
    named_code_of(doc, m).or_else(|| m.agent.clone())
}

/// Whether an actor is an entity with an actor code (a country or a known actor), not a bare
/// role ("officials").
pub(super) fn named_code_of_actor(doc: &Doc, a: &EventActor) -> bool {
    a.entity.and_then(|e| doc.entities.get(e as usize)).is_some_and(|e| e.actor.is_some())
}

/// The code of mention `m` when it names a country or a known actor. Statements need one:
/// "officials said" with no country is background, not an event.
pub(super) fn named_code_of(doc: &Doc, m: &Mention) -> Option<String> {
    m.entity
        .and_then(|e| doc.entities.get(e as usize))
        .and_then(|e| e.actor.clone())
        .or_else(|| m.actor.clone())
}

/// The actors a token names, with those joined to it by "and" ("Arnor and Gondor"). A bare
/// role placed by a preposition takes the country of its place: "activists in Arnor" →
/// `ARNOPP`, "lawmakers in Arnor and Gondor" → `ARNLEG`, `GONLEG`, "soldiers from Gondor" →
/// `GONMIL`.
pub(super) fn actors_at(doc: &Doc, tree: &Tree, t: usize) -> Vec<EventActor> {
    let mut out: Vec<EventActor> = Vec::new();
    // An apposition naming another country is a list the parser misread ("Evil Mordor, the
    // awful Arnor, and good Gondor"); one naming the same country restates it ("Putin, the
    // Russian president").
    let country = |a: Option<EventActor>| a.and_then(|a| a.code.get(..3).map(str::to_string));
    let listed = |c: usize| {
        doc.rel(c) == "conj"
            || doc.rel(c) == "appos"
                && country(actor_here_only(doc, c))
                    .is_some_and(|k| Some(k) != country(actor_here(doc, tree, t)))
    };
    for n in std::iter::once(t).chain(children(tree, t).filter(|&c| listed(c))) {
        let one = if n == t { actor_here(doc, tree, n) } else { actor_at(doc, tree, n) };
        let one = one.map(|a| official_in_name(doc, tree, n, a));
        if n == t
            && let Some(a) = &one
        {
            out.extend(joined_countries(doc, tree, n, a));
        }
        let Some(a) = one else { continue };
        let mut placed = if is_bare_role(doc, &a) { placed_roles(doc, tree, n, &a) } else { Vec::new() };
        // "The Danish media and government": a bare role joined to a country's role shares
        // the country (DNKMED, DNKGOV).
        if placed.is_empty()
            && n != t
            && is_bare_role(doc, &a)
            && let Some(country) = out.first().and_then(|f| f.code.get(..3).filter(|_| f.code.len() == 6))
        {
            placed.push(EventActor { code: format!("{country}{}", a.code), ..a.clone() });
        }
        add_new(&mut out, if placed.is_empty() { vec![a] } else { placed });
    }
    out
}

/// Whether an actor is a role with no country ("activists" → `OPP`).
pub(super) fn is_bare_role(doc: &Doc, a: &EventActor) -> bool {
    !named_code_of_actor(doc, a) && a.code.len() == 3
}

/// The role `a` at token `n` for each country its "of", "from" or "in" phrase names (the first
/// of these that names one: "the parliament of Gondor in Eriador" is Gondor's).
pub(super) fn placed_roles(doc: &Doc, tree: &Tree, n: usize, a: &EventActor) -> Vec<EventActor> {
    let case = |c: usize| {
        children(tree, c)
            .filter(|&k| doc.rel(k) == "case")
            .find_map(|k| ["of", "from", "in"].iter().position(|p| *p == lemma(doc, k).as_str()))
    };
    let mut places: Vec<(usize, usize)> = children(tree, n)
        .filter(|&c| matches!(doc.rel(c), "nmod" | "obl"))
        .filter_map(|c| case(c).map(|rank| (rank, c)))
        .collect();
    places.sort_unstable();
    for (_, p) in places {
        let out: Vec<EventActor> = actors_at(doc, tree, p)
            .into_iter()
            .filter(|country| country.code.len() == 3 && !is_bare_role(doc, country))
            .map(|country| EventActor { code: format!("{}{}", country.code, a.code), ..a.clone() })
            .collect();
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// The actor a token names, not looking into conjoined phrases.
pub(super) fn actor_here(doc: &Doc, tree: &Tree, t: usize) -> Option<EventActor> {
    actor_here_only(doc, t).or_else(|| actor_at(doc, tree, t))
}

/// The actor of the smallest mention holding token `t` itself, without looking into its phrase.
pub(super) fn actor_here_only(doc: &Doc, t: usize) -> Option<EventActor> {
    let m = holding_mention(doc, t)?;
    code_of(doc, m).map(|code| event_actor(doc, m, code))
}

/// The smallest mention holding token `t`.
fn holding_mention(doc: &Doc, t: usize) -> Option<&Mention> {
    let at = doc.tokens.get(t)?.span;
    doc.mentions.iter().filter(|m| m.span.contains(at)).min_by_key(|m| m.span.len())
}

/// "German and French leaders": the actor `a` of a noun ("French leaders", `FRAGOV`) for each
/// other country its modifiers join by "and" (`DEUGOV`), in reading order.
fn joined_countries(doc: &Doc, tree: &Tree, n: usize, a: &EventActor) -> Vec<EventActor> {
    let (Some(own), Some(role)) = (a.code.get(..3), a.code.get(3..)) else { return Vec::new() };
    let mut out: Vec<EventActor> = Vec::new();
    for m in children(tree, n).filter(|&c| matches!(doc.rel(c), "amod" | "compound" | "nmod:poss")) {
        let joined: Vec<usize> = children(tree, m).filter(|&c| doc.rel(c) == "conj").collect();
        if joined.is_empty() {
            continue;
        }
        for k in std::iter::once(m).chain(joined) {
            let Some(country) =
                actor_here_only(doc, k).filter(|c| c.code.len() == 3 && named_code_of_actor(doc, c))
            else {
                continue;
            };
            let code = format!("{}{role}", country.code);
            if country.code != own && !out.iter().any(|o| o.code == code) {
                out.push(EventActor { code, ..country });
            }
        }
    }
    out
}

/// Appends the actors of `more` whose code `out` does not have yet.
pub(super) fn add_new(out: &mut Vec<EventActor>, more: impl IntoIterator<Item = EventActor>) {
    for a in more {
        if !out.iter().any(|o| o.code == a.code) {
            out.push(a);
        }
    }
}
