//! Word classes learned from unlabeled news: words that occur between the same neighbours
//! share a class ("Tuesday" with "Friday", "Reuters" with "Bloomberg"), so a tagger or a
//! recognizer that saw one of them in training knows something of the others.
//!
//! [`train`] clusters the lowercased words of a text with the [`exchange`] algorithm into fine
//! classes, then the fine classes themselves into coarse ones; the result ships as
//! `lexicons/clusters.tsv.gz` (one `word fine coarse` line per word: no text, no counts) and models copy what
//! they need of it into their own files ([`ClusterMap`]), so a model and its classes never
//! disagree.

pub mod exchange;

use std::collections::HashMap;

use crate::model::hash::hash_str;
use crate::model::weights::HashedMap;
use crate::model::{ModelError, Reader, Writer};
use exchange::{Bigrams, exchange};

/// Settings of a clustering run.
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    /// Fine classes.
    pub fine: usize,
    /// Coarse classes (clusters of the fine ones).
    pub coarse: usize,
    /// Words seen fewer times stay unclustered.
    pub min_count: u64,
    /// Passes of the exchange algorithm at most.
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig { fine: 256, coarse: 32, min_count: 3, iterations: 15 }
    }
}

/// One clustered word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clustered {
    /// The lowercased word.
    pub word: String,
    /// Its fine class.
    pub fine: u32,
    /// The coarse class of its fine class.
    pub coarse: u32,
    /// Occurrences in the training text (0 when read from a file).
    pub count: u64,
}

/// The lookup key of a word: its lowercased form.
pub fn key(form: &str) -> String {
    form.to_lowercase()
}

/// Clusters the words of `sentences` (already tokenized). Sentence boundaries count as a word of
/// their own, and rare words as one "unknown" word, so that both shape their neighbours' classes.
pub fn train(
    sentences: impl IntoIterator<Item = Vec<String>>,
    cfg: ClusterConfig,
    log: &mut dyn FnMut(String),
) -> Vec<Clustered> {
    let sentences: Vec<Vec<String>> =
        sentences.into_iter().map(|s| s.iter().map(|w| key(w)).collect()).collect();
    let mut freq: HashMap<&str, u64> = HashMap::new();
    for w in sentences.iter().flatten() {
        *freq.entry(w.as_str()).or_default() += 1;
    }
    let mut vocab: Vec<(&str, u64)> =
        freq.iter().filter(|(_, n)| **n >= cfg.min_count).map(|(w, n)| (*w, *n)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    let (boundary, unknown) = (vocab.len() as u32, vocab.len() as u32 + 1);
    let mut count = vec![0u64; vocab.len() + 2];
    let mut pairs: HashMap<(u32, u32), u64> = HashMap::new();
    for s in &sentences {
        let mut prev = boundary;
        count[boundary as usize] += 1;
        for w in s {
            let cur = id.get(w.as_str()).copied().unwrap_or(unknown);
            count[cur as usize] += 1;
            *pairs.entry((prev, cur)).or_default() += 1;
            prev = cur;
        }
        *pairs.entry((prev, boundary)).or_default() += 1;
    }
    log(format!("{} sentences, {} words, {} of them clustered", sentences.len(), freq.len(), vocab.len()));
    let stats = Bigrams::new(count, pairs);
    let fine = exchange(&stats, cfg.fine, cfg.iterations, log);
    // The fine classes as words of their own: their bigram counts, clustered again.
    let mut class_count = vec![0u64; cfg.fine];
    let mut class_pairs: HashMap<(u32, u32), u64> = HashMap::new();
    for (w, list) in stats.right.iter().enumerate() {
        class_count[fine[w] as usize] += stats.count[w];
        for &(v, c) in list {
            *class_pairs.entry((fine[w], fine[v as usize])).or_default() += c;
        }
    }
    let coarse = exchange(&Bigrams::new(class_count, class_pairs), cfg.coarse, cfg.iterations * 2, log);
    vocab
        .iter()
        .enumerate()
        .map(|(i, (w, n))| Clustered {
            word: (*w).to_string(),
            fine: fine[i],
            coarse: coarse[fine[i] as usize],
            count: *n,
        })
        .collect()
}

/// Writes clustered words as `word \t fine \t coarse` lines, grouped by class (most frequent
/// first within a class; the counts themselves are not written).
pub fn to_tsv(words: &[Clustered]) -> String {
    let mut sorted: Vec<&Clustered> = words.iter().collect();
    sorted.sort_by(|a, b| {
        (a.coarse, a.fine, std::cmp::Reverse(a.count), &a.word).cmp(&(
            b.coarse,
            b.fine,
            std::cmp::Reverse(b.count),
            &b.word,
        ))
    });
    let mut out =
        String::from("# herald word classes: word, fine class, coarse class (see herald::clusters)\n");
    for w in sorted {
        out.push_str(&format!("{}\t{}\t{}\n", w.word, w.fine, w.coarse));
    }
    out
}

/// Reads `to_tsv` lines (a fourth column, a count, is allowed); a malformed line is an error
/// naming it.
pub fn from_tsv(text: &str) -> Result<Vec<Clustered>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let count = |i: usize| f.get(i).map_or(Some(0), |c| c.parse().ok());
        let parsed = matches!(f.len(), 3 | 4)
            .then(|| Some((f[1].parse().ok()?, f[2].parse().ok()?, count(3)?)))
            .flatten();
        let Some((fine, coarse, count)) = parsed else {
            return Err(format!("line {}: expected word, fine class, coarse class: {line:?}", n + 1));
        };
        out.push(Clustered { word: f[0].to_string(), fine, coarse, count });
    }
    Ok(out)
}

/// Word classes by the hash of the lowercased word, as a model stores them: `fine + 1` in the low
/// 16 bits and `coarse + 1` above (0: not clustered).
pub type ClusterMap = HashedMap<u32>;

/// The [`ClusterMap`] of clustered words.
pub fn map(words: &[Clustered]) -> ClusterMap {
    words.iter().map(|w| (hash_str(&w.word), (w.fine + 1) | ((w.coarse + 1) << 16))).collect()
}

/// Writes a [`ClusterMap`] into a model file, in key order (so the file is reproducible).
pub fn write_map(map: &ClusterMap, w: &mut Writer) {
    let mut pairs: Vec<(u64, u32)> = map.iter().map(|(k, v)| (*k, *v)).collect();
    pairs.sort_unstable();
    w.u32(pairs.len() as u32);
    for (k, v) in pairs {
        w.u64(k);
        w.u32(v);
    }
}

/// Reads what [`write_map`] wrote.
pub fn read_map(r: &mut Reader) -> Result<ClusterMap, ModelError> {
    let mut map = ClusterMap::default();
    for _ in 0..r.count(12)? {
        let key = r.u64()?;
        map.insert(key, r.u32()?);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_trip_and_bad_lines_are_named() {
        let words = vec![
            Clustered { word: "tuesday".into(), fine: 3, coarse: 1, count: 9 },
            Clustered { word: "friday".into(), fine: 3, coarse: 1, count: 7 },
        ];
        let back = from_tsv(&to_tsv(&words)).unwrap();
        let read: Vec<(&str, u32, u32)> = back.iter().map(|w| (w.word.as_str(), w.fine, w.coarse)).collect();
        assert_eq!(read, [("tuesday", 3, 1), ("friday", 3, 1)]);
        let err = from_tsv("# header\nmonday\t2\nfriday\t3\t1\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert_eq!(map(&back).get(&hash_str("friday")), Some(&(4 | (2 << 16))));
    }
}
