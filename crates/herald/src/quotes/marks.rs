//! Quote marks: which tokens lie between an opening and a closing mark.
//!
//! Curly (“ ”), guillemets (« »), PTB-style (`` ''), straight (") and doubled-apostrophe ('')
//! double quotes open and close
//! top-level quotes; single quotes (‘ ’) do so only outside double quotes (inside they are
//! nested and belong to the outer quote). A quote still open at the end of a paragraph continues
//! when the next paragraph opens with a mark (the convention for quotes running over several
//! paragraphs), and otherwise ends there — an unbalanced mark never swallows the rest of the
//! article. One linear pass over the tokens.

use crate::doc::Doc;

/// One quoted stretch: its marks and the tokens between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token (`None` when the paragraph ended first).
    pub close: Option<usize>,
    /// The quoted tokens: from after the opening mark to before the closing one.
    pub content: std::ops::Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Toggle,
    SingleOpen,
    SingleClose,
    None,
}

fn mark(form: &str) -> Mark {
    match form {
        "“" | "«" | "„" | "``" => Mark::Open,
        "”" | "»" => Mark::Close,
        // Straight quotes, and the doubled apostrophes some archives use for both marks.
        "\"" | "''" => Mark::Toggle,
        "‘" => Mark::SingleOpen,
        "’" | "'" => Mark::SingleClose,
        _ => Mark::None,
    }
}

/// Every quoted stretch of `doc`, in text order.
pub fn find(doc: &Doc) -> Vec<Marked> {
    let mut out = Vec::new();
    // (opening token, single?, width of the opening mark in tokens) of the quote being read.
    let mut open: Option<(usize, bool, usize)> = None;
    let mut last_paragraph = None;
    let mut prev_token = None;
    let mut skip_next = false;
    for s in &doc.sentences {
        for i in s.tokens() {
            if std::mem::take(&mut skip_next) {
                continue;
            }
            let mut m = mark(doc.form(i));
            let mut width = 1;
            // Two apostrophes written together ('') are one double mark.
            let pair = |j: usize| doc.tokens.get(j).map(|t| t.span);
            if doc.form(i) == "'"
                && doc.form(i + 1) == "'"
                && pair(i).zip(pair(i + 1)).is_some_and(|(a, b)| a.end() == b.start())
            {
                m = Mark::Toggle;
                skip_next = true;
                width = 2;
            }
            let new_paragraph = last_paragraph.is_some_and(|p| p != s.paragraph);
            if let (true, Some((start, single, w)), Some(prev)) = (new_paragraph, open, prev_token) {
                if matches!(m, Mark::Open | Mark::Toggle) && !single {
                    // The quote runs on; this paragraph's opening mark is not a new quote.
                    last_paragraph = Some(s.paragraph);
                    prev_token = Some(i);
                    continue;
                }
                out.push(Marked { open: start, close: None, content: start + w..prev + 1 });
                open = None;
            }
            last_paragraph = Some(s.paragraph);
            prev_token = Some(i);
            match (open, m) {
                (None, Mark::Open | Mark::Toggle) => open = Some((i, false, width)),
                (None, Mark::SingleOpen) => open = Some((i, true, 1)),
                (Some((start, false, w)), Mark::Close | Mark::Toggle)
                | (Some((start, true, w)), Mark::SingleClose) => {
                    // The closing mark's last token ends the quote ('' is two tokens).
                    out.push(Marked { open: start, close: Some(i + width - 1), content: start + w..i });
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let (Some((start, _, w)), Some(prev)) = (open, prev_token) {
        out.push(Marked { open: start, close: None, content: (start + w).min(prev + 1)..prev + 1 });
    }
    out
}
