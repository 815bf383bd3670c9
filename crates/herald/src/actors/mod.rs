//! Actors: the stage that turns named-entity spans, lexicon phrases, role descriptions and
//! pronouns into [`crate::Doc::mentions`], each coded with the CAMEO actor code its words state.
//!
//! A mention's code comes from, in order: the title and country written before a name ("US
//! President Donald Trump" → `USAGOV`) or in apposition after it; the dictionaries (Phoenix and
//! herald's own, with dated roles: Putin is `RUSGOV` after 2008-05-08); the country and role
//! nouns of a description ("significant Russian oil firms" → `RUSBUS`). A capital or country
//! named as the one who acts is its government ("Moscow has asserted" → `RUSGOV`); after "in",
//! "at", "from" it is a place. Coreference ([`crate::coref`]) then carries codes to the mentions
//! that state none ("she", "the president").

pub mod code;
mod coding;
pub mod dictionary;
pub mod lexicon;
mod names;
pub mod scan;

use std::ops::Range;

use self::coding::{chain_left, code_mention};
use self::names::{named_from_recognizer, timex_tokens};
use self::scan::{Found, Hit, Words, capitalized};
use crate::doc::Doc;
use crate::geo::PlaceKind;
use crate::layers::{Mention, MentionKind, Upos};
use crate::lexicons::Lexicons;

/// Currency nouns: a country word before one names the money ("Japanese yen").
const CURRENCIES: &[&str] = &[
    "crown", "crowns", "currency", "dinar", "dinars", "dollar", "dollars", "euro", "euros", "franc",
    "francs", "krona", "krone", "lira", "lire", "mark", "marks", "peso", "pesos", "pound", "pounds", "rand",
    "real", "reais", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees", "shekel", "shekels",
    "sterling", "won", "yen", "yuan",
];

fn is_place_kind(kind: MentionKind) -> bool {
    matches!(kind, MentionKind::Gpe | MentionKind::Loc | MentionKind::Norp)
}

/// Prepositions after which a place name is where something happens, not who acts.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "outside",
    "inside",
    "across",
    "around",
    "toward",
    "towards",
    "via",
    "through",
    "throughout",
    "within",
    "between",
    "off",
    "visit",
    "visited",
    "visiting",
    "arrived",
    "left",
];

/// Pronouns that can refer to people or groups, lowercase.
const PRONOUNS: &[&str] =
    &["he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "themselves"];

/// A mention being built.
#[derive(Clone, Debug)]
struct Work {
    tokens: Range<usize>,
    kind: MentionKind,
    actor: Option<String>,
    role: Option<String>,
    agent: Option<String>,
    plural: bool,
}

impl Work {
    /// A name of `kind` over `tokens`, not yet coded.
    fn named(tokens: Range<usize>, kind: MentionKind) -> Work {
        Work { tokens, kind, actor: None, role: None, agent: None, plural: false }
    }
}

/// Runs the stage: replaces `doc.mentions` (the recognizer's spans) with coded mentions.
pub fn run(doc: &mut Doc, lex: &Lexicons) {
    if doc.tokens.is_empty() {
        return;
    }
    let words = Words::new(doc);
    let in_timex = timex_tokens(doc);
    // A dictionary or gazetteer word inside a time expression is the time ("in the March 16
    // week" is no town of March).
    let mut hits = scan::scan(doc, lex, &words);
    hits.retain(|h| !h.tokens.clone().all(|t| in_timex[t]));
    let mut work = named_from_recognizer(doc, &in_timex);
    drop_descriptions(lex, &words, &hits, &mut work);
    add_lexical(doc, lex, &hits, &words, &mut work);
    add_missed_speakers(doc, &in_timex, &mut work);
    trim_titles(doc, lex, &words, &mut work);
    add_repeated_surnames(doc, &words, &mut work);
    add_roles(doc, &hits, &mut work);
    add_pronouns(doc, &words, &mut work);
    work.sort_by_key(|w| (w.tokens.start, std::cmp::Reverse(w.tokens.end)));
    let mut covered = vec![false; doc.tokens.len()];
    for i in 0..work.len() {
        let chain = code_mention(doc, lex, &hits, &words, &mut work, i);
        for t in chain {
            covered[t] = true;
        }
    }
    // An adjective of nationality inside another mention's title or description is part of it
    // ("Russian" in "Russian oil firms"); a country named there ("US" in "US President Donald
    // Trump") is still a mention of the country.
    work.retain(|w| !(w.kind == MentionKind::Norp && w.tokens.clone().all(|t| covered[t])));
    // A country that names a currency ("the U.S. dollar", "Swiss francs", "New Zealand dollars")
    // is neither an actor nor a place. (Not "China lent Russia dollars 6bn", nor the verbs of
    // "China won", "Russia marks Victory Day".)
    let currency = |w: &Work| {
        let next = w.tokens.end;
        CURRENCIES.contains(&doc.form(next).to_lowercase().as_str())
            && matches!(doc.upos(next), Some(Upos::Noun | Upos::Propn))
            && (doc.head(next - 1) == Some(next) || doc.head(next - 1) == doc.head(next))
            && !doc.form(next + 1).starts_with(|c: char| c.is_ascii_digit())
    };
    work.retain(|w| !(is_place_kind(w.kind) && currency(w)));
    doc.mentions = work
        .into_iter()
        .filter_map(|w| {
            let first = doc.tokens.get(w.tokens.start)?;
            let last = doc.tokens.get(w.tokens.end.checked_sub(1)?)?;
            let mut m = Mention::new(first.span.cover(last.span), w.kind);
            m.actor = w.actor;
            m.role = w.role;
            m.agent = w.agent;
            m.plural = w.plural;
            Some(m)
        })
        .collect();
}

/// Drops recognizer spans made only of country words and role nouns ("US President", "American
/// president"): they are titles and descriptions, which [`add_roles`] reads as such.
fn drop_descriptions(lex: &Lexicons, words: &Words, hits: &[Hit], work: &mut Vec<Work>) {
    let describes = |h: &Hit| match h.found {
        Found::Agent { .. } => true,
        Found::Named(_) => scan::role_at_end(lex, words, h.tokens.start, h.tokens.end).is_some(),
        Found::Country(_) | Found::Place => false,
    };
    work.retain(|w| {
        let inside: Vec<&Hit> = hits
            .iter()
            .filter(|h| w.tokens.start <= h.tokens.start && h.tokens.end <= w.tokens.end)
            .collect();
        let covered: usize = inside.iter().map(|h| h.tokens.len()).sum();
        let descriptive = inside.iter().all(|h| matches!(h.found, Found::Country(_)) || describes(h));
        let role = inside.iter().any(|h| describes(h));
        !(covered == w.tokens.len() && descriptive && role)
    });
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Countries, dictionary actors and gazetteer places as mentions, merged with the recognizer's.
fn add_lexical(doc: &Doc, lex: &Lexicons, hits: &[Hit], words: &Words, work: &mut Vec<Work>) {
    for h in hits {
        let place = h.place.and_then(|p| lex.gazetteer.place(p));
        let kind = match &h.found {
            Found::Agent { .. } => continue,
            // A country's name is a place the gazetteer knows ("Russia", "Moscow"), an acronym
            // ("US", "U.S.") or a singular proper noun ("America", "West Bank", "Kerala"); its
            // other words are nationalities ("Russian", "Palestinians").
            Found::Country(_) if h.place.is_none() && demonym(doc, h.tokens.clone()) => MentionKind::Norp,
            Found::Country(_) => MentionKind::Gpe,
            Found::Named(_)
                if scan::role_at_end(lex, words, h.tokens.start, h.tokens.end).is_some()
                    && (before_name(doc, h.tokens.end - 1)
                        || !is_last_of_name(doc, lex, words, h.tokens.end - 1)) =>
            {
                // A dictionary phrase ending in a role noun is a title before a name ("US
                // President Donald Trump") or a description ("the American president"); a
                // recognizer "person" inside it is the organization of the title ("White House").
                for w in work.iter_mut() {
                    let inside = h.tokens.start <= w.tokens.start && w.tokens.end <= h.tokens.end;
                    if inside && w.kind == MentionKind::Person {
                        w.kind = MentionKind::Org;
                    }
                }
                let last = h.tokens.end - 1;
                if before_name(doc, last) {
                    continue;
                }
                let role = description(doc, h, work);
                work.push(role);
                continue;
            }
            Found::Named(a) => {
                let dated =
                    lex.actors.actor(*a).is_some_and(|a| a.entry.codes.iter().any(|c| c.from.is_some()));
                if dated { MentionKind::Person } else { MentionKind::Org }
            }
            Found::Place => MentionKind::Gpe,
        };
        let over: Vec<usize> = (0..work.len()).filter(|&i| overlaps(&work[i].tokens, &h.tokens)).collect();
        if over.is_empty() {
            let accept = match &h.found {
                Found::Place => place.is_some_and(|p| {
                    let big = matches!(p.kind, PlaceKind::Country | PlaceKind::Capital | PlaceKind::Admin1)
                        || p.population >= 1_000_000;
                    big || locative(doc, h.tokens.start)
                }),
                _ => true,
            };
            if accept {
                work.push(Work {
                    tokens: h.tokens.clone(),
                    kind,
                    actor: None,
                    role: None,
                    agent: None,
                    plural: false,
                });
            }
            continue;
        }
        for i in over {
            let w = &mut work[i];
            let inside = w.tokens.start <= h.tokens.start && h.tokens.end <= w.tokens.end;
            let contains = h.tokens.start <= w.tokens.start && w.tokens.end <= h.tokens.end;
            // "Evil Mordor", "mighty Russia": adjectives the recognizer took into a country's name
            // are no part of it, unless they are the kind that make names ("New England", "Real
            // Madrid") or are capitalized mid-sentence (a name's own word).
            let adjectives = |r: Range<usize>| r.clone().all(|t| plain_adjective(doc, t));
            if inside
                && matches!(h.found, Found::Country(_))
                && h.tokens.end == w.tokens.end
                && h.tokens.start > w.tokens.start
                && adjectives(w.tokens.start..h.tokens.start)
            {
                w.tokens = h.tokens.clone();
                w.kind = kind;
                continue;
            }
            if (inside && w.tokens != h.tokens) || !(inside || contains) {
                continue;
            }
            // The lexicon knows a country better than the recognizer ("Moscow" read as a person);
            // a town's name is often a person's ("Griffin"), so a gazetteer place only refines a
            // location; a dictionary's person corrects a location.
            w.tokens = w.tokens.start.min(h.tokens.start)..w.tokens.end.max(h.tokens.end);
            match &h.found {
                Found::Country(_) => w.kind = kind,
                Found::Place if w.kind == MentionKind::Loc => w.kind = kind,
                Found::Named(_) if kind == MentionKind::Person && h.tokens.end == w.tokens.end => {
                    w.kind = kind
                }
                Found::Place | Found::Named(_) | Found::Agent { .. } => {}
            }
        }
    }
}

/// Whether token `t` is an adjective that describes rather than names: not a name-forming word
/// ("New", "Real", "North"), and capitalized only at the start of its sentence.
fn plain_adjective(doc: &Doc, t: usize) -> bool {
    const NAMING: &[&str] = &[
        "new",
        "real",
        "great",
        "greater",
        "united",
        "south",
        "north",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "little",
        "old",
        "holy",
        "royal",
        "grand",
        "saint",
        "free",
        "democratic",
        "federal",
        "islamic",
        "arab",
        "national",
        "independent",
    ];
    let form = doc.form(t);
    let sentence_start =
        doc.sentence_of(t).and_then(|s| doc.sentences.get(s)).is_some_and(|s| s.tokens().start == t);
    doc.upos(t) == Some(Upos::Adj)
        && !NAMING.contains(&form.to_lowercase().as_str())
        && (sentence_start || !form.starts_with(char::is_uppercase))
}

/// Moves the start of a name past a title the recognizer included ("Russian President
/// Vladimir Putin" → "Vladimir Putin"), so the title reads as one and the name as the name. A
/// title is followed by a person, whatever type the recognizer gave the span.
fn trim_titles(doc: &Doc, lex: &Lexicons, words: &Words, work: &mut [Work]) {
    let mut key = String::new();
    for w in work.iter_mut().filter(|w| matches!(w.kind, MentionKind::Person | MentionKind::Org)) {
        let (mut i, mut cut) = (w.tokens.start, None);
        let end = w.tokens.end - 1;
        while i < end {
            match lex.actors.longest_match(&words.lower[i..end], &words.lemma[i..end], &mut key) {
                Some((n, lexicon::Match::Agent { .. })) => {
                    i += n;
                    // "Treasury Department" is a name, not a title before one; nor is an
                    // adjective a title ("Islamic Jihad", "Iraqi Islamic Party").
                    let next_is_role = scan::role_at_end(lex, words, i, i + 1).is_some();
                    let adjective = doc.upos(i - 1) == Some(Upos::Adj);
                    if !next_is_role && !adjective && capitalized(doc, i) {
                        cut = Some(i);
                    }
                }
                Some((n, lexicon::Match::Actor(_))) => {
                    // A dictionary title ("US President") ends where its role noun does.
                    let title = n < end - i && scan::role_at_end(lex, words, i, i + n).is_some();
                    i += n;
                    if title && capitalized(doc, i) {
                        cut = Some(i);
                    }
                }
                _ if doc.form(i).ends_with('.') && doc.form(i).len() <= 4 => i += 1,
                _ => break,
            }
        }
        if let Some(cut) = cut {
            w.tokens.start = cut;
            w.kind = MentionKind::Person;
        }
    }
}

/// Names the recognizer missed where a reporting verb shows someone speaks: the proper-noun
/// subject of "said", "warned", "told" ("General Amir Haddad said").
fn add_missed_speakers(doc: &Doc, in_timex: &[bool], work: &mut Vec<Work>) {
    let mut found = Vec::new();
    // ("said Friday" parsed with "Friday" as a subject is a time, not a speaker.)
    for i in (0..doc.tokens.len()).filter(|&i| !in_timex[i]) {
        let dep = match doc.syntax.get(i) {
            Some(d) if d.rel == "nsubj" && doc.upos(i) == Some(Upos::Propn) && capitalized(doc, i) => d,
            _ => continue,
        };
        let cue = dep.head.map(|h| h as usize).filter(|&h| {
            doc.upos(h) == Some(Upos::Verb)
                && crate::quotes::cues::takes_clause(&doc.morphology[h].lemma.to_lowercase())
        });
        if cue.is_none() || work.iter().any(|w| w.tokens.contains(&i)) {
            continue;
        }
        // The run of capitalized proper nouns around the subject's head.
        let name =
            |t: usize| doc.upos(t) == Some(Upos::Propn) && capitalized(doc, t) && same_sentence(doc, t, i);
        let mut start = i;
        while start > 0 && name(start - 1) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < doc.tokens.len() && name(end) {
            end += 1;
        }
        if work.iter().any(|w| overlaps(&w.tokens, &(start..end))) {
            continue;
        }
        let kind = if end - start >= 2 { MentionKind::Person } else { MentionKind::Org };
        found.push(Work { tokens: start..end, kind, actor: None, role: None, agent: None, plural: false });
    }
    work.extend(found);
}

/// A person's surname standing alone later ("Firefly left.") is a mention of them even where the
/// recognizer missed it.
fn add_repeated_surnames(doc: &Doc, words: &Words, work: &mut Vec<Work>) {
    let surnames: std::collections::HashSet<&str> = work
        .iter()
        .filter(|w| w.kind == MentionKind::Person && w.tokens.len() >= 2)
        .map(|w| words.lower[w.tokens.end - 1].as_str())
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut taken = vec![false; doc.tokens.len()];
    for w in work.iter() {
        for t in w.tokens.clone() {
            taken[t] = true;
        }
    }
    let mut found = Vec::new();
    for (i, lower) in words.lower.iter().enumerate() {
        // The tagger may not know the name ("Firefly left." as an adverb); the case says it.
        let content = !matches!(
            doc.upos(i),
            Some(Upos::Pron | Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Aux | Upos::Punct)
        );
        if !taken[i] && surnames.contains(lower.as_str()) && capitalized(doc, i) && content {
            found.push(Work {
                tokens: i..i + 1,
                kind: MentionKind::Person,
                actor: None,
                role: None,
                agent: None,
                plural: false,
            });
        }
    }
    work.extend(found);
}

/// Role descriptions ("The American president", "significant Russian oil firms") headed by an
/// agent noun that is not a title before a name.
fn add_roles(doc: &Doc, hits: &[Hit], work: &mut Vec<Work>) {
    let named: Vec<Range<usize>> = work.iter().map(|w| w.tokens.clone()).collect();
    for h in hits {
        if !matches!(h.found, Found::Agent { .. }) {
            continue;
        }
        let last = h.tokens.end - 1;
        let noun = matches!(doc.upos(last), Some(Upos::Noun)) || matches!(doc.upos(last), Some(Upos::Propn));
        let next = h.tokens.end;
        let before_name = before_name(doc, last);
        let next_noun = next < doc.tokens.len()
            && matches!(doc.upos(next), Some(Upos::Noun))
            && same_sentence(doc, last, next);
        if !noun || before_name || next_noun || named.iter().any(|r| overlaps(r, &h.tokens)) {
            continue;
        }
        let role = description(doc, h, work);
        work.push(role);
    }
}

/// The description headed by the role noun that ends hit `h`, with its modifiers before it.
fn description(doc: &Doc, h: &Hit, work: &[Work]) -> Work {
    let last = h.tokens.end - 1;
    let start = chain_left(doc, h.tokens.start, work);
    let plural = doc.morphology.get(last).is_some_and(|m| m.xpos.starts_with("NNS") || m.xpos == "NNPS");
    Work {
        tokens: start..h.tokens.end,
        kind: MentionKind::Role,
        actor: None,
        role: None,
        agent: None,
        plural,
    }
}

fn add_pronouns(doc: &Doc, words: &Words, work: &mut Vec<Work>) {
    for (i, w) in words.lower.iter().enumerate() {
        if PRONOUNS.contains(&w.as_str()) && doc.upos(i) == Some(Upos::Pron) {
            let plural = matches!(w.as_str(), "they" | "them" | "their" | "themselves");
            work.push(Work {
                tokens: i..i + 1,
                kind: MentionKind::Pronoun,
                actor: None,
                role: None,
                agent: None,
                plural,
            });
        }
    }
}

/// Whether the words are an acronym (`US`, `U.S.`, `UAE`).
/// Whether country words name a people ("Russian", "Palestinians", "Iraqi") rather than a
/// place: an adjective or plural by its tag, or a proper noun with a demonym's ending.
fn demonym(doc: &Doc, tokens: Range<usize>) -> bool {
    if acronym(doc, tokens.clone()) {
        return false;
    }
    let last = tokens.end - 1;
    let Some(m) = doc.morphology.get(last) else { return true };
    let word = doc.form(last).to_lowercase();
    // A singular name ending in "-i" is a demonym only before what it describes ("Iraqi Islamic
    // Party") or after a determiner ("the Kuwaiti"), not alone in a list of towns ("Mosul, Baiji,
    // and Tuz"); "the German" is one.
    let attributive = same_sentence(doc, last, last + 1)
        && (matches!(doc.upos(last + 1), Some(Upos::Noun | Upos::Propn | Upos::Adj))
            || doc.form(last + 1) == "-")
        || tokens.start > 0 && doc.upos(tokens.start - 1) == Some(Upos::Det);
    let ending = ["an", "ans", "ese", "ish", "is"].iter().any(|e| word.ends_with(e))
        || word.ends_with('i') && attributive;
    matches!(m.xpos.as_str(), "JJ" | "JJR" | "JJS" | "NNS" | "NNPS") || ending
}

fn acronym(doc: &Doc, tokens: Range<usize>) -> bool {
    tokens.len() == 1 && {
        let form = doc.form(tokens.start);
        form.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && form.chars().all(|c| c.is_uppercase() || c == '.')
    }
}

/// Whether a proper noun follows token `last` in its sentence (a title: "President Putin").
fn before_name(doc: &Doc, last: usize) -> bool {
    let next = last + 1;
    next < doc.tokens.len()
        && capitalized(doc, next)
        && matches!(doc.upos(next), Some(Upos::Propn))
        && same_sentence(doc, last, next)
}

/// Whether a role noun ends a name rather than a description ("the Treasury Department" vs
/// "the US President said"): it is capitalized and follows a capitalized word that is not a
/// country.
fn is_last_of_name(doc: &Doc, lex: &Lexicons, words: &Words, last: usize) -> bool {
    if last == 0
        || !capitalized(doc, last)
        || !capitalized(doc, last - 1)
        || !same_sentence(doc, last - 1, last)
    {
        return false;
    }
    let prev = std::slice::from_ref(&words.lower[last - 1]);
    let country = match lex.actors.longest_match(prev, prev, &mut String::new()) {
        Some((_, lexicon::Match::Actor(a))) => {
            lex.actors.actor(a).is_some_and(|a| a.kind == lexicon::ActorKind::Country)
        }
        _ => false,
    };
    !country
}

fn same_sentence(doc: &Doc, a: usize, b: usize) -> bool {
    doc.sentence_of(a) == doc.sentence_of(b)
}

/// Whether the phrase at token `start` follows a locative preposition ("in (the) Kremlin").
pub(crate) fn locative(doc: &Doc, start: usize) -> bool {
    let mut j = start;
    while j > 0 {
        j -= 1;
        if !same_sentence(doc, j, start) {
            return false;
        }
        let w = doc.form(j).to_lowercase();
        if w == "the" {
            continue;
        }
        return LOCATIVE.contains(&w.as_str());
    }
    false
}
