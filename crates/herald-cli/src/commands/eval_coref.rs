//! `herald eval coref --conllu FILE`: coreference against CorefUD (`Entity=` brackets in MISC,
//! as GUM ships them). herald reads each document from its gold words and sentences; people,
//! organizations and places are scored (see `herald::eval::coref`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use herald::eval::coref::{CorefScore, LinkScore, PRONOUN_GROUPS, PronounCounts, read_corefud, score};
use herald::{Meta, Pipeline, conllu};

use super::Outcome;

pub fn run(path: &Path) -> Result<Outcome> {
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, errors) = conllu::parse(&data);
    for e in &errors {
        eprintln!("herald: warning: {}: {e}", path.display());
    }
    let (docs, warnings) = read_corefud(&sentences);
    for w in &warnings {
        eprintln!("herald: warning: {}: line {w}", path.display());
    }
    if docs.iter().all(|d| d.mentions.is_empty()) {
        bail!("{}: no Entity= annotations (is it CorefUD?)", path.display());
    }
    let pipeline = Pipeline::new();
    let mut total = CorefScore::default();
    let mut by_genre: BTreeMap<String, CorefScore> = BTreeMap::new();
    for gold in &docs {
        let words = gold.words();
        let slices: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        let doc = pipeline.annotate_sentences(&slices, Meta::default());
        let s = score(gold, &doc);
        total.add(&s);
        by_genre.entry(genre(&gold.id)).or_default().add(&s);
    }
    println!(
        "coref eval: {} ({} documents; people, organizations and places; no singletons)",
        path.display(),
        docs.len()
    );
    println!("{:12} {:>8} {:>8} {:>8} {:>8} {:>8}", "", "MUC", "B3", "CEAFe", "CoNLL", "entities");
    let row = |name: &str, s: &CorefScore| {
        println!(
            "{:12} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>4}/{:<4}",
            name,
            s.muc.f1(),
            s.b3.f1(),
            s.ceafe.f1(),
            s.conll(),
            s.herald_entities,
            s.gold_entities
        );
    };
    for (g, s) in &by_genre {
        row(g, s);
    }
    row("overall", &total);
    let pr = |name: &str, l: &LinkScore| {
        println!("  {name:6} precision {:6.2}  recall {:6.2}", l.precision(), l.recall());
    };
    pr("MUC", &total.muc);
    pr("B3", &total.b3);
    pr("CEAFe", &total.ceafe);
    println!(
        "third-person pronouns after a name or description of their entity: put with it / elsewhere / unresolved"
    );
    let mut all = PronounCounts::default();
    for ((name, _), c) in PRONOUN_GROUPS.iter().zip(&total.pronouns) {
        pronoun_row(name, c);
        all.total += c.total;
        all.right += c.right;
        all.unresolved += c.unresolved;
    }
    pronoun_row("all", &all);
    Ok(Outcome::Ok)
}

fn pronoun_row(name: &str, c: &PronounCounts) {
    let pct = |n: usize| if c.total == 0 { 0.0 } else { 100.0 * n as f64 / c.total as f64 };
    let wrong = c.total - c.right - c.unresolved;
    println!(
        "  {name:5} {:>4}: {:6.2}% / {:6.2}% / {:6.2}%",
        c.total,
        pct(c.right),
        pct(wrong),
        pct(c.unresolved)
    );
}

/// GUM's genre from a sentence id such as `GUM_news_iodine-3`; other ids count as `all`.
fn genre(id: &str) -> String {
    id.strip_prefix("GUM_").and_then(|r| r.split('_').next()).unwrap_or("all").to_string()
}
