//! The actor lexicon: phrases → actors (countries, people, organizations with dated codes) and
//! agents (role nouns → role codes), matched over lowercased tokens, longest first.
//!
//! Built from PETRARCH-format dictionaries (see [`super::dictionary`]); dictionaries added later
//! override the phrases of earlier ones, so herald's own files (and a user's) win over the
//! Phoenix files they extend.

use super::dictionary::{ActorEntry, parse_actors, parse_agents};
use crate::date::Date;
use crate::model::hash::{WordMap, WordSet};
use crate::tone::LexiconError;

/// What an actor entry stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A country (a bare three-letter code from a countries dictionary): its names and adjectives.
    Country,
    /// Anything else: people, organizations, groups.
    Named,
}

/// An actor of the lexicon.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The dictionary entry.
    pub entry: ActorEntry,
    /// Country or named actor.
    pub kind: ActorKind,
}

/// A lexicon match starting at some token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match<'a> {
    /// An actor (index into [`ActorLexicon::actor`]).
    Actor(u32),
    /// An agent.
    Agent {
        /// Its role code (`GOV`, `BUS`).
        code: &'a str,
        /// The code goes before the country's (`NGO~`).
        prefix: bool,
    },
}

/// The match of a stored agent: its code, and whether it goes before the country's.
fn agent_match((code, prefix): &(String, bool)) -> Match<'_> {
    Match::Agent { code, prefix: *prefix }
}

/// Actors and agents by phrase.
#[derive(Clone, Debug, Default)]
pub struct ActorLexicon {
    actors: Vec<Actor>,
    phrases: WordMap<u32>,
    /// Phrase → code and whether it goes before the country's (`[NGO~]`).
    agents: WordMap<(String, bool)>,
    /// First word → most words in a phrase starting with it.
    longest: WordMap<u8>,
    /// The codes of country entries (`RUS`).
    countries: WordSet,
}

impl ActorLexicon {
    /// Adds an actors dictionary; `countries` marks entries with a bare three-letter code as
    /// countries. Returns the lines that could not be read.
    pub fn add_actors(&mut self, text: &str, countries: bool) -> Vec<LexiconError> {
        let (entries, errors) = parse_actors(text);
        for entry in entries {
            // A country entry codes the country itself, possibly dated (Ukraine: `USRUKR` before
            // 1991-08-24, `UKR` after).
            let country = countries && entry.codes.iter().any(|c| c.code.len() == 3);
            let index = self.actors.len() as u32;
            for phrase in &entry.phrases {
                let phrase = without_article(phrase);
                self.note_first(phrase);
                self.phrases.insert(phrase.join(" "), index);
            }
            let kind = if country { ActorKind::Country } else { ActorKind::Named };
            if country {
                self.countries
                    .extend(entry.codes.iter().filter(|c| c.code.len() == 3).map(|c| c.code.clone()));
            }
            self.actors.push(Actor { entry, kind });
        }
        errors
    }

    /// Adds an agents dictionary. Regular plurals need no entry: agents match on lemmas too.
    pub fn add_agents(&mut self, text: &str) -> Vec<LexiconError> {
        let (entries, errors) = parse_agents(text);
        for a in entries {
            let phrase = without_article(&a.phrase);
            self.note_first(phrase);
            self.agents.insert(phrase.join(" "), (a.code.clone(), a.prefix));
        }
        errors
    }

    fn note_first(&mut self, phrase: &[String]) {
        if let Some(first) = phrase.first() {
            let n = phrase.len().min(255) as u8;
            let longest = self.longest.entry(first.clone()).or_insert(0);
            *longest = (*longest).max(n);
        }
    }

    /// Whether `code` is the code of a country entry.
    pub fn is_country_code(&self, code: &str) -> bool {
        self.countries.contains(code)
    }

    /// The actor at `index`.
    pub fn actor(&self, index: u32) -> Option<&Actor> {
        self.actors.get(index as usize)
    }

    /// Number of actors and of agent phrases.
    pub fn len(&self) -> (usize, usize) {
        (self.actors.len(), self.agents.len())
    }

    /// The longest match starting at `words[0]`, with its length in words. `words` are lowercase
    /// forms; `lemmas` their lowercase lemmas (an agent's last word may match either, so
    /// `firms` finds `FIRM`). An actor wins over an agent of the same length.
    pub fn longest_match<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        lemmas: &[S],
        key: &mut String,
    ) -> Option<(usize, Match<'a>)> {
        let longest =
            |w: Option<&S>| w.and_then(|w| self.longest.get(w.as_ref())).map_or(0, |&n| usize::from(n));
        let max = longest(words.first()).max(longest(lemmas.first())).min(words.len());
        for n in (1..=max).rev() {
            key.clear();
            for (i, w) in words[..n - 1].iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.push_str(w.as_ref());
            }
            if n > 1 {
                key.push(' ');
            }
            let stem_len = key.len();
            key.push_str(words[n - 1].as_ref());
            if let Some(&a) = self.phrases.get(key.as_str()) {
                return Some((n, Match::Actor(a)));
            }
            if let Some(code) = self.agents.get(key.as_str()) {
                return Some((n, agent_match(code)));
            }
            if let Some(lemma) = lemmas.get(n - 1).filter(|l| l.as_ref() != words[n - 1].as_ref()) {
                key.truncate(stem_len);
                key.push_str(lemma.as_ref());
                if let Some(code) = self.agents.get(key.as_str()) {
                    return Some((n, agent_match(code)));
                }
            }
        }
        None
    }

    /// The agent code of a lowercase phrase, if it is one (also tried on the lemma of the last
    /// word by callers).
    pub fn agent(&self, phrase: &str) -> Option<&str> {
        self.agents.get(phrase).map(|(code, _)| code.as_str())
    }

    /// The code of actor `index` on `date`.
    pub fn code_on(&self, index: u32, date: Option<Date>) -> Option<&str> {
        self.actor(index).and_then(|a| a.entry.code_on(date))
    }
}

/// `THE_WHITE_HOUSE` matches as `WHITE_HOUSE`: the scanner never starts a phrase at "the", so
/// "the US Treasury Department" is not read as "the US" + "Treasury Department".
fn without_article(phrase: &[String]) -> &[String] {
    match phrase {
        [first, rest @ ..] if first == "the" && !rest.is_empty() => rest,
        _ => phrase,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> ActorLexicon {
        let mut lex = ActorLexicon::default();
        assert!(lex.add_actors("RUSSIAN_FEDERATION_ [RUS]\n+RUSSIAN\n+RUSSIA_\n", true).is_empty());
        assert!(lex.add_actors("WHITE_HOUSE_\n+THE_WHITE_HOUSE_\n\t[USAGOV]\n", false).is_empty());
        assert!(lex.add_agents("FIRM [~BUS]\nPRESS_SECRETARY [~GOV]\nSECRETARY [~GOV]\n").is_empty());
        lex
    }

    #[test]
    fn longest_match_prefers_the_longest_phrase() {
        let lex = lexicon();
        let mut key = String::new();
        let words = ["white", "house", "said"];
        let (n, m) = lex.longest_match(&words, &words, &mut key).unwrap();
        assert_eq!(n, 2);
        let Match::Actor(a) = m else { panic!("{m:?}") };
        assert_eq!(lex.code_on(a, None), Some("USAGOV"));
        assert_eq!(lex.actor(a).unwrap().kind, ActorKind::Named);
        let words = ["press", "secretary"];
        assert_eq!(
            lex.longest_match(&words, &words, &mut key),
            Some((2, Match::Agent { code: "GOV", prefix: false }))
        );
    }

    #[test]
    fn agents_match_on_the_lemma_of_their_last_word() {
        let lex = lexicon();
        let mut key = String::new();
        assert_eq!(
            lex.longest_match(&["firms"], &["firm"], &mut key),
            Some((1, Match::Agent { code: "BUS", prefix: false }))
        );
        let (_, m) = lex.longest_match(&["russian"], &["russian"], &mut key).unwrap();
        let Match::Actor(a) = m else { panic!() };
        assert_eq!(lex.actor(a).unwrap().kind, ActorKind::Country);
        assert_eq!(lex.longest_match(&["oil"], &["oil"], &mut key), None);
    }
}
