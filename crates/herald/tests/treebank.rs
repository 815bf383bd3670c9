//! Accuracy guards on UD treebanks from `../shared/data`. Skipped, with a message, when the data
//! is absent (a fresh clone without the shared folder still passes). The floors are the committed
//! figures (see the README) minus 0.5 points.

use std::path::Path;

use herald::eval::segment::{gold_text, score};
use herald::{Meta, Pipeline, conllu};

fn load(rel: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(rel);
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            eprintln!("skipped: ../shared/data/{rel} not found");
            None
        }
    }
}

#[test]
fn ewt_dev_segmentation_does_not_regress() {
    let Some(data) = load("ud_english_ewt/en_ewt-ud-dev.conllu") else { return };
    let (sentences, errors) = conllu::parse(&data);
    assert!(errors.is_empty(), "{errors:?}");
    let gold = gold_text(&sentences);
    let doc = Pipeline::new().annotate(gold.text.clone(), Meta::default());
    let s = score(&gold, &doc);
    assert!(s.tokens.f1() >= 98.7, "token F1 {:.2} fell below 98.7 (committed 99.23)", s.tokens.f1());
    assert!(
        s.sentences.f1() >= 79.9,
        "sentence F1 {:.2} fell below 79.9 (committed 80.44)",
        s.sentences.f1()
    );
}
