//! Statistical machinery shared by the tagger and the parser: feature hashing, averaged-perceptron
//! weights, and the model file format.

pub mod averaged;
pub mod format;
pub mod hash;
pub mod prefetch;
pub mod weights;

pub use averaged::{Averaged, argmax};
pub use format::{ModelError, Reader, Writer};
pub use weights::{Partial, Weights};

/// A small deterministic random generator (xorshift64*), for reproducible shuffles in training.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
