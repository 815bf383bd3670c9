//! Irregular verb forms the learned rules get wrong because EWT training never shows them
//! ("fled" → "fl", "shot" → "shet", "risen" → "riose"): past tenses and participles of English
//! irregular verbs, written by hand. Forms with a second reading ("bound", "ground", "lit",
//! "left", "saw") are left to the model.

/// `(form, lemma)`, sorted by form.
const FORMS: &[(&str, &str)] = &[
    ("arisen", "arise"),
    ("bent", "bend"),
    ("bit", "bite"),
    ("bled", "bleed"),
    ("borne", "bear"),
    ("bred", "breed"),
    ("clung", "cling"),
    ("drunk", "drink"),
    ("dug", "dig"),
    ("fed", "feed"),
    ("fled", "flee"),
    ("flung", "fling"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("lain", "lie"),
    ("leapt", "leap"),
    ("lent", "lend"),
    ("misled", "mislead"),
    ("risen", "rise"),
    ("rung", "ring"),
    ("sank", "sink"),
    ("shone", "shine"),
    ("shot", "shoot"),
    ("shrunk", "shrink"),
    ("slain", "slay"),
    ("slew", "slay"),
    ("slid", "slide"),
    ("sprung", "spring"),
    ("spun", "spin"),
    ("stung", "sting"),
    ("sung", "sing"),
    ("sunk", "sink"),
    ("swam", "swim"),
    ("swum", "swim"),
    ("swung", "swing"),
    ("thrust", "thrust"),
    ("trod", "tread"),
    ("trodden", "tread"),
    ("wove", "weave"),
    ("woven", "weave"),
];

/// The lemma of an irregular past tense or participle (lowercase `form`).
pub(super) fn lemma(form: &str) -> Option<&'static str> {
    FORMS.binary_search_by(|(f, _)| (*f).cmp(form)).ok().map(|i| FORMS[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_sorted_and_found() {
        assert!(super::FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(super::lemma("fled"), Some("flee"));
        assert_eq!(super::lemma("flees"), None);
    }
}
