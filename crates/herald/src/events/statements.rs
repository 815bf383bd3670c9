//! Statement events from the quotes layer: a speaker's accusation, criticism, praise or
//! intention to meet, coded by the cue verb and the words of what was said.

use super::actors::{actor_here_only, actors_at, add_new, event_actor, named_code_of, named_code_of_actor};
use super::polarity::{Polarity, negated, polarity, refusal};
use super::{Coding, INTENT, MEETINGS, children, code_verb, event, frame, lemma};
use crate::date::Date;
use crate::doc::Doc;
use crate::layers::{DateSource, Event, EventActor, Mention, QuoteKind};
use crate::lexicons::Lexicons;
use crate::quotes::tree::Tree;
use crate::span::Span;

/// Cues whose object is the one appealed to ("urged Israel to halt…"), not what was said.
const APPEALS: &[&str] = &[
    "urge",
    "ask",
    "call",
    "press",
    "implore",
    "exhort",
    "appeal",
    "demand",
    "request",
    "encourage",
    "invite",
];

/// Statements: accusations and criticism, and intentions to meet, from the quotes layer.
pub(super) fn statements(doc: &Doc, lex: &Lexicons, tree: &Tree, acts: &[Span]) -> Vec<Event> {
    let mut out = Vec::new();
    // The date each speaker last spoke, for statements that do not repeat it.
    let mut last_spoke: Vec<(u32, Date)> = Vec::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        if q.kind == QuoteKind::Partial {
            continue;
        }
        let Some(m) = q.speaker_mention.and_then(|m| doc.mentions.get(m as usize)) else { continue };
        let m = widest_role(doc, m);
        // The speaker with those joined to it ("Arnor and Gondor welcome…"), and a role placed
        // in a country ("lawmakers in France"). A speaker of no country is background.
        let mut speakers: Vec<EventActor> =
            doc.span_head(m.span).map(|t| actors_at(doc, tree, t)).unwrap_or_default();
        speakers.retain(|a| named_code_of_actor(doc, a) || a.code.len() > 3);
        if let Some(code) = named_code_of(doc, m)
            && !speakers.iter().any(|a| a.code == code)
        {
            speakers.insert(0, event_actor(doc, m, code));
        }
        let Some(cue) = q.cue.map(|c| doc.token_range(c).start) else { continue };
        let cue_frame = frame(doc, tree, cue);
        // Subjects coordinated with the speaker that the parser hung on the cue on their own.
        add_new(&mut speakers, cue_frame.also.iter().flat_map(|&t| actors_at(doc, tree, t)));
        let Some(code) = speakers.first().map(|a| a.code.clone()) else { continue };
        let Some(s) = doc.sentence_of(cue) else { continue };
        // When it was said: a time expression of the sentence outside what was said.
        let said = doc
            .timexes
            .iter()
            .filter(|t| doc.sentences[s].span.contains(t.span) && !q.content.overlaps(t.span))
            .find_map(|t| t.value.as_deref().and_then(Date::parse_iso));
        let (mut date, mut source_of_date) = match said {
            Some(d) => (Some(d), DateSource::Text),
            None => (doc.meta.published, DateSource::Published),
        };
        let key = m.entity.unwrap_or(u32::MAX);
        if source_of_date == DateSource::Text {
            last_spoke.retain(|(e, _)| *e != key);
            last_spoke.extend(date.map(|d| (key, d)));
        } else if let Some((_, d)) = last_spoke.iter().find(|(e, _)| *e == key) {
            (date, source_of_date) = (Some(*d), DateSource::Speech);
        }
        // Another country's actor the statement is about.
        let country = |c: &str| c.get(..3).map(str::to_string);
        let words: Vec<String> = doc.token_range(doc.sentences[s].span).map(|t| lemma(doc, t)).collect();
        let meeting = words.iter().any(|w| MEETINGS.contains(&w.as_str()));
        let intent = words.iter().any(|w| INTENT.contains(&w.as_str()));
        // What was said names the target; for a meeting, the sentence that reports it does.
        let scope = if meeting && intent { doc.sentences[s].span.cover(q.span) } else { q.span };
        let about = doc
            .mentions
            .iter()
            .filter(|x| scope.contains(x.span))
            .filter(|x| !q.source.is_some_and(|src| src.contains(x.span)))
            .filter_map(|x| named_code_of(doc, x).map(|c| (x, c)))
            .find(|(_, c)| country(c) != country(&code));
        // Whom the speaker appealed to ("urged Eriador to respond to Gondor's proposals"): the
        // cue's own object, when it names another country's actor, before what was said (not
        // whom a fact was told: "told reporters").
        let cue_lemma = lemma(doc, cue);
        let appeal = APPEALS.contains(&cue_lemma.as_str());
        let addressee = children(tree, cue)
            .filter(|&c| appeal && matches!(doc.rel(c), "obj" | "iobj"))
            .find(|&c| actor_here_only(doc, c).is_some_and(|a| country(&a.code) != country(&code)));
        // "…, he added:" says more; it grants nothing (the dictionary's ADD is "add troops", 060).
        let cue_code = if cue_lemma == "add" {
            Some("010".to_string())
        } else {
            code_verb(doc, &lex.verbs, tree, cue, None).map(|(c, _)| c)
        };
        // Only a judgment of an act reaches through it to its doer.
        let judgment =
            cue_code.as_deref().is_some_and(|c| ["05", "11", "12"].iter().any(|p| c.starts_with(p)));
        // When what was said names no other actor, the addressee, else a judgment's own frame
        // ("condemned an attack by Osgiliath soldiers", the "by" phrase hung on the verb).
        let reached = addressee.or(if judgment { cue_frame.target } else { None });
        let targets: Vec<EventActor> = match about.filter(|_| addressee.is_none()) {
            Some((x, c)) => {
                let mut all = vec![event_actor(doc, x, c)];
                let joined = doc.span_head(x.span).map(|h| actors_at(doc, tree, h)).unwrap_or_default();
                add_new(&mut all, joined.into_iter().skip(1).filter(|a| country(&a.code) != country(&code)));
                all
            }
            None => reached
                .map(|t| actors_at(doc, tree, t))
                .unwrap_or_default()
                .into_iter()
                .filter(|a| country(&a.code) != country(&code))
                .collect(),
        };
        // Reporting a fact ("confirmed", "announced") is no criticism, whatever its words.
        let neutral_cue =
            matches!(cue_lemma.as_str(), "confirm" | "announce" | "report" | "reveal" | "disclose");
        let hostile = q.tone.is_some_and(|t| t < -0.4) && !neutral_cue;
        let coded = match cue_code.as_deref() {
            Some(c) if c.starts_with("11") || c.starts_with("12") || c.starts_with("13") => {
                Some((if c == "110" && hostile { "111".to_string() } else { c.to_string() }, "statement cue"))
            }
            _ if meeting && intent => Some(("036".to_string(), "statement: a meeting may happen")),
            // Otherwise the cue's own code ("believes" → 012), as PETRARCH codes statements. Dark
            // words alone are no criticism of whoever they name ("the Libyan bombing is a thing of
            // the past", "he would impose sanctions on Russia"): only a verb of disapproval is.
            Some(c) => Some((c.to_string(), "statement cue")),
            None => None,
        };
        let Some((mut code, mut rule)) = coded else { continue };
        // Parties that "agree that …" agree with each other, 050 both ways, when what they agreed
        // holds no act of its own ("The Philippines and the EU agree that disputes should be
        // resolved through arbitration"), whoever it is about. Not "agreed to" (the act is
        // coded) and not a pledge ("have pledged to cooperate with the ATPC").
        let mut parties: Vec<EventActor> = Vec::new();
        for a in &speakers {
            if !parties.iter().any(|p| country(&p.code) == country(&a.code)) {
                parties.push(a.clone());
            }
        }
        let negated_cue = negated(doc, tree, cue);
        let agreed_that = cue_lemma == "agree" && children(tree, cue).any(|c| doc.rel(c) == "ccomp");
        let joint = agreed_that
            && parties.len() > 1
            && !negated_cue
            && !acts.iter().any(|&trigger| q.content.contains(trigger));
        let targets = if joint {
            (code, rule) = ("050".to_string(), "joint agreement");
            parties.clone()
        } else {
            targets
        };
        let speakers = if joint { parties } else { speakers };
        if targets.is_empty() {
            continue;
        }
        // A negated cue ("has not condemned", "did not agree") is its refusal where CAMEO has
        // one, else nothing; it is never the act it denies.
        if negated_cue {
            let refused = (polarity(doc, tree, cue) == Polarity::Refusal)
                .then(|| refusal(doc, tree, cue, &lex.negations, &code))
                .flatten();
            let Some(refused) = refused else { continue };
            code = refused.to_string();
            rule = "refused statement cue";
        }
        // "…, a senior official said": a plain attribution of a reported act is not itself an
        // event; the act is. Nor is a grim report criticism of the act's doer or place ("several
        // people had been arrested in Argentina", "Israeli strikes killed 20 people").
        if (code == "010" || hostile)
            && (acts.iter().any(|&trigger| q.content.contains(trigger))
                || tells_of_act(doc, lex, tree, q.content))
        {
            continue;
        }
        let rule = format!("{rule} ({})", doc.slice(q.cue.unwrap_or(q.span)));
        for speaker in &speakers {
            for target in targets.iter().filter(|t| t.code != speaker.code) {
                let coding = Coding { code: code.clone(), rule: rule.clone(), confidence: 0.6 };
                if let Some(mut e) =
                    event(doc, coding, cue, speaker.clone(), target.clone(), (date, source_of_date))
                {
                    e.quote = Some(qi as u32);
                    e.evidence = q.span.cover(doc.sentences[s].span);
                    e.tone = q.tone.or(e.tone);
                    out.push(e);
                }
            }
        }
    }
    out
}

/// Whether what was said tells of an act the dictionary codes even where its actors could not
/// be read ("…, almost five years after crowds burned down its embassy, an official said"): the
/// report is about the act, not a statement to someone.
fn tells_of_act(doc: &Doc, lex: &Lexicons, tree: &Tree, content: Span) -> bool {
    doc.token_range(content).any(|t| {
        doc.upos(t) == Some(crate::layers::Upos::Verb)
            && polarity(doc, tree, t) == Polarity::Act
            && code_verb(doc, &lex.verbs, tree, t, None).is_some_and(|(c, _)| !c.starts_with("01"))
    })
}

/// The widest mention around `m` that gives its country a role ("The Calenardhon Congressmen"
/// around "Calenardhon": `CALLEG` rather than `CAL`), or `m` itself.
fn widest_role<'d>(doc: &'d Doc, m: &'d Mention) -> &'d Mention {
    let Some(own) = named_code_of(doc, m) else { return m };
    doc.mentions
        .iter()
        .filter(|x| x.span.contains(m.span) && x.span.len() > m.span.len())
        .filter(|x| named_code_of(doc, x).is_some_and(|c| c.len() > own.len() && c.starts_with(&own)))
        .max_by_key(|x| x.span.len())
        .unwrap_or(m)
}
