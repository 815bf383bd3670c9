//! Quotes and their speakers: the stage that fills [`crate::Doc::quotes`].
//!
//! 1. **Reported speech from the parse**: a cue verb ([`cues`]) with a clausal complement ("X
//!    said (that) …"), an interrupted clause ("…, she noted"), an infinitive ("vowed to …") or an
//!    object ("denied the report"); and "according to X, …". The speaker is the cue's subject,
//!    or, for a participle ("…, adding that …"), its governing verb's subject.
//! 2. **Quote marks** ([`marks`]): a quoted stretch inside such a content is a *partial* quote and
//!    makes the content *mixed*; a quoted stretch that is the content is *direct*. A quoted
//!    stretch with no content around it takes the cue just after its closing mark ("“…,” she
//!    responded") or just before its opening mark ("Putin said: “…”"), else continues the speaker
//!    of the quote before it in the same or previous paragraph.
//! 3. **Speakers** become entities through the mentions and coreference: "she" is Karoline
//!    Leavitt, "Moscow" the Russian government.
//!
//! Cues inside a quote are the quoted speaker's own words and open no quote of their own.

pub mod cues;
pub mod marks;
pub mod tree;

use std::ops::Range;

use self::marks::Marked;
use self::tree::Tree;
use crate::doc::Doc;
use crate::layers::{MentionKind, Quote, QuoteKind, Upos};
use crate::span::Span;

/// An attribution being built, in tokens.
#[derive(Clone, Debug)]
struct Attribution {
    cue: Option<Range<usize>>,
    content: Range<usize>,
    source: Option<Range<usize>>,
    /// The token that names the speaker (the subject's head).
    speaker: Option<usize>,
    kind: QuoteKind,
    /// The marked stretch this is, for direct and partial quotes.
    marked: Option<usize>,
}

impl Attribution {
    /// Reported speech without quote marks: cue, content, the source's words and its head.
    fn reported(
        cue: Range<usize>,
        content: Range<usize>,
        source: Option<Range<usize>>,
        speaker: Option<usize>,
    ) -> Attribution {
        Attribution { cue: Some(cue), content, source, speaker, kind: QuoteKind::Indirect, marked: None }
    }
}

/// Runs the stage.
pub fn run(doc: &mut Doc) {
    if doc.tokens.is_empty() || doc.syntax.len() != doc.tokens.len() {
        return;
    }
    let tree = Tree::new(doc);
    let marked = marks::find(doc);
    let mut quoted: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    for (k, m) in marked.iter().enumerate() {
        let end = m.close.map_or(m.content.end, |c| c + 1);
        for slot in &mut quoted[m.open..end.min(doc.tokens.len())] {
            *slot = Some(k);
        }
    }
    let mut found = reported_speech(doc, &tree, &quoted);
    found.extend(according_to(doc, &quoted));
    found.extend(trailing_cues(doc, &quoted, &found));
    found.extend(colon_attributions(doc, &quoted));
    found.extend(claim_nouns(doc, &tree, &quoted));
    found.extend(headline(doc, &quoted, &found));
    found.extend(in_a_statement(doc, &quoted));
    let mut out = attach_marks(doc, &tree, &quoted, &marked, found);
    out.sort_by_key(|a| (a.content.start, a.content.end));
    doc.quotes = out.into_iter().filter_map(|a| record(doc, &marked, &a)).collect();
}

fn is_punct(doc: &Doc, i: usize) -> bool {
    doc.upos(i) == Some(Upos::Punct)
}

/// Drops punctuation at both ends of a token range (keeping quote marks that enclose words).
fn trim(doc: &Doc, r: Range<usize>) -> Range<usize> {
    let (mut a, mut b) = (r.start, r.end);
    let keep = |i: usize| matches!(doc.form(i), "“" | "”" | "\"" | "«" | "»");
    while a < b && is_punct(doc, a) && !keep(a) {
        a += 1;
    }
    while b > a && is_punct(doc, b - 1) && !keep(b - 1) {
        b -= 1;
    }
    a..b
}

/// The subject of cue `i`: its own (the one nearest the verb, when the parse gives two), or, for
/// a participle or infinitive hanging from another verb ("…, adding that", "was quoted as
/// saying"), that of the nearest cue above it, else of the nearest verb above it.
fn subject(doc: &Doc, tree: &Tree, i: usize) -> Option<usize> {
    // Subjects before the verb first (nearest first); one after it only when inverted.
    let own = |node: usize| {
        tree.children(node)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| matches!(doc.rel(c), "nsubj" | "nsubj:pass" | "csubj"))
            .min_by_key(|&c| (c > node, c.abs_diff(node)))
    };
    if let Some(s) = own(i) {
        return Some(s);
    }
    let mut node = i;
    let mut fallback = None;
    for _ in 0..4 {
        match doc.rel(node) {
            // "a super PAC supporting Mrs. Clinton", "The Journal, citing documents, …": the noun
            // the participle describes is the source.
            "acl"
                if doc.head(node).is_some_and(|h| matches!(doc.upos(h), Some(Upos::Noun | Upos::Propn))) =>
            {
                return doc.head(node);
            }
            // "Taxes will rise, said the minister" parsed as conjuncts: the clause above is
            // the content, so its subject is no speaker.
            "conj" if node == i && asyndetic_conjunct(doc, tree, i) => break,
            "advcl" | "xcomp" | "conj" | "acl" | "ccomp" => node = doc.head(node)?,
            _ => break,
        }
        if let Some(s) = own(node) {
            if cues::is_cue(&doc.lemma(node).to_lowercase()) {
                return Some(s);
            }
            fallback = fallback.or(Some(s));
        }
    }
    fallback
}

/// The speaker of cue `i`: its subject when that is a name, noun or pronoun outside quote
/// marks; through a relative clause ("a judge that ruled") the noun it describes; else a name
/// next to the cue.
fn speaker_of(doc: &Doc, tree: &Tree, quoted: &[Option<usize>], i: usize) -> Option<usize> {
    // "Cuban said", "many argue": the tagger may call a subject an adjective or determiner.
    let usable = |t: usize| {
        quoted.get(t).is_some_and(Option::is_none)
            && matches!(
                doc.upos(t),
                Some(Upos::Propn | Upos::Pron | Upos::Noun | Upos::Num | Upos::X | Upos::Adj | Upos::Det)
            )
    };
    let subj = subject(doc, tree, i).filter(|&t| usable(t));
    let subj = match subj {
        Some(t)
            if matches!(doc.form(t).to_lowercase().as_str(), "that" | "which")
                && doc.rel(i) == "acl:relcl" =>
        {
            doc.head(i).filter(|&h| usable(h))
        }
        other => other,
    };
    subj.or_else(|| adjacent_speaker(doc, i).filter(|&t| usable(t)))
        .or_else(|| {
            // "Having announced that …, Judge Berman proceeded": an opening participle takes the
            // subject of the sentence's main verb.
            let s = doc.sentence_of(i)?;
            let root = doc.sentences[s].tokens().find(|&t| doc.head(t).is_none())?;
            let subj = tree.children(root).iter().map(|&c| c as usize).find(|&c| doc.rel(c) == "nsubj")?;
            (subj > i && matches!(doc.rel(i), "advcl" | "acl" | "xcomp") && usable(subj)).then_some(subj)
        })
        .or_else(|| {
            // Last resort: the nearest person or organization named before the cue in its sentence.
            let s = doc.sentence_of(i)?;
            let start = doc.sentences[s].token_start as usize;
            let cue_at = doc.tokens.get(i)?.span.start();
            let sentence_at = doc.tokens.get(start)?.span.start();
            let m = doc
                .mentions
                .iter()
                .filter(|m| matches!(m.kind, MentionKind::Person | MentionKind::Org))
                .filter(|m| m.span.end() <= cue_at && m.span.start() >= sentence_at)
                .max_by_key(|m| m.span.end())?;
            let t = doc.token_range(m.span).last()?;
            usable(t).then_some(t)
        })
}

/// The words naming the source: the speaker's phrase, cut at quote marks and trimmed.
fn source_span(doc: &Doc, tree: &Tree, quoted: &[Option<usize>], speaker: usize) -> Range<usize> {
    let phrase = tree.subtree(speaker);
    let outside = |t: usize| quoted[t].is_none();
    let mut a = speaker;
    while a > phrase.start && outside(a - 1) {
        a -= 1;
    }
    let mut b = speaker + 1;
    while b < phrase.end && outside(b) {
        b += 1;
    }
    let r = trim(doc, a..b);
    if r.contains(&speaker) { r } else { speaker..speaker + 1 }
}

/// Whether `i` is a conjunct joined by a comma alone ("…, said the minister"), not by "and".
fn asyndetic_conjunct(doc: &Doc, tree: &Tree, i: usize) -> bool {
    doc.rel(i) == "conj"
        && after_comma_or_quote(doc, i, 0)
        && !tree.children(i).iter().any(|&c| doc.rel(c as usize) == "cc")
}

/// Whether token `i` (after `first`) follows a comma or a closing quote: where an inverted cue
/// stands ("…,” said Sanders").
fn after_comma_or_quote(doc: &Doc, i: usize, first: usize) -> bool {
    i > first && matches!(doc.form(i - 1), "," | "”" | "\"" | "''")
}

/// Whether a content has a content word (not just "that").
fn has_content_word(doc: &Doc, r: &Range<usize>) -> bool {
    r.clone()
        .any(|t| matches!(doc.upos(t), Some(Upos::Noun | Upos::Propn | Upos::Verb | Upos::Adj | Upos::Num)))
}

/// Attributions read off the parse: every cue verb outside quote marks with a content.
fn reported_speech(doc: &Doc, tree: &Tree, quoted: &[Option<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for i in 0..doc.tokens.len() {
        if quoted[i].is_some() || !matches!(doc.upos(i), Some(Upos::Verb)) {
            continue;
        }
        // "the United States" is no verb, whatever the tagger says.
        if i > 0
            && crate::actors::scan::capitalized(doc, i)
            && crate::actors::scan::capitalized(doc, i - 1)
            && doc.form(i) == "States"
        {
            continue;
        }
        let lemma = doc.lemma(i).to_lowercase();
        if !cues::is_cue(&lemma) {
            continue;
        }
        let child = |rels: &[&str]| {
            tree.children(i).iter().map(|&c| c as usize).find(|&c| rels.contains(&doc.rel(c)))
        };
        // "Iranian agents were seen entering the embassy": a passive verb of seeing or showing
        // tells what was seen, not what anyone said.
        let passive = child(&["aux:pass"]).is_some();
        if passive && matches!(lemma.as_str(), "see" | "show") {
            continue;
        }
        // "Nakasone is widely expected to present a package", "Gates is said to be trying": a
        // passive cue reports what unnamed others say of its subject, who is not the speaker
        // ("was quoted as saying" aside; "was told by the committee" names its speaker).
        let unnamed = passive
            && lemma != "quote"
            && child(&["obl:agent"]).is_none()
            && child(&["nsubj:pass"])
                .is_some_and(|s| !matches!(doc.form(s).to_lowercase().as_str(), "it" | "this"));
        let content = if cues::takes_clause(&lemma) {
            match child(&["ccomp"]) {
                Some(c) => Some(tree.subtree(c)),
                // "…, she noted": the cue interrupts or follows the clause it reports. "Taxes will
                // rise, said the minister" may come parsed as a conjunct without a conjunction.
                None if doc.rel(i) == "parataxis" || asyndetic_conjunct(doc, tree, i) => {
                    doc.head(i).map(|h| {
                        let whole = tree.subtree(h);
                        let own = tree.subtree(i);
                        if own.start > whole.start { whole.start..own.start } else { own.end..whole.end }
                    })
                }
                None => None,
            }
        } else {
            None
        };
        let content = content
            .or_else(|| {
                cues::takes_infinitive(&lemma).then(|| child(&["xcomp"]).map(|c| tree.subtree(c))).flatten()
            })
            .or_else(|| {
                if !cues::takes_object(&lemma) {
                    return None;
                }
                // "called for her ouster": the oblique with "for" is the content of "call".
                // "called for her ouster", "referred to the report": an oblique with one of these
                // prepositions when there is no object.
                let oblique = tree.children(i).iter().map(|&c| c as usize).find(|&c| {
                    doc.rel(c) == "obl"
                        && tree.children(c).iter().any(|&k| {
                            let k = k as usize;
                            doc.rel(k) == "case"
                                && matches!(doc.form(k).to_lowercase().as_str(), "for" | "to" | "about")
                        })
                });
                let obj = child(&["obj"]).or(oblique);
                obj.map(|c| tree.subtree(c))
            });
        let content = content.or_else(|| clause_after(doc, tree, i, &lemma));
        let Some(content) = content.map(|c| trim(doc, c)).filter(|c| has_content_word(doc, c)) else {
            continue;
        };
        let agent = child(&["obl:agent"]).filter(|_| passive);
        let speaker = if unnamed { None } else { agent.or_else(|| speaker_of(doc, tree, quoted, i)) };
        out.push(Attribution::reported(
            i..i + 1,
            content,
            speaker.map(|s| source_span(doc, tree, quoted, s)),
            speaker,
        ));
    }
    out
}

/// "Rubio said he does support an exception." where the parse hung the clause elsewhere: the
/// rest of the sentence after the cue and its own objects ("told reporters Thursday that …"),
/// when it holds a verb.
fn clause_after(doc: &Doc, tree: &Tree, i: usize, lemma: &str) -> Option<Range<usize>> {
    if !cues::takes_clause(lemma) {
        return None;
    }
    let s = doc.sentence_of(i)?;
    let end = doc.sentences[s].token_end as usize;
    // "said in a telephone interview that he stands by it": the "that" clause, wherever the
    // parse hung it.
    if let Some(that) =
        (i + 1..end.min(i + 9)).find(|&t| doc.form(t) == "that" && doc.upos(t) == Some(Upos::Sconj))
    {
        return Some(that..end);
    }
    let own: Vec<usize> = tree
        .children(i)
        .iter()
        .map(|&c| c as usize)
        .filter(|&c| c > i && matches!(doc.rel(c), "obj" | "iobj" | "obl" | "obl:tmod" | "advmod" | "punct"))
        .flat_map(|c| tree.subtree(c))
        .collect();
    let start = (i + 1..end).find(|t| !own.contains(t))?;
    let verb = (start..end).any(|t| matches!(doc.upos(t), Some(Upos::Verb | Upos::Aux)));
    (verb && end - start >= 3).then_some(start..end)
}

/// The speaker named next to a cue when the parse gives it no subject: before it with only
/// adverbs and auxiliaries between ("Sanders also said"), or right after it ("said Sanders").
fn adjacent_speaker(doc: &Doc, i: usize) -> Option<usize> {
    let s = doc.sentence_of(i)?;
    let sentence = doc.sentences[s].tokens();
    let nominal = |t: usize| matches!(doc.upos(t), Some(Upos::Propn | Upos::Pron | Upos::Noun));
    let mut j = i;
    while j > sentence.start {
        j -= 1;
        match doc.upos(j) {
            Some(Upos::Adv | Upos::Aux | Upos::Part) => continue,
            // "Joyce — who is listed as an attorney — told …": step over an aside.
            _ if matches!(doc.form(j), "—" | "–" | ")") => {
                let opener = match doc.form(j) {
                    ")" => "(",
                    dash => dash,
                };
                match (sentence.start..j).rev().find(|&k| doc.form(k) == opener) {
                    Some(k) => j = k,
                    None => break,
                }
            }
            // "Sanders, who hadn't endorsed, decided to back Obama": step over a short aside.
            _ if doc.form(j) == "," => match (sentence.start..j).rev().take(15).find(|&k| doc.form(k) == ",")
            {
                Some(k) if k > sentence.start => j = k,
                _ => break,
            },
            _ if nominal(j) => return Some(j),
            _ => break,
        }
    }
    // Inverted only after a quote or a comma: "…,” said Sanders.
    let inverted = after_comma_or_quote(doc, i, sentence.start);
    (inverted && i + 1 < sentence.end && nominal(i + 1)).then_some(i + 1)
}

/// A headline in title case ("Conservative Icon Morton Blackwell Endorses Ted Cruz"), where the
/// tagger reads every word as a name: a cue word splits it into source and content.
fn headline(doc: &Doc, quoted: &[Option<usize>], found: &[Attribution]) -> Vec<Attribution> {
    let Some(first) = doc.sentences.first() else { return Vec::new() };
    let r = first.tokens();
    if found.iter().any(|a| a.cue.as_ref().is_some_and(|c| r.contains(&c.start))) {
        return Vec::new();
    }
    let base = |w: &str| -> Option<String> {
        let w = w.to_lowercase();
        let forms = [
            w.clone(),
            w.strip_suffix("ies").map(|x| format!("{x}y")).unwrap_or_default(),
            w.strip_suffix("es").map(String::from).unwrap_or_default(),
            w.strip_suffix('s').map(String::from).unwrap_or_default(),
            w.strip_suffix("ed").map(String::from).unwrap_or_default(),
            w.strip_suffix('d').map(String::from).unwrap_or_default(),
        ];
        forms.into_iter().find(|f| !f.is_empty() && cues::is_cue(f))
    };
    // Past a "The Latest:" style label.
    let start = r.clone().take(5).find(|&i| doc.form(i) == ":").map_or(r.start, |c| c + 1);
    let cue = (start + 1..r.end).find(|&i| {
        quoted[i].is_none()
            && crate::actors::scan::capitalized(doc, i)
            && matches!(doc.upos(i), Some(Upos::Propn | Upos::Verb | Upos::Noun))
            && base(doc.form(i)).is_some()
    });
    let Some(cue) = cue else { return Vec::new() };
    let source = start..cue;
    let content = trim(doc, cue + 1..r.end);
    let named = source.clone().any(|t| matches!(doc.upos(t), Some(Upos::Propn | Upos::Noun)));
    if !named || content.is_empty() {
        return Vec::new();
    }
    vec![Attribution::reported(cue..cue + 1, content, Some(source), Some(cue - 1))]
}

/// "Trump's claim that the election is rigged", "made the promise that …": a claim noun and
/// its "that" clause; the possessor, or the subject of the verb that has the noun as object,
/// is the source.
fn claim_nouns(doc: &Doc, tree: &Tree, quoted: &[Option<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for n in 0..doc.tokens.len() {
        if quoted[n].is_some()
            || doc.upos(n) != Some(Upos::Noun)
            || !(cues::is_claim_noun(&doc.lemma(n).to_lowercase())
                || cues::stance_preposition(&doc.lemma(n).to_lowercase()).is_some())
        {
            continue;
        }
        let clause = tree.children(n).iter().map(|&c| c as usize).find(|&c| {
            matches!(doc.rel(c), "acl" | "ccomp")
                && doc.form(tree.subtree(c).start).eq_ignore_ascii_case("that")
        });
        let Some(clause) = clause else { continue };
        let content = trim(doc, tree.subtree(clause));
        if !has_content_word(doc, &content) {
            continue;
        }
        let possessor = tree.children(n).iter().map(|&c| c as usize).find(|&c| doc.rel(c) == "nmod:poss");
        let speaker = possessor.or_else(|| {
            let h = doc.head(n).filter(|_| doc.rel(n) == "obj")?;
            tree.children(h).iter().map(|&c| c as usize).find(|&c| doc.rel(c) == "nsubj")
        });
        out.push(Attribution::reported(
            n..n + 1,
            content,
            speaker.map(|s| source_span(doc, tree, quoted, s)),
            speaker,
        ));
    }
    out
}

/// "Trump: My immigration plans aren't set in stone." — a short name, a colon, and what it said.
fn colon_attributions(doc: &Doc, quoted: &[Option<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens();
        let Some(colon) = r.clone().take(6).find(|&i| doc.form(i) == ":" && quoted[i].is_none()) else {
            continue;
        };
        let source = r.start..colon;
        let named = !source.is_empty()
            && source
                .clone()
                .all(|t| matches!(doc.upos(t), Some(Upos::Propn | Upos::Noun | Upos::Det | Upos::Adj)))
            && source.clone().any(|t| matches!(doc.upos(t), Some(Upos::Propn | Upos::Noun)));
        let content = trim(doc, colon + 1..r.end);
        if !named || content.len() < 3 || !has_content_word(doc, &content) {
            continue;
        }
        out.push(Attribution::reported(colon..colon + 1, content, Some(source.clone()), Some(colon - 1)));
    }
    out
}

/// "In a statement, …", "In the new Morning Consult poll, conducted March 11-13, 40 percent …":
/// a sentence that opens with "In" and a statement or poll reports the rest.
fn in_a_statement(doc: &Doc, quoted: &[Option<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens();
        if r.len() < 6 || !doc.form(r.start).eq_ignore_ascii_case("in") || quoted[r.start].is_some() {
            continue;
        }
        let Some(comma) = r.clone().take(14).find(|&i| doc.form(i) == ",") else { continue };
        let noun = (r.start + 1..comma).find(|&i| cues::is_source_noun(&doc.lemma(i).to_lowercase()));
        let Some(noun) = noun else { continue };
        // The content starts after the phrase and any participle clause that describes it.
        let mut start = comma + 1;
        if matches!(doc.upos(start), Some(Upos::Verb))
            && let Some(c) = (start..r.end).find(|&i| doc.form(i) == ",")
        {
            start = c + 1;
        }
        let content = trim(doc, start..r.end);
        if content.len() < 3 || !has_content_word(doc, &content) {
            continue;
        }
        out.push(Attribution::reported(r.start..r.start + 1, content, Some(r.start + 1..comma), Some(noun)));
    }
    out
}

/// "according to X, …" and "…, according to X".
fn according_to(doc: &Doc, quoted: &[Option<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens();
        for i in r.clone() {
            if quoted[i].is_some()
                || !doc.form(i).eq_ignore_ascii_case("according")
                || i + 2 >= r.end
                || doc.form(i + 1) != "to"
            {
                continue;
            }
            let src_start = i + 2;
            let src_end =
                (src_start..r.end).find(|&j| doc.form(j) == "," || is_punct(doc, j)).unwrap_or(r.end);
            if src_end == src_start {
                continue;
            }
            let content = if i == r.start || (i > r.start && (r.start..i).all(|j| is_punct(doc, j))) {
                src_end..r.end
            } else {
                r.start..i
            };
            let content = trim(doc, content);
            if content.is_empty() {
                continue;
            }
            let speaker = Some(src_end - 1);
            out.push(Attribution::reported(i..i + 2, content, Some(src_start..src_end), speaker));
        }
    }
    out
}

/// "The strike will continue, union leader Tom Brandt warned on Monday." when the parse missed
/// it: a sentence that ends with `, SUBJECT CUE (adjuncts).` reports what comes before the comma.
fn trailing_cues(doc: &Doc, quoted: &[Option<usize>], found: &[Attribution]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens();
        let Some(comma) = r.clone().rev().find(|&i| doc.form(i) == "," && quoted[i].is_none()) else {
            continue;
        };
        let cue = (comma + 1..r.end).find(|&i| {
            matches!(doc.upos(i), Some(Upos::Verb)) && cues::takes_clause(&doc.lemma(i).to_lowercase())
        });
        let Some(cue) = cue else { continue };
        // "…, said Reince Priebus, the party chairman." — the subject after the cue.
        let inverted = cue == comma + 1;
        let subject = if inverted {
            let end = (cue + 1..r.end).find(|&i| doc.form(i) == "," || is_punct(doc, i)).unwrap_or(r.end);
            cue + 1..end
        } else {
            comma + 1..cue
        };
        let nominal = |i: usize| {
            matches!(
                doc.upos(i),
                Some(Upos::Propn | Upos::Noun | Upos::Pron | Upos::Adj | Upos::Det | Upos::Punct)
            )
        };
        let after_ok =
            inverted || (cue + 1..r.end).all(|i| !matches!(doc.upos(i), Some(Upos::Verb | Upos::Aux)));
        let content = trim(doc, r.start..comma);
        let taken = found.iter().any(|a| a.cue.as_ref().is_some_and(|c| c.contains(&cue)));
        if subject.is_empty()
            || !subject.clone().all(nominal)
            || !after_ok
            || taken
            || !has_content_word(doc, &content)
        {
            continue;
        }
        let speaker = if inverted { subject.end - 1 } else { cue - 1 };
        out.push(Attribution::reported(cue..cue + 1, content, Some(subject.clone()), Some(speaker)));
    }
    out
}

/// The cue nearest a marked stretch outside any quote: first after its closing mark in the same
/// sentence, else last before its opening mark.
fn cue_near(doc: &Doc, quoted: &[Option<usize>], m: &Marked) -> Option<usize> {
    let is_cue = |i: usize| {
        quoted[i].is_none()
            && matches!(doc.upos(i), Some(Upos::Verb))
            && cues::takes_clause(&doc.lemma(i).to_lowercase())
    };
    let after = m.close.map_or(m.content.end, |c| c + 1);
    if let Some(s) = doc.sentence_of(after.saturating_sub(1)) {
        let end = doc.sentences[s].token_end as usize;
        if let Some(c) = (after..end).take_while(|&i| quoted[i].is_none()).find(|&i| is_cue(i)) {
            return Some(c);
        }
    }
    let s = doc.sentence_of(m.open)?;
    let start = doc.sentences[s].token_start as usize;
    (start..m.open).rev().take_while(|&i| quoted[i].is_none()).find(|&i| is_cue(i))
}

/// Joins quote marks to the attributions: direct, partial and mixed quotes, and speakers for
/// quotes that stand alone.
fn attach_marks(
    doc: &Doc,
    tree: &Tree,
    quoted: &[Option<usize>],
    marked: &[Marked],
    mut found: Vec<Attribution>,
) -> Vec<Attribution> {
    let mut extra = Vec::new();
    let mut last_speaker: Option<(Attribution, u32)> = None;
    for (k, m) in marked.iter().enumerate() {
        if m.content.is_empty() {
            continue;
        }
        let whole = m.open..m.close.map_or(m.content.end, |c| c + 1);
        let over = found.iter().position(|a| a.content.start < whole.end && whole.start < a.content.end);
        let paragraph = doc.sentence_of(m.open).map_or(0, |s| doc.sentences[s].paragraph);
        let attribution = match over {
            Some(j) => {
                let a = &mut found[j];
                let outside = (a.content.start..a.content.end)
                    .filter(|&t| !(whole.start..whole.end).contains(&t) && !is_punct(doc, t))
                    .count();
                if outside <= 1 {
                    // The content is the quote (or the parse saw only part of a quote that runs
                    // over several sentences).
                    a.content = whole.clone();
                    a.kind = QuoteKind::Direct;
                    a.marked = Some(k);
                    a.clone()
                } else {
                    // The reported clause and its quoted words: the content takes in the marks.
                    a.content = a.content.start.min(whole.start)..a.content.end.max(whole.end);
                    a.kind = QuoteKind::Mixed;
                    let partial = Attribution {
                        content: whole.clone(),
                        kind: QuoteKind::Partial,
                        marked: Some(k),
                        ..a.clone()
                    };
                    extra.push(partial.clone());
                    partial
                }
            }
            None => {
                let cue = cue_near(doc, quoted, m);
                let direct = |a: Option<&Attribution>| Attribution {
                    cue: cue.map(|c| c..c + 1).or_else(|| a.and_then(|a| a.cue.clone())),
                    content: whole.clone(),
                    source: a.and_then(|a| a.source.clone()),
                    speaker: a.and_then(|a| a.speaker),
                    kind: QuoteKind::Direct,
                    marked: Some(k),
                };
                let a = match cue {
                    Some(c) => {
                        let speaker = speaker_of(doc, tree, quoted, c);
                        let source = speaker.map(|s| source_span(doc, tree, quoted, s));
                        Attribution { source, speaker, ..direct(None) }
                    }
                    // A run of quotes: the speaker of the last one, if it was in this paragraph or
                    // the one before.
                    None => match &last_speaker {
                        Some((prev, p)) if paragraph <= p + 1 => {
                            Attribution { cue: None, ..direct(Some(prev)) }
                        }
                        // Else whoever was reported speaking just before, in this paragraph or
                        // the one before ("Sanders said the system is rigged. “It is a disgrace.”").
                        _ => {
                            let before = found
                                .iter()
                                .filter(|a| {
                                    a.speaker.is_some() && a.cue.as_ref().is_some_and(|c| c.end <= m.open)
                                })
                                .max_by_key(|a| a.cue.as_ref().map_or(0, |c| c.start));
                            let near = before.filter(|a| {
                                let cue_paragraph = a
                                    .cue
                                    .as_ref()
                                    .and_then(|c| doc.sentence_of(c.start))
                                    .map_or(0, |s| doc.sentences[s].paragraph);
                                paragraph <= cue_paragraph + 1
                            });
                            match near {
                                Some(prev) => Attribution { cue: None, ..direct(Some(prev)) },
                                None => direct(None),
                            }
                        }
                    },
                };
                // A word or two in quote marks that nobody is said to say is a scare quote or a
                // title ("the so-called “deal”"), not a quote.
                let words = m.content.clone().filter(|&t| !is_punct(doc, t)).count();
                if a.speaker.is_none() && a.cue.is_none() && words <= 3 {
                    continue;
                }
                found.push(a.clone());
                a
            }
        };
        if attribution.speaker.is_some() {
            last_speaker = Some((attribution, paragraph));
        }
    }
    found.extend(extra);
    found
}

/// The mention that names the speaker at token `t`: the most specific mention holding it, a
/// person first.
fn speaker_mention(doc: &Doc, a: &Attribution) -> Option<u32> {
    let t = a.speaker?;
    let at = doc.tokens.get(t)?.span;
    let rank = |k: MentionKind| match k {
        MentionKind::Person => 0,
        MentionKind::Org | MentionKind::Gpe => 1,
        MentionKind::Role => 2,
        MentionKind::Pronoun => 3,
        MentionKind::Loc | MentionKind::Norp => 4,
    };
    let holding = doc.mentions.iter().enumerate().filter(|(_, m)| m.span.contains(at));
    let best = holding.min_by_key(|(_, m)| (rank(m.kind), m.span.len())).map(|(i, _)| i as u32);
    best.or_else(|| {
        // The subject's head is a title ("secretary") and the name sits in its phrase.
        let src = a.source.clone()?;
        let span = doc.tokens.get(src.start)?.span.cover(doc.tokens.get(src.end.checked_sub(1)?)?.span);
        doc.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| span.contains(m.span) && m.entity.is_some())
            .min_by_key(|(_, m)| rank(m.kind))
            .map(|(i, _)| i as u32)
    })
}

fn span_of(doc: &Doc, r: &Range<usize>) -> Option<Span> {
    let first = doc.tokens.get(r.start)?;
    let last = doc.tokens.get(r.end.checked_sub(1)?)?;
    Some(first.span.cover(last.span))
}

fn record(doc: &Doc, marked: &[Marked], a: &Attribution) -> Option<Quote> {
    let span = span_of(doc, &a.content)?;
    // The content of a direct or partial quote is what lies between its marks.
    let content = match a.marked.and_then(|k| marked.get(k)) {
        Some(m) if matches!(a.kind, QuoteKind::Direct | QuoteKind::Partial) => {
            let mut inner = m.content.clone();
            // "…,” she said": the comma that hands over to the attribution is not said.
            while inner.end > inner.start && matches!(doc.form(inner.end - 1), "," | ":" | ";") {
                inner.end -= 1;
            }
            if inner.is_empty() { span } else { span_of(doc, &inner)? }
        }
        _ => span,
    };
    let speaker_mention = speaker_mention(doc, a);
    let speaker = speaker_mention.and_then(|m| doc.mentions.get(m as usize)).and_then(|m| m.entity);
    Some(Quote {
        span,
        content,
        kind: a.kind,
        cue: a.cue.as_ref().and_then(|c| span_of(doc, c)),
        source: a.source.as_ref().and_then(|s| span_of(doc, s)),
        speaker,
        speaker_mention,
        tone: None,
    })
}
