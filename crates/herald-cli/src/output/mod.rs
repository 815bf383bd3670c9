//! Renderers: the `herald.doc/1` JSON schema, CoNLL-U and the readable report of a
//! [`herald::Doc`]; result tables (aligned, CSV, JSON); and the export formats (GDELT, Parquet).

pub mod conllu;
pub mod gdelt;
pub mod json;
pub mod parquet;
pub mod report;
pub mod table;
