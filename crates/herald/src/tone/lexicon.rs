//! The tone lexicon: word → valence (−4 … +4), from VADER (converted by
//! `herald train tone-lexicon`) and herald's own news overrides (`lexicons/tone-news.tsv`, edited by
//! hand), which may apply only next to given words ("crude" before "oil" is a commodity, not an
//! insult).

use std::io::Read;

use crate::model::hash::WordMap;

/// A lexicon line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Where an override applies.
#[derive(Clone, Debug, Default, PartialEq)]
struct Context {
    /// The next word must be one of these (lowercase); empty: any.
    next: Vec<String>,
    /// The previous word must be one of these; empty: any.
    prev: Vec<String>,
}

/// Word valences with contextual overrides.
#[derive(Clone, Debug, Default)]
pub struct ToneLexicon {
    words: WordMap<f32>,
    overrides: WordMap<Vec<(Context, f32)>>,
}

impl ToneLexicon {
    /// Reads the base lexicon: `word<TAB>valence` lines (`#` comments). Malformed lines are
    /// returned as errors with their line number and skipped.
    pub fn parse_base(text: &str) -> (ToneLexicon, Vec<LexiconError>) {
        let mut lex = ToneLexicon::default();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            match parse_line(line) {
                Ok(None) => {}
                Ok(Some((word, valence, _))) => {
                    lex.words.insert(word, valence);
                }
                Err(message) => errors.push(LexiconError { line: n + 1, message }),
            }
        }
        (lex, errors)
    }

    /// Adds overrides: `word<TAB>valence[<TAB>next:a,b][<TAB>prev:c,d]` lines. An override without
    /// a context replaces the base valence everywhere.
    pub fn add_overrides(&mut self, text: &str) -> Vec<LexiconError> {
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            match parse_line(line) {
                Ok(None) => {}
                Ok(Some((word, valence, context))) => {
                    if context == Context::default() {
                        self.words.insert(word, valence);
                    } else {
                        self.overrides.entry(word).or_default().push((context, valence));
                    }
                }
                Err(message) => errors.push(LexiconError { line: n + 1, message }),
            }
        }
        errors
    }

    /// The valence of lowercase `word` between `prev` and `next` (lowercase, `""` at edges).
    pub fn valence(&self, word: &str, prev: &str, next: &str) -> Option<f32> {
        if let Some(rules) = self.overrides.get(word) {
            for (ctx, v) in rules {
                let next_ok = ctx.next.is_empty() || ctx.next.iter().any(|w| w == next);
                let prev_ok = ctx.prev.is_empty() || ctx.prev.iter().any(|w| w == prev);
                if next_ok && prev_ok {
                    return Some(*v);
                }
            }
        }
        self.words.get(word).copied()
    }

    /// Number of words with a valence.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The embedded lexicon (VADER + news overrides), built once.
    pub fn embedded() -> &'static ToneLexicon {
        static LEXICON: std::sync::LazyLock<ToneLexicon> = std::sync::LazyLock::new(|| {
            let mut text = String::new();
            let _ = flate2::read::GzDecoder::new(VADER).read_to_string(&mut text);
            let (mut lex, _) = ToneLexicon::parse_base(&text);
            lex.add_overrides(NEWS);
            lex
        });
        &LEXICON
    }
}

static VADER: &[u8] = include_bytes!("../../lexicons/vader.tsv.gz");
static NEWS: &str = include_str!("../../lexicons/tone-news.tsv");

type Line = Option<(String, f32, Context)>;

fn parse_line(line: &str) -> Result<Line, String> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut cols = line.split('\t');
    let word = cols.next().unwrap_or_default().trim().to_lowercase();
    if word.is_empty() {
        return Err("no word".into());
    }
    let valence: f32 = match cols.next().map(str::trim).map(str::parse) {
        Some(Ok(v)) if (-4.5..=4.5).contains(&v) => v,
        Some(Ok(v)) => return Err(format!("valence {v} outside −4.5…4.5")),
        _ => return Err("no valence after the word and a tab".into()),
    };
    let mut context = Context::default();
    for col in cols {
        let col = col.trim();
        let list =
            |s: &str| s.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect();
        if let Some(words) = col.strip_prefix("next:") {
            context.next = list(words);
        } else if let Some(words) = col.strip_prefix("prev:") {
            context.prev = list(words);
        } else if !col.is_empty() && !col.starts_with('#') {
            return Err(format!("unknown column {col:?} (expected next:… or prev:…)"));
        }
    }
    Ok(Some((word, valence, context)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_reports_bad_ones_and_applies_context() {
        let (mut lex, errors) =
            ToneLexicon::parse_base("good\t1.9\nbad\t-2.5\n# comment\nbroken\nworse\tx\n");
        assert_eq!(lex.valence("good", "", ""), Some(1.9));
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [4, 5]);
        let errors = lex.add_overrides("crude\t0\tnext:oil,prices\nbad\t-1\nodd\t1\tnear:x\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        assert_eq!(lex.valence("bad", "", ""), Some(-1.0));
        assert_eq!(lex.valence("crude", "", "oil"), Some(0.0));
        assert_eq!(lex.valence("crude", "", "joke"), None);
    }

    #[test]
    fn embedded_lexicon_loads() {
        let lex = ToneLexicon::embedded();
        assert!(lex.len() > 7000);
        assert!(lex.valence("hostile", "", "").is_some_and(|v| v < 0.0));
        assert_eq!(lex.valence("crude", "", "oil"), Some(0.0));
    }
}
