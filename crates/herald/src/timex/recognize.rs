//! Recognition: token patterns → time expressions with a meaning still to be resolved ([`Sem`]).
//! The patterns are checked in order at each token, longest first; the first that matches wins.

use super::calendar::{day_number, decade, month_at, numeric_date, season_of, spoken_year, year};
use super::phrases::{amount_unit, deictic, match_the, quarter};
use super::words::{self, Unit};
use crate::date::Weekday;

/// Which one of a named period: `last`, `this`, `next`, or unmarked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    Last,
    This,
    Next,
    Unmarked,
}

/// What a time expression means before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    /// A calendar day; the year may be missing (`Oct. 23`).
    Day { year: Option<i32>, month: u8, day: u8 },
    /// A month (`October`, `last October`, `October 2025`).
    Month { year: Option<i32>, month: u8, shift: Shift },
    /// A month of the year before, the current one or the next (`July last year`).
    MonthOfYear { month: u8, shift: Shift },
    /// A year (`1998`, `fiscal 1998`).
    Year(i32),
    /// A decade (`the 1990s` → 199).
    Decade(i32),
    /// A century by its first two digits (`the 20th century` → 19).
    Century(i32),
    /// A half of a year (`the second half of 1989` → 1989-H2).
    Half { n: u8, year: i32 },
    /// A season of a year (`the winter of 1994` → 1994-WI).
    SeasonOf { code: &'static str, year: i32 },
    /// A quarter; `None` is "the quarter", the latest one.
    Quarter { n: Option<u8>, year: Option<i32> },
    /// A quarter of the year before, the current one or the next (`this year's third quarter`).
    QuarterOfYear { n: u8, offset: i64 },
    /// A season (`last fall`).
    Season { code: &'static str, shift: Shift },
    /// A weekday (`on Thursday`, `next Monday`), maybe with a part of day.
    Weekday { day: Weekday, shift: Shift, part: Option<&'static str> },
    /// The weekday before the narrative's day (`the previous Friday`).
    PreviousWeekday(Weekday),
    /// A calendar day with its weekday (`Monday, Oct. 26`); a missing year is the anchor's, or
    /// else the year before or after, whichever puts that date on that weekday.
    DayOfWeek { day: Weekday, year: Option<i32>, month: u8, date: u8 },
    /// A day relative to the speech time (`yesterday` = −1), maybe with a part of day.
    RelDay { offset: i64, part: Option<&'static str> },
    /// A period relative to the speech time (`last week` = week −1, `this year`).
    Deictic { unit: Unit, offset: i64 },
    /// A period relative to the last date of the narrative (`the day prior`, `two days later`).
    Narrative { unit: Unit, offset: i64 },
    /// An amount of time (`three days`); `None` for a vague amount (`several days`).
    Duration { unit: Unit, amount: Option<u32> },
    /// An amount and a half (`2 1/2 years`, `a minute and a half`).
    DurationAndHalf { unit: Unit, amount: u32 },
    /// The end of the year the tense picks (`by year end`), valued as that year.
    YearEnd,
    /// A month of the year the text last named (`March of that year`).
    MonthOfThatYear(u8),
    /// "the day" of "the day before the plunge": a day an event dates, known only in apposition
    /// to a date.
    DayOfEvent,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// A recurrence (`daily`, `every week`).
    Set(Unit),
    /// A weekday every week (`each Thursday` → `XXXX-WXX-4`).
    WeeklyOn(Weekday),
    /// A holiday (`Thanksgiving Day`, `last Christmas`), resolved like a month.
    Holiday { holiday: words::Holiday, shift: Shift },
    /// The day after the narrative's, at a part of day (`the next morning`).
    NextDay { part: &'static str },
    /// The period the narrative is in (`that day`, `later that year`), maybe with a part of day.
    Same { unit: Unit, part: Option<&'static str> },
    /// A clock time on the speech day (`4:30 p.m.`).
    Clock { hour: u8, minute: u8 },
    /// A clock time on a named day (`9 a.m. Tuesday`, `noon Saturday`, `5 p.m. EST Nov. 9`).
    ClockOn { hour: u8, minute: u8, day: Box<Sem> },
    /// The weekend of the speech week, or the last one before it.
    Weekend,
}

/// A recognized expression: tokens `start..end` of the sentence (indices into its word arrays).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

/// One sentence's words as the patterns read them.
pub(crate) struct Words<'a> {
    /// Forms as written.
    pub forms: Vec<&'a str>,
    /// Lowercased forms.
    pub lower: Vec<String>,
    /// Penn tags ("" without a tagger).
    pub xpos: Vec<&'a str>,
}

impl Words<'_> {
    pub(super) fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.forms.get(i).is_some_and(|f| f.starts_with(char::is_uppercase))
    }
}

/// Every time expression in a sentence, left to right, not overlapping.
pub(crate) fn recognize(words: &Words<'_>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.lower.len() {
        match match_at(words, i) {
            Some((len, sem)) if len > 0 => {
                out.push(Candidate { start: i, end: i + len, sem });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

/// Nouns that make "today's" mean the present age.
fn generic_now(word: &str) -> bool {
    matches!(
        word,
        "world"
            | "youth"
            | "society"
            | "generation"
            | "children"
            | "kids"
            | "computers"
            | "technology"
            | "standards"
    )
}

fn shift_of(word: &str) -> Option<Shift> {
    Some(match word {
        "last" | "past" | "previous" => Shift::Last,
        "this" | "current" => Shift::This,
        "next" | "coming" => Shift::Next,
        _ => return None,
    })
}

/// "2 1/2 years", "two and a half years", "an hour and a half": a duration and a half.
fn and_a_half(words: &Words<'_>, i: usize, n: u32) -> Option<(usize, Sem)> {
    let w = |k: usize| words.w(i + k);
    let half = |at: usize| w(at) == "and" && w(at + 1) == "a" && w(at + 2) == "half";
    // Where the unit's phrase starts (one before the unit word) and the words after it.
    let (at, after) = if w(1) == "1/2" {
        (1, 0)
    } else if half(1) {
        (3, 0)
    } else if matches!(w(0), "a" | "an" | "one") && words::unit(w(1)).is_some() && half(2) {
        (0, 3)
    } else {
        return None;
    };
    match amount_unit(words, i + at, Some(n))? {
        (len, Sem::Duration { unit, amount: Some(amount) }) => {
            Some((at + len + after, Sem::DurationAndHalf { unit, amount }))
        }
        _ => None,
    }
}

/// A match, with a clock time joined to the day that follows it ("9 a.m. Tuesday", "4 a.m.
/// EDT Thursday", "noon Saturday"): one TIME on that day, as TimeML tags it.
fn match_at(words: &Words<'_>, i: usize) -> Option<(usize, Sem)> {
    let (len, sem) = match_single(words, i)?;
    let Sem::Clock { hour, minute } = sem else { return Some((len, sem)) };
    let mut next = i + len;
    if matches!(words.w(next), "edt" | "est" | "cdt" | "cst" | "pdt" | "pst" | "gmt" | "utc" | "et" | "local")
    {
        next += 1;
    }
    if matches!(words.w(next), "on" | ",") {
        next += 1;
    }
    // "10:35 a.m. (0735 GMT) Friday": the day after a parenthesis dates the time, and stays an
    // expression of its own.
    let (next, own) = match (words.w(next), (next + 1..next + 6).find(|&j| words.w(j) == ")")) {
        ("(", Some(close)) => (close + 1, true),
        _ => (next, false),
    };
    match match_single(words, next) {
        Some((
            more,
            day @ (Sem::Weekday { part: None, .. } | Sem::RelDay { part: None, .. } | Sem::Day { .. }),
        )) => {
            let len = if own { len } else { next + more - i };
            Some((len, Sem::ClockOn { hour, minute, day: Box::new(day) }))
        }
        _ => Some((len, sem)),
    }
}

#[allow(clippy::too_many_lines)]
fn match_single(words: &Words<'_>, i: usize) -> Option<(usize, Sem)> {
    let w = |k: usize| words.w(i + k);
    let w0 = w(0);
    let first = w0.as_bytes().first().copied()?;
    if !(first.is_ascii_alphanumeric() || first == b'\'') {
        return None;
    }
    // Numeric dates: 10/23/2025, 2025-10-23.
    if first.is_ascii_digit() {
        if let Some(sem) = numeric_date(w0) {
            return Some((1, sem));
        }
        // Clock times: 4:30 p.m., 4 p.m.
        let ampm = matches!(w(1), "a.m." | "p.m." | "am" | "pm");
        if let Some((h, m)) = w0.split_once(':')
            && let (Ok(h), Ok(m)) = (h.parse::<u8>(), m.parse::<u8>())
            && h <= 23
            && m <= 59
            && (ampm || h >= 13 || w(1) == "gmt" || w(1) == "et")
        {
            let hour = if w(1).starts_with('p') && h < 12 { h + 12 } else { h };
            return Some((if ampm { 2 } else { 1 }, Sem::Clock { hour, minute: m }));
        }
        if ampm
            && let Ok(h) = w0.parse::<u8>()
            && (1..=12).contains(&h)
        {
            let hour = if w(1).starts_with('p') && h < 12 {
                h + 12
            } else if h == 12 {
                0
            } else {
                h
            };
            return Some((2, Sem::Clock { hour, minute: 0 }));
        }
        // "at 4 in the morning", "8 in the evening": a clock time.
        if w(1) == "in"
            && w(2) == "the"
            && let Ok(h) = w0.parse::<u8>()
            && (1..=12).contains(&h)
        {
            let hour = match w(3) {
                "morning" => Some(h % 12),
                "afternoon" | "evening" => Some(h % 12 + 12),
                _ => None,
            };
            if let Some(hour) = hour {
                return Some((4, Sem::Clock { hour, minute: 0 }));
            }
        }
        // Day-first dates: 23 October 2025.
        if let (Some(d), Some(m)) = (day_number(w0), month_at(words, i + 1)) {
            return Some(match year(w(2)) {
                Some(y) => (3, Sem::Day { year: Some(y), month: m, day: d }),
                None => (2, Sem::Day { year: None, month: m, day: d }),
            });
        }
        // "the 20th century" → 19
        if let Some(n) = w0.strip_suffix("th").and_then(|n| n.parse::<i32>().ok())
            && (2..=21).contains(&n)
            && w(1) == "century"
        {
            return Some((2, Sem::Century(n - 1)));
        }
        // Decades: 1990s.
        if let Some(d) = decade(w0) {
            return Some((1, Sem::Decade(d)));
        }
        // Durations: 10-year, 24 hours, three days ago, 2 1/2 years.
        if let Some(n) = words::number(w0)
            && let Some(m) = and_a_half(words, i, n).or_else(|| amount_unit(words, i, Some(n)))
        {
            return Some(m);
        }
        if let Some(y) = year(w0) {
            let next = words.xpos.get(i + 1).copied().unwrap_or("");
            let counted = matches!(next, "NNS" | "NNPS") || matches!(w(1), "%" | "percent");
            if !counted {
                return Some((1, Sem::Year(y)));
            }
        }
        return None;
    }
    if w0 == "'" || w0 == "’" {
        return None;
    }
    // Month-first dates and months.
    if let Some(m) = month_at(words, i) {
        // "in March of that year": the month of the year the text last named.
        if w(1) == "of" && w(2) == "that" && w(3) == "year" {
            return Some((4, Sem::MonthOfThatYear(m)));
        }
        if let Some(d) = day_number(w(1)) {
            if w(2) == ","
                && let Some(y) = year(w(3))
            {
                return Some((4, Sem::Day { year: Some(y), month: m, day: d }));
            }
            if let Some(y) = year(w(2)) {
                return Some((3, Sem::Day { year: Some(y), month: m, day: d }));
            }
            return Some((2, Sem::Day { year: None, month: m, day: d }));
        }
        if let Some(y) = year(w(1)) {
            return Some((2, Sem::Month { year: Some(y), month: m, shift: Shift::Unmarked }));
        }
        if let Some((len, y)) = spoken_year(words, i + 1) {
            return Some((1 + len, Sem::Month { year: Some(y), month: m, shift: Shift::Unmarked }));
        }
        // "July last year", "March next year"
        if w(2) == "year"
            && let Some(shift @ (Shift::Last | Shift::This | Shift::Next)) = shift_of(w(1))
        {
            let shift = if shift == Shift::This { Shift::Unmarked } else { shift };
            return Some((3, Sem::MonthOfYear { month: m, shift }));
        }
        if w(1) == "of"
            && let Some(y) = year(w(2))
        {
            return Some((3, Sem::Month { year: Some(y), month: m, shift: Shift::Unmarked }));
        }
        return Some((1, Sem::Month { year: None, month: m, shift: Shift::Unmarked }));
    }
    if let Some(rest) = w0.strip_prefix("mid-")
        && let Some(m) = words::month(rest)
    {
        return Some((1, Sem::Month { year: None, month: m, shift: Shift::Unmarked }));
    }
    if let Some(rest) = w0.strip_prefix("mid-") {
        if let Some(y) = year(rest) {
            return Some((1, Sem::Year(y)));
        }
        if let Some(d) = decade(rest) {
            return Some((1, Sem::Decade(d)));
        }
    }
    if let Some((len, holiday)) = words::holiday(|k| words.w(i + k)) {
        return Some((len, Sem::Holiday { holiday, shift: Shift::Unmarked }));
    }
    // "that day", "that same day", "later that year", "that morning"
    let (lead, that) = if matches!(w0, "earlier" | "later") { (1, w(1)) } else { (0, w0) };
    // (Not "said that year-end prices…" or "that year to date it sold…", where "that" is a
    // conjunction.)
    let compound = |k: usize| w(k) == "-" || (w(k) == "to" && w(k + 1) == "date");
    if that == "that" && !compound(lead + 2) && !compound(lead + 3) {
        let same = usize::from(w(lead + 1) == "same");
        let noun = w(lead + 1 + same);
        let part = words::part_of_day(noun);
        let unit =
            words::unit(noun).filter(|u| !words::plural(noun) && *u != Unit::Hour && *u != Unit::Minute);
        if part.is_some() || unit.is_some() {
            return Some((lead + 2 + same, Sem::Same { unit: unit.unwrap_or(Unit::Day), part }));
        }
    }
    if let Some(day) = words::weekday(w0) {
        // "Sun" is a company and "sat" a verb: abbreviations count only with their period.
        if w0.len() <= 5 && !(w0.ends_with('.') && words.capitalized(i)) {
            return None;
        }
        // "Monday, Oct. 26", "Friday Oct. 13": the date, whose year the weekday confirms.
        let comma = usize::from(w(1) == ",");
        if let Some(m) = month_at(words, i + 1 + comma)
            && let Some(d) = day_number(w(2 + comma))
        {
            let (len, year) = match (w(3 + comma) == ",", year(w(3 + comma)), year(w(4 + comma))) {
                (_, Some(y), _) => (4 + comma, Some(y)),
                (true, None, Some(y)) => (5 + comma, Some(y)),
                _ => (3 + comma, None),
            };
            return Some((len, Sem::DayOfWeek { day, year, month: m, date: d }));
        }
        // "Friday night": a TIME on that Friday.
        let part = words::part_of_day(w(1));
        return Some((1 + usize::from(part.is_some()), Sem::Weekday { day, shift: Shift::Unmarked, part }));
    }
    if let Some(m) = season_of(words, i) {
        return Some(m);
    }
    if w0 == "nineteen"
        && let Some((len, y)) = spoken_year(words, i)
    {
        return Some((len, Sem::Year(y)));
    }
    // "by year-end", "since year-end": December 31, of the year the tense picks ("year-end net"
    // is no time).
    if w0 == "year"
        && w(1) == "-"
        && w(2) == "end"
        && i.checked_sub(1).is_some_and(|p| {
            matches!(
                words.w(p),
                "by" | "at" | "since" | "until" | "till" | "before" | "after" | "around" | "from"
            )
        })
    {
        return Some((3, Sem::Day { year: None, month: 12, day: 31 }));
    }
    // "by year end", "by year's end": the end of the year, whose value is the year (TimeML
    // marks the end with a modifier).
    let possessive = usize::from(matches!(w(1), "'s" | "’s"));
    if w0 == "year"
        && w(1 + possessive) == "end"
        && i.checked_sub(1).is_some_and(|p| {
            matches!(words.w(p), "by" | "at" | "since" | "until" | "till" | "before" | "after" | "around")
        })
    {
        return Some((2 + possessive, Sem::YearEnd));
    }
    // "year-earlier", "year-ago period": the year before (the same quarter in quarterly copy).
    if w0 == "year" && w(1) == "-" && matches!(w(2), "ago" | "earlier") {
        // "the year-earlier nine months" is the span that follows: nine months.
        if words::number(w(3)).is_some() && words::unit(w(4)).is_some() {
            return None;
        }
        // "the year-earlier third quarter": that quarter a year back.
        if let Some(n) = words::ordinal(w(3)).filter(|_| w(4) == "quarter") {
            return Some((5, Sem::QuarterOfYear { n, offset: -1 }));
        }
        let len = if matches!(w(3), "quarter" | "period") { 4 } else { 3 };
        return Some((len, Sem::Deictic { unit: Unit::Year, offset: -1 }));
    }
    // A time word capitalized after another capitalized word is part of a name ("High Noon",
    // "VOA Today", ABC's "This Week").
    let named = |k: usize| i > 0 && words.capitalized(i + k) && words.capitalized(i - 1);
    if (matches!(w0, "today" | "noon" | "tonight") && named(0))
        || (w0 == "this" && w(1) == "week" && words.capitalized(i + 1) && i > 0)
    {
        return None;
    }
    match w0 {
        // "today's world", "today's youth" speak of the present age, not of a day.
        "today" if matches!(w(1), "'s" | "’s") && (generic_now(w(2)) || generic_now(w(3))) => return None,
        "today" => return Some((1, Sem::RelDay { offset: 0, part: None })),
        "tonight" => return Some((1, Sem::RelDay { offset: 0, part: Some("NI") })),
        "yesterday" => {
            let part = words::part_of_day(w(1));
            return Some((1 + usize::from(part.is_some()), Sem::RelDay { offset: -1, part }));
        }
        "tomorrow" => return Some((1, Sem::RelDay { offset: 1, part: None })),
        "now" | "currently" | "nowadays" => return Some((1, Sem::Ref("PRESENT_REF"))),
        // "the then current price" was current then.
        "then" if w(1) == "current" => return Some((2, Sem::Ref("PAST_REF"))),
        "these" if w(1) == "days" => return Some((2, Sem::Ref("PRESENT_REF"))),
        "recently" | "lately" => return Some((1, Sem::Ref("PAST_REF"))),
        // "recent years" is an unknown number of years; a bare "recent" or "previously" is
        // rarely a time reference.
        "recent" if words::plural(w(1)) => {
            if let Some(unit) = words::unit(w(1)) {
                return Some((2, Sem::Duration { unit, amount: None }));
            }
        }
        // "the Communist Party daily Granma" is a newspaper.
        "daily" if !words.capitalized(i + 1) => return Some((1, Sem::Set(Unit::Day))),
        "hourly" => return Some((1, Sem::Set(Unit::Hour))),
        "weekly" => return Some((1, Sem::Set(Unit::Week))),
        "monthly" => return Some((1, Sem::Set(Unit::Month))),
        "annually" | "yearly" => return Some((1, Sem::Set(Unit::Year))),
        "noon" | "midday" => return Some((1, Sem::Clock { hour: 12, minute: 0 })),
        "mid-afternoon" | "mid-morning" => {
            let part = words::part_of_day(&w0[4..]);
            // "at mid-afternoon yesterday": that part of yesterday.
            let day = match w(1) {
                "yesterday" => Some(-1),
                "today" => Some(0),
                "tomorrow" => Some(1),
                _ => None,
            };
            return Some((1 + usize::from(day.is_some()), Sem::RelDay { offset: day.unwrap_or(0), part }));
        }
        // "by mid afternoon", written in two words.
        "mid" if matches!(w(1), "afternoon" | "morning") => {
            return Some((2, Sem::RelDay { offset: 0, part: words::part_of_day(w(1)) }));
        }
        "as" if w(1) == "soon" && w(2) == "as" && w(3) == "possible" => {
            return Some((4, Sem::Ref("FUTURE_REF")));
        }
        "future"
            if i > 0
                && matches!(words.w(i - 1), "in" | "near")
                && words.xpos.get(i + 1).is_none_or(|t| !t.starts_with("NN")) =>
        {
            return Some((1, Sem::Ref("FUTURE_REF")));
        }
        // "at midnight Friday": the end of Friday.
        "midnight" => return Some((1, Sem::Clock { hour: 24, minute: 0 })),
        "fiscal" => {
            if let Some(y) = year(w(1)) {
                return Some((2, Sem::Year(y)));
            }
        }
        "every" | "each" => {
            if let Some(u) = words::unit(w(1)).filter(|_| !words::plural(w(1))) {
                return Some((2, Sem::Set(u)));
            }
            if let Some(day) = words::weekday(w(1)) {
                return Some((2, Sem::WeeklyOn(day)));
            }
        }
        "q1" | "q2" | "q3" | "q4" => {
            let n = w0.as_bytes()[1] - b'0';
            return Some((1, Sem::Quarter { n: Some(n), year: None }));
        }
        _ => {}
    }
    // "earlier this year", "late last month", "early next year"
    if matches!(w0, "earlier" | "later" | "early" | "late")
        && let (Some(shift), Some(unit)) = (shift_of(w(1)), words::unit(w(2)))
    {
        return Some((3, deictic(shift, unit)));
    }
    if matches!(w0, "early" | "mid" | "late")
        && let Some(m) = month_at(words, i + 1)
    {
        return Some((2, Sem::Month { year: year(w(2)), month: m, shift: Shift::Unmarked }));
    }
    // last/this/next + weekday, month, season, unit, part of day
    if let Some(shift) = shift_of(w0) {
        if let Some(day) = words::weekday(w(1)) {
            return Some((2, Sem::Weekday { day, shift, part: None }));
        }
        if let Some(m) = words::month(w(1)).filter(|_| words.capitalized(i + 1)) {
            // "last Oct. 23" is a day, which the shift puts in the past (or the future).
            if let Some(d) = day_number(w(2)).filter(|_| shift != Shift::This) {
                return Some((3, Sem::Day { year: None, month: m, day: d }));
            }
            return Some((2, Sem::Month { year: None, month: m, shift }));
        }
        if let Some(code) = words::season(w(1)) {
            return Some((2, Sem::Season { code, shift }));
        }
        if let Some((len, holiday)) = words::holiday(|k| words.w(i + 1 + k)) {
            return Some((1 + len, Sem::Holiday { holiday, shift }));
        }
        // "this year's third quarter", "next year's first quarter"
        if w(1) == "year"
            && matches!(w(2), "'s" | "’s")
            && let Some(n) = words::ordinal(w(3))
            && w(4) == "quarter"
        {
            let Sem::Deictic { offset, .. } = deictic(shift, Unit::Year) else { return None };
            return Some((5, Sem::QuarterOfYear { n, offset }));
        }
        if let Some(unit) = words::unit(w(1)).filter(|_| !words::plural(w(1))) {
            return Some((2, deictic(shift, unit)));
        }
        if w0 == "last" && w(1) == "night" {
            return Some((2, Sem::RelDay { offset: -1, part: Some("NI") }));
        }
        if w0 == "this"
            && let Some(part) = words::part_of_day(w(1))
        {
            return Some((2, Sem::RelDay { offset: 0, part: Some(part) }));
        }
        if w0 == "current" {
            return Some((1, Sem::Ref("PRESENT_REF")));
        }
    }
    if w0 == "the" {
        return match_the(words, i);
    }
    // "coming months", "future quarters": some time ahead.
    if matches!(w0, "coming" | "future") && words::plural(w(1)) && words::unit(w(1)).is_some() {
        return Some((2, Sem::Ref("FUTURE_REF")));
    }
    // "twenty four hours", "twenty-four hours"
    if let Some(tens) = words::tens(w0) {
        let len = if w(1) == "-" { 3 } else { 2 };
        if let Some(u) = words::unit_digit(w(len - 1)) {
            let (more, sem) = amount_unit(words, i + len - 1, Some(tens + u))?;
            return Some((more + len - 1, sem));
        }
    }
    // "a couple of years"
    if w0 == "couple" && w(1) == "of" {
        let (more, sem) = amount_unit(words, i + 1, Some(2))?;
        return Some((more + 1, sem));
    }
    // "Islam will one day be…", "may someday return": some time ahead, not a day's length.
    let modal = i.checked_sub(1).is_some_and(|p| {
        matches!(words.w(p), "will" | "would" | "may" | "might" | "could" | "can" | "shall" | "should")
    });
    if modal && (w0 == "one" && w(1) == "day" || w0 == "someday") {
        return Some((if w0 == "one" { 2 } else { 1 }, Sem::Ref("FUTURE_REF")));
    }
    // a week ago, a year earlier, several days, years
    if let Some(n) = words::number(w0) {
        return and_a_half(words, i, n).or_else(|| amount_unit(words, i, Some(n)));
    }
    if words::vague_amount(w0) {
        return amount_unit(words, i, None);
    }
    // A bare plural unit is a vague duration ("for years"), but not a fraction ("three-quarters of").
    let fraction = w0 == "quarters" && (w(1) == "of" || i.checked_sub(1).is_some_and(|p| words.w(p) == "-"));
    if let Some(unit) = words::unit(w0).filter(|_| {
        words::plural(w0) && !fraction && !matches!(w0, "days" | "minutes" | "hours") && w(1) != "old"
    }) {
        return Some((1, Sem::Duration { unit, amount: None }));
    }
    if let Some(n) = words::ordinal(w0) {
        if w(1) == "quarter" {
            return Some((2, quarter(words, i + 2, n).1));
        }
        if w(1) == "-" && w(2) == "quarter" {
            return Some((3, quarter(words, i + 3, n).1));
        }
    }
    None
}
