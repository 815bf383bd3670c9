//! Calendar words and numbers the patterns are built from: years ("1998", "nineteen
//! ninety-six"), decades, seasons of a year, day numbers, months (with the checks that keep "May"
//! the verb and "the March for Life" out), and numeric dates.

use super::recognize::{Sem, Words};
use super::words;

pub(super) fn year(word: &str) -> Option<i32> {
    let y: i32 =
        (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())??;
    (1800..=2100).contains(&y).then_some(y)
}

/// The decade a word like "1990s" names (199).
pub(super) fn decade(word: &str) -> Option<i32> {
    let y = word.strip_suffix('s').filter(|y| y.ends_with('0')).and_then(year)?;
    Some(y / 10)
}

/// A year spoken in words, as broadcast transcripts write it: "nineteen ninety-six",
/// "nineteen seventy nine", "two thousand" (after "the year"). Returns its length in tokens.
pub(super) fn spoken_year(words: &Words<'_>, i: usize) -> Option<(usize, i32)> {
    let w = |k: usize| words.w(i + k);
    if w(0) == "two" && w(1) == "thousand" {
        return Some((2, 2000));
    }
    if w(0) != "nineteen" {
        return None;
    }
    let tens = words::tens(w(1))?;
    let (len, units) = match (w(2), words::unit_digit(w(2)), words::unit_digit(w(3))) {
        ("-", _, Some(u)) => (4, u),
        (_, Some(u), _) => (3, u),
        _ => (2, 0),
    };
    Some((len, 1900 + (tens + units) as i32))
}

/// "winter of 1994", "summer of nineteen ninety-four".
pub(super) fn season_of(words: &Words<'_>, i: usize) -> Option<(usize, Sem)> {
    let code = words::season(words.w(i))?;
    if words.w(i + 1) != "of" {
        return None;
    }
    let (len, year) = year(words.w(i + 2)).map(|y| (1, y)).or_else(|| spoken_year(words, i + 2))?;
    Some((2 + len, Sem::SeasonOf { code, year }))
}

pub(super) fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix_ok = matches!(&word[digits.len()..], "" | "st" | "nd" | "rd" | "th");
    let d: u8 = digits.parse().ok()?;
    (suffix_ok && (1..=31).contains(&d) && digits.len() <= 2).then_some(d)
}

pub(super) fn month_at(words: &Words<'_>, i: usize) -> Option<u8> {
    let m = words::month(words.w(i))?;
    // "may", "march" and short forms without a period are months only when capitalized.
    let w = words.w(i);
    let ambiguous = matches!(w, "may" | "march" | "jan" | "mar" | "jun" | "sat" | "sun") || w.len() <= 3;
    if ambiguous && !words.capitalized(i) {
        return None;
    }
    // A short form without its period ("Jan Kavan", "Marc") is a month only before a day or a
    // year.
    let next = words.w(i + 1);
    let full = w.len() > 4 || w == "may" || w == "june" || w == "july";
    if !full && !w.ends_with('.') && day_number(next).is_none() && year(next).is_none() {
        return None;
    }
    // "the March for Life", "the March of the Combatant Mothers" name events ("stepped down in
    // March for health reasons" does not).
    let dated = i.checked_sub(1).is_some_and(|p| {
        matches!(
            words.w(p),
            "in" | "since" | "until" | "by" | "from" | "through" | "during" | "before" | "after"
        )
    });
    if !dated && (next == "for" || (next == "of" && year(words.w(i + 2)).is_none())) {
        return None;
    }
    Some(m)
}

pub(super) fn numeric_date(word: &str) -> Option<Sem> {
    // One separator throughout and a two- or four-digit year: "7-1/4" is a fraction, not a date.
    let sep = if word.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = word.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let year_len = if parts[0].len() == 4 { 4 } else { parts[2].len() };
    if year_len != 2 && year_len != 4 {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0] as i32, n[1], n[2])
    } else {
        let y = if parts[2].len() == 2 {
            1900 + n[2] as i32 + if n[2] < 50 { 100 } else { 0 }
        } else {
            n[2] as i32
        };
        (y, n[0], n[1])
    };
    crate::date::Date::new(y, m as u8, d as u8).map(|_| Sem::Day {
        year: Some(y),
        month: m as u8,
        day: d as u8,
    })
}
