//! Matching a verb's dictionary patterns against the words around it.
//!
//! A frequent verb ("say", "make") has hundreds of patterns, most of them naming synonym sets
//! (`&CURRENCY`). [`Words`] answers "is this text word a member of that set" once per set and
//! word, not once per pattern, so coding a clause costs a set lookup per distinct set rather than
//! per pattern word and text word. Matching itself is what it always was: a pattern fits when its
//! words occur in order, each word's form or lemma matching, and a particle word ("OFF" of
//! "fire off") only where the verb's particle can stand.

use std::cell::RefCell;

use super::verbs::{VerbDictionary, Word};
use crate::model::hash::WordMap;

/// Words that, alone in a verb pattern, are the verb's particle.
const PARTICLES: &[&str] = &["off", "up", "down", "out", "away", "back"];

/// One text word as patterns see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextWord {
    /// Lowercase form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Whether it can be the verb's particle.
    pub particle: bool,
    /// Whether it is an adjective, which may stand inside a closed phrase: "improved global
    /// economic relations" fits "{IMPROVED &TIETYPES RELATIONS}".
    pub adjective: bool,
}

/// The words on one side of a verb, with set memberships memoized.
pub struct Words<'d> {
    dict: &'d VerbDictionary,
    words: Vec<TextWord>,
    /// Set name → whether each word (form or lemma) is a member.
    members: RefCell<WordMap<Vec<bool>>>,
}

impl<'d> Words<'d> {
    /// The words `words` of a clause, matched against `dict`'s sets.
    pub fn new(dict: &'d VerbDictionary, words: Vec<TextWord>) -> Words<'d> {
        Words { dict, words, members: RefCell::new(WordMap::default()) }
    }

    /// Whether `pattern`'s words occur in these words, in order: each pattern word at the first
    /// word after the previous one's that it matches — where `joined` says so, after nothing but
    /// adjectives (a closed phrase: "{NEW &TIETYPES RELATIONS}" is not "new economic trade
    /// relations", "{DEATH TOTAL}" not "death and injury total").
    pub fn fit(&self, pattern: &[Word], joined: &[bool]) -> bool {
        let mut next = 0;
        pattern.iter().enumerate().all(|(k, w)| {
            let particle = matches!(w, Word::Literal(l) if PARTICLES.contains(&l.as_str()));
            let mut until = self.words.len();
            if joined.get(k).copied().unwrap_or(false) {
                let adjectives = self.words[next.min(until)..].iter().take_while(|t| t.adjective).count();
                until = until.min(next + adjectives + 1);
            }
            let at = (next..until).find(|&i| (self.words[i].particle || !particle) && self.matches(w, i));
            at.inspect(|&i| next = i + 1).is_some()
        })
    }

    /// Whether word `i` (its form or its lemma) matches pattern word `w`.
    fn matches(&self, w: &Word, i: usize) -> bool {
        let TextWord { form, lemma, .. } = &self.words[i];
        match w {
            Word::Literal(l) => l == form || l == lemma,
            Word::Set(name) => {
                if let Some(hits) = self.members.borrow().get(name.as_str()) {
                    return hits.get(i).copied().unwrap_or(false);
                }
                // First time this set is asked about in the clause: every word at once.
                let hits: Vec<bool> = self
                    .words
                    .iter()
                    .map(|t| self.dict.matches(w, &t.form) || self.dict.matches(w, &t.lemma))
                    .collect();
                let hit = hits.get(i).copied().unwrap_or(false);
                self.members.borrow_mut().insert(name.clone(), hits);
                hit
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Words<'_> {
        fn fit_loose(&self, pattern: &[Word]) -> bool {
            self.fit(pattern, &[])
        }
    }

    fn words(text: &[(&str, &str, bool)]) -> Vec<TextWord> {
        text.iter()
            .map(|(f, l, p)| TextWord {
                form: f.to_string(),
                lemma: l.to_string(),
                particle: *p,
                adjective: matches!(*l, "new" | "global" | "fresh"),
            })
            .collect()
    }

    #[test]
    fn patterns_fit_in_order_by_form_lemma_or_set() {
        let mut d = VerbDictionary::default();
        assert!(d.add("&CURRENCY\n+MONEY\n+DOLLAR\n").is_empty());
        // "imposed fresh levies of dollars on Moscow"
        let after = Words::new(
            &d,
            words(&[
                ("fresh", "fresh", false),
                ("levies", "levy", false),
                ("of", "of", false),
                ("dollars", "dollar", false),
                ("on", "on", false),
                ("moscow", "moscow", false),
            ]),
        );
        let set = || Word::Set("currency".into());
        let lit = |w: &str| Word::Literal(w.into());
        assert!(after.fit_loose(&[lit("levy"), set(), lit("on")]), "lemma, set member by lemma, then a form");
        assert!(after.fit_loose(&[set(), lit("on")]));
        assert!(!after.fit_loose(&[lit("on"), set()]), "order matters");
        assert!(!after.fit_loose(&[set(), set()]), "one word matches one pattern word");
        assert!(after.fit_loose(&[]));
    }

    #[test]
    fn a_closed_phrase_admits_only_adjectives_inside() {
        let mut d = VerbDictionary::default();
        assert!(d.add("&TIETYPES\n+ECONOMIC\n").is_empty());
        let text = |t: &[(&str, &str, bool)]| Words::new(&d, words(t));
        let phrase =
            [Word::Literal("new".into()), Word::Set("tietypes".into()), Word::Literal("relations".into())];
        let joined = [false, true, true];
        // "new global economic relations": an adjective between is fine.
        let global = text(&[
            ("new", "new", false),
            ("global", "global", false),
            ("economic", "economic", false),
            ("relations", "relation", false),
        ]);
        assert!(global.fit(&phrase, &joined));
        // "new economic trade relations": a noun is not.
        let trade = text(&[
            ("new", "new", false),
            ("economic", "economic", false),
            ("trade", "trade", false),
            ("relations", "relation", false),
        ]);
        assert!(!trade.fit(&phrase, &joined));
        assert!(trade.fit(&phrase, &[false; 3]), "the same words, not closed, fit");
    }

    #[test]
    fn a_particle_word_matches_only_where_a_particle_can_stand() {
        let d = VerbDictionary::default();
        // "fired a missile into the sea off its coast": "off" is a preposition here.
        let sea = Words::new(&d, words(&[("missile", "missile", false), ("off", "off", false)]));
        assert!(!sea.fit_loose(&[Word::Literal("off".into())]));
        // "fired off a letter"
        let letter = Words::new(&d, words(&[("off", "off", true), ("letter", "letter", false)]));
        assert!(letter.fit_loose(&[Word::Literal("off".into()), Word::Literal("letter".into())]));
    }
}
