//! Pronoun resolution: `he` and `she` to the most salient fitting person (a name, or a
//! description of a person) in their sentence and the two before, else to the nearest one
//! further back; an object pronoun never to its own verb's subject.

use super::{COUNTERPARTS, Cluster, nearest_before};
use crate::doc::Doc;
use crate::layers::{Mention, MentionKind};
use crate::lexicons::Gender;

/// The subject's head word of the verb that pronoun `m` is the object of ("him" in "Acheson
/// told him", "who initiated him"): an object pronoun that is not reflexive cannot be its own
/// verb's subject. `None` for subjects and possessives.
fn co_argument_subject(doc: &Doc, m: &Mention) -> Option<usize> {
    let t = doc.token_range(m.span).next()?;
    if !matches!(doc.rel(t), "obj" | "iobj") || doc.form(t).to_lowercase().ends_with("self") {
        return None;
    }
    let verb = doc.head(t)?;
    let sentence = doc.sentences.get(doc.sentence_of(verb)?)?.tokens();
    let subject =
        sentence.into_iter().find(|&s| doc.head(s) == Some(verb) && doc.rel(s).starts_with("nsubj"))?;
    // A relative pronoun subject stands for the noun its clause hangs on.
    let subject = match doc.form(subject).to_lowercase().as_str() {
        "who" | "that" | "which" if doc.rel(verb) == "acl:relcl" => doc.head(verb)?,
        _ => subject,
    };
    Some(subject)
}

/// Whether a role noun names a person ("spokesman", "minister", "official") rather than a body
/// ("ministry", "government", "company"): by the noun's ending, with the common exceptions.
fn human_role(role: &str) -> bool {
    let noun = role.rsplit(' ').next().unwrap_or(role);
    const PEOPLE: &[&str] = &[
        "official",
        "chief",
        "head",
        "leader",
        "envoy",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "boss",
        "judge",
        "mayor",
        "general",
        "colonel",
        "captain",
        "diplomat",
        "candidate",
        "delegate",
        "advocate",
        "aide",
        "deputy",
        "pope",
        "cleric",
        "imam",
        "rabbi",
        "priest",
        "bishop",
        "monarch",
        "emir",
        "sheikh",
        "premier",
        "chancellor",
        "secretary",
        "emissary",
        "victim",
        "citizen",
        "civilian",
        "refugee",
        "hostage",
        "patient",
        "suspect",
        "witness",
        "prisoner",
        "detainee",
        "migrant",
        "pilgrim",
        "tourist",
        "child",
        "adviser",
        "advisor",
    ];
    const BODIES: &[&str] =
        &["producer", "exporter", "importer", "carrier", "provider", "supplier", "retailer"];
    if PEOPLE.contains(&noun) || COUNTERPARTS.iter().any(|c| role.ends_with(c)) {
        return true;
    }
    if BODIES.contains(&noun) || noun.ends_with("ment") {
        return false;
    }
    // "-ment" bodies (government, parliament) are out above.
    ["man", "person", "er", "or", "ist", "ian", "ent", "ant"].iter().any(|e| noun.ends_with(e))
        && !matches!(noun, "restaurant" | "center" | "quarter" | "border")
}

pub(super) fn resolve_pronoun(
    doc: &Doc,
    clusters: &[Cluster],
    assigned: &[Option<usize>],
    sentence_of: &[Option<usize>],
    mi: usize,
) -> Option<usize> {
    let m = &doc.mentions[mi];
    let word = doc.slice(m.span).to_lowercase();
    let gender = match word.as_str() {
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => Gender::Male,
    };
    // Not the subject of the pronoun's own verb ("Acheson told him" is someone else).
    let bound: Vec<usize> = co_argument_subject(doc, m).map_or_else(Vec::new, |subject| {
        (0..doc.mentions.len())
            .filter(|&j| doc.token_range(doc.mentions[j].span).any(|t| t == subject))
            .filter_map(|j| assigned[j])
            .collect()
    });
    let fits = |j: usize| {
        let other = &doc.mentions[j];
        // Not a mention that holds the pronoun ("his" in "his Russian opposite number").
        if other.span.contains(m.span) {
            return None;
        }
        assigned[j].filter(|c| !bound.contains(c)).filter(|&c| {
            let cl = &clusters[c];
            let person = cl.kind == MentionKind::Person
                || cl.kind == MentionKind::Role
                    && !other.plural
                    && other.role.as_deref().is_some_and(human_role);
            person && cl.gender.is_none_or(|g| g == gender)
        })
    };
    // Beyond the window, the first fitting person of the nearest sentence that has one: a
    // story's "he said" may come paragraphs after its speaker was last named.
    most_salient_before(doc, sentence_of, mi, fits).or_else(|| nearest_before(sentence_of, mi, fits))
}

/// How many sentences back a pronoun looks for its antecedent.
const PRONOUN_SENTENCES: usize = 2;

/// The candidate entity before mention `mi` with the most salience (after Lappin and Leass
/// 1994): in its sentence and each of the [`PRONOUN_SENTENCES`] before, an entity's most
/// salient fitting mention adds 100, plus 80 as a subject, 50 as an object, 40 as another
/// argument, 80 when no noun holds it, 50 when no adverbial holds it; halved for each sentence
/// back. So a name in an opening adverbial ("Placed under the care of a Dr. Bailey, he …")
/// loses to the person the text has been about. Ties go to the nearer entity.
fn most_salient_before(
    doc: &Doc,
    sentence_of: &[Option<usize>],
    mi: usize,
    fits: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let here = sentence_of[mi]?;
    // (entity, sentence, weight of its most salient mention there), nearest mention first: an
    // entity counts once per sentence.
    let mut per_sentence: Vec<(usize, usize, f64)> = Vec::new();
    for j in (0..mi).rev() {
        let Some(s) = sentence_of[j] else { continue };
        if here - s > PRONOUN_SENTENCES {
            break;
        }
        let Some(c) = fits(j) else { continue };
        let weight = salience(doc, &doc.mentions[j]) / f64::from(1u32 << (here - s));
        match per_sentence.iter_mut().find(|(e, at, _)| *e == c && *at == s) {
            Some((_, _, w)) => *w = w.max(weight),
            None => per_sentence.push((c, s, weight)),
        }
    }
    let total = |c: usize| per_sentence.iter().filter(|(e, ..)| *e == c).map(|(.., w)| w).sum::<f64>();
    // Entities in order of their nearest mention: the first of equal totals is the nearer.
    let mut best: Option<(usize, f64)> = None;
    for &(c, ..) in &per_sentence {
        let t = total(c);
        if best.is_none_or(|(_, b)| t > b) {
            best = Some((c, t));
        }
    }
    best.map(|(c, _)| c)
}

/// A mention's salience factors (see [`most_salient_before`]), from its head word's place in
/// the tree.
fn salience(doc: &Doc, m: &Mention) -> f64 {
    let Some(head) = doc.span_head(m.span) else { return 100.0 };
    let rel = doc.rel(head);
    let base = rel.split(':').next().unwrap_or(rel);
    let role = match base {
        "nsubj" => 80.0,
        "obj" => 50.0,
        "iobj" | "obl" => 40.0,
        _ => 0.0,
    };
    let in_noun = matches!(base, "nmod" | "compound" | "appos");
    // Up the tree to the root: an adverbial clause or phrase on the way holds the mention.
    let mut adverbial = false;
    let (mut t, mut steps) = (head, 0);
    while let Some(h) = doc.head(t) {
        if matches!(doc.rel(t), "advcl" | "obl") && t != head || steps > 64 {
            adverbial = true;
            break;
        }
        t = h;
        steps += 1;
    }
    100.0 + role + if in_noun { 0.0 } else { 80.0 } + if adverbial { 0.0 } else { 50.0 }
}
