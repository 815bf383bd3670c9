//! Finds lexicon phrases in a document: actors, agents and gazetteer places, longest first and
//! never across a sentence boundary.

use std::ops::Range;

use super::lexicon::{ActorKind, Match};
use crate::doc::Doc;
use crate::layers::Upos;
use crate::lexicons::Lexicons;

/// What a hit found.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// A country name or adjective (its three-letter code).
    Country(String),
    /// A named actor of the dictionaries (index into the actor lexicon).
    Named(u32),
    /// A role noun phrase and its role code.
    Agent {
        /// Role code (`GOV`).
        code: String,
    },
    /// A place only the gazetteer knows.
    Place,
}

/// One phrase found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Token indices.
    pub tokens: Range<usize>,
    /// What it is.
    pub found: Found,
    /// The best gazetteer place with this exact name, by population (index into the gazetteer).
    pub place: Option<u32>,
}

/// Lowercase forms and lemmas of every token, computed once.
pub struct Words {
    /// Lowercase forms, with curly apostrophes straightened.
    pub lower: Vec<String>,
    /// Lowercase lemmas.
    pub lemma: Vec<String>,
}

impl Words {
    /// The words of `doc`.
    pub fn new(doc: &Doc) -> Words {
        let norm = |s: &str| s.to_lowercase().replace('’', "'");
        let lower: Vec<String> = (0..doc.tokens.len()).map(|i| norm(doc.form(i))).collect();
        let lemma = (0..doc.tokens.len())
            .map(|i| doc.morphology.get(i).map_or_else(|| lower[i].clone(), |m| norm(&m.lemma)))
            .collect();
        Words { lower, lemma }
    }
}

/// The role code of the phrase ending at token `end - 1` (its last two words, else its last
/// word, as written or as lemma), with the role phrase.
pub fn role_at_end(lex: &Lexicons, words: &Words, start: usize, end: usize) -> Option<(String, String)> {
    let agent = |phrase: &str| lex.actors.agent(phrase).map(|code| (code.to_string(), phrase.to_string()));
    let last = end.checked_sub(1)?;
    let two = (last > start).then(|| format!("{} {}", words.lower[last - 1], words.lower[last]));
    let two_lemma = (last > start).then(|| format!("{} {}", words.lower[last - 1], words.lemma[last]));
    two.and_then(|p| agent(&p))
        .or_else(|| two_lemma.and_then(|p| agent(&p)))
        .or_else(|| agent(&words.lower[last]))
        .or_else(|| agent(&words.lemma[last]))
}

/// Whether token `i` is capitalized as a name is (`Moscow`, `U.S.`, `al-Qaeda` is not).
pub fn capitalized(doc: &Doc, i: usize) -> bool {
    doc.form(i).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every hit in `doc`, in text order, without overlaps.
pub fn scan(doc: &Doc, lex: &Lexicons, words: &Words) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut key = String::new();
    let lower: Vec<&str> = words.lower.iter().map(String::as_str).collect();
    let lemma: Vec<&str> = words.lemma.iter().map(String::as_str).collect();
    for s in &doc.sentences {
        let range = s.tokens();
        let mut i = range.start;
        while i < range.end {
            let end = range.end;
            let lexical = lex.actors.longest_match(&lower[i..end], &lemma[i..end], &mut key);
            let place = place_match(doc, lex, &lower[i..end], i, &mut key);
            // A named phrase must be written as a name.
            let named_ok = capitalized(doc, i);
            let lexical = lexical.and_then(|(n, m)| match m {
                Match::Actor(a) if named_ok => {
                    let actor = lex.actors.actor(a)?;
                    let found = match actor.kind {
                        ActorKind::Country => {
                            Found::Country(actor.entry.code_on(doc.meta.published)?.to_string())
                        }
                        ActorKind::Named => Found::Named(a),
                    };
                    Some((n, found))
                }
                Match::Actor(_) => None,
                Match::Agent { code, .. } => Some((n, Found::Agent { code: code.to_string() })),
            });
            match (lexical, place) {
                (Some((n, found)), place) => {
                    let place = place.filter(|(pn, _)| *pn == n).map(|(_, p)| p);
                    hits.push(Hit { tokens: i..i + n, found, place });
                    i += n;
                }
                (None, Some((n, p))) => {
                    hits.push(Hit { tokens: i..i + n, found: Found::Place, place: Some(p) });
                    i += n;
                }
                (None, None) => i += 1,
            }
        }
    }
    hits
}

/// The longest gazetteer name at `words[0]` written as a proper noun, with its most populous
/// place (a capital or country first).
fn place_match(
    doc: &Doc,
    lex: &Lexicons,
    words: &[&str],
    at: usize,
    key: &mut String,
) -> Option<(usize, u32)> {
    // "New/ADJ/NNP Orleans", "United/ADJ/NNP States": a proper-noun tag counts too.
    let propn = |i: usize| {
        doc.morphology
            .get(i)
            .is_none_or(|m| matches!(m.upos, Upos::Propn | Upos::Noun) || m.xpos.starts_with("NNP"))
    };
    if !capitalized(doc, at) || !propn(at) {
        return None;
    }
    lex.gazetteer.longest_at(words, key)
}
