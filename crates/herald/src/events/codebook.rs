//! The CAMEO codebook: Goldstein scores (`lexicons/cameo-goldstein.tsv`, as GDELT publishes
//! them), quad classes (from the root code, as GDELT derives them) and the CAMEO → PLOVER table
//! (`lexicons/cameo2plover.txt`, PLOVER manual draft 0.8).

use std::collections::HashMap;
use std::sync::LazyLock;

static GOLDSTEIN: &str = include_str!("../../lexicons/cameo-goldstein.tsv");
static PLOVER: &str = include_str!("../../lexicons/cameo2plover.txt");

/// Code → Goldstein score.
static SCORES: LazyLock<HashMap<String, f32>> = LazyLock::new(|| {
    GOLDSTEIN
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (code, score) = l.split_once('\t')?;
            Some((code.trim().to_string(), score.trim().parse().ok()?))
        })
        .collect()
});

/// Code → (PLOVER event, mode).
static PLOVERS: LazyLock<HashMap<String, (String, String)>> = LazyLock::new(|| {
    PLOVER
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (code, rest) = l.split_once(':')?;
            let rest = rest.split('#').next().unwrap_or("");
            let mut parts = rest.split(',').map(str::trim);
            let event = parts.next().filter(|e| !e.is_empty())?.to_string();
            let mode = parts.next().unwrap_or("").to_string();
            Some((code.trim().to_string(), (event, mode)))
        })
        .collect()
});

/// The Goldstein score of a code, or of its nearest listed parent.
pub fn goldstein(code: &str) -> Option<f32> {
    (2..=code.len()).rev().find_map(|n| SCORES.get(&code[..n]).copied())
}

/// GDELT's quad class: 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal
/// conflict (10–14), 4 material conflict (15–20).
pub fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        _ => 4,
    }
}

/// The PLOVER event category and mode of a code, or of its nearest listed parent.
pub fn plover(code: &str) -> Option<(&'static str, &'static str)> {
    (2..=code.len()).rev().find_map(|n| PLOVERS.get(&code[..n]).map(|(e, m)| (e.as_str(), m.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_classes_and_plover() {
        assert_eq!(goldstein("163"), Some(-8.0));
        assert_eq!(goldstein("036"), Some(4.0));
        assert_eq!(quad_class("036"), 1);
        assert_eq!(quad_class("163"), 4);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(plover("112").map(|p| p.0), Some("ACCUSE"));
        assert_eq!(plover("036").map(|p| p.0), Some("AGREE"));
    }
}
