//! Calendar dates (proleptic Gregorian), with the parsing that news metadata needs.
//!
//! herald needs few things from a calendar: validate a date, count days, find weekdays and ISO
//! weeks, and read the date formats that feeds and archives use. That fits in one small module,
//! so the core stays free of dependencies.

use std::fmt;

/// A valid calendar date between the years 1 and 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// All days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

impl Date {
    /// The date, if it exists (`Date::new(2025, 2, 30)` is `None`).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1;
        (valid && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies in years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date moved by `days` (negative goes back), if the result is in range.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        let idx = (self.days_since_epoch() + 3).rem_euclid(7) as usize;
        Weekday::ALL[idx]
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.days_since_epoch() - i64::from(self.weekday().index()) + 3;
        let thu = Date::from_days_since_epoch(thursday).unwrap_or(self);
        let jan1 = Date { year: thu.year, month: 1, day: 1 };
        let week = (thursday - jan1.days_since_epoch()) / 7 + 1;
        (thu.year, week as u8)
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(num(&s[0..4])? as i32, num(&s[5..7])? as u8, num(&s[8..10])? as u8)
    }

    /// Parses the date part of the forms that article metadata uses, ignoring any time of day:
    /// ISO 8601 / RFC 3339 (`2025-10-24`, `2025-10-24T09:30:00Z`, `2025/10/24`), RFC 2822
    /// (`Fri, 24 Oct 2025 09:30:00 GMT`), `24 October 2025`, `October 24, 2025`, `Oct. 24, 2025`,
    /// and archive forms such as Reuters' `26-FEB-1987 15:01:01.79`. Returns `None` otherwise.
    pub fn parse_loose(s: &str) -> Option<Date> {
        let s = s.trim();
        if s.len() >= 10 {
            let head = s.get(..10)?.replace('/', "-");
            if let Some(d) = Date::parse_iso(&head) {
                let rest = &s[10..];
                let ok_rest = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
                if ok_rest {
                    return Some(d);
                }
            }
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        // Find "day month year" or "month day year" among the first words.
        for i in 0..words.len().saturating_sub(2) {
            let (a, b, c) = (words[i], words[i + 1], words[i + 2]);
            let year = match num(c) {
                Some(y) if c.len() == 4 => y as i32,
                _ => continue,
            };
            if let (Some(day), Some(month)) = (num(a), month_number(b)) {
                return Date::new(year, month, u8::try_from(day).ok()?);
            }
            if let (Some(month), Some(day)) = (month_number(a), num(b)) {
                return Date::new(year, month, u8::try_from(day).ok()?);
            }
        }
        None
    }
}

/// The month number of an English month name or abbreviation (`Oct`, `October`, `SEPT`).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let idx = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][idx];
    (full.starts_with(&w) || w == "sept").then_some(idx as u8 + 1)
}

/// Days in a month of a year (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::new(2025, 2, 29), None);
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(Date::new(2025, 4, 31), None);
        assert_eq!(Date::parse_iso("2025-13-01"), None);
        assert_eq!(Date::parse_iso("99999-01-01"), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2025-10-24").add_days(-2), Some(d("2025-10-22")));
        assert_eq!(d("2024-12-31").add_days(1), Some(d("2025-01-01")));
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        for days in [-719_162_i64, -1, 0, 1, 20_000, 2_932_896] {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(d("2025-10-23").weekday(), Weekday::Thursday);
        assert_eq!(d("2025-10-24").weekday(), Weekday::Friday);
        assert_eq!(d("2025-10-15").iso_week(), (2025, 42));
        assert_eq!(d("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(d("2024-12-30").iso_week(), (2025, 1));
    }

    #[test]
    fn loose_forms() {
        let want = Some(d("2025-10-24"));
        for s in [
            "2025-10-24",
            "2025-10-24T09:30:00Z",
            "2025/10/24",
            "Fri, 24 Oct 2025 09:30:00 GMT",
            "24 October 2025",
            "October 24, 2025",
            "Oct. 24, 2025",
            "24-OCT-2025 15:01:01.79",
        ] {
            assert_eq!(Date::parse_loose(s), want, "{s}");
        }
        assert_eq!(Date::parse_loose("yesterday"), None);
        assert_eq!(Date::parse_loose("February 30, 2025"), None);
        assert_eq!(Date::parse_loose("2025-10-24junk"), None);
    }
}
