//! Plain-text articles: optional front matter, a BOM, any line endings. Large files stream in
//! parts of at most `max_bytes`, cut at paragraph breaks, so memory stays bounded.

use std::io::{BufRead, Read};

use super::decode::decode;
use super::{Article, InputError, RawMeta, ReadOptions, Sink, cut_point, frontmatter};

pub(super) fn read(
    label: &str,
    stem: &str,
    mut reader: impl BufRead,
    opts: &ReadOptions,
    sink: &mut Sink<'_>,
) {
    let max = opts.max_bytes.max(1);
    let mut buf: Vec<u8> = Vec::new();
    let (mut offset, mut line, mut part) = (0u64, 1u64, 0usize);
    let mut eof = false;
    loop {
        if !eof && buf.len() < max {
            let want = (max - buf.len()) as u64;
            match (&mut reader).take(want).read_to_end(&mut buf) {
                Ok(n) => eof = (n as u64) < want,
                Err(e) => {
                    let at = offset + buf.len() as u64;
                    return sink(Err(InputError::new(label, format!("read failed after byte {at}: {e}"))));
                }
            }
        }
        if part == 0 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
            offset = 3;
        }
        let cut = if eof && buf.len() <= max { buf.len() } else { cut_point(&buf, max) };
        let rest = buf.split_off(cut);
        let chunk = std::mem::replace(&mut buf, rest);
        let last = eof && buf.is_empty();
        let whole = part == 0 && last;
        let origin = if whole { label.to_string() } else { format!("{label}#{}", part + 1) };
        let newlines = chunk.iter().filter(|&&b| b == b'\n').count() as u64;
        match decode(chunk, &origin, offset, line, opts.lossy) {
            Ok(d) => {
                let mut warnings: Vec<String> = d.warning.into_iter().collect();
                if part == 0 && !whole {
                    warnings.push(format!(
                        "larger than --max-bytes ({max}): read as several documents cut at paragraph breaks"
                    ));
                }
                let id = if whole { stem.to_string() } else { format!("{stem}#{}", part + 1) };
                sink(Ok(article(d.text, part == 0, id, origin, warnings)));
            }
            // The rest of the file is of unknown encoding: stop here, the batch goes on.
            Err(e) => return sink(Err(e)),
        }
        offset += cut as u64;
        line += newlines;
        part += 1;
        if last {
            return;
        }
    }
}

fn article(mut text: String, first: bool, id: String, origin: String, mut warnings: Vec<String>) -> Article {
    let mut raw = RawMeta::default();
    if first && let Some(fm) = frontmatter::parse(&text) {
        raw = fm.meta;
        text.drain(..fm.body);
    }
    if text.trim().is_empty() {
        warnings.push("empty input: no text to read".to_string());
    }
    let meta = raw.into_meta(id, &mut warnings);
    Article { text, meta, origin, warnings }
}
