//! Parser training: averaged perceptron with the arc-hybrid dynamic oracle (Goldberg & Nivre
//! 2013): from the second epoch on, the trainer follows its own prediction (with probability
//! `explore`) so it learns to recover from its mistakes. Trees are projectivized first.

use std::collections::HashMap;

use super::features::{WordHashes, features};
use super::state::{Config, Move, NONE, projectivize};
use super::{Arc, ParseScratch, Parser};
use crate::conllu::ConlluSentence;
use crate::model::{Averaged, Rng, Weights, argmax};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffle and exploration seed.
    pub seed: u64,
    /// Probability of following the model's own (wrong) prediction from epoch 2 on.
    pub explore: f64,
    /// Weights below this magnitude (quantized scale, largest 32767) are dropped: on EWT dev,
    /// 150 drops a third of the features for a loss of under 0.1 point and makes parsing faster.
    pub prune: i16,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 15, seed: 7, explore: 0.9, prune: 150 }
    }
}

/// A training sentence: forms, the tags the parser will see, gold heads and labels.
#[derive(Clone, Debug)]
pub struct Example {
    /// Forms.
    pub forms: Vec<String>,
    /// UPOS tags (predicted, for training that matches prediction time).
    pub upos: Vec<String>,
    /// XPOS tags (predicted likewise).
    pub xpos: Vec<String>,
    /// Gold heads, index 0 unused.
    pub heads: Vec<usize>,
    /// Gold relations, index 0 unused.
    pub labels: Vec<String>,
}

impl Example {
    /// From a gold sentence, with predicted `(UPOS, XPOS)` tags replacing the gold ones when given.
    pub fn from_conllu(s: &ConlluSentence, tags: Option<Vec<(String, String)>>) -> Example {
        let mut heads = vec![NONE];
        let mut labels = vec![String::new()];
        for w in &s.words {
            heads.push(w.head.map_or(0, |h| h as usize));
            labels.push(w.deprel.clone());
        }
        let tags = tags.unwrap_or_else(|| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())).collect());
        let (upos, xpos) = tags.into_iter().unzip();
        Example { forms: s.words.iter().map(|w| w.form.clone()).collect(), upos, xpos, heads, labels }
    }
}

/// Trains on `train`, keeping the epoch with the best LAS on `dev`.
pub fn train(train: &[Example], dev: &[Example], cfg: TrainConfig, log: &mut dyn FnMut(String)) -> Parser {
    let mut labels: Vec<String> = Vec::new();
    let mut label_id: HashMap<String, u8> = HashMap::new();
    for ex in train {
        for l in ex.labels.iter().skip(1) {
            if !label_id.contains_key(l) && labels.len() < 127 {
                label_id.insert(l.clone(), labels.len() as u8);
                labels.push(l.clone());
            }
        }
    }
    let root = *label_id.entry("root".to_string()).or_insert_with(|| {
        labels.push("root".to_string());
        (labels.len() - 1) as u8
    });
    let n_labels = labels.len();
    // Gold trees, projectivized; label ids.
    let gold: Vec<(Vec<usize>, Vec<u8>)> = train
        .iter()
        .map(|ex| {
            let mut heads = ex.heads.clone();
            projectivize(&mut heads);
            let ls = ex.labels.iter().map(|l| label_id.get(l).copied().unwrap_or(0)).collect();
            (heads, ls)
        })
        .collect();
    let n_classes = 1 + 2 * n_labels;
    let mut model = Averaged::new(n_classes);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut c = Config::default();
    let (mut words, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    let mut costs = vec![0usize; n_classes];
    let mut best: Option<(f64, Weights)> = None;
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &i in &order {
            let ex = &train[i];
            let (gh, gl) = &gold[i];
            let n = ex.forms.len();
            let tagged = ex
                .forms
                .iter()
                .zip(&ex.upos)
                .zip(&ex.xpos)
                .map(|((f, u), x)| (f.as_str(), u.as_str(), x.as_str()));
            WordHashes::sentence(tagged, &mut words);
            c.reset(n);
            for _ in 0..(2 * n + 2) {
                if c.is_terminal() {
                    break;
                }
                features(&c, &words, &mut feats);
                model.score(&feats, &mut scores);
                let mut min_cost = usize::MAX;
                for (k, cost) in costs.iter_mut().enumerate() {
                    let m = Move::of_class(k, n_labels);
                    *cost = if c.legal(m, root) { c.cost(m, gh, gl) } else { usize::MAX };
                    min_cost = min_cost.min(*cost);
                }
                let Some(guess) = argmax(&scores, |k| costs[k] != usize::MAX) else { break };
                let Some(truth) = argmax(&scores, |k| costs[k] == min_cost) else { break };
                if costs[guess] > min_cost {
                    model.update(&feats, truth, guess);
                }
                model.tick();
                right += usize::from(costs[guess] == min_cost);
                total += 1;
                let explore = epoch > 1 && (rng.below(1000) as f64) < cfg.explore * 1000.0;
                let follow = if costs[guess] == min_cost || explore { guess } else { truth };
                c.apply(Move::of_class(follow, n_labels));
            }
        }
        let weights = model.averaged_pruned(cfg.prune);
        let parser = Parser { weights, labels: labels.clone(), root, header: String::new() };
        let (uas, las) = attachment(&parser, dev);
        log(format!(
            "epoch {epoch}: train moves {:.2}%, dev UAS {uas:.2} LAS {las:.2} ({} features)",
            100.0 * right as f64 / total.max(1) as f64,
            parser.weights.n_features()
        ));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser.weights));
        }
    }
    let weights = best.map(|(_, w)| w).unwrap_or_else(|| model.averaged_pruned(cfg.prune));
    Parser { weights, labels, root, header: String::new() }
}

/// UAS and LAS (universal relation) in percent.
pub fn attachment(parser: &Parser, sentences: &[Example]) -> (f64, f64) {
    let mut scratch = ParseScratch::default();
    let mut arcs: Vec<Arc> = Vec::new();
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for ex in sentences {
        let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
        let upos: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
        parser.parse(&forms, &upos, &xpos, &mut scratch, &mut arcs);
        for (d, a) in arcs.iter().enumerate() {
            let ok = ex.heads[d + 1] == a.head as usize;
            let gold = crate::eval::parse::universal(&ex.labels[d + 1]);
            uas += usize::from(ok);
            las += usize::from(ok && crate::eval::parse::universal(parser.label(a.label)) == gold);
            total += 1;
        }
    }
    (100.0 * uas as f64 / total.max(1) as f64, 100.0 * las as f64 / total.max(1) as f64)
}
