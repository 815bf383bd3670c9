//! Attribution scores against PolNeAR (brat standoff: Source, Cue and Content spans joined by an
//! `Attribution` relation): content spans exact and by overlap, cues by overlap, and source
//! accuracy — the share of overlap-matched contents whose predicted source overlaps the gold one.
//!
//! Offsets are characters (Unicode scalar values), as brat writes them. Matching is one-to-one
//! and greedy, in two rounds: first each predicted attribution, in text order, takes the
//! unmatched gold attribution whose content it overlaps most *among those whose cue it also
//! overlaps* (so nested attributions pair with their own cues); then the predictions left take
//! the unmatched gold content they overlap most.

use super::Prf;
use crate::doc::Doc;
use crate::layers::QuoteKind;
use crate::span::{CharIndex, Span};

/// Character ranges, end exclusive; a discontinuous span has several.
pub type Segments = Vec<(u32, u32)>;

/// One attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// What was said.
    pub content: Segments,
    /// Who said it (empty if not annotated or not found).
    pub source: Segments,
    /// The cue.
    pub cue: Segments,
}

/// Whether a PolNeAR article is in herald's fixed dev split: the FNV-1a hash of its name (the
/// file name without extension) is 0 modulo 5 — about a fifth of the articles.
pub fn is_dev_article(name: &str) -> bool {
    let hash = name
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    hash.is_multiple_of(5)
}

/// A brat line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads a brat `.ann` file: `T` lines (`T3<TAB>Cue 444 460<TAB>text`, discontinuous as
/// `a b;c d`) and `E` lines joining them (`E1<TAB>Attribution:T5 Content:T4 Cue:T3 Source:T2`).
pub fn parse_brat(ann: &str) -> (Vec<Attribution>, Vec<AnnError>) {
    let mut spans: std::collections::HashMap<&str, Segments> = std::collections::HashMap::new();
    let mut relations = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                errors.push(AnnError { line: n + 1, message: format!("no offsets in {body:?}") });
                continue;
            };
            let mut segs = Vec::new();
            for r in ranges.split(';') {
                let mut it = r.split_whitespace().map(str::parse::<u32>);
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b => segs.push((a, b)),
                    _ => errors.push(AnnError { line: n + 1, message: format!("bad offsets {r:?}") }),
                }
            }
            spans.insert(id, segs);
        } else if id.starts_with('E') {
            relations.push((n + 1, body));
        }
    }
    let mut out = Vec::new();
    for (line, body) in relations {
        let mut a = Attribution::default();
        for arg in body.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else { continue };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let Some(segs) = spans.get(t) else {
                errors.push(AnnError { line, message: format!("{t} is not defined") });
                continue;
            };
            match role {
                "Content" => a.content.extend(segs),
                "Source" => a.source.extend(segs),
                "Cue" => a.cue.extend(segs),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    (out, errors)
}

/// The figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteScore {
    /// Contents with exactly the gold extent (edges trimmed of spaces and punctuation).
    pub content_exact: Prf,
    /// Contents that overlap a gold content.
    pub content_overlap: Prf,
    /// Cues that overlap a gold cue.
    pub cue: Prf,
    /// Overlap-matched contents whose gold attribution has a source.
    pub sourced: usize,
    /// Of those, the ones whose predicted source overlaps the gold source.
    pub source_correct: usize,
}

impl QuoteScore {
    /// Source accuracy in percent.
    pub fn source_accuracy(&self) -> f64 {
        if self.sourced == 0 { 0.0 } else { 100.0 * self.source_correct as f64 / self.sourced as f64 }
    }

    /// Adds another document's counts.
    pub fn add(&mut self, o: &QuoteScore) {
        for (a, b) in [
            (&mut self.content_exact, o.content_exact),
            (&mut self.content_overlap, o.content_overlap),
            (&mut self.cue, o.cue),
        ] {
            a.correct += b.correct;
            a.predicted += b.predicted;
            a.gold += b.gold;
        }
        self.sourced += o.sourced;
        self.source_correct += o.source_correct;
    }
}

fn overlap(a: &Segments, b: &Segments) -> u32 {
    let mut n = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            n += e1.min(e2).saturating_sub(s1.max(s2));
        }
    }
    n
}

/// The extent of a span with spaces and punctuation trimmed off both ends.
fn extent(text: &[char], segs: &Segments) -> Option<(u32, u32)> {
    let (mut a, mut b) = (segs.iter().map(|s| s.0).min()?, segs.iter().map(|s| s.1).max()?);
    let skip = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’«»…—–".contains(c);
    while a < b && text.get(a as usize).is_some_and(|&c| skip(c)) {
        a += 1;
    }
    while b > a && text.get(b as usize - 1).is_some_and(|&c| skip(c)) {
        b -= 1;
    }
    Some((a, b))
}

/// Scores one document; `text` is its characters.
pub fn score(text: &[char], gold: &[Attribution], predicted: &[Attribution]) -> QuoteScore {
    let mut s = QuoteScore::default();
    s.content_overlap.gold = gold.len();
    s.content_overlap.predicted = predicted.len();
    s.content_exact.gold = gold.len();
    s.content_exact.predicted = predicted.len();
    let mut taken = vec![false; gold.len()];
    let mut exact_taken = vec![false; gold.len()];
    let mut matched = vec![false; predicted.len()];
    for same_cue in [true, false] {
        for (pi, p) in predicted.iter().enumerate() {
            if matched[pi] {
                continue;
            }
            let best = (0..gold.len())
                .filter(|&g| !taken[g] && (!same_cue || overlap(&p.cue, &gold[g].cue) > 0))
                .map(|g| (g, overlap(&p.content, &gold[g].content)))
                .filter(|&(_, o)| o > 0)
                .max_by_key(|&(g, o)| (o, std::cmp::Reverse(g)));
            if let Some((g, _)) = best {
                taken[g] = true;
                matched[pi] = true;
                s.content_overlap.correct += 1;
                if !gold[g].source.is_empty() {
                    s.sourced += 1;
                    s.source_correct += usize::from(overlap(&p.source, &gold[g].source) > 0);
                }
            }
        }
    }
    for p in predicted {
        let pe = extent(text, &p.content);
        if let Some(g) =
            (0..gold.len()).find(|&g| !exact_taken[g] && pe.is_some() && extent(text, &gold[g].content) == pe)
        {
            exact_taken[g] = true;
            s.content_exact.correct += 1;
        }
    }
    let gold_cues: Vec<&Segments> = gold.iter().map(|g| &g.cue).filter(|c| !c.is_empty()).collect();
    let pred_cues: Vec<&Segments> = predicted.iter().map(|p| &p.cue).filter(|c| !c.is_empty()).collect();
    s.cue.gold = gold_cues.len();
    s.cue.predicted = pred_cues.len();
    let mut cue_taken = vec![false; gold_cues.len()];
    for p in pred_cues {
        if let Some(g) = (0..gold_cues.len()).find(|&g| !cue_taken[g] && overlap(p, gold_cues[g]) > 0) {
            cue_taken[g] = true;
            s.cue.correct += 1;
        }
    }
    s
}

/// herald's quotes as attributions in character offsets, the way PolNeAR counts them: a partial
/// quote inside a mixed one is part of it, and a quote that continues a speaker's run without a
/// cue of its own (“…,” she said. “…”), or that shares its cue with the quote before (“…,” she
/// said, “…”), is another segment of the same attribution.
pub fn attributions_of(doc: &Doc) -> Vec<Attribution> {
    let idx = CharIndex::new(&doc.text);
    let seg = |s: Option<Span>| -> Segments { s.map(|s| vec![idx.chars(s)]).unwrap_or_default() };
    let inside_mixed = |s: Span| doc.quotes.iter().any(|o| o.kind == QuoteKind::Mixed && o.span.overlaps(s));
    let mut out: Vec<Attribution> = Vec::new();
    let mut last: Option<(usize, Option<u32>, u32)> = None;
    let mut last_cue: Option<Span> = None;
    for q in doc.quotes.iter().filter(|q| !(q.kind == QuoteKind::Partial && inside_mixed(q.span))) {
        let source =
            q.source.or_else(|| q.speaker_mention.and_then(|m| doc.mentions.get(m as usize)).map(|m| m.span));
        let run = q.cue.is_none()
            && q.speaker.is_some()
            && last.is_some_and(|(_, sp, end)| {
                sp == q.speaker && q.span.start() >= end && q.span.start() - end < 400
            });
        let shared_cue = q.cue.is_some() && q.cue == last_cue;
        let continues = run || shared_cue;
        if q.cue.is_some() {
            last_cue = q.cue;
        }
        match (continues, last) {
            (true, Some((i, _, _))) => out[i].content.extend(seg(Some(q.span))),
            _ => {
                out.push(Attribution { content: seg(Some(q.span)), source: seg(source), cue: seg(q.cue) });
            }
        }
        if !continues {
            last = Some((out.len() - 1, q.speaker, q.span.end()));
        } else if let Some(l) = last.as_mut() {
            l.2 = q.span.end();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 7\tBrafman\nT2\tCue 8 12\tsaid\nT3\tContent 14 40;45 50\t…\n\
                       T4\tAttribution 8 12\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                       T5\tCue x y\tbad\nE2\tAttribution:T9 Content:T9\n";

    #[test]
    fn reads_brat_attributions_and_reports_bad_lines() {
        let (gold, errors) = parse_brat(ANN);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].content, vec![(14, 40), (45, 50)]);
        assert_eq!(gold[0].source, vec![(0, 7)]);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [6, 7, 7]);
    }

    #[test]
    fn overlap_exact_cue_and_source() {
        let text: Vec<char> =
            "Brafman said, “The zeal was uncharacteristic,” and more text here.".chars().collect();
        let gold = vec![Attribution { content: vec![(14, 46)], source: vec![(0, 7)], cue: vec![(8, 12)] }];
        let exact = Attribution { content: vec![(15, 44)], source: vec![(0, 7)], cue: vec![(8, 12)] };
        let s = score(&text, &gold, &[exact]);
        assert_eq!((s.content_exact.correct, s.content_overlap.correct, s.cue.correct), (1, 1, 1));
        assert_eq!((s.sourced, s.source_correct), (1, 1));
        let wrong_source = Attribution { content: vec![(20, 30)], source: vec![(50, 55)], cue: vec![] };
        let s = score(&text, &gold, &[wrong_source]);
        assert_eq!((s.content_exact.correct, s.content_overlap.correct, s.source_correct), (0, 1, 0));
    }
}
