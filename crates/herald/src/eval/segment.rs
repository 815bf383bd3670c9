//! Segmentation scoring, as in the CoNLL 2018 shared task: rebuild the raw text of a treebank,
//! segment it, and match predicted tokens and sentences to gold ones by their offsets.

use super::{Prf, match_spans};
use crate::conllu::ConlluSentence;
use crate::doc::Doc;

/// A treebank's raw text with its gold token and sentence spans (bytes).
#[derive(Clone, Debug, Default)]
pub struct GoldText {
    /// Sentences joined by a space, paragraphs and documents by a blank line.
    pub text: String,
    /// Written tokens (multiword tokens count once).
    pub tokens: Vec<(u32, u32)>,
    /// Sentences.
    pub sentences: Vec<(u32, u32)>,
    /// Tokens whose form could not be found in the `# text` line (not counted as gold).
    pub unaligned: usize,
}

/// Rebuilds the raw text of `sentences` from their `# text` lines (or their tokens where a
/// sentence has none) and aligns each written token to it.
pub fn gold_text(sentences: &[ConlluSentence]) -> GoldText {
    let mut gold = GoldText::default();
    for (k, sent) in sentences.iter().enumerate() {
        if k > 0 {
            gold.text.push_str(if sent.new_doc || sent.new_par { "\n\n" } else { " " });
        }
        let written = sent.written();
        let base = gold.text.len();
        match &sent.text {
            Some(t) => gold.text.push_str(t),
            None => {
                for w in &written {
                    gold.text.push_str(w.form);
                    if w.space_after {
                        gold.text.push(' ');
                    }
                }
            }
        }
        let sent_text = &gold.text[base..];
        let mut pos = 0;
        let mut first = None;
        let mut last = 0;
        for w in &written {
            let rest = &sent_text[pos..];
            let skip = rest.len() - rest.trim_start().len();
            let at = if rest[skip..].starts_with(w.form) {
                Some(pos + skip)
            } else {
                rest.find(w.form).map(|f| pos + f)
            };
            match at {
                Some(at) if !w.form.is_empty() => {
                    let (s, e) = ((base + at) as u32, (base + at + w.form.len()) as u32);
                    gold.tokens.push((s, e));
                    first.get_or_insert(s);
                    last = e;
                    pos = at + w.form.len();
                }
                _ => gold.unaligned += 1,
            }
        }
        if let Some(first) = first {
            gold.sentences.push((first, last));
        }
    }
    gold
}

/// Token and sentence scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SegmentScore {
    /// Written tokens.
    pub tokens: Prf,
    /// Sentences.
    pub sentences: Prf,
}

/// Scores `doc`, herald's segmentation of `gold.text`, against the gold spans.
pub fn score(gold: &GoldText, doc: &Doc) -> SegmentScore {
    let mut tokens = Vec::with_capacity(doc.tokens.len());
    let mut start = None;
    for t in &doc.tokens {
        let s = *start.get_or_insert(t.span.start());
        if !t.fuses_next {
            tokens.push((s, t.span.end()));
            start = None;
        }
    }
    let sentences: Vec<(u32, u32)> = doc.sentences.iter().map(|s| (s.span.start(), s.span.end())).collect();
    SegmentScore {
        tokens: match_spans(&gold.tokens, &tokens),
        sentences: match_spans(&gold.sentences, &sentences),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, Pipeline, conllu};

    #[test]
    fn perfect_segmentation_scores_100() {
        let sample = "# newpar\n# text = I don't know.\n\
1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# text = Me neither\n1\tMe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tneither\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let (sents, _) = conllu::parse(sample);
        let gold = gold_text(&sents);
        assert_eq!(gold.text, "I don't know. Me neither");
        assert_eq!(gold.tokens.len(), 6);
        let doc = Pipeline::new().annotate(gold.text.clone(), Meta::default());
        let s = score(&gold, &doc);
        assert_eq!(s.tokens, Prf { correct: 6, predicted: 6, gold: 6 });
        assert_eq!(s.sentences.f1(), 100.0);
    }

    #[test]
    fn prf_counts() {
        let p = match_spans(&[(0, 1), (2, 3), (4, 5)], &[(0, 1), (2, 4), (4, 5), (6, 7)]);
        assert_eq!(p, Prf { correct: 2, predicted: 4, gold: 3 });
        assert!((p.f1() - 100.0 * 4.0 / 7.0).abs() < 1e-9);
    }
}
