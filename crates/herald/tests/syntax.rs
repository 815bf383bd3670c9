//! The syntax stage on real and hostile sentences: every token gets one head inside its
//! sentence, each sentence has exactly one root and no cycle, whatever the input.

use herald::{Doc, Meta, Pipeline};

fn analyze(text: &str) -> Doc {
    Pipeline::new().annotate(text.to_string(), Meta::default())
}

/// Checks the tree invariants of every sentence and returns the number of tokens.
fn check_trees(doc: &Doc) -> usize {
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    assert_eq!(doc.morphology.len(), doc.tokens.len());
    assert_eq!(doc.syntax.len(), doc.tokens.len());
    for s in &doc.sentences {
        let range = s.tokens();
        let roots = range.clone().filter(|&i| doc.syntax[i].head.is_none()).count();
        assert_eq!(roots, 1, "sentence {:?} has {roots} roots", doc.slice(s.span));
        for i in range.clone() {
            let mut k = i;
            for _ in 0..=range.len() {
                match doc.syntax[k].head {
                    None => break,
                    Some(h) => {
                        assert!(range.contains(&(h as usize)), "head outside the sentence");
                        k = h as usize;
                    }
                }
            }
            assert!(doc.syntax[k].head.is_none(), "cycle through token {i}");
        }
    }
    doc.tokens.len()
}

fn word(doc: &Doc, form: &str) -> usize {
    (0..doc.tokens.len()).find(|&i| doc.form(i) == form).unwrap()
}

#[test]
fn news_sentence_is_parsed_sensibly() {
    let doc =
        analyze("White House press secretary Karoline Leavitt stated that a meeting remains a possibility.");
    check_trees(&doc);
    let stated = word(&doc, "stated");
    assert_eq!(doc.syntax[stated].head, None, "the verb is the root");
    assert_eq!(doc.morphology[stated].lemma, "state");
    assert_eq!(doc.morphology[stated].upos.as_str(), "VERB");
    // The subject is the title and name before the verb (UD allows "secretary" as the subject
    // with the name in apposition, or the name as the subject).
    let subjects: Vec<usize> = (0..stated)
        .filter(|&i| doc.syntax[i].head == Some(stated as u32) && doc.syntax[i].rel == "nsubj")
        .collect();
    assert!(!subjects.is_empty(), "no subject before 'stated'");
    // UD heads a flat name at its first word: Leavitt hangs from Karoline.
    let karoline = word(&doc, "Karoline");
    let leavitt = word(&doc, "Leavitt");
    assert_eq!(doc.syntax[leavitt].head, Some(karoline as u32));
    assert_eq!(doc.syntax[leavitt].rel, "flat");
    assert_eq!(doc.morphology[leavitt].upos.as_str(), "PROPN");
    let remains = word(&doc, "remains");
    assert_eq!(doc.syntax[remains].head, Some(stated as u32));
    assert_eq!(doc.syntax[remains].rel, "ccomp");
}

#[test]
fn empty_punctuation_and_foreign_text_give_trees() {
    assert_eq!(check_trees(&analyze("")), 0);
    assert!(check_trees(&analyze("... !!! ?? -- ;")) > 0);
    assert!(
        check_trees(&analyze("Der Bundeskanzler traf sich gestern mit dem französischen Präsidenten.")) > 5
    );
    assert!(check_trees(&analyze("北京 时间 2025 年 10 月")) > 0);
}

#[test]
fn a_2000_token_sentence_gets_one_tree() {
    let text = "officials , diplomats and ministers met in Budapest ".repeat(250);
    let doc = analyze(&text);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(check_trees(&doc), 2000);
}

#[test]
fn sentences_parsed_side_by_side_get_the_parse_they_get_alone() {
    // Sentences of different lengths (so the parser's two lanes finish at different
    // times and refill), one of them past the 400-word window.
    let long = "officials , diplomats and ministers met in Budapest ".repeat(60);
    let text = format!(
        "Trump cancelled the summit. The Kremlin said that Putin remained open to talks with Washington. \
         {long}. Sanctions on Russian oil firms took effect. He left."
    );
    let doc = analyze(&text);
    check_trees(&doc);
    let models = herald::Models::embedded();
    let (analyzer, _) = herald::syntax::Analyzer::new(models);
    let mut analyzer = analyzer.expect("embedded tagger");
    for s in &doc.sentences {
        let forms: Vec<&str> = s.tokens().map(|i| doc.form(i)).collect();
        let (mut morph, mut deps) = (Vec::new(), Vec::new());
        analyzer.sentence(&forms, s.token_start, &mut morph, &mut deps);
        assert_eq!(deps, doc.syntax[s.tokens()], "{}", doc.slice(s.span));
    }
    assert!(doc.sentences.len() >= 4, "{} sentences", doc.sentences.len());
    assert!(doc.sentences.iter().any(|s| s.tokens().len() > 400));
}
