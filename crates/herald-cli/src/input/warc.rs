//! WARC archives (`.warc`, `.warc.gz` with one gzip member per record, as news crawls write
//! them): every `response` record with an HTTP 200 HTML payload is a page for [`super::html`].
//! Other records (requests, metadata, images) are skipped silently. A corrupt record ends the
//! file with an error naming the record; the articles before it are kept.

use std::io::BufRead;

use warc::{RecordType, WarcHeader, WarcReader};

use super::html::{self, PageHints};
use super::{InputError, Sink};

pub(super) fn read(label: &str, stem: &str, reader: impl BufRead, sink: &mut Sink<'_>) {
    for (i, record) in WarcReader::new(reader).iter_records().enumerate() {
        let n = i + 1;
        let origin = format!("{label}#record{n}");
        let record = match record {
            Ok(r) => r,
            Err(e) => return sink(Err(InputError::new(origin, format!("corrupt WARC record: {e}")))),
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let url = record.header(WarcHeader::TargetURI).map(|u| u.trim_matches(['<', '>']).to_string());
        let Some(payload) = http_html(record.body()) else { continue };
        let crawl = record.date().date_naive().to_string();
        let hints = PageHints { url, date: herald::Date::parse_iso(&crawl) };
        match html::article(&payload, origin.clone(), format!("{stem}#record{n}"), hints) {
            Ok(mut a) => {
                if a.meta.published.map(|d| d.to_string()) == Some(crawl.clone()) {
                    a.warnings.push(format!("no publication date in the page: using the crawl date {crawl}"));
                }
                sink(Ok(a));
            }
            Err(e) => sink(Err(e)),
        }
    }
}

/// The body of an HTTP response if it is a successful HTML page (chunked transfer and gzip or
/// deflate content encodings undone).
fn http_html(response: &[u8]) -> Option<Vec<u8>> {
    let end = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&response[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?;
    if status != "200" {
        return None;
    }
    let (mut html, mut chunked, mut encoding) = (false, false, String::new());
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase());
        match name.as_str() {
            "content-type" => html = value.contains("html"),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => encoding = value,
            _ => {}
        }
    }
    if !html {
        return None;
    }
    let body = &response[end + 4..];
    let body = if chunked { dechunk(body)? } else { body.to_vec() };
    use std::io::Read;
    let mut out = Vec::new();
    match encoding.as_str() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out).ok()?,
        "deflate" => flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out).ok()?,
        _ => return Some(body),
    };
    Some(out)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// One WARC record, gzip-compressed on its own (as crawls write them).
    pub(crate) fn record(kind: &str, url: &str, payload: &[u8]) -> Vec<u8> {
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08}-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-03-06T12:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            payload.len(),
            payload.len()
        )
        .into_bytes();
        rec.extend_from_slice(payload);
        rec.extend_from_slice(b"\r\n\r\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&rec).unwrap();
        gz.finish().unwrap()
    }

    pub(crate) fn page(text: &str) -> Vec<u8> {
        let html = format!(
            "<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"
        );
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}").into_bytes()
    }

    fn collect(bytes: &[u8]) -> Vec<Result<super::super::Article, InputError>> {
        let mut out = Vec::new();
        let reader = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(bytes));
        read("c.warc.gz", "c", reader, &mut |a| out.push(a));
        out
    }

    #[test]
    fn responses_with_html_become_articles() {
        let mut warc = record(
            "response",
            "https://news.example.com/a",
            &page("Rebels seized the town of Goma on Sunday, officials said."),
        );
        warc.extend(record("request", "https://news.example.com/a", b"GET /a HTTP/1.1\r\n\r\n"));
        warc.extend(record(
            "response",
            "https://news.example.com/img.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        warc.extend(record(
            "response",
            "https://news.example.com/b",
            &page("The central bank raised rates on Tuesday."),
        ));
        let got = collect(&warc);
        assert_eq!(got.len(), 2);
        let a = got[0].as_ref().unwrap();
        assert!(a.text.contains("Rebels seized the town of Goma"));
        assert_eq!(a.meta.url.as_deref(), Some("https://news.example.com/a"));
        assert_eq!(a.meta.published, herald::Date::new(2024, 3, 6));
        assert!(a.warnings.iter().any(|w| w.contains("crawl date")));
        assert_eq!(got[1].as_ref().unwrap().origin, "c.warc.gz#record4");
    }

    #[test]
    fn corrupt_record_is_reported_and_earlier_ones_kept() {
        let mut warc = record(
            "response",
            "https://news.example.com/a",
            &page("Troops withdrew from the border on Friday."),
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"WARC/1.0\r\nWARC-Type: resp\x00\xffnse\r\nContent-Length: zz\r\n\r\n").unwrap();
        warc.extend(gz.finish().unwrap());
        let got = collect(&warc);
        assert!(got[0].is_ok());
        let err = got.last().unwrap().as_ref().unwrap_err();
        assert!(err.origin.starts_with("c.warc.gz#record"), "{}", err.origin);
        assert!(err.message.contains("corrupt WARC record"), "{}", err.message);
    }

    #[test]
    fn chunked_and_gzip_http_bodies_are_undone() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<html><body><p>x</p></body></html>").unwrap();
        let mut resp =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        resp.extend(gz.finish().unwrap());
        assert_eq!(http_html(&resp).unwrap(), b"<html><body><p>x</p></body></html>");
        assert!(http_html(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>").is_none());
    }
}
