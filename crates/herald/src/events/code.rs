//! The CAMEO code of a verb by the dictionary: the longest pattern that fits the words around
//! it (its subject, auxiliaries and negation before; its own complements after), else the verb's
//! own code, else its block's.

use super::patterns::{TextWord, Words};
use super::verbs::VerbDictionary;
use super::{children, dependent_spans, lemma, own_words_after};
use std::ops::Range;

use crate::doc::Doc;
use crate::layers::Upos;
use crate::quotes::tree::Tree;

/// The code of verb `v` by the dictionary: the longest matching pattern, else the verb's own
/// code, else its block's; `None` when nothing codes it.
pub(super) fn code_verb(
    doc: &Doc,
    dict: &VerbDictionary,
    tree: &Tree,
    v: usize,
    object: Option<usize>,
) -> Option<(String, String)> {
    code_verb_pair(doc, dict, tree, v, object).map(|c| (c.code, c.rule))
}

/// Verbs too light to mean their block's act without a pattern (Phoenix files TAKE under
/// APPREHEND, GIVE under GRANT, FACE under MEET_PEOPLE).
const LIGHT: &[&str] = &["face", "give", "take"];

/// How the dictionary codes a verb.
pub(super) struct VerbCode {
    pub(super) code: String,
    /// The paired reverse code (`[042:043]`: the target receives the visit).
    pub(super) reverse: Option<String>,
    /// The rule that fired.
    pub(super) rule: String,
    /// The pattern puts the target before the verb and the source after it.
    pub(super) swap: bool,
    /// The preposition whose object the pattern names as the target.
    pub(super) target_case: Option<String>,
}

/// The code of verb `v`, with its paired code, rule and roles (see [`VerbCode`]).
pub(super) fn code_verb_pair(
    doc: &Doc,
    dict: &VerbDictionary,
    tree: &Tree,
    v: usize,
    object: Option<usize>,
) -> Option<VerbCode> {
    let lemma_v = lemma(doc, v);
    let entries = dict.entries(&lemma_v, &doc.form(v).to_lowercase())?;
    // The verb's particle; or the word right after it that the parser read as a preposition
    // ("cordoned off/ADP the roads", "gave in to"), when the dictionary lists the verb with it.
    let particle =
        children(tree, v).find(|&c| doc.rel(c) == "compound:prt").map(|c| lemma(doc, c)).or_else(|| {
            let next = v + 1;
            let adjacent = doc.sentence_of(next).is_some() && doc.sentence_of(next) == doc.sentence_of(v);
            let word = matches!(doc.upos(next), Some(Upos::Adp | Upos::Adv | Upos::Part));
            (adjacent && word)
                .then(|| lemma(doc, next))
                .filter(|p| entries.iter().any(|e| e.particle.as_deref() == Some(p.as_str())))
        });
    // A verb with its particle ("call off") is that entry; otherwise the entries without one.
    let with_particle: Vec<_> =
        entries.iter().filter(|e| e.particle.is_some() && e.particle == particle).collect();
    let candidates = if with_particle.is_empty() {
        entries.iter().filter(|e| e.particle.is_none()).collect()
    } else {
        with_particle
    };
    // The words around the verb in its clause (with the noun a participle describes).
    let phrase = tree.subtree(v);
    // Each word with whether it can be the verb's particle: a pattern's "OFF" is the particle of
    // "fire off a letter", not the preposition of "a missile into the sea off its coast".
    let particle_ok = |t: usize| {
        doc.rel(t) == "compound:prt" || t == v + 1 || doc.morphology.get(t).is_some_and(|m| m.xpos == "RP")
    };
    let words = |r: &mut dyn Iterator<Item = usize>| -> Vec<TextWord> {
        r.filter(|&t| t != v)
            .map(|t| TextWord {
                form: doc.form(t).to_lowercase(),
                lemma: lemma(doc, t),
                particle: particle_ok(t),
                adjective: doc.upos(t) == Some(Upos::Adj),
            })
            .collect()
    };
    // After the verb: its own complements, not a clause hung on it ("…, almost five years after
    // crowds trashed its embassy", "and seized the town"). Before it: its subject, auxiliaries
    // and negation ("TANKS *", "WILL NOT *"), not an adverb ("Gollum recently allowed…").
    let subjects = dependent_spans(doc, tree, v, &["nsubj", "nsubj:pass"]);
    let pre_word = |t: usize| {
        subjects.iter().any(|r| r.contains(&t))
            || doc.head(t) == Some(v)
                && (matches!(doc.rel(t), "aux" | "aux:pass" | "cop")
                    || doc.rel(t) == "advmod" && matches!(lemma(doc, t).as_str(), "not" | "n't" | "never"))
    };
    // Nor a finite clause it takes as a complement ("allowed that Mordor isn't the neatest
    // place"): that clause is a predication of its own.
    let that_clauses: Vec<Range<usize>> = children(tree, v)
        .filter(|&c| {
            doc.rel(c) == "ccomp" && children(tree, c).any(|m| doc.rel(m) == "mark" && lemma(doc, m) != "to")
        })
        .map(|c| tree.subtree(c))
        .collect();
    let mut after = words(
        &mut own_words_after(doc, tree, v, &["advcl", "parataxis", "conj"])
            .filter(|t| !that_clauses.iter().any(|r| r.contains(t))),
    );
    if let Some(o) = object.filter(|&o| o < v) {
        let word = TextWord { form: doc.form(o).to_lowercase(), lemma: lemma(doc, o), ..TextWord::default() };
        after.insert(0, word);
    }
    let before = words(&mut (phrase.start..v).filter(|&t| pre_word(t)));
    let (after, before) = (Words::new(dict, after), Words::new(dict, before));
    // The longest pattern of any of the verb's blocks (a later dictionary wins a tie).
    // A verb with a code of its own does not take the patterns its block's dictionary wrote for
    // another member ("ADDRESS [010]" in the block of MONITOR).
    let best = candidates
        .iter()
        .filter_map(|e| dict.blocks.get(e.block).map(|b| (e, b)))
        .flat_map(|(e, b)| b.patterns.iter().map(move |p| (e, b, p)))
        .filter(|(e, _, p)| e.code.is_none() || !dict.written_for_other(p, e.block, &lemma_v))
        .map(|(_, b, p)| (b, p))
        .filter(|(_, p)| !p.post.is_empty() || !p.pre.is_empty())
        .filter(|(_, p)| after.fit(&p.post, &p.post_joined) && before.fit(&p.pre, &p.pre_joined))
        .max_by_key(|(_, p)| p.pre.len() + p.post.len());
    if let Some((block, p)) = best {
        let rule = format!("{} {}", block.name, p.text);
        return p.code.clone().map(|code| VerbCode {
            code,
            reverse: p.reverse.clone(),
            rule,
            swap: p.swap,
            target_case: p.target_case.clone(),
        });
    }
    // A light verb takes its block's code only through a pattern: "took the UK to war", "gave a
    // speech", "faces a censure vote" are no arrest, grant or meeting.
    let light = LIGHT.contains(&lemma_v.as_str());
    candidates.iter().find_map(|e| {
        let block = dict.blocks.get(e.block)?;
        let (code, reverse) = match e.code.clone() {
            Some(own) => (own, e.reverse.clone()),
            // (A phrasal verb means its own act: "gave in", "took over".)
            None if light && e.particle.is_none() => return None,
            None => (block.code.clone(), block.reverse.clone()),
        };
        Some(VerbCode {
            code: code?,
            reverse,
            rule: format!("{} {}", block.name, lemma_v),
            swap: false,
            target_case: None,
        })
    })
}
