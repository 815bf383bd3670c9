//! The gazetteer: countries, first-level divisions and cities with coordinates and GeoNames ids,
//! looked up by lowercase name (`lexicons/gazetteer.tsv.gz`, written by `herald train gazetteer`).
//!
//! File format, one place per line, tab-separated:
//! `kind  geonameid  name  country  admin1  lat  lon  population  alternate|names`, where `kind` is
//! `country` (then `admin1` holds the ISO alpha-3 code, which is also the CAMEO country code),
//! `admin1`, `capital` or `city`; `country` is ISO alpha-2. `#` lines are comments.

use std::collections::HashMap;

use crate::model::hash::WordMap;
use crate::tone::LexiconError;

/// What sort of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign country.
    Country,
    /// A first-level division (a US state).
    Admin1,
    /// A national capital.
    Capital,
    /// Any other populated place.
    City,
}

impl PlaceKind {
    /// The name in the gazetteer file and in output (`country`, `admin1`, `capital`, `city`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        [PlaceKind::Country, PlaceKind::Admin1, PlaceKind::Capital, PlaceKind::City]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct GazPlace {
    /// GeoNames id.
    pub id: u64,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    /// First-level division code (`DC`, `05`); for a country, its alpha-3 code.
    pub admin1: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
}

impl GazPlace {
    /// Default preference among places of one name: countries, then capitals, then divisions,
    /// then population.
    pub fn rank(&self) -> (u8, u64) {
        let kind = match self.kind {
            PlaceKind::Country => 3,
            PlaceKind::Capital => 2,
            PlaceKind::Admin1 => 1,
            PlaceKind::City => 0,
        };
        (kind, self.population)
    }
}

/// Places by name.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<GazPlace>,
    by_name: WordMap<Vec<u32>>,
    /// First word of a name → most words in a name starting with it.
    longest: WordMap<u8>,
    country_by_iso2: HashMap<String, u32>,
    country_by_iso3: HashMap<String, u32>,
}

impl Gazetteer {
    /// Reads the gazetteer file; bad lines are returned with their numbers and skipped.
    pub fn parse(text: &str) -> (Gazetteer, Vec<LexiconError>) {
        let mut g = Gazetteer::default();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match parse_line(line) {
                Some((place, alternates)) => g.push(place, alternates),
                None => errors.push(LexiconError { line: n + 1, message: format!("cannot read {line:?}") }),
            }
        }
        (g, errors)
    }

    fn push(&mut self, place: GazPlace, alternates: Vec<&str>) {
        let index = self.places.len() as u32;
        match place.kind {
            PlaceKind::Country => {
                self.country_by_iso2.insert(place.country.clone(), index);
                self.country_by_iso3.insert(place.admin1.clone(), index);
            }
            PlaceKind::Admin1 | PlaceKind::Capital | PlaceKind::City => {}
        }
        let mut keys: Vec<String> = Vec::new();
        for name in std::iter::once(place.name.as_str()).chain(alternates) {
            // "Tikrīt" is written "Tikrit" in English news, and "Al Fallūjah" "Fallujah".
            let folded = fold_diacritics(name);
            let bare = without_arabic_article(&folded);
            keys.extend([name_key(name), name_key(&folded)]);
            keys.extend(bare.map(name_key));
        }
        keys.sort();
        keys.dedup();
        for key in keys {
            let words = key.split(' ').count().min(255) as u8;
            let first = key.split(' ').next().unwrap_or("").to_string();
            let longest = self.longest.entry(first).or_insert(0);
            *longest = (*longest).max(words);
            self.by_name.entry(key).or_default().push(index);
        }
        self.places.push(place);
    }

    /// Places named `key` (lowercase words joined by single spaces).
    pub fn lookup(&self, key: &str) -> impl Iterator<Item = (u32, &GazPlace)> {
        self.by_name.get(key).into_iter().flatten().map(|&i| (i, &self.places[i as usize]))
    }

    /// The longest name at the start of `words` (lowercase), with the place of that name it
    /// prefers by [`GazPlace::rank`]; `key` is scratch space.
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], key: &mut String) -> Option<(usize, u32)> {
        let max = self.longest_from(words.first()?.as_ref()).min(words.len());
        for n in (1..=max).rev() {
            key.clear();
            for (k, w) in words[..n].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(w.as_ref());
            }
            if let Some((i, _)) = self.lookup(key).max_by_key(|(_, p)| p.rank()) {
                return Some((n, i));
            }
        }
        None
    }

    /// The most words a name starting with `first` (lowercase) has, or 0.
    pub fn longest_from(&self, first: &str) -> usize {
        self.longest.get(first).map_or(0, |&n| usize::from(n))
    }

    /// Place by index.
    pub fn place(&self, index: u32) -> Option<&GazPlace> {
        self.places.get(index as usize)
    }

    /// The country with this alpha-2 code.
    pub fn country_iso2(&self, iso2: &str) -> Option<&GazPlace> {
        self.country_by_iso2.get(iso2).and_then(|&i| self.place(i))
    }

    /// The country with this alpha-3 (CAMEO) code.
    pub fn country_iso3(&self, iso3: &str) -> Option<&GazPlace> {
        self.country_by_iso3.get(iso3).and_then(|&i| self.place(i))
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// Latin letters with diacritics folded to their base letter ("Tikrīt" → "Tikrit"); other
/// characters are kept.
pub fn fold_diacritics(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'Ď' | 'Đ' | 'Ḍ' => 'D',
            'ď' | 'đ' | 'ḍ' | 'ḑ' => 'd',
            'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'G',
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
            'Ĥ' | 'Ħ' | 'Ḩ' | 'Ḥ' => 'H',
            'ĥ' | 'ħ' | 'ḩ' | 'ḥ' => 'h',
            'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'I',
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
            'Ĵ' => 'J',
            'ĵ' => 'j',
            'Ķ' => 'K',
            'ķ' => 'k',
            'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => 'L',
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
            'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'O',
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
            'Ŕ' | 'Ŗ' | 'Ř' => 'R',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ṣ' => 'S',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ṣ' => 's',
            'Ţ' | 'Ť' | 'Ŧ' | 'Ṭ' => 'T',
            'ţ' | 'ť' | 'ŧ' | 'ṭ' => 't',
            'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'U',
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'Ŵ' => 'W',
            'ŵ' => 'w',
            'Ý' | 'Ŷ' | 'Ÿ' => 'Y',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'Ź' | 'Ż' | 'Ž' | 'Ẕ' | 'Ẓ' => 'Z',
            'ź' | 'ż' | 'ž' | 'ẕ' | 'ẓ' => 'z',
            'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '‘' | '’' => '\'',
            other => other,
        })
        .collect()
}

/// A name without the Arabic article GeoNames writes and English news drops ("Al Fallujah" →
/// "Fallujah", "Ash Sharqat" → "Sharqat"), when what remains is a word of four letters or more.
fn without_arabic_article(name: &str) -> Option<&str> {
    let (article, rest) = name.split_once([' ', '-'])?;
    let arabic =
        matches!(article, "Al" | "Ar" | "As" | "Ash" | "Ad" | "An" | "Az" | "At" | "Ath" | "Adh" | "El");
    (arabic && rest.chars().filter(char::is_ascii_alphabetic).count() >= 4).then_some(rest)
}

/// `Washington, D.C.` → `washington , d.c.`: lowercase, commas as words, single spaces — the
/// shape of lowercased tokens joined by spaces.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for word in name.split_whitespace() {
        let (stem, comma) = match word.strip_suffix(',') {
            Some(s) => (s, true),
            None => (word, false),
        };
        if !stem.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(stem.chars().flat_map(char::to_lowercase));
        }
        if comma {
            out.push_str(" ,");
        }
    }
    out
}

fn parse_line(line: &str) -> Option<(GazPlace, Vec<&str>)> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 8 {
        return None;
    }
    let place = GazPlace {
        kind: PlaceKind::parse(f[0])?,
        id: f[1].parse().ok()?,
        name: f[2].to_string(),
        country: f[3].to_string(),
        admin1: f[4].to_string(),
        lat: f[5].parse().ok().filter(|v: &f64| v.abs() <= 90.0)?,
        lon: f[6].parse().ok().filter(|v: &f64| v.abs() <= 180.0)?,
        population: f[7].parse().ok()?,
    };
    if place.name.is_empty() {
        return None;
    }
    let alternates = f.get(8).map_or(Vec::new(), |a| a.split('|').filter(|s| !s.is_empty()).collect());
    Some((place, alternates))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# test\n\
        country\t2017370\tRussia\tRU\tRUS\t55.0\t45.0\t144000000\tRussian Federation\n\
        capital\t524901\tMoscow\tRU\t48\t55.75204\t37.61781\t10381222\tMoskva\n\
        city\t5601538\tMoscow\tUS\tID\t46.73239\t-117.00017\t25060\n\
        capital\t4140963\tWashington\tUS\tDC\t38.89511\t-77.03637\t689545\tWashington, D.C.\n\
        city\tbad\tX\n";

    #[test]
    fn reads_places_and_reports_bad_lines() {
        let (g, errors) = Gazetteer::parse(SAMPLE);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(g.len(), 4);
        assert_eq!(errors[0].line, 6);
        let moscows: Vec<&str> = g.lookup("moscow").map(|(_, p)| p.country.as_str()).collect();
        assert_eq!(moscows, ["RU", "US"]);
        assert_eq!(g.lookup("moskva").count(), 1);
        assert_eq!(g.lookup("washington , d.c.").count(), 1);
        assert_eq!(g.longest_from("washington"), 3);
        assert_eq!(g.country_iso3("RUS").map(|p| p.name.as_str()), Some("Russia"));
    }
}
