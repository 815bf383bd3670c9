//! Scoring against gold standards. Each scorer is pure: it takes parsed gold data and herald's
//! output and returns figures; the CLI reads files and prints.

pub mod coref;
pub mod parse;
pub mod quotes;
pub mod segment;
pub mod timex;

/// Counts for precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predicted items that match a gold item.
    pub correct: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision in percent (100 when nothing was predicted and nothing was expected).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted, self.gold == 0)
    }

    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold, self.predicted == 0)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// The harmonic mean of a precision and a recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    let (p, r) = (precision, recall);
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn ratio(num: usize, den: usize, vacuous: bool) -> f64 {
    match den {
        0 if vacuous => 100.0,
        0 => 0.0,
        _ => 100.0 * num as f64 / den as f64,
    }
}

/// Counts exact matches between two sorted lists of `(start, end)` spans.
pub fn match_spans(gold: &[(u32, u32)], predicted: &[(u32, u32)]) -> Prf {
    let (mut i, mut j, mut correct) = (0, 0, 0);
    while i < gold.len() && j < predicted.len() {
        match gold[i].cmp(&predicted[j]) {
            std::cmp::Ordering::Equal => {
                correct += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    Prf { correct, predicted: predicted.len(), gold: gold.len() }
}
