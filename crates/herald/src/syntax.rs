//! Stage 2: part of speech, lemma and dependency parse for every sentence. Fills
//! [`Doc::morphology`] and [`Doc::syntax`] (one record per token) from the tagger, lemmatizer and
//! parser in [`Models`]. [`Analyzer`] does one sentence; `herald eval parse` uses it on gold
//! tokenization, so evaluation and the pipeline run the same code.

use crate::diag::Diagnostic;
use crate::doc::Doc;
use crate::layers::{Dep, Morph};
use crate::lemma::Lemmatizer;
use crate::model::ModelError;
use crate::models::Models;
use std::ops::Range;

use crate::parser::{Arc, ParseScratch, Parser, Words};
use crate::tagger::{TagScratch, Tagger};

/// Sentences longer than this are parsed in windows of this many words (later windows hang
/// from the first window's root as `parataxis`), so one runaway "sentence" (a table, a list)
/// stays linear and bounded.
const MAX_PARSE_WORDS: usize = 400;

/// Tags, lemmatizes and parses sentences, reusing its buffers.
#[derive(Debug)]
pub struct Analyzer<'m> {
    tagger: &'m Tagger,
    lemmatizer: Option<&'m Lemmatizer>,
    parser: Option<&'m Parser>,
    tag_scratch: TagScratch,
    parse_scratch: ParseScratch,
    classes: Vec<u16>,
    /// The classes of every sentence of a [`Analyzer::sentences`] call.
    all_classes: Vec<u16>,
    arcs: Vec<Arc>,
}

impl<'m> Analyzer<'m> {
    /// An analyzer over the loaded models, and a diagnostic for each model that failed to load.
    /// `None` when there is no tagger.
    pub fn new(models: &'m Models) -> (Option<Analyzer<'m>>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut ok = |name: &str, r: Result<(), &ModelError>| {
            if let Err(e) = r {
                diags.push(Diagnostic::error("syntax", format!("{name} model failed to load: {e}")));
            }
        };
        ok("tagger", models.tagger.as_ref().map(|_| ()));
        ok("lemmatizer", models.lemmatizer.as_ref().map(|_| ()));
        ok("parser", models.parser.as_ref().map(|_| ()));
        let analyzer = models.tagger.as_ref().ok().map(|tagger| Analyzer {
            tagger,
            lemmatizer: models.lemmatizer.as_ref().ok(),
            parser: models.parser.as_ref().ok(),
            tag_scratch: TagScratch::default(),
            parse_scratch: ParseScratch::default(),
            classes: Vec::new(),
            all_classes: Vec::new(),
            arcs: Vec::new(),
        });
        (analyzer, diags)
    }

    /// Analyzes one sentence: appends one [`Morph`] per word to `morph` and, with a parser, one
    /// [`Dep`] per word to `deps`, whose heads are `offset` + the word's index in `forms`.
    pub fn sentence(&mut self, forms: &[&str], offset: u32, morph: &mut Vec<Morph>, deps: &mut Vec<Dep>) {
        self.sentences(forms, std::slice::from_ref(&(0..forms.len())), offset, morph, deps);
    }

    /// Analyzes the sentences of a text whose words are `forms`, each sentence a range of them
    /// (in order): appends one [`Morph`] per word of each sentence to `morph` and, with a
    /// parser, one [`Dep`] to `deps`, whose heads are `offset` + the head's index in `forms`.
    /// Parsing several sentences in one call lets the parser work on them side by side (see
    /// [`Parser::parse_many`]), which is faster than one at a time.
    pub fn sentences(
        &mut self,
        forms: &[&str],
        sentences: &[Range<usize>],
        offset: u32,
        morph: &mut Vec<Morph>,
        deps: &mut Vec<Dep>,
    ) {
        let tagger = self.tagger;
        self.all_classes.clear();
        for range in sentences {
            let Some(words) = forms.get(range.clone()) else { continue };
            tagger.tag(words, &mut self.tag_scratch, &mut self.classes);
            finite_verb(tagger, words, &mut self.classes);
            for (form, &c) in words.iter().zip(&self.classes) {
                let xpos = tagger.xpos(c);
                let lemma = self.lemmatizer.map_or_else(|| form.to_lowercase(), |l| l.lemma(form, xpos));
                morph.push(Morph { upos: tagger.upos(c), xpos: xpos.to_string(), lemma });
            }
            self.all_classes.extend_from_slice(&self.classes);
        }
        let Some(parser) = self.parser else { return };
        let xpos: Vec<&str> = self.all_classes.iter().map(|&c| tagger.xpos(c)).collect();
        let upos: Vec<&str> = self.all_classes.iter().map(|&c| tagger.upos(c).as_str()).collect();
        // Windows of at most MAX_PARSE_WORDS words: (sentence's first word in `forms`, window's
        // first word in the sentence, its words).
        let mut windows: Vec<(usize, usize, Words<'_>)> = Vec::new();
        let mut at = 0; // the sentence's first word in `xpos` and `upos`
        for range in sentences {
            let Some(words) = forms.get(range.clone()) else { continue };
            for start in (0..words.len()).step_by(MAX_PARSE_WORDS) {
                let end = (start + MAX_PARSE_WORDS).min(words.len());
                let window = Words {
                    forms: &words[start..end],
                    upos: &upos[at + start..at + end],
                    xpos: &xpos[at + start..at + end],
                };
                windows.push((range.start, start, window));
            }
            at += words.len();
        }
        let units: Vec<Words<'_>> = windows.iter().map(|w| w.2).collect();
        parser.parse_many(&units, &mut self.parse_scratch, &mut self.arcs);
        let mut arcs = self.arcs.iter();
        let mut window_root: Option<u32> = None;
        for &(first, start, window) in &windows {
            if start == 0 {
                window_root = None;
            }
            let base = offset + (first + start) as u32;
            let mut root_here = None;
            for (i, a) in arcs.by_ref().take(window.forms.len()).enumerate() {
                let (head, rel) = match (a.head, window_root) {
                    (0, None) => {
                        root_here = Some(base + i as u32);
                        (None, parser.label(a.label))
                    }
                    (0, Some(r)) => (Some(r), "parataxis"),
                    (h, _) => (Some(base + h - 1), parser.label(a.label)),
                };
                deps.push(Dep { head, rel: rel.to_string() });
            }
            if window_root.is_none() {
                window_root = root_here;
            }
        }
    }
}

/// A clause needs a finite verb. The tagger reads the past tense between a plural noun and its
/// object as a participle when adjectives stand on both sides ("Israeli troops attacked/VBN
/// Palestinian militants"), which leaves the sentence without a verb and the parser with a noun
/// phrase. When a sentence has no finite verb (`VBD`, `VBZ`, `VBP`, `MD`) and no auxiliary that
/// a participle could hang from, the first participle between a noun and the start of an object
/// becomes a past tense. A participle before a preposition ("Palestinians killed in Gaza", a
/// headline's passive) is left alone.
fn finite_verb(tagger: &Tagger, forms: &[&str], classes: &mut [u16]) {
    let xpos = |c: u16| tagger.xpos(c);
    if classes.iter().any(|&c| matches!(xpos(c), "VBD" | "VBZ" | "VBP" | "MD")) {
        return;
    }
    for i in 1..classes.len().saturating_sub(1) {
        if matches!(forms[i - 1], "been" | "being" | "be" | "Been" | "Being" | "Be") {
            return;
        }
        let subject = matches!(xpos(classes[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP");
        let object = matches!(
            xpos(classes[i + 1]),
            "DT" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "PRP$" | "CD"
        );
        if xpos(classes[i]) == "VBN" && subject && object {
            if let Some(past) = (0..tagger.n_classes() as u16).find(|&c| xpos(c) == "VBD") {
                classes[i] = past;
            }
            return;
        }
    }
}

/// Runs the stage on `doc`.
pub fn run(doc: &mut Doc, models: &Models) {
    let (analyzer, diags) = Analyzer::new(models);
    doc.diagnostics.extend(diags);
    let Some(mut analyzer) = analyzer else { return };
    doc.morphology.reserve(doc.tokens.len());
    doc.syntax.reserve(doc.tokens.len());
    let forms: Vec<&str> = doc.tokens.iter().map(|t| t.span.slice(&doc.text)).collect();
    let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens()).collect();
    analyzer.sentences(&forms, &sentences, 0, &mut doc.morphology, &mut doc.syntax);
}
