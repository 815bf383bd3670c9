//! The models herald ships, embedded in the binary and decoded once per process.
//!
//! Model bytes are `include_bytes!` of `models/*.bin.gz` (see `models/README.md` for how each was
//! trained). Decoding happens on first use and the result is shared read-only by every thread. A
//! model that fails to decode is kept as its error: the stage that needs it is skipped and every
//! document says so in a diagnostic — herald never panics over a model.

use std::sync::LazyLock;

use crate::lemma::Lemmatizer;
use crate::model::ModelError;
use crate::ner::NerTagger;
use crate::parser::Parser;
use crate::tagger::Tagger;

static TAGGER: &[u8] = include_bytes!("../models/tagger.bin.gz");
static LEMMATIZER: &[u8] = include_bytes!("../models/lemmatizer.bin.gz");
static PARSER: &[u8] = include_bytes!("../models/parser.bin.gz");
static NER: &[u8] = include_bytes!("../models/ner.bin.gz");

/// Every model the pipeline uses.
#[derive(Debug)]
pub struct Models {
    /// Part-of-speech tagger.
    pub tagger: Result<Tagger, ModelError>,
    /// Lemmatizer.
    pub lemmatizer: Result<Lemmatizer, ModelError>,
    /// Dependency parser.
    pub parser: Result<Parser, ModelError>,
    /// Named-entity recognizer.
    pub ner: Result<NerTagger, ModelError>,
}

static EMBEDDED: LazyLock<Models> = LazyLock::new(|| {
    let mut models = Models::from_bytes(TAGGER, LEMMATIZER, PARSER);
    models.ner = NerTagger::from_bytes(NER);
    models
});

impl Models {
    /// The embedded models (decoded on first call).
    pub fn embedded() -> &'static Models {
        &EMBEDDED
    }

    /// Models from model-file bytes (for evaluating freshly trained files).
    pub fn from_bytes(tagger: &[u8], lemmatizer: &[u8], parser: &[u8]) -> Models {
        Models {
            tagger: Tagger::from_bytes(tagger),
            lemmatizer: Lemmatizer::from_bytes(lemmatizer),
            parser: Parser::from_bytes(parser),
            ner: Err(ModelError::Corrupt("no NER model given".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_model_loads() {
        let m = Models::embedded();
        let tagger = m.tagger.as_ref().unwrap();
        assert!(tagger.n_classes() > 40);
        assert!(tagger.header.contains("command: herald train tagger"), "{}", tagger.header);
        let lem = m.lemmatizer.as_ref().unwrap();
        assert_eq!(lem.lemma("studies", "NNS"), "study");
        assert_eq!(lem.lemma("n't", "RB"), "not");
        let parser = m.parser.as_ref().unwrap();
        assert!(parser.header.contains("command: herald train parser"), "{}", parser.header);
        let ner = m.ner.as_ref().unwrap();
        assert!(ner.header.contains("command: herald train ner"), "{}", ner.header);
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        let half = &TAGGER[..TAGGER.len() / 2];
        assert!(Tagger::from_bytes(half).is_err());
        let mut flipped = PARSER.to_vec();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0xFF;
        assert!(Parser::from_bytes(&flipped).is_err());
        assert!(Lemmatizer::from_bytes(TAGGER).is_err(), "a tagger file is not a lemmatizer");
        assert!(NerTagger::from_bytes(PARSER).is_err(), "a parser file is not a recognizer");
    }
}
