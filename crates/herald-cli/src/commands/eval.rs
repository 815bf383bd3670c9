//! `herald eval …`: score a stage against a gold standard in its standard file format.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use herald::eval::Prf;
use herald::eval::parse::{ParseScore, Predicted};
use herald::eval::segment::{gold_text, score};
use herald::{Meta, Pipeline, conllu};

use super::Outcome;

#[derive(Debug, clap::Subcommand)]
pub enum Eval {
    /// Named entities against Universal NER (`--iob2`) or CoNLL-2003 (`--conll2003`): per-type and
    /// overall entity P/R/F1 on the given tokens.
    Ner {
        /// Universal NER IOB2 file.
        #[arg(long, value_name = "FILE", conflicts_with = "conll2003")]
        iob2: Option<PathBuf>,
        /// CoNLL-2003 file (token POS chunk tag; IOB1 or IOB2).
        #[arg(long, value_name = "FILE")]
        conll2003: Option<PathBuf>,
        /// Write the file back with the predicted tags in the last column.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        /// Score the statistical recognizer alone, not herald's entities (recognizer + lexicons:
        /// gazetteer places, dictionary actors, titles cut off names, repeated surnames).
        #[arg(long)]
        recognizer_only: bool,
    },
    /// Time expressions against TimeML (TempEval-3 figures); gold TIMEX3 tags are stripped first.
    Timex {
        /// A TimeML file or a folder of them (searched recursively for `.tml`).
        #[arg(long, value_name = "PATH")]
        timeml: PathBuf,
        /// Write herald's TimeML for each document into this folder.
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Quote attribution against PolNeAR (brat standoff): content exact and overlap P/R/F1, cue
    /// F1, source accuracy, on herald's fixed split of `polnear_train` (see `eval_quotes.rs`).
    Quotes {
        /// PolNeAR folder with `text/` and `attributions/`.
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Which articles.
        #[arg(long, value_enum, default_value_t = super::eval_quotes::Split::Dev)]
        split: super::eval_quotes::Split,
        /// Write herald's attributions as brat `.ann` files into this folder.
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Coreference against CorefUD (`Entity=` in MISC, as GUM ships it): MUC, B³, CEAFe and
    /// CoNLL F1 over people, organizations and places, and third-person pronoun resolution.
    Coref {
        /// CorefUD CoNLL-U file.
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
    },
    /// CAMEO event coding against PETRARCH validation records (XML): share of records fully
    /// correct, of expected codings missed, of extra codings.
    Petrarch {
        /// The validation file (`PETR_Validate_records_*.xml`).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Dictionaries to code with (default: the file's folder).
        #[arg(long, value_name = "DIR")]
        dictionaries: Option<PathBuf>,
        /// Write one JSON line per record: `{"id", "events": [{"source", "target", "code"}]}`.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
    },
    /// Tone against human ratings: Pearson correlation of each text's score with its mean rating.
    Tone {
        /// Tab-separated file with a header and columns id, mean_rating, text.
        #[arg(long, value_name = "FILE")]
        tsv: PathBuf,
        #[command(flatten)]
        tuning: ToneTuning,
    },
    /// Tagging, lemmas and dependency parsing on gold tokenization (UPOS, XPOS, LEMMA, UAS, LAS).
    Parse {
        /// Gold CoNLL-U file.
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
        /// Also write the predictions as CoNLL-U.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        /// Use the model files in this directory instead of the embedded ones.
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
        /// Drop weights below this magnitude (stored scale, largest 4095) before evaluating (model-size experiments).
        #[arg(long, hide = true)]
        prune: Option<i16>,
    },
    /// Tokenization and sentence splitting against a CoNLL-U treebank (CoNLL 2018 method).
    Segment {
        /// Gold CoNLL-U file; its `# text` lines are joined into raw text and segmented.
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
    },
}

pub fn run(cmd: &Eval) -> Result<Outcome> {
    match cmd {
        Eval::Segment { conllu: path } => segment(path),
        Eval::Ner { iob2, conll2003, write, recognizer_only } => {
            ner(iob2.as_deref(), conll2003.as_deref(), write.as_deref(), *recognizer_only)
        }
        Eval::Timex { timeml, write } => timex(timeml, write.as_deref()),
        Eval::Tone { tsv, tuning } => tone(tsv, tuning),
        Eval::Petrarch { file, dictionaries, write } => {
            super::eval_petrarch::run(file, dictionaries.as_deref(), write.as_deref())
        }
        Eval::Coref { conllu: path } => super::eval_coref::run(path),
        Eval::Quotes { polnear, split, write } => super::eval_quotes::run(polnear, *split, write.as_deref()),
        Eval::Parse { conllu: path, write, models, prune } => {
            parse(path, write.as_deref(), models.as_deref(), *prune)
        }
    }
}

fn segment(path: &PathBuf) -> Result<Outcome> {
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, errors) = conllu::parse(&data);
    for e in &errors {
        eprintln!("herald: warning: {}: {e}", path.display());
    }
    let gold = gold_text(&sentences);
    let doc = Pipeline::new().annotate(gold.text.clone(), Meta::default());
    let s = score(&gold, &doc);
    println!(
        "segment eval: {} ({} sentences, {} written tokens)",
        path.display(),
        gold.sentences.len(),
        gold.tokens.len()
    );
    if gold.unaligned > 0 {
        println!(
            "  {} gold tokens could not be aligned to their # text line and are not counted",
            gold.unaligned
        );
    }
    println!("{:<10} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
    row("tokens", &s.tokens);
    row("sentences", &s.sentences);
    Ok(Outcome::Ok)
}

fn row(name: &str, p: &Prf) {
    println!("{name:<10} {:>9.2} {:>9.2} {:>9.2}", p.precision(), p.recall(), p.f1());
}

fn parse(path: &Path, write: Option<&Path>, dir: Option<&Path>, prune: Option<i16>) -> Result<Outcome> {
    let gold = super::train::read_conllu(path)?;
    let loaded;
    let models = match dir {
        Some(dir) => {
            let read = |name: &str| {
                fs::read(dir.join(name)).with_context(|| format!("reading {name} in {}", dir.display()))
            };
            loaded = herald::Models::from_bytes(
                &read("tagger.bin.gz")?,
                &read("lemmatizer.bin.gz")?,
                &read("parser.bin.gz")?,
            );
            &loaded
        }
        None => herald::Models::embedded(),
    };
    let pruned_models;
    let models = match prune {
        Some(t) => {
            pruned_models = herald::Models {
                tagger: models.tagger.as_ref().map(|m| m.pruned(t)).map_err(Clone::clone),
                lemmatizer: models.lemmatizer.clone(),
                parser: models.parser.as_ref().map(|m| m.pruned(t)).map_err(Clone::clone),
                ner: models.ner.clone(),
            };
            if let Ok(p) = &pruned_models.parser {
                println!("pruned below {t}: parser keeps {} features", p.n_features());
            }
            &pruned_models
        }
        None => models,
    };
    let (analyzer, diags) = herald::syntax::Analyzer::new(models);
    if let Some(d) = diags.first() {
        anyhow::bail!("{}", d.message);
    }
    let Some(mut analyzer) = analyzer else { anyhow::bail!("no tagger") };
    let mut score = ParseScore::default();
    let mut out = String::new();
    let started = std::time::Instant::now();
    let (mut morph, mut deps) = (Vec::new(), Vec::new());
    // Batches of sentences, as the pipeline passes a document's sentences together.
    for batch in gold.chunks(64) {
        let forms: Vec<&str> = batch.iter().flat_map(|s| s.words.iter().map(|w| w.form.as_str())).collect();
        let mut ranges = Vec::with_capacity(batch.len());
        for s in batch {
            let start = ranges.last().map_or(0, |r: &std::ops::Range<usize>| r.end);
            ranges.push(start..start + s.words.len());
        }
        morph.clear();
        deps.clear();
        analyzer.sentences(&forms, &ranges, 0, &mut morph, &mut deps);
        for (s, range) in batch.iter().zip(&ranges) {
            let first = range.start as u32;
            let predicted: Vec<Predicted> = range
                .clone()
                .filter_map(|i| Some(Predicted::from_layers(morph.get(i)?, deps.get(i), first)))
                .collect();
            score.add(s, &predicted);
            if write.is_some() {
                herald::conllu::write_sentence(&mut out, s, &predicted);
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    if let Some(w) = write {
        fs::write(w, out).with_context(|| format!("writing {}", w.display()))?;
    }
    println!(
        "parse eval: {} ({} sentences, {} words, gold tokenization)",
        path.display(),
        gold.len(),
        score.words
    );
    for (name, n) in [
        ("UPOS", score.upos),
        ("XPOS", score.xpos),
        ("LEMMA", score.lemma),
        ("UAS", score.uas),
        ("LAS", score.las),
    ] {
        println!("{name:<6} {:6.2}", score.pct(n));
    }
    println!("({:.0} words/s on one core, including scoring)", score.words as f64 / secs);
    Ok(Outcome::Ok)
}

/// Scoring constants for tuning experiments (defaults: herald's).
#[derive(Debug, clap::Args)]
pub struct ToneTuning {
    #[arg(long, hide = true)]
    negation: Option<f32>,
    #[arg(long, hide = true)]
    alpha: Option<f32>,
    #[arg(long, hide = true)]
    negative_weight: Option<f32>,
    #[arg(long, hide = true)]
    before_contrast: Option<f32>,
    #[arg(long, hide = true)]
    after_contrast: Option<f32>,
    #[arg(long, hide = true, allow_hyphen_values = true)]
    negation_valence: Option<f32>,
    #[arg(long, hide = true, allow_hyphen_values = true)]
    excess: Option<f32>,
    #[arg(long, hide = true, allow_hyphen_values = true)]
    question: Option<f32>,
}

fn tone(path: &Path, t: &ToneTuning) -> Result<Outcome> {
    use herald::tone::{ToneConfig, ToneLexicon, ToneScorer};
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut cfg = ToneConfig::default();
    let set = |slot: &mut f32, v: Option<f32>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut cfg.negation, t.negation);
    set(&mut cfg.alpha, t.alpha);
    set(&mut cfg.negative_weight, t.negative_weight);
    set(&mut cfg.before_contrast, t.before_contrast);
    set(&mut cfg.after_contrast, t.after_contrast);
    set(&mut cfg.negation_valence, t.negation_valence);
    set(&mut cfg.excess, t.excess);
    set(&mut cfg.question, t.question);
    let scorer = ToneScorer::new(ToneLexicon::embedded(), cfg);
    let pipeline = Pipeline::new();
    let (mut scores, mut gdelt, mut gold) = (Vec::new(), Vec::new(), Vec::new());
    for (n, line) in data.lines().enumerate().skip(1) {
        let mut cols = line.splitn(3, '\t');
        let (Some(_id), Some(rating), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            eprintln!("herald: warning: {}:{}: expected id, mean_rating, text", path.display(), n + 1);
            continue;
        };
        let Ok(rating) = rating.trim().parse::<f64>() else {
            eprintln!("herald: warning: {}:{}: rating {rating:?} is not a number", path.display(), n + 1);
            continue;
        };
        let mut doc = pipeline.annotate(text.to_string(), Meta::default());
        scorer.run(&mut doc);
        let tone = doc.tone.unwrap_or_default();
        scores.push(f64::from(tone.score));
        gdelt.push(f64::from(tone.tone));
        gold.push(rating);
    }
    println!("tone eval: {} ({} texts)", path.display(), gold.len());
    println!("Pearson r, herald score:  {:.3}", pearson(&scores, &gold));
    println!("Pearson r, GDELT tone:    {:.3}", pearson(&gdelt, &gold));
    Ok(Outcome::Ok)
}

/// Pearson correlation of two equally long series (0 when either is constant).
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 { 0.0 } else { sxy / (sxx * syy).sqrt() }
}

fn tml_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            tml_files(&e, out)?;
        }
    } else if path.extension().is_some_and(|x| x == "tml") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn timex(path: &Path, write: Option<&Path>) -> Result<Outcome> {
    use herald::eval::timex::{TimexScore, parse_timeml, write_timeml};
    let mut files = Vec::new();
    tml_files(path, &mut files)?;
    if let Some(dir) = write {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let pipeline = Pipeline::new();
    let mut score = TimexScore::default();
    let mut failed = false;
    for f in &files {
        let xml = match fs::read_to_string(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("herald: error: {}: {e}", f.display());
                failed = true;
                continue;
            }
        };
        let tml = match parse_timeml(&xml) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("herald: error: {}: {e}", f.display());
                failed = true;
                continue;
            }
        };
        let meta = Meta { id: tml.id.clone(), published: tml.dct, ..Meta::default() };
        let doc = pipeline.annotate(tml.text.clone(), meta);
        score.add(&tml.gold, &doc);
        if let Some(dir) = write {
            let name = f.file_name().map_or_else(|| "doc.tml".into(), |n| n.to_os_string());
            fs::write(dir.join(name), write_timeml(&tml.id, &tml.dct_value, &doc))?;
        }
    }
    println!("timex eval: {} ({} documents)", path.display(), files.len());
    println!("{:<16} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
    for (name, p) in [
        ("strict span", score.strict),
        ("relaxed span", score.relaxed),
        ("type", score.kind),
        ("value", score.value),
    ] {
        println!("{name:<16} {:>9.2} {:>9.2} {:>9.2}", p.precision(), p.recall(), p.f1());
    }
    Ok(if failed { Outcome::SomeFailed } else { Outcome::Ok })
}

fn ner(
    iob2: Option<&Path>,
    conll2003: Option<&Path>,
    write: Option<&Path>,
    recognizer_only: bool,
) -> Result<Outcome> {
    use herald::iob::{self, IobFormat};
    let (path, format) = match (iob2, conll2003) {
        (Some(p), _) => (p, IobFormat::Uner),
        (None, Some(p)) => (p, IobFormat::Conll2003),
        (None, None) => anyhow::bail!("give --iob2 FILE or --conll2003 FILE"),
    };
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, errors) = iob::parse(&data, format);
    for e in errors.iter().take(10) {
        eprintln!("herald: warning: {}: {e}", path.display());
    }
    let models = herald::Models::embedded();
    let ner = models.ner.as_ref().map_err(|e| anyhow::anyhow!("ner model: {e}"))?;
    let tagger = models.tagger.as_ref().map_err(|e| anyhow::anyhow!("tagger model: {e}"))?;
    let pipeline = herald::Pipeline::new();
    let mut by_type: std::collections::BTreeMap<String, Prf> = std::collections::BTreeMap::new();
    let mut all = Prf::default();
    let (mut scratch, mut classes, mut labels) =
        (herald::tagger::TagScratch::default(), Vec::new(), Vec::new());
    let mut out = String::new();
    for s in &sentences {
        let forms: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let owned: Vec<String> = if recognizer_only {
            tagger.tag(&forms, &mut scratch, &mut classes);
            let xpos: Vec<&str> = classes.iter().map(|&c| tagger.xpos(c)).collect();
            ner.tag(&forms, &xpos, herald::Lexicons::embedded(), &mut labels);
            labels.iter().map(|&l| ner.label(l).to_string()).collect()
        } else {
            herald::iob::tags_of(&pipeline.annotate_words(&forms, herald::Meta::default()))
        };
        let predicted: Vec<&str> = owned.iter().map(String::as_str).collect();
        let (gold, pred) = (iob::entities(&s.tags), iob::entities(&predicted));
        for (list, is_gold) in [(&gold, true), (&pred, false)] {
            for e in list.iter() {
                let slot = by_type.entry(e.2.clone()).or_default();
                if is_gold {
                    slot.gold += 1;
                } else {
                    slot.predicted += 1;
                    if gold.contains(e) {
                        slot.correct += 1;
                    }
                }
            }
        }
        all.gold += gold.len();
        all.predicted += pred.len();
        all.correct += pred.iter().filter(|e| gold.contains(e)).count();
        if write.is_some() {
            for (line, tag) in s.lines.iter().zip(&predicted) {
                let sep = if format == IobFormat::Uner { '\t' } else { ' ' };
                let mut cols: Vec<&str> = line.split(sep).collect();
                let at = if format == IobFormat::Uner { 2 } else { cols.len() - 1 };
                if let Some(c) = cols.get_mut(at) {
                    *c = tag;
                }
                out.push_str(&cols.join(&sep.to_string()));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    if let Some(w) = write {
        fs::write(w, out).with_context(|| format!("writing {}", w.display()))?;
    }
    println!("ner eval: {} ({} sentences)", path.display(), sentences.len());
    println!("{:<10} {:>9} {:>9} {:>9} {:>7}", "", "precision", "recall", "F1", "gold");
    for (k, p) in &by_type {
        println!("{k:<10} {:>9.2} {:>9.2} {:>9.2} {:>7}", p.precision(), p.recall(), p.f1(), p.gold);
    }
    println!(
        "{:<10} {:>9.2} {:>9.2} {:>9.2} {:>7}",
        "overall",
        all.precision(),
        all.recall(),
        all.f1(),
        all.gold
    );
    Ok(Outcome::Ok)
}
