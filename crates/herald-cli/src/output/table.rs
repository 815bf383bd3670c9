//! Rows of values as an aligned table, CSV (RFC 4180) or JSON (an array of objects).

use std::io::{self, Write};

use serde_json::{Map, Value};

/// Output formats for tabular results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for reading (long cells are cut).
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// A result table: column names and rows of JSON values (numbers stay numbers in JSON).
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

/// Widest cell the aligned table shows before cutting with "…".
const MAX_CELL: usize = 60;

impl Table {
    pub fn new(headers: &[&'static str]) -> Table {
        Table { headers: headers.to_vec(), rows: Vec::new() }
    }

    pub fn write(&self, format: TableFormat, out: &mut impl Write) -> io::Result<()> {
        match format {
            TableFormat::Json => {
                let rows: Vec<Value> = self
                    .rows
                    .iter()
                    .map(|r| {
                        let obj: Map<String, Value> =
                            self.headers.iter().zip(r).map(|(h, v)| ((*h).to_string(), v.clone())).collect();
                        Value::Object(obj)
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)
            }
            TableFormat::Csv => {
                writeln!(out, "{}", self.headers.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","))?;
                for r in &self.rows {
                    let cells: Vec<String> = r.iter().map(|v| csv_field(&cell(v))).collect();
                    writeln!(out, "{}", cells.join(","))?;
                }
                Ok(())
            }
            TableFormat::Table => {
                let cells: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|v| cut(&cell(v).replace('\n', " "))).collect())
                    .collect();
                let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
                for r in &cells {
                    for (w, c) in widths.iter_mut().zip(r) {
                        *w = (*w).max(c.chars().count());
                    }
                }
                let line = |cols: Vec<&str>| -> String {
                    let padded: Vec<String> =
                        cols.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
                    padded.join("  ").trim_end().to_string()
                };
                writeln!(out, "{}", line(self.headers.clone()))?;
                for r in &cells {
                    writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
                }
                if self.rows.is_empty() {
                    writeln!(out, "(no rows)")?;
                }
                Ok(())
            }
        }
    }
}

/// A value as cell text: strings bare, null empty.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() <= MAX_CELL {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_CELL - 1).collect();
    out.push('…');
    out
}

/// One CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Table {
        let mut t = Table::new(&["code", "evidence", "n"]);
        t.rows.push(vec![json!("036"), json!("Trump said, \"we will meet\""), json!(3)]);
        t.rows.push(vec![json!("190"), Value::Null, json!(1.5)]);
        t
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let mut out = Vec::new();
        sample().write(TableFormat::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "code,evidence,n\n036,\"Trump said, \"\"we will meet\"\"\",3\n190,,1.5\n");
    }

    #[test]
    fn json_keeps_numbers_and_table_aligns() {
        let mut out = Vec::new();
        sample().write(TableFormat::Json, &mut out).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v[0]["n"], json!(3));
        assert_eq!(v[1]["evidence"], Value::Null);
        let mut out = Vec::new();
        sample().write(TableFormat::Table, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].find("evidence"), lines[1].find("Trump"));
    }
}
