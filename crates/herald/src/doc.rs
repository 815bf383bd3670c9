//! [`Doc`]: one article, its metadata and every stand-off layer the stages add.

use std::ops::Range;

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::layers::{Dep, Entity, Event, Mention, Morph, Place, Quote, Timex, Upos};
use crate::span::Span;
use crate::tone::ArticleTone;

/// What is known about an article before reading it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// A stable identifier (from the input, or derived from the file name and position).
    pub id: String,
    /// Headline, from the input or taken from the text (see [`crate::segment::run`]).
    pub title: Option<String>,
    /// Publisher or feed name.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date: the anchor for relative time expressions.
    pub published: Option<Date>,
    /// BCP 47 language tag; herald reads `en`.
    pub language: String,
}

/// One word of the text (a *syntactic word* in UD terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the word is in the text.
    pub span: Span,
    /// White space follows the word in the text.
    pub space_after: bool,
    /// This word and the next are written as one token (`do|n't`, `Russia|’s`): a UD multiword token.
    pub fuses_next: bool,
}

/// One sentence: a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index of the first token in [`Doc::tokens`].
    pub token_start: u32,
    /// One past the index of the last token.
    pub token_end: u32,
    /// The paragraph the sentence is in, counting from 0.
    pub paragraph: u32,
}

impl Sentence {
    /// The sentence's token indices.
    pub fn tokens(&self) -> Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// An article and everything herald knows about it.
///
/// The text is never changed; every layer points into it with byte [`Span`]s. Layers are filled
/// in pipeline order ([`crate::Pipeline::annotate`]); a layer a stage has not filled is empty.
/// `morphology` and `syntax`, once filled, have one record per token.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The article text, exactly as read (after decoding and front matter).
    pub text: String,
    /// Metadata.
    pub meta: Meta,
    /// Sentences, in text order, covering every token.
    pub sentences: Vec<Sentence>,
    /// Words, in text order.
    pub tokens: Vec<Token>,
    /// Part of speech and lemma, one per token.
    pub morphology: Vec<Morph>,
    /// Dependency head and relation, one per token.
    pub syntax: Vec<Dep>,
    /// Named, nominal and pronominal mentions.
    pub mentions: Vec<Mention>,
    /// Mentions grouped by coreference, with actor codes.
    pub entities: Vec<Entity>,
    /// Time expressions with TIMEX3 values.
    pub timexes: Vec<Timex>,
    /// Direct, partial and indirect quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Geocoded places.
    pub places: Vec<Place>,
    /// Coded events with their evidence.
    pub events: Vec<Event>,
    /// Article tone (GDELT V2Tone fields and herald's score).
    pub tone: Option<ArticleTone>,
    /// Tone of each sentence in [−1, 1], one per sentence.
    pub sentence_tone: Vec<f32>,
    /// What the stages want the user to know about this document.
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// A document with text and metadata and no layers yet.
    pub fn new(text: String, meta: Meta) -> Doc {
        Doc { text, meta, ..Doc::default() }
    }

    /// A document of one sentence made of given words (gold tokenization, for evaluation): the
    /// text is the words joined by single spaces.
    pub fn from_words(words: &[&str], meta: Meta) -> Doc {
        Doc::from_sentences(&[words], meta)
    }

    /// A document of given sentences of given words (gold tokenization and sentence splits, for
    /// evaluation): the text is the words joined by single spaces, one sentence after another.
    /// Empty sentences are skipped.
    pub fn from_sentences(sentences: &[&[&str]], meta: Meta) -> Doc {
        let mut text = String::new();
        let mut tokens: Vec<Token> = Vec::new();
        let mut spans = Vec::new();
        for words in sentences.iter().filter(|s| !s.is_empty()) {
            let token_start = tokens.len();
            for w in words.iter() {
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(w);
                let span = Span::checked(&text, start, text.len()).unwrap_or_default();
                tokens.push(Token { span, space_after: true, fuses_next: false });
            }
            spans.push((token_start, tokens.len()));
        }
        if let Some(last) = tokens.last_mut() {
            last.space_after = false;
        }
        let mut doc = Doc::new(text, meta);
        for (start, end) in spans {
            let span = tokens[start].span.cover(tokens[end - 1].span);
            doc.sentences.push(Sentence {
                span,
                token_start: start as u32,
                token_end: end as u32,
                paragraph: 0,
            });
        }
        doc.tokens = tokens;
        doc
    }

    /// The text under `span` (`""` if the span does not fit).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The surface form of token `i`.
    pub fn form(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.slice(&self.text))
    }

    /// The part of speech of token `i`, once tagged.
    pub fn upos(&self, i: usize) -> Option<Upos> {
        self.morphology.get(i).map(|m| m.upos)
    }

    /// The lemma of token `i` (`""` before tagging).
    pub fn lemma(&self, i: usize) -> &str {
        self.morphology.get(i).map_or("", |m| m.lemma.as_str())
    }

    /// The dependency relation of token `i` (`""` before parsing).
    pub fn rel(&self, i: usize) -> &str {
        self.syntax.get(i).map_or("", |d| d.rel.as_str())
    }

    /// The head of token `i`, if it has one.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.syntax.get(i).and_then(|d| d.head).map(|h| h as usize)
    }

    /// The tokens that overlap `span`, as a range of indices (empty if none do).
    pub fn token_range(&self, span: Span) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.span.end() <= span.start());
        let end = self.tokens.partition_point(|t| t.span.start() < span.end());
        first..end.max(first)
    }

    /// The head word of the tokens under `span`: the first whose syntactic head lies outside
    /// them (`None` for an empty span).
    pub fn span_head(&self, span: Span) -> Option<usize> {
        let tokens = self.token_range(span);
        tokens.clone().find(|&t| self.head(t).is_none_or(|h| !tokens.contains(&h)))
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let s = self.sentences.partition_point(|s| (s.token_end as usize) <= i);
        (s < self.sentences.len()).then_some(s)
    }

    /// Number of written tokens, counting each multiword token once (as UD's token metric does).
    pub fn written_token_count(&self) -> usize {
        self.tokens.iter().filter(|t| !t.fuses_next).count()
    }
}
