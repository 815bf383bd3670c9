//! Word lists the segmenter consults: abbreviations, hyphen prefixes, sentence starters, speech
//! verbs. Lists are lowercase and sorted, searched by binary search; add entries in order.

/// Abbreviations that keep their final period (lowercase, without the period). Forms with
/// interior periods (`U.S.`, `a.m.`, `Ph.D.`) and single capital initials are recognized by shape
/// and need no entry.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "capt", "cdr", "cf", "cmdr", "co", "col",
    "corp", "cpl", "dec", "dept", "dr", "est", "etc", "feb", "fig", "fri", "ft", "gen", "gov", "hon", "inc",
    "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mme", "mon", "mr", "mrs", "ms", "mt",
    "no", "nos", "nov", "oct", "pp", "pres", "prof", "pvt", "rep", "reps", "rev", "sat", "sen", "sens",
    "sep", "sept", "sgt", "sr", "st", "sun", "supt", "thu", "thur", "thurs", "tue", "tues", "vol", "vs",
    "wed",
];

/// Abbreviations after which a sentence never ends: titles that precede a name.
const TITLES: &[&str] = &[
    "adm", "capt", "cdr", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lt", "maj", "messrs", "mme",
    "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt",
];

/// Abbreviations that only stand before a number (`No. 5`, `pp. 3`): elsewhere the period ends a
/// sentence ("the answer is no.").
const BEFORE_NUMBER: &[&str] = &["no", "nos", "pp", "vol"];

/// Prefixes that stay joined to the word after their hyphen, as in UD EWT (`non-profit`,
/// `e-mail`); other hyphenated words split into word, `-`, word.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "arch", "bi", "co", "counter", "cross", "cyber", "de", "e", "ex", "extra", "hyper", "inter",
    "intra", "macro", "mega", "meta", "micro", "mid", "mini", "multi", "neo", "non", "over", "post", "pre",
    "pro", "pseudo", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra", "un", "under", "vice",
];

/// Capitalized words that, after an ambiguous abbreviation (`U.S.`, `Inc.`, `a.m.`), signal that
/// a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "most",
    "my",
    "no",
    "not",
    "officials",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "under",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
];

/// Verbs of saying that, right after a closing quote, show the quote's attribution follows in the
/// same sentence (`“Why?” Trump asked.`).
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "answered",
    "argued",
    "asked",
    "asks",
    "asserted",
    "cautioned",
    "claimed",
    "commented",
    "conceded",
    "concluded",
    "confirmed",
    "contended",
    "continued",
    "cried",
    "declared",
    "demanded",
    "denied",
    "exclaimed",
    "explained",
    "expressed",
    "insisted",
    "joked",
    "noted",
    "observed",
    "pleaded",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "urged",
    "warned",
    "wrote",
    "yelled",
];

fn contains(list: &[&str], word: &str) -> bool {
    if word.len() > 16 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII lowercase of ASCII stays valid UTF-8.
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    list.binary_search(&lower).is_ok()
}

/// The longest entry of the abbreviation lists (a test keeps it true).
const MAX_LISTED: usize = 7;

/// What kind of abbreviation a word with a final period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name (`Mr.`, `Gen.`): a sentence never ends after it.
    Title,
    /// A single capital initial (`W.`): a sentence rarely ends after it.
    Initial,
    /// Only before a number (`No.`).
    BeforeNumber,
    /// Anything else (`U.S.`, `Inc.`, `a.m.`, `Oct.`): a sentence may end after it.
    Other,
}

/// Classifies `stem`, a word without its final period, as an abbreviation, if it is one.
pub(crate) fn abbreviation(stem: &str) -> Option<Abbrev> {
    let b = stem.as_bytes();
    if b.is_empty() {
        return None;
    }
    if b.len() == 1 {
        return b[0].is_ascii_uppercase().then_some(Abbrev::Initial);
    }
    // Every listed abbreviation is at most seven letters; longer words can only be dotted forms.
    if b.len() > MAX_LISTED && !stem.contains('.') {
        return None;
    }
    if contains(TITLES, stem) {
        return Some(Abbrev::Title);
    }
    if contains(BEFORE_NUMBER, stem) {
        return Some(Abbrev::BeforeNumber);
    }
    if contains(ABBREVIATIONS, stem) {
        return Some(Abbrev::Other);
    }
    // Letters separated by periods: U.S, a.m, D.C, Ph.D, e.g
    let dotted = stem.contains('.')
        && stem
            .split('.')
            .all(|seg| (1..=2).contains(&seg.len()) && seg.bytes().all(|c| c.is_ascii_alphabetic()));
    dotted.then_some(Abbrev::Other)
}

/// True when a hyphen after `word` joins it to the next word (`non-profit`).
pub(crate) fn is_hyphen_prefix(word: &str) -> bool {
    contains(HYPHEN_PREFIXES, word)
}

/// True when `word` usually begins a sentence.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    contains(SENTENCE_STARTERS, word)
}

/// True when `word` is a verb of saying.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    contains(SPEECH_VERBS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [ABBREVIATIONS, TITLES, BEFORE_NUMBER, HYPHEN_PREFIXES, SENTENCE_STARTERS, SPEECH_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "unsorted near {:?}", list.first());
            assert!(list.iter().all(|w| w.len() <= 16 && *w == w.to_lowercase()));
        }
        for list in [ABBREVIATIONS, TITLES, BEFORE_NUMBER] {
            assert!(list.iter().all(|w| w.len() <= MAX_LISTED), "MAX_LISTED is out of date");
        }
    }

    #[test]
    fn classifies_abbreviations() {
        assert_eq!(abbreviation("Mr"), Some(Abbrev::Title));
        assert_eq!(abbreviation("GEN"), Some(Abbrev::Title));
        assert_eq!(abbreviation("U.S"), Some(Abbrev::Other));
        assert_eq!(abbreviation("p.m"), Some(Abbrev::Other));
        assert_eq!(abbreviation("Jan"), Some(Abbrev::Other));
        assert_eq!(abbreviation("W"), Some(Abbrev::Initial));
        assert_eq!(abbreviation("No"), Some(Abbrev::BeforeNumber));
        assert_eq!(abbreviation("prior"), None);
        assert_eq!(abbreviation("a"), None);
        assert_eq!(abbreviation("3.5"), None);
    }
}
