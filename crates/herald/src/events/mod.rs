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
mod code;
pub mod codebook;
mod frame;
pub mod negation;
mod patterns;
mod polarity;
mod statements;
pub mod verbs;

use std::ops::Range;

use self::actors::{actor_at, actor_here, actor_here_only, actors_at, add_new, is_bare_role};
use self::code::{VerbCode, code_verb, code_verb_pair};
use self::frame::{frame, is_event_noun};
use self::polarity::{Polarity, polarity, refusal};
use self::statements::statements;
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

/// Nouns of what passes between parties: coordinated subjects that act on one of these act on
/// each other ("Arnor and Gondor restored ties").
const JOINING: &[&str] = &[
    "accord",
    "agreement",
    "alliance",
    "ceasefire",
    "conflict",
    "contact",
    "cooperation",
    "deal",
    "dialogue",
    "dispute",
    "exchange",
    "fight",
    "pact",
    "partnership",
    "peace",
    "relation",
    "relationship",
    "tie",
    "trade",
    "treaty",
    "truce",
    "war",
];

/// Verbs that only frame the act of the infinitive after them ("began to withdraw").
const ASPECTUAL: &[&str] = &["appear", "begin", "continue", "need", "seem", "start", "tend", "use"];

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
        match merged.iter_mut().find(|m| same_act(m, &e) && m.date == e.date) {
            Some(m) => m.mentions += 1,
            None => merged.push(e),
        }
    }
    // A mention the text gives no date ("White House: Putin-Trump Summit Remains a Possibility"
    // in the headline) of an act it dates elsewhere is that act, not another on the day of
    // publication.
    let dated_twin: Vec<Option<usize>> = merged
        .iter()
        .map(|e| {
            let undated = e.date_source == DateSource::Published;
            let dated = |d: &Event| d.date_source != DateSource::Published && same_act(d, e);
            merged.iter().position(dated).filter(|_| undated)
        })
        .collect();
    for (i, twin) in dated_twin.iter().enumerate() {
        if let Some(j) = *twin {
            merged[j].mentions += merged[i].mentions;
        }
    }
    let mut twins = dated_twin.iter();
    merged.retain(|_| twins.next().is_some_and(Option::is_none));
    merged.sort_by_key(|e| (e.sentence, e.trigger.start()));
    let lead = merged.iter().map(|e| paragraph(doc, e.sentence)).min();
    for e in &mut merged {
        e.is_root = Some(paragraph(doc, e.sentence)) == lead;
    }
    doc.events = merged;
}

/// Whether two events code the same act: code, source and target (whatever their dates).
fn same_act(a: &Event, b: &Event) -> bool {
    a.code == b.code
        && a.source.as_ref().map(|x| &x.code) == b.source.as_ref().map(|x| &x.code)
        && a.target.as_ref().map(|x| &x.code) == b.target.as_ref().map(|x| &x.code)
}

/// The words after verb `v` in its phrase that no dependent of a relation in `hung` holds: its
/// own complements, not the clauses hung on it.
fn own_words_after(doc: &Doc, tree: &Tree, v: usize, hung: &[&str]) -> impl Iterator<Item = usize> {
    let spans = dependent_spans(doc, tree, v, hung);
    (v + 1..tree.subtree(v).end).filter(move |t| !spans.iter().any(|r| r.contains(t)))
}

/// The spans of verb `v`'s dependents whose relation is one of `rels`.
fn dependent_spans(doc: &Doc, tree: &Tree, v: usize, rels: &[&str]) -> Vec<Range<usize>> {
    children(tree, v).filter(|&c| rels.contains(&doc.rel(c))).map(|c| tree.subtree(c)).collect()
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

/// The first place named in sentence `s` after a locative word ("in Budapest"), else the first
/// place there that is neither an event actor's name, nor a subject or object ("to coerce
/// Russia", "will host Lesotho": who, not where), nor a word describing a noun ("Russia's
/// foreign minister", "U.S. sanctions": whose).
fn place_in(doc: &Doc, s: usize, not: &[Option<&EventActor>]) -> Option<u32> {
    let sentence = doc.sentences[s].span;
    let names: Vec<&str> = not.iter().flatten().map(|a| a.name.as_str()).collect();
    // Each place of the sentence with its first and last token.
    let candidates: Vec<(usize, usize, usize)> = doc
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| sentence.contains(p.span) && !names.contains(&doc.slice(p.span)))
        .filter_map(|(i, p)| {
            let r = doc.token_range(p.span);
            (!r.is_empty()).then(|| (i, r.start, r.end - 1))
        })
        .collect();
    // (A conjunct stands where the first of its list stands: "Venezuela, Chile and …".)
    let party = |last: usize| {
        let mut t = last;
        while doc.rel(t) == "conj"
            && let Some(h) = doc.head(t)
        {
            t = h;
        }
        matches!(doc.rel(t), "nmod:poss" | "compound" | "amod" | "nsubj" | "nsubj:pass" | "obj" | "iobj")
    };
    let after_locative = candidates.iter().find(|&&(_, first, _)| crate::actors::locative(doc, first));
    after_locative
        .or_else(|| candidates.iter().find(|&&(_, _, last)| !party(last)))
        .map(|&(i, _, _)| i as u32)
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
    // "tends to be critical", "need to be funded", "began to withdraw": the act is the
    // infinitive's, coded there.
    let infinitive =
        children(tree, v).any(|c| doc.rel(c) == "xcomp") && !children(tree, v).any(|c| doc.rel(c) == "obj");
    if infinitive && ASPECTUAL.contains(&lemma(doc, v).as_str()) {
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
        let hung = ["advcl", "parataxis", "ccomp", "conj", "nsubj", "csubj"];
        // Coordinated subjects of a verb with no object act on each other, not on where it
        // happens ("Israeli and Egyptian officials met in Cairo"); one subject reaches the
        // place it arrives in ("arrived in Gondor on his first visit").
        let place = |t: usize| sources.len() > 1 && f.object.is_none() && crate::actors::locative(doc, t);
        let found = own_words_after(doc, tree, v, &hung).find(|&t| {
            !place(t) && actor_here(doc, tree, t).is_some_and(|a| !sources.iter().any(|s| s.code == a.code))
        });
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
    // Coordinated subjects act on each other only through what passes between them: no object
    // ("Gondor and Osgiliath clashed") or one that joins them ("delayed their meeting", "signed
    // an accord", "resume arms control talks"), and no partner of another kind ("struck
    // agreement with commercial banks").
    // "China, India and South Korea have increased output" is three acts on no one.
    let joins = |t: usize| is_event_noun(doc, t) || JOINING.contains(&lemma(doc, t).as_str());
    let between = f.object.is_none_or(|o| tree.subtree(o).any(joins))
        && ["with", "against"]
            .iter()
            .filter_map(|case| phrase_of_case(doc, tree, v, case))
            .all(|o| actor_here(doc, tree, o).is_some());
    if targets.is_empty() && sources.len() > 1 && between && !target_owned && !is_passive(doc, tree, v) {
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
    own_words_after(doc, tree, v, &["advcl", "parataxis", "ccomp", "conj", "csubj"])
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
