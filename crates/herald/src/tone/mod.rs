//! Tone: how positive or hostile an article, each sentence, each quote and each event is.
//!
//! Each word gets its valence from the [`ToneLexicon`] (VADER's, with news overrides); proper
//! nouns get none (a name is not an opinion). Rules from the VADER paper adjust it: a negation
//! among the three words before flips and damps it ("not a success"), intensifiers and dampeners
//! scale it, a capitalized shout strengthens it, and a contrast word ("but", "however") halves
//! what comes before it in the sentence and strengthens what follows. A span's score is the sum
//! of its valences squashed into [−1, 1] ([`squash`]).
//!
//! Per article, [`ArticleTone`] carries GDELT's V2Tone fields with GDELT's definitions, so GDELT
//! users can compare (see `docs/schema.md`).

pub mod lexicon;

pub use lexicon::{LexiconError, ToneLexicon};

use crate::doc::Doc;
use crate::layers::Upos;
use crate::span::Span;

/// Article-level tone, GDELT V2Tone compatible (percentages of `word_count`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ArticleTone {
    /// Positive minus negative score (GDELT "Tone"), in percent of words.
    pub tone: f32,
    /// Share of words with positive valence, in percent.
    pub positive: f32,
    /// Share of words with negative valence, in percent.
    pub negative: f32,
    /// Share of words with any valence (positive + negative), in percent.
    pub polarity: f32,
    /// Share of words that are verbs (herald's stand-in for GDELT's activity dictionary), in percent.
    pub activity_density: f32,
    /// Share of words that are pronouns (self and group references), in percent.
    pub self_group_density: f32,
    /// Words (tokens with a letter or digit).
    pub word_count: u32,
    /// herald's own score of the whole article in [−1, 1].
    pub score: f32,
}

/// Scoring constants (the defaults were tuned on the NYT editorial development half).
#[derive(Clone, Copy, Debug)]
pub struct ToneConfig {
    /// Factor applied to a negated word's valence.
    pub negation: f32,
    /// Added to a valence's magnitude by an intensifier right before it (less further away).
    pub boost: f32,
    /// Weight of words before a contrast word in its sentence.
    pub before_contrast: f32,
    /// Weight of words after it.
    pub after_contrast: f32,
    /// Squashing constant: `score = s / sqrt(s² + alpha)`.
    pub alpha: f32,
    /// Extra weight of negative valences (news readers weigh bad news more).
    pub negative_weight: f32,
    /// Factor applied to a negative word after a reducer ("cut poverty").
    pub reduction: f32,
    /// Valence of a negation itself ("it is not working" reads as criticism).
    pub negation_valence: f32,
    /// Valence of "too" before an adjective or adverb ("too expensive").
    pub excess: f32,
    /// Added to a sentence that asks a question (editorial questions are mostly rhetorical).
    pub question: f32,
}

impl Default for ToneConfig {
    fn default() -> Self {
        ToneConfig {
            negation: -0.74,
            boost: 0.293,
            before_contrast: 0.5,
            after_contrast: 1.5,
            alpha: 15.0,
            negative_weight: 1.3,
            reduction: -0.5,
            negation_valence: -1.0,
            excess: -1.5,
            question: -0.3,
        }
    }
}

/// `s / sqrt(s² + alpha)`: a sum of valences as a score in (−1, 1).
pub fn squash(sum: f32, alpha: f32) -> f32 {
    if sum == 0.0 { 0.0 } else { (sum / (sum * sum + alpha).sqrt()).clamp(-1.0, 1.0) }
}

const NEGATIONS: &[&str] = &[
    "ain't", "aint", "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing",
    "nowhere", "n't", "n’t", "without",
];

const BOOSTERS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerably",
    "decidedly",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fully",
    "greatly",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "seriously",
    "severely",
    "sharply",
    "so",
    "substantially",
    "thoroughly",
    "totally",
    "tremendously",
    "truly",
    "unbelievably",
    "unusually",
    "utterly",
    "very",
];

const DAMPENERS: &[&str] =
    &["almost", "barely", "hardly", "less", "marginally", "partly", "scarcely", "slightly", "somewhat"];

const CONTRASTS: &[&str] = &["but", "however", "nevertheless", "nonetheless", "yet"];

/// Words that lessen what follows: reducing something bad is good ("cut poverty", "fewer deaths").
const REDUCERS: &[&str] = &[
    "alleviate",
    "alleviated",
    "alleviates",
    "avert",
    "averted",
    "combat",
    "combating",
    "curb",
    "curbed",
    "curbing",
    "curbs",
    "cut",
    "cuts",
    "cutting",
    "decrease",
    "decreased",
    "decreases",
    "ease",
    "eased",
    "eases",
    "easing",
    "eliminate",
    "eliminated",
    "eliminates",
    "end",
    "ended",
    "ending",
    "ends",
    "fewer",
    "fight",
    "fighting",
    "fights",
    "fought",
    "halt",
    "halted",
    "lessen",
    "lower",
    "lowered",
    "overcome",
    "prevent",
    "prevented",
    "preventing",
    "prevents",
    "reduce",
    "reduced",
    "reduces",
    "reducing",
    "relieve",
    "relieved",
    "stop",
    "stopped",
    "stopping",
    "tackle",
    "tackling",
];

/// Suffix rewrites from a word to a base with the same leaning (`sadly` → `sad`, `fatalities` →
/// `fatality`), tried in order on words neither lexicon knows.
const SUFFIXES: &[(&str, &str)] = &[
    ("ily", "y"),
    ("ly", ""),
    ("ness", ""),
    ("ities", "ity"),
    ("ities", ""),
    ("ity", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ings", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ment", ""),
];

/// The valence of an unknown word from a related known one, damped for the uncertainty:
/// a suffix rewrite, or `un-` before a known word (`unhelpful`, `uninterested`) with its sign
/// turned.
fn derived_valence(lexicon: &ToneLexicon, word: &str) -> Option<f32> {
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    for (suffix, replacement) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 3
            && let Some(v) = lexicon.valence(&format!("{stem}{replacement}"), "", "")
        {
            return Some(0.8 * v);
        }
    }
    let rest = word.strip_prefix("un")?;
    let v = lexicon.valence(rest, "", "").or_else(|| {
        SUFFIXES.iter().find_map(|(s, r)| lexicon.valence(&format!("{}{r}", rest.strip_suffix(s)?), "", ""))
    })?;
    Some(-0.6 * v)
}

/// Whether words of this part of speech can carry sentiment: not names, prepositions,
/// subordinators or conjunctions ("like" the preposition, "so" the conjunction).
fn carries_tone(upos: Upos) -> bool {
    !matches!(upos, Upos::Propn | Upos::Adp | Upos::Sconj | Upos::Cconj)
}

fn lower(form: &str) -> std::borrow::Cow<'_, str> {
    if form.bytes().any(|b| b.is_ascii_uppercase()) || !form.is_ascii() {
        std::borrow::Cow::Owned(form.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(form)
    }
}

/// Scores documents: per word, per sentence, per span.
#[derive(Debug, Clone, Copy)]
pub struct ToneScorer<'l> {
    lexicon: &'l ToneLexicon,
    config: ToneConfig,
}

impl<'l> ToneScorer<'l> {
    /// A scorer over `lexicon`.
    pub fn new(lexicon: &'l ToneLexicon, config: ToneConfig) -> ToneScorer<'l> {
        ToneScorer { lexicon, config }
    }

    /// The adjusted valence of every token of `doc` (0 for words without one), sentence by
    /// sentence, into `out` (one per token).
    pub fn valences(&self, doc: &Doc, out: &mut Vec<f32>) {
        out.clear();
        out.resize(doc.tokens.len(), 0.0);
        let lowers: Vec<std::borrow::Cow<'_, str>> =
            (0..doc.tokens.len()).map(|i| lower(doc.form(i))).collect();
        for s in &doc.sentences {
            let range = s.tokens();
            let shouting_allowed = range.clone().any(|i| doc.form(i).chars().any(char::is_lowercase));
            let capitalized = |i: usize| doc.form(i).starts_with(char::is_uppercase);
            let alphabetic: Vec<usize> =
                range.clone().filter(|&i| doc.form(i).starts_with(char::is_alphabetic)).collect();
            // In a title-case headline every word is capitalized; elsewhere a run of capitalized
            // words is a name or a title ("Hope Hicks", "Justice Department") and carries no tone.
            let title_case =
                alphabetic.iter().filter(|&&i| capitalized(i)).count() * 4 >= alphabetic.len() * 3;
            let in_name = |i: usize| {
                !title_case
                    && capitalized(i)
                    && ((i > range.start && capitalized(i - 1) && i - 1 != range.start)
                        || (i + 1 < range.end && capitalized(i + 1)))
            };
            let mut contrast_at: Option<usize> = None;
            for i in range.clone() {
                let word = lowers[i].as_ref();
                if contrast_at.is_none() && i > range.start && CONTRASTS.contains(&word) {
                    contrast_at = Some(i);
                }
                // Names are not opinions, and "like" as a preposition is not a liking.
                if doc.morphology.get(i).is_some_and(|m| !carries_tone(m.upos)) || in_name(i) {
                    continue;
                }
                let prev = if i > range.start { lowers[i - 1].as_ref() } else { "" };
                let next = if i + 1 < range.end { lowers[i + 1].as_ref() } else { "" };
                let lemma = doc.morphology.get(i).map(|m| m.lemma.as_str());
                if NEGATIONS.contains(&word) {
                    out[i] = self.config.negation_valence;
                    continue;
                }
                let next_upos = doc.upos(i + 1);
                if word == "too" && i + 1 < range.end && matches!(next_upos, Some(Upos::Adj | Upos::Adv)) {
                    out[i] = self.config.excess;
                    continue;
                }
                let Some(mut v) = self
                    .lexicon
                    .valence(word, prev, next)
                    .or_else(|| {
                        lemma.filter(|l| *l != word).and_then(|l| self.lexicon.valence(l, prev, next))
                    })
                    .or_else(|| derived_valence(self.lexicon, word))
                else {
                    continue;
                };
                let form = doc.form(i);
                if shouting_allowed && form.len() > 1 && form.chars().all(|c| !c.is_lowercase()) {
                    v += v.signum() * 0.733;
                }
                for (k, scale) in [(1usize, 1.0f32), (2, 0.95), (3, 0.9)] {
                    if i < range.start + k {
                        break;
                    }
                    let w = lowers[i - k].as_ref();
                    if BOOSTERS.contains(&w) {
                        v += v.signum() * self.config.boost * scale;
                    } else if DAMPENERS.contains(&w) {
                        v -= v.signum() * self.config.boost * scale;
                    }
                }
                let before = |list: &[&str]| {
                    (1..=3)
                        .map(|k| i.wrapping_sub(k))
                        .find(|&j| j >= range.start && j < i && list.contains(&lowers[j].as_ref()))
                };
                if before(NEGATIONS).is_some() {
                    v *= self.config.negation;
                } else if let Some(j) = before(REDUCERS).filter(|_| v < 0.0) {
                    v *= self.config.reduction;
                    // The reducer's own valence ("cut") is part of the shift, not a second opinion.
                    out[j] = 0.0;
                }
                if v < 0.0 {
                    v *= self.config.negative_weight;
                }
                out[i] = v;
            }
            if self.config.question != 0.0
                && range.clone().any(|i| doc.form(i).contains('?'))
                && let Some(last) = out.get_mut(range.end - 1)
            {
                *last += self.config.question;
            }
            if let Some(c) = contrast_at {
                for (i, v) in out.iter_mut().enumerate().take(range.end).skip(range.start) {
                    *v *= if i < c { self.config.before_contrast } else { self.config.after_contrast };
                }
            }
        }
    }

    /// The score in [−1, 1] of the tokens inside `span`, given their valences.
    pub fn span_score(&self, doc: &Doc, valences: &[f32], span: Span) -> f32 {
        let sum: f32 =
            doc.tokens.iter().zip(valences).filter(|(t, _)| span.contains(t.span)).map(|(_, v)| *v).sum();
        squash(sum, self.config.alpha)
    }

    /// Fills the document's tone: article fields, one score per sentence, and the score of each
    /// quote's content and each event's evidence.
    pub fn run(&self, doc: &mut Doc) {
        let mut valences = Vec::new();
        self.valences(doc, &mut valences);
        doc.sentence_tone = doc
            .sentences
            .iter()
            .map(|s| squash(valences[s.tokens()].iter().sum(), self.config.alpha))
            .collect();
        let quote_tones: Vec<f32> =
            doc.quotes.iter().map(|q| self.span_score(doc, &valences, q.content)).collect();
        for (q, t) in doc.quotes.iter_mut().zip(quote_tones) {
            q.tone = Some(t);
        }
        let event_tones: Vec<f32> =
            doc.events.iter().map(|e| self.span_score(doc, &valences, e.evidence)).collect();
        for (e, t) in doc.events.iter_mut().zip(event_tones) {
            e.tone = Some(t);
        }
        doc.tone = Some(self.article(doc, &valences));
    }

    fn article(&self, doc: &Doc, valences: &[f32]) -> ArticleTone {
        let (mut words, mut pos, mut neg, mut verbs, mut pronouns) = (0u32, 0u32, 0u32, 0u32, 0u32);
        for (i, v) in valences.iter().enumerate() {
            if !doc.form(i).chars().any(char::is_alphanumeric) {
                continue;
            }
            words += 1;
            pos += u32::from(*v > 0.0);
            neg += u32::from(*v < 0.0);
            match doc.upos(i) {
                Some(Upos::Verb) => verbs += 1,
                Some(Upos::Pron) => pronouns += 1,
                _ => {}
            }
        }
        let pct = |n: u32| if words == 0 { 0.0 } else { 100.0 * n as f32 / words as f32 };
        ArticleTone {
            tone: pct(pos) - pct(neg),
            positive: pct(pos),
            negative: pct(neg),
            polarity: pct(pos + neg),
            activity_density: pct(verbs),
            self_group_density: pct(pronouns),
            word_count: words,
            score: squash(valences.iter().sum(), self.config.alpha),
        }
    }
}

/// Runs the stage with the embedded lexicon and default settings.
pub fn run(doc: &mut Doc) {
    ToneScorer::new(ToneLexicon::embedded(), ToneConfig::default()).run(doc);
}
