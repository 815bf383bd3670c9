//! End-to-end tests of the database verbs: `ingest` (every input format, de-duplication,
//! resumption after `kill -9`, bad input, a locked database, a full disk), `query` and `export`.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use herald_store::{Counts, Store};
use serde_json::Value;

fn herald(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_herald")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn counts(db: &Path) -> Counts {
    Store::open_read_only(db).unwrap().counts().unwrap()
}

fn query_json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["query"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let o = herald(&all);
    assert!(o.status.success(), "{}", text(&o.stderr));
    serde_json::from_slice::<Vec<Value>>(&o.stdout).unwrap()
}

/// One JSON Lines article.
fn article(id: &str, published: &str, source: &str, body: &str) -> String {
    serde_json::json!({"id": id, "published": published, "source": source, "text": body, "title": id})
        .to_string()
}

/// A corpus about the United States and Russia whose events are known (checked by
/// `dyad_counts_events_per_week_and_direction`): sanctions on 2024-03-05 reported twice, an
/// accusation on 03-07, an agreement on 03-13 (coded both ways), sanctions on 03-14.
fn dyad_corpus() -> Vec<String> {
    vec![
        article(
            "a1",
            "2024-03-06",
            "wire-a",
            "The United States imposed new sanctions on Russia on Tuesday, officials said.",
        ),
        article(
            "a2",
            "2024-03-06",
            "wire-b",
            "The United States imposed new sanctions on Russia on Tuesday, a spokesman said.",
        ),
        article(
            "a3",
            "2024-03-07",
            "wire-a",
            "Russia accused the United States of meddling in its internal affairs.",
        ),
        article(
            "a4",
            "2024-03-13",
            "wire-a",
            "The United States and Russia agreed to resume arms control talks, the State Department said.",
        ),
        article(
            "a5",
            "2024-03-15",
            "wire-b",
            "The United States imposed new sanctions on Russia on Thursday, officials said.",
        ),
    ]
}

#[test]
fn dyad_counts_events_per_week_and_direction() {
    let dir = scratch("dyad");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, dyad_corpus().join("\n")).unwrap();
    let db = dir.join("h.db");
    let o = herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows = query_json(&["dyad", "USA", "RUS", "--by", "week", "--db", s(&db)]);
    let got: Vec<(String, String, i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["period"].as_str().unwrap().to_string(),
                r["direction"].as_str().unwrap().to_string(),
                r["events"].as_i64().unwrap(),
                r["mentions"].as_i64().unwrap(),
            )
        })
        .collect();
    let want = vec![
        ("2024-03-04".to_string(), "RUS→USA".to_string(), 1, 1),
        ("2024-03-04".to_string(), "USA→RUS".to_string(), 1, 2),
        ("2024-03-11".to_string(), "RUS→USA".to_string(), 1, 1),
        ("2024-03-11".to_string(), "USA→RUS".to_string(), 2, 2),
    ];
    assert_eq!(got, want, "{rows:#?}");
    // The sanctions of 03-05 are one event reported by two articles from two sources.
    let events = query_json(&["events", "--code", "163", "--db", s(&db)]);
    let first = events.iter().find(|e| e["date"] == "2024-03-05").unwrap();
    assert_eq!(
        (first["mentions"].as_i64(), first["articles"].as_i64(), first["sources"].as_i64()),
        (Some(2), Some(2), Some(2))
    );
    assert_eq!(rows[1]["material_conflict"].as_i64(), Some(1));
    assert_eq!(rows[0]["verbal_conflict"].as_i64(), Some(1));
}

#[test]
fn clusters_do_not_depend_on_the_order_articles_arrive_in() {
    let dir = scratch("order");
    let corpus = dyad_corpus();
    let forward = dir.join("forward.jsonl");
    let backward = dir.join("backward.jsonl");
    std::fs::write(&forward, corpus.join("\n")).unwrap();
    std::fs::write(&backward, corpus.iter().rev().cloned().collect::<Vec<_>>().join("\n")).unwrap();
    let summary = |file: &Path, name: &str| {
        let db = dir.join(name);
        // One article per transaction, so every article re-clusters what came before.
        let o = herald(&["ingest", s(file), "--db", s(&db), "--batch", "1", "--quiet"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let mut rows: Vec<String> = query_json(&["events", "--db", s(&db)])
            .iter()
            .map(|e| format!("{} {} {} {} {}", e["date"], e["source"], e["target"], e["code"], e["mentions"]))
            .collect();
        rows.sort();
        rows
    };
    let a = summary(&forward, "f.db");
    assert!(a.len() >= 5, "{a:?}");
    assert_eq!(a, summary(&backward, "b.db"));
}

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Ministers meet | Capital Desk</title>
<link rel="canonical" href="https://desk.example.com/ministers-meet">
<meta property="article:published_time" content="2024-03-08T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><p>Foreign ministers of France and Germany met in Paris on Thursday to discuss energy security.</p>
<p>"We stand together," the French minister said.</p></article><footer>Copyright Capital Desk</footer></body></html>"#;

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>World Wire</title>
<item><title>Talks resume</title><link>https://wire.example.com/talks</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Negotiators from Sudan's army and the Rapid Support Forces resumed talks in Jeddah on Monday.</description></item>
<item><title>Port strike</title><link>https://wire.example.com/strike</link><pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Dock workers in Rotterdam went on strike on Tuesday over pay.</description></item>
</channel></rss>"#;

fn warc_record(url: &str, html: &str) -> Vec<u8> {
    let payload = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    let rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:12345678-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-03-09T00:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n",
        payload.len()
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(rec.as_bytes()).unwrap();
    gz.finish().unwrap()
}

/// A folder with one article in each format, plus copies that must not be stored twice.
fn mixed_folder(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(
        input.join("one.txt"),
        "---\ntitle: Budget passes\npublished: 2024-03-04\nsource: Gazette\n---\nLawmakers approved the budget on Monday after a long debate.\n",
    )
    .unwrap();
    // Same text, other spacing and case: a duplicate.
    std::fs::write(
        input.join("sub/one-copy.txt"),
        "LAWMAKERS approved   the budget on Monday\nafter a long debate.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("two.jsonl"),
        format!(
            "{}\n",
            article(
                "j1",
                "2024-03-07",
                "wire-a",
                "Russia accused the United States of meddling in its internal affairs."
            )
        ),
    )
    .unwrap();
    std::fs::write(input.join("page.html"), PAGE).unwrap();
    std::fs::write(input.join("feed.rss"), RSS).unwrap();
    let mut warc = warc_record(
        "https://crawl.example.org/quake",
        "<html><body><article><p>An earthquake struck central Chile on Friday, officials said.</p></article></body></html>",
    );
    // The crawl fetched the HTML page too, under a tracking-parameter URL: same canonical page.
    warc.extend(warc_record("https://desk.example.com/ministers-meet?utm_source=x", PAGE));
    std::fs::write(input.join("sub/crawl.warc.gz"), warc).unwrap();
    std::fs::write(input.join("notes.md"), "not an article format").unwrap();
    // An empty file is stored (with a warning) once, and a re-run finds it.
    std::fs::write(input.join("sub/empty.txt"), "\n\n").unwrap();
    input
}

#[test]
fn ingest_reads_every_format_dedups_and_is_idempotent() {
    let dir = scratch("mixed");
    let input = mixed_folder(&dir);
    let db = dir.join("h.db");
    let o = herald(&["ingest", s(&input), "--db", s(&db), "--quiet"]);
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    // txt, jsonl, html, two feed items, one crawled page, the empty file; the copies are noted,
    // not stored.
    assert_eq!(counts(&db).articles, 7, "{err}");
    assert!(err.contains("one-copy.txt") && err.contains("duplicate"), "{err}");
    let entities = query_json(&["entities", "--db", s(&db), "--limit", "1000"]);
    for name in ["Rotterdam", "Chile", "Paris", "Jeddah"] {
        assert!(entities.iter().any(|e| e["name"] == name), "{name} missing: {entities:#?}");
    }
    let quotes = query_json(&["quotes", "--db", s(&db), "--search", "stand together"]);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0]["published"], "2024-03-08");
    // Re-running stores nothing new.
    let again = herald(&["ingest", s(&input), "--db", s(&db), "--quiet"]);
    assert!(again.status.success());
    assert!(text(&again.stderr).contains("stored 0 articles"), "{}", text(&again.stderr));
    assert_eq!(counts(&db).articles, 7);
    assert_eq!(counts(&db).runs, 2);
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = scratch("bad");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let good = article(
        "g1",
        "2024-03-07",
        "wire-a",
        "Russia accused the United States of meddling in its internal affairs.",
    );
    std::fs::write(input.join("a.jsonl"), format!("{good}\n{{\"text\": \"broken\n")).unwrap();
    std::fs::write(input.join("b.txt.gz"), b"\x1f\x8b\x08\x00garbage that is not deflate").unwrap();
    std::fs::write(input.join("c.html"), "<html><head><title>Nothing here</title></head></html>").unwrap();
    let mut warc = warc_record(
        "https://x.example.org/1",
        "<html><body><p>Floods hit Dhaka on Sunday.</p></body></html>",
    );
    warc.extend_from_slice(b"\x1f\x8b\x08\x00truncated");
    std::fs::write(input.join("d.warc.gz"), warc).unwrap();
    std::fs::write(input.join("e.txt"), "Police in Lagos arrested twelve protesters on Saturday.").unwrap();
    let db = dir.join("h.db");
    let o = herald(&["ingest", s(&input), "--db", s(&db), "--quiet"]);
    let err = text(&o.stderr);
    assert!(!o.status.success(), "failures must show in the exit code: {err}");
    assert!(err.contains("a.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("b.txt.gz"), "{err}");
    assert!(err.contains("c.html: no article text"), "{err}");
    assert!(err.contains("d.warc.gz#record2") || err.contains("d.warc.gz"), "{err}");
    assert!(err.contains("4 errors"), "{err}");
    // The good article of the JSONL file, the WARC's first page and the text file are stored.
    assert_eq!(counts(&db).articles, 3, "{err}");
}

#[test]
fn locked_database_is_a_clear_error() {
    let dir = scratch("locked");
    let input = dir.join("a.txt");
    std::fs::write(&input, "Police in Lagos arrested twelve protesters on Saturday.").unwrap();
    let db = dir.join("h.db");
    assert!(herald(&["ingest", s(&input), "--db", s(&db), "--quiet"]).status.success());
    std::fs::write(&input, "Floods hit Dhaka on Sunday, killing five people.").unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "BEGIN EXCLUSIVE; INSERT INTO runs (started, command, herald_version) VALUES ('x', 'lock', '0');",
    )
    .unwrap();
    let o = herald(&["ingest", s(&input), "--db", s(&db), "--quiet", "--busy-timeout", "200"]);
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("locked"), "{err}");
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    assert!(herald(&["ingest", s(&input), "--db", s(&db), "--quiet"]).status.success());
    assert_eq!(counts(&db).articles, 2);
}

/// Articles distinct enough not to be de-duplicated, each with events.
fn numbered_corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            let day = 1 + i % 28;
            let body = format!(
                "The United States imposed new sanctions on Russia on Tuesday, officials said. \
                 Russia accused the United States of meddling in its internal affairs. Report {i} of the series."
            );
            article(&format!("n{i}"), &format!("2024-02-{day:02}"), if i % 2 == 0 { "wire-a" } else { "wire-b" }, &body)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn full_disk_rolls_the_batch_back_with_a_clear_error() {
    let dir = scratch("full");
    let corpus = dir.join("c.jsonl");
    std::fs::write(&corpus, numbered_corpus(60)).unwrap();
    let db = dir.join("h.db");
    let o = herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet", "--batch", "10", "--max-pages", "60"]);
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("full") && err.contains("rolled back"), "{err}");
    let c = counts(&db);
    // Whole batches only: every stored article has its events.
    assert_eq!(c.articles % 10, 0, "{c:?}");
    assert!(c.articles < 60, "{c:?}");
    assert_eq!(c.events, c.articles * 2, "{c:?}");
    // With room, the next run finishes the rest.
    assert!(herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet"]).status.success());
    assert_eq!(counts(&db).articles, 60);
}

#[test]
fn ingest_killed_mid_run_resumes_without_loss_or_duplicates() {
    let dir = scratch("kill");
    let corpus = dir.join("c.jsonl");
    std::fs::write(&corpus, numbered_corpus(240)).unwrap();
    let whole = dir.join("whole.db");
    assert!(herald(&["ingest", s(&corpus), "--db", s(&whole), "--quiet", "--batch", "8"]).status.success());
    let expected = counts(&whole);
    assert_eq!(expected.articles, 240);

    let db = dir.join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["ingest", s(&corpus), "--db", s(&db), "--quiet", "--batch", "8"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut stored = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(store) = Store::open_read_only(&db)
            && let Ok(c) = store.counts()
        {
            stored = c.articles;
            if stored >= 16 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!((16..240).contains(&stored), "killed after {stored} articles");
    let o = herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet", "--batch", "8"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let got = counts(&db);
    assert_eq!(
        (got.articles, got.events, got.clusters, got.quotes),
        (expected.articles, expected.events, expected.clusters, expected.quotes)
    );
    let a = query_json(&["events", "--db", s(&db), "--limit", "10000"]).len();
    let b = query_json(&["events", "--db", s(&whole), "--limit", "10000"]).len();
    assert_eq!(a, b);
}

/// GDELT 2.0 Event table columns, from `linwoodc3/gdelt2HeaderRows` (as in
/// `shared/docs/gdelt-format.md`), written out here independently of the exporter.
const GDELT_HEADER: &str = "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL";

#[test]
fn exports_gdelt_csv_jsonl_and_parquet() {
    let dir = scratch("export");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, dyad_corpus().join("\n")).unwrap();
    let summit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/summit-briefing.txt");
    let db = dir.join("h.db");
    assert!(herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet"]).status.success());
    assert!(
        herald(&["ingest", s(&summit), "--db", s(&db), "--quiet", "--published", "2025-10-24"])
            .status
            .success()
    );
    let c = counts(&db);
    let out = dir.join("out");
    for format in ["gdelt", "csv", "jsonl", "parquet"] {
        let o = herald(&["export", "--db", s(&db), "--format", format, "--out", s(&out.join(format))]);
        assert!(o.status.success(), "{format}: {}", text(&o.stderr));
    }
    let header: Vec<&str> = GDELT_HEADER.split(' ').collect();
    assert_eq!(header.len(), 61);
    let events = std::fs::read_to_string(out.join("gdelt/herald.export.CSV")).unwrap();
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len() as u64, c.clusters);
    let col = |row: &Vec<&str>, name: &str| row[header.iter().position(|h| *h == name).unwrap()].to_string();
    for r in &rows {
        assert_eq!(r.len(), 61);
        assert_eq!(col(r, "EventRootCode"), col(r, "EventCode")[..2]);
        assert!(col(r, "SQLDATE").len() == 8 && col(r, "DATEADDED").len() == 14);
    }
    // The summit in Budapest: a CAMEO 036 (express intent to meet) by the US government toward
    // Russia's, placed in Hungary (FIPS "HU").
    let summit_rows: Vec<&Vec<&str>> =
        rows.iter().filter(|r| col(r, "SQLDATE").starts_with("2025")).collect();
    assert!(summit_rows.iter().any(|r| col(r, "EventCode") == "036"
        && col(r, "Actor1Code") == "USAGOV"
        && col(r, "Actor1Type1Code") == "GOV"));
    let sanctions = rows.iter().find(|r| col(r, "SQLDATE") == "20240305").unwrap();
    assert_eq!(
        (col(sanctions, "EventCode"), col(sanctions, "NumArticles"), col(sanctions, "NumSources")),
        ("163".into(), "2".into(), "2".into())
    );
    assert_eq!(col(sanctions, "Actor1CountryCode"), "USA");
    let mentions = std::fs::read_to_string(out.join("gdelt/herald.mentions.CSV")).unwrap();
    assert_eq!(mentions.lines().count() as u64, c.events);
    assert!(mentions.lines().all(|l| l.split('\t').count() == 16));

    let csv = std::fs::read_to_string(out.join("csv/events.csv")).unwrap();
    assert_eq!(csv.lines().next().unwrap().split(',').count(), 21);
    let docs = std::fs::read_to_string(out.join("jsonl/documents.jsonl")).unwrap();
    let docs: Vec<Value> = docs.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len() as u64, c.articles);
    assert!(
        docs.iter()
            .all(|d| d["schema"] == "herald.doc/1" && d["tokens"].as_array().is_some_and(|t| !t.is_empty()))
    );

    let parts: Vec<PathBuf> =
        std::fs::read_dir(out.join("parquet/events")).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(parts.iter().all(|p| p.file_name().unwrap().to_str().unwrap().starts_with("date=")));
    assert!(parts.iter().any(|p| p.ends_with("date=2024-03-05")));
    // DuckDB reads the partitioned table with the right row count (when Python has duckdb).
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parquet_duckdb.py");
    match Command::new("python3")
        .arg(&script)
        .arg(out.join("parquet/events"))
        .arg(c.clusters.to_string())
        .output()
    {
        Ok(o) if o.status.code() == Some(0) => {}
        Ok(o) if o.status.code() == Some(77) => {
            eprintln!("skipped: DuckDB check ({})", text(&o.stdout).trim())
        }
        Ok(o) => panic!("DuckDB check failed: {}{}", text(&o.stdout), text(&o.stderr)),
        Err(e) => eprintln!("skipped: DuckDB check (no python3: {e})"),
    }
}

#[test]
fn worker_mode_streams_one_document_per_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["analyze", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // Each answer arrives before the next article is sent: the worker streams.
    for (i, body) in
        ["Floods hit Dhaka on Sunday.", "Police in Lagos arrested twelve protesters on Saturday."]
            .iter()
            .enumerate()
    {
        writeln!(stdin, "{}", article(&format!("w{i}"), "2024-03-10", "wire", body)).unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let doc: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(doc["id"], format!("w{i}"));
        assert_eq!(doc["text"], *body);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn an_article_the_database_refuses_costs_only_itself() {
    let dir = scratch("poison");
    let db = dir.join("h.db");
    // Create the database, then make it refuse one article (as a corrupt value or a constraint
    // would), by a trigger.
    let seed = dir.join("seed.txt");
    std::fs::write(&seed, "Floods hit Dhaka on Sunday, killing five people.").unwrap();
    assert!(herald(&["ingest", s(&seed), "--db", s(&db), "--quiet"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.doc_id = 'n3'
         BEGIN SELECT RAISE(ABORT, 'poisoned article'); END;",
    )
    .unwrap();
    drop(conn);
    let corpus = dir.join("c.jsonl");
    std::fs::write(&corpus, numbered_corpus(8)).unwrap();
    let o = herald(&["ingest", s(&corpus), "--db", s(&db), "--quiet", "--batch", "8"]);
    let err = text(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("c.jsonl:4: not stored") && err.contains("poisoned article"), "{err}");
    assert!(err.contains("1 errors"), "{err}");
    // The seven others of the batch are stored.
    assert_eq!(counts(&db).articles, 1 + 7);
}
