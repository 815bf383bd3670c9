//! NER training: averaged perceptron over shuffled sentences (fixed seed), the epoch with the
//! best entity F1 on dev kept.

use super::marks::{Marks, marks};
use super::{NerTagger, allowed, features};
use crate::clusters::ClusterMap;
use crate::eval::Prf;
use crate::iob::{IobSentence, entities};
use crate::lexicons::Lexicons;
use crate::model::hash::hash_str;
use crate::model::{Averaged, Rng, Weights, argmax};
use crate::tagger::features::{fill_clusters, sentence};

/// A training or dev sentence with the XPOS tags the recognizer will see.
#[derive(Clone, Debug)]
pub struct Example {
    /// The sentence with gold tags.
    pub sentence: IobSentence,
    /// Predicted XPOS tags.
    pub xpos: Vec<String>,
}

impl Example {
    fn forms(&self) -> Vec<&str> {
        self.sentence.tokens.iter().map(String::as_str).collect()
    }
}

/// Trains over `epochs` passes with `seed`, reading the word classes `clusters` (which the model
/// keeps); `log` gets one line per epoch.
pub fn train(
    train: &[Example],
    dev: &[Example],
    lex: &Lexicons,
    clusters: ClusterMap,
    epochs: usize,
    seed: u64,
    log: &mut dyn FnMut(String),
) -> NerTagger {
    let mut labels = vec!["O".to_string()];
    for ex in train {
        for t in &ex.sentence.tags {
            if !labels.contains(t) {
                labels.push(t.clone());
            }
        }
    }
    let id = |t: &str| labels.iter().position(|l| l == t).unwrap_or(0) as u16;
    let gold: Vec<Vec<u16>> =
        train.iter().map(|ex| ex.sentence.tags.iter().map(|t| id(t)).collect()).collect();
    let mut model = Averaged::new(labels.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let (mut words, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    let mut best: Option<(f64, Weights)> = None;
    let all_marks: Vec<Vec<Marks>> = train.iter().map(|ex| marks(&ex.forms(), lex)).collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &train[k];
            sentence(ex.forms().into_iter(), &mut words);
            fill_clusters(&clusters, &mut words);
            let pos: Vec<u64> = ex.xpos.iter().map(|x| hash_str(x)).collect();
            let mut prev = (0u16, 0u16);
            for (i, &truth) in gold[k].iter().enumerate() {
                features(&words, &pos, &all_marks[k], i, prev.0, prev.1, &mut feats);
                model.score(&feats, &mut scores);
                let guess = argmax(&scores, |l| allowed(&labels, prev.0, l)).unwrap_or(0);
                model.update(&feats, truth as usize, guess);
                model.tick();
                // Follow the gold history (teacher forcing): a wrong guess does not derail the rest.
                prev = (truth, prev.0);
            }
        }
        let tagger = NerTagger {
            weights: model.averaged(),
            labels: labels.clone(),
            clusters: clusters.clone(),
            header: String::new(),
        };
        let f1 = score(&tagger, dev, lex).f1();
        log(format!("epoch {epoch}: dev entity F1 {f1:.2}"));
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, tagger.weights));
        }
    }
    let weights = best.map(|(_, w)| w).unwrap_or_else(|| model.averaged());
    NerTagger { weights, labels, clusters, header: String::new() }
}

/// Entity-level counts over all types.
pub fn score(tagger: &NerTagger, sentences: &[Example], lex: &Lexicons) -> Prf {
    let mut prf = Prf::default();
    let mut out = Vec::new();
    for ex in sentences {
        let xpos: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
        tagger.tag(&ex.forms(), &xpos, lex, &mut out);
        let predicted: Vec<&str> = out.iter().map(|&l| tagger.label(l)).collect();
        let (g, p) = (entities(&ex.sentence.tags), entities(&predicted));
        prf.correct += p.iter().filter(|e| g.contains(e)).count();
        prf.predicted += p.len();
        prf.gold += g.len();
    }
    prf
}
