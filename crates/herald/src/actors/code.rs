//! Composes a CAMEO actor code from what the words around a mention state: a country
//! (`Russian`, `US`, `of Russia`), roles (`President`, `oil firms`), named actors of the
//! dictionaries (`White House` → `USAGOV`) — the way a human coder reads "US President Donald
//! Trump" as `USAGOV` without a dictionary entry for Trump.

use std::ops::Range;

use super::lexicon::{ActorKind, Match};
use super::scan::{Words, capitalized, role_at_end};
use crate::date::Date;
use crate::doc::Doc;
use crate::lexicons::Lexicons;

/// What the words of a stretch of text state about an actor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stated {
    /// Country code (`USA`).
    pub country: Option<String>,
    /// Role codes in text order (`GOV`, `BUS`).
    pub roles: Vec<String>,
    /// A role code that goes before the country's (`NGO` of "an MSF Arnor diplomat":
    /// `NGOARNGOV`).
    pub prefix: Option<String>,
    /// The code of a named dictionary actor among the words other than the mention's head
    /// (`White House` in "White House press secretary").
    pub org: Option<String>,
    /// The last role phrase, lowercase (`press secretary`).
    pub role_phrase: Option<String>,
}

impl Stated {
    /// Reads the words of `tokens` (matched within that range alone, so a dictionary phrase
    /// that runs on into a name still yields its title).
    pub fn read(
        doc: &Doc,
        tokens: Range<usize>,
        lex: &Lexicons,
        words: &Words,
        date: Option<Date>,
    ) -> Stated {
        let mut st = Stated::default();
        let mut key = String::new();
        let mut i = tokens.start;
        while i < tokens.end {
            let (lower, lemma) = (&words.lower[i..tokens.end], &words.lemma[i..tokens.end]);
            let Some((n, m)) = lex.actors.longest_match(lower, lemma, &mut key) else {
                i += 1;
                continue;
            };
            match m {
                Match::Actor(a) if capitalized(doc, i) => match lex.actors.actor(a) {
                    Some(actor) if actor.kind == ActorKind::Country => {
                        if let Some(code) = actor.entry.code_on(date) {
                            st.country.get_or_insert_with(|| code.to_string());
                        }
                    }
                    _ => {
                        if let Some(code) = lex.actors.code_on(a, date) {
                            st.note_code(code, lex);
                            st.org.get_or_insert_with(|| code.to_string());
                        }
                        // A dictionary description ("White House press secretary") states a role.
                        if let Some((_, phrase)) = role_at_end(lex, words, i, i + n) {
                            st.role_phrase = Some(phrase);
                        }
                    }
                },
                Match::Actor(_) => {}
                Match::Agent { code, prefix: true } => {
                    st.prefix.get_or_insert_with(|| code.to_string());
                    st.role_phrase = Some(words.lower[i..i + n].join(" "));
                }
                Match::Agent { code, prefix: false } => {
                    st.roles.push(code.to_string());
                    st.role_phrase = Some(words.lower[i..i + n].join(" "));
                }
            }
            i += n;
        }
        st
    }

    /// Takes the country and roles out of a full code (`USAGOV` → `USA`, `GOV`).
    fn note_code(&mut self, code: &str, lex: &Lexicons) {
        let (country, roles) = split_code(code, lex);
        if let Some(c) = country {
            self.country.get_or_insert_with(|| c.to_string());
        }
        if !roles.is_empty() && self.roles.is_empty() {
            self.roles.push(roles.to_string());
        }
    }

    /// The code: country and first role (`USAGOV`), else a country-less organization's code
    /// (`IGONAT`); a role alone is no code.
    pub fn code(&self) -> Option<String> {
        match self.country.as_deref() {
            Some(country) => {
                let before = self.prefix.as_deref().unwrap_or("");
                let role = self.roles.first().map_or("", String::as_str);
                Some(format!("{before}{country}{role}"))
            }
            None => self.org.clone(),
        }
    }
}

/// Splits a code into its country (if its first three letters are one) and the rest.
pub fn split_code<'a>(code: &'a str, lex: &Lexicons) -> (Option<&'a str>, &'a str) {
    match code.get(..3) {
        Some(c) if lex.actors.is_country_code(c) || lex.gazetteer.country_iso3(c).is_some() => {
            (Some(c), &code[3..])
        }
        _ => (None, code),
    }
}
