//! The tense of the clause a time expression sits in, which picks the past or the coming
//! occurrence of a weekday, month or day without a year.

use crate::doc::Doc;
use crate::layers::Upos;

/// The tense of the clause a token belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Present,
    /// A present-tense action ("meets Monday"): a schedule for a weekday, otherwise present.
    Scheduled,
    Future,
}

/// Reporting verbs: "says Tuesday" reports a past statement, not a scheduled one.
const SAYING: &[&str] = &["say", "tell", "report", "announce", "add", "confirm", "state", "claim", "insist"];

/// Verbs whose infinitive complement is still to come ("planned to leave Thursday").
const PLANNING: &[&str] = &[
    "agree", "aim", "be", "decide", "due", "expect", "hope", "intend", "plan", "prepare", "promise",
    "schedule", "set", "threaten", "vow", "want", "go",
];

/// The tense of the clause a token belongs to, read from the words before it and the parse.
///
/// News schedules with the present ("meets Monday", [`Tense::Scheduled`]), with
/// infinitives ("planned to leave Thursday", "is to resume trading Tuesday"), with `will` and
/// `would` (future in the past of reported speech) and with "until", "as soon as", "as early
/// as"; these read as the future unless a past perfect says otherwise. "since" looks back, and
/// so does a present perfect ("have been searching since the Oct. 23 slaying") unless it plans.
pub(super) fn tense(doc: &Doc, token: usize, sentence: std::ops::Range<usize>) -> Tense {
    let lower = |j: usize| doc.form(j).to_lowercase();
    let before = |k: usize| token.checked_sub(k).filter(|&j| j >= sentence.start).map(lower);
    if before(1).as_deref() == Some("since") {
        return Tense::Past;
    }
    // "postponed until Tuesday" looks ahead; "until Thursday, they had not…" looks back.
    let until = matches!(before(1).as_deref(), Some("until" | "till"));
    if before(1).as_deref() == Some("as")
        && matches!(before(2).as_deref(), Some("soon" | "early"))
        && before(3).as_deref() == Some("as")
    {
        return Tense::Future;
    }
    // "payable Jan. 3", "effective on Feb. 1", "due March 15": announced ahead of the date.
    let cue = if before(1).as_deref() == Some("on") { before(2) } else { before(1) };
    if matches!(cue.as_deref(), Some("payable" | "effective" | "due")) {
        return Tense::Future;
    }
    // Walk up the tree to the first finite verb (or a verb with auxiliaries).
    // The dependents of word `v` whose relation starts with `rel`.
    let children = |v: usize, rel: &'static str| {
        sentence.clone().filter(move |&j| {
            doc.syntax.get(j).is_some_and(|d| d.head == Some(v as u32) && d.rel.starts_with(rel))
        })
    };
    let lemma_of = |j: usize| doc.morphology.get(j).map_or("", |m| m.lemma.as_str());
    let xpos_of = |j: usize| doc.morphology.get(j).map_or("", |m| m.xpos.as_str());
    let mut k = token;
    let mut below_infinitive = false;
    for _ in 0..8 {
        let Some(m) = doc.morphology.get(k) else { break };
        // A predicate adjective or noun takes the tense of its copula when it has one ("will be
        // payable Jan. 3", "was due Friday"); a present copula says nothing: read on up.
        if !matches!(m.upos, Upos::Verb | Upos::Aux)
            && let Some(cop) = children(k, "cop").next()
        {
            let aux: Vec<usize> = children(k, "aux").collect();
            if aux.iter().any(|&j| matches!(lemma_of(j), "will" | "shall" | "'ll" | "would")) {
                return Tense::Future;
            }
            if xpos_of(cop) == "VBD" || aux.iter().any(|&j| xpos_of(j) == "VBD") {
                return Tense::Past;
            }
        }
        if matches!(m.upos, Upos::Verb | Upos::Aux) {
            let aux: Vec<usize> = children(k, "aux").collect();
            if aux.iter().any(|&j| matches!(lemma_of(j), "will" | "shall" | "'ll" | "would")) {
                return Tense::Future;
            }
            let past_perfect = |v: usize| children(v, "aux").any(|j| lower(j) == "had");
            if past_perfect(k) {
                return Tense::Past;
            }
            if until {
                return Tense::Future;
            }
            let head = doc.syntax.get(k).and_then(|d| d.head).map(|h| h as usize);
            let head_lemma = head.map_or("", lemma_of);
            let infinitive = m.xpos == "VB" && children(k, "mark").any(|j| lower(j) == "to");
            // A date under an infinitive lies ahead of the verb above it ("has changed its fiscal
            // year to end Sept 30"), so that verb's perfect says nothing of it.
            below_infinitive |= infinitive;
            if infinitive && PLANNING.contains(&head_lemma) && !head.is_some_and(past_perfect) {
                return Tense::Future;
            }
            // "is to resume trading Tuesday": a plan.
            if infinitive && children(k, "cop").chain(children(k, "aux")).any(|j| lemma_of(j) == "be") {
                return Tense::Future;
            }
            if xpos_of(k) == "VBD" || aux.iter().any(|&j| xpos_of(j) == "VBD") {
                return Tense::Past;
            }
            // "have gathered evidence in the October slaying", "has been searching since…"; not
            // "has been scheduled for Oct. 23" or "has extended loans through January".
            let perfect = aux.iter().any(|&j| lemma_of(j) == "have" && matches!(xpos_of(j), "VBZ" | "VBP"));
            if perfect
                && matches!(m.xpos.as_str(), "VBN" | "VBG")
                && !PLANNING.contains(&m.lemma.as_str())
                && !below_infinitive
                && !matches!(before(1).as_deref(), Some("through" | "by"))
            {
                return Tense::Past;
            }
            if m.xpos == "VBN" {
                // "the injunction issued Thursday", "rescued on Nov. 25": a bare participle is past;
                // "the talks scheduled for Friday", "a vote expected Monday" look ahead.
                if aux.is_empty() && matches!(m.lemma.as_str(), "schedule" | "slate" | "expect") {
                    return Tense::Future;
                }
                return if aux.is_empty() { Tense::Past } else { Tense::Present };
            }
            let present = matches!(m.xpos.as_str(), "VBZ" | "VBP")
                || (m.xpos == "VBG" && aux.iter().any(|&j| matches!(xpos_of(j), "VBZ" | "VBP")));
            if present && !SAYING.contains(&m.lemma.as_str()) {
                return Tense::Scheduled;
            }
            if present || m.xpos == "MD" || !aux.is_empty() {
                return Tense::Present;
            }
        }
        match doc.syntax.get(k).and_then(|d| d.head) {
            Some(h) => k = h as usize,
            None => break,
        }
    }
    Tense::Present
}
