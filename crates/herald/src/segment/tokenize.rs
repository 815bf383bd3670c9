//! The tokenizer: text → words with byte spans, following UD English EWT conventions.
//!
//! The text is cut into chunks at white space (and control or zero-width characters); each chunk
//! loses its leading openers (`(“$`) and trailing closers and punctuation (`”),.%`), keeps URLs,
//! e-mail addresses, numbers (`1,000.50`, `4:30`) and abbreviations (`U.S.`, `Mr.`) whole, splits
//! inner punctuation (`and/or`, `Putin-Trump`, `word—word`) and finally splits clitics (`do|n't`,
//! `Russia|’s`), marking the pieces as one written token ([`Token::fuses_next`]), as UD's
//! multiword tokens do.

use super::lexicon::{self, Abbrev};
use crate::doc::Token;
use crate::span::Span;

/// Tokenizes `text` into `out` (cleared first). Spans are ordered, non-overlapping and lie on
/// character boundaries; separators (white space, control and zero-width characters) are never
/// inside a token.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut scanner = Scanner { text, out, tail: Vec::new() };
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut pending: Option<(usize, usize)> = None;
    while i < bytes.len() {
        let (sep, width) = separator_at(text, i);
        if sep {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        while i < bytes.len() {
            // ASCII printable bytes are never separators: skip them without decoding.
            let b = bytes[i];
            if b > b' ' && b < 0x7F {
                i += 1;
                continue;
            }
            let (sep, width) = separator_at(text, i);
            if sep {
                break;
            }
            i += width;
        }
        if let Some((s, e)) = pending {
            scanner.chunk(s, e, text[start..].chars().next());
        }
        pending = Some((start, i));
    }
    if let Some((s, e)) = pending {
        scanner.chunk(s, e, None);
    }
    for k in 0..out.len() {
        let next = out.get(k + 1).map_or(text.len(), |t| t.span.start() as usize);
        out[k].space_after = next > out[k].span.end() as usize;
    }
}

/// Whether the character at byte `i` separates tokens, and its width in bytes.
#[inline]
fn separator_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b <= b' ' || b == 0x7F, 1);
    }
    match text[i..].chars().next() {
        Some(c) => (
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFD}' | '\u{2028}' | '\u{2029}'
                ),
            c.len_utf8(),
        ),
        None => (true, 1),
    }
}

struct Scanner<'a> {
    text: &'a str,
    out: &'a mut Vec<Token>,
    /// Trailing pieces of the current chunk, last first.
    tail: Vec<(usize, usize)>,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.push(Token { span: Span::from_scan(start, end), space_after: true, fuses_next: false });
        }
    }

    fn chunk(&mut self, start: usize, end: usize, next: Option<char>) {
        let text = self.text;
        let s = &text[start..end];
        // Plain words (most of any text): no punctuation, so only "cannot"/"gonna" can split.
        if s.bytes().all(|b| b.is_ascii_alphanumeric()) && fused_word(s.as_bytes()).is_none() {
            self.push(start, end);
            return;
        }
        if matches!(s.as_bytes()[0], b':' | b';' | b'<') && EMOTICONS.contains(&s) {
            self.push(start, end);
            return;
        }
        let (mut lo, mut hi) = (start, end);
        lo = self.strip_leading(lo, hi);
        if lo < hi && is_url_or_email(&text[lo..hi]) {
            let cut = lo + url_end(&text[lo..hi]);
            self.push(lo, cut);
            for (i, c) in text[cut..hi].char_indices() {
                self.push(cut + i, cut + i + c.len_utf8());
            }
            return;
        }
        self.tail.clear();
        hi = self.strip_trailing(lo, hi, next);
        self.middle(lo, hi);
        while let Some((s, e)) = self.tail.pop() {
            self.push(s, e);
        }
    }

    /// Emits leading openers, currency signs and dashes; returns where the rest begins.
    fn strip_leading(&mut self, mut lo: usize, hi: usize) -> usize {
        let text = self.text;
        while lo < hi {
            let rest = &text[lo..hi];
            let Some(c) = rest.chars().next() else { break };
            let w = c.len_utf8();
            let len = match c {
                '\'' | '’' | '‘' if keeps_leading_apostrophe(&rest[w..]) => break,
                '(' | '[' | '{' | '"' | '“' | '‘' | '«' | '‹' | '„' | '¿' | '¡' | '`' | '\'' | '’' | '<' => {
                    w
                }
                '$' | '£' | '€' | '¥' if rest.len() > w => w,
                '—' | '–' | '…' => w,
                '-' | '.' => {
                    let run = rest.bytes().take_while(|&b| b == c as u8).count();
                    if run >= 2 { run } else { break }
                }
                _ => break,
            };
            self.push(lo, lo + len);
            lo += len;
        }
        lo
    }

    /// Records trailing closers and punctuation in `self.tail`; returns where they begin.
    fn strip_trailing(&mut self, lo: usize, mut hi: usize, next: Option<char>) -> usize {
        let text = self.text;
        while lo < hi {
            let rest = &text[lo..hi];
            let Some(c) = rest.chars().next_back() else { break };
            let w = c.len_utf8();
            let len = match c {
                ')' | ']' | '}' | '"' | '”' | '’' | '\'' | '»' | '›' | '>' | ',' | ';' | ':' | '…' | '%' => {
                    w
                }
                '!' | '?' => rest.bytes().rev().take_while(|b| matches!(b, b'!' | b'?' | b'.')).count(),
                '.' => {
                    let run = rest.bytes().rev().take_while(|&b| b == b'.').count();
                    if run >= 2 || run == rest.len() {
                        run
                    } else if keeps_period(&rest[..rest.len() - 1], next) {
                        break;
                    } else {
                        1
                    }
                }
                '-' => {
                    let run = rest.bytes().rev().take_while(|&b| b == b'-').count();
                    if run >= 2 { run } else { break }
                }
                _ => break,
            };
            self.tail.push((hi - len, hi));
            hi -= len;
        }
        hi
    }

    /// Splits the chunk's core at inner punctuation, then each word at its clitic.
    fn middle(&mut self, lo: usize, hi: usize) {
        let s = &self.text[lo..hi];
        let bytes = s.as_bytes();
        let mut piece = 0;
        let mut i = 0;
        while i < s.len() {
            let Some(c) = s[i..].chars().next() else { break };
            let w = c.len_utf8();
            let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            let next = s[i + w..].chars().next();
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let split = match c {
                '—' | '–' | '…' | '"' | '“' | '”' | '„' | '(' | ')' | '[' | ']' | '{' | '}' | ';' | '!'
                | '?' | '«' | '»' => w,
                '.' if next == Some('.') => bytes[i..].iter().take_while(|&&b| b == b'.').count(),
                '-' if next == Some('-') => bytes[i..].iter().take_while(|&&b| b == b'-').count(),
                '-' if !hyphen_joins(last_part(&s[piece..i]), next) => 1,
                ',' | ':' if !(prev_digit && next_digit) => 1,
                '/' if !slash_joins(last_part(&s[piece..i]), &s[i + w..]) => 1,
                '&' if !amp_joins(&s[piece..i], &s[i + w..]) => 1,
                _ => 0,
            };
            if split > 0 {
                self.word(lo + piece, lo + i);
                self.push(lo + i, lo + i + split);
                i += split;
                piece = i;
            } else {
                i += w;
            }
        }
        self.word(lo + piece, hi);
    }

    /// Emits one word, split at its clitic if it has one.
    fn word(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match clitic_split(&self.text[start..end]) {
            Some(at) => {
                self.push(start, start + at);
                if let Some(last) = self.out.last_mut() {
                    last.fuses_next = true;
                }
                self.push(start + at, end);
            }
            None => self.push(start, end),
        }
    }
}

/// Emoticons written as one chunk stay one token.
const EMOTICONS: &[&str] =
    &[":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":/", ":'(", "<3"];

/// True when an apostrophe at the start of a chunk belongs to the word: `'90s`, a lone `'s`.
fn keeps_leading_apostrophe(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 2 {
        return true;
    }
    let letters: String =
        rest.chars().take_while(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    let after = rest[letters.len()..].chars().next();
    matches!(letters.as_str(), "s" | "m" | "d" | "re" | "ve" | "ll" | "em")
        && !after.is_some_and(char::is_alphanumeric)
}

/// True when the final period of `stem.` belongs to an abbreviation. `next` is the first
/// character of the next chunk (for `No. 5`).
fn keeps_period(stem: &str, next: Option<char>) -> bool {
    let last = stem.rsplit(['-', '/']).next().unwrap_or(stem);
    match lexicon::abbreviation(last) {
        Some(Abbrev::BeforeNumber) => next.is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
        None => false,
    }
}

/// Where a clitic begins in `word`, if the word has one: `don't` → 2 (`do|n't`), `can't` → 2
/// (`ca|n't`), `Russia’s` → 6, `cannot` → 3, `gonna` → 3.
pub(crate) fn clitic_split(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    if let Some(at) = fused_word(b) {
        return Some(at);
    }
    // Every clitic ends in an ASCII letter after an apostrophe: skip words without one.
    if n < 3 || b[n - 1] >= 0x80 || !b.iter().any(|&c| c == b'\'' || c == 0x99) {
        return None;
    }
    for apos in ["'", "’"] {
        let a = apos.len();
        // n't
        if n > a + 2
            && eq_ci(&b[n - 1..], b"t")
            && word.is_char_boundary(n - 1 - a)
            && &word[n - 1 - a..n - 1] == apos
            && eq_ci(&b[n - 2 - a..n - 1 - a], b"n")
        {
            let at = n - 2 - a;
            return (at > 0).then_some(at);
        }
        for clitic in [&b"s"[..], b"m", b"d", b"re", b"ve", b"ll"] {
            let k = clitic.len();
            if n <= k + a || !eq_ci(&b[n - k..], clitic) || !word.is_char_boundary(n - k - a) {
                continue;
            }
            if &word[n - k - a..n - k] == apos {
                let at = n - k - a;
                let stem_ok = word[..at].chars().next_back().is_some_and(char::is_alphanumeric);
                return stem_ok.then_some(at);
            }
        }
    }
    None
}

/// `cannot`, `gonna`, `wanna`, `gotta`: written as one word, two in UD (`can|not`).
#[inline]
fn fused_word(b: &[u8]) -> Option<usize> {
    let candidate = (b.len() == 5 || b.len() == 6) && matches!(b[0] | 0x20, b'c' | b'g' | b'w');
    (candidate && [&b"cannot"[..], b"gonna", b"wanna", b"gotta"].iter().any(|w| eq_ci(b, w))).then_some(3)
}

fn eq_ci(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The part of a word after its last joining hyphen or slash (`853` in `713-853`).
fn last_part(word: &str) -> &str {
    word.rsplit(['-', '/']).next().unwrap_or(word)
}

/// Hyphens join prefixes (`non-profit`, `e-mail`) and digits (`713-853-3989`); others split.
fn hyphen_joins(left: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return true };
    if left.is_empty() {
        return true;
    }
    if left.bytes().all(|b| b.is_ascii_digit()) && next.is_ascii_digit() {
        return true;
    }
    lexicon::is_hyphen_prefix(left)
}

/// Slashes join numbers (`9/11`, `10/23/2025`) and single letters (`w/`, `I/O`); `and/or` splits.
fn slash_joins(left: &str, right: &str) -> bool {
    let right_word: &str = &right[..right.find(|c: char| !c.is_alphanumeric()).unwrap_or(right.len())];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(left) && digits(right_word)) || left.chars().count() <= 1 || right_word.chars().count() <= 1
}

/// Ampersands join short capitals (`AT&T`, `S&P`); `stop&go` splits.
fn amp_joins(left: &str, right: &str) -> bool {
    let caps = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
    let right_word = &right[..right.find(|c: char| !c.is_alphanumeric()).unwrap_or(right.len())];
    caps(left) && caps(right_word)
}

fn is_url_or_email(s: &str) -> bool {
    let lower_starts =
        |p: &str| s.len() > p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if lower_starts("http://") || lower_starts("https://") || lower_starts("www.") || lower_starts("mailto:")
    {
        return true;
    }
    if s.contains("://") {
        return true;
    }
    let core = &s[..url_end(s)];
    match core.find('@') {
        Some(at) if at > 0 => {
            let domain = &core[at + 1..];
            let dot = domain.find('.').is_some_and(|d| d > 0 && d + 1 < domain.len());
            dot && core.bytes().all(|b| b.is_ascii_alphanumeric() || b"._%+-@'".contains(&b))
        }
        _ => false,
    }
}

/// Where a URL or address ends: before trailing sentence punctuation and closing quotes.
fn url_end(s: &str) -> usize {
    s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’', '>', '»']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    fn check(text: &str, want: &str) {
        assert_eq!(toks(text).join(" "), want, "tokenizing {text:?}");
    }

    #[test]
    fn clitics_split_and_fuse() {
        check("I don't know; she can't, won't.", "I do n't know ; she ca n't , wo n't .");
        check("Russia’s economy and Bush's plan", "Russia ’s economy and Bush 's plan");
        check("We cannot go, I'm sure they're gonna", "We can not go , I 'm sure they 're gon na");
        check("O'Neill's deal; rock'n'roll", "O'Neill 's deal ; rock'n'roll");
        let mut out = Vec::new();
        tokenize("don't stop", &mut out);
        assert!(out[0].fuses_next && !out[0].space_after);
        assert!(!out[1].fuses_next && out[1].space_after);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        check(
            "Mr. Smith met Gen. Lee in the U.S. on Jan. 5.",
            "Mr. Smith met Gen. Lee in the U.S. on Jan. 5 .",
        );
        check("at 4 p.m. (e.g. today), George W. Bush", "at 4 p.m. ( e.g. today ) , George W. Bush");
        check("the answer is no. No. 5 won.", "the answer is no . No. 5 won .");
        check("U.S.-led talks, Russia-U.S. ties", "U.S. - led talks , Russia - U.S. ties");
    }

    #[test]
    fn numbers_money_times() {
        check("$1,000.50 or 3.5% at 4:30, €20", "$ 1,000.50 or 3.5 % at 4:30 , € 20");
        check("call 713-853-3989 on 10/23/2025", "call 713-853-3989 on 10/23/2025");
        check("the '90s and 1990s", "the '90s and 1990s");
    }

    #[test]
    fn urls_emails_hashtags() {
        check(
            "See https://example.com/a?b=1, mail a.b@example.org. #MeToo @user",
            "See https://example.com/a?b=1 , mail a.b@example.org . #MeToo @user",
        );
        check("(www.bbc.co.uk)", "( www.bbc.co.uk )");
    }

    #[test]
    fn quotes_dashes_ellipses() {
        check("“Hostile action,” he said.", "“ Hostile action , ” he said .");
        check("\"No,\" she said -- 'never'.", "\" No , \" she said -- ' never ' .");
        check("essential… and war—again... Yes", "essential … and war — again ... Yes");
        check(
            "Putin-Trump summit and/or non-profit e-mail",
            "Putin - Trump summit and / or non-profit e-mail",
        );
        check("AT&T and stop&go", "AT&T and stop & go");
        check("What?! Really...?", "What ?! Really ...?");
        check("great :) see you :-(", "great :) see you :-(");
    }

    #[test]
    fn separators_are_never_inside_tokens() {
        check("a\u{0}b\tc\r\nd\u{200B}e\u{FEFF}f\u{A0}g", "a b c d e f g");
        check("", "");
        check("   \n\n ", "");
    }
}
