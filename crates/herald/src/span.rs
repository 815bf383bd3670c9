//! Byte spans into a document's text, and the conversion to character offsets used at the edges.

use std::fmt;
use std::ops::Range;

/// A half-open range `[start, end)` of **bytes** in a document's UTF-8 text.
///
/// Every annotation in a [`crate::Doc`] points into the text with a `Span`. The constructor checks
/// `start <= end`; [`Span::checked`] also checks that both ends are in bounds and on character
/// boundaries of a given text, so slicing with [`Span::slice`] never panics for spans built that way.
/// Offsets are `u32`: one article is at most 4 GiB (readers cut larger inputs into parts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes). Returns `None` when `start > end`.
    pub fn new(start: u32, end: u32) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// A span from `usize` offsets that must lie in `text` on character boundaries.
    pub fn checked(text: &str, start: usize, end: usize) -> Option<Span> {
        let ok = start <= end && text.is_char_boundary(start) && text.is_char_boundary(end);
        let (start, end) = (u32::try_from(start).ok()?, u32::try_from(end).ok()?);
        if ok { Span::new(start, end) } else { None }
    }

    /// Builds a span inside the core where the caller has established `start <= end` on char
    /// boundaries (scanner positions). Debug builds assert it; release builds clamp.
    pub(crate) fn from_scan(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end}");
        let start = start as u32;
        Span { start, end: (end as u32).max(start) }
    }

    /// First byte.
    pub fn start(self) -> u32 {
        self.start
    }

    /// One past the last byte.
    pub fn end(self) -> u32 {
        self.end
    }

    /// Length in bytes.
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The byte range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span, or `""` when the span does not fit `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets.
///
/// Everything that leaves herald (JSON, database, exports) speaks in character offsets, end
/// exclusive, so that Python's `text[start:end]` gives the span. The index keeps one checkpoint per
/// 64 bytes, so a lookup counts at most 63 bytes; ASCII texts take a shortcut.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let mut chars = 0u32;
            for chunk in text.as_bytes().chunks(STRIDE) {
                checkpoints.push(chars);
                chars += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
            }
        }
        CharIndex { text, ascii, checkpoints }
    }

    /// The character offset of byte offset `byte` (clamped to the text's length). A byte inside a
    /// multi-byte character maps to that character's offset.
    pub fn char_offset(&self, byte: u32) -> u32 {
        let byte = (byte as usize).min(self.text.len());
        if self.ascii {
            return byte as u32;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * STRIDE;
        let extra = self.text.as_bytes()[from..byte].iter().filter(|&&b| !is_continuation(b)).count();
        base + extra as u32
    }

    /// `(start, end)` of `span` in characters.
    pub fn chars(&self, span: Span) -> (u32, u32) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rejects_reversed() {
        assert!(Span::new(3, 2).is_none());
        assert_eq!(Span::new(2, 2).map(Span::len), Some(0));
    }

    #[test]
    fn checked_rejects_non_boundaries() {
        let t = "Kyiv – Київ";
        assert!(Span::checked(t, 0, 4).is_some());
        assert!(Span::checked(t, 0, 6).is_none(), "6 is inside the en dash");
        assert!(Span::checked(t, 0, t.len() + 1).is_none());
    }

    #[test]
    fn char_offsets_match_python_slicing() {
        let t = "“Hostile action,” Putin said — Київ.";
        let idx = CharIndex::new(t);
        let start = t.find("Putin").unwrap();
        let span = Span::checked(t, start, start + "Putin".len()).unwrap();
        let (s, e) = idx.chars(span);
        let chars: Vec<char> = t.chars().collect();
        assert_eq!(chars[s as usize..e as usize].iter().collect::<String>(), "Putin");
        let end = Span::checked(t, t.len(), t.len()).unwrap();
        assert_eq!(idx.chars(end).0 as usize, chars.len());
    }

    #[test]
    fn char_offsets_across_checkpoints() {
        let t = "é".repeat(100) + "x";
        let idx = CharIndex::new(&t);
        assert_eq!(idx.char_offset(200), 100);
        assert_eq!(idx.char_offset(130), 65);
    }
}
