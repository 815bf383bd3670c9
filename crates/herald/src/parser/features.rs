//! The parser's features, in the spirit of Zhang & Nivre (2011): words and tags of the top of the
//! stack and buffer, their children, distance, valency and label sets. One function,
//! [`features`], serves training and prediction.
//!
//! The 88 templates are what ablation kept of 101: dropping each in turn on EWT dev, the 13
//! cheapest to lose (redundant word features; the gaps in the numbering) went, and the retrained
//! parser was both more accurate and a third faster (ARCHITECTURE.md). Template numbers are hash
//! salts: changing one changes the model, so a change of templates is a new model version.

use super::state::{Config, NONE};
use crate::model::hash::{hash_str, mix};

/// Hashes of one word that templates combine.
#[derive(Clone, Copy, Debug)]
pub struct WordHashes {
    /// Lowercased form.
    pub w: u64,
    /// Tag (XPOS).
    pub p: u64,
    /// Universal tag (UPOS): tells auxiliaries and copulas from main verbs.
    pub u: u64,
    /// Last three characters of the lowercased form (for unknown words).
    pub suffix: u64,
    /// Punctuation words (counting this one) from the start of the sentence.
    pub puncts: u16,
    /// Verbs (counting this one) from the start of the sentence.
    pub verbs: u16,
}

const ROOT: WordHashes =
    WordHashes { w: 0x0a11_1111, p: 0x0a22_2222, u: 0x0a33, suffix: 0x0a44, puncts: 0, verbs: 0 };
const ABSENT: WordHashes =
    WordHashes { w: 0x0b33_3333, p: 0x0b44_4444, u: 0x0b55, suffix: 0x0b66, puncts: 0, verbs: 0 };

impl WordHashes {
    /// Hashes a word and its tags.
    pub fn of(form: &str, upos: &str, xpos: &str) -> WordHashes {
        let lower = form.to_lowercase();
        let cut = lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let punct = matches!(xpos, "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP");
        WordHashes {
            w: hash_str(&lower),
            p: hash_str(xpos),
            u: hash_str(upos),
            suffix: hash_str(&lower[cut..]),
            puncts: u16::from(punct),
            verbs: u16::from(xpos.starts_with("VB")),
        }
    }

    /// The words of a sentence as (form, UPOS, XPOS), root first, with running punctuation and
    /// verb counts.
    pub fn sentence<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>, out: &mut Vec<WordHashes>) {
        out.clear();
        out.push(ROOT);
        let (mut puncts, mut verbs) = (0u16, 0u16);
        for (form, upos, xpos) in words {
            let mut w = WordHashes::of(form, upos, xpos);
            puncts = puncts.saturating_add(w.puncts);
            verbs = verbs.saturating_add(w.verbs);
            w.puncts = puncts;
            w.verbs = verbs;
            out.push(w);
        }
    }
}

#[inline]
fn f2(t: u64, a: u64) -> u64 {
    mix(t, a)
}

#[inline]
fn f3(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t, a), b)
}

#[inline]
fn f4(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t, a), b), c)
}

/// The features of configuration `c` over `words` (index 0 is the root).
pub fn features(c: &Config, words: &[WordHashes], out: &mut Vec<u64>) {
    out.clear();
    let word = |i: usize| if i == NONE { ABSENT } else { words.get(i).copied().unwrap_or(ABSENT) };
    let label = |i: usize| if i == NONE || i == 0 { 0 } else { u64::from(c.label[i]) + 1 };
    let child = |i: usize, side: usize, k: usize| -> usize {
        if i == NONE {
            NONE
        } else if side == 0 {
            c.lc[i][k]
        } else {
            c.rc[i][k]
        }
    };
    let (s0i, s1i, s2i) = (c.s(0), c.s(1), c.s(2));
    let (b0i, b1i, b2i) = (c.buffer(0), c.buffer(1), c.buffer(2));
    let (s0, s1, s2, b0, b1, b2) = (word(s0i), word(s1i), word(s2i), word(b0i), word(b1i), word(b2i));
    let (s0l1, s0l2, s0r1, s0r2) = (child(s0i, 0, 0), child(s0i, 0, 1), child(s0i, 1, 0), child(s0i, 1, 1));
    let (b0l1, b0l2) = (child(b0i, 0, 0), child(b0i, 0, 1));
    let s1r1 = child(s1i, 1, 0);
    let s1l1 = child(s1i, 0, 0);
    let dist = |a: usize, b: usize| -> u64 {
        if a == NONE || b == NONE || a == 0 || b == 0 { 7 } else { a.abs_diff(b).min(6) as u64 }
    };
    let d_s0b0 = dist(s0i, b0i);
    let d_s1s0 = dist(s1i, s0i);
    let val = |i: usize, side: usize| if i == NONE { 9 } else { u64::from(c.valency[i][side].min(4)) };
    let lset = |i: usize, side: usize| if i == NONE { 1 } else { c.labels[i][side] };
    let wp = |x: WordHashes| mix(x.w, x.p);
    // Punctuation and verbs strictly between s0 and b0 (0, 1, 2 or more).
    let between = |count: fn(&WordHashes) -> u16| -> u64 {
        if s0i == NONE || b0i == NONE || b0i == 0 || b0i <= s0i + 1 {
            return 0;
        }
        let upto = count(&words[b0i - 1]);
        u64::from(upto.saturating_sub(count(&words[s0i])).min(2))
    };
    let punct_between = between(|w| w.puncts);
    let verb_between = between(|w| w.verbs);

    // Single words.
    out.extend([
        f2(2, s0.p),
        f2(4, s1.w),
        f2(5, s1.p),
        f2(6, wp(s1)),
        f2(7, b0.w),
        f2(8, b0.p),
        f2(9, wp(b0)),
        f2(10, b1.w),
        f2(11, b1.p),
        f2(12, wp(b1)),
        f2(13, b2.p),
        f2(14, s2.p),
    ]);
    // Pairs.
    out.extend([
        f3(18, wp(s0), b0.p),
        f3(19, s0.p, wp(b0)),
        f3(21, s0.p, b0.p),
        f3(22, b0.p, b1.p),
        f3(23, s1.p, s0.p),
        f3(24, s1.w, s0.w),
        f3(25, wp(s1), s0.p),
        f3(26, s1.p, wp(s0)),
        f3(27, wp(s1), wp(s0)),
    ]);
    // Triples of tags.
    out.extend([
        f4(28, b0.p, b1.p, b2.p),
        f4(29, s0.p, b0.p, b1.p),
        f4(30, s1.p, s0.p, b0.p),
        f4(31, s2.p, s1.p, s0.p),
        f4(32, s0.p, word(s0l1).p, b0.p),
        f4(33, s0.p, word(s0r1).p, b0.p),
        f4(34, s0.p, b0.p, word(b0l1).p),
        f4(35, s1.p, word(s1r1).p, s0.p),
        f4(36, s1.p, s0.p, word(s0l1).p),
        f4(37, s1.p, s0.p, word(s0r1).p),
        f4(38, s1.p, word(s1l1).p, s0.p),
    ]);
    // Distance.
    out.extend([
        f3(40, s0.w, d_s0b0),
        f3(41, s0.p, d_s0b0),
        f3(43, b0.p, d_s0b0),
        f4(44, s0.p, b0.p, d_s0b0),
        f4(45, s1.p, s0.p, d_s1s0),
        f4(46, s1.w, s0.w, d_s1s0),
    ]);
    // Valency.
    out.extend([
        f3(50, s0.w, val(s0i, 0)),
        f3(51, s0.p, val(s0i, 0)),
        f3(52, s0.w, val(s0i, 1)),
        f3(53, s0.p, val(s0i, 1)),
        f3(55, b0.p, val(b0i, 0)),
        f3(56, s1.p, val(s1i, 1)),
    ]);
    // Children.
    out.extend([
        f2(60, word(s0l1).w),
        f2(61, word(s0l1).p),
        f2(62, label(s0l1)),
        f2(63, word(s0r1).w),
        f2(64, word(s0r1).p),
        f2(65, label(s0r1)),
        f2(66, word(b0l1).w),
        f2(67, word(b0l1).p),
        f2(68, label(b0l1)),
        f2(69, word(s0l2).p),
        f2(70, label(s0l2)),
        f2(71, word(s0r2).p),
        f2(72, label(s0r2)),
        f2(73, word(b0l2).p),
        f2(74, label(b0l2)),
        f2(75, word(s1r1).p),
        f2(76, label(s1r1)),
        f4(77, s0.p, label(s0l1), label(s0l2)),
        f4(78, s0.p, label(s0r1), label(s0r2)),
        f4(79, b0.p, label(b0l1), label(b0l2)),
        f3(80, s1.p, label(s1r1)),
    ]);
    // Universal tags and suffixes.
    out.extend([
        f2(110, s0.u),
        f2(111, b0.u),
        f3(112, s0.u, b0.u),
        f3(113, s1.u, s0.u),
        f4(114, s1.u, s0.u, b0.u),
        f3(115, b0.u, b1.u),
        f3(117, s0.u, b0.w),
        f3(120, s0.suffix, b0.p),
        f3(121, b1.u, b0.u),
        f4(122, s0.u, word(s0l1).u, word(s0r1).u),
        f3(123, b0.u, word(b0l1).u),
        f4(124, s2.u, s1.u, s0.u),
        f4(125, s0.u, b0.u, punct_between),
    ]);
    // What lies between s0 and b0.
    out.extend([
        f4(100, s0.p, b0.p, punct_between),
        f4(101, s0.p, b0.p, verb_between),
        f3(103, wp(b0), punct_between),
        f4(104, punct_between, verb_between, d_s0b0),
    ]);
    // Label sets.
    out.extend([
        f3(90, s0.w, lset(s0i, 0)),
        f3(91, s0.p, lset(s0i, 0)),
        f3(92, s0.w, lset(s0i, 1)),
        f3(93, s0.p, lset(s0i, 1)),
        f3(95, b0.p, lset(b0i, 0)),
        f3(96, s1.p, lset(s1i, 1)),
    ]);
}
