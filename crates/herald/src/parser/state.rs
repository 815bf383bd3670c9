//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the buffer
//! (Ballesteros & Nivre 2013), and the dynamic oracle's costs (Goldberg & Nivre 2013).
//!
//! Words are numbered 1..=n; 0 is the root, which stands after the last word in the buffer.
//! Transitions: SHIFT pushes the buffer front; LEFT(l) makes the buffer front the head of the
//! stack top and pops it; RIGHT(l) makes the second stack item the head of the top and pops it.
//! Only the last stack item may attach to the root, so every parse has exactly one root.

/// No word.
pub const NONE: usize = usize::MAX;

/// A transition: class 0 is SHIFT, `1..=L` LEFT with label `class-1`, `L+1..=2L` RIGHT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer front.
    Shift,
    /// Buffer front ← stack top.
    Left(u8),
    /// Second stack item → stack top.
    Right(u8),
}

impl Move {
    /// The move of a class among `n_labels` labels.
    pub fn of_class(class: usize, n_labels: usize) -> Move {
        if class == 0 {
            Move::Shift
        } else if class <= n_labels {
            Move::Left((class - 1) as u8)
        } else {
            Move::Right((class - 1 - n_labels) as u8)
        }
    }

    /// The class of a move.
    pub fn class(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l as usize,
            Move::Right(l) => 1 + n_labels + l as usize,
        }
    }
}

/// A parser configuration with the bookkeeping features read (children, valencies, label sets).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Number of words.
    pub n: usize,
    /// The stack (word numbers).
    pub stack: Vec<usize>,
    /// The buffer front: a word number, `n + 1` when only the root is left.
    pub b: usize,
    /// Head of each word (index 0 unused); `NONE` until attached.
    pub head: Vec<usize>,
    /// Label of each word's arc.
    pub label: Vec<u8>,
    /// Leftmost and second leftmost children.
    pub lc: Vec<[usize; 2]>,
    /// Rightmost and second rightmost children.
    pub rc: Vec<[usize; 2]>,
    /// Number of left / right children.
    pub valency: Vec<[u8; 2]>,
    /// Bit set of the labels of left / right children.
    pub labels: Vec<[u64; 2]>,
}

impl Config {
    /// The start configuration for `n` words (reusing allocations).
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 1;
        self.head.clear();
        self.head.resize(n + 1, NONE);
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.lc.clear();
        self.lc.resize(n + 1, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(n + 1, [NONE; 2]);
        self.valency.clear();
        self.valency.resize(n + 1, [0; 2]);
        self.labels.clear();
        self.labels.resize(n + 1, [0; 2]);
    }

    /// True when parsing is over.
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b > self.n
    }

    /// The buffer front: a word, 0 for the root, `NONE` past it.
    pub fn b0(&self) -> usize {
        self.buffer(0)
    }

    /// The k-th buffer item: a word, 0 for the root, `NONE` past it.
    pub fn buffer(&self, k: usize) -> usize {
        let i = self.b + k;
        if i <= self.n {
            i
        } else if i == self.n + 1 {
            0
        } else {
            NONE
        }
    }

    /// The k-th stack item from the top, or `NONE`.
    pub fn s(&self, k: usize) -> usize {
        self.stack.len().checked_sub(k + 1).map_or(NONE, |i| self.stack[i])
    }

    /// Whether `m` is allowed here (`root` is the label index of `root`).
    pub fn legal(&self, m: Move, root: u8) -> bool {
        match m {
            Move::Shift => self.b <= self.n,
            Move::Left(l) => {
                !self.stack.is_empty()
                    && if self.b > self.n { self.stack.len() == 1 && l == root } else { l != root }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    /// The move to make when it is the only legal one: SHIFT onto an empty stack, and the
    /// last word's attachment to the root. Scoring could choose nothing else, so a parser
    /// skips it (see [`Config::legal`]).
    pub fn forced(&self, root: u8) -> Option<Move> {
        match (self.stack.len(), self.b <= self.n) {
            (0, true) => Some(Move::Shift),
            (1, false) => Some(Move::Left(root)),
            _ => None,
        }
    }

    /// Applies a legal move.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                if let Some(d) = self.stack.pop() {
                    let h = self.b0();
                    self.attach(h, d, l);
                }
            }
            Move::Right(l) => {
                if let Some(d) = self.stack.pop()
                    && let Some(&h) = self.stack.last()
                {
                    self.attach(h, d, l);
                }
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize, l: u8) {
        if h == NONE {
            return;
        }
        self.head[d] = h;
        self.label[d] = l;
        // The root stands after every word: all its children are left children.
        let left = h == 0 || d < h;
        let side = usize::from(!left);
        self.valency[h][side] = self.valency[h][side].saturating_add(1);
        self.labels[h][side] |= 1u64 << (l & 63);
        if left {
            let lc = &mut self.lc[h];
            if lc[0] == NONE || d < lc[0] {
                lc[1] = lc[0];
                lc[0] = d;
            } else if lc[1] == NONE || d < lc[1] {
                lc[1] = d;
            }
        } else {
            let rc = &mut self.rc[h];
            if rc[0] == NONE || d > rc[0] {
                rc[1] = rc[0];
                rc[0] = d;
            } else if rc[1] == NONE || d > rc[1] {
                rc[1] = d;
            }
        }
    }

    /// Dynamic-oracle cost of `m` against gold heads and labels (index 0 unused): the number of
    /// gold arcs (with labels) that become unreachable.
    pub fn cost(&self, m: Move, gold_head: &[usize], gold_label: &[u8]) -> usize {
        let in_buffer = |x: usize| x == 0 || (x >= self.b && x <= self.n);
        let buffer_children = |x: usize| (self.b..=self.n).filter(|&d| gold_head[d] == x).count();
        match m {
            Move::Shift => {
                let b0 = self.b;
                let s0 = self.s(0);
                let kids = self.stack.iter().filter(|&&d| gold_head[d] == b0).count();
                let head_lost = self.stack.iter().any(|&s| s != s0 && gold_head[b0] == s);
                kids + usize::from(head_lost)
            }
            Move::Left(l) | Move::Right(l) => {
                let s0 = self.s(0);
                let left = matches!(m, Move::Left(_));
                let h = if left { self.b0() } else { self.s(1) };
                let gh = gold_head[s0];
                let head_cost = if gh == h {
                    usize::from(gold_label[s0] != l)
                } else if left {
                    // s0 could still get s1 (RIGHT) or a later buffer item as head.
                    usize::from(gh == self.s(1) || in_buffer(gh))
                } else {
                    usize::from(in_buffer(gh))
                };
                // Popping s0 loses every gold child of it still in the buffer.
                buffer_children(s0) + head_cost
            }
        }
    }
}

/// Lifts non-projective arcs (to the head's head) until the tree is projective, as
/// pseudo-projective parsing does; words 1..=n, `heads[0]` unused.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len().saturating_sub(1);
    for _ in 0..n * n + 1 {
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let h = heads[d];
            if h == 0 || h > n {
                continue;
            }
            let (lo, hi) = (h.min(d), h.max(d));
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        let Some((d, _)) = worst else { return };
        heads[d] = heads[heads[d]];
    }
}

fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 || k >= heads.len() {
            return false;
        }
        k = heads[k];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost moves from the start reproduces a projective gold tree exactly.
    #[test]
    fn oracle_reproduces_projective_trees() {
        // "She met him in Budapest ." heads: She→met, met→root, him→met, in→Budapest, Budapest→met, .→met
        let gold_head = [NONE, 2, 0, 2, 5, 2, 2];
        let gold_label = [0, 1, 0, 2, 3, 4, 5];
        let n_labels = 6;
        let mut c = Config::default();
        c.reset(6);
        let mut steps = 0;
        while !c.is_terminal() && steps < 100 {
            let m = (0..1 + 2 * n_labels)
                .map(|k| Move::of_class(k, n_labels))
                .filter(|&m| c.legal(m, 0))
                .min_by_key(|&m| c.cost(m, &gold_head, &gold_label))
                .unwrap();
            assert_eq!(c.cost(m, &gold_head, &gold_label), 0, "no zero-cost move at step {steps}");
            c.apply(m);
            steps += 1;
        }
        assert!(c.is_terminal());
        assert_eq!(&c.head[1..], &gold_head[1..]);
        assert_eq!(&c.label[1..], &gold_label[1..]);
    }

    /// A forced move is the one legal class, and every other state leaves a choice, on every
    /// configuration that some sequence of legal moves reaches (here: all of them for four words,
    /// whatever the labels, with `root` at label 1 of three).
    #[test]
    fn forced_moves_are_exactly_the_states_with_one_legal_class() {
        let (n_labels, root) = (3usize, 1u8);
        let mut pending = vec![{
            let mut c = Config::default();
            c.reset(4);
            c
        }];
        let mut seen = 0;
        while let Some(c) = pending.pop() {
            if c.is_terminal() {
                assert_eq!(c.forced(root), None);
                continue;
            }
            seen += 1;
            let legal: Vec<Move> = (0..1 + 2 * n_labels)
                .map(|k| Move::of_class(k, n_labels))
                .filter(|&m| c.legal(m, root))
                .collect();
            match c.forced(root) {
                Some(m) => assert_eq!(legal, vec![m], "stack {:?}, buffer {}", c.stack, c.b),
                None => assert!(legal.len() > 1, "stack {:?}, buffer {}: {legal:?}", c.stack, c.b),
            }
            // Labels do not change which moves are legal: follow one label of each kind.
            for m in [Move::Shift, Move::Left(0), Move::Left(root), Move::Right(2)] {
                if c.legal(m, root) {
                    let mut next = c.clone();
                    next.apply(m);
                    pending.push(next);
                }
            }
        }
        assert!(seen > 20, "only {seen} states explored");
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1←3, 2←4 cross (3 and 4 both under root-attached 5... ): heads 1:3 2:4 3:5 4:5 5:0
        let mut heads = vec![NONE, 3, 4, 5, 5, 0];
        projectivize(&mut heads);
        for d in 1..=5 {
            let h = heads[d];
            if h == 0 {
                continue;
            }
            let (lo, hi) = (h.min(d), h.max(d));
            assert!((lo + 1..hi).all(|k| dominates(&heads, h, k)), "arc {h}->{d} still crosses");
        }
    }
}
