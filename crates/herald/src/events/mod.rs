//! Events: the stage that codes CAMEO events (with PLOVER categories) from the parse, the
//! entities and the quotes, and fills [`crate::Doc::events`].
//!
//! - **Verbal events**: a verb of the dictionary ([`verbs`]; Phoenix `CAMEO.2.0.txt` plus
//!   herald's `verbs-herald.txt`) takes the code of its longest matching pattern ("imposed
//!   sanctions" → 163), else its own or its block's; its subject is the source (the `by` agent
//!   of a passive), its object or its `with`/`against`/`on` oblique the target — through the
//!   object when the object is itself an event ("canceled a summit with Putin").
//! - **Nominal events**: "the sanctions targeting Russia, which were implemented by the US
//!   Treasury Department" is 163 from the US to Russia.
//! - **Statements**: a quote whose speaker is coded yields a verbal event only: its cue's code
//!   when the cue is an accusation or criticism ("accused", "contended" with hostile words →
//!   111), 036 when what was said is that a meeting with another party may happen.
//! - **What is not an act** ([`polarity`]): a hypothetical ("would impose"), a condition, an act
//!   a threat, plan or appeal governs, and an act under a negated verb are not coded. A negated
//!   episode ("did not yield", "will not increase imports") is CAMEO's refusal where there is
//!   one ([`negation`]: 124, 121), else nothing ("did not attack"); a negated statement is not
//!   made. An event inside reported speech is coded in the speaker's frame (`quote` points to
//!   the report) with lower confidence.
//! - A noun the tagger gave a subject and a "do" or modal auxiliary is read as the verb it is
//!   ("did not even ever clash/NOUN over").
//! - Patterns are matched by [`patterns`], synonym-set memberships asked once per clause.
//!
//! Dates come from a time expression in the clause, else in the sentence, else the date the
//! speaker last spoke, else the publication date — and `date_source` says which. Duplicates
//! (same code, source, target and date) merge into one record with a mention count.

mod actors;
pub mod codebook;
pub mod negation;
mod patterns;
mod polarity;
mod statements;
pub mod verbs;

use std::ops::Range;

use self::actors::{actor_at, actor_here, actor_here_only, actors_at, add_new, is_bare_role};
use self::patterns::{TextWord, Words};
use self::polarity::{Polarity, polarity, refusal};
use self::statements::statements;
use self::verbs::VerbDictionary;
use crate::date::Date;
use crate::doc::Doc;
use crate::layers::{DateSource, Event, EventActor, QuoteKind, Upos};
use crate::lexicons::Lexicons;
use crate::quotes::tree::Tree;
use crate::span::Span;

/// Nouns that name an event by themselves, with their code.
const NOMINAL: &[(&str, &str)] = &[("embargo", "1631"), ("sanction", "163")];

/// Verbs whose subject receives what the event gives: its source is the "from" phrase.
const RECEIVING: &[&str] = &["receive", "accept", "obtain", "get", "win", "secure"];

/// Nouns that name a meeting or negotiation.
const MEETINGS: &[&str] = &["meeting", "negotiation", "summit", "talk", "visit"];

/// Words that make a statement about a meeting an intention rather than a report.
const INTENT: &[&str] = &[
    "consider",
    "consideration",
    "hope",
    "plan",
    "possibility",
    "possible",
    "potential",
    "prepare",
    "propose",
];

/// Runs the stage.
pub fn run(doc: &mut Doc, lex: &Lexicons) {
    if doc.tokens.is_empty() || doc.syntax.len() != doc.tokens.len() {
        return;
    }
    let tree = Tree::new(doc);
    let reported = reported_tokens(doc);
    // The cues of quotes are statements, coded from the quotes below.
    let mut cue = vec![false; doc.tokens.len()];
    for q in &doc.quotes {
        for t in q.cue.map(|c| doc.token_range(c)).into_iter().flatten() {
            cue[t] = true;
        }
    }
    let mut events = Vec::new();
    for v in 0..doc.tokens.len() {
        if cue[v] {
            continue;
        }
        let mut found = verbal(doc, lex, &tree, v);
        if found.is_empty() {
            found.extend(nominal(doc, lex, &tree, v));
        }
        for mut e in found {
            // Reported by someone: the event is in that speaker's frame, and less certain.
            if let Some(q) = reported[v] {
                e.quote = Some(q);
                e.confidence *= 0.75;
            }
            events.push(e);
        }
    }
    let acts: Vec<Span> = events.iter().map(|e: &Event| e.trigger).collect();
    events.extend(statements(doc, lex, &tree, &acts));
    let mut merged: Vec<Event> = Vec::new();
    for e in events {
        let same = merged.iter_mut().find(|m| {
            m.code == e.code
                && m.date == e.date
                && m.source.as_ref().map(|a| &a.code) == e.source.as_ref().map(|a| &a.code)
                && m.target.as_ref().map(|a| &a.code) == e.target.as_ref().map(|a| &a.code)
        });
        match same {
            Some(m) => m.mentions += 1,
            None => merged.push(e),
        }
    }
    // A mention the text gives no date ("White House: Putin-Trump Summit Remains a Possibility"
    // in the headline) of an act it dates elsewhere is that act, not another on the day of
    // publication.
    let same_act = |a: &Event, b: &Event| {
        a.code == b.code
            && a.source.as_ref().map(|x| &x.code) == b.source.as_ref().map(|x| &x.code)
            && a.target.as_ref().map(|x| &x.code) == b.target.as_ref().map(|x| &x.code)
    };
    let mut i = 0;
    while i < merged.len() {
        let undated = merged[i].date_source == DateSource::Published;
        let dated = (0..merged.len()).find(|&j| {
            j != i && merged[j].date_source != DateSource::Published && same_act(&merged[i], &merged[j])
        });
        match dated.filter(|_| undated) {
            Some(j) => {
                let e = merged.remove(i);
                let j = if j > i { j - 1 } else { j };
                merged[j].mentions += e.mentions;
            }
            None => i += 1,
        }
    }
    merged.sort_by_key(|e| (e.sentence, e.trigger.start()));
    let lead = merged.iter().map(|e| paragraph(doc, e.sentence)).min();
    for e in &mut merged {
        e.is_root = Some(paragraph(doc, e.sentence)) == lead;
    }
    doc.events = merged;
}

fn paragraph(doc: &Doc, sentence: u32) -> u32 {
    doc.sentences.get(sentence as usize).map_or(0, |s| s.paragraph)
}

/// The lowercase lemma of token `i` (the dictionaries' spelling).
fn lemma(doc: &Doc, i: usize) -> String {
    doc.lemma(i).to_lowercase()
}

fn children<'t>(tree: &'t Tree, i: usize) -> impl Iterator<Item = usize> + 't {
    tree.children(i).iter().map(|&c| c as usize)
}

/// Whether verb `v` is passive ("was attended by …").
fn is_passive(doc: &Doc, tree: &Tree, v: usize) -> bool {
    children(tree, v).any(|c| matches!(doc.rel(c), "aux:pass" | "nsubj:pass"))
}

/// For each token, the quote whose content holds it: what it reports is in that speaker's frame.
/// The object of a stance verb ("addressed the sanctions …") is a thing, not a report.
fn reported_tokens(doc: &Doc) -> Vec<Option<u32>> {
    let mut out = vec![None; doc.tokens.len()];
    for (qi, q) in doc.quotes.iter().enumerate() {
        let cue = q.cue.and_then(|c| doc.token_range(c).next()).map(|t| lemma(doc, t)).unwrap_or_default();
        if q.kind == QuoteKind::Indirect
            && crate::quotes::cues::takes_object(&cue)
            && !crate::quotes::cues::takes_clause(&cue)
        {
            continue;
        }
        for t in doc.token_range(q.span) {
            out[t] = out[t].or(Some(qi as u32));
        }
    }
    out
}

/// Whether noun `v` is a verb the tagger missed: the parser gave it a subject and a "do" or
/// modal auxiliary, which only verbs govern ("Romendacil did not even ever clash/NOUN over…"),
/// and no determiner or preposition, which only nouns take ("can rely/ADV on the support/NOUN").
fn verb_tagged_noun(doc: &Doc, tree: &Tree, v: usize) -> bool {
    const AUXILIARIES: &[&str] =
        &["do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"];
    doc.upos(v) == Some(Upos::Noun)
        && children(tree, v).any(|c| doc.rel(c) == "nsubj")
        && children(tree, v).any(|c| doc.rel(c) == "aux" && AUXILIARIES.contains(&lemma(doc, c).as_str()))
        && !children(tree, v).any(|c| matches!(doc.rel(c), "det" | "case" | "nmod:poss"))
}

/// The source, target and words after the verb, from the parse.
struct Frame {
    source: Option<usize>,
    /// Subjects coordinated with the source that the parser attached to the verb on their own
    /// ("Evil Mordor, the awful Arnor, and good Gondor welcomed…" read with two subjects).
    also: Vec<usize>,
    target: Option<usize>,
    /// The object's head, when the object is an event noun ("a summit with Putin").
    object: Option<usize>,
    /// The verb's own oblique of a target preposition ("celebrated Eid *with Gondor*"), for when
    /// the object names no actor.
    oblique: Option<usize>,
}

fn frame(doc: &Doc, tree: &Tree, v: usize) -> Frame {
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

fn is_event_noun(doc: &Doc, n: usize) -> bool {
    let l = lemma(doc, n);
    MEETINGS.contains(&l.as_str()) || NOMINAL.iter().any(|(w, _)| *w == l)
}

/// The code of verb `v` by the dictionary: the longest matching pattern, else the verb's own
/// code, else its block's; `None` when nothing codes it.
fn code_verb(
    doc: &Doc,
    dict: &VerbDictionary,
    tree: &Tree,
    v: usize,
    object: Option<usize>,
) -> Option<(String, String)> {
    code_verb_pair(doc, dict, tree, v, object).map(|c| (c.code, c.rule))
}

/// How the dictionary codes a verb.
struct VerbCode {
    code: String,
    /// The paired reverse code (`[042:043]`: the target receives the visit).
    reverse: Option<String>,
    /// The rule that fired.
    rule: String,
    /// The pattern puts the target before the verb and the source after it.
    swap: bool,
    /// The preposition whose object the pattern names as the target.
    target_case: Option<String>,
}

/// The code of verb `v`, with its paired code, rule and roles (see [`VerbCode`]).
fn code_verb_pair(
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
        r.filter(|&t| t != v).map(|t| (doc.form(t).to_lowercase(), lemma(doc, t), particle_ok(t))).collect()
    };
    // After the verb: its own complements, not a clause hung on it ("…, almost five years after
    // crowds trashed its embassy", "and seized the town"). Before it: its subject, auxiliaries
    // and negation ("TANKS *", "WILL NOT *"), not an adverb ("Gollum recently allowed…").
    let hung: Vec<Range<usize>> = children(tree, v)
        .filter(|&c| matches!(doc.rel(c), "advcl" | "parataxis" | "conj"))
        .map(|c| tree.subtree(c))
        .collect();
    let subjects: Vec<Range<usize>> = children(tree, v)
        .filter(|&c| matches!(doc.rel(c), "nsubj" | "nsubj:pass"))
        .map(|c| tree.subtree(c))
        .collect();
    let pre_word = |t: usize| {
        subjects.iter().any(|r| r.contains(&t))
            || doc.head(t) == Some(v)
                && (matches!(doc.rel(t), "aux" | "aux:pass" | "cop")
                    || doc.rel(t) == "advmod" && matches!(lemma(doc, t).as_str(), "not" | "n't" | "never"))
    };
    let mut after = words(&mut (v + 1..phrase.end).filter(|t| !hung.iter().any(|r| r.contains(t))));
    if let Some(o) = object.filter(|&o| o < v) {
        after.insert(0, (doc.form(o).to_lowercase(), lemma(doc, o), false));
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
        .filter(|(_, p)| after.fit(&p.post) && before.fit(&p.pre))
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
    candidates.iter().find_map(|e| {
        let block = dict.blocks.get(e.block)?;
        let (code, reverse) = match e.code.clone() {
            Some(own) => (own, e.reverse.clone()),
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

/// The date of an event in sentence `s` around token range `clause`.
fn date_for(doc: &Doc, s: usize, clause: &Range<usize>) -> (Option<Date>, DateSource) {
    let sentence = doc.sentences[s].span;
    let days = |t: &&crate::layers::Timex| t.value.as_deref().and_then(Date::parse_iso);
    let in_clause = doc.timexes.iter().filter(|t| sentence.contains(t.span)).find(|t| {
        let r = doc.token_range(t.span);
        r.start >= clause.start && r.end <= clause.end && days(t).is_some()
    });
    let in_sentence = || doc.timexes.iter().filter(|t| sentence.contains(t.span)).find(|t| days(t).is_some());
    match in_clause.or_else(in_sentence).and_then(|t| days(&t)) {
        Some(d) => (Some(d), DateSource::Text),
        None => (doc.meta.published, DateSource::Published),
    }
}

/// The first place named in sentence `s` after a locative word, else any place there.
fn place_in(doc: &Doc, s: usize, not: &[Option<&EventActor>]) -> Option<u32> {
    let sentence = doc.sentences[s].span;
    let names: Vec<&str> = not.iter().flatten().map(|a| a.name.as_str()).collect();
    doc.places
        .iter()
        .position(|p| sentence.contains(p.span) && !names.contains(&doc.slice(p.span)))
        .map(|i| i as u32)
}

/// What coded an event: the code, the rule that gave it, and how sure it is.
struct Coding {
    code: String,
    rule: String,
    confidence: f32,
}

fn event(
    doc: &Doc,
    coding: Coding,
    v: usize,
    source: EventActor,
    target: EventActor,
    date: (Option<Date>, DateSource),
) -> Option<Event> {
    let Coding { code, rule, confidence } = coding;
    let (source, target) = (Some(source), Some(target));
    let s = doc.sentence_of(v)?;
    let place = place_in(doc, s, &[source.as_ref(), target.as_ref()]);
    let (plover, mode) = codebook::plover(&code)
        .map_or((None, None), |(e, m)| (Some(e.to_string()), (!m.is_empty()).then(|| m.to_string())));
    Some(Event {
        goldstein: codebook::goldstein(&code),
        quad_class: codebook::quad_class(&code),
        plover,
        mode,
        code,
        source,
        target,
        date: date.0,
        date_source: date.1,
        place,
        sentence: s as u32,
        trigger: doc.tokens[v].span,
        evidence: doc.sentences[s].span,
        quote: None,
        rule,
        confidence,
        tone: doc.sentence_tone.get(s).copied(),
        mentions: 1,
        is_root: false,
    })
}

/// One event per source and target a verb names; an event needs both sides (a one-sided
/// "event" is usually a misreading).
fn verbal(doc: &Doc, lex: &Lexicons, tree: &Tree, v: usize) -> Vec<Event> {
    if doc.upos(v) != Some(Upos::Verb) && !verb_tagged_noun(doc, tree, v) {
        return Vec::new();
    }
    let polarity = polarity(doc, tree, v);
    if polarity == Polarity::None {
        return Vec::new();
    }
    let f = frame(doc, tree, v);
    let Some(VerbCode { mut code, mut reverse, mut rule, swap, target_case }) =
        code_verb_pair(doc, &lex.verbs, tree, v, f.object)
    else {
        return Vec::new();
    };
    if polarity == Polarity::Refusal {
        // A refusal has no paired side.
        let Some(refused) = refusal(doc, tree, v, &lex.negations, &code) else { return Vec::new() };
        code = refused.to_string();
        reverse = None;
        rule = format!("not {rule}");
    }
    let mut sources = f.source.map(|t| actors_at(doc, tree, t)).unwrap_or_default();
    add_new(&mut sources, f.also.iter().flat_map(|&t| actors_at(doc, tree, t)));
    // The pattern names the target's preposition ("warned their people about X"): that phrase,
    // wherever the parser hung it in the verb's phrase, before any other reading.
    let named = target_case
        .and_then(|case| phrase_of_case(doc, tree, v, &case))
        .map(|t| actors_at(doc, tree, t))
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !sources.iter().any(|s| s.code == a.code))
        .collect::<Vec<_>>();
    // An object that is not itself an actor ("celebrated Eid at Osgiliath with Gondor") yields
    // to the verb's own "with/against/…" phrase before the actors deeper inside it.
    let object_names_none = f.target.is_some_and(|t| actor_here_only(doc, t).is_none());
    let direct = f.oblique.filter(|_| object_names_none && f.oblique != f.target);
    let mut targets =
        if named.is_empty() { direct.map(|t| actors_at(doc, tree, t)).unwrap_or_default() } else { named };
    if targets.is_empty() {
        targets = f.target.map(|t| actors_at(doc, tree, t)).unwrap_or_default();
    }
    // "allowing their troops to train": a role of no country that a pronoun owns is the
    // source's own people, not another actor.
    // Anywhere in the target's phrase: "signed a pact allowing their troops to train".
    let owned: Vec<String> = f
        .target
        .map(|t| tree.subtree(t))
        .unwrap_or_default()
        .filter(|&t| owned_by_pronoun(doc, tree, t))
        .flat_map(|t| actors_at(doc, tree, t).into_iter().filter(|a| is_bare_role(doc, a)).map(|a| a.code))
        .collect();
    targets.retain(|a| !owned.contains(&a.code));
    if targets.is_empty() && f.oblique != f.target {
        targets = f.oblique.map(|t| actors_at(doc, tree, t)).unwrap_or_default();
    }
    if targets.is_empty() {
        // "Gollum allowed that Mordor isn't…": the subject of the clause it governs.
        let clause_subject = children(tree, v)
            .filter(|&c| doc.rel(c) == "ccomp")
            .find_map(|c| children(tree, c).find(|&k| matches!(doc.rel(k), "nsubj" | "nsubj:pass")));
        targets = clause_subject
            .map(|t| actors_at(doc, tree, t))
            .unwrap_or_default()
            .into_iter()
            .filter(|a| !sources.iter().any(|s| s.code == a.code))
            .collect();
    }
    if targets.is_empty() {
        // The first actor in the verb's own complements ("welcomed a resumption of ties with
        // Osgiliath"), not in clauses hanging from it.
        let phrase = tree.subtree(v);
        let clauses: Vec<std::ops::Range<usize>> = children(tree, v)
            .filter(|&c| matches!(doc.rel(c), "advcl" | "parataxis" | "ccomp" | "conj" | "nsubj" | "csubj"))
            .map(|c| tree.subtree(c))
            .collect();
        let found = (v + 1..phrase.end)
            .filter(|t| !clauses.iter().any(|r| r.contains(t)))
            .find(|&t| actor_here(doc, tree, t).is_some_and(|a| !sources.iter().any(|s| s.code == a.code)));
        // With the actors joined to it ("ties with Mordor, Rohan, Arnor and Bree"), but not the
        // sources themselves (a passive's "by" phrase is inside the verb's phrase).
        targets.extend(found.map(|t| actors_at(doc, tree, t)).unwrap_or_default());
        targets.retain(|a| !sources.iter().any(|s| s.code == a.code));
    }
    // (Again: a fallback above may have found them inside the phrase.)
    targets.retain(|a| !owned.contains(&a.code));
    // ("The two armies moved their troops" is no act of one on the other; "signed a pact
    // allowing their troops to train" is.)
    let target_owned = f.target.is_some_and(|t| {
        owned_by_pronoun(doc, tree, t) && actors_at(doc, tree, t).iter().any(|a| is_bare_role(doc, a))
    });
    if targets.is_empty() && sources.len() > 1 && !target_owned && !is_passive(doc, tree, v) {
        // "Gondor and Osgiliath have delayed their meeting": each acts on the other (not the
        // agents of a passive: "was attended by representatives from Brazil and Mexico").
        targets = sources.clone();
    }
    // When the actors act on each other, each side of a paired code is coded already ("was
    // attended by representatives from Brazil, Mexico and …").
    if targets.iter().any(|t| sources.iter().any(|s| s.code == t.code)) {
        reverse = None;
    }
    let (sources, targets) = if swap { (targets, sources) } else { (sources, targets) };
    let Some(s) = doc.sentence_of(v) else { return Vec::new() };
    let date = date_for(doc, s, &tree.subtree(v));
    let mut out = Vec::new();
    for source in &sources {
        for target in targets.iter().filter(|t| t.code != source.code) {
            let coding = Coding { code: code.clone(), rule: rule.clone(), confidence: 0.8 };
            out.extend(event(doc, coding, v, source.clone(), target.clone(), date));
            // A paired code: the target's side of it ("left for X" → X receives the visit).
            if let Some(reverse) = &reverse {
                let coding =
                    Coding { code: reverse.clone(), rule: format!("{rule} (paired)"), confidence: 0.7 };
                out.extend(event(doc, coding, v, target.clone(), source.clone(), date));
            }
        }
    }
    out
}

/// The first word after verb `v` in its own phrase (not in a clause hanging from it) that takes
/// preposition `case` ("about the Prince", "with Gondor").
fn phrase_of_case(doc: &Doc, tree: &Tree, v: usize, case: &str) -> Option<usize> {
    let clauses: Vec<Range<usize>> = children(tree, v)
        .filter(|&c| matches!(doc.rel(c), "advcl" | "parataxis" | "ccomp" | "conj" | "csubj"))
        .map(|c| tree.subtree(c))
        .collect();
    (v + 1..tree.subtree(v).end)
        .filter(|t| !clauses.iter().any(|r| r.contains(t)))
        .find(|&t| children(tree, t).any(|c| doc.rel(c) == "case" && lemma(doc, c) == case))
}

/// Whether a pronoun owns token `t` ("their troops").
fn owned_by_pronoun(doc: &Doc, tree: &Tree, t: usize) -> bool {
    children(tree, t).any(|c| doc.rel(c) == "nmod:poss" && doc.upos(c) == Some(Upos::Pron))
}

/// Whether a noun is plural by its tag (NNS, NNPS).
fn is_plural_noun(doc: &Doc, t: usize) -> bool {
    doc.morphology.get(t).is_some_and(|m| matches!(m.xpos.as_str(), "NNS" | "NNPS"))
}

/// The number a finite clause agrees with, from its verb or auxiliaries ("were implemented":
/// plural; "has said": singular); `None` when the form does not show it ("had", "will").
fn clause_is_plural(doc: &Doc, tree: &Tree, v: usize) -> Option<bool> {
    let mut finite = std::iter::once(v).chain(children(tree, v).filter(|&a| doc.rel(a).starts_with("aux")));
    finite.find_map(|t| match doc.form(t).to_lowercase().as_str() {
        "are" | "were" | "have" | "'re" => Some(true),
        "is" | "was" | "has" | "'s" => Some(false),
        _ => match doc.morphology.get(t).map(|m| m.xpos.as_str()) {
            Some("VBZ") => Some(false),
            Some("VBP") => Some(true),
            _ => None,
        },
    })
}

/// "the sanctions targeting Russia, which were implemented by the US Treasury Department":
/// an event noun whose agent and target the clauses around it name.
fn nominal(doc: &Doc, lex: &Lexicons, tree: &Tree, n: usize) -> Option<Event> {
    if doc.upos(n) != Some(Upos::Noun) {
        return None;
    }
    let l = lemma(doc, n);
    let code = NOMINAL.iter().find(|(w, _)| *w == l)?.1.to_string();
    let mut source = None;
    let mut target = None;
    for c in children(tree, n) {
        match doc.rel(c) {
            // "American sanctions", "US sanctions"
            "amod" | "compound" | "nmod:poss" => source = source.or_else(|| actor_at(doc, tree, c)),
            "acl" | "acl:relcl" => {
                let f = frame(doc, tree, c);
                source = source.or_else(|| f.source.and_then(|t| actor_at(doc, tree, t)));
                // "sanctions targeting Russia": the participle's object.
                let obj = children(tree, c).find(|&o| doc.rel(o) == "obj");
                target = target.or_else(|| obj.and_then(|o| actor_at(doc, tree, o)));
                // "sanctions targeting Russia, which were implemented by the Treasury": a
                // relative clause hung on the object whose verb agrees with the event noun
                // instead describes the event.
                let plural = is_plural_noun(doc, n);
                let relative = obj.filter(|&o| is_plural_noun(doc, o) != plural).and_then(|o| {
                    children(tree, o).find(|&r| {
                        doc.rel(r) == "acl:relcl" && clause_is_plural(doc, tree, r) == Some(plural)
                    })
                });
                if let Some(r) = relative {
                    let f = frame(doc, tree, r);
                    source = source.or_else(|| f.source.and_then(|t| actor_at(doc, tree, t)));
                }
                target = target.or_else(|| f.target.filter(|&t| t != n).and_then(|t| actor_at(doc, tree, t)));
            }
            "nmod" => target = target.or_else(|| actor_at(doc, tree, c)),
            _ => {}
        }
    }
    // A verb with the noun as object ("the US imposed sanctions") is coded as a verb.
    // "The US imposed sanctions" is the verb's event.
    let same_root = |h: usize| {
        let f = frame(doc, tree, h);
        code_verb(doc, &lex.verbs, tree, h, f.object).is_some_and(|(c, _)| c.get(..2) == code.get(..2))
    };
    if matches!(doc.rel(n), "obj" | "nsubj:pass") && doc.head(n).is_some_and(same_root) {
        return None;
    }
    let source = source?;
    let target = target.filter(|t| t.code != source.code)?;
    let s = doc.sentence_of(n)?;
    let date = date_for(doc, s, &tree.subtree(n));
    event(doc, Coding { code, rule: format!("noun {l}"), confidence: 0.6 }, n, source, target, date)
}
