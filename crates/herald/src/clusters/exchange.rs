//! The exchange algorithm for word classes (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
//! each word moves, one at a time, to the class that most raises the likelihood of a class
//! bigram model of the text, until few words move.
//!
//! The objective is `Σ f(N(c₁,c₂)) − 2 Σ f(N(c))` with `f(x) = x ln x`, over class bigram counts
//! `N(c₁,c₂)` and class counts `N(c)`. Moving a word only touches the rows and columns of its
//! old and new class, so each move costs the number of classes times the number of classes its
//! neighbours fall in.

/// Bigram statistics of a vocabulary: word `w` occurs `count[w]` times and is followed by word
/// `v` `right[w][v]` times (and so preceded by `w` in `left[v]`).
#[derive(Debug, Clone, Default)]
pub struct Bigrams {
    /// Occurrences of each word.
    pub count: Vec<u64>,
    /// `(next word, count)` pairs of each word.
    pub right: Vec<Vec<(u32, u64)>>,
    /// `(previous word, count)` pairs of each word.
    pub left: Vec<Vec<(u32, u64)>>,
}

impl Bigrams {
    /// Statistics from `(first, second) → count` pairs over `n` words with counts `count`.
    pub fn new(count: Vec<u64>, pairs: impl IntoIterator<Item = ((u32, u32), u64)>) -> Bigrams {
        let n = count.len();
        let (mut right, mut left) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for ((a, b), c) in pairs {
            if (a as usize) < n && (b as usize) < n {
                right[a as usize].push((b, c));
                left[b as usize].push((a, c));
            }
        }
        for list in right.iter_mut().chain(left.iter_mut()) {
            list.sort_unstable();
        }
        Bigrams { count, right, left }
    }
}

/// `x ln x`, tabulated for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(size: usize) -> XLogX {
        XLogX((0..size).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }

    fn at(&self, x: u64) -> f64 {
        match self.0.get(x as usize) {
            Some(v) => *v,
            None => x as f64 * (x as f64).ln(),
        }
    }
}

/// Class counts under an assignment.
struct State {
    classes: usize,
    class: Vec<u32>,
    /// `N(c)`.
    unigram: Vec<u64>,
    /// `N(c₁,c₂)` at `c₁ · classes + c₂`.
    bigram: Vec<u64>,
}

/// Classes of every word: the most frequent words start in classes `0, 1, …, classes − 1` in
/// turn; `iterations` passes move words (most frequent first). `log` hears after each pass how
/// many words moved. Deterministic.
pub fn exchange(stats: &Bigrams, classes: usize, iterations: usize, log: &mut dyn FnMut(String)) -> Vec<u32> {
    let n = stats.count.len();
    let classes = classes.max(1);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&w| (std::cmp::Reverse(stats.count[w]), w));
    let mut class = vec![0u32; n];
    for (rank, &w) in order.iter().enumerate() {
        class[w] = (rank % classes) as u32;
    }
    let mut st = State { classes, class, unigram: vec![0; classes], bigram: vec![0; classes * classes] };
    for w in 0..n {
        let a = st.class[w] as usize;
        st.unigram[a] += stats.count[w];
        for &(v, c) in &stats.right[w] {
            st.bigram[a * classes + st.class[v as usize] as usize] += c;
        }
    }
    let f = XLogX::new(1 << 20);
    let (mut rc, mut lc) = (vec![0u64; classes], vec![0u64; classes]);
    let (mut rnz, mut lnz) = (Vec::new(), Vec::new());
    for pass in 0..iterations {
        let mut moved = 0usize;
        for &w in &order {
            let a = st.class[w] as usize;
            // Counts of w's neighbours by class, w itself aside.
            let mut own = 0u64;
            for (list, counts, nz) in
                [(&stats.right[w], &mut rc, &mut rnz), (&stats.left[w], &mut lc, &mut lnz)]
            {
                nz.clear();
                for &(v, c) in list {
                    if v as usize == w {
                        own = c;
                        continue;
                    }
                    let k = st.class[v as usize] as usize;
                    if counts[k] == 0 {
                        nz.push(k);
                    }
                    counts[k] += c;
                }
            }
            st.apply(a, stats.count[w], own, &rc, &rnz, &lc, &lnz, false);
            let gain = |b: usize| -> f64 {
                let mut g = 0.0;
                for &c in &rnz {
                    let x = st.bigram[b * classes + c];
                    g += f.at(x + rc[c]) - f.at(x);
                }
                for &c in &lnz {
                    let x = st.bigram[c * classes + b];
                    g += f.at(x + lc[c]) - f.at(x);
                }
                // The (b, b) cell takes both sides and w's own bigrams at once.
                let x = st.bigram[b * classes + b];
                g -= (f.at(x + rc[b]) - f.at(x)) + (f.at(x + lc[b]) - f.at(x));
                g += f.at(x + rc[b] + lc[b] + own) - f.at(x);
                g - 2.0 * (f.at(st.unigram[b] + stats.count[w]) - f.at(st.unigram[b]))
            };
            let mut best = (a, gain(a));
            for b in 0..classes {
                if b != a {
                    let g = gain(b);
                    if g > best.1 + 1e-9 {
                        best = (b, g);
                    }
                }
            }
            let b = best.0;
            st.apply(b, stats.count[w], own, &rc, &rnz, &lc, &lnz, true);
            st.class[w] = b as u32;
            if b != a {
                moved += 1;
            }
            for &c in &rnz {
                rc[c] = 0;
            }
            for &c in &lnz {
                lc[c] = 0;
            }
        }
        log(format!("pass {}: {moved} of {n} words moved", pass + 1));
        if moved * 1000 < n {
            break;
        }
    }
    st.class
}

impl State {
    /// Adds a word (count `n`, `own` bigrams with itself, neighbour class counts `rc`/`lc`) to
    /// class `b`, or takes it out when `add` is false.
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        b: usize,
        n: u64,
        own: u64,
        rc: &[u64],
        rnz: &[usize],
        lc: &[u64],
        lnz: &[usize],
        add: bool,
    ) {
        let k = self.classes;
        let op = |x: &mut u64, d: u64| {
            if add {
                *x += d;
            } else {
                *x = x.saturating_sub(d);
            }
        };
        op(&mut self.unigram[b], n);
        for &c in rnz {
            op(&mut self.bigram[b * k + c], rc[c]);
        }
        for &c in lnz {
            op(&mut self.bigram[c * k + b], lc[c]);
        }
        op(&mut self.bigram[b * k + b], own);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two kinds of words in alternation ("the" + noun, "a" + noun): determiners and nouns end
    /// up in different classes.
    #[test]
    fn words_with_the_same_neighbours_share_a_class() {
        // 0 the, 1 a, 2 cat, 3 dog, 4 ran, 5 sat
        let mut pairs = std::collections::HashMap::new();
        let text = [0, 2, 4, 1, 3, 5, 0, 3, 4, 1, 2, 5, 0, 2, 5, 1, 3, 4];
        for w in text.windows(2) {
            *pairs.entry((w[0], w[1])).or_insert(0u64) += 1;
        }
        let mut count = vec![0u64; 6];
        for &w in &text {
            count[w as usize] += 1;
        }
        let stats = Bigrams::new(count, pairs);
        let class = exchange(&stats, 3, 20, &mut |_| {});
        assert_eq!(class[0], class[1], "the/a: {class:?}");
        assert_eq!(class[2], class[3], "cat/dog: {class:?}");
        assert_eq!(class[4], class[5], "ran/sat: {class:?}");
        assert_ne!(class[0], class[2], "{class:?}");
        assert_ne!(class[2], class[4], "{class:?}");
    }
}
