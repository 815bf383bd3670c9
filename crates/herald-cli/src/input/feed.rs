//! RSS, Atom and JSON feeds (`feed-rs`): one article per item, its text from the item's content
//! or else its description (HTML reduced to text), its title, link and date; the feed's title is
//! the source. An item with neither content nor description is reported, not stored empty.

use std::io::Read;

use super::{Article, InputError, RawMeta, Sink};

pub(super) fn read(label: &str, stem: &str, reader: impl Read, sink: &mut Sink<'_>) {
    let feed = match feed_rs::parser::parse(reader) {
        Ok(f) => f,
        Err(e) => return sink(Err(InputError::new(label, format!("unreadable feed: {e}")))),
    };
    let source = feed.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let origin = format!("{label}#item{}", i + 1);
        let body = entry.content.and_then(|c| c.body).filter(|b| !b.trim().is_empty());
        let body = body.or_else(|| entry.summary.map(|s| s.content)).unwrap_or_default();
        let text = fragment_text(&body);
        if !text.chars().any(char::is_alphanumeric) {
            sink(Err(InputError::new(origin, "feed item has no content or description")));
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        let date = entry.published.or(entry.updated).map(|d| d.date_naive().to_string());
        let raw = RawMeta {
            id: url.clone().or_else(|| Some(entry.id).filter(|id| !id.is_empty())),
            title: entry.title.map(|t| t.content.trim().to_string()),
            published: date,
            source: source.clone(),
            url,
            language: None,
        };
        let mut warnings = Vec::new();
        let meta = raw.into_meta(format!("{stem}#item{}", i + 1), &mut warnings);
        sink(Ok(Article { text, meta, origin, warnings }));
    }
}

/// Text of an HTML fragment (a feed item's content), paragraphs kept; plain text as is.
fn fragment_text(body: &str) -> String {
    if !body.contains('<') {
        return decode_entities(body.trim());
    }
    let page = format!("<html><body><article>{body}</article></body></html>");
    match rs_trafilatura::extract(&page) {
        Ok(r) if r.content_text.chars().any(char::is_alphanumeric) => r.content_text.trim().to_string(),
        _ => String::new(),
    }
}

/// The five XML entities, for descriptions that arrive entity-escaped but tag-free.
fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald::Date;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>World Wire</title>
<item><title>Ministers meet in Geneva</title><link>https://wire.example.com/geneva</link>
<pubDate>Tue, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Foreign ministers met in Geneva on Monday to discuss a ceasefire.&lt;/p&gt;&lt;p&gt;Talks resume next week.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example.com/empty</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Capital Desk</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Parliament votes</title><id>urn:1</id><link href="https://desk.example.com/vote"/>
<published>2024-03-05T08:00:00Z</published><updated>2024-03-05T09:00:00Z</updated>
<content type="html">&lt;p&gt;Parliament approved the budget on Tuesday.&lt;/p&gt;</content></entry></feed>"#;

    fn collect(text: &str) -> Vec<Result<Article, InputError>> {
        let mut out = Vec::new();
        read("f.xml", "f", text.as_bytes(), &mut |a| out.push(a));
        out
    }

    #[test]
    fn rss_items_become_articles_and_empty_items_errors() {
        let items = collect(RSS);
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert!(a.text.contains("Foreign ministers met in Geneva on Monday"), "{}", a.text);
        assert!(a.text.contains("Talks resume next week."));
        assert!(!a.text.contains("<p>"));
        assert_eq!(a.meta.published, Date::new(2024, 3, 4));
        assert_eq!(a.meta.source.as_deref(), Some("World Wire"));
        assert_eq!(a.meta.url.as_deref(), Some("https://wire.example.com/geneva"));
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.origin, "f.xml#item2");
    }

    #[test]
    fn atom_entries_use_content_and_published_date() {
        let items = collect(ATOM);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.text, "Parliament approved the budget on Tuesday.");
        assert_eq!(a.meta.published, Date::new(2024, 3, 5));
        assert_eq!(a.meta.title.as_deref(), Some("Parliament votes"));
    }

    #[test]
    fn broken_feed_is_one_error() {
        let items = collect("<rss><channel><item><title>x</tit");
        assert_eq!(items.len(), 1);
        assert!(items[0].as_ref().unwrap_err().message.contains("unreadable feed"));
    }
}
