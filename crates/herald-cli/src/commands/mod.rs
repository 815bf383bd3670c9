//! One module per verb; `main.rs` dispatches with a single `match`.

pub mod analyze;
pub mod bench;
pub mod clusters;
pub mod eval;
pub mod eval_coref;
pub mod eval_petrarch;
pub mod eval_quotes;
pub mod export;
pub mod gazetteer;
pub mod ingest;
pub mod query;
pub mod train;

/// How a command ended, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read and written.
    Ok,
    /// Some inputs failed (each was reported); the rest was done.
    SomeFailed,
}
