//! `herald eval petrarch FILE.xml`: the PETRARCH validation records, coded by herald's own
//! pipeline (not the file's parse) with the dictionaries next to the file (or `--dictionaries`),
//! scored the way UD-PETRARCH's validation reports: the share of records fully correct (the set
//! of codings equals the expected set; `noevents` expects none), of expected codings missed, and
//! of extra codings. Only records with `evaluate="true"` in the categories the file's
//! `<Include>` lists are scored.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use herald::{Date, Meta, Pipeline};

use super::Outcome;

/// One validation record.
#[derive(Debug, Default)]
struct Record {
    id: String,
    category: String,
    date: Option<Date>,
    evaluate: bool,
    /// (source, target, code) expected.
    expected: Vec<(String, String, String)>,
    text: String,
}

/// The value of `name="…"` in a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn records(xml: &str) -> (Vec<Record>, Vec<String>) {
    let include: Vec<String> = xml
        .split_once("<Include>")
        .and_then(|(_, r)| r.split_once("</Include>"))
        .map(|(i, _)| i.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for block in xml.split("<Sentence ").skip(1) {
        let Some((tag, body)) = block.split_once('>') else { continue };
        let body = body.split("</Sentence>").next().unwrap_or("");
        let date = attr(tag, "date").and_then(|d| {
            let (y, m, dd) =
                (d.get(..4)?.parse().ok()?, d.get(4..6)?.parse().ok()?, d.get(6..8)?.parse().ok()?);
            Date::new(y, m, dd)
        });
        let mut r = Record {
            id: attr(tag, "id").unwrap_or_default(),
            category: attr(tag, "category").unwrap_or_default(),
            date,
            evaluate: attr(tag, "evaluate").is_some_and(|e| e.eq_ignore_ascii_case("true")),
            ..Record::default()
        };
        for coding in body.split("<EventCoding").skip(1) {
            let tag = coding.split("/>").next().unwrap_or("");
            if let (Some(s), Some(t), Some(c)) =
                (attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode"))
            {
                r.expected.push((s, t, c));
            }
        }
        r.text = body
            .split_once("<Text>")
            .and_then(|(_, t)| t.split_once("</Text>"))
            .map(|(t, _)| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        out.push(r);
    }
    (out, include)
}

#[derive(Default, Clone, Copy)]
struct Tally {
    records: usize,
    correct: usize,
    expected: usize,
    missed: usize,
    predicted: usize,
    extra: usize,
}

pub fn run(file: &Path, dictionaries: Option<&Path>, write: Option<&Path>) -> Result<Outcome> {
    let xml = fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let dir =
        dictionaries.map_or_else(|| file.parent().unwrap_or(Path::new(".")).to_path_buf(), Path::to_path_buf);
    let lexicons = crate::dictionaries::load(&dir)?;
    let pipeline = Pipeline::new().with_lexicons(&lexicons);
    let (records, include) = records(&xml);
    let mut by_category: BTreeMap<String, Tally> = BTreeMap::new();
    let mut out = Vec::new();
    for r in records.iter().filter(|r| r.evaluate && (include.is_empty() || include.contains(&r.category))) {
        let doc = pipeline
            .annotate(r.text.clone(), Meta { id: r.id.clone(), published: r.date, ..Meta::default() });
        let mut predicted: Vec<(String, String, String)> = doc
            .events
            .iter()
            .map(|e| {
                let code = |a: &Option<herald::layers::EventActor>| {
                    a.as_ref().map_or_else(String::new, |a| a.code.clone())
                };
                (code(&e.source), code(&e.target), e.code.clone())
            })
            .collect();
        predicted.sort();
        predicted.dedup();
        let mut expected = r.expected.clone();
        expected.sort();
        expected.dedup();
        let t = by_category.entry(r.category.clone()).or_default();
        t.records += 1;
        t.correct += usize::from(predicted == expected);
        t.expected += expected.len();
        t.missed += expected.iter().filter(|e| !predicted.contains(e)).count();
        t.predicted += predicted.len();
        t.extra += predicted.iter().filter(|p| !expected.contains(p)).count();
        let events: Vec<serde_json::Value> = predicted
            .iter()
            .map(|(s, t, c)| serde_json::json!({"source": s, "target": t, "code": c}))
            .collect();
        out.push(serde_json::json!({"id": r.id, "events": events}));
    }
    if let Some(w) = write {
        let mut f = fs::File::create(w).with_context(|| format!("creating {}", w.display()))?;
        for line in &out {
            writeln!(f, "{line}")?;
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!("petrarch eval: {} ({} records scored)", file.display(), out.len());
    println!("{:<12} {:>8} {:>9} {:>9} {:>9}", "category", "records", "correct%", "missed%", "extra%");
    let mut all = Tally::default();
    for (cat, t) in &by_category {
        println!(
            "{cat:<12} {:>8} {:>9.1} {:>9.1} {:>9.1}",
            t.records,
            pct(t.correct, t.records),
            pct(t.missed, t.expected),
            pct(t.extra, t.predicted)
        );
        all.records += t.records;
        all.correct += t.correct;
        all.expected += t.expected;
        all.missed += t.missed;
        all.predicted += t.predicted;
        all.extra += t.extra;
    }
    println!(
        "{:<12} {:>8} {:>9.1} {:>9.1} {:>9.1}",
        "overall",
        all.records,
        pct(all.correct, all.records),
        pct(all.missed, all.expected),
        pct(all.extra, all.predicted)
    );
    println!("(missed%: of expected codings; extra%: of predicted codings)");
    Ok(Outcome::Ok)
}
