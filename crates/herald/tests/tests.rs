//! Integration tests of the core, in one binary:
//! - `entities`: actor codes, coreference and places on the summit briefing and other news;
//! - `events`: coded events of the summit briefing with dates, negation, hypotheticals, reported speech;
//! - `golden`: every bundled example article against its committed rendering;
//! - `ner`: named mentions in a news sentence;
//! - `properties`: invariants of the segmenter over arbitrary text;
//! - `quotes`: quotes and speakers on the summit briefing, reported speech, runs of quotes, hostile marks;
//! - `syntax`: tagger, lemmatizer and parser on real and hostile sentences;
//! - `timex`: time expressions on the summit briefing, absolute forms, impossible dates;
//! - `tone`: tone rules on real sentences, the summit briefing, the NYT dev correlation;
//! - `treebank`: accuracy guards on UD data in `../shared/data` (skipped with a message when absent).
#![allow(clippy::unwrap_used)]

mod entities;
mod events;
mod golden;
mod ner;
mod properties;
mod quotes;
mod syntax;
mod timex;
mod tone;
mod treebank;
