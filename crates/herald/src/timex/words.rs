//! Word tables of the time tagger (lowercase).

use crate::date::Weekday;

/// Month number of a month name or abbreviation (`oct`, `oct.`, `october`, `sept.`); the caller
/// decides whether an ambiguous word (`may`, `march`) is a month.
pub(crate) fn month(word: &str) -> Option<u8> {
    crate::date::month_number(word.strip_suffix('.').unwrap_or(word))
}

/// Weekday of a weekday name or abbreviation.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.strip_suffix('.').unwrap_or(word);
    let i = match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    Some(Weekday::ALL[i])
}

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

impl Unit {
    /// TIMEX3 duration letter (with `T` for times of day).
    pub(crate) fn duration(self, n: &str) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            // TimeBank writes decades in years ("two decades" → P20Y, "decades" → PXY).
            Unit::Decade => match n.parse::<u32>() {
                Ok(k) => format!("P{}Y", k.saturating_mul(10)),
                Err(_) => "PXY".to_string(),
            },
        }
    }
}

impl Unit {
    /// The value of `n` units and a half, in the next smaller unit for the half ("2 1/2 years":
    /// P2Y6M, "5 1/2 hours": PT5H30M).
    pub(crate) fn duration_and_half(self, n: u32) -> String {
        match self {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Week => format!("P{}DT12H", 7 * n + 3),
            Unit::Month => format!("P{n}M15D"),
            Unit::Quarter => format!("P{}M15D", 3 * n + 1),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", 10 * n + 5),
        }
    }
}

/// The unit of a unit word (`days`, `week`, `year-long`).
pub(crate) fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "minute" | "minutes" => Unit::Minute,
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

/// True for plural unit words (`days`), which make a bare unit a vague duration (`PXD`).
pub(crate) fn plural(word: &str) -> bool {
    word.ends_with('s')
}

/// The value of a number word or numeral up to 100 (`two`, `12`, `a`).
pub(crate) fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n <= 1000).then_some(n);
    }
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => return None,
    })
}

/// Vague quantities that make a duration's amount unknown (`several days` → `PXD`).
pub(crate) fn vague_amount(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "numerous" | "recent")
}

/// Ordinal of a quarter (`third` → 3).
pub(crate) fn ordinal(word: &str) -> Option<u8> {
    Some(match word {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// Season code of a season word.
pub(crate) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code (`morning` → `MO`).
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Tens of a spoken number (`ninety` → 90).
pub(crate) fn tens(word: &str) -> Option<u32> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Units of a spoken number (`six` → 6).
pub(crate) fn unit_digit(word: &str) -> Option<u32> {
    number(word)
        .filter(|&n| (1..=9).contains(&n) && !matches!(word, "a" | "an") && word.parse::<u32>().is_err())
}

/// Decade of a spoken decade (`the nineties` → 199).
pub(crate) fn spoken_decade(word: &str) -> Option<i32> {
    let tens = tens(word.strip_suffix("ies").map(|t| format!("{t}y")).as_deref()?)?;
    Some(190 + tens as i32 / 10)
}

/// Holidays news dates by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    MemorialDay,
    IndependenceDay,
    LaborDay,
    Halloween,
    ElectionDay,
    Thanksgiving,
    ChristmasEve,
    Christmas,
}

/// The holiday named at the words `w(0)…` (lowercase), with its length in words.
pub(crate) fn holiday<'a>(w: impl Fn(usize) -> &'a str) -> Option<(usize, Holiday)> {
    let day = |n: usize| n + usize::from(w(n) == "day");
    Some(match (w(0), w(1), w(2)) {
        ("new", "year", "'s") if w(3) == "eve" => (4, Holiday::NewYearsEve),
        ("new", "year", "'s") if w(3) == "day" => (4, Holiday::NewYearsDay),
        ("valentine", "'s", "day") => (3, Holiday::ValentinesDay),
        ("memorial", "day", _) => (2, Holiday::MemorialDay),
        ("independence", "day", _) => (2, Holiday::IndependenceDay),
        ("labor" | "labour", "day", _) => (2, Holiday::LaborDay),
        ("election", "day", _) => (2, Holiday::ElectionDay),
        ("halloween", _, _) => (1, Holiday::Halloween),
        ("thanksgiving", _, _) => (day(1), Holiday::Thanksgiving),
        ("christmas", "eve", _) => (2, Holiday::ChristmasEve),
        ("christmas", _, _) => (day(1), Holiday::Christmas),
        _ => return None,
    })
}

impl Holiday {
    /// The holiday's date in `year` (United States holidays by their federal rule).
    pub(crate) fn date(self, year: i32) -> Option<crate::date::Date> {
        use crate::date::{Date, Weekday};
        // The `n`th `weekday` of `month` (n = 0 for the last).
        let nth = |month: u8, weekday: Weekday, n: i64| -> Option<Date> {
            if n == 0 {
                let last = Date::new(year, month, crate::date::days_in_month(year, month))?;
                let back = (i64::from(last.weekday().index()) - i64::from(weekday.index())).rem_euclid(7);
                return last.add_days(-back);
            }
            let first = Date::new(year, month, 1)?;
            let ahead = (i64::from(weekday.index()) - i64::from(first.weekday().index())).rem_euclid(7);
            first.add_days(ahead + 7 * (n - 1))
        };
        match self {
            Holiday::NewYearsDay => Date::new(year, 1, 1),
            Holiday::NewYearsEve => Date::new(year, 12, 31),
            Holiday::ValentinesDay => Date::new(year, 2, 14),
            Holiday::MemorialDay => nth(5, Weekday::Monday, 0),
            Holiday::IndependenceDay => Date::new(year, 7, 4),
            Holiday::LaborDay => nth(9, Weekday::Monday, 1),
            Holiday::Halloween => Date::new(year, 10, 31),
            // The Tuesday after the first Monday of November.
            Holiday::ElectionDay => nth(11, Weekday::Monday, 1)?.add_days(1),
            Holiday::Thanksgiving => nth(11, Weekday::Thursday, 4),
            Holiday::ChristmasEve => Date::new(year, 12, 24),
            Holiday::Christmas => Date::new(year, 12, 25),
        }
    }
}
