//! Averaged-perceptron weights: [`Averaged`] accumulates them in training; [`Weights`] is the
//! compact, read-only form that prediction uses and model files store.
//!
//! Weights are sparse: each feature keeps only the classes it was ever updated for. In a model
//! file and in memory, a feature is a 32-bit folded key, its classes are `u8` and its weights
//! `i16` (the averaged weights scaled so the largest is 32767; the rest round, and zeros drop).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::format::{ModelError, Reader, Writer};
use super::hash::fold;

/// Hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by precomputed hashes.
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One weight of a feature's row: `(class, value)`. The first entry of each row is a header
/// whose value is the row's length, so a lookup touches one slot and one contiguous row.
type Entry = (u8, i16);

/// A feature's weights.
enum Row<'a> {
    Sparse(&'a [Entry]),
    Dense(&'a [i16]),
}

/// Slots whose row is dense have this bit set in their start.
const DENSE: u32 = 1 << 31;

/// Compact read-only weights, laid out for few cache misses: an open-addressing table of
/// `(key, row start)` slots, one array of sparse rows and one of dense rows. A row that covers
/// more than a quarter of the classes is stored dense (one `i16` per class), so adding it is a
/// vectorizable loop; others stay sparse.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    dense: Vec<i16>,
    /// Multiply an integer score by this to get the averaged perceptron score.
    scale: f32,
}

impl Weights {
    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.slots.iter().filter(|s| s.0 != 0).count()
    }

    /// Integer scores of every class for the features (`scores` is resized and zeroed).
    ///
    /// Lookups run in two phases per block of features — first every feature's slot, then every
    /// row — so the memory loads of different features are independent and their cache misses
    /// overlap instead of queueing one behind another.
    pub fn score(&self, features: &[u64], scores: &mut Vec<i32>) {
        scores.clear();
        scores.resize(self.n_classes, 0);
        if self.slots.is_empty() {
            return;
        }
        const BLOCK: usize = 32;
        let mut starts = [u32::MAX; BLOCK];
        for block in features.chunks(BLOCK) {
            for (s, &f) in starts.iter_mut().zip(block) {
                *s = self.slot_start(fold(f));
            }
            for &start in &starts[..block.len()] {
                self.add_row(start, scores);
            }
        }
    }

    /// The row start stored in the slot of `key`, or `u32::MAX` when the feature has no weights.
    #[inline]
    fn slot_start(&self, key: u32) -> u32 {
        let mut i = (key.wrapping_mul(0x9E37_79B1) as usize) & self.mask;
        loop {
            let (k, start) = self.slots[i];
            if k == key {
                return start;
            }
            if k == 0 {
                return u32::MAX;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn add_row(&self, start: u32, scores: &mut [i32]) {
        if start == u32::MAX {
            return;
        }
        if start & DENSE != 0 {
            let start = (start & !DENSE) as usize;
            if let Some(row) = self.dense.get(start..start + self.n_classes) {
                for (s, &v) in scores.iter_mut().zip(row) {
                    *s += i32::from(v);
                }
            }
            return;
        }
        let start = start as usize;
        let len = self.entries.get(start).map_or(0, |h| h.1 as u16 as usize);
        if let Some(row) = self.entries.get(start + 1..start + 1 + len) {
            for &(c, v) in row {
                if let Some(s) = scores.get_mut(c as usize) {
                    *s += i32::from(v);
                }
            }
        }
    }

    /// The factor from integer scores to perceptron scores.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    #[inline]
    fn row(&self, key: u32) -> Option<Row<'_>> {
        let mut i = (key.wrapping_mul(0x9E37_79B1) as usize) & self.mask;
        loop {
            let (k, start) = self.slots[i];
            if k == key {
                if start & DENSE != 0 {
                    let start = (start & !DENSE) as usize;
                    return self.dense.get(start..start + self.n_classes).map(Row::Dense);
                }
                let start = start as usize;
                let len = self.entries.get(start).map_or(0, |h| h.1 as u16 as usize);
                return self.entries.get(start + 1..start + 1 + len).map(Row::Sparse);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Rows in key order as sparse `(class, value)` lists, for writing.
    fn rows(&self) -> Vec<(u32, Vec<Entry>)> {
        let mut rows: Vec<(u32, Vec<Entry>)> = self
            .slots
            .iter()
            .filter(|s| s.0 != 0)
            .filter_map(|s| {
                let row = match self.row(s.0)? {
                    Row::Sparse(r) => r.to_vec(),
                    Row::Dense(r) => {
                        r.iter().enumerate().filter(|(_, v)| **v != 0).map(|(c, v)| (c as u8, *v)).collect()
                    }
                };
                Some((s.0, row))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    fn build(n_classes: usize, rows: Vec<(u32, Vec<(u8, i16)>)>, scale: f32) -> Weights {
        let mut classes = Vec::new();
        let mut values = Vec::new();
        let mut ranges = Vec::with_capacity(rows.len());
        for (key, row) in rows {
            let start = classes.len();
            for (c, v) in row {
                classes.push(c);
                values.push(v);
            }
            ranges.push((key, start..classes.len()));
        }
        Weights::build_from(n_classes, &ranges, &classes, &values, scale)
    }

    /// Builds the table from rows given as ranges into flat class and value columns.
    fn build_from(
        n_classes: usize,
        rows: &[(u32, std::ops::Range<usize>)],
        classes: &[u8],
        values: &[i16],
        scale: f32,
    ) -> Weights {
        let cap = (rows.len() * 2).next_power_of_two().max(8);
        let mut w = Weights {
            n_classes,
            mask: cap - 1,
            slots: vec![(0, 0); cap],
            entries: Vec::new(),
            dense: Vec::new(),
            scale,
        };
        for (key, range) in rows {
            let key = *key;
            let (cs, vs) = (&classes[range.clone()], &values[range.clone()]);
            let mut i = (key.wrapping_mul(0x9E37_79B1) as usize) & w.mask;
            while w.slots[i].0 != 0 && w.slots[i].0 != key {
                i = (i + 1) & w.mask;
            }
            if w.slots[i].0 == key {
                continue; // duplicate key in a corrupt file: keep the first
            }
            if cs.len() * 4 > n_classes {
                let start = w.dense.len();
                w.dense.resize(start + n_classes, 0);
                for (&c, &v) in cs.iter().zip(vs) {
                    if let Some(d) = w.dense.get_mut(start + c as usize) {
                        *d = v;
                    }
                }
                w.slots[i] = (key, start as u32 | DENSE);
            } else {
                w.slots[i] = (key, w.entries.len() as u32);
                w.entries.push((0, cs.len() as u16 as i16));
                w.entries.extend(cs.iter().copied().zip(vs.iter().copied()));
            }
        }
        w
    }

    /// Drops weights smaller than `min_abs` (in the quantized scale, where the largest weight is
    /// 32767) and features left without any. Rare features carry small averaged weights; pruning
    /// them shrinks the model and the cache misses of prediction.
    pub fn pruned(&self, min_abs: i16) -> Weights {
        let rows: Vec<(u32, Vec<Entry>)> = self
            .rows()
            .into_iter()
            .map(|(k, row)| {
                (k, row.into_iter().filter(|&(_, v)| v.unsigned_abs() >= min_abs.unsigned_abs()).collect())
            })
            .filter(|(_, row): &(u32, Vec<Entry>)| !row.is_empty())
            .collect();
        Weights::build(self.n_classes, rows, self.scale)
    }

    /// Writes the weights into a model body.
    pub fn write(&self, out: &mut Writer) {
        let rows = self.rows();
        out.u32(self.n_classes as u32);
        out.f32(self.scale);
        out.u32(rows.len() as u32);
        for (k, _) in &rows {
            out.u32(*k);
        }
        for (_, row) in &rows {
            out.u16(row.len() as u16);
        }
        for (_, row) in &rows {
            for &(c, _) in row {
                out.u8(c);
            }
        }
        for (_, row) in &rows {
            for &(_, v) in row {
                out.i16(v);
            }
        }
    }

    /// Reads weights written by [`Weights::write`] (column by column, without a per-row
    /// allocation, so loading stays fast).
    pub fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes == 0 || n_classes > 256 {
            return Err(ModelError::Corrupt(format!("{n_classes} classes")));
        }
        let scale = r.f32()?;
        let n = r.count(6)?;
        let keys: Vec<u32> = (0..n).map(|_| r.u32()).collect::<Result<_, _>>()?;
        let lens: Vec<u16> = (0..n).map(|_| r.u16()).collect::<Result<_, _>>()?;
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        if lens.iter().any(|&l| l as usize > n_classes) {
            return Err(ModelError::Corrupt(format!("a row longer than {n_classes} classes")));
        }
        let classes = r.bytes(total)?.to_vec();
        if let Some(c) = classes.iter().find(|&&c| c as usize >= n_classes) {
            return Err(ModelError::Corrupt(format!("class {c} of {n_classes}")));
        }
        let values: Vec<i16> = (0..total).map(|_| r.i16()).collect::<Result<_, _>>()?;
        if keys.contains(&0) {
            return Err(ModelError::Corrupt("zero feature key".into()));
        }
        let mut rows = Vec::with_capacity(n);
        let mut at = 0;
        for (&key, &len) in keys.iter().zip(&lens) {
            let end = at + len as usize;
            rows.push((key, at..end));
            at = end;
        }
        Ok(Weights::build_from(n_classes, &rows, &classes, &values, scale))
    }
}

#[derive(Clone, Copy, Debug)]
struct Acc {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Averaged-perceptron training state.
#[derive(Debug)]
pub struct Averaged {
    n_classes: usize,
    rows: HashedMap<Vec<Acc>>,
    now: u32,
}

impl Averaged {
    /// Zero weights for `n_classes` classes.
    pub fn new(n_classes: usize) -> Averaged {
        Averaged { n_classes, rows: HashedMap::default(), now: 0 }
    }

    /// Current (not averaged) scores.
    pub fn score(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for a in row {
                    scores[a.class as usize] += a.w;
                }
            }
        }
    }

    /// Counts one training example (call once per decision, whether or not it updated).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Moves weight from `guess` to `truth` for each feature.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth != guess {
            self.nudge(features, truth, 1.0);
            self.nudge(features, guess, -1.0);
        }
    }

    /// Adds `delta` to one class's weight for each feature (a one-sided update, for factorized
    /// models where the other side has no weights).
    pub fn nudge(&mut self, features: &[u64], class: usize, delta: f32) {
        let now = self.now;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            let idx = match row.iter().position(|a| a.class as usize == class) {
                Some(i) => i,
                None => {
                    row.push(Acc { class: class as u16, w: 0.0, total: 0.0, stamp: now });
                    row.len() - 1
                }
            };
            let a = &mut row[idx];
            a.total += f64::from(now - a.stamp) * f64::from(a.w);
            a.stamp = now;
            a.w += delta;
        }
    }

    /// The averaged weights, quantized to the compact form.
    pub fn averaged(&self) -> Weights {
        let now = f64::from(self.now.max(1));
        let mut folded: HashMap<u32, Vec<(u16, f64)>> = HashMap::new();
        let mut max = 0f64;
        for (&f, row) in &self.rows {
            let entry = folded.entry(fold(f)).or_default();
            for a in row {
                let avg = (a.total + (now - f64::from(a.stamp)) * f64::from(a.w)) / now;
                match entry.iter_mut().find(|(c, _)| *c == a.class) {
                    Some((_, v)) => *v += avg,
                    None => entry.push((a.class, avg)),
                }
            }
        }
        for row in folded.values() {
            for (_, v) in row {
                max = max.max(v.abs());
            }
        }
        let q = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let mut rows: Vec<(u32, Vec<(u8, i16)>)> = folded
            .into_iter()
            .map(|(k, row)| {
                let entries: Vec<(u8, i16)> = row
                    .into_iter()
                    .map(|(c, v)| (c as u8, (v * q).round() as i16))
                    .filter(|&(_, v)| v != 0)
                    .collect();
                (k, entries)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::build(self.n_classes, rows, (1.0 / q) as f32)
    }
}

/// Index of the highest score among the classes `allowed` accepts (the first on ties).
pub fn argmax<T: PartialOrd + Copy>(scores: &[T], mut allowed: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_data_and_round_trips() {
        // Feature 1 → class 0, feature 2 → class 1.
        let mut p = Averaged::new(2);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (f, truth) in [(1u64, 0usize), (2, 1)] {
                p.score(&[f, 99], &mut scores);
                let guess = argmax(&scores, |_| true).unwrap();
                p.update(&[f, 99], truth, guess);
                p.tick();
            }
        }
        let w = p.averaged();
        let mut s = Vec::new();
        w.score(&[1, 99], &mut s);
        assert!(s[0] > s[1]);
        w.score(&[2, 99], &mut s);
        assert!(s[1] > s[0]);

        let mut out = Writer::new();
        w.write(&mut out);
        let bytes = out.finish("w", 1, "");
        let mut r = Reader::open(&bytes, "w", 1).unwrap();
        let back = Weights::read(&mut r).unwrap();
        r.end().unwrap();
        let mut s2 = Vec::new();
        back.score(&[2, 99], &mut s2);
        assert_eq!(s, s2);
    }

    #[test]
    fn argmax_respects_the_filter() {
        assert_eq!(argmax(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax::<i32>(&[], |_| true), None);
    }
}
