//! Lexicon marks: what the gazetteer, the actor dictionaries and the given-name list say about
//! each word, as features for the recognizer. Matching ignores case (web text writes "kerala"
//! and "taco bell"), so the case itself stays a separate feature the model weighs.

use crate::actors::lexicon::{ActorKind, Match};
use crate::geo::PlaceKind;
use crate::lexicons::{Gender, Lexicons};
use crate::model::hash::{hash_str, mix};

/// The marks of one word (0: none).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Inside a gazetteer name: position (begin/inside) and the kind and size of the place.
    pub place: u64,
    /// Inside a dictionary phrase: position and whether a country, a named actor or a role.
    pub actor: u64,
    /// A given name and its gender.
    pub name: u64,
}

/// The marks of a sentence's words.
pub fn marks(forms: &[&str], lex: &Lexicons) -> Vec<Marks> {
    let lower: Vec<String> = forms.iter().map(|f| f.to_lowercase().replace('’', "'")).collect();
    let mut out = vec![Marks::default(); forms.len()];
    let mut key = String::new();
    let mut i = 0;
    while i < lower.len() {
        let mut matched = 0;
        if let Some((n, p)) = lex.gazetteer.longest_at(&lower[i..], &mut key) {
            let p = lex.gazetteer.place(p);
            let kind = match p.map(|p| (p.kind, p.population)) {
                Some((PlaceKind::Country, _)) => "country",
                Some((PlaceKind::Admin1, _)) => "admin1",
                Some((PlaceKind::Capital, _)) => "capital",
                Some((PlaceKind::City, pop)) if pop >= 1_000_000 => "city1m",
                Some((PlaceKind::City, pop)) if pop >= 100_000 => "city100k",
                _ => "city",
            };
            for (k, m) in out[i..i + n].iter_mut().enumerate() {
                m.place = mix(hash_str(kind), u64::from(k == 0) + 2 * u64::from(n > 1));
            }
            matched = n;
        }
        i += matched.max(1);
    }
    let mut i = 0;
    while i < lower.len() {
        match lex.actors.longest_match(&lower[i..], &lower[i..], &mut key) {
            Some((n, m)) => {
                let kind = match m {
                    Match::Actor(a) => match lex.actors.actor(a) {
                        Some(a) if a.kind == ActorKind::Country => 1,
                        // People have dated roles; organizations rarely do.
                        Some(a) if a.entry.codes.iter().any(|c| c.from.is_some() || c.until.is_some()) => 2,
                        _ => 4,
                    },
                    Match::Agent { .. } => 3,
                };
                for (k, mk) in out[i..i + n].iter_mut().enumerate() {
                    mk.actor = mix(kind, u64::from(k == 0) + 2 * u64::from(n > 1));
                }
                i += n;
            }
            None => i += 1,
        }
    }
    for (m, w) in out.iter_mut().zip(&lower) {
        m.name = match lex.genders.get(w) {
            Some(Gender::Female) => 0xF,
            Some(Gender::Male) => 0xA,
            None => 0,
        };
    }
    out
}
