//! GDELT 2.0 Event (61 columns) and Mentions (16 columns) rows, tab-separated, without a
//! header, in GDELT's column order and conventions (`docs/export.md` lists what herald fills).
//!
//! Three code systems meet in a row, as in GDELT: CAMEO actor codes (`USAGOV`), FIPS 10-4 country
//! codes for places (`HU`; `iso-fips.tsv`, from GeoNames) and GeoNames ids as feature ids.

use std::collections::HashMap;
use std::sync::OnceLock;

use herald_store::export::{EventRecord, MentionRecord, PlaceRow};

/// The Event table's columns (GDELT 2.0, BigQuery names).
pub const EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The Mentions table's columns.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// CAMEO role and type codes (GDELT's Type1–3 columns).
const TYPE_CODES: [&str; 39] = [
    "AGR", "AMN", "BUS", "CHR", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "IRC", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PKO", "PTY",
    "RAD", "REB", "REF", "SEP", "SPY", "UAF", "UNO", "USR", "WLF",
];

/// The ISO → FIPS country table.
fn fips() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/iso-fips.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// Knows which three-letter segments are countries (from the gazetteer).
pub struct Codes<'a> {
    pub is_country: &'a dyn Fn(&str) -> bool,
    pub country_name: &'a dyn Fn(&str) -> Option<String>,
}

/// An actor code split into GDELT's fields: country, known group, and up to three types.
fn split_actor(code: &str, codes: &Codes<'_>) -> [String; 5] {
    let segments: Vec<&str> = (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect();
    let mut country = String::new();
    let mut group = String::new();
    let mut types: Vec<&str> = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        if i == 0 && (codes.is_country)(s) {
            country = (*s).to_string();
        } else if TYPE_CODES.contains(s) {
            if types.len() < 3 {
                types.push(s);
            }
        } else if group.is_empty() && country.is_empty() || group.is_empty() && i > 0 {
            group = (*s).to_string();
        }
    }
    let t = |i: usize| types.get(i).map(|s| (*s).to_string()).unwrap_or_default();
    [country, group, t(0), t(1), t(2)]
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// `2025-10-24T09:30:05Z` → `20251024093005`.
pub fn stamp(iso: &str) -> String {
    iso.chars().filter(char::is_ascii_digit).take(14).collect()
}

fn geo(place: Option<&PlaceRow>, codes: &Codes<'_>) -> [String; 8] {
    let Some(p) = place else { return Default::default() };
    let iso = p.country.as_deref().unwrap_or("");
    let fips_country = fips().get(iso).copied().unwrap_or(iso).to_string();
    let us = iso == "US";
    let kind = match (p.kind.as_str(), us) {
        ("country", _) => 1,
        ("admin1", true) => 2,
        ("admin1", false) => 5,
        (_, true) => 3,
        _ => 4,
    };
    let country_name = (codes.country_name)(iso).unwrap_or_default();
    let full = if kind == 1 || country_name.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {country_name}", p.name)
    };
    let adm1 = match (kind, p.admin1.as_deref()) {
        (1, _) | (_, None) => fips_country.clone(),
        (_, Some(a)) => format!("{fips_country}{a}"),
    };
    [
        kind.to_string(),
        clean(&full),
        fips_country,
        adm1,
        String::new(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.geonames_id.map(|g| g.to_string()).unwrap_or_default(),
    ]
}

/// One Event table row (61 fields, tab-separated, no newline).
pub fn event_row(e: &EventRecord, codes: &Codes<'_>) -> String {
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(e.id.to_string());
    let date = e.date.as_deref().and_then(herald::Date::parse_iso);
    match date {
        Some(d) => {
            f.push(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
            f.push(format!("{:04}{:02}", d.year(), d.month()));
            f.push(d.year().to_string());
            let frac = (f64::from(d.month()) * 30.0 + f64::from(d.day())) / 365.0;
            f.push(format!("{:.4}", f64::from(d.year()) + frac));
        }
        None => f.extend([String::new(), String::new(), String::new(), String::new()]),
    }
    for (code, name) in [(&e.source, &e.source_name), (&e.target, &e.target_name)] {
        if code.is_empty() {
            f.extend(std::iter::repeat_n(String::new(), 10));
            continue;
        }
        let [country, group, t1, t2, t3] = split_actor(code, codes);
        f.push(code.clone());
        f.push(clean(&name.as_deref().unwrap_or("").to_uppercase()));
        f.extend([country, group, String::new(), String::new(), String::new(), t1, t2, t3]);
    }
    f.push(u8::from(e.is_root).to_string());
    f.push(e.code.clone());
    f.push(e.code.get(..3).unwrap_or(&e.code).to_string());
    f.push(e.code.get(..2).unwrap_or(&e.code).to_string());
    f.push(e.quad_class.to_string());
    f.push(e.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default());
    f.push(e.mentions.to_string());
    f.push(e.sources.to_string());
    f.push(e.articles.to_string());
    f.push(e.avg_tone.map(|t| format!("{t:.4}")).unwrap_or_default());
    // herald does not place actors apart from the action: Actor1Geo and Actor2Geo stay empty.
    f.extend(std::iter::repeat_n(String::new(), 16));
    f.extend(geo(e.place.as_ref(), codes));
    f.push(stamp(&e.added));
    f.push(clean(e.url.as_deref().unwrap_or(&e.doc_id)));
    f.join("\t")
}

/// One Mentions table row (16 fields).
pub fn mention_row(m: &MentionRecord) -> String {
    let (kind, identifier) = match &m.url {
        Some(u) => ("1", u.clone()),
        None => ("2", m.doc_id.clone()),
    };
    [
        m.event_id.to_string(),
        stamp(&m.event_added),
        stamp(&m.added),
        kind.to_string(),
        clean(m.source_name.as_deref().unwrap_or("")),
        clean(&identifier),
        (m.sentence + 1).to_string(),
        String::new(),
        String::new(),
        m.trigger.0.to_string(),
        "1".to_string(),
        ((m.confidence * 100.0).round() as i64).to_string(),
        m.doc_len.to_string(),
        m.doc_tone.map(|t| format!("{t:.4}")).unwrap_or_default(),
        String::new(),
        String::new(),
    ]
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Codes<'static> {
        Codes {
            is_country: &|s: &str| matches!(s, "USA" | "RUS" | "HUN"),
            country_name: &|iso: &str| (iso == "HU").then(|| "Hungary".to_string()),
        }
    }

    fn record() -> EventRecord {
        EventRecord {
            id: 7,
            date: Some("2025-10-23".into()),
            source: "USAGOV".into(),
            source_name: Some("Donald Trump".into()),
            target: "RUSGOV".into(),
            target_name: Some("Vladimir Putin".into()),
            is_root: true,
            code: "036".into(),
            quad_class: 1,
            goldstein: Some(4.0),
            mentions: 3,
            sources: 2,
            articles: 2,
            avg_tone: Some(-1.25),
            place: Some(PlaceRow {
                name: "Budapest".into(),
                kind: "capital".into(),
                country: Some("HU".into()),
                admin1: Some("05".into()),
                lat: 47.498,
                lon: 19.04,
                geonames_id: Some(3054643),
            }),
            added: "2025-10-24T09:30:05Z".into(),
            url: Some("https://example.com/a".into()),
            doc_id: "a".into(),
            evidence: "x".into(),
            article_id: 1,
            title: None,
        }
    }

    #[test]
    fn event_row_has_61_fields_in_gdelt_order() {
        let row = event_row(&record(), &codes());
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 61);
        let col = |name: &str| f[EVENT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(col("SQLDATE"), "20251023");
        assert_eq!(col("MonthYear"), "202510");
        assert_eq!(col("FractionDate"), "2025.8849");
        assert_eq!(col("Actor1Code"), "USAGOV");
        assert_eq!(col("Actor1Name"), "DONALD TRUMP");
        assert_eq!(col("Actor1CountryCode"), "USA");
        assert_eq!(col("Actor1Type1Code"), "GOV");
        assert_eq!(col("Actor2CountryCode"), "RUS");
        assert_eq!(col("EventBaseCode"), "036");
        assert_eq!(col("EventRootCode"), "03");
        assert_eq!(col("GoldsteinScale"), "4.0");
        assert_eq!(col("ActionGeo_Type"), "4");
        assert_eq!(col("ActionGeo_FullName"), "Budapest, Hungary");
        assert_eq!(col("ActionGeo_CountryCode"), "HU");
        assert_eq!(col("ActionGeo_ADM1Code"), "HU05");
        assert_eq!(col("ActionGeo_FeatureID"), "3054643");
        assert_eq!(col("DATEADDED"), "20251024093005");
        assert_eq!(col("SOURCEURL"), "https://example.com/a");
        assert_eq!(col("Actor1Geo_Type"), "");
    }

    #[test]
    fn actor_codes_split_into_country_group_and_types() {
        let c = codes();
        assert_eq!(
            split_actor("USAMILREB", &c),
            ["USA".into(), String::new(), "MIL".into(), "REB".into(), String::new()]
        );
        assert_eq!(split_actor("UNO", &c)[2], "UNO");
        assert_eq!(split_actor("NATO", &c)[1], "NAT");
        assert_eq!(
            split_actor("IGOUNOKFR", &c),
            [String::new(), "KFR".into(), "IGO".into(), "UNO".into(), String::new()]
        );
    }

    #[test]
    fn fips_differs_from_iso_where_it_should() {
        assert_eq!(fips().get("DE"), Some(&"GM"));
        assert_eq!(fips().get("GB"), Some(&"UK"));
        assert_eq!(fips().get("HU"), Some(&"HU"));
    }
}
