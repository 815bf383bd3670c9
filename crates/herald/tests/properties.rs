//! Segmenter invariants over arbitrary strings: spans in bounds, ordered, non-overlapping, on
//! character boundaries, never over white space; sentences cover all tokens in order; no panic.

use herald::{Meta, Pipeline};
use proptest::prelude::*;

fn check_invariants(text: &str) {
    let doc = Pipeline::new().annotate(text.to_string(), Meta::default());
    let mut prev_end = 0;
    for t in &doc.tokens {
        let (s, e) = (t.span.start() as usize, t.span.end() as usize);
        assert!(s < e && e <= text.len(), "span {s}..{e} out of bounds");
        assert!(s >= prev_end, "tokens overlap or go backwards at {s}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} splits a character");
        assert!(!text[s..e].chars().any(char::is_whitespace), "white space inside token {:?}", &text[s..e]);
        prev_end = e;
    }
    if let Some(last) = doc.tokens.last() {
        assert!(!last.fuses_next, "the last token cannot fuse with a next one");
    }
    let mut next_token = 0;
    for s in &doc.sentences {
        assert_eq!(s.token_start as usize, next_token, "sentences must cover every token in order");
        assert!(s.token_end > s.token_start, "empty sentence");
        let first = doc.tokens[s.token_start as usize].span;
        let last = doc.tokens[s.token_end as usize - 1].span;
        assert_eq!((s.span.start(), s.span.end()), (first.start(), last.end()));
        next_token = s.token_end as usize;
    }
    assert_eq!(next_token, doc.tokens.len());
}

/// Characters that exercise every branch: letters, digits, punctuation, quotes, dashes,
/// apostrophes, white space, control and multi-byte characters.
fn newsy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("U.S.".to_string()),
            Just("Mr.".to_string()),
            Just("n't".to_string()),
            Just("’s".to_string()),
            Just("http://x.io/a".to_string()),
            "[a-zA-Z0-9 .,;:!?'\"“”‘’()\\-—–…/&%$#@\n\r\t\u{0}\u{feff}\u{a0}é€]{1,6}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn news_like_text(text in newsy()) {
        check_invariants(&text);
    }
}

#[test]
fn pathological_inputs() {
    for text in [
        "",
        " ",
        "\u{0}\u{0}",
        "“".repeat(10_000).as_str(),
        ".".repeat(5_000).as_str(),
        "'s n't 'll",
        "a-b-c-d-e-f-g/h/i&j&k",
        "\u{feff}Title\r\n\r\nBody text.\r\n",
    ] {
        check_invariants(text);
    }
}
