//! Golden tests: `examples/<name>.txt` → `test_data/segment/<name>.expected`.
//! After an intended change, regenerate with `UPDATE_EXPECT=1 cargo test -p herald` and review the diff.

use std::path::{Path, PathBuf};

use herald::{Meta, Pipeline, render};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The example's text without its front matter (which the CLI reads; the core sees only the body).
fn body(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("examples").join(format!("{name}.txt"))).unwrap();
    match text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")) {
        Some((_, body)) => body.to_string(),
        None => text,
    }
}

fn check(name: &str) {
    let text = body(name);
    let doc = Pipeline::new().annotate(text, Meta::default());
    let actual = render::sentences(&doc);
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/segment").join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        for (a, e) in actual.lines().zip(expected.lines()).filter(|(a, e)| a != e).take(3) {
            eprintln!("expected: {e}\n  actual: {a}");
        }
        panic!("{name}: segmentation differs from {} (UPDATE_EXPECT=1 to regenerate)", path.display());
    }
}

#[test]
fn summit_briefing_sentences() {
    // The article the project exists for: title, sub-title, then each body sentence once; a full
    // sentence inside a quote may stand alone, a quote's last words stay with their attribution.
    let doc = Pipeline::new().annotate(body("summit-briefing"), Meta::default());
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    assert_eq!(doc.meta.title.as_deref(), Some("White House: Putin-Trump Summit Remains a Possibility"));
    assert_eq!(sentences.len(), 18, "{sentences:#?}");
    assert_eq!(
        sentences[1],
        "The American president recently deferred a scheduled meeting with his Russian opposite number"
    );
    assert!(sentences[2].ends_with(
        "White House press secretary Karoline Leavitt stated during a press briefing held on Thursday."
    ));
    assert_eq!(sentences[6], "“A meeting involving these two leaders is still under consideration.");
    assert!(sentences[7].ends_with("occur again in the future,” she responded."));
    assert!(sentences[11].contains("essential… and yesterday represented that moment,” she stated."));
    assert!(sentences[12].ends_with("“had just started to mend.”"));
    assert!(sentences[13].starts_with("Nevertheless"));
    assert_eq!(sentences[16], "“What more can I add?");
    assert!(
        sentences[17].starts_with("Dialogue consistently") && sentences[17].contains("” Putin expressed")
    );
    check("summit-briefing");
}

#[test]
fn port_strike() {
    check("port-strike");
}

#[test]
fn ceasefire_talks() {
    check("ceasefire-talks");
}

#[test]
fn sanctions_oil() {
    check("sanctions-oil");
}
