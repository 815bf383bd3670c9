//! Fuzzes the segmenter: any bytes (decoded lossily, as `--lossy` does) must segment without
//! panicking into ordered, in-bounds tokens that the sentences cover.
#![no_main]

use herald::{Meta, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Pipeline::new().annotate(text, Meta::default());
    let mut prev = 0;
    for t in &doc.tokens {
        assert!(t.span.start() >= prev && t.span.end() as usize <= doc.text.len());
        assert!(doc.text.is_char_boundary(t.span.start() as usize));
        prev = t.span.end();
    }
    let covered: u32 = doc.sentences.iter().map(|s| s.token_end - s.token_start).sum();
    assert_eq!(covered as usize, doc.tokens.len());
});
