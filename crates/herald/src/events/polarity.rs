//! Whether a verb reports an act: done, refused, or not done at all.
//!
//! CAMEO codes what happened. A hypothetical ("would impose"), a condition ("if Stockholm
//! cracks down"), and an act an appeal, threat, plan or promise governs ("threatened to attack")
//! did not happen, so none is coded (the governing verb carries the event). A negated act is
//! CAMEO's refusal where there is one, through PETRARCH2's ontology ([`super::negation`]): "did
//! not yield" is 124, "did not clash over" 050; "did not attack" codes nothing. Only an episode
//! refuses: a negated past, perfect or future ("did not", "has not", "will not", "never
//! agreed"). A negated present is a state ("does not carry the taint"), a relative clause a kind
//! ("people who had not served him"), a passive names no one who refused, "not yet" is pending,
//! and an act under a negated verb ("did not agree to release") is neither done nor refused.

use super::negation::Negations;
use super::{children, is_passive, lemma};
use crate::doc::Doc;
use crate::layers::Upos;
use crate::quotes::tree::Tree;

/// Verbs whose infinitive complement has not happened: the act is threatened, refused, urged,
/// planned or promised ("Russia threatened to attack Ukraine" is a threat, 13x, not an attack).
/// The verb itself carries the event, as CAMEO codes it. Not "agree": parties that agreed to
/// resume talks are coded as resuming them, as GDELT does.
const NOT_YET: &[&str] = &[
    "threaten",
    "refuse",
    "decline",
    "urge",
    "ask",
    "call",
    "demand",
    "request",
    "press",
    "push",
    "want",
    "plan",
    "intend",
    "hope",
    "seek",
    "try",
    "attempt",
    "promise",
    "pledge",
    "vow",
    "offer",
    "propose",
    "aim",
    "prepare",
    "consider",
    "expect",
    "wish",
    "fail",
    "encourage",
    "invite",
    "warn",
    "appeal",
];

/// Auxiliaries of a hypothetical.
const MODALS: &[&str] = &["would", "could", "might", "may", "should"];

/// What a verb's clause says of its act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polarity {
    /// It happened.
    Act,
    /// Its actor refused it (a negated episode).
    Refusal,
    /// It did not happen, or may not have: nothing to code.
    None,
}

/// The polarity of verb `v`'s act.
pub fn polarity(doc: &Doc, tree: &Tree, v: usize) -> Polarity {
    // A verb coordinated without a subject of its own shares its first conjunct's clause: "until
    // Turkey recognises … and withdraws its troops" is one condition, "would impose and enforce"
    // one hypothetical.
    let mut clause = v;
    while doc.rel(clause) == "conj"
        && !children(tree, clause).any(|c| doc.rel(c).starts_with("nsubj"))
        && let Some(h) = doc.head(clause).filter(|&h| doc.upos(h) == Some(Upos::Verb))
    {
        clause = h;
    }
    if unreal(doc, tree, clause) || has_aux(doc, tree, v, MODALS) {
        return Polarity::None;
    }
    if !negated(doc, tree, v) {
        return Polarity::Act;
    }
    // "has not yet announced": still pending, not refused.
    let pending = children(tree, v).any(|c| doc.rel(c) == "advmod" && lemma(doc, c) == "yet");
    if is_passive(doc, tree, v) || pending || doc.rel(v) == "acl:relcl" || !episode(doc, tree, v) {
        return Polarity::None;
    }
    Polarity::Refusal
}

/// Whether the clause of verb `v` tells of no act: an act a verb of not-yet or a negated verb
/// governs, a condition ("if/unless Stockholm cracks down", or "until Stockholm cracked down" on a
/// clause that has not happened: "Ankara would not approve … until …"), a hypothetical.
fn unreal(doc: &Doc, tree: &Tree, v: usize) -> bool {
    let head = doc.head(v);
    let governed = doc.rel(v) == "xcomp"
        && head.is_some_and(|h| NOT_YET.contains(&lemma(doc, h).as_str()) || negated(doc, tree, h));
    let mark = children(tree, v).find(|&c| doc.rel(c) == "mark").map(|c| lemma(doc, c));
    let condition = doc.rel(v) == "advcl"
        && match mark.as_deref() {
            Some("if" | "unless") => true,
            Some("until" | "before") => head.is_some_and(|h| {
                negated(doc, tree, h) || has_aux(doc, tree, h, &[MODALS, &["will"]].concat())
            }),
            _ => false,
        };
    governed || condition || has_aux(doc, tree, v, MODALS)
}

/// The code of verb `v`'s refusal of the act coded `code` ("did not yield": 080 → 124), if
/// CAMEO has one. A statement verb that says something ("has not observed sufficient interest")
/// is no refusal to comment (011).
pub fn refusal<'n>(
    doc: &Doc,
    tree: &Tree,
    v: usize,
    negations: &'n Negations,
    code: &str,
) -> Option<&'n str> {
    let says_something = || children(tree, v).any(|c| matches!(doc.rel(c), "obj" | "ccomp"));
    negations.refusal(code).filter(|&r| r != "011" || !says_something())
}

/// Whether verb `v` is negated ("not", "n't", "never").
pub(super) fn negated(doc: &Doc, tree: &Tree, v: usize) -> bool {
    children(tree, v)
        .any(|c| doc.rel(c) == "advmod" && matches!(lemma(doc, c).as_str(), "not" | "never" | "n't"))
}

/// Whether verb `v` has one of `auxiliaries` (lemmas) as auxiliary.
fn has_aux(doc: &Doc, tree: &Tree, v: usize, auxiliaries: &[&str]) -> bool {
    children(tree, v).any(|c| doc.rel(c) == "aux" && auxiliaries.contains(&lemma(doc, c).as_str()))
}

/// Whether verb `v` tells of one occasion: a past ("did not", "never agreed"), a perfect ("has
/// not"), or a future ("will not"), not a present state or habit.
fn episode(doc: &Doc, tree: &Tree, v: usize) -> bool {
    let past = |t: usize| doc.morphology.get(t).is_some_and(|m| m.xpos == "VBD");
    let aux = children(tree, v).filter(|&c| doc.rel(c) == "aux").collect::<Vec<_>>();
    if aux.is_empty() {
        return past(v);
    }
    aux.iter().any(|&a| match lemma(doc, a).as_str() {
        "do" => past(a),
        "will" | "have" => true,
        _ => false,
    })
}
