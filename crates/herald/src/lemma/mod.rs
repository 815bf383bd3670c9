//! Lemmatizer: edit rules learned from a treebank, chosen by the word's tag and its longest known
//! suffix, plus an exception table for words the rules get wrong (`n't` → `not`, `ca` → `can`),
//! and a form table for words whose lemma never depended on their tag (so a tagging error costs
//! no lemma).
//!
//! Casing is decided first: proper nouns (XPOS `NNP`, `NNPS`) keep their case, every other word is
//! lowercased (`Applause` → `applause`); the exception table keeps the rest (`I`). A rule is then
//! "strip k characters, append s" (`studies` → strip 3, append `y`). Training counts rules per (XPOS, suffix) for suffixes of up to [`MAX_SUFFIX`]
//! characters and keeps a suffix only where its best rule differs from its shorter parent's.

mod irregular;
pub mod train;

use crate::model::hash::{hash_str, mix};
use crate::model::weights::HashedMap;
use crate::model::{ModelError, Reader, Writer};

/// Model file version this code reads and writes.
pub const VERSION: u32 = 2;

/// Longest suffix (in characters) the rules look at.
pub const MAX_SUFFIX: usize = 8;

/// An edit from a form to its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Lowercase the form first.
    pub lower: bool,
    /// Characters to remove from the end.
    pub strip: u8,
    /// Text to append.
    pub append: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma` with the fewest edits (no lowercasing on ties).
    pub fn between(form: &str, lemma: &str) -> Rule {
        let mut best: Option<(usize, Rule)> = None;
        for lower in [false, true] {
            let base = if lower { form.to_lowercase() } else { form.to_string() };
            let common = base.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
            let strip = base.chars().count() - common;
            let append: String = lemma.chars().skip(common).collect();
            let cost = strip + append.chars().count() + usize::from(lower);
            if best.as_ref().is_none_or(|(c, _)| cost < *c) && strip <= u8::MAX as usize {
                best = Some((cost, Rule { lower, strip: strip as u8, append }));
            }
        }
        best.map(|(_, r)| r).unwrap_or(Rule { lower: false, strip: 0, append: String::new() })
    }

    /// Applies the rule; `None` when it would strip more than the form has.
    pub fn apply(&self, form: &str) -> Option<String> {
        let base = if self.lower { form.to_lowercase() } else { form.to_string() };
        let n = base.chars().count();
        let keep = n.checked_sub(self.strip as usize)?;
        let cut = base.char_indices().nth(keep).map_or(base.len(), |(i, _)| i);
        let mut out = base[..cut].to_string();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }
}

/// A trained lemmatizer.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// (XPOS, suffix) → rule index.
    table: HashedMap<u16>,
    /// (XPOS, form) → lemma.
    exceptions: HashedMap<String>,
    /// Form → lemma, for forms that had one lemma under every tag in training (seen twice or
    /// more), so that a wrong predicted tag costs no lemma.
    by_form: HashedMap<String>,
    /// The header of the model file it was loaded from.
    pub header: String,
}

/// The form the rules edit: proper nouns as written, other words lowercased.
pub(crate) fn base_form(form: &str, xpos: &str) -> String {
    if xpos.starts_with("NNP") { form.to_string() } else { form.to_lowercase() }
}

/// The suffixes of `word` of 0 to [`MAX_SUFFIX`] characters, shortest first.
pub(crate) fn suffixes(word: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
    let n = starts.len() - 1;
    (0..=n.min(MAX_SUFFIX)).map(move |len| &word[starts[n - len]..])
}

pub(crate) fn suffix_key(xpos: &str, suffix: &str) -> u64 {
    mix(mix(1, hash_str(xpos)), hash_str(suffix))
}

pub(crate) fn form_key(xpos: &str, form: &str) -> u64 {
    mix(mix(2, hash_str(xpos)), hash_str(form))
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        if let Some(l) = self.exceptions.get(&form_key(xpos, form)) {
            return l.clone();
        }
        // A form that had one lemma under every tag keeps it whatever the predicted tag says:
        // tagging errors (NNP or NN? VBG or NN?) then cost no lemma.
        if let Some(l) = self.by_form.get(&form_key("", form)) {
            return l.clone();
        }
        if matches!(xpos, "VBD" | "VBN")
            && let Some(l) = irregular::lemma(&lowercase(form))
        {
            return l.to_string();
        }
        self.by_rule(form, xpos).unwrap_or_else(|| form.to_string())
    }

    pub(crate) fn by_rule(&self, form: &str, xpos: &str) -> Option<String> {
        let base = base_form(form, xpos);
        let lower = base.to_lowercase();
        let all: Vec<&str> = suffixes(&lower).collect();
        all.iter()
            .rev()
            .find_map(|suffix| self.table.get(&suffix_key(xpos, suffix)))
            .and_then(|&r| self.rules.get(r as usize))
            .and_then(|rule| rule.apply(&base))
    }

    /// Serializes the model.
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(self.rules.len() as u32);
        for r in &self.rules {
            w.u8(u8::from(r.lower));
            w.u8(r.strip);
            w.str(&r.append);
        }
        let mut table: Vec<(u64, u16)> = self.table.iter().map(|(k, v)| (*k, *v)).collect();
        table.sort_unstable();
        w.u32(table.len() as u32);
        for (k, r) in table {
            w.u64(k);
            w.u16(r);
        }
        for table in [&self.exceptions, &self.by_form] {
            let mut ex: Vec<(&u64, &String)> = table.iter().collect();
            ex.sort_unstable();
            w.u32(ex.len() as u32);
            for (k, l) in ex {
                w.u64(*k);
                w.str(l);
            }
        }
        w.finish("lemmatizer", VERSION, header)
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer, ModelError> {
        let mut r = Reader::open(bytes, "lemmatizer", VERSION)?;
        let n = r.count(6)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            rules.push(Rule { lower, strip, append: r.str()? });
        }
        let n = r.count(10)?;
        let mut table = HashedMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let rule = r.u16()?;
            if rule as usize >= rules.len() {
                return Err(ModelError::Corrupt(format!("rule {rule} of {}", rules.len())));
            }
            table.insert(k, rule);
        }
        let read_table = |r: &mut Reader| -> Result<HashedMap<String>, ModelError> {
            let n = r.count(12)?;
            let mut t = HashedMap::default();
            for _ in 0..n {
                let k = r.u64()?;
                t.insert(k, r.str()?);
            }
            Ok(t)
        };
        let exceptions = read_table(&mut r)?;
        let by_form = read_table(&mut r)?;
        r.end()?;
        Ok(Lemmatizer { rules, table, exceptions, by_form, header: r.header.clone() })
    }
}

/// `form` lowercased, borrowed when it already is.
fn lowercase(form: &str) -> std::borrow::Cow<'_, str> {
    if form.chars().any(char::is_uppercase) { form.to_lowercase().into() } else { form.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_shortest_first() {
        let all: Vec<&str> = suffixes("añob").collect();
        assert_eq!(all, ["", "b", "ob", "ñob", "añob"]);
        assert_eq!(suffixes("").collect::<Vec<_>>(), [""]);
        assert_eq!(suffixes("internationalization").count(), MAX_SUFFIX + 1);
    }

    #[test]
    fn rules_between_forms_and_lemmas() {
        let r = Rule::between("studies", "study");
        assert_eq!(r, Rule { lower: false, strip: 3, append: "y".into() });
        assert_eq!(r.apply("bodies").as_deref(), Some("body"));
        let r = Rule::between("The", "the");
        assert!(r.lower && r.strip == 0);
        assert_eq!(Rule::between("went", "go").apply("went").as_deref(), Some("go"));
        assert_eq!(Rule { lower: false, strip: 9, append: String::new() }.apply("abc"), None);
    }

    /// News verbs EWT never shows in the past: the irregular table, not a suffix rule.
    #[test]
    fn irregular_past_forms_of_news_verbs() {
        let lem = crate::Models::embedded().lemmatizer.as_ref().unwrap();
        for (form, tag, lemma) in [
            ("fled", "VBD", "flee"),
            ("shot", "VBD", "shoot"),
            ("fought", "VBD", "fight"),
            ("risen", "VBN", "rise"),
        ] {
            assert_eq!(lem.lemma(form, tag), lemma, "{form}/{tag}");
        }
        assert_eq!(lem.lemma("shot", "NN"), "shot", "the noun keeps its form");
    }
}
