//! The annotation records of the layers after segmentation. Each points into the text with a
//! [`Span`] and, where it refers to another layer, by index into that layer's `Vec`.
//!
//! Stages fill these as they land; the records say what each field means so the JSON schema
//! (`docs/schema.md`) and the store can carry them unchanged.

use crate::date::Date;
use crate::span::Span;

/// Universal part-of-speech tag (UD v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// All tags in UD order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as UD writes it (`PROPN`).
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; 17] = [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
            "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ];
        NAMES[self as usize]
    }

    /// Parses a UD tag.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// Morphology of one token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Morph {
    /// Universal tag.
    pub upos: Upos,
    /// Penn Treebank tag (`NNP`, `VBD`).
    pub xpos: String,
    /// Dictionary form.
    pub lemma: String,
}

/// The syntactic head of one token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dep {
    /// Index of the head token in [`crate::Doc::tokens`]; `None` for the sentence's root.
    pub head: Option<u32>,
    /// UD relation, with subtype (`nsubj:pass`).
    pub rel: String,
}

/// What a mention names or describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A person's name.
    Person,
    /// An organization's name.
    Org,
    /// A geographic place that is not a political entity (a river, a region).
    Loc,
    /// A geopolitical entity: a country, city or state, also as its government.
    Gpe,
    /// A nationality, religious or political group (`Russian`, `American`).
    Norp,
    /// A role description (`the president`, `his Russian opposite number`).
    Role,
    /// A pronoun (`she`, `his`).
    Pronoun,
}

impl MentionKind {
    /// The short name used in output (`PER`, `ORG`, `LOC`, `GPE`, `NORP`, `ROLE`, `PRON`).
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "PER",
            MentionKind::Org => "ORG",
            MentionKind::Loc => "LOC",
            MentionKind::Gpe => "GPE",
            MentionKind::Norp => "NORP",
            MentionKind::Role => "ROLE",
            MentionKind::Pronoun => "PRON",
        }
    }
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Kind.
    pub kind: MentionKind,
    /// Index into [`crate::Doc::entities`], once coreference has run.
    pub entity: Option<u32>,
    /// The CAMEO actor code this mention states (from its words, the title and country before
    /// it, or a dictionary), before coreference.
    pub actor: Option<String>,
    /// The role noun the mention or its title states, lowercase (`president`, `press secretary`).
    pub role: Option<String>,
    /// The CAMEO role code of a description that names no country (`COP` for "police", `REB`
    /// for "rebels"): GDELT codes such actors by their role alone, and so does the event coder
    /// when no actor code is known. `None` when `actor` is set.
    pub agent: Option<String>,
    /// A plural description (`the two leaders`, `Russian oil firms`).
    pub plural: bool,
}

impl Mention {
    /// A mention of `kind` at `span`, not yet coded or resolved.
    pub fn new(span: Span, kind: MentionKind) -> Mention {
        Mention { span, kind, entity: None, actor: None, role: None, agent: None, plural: false }
    }
}

/// A real-world actor, place or group, with every mention of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The fullest name the article gives.
    pub name: String,
    /// Kind of the entity's best mention.
    pub kind: MentionKind,
    /// CAMEO actor code: country + roles (`USAGOV`, `RUSBUS`).
    pub actor: Option<String>,
    /// Knowledge-base identifier, where one is known.
    pub kb_id: Option<String>,
    /// Indices into [`crate::Doc::mentions`].
    pub mentions: Vec<u32>,
}

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    /// The TIMEX3 type name (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Where it is.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexKind,
    /// TIMEX3 value (`2025-10-22`, `2025-W42`, `P3D`, `PAST_REF`); `None` when it could not be
    /// resolved (no anchor).
    pub value: Option<String>,
    /// The date the value was computed from, if it was relative.
    pub anchor: Option<Date>,
}

/// How a quote renders speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Whole sentences in quote marks.
    Direct,
    /// A few quoted words inside reported speech.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
    /// Reported speech with quoted parts.
    Mixed,
}

impl QuoteKind {
    /// `direct`, `partial`, `indirect` or `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A quote and who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quote with its marks.
    pub span: Span,
    /// What was said, without marks.
    pub content: Span,
    /// Kind.
    pub kind: QuoteKind,
    /// The cue (`said`, `according to`).
    pub cue: Option<Span>,
    /// The words naming the source ("White House press secretary Karoline Leavitt", "she").
    pub source: Option<Span>,
    /// Index into [`crate::Doc::entities`] of the speaker.
    pub speaker: Option<u32>,
    /// Index into [`crate::Doc::mentions`] of the mention naming the speaker here.
    pub speaker_mention: Option<u32>,
    /// Tone of what was said, in [−1, 1] (the speaker's tone).
    pub tone: Option<f32>,
}

/// A geocoded place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Where it is named.
    pub span: Span,
    /// Gazetteer name.
    pub name: String,
    /// Gazetteer identifier (GeoNames id).
    pub gazetteer_id: Option<u64>,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// Country, first-level division (a US state) or city.
    pub kind: crate::geo::PlaceKind,
    /// First-level division code as GeoNames gives it (a US state's postal code); empty if unknown.
    pub admin1: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// One side of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventActor {
    /// Index into [`crate::Doc::entities`].
    pub entity: Option<u32>,
    /// Name as the article gives it.
    pub name: String,
    /// CAMEO actor code.
    pub code: String,
}

/// Where an event's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// A time expression in the event's clause or sentence.
    Text,
    /// The date the speaker last spoke, for a statement that does not repeat it.
    Speech,
    /// The publication date: the text gives none.
    Published,
}

impl DateSource {
    /// `text`, `speech` or `published`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Speech => "speech",
            DateSource::Published => "published",
        }
    }
}

/// A coded event and its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// CAMEO event code (`036`, `1631`).
    pub code: String,
    /// GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
    /// material conflict.
    pub quad_class: u8,
    /// Goldstein score of the code.
    pub goldstein: Option<f32>,
    /// PLOVER event category (`ACCUSE`, `AGREE`).
    pub plover: Option<String>,
    /// PLOVER mode (`disapprove`, `allege`), where the table gives one.
    pub mode: Option<String>,
    /// Who acted.
    pub source: Option<EventActor>,
    /// Who was acted on.
    pub target: Option<EventActor>,
    /// When it happened (day precision), if known.
    pub date: Option<Date>,
    /// Where the date comes from.
    pub date_source: DateSource,
    /// Index into [`crate::Doc::places`].
    pub place: Option<u32>,
    /// Index into [`crate::Doc::sentences`].
    pub sentence: u32,
    /// The word or phrase that triggered the coding.
    pub trigger: Span,
    /// The text that supports the event.
    pub evidence: Span,
    /// Index into [`crate::Doc::quotes`] when the event is a statement.
    pub quote: Option<u32>,
    /// The dictionary pattern or rule that fired.
    pub rule: String,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// Tone of the evidence, in [−1, 1].
    pub tone: Option<f32>,
    /// How many times the article reports it (same code, actors and date).
    pub mentions: u32,
    /// In the article's lead (GDELT's IsRootEvent).
    pub is_root: bool,
}
