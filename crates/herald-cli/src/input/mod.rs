//! Readers for article inputs. Each reader streams articles to a sink, one `Result` per article,
//! so a bad file or line is reported (with its file and position) and the batch goes on.

mod decode;
mod feed;
mod frontmatter;
mod html;
mod jsonl;
mod text;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use herald::{Date, Meta};

/// One article read from an input, ready for the pipeline.
#[derive(Debug)]
pub struct Article {
    /// Text and metadata.
    pub text: String,
    pub meta: Meta,
    /// Where it came from: `file`, `file:line` or `file#part`.
    pub origin: String,
    /// Problems the reader worked around (replaced bytes, unknown dates, an empty file).
    pub warnings: Vec<String>,
}

/// An input, or part of one, that could not be read.
#[derive(Debug)]
pub struct InputError {
    /// `file`, `file:line`.
    pub origin: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl InputError {
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError { origin: origin.into(), message: message.into() }
    }
}

/// Metadata as an input states it, before validation.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RawMeta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl RawMeta {
    /// Validates the metadata; an unreadable date becomes a warning and no date.
    fn into_meta(self, default_id: String, warnings: &mut Vec<String>) -> Meta {
        let published = self.published.as_deref().and_then(|p| {
            let date = Date::parse_loose(p);
            if date.is_none() {
                warnings.push(format!("unrecognized publication date {p:?}: relative dates stay unresolved"));
            }
            date
        });
        Meta {
            id: self.id.unwrap_or(default_id),
            title: self.title,
            source: self.source,
            url: self.url,
            published,
            language: self.language.unwrap_or_else(|| "en".to_string()),
        }
    }
}

/// How to read the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By file extension (`.jsonl`/`.ndjson`, `.html`/`.htm`, `.rss`/`.atom`/`.xml`, `.warc`; else
    /// text); standard input by its first byte (`{` JSON Lines, else text).
    Auto,
    /// Plain text with optional front matter.
    Text,
    /// One JSON article per line.
    Jsonl,
    /// One HTML page per file.
    Html,
    /// An RSS, Atom or JSON feed: one article per item.
    Feed,
    /// A WARC archive of crawled pages.
    Warc,
}

impl InputFormat {
    /// The format a file extension (after any `.gz`) names, if herald reads it.
    fn of_extension(ext: &str) -> Option<InputFormat> {
        Some(match ext {
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "rss" | "atom" | "xml" => InputFormat::Feed,
            "warc" => InputFormat::Warc,
            "txt" | "text" => InputFormat::Text,
            _ => return None,
        })
    }
}

/// The files under `path` that herald reads (by extension, `.gz` too), recursively, in name
/// order; hidden files and folders are skipped. A file given directly is read whatever its name.
pub fn walk(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(e) => return errors.push(InputError::new(path.display().to_string(), e.to_string())),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, errors);
        } else if split_name(name).1.as_deref().and_then(InputFormat::of_extension).is_some() {
            out.push(p);
        }
    }
}

/// A file name's stem and lowercase extension, after any `.gz`.
fn split_name(name: &str) -> (&str, Option<String>) {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, Some(ext.to_ascii_lowercase())),
        None => (name, None),
    }
}

/// The reading options `analyze` and `ingest` share on the command line.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Publication date (YYYY-MM-DD) for every article, overriding what the input says.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub published: Option<Date>,
    /// Input format (by default from each file's extension).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of rejecting the input.
    #[arg(long)]
    pub lossy: bool,
    /// Longest article in bytes; longer inputs are read as several documents cut at paragraph breaks.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    pub max_bytes: usize,
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        ReadOptions { format: self.input_format, lossy: self.lossy, max_bytes: self.max_bytes }
    }
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("{s:?} is not a valid date in the form YYYY-MM-DD"))
}

/// Reader settings.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// Replace invalid UTF-8 instead of rejecting the input.
    pub lossy: bool,
    /// Articles longer than this are cut into parts at paragraph breaks, so memory stays bounded.
    pub max_bytes: usize,
}

pub type Sink<'a> = dyn FnMut(Result<Article, InputError>) + 'a;

/// Reads `path` (`-` is standard input; `.gz` is decompressed) and hands each article to `sink`.
pub fn read_path(path: &str, opts: &ReadOptions, sink: &mut Sink<'_>) {
    let label = path.to_string();
    if path == "-" {
        let stdin = io::stdin();
        read_stream(&label, "stdin", BufReader::new(stdin.lock()), None, opts, sink);
        return;
    }
    let p = Path::new(path);
    if p.is_dir() {
        sink(Err(InputError::new(
            label,
            "is a directory (analyze takes files; use `herald ingest` for folders)",
        )));
        return;
    }
    let file = match File::open(p) {
        Ok(f) => f,
        Err(e) => return sink(Err(InputError::new(label, e.to_string()))),
    };
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    let (stem, ext) = split_name(name);
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    read_stream(&label, stem, BufReader::new(reader), ext.as_deref(), opts, sink);
}

fn read_stream(
    label: &str,
    stem: &str,
    mut reader: impl BufRead,
    ext: Option<&str>,
    opts: &ReadOptions,
    sink: &mut Sink<'_>,
) {
    let format = match opts.format {
        InputFormat::Auto => match ext {
            Some(e) => InputFormat::of_extension(e).unwrap_or(InputFormat::Text),
            None => match reader.fill_buf() {
                Ok(buf) if buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') => InputFormat::Jsonl,
                _ => InputFormat::Text,
            },
        },
        f => f,
    };
    match format {
        InputFormat::Jsonl => jsonl::read(label, stem, reader, opts, sink),
        InputFormat::Feed => feed::read(label, stem, reader, sink),
        InputFormat::Warc => warc::read(label, stem, reader, sink),
        InputFormat::Html => {
            // A page is read whole; one larger than four times --max-bytes is refused.
            let limit = (opts.max_bytes as u64).saturating_mul(4);
            let mut bytes = Vec::new();
            match reader.take(limit + 1).read_to_end(&mut bytes) {
                Err(e) => sink(Err(InputError::new(label, format!("read failed: {e}")))),
                Ok(n) if n as u64 > limit => {
                    sink(Err(InputError::new(label, format!("HTML page larger than {limit} bytes: skipped"))))
                }
                Ok(_) => sink(html::article(
                    &bytes,
                    label.to_string(),
                    stem.to_string(),
                    html::PageHints::default(),
                )),
            }
        }
        InputFormat::Text | InputFormat::Auto => text::read(label, stem, reader, opts, sink),
    }
}

/// Where to cut `buf` so the first part stays under `max` bytes: after the last paragraph break
/// in its second half, else the last line break, else the last space, else a character boundary.
fn cut_point(buf: &[u8], max: usize) -> usize {
    let limit = max.min(buf.len());
    let window = &buf[limit / 2..limit];
    let find =
        |pat: &[u8]| window.windows(pat.len()).rposition(|w| w == pat).map(|i| limit / 2 + i + pat.len());
    let cut = find(b"\n\n").or_else(|| find(b"\n")).or_else(|| find(b" "));
    let mut cut = cut.unwrap_or(limit);
    while cut > 0 && cut < buf.len() && buf[cut] & 0xC0 == 0x80 {
        cut -= 1;
    }
    if cut == 0 { limit.max(1) } else { cut }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_paragraphs_then_lines_then_chars() {
        assert_eq!(cut_point(b"aaaaaaaa\n\nbb\ncc", 14), 10);
        assert_eq!(cut_point(b"aaaaaa\nbbbbbbb", 12), 7);
        let s = "éééééééé".as_bytes();
        let cut = cut_point(s, 5);
        assert!(std::str::from_utf8(&s[..cut]).is_ok() && cut > 0);
    }
}
