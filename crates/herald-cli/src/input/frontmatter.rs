//! Front matter: `---` lines at the top of a text file with `key: value` metadata.

use super::RawMeta;

/// Metadata read from front matter, and where the body begins.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct FrontMatter {
    pub meta: RawMeta,
    /// Byte offset of the body in the text.
    pub body: usize,
}

/// Reads front matter at the start of `text`, if there is a complete block.
pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut fm = FrontMatter::default();
    let mut pos = first_end + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |e| pos + e);
        let line = text[pos..end].trim_end_matches('\r');
        let next = (end + 1).min(text.len());
        if line.trim_end() == "---" {
            fm.body = next;
            return Some(fm);
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            let m = &mut fm.meta;
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "id" => &mut m.id,
                "title" => &mut m.title,
                "published" | "date" => &mut m.published,
                "source" => &mut m.source,
                "url" => &mut m.url,
                "language" | "lang" => &mut m.language,
                _ => {
                    pos = next;
                    continue;
                }
            };
            if !value.is_empty() {
                *slot = Some(value);
            }
        }
        pos = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_body() {
        let text = "---\r\ntitle: \"Summit off\"\npublished: 2025-10-24\nurl: https://x.test/a\nfoo: bar\n---\nBody.";
        let fm = parse(text).unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("Summit off"));
        assert_eq!(fm.meta.published.as_deref(), Some("2025-10-24"));
        assert_eq!(fm.meta.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(&text[fm.body..], "Body.");
    }

    #[test]
    fn unclosed_block_is_not_front_matter() {
        assert_eq!(parse("---\ntitle: x\nno end"), None);
        assert_eq!(parse("--- not a block\n---\n"), None);
    }
}
