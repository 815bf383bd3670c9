//! Segmentation: the first stage. Fills the token and sentence layers and, where the metadata has
//! no title, takes a headline-like first paragraph as the title.

mod lexicon;
mod sentences;
mod tokenize;

pub use sentences::split_sentences;
pub use tokenize::tokenize;

use crate::doc::Doc;

/// Headlines are short: a first paragraph longer than this is body text.
const MAX_TITLE_BYTES: u32 = 240;

/// Runs the segmenter on `doc`: tokens, sentences, and the title if the metadata lacks one.
pub fn run(doc: &mut Doc) {
    tokenize(&doc.text, &mut doc.tokens);
    split_sentences(&doc.text, &doc.tokens, &mut doc.sentences);
    if doc.meta.title.is_none() {
        doc.meta.title = headline(doc);
    }
}

/// The first paragraph, when it reads as a headline: one short line of words without final
/// punctuation, followed by more paragraphs.
fn headline(doc: &Doc) -> Option<String> {
    let first = doc.sentences.first()?;
    let second = doc.sentences.get(1)?;
    if first.paragraph != 0 || second.paragraph == 0 || first.span.len() > MAX_TITLE_BYTES {
        return None;
    }
    let last = doc.tokens.get(first.token_end as usize - 1)?.span.slice(&doc.text);
    if matches!(last, "." | "!" | "?" | "…" | "”" | "\"" | ":" | ",") {
        return None;
    }
    Some(first.span.slice(&doc.text).split_whitespace().collect::<Vec<_>>().join(" "))
}
