//! Tone on real sentences: the summit briefing, the news rules, and the NYT development half.

use herald::{Doc, Meta, Pipeline};

fn analyze(text: &str) -> Doc {
    Pipeline::new().annotate(text.to_string(), Meta::default())
}

fn score(text: &str) -> f32 {
    analyze(text).tone.unwrap().score
}

fn sentence_tone(doc: &Doc, containing: &str) -> f32 {
    let i = doc.sentences.iter().position(|s| doc.slice(s.span).contains(containing)).unwrap();
    doc.sentence_tone[i]
}

#[test]
fn summit_briefing_is_negative_and_putins_words_more_than_leavitts() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/summit-briefing.txt"))
            .unwrap();
    let doc = analyze(&text);
    let tone = doc.tone.unwrap();
    assert!(tone.tone < 0.0 && tone.score < 0.0, "{tone:?}");
    assert!(tone.negative > tone.positive);
    assert_eq!(doc.sentence_tone.len(), doc.sentences.len());
    let putin = sentence_tone(&doc, "“hostile action” inflicts “damage”");
    let leavitt = sentence_tone(&doc, "“remains a possibility,”");
    assert!(putin < leavitt, "Putin {putin} vs Leavitt {leavitt}");
    assert!(putin < -0.5);
}

#[test]
fn news_rules() {
    assert!(score("The talks were a success.") > 0.3);
    assert!(score("The talks were not a success.") < 0.0, "negation flips");
    assert!(score("The new program will cut poverty.") > 0.0, "reducing something bad is good");
    assert!(score("Poverty rose again.") < 0.0);
    assert_eq!(score("Crude oil prices rose on Monday."), 0.0, "crude oil is a commodity");
    assert!(score("It was a crude remark.") < 0.0);
    assert!(score("The plan is good but the execution is terrible.") < 0.0, "what follows 'but' weighs more");
    assert_eq!(score("Hope Hicks met the Justice Department."), 0.0, "names carry no tone");
    assert!(score("The prices are too high.") < 0.0, "excess");
}

#[test]
fn gdelt_fields_follow_their_definitions() {
    let doc = analyze("We love peace. They hate war and fear violence.");
    let t = doc.tone.unwrap();
    assert_eq!(t.word_count, 9);
    assert!((t.positive - 100.0 * 2.0 / 9.0).abs() < 0.01, "{t:?}");
    assert!((t.negative - 100.0 * 4.0 / 9.0).abs() < 0.01, "hate, war, fear, violence: {t:?}");
    assert!((t.tone - (t.positive - t.negative)).abs() < 1e-4);
    assert!((t.polarity - (t.positive + t.negative)).abs() < 1e-4);
    assert!((t.self_group_density - 100.0 * 2.0 / 9.0).abs() < 0.01, "we, they: {t:?}");
}

/// Regression guard on the NYT editorial development half (committed figure 0.553; floor 0.54).
#[test]
fn nyt_dev_correlation_does_not_regress() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/nyt_editorial_sentiment/dev.tsv");
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipped: ../shared/data/nyt_editorial_sentiment/dev.tsv not found");
        return;
    };
    let pipeline = Pipeline::new();
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for line in data.lines().skip(1) {
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        let doc = pipeline.annotate(cols[2].to_string(), Meta::default());
        x.push(f64::from(doc.tone.unwrap().score));
        y.push(cols[1].parse::<f64>().unwrap());
    }
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let syy: f64 = y.iter().map(|b| (b - my) * (b - my)).sum();
    let r = sxy / (sxx * syy).sqrt();
    eprintln!("NYT dev Pearson r = {r:.3}");
    assert!(r >= 0.54, "Pearson r fell to {r:.3}");
}

#[test]
fn quotes_and_events_get_the_tone_of_their_text() {
    use herald::Span;
    use herald::layers::{Quote, QuoteKind};

    let mut doc =
        analyze("Putin said the “hostile action” inflicts “damage” on relations, and she praised the talks.");
    let content = |doc: &Doc, what: &str| {
        let start = doc.text.find(what).unwrap();
        Span::checked(&doc.text, start, start + what.len()).unwrap()
    };
    doc.quotes.clear();
    for what in ["hostile action", "praised the talks"] {
        let span = content(&doc, what);
        doc.quotes.push(Quote {
            span,
            content: span,
            kind: QuoteKind::Partial,
            cue: None,
            source: None,
            speaker: None,
            speaker_mention: None,
            tone: None,
        });
    }
    herald::tone::run(&mut doc);
    let (hostile, praised) = (doc.quotes[0].tone.unwrap(), doc.quotes[1].tone.unwrap());
    assert!(hostile < 0.0 && praised > 0.0, "{hostile} {praised}");
}
