//! `herald eval quotes --polnear DIR`: quote attribution against PolNeAR (brat standoff).
//!
//! The split is herald's own, fixed by article name: an article is in `dev` when the FNV-1a hash
//! of its file name (without extension) is 0 modulo 5 (about a fifth of the articles), else in
//! `train`. herald's rules were developed looking at `train` only. An article annotated by
//! several annotators is scored against the first annotation file in name order. Publication
//! dates come from `metadata.train.tsv` when present.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use herald::eval::quotes::{Attribution, QuoteScore, Segments, attributions_of, parse_brat, score};
use herald::{Date, Doc, Meta, Pipeline};

use super::Outcome;

/// Which articles to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// herald's development split (hash of the article name ≡ 0 mod 5).
    Dev,
    /// The rest.
    Train,
    /// Every article.
    All,
}

/// Whether article `name` is in `split`.
pub fn in_split(name: &str, split: Split) -> bool {
    let dev = herald::eval::quotes::is_dev_article(name);
    match split {
        Split::Dev => dev,
        Split::Train => !dev,
        Split::All => true,
    }
}

pub fn run(dir: &Path, split: Split, write: Option<&Path>) -> Result<Outcome> {
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let dates = read_dates(&dir.join("metadata.train.tsv"));
    let mut ann_files: Vec<_> = fs::read_dir(&anns)
        .with_context(|| format!("reading {}", anns.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    ann_files.sort();
    // The first annotation of each article.
    let mut by_article: Vec<(String, std::path::PathBuf)> = Vec::new();
    for p in ann_files {
        let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem.clone(), |(a, _)| a.to_string());
        if by_article.last().is_none_or(|(a, _)| *a != article) && in_split(&article, split) {
            by_article.push((article, p));
        }
    }
    if by_article.is_empty() {
        bail!("no annotated articles in {} for this split", anns.display());
    }
    if let Some(w) = write {
        fs::create_dir_all(w).with_context(|| format!("creating {}", w.display()))?;
    }
    let pipeline = Pipeline::new();
    let mut total = QuoteScore::default();
    let started = std::time::Instant::now();
    for (article, ann_path) in &by_article {
        let text_path = texts.join(format!("{article}.txt"));
        let text =
            fs::read_to_string(&text_path).with_context(|| format!("reading {}", text_path.display()))?;
        let ann = fs::read_to_string(ann_path).with_context(|| format!("reading {}", ann_path.display()))?;
        let (gold, errors) = parse_brat(&ann);
        for e in errors.iter().take(3) {
            eprintln!("herald: warning: {}:{}: {}", ann_path.display(), e.line, e.message);
        }
        let meta = Meta { id: article.clone(), published: dates.get(article).copied(), ..Meta::default() };
        let doc = pipeline.annotate(text, meta);
        let predicted = attributions_of(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        total.add(&score(&chars, &gold, &predicted));
        if let Some(w) = write {
            let out = w.join(format!("{article}_herald.ann"));
            fs::write(&out, to_brat(&doc, &predicted))
                .with_context(|| format!("writing {}", out.display()))?;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "quotes eval: {} ({:?} split, {} articles, {secs:.1} s)",
        dir.display(),
        split,
        by_article.len()
    );
    println!("                     precision    recall        F1     gold  predicted");
    for (name, p) in [
        ("content (overlap)", total.content_overlap),
        ("content (exact)", total.content_exact),
        ("cue", total.cue),
    ] {
        println!(
            "{name:<20} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>10}",
            p.precision(),
            p.recall(),
            p.f1(),
            p.gold,
            p.predicted
        );
    }
    println!(
        "source accuracy      {:.2} ({} of {} matched contents with a gold source)",
        total.source_accuracy(),
        total.source_correct,
        total.sourced
    );
    Ok(Outcome::Ok)
}

fn read_dates(path: &Path) -> HashMap<String, Date> {
    let Ok(text) = fs::read_to_string(path) else { return HashMap::new() };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(file), Some(date)) = (col("filename"), col("publication_date")) else { return HashMap::new() };
    lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f.get(file)?.to_string(), Date::parse_iso(f.get(date)?)?))
        })
        .collect()
}

/// The attributions in brat standoff, as PolNeAR writes them.
fn to_brat(doc: &Doc, predicted: &[Attribution]) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let text = |segs: &Segments| -> String {
        segs.iter()
            .map(|&(a, b)| {
                chars.get(a as usize..b as usize).map_or_else(String::new, |c| c.iter().collect::<String>())
            })
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['\n', '\t'], " ")
    };
    let offsets =
        |segs: &Segments| segs.iter().map(|(a, b)| format!("{a} {b}")).collect::<Vec<_>>().join(";");
    let mut out = String::new();
    let (mut t, mut e) = (0, 0);
    for a in predicted {
        let mut args = Vec::new();
        let cue_or_content = if a.cue.is_empty() { &a.content } else { &a.cue };
        t += 1;
        out.push_str(&format!("T{t}\tAttribution {}\t{}\n", offsets(cue_or_content), text(cue_or_content)));
        args.push(format!("Attribution:T{t}"));
        for (role, segs) in [("Content", &a.content), ("Cue", &a.cue), ("Source", &a.source)] {
            if segs.is_empty() {
                continue;
            }
            t += 1;
            out.push_str(&format!("T{t}\t{role} {}\t{}\n", offsets(segs), text(segs)));
            args.push(format!("{role}:T{t}"));
        }
        e += 1;
        out.push_str(&format!("E{e}\t{}\n", args.join(" ")));
    }
    out
}
