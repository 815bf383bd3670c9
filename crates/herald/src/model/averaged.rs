//! Averaged-perceptron training: [`Averaged`] accumulates weights and their running sums, and
//! turns them into the compact [`Weights`] that prediction uses.

use std::collections::HashMap;

use super::hash::fold;
use super::weights::{HashedMap, Weights};

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
        self.averaged_pruned(1)
    }

    /// The averaged weights without those below `min_abs` on a scale where the largest weight
    /// is 32767 (the scale training configurations state their thresholds in), quantized to
    /// the compact form. Rare features carry small averaged weights; dropping them shrinks the
    /// model and the cache misses of prediction.
    pub fn averaged_pruned(&self, min_abs: i16) -> Weights {
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
                    .filter(|&(_, v)| v != 0 && v.unsigned_abs() >= min_abs.unsigned_abs())
                    .collect();
                (k, entries)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.n_classes, rows, (1.0 / q) as f32)
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
    fn training_prunes_on_the_full_scale() {
        // Feature 1 decides; feature 2 is updated once and carries a small averaged weight.
        let mut p = Averaged::new(2);
        for step in 0..100 {
            p.update(&[1], step % 2, 1 - step % 2);
            if step == 99 {
                p.update(&[2], 0, 1);
            }
            p.tick();
        }
        let all = p.averaged().n_features();
        assert_eq!(all, 2);
        // The threshold is read before the table's requantization to 13 bits: 1000 of 32767
        // drops feature 2's small weights and keeps feature 1's large ones.
        assert_eq!(p.averaged_pruned(1000).n_features(), 1);
        assert_eq!(p.averaged_pruned(32767).n_features(), 1);
    }
}
