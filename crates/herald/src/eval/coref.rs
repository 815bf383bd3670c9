//! Coreference scoring against CorefUD: CoNLL-U whose MISC column brackets mentions with
//! `Entity=(id-etype-…` and `id)`, as GUM ships it. Figures are the standard link metrics MUC,
//! B³ and CEAFe and their mean (the CoNLL-2012 score), plus how often a third-person pronoun is
//! put with the right antecedent.
//!
//! Only the kinds of entity herald resolves are scored: people, organizations and places (GUM's
//! `person`, `organization`, `place`). As in CoNLL-2012, singletons are left out on both sides.
//! A herald mention stands for the gold mention with the same words, else for the smallest gold
//! mention that contains it and whose head word (by the gold tree) it holds ("Trump" for
//! "President Donald Trump", "Rezwan" for "Rezwan from Bangladesh"): the head match of the
//! CorefUD scorer.

use std::collections::HashMap;

use crate::conllu::ConlluSentence;
use crate::doc::Doc;

/// The entity types scored.
pub const ETYPES: &[&str] = &["person", "organization", "place"];

/// One gold mention: words `start..end` of its document (counting across sentences).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The head word: the first whose syntactic head lies outside the mention (the last word
    /// when the mention crosses sentences).
    pub head: usize,
    /// The entity (cluster) identifier.
    pub entity: String,
    /// The entity type (`person`, `place`, …).
    pub etype: String,
}

/// One gold document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// The first sentence's `# sent_id` (GUM's start with the document name: `GUM_news_iodine-1`).
    pub id: String,
    /// Words per sentence.
    pub sentences: Vec<Vec<String>>,
    /// Every mention, in order of its first word.
    pub mentions: Vec<GoldMention>,
}

impl GoldDoc {
    /// The sentences as word slices, for [`crate::Pipeline::annotate_sentences`].
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences.iter().map(|s| s.iter().map(String::as_str).collect()).collect()
    }
}

/// Splits CoNLL-U sentences into documents at `# newdoc` and reads their `Entity=` brackets.
/// Brackets that do not close are reported (`line: message`) and dropped.
pub fn read_corefud(sentences: &[ConlluSentence]) -> (Vec<GoldDoc>, Vec<String>) {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut warnings = Vec::new();
    // Open mentions: (entity id, etype, first word, line).
    let mut open: Vec<(String, String, usize, usize)> = Vec::new();
    let mut offset = 0;
    for s in sentences {
        if s.new_doc || docs.is_empty() {
            flush_open(&mut open, &mut warnings);
            docs.push(GoldDoc { id: s.id.clone().unwrap_or_default(), ..GoldDoc::default() });
            offset = 0;
        }
        let Some(doc) = docs.last_mut() else { continue };
        doc.sentences.push(s.words.iter().map(|w| w.form.clone()).collect());
        for (k, w) in s.words.iter().enumerate() {
            let Some(value) = w.misc.split('|').find_map(|m| m.strip_prefix("Entity=")) else { continue };
            for event in brackets(value) {
                match event {
                    Bracket::Open { id, etype, closes } if closes => doc.mentions.push(GoldMention {
                        start: offset + k,
                        end: offset + k + 1,
                        head: offset + k,
                        entity: id.to_string(),
                        etype: etype.to_string(),
                    }),
                    Bracket::Open { id, etype, .. } => {
                        open.push((id.to_string(), etype.to_string(), offset + k, s.line))
                    }
                    Bracket::Close { id } => match open.iter().rposition(|o| o.0 == id) {
                        Some(at) => {
                            let (entity, etype, start, _) = open.remove(at);
                            let end = offset + k + 1;
                            let head = head_of(s, offset, start, end).unwrap_or(end - 1);
                            doc.mentions.push(GoldMention { start, end, head, entity, etype });
                        }
                        None => warnings.push(format!("{}: Entity {id}) closes nothing", s.line)),
                    },
                }
            }
        }
        offset += s.words.len();
    }
    flush_open(&mut open, &mut warnings);
    for d in &mut docs {
        d.mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    (docs, warnings)
}

/// The first word of `start..end` (document positions; sentence `s` starts at `offset`) whose
/// head lies outside it, if the mention lies within the sentence.
fn head_of(s: &ConlluSentence, offset: usize, start: usize, end: usize) -> Option<usize> {
    let first = start.checked_sub(offset)?;
    let words = s.words.get(first..end - offset)?;
    let inside = |id: u32| (first + 1..=end - offset).contains(&(id as usize));
    words.iter().position(|w| w.head.is_none_or(|h| !inside(h))).map(|k| start + k)
}

fn flush_open(open: &mut Vec<(String, String, usize, usize)>, warnings: &mut Vec<String>) {
    for (id, _, _, line) in open.drain(..) {
        warnings.push(format!("{line}: Entity ({id} never closes"));
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Bracket<'a> {
    Open { id: &'a str, etype: &'a str, closes: bool },
    Close { id: &'a str },
}

/// The bracket events of one `Entity=` value, in order: `(7-abstract-new(3-place-giv)` opens 7
/// and opens and closes 3; `7)6)` closes 7 then 6.
fn brackets(value: &str) -> Vec<Bracket<'_>> {
    let mut out = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let end = after.find(['(', ')']).unwrap_or(after.len());
            let body = &after[..end];
            let mut fields = body.split('-');
            let id = fields.next().unwrap_or("");
            let etype = fields.next().unwrap_or("");
            let closes = after[end..].starts_with(')');
            out.push(Bracket::Open { id, etype, closes });
            rest = &after[end + usize::from(closes)..];
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            let id = &rest[..end];
            if !id.is_empty() && end < rest.len() {
                out.push(Bracket::Close { id });
            }
            rest = &rest[(end + 1).min(rest.len())..];
        }
    }
    out
}

/// Numerators and denominators of one metric, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LinkScore {
    /// Recall numerator.
    pub recall_num: f64,
    /// Recall denominator.
    pub recall_den: f64,
    /// Precision numerator.
    pub precision_num: f64,
    /// Precision denominator.
    pub precision_den: f64,
}

impl LinkScore {
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        percent(self.recall_num, self.recall_den)
    }

    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        percent(self.precision_num, self.precision_den)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        super::f1(self.precision(), self.recall())
    }

    fn add(&mut self, other: LinkScore) {
        self.recall_num += other.recall_num;
        self.recall_den += other.recall_den;
        self.precision_num += other.precision_num;
        self.precision_den += other.precision_den;
    }
}

fn percent(num: f64, den: f64) -> f64 {
    if den == 0.0 { 0.0 } else { 100.0 * num / den }
}

/// The figures of a set of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CorefScore {
    /// Link-based MUC.
    pub muc: LinkScore,
    /// Mention-based B³.
    pub b3: LinkScore,
    /// Entity-based CEAF (φ4 similarity).
    pub ceafe: LinkScore,
    /// Gold third-person pronouns after a name or description of their entity, by group
    /// ([`PRONOUN_GROUPS`]): how many, how many herald put in an entity with one of those names
    /// or descriptions, and how many it left out of every entity.
    pub pronouns: [PronounCounts; 4],
    /// Gold entities scored (non-singleton people, organizations and places).
    pub gold_entities: usize,
    /// Herald entities scored (with two mentions or more).
    pub herald_entities: usize,
}

impl CorefScore {
    /// The CoNLL-2012 score: the mean of the three F1s.
    pub fn conll(&self) -> f64 {
        (self.muc.f1() + self.b3.f1() + self.ceafe.f1()) / 3.0
    }

    /// Adds another document's figures.
    pub fn add(&mut self, other: &CorefScore) {
        self.muc.add(other.muc);
        self.b3.add(other.b3);
        self.ceafe.add(other.ceafe);
        for (a, b) in self.pronouns.iter_mut().zip(&other.pronouns) {
            a.total += b.total;
            a.right += b.right;
            a.unresolved += b.unresolved;
        }
        self.gold_entities += other.gold_entities;
        self.herald_entities += other.herald_entities;
    }
}

/// Resolution counts of one group of pronouns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PronounCounts {
    /// Gold pronouns after a name or description of their entity.
    pub total: usize,
    /// Put in an entity with a name or description of their gold entity that comes before them.
    pub right: usize,
    /// Left out of every entity.
    pub unresolved: usize,
}

/// The third-person pronouns scored, by group: masculine, feminine, neuter, plural.
pub const PRONOUN_GROUPS: [(&str, &[&str]); 4] = [
    ("he", &["he", "him", "his", "himself"]),
    ("she", &["she", "her", "hers", "herself"]),
    ("it", &["it", "its", "itself"]),
    ("they", &["they", "them", "their", "theirs", "themselves"]),
];

/// Whether a lowercase word is a personal, possessive or reflexive pronoun.
fn is_pronoun(w: &str) -> bool {
    const OTHERS: &[&str] = &[
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
    ];
    OTHERS.contains(&w) || PRONOUN_GROUPS.iter().any(|(_, forms)| forms.contains(&w))
}

/// Scores herald's entities in `doc` (made from `gold`'s words, one token per word) against
/// `gold`.
pub fn score(gold: &GoldDoc, doc: &Doc) -> CorefScore {
    // Gold mentions of the scored types, and their entities with two mentions or more.
    let scored: Vec<usize> =
        (0..gold.mentions.len()).filter(|&k| ETYPES.contains(&gold.mentions[k].etype.as_str())).collect();
    let mut by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    for &k in &scored {
        by_entity.entry(gold.mentions[k].entity.as_str()).or_default().push(k);
    }
    let mut key: Vec<Vec<usize>> = by_entity.into_values().filter(|c| c.len() > 1).collect();
    key.sort();

    // Herald's mentions as gold mention ids; unmatched ones get ids past the gold ones.
    let mut fresh = gold.mentions.len();
    let mut taken = vec![false; gold.mentions.len()];
    let mut aligned: Vec<usize> = Vec::with_capacity(doc.mentions.len());
    for m in &doc.mentions {
        let range = doc.token_range(m.span);
        let id = align(gold, &range, &taken).unwrap_or_else(|| {
            fresh += 1;
            fresh - 1
        });
        if id < taken.len() {
            taken[id] = true;
        }
        aligned.push(id);
    }
    let mut response: Vec<Vec<usize>> = doc
        .entities
        .iter()
        .map(|e| e.mentions.iter().filter_map(|&m| aligned.get(m as usize).copied()).collect::<Vec<_>>())
        .filter(|c| c.len() > 1)
        .collect();
    for c in &mut response {
        c.sort_unstable();
        c.dedup();
    }

    let mut out = CorefScore {
        muc: muc(&key, &response),
        b3: b_cubed(&key, &response),
        ceafe: ceafe(&key, &response),
        gold_entities: key.len(),
        herald_entities: response.len(),
        ..CorefScore::default()
    };
    pronoun_figures(gold, doc, &key, &aligned, &mut out);
    out
}

/// The gold mention a herald mention over words `range` stands for.
fn align(gold: &GoldDoc, range: &std::ops::Range<usize>, taken: &[bool]) -> Option<usize> {
    let free = |k: &usize| !taken[*k];
    let exact = (0..gold.mentions.len())
        .filter(free)
        .find(|&k| gold.mentions[k].start == range.start && gold.mentions[k].end == range.end);
    exact.or_else(|| {
        (0..gold.mentions.len())
            .filter(free)
            .filter(|&k| {
                let g = &gold.mentions[k];
                g.start <= range.start && range.end <= g.end && range.contains(&g.head)
            })
            .min_by_key(|&k| gold.mentions[k].end - gold.mentions[k].start)
    })
}

fn pronoun_figures(gold: &GoldDoc, doc: &Doc, key: &[Vec<usize>], aligned: &[usize], out: &mut CorefScore) {
    let herald_entity: HashMap<usize, Option<u32>> =
        aligned.iter().zip(&doc.mentions).map(|(&g, m)| (g, m.entity)).collect();
    let words: Vec<String> = gold.sentences.iter().flatten().map(|w| w.to_lowercase()).collect();
    let word = |g: &GoldMention| words.get(g.start).map_or("", String::as_str);
    // A name or description (not a pronoun): what a pronoun must be resolved to.
    let named = |k: &usize| {
        let g = &gold.mentions[*k];
        g.end > g.start + 1 || !is_pronoun(word(g))
    };
    for cluster in key {
        for (i, &k) in cluster.iter().enumerate() {
            let m = &gold.mentions[k];
            let group = PRONOUN_GROUPS.iter().position(|(_, forms)| forms.contains(&word(m)));
            let antecedents: Vec<usize> = cluster[..i].iter().copied().filter(named).collect();
            let (Some(group), true) = (group, m.end == m.start + 1 && !antecedents.is_empty()) else {
                continue;
            };
            let counts = &mut out.pronouns[group];
            counts.total += 1;
            match herald_entity.get(&k).copied().flatten() {
                None => counts.unresolved += 1,
                Some(e) if antecedents.iter().any(|b| herald_entity.get(b).copied().flatten() == Some(e)) => {
                    counts.right += 1
                }
                Some(_) => {}
            }
        }
    }
}

/// The cluster of `clusters` holding `m`.
fn cluster_of(clusters: &[Vec<usize>]) -> HashMap<usize, usize> {
    clusters.iter().enumerate().flat_map(|(c, ms)| ms.iter().map(move |&m| (m, c))).collect()
}

/// MUC (Vilain et al. 1995): for each key entity, its size less the number of parts the
/// response splits it into, over its size less one; precision the other way round.
pub fn muc(key: &[Vec<usize>], response: &[Vec<usize>]) -> LinkScore {
    let side = |a: &[Vec<usize>], b: &[Vec<usize>]| {
        let of = cluster_of(b);
        let (mut num, mut den) = (0.0, 0.0);
        for c in a {
            let mut parts: Vec<Option<usize>> = Vec::new();
            let mut singles = 0;
            for m in c {
                match of.get(m) {
                    Some(&p) if !parts.contains(&Some(p)) => parts.push(Some(p)),
                    Some(_) => {}
                    None => singles += 1,
                }
            }
            num += (c.len() - parts.len() - singles) as f64;
            den += (c.len() - 1) as f64;
        }
        (num, den)
    };
    let (recall_num, recall_den) = side(key, response);
    let (precision_num, precision_den) = side(response, key);
    LinkScore { recall_num, recall_den, precision_num, precision_den }
}

/// B³ (Bagga and Baldwin 1998): per mention, the share of its key entity that its response
/// entity holds (a mention outside every response entity stands alone); precision the other way.
pub fn b_cubed(key: &[Vec<usize>], response: &[Vec<usize>]) -> LinkScore {
    let side = |a: &[Vec<usize>], b: &[Vec<usize>]| {
        let of = cluster_of(b);
        let (mut num, mut den) = (0.0, 0.0);
        for c in a {
            for m in c {
                let overlap = match of.get(m) {
                    Some(&p) => b[p].iter().filter(|x| c.contains(x)).count(),
                    None => 1,
                };
                num += overlap as f64 / c.len() as f64;
                den += 1.0;
            }
        }
        (num, den)
    };
    let (recall_num, recall_den) = side(key, response);
    let (precision_num, precision_den) = side(response, key);
    LinkScore { recall_num, recall_den, precision_num, precision_den }
}

/// CEAFe (Luo 2005): the best one-to-one pairing of key and response entities under
/// φ4 = 2|K∩R| / (|K| + |R|); recall divides its total by the key entities, precision by the
/// response entities.
pub fn ceafe(key: &[Vec<usize>], response: &[Vec<usize>]) -> LinkScore {
    let sim: Vec<Vec<f64>> = key
        .iter()
        .map(|k| {
            response
                .iter()
                .map(|r| {
                    let common = r.iter().filter(|m| k.contains(m)).count();
                    2.0 * common as f64 / (k.len() + r.len()) as f64
                })
                .collect()
        })
        .collect();
    let total = best_assignment(&sim);
    LinkScore {
        recall_num: total,
        recall_den: key.len() as f64,
        precision_num: total,
        precision_den: response.len() as f64,
    }
}

/// The largest total of a one-to-one assignment of rows to columns (Hungarian method on the
/// square matrix padded with zeros, O(n³)).
fn best_assignment(sim: &[Vec<f64>]) -> f64 {
    let rows = sim.len();
    let cols = sim.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    let cost = |i: usize, j: usize| -> f64 { -sim.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0) };
    // Potentials u (rows), v (columns); way[j]: previous column on the augmenting path;
    // p[j]: row matched to column j (1-based, 0 = none).
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let (mut p, mut way) = (vec![0usize; n + 1], vec![0usize; n + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if used[j] {
                    continue;
                }
                let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n).filter(|&j| p[j] > 0).map(|j| -cost(p[j] - 1, j - 1)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_open_close_and_nest() {
        let b = brackets("(7-abstract-new-nnnss-cf6-2-coref(3-place-giv:act-sssss-cf1-1-coref)");
        assert_eq!(
            b,
            vec![
                Bracket::Open { id: "7", etype: "abstract", closes: false },
                Bracket::Open { id: "3", etype: "place", closes: true },
            ]
        );
        assert_eq!(brackets("7)6)"), vec![Bracket::Close { id: "7" }, Bracket::Close { id: "6" }]);
    }

    fn sentence(lines: &[&str]) -> String {
        lines.iter().map(|l| l.replace(' ', "\t") + "\n").collect::<String>() + "\n"
    }

    #[test]
    fn documents_mentions_and_heads_are_read_from_entity_brackets() {
        let text = String::from("# newdoc id = GUM_news_a\n# sent_id = GUM_news_a-1\n")
            + &sentence(&[
                "1 President president NOUN NN _ 3 compound _ Entity=(1-person-new-1-coref",
                "2 Donald Donald PROPN NNP _ 3 flat _ _",
                "3 Trump Trump PROPN NNP _ 4 nsubj _ Entity=1)",
                "4 met meet VERB VBD _ 0 root _ _",
                "5 him he PRON PRP _ 4 obj _ Entity=(2-person-giv-1-coref)",
            ])
            + "# newdoc id = GUM_news_b\n# sent_id = GUM_news_b-1\n"
            + &sentence(&[
                "1 It it PRON PRP _ 2 nsubj _ Entity=(3-abstract-new-1-sgl)",
                "2 rained rain VERB VBD _ 0 root _ _",
            ]);
        let (sentences, errors) = crate::conllu::parse(&text);
        assert!(errors.is_empty(), "{errors:?}");
        let (docs, warnings) = read_corefud(&sentences);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(docs.len(), 2);
        let trump = &docs[0].mentions[0];
        assert_eq!((trump.start, trump.end, trump.head, trump.etype.as_str()), (0, 3, 2, "person"));
        assert_eq!((docs[0].mentions[1].start, docs[0].mentions[1].entity.as_str()), (4, "2"));
        assert_eq!(docs[1].mentions[0].etype, "abstract");
        // A bracket that never closes is reported, not kept.
        let broken = sentence(&["1 Trump Trump PROPN NNP _ 0 root _ Entity=(1-person-new"]);
        let (docs, warnings) = read_corefud(&crate::conllu::parse(&broken).0);
        assert!(docs[0].mentions.is_empty() && warnings.len() == 1, "{warnings:?}");
    }

    #[test]
    fn metrics_match_the_textbook_example() {
        // Key {a b c d e} {f g}; response {a b} {c d} {f g h i} (Pradhan et al. 2014, fig. 1).
        let key = vec![vec![0, 1, 2, 3, 4], vec![5, 6]];
        let response = vec![vec![0, 1], vec![2, 3], vec![5, 6, 7, 8]];
        let m = muc(&key, &response);
        assert_eq!((m.recall_num, m.recall_den, m.precision_num, m.precision_den), (3.0, 5.0, 3.0, 5.0));
        let b = b_cubed(&key, &response);
        assert!(
            (b.recall() - 100.0 * (2.0 * 2.0 / 5.0 + 2.0 * 2.0 / 5.0 + 1.0 / 5.0 + 2.0) / 7.0).abs() < 1e-9
        );
        // h and i are in no key entity: each stands alone.
        assert!((b.precision() - 100.0 * (4.0 + 2.0 * 2.0 / 4.0 + 2.0 * 1.0 / 4.0) / 8.0).abs() < 1e-9);
        // Best pairing: {a..e}-{a b} (4/7) and {f g}-{f g h i} (4/6).
        let c = ceafe(&key, &response);
        assert!((c.recall_num - (4.0 / 7.0 + 4.0 / 6.0)).abs() < 1e-9);
        assert_eq!((c.recall_den, c.precision_den), (2.0, 3.0));
    }

    #[test]
    fn perfect_response_scores_100() {
        let key = vec![vec![0, 2, 4], vec![1, 3]];
        let s = CorefScore {
            muc: muc(&key, &key),
            b3: b_cubed(&key, &key),
            ceafe: ceafe(&key, &key),
            ..CorefScore::default()
        };
        assert!((s.conll() - 100.0).abs() < 1e-9);
    }
}
