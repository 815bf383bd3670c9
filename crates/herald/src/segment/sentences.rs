//! The sentence splitter: tokens → sentences and paragraphs.
//!
//! A sentence ends at a paragraph break (a blank line; a line break followed by indentation, as
//! in wire copy; any line break in texts that put one paragraph on each line), or after final
//! punctuation together with the closing quotes and brackets attached to it — unless what follows
//! shows the sentence goes on: a lowercase word (`“…?” she asked`), a comma, a name and a verb of
//! saying after a closing quote (`“Why?” Trump asked`), a name after a title (`Gen. Lee`), or a
//! word after an abbreviation that does not usually start a sentence (`the U.S. Treasury`).

use super::lexicon::{self, Abbrev};
use crate::doc::{Sentence, Token};
use crate::span::Span;

/// Splits `tokens` of `text` into sentences (appended to `out`), numbering paragraphs from 0.
pub fn split_sentences(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    out.clear();
    let n = tokens.len();
    let layout = Layout::of(text);
    let form = |i: usize| tokens[i].span.slice(text);
    let mut start = 0;
    let mut paragraph = 0u32;
    let mut i = 0;
    while i < n {
        let mut last = i;
        let mut ends = i + 1 == n;
        if !ends
            && may_end(form(i))
            && let Some(kind) = terminal(form(i))
        {
            // Closing quotes and brackets attached to the punctuation belong to the sentence.
            let mut j = i + 1;
            let mut quote = false;
            while j < n && is_closer(form(j)) && tokens[j - 1].span.end() == tokens[j].span.start() {
                quote |= is_quote(form(j));
                j += 1;
            }
            last = j - 1;
            ends = j == n || layout.is_break(text, tokens[last].span.end(), tokens[j].span.start());
            ends = ends || continues_not(text, tokens, j, kind, quote);
        }
        let para_break =
            last + 1 < n && layout.is_break(text, tokens[last].span.end(), tokens[last + 1].span.start());
        if ends || para_break {
            let span = tokens[start].span.cover(tokens[last].span);
            out.push(Sentence { span, token_start: start as u32, token_end: last as u32 + 1, paragraph });
            paragraph += u32::from(para_break);
            start = last + 1;
        }
        i = last + 1;
    }
}

/// What kind of sentence-final mark a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminal {
    /// `.`, `!`, `?` and runs of them.
    Strong,
    /// `…`, `...`: ends a sentence only before a capital.
    Ellipsis,
    /// A word with a final period.
    Abbrev(Abbrev),
}

/// Cheap test before [`terminal`]: only a token ending in `.`, `!`, `?` or `…` can end a sentence.
#[inline]
fn may_end(form: &str) -> bool {
    matches!(form.as_bytes().last(), Some(b'.' | b'!' | b'?' | 0xA6))
}

fn terminal(form: &str) -> Option<Terminal> {
    let b = form.as_bytes();
    match b {
        [] => None,
        [b'.'] | [b'!'] | [b'?'] => Some(Terminal::Strong),
        _ if form == "…" || (b.len() >= 2 && b.iter().all(|&c| c == b'.')) => Some(Terminal::Ellipsis),
        _ if b.iter().all(|c| matches!(c, b'!' | b'?' | b'.')) => Some(Terminal::Strong),
        _ if form.starts_with('…') && b.iter().skip(3).all(|c| matches!(c, b'!' | b'?' | b'.')) => {
            Some(Terminal::Strong)
        }
        [.., b'.'] => {
            let stem = &form[..form.len() - 1];
            let last = stem.rsplit(['-', '/']).next().unwrap_or(stem);
            lexicon::abbreviation(last).map(Terminal::Abbrev)
        }
        _ => None,
    }
}

fn is_closer(form: &str) -> bool {
    matches!(form, ")" | "]" | "}" | "”" | "’" | "\"" | "'" | "»" | "›" | "''")
}

fn is_quote(form: &str) -> bool {
    matches!(form, "”" | "’" | "\"" | "'" | "»" | "›" | "''")
}

fn is_opener(form: &str) -> bool {
    matches!(form, "(" | "[" | "“" | "‘" | "\"" | "'" | "«" | "‹" | "„")
}

/// After sentence-final punctuation, does token `j` start a new sentence?
fn continues_not(text: &str, tokens: &[Token], j: usize, kind: Terminal, quote: bool) -> bool {
    let form = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
    let next = form(j);
    let Some(first) = next.chars().next() else { return true };
    if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '-' | '–' | '—')
    {
        return false;
    }
    if quote && attribution_follows(text, tokens, j) {
        return false;
    }
    let capital_after_opener = is_opener(next) && form(j + 1).chars().next().is_some_and(char::is_uppercase);
    match kind {
        Terminal::Strong => true,
        Terminal::Ellipsis => first.is_uppercase() || capital_after_opener,
        Terminal::Abbrev(Abbrev::Title | Abbrev::Initial | Abbrev::BeforeNumber) => false,
        Terminal::Abbrev(Abbrev::Other) => lexicon::is_sentence_starter(next) || capital_after_opener,
    }
}

/// `“…?” Putin asked.` / `“…!” said Trump.`: a verb of saying within the next three tokens, after
/// capitalized words only.
fn attribution_follows(text: &str, tokens: &[Token], j: usize) -> bool {
    for token in tokens.iter().skip(j).take(3) {
        let form = token.span.slice(text);
        if lexicon::is_speech_verb(form) && form.starts_with(|c: char| c.is_lowercase()) {
            return true;
        }
        if !form.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// How a text marks its paragraphs.
struct Layout {
    /// One paragraph per line: the text has no blank line but has lines too long to be wrapped.
    line_per_paragraph: bool,
}

impl Layout {
    fn of(text: &str) -> Layout {
        let mut blank = false;
        let mut longest = 0;
        let mut line_start = 0;
        let mut only_space = true;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            match b {
                b'\n' => {
                    blank |= only_space && i > 0;
                    longest = longest.max(i - line_start);
                    line_start = i + 1;
                    only_space = true;
                }
                b' ' | b'\t' | b'\r' => {}
                _ => only_space = false,
            }
        }
        longest = longest.max(text.len() - line_start);
        Layout { line_per_paragraph: !blank && longest > 150 }
    }

    /// True when the white space between two tokens breaks a paragraph.
    fn is_break(&self, text: &str, from: u32, to: u32) -> bool {
        // Nearly every gap is empty or one space.
        if to <= from + 1 && text.as_bytes().get(from as usize) != Some(&b'\n') {
            return false;
        }
        let gap = Span::new(from, to).map_or("", |s| s.slice(text));
        let mut newlines = 0;
        let mut indent = 0;
        for c in gap.chars() {
            match c {
                '\n' => {
                    newlines += 1;
                    indent = 0;
                }
                '\u{2029}' => return true,
                ' ' => indent += 1,
                '\t' => indent += 2,
                _ => {}
            }
        }
        newlines >= 2 || (newlines == 1 && (self.line_per_paragraph || indent >= 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut out = Vec::new();
        split_sentences(text, &tokens, &mut out);
        out.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn splits_at_final_punctuation() {
        assert_eq!(
            sents("Talks failed. Troops moved! Why? Nobody knows"),
            ["Talks failed.", "Troops moved!", "Why?", "Nobody knows"]
        );
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        assert_eq!(
            sents("“It is over,” she said. “What more can I add?” Putin asked. He left."),
            ["“It is over,” she said.", "“What more can I add?” Putin asked.", "He left."]
        );
        assert_eq!(
            sents("He said it “had just started to mend.” Nevertheless, he went."),
            ["He said it “had just started to mend.”", "Nevertheless, he went."]
        );
        assert_eq!(sents("“Why not?” she asked."), ["“Why not?” she asked."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Mr. Putin met Gen. Lee and Sen. J. D. Vance at 4 p.m. on Oct. 23 in the U.S. Capitol."),
            ["Mr. Putin met Gen. Lee and Sen. J. D. Vance at 4 p.m. on Oct. 23 in the U.S. Capitol."]
        );
        assert_eq!(
            sents("He lives in the U.S. The rest is history."),
            ["He lives in the U.S.", "The rest is history."]
        );
    }

    #[test]
    fn paragraph_breaks_split_headlines() {
        let text = "Summit Remains a Possibility\n\nThe president deferred a meeting\n\nTalks went on.";
        assert_eq!(
            sents(text),
            ["Summit Remains a Possibility", "The president deferred a meeting", "Talks went on."]
        );
        let wire = "Showers continued in\nthe zone, officials said\n    The dry period means delays";
        assert_eq!(
            sents(wire),
            ["Showers continued in\nthe zone, officials said", "The dry period means delays"]
        );
    }

    #[test]
    fn paragraphs_are_numbered() {
        let text = "Headline\n\nOne. Two.\n\nThree.";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut out = Vec::new();
        split_sentences(text, &tokens, &mut out);
        let paras: Vec<u32> = out.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2]);
    }
}
