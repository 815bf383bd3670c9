//! End-to-end tests of the `herald` binary: what a user types, what they get, and how bad input
//! is reported. One test binary (see Cargo.toml `autotests = false`).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn herald(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_herald")).args(args).current_dir(root()).output().unwrap()
}

fn herald_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-cli-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn jsonl_docs(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Python-style slicing by Unicode scalar offsets.
fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn analyze_reports_the_bundled_example() {
    let o = herald(&["analyze", "examples/summit-briefing.txt", "--published", "2025-10-24"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("White House: Putin-Trump Summit Remains a Possibility\n"), "{out}");
    assert!(out.contains("published: 2025-10-24"));
    assert!(out.contains("18 sentences"));
    assert!(out.contains("  “What more can I add?"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("tone -")), "the article's tone is negative: {out}");
}

#[test]
fn json_spans_are_character_offsets() {
    let o = herald(&["analyze", "--format", "jsonl", "examples/summit-briefing.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = jsonl_docs(&o);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["schema"], "herald.doc/1");
    assert_eq!(doc["id"], "summit-briefing");
    let text = doc["text"].as_str().unwrap();
    for key in ["mentions", "entities", "timexes", "quotes", "places", "events", "diagnostics"] {
        assert!(doc[key].is_array(), "layer {key} missing");
    }
    let tokens = doc["tokens"].as_array().unwrap();
    assert!(tokens.len() > 300);
    for t in tokens {
        let (s, e) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
        assert_eq!(char_slice(text, s, e), t["form"].as_str().unwrap());
    }
    let sentences = doc["sentences"].as_array().unwrap();
    let last = &sentences[sentences.len() - 1];
    let s = char_slice(text, last["start"].as_u64().unwrap(), last["end"].as_u64().unwrap());
    assert!(s.starts_with("Dialogue consistently surpasses") && s.ends_with("advocate for diplomacy."));
}

#[test]
fn front_matter_and_jsonl_metadata() {
    let o = herald(&["analyze", "--format", "jsonl", "examples/port-strike.txt", "examples/articles.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = jsonl_docs(&o);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["title"], "Dockworkers Strike Shuts Rotterdam Terminals as Talks Stall");
    assert_eq!(docs[0]["published"], "2025-03-14");
    assert_eq!(docs[0]["url"], "https://example.invalid/news/2025/03/14/rotterdam-strike");
    assert!(docs[0]["text"].as_str().unwrap().starts_with("Dockworkers Strike"), "front matter is not text");
    assert_eq!(docs[1]["id"], "example-1");
    assert_eq!(docs[2]["published"], "2024-09-03", "RFC 2822 dates are read");
}

#[test]
fn published_flag_overrides_and_is_validated() {
    let o =
        herald(&["analyze", "--format", "jsonl", "--published", "2025-01-02", "examples/port-strike.txt"]);
    assert_eq!(jsonl_docs(&o)[0]["published"], "2025-01-02");
    let bad = herald(&["analyze", "--published", "2025-02-30", "examples/port-strike.txt"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a valid date"));
}

#[test]
fn invalid_utf8_names_file_and_offset_and_the_batch_goes_on() {
    let dir = scratch("utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"First line.\nSecond \xff\xfe line.\n").unwrap();
    let bad = bad.to_str().unwrap();
    let o = herald(&["analyze", "--format", "jsonl", bad, "examples/summit-briefing.txt"]);
    assert_eq!(o.status.code(), Some(1), "a failed input must show in the exit code");
    let err = stderr(&o);
    assert!(err.contains(&format!("{bad}: invalid UTF-8 at byte 19 (line 2)")), "{err}");
    assert_eq!(jsonl_docs(&o).len(), 1, "the good file is still analyzed");

    let lossy = herald(&["analyze", "--format", "jsonl", "--lossy", bad]);
    assert!(lossy.status.success());
    assert!(
        stderr(&lossy).contains("replaced with U+FFFD (2 place(s), first at byte 19, line 2)"),
        "{}",
        stderr(&lossy)
    );
    assert!(jsonl_docs(&lossy)[0]["text"].as_str().unwrap().contains("Second \u{FFFD}\u{FFFD} line."));
}

#[test]
fn empty_file_is_a_warning_and_an_empty_document() {
    let dir = scratch("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let o = herald(&["analyze", "--format", "jsonl", empty.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("empty input"));
    let docs = jsonl_docs(&o);
    assert_eq!(docs[0]["text"], "");
    assert_eq!(docs[0]["tokens"].as_array().unwrap().len(), 0);
}

#[test]
fn bom_crlf_and_nul_bytes() {
    let o = herald_stdin(
        &["analyze", "--format", "jsonl", "-"],
        b"\xEF\xBB\xBFStrike Ends\r\n\r\nWorkers returned\x00 on Monday.\r\nTalks resume today.",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = &jsonl_docs(&o)[0];
    let text = doc["text"].as_str().unwrap();
    assert!(text.starts_with("Strike Ends"), "BOM is dropped");
    assert_eq!(doc["title"], "Strike Ends");
    let forms: Vec<&str> =
        doc["tokens"].as_array().unwrap().iter().map(|t| t["form"].as_str().unwrap()).collect();
    assert_eq!(forms[..5], ["Strike", "Ends", "Workers", "returned", "on"]);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn malformed_jsonl_line_is_reported_with_its_number() {
    let input =
        b"{\"id\":\"a\",\"text\":\"One.\"}\n{broken\n\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Four.\"}\n";
    let o = herald_stdin(&["analyze", "--format", "jsonl", "-"], input);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("-:2: malformed JSON"), "{err}");
    assert!(err.contains("-:4: no \"text\" field"), "{err}");
    let ids: Vec<String> = jsonl_docs(&o).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["a", "d"]);
}

#[test]
fn large_input_is_read_in_parts_without_losing_text() {
    let dir = scratch("large");
    let big = dir.join("big.txt");
    let paragraph =
        "The ministry said on Tuesday that talks would resume. Officials declined to comment.\n\n";
    let text = paragraph.repeat(3_000); // ~260 kB
    std::fs::write(&big, &text).unwrap();
    let o = herald(&["analyze", "--format", "jsonl", "--max-bytes", "65536", big.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("read as several documents"));
    let docs = jsonl_docs(&o);
    assert!(docs.len() >= 4, "{} parts", docs.len());
    let joined: String = docs.iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(joined, text, "parts must add up to the whole input");
    assert_eq!(docs[1]["id"], "big#2");
    let sentences: usize = docs.iter().map(|d| d["sentences"].as_array().unwrap().len()).sum();
    assert_eq!(sentences, 6_000);
}

#[test]
fn missing_file_and_directory_fail_but_do_not_stop_the_batch() {
    let o = herald(&[
        "analyze",
        "--format",
        "jsonl",
        "no/such/file.txt",
        "examples",
        "examples/sanctions-oil.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("no/such/file.txt:"), "{err}");
    assert!(err.contains("examples: is a directory"), "{err}");
    assert_eq!(jsonl_docs(&o).len(), 1);
}

#[test]
fn eval_segment_prints_token_and_sentence_scores() {
    let dir = scratch("eval");
    let gold = dir.join("gold.conllu");
    std::fs::write(
        &gold,
        "# newpar\n# text = Mr. Smith won't go.\n1\tMr.\t_\t_\t_\t_\t_\t_\t_\t_\n2\tSmith\t_\t_\t_\t_\t_\t_\t_\t_\n\
3-4\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n3\two\t_\t_\t_\t_\t_\t_\t_\t_\n4\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\tgo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n6\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
    )
    .unwrap();
    let o = herald(&["eval", "segment", "--conllu", gold.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("tokens        100.00    100.00    100.00"), "{out}");
    assert!(out.contains("sentences     100.00    100.00    100.00"), "{out}");
}

#[test]
fn eval_ner_reads_conll2003_and_writes_predictions() {
    let dir = scratch("ner");
    let gold = dir.join("gold.conll");
    std::fs::write(
        &gold,
        "-DOCSTART- -X- -X- O\n\nVladimir NNP B-NP I-PER\nPutin NNP I-NP I-PER\nmet VBD B-VP O\nDonald NNP B-NP I-PER\n\
Trump NNP I-NP I-PER\nin IN B-PP O\nBudapest NNP B-NP I-LOC\n. . O O\n\n",
    )
    .unwrap();
    let pred = dir.join("pred.conll");
    let o =
        herald(&["eval", "ner", "--conll2003", gold.to_str().unwrap(), "--write", pred.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("PER") && out.contains("overall"), "{out}");
    let written = std::fs::read_to_string(&pred).unwrap();
    let lines: Vec<&str> = written.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 8, "one line per token, tokens kept: {written}");
    assert!(lines[0].starts_with("Vladimir NNP B-NP "), "{written}");
    assert!(lines[0].ends_with("B-PER") && lines[1].ends_with("I-PER"), "{written}");
}

#[test]
fn user_dictionaries_code_actors_and_report_bad_lines() {
    let dir = scratch("dictionaries");
    std::fs::write(
        dir.join("Freedonia.actors.txt"),
        "FREEDONIA_ [FRE]\n+FREEDONIAN_\nRUFUS_FIREFLY_\n\t[FREGOV]\nBROKEN_ENTRY [FRE 12-]\nSYLVANIA_ [SYL]\n",
    )
    .unwrap();
    std::fs::write(dir.join("my.agents.txt"), "MINISTER [~GOV]\nNO CODE HERE\n").unwrap();
    let article = dir.join("article.txt");
    std::fs::write(&article, "Freedonian Minister Rufus Firefly warned Sylvania on Monday. Firefly left.")
        .unwrap();
    let o = herald(&[
        "analyze",
        article.to_str().unwrap(),
        "--format",
        "jsonl",
        "--dictionaries",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("Freedonia.actors.txt:5:"), "{err}");
    assert!(err.contains("my.agents.txt:2:"), "{err}");
    let doc = &jsonl_docs(&o)[0];
    let codes: Vec<(&str, &str)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["actor"].as_str().unwrap_or("")))
        .collect();
    assert!(codes.contains(&("Rufus Firefly", "FREGOV")), "{codes:?}");
    assert!(codes.contains(&("Sylvania", "SYL")), "entry after the bad line still loads: {codes:?}");
    let firefly = doc["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Rufus Firefly").unwrap();
    assert_eq!(firefly["mentions"].as_array().unwrap().len(), 2);
}

/// Regression guard for the event coder: the share of PETRARCH validation records herald codes
/// fully right (committed 86.0%) may not fall below the acceptance bar of 85%, nor extra codings
/// (committed 5.1%) rise more than a point.
#[test]
fn petrarch_validation_stays_at_its_committed_figure() {
    let file = "../shared/data/petrarch_validation_dev/PETR_Validate_records_2_02.dev.xml";
    if !root().join(file).exists() {
        eprintln!("skipped: {file} is absent (../shared/data is not checked out)");
        return;
    }
    let o = herald(&["eval", "petrarch", file]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let overall = out.lines().find(|l| l.starts_with("overall")).unwrap();
    let fields: Vec<f64> = overall.split_whitespace().skip(1).map(|f| f.parse().unwrap()).collect();
    let (correct, extra) = (fields[1], fields[3]);
    assert!(correct >= 85.0, "correct {correct}% (committed 86.0%)\n{out}");
    assert!(extra <= 5.1 + 1.0, "extra {extra}% (committed 5.1%)\n{out}");
}

/// Regression guard for coreference: on GUM dev (CorefUD), the CoNLL score may not drop more
/// than half a point below the README's 31.72, nor the share of "he" put with a name or
/// description of its person below 57% (committed 59.43%).
#[test]
fn coref_figures_stay_at_their_committed_values() {
    let file = "../shared/data/ud_english_gum/en_gum-ud-dev.conllu";
    if !root().join(file).exists() {
        eprintln!("skipped: {file} is absent (../shared/data is not checked out)");
        return;
    }
    let o = herald(&["eval", "coref", "--conllu", file]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let row = |name: &str| -> Vec<String> {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in\n{out}"));
        line.split_whitespace().map(|f| f.trim_end_matches(['%', ':']).to_string()).collect()
    };
    let conll: f64 = row("overall")[4].parse().unwrap();
    assert!(conll >= 31.72 - 0.5, "CoNLL {conll} (committed 31.72)\n{out}");
    let he: f64 = row("he ")[2].parse().unwrap();
    assert!(he >= 57.0, "he resolved {he}% (committed 59.43%)\n{out}");
}

/// Regression guard for time expressions: TempEval-3 value and relaxed span F1 on TimeBank +
/// AQUAINT may not drop more than half a point below the figures in the README.
#[test]
fn timex_figures_stay_at_their_committed_values() {
    let dir = "../shared/data/tempeval3_tbaq";
    if !root().join(dir).exists() {
        eprintln!("skipped: {dir} is absent (../shared/data is not checked out)");
        return;
    }
    let o = herald(&["eval", "timex", "--timeml", dir]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let f1 = |row: &str| -> f64 {
        let line =
            out.lines().find(|l| l.starts_with(row)).unwrap_or_else(|| panic!("no {row} row in\n{out}"));
        line.split_whitespace().last().and_then(|f| f.parse().ok()).unwrap_or(0.0)
    };
    assert!(f1("value") >= 82.10 - 0.5, "value F1 {} (committed 82.10)\n{out}", f1("value"));
    assert!(f1("relaxed span") >= 94.49 - 0.5, "relaxed F1 {} (committed 94.49)\n{out}", f1("relaxed span"));
}
