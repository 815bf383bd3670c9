//! Plain-text renderings of layers, one line per record, for golden tests, debugging and bug
//! reports. Each rendering is stable: change it only together with the golden files.

use std::fmt::Write;

use crate::doc::Doc;

/// One line per sentence: `paragraph  start..end  tokens`, tokens separated by spaces and the
/// parts of a multiword token joined by `|` (`do|n't`).
pub fn sentences(doc: &Doc) -> String {
    let mut out = String::new();
    for s in &doc.sentences {
        let mut line = String::new();
        for i in s.tokens() {
            line.push_str(doc.form(i));
            let fused = doc.tokens.get(i).is_some_and(|t| t.fuses_next);
            if i + 1 < s.token_end as usize {
                line.push(if fused { '|' } else { ' ' });
            }
        }
        let _ = writeln!(out, "{}\t{}\t{}", s.paragraph, s.span, line);
    }
    out
}
