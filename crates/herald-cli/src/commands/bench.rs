//! `herald bench …`: throughput of a stage on one core, with peak memory. Run it on a release
//! build (`cargo run --release -p herald-cli -- bench segment`). Every run checks its answer:
//! each pass must produce the same token count, or the benchmark fails.

use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use herald::segment::{split_sentences, tokenize};

use super::Outcome;
use crate::input::{self, InputFormat, ReadOptions};

/// The bundled example articles: the default benchmark corpus.
pub const EXAMPLES: [&str; 4] = [
    include_str!("../../../../examples/summit-briefing.txt"),
    include_str!("../../../../examples/port-strike.txt"),
    include_str!("../../../../examples/ceasefire-talks.txt"),
    include_str!("../../../../examples/sanctions-oil.txt"),
];

#[derive(Debug, clap::Subcommand)]
pub enum Bench {
    /// The whole pipeline per article, with the shares of the time, entity and tone stages.
    Pipeline {
        /// Article files to use instead of the bundled examples (any format `analyze` reads).
        #[arg(value_name = "FILE")]
        inputs: Vec<String>,
        /// Minimum time to measure.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Tagger + lemmatizer + parser (the syntax stage) on segmented text.
    Parse {
        /// Article files to use instead of the bundled examples (any format `analyze` reads).
        #[arg(value_name = "FILE")]
        inputs: Vec<String>,
        /// Minimum time to measure.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Tokenizer + sentence splitter.
    Segment {
        /// Article files to use instead of the bundled examples (any format `analyze` reads).
        #[arg(value_name = "FILE")]
        inputs: Vec<String>,
        /// Minimum time to measure.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
}

pub fn run(cmd: &Bench) -> Result<Outcome> {
    match cmd {
        Bench::Segment { inputs, seconds } => segment(inputs, *seconds),
        Bench::Parse { inputs, seconds } => parse(inputs, *seconds),
        Bench::Pipeline { inputs, seconds } => pipeline(inputs, *seconds),
    }
}

fn load(inputs: &[String]) -> Vec<String> {
    if inputs.is_empty() {
        // Repeat the examples to ~8 MB so the run is not dominated by timer noise.
        let mut out = Vec::new();
        let mut total = 0;
        while total < 8 << 20 {
            for e in EXAMPLES {
                total += e.len();
                out.push(e.to_string());
            }
        }
        return out;
    }
    let opts = ReadOptions { format: InputFormat::Auto, lossy: true, max_bytes: 8 << 20 };
    let mut out = Vec::new();
    for path in inputs {
        input::read_path(path, &opts, &mut |item| match item {
            Ok(a) => out.push(a.text),
            Err(e) => eprintln!("herald: error: {e}"),
        });
    }
    out
}

fn segment(inputs: &[String], seconds: f64) -> Result<Outcome> {
    let texts = load(inputs);
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        bail!("no text to measure");
    }
    let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
    let mut expected = None;
    let mut passes = 0u32;
    let start = Instant::now();
    let mut elapsed = Duration::ZERO;
    while elapsed.as_secs_f64() < seconds || passes < 2 {
        let (mut n_tokens, mut n_sentences) = (0usize, 0usize);
        for t in &texts {
            tokenize(t, &mut tokens);
            split_sentences(t, &tokens, &mut sentences);
            n_tokens += tokens.len();
            n_sentences += sentences.len();
        }
        if *expected.get_or_insert((n_tokens, n_sentences)) != (n_tokens, n_sentences) {
            bail!("segmentation is not deterministic: {:?} vs {:?}", expected, (n_tokens, n_sentences));
        }
        passes += 1;
        elapsed = start.elapsed();
    }
    let (n_tokens, n_sentences) = expected.unwrap_or_default();
    let secs = elapsed.as_secs_f64() / f64::from(passes);
    println!(
        "bench segment: {} articles, {:.1} MB, {} tokens, {} sentences per pass",
        texts.len(),
        bytes as f64 / 1e6,
        n_tokens,
        n_sentences
    );
    println!("  {passes} passes, {:.1} ms per pass", secs * 1e3);
    println!(
        "  throughput: {:.1} MB/s, {:.0} tokens/s, {:.0} articles/s (one core)",
        bytes as f64 / 1e6 / secs,
        n_tokens as f64 / secs,
        texts.len() as f64 / secs
    );
    println!("  peak RSS: {}", peak_rss().unwrap_or_else(|| "unknown".into()));
    Ok(Outcome::Ok)
}

fn parse(inputs: &[String], seconds: f64) -> Result<Outcome> {
    let mut texts = load(inputs);
    if inputs.is_empty() {
        texts.truncate(EXAMPLES.len() * 8);
    }
    // Segment once; time only the syntax stage.
    let docs: Vec<herald::Doc> = texts
        .into_iter()
        .map(|t| {
            let mut d = herald::Doc::new(t, herald::Meta::default());
            herald::segment::run(&mut d);
            d
        })
        .collect();
    let n_tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let load_started = Instant::now();
    let models = herald::Models::embedded();
    let (analyzer, diags) = herald::syntax::Analyzer::new(models);
    let load = load_started.elapsed();
    if let Some(d) = diags.first() {
        bail!("{}", d.message);
    }
    let Some(mut analyzer) = analyzer else { bail!("no tagger") };
    let (mut morph, mut deps) = (Vec::new(), Vec::new());
    let mut expected: Option<u64> = None;
    let mut passes = 0u32;
    let started = Instant::now();
    let mut fastest = f64::MAX;
    let mut forms: Vec<&str> = Vec::new();
    loop {
        let pass = Instant::now();
        let mut check = 0u64;
        for d in &docs {
            forms.clear();
            forms.extend((0..d.tokens.len()).map(|i| d.form(i)));
            let sentences: Vec<std::ops::Range<usize>> = d.sentences.iter().map(|s| s.tokens()).collect();
            morph.clear();
            deps.clear();
            analyzer.sentences(&forms, &sentences, 0, &mut morph, &mut deps);
            check += deps.iter().map(|x: &herald::layers::Dep| u64::from(x.head.unwrap_or(0))).sum::<u64>();
        }
        if *expected.get_or_insert(check) != check {
            bail!("parsing is not deterministic");
        }
        fastest = fastest.min(pass.elapsed().as_secs_f64());
        passes += 1;
        if started.elapsed().as_secs_f64() >= seconds && passes >= 2 {
            break;
        }
    }
    let secs = started.elapsed().as_secs_f64() / f64::from(passes);
    // The tagger alone, for the breakdown.
    let tag_secs = match &models.tagger {
        Ok(tagger) => {
            let (mut scratch, mut classes) = (herald::tagger::TagScratch::default(), Vec::new());
            let t = Instant::now();
            for _ in 0..passes {
                for d in &docs {
                    for s in &d.sentences {
                        forms.clear();
                        forms.extend(s.tokens().map(|i| d.form(i)));
                        tagger.tag(&forms, &mut scratch, &mut classes);
                    }
                }
            }
            t.elapsed().as_secs_f64() / f64::from(passes)
        }
        Err(_) => 0.0,
    };
    println!("bench parse: {} articles, {n_tokens} tokens per pass (tag + lemma + parse)", docs.len());
    println!(
        "  of which tagging {:.1} ms ({:.0} tokens/s alone), lemmas and parsing {:.1} ms",
        tag_secs * 1e3,
        n_tokens as f64 / tag_secs.max(1e-9),
        (secs - tag_secs) * 1e3
    );
    println!("  model loading: {:.0} ms (once per process)", load.as_secs_f64() * 1e3);
    println!("  {passes} passes, {:.1} ms per pass", secs * 1e3);
    println!(
        "  throughput: {:.0} tokens/s, {:.1} articles/s (one core); fastest pass {:.0} tokens/s",
        n_tokens as f64 / secs,
        docs.len() as f64 / secs,
        n_tokens as f64 / fastest.max(1e-9)
    );
    println!("  (on a shared machine the fastest pass is the steadier figure for comparing builds)");
    println!("  peak RSS: {}", peak_rss().unwrap_or_else(|| "unknown".into()));
    Ok(Outcome::Ok)
}

/// One stage run on its own.
type Stage = dyn Fn(&mut herald::Doc);

fn pipeline(inputs: &[String], seconds: f64) -> Result<Outcome> {
    let mut texts = load(inputs);
    if inputs.is_empty() {
        texts.truncate(EXAMPLES.len() * 8);
    }
    let pipeline = herald::Pipeline::new();
    // Load the models before timing.
    let _ = pipeline.annotate(String::from("Warm up."), herald::Meta::default());
    let mut docs = Vec::new();
    let started = Instant::now();
    let mut passes = 0u32;
    let mut fastest = f64::MAX;
    while passes < 1 || started.elapsed().as_secs_f64() < seconds {
        let pass = Instant::now();
        docs = texts.iter().map(|t| pipeline.annotate(t.clone(), herald::Meta::default())).collect();
        fastest = fastest.min(pass.elapsed().as_secs_f64());
        passes += 1;
    }
    let total = started.elapsed().as_secs_f64() / f64::from(passes);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let timexes: usize = docs.iter().map(|d| d.timexes.len()).sum();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let entities: usize = docs.iter().map(|d| d.entities.len()).sum();
    let negative = docs.iter().filter(|d| d.tone.is_some_and(|t| t.tone < 0.0)).count();
    println!(
        "bench pipeline: {} articles, {tokens} tokens per pass ({entities} entities, {negative} with negative tone)",
        docs.len()
    );
    println!("  {passes} passes, {:.1} ms per pass", total * 1e3);
    println!(
        "  throughput: {:.1} articles/s, {:.0} tokens/s (one core); fastest pass {:.1} articles/s",
        docs.len() as f64 / total,
        tokens as f64 / total,
        docs.len() as f64 / fastest.max(1e-9)
    );
    // Stages alone, re-run on the annotated documents (each reads only layers before it).
    let lexicons = herald::Lexicons::embedded();
    let models = herald::Models::embedded();
    let stages: [(&str, &Stage); 5] = [
        ("time", &|d| herald::timex::run(d)),
        ("entities (NER, actors, coreference, places)", &|d| {
            herald::ner::run(d, models, lexicons);
            herald::actors::run(d, lexicons);
            herald::coref::run(d, lexicons);
            herald::geo::run(d, lexicons);
        }),
        ("quotes", &|d| herald::quotes::run(d)),
        ("tone", &|d| herald::tone::run(d)),
        ("events", &|d| herald::events::run(d, lexicons)),
    ];
    let mut time_secs = 0.0;
    for (name, stage) in stages {
        let t = Instant::now();
        for _ in 0..passes {
            for d in &mut docs {
                stage(d);
            }
        }
        let secs = t.elapsed().as_secs_f64() / f64::from(passes);
        if name == "time" {
            time_secs = secs;
        }
        println!(
            "  {name}: {:.2} ms per pass, {:.0} tokens/s alone, {:.1}% of the pipeline",
            secs * 1e3,
            tokens as f64 / secs.max(1e-9),
            100.0 * secs / total
        );
    }
    println!(
        "  time: {timexes} expressions, {:.2} MB of text per pass, {:.1} MB/s alone",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / time_secs.max(1e-9)
    );
    println!("  peak RSS: {}", peak_rss().unwrap_or_else(|| "unknown".into()));
    Ok(Outcome::Ok)
}

/// Peak resident memory of this process (Linux: `VmHWM` in /proc/self/status).
pub fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}
