//! Lemmatizer training: count rules per (XPOS, suffix), keep the informative suffixes, then add
//! exceptions for the training words the rules get wrong.

use std::collections::HashMap;

use super::{Lemmatizer, Rule, base_form, form_key, suffix_key, suffixes};
use crate::conllu::ConlluSentence;

/// Trains on the gold forms, XPOS tags and lemmas of `train`.
pub fn train(train: &[ConlluSentence]) -> Lemmatizer {
    let mut rule_ids: HashMap<Rule, u16> = HashMap::new();
    let mut rules: Vec<Rule> = Vec::new();
    // (xpos, suffix) → rule → count
    let mut counts: HashMap<(String, String), HashMap<u16, u32>> = HashMap::new();
    // (xpos, form) → lemma → count
    let mut seen: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
    for s in train {
        for w in &s.words {
            if w.lemma == "_" && w.form != "_" {
                continue;
            }
            let base = base_form(&w.form, &w.xpos);
            let rule = Rule::between(&base, &w.lemma);
            let next = rules.len() as u16;
            let id = *rule_ids.entry(rule.clone()).or_insert_with(|| {
                rules.push(rule);
                next
            });
            let lower = base.to_lowercase();
            for suffix in suffixes(&lower) {
                *counts.entry((w.xpos.clone(), suffix.to_string())).or_default().entry(id).or_default() += 1;
            }
            *seen.entry((w.xpos.clone(), w.form.clone())).or_default().entry(w.lemma.clone()).or_default() +=
                1;
        }
    }
    let best =
        |m: &HashMap<u16, u32>| m.iter().max_by_key(|(r, c)| (**c, std::cmp::Reverse(**r))).map(|(r, _)| *r);
    let mut lem = Lemmatizer { rules, ..Lemmatizer::default() };
    for ((xpos, suffix), by_rule) in &counts {
        let Some(b) = best(by_rule) else { continue };
        let parent = suffix.char_indices().nth(1).map_or(String::new(), |(i, _)| suffix[i..].to_string());
        let parent_best =
            if suffix.is_empty() { None } else { counts.get(&(xpos.clone(), parent)).and_then(best) };
        if parent_best != Some(b) {
            lem.table.insert(suffix_key(xpos, suffix), b);
        }
    }
    // Forms whose lemma never depended on the tag (seen at least twice).
    let mut forms: HashMap<&str, (HashMap<&str, u32>, u32)> = HashMap::new();
    for ((_, form), lemmas) in &seen {
        let e = forms.entry(form.as_str()).or_default();
        for (l, c) in lemmas {
            *e.0.entry(l.as_str()).or_default() += c;
            e.1 += c;
        }
    }
    for (form, (lemmas, count)) in forms {
        if lemmas.len() == 1
            && count >= 2
            && let Some(lemma) = lemmas.keys().next()
        {
            lem.by_form.insert(form_key("", form), lemma.to_string());
        }
    }
    for ((xpos, form), lemmas) in &seen {
        let Some((lemma, _)) = lemmas.iter().max_by_key(|(l, c)| (**c, std::cmp::Reverse((*l).clone())))
        else {
            continue;
        };
        if lem.by_rule(form, xpos).as_deref() != Some(lemma.as_str()) {
            lem.exceptions.insert(form_key(xpos, form), lemma.clone());
        }
    }
    lem
}
