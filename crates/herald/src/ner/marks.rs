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
        let max = lex.gazetteer.longest_from(&lower[i]).min(lower.len() - i);
        let mut matched = 0;
        for n in (1..=max).rev() {
            key.clear();
            key.push_str(&lower[i..i + n].join(" "));
            let best =
                lex.gazetteer.lookup(&key).map(|(_, p)| p).max_by_key(|p| crate::actors::scan::rank(p));
            if let Some(p) = best {
                let kind = match p.kind {
                    PlaceKind::Country => "country",
                    PlaceKind::Admin1 => "admin1",
                    PlaceKind::Capital => "capital",
                    PlaceKind::City if p.population >= 1_000_000 => "city1m",
                    PlaceKind::City if p.population >= 100_000 => "city100k",
                    PlaceKind::City => "city",
                };
                for (k, m) in out[i..i + n].iter_mut().enumerate() {
                    m.place = mix(hash_str(kind), u64::from(k == 0) + 2 * u64::from(n > 1));
                }
                matched = n;
                break;
            }
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
                    Match::Agent(_) => 3,
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
