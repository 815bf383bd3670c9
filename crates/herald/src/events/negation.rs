//! What a negated act is in CAMEO: PETRARCH2's internal coding ontology (PICO) gives every CAMEO
//! code a number, and a negated code is that number minus `0xFFFF`. "Did not yield" (080,
//! `0x0200`) is then `-0xFFFF+0x0200`, CAMEO 124 *refuse to yield*; "did not clash over the
//! efforts" (110, `0x1007f` = `0xFFFF+0x0080`) is `0x0080`, 050 *diplomatic cooperation*. A code
//! whose negation is no code ("did not attack") stays uncoded.
//!
//! The file format is `CODE:EXPRESSION[#…]`, the expression a sum of hexadecimal terms
//! (`0x1000-0xFFFF`, `-0xFFFF+0x2040+0x300`); what follows `#` is commentary. A line that
//! cannot be read is reported with its number and skipped.

use crate::model::hash::WordMap;
use crate::tone::LexiconError;

/// The number PICO adds to a code to negate it, and subtracts.
const NEGATION: i64 = 0xFFFF;

/// CAMEO codes and what each becomes when negated.
#[derive(Clone, Debug, Default)]
pub struct Negations {
    /// Code → the code of its negation, for the codes that have one.
    refusals: WordMap<String>,
}

impl Negations {
    /// Reads an ontology file.
    pub fn parse(text: &str) -> (Negations, Vec<LexiconError>) {
        let mut errors = Vec::new();
        let mut values: Vec<(String, i64)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let read = line.split_once(':').ok_or_else(|| "no ':' after the code".to_string()).and_then(
                |(code, rest)| {
                    let code = code.trim();
                    if code.bytes().all(|b| b == b'-') {
                        return Ok(None); // `---:0`, "no code"
                    }
                    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(format!("bad event code {code:?}"));
                    }
                    let expression = rest.split('#').next().unwrap_or("");
                    Ok(Some((code.to_string(), value(expression)?)))
                },
            );
            match read {
                Ok(entry) => values.extend(entry),
                Err(message) => errors.push(LexiconError { line: n + 1, message }),
            }
        }
        // The first code listed with a number is that number's code.
        let mut by_value: std::collections::HashMap<i64, &str> = std::collections::HashMap::new();
        for (code, v) in &values {
            by_value.entry(*v).or_insert(code);
        }
        let refusals = values
            .iter()
            .filter_map(|(code, v)| by_value.get(&(v - NEGATION)).map(|r| (code.clone(), r.to_string())))
            .collect();
        (Negations { refusals }, errors)
    }

    /// The code of `code` negated ("did not yield": 080 → 124), if the ontology has one.
    pub fn refusal(&self, code: &str) -> Option<&str> {
        self.refusals.get(code).map(String::as_str)
    }
}

/// The value of a sum of hexadecimal terms (`-0xFFFF+0x0070`).
fn value(expression: &str) -> Result<i64, String> {
    let e: String = expression.chars().filter(|c| !c.is_whitespace()).collect();
    if e.is_empty() {
        return Err("no value".into());
    }
    let mut total = 0i64;
    // Split before each sign, keeping it with its term.
    let mut start = 0;
    let bytes = e.as_bytes();
    for i in 1..=bytes.len() {
        if i == bytes.len() || matches!(bytes[i], b'+' | b'-') {
            let term = &e[start..i];
            let (sign, digits) = match term.as_bytes().first() {
                Some(b'-') => (-1, &term[1..]),
                Some(b'+') => (1, &term[1..]),
                _ => (1, term),
            };
            let hex = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0X"))
                .ok_or_else(|| format!("bad term {term:?} in {expression:?}"))?;
            let v =
                i64::from_str_radix(hex, 16).map_err(|_| format!("bad term {term:?} in {expression:?}"))?;
            total += sign * v;
            start = i;
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PICO: &str = "# comment\n010:0x1000#Make Public Statement\n011:0x1000-0xFFFF\n\
        050:0x0080#DiplomaticCoop\n080:0x0200#Yield\n110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n\
        124:-0xFFFF+0x0200\n190:0x9000\n12x:0x1\n020:zz\n---:0";

    #[test]
    fn a_negated_code_is_its_value_minus_0xffff() {
        let (n, errors) = Negations::parse(PICO);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [9, 10]);
        assert_eq!(n.refusal("080"), Some("124"), "did not yield: refused to yield");
        assert_eq!(n.refusal("010"), Some("011"), "made no statement: declined to comment");
        assert_eq!(n.refusal("110"), Some("050"), "did not clash over: cooperated");
        assert_eq!(n.refusal("190"), None, "did not attack: nothing happened");
    }

    #[test]
    fn the_embedded_ontology_reads_cleanly() {
        let lex = crate::lexicons::Lexicons::embedded();
        assert!(lex.errors.iter().all(|e| !e.file.contains("Ontology")), "{:?}", lex.errors);
        assert_eq!(lex.negations.refusal("080"), Some("124"));
        assert_eq!(lex.negations.refusal("121"), None);
    }
}
