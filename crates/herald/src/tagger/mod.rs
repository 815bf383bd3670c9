//! Part-of-speech tagger: two greedy averaged perceptrons over joint UPOS+XPOS tags, one reading
//! left to right and one right to left (the same features over the reversed sentence); each word
//! takes the tag with the highest summed score. A tag dictionary fixes frequent unambiguous words.
//!
//! [`Tagger::tag`] predicts; [`train::train`] learns from CoNLL-U; the model file is
//! `models/tagger.bin.gz` (kind `tagger`, version [`VERSION`]).

pub mod features;
pub mod train;

use features::{WordHashes, features};

use crate::clusters::ClusterMap;
use crate::layers::Upos;
use crate::model::hash::hash_str;
use crate::model::weights::HashedMap;
use crate::model::{ModelError, Partial, Reader, Weights, Writer, argmax};

/// Model file version this code reads and writes.
pub const VERSION: u32 = 2;

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Left-to-right weights.
    weights: Weights,
    /// Right-to-left weights.
    backward: Weights,
    /// Class → (UPOS, XPOS).
    classes: Vec<(Upos, String)>,
    /// Exact form hash → class, for frequent unambiguous words.
    tagdict: HashedMap<u16>,
    /// Ambiguity and word classes of lowercased forms.
    lexicon: WordInfo,
    /// The header of the model file it was loaded from.
    pub header: String,
}

/// What the tagger knows of lowercased forms beyond its weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    /// Form hash → ambiguity class (hash of the UPOS set seen in training).
    pub ambiguity: HashedMap<u64>,
    /// Form hash → word class ([`crate::clusters::ClusterMap`]).
    pub clusters: ClusterMap,
}

/// Reusable buffers for tagging.
#[derive(Debug, Default)]
pub struct TagScratch {
    words: Vec<WordHashes>,
    buffers: PassBuffers,
    /// The words right to left.
    reversed: Vec<WordHashes>,
    /// Hashes of the forms.
    hashes: Vec<u64>,
    /// Buffers of the right-to-left pass.
    backward_buffers: PassBuffers,
    /// Per-word scores of the left-to-right pass.
    forward: Vec<i32>,
    /// Per-word scores of the right-to-left pass.
    backward: Vec<i32>,
    /// Greedy tags of the left-to-right pass.
    greedy: Vec<u16>,
}

/// Feature and score buffers of one pass.
#[derive(Debug, Default)]
pub(crate) struct PassBuffers {
    feats: Vec<u64>,
    partial: Partial,
    scores: Vec<i32>,
}

/// One greedy pass of `weights` over `words` (already in reading order for the pass). Fills
/// `all` with every word's class scores (`n_classes` per word) and `out` with the greedy tags.
pub(crate) fn greedy_pass(
    weights: &Weights,
    tagdict: &HashedMap<u16>,
    forms: &mut dyn Iterator<Item = u64>,
    words: &[WordHashes],
    buffers: &mut PassBuffers,
    all: &mut Vec<i32>,
    out: &mut Vec<u16>,
) {
    out.clear();
    all.clear();
    for i in 0..words.len() {
        let known = prepare(weights, tagdict, forms.next().unwrap_or(0), words, i, out, &mut buffers.feats);
        gather(weights, known, buffers);
        decide(weights, known, buffers, all, out);
    }
}

/// The start of a pass's step at word `i`: the tag dictionary's class of the word, or else
/// its features in `feats`, whose weights are requested from memory (see [`Weights::prefetch`]).
fn prepare(
    weights: &Weights,
    tagdict: &HashedMap<u16>,
    form: u64,
    words: &[WordHashes],
    i: usize,
    out: &[u16],
    feats: &mut Vec<u64>,
) -> Option<u16> {
    if let Some(&c) = tagdict.get(&form) {
        return Some(c);
    }
    let prev = out.last().copied();
    let prev2 = if i >= 2 { out.get(i - 2).copied() } else { None };
    features(words, i, prev, prev2, feats);
    weights.prefetch(feats);
    None
}

/// The middle of a step: looks the features up (see [`Weights::gather`]).
fn gather(weights: &Weights, known: Option<u16>, buffers: &mut PassBuffers) {
    if known.is_none() {
        weights.gather(&buffers.feats, &mut buffers.partial);
    }
}

/// The end of a step: the word's scores (appended to `all`) and greedy tag (to `out`).
fn decide(
    weights: &Weights,
    known: Option<u16>,
    buffers: &mut PassBuffers,
    all: &mut Vec<i32>,
    out: &mut Vec<u16>,
) {
    let PassBuffers { scores, partial, .. } = buffers;
    let class = match known {
        Some(c) => {
            scores.clear();
            scores.resize(weights.n_classes(), 0);
            if let Some(s) = scores.get_mut(c as usize) {
                *s = 1 << 28;
            }
            c
        }
        None => {
            weights.finish(partial, scores);
            argmax(scores, |_| true).unwrap_or(0) as u16
        }
    };
    all.extend_from_slice(scores);
    out.push(class);
}

impl Tagger {
    /// Tags one sentence's words; `out` gets one class per word.
    ///
    /// The two passes run side by side, one word of each in turn, so that the memory loads of
    /// one pass's weights overlap the other's work (the weights are larger than the cache).
    pub fn tag(&self, forms: &[&str], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        let s = scratch;
        features::sentence(forms.iter().copied(), &mut s.words);
        self.fill_ambiguity(&mut s.words);
        s.reversed.clear();
        s.reversed.extend(s.words.iter().rev().copied());
        let n = forms.len();
        s.hashes.clear();
        s.hashes.extend(forms.iter().map(|f| hash_str(f)));
        let (forward, backward) = (&mut s.forward, &mut s.backward);
        let (fwd, bwd) = (&mut s.buffers, &mut s.backward_buffers);
        let greedy = &mut s.greedy;
        forward.clear();
        backward.clear();
        greedy.clear();
        out.clear();
        for i in 0..n {
            let form = |k: usize| s.hashes.get(k).copied().unwrap_or(0);
            let f = prepare(&self.weights, &self.tagdict, form(i), &s.words, i, greedy, &mut fwd.feats);
            let b =
                prepare(&self.backward, &self.tagdict, form(n - 1 - i), &s.reversed, i, out, &mut bwd.feats);
            gather(&self.weights, f, fwd);
            gather(&self.backward, b, bwd);
            decide(&self.weights, f, fwd, forward, greedy);
            decide(&self.backward, b, bwd, backward, out);
        }
        combine(forward, backward, self.weights.scale(), self.backward.scale(), self.classes.len(), out);
    }

    /// The tagger with weights below `min_abs` dropped (see [`Weights::pruned`]).
    pub fn pruned(&self, min_abs: i16) -> Tagger {
        Tagger {
            weights: self.weights.pruned(min_abs),
            backward: self.backward.pruned(min_abs),
            ..self.clone()
        }
    }

    /// Sets each word's ambiguity class from the lexicon.
    pub(crate) fn fill_ambiguity(&self, words: &mut [WordHashes]) {
        fill_ambiguity(&self.lexicon, words);
    }

    /// UPOS of a class.
    pub fn upos(&self, class: u16) -> Upos {
        self.classes.get(class as usize).map_or(Upos::X, |c| c.0)
    }

    /// XPOS of a class.
    pub fn xpos(&self, class: u16) -> &str {
        self.classes.get(class as usize).map_or("_", |c| c.1.as_str())
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Serializes the model.
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.str(u.as_str());
            w.str(x);
        }
        let mut dict: Vec<(u64, u16)> = self.tagdict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort_unstable();
        w.u32(dict.len() as u32);
        for (k, c) in dict {
            w.u64(k);
            w.u16(c);
        }
        let mut lex: Vec<(u64, u64)> = self.lexicon.ambiguity.iter().map(|(k, v)| (*k, *v)).collect();
        lex.sort_unstable();
        w.u32(lex.len() as u32);
        for (k, v) in lex {
            w.u64(k);
            w.u64(v);
        }
        crate::clusters::write_map(&self.lexicon.clusters, &mut w);
        self.weights.write(&mut w);
        self.backward.write(&mut w);
        w.finish("tagger", VERSION, header)
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::open(bytes, "tagger", VERSION)?;
        let n = r.count(8)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = r.str()?;
            let upos = Upos::parse(&u).ok_or_else(|| ModelError::Corrupt(format!("unknown UPOS {u:?}")))?;
            classes.push((upos, r.str()?));
        }
        let n_dict = r.count(10)?;
        let mut tagdict = HashedMap::default();
        for _ in 0..n_dict {
            let key = r.u64()?;
            let c = r.u16()?;
            if c as usize >= classes.len() {
                return Err(ModelError::Corrupt(format!("tag dictionary class {c}")));
            }
            tagdict.insert(key, c);
        }
        let n_lex = r.count(16)?;
        let mut lexicon = WordInfo::default();
        for _ in 0..n_lex {
            let key = r.u64()?;
            lexicon.ambiguity.insert(key, r.u64()?);
        }
        lexicon.clusters = crate::clusters::read_map(&mut r)?;
        let weights = Weights::read(&mut r)?;
        let backward = Weights::read(&mut r)?;
        r.end()?;
        if weights.n_classes() != classes.len() || backward.n_classes() != classes.len() {
            return Err(ModelError::Corrupt("weights and classes disagree".into()));
        }
        Ok(Tagger { weights, backward, classes, tagdict, lexicon, header: r.header.clone() })
    }
}

/// Sets each word's ambiguity class from `lexicon` (keyed by the lowercased form's hash).
pub(crate) fn fill_ambiguity(lexicon: &WordInfo, words: &mut [WordHashes]) {
    for w in words.iter_mut() {
        w.ambiguity = lexicon.ambiguity.get(&w.lower).copied().unwrap_or(0);
    }
    features::fill_clusters(&lexicon.clusters, words);
}

/// Sums the two passes' scores word by word (the backward pass's words are in reverse order) and
/// writes the best class of each word to `out`.
fn combine(forward: &[i32], backward: &[i32], fs: f32, bs: f32, n: usize, out: &mut Vec<u16>) {
    let words = forward.len() / n.max(1);
    out.clear();
    for i in 0..words {
        let f = &forward[i * n..(i + 1) * n];
        let j = words - 1 - i;
        let b = &backward[j * n..(j + 1) * n];
        let mut best = (0usize, f32::MIN);
        for c in 0..n {
            let s = f[c] as f32 * fs + b[c] as f32 * bs;
            if s > best.1 {
                best = (c, s);
            }
        }
        out.push(best.0 as u16);
    }
}
