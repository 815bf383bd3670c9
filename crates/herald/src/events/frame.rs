//! The frame of a verb from the parse: its source (the subject, a passive's agent, the giver
//! of what is received), its target (object, oblique, or the actor behind an act the object
//! names) and the subjects coordinated with the source.

use super::actors::actor_here_only;
use super::{MEETINGS, NOMINAL, RECEIVING, children, is_passive, lemma};
use crate::doc::Doc;
use crate::layers::Upos;
use crate::quotes::tree::Tree;

/// The source, target and words after the verb, from the parse.
pub(super) struct Frame {
    pub(super) source: Option<usize>,
    /// Subjects coordinated with the source that the parser attached to the verb on their own
    /// ("Evil Mordor, the awful Arnor, and good Gondor welcomed…" read with two subjects).
    pub(super) also: Vec<usize>,
    pub(super) target: Option<usize>,
    /// The object's head, when the object is an event noun ("a summit with Putin").
    pub(super) object: Option<usize>,
    /// The verb's own oblique of a target preposition ("celebrated Eid *with Gondor*"), for when
    /// the object names no actor.
    pub(super) oblique: Option<usize>,
}

pub(super) fn frame(doc: &Doc, tree: &Tree, v: usize) -> Frame {
    let child = |rels: &[&str]| children(tree, v).find(|&c| rels.contains(&doc.rel(c)));
    let case_of = |n: usize| children(tree, n).find(|&c| doc.rel(c) == "case").map(|c| lemma(doc, c));
    // The oblique whose preposition comes first in `cases` ("with Gondor" before "at Osgiliath").
    let oblique = |n: usize, cases: &[&str]| {
        let rank = |c: usize| {
            let is_oblique = matches!(doc.rel(c), "obl" | "nmod" | "obl:arg" | "obl:agent");
            case_of(c).and_then(|k| cases.iter().position(|x| *x == k)).filter(|_| is_oblique)
        };
        children(tree, n).filter_map(|c| rank(c).map(|r| (r, c))).min().map(|(_, c)| c)
    };
    let passive = is_passive(doc, tree, v);
    // Of two subjects (a title the parser split from its name: "U.S. Secretary of State Marco
    // Rubio met…"), the one nearest before the verb is the name.
    let subject = || {
        let mut subjects = children(tree, v).filter(|&c| doc.rel(c) == "nsubj");
        let first = subjects.next()?;
        Some(subjects.filter(|&c| c < v).fold(first, |best, c| if best > v || c > best { c } else { best }))
    };
    let (mut source, mut target) =
        if passive { (oblique(v, &["by"]), child(&["nsubj:pass"])) } else { (subject(), None) };
    // "Eriador received money from Osgiliath": the giver acts, the receiver is the target.
    if !passive
        && RECEIVING.contains(&lemma(doc, v).as_str())
        && let Some(giver) =
            oblique(v, &["from"]).or_else(|| child(&["obj"]).and_then(|o| oblique(o, &["from"])))
    {
        (source, target) = (Some(giver), source);
    }
    // "rebels, who attacked the town": the relative pronoun stands for the noun.
    let relative = |t: usize| matches!(lemma(doc, t).as_str(), "who" | "which" | "that");
    if doc.rel(v) == "acl:relcl" {
        if source.is_some_and(relative) {
            source = doc.head(v);
        }
        if target.is_some_and(relative) {
            target = doc.head(v);
        }
    }
    // "French troops attacked Malian rebels" parsed as a noun with a clause: a finite verb with
    // its own object has the noun as its subject.
    let finite =
        doc.morphology.get(v).is_some_and(|m| matches!(m.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBN"));
    if doc.rel(v) == "acl" && finite && source.is_none() && child(&["obj"]).is_some() {
        source = doc.head(v);
    }
    // A participle on a noun ("sanctions imposed on X by Y"): the noun is the object.
    let object = if matches!(doc.rel(v), "acl" | "acl:relcl") && !(finite && child(&["obj"]).is_some()) {
        doc.head(v)
    } else {
        child(&["obj"])
    };
    let targets = ["with", "against", "on", "upon", "to", "toward", "towards", "at"];
    if target.is_none() || passive && doc.rel(v) == "acl" {
        // "condemned an attack by Osgiliath soldiers": whoever did the act the object names is
        // what the subject reacts to. An active verb has no agent of its own, so its "by" phrase
        // is the object's, attached one level too high.
        let agent_of =
            |o: usize| oblique(o, &["by"]).or_else(|| if passive { None } else { child(&["obl:agent"]) });
        target = match object {
            Some(o) if is_event_noun(doc, o) || Some(o) == doc.head(v) => {
                oblique(o, &targets).or_else(|| agent_of(o)).or_else(|| oblique(v, &targets))
            }
            // An object that names no actor but has an agent is an act ("an attack by X").
            Some(o) if actor_here_only(doc, o).is_none() => agent_of(o).or(Some(o)),
            Some(o) => Some(o),
            None => oblique(v, &targets),
        };
    }
    // "was heavily and unjustly criticized", parsed as a participle coordinated with an adverb
    // that took the copula: passive all the same, its subject the target.
    // (An adverb heads it only in such a misparse; "was tired and left" is no passive.)
    let passive_conj = doc.rel(v) == "conj"
        && doc.morphology.get(v).is_some_and(|m| matches!(m.xpos.as_str(), "VBN" | "VBD"))
        && !children(tree, v).any(|c| doc.rel(c).starts_with("nsubj"))
        && doc.head(v).is_some_and(|h| {
            doc.upos(h) == Some(Upos::Adv)
                && children(tree, h)
                    .any(|c| matches!(doc.rel(c), "cop" | "aux:pass") && lemma(doc, c) == "be")
        });
    if passive_conj && !passive {
        let subject = doc.head(v).and_then(|h| children(tree, h).find(|&c| doc.rel(c).starts_with("nsubj")));
        (source, target) = (oblique(v, &["by"]), subject);
    } else if source.is_none() && matches!(doc.rel(v), "xcomp" | "conj" | "advcl") {
        source = doc.head(v).and_then(|h| children(tree, h).find(|&c| doc.rel(c) == "nsubj"));
    }
    // "Gollum was seen to break into …", "the rebels are believed to have seized …": the subject
    // of a passive verb of seeing, knowing or saying is its infinitive's — the one acted on if
    // the infinitive is passive too ("are believed to have been killed by Russian jets"). Other
    // passives take purposes and orders ("was re-issued to raise money", "was ordered to pay"),
    // whose doer the sentence does not say.
    if doc.rel(v) == "xcomp" {
        let raised = doc
            .head(v)
            .filter(|&h| EVIDENTIAL.contains(&lemma(doc, h).as_str()))
            .and_then(|h| children(tree, h).find(|&c| doc.rel(c) == "nsubj:pass"));
        if passive {
            target = target.or(raised);
        } else {
            source = source.or(raised);
        }
    }
    // Two subjects with "and" between them are one coordinated subject, not a title and its
    // name.
    let also = match source {
        Some(s) if !passive => children(tree, v)
            .filter(|&c| c != s && doc.rel(c) == "nsubj")
            .filter(|&c| {
                (c.min(s)..c.max(s))
                    .any(|k| doc.rel(k) == "cc" && matches!(lemma(doc, k).as_str(), "and" | "or"))
            })
            .collect(),
        _ => Vec::new(),
    };
    Frame { source, also, target, object, oblique: oblique(v, &targets) }
}

/// Verbs whose passive raises the subject of the infinitive after them: "was seen to break",
/// "is believed to have fled".
const EVIDENTIAL: &[&str] = &[
    "allege",
    "believe",
    "claim",
    "find",
    "hear",
    "know",
    "observe",
    "report",
    "rumor",
    "rumour",
    "say",
    "see",
    "suspect",
    "think",
    "understand",
];

pub(super) fn is_event_noun(doc: &Doc, n: usize) -> bool {
    let l = lemma(doc, n);
    MEETINGS.contains(&l.as_str()) || NOMINAL.iter().any(|(w, _)| *w == l)
}
