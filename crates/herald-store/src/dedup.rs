//! De-duplication keys: the normalized-text hash and the canonical URL.
//!
//! Two copies of a story rarely match byte for byte: a crawl re-fetches a page with new
//! whitespace, a feed repeats an item with curly instead of straight quotes, a wire story is
//! re-run in capitals. The text hash therefore reads only letters and digits, lowercased, and
//! the URL key drops what does not name the page (fragment, tracking parameters, `www.`, a
//! trailing slash, the scheme).

/// Hash of the normalized text: letters and digits only, lowercased (FNV-1a, 64 bits, as 16 hex
/// digits). Empty for a text with no letters or digits, which is never de-duplicated.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut feed = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        any = true;
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                feed(b);
            }
        }
    }
    if any { format!("{hash:016x}") } else { String::new() }
}

/// The de-duplication key of an article: [`content_hash`] of its text, or, for a text with no
/// letters or digits (nothing to compare), `empty:` and where it came from, so an empty input
/// is stored once per origin and found again by a re-run.
pub fn article_key(text: &str, origin: &str) -> String {
    let hash = content_hash(text);
    if hash.is_empty() { format!("empty:{origin}") } else { hash }
}

/// The key two URLs of one page share: lowercase host without `www.`, no scheme, no fragment,
/// no tracking parameters (`utm_*`, `fbclid`, `gclid`, …), no trailing slash. `None` for
/// something that is not an `http(s)` URL.
pub fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let rest = rest.split('#').next().unwrap_or("");
    let (host_path, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let (host, path) = match host_path.find('/') {
        Some(i) => (&host_path[..i], &host_path[i..]),
        None => (host_path, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_suffix(":80").or_else(|| host.strip_suffix(":443")).unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let path = path.trim_end_matches('/');
    let mut key = format!("{host}{path}");
    let kept: Vec<&str> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty() && !is_tracking(p.split('=').next().unwrap_or("")))
        .collect();
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    Some(key)
}

fn is_tracking(param: &str) -> bool {
    let p = param.to_ascii_lowercase();
    p.starts_with("utm_")
        || matches!(
            p.as_str(),
            "fbclid" | "gclid" | "dclid" | "msclkid" | "mc_cid" | "mc_eid" | "ocid" | "cmpid" | "smid"
        )
}

/// The host of an `http(s)` URL without `www.`, used as the article's source when the input
/// names none.
pub fn url_host(url: &str) -> Option<String> {
    let key = url_key(url)?;
    let host = key.split(['/', '?']).next().unwrap_or("");
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hash_ignores_case_spacing_and_punctuation() {
        let a = content_hash("Russia said on Thursday it would \"respond\".");
        let b = content_hash("RUSSIA SAID ON THURSDAY\n  IT WOULD “RESPOND”");
        assert_eq!(a, b);
        assert_ne!(a, content_hash("Russia said on Friday it would respond."));
        assert_eq!(content_hash(" \n—…"), "");
        assert_eq!(a.len(), 16);
        assert_eq!(article_key("", "a.txt"), "empty:a.txt");
        assert_eq!(article_key("Russia said", "a.txt"), content_hash("russia SAID"));
    }

    #[test]
    fn url_key_drops_what_does_not_name_the_page() {
        let k = url_key("https://www.Reuters.com/world/europe/story-idUSKBN1?utm_source=rss&id=7#top");
        assert_eq!(k.as_deref(), Some("reuters.com/world/europe/story-idUSKBN1?id=7"));
        assert_eq!(url_key("http://reuters.com/world/europe/story-idUSKBN1/?id=7"), k);
        assert_eq!(url_key("HTTPS://bbc.co.uk:443/"), Some("bbc.co.uk".to_string()));
        assert_eq!(url_key("ftp://x.org/a"), None);
        assert_eq!(url_key("https:///a"), None);
        assert_eq!(url_host("https://www.bbc.co.uk/news/1"), Some("bbc.co.uk".to_string()));
    }
}
