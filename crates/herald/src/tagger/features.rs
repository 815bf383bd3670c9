//! The tagger's features: one function, [`features`], used by training and prediction alike.

use crate::model::hash::{hash_bytes, hash_str, mix};

/// Hashes of one word that feature templates combine.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHashes {
    /// The form as written.
    pub form: u64,
    /// Lowercased form.
    pub lower: u64,
    /// Suffixes of the lowercased form, 1 to 5 characters.
    pub suffix: [u64; 5],
    /// Prefixes of the lowercased form, 1 to 3 characters.
    pub prefix: [u64; 3],
    /// Orthographic flags: digit, hyphen, capital, all capitals, non-alphanumeric, and
    /// [`INITIAL`] for the sentence's first word.
    pub flags: u64,
    /// Word shape (`Xxx`, `dd.d`, `xx-xx`).
    pub shape: u64,
    /// Ambiguity class: the set of tags the word had in training (0 when unseen), filled by the
    /// tagger from its lexicon.
    pub ambiguity: u64,
    /// Word class (`herald::clusters`): fine class + 1 in the low 16 bits, coarse class + 1 above
    /// (0 when unclustered), filled by the tagger.
    pub cluster: u64,
}

/// Fills the word classes of `words` from `clusters` (the tagger's and the recognizer's copy).
pub(crate) fn fill_clusters(clusters: &crate::clusters::ClusterMap, words: &mut [WordHashes]) {
    for w in words {
        w.cluster = clusters.get(&w.lower).copied().map_or(0, u64::from);
    }
}

/// Flag of the sentence's first word (set by [`sentence`], whatever the reading direction).
pub const INITIAL: u64 = 1 << 5;

/// Hashes the words of a sentence in reading order, marking the first.
pub fn sentence<'a>(forms: impl Iterator<Item = &'a str>, out: &mut Vec<WordHashes>) {
    out.clear();
    out.extend(forms.map(WordHashes::of));
    if let Some(first) = out.first_mut() {
        first.flags |= INITIAL;
    }
}

const START: u64 = 0x5354_4152_5400_0001;
const END: u64 = 0x454e_4400_0000_0002;

impl WordHashes {
    /// Hashes `form`.
    pub fn of(form: &str) -> WordHashes {
        // ASCII words (nearly all of news) are lowercased and shaped in stack buffers.
        if form.is_ascii() && form.len() <= 64 {
            let mut buf = [0u8; 64];
            let lower = &mut buf[..form.len()];
            lower.copy_from_slice(form.as_bytes());
            lower.make_ascii_lowercase();
            let mut shape_buf = [0u8; 64];
            let n = ascii_shape(form.as_bytes(), &mut shape_buf);
            return WordHashes::from_parts(form, lower, &shape_buf[..n]);
        }
        let lower = form.to_lowercase();
        WordHashes::from_parts(form, lower.as_bytes(), shape(form).as_bytes())
    }

    fn from_parts(form: &str, lower: &[u8], shape: &[u8]) -> WordHashes {
        // Character boundaries of the lowercased form, from the end (for suffixes).
        let is_start = |i: usize| i == 0 || i == lower.len() || lower[i] & 0xC0 != 0x80;
        let mut suffix = [0u64; 5];
        let mut at = lower.len();
        for s in suffix.iter_mut() {
            if at > 0 {
                at -= 1;
                while at > 0 && !is_start(at) {
                    at -= 1;
                }
            }
            *s = hash_bytes(&lower[at..]);
        }
        let mut prefix = [0u64; 3];
        let mut end = 0;
        for p in prefix.iter_mut() {
            if end < lower.len() {
                end += 1;
                while end < lower.len() && !is_start(end) {
                    end += 1;
                }
            }
            *p = hash_bytes(&lower[..end]);
        }
        let flags = u64::from(form.chars().any(|c| c.is_numeric()))
            | u64::from(form.contains('-')) << 1
            | u64::from(form.chars().any(char::is_uppercase)) << 2
            | u64::from(form.chars().all(|c| !c.is_lowercase()) && form.chars().any(char::is_uppercase)) << 3
            | u64::from(!form.chars().any(char::is_alphanumeric)) << 4;
        WordHashes {
            form: hash_str(form),
            lower: hash_bytes(lower),
            suffix,
            prefix,
            flags,
            shape: hash_bytes(shape),
            ambiguity: 0,
            cluster: 0,
        }
    }

    fn boundary(h: u64) -> WordHashes {
        WordHashes {
            form: h,
            lower: h,
            suffix: [h; 5],
            prefix: [h; 3],
            flags: h,
            shape: h,
            ambiguity: h,
            cluster: h,
        }
    }
}

/// [`shape`] of an ASCII word into `out`; returns its length.
fn ascii_shape(form: &[u8], out: &mut [u8; 64]) -> usize {
    let (mut n, mut last, mut run) = (0, 0u8, 0);
    for &c in form.iter().take(24) {
        let s = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            other => other,
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 2 {
            out[n] = s;
            n += 1;
        }
    }
    n
}

/// Word shape: letters as `X`/`x`, digits as `d`, other characters kept; runs longer than two
/// collapse (`Washington` → `Xxx`, `1,000.50` → `d,ddd.dd` → `d,dd.dd`).
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 2 {
            out.push(s);
        }
    }
    out
}

/// Feature template ids (mixed into every feature so templates never collide).
mod t {
    pub const BIAS: u64 = 1;
    pub const W: u64 = 2;
    pub const FORM: u64 = 3;
    pub const SUF: u64 = 30; // 30..35
    pub const PRE: u64 = 40; // 40..43
    pub const SHAPE: u64 = 10;
    pub const FLAGS: u64 = 4;
    pub const T1WP1: u64 = 5;
    pub const WP1WP2: u64 = 6;
    pub const T1SHAPE: u64 = 7;
    pub const WM1T1P: u64 = 8;
    pub const WM1WP1: u64 = 50;
    pub const SHP1W: u64 = 51;
    pub const SP1W: u64 = 52;
    pub const SUF3W2: u64 = 53;
    pub const FIRSTW: u64 = 54;
    pub const T12W: u64 = 55;
    pub const AMB: u64 = 56;
    pub const AMBM1: u64 = 57;
    pub const AMBP1: u64 = 58;
    pub const AMBT1: u64 = 59;
    pub const T1: u64 = 11;
    pub const T2: u64 = 12;
    pub const T12: u64 = 13;
    pub const T1W: u64 = 14;
    pub const WM1: u64 = 15;
    pub const SM1: u64 = 16;
    pub const WM2: u64 = 17;
    pub const WP1: u64 = 18;
    pub const SP1: u64 = 19;
    pub const WP2: u64 = 20;
    pub const SHM1: u64 = 21;
    pub const SHP1: u64 = 22;
    pub const WM1W: u64 = 23;
    pub const WWP1: u64 = 24;
    pub const FIRST: u64 = 25;
    pub const T1S: u64 = 26;
    pub const SP2: u64 = 27;
    pub const CL: u64 = 60;
    pub const CLC: u64 = 61;
    pub const CLM1: u64 = 62;
    pub const CLP1: u64 = 63;
    pub const CLT1: u64 = 64;
    pub const CLSHAPE: u64 = 65;
}

/// The features of word `i` given the two previous tags (`None` before the sentence).
pub fn features(words: &[WordHashes], i: usize, prev: Option<u16>, prev2: Option<u16>, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> WordHashes {
        let j = i as isize + k;
        if j < 0 {
            WordHashes::boundary(START)
        } else {
            words.get(j as usize).copied().unwrap_or(WordHashes::boundary(END))
        }
    };
    let w = at(0);
    let (m1, m2, p1, p2) = (at(-1), at(-2), at(1), at(2));
    let t1 = prev.map_or(START, u64::from);
    let t2 = prev2.map_or(START, u64::from);
    out.push(t::BIAS);
    out.push(mix(t::W, w.lower));
    out.push(mix(t::FORM, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(mix(t::SUF + k as u64, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(mix(t::PRE + k as u64, *p));
    }
    out.push(mix(t::SHAPE, w.shape));
    out.push(mix(t::FLAGS, w.flags));
    out.push(mix(mix(t::T1WP1, t1), p1.lower));
    out.push(mix(mix(t::WP1WP2, p1.lower), p2.lower));
    out.push(mix(mix(t::T1SHAPE, t1), w.shape));
    out.push(mix(mix(t::WM1T1P, m1.lower), t1));
    out.push(mix(mix(t::WM1WP1, m1.lower), p1.lower));
    out.push(mix(mix(t::SHP1W, p1.shape), w.lower));
    out.push(mix(mix(t::SP1W, p1.suffix[1]), w.suffix[2]));
    out.push(mix(t::SUF3W2, m2.suffix[2]));
    out.push(mix(t::T1, t1));
    out.push(mix(t::T2, t2));
    out.push(mix(mix(t::T12, t1), t2));
    out.push(mix(mix(t::T1W, t1), w.lower));
    out.push(mix(mix(t::T1S, t1), w.suffix[2]));
    out.push(mix(t::WM1, m1.lower));
    out.push(mix(t::SM1, m1.suffix[2]));
    out.push(mix(t::WM2, m2.lower));
    out.push(mix(t::WP1, p1.lower));
    out.push(mix(t::SP1, p1.suffix[2]));
    out.push(mix(t::WP2, p2.lower));
    out.push(mix(t::SP2, p2.suffix[2]));
    out.push(mix(t::SHM1, m1.shape));
    out.push(mix(t::SHP1, p1.shape));
    out.push(mix(mix(t::WM1W, m1.lower), w.lower));
    out.push(mix(mix(t::WWP1, w.lower), p1.lower));
    out.push(mix(mix(mix(t::T12W, t1), t2), w.lower));
    out.push(mix(t::AMB, w.ambiguity));
    out.push(mix(mix(t::AMBM1, m1.ambiguity), w.ambiguity));
    out.push(mix(mix(t::AMBP1, p1.ambiguity), w.ambiguity));
    out.push(mix(mix(mix(t::AMBT1, t1), w.ambiguity), w.suffix[2]));
    let fine = |h: &WordHashes| h.cluster & 0xFFFF;
    out.push(mix(t::CL, fine(&w)));
    out.push(mix(t::CLC, w.cluster >> 16));
    out.push(mix(mix(t::CLM1, fine(&m1)), fine(&w)));
    out.push(mix(mix(t::CLP1, fine(&p1)), fine(&w)));
    out.push(mix(mix(t::CLT1, t1), w.cluster >> 16));
    out.push(mix(mix(t::CLSHAPE, fine(&w)), w.shape));
    if w.flags & INITIAL != 0 {
        out.push(mix(t::FIRST, w.shape));
        out.push(mix(t::FIRSTW, w.lower));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Washington"), "Xxx");
        assert_eq!(shape("1,000.50"), "d,dd.dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("e-mail"), "x-xx");
    }

    #[test]
    fn ascii_fast_path_matches_the_general_path() {
        for w in ["Washington", "1,000.50", "e-mail", "U.S.", "x"] {
            let fast = WordHashes::of(w);
            let slow = WordHashes::from_parts(w, w.to_lowercase().as_bytes(), shape(w).as_bytes());
            assert_eq!(
                (fast.lower, fast.suffix, fast.prefix, fast.shape),
                (slow.lower, slow.suffix, slow.prefix, slow.shape)
            );
        }
        // Suffixes and prefixes count characters, not bytes.
        let k = WordHashes::of("Київ");
        assert_eq!(k.suffix[0], hash_str("в"));
        assert_eq!(k.prefix[1], hash_str("ки"));
        assert_eq!(k.suffix[4], hash_str("київ"), "a suffix longer than the word is the word");
    }

    #[test]
    fn templates_do_not_collide() {
        let words: Vec<WordHashes> = ["the", "the", "the"].iter().map(|w| WordHashes::of(w)).collect();
        let mut f = Vec::new();
        features(&words, 1, Some(3), Some(3), &mut f);
        let mut sorted = f.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), f.len(), "two templates produced the same feature");
    }
}
