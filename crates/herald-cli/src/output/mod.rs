//! Renderers of a [`herald::Doc`]: the `herald.doc/1` JSON schema, CoNLL-U and the readable report.

pub mod conllu;
pub mod json;
pub mod report;
