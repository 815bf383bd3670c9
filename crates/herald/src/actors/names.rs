//! The recognizer's names as the actor stage starts from them: cut before a time expression,
//! without trailing function words and lowercase words, and without what only looks like a name
//! ("Soooo", "Yum", a capitalized common noun opening a sentence, "Putin-Trump Summit" read as one
//! person).

use super::Work;
use super::scan::capitalized;
use crate::doc::Doc;
use crate::layers::{MentionKind, Upos};

/// Nouns that make a name before them an event's ("Putin-Trump Summit").
const EVENT_NOUNS: &[&str] =
    &["summit", "talks", "meeting", "conference", "accord", "agreement", "deal", "treaty"];

/// Which tokens a time expression covers.
pub(super) fn timex_tokens(doc: &Doc) -> Vec<bool> {
    let mut in_timex = vec![false; doc.tokens.len()];
    for t in &doc.timexes {
        for i in doc.token_range(t.span) {
            in_timex[i] = true;
        }
    }
    in_timex
}

/// The recognizer's mentions as token ranges, cut before a time expression and without
/// trailing function words and common nouns ("US Treasury Department on Wednesday" → "US
/// Treasury Department", "White House press secretary" → "White House"). A span with no proper
/// noun ("Dialogue" opening a sentence) is no name.
pub(super) fn named_from_recognizer(doc: &Doc, in_timex: &[bool]) -> Vec<Work> {
    let mut out = Vec::new();
    for m in &doc.mentions {
        let range = doc.token_range(m.span);
        let mut end = range.clone().find(|&i| in_timex[i]).unwrap_or(range.end);
        // A capitalized name does not end in a lowercase common noun; all-lowercase web text
        // ("san francisco") is left as the recognizer read it.
        let cased = capitalized(doc, range.start);
        // (Whatever its tag: "press" of "White House press secretary" read as a proper noun.)
        // (Not the end of a hyphenated name: "Chung Mong-koo".)
        let common = |i: usize| {
            !capitalized(doc, i)
                && (matches!(doc.upos(i), Some(Upos::Noun | Upos::Adj | Upos::Verb))
                    || doc.form(i).chars().all(|c| c.is_ascii_lowercase())
                        && !(i > 0 && doc.form(i - 1) == "-"))
        };
        while end > range.start
            && (matches!(doc.upos(end - 1), Some(Upos::Adp | Upos::Det | Upos::Punct | Upos::Cconj))
                || cased && common(end - 1))
        {
            end -= 1;
        }
        // A capitalized common noun opening a sentence ("Dialogue consistently surpasses…") is
        // no name.
        let initial = (doc.sentences.iter().map(|s| s.token_start as usize))
            .any(|s| (s..range.start).all(|i| !doc.form(i).chars().any(char::is_alphanumeric)));
        let nameless = (range.start..end).all(|i| !matches!(doc.upos(i), Some(Upos::Propn | Upos::X)));
        // "Sooooo", "VERYYY", "Yum", "Plz": an elongated word or an interjection is no name.
        if end == range.start + 1 && (elongated(doc.form(range.start)) || interjection(doc.form(range.start)))
        {
            continue;
        }
        // "Putin-Trump Summit" in a title-case headline names an event after its parties: the
        // names are the mentions, one each.
        let event = m.kind == MentionKind::Person
            && end > range.start + 1
            && EVENT_NOUNS.contains(&doc.form(end - 1).to_lowercase().as_str());
        if event {
            let names = range.start..end - 1;
            let mut start = names.start;
            for i in names.clone().chain(std::iter::once(names.end)) {
                if i == names.end || doc.form(i) == "-" {
                    if i > start {
                        out.push(Work::named(start..i, MentionKind::Person));
                    }
                    start = i + 1;
                }
            }
            continue;
        }
        if end > range.start && !(initial && nameless && end - range.start == 1) {
            out.push(Work::named(range.start..end, m.kind));
        }
    }
    out
}

/// Whether a word repeats a letter three times or more ("Sooooo", "VERYYY", "Brilll"), as
/// writers stretch words and names never do.
/// A word that is nothing but the run ("CCC", a credit corporation; "BBB", a rating) is an
/// acronym.
fn elongated(word: &str) -> bool {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let run = lower.windows(3).any(|w| w[0].is_alphabetic() && w[0] == w[1] && w[1] == w[2]);
    run && lower.iter().any(|&c| c != lower[0])
}

/// Whether a word is an interjection or chat abbreviation web text capitalizes ("Yum", "Plz");
/// in capitals it is an acronym ("ERM", the Exchange Rate Mechanism).
fn interjection(word: &str) -> bool {
    const WORDS: &[&str] =
        &["erm", "heh", "hmm", "lol", "omg", "plz", "pls", "thx", "ugh", "wow", "yay", "yeah", "yum", "yup"];
    !word.chars().all(|c| c.is_uppercase()) && WORDS.contains(&word.to_lowercase().as_str())
}
