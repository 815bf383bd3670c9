//! `herald serve` over HTTP: every route's status and content, escaping of hostile text, the
//! caps, and a real browser (headless Chromium) rendering the article view.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const HOSTILE_TITLE: &str = "<script>alert('title')</script> Ministers meet";
const HOSTILE_TEXT: &str = "Ministers met in Geneva on Monday. <script>alert('x')</script> \"We <b>agreed</b> on nothing,\" the envoy said.";

/// A database holding the summit briefing (article 1) and a hostile article (article 2), built
/// once for all tests.
fn database() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("herald-web-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("h.db");
        let summit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/summit-briefing.txt");
        let herald = env!("CARGO_BIN_EXE_herald");
        let ok = Command::new(herald)
            .args(["ingest", s(&summit), "--db", s(&db), "--quiet", "--published", "2025-10-24"])
            .status()
            .unwrap();
        assert!(ok.success());
        let hostile = dir.join("hostile.jsonl");
        let line = serde_json::json!({"id": "x", "title": HOSTILE_TITLE, "published": "2025-10-27", "text": HOSTILE_TEXT});
        std::fs::write(&hostile, format!("{line}\n")).unwrap();
        assert!(Command::new(herald).args(["ingest", s(&hostile), "--db", s(&db), "--quiet"]).status().unwrap().success());
        db
    })
}

/// A server of its own for one test (stopped when dropped).
struct Server {
    addr: String,
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn server() -> Server {
    let db = database();
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["serve", "--db", s(db), "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).unwrap().split('/').next().unwrap().to_string();
    Server { addr, child }
}

/// One HTTP request; returns the status and the body.
fn request(srv: &Server, method: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&srv.addr).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let status = raw.split_whitespace().nth(1).unwrap().parse().unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let head = head.to_ascii_lowercase();
    let body = if head.contains("transfer-encoding: chunked") { dechunk(body) } else { body.to_string() };
    let content_type =
        head.lines().find_map(|l| l.strip_prefix("content-type:")).unwrap_or("").trim().to_string();
    (status, content_type, body)
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

fn get(srv: &Server, path: &str) -> String {
    let (status, content_type, body) = request(srv, "GET", path);
    assert_eq!(status, 200, "{path}: {body}");
    let want = if path.starts_with("/api/") { "application/json" } else { "text/html; charset=utf-8" };
    assert_eq!(content_type, want, "{path}");
    body
}

fn get_json(srv: &Server, path: &str) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(&get(srv, path)).unwrap()
}

#[test]
fn events_page_lists_events_with_filters_and_pages() {
    let srv = server();
    let page = get(&srv, "/");
    assert!(page.contains("<h1>Events</h1>"));
    assert!(page.contains("USAGOV") && page.contains("RUSGOV"), "{page}");
    assert!(page.contains("href=\"/article/1\""));
    let filtered = get(&srv, "/?code=036&actor=usa");
    assert!(filtered.contains(">036<"), "{filtered}");
    assert!(!filtered.contains(">163<"));
    let first = get(&srv, "/?limit=2");
    assert!(first.contains("older →") && first.contains("offset=2"), "{first}");
}

#[test]
fn article_view_marks_quotes_entities_dates_and_events() {
    let srv = server();
    let page = get(&srv, "/article/1");
    assert!(page.contains("class=\"quote\""), "no quote marks");
    assert!(
        page.contains("data-speaker=\"Karoline Leavitt\"")
            && page.contains("data-speaker=\"Vladimir Putin\"")
    );
    assert!(
        page.contains("class=\"ent ent-per\" data-actor=\"USAGOV\""),
        "entities colored by type with codes"
    );
    assert!(page.contains("data-value=\"2025-10-23\""), "time expression values");
    assert!(page.contains("<mark class=\"trigger quad1\" id=\"ev-"), "event triggers");
    // Each listed event links to its trigger in the text.
    let links = page.matches("class=\"evlink\" href=\"#ev-").count();
    let anchors = page.matches(" id=\"ev-").count();
    assert!(links >= 4 && links == anchors, "{links} links, {anchors} anchors");
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let srv = server();
    for path in ["/article/2", "/quotes", "/"] {
        let (_, _, body) = request(&srv, "GET", path);
        assert!(!body.contains("<script>alert"), "{path} lets a script through");
        assert!(!body.contains("<b>agreed</b>"), "{path} lets markup through");
    }
    // The API gives the text as it is, as JSON, which a browser does not run.
    let (_, content_type, _) = request(&srv, "GET", "/api/article/2");
    assert_eq!(content_type, "application/json");
    let page = get(&srv, "/article/2");
    // (Marks around quotes and names may fall inside the tag's text, so look at its pieces.)
    assert!(page.contains("alert('x')&lt;/script"), "{page}");
    assert!(page.contains("&lt;") && !page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert('title')"));
    let hostile = get(&srv, "/?q=%3Cscript%3E%22");
    assert!(hostile.contains("value=\"&lt;script&gt;&quot;\""), "the echoed search is escaped: {hostile}");
}

#[test]
fn timeline_and_actor_pair_draw_charts() {
    let srv = server();
    let page = get(&srv, "/timeline?by=day");
    assert!(page.contains("<svg") && page.contains("data-period=\"2025-10-23\""), "{page}");
    let page = get(&srv, "/dyad?a=usa&b=rus&by=day");
    assert!(page.contains("<svg") && page.contains("USA→RUS") && page.contains("RUS→USA"), "{page}");
    assert!(page.contains("class=\"conflict\""));
    assert!(get(&srv, "/dyad").contains("Give two CAMEO actor codes"));
}

#[test]
fn quotes_page_by_speaker() {
    let srv = server();
    let page = get(&srv, "/quotes?speaker=Putin");
    assert!(page.contains("Vladimir Putin") && page.contains("Dialogue consistently surpasses"), "{page}");
    assert!(!page.contains("Karoline Leavitt</td>"));
}

#[test]
fn api_mirrors_the_query_command() {
    let srv = server();
    let events = get_json(&srv, "/api/events?actor=USA");
    assert!(events.iter().any(|e| e["code"] == "036" && e["source"] == "USAGOV"), "{events:#?}");
    let quotes = get_json(&srv, "/api/quotes?speaker=Leavitt");
    assert!(quotes.len() >= 4 && quotes.iter().all(|q| q["speaker"] == "Karoline Leavitt"));
    let entities = get_json(&srv, "/api/entities");
    assert!(entities.iter().any(|e| e["name"] == "Donald Trump" && e["actor"] == "USAGOV"));
    let dyad = get_json(&srv, "/api/dyad?a=USA&b=RUS&by=week");
    assert!(dyad.iter().all(|r| r["period"] == "2025-10-20"), "{dyad:#?}");
    assert!(!get_json(&srv, "/api/timeline?by=month").is_empty());
    let doc: Value = serde_json::from_str(&get(&srv, "/api/article/1")).unwrap();
    assert_eq!(doc["schema"], "herald.doc/1");
    // Result sizes are capped.
    assert!(get_json(&srv, "/api/events?limit=100000").len() <= 500);
}

#[test]
fn errors_are_plain_pages_and_nothing_writes() {
    let srv = server();
    let (status, _, body) = request(&srv, "GET", "/no/such/page");
    assert_eq!(status, 404);
    assert!(body.contains("404 Not Found") && !body.contains("panicked"));
    let (status, _, body) = request(&srv, "GET", "/?since=yesterday");
    assert_eq!(status, 400);
    assert!(body.contains("since: &quot;yesterday&quot; is not a date"), "{body}");
    assert_eq!(request(&srv, "GET", "/api/dyad?a=USA").0, 400);
    assert_eq!(request(&srv, "GET", "/article/999").0, 404);
    assert_eq!(request(&srv, "GET", "/article/abc").0, 400);
    assert_eq!(request(&srv, "GET", "/?code=1%27%20OR%201=1").0, 400);
    assert_eq!(request(&srv, "POST", "/").0, 405);
    assert_eq!(request(&srv, "DELETE", "/api/events").0, 405);
}

/// Headless Chromium renders the article view; the DOM it builds holds the marked quotes and
/// events, and a screenshot is saved. Skipped (with a message) when Chromium is not installed,
/// except under CI, where `.ci/run` installs it.
#[test]
fn a_real_browser_renders_the_article_view() {
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(chromium) = chromium else {
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium (.ci/run installs it)");
        eprintln!("skipped: no chromium on this machine (apt-get install chromium)");
        return;
    };
    let srv = server();
    let url = format!("http://{}/article/1", srv.addr);
    let dir = database().parent().unwrap().to_path_buf();
    let profile = dir.join("chromium-profile");
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let dom = Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("class=\"quote\"") && dom.contains("data-speaker=\"Vladimir Putin\""), "{dom}");
    assert!(dom.contains("<mark class=\"trigger"), "{dom}");
    let shot = dir.join("article.png");
    let o = Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--window-size=1280,1400", &format!("--screenshot={}", shot.display()), &url])
        .output()
        .unwrap();
    assert!(shot.exists(), "no screenshot: {}", String::from_utf8_lossy(&o.stderr));
    eprintln!("screenshot of the article view: {}", shot.display());
}
