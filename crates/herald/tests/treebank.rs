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

/// The figures of the committed models on the first 500 sentences of EWT dev (gold tokenization),
/// from `herald eval parse`; the guard fails when any drops more than 0.5 points.
const EWT_DEV_SLICE: usize = 500;
const COMMITTED: [(&str, f64); 4] = [("UPOS", 96.34), ("LEMMA", 98.04), ("UAS", 85.37), ("LAS", 82.51)];

#[test]
fn ewt_dev_parse_does_not_regress() {
    use herald::eval::parse::{ParseScore, Predicted};
    use herald::syntax::Analyzer;

    let Some(data) = load("ud_english_ewt/en_ewt-ud-dev.conllu") else { return };
    let (sentences, _) = conllu::parse(&data);
    let (analyzer, diags) = Analyzer::new(herald::Models::embedded());
    assert!(diags.is_empty(), "{diags:?}");
    let mut analyzer = analyzer.unwrap();
    let mut score = ParseScore::default();
    for s in sentences.iter().take(EWT_DEV_SLICE) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let (mut morph, mut deps) = (Vec::new(), Vec::new());
        analyzer.sentence(&forms, 0, &mut morph, &mut deps);
        let predicted: Vec<Predicted> =
            morph.iter().enumerate().map(|(i, m)| Predicted::from_layers(m, deps.get(i), 0)).collect();
        score.add(s, &predicted);
    }
    let measured = [score.upos, score.lemma, score.uas, score.las].map(|n| score.pct(n));
    eprintln!("EWT dev first {EWT_DEV_SLICE} sentences: UPOS/LEMMA/UAS/LAS = {measured:.2?}");
    for ((name, committed), now) in COMMITTED.iter().zip(measured) {
        assert!(now >= committed - 0.5, "{name} fell to {now:.2} (committed {committed:.2})");
    }
}

/// herald's entity stage on Universal NER EWT dev (gold tokenization): committed overall F1 70.78.
#[test]
fn uner_dev_entities_do_not_regress() {
    use herald::iob::{self, IobFormat};
    let Some(data) = load("uner_english_ewt/en_ewt-ud-dev.iob2") else { return };
    let (sentences, _) = iob::parse(&data, IobFormat::Uner);
    let pipeline = Pipeline::new();
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for s in &sentences {
        let forms: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let tags = iob::tags_of(&pipeline.annotate_words(&forms, Meta::default()));
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        let (g, p) = (iob::entities(&s.tags), iob::entities(&tags));
        correct += p.iter().filter(|e| g.contains(e)).count();
        predicted += p.len();
        gold += g.len();
    }
    let f1 = 200.0 * correct as f64 / (predicted + gold).max(1) as f64;
    eprintln!("UNER EWT dev entity F1 {f1:.2}");
    assert!(f1 >= 70.2, "entity F1 {f1:.2} fell below 70.2 (committed 70.78)");
}

/// Quote attribution on herald's PolNeAR dev split (see `herald eval quotes`): committed content
/// overlap F1 70.45 and source accuracy 86.50.
#[test]
fn polnear_dev_quotes_do_not_regress() {
    use herald::eval::quotes::{QuoteScore, attributions_of, is_dev_article, parse_brat, score};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear_train");
    let Ok(entries) = std::fs::read_dir(root.join("attributions")) else {
        eprintln!("skipped: ../shared/data/polnear_train not found");
        return;
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let pipeline = Pipeline::new();
    let mut total = QuoteScore::default();
    let mut last = String::new();
    for ann in files {
        let stem = ann.file_stem().unwrap().to_string_lossy().into_owned();
        let article = stem.rsplit_once('_').map_or(stem.clone(), |(a, _)| a.to_string());
        if article == last || !is_dev_article(&article) {
            continue;
        }
        last = article.clone();
        let text = std::fs::read_to_string(root.join("text").join(format!("{article}.txt"))).unwrap();
        let (gold, _) = parse_brat(&std::fs::read_to_string(&ann).unwrap());
        let doc = pipeline.annotate(text, Meta::default());
        let chars: Vec<char> = doc.text.chars().collect();
        total.add(&score(&chars, &gold, &attributions_of(&doc)));
    }
    let f1 = total.content_overlap.f1();
    eprintln!("PolNeAR dev: content overlap F1 {f1:.2}, source accuracy {:.2}", total.source_accuracy());
    assert!(f1 >= 69.9, "content overlap F1 {f1:.2} fell below 69.9 (committed 70.45)");
    let acc = total.source_accuracy();
    assert!(acc >= 86.0, "source accuracy {acc:.2} fell below 86.0 (committed 86.50)");
}
