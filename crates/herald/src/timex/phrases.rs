//! Multi-word patterns the recognizer tries at a token: an amount with its unit ("three days",
//! "two weeks ago", "90 days after"), and the phrases that begin with "the" ("the day prior",
//! "the second half of 1989", "the past two months").

use super::calendar::{decade, season_of, spoken_year, year};
use super::recognize::{Sem, Shift, Words};
use super::words::{self, Unit};

pub(super) fn quarter(words: &Words<'_>, after: usize, n: u8) -> (usize, Sem) {
    if words.w(after) == "of"
        && let Some(y) = year(words.w(after + 1))
    {
        return (2, Sem::Quarter { n: Some(n), year: Some(y) });
    }
    (0, Sem::Quarter { n: Some(n), year: None })
}

pub(super) fn deictic(shift: Shift, unit: Unit) -> Sem {
    let offset = match shift {
        Shift::Last => -1,
        Shift::Next => 1,
        Shift::This | Shift::Unmarked => 0,
    };
    Sem::Deictic { unit, offset }
}

/// `N unit(s)` with what follows: `ago`, `earlier`/`later`, or nothing (a duration).
pub(super) fn amount_unit(words: &Words<'_>, i: usize, n: Option<u32>) -> Option<(usize, Sem)> {
    let w = |k: usize| words.w(i + k);
    // "10-year", "24-hour", "two more weeks", "eight trading days"
    let (unit_at, unit) =
        if matches!(w(1), "-" | "more" | "trading" | "business" | "working") && words::unit(w(2)).is_some() {
            (2, words::unit(w(2))?)
        } else {
            (1, words::unit(w(1))?)
        };
    if n.is_none() && !words::plural(w(unit_at)) {
        return None;
    }
    // "three-quarters of its food", "a quarter of the market" are fractions.
    if unit == Unit::Quarter && w(unit_at + 1) == "of" && year(w(unit_at + 2)).is_none() {
        return None;
    }
    // "$500 million a year", "four flights a week": a rate, not a time.
    let after_amount = i.checked_sub(1).is_some_and(|p| {
        matches!(words.xpos.get(p).copied(), Some("CD" | "NNS" | "NNPS"))
            || matches!(words.w(p), "%" | "percent")
    });
    if after_amount
        && matches!(w(0), "a" | "an")
        && unit_at == 1
        && !matches!(w(2), "ago" | "earlier" | "later" | "before" | "after" | "prior" | "previously")
    {
        return None;
    }
    let amount = n.unwrap_or(0) as i64;
    match w(unit_at + 1) {
        "ago" if n.is_some() => return Some((unit_at + 2, Sem::Deictic { unit, offset: -amount })),
        // "two days after" ends a clause; "90 days after the deal" is a duration before an event.
        "after" | "before" if n.is_some() && starts_noun_phrase(words, i + unit_at + 2) => {}
        "earlier" | "before" | "prior" | "previously" if n.is_some() => {
            return Some((unit_at + 2, Sem::Narrative { unit, offset: -amount }));
        }
        "later" | "after" if n.is_some() => {
            return Some((unit_at + 2, Sem::Narrative { unit, offset: amount }));
        }
        _ => {}
    }
    // A "10-year-old" is a person, not a time; the term of a "30-year bond" is one (TimeML tags it).
    if unit_at == 2 && matches!(w(3), "-" | "old") {
        return None;
    }
    // "52 years old" is an age.
    if unit == Unit::Year && w(unit_at + 1) == "old" {
        return None;
    }
    // "a day" alone is too vague to tag unless it is a clear amount.
    if n == Some(1) && matches!(w(0), "a" | "an") && unit == Unit::Day {
        return None;
    }
    // "a year-earlier loss": the time is "year-earlier", which the next token begins.
    if unit_at == 1 && w(2) == "-" && matches!(w(3), "ago" | "earlier") {
        return None;
    }
    Some((unit_at + 1, Sem::Duration { unit, amount: n }))
}

/// Whether word `i` begins a noun phrase or a clause (a preposition's object), judged by its tag.
fn starts_noun_phrase(words: &Words<'_>, i: usize) -> bool {
    let tag = words.xpos.get(i).copied().unwrap_or("");
    matches!(
        tag,
        "DT" | "PRP" | "PRP$" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "CD" | "VBG" | "WDT" | "WP" | "IN"
    ) || (tag.is_empty() && words.capitalized(i))
}

/// Patterns that begin with "the".
pub(super) fn match_the(words: &Words<'_>, i: usize) -> Option<(usize, Sem)> {
    let w = |k: usize| words.w(i + k);
    match w(1) {
        "future" => return Some((2, Sem::Ref("FUTURE_REF"))),
        "near" | "short" if w(2) == "term" => return Some((3, Sem::Ref("FUTURE_REF"))),
        "past"
            if words::unit(w(2)).is_none()
                && words::number(w(2)).is_none()
                && !words::vague_amount(w(2))
                && !matches!(w(2), "century" | "centuries") =>
        {
            return Some((2, Sem::Ref("PAST_REF")));
        }
        // "the quarter a year ago": that quarter the year before.
        "quarter" | "period" if w(2) == "a" && w(3) == "year" && matches!(w(4), "ago" | "earlier") => {
            return Some((5, Sem::Deictic { unit: Unit::Year, offset: -1 }));
        }
        "quarter" => return Some((2, Sem::Quarter { n: None, year: None })),
        "latest" | "recent" | "most" if matches!(w(2), "quarter" | "period") => {
            return Some((3, Sem::Quarter { n: None, year: None }));
        }
        "weekend" => return Some((2, Sem::Weekend)),
        // the year-ago quarter, the year-earlier period
        "year"
            if w(2) == "-" && matches!(w(3), "ago" | "earlier") && matches!(w(4), "quarter" | "period") =>
        {
            return Some((5, Sem::Deictic { unit: Unit::Year, offset: -1 }));
        }
        _ => {}
    }
    // "the 1988 third quarter", "the 1988 quarter", "the 1989 period": a quarter of that year
    // (without its number, the one the text is about).
    if let Some(y) = year(w(1)) {
        let n = words::ordinal(w(2));
        let at = 2 + usize::from(n.is_some());
        if w(at) == "quarter" || (w(at) == "period" && n.is_none()) {
            return Some((at + 1, Sem::Quarter { n, year: Some(y) }));
        }
    }
    // "the second half of 1989", "the first half"
    let half = match (w(1), w(2)) {
        ("first", "half") => Some(1),
        ("second" | "last" | "latter", "half") => Some(2),
        _ => None,
    };
    if let Some(n) = half
        && w(3) == "of"
        && let Some((len, y)) = year(w(4)).map(|y| (1, y)).or_else(|| spoken_year(words, i + 4))
    {
        return Some((4 + len, Sem::Half { n, year: y }));
    }
    if let Some((len, sem)) = season_of(words, i + 1) {
        return Some((1 + len, sem));
    }
    // "the summer", "the early summer" (not "the fall of the wall")
    let early = usize::from(matches!(w(1), "early" | "late"));
    if let Some(code) = words::season(w(1 + early))
        && w(2 + early) != "of"
    {
        return Some((2 + early, Sem::Season { code, shift: Shift::This }));
    }
    // "placed orders in the morning": that part of the day the text is at.
    if i.checked_sub(1).is_some_and(|p| words.w(p) == "in")
        && let Some(part) =
            words::part_of_day(w(1)).filter(|_| matches!(w(1), "morning" | "afternoon" | "evening"))
        && w(2) != "of"
    {
        return Some((2, Sem::Same { unit: Unit::Day, part: Some(part) }));
    }
    // "down 4.5% from the previous Friday": the one before the day the text is at.
    if matches!(w(1), "previous" | "preceding")
        && let Some(day) = words::weekday(w(2))
    {
        return Some((3, Sem::PreviousWeekday(day)));
    }
    // "the next morning", "the following evening"
    if matches!(w(1), "next" | "following")
        && let Some(part) = words::part_of_day(w(2))
    {
        return Some((3, Sem::NextDay { part }));
    }
    if let Some(d) = words::spoken_decade(w(1)) {
        return Some((2, Sem::Decade(d)));
    }
    if w(1) == "year"
        && let Some((len, y)) = spoken_year(words, i + 2)
    {
        return Some((2 + len, Sem::Year(y)));
    }
    if let Some(d) = decade(w(1)) {
        return Some((2, Sem::Decade(d)));
    }
    if let Some(n) = words::ordinal(w(1)) {
        if w(2) == "quarter" {
            let (extra, sem) = quarter(words, i + 3, n);
            return Some((3 + extra, sem));
        }
        // the first nine months
        if let Some(amount) = words::number(w(2))
            && let Some(unit) = words::unit(w(3))
        {
            return Some((4, Sem::Duration { unit, amount: Some(amount) }));
        }
    }
    // the day prior, the day before, the week after; but "the day before the election" and "the
    // day prior to the vote" are dated by an event, not by the text's time.
    if let Some(unit) = words::unit(w(1)).filter(|_| !words::plural(w(1))) {
        let of_event = match w(2) {
            "before" | "after" => starts_noun_phrase(words, i + 3),
            "prior" => w(3) == "to",
            _ => false,
        };
        if of_event {
            // Only in apposition to a date is its value known ("Oct. 12, the day before the
            // plunge"); see `timex::run`.
            return (unit == Unit::Day).then_some((2, Sem::DayOfEvent));
        }
        match w(2) {
            "prior" | "before" | "earlier" => return Some((3, Sem::Narrative { unit, offset: -1 })),
            "after" | "later" => return Some((3, Sem::Narrative { unit, offset: 1 })),
            _ => {}
        }
    }
    // the previous week, the following day, the next month
    if let Some(unit) = words::unit(w(2)).filter(|_| !words::plural(w(2))) {
        match w(1) {
            "previous" | "prior" | "preceding" => return Some((3, Sem::Narrative { unit, offset: -1 })),
            "following" | "next" => return Some((3, Sem::Narrative { unit, offset: 1 })),
            // "over the past year" names the latest year, as TimeML dates it ("last year").
            "past" | "last" if unit != Unit::Decade => return Some((3, Sem::Deictic { unit, offset: -1 })),
            "past" | "last" => return Some((3, Sem::Duration { unit, amount: Some(1) })),
            "current" => return Some((3, Sem::Deictic { unit, offset: 0 })),
            _ => {}
        }
    }
    if w(1) == "current"
        && w(2) == "fiscal"
        && let Some(unit) = words::unit(w(3)).filter(|_| !words::plural(w(3)))
    {
        return Some((4, Sem::Deictic { unit, offset: 0 }));
    }
    // "the year ended June 30" is a fiscal year, a duration; "for the year", "the full year",
    // "the fiscal year" otherwise name the current one.
    let fiscal = usize::from(matches!(w(1), "full" | "fiscal"));
    if w(1 + fiscal) == "year" && year(w(2 + fiscal)).is_none() {
        match w(2 + fiscal) {
            "ended" | "ending" => {
                return Some((2 + fiscal, Sem::Duration { unit: Unit::Year, amount: Some(1) }));
            }
            "-" | "'s" | "’s" | "before" | "after" | "earlier" | "later" | "prior" | "of" | "in" => {}
            _ => return Some((2 + fiscal, Sem::Deictic { unit: Unit::Year, offset: 0 })),
        }
    }
    if w(1) == "coming" && words::plural(w(2)) && words::unit(w(2)).is_some() {
        return Some((3, Sem::Ref("FUTURE_REF")));
    }
    // the past two months, the next five years, the last few days
    if matches!(w(1), "past" | "last" | "next" | "coming" | "first") {
        let amount = words::number(w(2));
        if (amount.is_some() || words::vague_amount(w(2)))
            && let Some(unit) = words::unit(w(3))
        {
            return Some((4, Sem::Duration { unit, amount }));
        }
    }
    None
}
