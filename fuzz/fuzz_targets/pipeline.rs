//! Fuzzes the whole pipeline (segment, tag, parse, entities, time, tone): no input panics, and
//! every token gets a tag and a head.
#![no_main]

use herald::{Meta, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let meta = Meta { published: herald::Date::new(2025, 10, 24), ..Meta::default() };
    let doc = Pipeline::new().annotate(text, meta);
    assert_eq!(doc.morphology.len(), doc.tokens.len());
    assert_eq!(doc.syntax.len(), doc.tokens.len());
    assert_eq!(doc.sentence_tone.len(), doc.sentences.len());
});
