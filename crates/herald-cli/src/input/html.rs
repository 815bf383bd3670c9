//! HTML pages: the main text without navigation and boilerplate, with the title, publication
//! date (meta tags, JSON-LD, `<time>`), site name and canonical URL, by `rs-trafilatura`.
//! A page whose extraction yields no text beyond its title is an error ("no article text"),
//! not an empty article.

use herald::Date;

use super::{Article, InputError, RawMeta};

/// What the caller knows of a page besides its bytes (a WARC record's URL and date).
#[derive(Default)]
pub(super) struct PageHints {
    pub url: Option<String>,
    pub date: Option<Date>,
}

/// Extracts the article from one HTML page.
pub(super) fn article(
    bytes: &[u8],
    origin: String,
    default_id: String,
    hints: PageHints,
) -> Result<Article, InputError> {
    let page = rs_trafilatura::extract_bytes(bytes)
        .map_err(|e| InputError::new(origin.clone(), format!("unreadable HTML: {e}")))?;
    let md = page.metadata;
    let text = page.content_text.trim().to_string();
    if !has_text_beyond(&text, md.title.as_deref().unwrap_or("")) {
        return Err(InputError::new(origin, "no article text in the page (no body, or only navigation)"));
    }
    let mut warnings = Vec::new();
    let url = md.url.or(hints.url);
    let published = md.date.map(|d| d.date_naive().to_string());
    let raw = RawMeta {
        id: url.clone(),
        title: md.title,
        source: md.sitename.or_else(|| md.hostname.map(|h| h.trim_start_matches("www.").to_string())),
        url,
        language: md
            .language
            .filter(|l| !l.is_empty())
            .map(|l| l.chars().take(2).collect::<String>().to_ascii_lowercase()),
        published,
    };
    let mut meta = raw.into_meta(default_id, &mut warnings);
    if meta.published.is_none() {
        meta.published = hints.date;
    }
    Ok(Article { text, meta, origin, warnings })
}

/// True when `text` has letters or digits besides (repetitions of) the title.
fn has_text_beyond(text: &str, title: &str) -> bool {
    let rest = if title.trim().is_empty() { text.to_string() } else { text.replace(title.trim(), "") };
    rest.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Leaders to meet in Budapest | Example News</title>
<link rel="canonical" href="https://www.example.com/world/budapest-summit">
<meta property="article:published_time" content="2025-10-24T09:30:00Z">
<meta property="og:site_name" content="Example News"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Leaders to meet in Budapest</h1>
<p>WASHINGTON — President Donald Trump said on Thursday that he would meet Russian President Vladimir Putin in Budapest.</p>
<p>"We agreed that a meeting would be productive," Trump told reporters at the White House.</p></article>
<footer>Copyright 2025 Example News. All rights reserved. Privacy policy.</footer></body></html>"#;

    #[test]
    fn page_gives_text_title_date_and_canonical_url() {
        let a = article(PAGE.as_bytes(), "p.html".into(), "p".into(), PageHints::default()).unwrap();
        assert!(a.text.starts_with("WASHINGTON — President Donald Trump"), "{}", a.text);
        assert!(a.text.contains("told reporters at the White House."));
        assert!(!a.text.contains("Home") && !a.text.contains("Copyright"), "{}", a.text);
        assert_eq!(a.meta.published, Date::new(2025, 10, 24));
        assert_eq!(a.meta.url.as_deref(), Some("https://www.example.com/world/budapest-summit"));
        assert_eq!(a.meta.source.as_deref(), Some("Example News"));
        assert_eq!(a.meta.title.as_deref(), Some("Leaders to meet in Budapest"));
    }

    #[test]
    fn page_without_body_is_an_error() {
        let e = article(
            b"<html><head><title>x</title></head></html>",
            "e.html".into(),
            "e".into(),
            PageHints::default(),
        );
        assert!(e.unwrap_err().message.contains("no article text"));
        assert!(article(b"", "z.html".into(), "z".into(), PageHints::default()).is_err());
    }

    #[test]
    fn hints_fill_what_the_page_lacks() {
        let page = "<html><body><p>The ministry said on Monday that talks would resume in Geneva next week.</p></body></html>";
        let hints =
            PageHints { url: Some("https://news.example.org/a/1".into()), date: Date::new(2024, 3, 4) };
        let a = article(page.as_bytes(), "w#1".into(), "w#1".into(), hints).unwrap();
        assert_eq!(a.meta.url.as_deref(), Some("https://news.example.org/a/1"));
        assert_eq!(a.meta.published, Date::new(2024, 3, 4));
    }
}
