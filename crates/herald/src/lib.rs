//! herald's core: read a news article into one [`Doc`] with stand-off layers.
//!
//! Start at [`Pipeline::annotate`]: it runs the stages in order, each adding a layer to the
//! [`Doc`] — today the segmenter ([`segment`]: tokens, sentences, headline); the tagger, parser,
//! entity, time, quote and event stages follow the same shape. The crate does no I/O and never
//! fails on text: where a stage cannot do its job it adds a [`Diagnostic`] and goes on.
//!
//! Spans are bytes of [`Doc::text`] ([`Span`]); [`CharIndex`] converts them to the character
//! offsets that leave the process.
//!
//! ```
//! use herald::{Meta, Pipeline};
//!
//! let text = "Summit Remains a Possibility\n\n“It remains a possibility,” Leavitt said. Mr. Trump left.";
//! let doc = Pipeline::new().annotate(text.to_string(), Meta::default());
//! assert_eq!(doc.meta.title.as_deref(), Some("Summit Remains a Possibility"));
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences[1], "“It remains a possibility,” Leavitt said.");
//! assert_eq!(sentences[2], "Mr. Trump left.");
//! ```
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod actors;
pub mod clusters;
pub mod conllu;
pub mod coref;
pub mod date;
pub mod diag;
pub mod doc;
pub mod eval;
pub mod events;
pub mod geo;
pub mod iob;
pub mod layers;
pub mod lemma;
pub mod lexicons;
pub mod model;
pub mod models;
pub mod ner;
pub mod parser;
pub mod quotes;
pub mod render;
pub mod segment;
pub mod span;
pub mod syntax;
pub mod tagger;
pub mod timex;
pub mod tone;

pub use date::Date;
pub use diag::{Diagnostic, Severity};
pub use doc::{Doc, Meta, Sentence, Token};
pub use lexicons::Lexicons;
pub use models::Models;
pub use span::{CharIndex, Span};

/// The ordered list of stages, with the models they share.
///
/// Build one per process and share it across threads: annotating takes `&self`, and models are
/// loaded once and read-only.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline<'m> {
    models: &'m Models,
    lexicons: &'m Lexicons,
}

impl Default for Pipeline<'static> {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline<'static> {
    /// The pipeline with every stage herald ships and the embedded models.
    pub fn new() -> Pipeline<'static> {
        Pipeline { models: Models::embedded(), lexicons: Lexicons::embedded() }
    }
}

impl<'m> Pipeline<'m> {
    /// The pipeline with other models (freshly trained ones, for evaluation).
    pub fn with_models(models: &'m Models) -> Pipeline<'m> {
        Pipeline { models, lexicons: Lexicons::embedded() }
    }

    /// The same pipeline with other lexicons (a user's dictionaries).
    pub fn with_lexicons(self, lexicons: &'m Lexicons) -> Pipeline<'m> {
        Pipeline { lexicons, ..self }
    }

    /// Reads one article. This is the only place that lists the stages and their order.
    pub fn annotate(&self, text: String, meta: Meta) -> Doc {
        let mut doc = Doc::new(text, meta);
        segment::run(&mut doc);
        self.after_segmentation(&mut doc);
        doc
    }

    /// Reads one sentence of given words (gold tokenization, for evaluation): every stage but
    /// segmentation.
    pub fn annotate_words(&self, words: &[&str], meta: Meta) -> Doc {
        self.annotate_sentences(&[words], meta)
    }

    /// Reads one article of given sentences of given words (gold tokenization and sentence
    /// splits, for evaluation): every stage but segmentation.
    pub fn annotate_sentences(&self, sentences: &[&[&str]], meta: Meta) -> Doc {
        let mut doc = Doc::from_sentences(sentences, meta);
        self.after_segmentation(&mut doc);
        doc
    }

    fn after_segmentation(&self, doc: &mut Doc) {
        syntax::run(doc, self.models);
        ner::run(doc, self.models, self.lexicons);
        timex::run(doc);
        actors::run(doc, self.lexicons);
        coref::run(doc, self.lexicons);
        geo::run(doc, self.lexicons);
        quotes::run(doc);
        tone::run(doc);
        events::run(doc, self.lexicons);
    }
}
