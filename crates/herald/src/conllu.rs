//! CoNLL-U (Universal Dependencies) reading: sentences, words, multiword tokens and the comments
//! herald uses (`# text`, `# newdoc`, `# newpar`, `# sent_id`). Parsing is from a `&str`; the
//! caller reads the file. Malformed lines are reported with their line number and skipped.

use std::fmt;

/// One syntactic word (a line with an integer ID).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Word {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root; `None` when the column is `_`.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl Word {
    /// True unless MISC says `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multiword token: a range line `first-last` with the written form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Multiword {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

/// One sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// `# sent_id`.
    pub id: Option<String>,
    /// `# text`.
    pub text: Option<String>,
    /// A `# newdoc` comment precedes the sentence.
    pub new_doc: bool,
    /// A `# newpar` comment precedes the sentence.
    pub new_par: bool,
    /// Words, in order.
    pub words: Vec<Word>,
    /// Multiword tokens, in order.
    pub multiwords: Vec<Multiword>,
    /// Line number (1-based) of the sentence's first line.
    pub line: usize,
}

/// A written token: a multiword token or a word outside any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written<'a> {
    /// The form as written.
    pub form: &'a str,
    /// White space follows.
    pub space_after: bool,
}

impl ConlluSentence {
    /// The written tokens: multiword tokens replace the words they cover.
    pub fn written(&self) -> Vec<Written<'_>> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut mwts = self.multiwords.iter().peekable();
        let mut skip_to = 0;
        for w in &self.words {
            if w.id <= skip_to {
                continue;
            }
            if let Some(m) = mwts.next_if(|m| m.first == w.id) {
                let space_after = !m.misc.split('|').any(|x| x == "SpaceAfter=No");
                out.push(Written { form: &m.form, space_after });
                skip_to = m.last;
            } else {
                out.push(Written { form: &w.form, space_after: w.space_after() });
            }
        }
        out
    }
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses CoNLL-U text. Empty nodes (`8.1`) are skipped; malformed lines become errors.
pub fn parse(input: &str) -> (Vec<ConlluSentence>, Vec<ConlluError>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut cur = ConlluSentence::default();
    let mut started = false;
    for (n, raw) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if started {
                sentences.push(std::mem::take(&mut cur));
                started = false;
            }
            continue;
        }
        if !started {
            cur.line = line_no;
            started = true;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(v) = comment.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            } else if let Some(v) = comment.strip_prefix("sent_id =") {
                cur.id = Some(v.trim().to_string());
            } else if comment.starts_with("newdoc") {
                cur.new_doc = true;
            } else if comment.starts_with("newpar") {
                cur.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            errors.push(ConlluError {
                line: line_no,
                message: format!("expected 10 columns, found {}", cols.len()),
            });
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            match (a.parse(), b.parse()) {
                (Ok(first), Ok(last)) => cur.multiwords.push(Multiword {
                    first,
                    last,
                    form: cols[1].to_string(),
                    misc: cols[9].to_string(),
                }),
                _ => errors.push(ConlluError { line: line_no, message: format!("bad range id {id:?}") }),
            }
            continue;
        }
        let Ok(id) = id.parse() else {
            errors.push(ConlluError { line: line_no, message: format!("bad id {id:?}") });
            continue;
        };
        let head = if cols[6] == "_" { None } else { cols[6].parse().ok() };
        cur.words.push(Word {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        sentences.push(cur);
    }
    (sentences, errors)
}

/// Appends `sentence` in CoNLL-U with the predicted columns (UPOS, XPOS, LEMMA, HEAD, DEPREL)
/// replacing the gold ones; comments, multiword tokens and the other columns are kept.
pub fn write_sentence(
    out: &mut String,
    sentence: &ConlluSentence,
    predicted: &[crate::eval::parse::Predicted],
) {
    use std::fmt::Write;
    if let Some(id) = &sentence.id {
        let _ = writeln!(out, "# sent_id = {id}");
    }
    if let Some(text) = &sentence.text {
        let _ = writeln!(out, "# text = {text}");
    }
    let mut mwts = sentence.multiwords.iter().peekable();
    for (w, p) in sentence.words.iter().zip(predicted) {
        if let Some(m) = mwts.next_if(|m| m.first == w.id) {
            let _ = writeln!(out, "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}", m.first, m.last, m.form, m.misc);
        }
        let lemma = if p.lemma.is_empty() { "_" } else { &p.lemma };
        let deprel = if p.deprel.is_empty() { "_" } else { &p.deprel };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            w.id, w.form, lemma, p.upos, p.xpos, w.feats, p.head, deprel, w.misc
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\nbroken line\n";

    #[test]
    fn reads_words_multiwords_and_comments() {
        let (sents, errors) = parse(SAMPLE);
        assert_eq!(sents.len(), 2);
        let s = &sents[0];
        assert!(s.new_doc && s.new_par);
        assert_eq!(s.text.as_deref(), Some("I don't know."));
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.words[3].head, Some(0));
        let written: Vec<&str> = s.written().iter().map(|w| w.form).collect();
        assert_eq!(written, ["I", "don't", "know", "."]);
        assert!(!s.written()[2].space_after);
        assert_eq!(errors, [ConlluError { line: 12, message: "expected 10 columns, found 1".into() }]);
    }
}
