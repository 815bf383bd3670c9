//! Cue words: verbs that report speech, writing, thought or stance, and how their content
//! attaches (a clause, an infinitive, an object). Sorted tables; a test checks the order.

/// Verbs whose clausal complement (or the clause they interrupt) is what someone said or
/// thought: "said (that) …", "…, she noted".
const CLAUSE_CUES: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assume",
    "assure",
    "believe",
    "boast",
    "brag",
    "caution",
    "chant",
    "charge",
    "cite",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "continue",
    "counter",
    "cry",
    "decide",
    "declare",
    "demonstrate",
    "deny",
    "describe",
    "disclose",
    "doubt",
    "email",
    "emphasise",
    "emphasize",
    "envision",
    "estimate",
    "exclaim",
    "expect",
    "explain",
    "express",
    "fear",
    "feel",
    "figure",
    "find",
    "guess",
    "hint",
    "hope",
    "imagine",
    "imply",
    "indicate",
    "inform",
    "insist",
    "instruct",
    "jeer",
    "joke",
    "know",
    "lament",
    "learn",
    "maintain",
    "mention",
    "muse",
    "mutter",
    "note",
    "notice",
    "observe",
    "opine",
    "order",
    "plead",
    "pledge",
    "point",
    "posit",
    "post",
    "predict",
    "proclaim",
    "promise",
    "propose",
    "protest",
    "quip",
    "read",
    "realise",
    "realize",
    "reason",
    "reassure",
    "recall",
    "reckon",
    "recognize",
    "recommend",
    "recount",
    "reiterate",
    "relate",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "rule",
    "say",
    "scoff",
    "scream",
    "see",
    "shout",
    "show",
    "signal",
    "speculate",
    "state",
    "stress",
    "suggest",
    "suspect",
    "swear",
    "tell",
    "testify",
    "theorize",
    "think",
    "threaten",
    "tout",
    "tweet",
    "underline",
    "underscore",
    "understand",
    "urge",
    "voice",
    "vow",
    "warn",
    "whisper",
    "wonder",
    "worry",
    "write",
    "yell",
];

/// Verbs whose infinitive complement is an intention or stance: "wants to …", "vowed to …".
const INFINITIVE_CUES: &[&str] = &[
    "agree", "aim", "appear", "ask", "choose", "decide", "decline", "demand", "expect", "hope", "intend",
    "like", "offer", "plan", "pledge", "prefer", "promise", "refuse", "seek", "seem", "threaten", "urge",
    "vow", "want", "wish",
];

/// Verbs whose object is the content of a statement or stance: "denied the report",
/// "endorsed Clinton", "called for her ouster". Not "release": its object is as often prisoners
/// as a statement, and a released statement's words come in their own clause.
const OBJECT_CUES: &[&str] = &[
    "accuse",
    "acknowledge",
    "address",
    "announce",
    "applaud",
    "ask",
    "blame",
    "blast",
    "brand",
    "call",
    "champion",
    "characterize",
    "chide",
    "cite",
    "claim",
    "commend",
    "condemn",
    "confirm",
    "congratulate",
    "criticise",
    "criticize",
    "decry",
    "defend",
    "demand",
    "denounce",
    "deny",
    "depict",
    "describe",
    "discuss",
    "dismiss",
    "dispute",
    "dub",
    "embrace",
    "endorse",
    "expect",
    "fault",
    "favor",
    "hail",
    "herald",
    "identify",
    "label",
    "lambast",
    "laud",
    "mention",
    "mock",
    "name",
    "oppose",
    "plan",
    "portray",
    "praise",
    "predict",
    "promote",
    "propose",
    "question",
    "rebuke",
    "recommend",
    "refer",
    "reject",
    "report",
    "request",
    "reveal",
    "ridicule",
    "say",
    "scold",
    "see",
    "seek",
    "show",
    "slam",
    "tell",
    "term",
    "thank",
    "tout",
    "urge",
    "welcome",
];

/// Nouns that name where something was said: "In a statement, …", "In the new poll, …".
const SOURCE_NOUNS: &[&str] = &[
    "article",
    "blog",
    "book",
    "column",
    "editorial",
    "email",
    "filing",
    "interview",
    "letter",
    "memo",
    "op-ed",
    "poll",
    "post",
    "release",
    "report",
    "speech",
    "statement",
    "study",
    "survey",
    "testimony",
    "tweet",
];

/// Nouns whose "that" clause is what someone said or holds: "Trump's claim that …".
const CLAIM_NOUNS: &[&str] = &[
    "accusation",
    "allegation",
    "argument",
    "assertion",
    "assurance",
    "belief",
    "charge",
    "claim",
    "comment",
    "concern",
    "contention",
    "fear",
    "hope",
    "insistence",
    "message",
    "promise",
    "remark",
    "statement",
    "suggestion",
    "view",
    "warning",
];

/// Stance nouns and the preposition that introduces what they are about.
const STANCE_NOUNS: &[(&str, &str)] = &[
    ("attack", "on"),
    ("call", "for"),
    ("criticism", "of"),
    ("demand", "for"),
    ("endorsement", "of"),
    ("opposition", "to"),
    ("praise", "for"),
    ("question", "about"),
    ("support", "for"),
];

/// The preposition of a stance noun ("support" → "for").
pub fn stance_preposition(lemma: &str) -> Option<&'static str> {
    STANCE_NOUNS.binary_search_by(|(w, _)| w.cmp(&lemma)).ok().map(|i| STANCE_NOUNS[i].1)
}

/// Whether `lemma` is a noun that reports its "that" clause.
pub fn is_claim_noun(lemma: &str) -> bool {
    contains(CLAIM_NOUNS, lemma)
}

/// Whether `lemma` names a statement, poll or document that can report content.
pub fn is_source_noun(lemma: &str) -> bool {
    contains(SOURCE_NOUNS, lemma)
}

fn contains(list: &[&str], lemma: &str) -> bool {
    list.binary_search(&lemma).is_ok()
}

/// Whether `lemma` reports a clause.
pub fn takes_clause(lemma: &str) -> bool {
    contains(CLAUSE_CUES, lemma)
}

/// Whether `lemma` reports an infinitive.
pub fn takes_infinitive(lemma: &str) -> bool {
    contains(INFINITIVE_CUES, lemma)
}

/// Whether `lemma` reports through its object.
pub fn takes_object(lemma: &str) -> bool {
    contains(OBJECT_CUES, lemma)
}

/// Whether `lemma` is a cue at all.
pub fn is_cue(lemma: &str) -> bool {
    takes_clause(lemma) || takes_infinitive(lemma) || takes_object(lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for list in [CLAUSE_CUES, INFINITIVE_CUES, OBJECT_CUES, SOURCE_NOUNS, CLAIM_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(takes_clause("say") && takes_infinitive("vow") && takes_object("endorse"));
        assert!(!is_cue("attack"));
        assert!(STANCE_NOUNS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(stance_preposition("support"), Some("for"));
    }
}
