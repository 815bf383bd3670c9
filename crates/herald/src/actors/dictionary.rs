//! Readers for the TABARI/PETRARCH actor and agent dictionaries (`Phoenix.*.actors.txt`,
//! `Phoenix.agents.txt`), the formats most event-data users already maintain.
//!
//! Actors: a line that starts with a phrase opens an entry (`VLADIMIR_PUTIN_`, or
//! `RUSSIAN_FEDERATION_ [RUS]` with its code inline); `+PHRASE` lines add synonyms; indented
//! `[RUSGOV 991231-080507]` lines add codes, dated `YYMMDD-YYMMDD`, `>YYMMDD` (from) or `<YYMMDD`
//! (until). Agents: `PHRASE [~GOV]` or `PHRASE {PLURAL,…} [~GOV]`, with `!SET! = A, B` substitution
//! sets used as `GOVERNMENT_SPOKES!PERSON!`. `#` starts a comment; `_` joins words. A line that
//! cannot be read is reported with its number and skipped.

use std::collections::HashMap;

use crate::date::Date;
use crate::tone::LexiconError;

/// A code valid over a period (open ends are unbounded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// CAMEO actor code (`RUSGOV`), empty for PETRARCH's null code `---`.
    pub code: String,
    /// First day the code applies.
    pub from: Option<Date>,
    /// Last day the code applies.
    pub until: Option<Date>,
}

impl DatedCode {
    /// Whether the code applies on `date` (an undated code always does).
    pub fn applies(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date <= u)
    }

    fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// One actor: its phrases and codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// The entry's phrases as lowercase words; the first is the primary name.
    pub phrases: Vec<Vec<String>>,
    /// Codes, dated or not.
    pub codes: Vec<DatedCode>,
    /// The 1-based line the entry starts on.
    pub line: usize,
}

impl ActorEntry {
    /// The code on `date`: a dated code that applies, else the undated default, else the last
    /// code listed. `None` for the null code.
    pub fn code_on(&self, date: Option<Date>) -> Option<&str> {
        let dated = date.and_then(|d| self.codes.iter().find(|c| c.is_dated() && c.applies(d)));
        let chosen =
            dated.or_else(|| self.codes.iter().find(|c| !c.is_dated())).or_else(|| self.codes.last())?;
        (!chosen.code.is_empty()).then_some(chosen.code.as_str())
    }

    /// The primary name in title case (`Vladimir Putin`).
    pub fn display_name(&self) -> String {
        self.phrases.first().map(|p| title_case(p)).unwrap_or_default()
    }
}

/// One agent (role) phrase and the code it appends (`GOV` for `~GOV`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentEntry {
    /// Lowercase words.
    pub phrase: Vec<String>,
    /// Role code(s), three letters each.
    pub code: String,
    /// The code goes before the country's (`[NGO~]`), not after it (`[~GOV]`).
    pub prefix: bool,
}

/// The text with XML comments (`<!-- … -->`, used by the PETRARCH validation dictionaries)
/// blanked out, keeping line breaks so line numbers stay right.
pub fn blank_xml_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("<!--") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        out.extend(after[..end].chars().filter(|&c| c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Reads an actors dictionary.
pub fn parse_actors(text: &str) -> (Vec<ActorEntry>, Vec<LexiconError>) {
    let text = blank_xml_comments(text);
    let mut entries: Vec<ActorEntry> = Vec::new();
    let mut errors = Vec::new();
    // Whether the entry being read still takes synonyms and codes.
    let mut open = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| LexiconError { line: line_no, message };
        let indented = line.starts_with([' ', '\t']);
        let line = line.trim();
        if indented || line.starts_with('[') {
            match (open, entries.last_mut()) {
                (true, Some(entry)) => match parse_codes(line) {
                    Ok(codes) => entry.codes.extend(codes),
                    Err(m) => errors.push(err(m)),
                },
                _ => errors.push(err("a code line with no entry before it".into())),
            }
            continue;
        }
        let (phrase_part, codes) = split_codes(line);
        let codes = match codes.map(parse_codes).transpose() {
            Ok(c) => c.unwrap_or_default(),
            Err(m) => {
                errors.push(err(m));
                continue;
            }
        };
        if let Some(synonym) = phrase_part.strip_prefix('+') {
            let words = phrase_words(synonym);
            match (open, entries.last_mut(), words.is_empty()) {
                (_, _, true) => errors.push(err("an empty synonym".into())),
                (true, Some(entry), false) => {
                    entry.phrases.push(words);
                    entry.codes.extend(codes);
                }
                _ => errors.push(err("a synonym with no entry before it".into())),
            }
            continue;
        }
        let words = phrase_words(phrase_part);
        if words.is_empty() {
            errors.push(err(format!("cannot read {line:?}")));
            open = false;
            continue;
        }
        entries.push(ActorEntry { phrases: vec![words], codes, line: line_no });
        open = true;
    }
    // An entry that never got a code cannot code anything.
    entries.retain(|e| !e.codes.is_empty());
    (entries, errors)
}

/// Reads an agents dictionary, expanding substitution sets and listed plurals.
pub fn parse_agents(text: &str) -> (Vec<AgentEntry>, Vec<LexiconError>) {
    let text = blank_xml_comments(text);
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let err = |message: String| LexiconError { line: n + 1, message };
        if let Some((name, values)) = line.split_once('=').filter(|(k, _)| k.trim().starts_with('!')) {
            let name = name.trim().trim_matches('!').to_string();
            sets.insert(name, values.split(',').map(|v| v.trim().to_lowercase()).collect());
            continue;
        }
        let (phrase_part, codes) = split_codes(line);
        // `[~GOV]`, also written `[ ~GOV]`, follows the country (`ARNGOV`); a prefix agent
        // `[NGO~]` goes before it (`NGOARN`).
        let inner =
            codes.and_then(|c| c.trim().strip_prefix('[')).and_then(|c| c.split(']').next()).map(str::trim);
        let prefix = inner.is_some_and(|c| c.ends_with('~') && !c.starts_with('~'));
        let code = inner.and_then(|c| c.strip_prefix('~').or_else(|| c.strip_suffix('~')));
        let Some(code) = code else {
            errors.push(err(format!("no [~CODE] in {line:?}")));
            continue;
        };
        let code = code.trim();
        if code.is_empty() || code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            errors.push(err(format!("bad agent code {code:?}")));
            continue;
        }
        let (phrase, plurals) = match phrase_part.split_once('{') {
            Some((p, rest)) => (p, rest.trim_end_matches('}').trim_end_matches([' ', '}'])),
            None => (phrase_part, ""),
        };
        let mut phrases = expand_sets(phrase.trim(), &sets);
        phrases.extend(plurals.split(',').map(str::trim).filter(|p| !p.is_empty()).map(String::from));
        for p in phrases {
            let words = phrase_words(&p);
            if !words.is_empty() {
                entries.push(AgentEntry { phrase: words, code: code.to_string(), prefix });
            }
        }
    }
    (entries, errors)
}

/// `GOVERNMENT_SPOKES!PERSON!` → every member of the set in place of `!PERSON!`.
fn expand_sets(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = phrase.find('!') else { return vec![phrase.to_string()] };
    let Some(len) = phrase[start + 1..].find('!') else { return vec![phrase.to_string()] };
    let name = &phrase[start + 1..start + 1 + len];
    let rest = &phrase[start + len + 2..];
    let Some(values) = sets.get(name) else { return vec![phrase.replace('!', "")] };
    values.iter().flat_map(|v| expand_sets(&format!("{}{}{}", &phrase[..start], v, rest), sets)).collect()
}

fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(a, _)| a)
}

/// Splits `PHRASE [CODE …] [CODE]` into the phrase and the bracketed part.
fn split_codes(line: &str) -> (&str, Option<&str>) {
    match line.find('[') {
        Some(i) => (line[..i].trim(), Some(line[i..].trim())),
        None => (line.trim(), None),
    }
}

/// `[RUSGOV 991231-080507] [RUSELI]` → codes.
fn parse_codes(s: &str) -> Result<Vec<DatedCode>, String> {
    let mut codes = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[').ok_or_else(|| format!("expected '[' at {rest:?}"))?;
        let end = inner.find(']').ok_or_else(|| format!("no closing ']' in {s:?}"))?;
        let mut parts = inner[..end].split_whitespace();
        let code = parts.next().unwrap_or("");
        // Letters and digits; "/" joins the codes of a group ("FRO/BIL/SAM") and "+++" is
        // PETRARCH's placeholder for an actor to code later, both kept as written.
        let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'+');
        if code.starts_with('~') || !code.bytes().all(allowed) {
            return Err(format!("bad actor code {code:?}"));
        }
        let code = if code.chars().all(|c| c == '-') { "" } else { code };
        // The date range may be spaced out: "< 950601", "19950601 - 19990815".
        let range: String = parts.collect();
        let (from, until) = if range.is_empty() {
            (None, None)
        } else {
            parse_range(&range).ok_or_else(|| format!("bad date range {range:?}"))?
        };
        codes.push(DatedCode { code: code.to_string(), from, until });
        rest = inner[end + 1..].trim_start();
    }
    if codes.is_empty() {
        return Err("empty code list".into());
    }
    Ok(codes)
}

fn parse_range(s: &str) -> Option<(Option<Date>, Option<Date>)> {
    if let Some(d) = s.strip_prefix('>') {
        return Some((Some(yymmdd(d)?), None));
    }
    if let Some(d) = s.strip_prefix('<') {
        return Some((None, Some(yymmdd(d)?)));
    }
    let (a, b) = s.split_once('-')?;
    Some((Some(yymmdd(a)?), Some(yymmdd(b)?)))
}

/// TABARI dates: `YYMMDD` (years 00–29 are 20xx, the rest 19xx) or `YYYYMMDD`.
fn yymmdd(s: &str) -> Option<Date> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// `RUSSIAN_PRESIDENT_VLADIMIR_V._PUTIN` → `["russian", "president", "vladimir", "v.", "putin"]`;
/// a possessive `'S` becomes its own word, as the tokenizer splits it.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in phrase.split(['_', ' ']).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase();
        match lower.strip_suffix("'s").filter(|s| !s.is_empty()) {
            Some(stem) => {
                words.push(stem.to_string());
                words.push("'s".to_string());
            }
            None => words.push(lower),
        }
    }
    words
}

fn title_case(words: &[String]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = w.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "\
# comment
RUSSIAN_FEDERATION_  [RUS]
+RUSSIAN
+MOSCOW_
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
BROKEN_ENTRY [USAGOV 9008223-911221]
HAMMARSKJOLD_\t[IGOUNO 530410-610918] [ELI]# IGOrulers.txt
MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]\t[---]
";

    #[test]
    fn reads_entries_synonyms_and_dated_codes() {
        let (entries, errors) = parse_actors(ACTORS);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 11);
        assert_eq!(entries.len(), 4);
        let russia = &entries[0];
        assert_eq!(russia.phrases, vec![vec!["russian", "federation"], vec!["russian"], vec!["moscow"]]);
        assert_eq!(russia.code_on(None), Some("RUS"));
        let putin = &entries[1];
        assert_eq!(putin.display_name(), "Vladimir Putin");
        assert_eq!(putin.code_on(Date::new(2025, 10, 24)), Some("RUSGOV"));
        assert_eq!(putin.code_on(Date::new(1995, 1, 1)), Some("RUSELI"));
        assert_eq!(putin.code_on(None), Some("RUSELI"));
        assert_eq!(entries[2].code_on(Date::new(1955, 1, 1)), Some("IGOUNO"));
        assert_eq!(entries[2].code_on(Date::new(1975, 1, 1)), Some("ELI"));
        assert_eq!(entries[3].code_on(Date::new(2000, 1, 1)), Some("HTIOPPMED"));
        assert_eq!(entries[3].code_on(Date::new(2010, 1, 1)), Some("IGOUNOMED"));
    }

    #[test]
    fn reads_agents_with_sets_and_plurals() {
        let text = "!PERSON! = MAN, WOMAN\nGOVERNMENT_SPOKES!PERSON! [~GOV]\n\
                    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nPOLICE {} [~COP]\nNOCODE\nX [~GO]\n";
        let (agents, errors) = parse_agents(text);
        let phrases: Vec<String> =
            agents.iter().map(|a| format!("{}={}", a.phrase.join(" "), a.code)).collect();
        assert_eq!(
            phrases,
            [
                "government spokesman=GOV",
                "government spokeswoman=GOV",
                "chamber of commerce=BUS",
                "chambers of commerce=BUS",
                "police=COP"
            ]
        );
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [5, 6]);
    }

    #[test]
    fn reads_spaced_date_ranges_group_codes_and_prefix_agents() {
        let text = "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n\
                    THE_SHIRE  [FRO/BIL/SAM]\n";
        let (entries, errors) = parse_actors(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(entries[0].code_on(Date::new(1994, 1, 1)), Some("HOB"));
        assert_eq!(entries[0].code_on(Date::new(1997, 1, 1)), Some("HOBGOV"));
        assert_eq!(entries[0].code_on(Date::new(2001, 1, 1)), Some("HOBREB"));
        assert_eq!(entries[1].code_on(None), Some("FRO/BIL/SAM"));
        let (agents, errors) = parse_agents("HUMAN_RIGHTS_BODY  [NGO~]\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(agents[0].code, "NGO");
        assert!(agents[0].prefix, "NGO~ goes before the country");
        let (agents, _) = parse_agents(
            "DIPLOMAT  [~GOV]
",
        );
        assert!(!agents[0].prefix);
    }

    #[test]
    fn xml_comments_are_blank_lines() {
        let (entries, errors) = parse_actors("<!-- a\ncomment -->\nGONDOR [GON]\n<!-- x -->BAD [1\n");
        assert_eq!(entries.len(), 1);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [4]);
    }

    #[test]
    fn possessives_split_like_the_tokenizer() {
        assert_eq!(
            phrase_words("UNITED_NATIONS_CHILDREN'S_FUND_"),
            ["united", "nations", "children", "'s", "fund"]
        );
    }
}
