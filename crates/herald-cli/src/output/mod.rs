//! Renderers of a [`herald::Doc`]: the `herald.doc/1` JSON schema and the readable report.

pub mod json;
pub mod report;
