//! Named-entity recognizer: a greedy averaged perceptron over IOB2 tags (PER, ORG, LOC), reading
//! the POS tagger's word hashes, the predicted part of speech and the tags so far; an `I-` tag
//! only continues an entity of its type. Fills [`crate::Doc::mentions`] with named mentions.
//!
//! [`NerTagger::tag`] predicts; [`train::train`] learns from Universal NER (IOB2); the model file
//! is `models/ner.bin.gz` (kind `ner`, version [`VERSION`]).

pub mod marks;
pub mod train;

use self::marks::Marks;
use crate::clusters::ClusterMap;
use crate::doc::Doc;
use crate::layers::{Mention, MentionKind};
use crate::lexicons::Lexicons;
use crate::model::hash::{hash_str, mix};
use crate::model::{ModelError, Reader, Weights, Writer};
use crate::models::Models;
use crate::tagger::features::{INITIAL, WordHashes, fill_clusters, sentence};

/// Model file version this code reads and writes (2: lexicon marks; 3: word classes).
pub const VERSION: u32 = 3;

/// A trained recognizer.
#[derive(Debug, Clone)]
pub struct NerTagger {
    weights: Weights,
    /// IOB2 tags; index 0 is `O`.
    labels: Vec<String>,
    /// Word classes of lowercased forms ([`crate::clusters`]).
    clusters: ClusterMap,
    /// The header of the model file it was loaded from.
    pub header: String,
}

/// The features of word `i`: the word and its neighbours, part of speech, lexicon marks, and the
/// two previous tags. One function for training and prediction.
pub fn features(
    words: &[WordHashes],
    pos: &[u64],
    marks: &[Marks],
    i: usize,
    prev: u16,
    prev2: u16,
    out: &mut Vec<u64>,
) {
    out.clear();
    const EDGE: u64 = 0xE06E;
    let at = |k: isize| -> Option<&WordHashes> {
        let j = i as isize + k;
        if j < 0 { None } else { words.get(j as usize) }
    };
    let lower = |k| at(k).map_or(EDGE, |w| w.lower);
    let shape = |k| at(k).map_or(EDGE, |w| w.shape);
    let tag = |k: isize| {
        let j = i as isize + k;
        if j < 0 { EDGE } else { pos.get(j as usize).copied().unwrap_or(EDGE) }
    };
    let w = &words[i];
    let (p1, p2) = (u64::from(prev), u64::from(prev2));
    out.extend([
        1,
        mix(2, w.lower),
        mix(3, w.form),
        mix(4, w.suffix[1]),
        mix(5, w.suffix[2]),
        mix(6, w.suffix[3]),
        mix(7, w.prefix[1]),
        mix(8, w.prefix[2]),
        mix(9, w.shape),
        mix(10, w.flags),
        mix(11, tag(0)),
        mix(12, tag(-1)),
        mix(13, tag(1)),
        mix(mix(14, tag(0)), w.shape),
        mix(15, lower(-1)),
        mix(16, lower(1)),
        mix(17, lower(-2)),
        mix(18, lower(2)),
        mix(19, shape(-1)),
        mix(20, shape(1)),
        mix(21, p1),
        mix(mix(22, p1), p2),
        mix(mix(23, p1), w.shape),
        mix(mix(24, p1), w.lower),
        mix(mix(25, lower(-1)), w.lower),
        mix(mix(26, w.lower), lower(1)),
        mix(mix(27, tag(-1)), tag(0)),
        mix(mix(28, shape(-1)), w.shape),
        mix(mix(29, w.shape), shape(1)),
        mix(mix(30, p1), tag(0)),
    ]);
    if w.flags & INITIAL != 0 {
        out.push(mix(31, w.lower));
    }
    let mark = |k: isize| {
        let j = i as isize + k;
        if j < 0 { Marks::default() } else { marks.get(j as usize).copied().unwrap_or_default() }
    };
    let (m, before, after) = (mark(0), mark(-1), mark(1));
    for (t, v) in [(40, m.place), (41, m.actor), (42, m.name)] {
        if v != 0 {
            out.push(mix(t, v));
            out.push(mix(mix(t + 10, v), w.shape));
            out.push(mix(mix(t + 20, v), tag(0)));
        }
    }
    for (t, v) in
        [(71, before.place), (72, after.place), (73, before.actor), (74, after.actor), (75, after.name)]
    {
        if v != 0 {
            out.push(mix(t, v));
        }
    }
    // Word classes: the word's, its neighbours', and the word's with its shape.
    let class = |k: isize| at(k).map_or(EDGE, |w| w.cluster);
    let fine = |k: isize| class(k) & 0xFFFF;
    out.extend([
        mix(80, fine(0)),
        mix(81, class(0) >> 16),
        mix(mix(82, fine(-1)), fine(0)),
        mix(mix(83, fine(0)), fine(1)),
        mix(mix(84, fine(0)), w.shape),
        mix(mix(85, p1), class(0) >> 16),
        mix(86, fine(-1)),
        mix(87, fine(1)),
        mix(88, class(-1) >> 16),
        mix(89, class(1) >> 16),
    ]);
}

impl NerTagger {
    /// Tags one sentence's words (with their XPOS tags and the lexicons' marks); `out` gets one
    /// label index per word.
    pub fn tag(&self, forms: &[&str], xpos: &[&str], lex: &Lexicons, out: &mut Vec<u16>) {
        let mut words = Vec::new();
        sentence(forms.iter().copied(), &mut words);
        fill_clusters(&self.clusters, &mut words);
        let pos: Vec<u64> = xpos.iter().map(|x| hash_str(x)).collect();
        let marks = marks::marks(forms, lex);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        out.clear();
        for i in 0..forms.len() {
            let prev = out.last().copied().unwrap_or(0);
            let prev2 = if i >= 2 { out[i - 2] } else { 0 };
            features(&words, &pos, &marks, i, prev, prev2, &mut feats);
            self.weights.score(&feats, &mut scores);
            let best = (0..self.labels.len())
                .filter(|&l| self.allowed(prev, l))
                .max_by_key(|&l| (scores.get(l).copied().unwrap_or(0), std::cmp::Reverse(l)))
                .unwrap_or(0);
            out.push(best as u16);
        }
    }

    /// `I-X` only after `B-X` or `I-X`.
    pub(crate) fn allowed(&self, prev: u16, label: usize) -> bool {
        allowed(&self.labels, prev, label)
    }

    /// The tag name of a label.
    pub fn label(&self, l: u16) -> &str {
        self.labels.get(l as usize).map_or("O", String::as_str)
    }

    /// Serializes the model.
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        crate::clusters::write_map(&self.clusters, &mut w);
        self.weights.write(&mut w);
        w.finish("ner", VERSION, header)
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger, ModelError> {
        let mut r = Reader::open(bytes, "ner", VERSION)?;
        let n = r.count(4)?;
        let labels: Vec<String> = (0..n).map(|_| r.str()).collect::<Result<_, _>>()?;
        if labels.first().map(String::as_str) != Some("O") {
            return Err(ModelError::Corrupt("the first label must be O".into()));
        }
        let clusters = crate::clusters::read_map(&mut r)?;
        let weights = Weights::read(&mut r)?;
        r.end()?;
        if weights.n_classes() != labels.len() {
            return Err(ModelError::Corrupt("weights and labels disagree".into()));
        }
        Ok(NerTagger { weights, labels, clusters, header: r.header.clone() })
    }
}

pub(crate) fn allowed(labels: &[String], prev: u16, label: usize) -> bool {
    match labels[label].strip_prefix("I-") {
        Some(kind) => labels
            .get(prev as usize)
            .and_then(|p| p.strip_prefix("B-").or_else(|| p.strip_prefix("I-")))
            .is_some_and(|p| p == kind),
        None => true,
    }
}

fn kind_of(tag: &str) -> MentionKind {
    match tag {
        "PER" => MentionKind::Person,
        "ORG" => MentionKind::Org,
        _ => MentionKind::Loc,
    }
}

/// Runs the stage: named mentions (PER, ORG, LOC) into `doc.mentions`.
pub fn run(doc: &mut Doc, models: &Models, lex: &Lexicons) {
    let ner = match &models.ner {
        Ok(ner) => ner,
        Err(e) => {
            let message = format!("ner model failed to load: {e}");
            return doc.diagnostics.push(crate::diag::Diagnostic::error("ner", message));
        }
    };
    let mut labels = Vec::new();
    let mut mentions = Vec::new();
    for s in &doc.sentences {
        let range = s.tokens();
        let forms: Vec<&str> = range.clone().map(|i| doc.form(i)).collect();
        let xpos: Vec<&str> =
            range.clone().map(|i| doc.morphology.get(i).map_or("", |m| m.xpos.as_str())).collect();
        ner.tag(&forms, &xpos, lex, &mut labels);
        let tags: Vec<&str> = labels.iter().map(|&l| ner.label(l)).collect();
        for (start, end, kind) in crate::iob::entities(&tags) {
            let span = doc.tokens[range.start + start].span.cover(doc.tokens[range.start + end - 1].span);
            mentions.push(Mention::new(span, kind_of(&kind)));
        }
    }
    doc.mentions = mentions;
}
