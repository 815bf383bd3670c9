//! A cache prefetch hint: the one `unsafe` block in herald.
//!
//! The model tables are much larger than the cache, so scoring waits on memory. A plain load
//! issued early also brings a line in, but it must complete before the processor can retire it,
//! so a hundred of them in flight fill the reorder buffer and stall everything behind them. A
//! prefetch instruction retires at once: the work that follows runs while the lines arrive.

#![allow(unsafe_code)]

/// Asks the processor to bring the cache line holding `x` into cache. A hint only: it changes
/// no value, and on targets other than x86-64 it does nothing.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: PREFETCHT0 reads nothing visible to the program and cannot fault, whatever the
    // address (here that of a live reference); SSE, which provides it, is part of the x86-64
    // baseline, so the instruction exists on every processor this code can run on.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
