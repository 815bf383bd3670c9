//! Tagging, lemmatization and parsing scores on gold tokenization, as in CoNLL 2018: UPOS, XPOS,
//! LEMMA, UAS and LAS (LAS compares the universal part of the relation, before any `:`).

use crate::conllu::ConlluSentence;
use crate::layers::{Dep, Morph};

/// One word's prediction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Predicted {
    /// Universal tag.
    pub upos: String,
    /// Penn tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Head (1-based within the sentence; 0 for the root).
    pub head: u32,
    /// Relation.
    pub deprel: String,
}

impl Predicted {
    /// The prediction of a word from its morphology and dependency records, with `first` the
    /// index of the sentence's first token (heads become 1-based within the sentence).
    pub fn from_layers(morph: &Morph, dep: Option<&Dep>, first: u32) -> Predicted {
        Predicted {
            upos: morph.upos.as_str().to_string(),
            xpos: morph.xpos.clone(),
            lemma: morph.lemma.clone(),
            head: dep.and_then(|d| d.head).map_or(0, |h| h + 1 - first),
            deprel: dep.map_or_else(String::new, |d| d.rel.clone()),
        }
    }
}

/// Accuracy counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseScore {
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
}

impl ParseScore {
    /// Adds one sentence's predictions (one per gold word, in order).
    pub fn add(&mut self, gold: &ConlluSentence, predicted: &[Predicted]) {
        for (g, p) in gold.words.iter().zip(predicted) {
            self.words += 1;
            self.upos += usize::from(g.upos == p.upos);
            self.xpos += usize::from(g.xpos == p.xpos);
            self.lemma += usize::from(g.lemma == p.lemma);
            let head_ok = g.head == Some(p.head);
            self.uas += usize::from(head_ok);
            self.las += usize::from(head_ok && universal(&g.deprel) == universal(&p.deprel));
        }
        self.words += gold.words.len().saturating_sub(predicted.len());
    }

    /// A count as a percentage of the words.
    pub fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
}

/// The universal part of a UD relation (`nsubj:pass` → `nsubj`).
pub fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn las_uses_the_universal_relation() {
        let (s, _) = conllu::parse(
            "1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n",
        );
        let p = vec![
            Predicted {
                upos: "PRON".into(),
                xpos: "PRP".into(),
                lemma: "it".into(),
                head: 2,
                deprel: "nsubj".into(),
            },
            Predicted {
                upos: "VERB".into(),
                xpos: "VBD".into(),
                lemma: "went".into(),
                head: 0,
                deprel: "root".into(),
            },
        ];
        let mut score = ParseScore::default();
        score.add(&s[0], &p);
        assert_eq!(score, ParseScore { words: 2, upos: 2, xpos: 2, lemma: 1, uas: 2, las: 2 });
    }
}
