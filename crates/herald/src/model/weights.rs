//! Averaged-perceptron weights as prediction uses them and model files store them (training
//! accumulates them in [`super::Averaged`]).
//!
//! Weights are sparse: each feature keeps only the classes it was ever updated for. In a model
//! file and in memory, a feature is a 32-bit folded key, its classes are `u8` and its weights
//! `i16` (training scales the averaged weights so the largest is 32767; building the table
//! requantizes them to at most [`DENSE_MAX`]; the rest round, and zeros drop).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::format::{ModelError, Reader, Writer};
use super::hash::fold;
use super::prefetch::prefetch;

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

/// One weight of a feature's row: `(class, value)`. The first entry of each row kept outside
/// the table is a header whose value is the row's length.
type Entry = (u8, i16);

/// Rows of at most this many weights live inside their slot.
const INLINE: usize = 4;

/// The `classes` word of a slot whose row lives outside the table.
const EXTERNAL: u32 = u32::MAX;

/// Dense rows summed in 16 bits before widening (see [`Weights::add_dense`]).
const DENSE_GROUP: usize = 8;

/// The largest magnitude of a weight: [`DENSE_GROUP`] of them add up within an `i16`. Weights are
/// requantized to this range when a model is built (about 13 bits; pruning drops the weights
/// below 150 of 32767 anyway).
const DENSE_MAX: i32 = i16::MAX as i32 / DENSE_GROUP as i32;

/// Slots whose outside row is dense have this bit set in their start.
const DENSE: u32 = 1 << 31;

/// One slot of the table: a feature key and its row. A short row (most of them: a feature seen
/// in training once has two weights, its true and its guessed class) sits in the slot itself,
/// its classes one per byte of `classes` and its values one per 16 bits of `values` (unused
/// places add 0 to class 0). A longer row lives in `entries` or `dense`; `classes` is then
/// [`EXTERNAL`] and `values` holds the row's start.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u32,
    classes: u32,
    values: u64,
}

impl Slot {
    /// The row's start when it lives outside the slot.
    #[inline]
    fn outside(&self) -> Option<u32> {
        (self.classes == EXTERNAL).then_some(self.values as u32)
    }

    /// The inline weights as `(class, value)`.
    #[inline]
    fn inline(&self) -> impl Iterator<Item = Entry> {
        let (c, v) = (self.classes, self.values);
        (0..INLINE).map(move |i| ((c >> (8 * i)) as u8, (v >> (16 * i)) as u16 as i16))
    }
}

/// Scores being summed: the inline rows' sums and the outside rows still to add (see
/// [`Weights::gather`]).
#[derive(Clone, Debug, Default)]
pub struct Partial {
    sums: Vec<i32>,
    sparse: Vec<u32>,
    dense: Vec<u32>,
}

/// Compact read-only weights, laid out for few cache misses: an open-addressing table of
/// [`Slot`]s holding short rows inline, and for the rest one array of sparse rows and one of
/// dense rows. A row that covers more than a quarter of the classes is stored dense (one `i16`
/// per class), so adding it is a vectorizable loop.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
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
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    /// Integer scores of every class for the features (`scores` is resized and zeroed).
    ///
    /// A model does not fit in cache, so lookups are bound by memory latency. They run in
    /// phases per block of features: first [`Weights::prefetch`] (a prefetch of every feature's
    /// home slot, whose address depends on nothing loaded, so the processor keeps many cache
    /// misses in flight at once); then the probes, which find their lines in cache instead of
    /// each waiting out a miss behind a mispredicted branch, add the rows kept inline and
    /// prefetch the others; then the others. Callers with independent work
    /// ([`Weights::gather`], [`Weights::finish`]) can interleave these phases with it.
    pub fn score(&self, features: &[u64], scores: &mut Vec<i32>) {
        scores.clear();
        scores.resize(self.n_classes, 0);
        const BLOCK: usize = 128;
        let (mut sparse, mut dense) = ([0u32; BLOCK], [0u32; BLOCK]);
        for block in features.chunks(BLOCK) {
            self.prefetch(block);
            let (n_sparse, n_dense) = self.gather_into(block, scores, &mut sparse, &mut dense);
            self.add_outside(&sparse[..n_sparse], &dense[..n_dense], scores);
        }
    }

    /// The first phases of [`Weights::score`]: adds the inline rows into `partial` and requests
    /// the rest from memory. Call [`Weights::prefetch`] on the features before, as early as
    /// possible, and [`Weights::finish`] after, as late as possible.
    pub fn gather(&self, features: &[u64], partial: &mut Partial) {
        let p = partial;
        p.sums.clear();
        p.sums.resize(self.n_classes, 0);
        p.sparse.resize(features.len(), 0);
        p.dense.resize(features.len(), 0);
        let (n_sparse, n_dense) = self.gather_into(features, &mut p.sums, &mut p.sparse, &mut p.dense);
        p.sparse.truncate(n_sparse);
        p.dense.truncate(n_dense);
    }

    /// The last phase of [`Weights::score`]: adds the rows kept outside the table and leaves
    /// the scores in `scores`.
    pub fn finish(&self, partial: &mut Partial, scores: &mut Vec<i32>) {
        let p = partial;
        self.add_outside(&p.sparse, &p.dense, &mut p.sums);
        std::mem::swap(scores, &mut p.sums);
    }

    /// Probes every feature: adds inline rows to `scores`, lists the starts of outside rows in
    /// `sparse` and `dense` (each at least as long as `features`) and requests them from memory.
    /// Returns how many of each it listed.
    fn gather_into(
        &self,
        features: &[u64],
        scores: &mut [i32],
        sparse: &mut [u32],
        dense: &mut [u32],
    ) -> (usize, usize) {
        let (mut n_sparse, mut n_dense) = (0, 0);
        if self.slots.is_empty() {
            return (0, 0);
        }
        for &f in features {
            let Some(slot) = self.slot(fold(f)) else { continue };
            match slot.outside() {
                Some(start) if start & DENSE != 0 => {
                    let start = start & !DENSE;
                    // A dense row spans several cache lines.
                    for v in self.dense_row(start as usize).iter().step_by(32) {
                        prefetch(v);
                    }
                    if let Some(d) = dense.get_mut(n_dense) {
                        *d = start;
                        n_dense += 1;
                    }
                }
                Some(start) => {
                    if let Some(e) = self.entries.get(start as usize) {
                        prefetch(e);
                    }
                    if let Some(s) = sparse.get_mut(n_sparse) {
                        *s = start;
                        n_sparse += 1;
                    }
                }
                None => {
                    for (c, v) in slot.inline() {
                        if let Some(s) = scores.get_mut(c as usize) {
                            *s += i32::from(v);
                        }
                    }
                }
            }
        }
        (n_sparse, n_dense)
    }

    /// Adds the outside rows listed by [`Weights::gather_into`].
    fn add_outside(&self, sparse: &[u32], dense: &[u32], scores: &mut [i32]) {
        for &start in sparse {
            for &(c, v) in self.sparse_row(start as usize) {
                if let Some(s) = scores.get_mut(c as usize) {
                    *s += i32::from(v);
                }
            }
        }
        self.add_dense(dense, scores);
    }

    /// Requests the home slot of every feature from memory, so that a later [`Weights::score`]
    /// or [`Weights::gather`] of the same features finds them in cache. The requests depend on
    /// nothing loaded, so their cache misses overlap each other and whatever work the caller
    /// does next (the parser extracts the features of another sentence meanwhile).
    pub fn prefetch(&self, features: &[u64]) {
        for &f in features {
            if let Some(slot) = self.slots.get(self.home(fold(f))) {
                prefetch(slot);
            }
        }
    }

    /// The slot where the probe for `key` starts.
    #[inline]
    fn home(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) as usize) & self.mask
    }

    /// The slot of `key`, if the feature has weights.
    #[inline]
    fn slot(&self, key: u32) -> Option<&Slot> {
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the dense rows starting at `starts`. Dense values are at most [`DENSE_MAX`] in
    /// magnitude, so [`DENSE_GROUP`] rows add up in 16 bits without overflow (eight lanes per
    /// SSE2 instruction), and only each group's sum widens to 32 bits.
    #[inline]
    fn add_dense(&self, starts: &[u32], scores: &mut [i32]) {
        let n = self.n_classes;
        let mut sum = [0i16; 256];
        let sum = &mut sum[..n];
        for group in starts.chunks(DENSE_GROUP) {
            sum.fill(0);
            for &start in group {
                for (s, &v) in sum.iter_mut().zip(self.dense_row(start as usize)) {
                    *s = s.wrapping_add(v);
                }
            }
            for (s, &v) in scores.iter_mut().zip(sum.iter()) {
                *s += i32::from(v);
            }
        }
    }

    /// The dense row starting at `start` in `dense` (empty if a corrupt start points past it).
    #[inline]
    fn dense_row(&self, start: usize) -> &[i16] {
        self.dense.get(start..start + self.n_classes).unwrap_or_default()
    }

    /// The sparse row whose header is `entries[start]` (empty if a corrupt start or length
    /// points past it).
    #[inline]
    fn sparse_row(&self, start: usize) -> &[Entry] {
        let len = self.entries.get(start).map_or(0, |h| h.1 as u16 as usize);
        self.entries.get(start + 1..start + 1 + len).unwrap_or_default()
    }

    /// The factor from integer scores to perceptron scores.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The non-zero weights of a slot's row.
    fn row(&self, slot: &Slot) -> Vec<Entry> {
        match slot.outside() {
            None => slot.inline().filter(|e| e.1 != 0).collect(),
            Some(start) if start & DENSE != 0 => {
                let row = self.dense_row((start & !DENSE) as usize);
                row.iter().enumerate().filter(|(_, v)| **v != 0).map(|(c, v)| (c as u8, *v)).collect()
            }
            Some(start) => self.sparse_row(start as usize).to_vec(),
        }
    }

    /// Rows in key order as sparse `(class, value)` lists, for writing.
    fn rows(&self) -> Vec<(u32, Vec<Entry>)> {
        let mut rows: Vec<(u32, Vec<Entry>)> =
            self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key, self.row(s))).collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// Builds weights from rows of `(class, value)` (values quantized so the largest is at most
    /// 32767), each under its folded key; `scale` turns integer scores into perceptron scores.
    pub(crate) fn from_rows(n_classes: usize, rows: Vec<(u32, Vec<(u8, i16)>)>, scale: f32) -> Weights {
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

    /// Builds the table from rows given as ranges into flat class and value columns. The table
    /// is at most 80% full, so probes stay short and mostly within one cache line.
    fn build_from(
        n_classes: usize,
        rows: &[(u32, std::ops::Range<usize>)],
        classes: &[u8],
        values: &[i16],
        scale: f32,
    ) -> Weights {
        // Halve every weight until the largest fits DENSE_MAX (the scale doubles each time).
        let max = values.iter().map(|v| i32::from(*v).abs()).max().unwrap_or(0);
        let shift = (0..16).find(|&k| (max >> k) <= DENSE_MAX).unwrap_or(15);
        // Round to nearest; the largest may round just past DENSE_MAX and is clamped back.
        let rounded = |v: i32, k: u32| ((v + (1 << k >> 1)) >> k).clamp(-DENSE_MAX, DENSE_MAX);
        let requantized: Vec<i16>;
        let (values, scale) = if shift == 0 {
            (values, scale)
        } else {
            requantized = values.iter().map(|&v| rounded(i32::from(v), shift) as i16).collect();
            (&requantized[..], scale * (1u32 << shift) as f32)
        };
        let cap = (rows.len() * 5 / 4 + 1).next_power_of_two().max(8);
        let mut w = Weights {
            n_classes,
            mask: cap - 1,
            slots: vec![Slot::default(); cap],
            entries: Vec::new(),
            dense: Vec::new(),
            scale,
        };
        for (key, range) in rows {
            let key = *key;
            let (cs, vs) = (&classes[range.clone()], &values[range.clone()]);
            let mut i = w.home(key);
            while w.slots[i].key != 0 && w.slots[i].key != key {
                i = (i + 1) & w.mask;
            }
            if w.slots[i].key == key {
                continue; // duplicate key in a corrupt file: keep the first
            }
            let slot = if cs.len() <= INLINE {
                let mut slot = Slot { key, classes: 0, values: 0 };
                for (k, (&c, &v)) in cs.iter().zip(vs).enumerate() {
                    slot.classes |= u32::from(c) << (8 * k);
                    slot.values |= u64::from(v as u16) << (16 * k);
                }
                slot
            } else if cs.len() * 4 > n_classes {
                let start = w.dense.len();
                w.dense.resize(start + n_classes, 0);
                for (&c, &v) in cs.iter().zip(vs) {
                    if let Some(d) = w.dense.get_mut(start + c as usize) {
                        *d = v;
                    }
                }
                Slot { key, classes: EXTERNAL, values: u64::from(start as u32 | DENSE) }
            } else {
                let start = w.entries.len() as u32;
                w.entries.push((0, cs.len() as u16 as i16));
                w.entries.extend(cs.iter().copied().zip(vs.iter().copied()));
                Slot { key, classes: EXTERNAL, values: u64::from(start) }
            };
            w.slots[i] = slot;
        }
        w
    }

    /// Drops weights smaller than `min_abs` (in the stored scale, where the largest weight is at
    /// most [`DENSE_MAX`]) and features left without any, for model-size experiments (training
    /// prunes on its own scale: [`super::Averaged::averaged_pruned`]).
    pub fn pruned(&self, min_abs: i16) -> Weights {
        let rows: Vec<(u32, Vec<Entry>)> = self
            .rows()
            .into_iter()
            .map(|(k, row)| {
                (k, row.into_iter().filter(|&(_, v)| v.unsigned_abs() >= min_abs.unsigned_abs()).collect())
            })
            .filter(|(_, row): &(u32, Vec<Entry>)| !row.is_empty())
            .collect();
        Weights::from_rows(self.n_classes, rows, self.scale)
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
        // Class 255 would read as an outside row's marker (see `Slot`).
        if n_classes == 0 || n_classes > 255 {
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

#[cfg(test)]
mod tests {
    use super::super::averaged::{Averaged, argmax};
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
    fn every_row_layout_scores_alike() {
        let feature = |f: u32| u64::from(f).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // 40 classes; feature f has weights for f classes (f = 1..=30), so rows are kept inline
        // (up to 4), sparse outside and dense (more than 10). Twenty dense features also test
        // that 16-bit group sums do not overflow.
        let n = 40;
        let mut rows = Vec::new();
        for f in 1..=30u32 {
            let row: Vec<(u8, i16)> = (0..f)
                .map(|k| (((f * 7 + k * 3) % n) as u8, if k % 2 == 0 { 32760 } else { -20000 }))
                .collect();
            let mut seen = std::collections::HashSet::new();
            let row: Vec<(u8, i16)> = row.into_iter().filter(|(c, _)| seen.insert(*c)).collect();
            rows.push((fold(feature(f)), row));
        }
        rows.sort_unstable_by_key(|r| r.0);
        let expected: Vec<i64> = (0..n as u8)
            .map(|c| {
                rows.iter()
                    .flat_map(|(_, r)| r.iter().filter(move |e| e.0 == c).map(|e| i64::from(e.1)))
                    .sum()
            })
            .collect();
        let w = Weights::from_rows(n as usize, rows, 1.0);
        let features: Vec<u64> = (1..=30).map(feature).collect();
        let mut scores = Vec::new();

        w.score(&features, &mut scores);
        // Requantized to at most 4095 (32760 → 4095, a shift by 3), so a group of eight dense rows
        // reaches 32760 without overflow: every score is the exact sum divided by 8, within rounding.
        assert_eq!(w.scale(), 8.0);
        for (c, (&got, &want)) in scores.iter().zip(&expected).enumerate() {
            assert!((i64::from(got) * 8 - want).abs() <= 8 * 30, "class {c}: {got} vs {want}");
        }
        let (mut partial, mut phased) = (Partial::default(), Vec::new());
        w.prefetch(&features);
        w.gather(&features, &mut partial);
        w.finish(&mut partial, &mut phased);
        assert_eq!(scores, phased);
    }

    #[test]
    fn argmax_respects_the_filter() {
        assert_eq!(argmax(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax::<i32>(&[], |_| true), None);
    }
}
