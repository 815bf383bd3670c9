//! Named-entity files: Universal NER's IOB2 "CoNLL-like" format (`index<TAB>token<TAB>tag…`,
//! `#` comments) and CoNLL-2003 (`token POS chunk tag`, `-DOCSTART-` lines, IOB1 or IOB2).
//! Tags come back as IOB2. Parsing is from a `&str`; malformed lines are reported and skipped.

use crate::conllu::ConlluError;

/// One sentence: tokens and their IOB2 tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IobSentence {
    /// Tokens.
    pub tokens: Vec<String>,
    /// IOB2 tags (`O`, `B-PER`, `I-PER`, …).
    pub tags: Vec<String>,
    /// The lines of the sentence as read (for writing predictions back in the same format).
    pub lines: Vec<String>,
}

/// Which column layout a file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IobFormat {
    /// Universal NER: index, token, tag, … (tab-separated).
    Uner,
    /// CoNLL-2003: token, POS, chunk, tag (space-separated).
    Conll2003,
}

/// Parses a file; IOB1 tags (CoNLL-2003) are converted to IOB2.
pub fn parse(input: &str, format: IobFormat) -> (Vec<IobSentence>, Vec<ConlluError>) {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let mut cur = IobSentence::default();
    for (n, raw) in input.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') && format == IobFormat::Uner {
            continue;
        }
        let cols: Vec<&str> = match format {
            IobFormat::Uner => line.split('\t').collect(),
            IobFormat::Conll2003 => line.split_whitespace().collect(),
        };
        let (token, tag) = match (format, cols.len()) {
            (IobFormat::Uner, n) if n >= 3 => (cols[1], cols[2]),
            (IobFormat::Conll2003, n) if n >= 2 => (cols[0], cols[n - 1]),
            _ => {
                errors
                    .push(ConlluError { line: n + 1, message: format!("expected more columns in {line:?}") });
                continue;
            }
        };
        let tag = if tag == "O" || tag.starts_with("B-") || tag.starts_with("I-") { tag } else { "O" };
        cur.tokens.push(token.to_string());
        cur.tags.push(tag.to_string());
        cur.lines.push(line.to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    for s in &mut out {
        to_iob2(&mut s.tags);
    }
    (out, errors)
}

/// Rewrites IOB1 (`I-` may begin an entity) as IOB2 (every entity begins with `B-`).
pub fn to_iob2(tags: &mut [String]) {
    let mut prev = String::from("O");
    for t in tags.iter_mut() {
        if let Some(kind) = t.strip_prefix("I-") {
            let continues = prev.strip_prefix("B-").or_else(|| prev.strip_prefix("I-")) == Some(kind);
            if !continues {
                *t = format!("B-{kind}");
            }
        }
        prev = t.clone();
    }
}

/// The entities of a tag sequence: `(start, end, type)` with `end` exclusive.
pub fn entities(tags: &[impl AsRef<str>]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let continues = t.strip_prefix("I-").is_some_and(|k| open.as_ref().is_some_and(|(_, o)| o == k));
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k));
        }
        if let Some(k) = t.strip_prefix("B-").or_else(|| t.strip_prefix("I-")) {
            open = Some((i, k.to_string()));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

/// A one-sentence document's entity mentions as IOB2 tags, one per token: PER, ORG, LOC (GPE
/// counts as LOC, as Universal NER and CoNLL-2003 annotate it); nationalities, descriptions and
/// pronouns are not named entities; a mention overlapping an earlier one is left out.
pub fn tags_of(doc: &crate::Doc) -> Vec<String> {
    use crate::layers::MentionKind;
    let mut tags = vec!["O".to_string(); doc.tokens.len()];
    for m in &doc.mentions {
        let kind = match m.kind {
            MentionKind::Person => "PER",
            MentionKind::Org => "ORG",
            MentionKind::Loc | MentionKind::Gpe => "LOC",
            MentionKind::Norp | MentionKind::Role | MentionKind::Pronoun => continue,
        };
        let range = doc.token_range(m.span);
        if range.clone().any(|i| tags[i] != "O") {
            continue;
        }
        for i in range.clone() {
            tags[i] = format!("{}-{kind}", if i == range.start { "B" } else { "I" });
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_formats() {
        let uner = "# sent_id = 1\n1\tPutin\tB-PER\t-\t-\n2\tmet\tO\t-\t-\n3\tTrump\tB-PER\t-\t-\n\n";
        let (s, e) = parse(uner, IobFormat::Uner);
        assert!(e.is_empty());
        assert_eq!(entities(&s[0].tags), [(0, 1, "PER".to_string()), (2, 3, "PER".to_string())]);
        // IOB1 in CoNLL-2003: I- begins an entity unless it continues one of the same type.
        let conll = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n\n";
        let (s, _) = parse(conll, IobFormat::Conll2003);
        assert_eq!(s[0].tags, ["B-ORG", "O", "B-MISC", "O"]);
    }
}
