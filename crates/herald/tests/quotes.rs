//! Quotes and speakers on real sentences: every quoted span of the summit briefing, reported
//! speech forms, runs of quotes, and hostile quote marks.

use herald::layers::QuoteKind;
use herald::{Date, Doc, Meta, Pipeline};

fn analyze(text: &str) -> Doc {
    let meta = Meta { published: Date::parse_iso("2025-10-24"), ..Meta::default() };
    Pipeline::new().annotate(text.to_string(), meta)
}

/// The speaker's name of the quote whose content starts with `start`.
fn speaker_of(doc: &Doc, start: &str) -> String {
    let q = doc.quotes.iter().find(|q| doc.slice(q.content).starts_with(start));
    let q = q.unwrap_or_else(|| {
        let all: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.content)).collect();
        panic!("no quote starting {start:?} in {all:#?}")
    });
    q.speaker.and_then(|e| doc.entities.get(e as usize)).map_or_else(String::new, |e| e.name.clone())
}

#[test]
fn summit_briefing_every_quote_has_its_speaker() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/summit-briefing.txt"))
            .unwrap();
    let doc = analyze(&text);
    for start in [
        "remains a possibility",
        "A meeting involving these two leaders",
        "has not observed sufficient interest or action",
        "The president has consistently held the position",
    ] {
        assert_eq!(speaker_of(&doc, start), "Karoline Leavitt", "{start}");
    }
    for start in ["complete dedication", "underlying issues"] {
        assert_eq!(speaker_of(&doc, start), "Moscow", "{start}");
    }
    for start in [
        "hostile action",
        "damage",
        "had just started to mend",
        "no sovereign nation",
        "choices while under duress",
        "What more can I add? Dialogue",
    ] {
        assert_eq!(speaker_of(&doc, start), "Vladimir Putin", "{start}");
    }
    let moscow = doc.entities.iter().find(|e| e.name == "Moscow").unwrap();
    assert_eq!(moscow.actor.as_deref(), Some("RUSGOV"));
    let partial = doc.quotes.iter().find(|q| doc.slice(q.content) == "hostile action").unwrap();
    assert_eq!(partial.kind, QuoteKind::Partial);
    let two_sentences = doc.quotes.iter().find(|q| doc.slice(q.content).starts_with("A meeting")).unwrap();
    assert_eq!(two_sentences.kind, QuoteKind::Direct);
    assert!(
        doc.slice(two_sentences.content).ends_with("in the future"),
        "{}",
        doc.slice(two_sentences.content)
    );
}

#[test]
fn reported_speech_forms() {
    let doc = analyze(
        "The minister said that the talks had failed. According to Mary Hale, the vote was delayed. \
         The strike will continue, union leader Tom Brandt warned on Monday. \
         Brandt added that workers would return, saying the offer was fair.",
    );
    assert_eq!(speaker_of(&doc, "that the talks had failed"), "The minister");
    assert_eq!(speaker_of(&doc, "the vote was delayed"), "Mary Hale");
    assert_eq!(speaker_of(&doc, "The strike will continue"), "Tom Brandt");
    assert_eq!(
        speaker_of(&doc, "the offer was fair"),
        "Tom Brandt",
        "a participle takes its clause's subject"
    );
    let according = doc.quotes.iter().find(|q| doc.slice(q.content).starts_with("the vote")).unwrap();
    assert_eq!(doc.slice(according.cue.unwrap()), "According to");
    let doc = analyze(
        "The minister was quoted as saying that the border would stay closed. \
         Taxes will rise, said Finance Minister Ana Lopes on Monday.",
    );
    // The words naming the source (coreference may well take "the minister" to be Ana Lopes).
    let border = doc.quotes.iter().find(|q| doc.slice(q.content).starts_with("that the border")).unwrap();
    assert_eq!(border.source.map(|s| doc.slice(s)), Some("The minister"), "quoted as saying");
    let lopes = speaker_of(&doc, "Taxes will rise");
    assert!(lopes.ends_with("Ana Lopes"), "inverted: {lopes}");
    // What someone was seen doing is no one's words; what someone sees is an opinion.
    let doc = analyze(
        "Iranian agents were seen entering the Iraqi embassy in Beirut. Iranian officials see the deal as a threat.",
    );
    let contents: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.content)).collect();
    assert_eq!(contents, ["the deal"]);
    // What others expect of someone is not that person's words; a "by" phrase names the speaker.
    let doc = analyze(
        "Nakasone is widely expected to present a package of measures to President Reagan. \
         Schumer was told by the Senate Rules Committee that the tapes were stolen.",
    );
    assert_eq!(speaker_of(&doc, "to present a package"), "");
    assert!(doc.events.is_empty(), "{:?}", doc.events.iter().map(|e| &e.code).collect::<Vec<_>>());
    assert!(speaker_of(&doc, "that the tapes were stolen").ends_with("Rules Committee"));
}

#[test]
fn a_run_of_quotes_keeps_its_speaker_across_paragraphs() {
    let doc = analyze(
        "“We will not retreat,” General Amir Haddad said on Sunday.\n\n“Our lines are holding.”\n\n\
         “The enemy is exhausted,” he added.",
    );
    assert_eq!(speaker_of(&doc, "We will not retreat"), "Amir Haddad");
    assert_eq!(speaker_of(&doc, "Our lines are holding"), "Amir Haddad", "no cue: the run continues");
    assert_eq!(speaker_of(&doc, "The enemy is exhausted"), "Amir Haddad");
}

#[test]
fn a_quote_running_over_paragraphs_and_unbalanced_marks() {
    let doc = analyze(
        "Officials said: “The first part ends here.\n\n“The second part ends here.”\n\n\
         A stray “mark opens here and never closes.\n\nThe next paragraph is not quoted.",
    );
    let long = doc.quotes.iter().find(|q| doc.slice(q.content).starts_with("The first part")).unwrap();
    assert!(doc.slice(long.content).contains("The second part"), "{}", doc.slice(long.content));
    assert!(
        !doc.quotes.iter().any(|q| doc.slice(q.content).contains("The next paragraph")),
        "an unclosed mark stops at its paragraph"
    );
}

#[test]
fn hostile_quote_marks_are_bounded() {
    for text in [
        "\"".repeat(10_000),
        "“".repeat(10_000),
        "”".repeat(5_000),
        "He said “ yes \" no ” ‘ maybe".repeat(500),
    ] {
        let started = std::time::Instant::now();
        let doc = analyze(&text);
        assert!(doc.quotes.len() <= doc.tokens.len());
        // Not a timing test: a sanity bound far above the milliseconds this takes.
        assert!(started.elapsed().as_secs() < 60);
    }
}
