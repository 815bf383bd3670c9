//! The named-entity stage on a news sentence (places the gazetteer knows become GPE).

use herald::layers::MentionKind;
use herald::{Meta, Pipeline};

#[test]
fn names_people_and_places_in_a_news_sentence() {
    let text = "Russian President Vladimir Putin met Donald Trump in Budapest on Thursday, officials in Washington said.";
    let doc = Pipeline::new().annotate(text.to_string(), Meta::default());
    let found: Vec<(&str, MentionKind)> = doc.mentions.iter().map(|m| (doc.slice(m.span), m.kind)).collect();
    for want in [
        ("Vladimir Putin", MentionKind::Person),
        ("Donald Trump", MentionKind::Person),
        ("Budapest", MentionKind::Gpe),
        ("Washington", MentionKind::Gpe),
    ] {
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }
    assert!(!found.iter().any(|(t, _)| *t == "Thursday"), "a weekday is not a name: {found:?}");
}
