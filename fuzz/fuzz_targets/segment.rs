//! Fuzzes the segmenter: any bytes (decoded lossily, as `--lossy` does) must tokenize and split
//! without panicking into ordered, in-bounds tokens that the sentences cover.
#![no_main]

use herald::segment::{split_sentences, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
    tokenize(&text, &mut tokens);
    split_sentences(&text, &tokens, &mut sentences);
    let mut prev = 0;
    for t in &tokens {
        assert!(t.span.start() >= prev && t.span.end() as usize <= text.len());
        assert!(text.is_char_boundary(t.span.start() as usize));
        prev = t.span.end();
    }
    let covered: u32 = sentences.iter().map(|s| s.token_end - s.token_start).sum();
    assert_eq!(covered as usize, tokens.len());
});
