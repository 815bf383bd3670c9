//! The PETRARCH verb dictionary (`CAMEO.2.0.txt` format): synonym sets, verb blocks with a
//! default code, member verbs (with their own codes and irregular forms) and patterns around the
//! verb that select a more specific code.
//!
//! ```text
//! &CURRENCY            a synonym set: +MONEY, +DOLLAR, …
//! ---  IMPOSE   [170]  ---
//! IMPOSE               a member (may carry [code] and {irregular forms})
//! +CALL_OFF [160]      a multi-word member (verb + particle)
//! - * SANCTIONS  [163] a pattern: words after (*) the verb; words before * precede it
//! ```
//!
//! Words in `( )` (a prepositional phrase) and `{ }` (a compound) are matched as plain words in
//! order; `&SET` matches any member of the set; `[a:b]` codes keep the first; `[---]` codes
//! nothing. PETRARCH's transformation rules (`~ …`) are not read. A line that cannot be read is
//! reported with its number and skipped.

use crate::model::hash::{WordMap, WordSet};
use crate::tone::LexiconError;

/// One word of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// A lowercase word.
    Literal(String),
    /// A synonym set by name (without `&`).
    Set(String),
}

/// A pattern: words before and after the verb, and the code it selects (`None`: code nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Words before the verb, in order.
    pub pre: Vec<Word>,
    /// Words after the verb, in order.
    pub post: Vec<Word>,
    /// For each word of `pre`, whether it must directly follow the word before it (a later word
    /// of a closed phrase, `{DEATH TOLL}`).
    pub pre_joined: Vec<bool>,
    /// The same for `post`.
    pub post_joined: Vec<bool>,
    /// CAMEO code, or `None` for `---`.
    pub code: Option<String>,
    /// For a paired code (`[042:043]`), what the target does to the source.
    pub reverse: Option<String>,
    /// The pattern as written (for evidence).
    pub text: String,
    /// `$` (the source) after the verb with no target after it: "RECEIVE - + * MONEY $" — the
    /// subject receives, the one named after the verb gives.
    pub swap: bool,
    /// The member verb the dictionary notes the pattern was written for (`# MONITOR`), lowercase;
    /// `None` when the note names none (`# pas 3/2/02`). See [`VerbDictionary::written_for_other`].
    pub written_for: Option<String>,
    /// The preposition whose object the pattern names as the target ("WARN - * THEIR ^ ABOUT +":
    /// warned their people *about* the target), lowercase.
    pub target_case: Option<String>,
}

/// A block of verbs sharing a default code and patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// The block's name (`IMPOSE`).
    pub name: String,
    /// Default code, `None` for `---`.
    pub code: Option<String>,
    /// For a paired default code, what the target does to the source.
    pub reverse: Option<String>,
    /// Patterns, in file order.
    pub patterns: Vec<Pattern>,
}

/// A verb of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// Index into [`VerbDictionary::blocks`].
    pub block: usize,
    /// The verb's own code, overriding the block's (`ACCUSE [112]`).
    pub code: Option<Option<String>>,
    /// For the verb's own paired code (`LEFT [042:043]`), what the target does to the source.
    pub reverse: Option<String>,
    /// A particle that must follow ("off" of `CALL_OFF`).
    pub particle: Option<String>,
}

/// Verbs by lemma.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    /// Blocks in file order.
    pub blocks: Vec<Block>,
    /// Lowercase lemma (first word) → verbs with that lemma.
    pub verbs: WordMap<Vec<Verb>>,
    /// Lowercase inflected form listed in `{ }` (`shelled`) → its lemma, for when the
    /// lemmatizer misses an irregular or doubled form.
    pub forms: WordMap<String>,
    /// Synonym sets: name → lowercase members.
    pub sets: WordMap<WordSet>,
}

impl VerbDictionary {
    /// Adds a dictionary file; later files' verbs come after earlier ones' (and win ties).
    pub fn add(&mut self, text: &str) -> Vec<LexiconError> {
        let text = crate::actors::dictionary::blank_xml_comments(text);
        let mut errors = Vec::new();
        let mut set: Option<String> = None;
        let mut block: Option<usize> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split_once('#').map_or(raw, |(a, _)| a).trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let err = |message: String| LexiconError { line: n + 1, message };
            // PETRARCH's transformation rules ("~ a (a b ATTACK) SAY = a b 015") are not read.
            if line.starts_with('~') {
                continue;
            }
            if let Some(name) = line.strip_prefix('&') {
                let name = name.trim().trim_end_matches('_').to_lowercase();
                self.sets.entry(name.clone()).or_default();
                set = Some(name);
                block = None;
                continue;
            }
            if line.starts_with("---") {
                set = None;
                let inner = line.trim_matches(|c: char| c == '-' || c.is_whitespace());
                let (name, code) = match inner.split_once('[') {
                    Some((name, rest)) => (name.trim(), rest.split(']').next().unwrap_or("")),
                    None => (inner, "---"),
                };
                match parse_code(code).and_then(|c| Ok((c, parse_reverse(code)?))) {
                    Ok((code, reverse)) => {
                        self.blocks.push(Block {
                            name: name.to_string(),
                            code,
                            reverse,
                            patterns: Vec::new(),
                        });
                        block = Some(self.blocks.len() - 1);
                    }
                    Err(m) => {
                        errors.push(err(m));
                        block = None;
                    }
                }
                continue;
            }
            // A pattern line starts with "-"; some dictionaries leave it out ("* (TO QUESTION) [110]").
            if let Some(pattern) =
                line.strip_prefix('-').or_else(|| line.trim_start().starts_with('*').then_some(line))
            {
                match (block, parse_pattern(pattern)) {
                    (Some(b), Ok(mut p)) => {
                        p.written_for = written_for(raw);
                        self.blocks[b].patterns.push(p);
                    }
                    (None, _) => errors.push(err("a pattern outside a verb block".into())),
                    (_, Err(m)) => errors.push(err(m)),
                }
                continue;
            }
            if let Some(name) = &set {
                let member = line
                    .trim()
                    .trim_start_matches('+')
                    .trim_end_matches('_')
                    .replace('_', " ")
                    .to_lowercase();
                if let Some(members) = self.sets.get_mut(name) {
                    members.insert(member);
                }
                continue;
            }
            let Some(b) = block else {
                errors.push(err(format!("a verb outside a block: {:?}", line.trim())));
                continue;
            };
            match parse_member(line) {
                Ok((words, code, reverse)) => {
                    let mut it = words.into_iter();
                    let Some(lemma) = it.next() else { continue };
                    for form in irregular_forms(line) {
                        self.forms.entry(form).or_insert_with(|| lemma.clone());
                    }
                    let particle = it.next_back();
                    let verb = Verb { block: b, code, reverse, particle };
                    self.verbs.entry(lemma).or_default().push(verb);
                }
                Err(m) => errors.push(err(m)),
            }
        }
        errors
    }

    /// The entries of a verb: a form the dictionary lists as a verb of its own and not as an
    /// inflection of another (`LEFT [042:043]`, "left for Minas Tirith"; but `LEAVE {… LEFT}`
    /// keeps "left" for LEAVE), else its lemma's, else those of the lemma of an inflected form
    /// the dictionary lists.
    pub fn entries(&self, lemma: &str, form: &str) -> Option<&Vec<Verb>> {
        // Listed as a verb, not only as a phrase's first word (`+KILLED_AND {}`).
        let own = (form != lemma && !self.forms.contains_key(form))
            .then(|| self.verbs.get(form))
            .flatten()
            .filter(|verbs| verbs.iter().any(|v| v.particle.is_none()));
        own.or_else(|| self.verbs.get(lemma)).or_else(|| self.forms.get(form).and_then(|l| self.verbs.get(l)))
    }

    /// Whether pattern `p` of block `block` was written for another member of the block than
    /// `lemma` ("- * SANCTIONS [090] # MONITOR" is about monitoring sanctions, not about
    /// "addressed the sanctions", whose verb codes 010 of its own).
    pub fn written_for_other(&self, p: &Pattern, block: usize, lemma: &str) -> bool {
        p.written_for.as_deref().is_some_and(|w| {
            let first = w.split(' ').next().unwrap_or(w);
            first != lemma && self.verbs.get(first).is_some_and(|vs| vs.iter().any(|v| v.block == block))
        })
    }

    /// Whether `word` (lowercase) matches pattern word `w`.
    pub fn matches(&self, w: &Word, word: &str) -> bool {
        match w {
            Word::Literal(l) => l == word,
            Word::Set(name) => self.sets.get(name).is_some_and(|m| m.contains(word)),
        }
    }
}

/// The forms in a member line's `{ }`, lowercase (`ARREST {ARRESTS ARRESTED}`).
fn irregular_forms(line: &str) -> Vec<String> {
    let Some((_, rest)) = line.split_once('{') else { return Vec::new() };
    let inner = rest.split('}').next().unwrap_or("");
    inner.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic)).map(str::to_lowercase).collect()
}

/// `163`, `---` (none), or the first code of a pair.
fn parse_code(code: &str) -> Result<Option<String>, String> {
    one_code(code.split(':').next().unwrap_or(""), code)
}

/// The second code of a pair `042:043`: what the target does to the source (receives the visit).
fn parse_reverse(code: &str) -> Result<Option<String>, String> {
    match code.split_once(':') {
        Some((_, second)) => one_code(second, code),
        None => Ok(None),
    }
}

fn one_code(part: &str, whole: &str) -> Result<Option<String>, String> {
    // `080!` marks a code PETRARCH treats specially; the code is the digits.
    let part = part.trim().trim_end_matches('!');
    if part.chars().all(|c| c == '-') {
        return Ok(None);
    }
    if part.len() >= 2 && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(part.to_string()))
    } else {
        Err(format!("bad event code {whole:?}"))
    }
}

/// `ACCUSE [112]`, `+CALL_OFF {…} [160]`, `DEFER {DEFERS …}` → words and optional code.
/// A member line's words, its own code if it has one, and the second code of a pair.
type Member = (Vec<String>, Option<Option<String>>, Option<String>);

fn parse_member(line: &str) -> Result<Member, String> {
    let body = line.split('{').next().unwrap_or("");
    let (name, code) = match body.split_once('[') {
        Some((name, rest)) => (name, Some(rest.split(']').next().unwrap_or(""))),
        None => match line.split_once('[') {
            Some((_, rest)) => (body, Some(rest.split(']').next().unwrap_or(""))),
            None => (body, None),
        },
    };
    let reverse = code.map(parse_reverse).transpose()?.flatten();
    let code = code.map(parse_code).transpose()?;
    let words: Vec<String> = name
        .trim()
        .trim_start_matches('+')
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty()
        || words.iter().any(|w| !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
    {
        return Err(format!("cannot read verb {line:?}"));
    }
    Ok((words, code, reverse))
}

/// ` PRE * POST [code]`.
/// The note after a pattern's `#` when it is one word in capitals (`# MONITOR`, `# CALL_OFF`):
/// the verb the pattern was written for.
fn written_for(raw: &str) -> Option<String> {
    let note = raw.split_once('#')?.1.split_whitespace().next()?;
    let word = note.chars().all(|c| c.is_ascii_uppercase() || c == '_') && note.len() > 1;
    word.then(|| note.trim_matches('_').replace('_', " ").to_lowercase())
}

/// The word right before the target marker `+` after the verb, when it is a plain word (a
/// preposition: "(WITH +)", "ABOUT +"); `None` for "^ +" or a `+` after a closed phrase.
fn target_case(post: &str) -> Option<String> {
    let tokens: Vec<&str> =
        post.split(|c: char| c.is_whitespace() || c == '(').filter(|t| !t.is_empty()).collect();
    let plus = tokens.iter().position(|t| t.trim_end_matches(')') == "+")?;
    let before = tokens.get(plus.checked_sub(1)?)?;
    before.chars().all(|c| c.is_ascii_alphabetic()).then(|| before.to_lowercase())
}

fn parse_pattern(body: &str) -> Result<Pattern, String> {
    let (words, code) = body.rsplit_once('[').ok_or_else(|| format!("no code in pattern {body:?}"))?;
    let inner = code.split(']').next().unwrap_or("");
    let (code, reverse) = (parse_code(inner)?, parse_reverse(inner)?);
    let (pre, post) = words.split_once('*').ok_or_else(|| format!("no * in pattern {body:?}"))?;
    // Each word with whether it continues a closed phrase ("{DEATH TOLL}": "toll" right after
    // "death").
    let read = |s: &str| -> (Vec<Word>, Vec<bool>) {
        let spaced = s.replace('{', " { ").replace('}', " } ");
        let (mut words, mut joined) = (Vec::new(), Vec::new());
        let (mut in_phrase, mut first) = (false, false);
        for w in
            spaced.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '^' | '$' | '+' | '%' | '|'))
        {
            match w {
                "{" => (in_phrase, first) = (true, true),
                "}" => in_phrase = false,
                "" | "_" => {}
                w => {
                    let word = match w.strip_prefix('&') {
                        Some(set) => Word::Set(set.trim_end_matches('_').to_lowercase()),
                        None => Word::Literal(w.trim_end_matches('_').replace('_', " ").to_lowercase()),
                    };
                    if matches!(&word, Word::Literal(l) if l.is_empty()) {
                        continue;
                    }
                    joined.push(in_phrase && !first);
                    first = false;
                    words.push(word);
                }
            }
        }
        (words, joined)
    };
    let ((pre_words, pre_joined), (post_words, post_joined)) = (read(pre), read(post));
    // The source named after the verb ("$") makes the subject the target, whether the pattern
    // marks the target before the verb or not ("CELEBRATE - * TABASKI ^ $": whoever is named
    // after the feast celebrates it with the subject).
    let swap = post.contains('$') && !pre.contains('$') && !post.contains('+');
    Ok(Pattern {
        written_for: None,
        target_case: target_case(post),
        pre: pre_words,
        post: post_words,
        pre_joined,
        post_joined,
        code,
        reverse,
        text: format!("-{}", words.trim_end()),
        swap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "&CURRENCY\n+MONEY\n+DOLLAR\n\n---  IMPOSE   [170]  ---\nIMPOSE \n\
        LEVY {LEVYING LEVIED LEVIES }\n- * SANCTIONS  [163]  # IMPOSE\n- * &CURRENCY (ON) [1621]\n\
        - * TAXES [---]\n---  CANCEL   [---]  ---\n+CALL_OFF [160]\nEND\n- * MEETING [040:041]\n\
        - BROKEN PATTERN\nBAD$VERB\n";

    #[test]
    fn reads_blocks_members_patterns_and_sets() {
        let mut d = VerbDictionary::default();
        let errors = d.add(DICT);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [15, 16]);
        let impose = &d.verbs["impose"][0];
        let block = &d.blocks[impose.block];
        assert_eq!(block.code.as_deref(), Some("170"));
        assert_eq!(block.patterns.len(), 3);
        assert_eq!(block.patterns[0].post, vec![Word::Literal("sanctions".into())]);
        assert_eq!(block.patterns[1].post, vec![Word::Set("currency".into()), Word::Literal("on".into())]);
        assert_eq!(block.patterns[2].code, None);
        let call = &d.verbs["call"][0];
        assert_eq!(call.particle.as_deref(), Some("off"));
        assert_eq!(call.code, Some(Some("160".into())));
        assert!(d.matches(&Word::Set("currency".into()), "dollar"));
        let cancel = &d.blocks[d.verbs["end"][0].block];
        assert_eq!(cancel.patterns[0].reverse.as_deref(), Some("041"));
        // "levied" is LEVY's; "levy" itself too.
        assert_eq!(d.entries("levy", "levied").map(|v| v[0].block), Some(impose.block));
    }

    #[test]
    fn a_note_in_capitals_names_the_verb_a_pattern_was_written_for() {
        assert_eq!(written_for("- * SANCTIONS  [090]   # MONITOR"), Some("monitor".to_string()));
        assert_eq!(written_for("- * MEETING [160] # CALL_OFF"), Some("call off".to_string()));
        assert_eq!(written_for("- * TABASKI ^ $ [017]  # pas  3/2/02"), None);
        assert_eq!(written_for("- * SANCTIONS [163]"), None);
    }

    #[test]
    fn a_pattern_names_the_preposition_of_its_target() {
        let case = |body: &str| parse_pattern(body).map(|p| p.target_case);
        assert_eq!(case("* THEIR ^ ABOUT +  [130]"), Ok(Some("about".into())));
        assert_eq!(case("* EID (AT ^) (WITH +) [017]"), Ok(Some("with".into())));
        assert_eq!(case("UNIT * CLOSE (TO + BORDER) [154]"), Ok(Some("to".into())));
        // A target after a closed phrase or a skipped word names no preposition.
        assert_eq!(case("* IFTAR (AT ^ ^) +  [017]"), Ok(None));
        assert_eq!(case("* SANCTIONS [163]"), Ok(None));
    }

    #[test]
    fn a_form_listed_as_its_own_verb_is_that_verb_unless_another_lists_it_as_its_inflection() {
        let mut d = VerbDictionary::default();
        let text = "---  TRAVEL   [042:043]  ---\nLEFT [042:043]\nWOUND\n---  DEPART   [---]  ---\nLEAVE\n\
            ---  FIND   [---]  ---\nFIND {FINDS FOUND FINDING}\n---  ENACT   [060]  ---\nFOUND\n\
            ---  KILL   [190]  ---\nKILL\n+KILLED_AND {}\n";
        assert!(d.add(text).is_empty());
        let block =
            |lemma: &str, form: &str| d.entries(lemma, form).map(|v| d.blocks[v[0].block].name.as_str());
        assert_eq!(block("leave", "left"), Some("TRAVEL"));
        assert_eq!(block("leave", "leaves"), Some("DEPART"));
        assert_eq!(block("find", "found"), Some("FIND"), "FIND lists FOUND as its own inflection");
        assert_eq!(block("wind", "wound"), Some("TRAVEL"));
        assert_eq!(block("kill", "killed"), Some("KILL"), "KILLED only begins a phrase");
        assert_eq!(d.verbs["left"][0].reverse.as_deref(), Some("043"), "a member's own paired code");
    }
}
