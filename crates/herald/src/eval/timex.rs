//! TempEval-3 scoring of time expressions on TimeML: strict and relaxed span P/R/F1, and type
//! and value F1 (a relaxed match whose attribute is right counts).

use super::Prf;
use crate::date::Date;
use crate::doc::Doc;

/// A gold TIMEX3: byte span in the document text, type and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A TimeML document: its creation time, its text without tags, and the gold TIMEX3s in it.
#[derive(Clone, Debug, Default)]
pub struct TimemlDoc {
    /// `<DOCID>`.
    pub id: String,
    /// The date of `<DCT>`.
    pub dct: Option<Date>,
    /// The DCT's full value (`1998-11-20T19:30`).
    pub dct_value: String,
    /// `<TEXT>` with every tag removed and entities decoded.
    pub text: String,
    /// Gold TIMEX3s inside `<TEXT>`.
    pub gold: Vec<GoldTimex>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';').filter(|&e| e <= 10)?;
    let c = match &s[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        n if n.starts_with("#x") => char::from_u32(u32::from_str_radix(&n[2..], 16).ok()?)?,
        n if n.starts_with('#') => char::from_u32(n[1..].parse().ok()?)?,
        _ => return None,
    };
    Some((c, end + 1))
}

/// Reads a TimeML document. Gold tags inside `<TEXT>` are removed from the text and kept as
/// spans, so herald annotates the plain text.
pub fn parse_timeml(xml: &str) -> Result<TimemlDoc, String> {
    let mut doc = TimemlDoc::default();
    if let (Some(a), Some(b)) = (xml.find("<DOCID>"), xml.find("</DOCID>")) {
        doc.id = xml[a + 7..b.max(a + 7)].trim().to_string();
    }
    if let Some(a) = xml.find("<DCT>") {
        let dct = &xml[a..];
        if let Some(v) = dct.find("<TIMEX3").and_then(|t| attr(&dct[t..], "value")) {
            doc.dct_value = v.to_string();
            doc.dct = Date::parse_loose(v.get(..10).unwrap_or(v));
        }
    }
    let start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>").map(|e| start + e).ok_or("no </TEXT>")?;
    let body = &xml[start..end];
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| format!("unclosed tag at byte {}", start + i))?;
            let tag = &rest[1..close];
            if tag.starts_with("TIMEX3") {
                let kind = attr(tag, "type").unwrap_or("DATE").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                open = Some((doc.text.len(), kind, value));
            } else if tag.starts_with("/TIMEX3")
                && let Some((s, kind, value)) = open.take()
            {
                doc.gold.push(GoldTimex { start: s, end: doc.text.len(), kind, value });
            }
            i += close + 1;
        } else if rest.starts_with('&')
            && let Some((c, len)) = decode_entity(rest)
        {
            doc.text.push(c);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            doc.text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(doc)
}

/// TempEval-3 counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimexScore {
    /// Exact spans.
    pub strict: Prf,
    /// Overlapping spans.
    pub relaxed: Prf,
    /// Relaxed matches with the right type.
    pub kind: Prf,
    /// Relaxed matches with the right value.
    pub value: Prf,
}

impl TimexScore {
    /// Adds one document: herald's `doc` against `gold` (spans in `doc.text`).
    pub fn add(&mut self, gold: &[GoldTimex], doc: &Doc) {
        let predicted = &doc.timexes;
        let mut used = vec![false; predicted.len()];
        let (mut strict, mut relaxed, mut kind, mut value) = (0, 0, 0, 0);
        for g in gold {
            let found = predicted.iter().enumerate().find(|(k, p)| {
                !used[*k] && (p.span.start() as usize) < g.end && g.start < p.span.end() as usize
            });
            let Some((k, p)) = found else { continue };
            used[k] = true;
            relaxed += 1;
            strict += usize::from(p.span.start() as usize == g.start && p.span.end() as usize == g.end);
            kind += usize::from(p.kind.as_str() == g.kind);
            value += usize::from(p.value.as_deref() == Some(g.value.as_str()));
        }
        let (np, ng) = (predicted.len(), gold.len());
        for (prf, correct) in [
            (&mut self.strict, strict),
            (&mut self.relaxed, relaxed),
            (&mut self.kind, kind),
            (&mut self.value, value),
        ] {
            prf.correct += correct;
            prf.predicted += np;
            prf.gold += ng;
        }
    }
}

/// herald's annotations as a TimeML document (the original DCT, herald's TIMEX3s in the text).
pub fn write_timeml(id: &str, dct_value: &str, doc: &Doc) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut out = format!(
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"{}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n<TEXT>",
        esc(id),
        esc(dct_value),
        esc(dct_value)
    );
    let mut at = 0;
    for (k, t) in doc.timexes.iter().enumerate() {
        let (s, e) = (t.span.start() as usize, t.span.end() as usize);
        out.push_str(&esc(&doc.text[at..s]));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            k + 1,
            t.kind.as_str(),
            esc(t.value.as_deref().unwrap_or("")),
            esc(&doc.text[s..e])
        ));
        at = e;
    }
    out.push_str(&esc(&doc.text[at..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timeml_and_strips_tags() {
        let xml = "<DOCID>d1</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-11-20T19:30\">x</TIMEX3></DCT>\
<TEXT>Sales rose &amp; fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-10\">last month</TIMEX3>.</TEXT>";
        let d = parse_timeml(xml).unwrap();
        assert_eq!(d.id, "d1");
        assert_eq!(d.dct, Date::new(1998, 11, 20));
        assert_eq!(d.text, "Sales rose & fell last month.");
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "last month");
        assert_eq!(d.gold[0].value, "1998-10");
    }
}
