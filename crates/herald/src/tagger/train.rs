//! Tagger training: averaged perceptron over shuffled sentences (fixed seed), the best epoch on
//! dev kept.

use std::collections::HashMap;

use super::features::{WordHashes, features};
use super::{PassBuffers, TagScratch, Tagger, WordInfo, greedy_pass};
use crate::clusters::ClusterMap;

use crate::conllu::ConlluSentence;
use crate::layers::Upos;
use crate::model::hash::hash_str;
use crate::model::weights::HashedMap;
use crate::model::{Averaged, Rng, Weights, argmax};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 15, seed: 7 }
    }
}

/// Words seen at least this often with one tag at least this share of the time go in the tag
/// dictionary.
const DICT_MIN_COUNT: usize = 20;
const DICT_MIN_SHARE: f64 = 0.995;

/// Trains a tagger on `train`, selecting the epoch by joint-tag accuracy on `dev`. `log` gets one
/// line per epoch.
/// `clusters` gives the word classes the tagger reads (and stores in its model file).
pub fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    clusters: ClusterMap,
    cfg: TrainConfig,
    log: &mut dyn FnMut(String),
) -> Tagger {
    let mut class_of: HashMap<(String, String), u16> = HashMap::new();
    let mut classes: Vec<(Upos, String)> = Vec::new();
    let mut gold: Vec<Vec<u16>> = Vec::new();
    let mut counts: HashMap<&str, HashMap<u16, usize>> = HashMap::new();
    for s in train {
        let mut tags = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let key = (w.upos.clone(), w.xpos.clone());
            let next = classes.len() as u16;
            let c = *class_of.entry(key).or_insert_with(|| {
                classes.push((Upos::parse(&w.upos).unwrap_or(Upos::X), w.xpos.clone()));
                next
            });
            tags.push(c);
            *counts.entry(w.form.as_str()).or_default().entry(c).or_default() += 1;
        }
        gold.push(tags);
    }
    let mut tagdict: HashedMap<u16> = HashedMap::default();
    for (form, by_tag) in &counts {
        let total: usize = by_tag.values().sum();
        if let Some((&c, &n)) = by_tag.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            && total >= DICT_MIN_COUNT
            && n as f64 / total as f64 >= DICT_MIN_SHARE
        {
            tagdict.insert(hash_str(form), c);
        }
    }
    // Ambiguity classes: the UPOS set of each lowercased word seen at least twice.
    let mut upos_sets: HashMap<u64, (u32, usize)> = HashMap::new();
    for s in train {
        for w in &s.words {
            let bit = Upos::parse(&w.upos).map_or(0, |u| 1u32 << (u as u32));
            let e = upos_sets.entry(hash_str(&w.form.to_lowercase())).or_insert((0, 0));
            e.0 |= bit;
            e.1 += 1;
        }
    }
    let ambiguity: HashedMap<u64> = upos_sets
        .into_iter()
        .filter(|(_, (_, n))| *n >= 2)
        .map(|(k, (set, _))| (k, crate::model::hash::mix(0xA3B1, u64::from(set))))
        .collect();
    let lexicon = WordInfo { ambiguity, clusters };
    let forward = train_direction(train, &gold, &tagdict, &lexicon, &classes, false, dev, cfg, log);
    let backward = train_direction(train, &gold, &tagdict, &lexicon, &classes, true, dev, cfg, log);
    Tagger { weights: forward, backward, classes, tagdict, lexicon, header: String::new() }
}

/// Trains one reading direction; returns the averaged weights of its best epoch on `dev`.
#[allow(clippy::too_many_arguments)]
fn train_direction(
    train: &[ConlluSentence],
    gold: &[Vec<u16>],
    tagdict: &HashedMap<u16>,
    lexicon: &WordInfo,
    classes: &[(Upos, String)],
    reverse: bool,
    dev: &[ConlluSentence],
    cfg: TrainConfig,
    log: &mut dyn FnMut(String),
) -> Weights {
    let mut model = Averaged::new(classes.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut words: Vec<WordHashes> = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    let direction = if reverse { "right-to-left" } else { "left-to-right" };
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let mut forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut tags: Vec<u16> = gold[si].clone();
            if reverse {
                forms.reverse();
                tags.reverse();
            }
            let mut in_order = forms.clone();
            if reverse {
                in_order.reverse();
            }
            super::features::sentence(in_order.into_iter(), &mut words);
            super::fill_ambiguity(lexicon, &mut words);
            if reverse {
                words.reverse();
            }
            let mut pred: Vec<u16> = Vec::with_capacity(words.len());
            for (i, form) in forms.iter().enumerate() {
                let truth = tags[i];
                let guess = match tagdict.get(&hash_str(form)) {
                    Some(&c) => c,
                    None => {
                        let prev = pred.last().copied();
                        let prev2 = if i >= 2 { pred.get(i - 2).copied() } else { None };
                        features(&words, i, prev, prev2, &mut feats);
                        model.score(&feats, &mut scores);
                        let g = argmax(&scores, |_| true).unwrap_or(0) as u16;
                        model.update(&feats, truth as usize, g as usize);
                        model.tick();
                        g
                    }
                };
                correct += usize::from(guess == truth);
                total += 1;
                pred.push(guess);
            }
        }
        let weights = model.averaged();
        let acc = direction_accuracy(&weights, tagdict, lexicon, classes, reverse, dev);
        log(format!(
            "{direction} epoch {epoch}: train {:.2}%, dev joint tag {acc:.2}%",
            100.0 * correct as f64 / total.max(1) as f64
        ));
        if best.as_ref().is_none_or(|(b, _)| acc > *b) {
            best = Some((acc, weights));
        }
    }
    best.map(|(_, w)| w).unwrap_or_else(|| model.averaged())
}

/// Joint-tag accuracy (percent) of one direction's weights alone on `dev`.
fn direction_accuracy(
    weights: &Weights,
    tagdict: &HashedMap<u16>,
    lexicon: &WordInfo,
    classes: &[(Upos, String)],
    reverse: bool,
    dev: &[ConlluSentence],
) -> f64 {
    let (mut buffers, mut all, mut out) = (PassBuffers::default(), Vec::new(), Vec::new());
    let (mut correct, mut total) = (0usize, 0usize);
    for s in dev {
        let mut words: Vec<&crate::conllu::Word> = s.words.iter().collect();
        if reverse {
            words.reverse();
        }
        let mut hashes: Vec<WordHashes> = Vec::new();
        super::features::sentence(s.words.iter().map(|w| w.form.as_str()), &mut hashes);
        super::fill_ambiguity(lexicon, &mut hashes);
        if reverse {
            hashes.reverse();
        }
        let mut forms = words.iter().map(|w| hash_str(&w.form));
        greedy_pass(weights, tagdict, &mut forms, &hashes, &mut buffers, &mut all, &mut out);
        for (w, &c) in words.iter().zip(&out) {
            let (u, x) = &classes[c as usize];
            correct += usize::from(u.as_str() == w.upos && *x == w.xpos);
            total += 1;
        }
    }
    100.0 * correct as f64 / total.max(1) as f64
}

/// Tagging accuracy in percent.
#[derive(Clone, Copy, Debug, Default)]
pub struct TagAccuracy {
    /// UPOS and XPOS both right.
    pub joint: f64,
    /// UPOS right.
    pub upos: f64,
    /// XPOS right.
    pub xpos: f64,
}

/// Accuracy on gold-tokenized sentences.
pub fn accuracy(tagger: &Tagger, sentences: &[ConlluSentence]) -> TagAccuracy {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let (mut joint, mut upos, mut xpos, mut total) = (0usize, 0usize, 0usize, 0usize);
    for s in sentences {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag(&forms, &mut scratch, &mut out);
        for (w, &c) in s.words.iter().zip(&out) {
            let (u, x) = (tagger.upos(c).as_str() == w.upos, tagger.xpos(c) == w.xpos);
            joint += usize::from(u && x);
            upos += usize::from(u);
            xpos += usize::from(x);
            total += 1;
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    TagAccuracy { joint: pct(joint), upos: pct(upos), xpos: pct(xpos) }
}
