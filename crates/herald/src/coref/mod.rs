//! Coreference: groups [`crate::Doc::mentions`] into [`crate::Doc::entities`], each with a
//! canonical name, a type and an actor code.
//!
//! Rules, in the order a careful reader applies them:
//! - **names**: "Donald Trump", "Trump" and "Mr. Trump" are one person (same surname); countries
//!   and their adjectives are one entity per code ("Russia", "Russian"); organizations by name.
//! - **role descriptions** ("the president", "his Russian opposite number") go to the person
//!   whose titles and country fit, most recent first, never to someone named in the same
//!   sentence ("The president also confirmed … the summit with Trump" is not Trump); a
//!   description before any name (a sub-title) goes to the first person named after it.
//! - **pronouns** (`he`, `she`; `pronouns.rs`) go to the most salient person of a compatible
//!   gender in their sentence and the two before (subjects over objects over names held in a noun
//!   or an opening adverbial, nearer sentences over farther: Lappin and Leass), else to the first
//!   fitting person of the nearest sentence further back. A person may
//!   be a description that fits no name ("a police spokesman … he"), if its noun names a person
//!   rather than a body ("spokesman", not "ministry"). An object pronoun is never its own verb's
//!   subject ("Acheson told him"). `it` and `they` stay unresolved: they refer mostly to things
//!   herald does not track, and PETRARCH-style coding does not read them.
//!
//! Genders come from given names (`lexicons/first-names.tsv`), honorifics and gendered role and
//! kinship nouns; an unknown gender fits either pronoun.
//!
//! `herald eval coref` scores the stage on CorefUD files (GUM dev): see [`crate::eval::coref`].

mod pronouns;

use self::pronouns::resolve_pronoun;
use crate::doc::Doc;
use crate::geo::gazetteer::{PlaceKind, name_key};
use crate::layers::{Entity, MentionKind};
use crate::lexicons::{Gender, Lexicons};

/// How many sentences ahead a description may find its person.
const FORWARD_SENTENCES: usize = 3;

/// Role nouns that mean "the one on the other side" and need no matching title.
const COUNTERPARTS: &[&str] = &["counterpart", "opposite number"];

const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("mr.", Some(Gender::Male)),
    ("mr", Some(Gender::Male)),
    ("mrs.", Some(Gender::Female)),
    ("mrs", Some(Gender::Female)),
    ("ms.", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("dr.", None),
    ("dr", None),
    ("sir", Some(Gender::Male)),
    ("dame", Some(Gender::Female)),
];

/// An entity being built.
#[derive(Clone, Debug)]
struct Cluster {
    kind: MentionKind,
    name: String,
    /// Lowercase name words without honorifics (people).
    words: Vec<String>,
    /// Key for non-person entities (actor code or lowercase name).
    key: String,
    gender: Option<Gender>,
    titles: Vec<String>,
    actor: Option<String>,
    mentions: Vec<u32>,
}

/// Runs the stage.
pub fn run(doc: &mut Doc, lex: &Lexicons) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assigned: Vec<Option<usize>> = vec![None; doc.mentions.len()];
    let sentence_of: Vec<Option<usize>> = doc
        .mentions
        .iter()
        .map(|m| doc.token_range(m.span).next().and_then(|t| doc.sentence_of(t)))
        .collect();
    // Names first: they anchor everything else.
    for (m, slot) in doc.mentions.iter().zip(assigned.iter_mut()) {
        let text = doc.slice(m.span).to_string();
        let c = match m.kind {
            MentionKind::Person => person_cluster(&mut clusters, &text, m.actor.as_deref(), lex),
            MentionKind::Org | MentionKind::Gpe | MentionKind::Loc | MentionKind::Norp => {
                named_cluster(&mut clusters, m.kind, &text, m.actor.as_deref(), lex)
            }
            MentionKind::Role | MentionKind::Pronoun => continue,
        };
        if let Some(role) = &m.role {
            push_unique(&mut clusters[c].titles, role);
            gender_from_role(&mut clusters[c], role);
        }
        *slot = Some(c);
    }
    // Descriptions and pronouns, first looking back, then (for what is left) forward.
    for forward in [false, true] {
        for mi in 0..doc.mentions.len() {
            if assigned[mi].is_some() {
                continue;
            }
            let m = &doc.mentions[mi];
            let found = match m.kind {
                MentionKind::Role if !m.plural => {
                    resolve_role(doc, &clusters, &assigned, &sentence_of, mi, forward)
                }
                MentionKind::Pronoun if !m.plural && forward => None,
                MentionKind::Pronoun if !m.plural => {
                    resolve_pronoun(doc, &clusters, &assigned, &sentence_of, mi)
                }
                _ => None,
            };
            if let Some(c) = found {
                assigned[mi] = Some(c);
            }
        }
    }
    // Descriptions that fit nobody are entities of their own ("significant Russian oil firms").
    for (m, slot) in doc.mentions.iter().zip(assigned.iter_mut()) {
        if slot.is_none() && m.kind == MentionKind::Role {
            let text = doc.slice(m.span).to_string();
            let mut c = Cluster {
                kind: MentionKind::Role,
                name: text.clone(),
                words: Vec::new(),
                key: text.to_lowercase(),
                gender: None,
                titles: m.role.iter().cloned().collect(),
                actor: m.actor.clone(),
                mentions: Vec::new(),
            };
            if let Some(role) = &m.role {
                gender_from_role(&mut c, role);
            }
            clusters.push(c);
            *slot = Some(clusters.len() - 1);
        }
    }
    // Pronouns again, in order, now that descriptions resolved forward, and those that stand
    // alone ("a police spokesman … he"), can be antecedents ("The American president deferred a
    // meeting with his …").
    for mi in 0..doc.mentions.len() {
        let m = &doc.mentions[mi];
        if m.kind == MentionKind::Pronoun && !m.plural {
            assigned[mi] = None;
            assigned[mi] = resolve_pronoun(doc, &clusters, &assigned, &sentence_of, mi);
        }
    }
    for (mi, c) in assigned.iter().enumerate() {
        if let Some(c) = *c {
            clusters[c].mentions.push(mi as u32);
            if clusters[c].actor.is_none() {
                clusters[c].actor = doc.mentions[mi].actor.clone();
            }
        }
    }
    // Keep only clusters with mentions, renumbered in order of first mention.
    let mut order: Vec<usize> = (0..clusters.len()).filter(|&c| !clusters[c].mentions.is_empty()).collect();
    order.sort_by_key(|&c| clusters[c].mentions[0]);
    let mut new_index = vec![u32::MAX; clusters.len()];
    for (n, &c) in order.iter().enumerate() {
        new_index[c] = n as u32;
    }
    for (mi, c) in assigned.iter().enumerate() {
        doc.mentions[mi].entity = c.map(|c| new_index[c]);
    }
    doc.entities = order
        .into_iter()
        .map(|c| {
            let cl = &clusters[c];
            Entity {
                name: cl.name.clone(),
                kind: cl.kind,
                actor: cl.actor.clone(),
                kb_id: None,
                mentions: cl.mentions.clone(),
            }
        })
        .collect();
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

fn gender_from_role(c: &mut Cluster, role: &str) {
    let last = role.rsplit(' ').next().unwrap_or(role);
    if c.gender.is_none() {
        const FEMALE: &[&str] = &[
            "queen",
            "princess",
            "duchess",
            "mother",
            "wife",
            "daughter",
            "sister",
            "aunt",
            "niece",
            "girl",
            "lady",
            "grandmother",
            "actress",
            "widow",
            "girlfriend",
            "mom",
            "mum",
        ];
        const MALE: &[&str] = &[
            "king",
            "prince",
            "duke",
            "father",
            "husband",
            "son",
            "brother",
            "uncle",
            "nephew",
            "boy",
            "grandfather",
            "actor",
            "widower",
            "boyfriend",
            "dad",
        ];
        if last.ends_with("woman") || FEMALE.contains(&last) {
            c.gender = Some(Gender::Female);
        } else if last.ends_with("man") || MALE.contains(&last) {
            c.gender = Some(Gender::Male);
        }
    }
}

/// Lowercase name words without honorifics, and the gender an honorific states.
fn name_words(text: &str) -> (Vec<String>, Option<Gender>) {
    let mut gender = None;
    let mut words = Vec::new();
    for w in text.split_whitespace() {
        let lower = w.to_lowercase().replace('’', "'");
        if words.is_empty()
            && let Some((_, g)) = HONORIFICS.iter().find(|(h, _)| *h == lower)
        {
            gender = gender.or(*g);
            continue;
        }
        words.push(lower.trim_end_matches("'s").to_string());
    }
    (words, gender)
}

fn person_cluster(clusters: &mut Vec<Cluster>, text: &str, actor: Option<&str>, lex: &Lexicons) -> usize {
    let (words, honorific) = name_words(text);
    let gender = honorific.or_else(|| words.first().and_then(|f| lex.genders.get(f)).copied());
    let surname = words.last().cloned().unwrap_or_default();
    let found = clusters.iter().position(|c| {
        c.kind == MentionKind::Person
            && (c.words == words
                || (words.len() == 1 && c.words.last() == Some(&surname))
                || (c.words.len() == 1 && c.words[0] == surname))
    });
    match found {
        Some(i) => {
            let c = &mut clusters[i];
            if words.len() > c.words.len() {
                c.words = words;
                c.name = text.to_string();
            }
            c.gender = c.gender.or(gender);
            if c.actor.is_none() {
                c.actor = actor.map(String::from);
            }
            i
        }
        None => {
            clusters.push(Cluster {
                kind: MentionKind::Person,
                name: text.to_string(),
                words,
                key: String::new(),
                gender,
                titles: Vec::new(),
                actor: actor.map(String::from),
                mentions: Vec::new(),
            });
            clusters.len() - 1
        }
    }
}

fn named_cluster(
    clusters: &mut Vec<Cluster>,
    kind: MentionKind,
    text: &str,
    actor: Option<&str>,
    lex: &Lexicons,
) -> usize {
    let lower = text.to_lowercase();
    let stripped = lower.strip_prefix("the ").unwrap_or(&lower);
    // Countries and their adjectives are one entity per code ("Russia", "Russian", "Moscow's"
    // government aside); cities and divisions, which carry their country's code, and
    // organizations go by name, so "Paris" stays apart from "France".
    let geo = matches!(kind, MentionKind::Gpe | MentionKind::Norp | MentionKind::Loc);
    let city = || {
        let places: Vec<PlaceKind> = lex.gazetteer.lookup(&name_key(stripped)).map(|(_, p)| p.kind).collect();
        !places.is_empty() && !places.contains(&PlaceKind::Country)
    };
    let key = match actor {
        Some(code) if geo && (kind == MentionKind::Norp || !city()) => code.to_string(),
        _ => stripped.to_string(),
    };
    if let Some(i) = clusters.iter().position(|c| c.kind != MentionKind::Person && c.key == key) {
        let c = &mut clusters[i];
        // A noun names a country better than its adjective.
        if c.kind == MentionKind::Norp && kind != MentionKind::Norp {
            c.kind = kind;
            c.name = text.to_string();
        }
        return i;
    }
    let name = match (kind, actor) {
        (MentionKind::Norp, Some(code)) => {
            lex.gazetteer.country_iso3(code).map_or_else(|| text.to_string(), |p| p.name.clone())
        }
        _ => text.to_string(),
    };
    clusters.push(Cluster {
        kind,
        name,
        words: Vec::new(),
        key,
        gender: None,
        titles: Vec::new(),
        actor: actor.map(String::from),
        mentions: Vec::new(),
    });
    clusters.len() - 1
}

/// Whether a person cluster fits a role description with this role phrase and code.
fn fits_role(c: &Cluster, role: &str, actor: Option<&str>) -> bool {
    if c.kind != MentionKind::Person {
        return false;
    }
    let country_ok = match actor.and_then(|a| a.get(..3)) {
        Some(country) => c.actor.as_deref().and_then(|a| a.get(..3)) == Some(country),
        None => true,
    };
    let title_ok = COUNTERPARTS.contains(&role)
        || c.titles.iter().any(|t| t == role || t.ends_with(&format!(" {role}")));
    country_ok && title_ok
}

/// The clusters named in sentence `s` (by names, not descriptions). Mentions are in text order,
/// so a sentence's mentions are one run.
fn named_in_sentence(
    doc: &Doc,
    assigned: &[Option<usize>],
    sentence_of: &[Option<usize>],
    s: Option<usize>,
) -> Vec<usize> {
    let first = sentence_of.partition_point(|&x| x < s);
    (first..doc.mentions.len())
        .take_while(|&j| sentence_of[j] == s)
        .filter(|&j| doc.mentions[j].kind == MentionKind::Person)
        .filter_map(|j| assigned[j])
        .collect()
}

fn resolve_role(
    doc: &Doc,
    clusters: &[Cluster],
    assigned: &[Option<usize>],
    sentence_of: &[Option<usize>],
    mi: usize,
    forward: bool,
) -> Option<usize> {
    let m = &doc.mentions[mi];
    let role = m.role.as_deref()?;
    let excluded = named_in_sentence(doc, assigned, sentence_of, sentence_of[mi]);
    let fits = |j: usize| {
        assigned[j].filter(|&c| fits_role(&clusters[c], role, m.actor.as_deref()) && !excluded.contains(&c))
    };
    if forward {
        // A description before the name: a sub-title, or a sentence that names its subject next.
        let near =
            |j: &usize| sentence_of[*j].zip(sentence_of[mi]).is_some_and(|(a, b)| a <= b + FORWARD_SENTENCES);
        return (mi + 1..doc.mentions.len()).take_while(near).find_map(fits);
    }
    nearest_before(sentence_of, mi, fits)
}

/// The candidate before mention `mi`: the nearest one in its own sentence, else the first one
/// (the most prominent) of the nearest earlier sentence that has one.
pub(super) fn nearest_before(
    sentence_of: &[Option<usize>],
    mi: usize,
    fits: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let here = sentence_of[mi];
    let mut j = mi;
    while j > 0 && sentence_of[j - 1] == here {
        j -= 1;
        if let Some(c) = fits(j) {
            return Some(c);
        }
    }
    while j > 0 {
        let s = sentence_of[j - 1];
        let start = (0..j).rev().take_while(|&k| sentence_of[k] == s).last().unwrap_or(j - 1);
        if let Some(c) = (start..j).find_map(&fits) {
            return Some(c);
        }
        j = start;
    }
    None
}
