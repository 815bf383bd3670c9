//! Time expressions: recognition ([`recognize`]) and normalization to TIMEX3 types and values.
//!
//! Anchoring follows news style:
//! - *Deictic* expressions ("yesterday", "last week", a bare "Thursday") anchor on the speech
//!   time: the publication date, or inside a quote the date of the sentence that reported the
//!   speech ("…stated during a press briefing held on Thursday").
//! - *Narrative* expressions ("the day prior", "two days later", "the previous week") anchor on
//!   the last day-level date the text resolved.
//! - A weekday or month without a year resolves by the tense of its clause, read from the parse:
//!   past → the latest one not after the anchor, future → the next one, otherwise the nearest.
//!
//! Without a publication date, relative expressions keep no value and the document gets one
//! warning naming how many; nothing is guessed. Impossible dates ("February 30") give no value.

mod calendar;
mod phrases;
mod recognize;
mod tense;
mod words;

use recognize::{Candidate, Sem, Shift, Words};
use tense::{Tense, tense};
use words::Unit;

use crate::date::{Date, Weekday};
use crate::diag::Diagnostic;
use crate::doc::Doc;
use crate::layers::{Timex, TimexKind};

/// Words that mark a sentence as reporting speech: its date becomes the date quotes were said.
const REPORTING: &[&str] = &[
    "announced",
    "asserted",
    "briefing",
    "declared",
    "interview",
    "noted",
    "remarked",
    "responded",
    "said",
    "says",
    "speech",
    "statement",
    "stated",
    "told",
];

/// Words of financial results.
const RESULTS: &[&str] = &[
    "earned", "earnings", "income", "loss", "net", "profit", "results", "revenue", "revenues", "sales",
    "share",
];

/// Runs the stage: fills [`Doc::timexes`].
pub fn run(doc: &mut Doc) {
    let published = doc.meta.published;
    let in_quote = quoted_tokens(doc);
    let mut narrative: Option<Date> = None;
    let mut reported: Option<Date> = None;
    // The last quarter the text named ("the third quarter" → 1998-Q3), for "a year ago" in
    // financial copy, which means the same quarter a year before.
    let mut quarter: Option<(i64, u8)> = None;
    // The year and month the text last named, at any precision ("in June 1998"), for "later
    // that year" and "that same month".
    let mut named: (Option<i32>, Option<(i32, u8)>) = (None, None);
    let mut unresolved = 0usize;
    let mut timexes = Vec::new();
    for s in &doc.sentences {
        let range = s.tokens();
        let words = Words {
            forms: range.clone().map(|i| doc.form(i)).collect(),
            lower: range.clone().map(|i| doc.form(i).to_lowercase()).collect(),
            xpos: range.clone().map(|i| doc.morphology.get(i).map_or("", |m| m.xpos.as_str())).collect(),
        };
        let reporting = words.lower.iter().any(|w| REPORTING.contains(&w.as_str()));
        // What the sentence says about periods, for "a year ago" in financial copy: it names a
        // quarter, it reports results, or it is about a longer span ("the first nine months",
        // "the first half"), which is then what it compares.
        let names_quarter =
            words.lower.iter().any(|w| matches!(w.as_str(), "quarter" | "quarters" | "period"));
        let reports_results = words.lower.iter().any(|w| RESULTS.contains(&w.as_str()));
        let longer = words.lower.windows(2).any(|w| {
            (w[1] == "months" && words::number(&w[0]).is_some_and(|n| n > 3))
                || (w[1] == "half" && w[0] == "first")
        });
        // The day the previous expression of the sentence named, and where it ended.
        let mut previous: Option<(usize, Date)> = None;
        for Candidate { start, end, sem } in recognize::recognize(&words) {
            let (first, last) = (range.start + start, range.start + end - 1);
            // "Oct. 12, the day before the plunge" is Oct. 12; without the date before it, an
            // event's day is not a time the text states.
            let apposed = previous.filter(|(e, _)| *e + 1 == start && words.w(*e) == ",").map(|(_, d)| d);
            if sem == Sem::DayOfEvent && apposed.is_none() {
                continue;
            }
            let speech = if in_quote.get(first).copied().unwrap_or(false) {
                reported.or(published)
            } else {
                published
            };
            // "Wednesday's ruling" names something that has happened.
            let possessive = range.contains(&(last + 1)) && matches!(doc.form(last + 1), "'s" | "’s");
            let tense = match words.w(start) {
                _ if possessive => Tense::Past,
                "last" => Tense::Past,
                "next" => Tense::Future,
                _ => tense(doc, first, range.clone()),
            };
            // Financial copy compares a quarter's results with "a year ago": the same quarter.
            // So does copy that reports results after naming the quarter they are for ("net was
            // $2.1 million a year earlier"), though not "last year" there.
            let ago = words.lower[start..end]
                .windows(2)
                .any(|w| matches!((w[0].as_str(), w[1].as_str()), ("year" | "-", "ago" | "earlier")));
            let quarterly = !longer && (names_quarter || (ago && quarter.is_some() && reports_results));
            let mut r = resolve(&sem, speech, narrative.or(speech), tense);
            let year_shift = matches!(
                sem,
                Sem::Deictic { unit: Unit::Year, .. }
                    | Sem::Narrative { unit: Unit::Year, .. }
                    | Sem::Quarter { year: Some(_), .. }
            ) || matches!(sem, Sem::QuarterOfYear { offset, .. } if offset != 0);
            if let (
                true,
                Some((y, q)),
                Sem::Deictic { unit: Unit::Year, offset } | Sem::Narrative { unit: Unit::Year, offset },
            ) = (quarterly, quarter, &sem)
                && *offset < 0
            {
                r.value = Some(format!("{:04}-Q{q}", y + offset));
            }
            // "the 1988 period": the quarter the text is about, in that year.
            if let (Sem::Quarter { n: None, year: Some(y) }, Some((_, q))) = (&sem, quarter) {
                r.value = Some(format!("{y:04}-Q{q}"));
            }
            // The quarter the text is about; a year-shifted one ("the year-ago quarter") is not it.
            if let Some(v) = r.value.as_deref()
                && let Some((y, q)) = v.split_once("-Q")
                && let (Ok(y), Ok(q)) = (y.parse(), q.parse())
                && !year_shift
            {
                quarter = Some((y, q));
            }
            match (&sem, named) {
                (Sem::Same { unit: Unit::Year, part: None }, (Some(y), _)) => {
                    r.value = Some(format!("{y:04}"))
                }
                (Sem::MonthOfThatYear(m), (Some(y), _)) => r.value = Some(format!("{y:04}-{m:02}")),
                (Sem::Same { unit: Unit::Month, part: None }, (_, Some((y, m)))) => {
                    r.value = Some(format!("{y:04}-{m:02}"));
                }
                _ => {}
            }
            if let (Sem::DayOfEvent, Some(d)) = (&sem, apposed) {
                r = Resolved { value: Some(d.to_string()), day: Some(d), ..Resolved::date(None) };
            }
            previous = r.day.map(|d| (end, d));
            if r.kind == TimexKind::Date
                && let Some(v) = r.value.as_deref()
            {
                named = named_period(v, named);
            }
            if r.value.is_none() && r.needs_anchor {
                unresolved += 1;
            }
            if let Some(day) = r.day {
                narrative = Some(day);
                if reporting && !in_quote.get(first).copied().unwrap_or(false) {
                    reported = Some(day);
                }
            }
            let span = doc.tokens[first].span.cover(doc.tokens[last].span);
            timexes.push(Timex { span, kind: r.kind, value: r.value, anchor: r.anchor });
        }
    }
    doc.timexes = timexes;
    if unresolved > 0 && published.is_none() {
        doc.diagnostics.push(Diagnostic::warning(
            "timex",
            format!("no publication date: {unresolved} relative time expression(s) left without a value"),
        ));
    }
}

/// The year and month a DATE value names ("1998-06-12": 1998 and June 1998; "1998-Q3": 1998
/// only), else what was named before.
fn named_period(value: &str, before: (Option<i32>, Option<(i32, u8)>)) -> (Option<i32>, Option<(i32, u8)>) {
    let digits = |s: &str| s.len() >= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let Some(year) = value.get(..4).filter(|y| digits(y)).and_then(|y| y.parse().ok()) else { return before };
    let month = value
        .get(4..7)
        .and_then(|m| m.strip_prefix('-'))
        .filter(|m| digits(m))
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    (Some(year), month.map(|m| (year, m)))
}

/// Which tokens stand inside quote marks.
fn quoted_tokens(doc: &Doc) -> Vec<bool> {
    let mut inside = false;
    let mut out = Vec::with_capacity(doc.tokens.len());
    for s in &doc.sentences {
        for i in s.tokens() {
            match doc.form(i) {
                "“" | "«" => {
                    inside = true;
                    out.push(true);
                }
                "”" | "»" => {
                    out.push(true);
                    inside = false;
                }
                "\"" | "''" | "``" => {
                    inside = !inside;
                    out.push(true);
                }
                _ => out.push(inside),
            }
        }
    }
    out
}

/// A resolved expression.
struct Resolved {
    kind: TimexKind,
    value: Option<String>,
    anchor: Option<Date>,
    /// The calendar day it names, which later narrative expressions anchor on.
    day: Option<Date>,
    /// It needed an anchor it did not have.
    needs_anchor: bool,
}

impl Resolved {
    fn date(value: Option<String>) -> Resolved {
        Resolved { kind: TimexKind::Date, value, anchor: None, day: None, needs_anchor: false }
    }
}

/// A clock time as TimeML writes it: `16:30`; midnight, the end of its day, is `24`.
fn clock(hour: u8, minute: u8) -> String {
    if hour == 24 { "24".to_string() } else { format!("{hour:02}:{minute:02}") }
}

/// A day with a part of day ("Friday night") is a TIME; a bare day is a DATE.
fn part_kind(part: Option<&str>) -> TimexKind {
    if part.is_some() { TimexKind::Time } else { TimexKind::Date }
}

fn day_value(d: Date, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{d}T{p}"),
        None => d.to_string(),
    }
}

fn week_value(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

fn add_months(d: Date, months: i64) -> Option<(i32, u8)> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    (1..=9999).contains(&y).then_some((y as i32, m as u8))
}

/// The value of the period `offset` units from `base`, at the unit's granularity.
fn period_value(base: Date, unit: Unit, offset: i64) -> (Option<String>, Option<Date>) {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute => {
            let days = if unit == Unit::Day { offset } else { 0 };
            let d = base.add_days(days);
            (d.map(|d| d.to_string()), d)
        }
        Unit::Week => (base.add_days(7 * offset).map(week_value), None),
        Unit::Month => (add_months(base, offset).map(|(y, m)| format!("{y:04}-{m:02}")), None),
        Unit::Quarter => {
            let q = i64::from((base.month() - 1) / 3) + offset;
            let y = i64::from(base.year()) + q.div_euclid(4);
            (Some(format!("{y:04}-Q{}", q.rem_euclid(4) + 1)), None)
        }
        Unit::Year => (Some(format!("{:04}", i64::from(base.year()) + offset)), None),
        Unit::Decade => (Some(format!("{}X", (i64::from(base.year()) + 10 * offset) / 10)), None),
    }
}

/// The weekday `day` near `anchor`: before it for the past, after it for the future.
fn weekday_near(anchor: Date, day: Weekday, shift: Shift, tense: Tense) -> Option<Date> {
    let diff = i64::from(day.index()) - i64::from(anchor.weekday().index());
    let back = if diff <= 0 { diff } else { diff - 7 }; // latest on or before the anchor
    let ahead = if diff >= 0 { diff } else { diff + 7 }; // the next one, or the anchor day itself
    let offset = match (shift, tense) {
        (Shift::Last, _) => {
            if back == 0 {
                -7
            } else {
                back
            }
        }
        (Shift::Next, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Shift::This, _) => diff,
        (Shift::Unmarked, Tense::Past) => back,
        (Shift::Unmarked, Tense::Future | Tense::Scheduled) => ahead,
        // News reports mostly what happened: an unmarked weekday without a future leans past.
        (Shift::Unmarked, Tense::Present) => back,
    };
    anchor.add_days(offset)
}

fn resolve(sem: &Sem, speech: Option<Date>, narrative: Option<Date>, tense: Tense) -> Resolved {
    let relative = |value: Option<String>, anchor: Option<Date>, day: Option<Date>| Resolved {
        kind: TimexKind::Date,
        needs_anchor: anchor.is_none(),
        value: if anchor.is_some() { value } else { None },
        anchor,
        day,
    };
    match *sem {
        Sem::Day { year: Some(y), month, day } => {
            let d = Date::new(y, month, day);
            Resolved { day: d, ..Resolved::date(d.map(|d| d.to_string())) }
        }
        Sem::Day { year: None, month, day } => {
            let Some(a) = speech else {
                let valid = Date::new(2000, month, day).is_some();
                return Resolved::date(valid.then(|| format!("XXXX-{month:02}-{day:02}")));
            };
            let candidates = [a.year() - 1, a.year(), a.year() + 1].map(|y| Date::new(y, month, day));
            let gap = |d: &Date| (d.days_since_epoch() - a.days_since_epoch()).abs();
            // News style writes the year only when it is not the current one: a day in the
            // anchor's year wins unless the tense says otherwise and it lies months away.
            let ahead = |d: &Date| d.days_since_epoch() - a.days_since_epoch();
            let this_year = candidates[1].filter(|d| match tense {
                Tense::Past => ahead(d) <= 60,
                Tense::Future => ahead(d) >= -60,
                Tense::Present | Tense::Scheduled => gap(d) <= 183,
            });
            let d = match tense {
                _ if this_year.is_some() => this_year,
                Tense::Past => candidates.iter().flatten().filter(|d| **d <= a).max().copied(),
                Tense::Future => candidates.iter().flatten().filter(|d| **d >= a).min().copied(),
                Tense::Present | Tense::Scheduled => {
                    candidates.iter().flatten().min_by_key(|d| gap(d)).copied()
                }
            };
            Resolved { anchor: Some(a), day: d, ..Resolved::date(d.map(|d| d.to_string())) }
        }
        Sem::Month { year: Some(y), month, .. } => Resolved::date(Some(format!("{y:04}-{month:02}"))),
        Sem::Month { year: None, month, shift } => {
            let Some(a) = speech else { return Resolved::date(Some(format!("XXXX-{month:02}"))) };
            let y = match (shift, tense) {
                (Shift::Last, _) => a.year() - i32::from(month >= a.month()),
                (Shift::Next, _) => a.year() + i32::from(month <= a.month()),
                (Shift::This, _) => a.year(),
                // As for days, the current year wins for a month next to the anchor's.
                (Shift::Unmarked, Tense::Past) => a.year() - i32::from(month > a.month() + 1),
                (Shift::Unmarked, Tense::Future) => a.year() + i32::from(month + 1 < a.month()),
                (Shift::Unmarked, Tense::Present | Tense::Scheduled) => {
                    // The nearest: more than half a year ahead is last year's month.
                    let ahead = i32::from(month) - i32::from(a.month());
                    if ahead > 6 {
                        a.year() - 1
                    } else if ahead < -6 {
                        a.year() + 1
                    } else {
                        a.year()
                    }
                }
            };
            Resolved { anchor: Some(a), ..Resolved::date(Some(format!("{y:04}-{month:02}"))) }
        }
        Sem::MonthOfYear { month, shift } => {
            let Some(a) = speech else { return Resolved::date(Some(format!("XXXX-{month:02}"))) };
            let y = a.year()
                + match shift {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                };
            Resolved { anchor: Some(a), ..Resolved::date(Some(format!("{y:04}-{month:02}"))) }
        }
        Sem::Year(y) => Resolved::date(Some(format!("{y:04}"))),
        Sem::Decade(d) => Resolved::date(Some(format!("{d}X"))),
        Sem::Century(c) => Resolved::date(Some(format!("{c:02}"))),
        Sem::Half { n, year } => Resolved::date(Some(format!("{year:04}-H{n}"))),
        Sem::SeasonOf { code, year } => Resolved::date(Some(format!("{year:04}-{code}"))),
        Sem::Quarter { n: Some(n), year: Some(y) } => Resolved::date(Some(format!("{y:04}-Q{n}"))),
        Sem::Quarter { n, year: None } => {
            let Some(a) = speech else { return relative(None, None, None) };
            let current = (a.month() - 1) / 3 + 1;
            let (y, q) = match n {
                Some(n) if n <= current => (a.year(), n),
                Some(n) => (a.year() - 1, n),
                None if current == 1 => (a.year() - 1, 4),
                None => (a.year(), current - 1),
            };
            relative(Some(format!("{y:04}-Q{q}")), Some(a), None)
        }
        Sem::Quarter { n: None, year: Some(y) } => Resolved::date(Some(format!("{y:04}"))),
        Sem::QuarterOfYear { n, offset } => {
            let Some(a) = speech else { return relative(None, None, None) };
            relative(Some(format!("{:04}-Q{n}", i64::from(a.year()) + offset)), Some(a), None)
        }
        Sem::Season { code, shift } => {
            let Some(a) = speech else { return relative(None, None, None) };
            // The month each season ends (winter is named by the year it ends in).
            let ends = match code {
                "SP" => 5,
                "SU" => 8,
                "FA" => 11,
                _ => 2,
            };
            let y = match shift {
                // The latest one over: this year's if it has ended.
                Shift::Last => a.year() - i32::from(a.month() <= ends),
                Shift::Next => a.year() + 1,
                _ => a.year(),
            };
            relative(Some(format!("{y:04}-{code}")), Some(a), None)
        }
        Sem::Weekday { day, shift, part } => {
            let Some(a) = speech else { return relative(None, None, None) };
            let d = weekday_near(a, day, shift, tense);
            Resolved { kind: part_kind(part), ..relative(d.map(|d| day_value(d, part)), Some(a), d) }
        }
        Sem::PreviousWeekday(day) => {
            let Some(base) = narrative else { return relative(None, None, None) };
            let d = weekday_near(base, day, Shift::Last, tense);
            relative(d.map(|d| d.to_string()), Some(base), d)
        }
        Sem::RelDay { offset, part } => {
            let Some(a) = speech else { return relative(None, None, None) };
            let d = a.add_days(offset);
            Resolved { kind: part_kind(part), ..relative(d.map(|d| day_value(d, part)), Some(a), d) }
        }
        Sem::DayOfWeek { day, year, month, date } => {
            let on_weekday = |y: i32| Date::new(y, month, date).filter(|d| d.weekday() == day);
            let found = match (year, speech) {
                (Some(y), _) => Date::new(y, month, date),
                (None, Some(a)) => [a.year(), a.year() - 1, a.year() + 1].into_iter().find_map(on_weekday),
                (None, None) => None,
            };
            match found {
                Some(d) => Resolved { anchor: speech, day: Some(d), ..Resolved::date(Some(d.to_string())) },
                None => resolve(&Sem::Day { year, month, day: date }, speech, narrative, tense),
            }
        }
        Sem::ClockOn { hour, minute, ref day } => {
            let on = resolve(day, speech, narrative, tense);
            let value = on.day.map(|d| format!("{d}T{}", clock(hour, minute)));
            Resolved { kind: TimexKind::Time, value, ..on }
        }
        Sem::Deictic { unit, offset } => {
            let Some(a) = speech else { return relative(None, None, None) };
            let (value, day) = period_value(a, unit, offset);
            relative(value, Some(a), day)
        }
        Sem::Narrative { unit, offset } => {
            let Some(base) = narrative else { return relative(None, None, None) };
            let (value, day) = period_value(base, unit, offset);
            relative(value, Some(base), day)
        }
        Sem::Duration { unit, amount } => Resolved {
            kind: TimexKind::Duration,
            value: Some(unit.duration(&amount.map_or_else(|| "X".to_string(), |n| n.to_string()))),
            anchor: None,
            day: None,
            needs_anchor: false,
        },
        // Dated by the year the text named (see `run`); alone, the month the tense picks.
        Sem::MonthOfThatYear(month) => {
            resolve(&Sem::Month { year: None, month, shift: Shift::Unmarked }, speech, narrative, tense)
        }
        Sem::DayOfEvent => relative(None, None, None),
        Sem::YearEnd => {
            let end = resolve(&Sem::Day { year: None, month: 12, day: 31 }, speech, narrative, tense);
            let year =
                end.value.as_deref().and_then(|v| v.get(..4)).filter(|y| *y != "XXXX").map(str::to_string);
            Resolved { needs_anchor: year.is_none(), value: year, day: None, ..end }
        }
        Sem::DurationAndHalf { unit, amount } => Resolved {
            kind: TimexKind::Duration,
            value: Some(unit.duration_and_half(amount)),
            anchor: None,
            day: None,
            needs_anchor: false,
        },
        Sem::Ref(r) => Resolved::date(Some(r.to_string())),
        Sem::Set(unit) => Resolved { kind: TimexKind::Set, ..Resolved::date(Some(unit.duration("1"))) },
        Sem::Holiday { holiday, shift } => {
            let Some(a) = speech else { return relative(None, None, None) };
            let dates: Vec<Date> = (a.year() - 1..=a.year() + 1).filter_map(|y| holiday.date(y)).collect();
            let gap = |d: &Date| (d.days_since_epoch() - a.days_since_epoch()).abs();
            let d = match (shift, tense) {
                (Shift::Last, _) => dates.iter().filter(|d| **d < a).max(),
                (Shift::Next, _) => dates.iter().filter(|d| **d > a).min(),
                (_, Tense::Past) => dates.iter().filter(|d| **d <= a).max(),
                (_, Tense::Future) => dates.iter().filter(|d| **d >= a).min(),
                _ => dates.iter().min_by_key(|d| gap(d)),
            }
            .copied();
            relative(d.map(|d| d.to_string()), Some(a), d)
        }
        Sem::Same { unit, part } => {
            let Some(base) = narrative else { return relative(None, None, None) };
            let (value, day) = period_value(base, unit, 0);
            let value = match (part, day) {
                (Some(p), Some(d)) => Some(day_value(d, Some(p))),
                _ => value,
            };
            Resolved { kind: part_kind(part), ..relative(value, Some(base), day) }
        }
        Sem::NextDay { part } => {
            let Some(base) = narrative else { return relative(None, None, None) };
            let d = base.add_days(1);
            Resolved { kind: TimexKind::Time, ..relative(d.map(|d| day_value(d, Some(part))), Some(base), d) }
        }
        Sem::WeeklyOn(day) => {
            Resolved { kind: TimexKind::Set, ..Resolved::date(Some(format!("XXXX-WXX-{}", day.index() + 1))) }
        }
        Sem::Weekend => {
            let Some(a) = speech else { return relative(None, None, None) };
            // Past or present: the latest weekend not after the anchor; future: the next one.
            // Days since the latest Saturday (0 on Saturday, 1 on Sunday, 2–6 Monday–Friday).
            let since = (i64::from(a.weekday().index()) + 2) % 7;
            let saturday = if matches!(tense, Tense::Future | Tense::Scheduled) && since >= 2 {
                a.add_days(7 - since)
            } else {
                a.add_days(-since)
            };
            relative(saturday.map(|d| format!("{}-WE", week_value(d))), Some(a), None)
        }
        Sem::Clock { hour, minute } => {
            // A time of day alone in a past clause is on the day the narrative is at ("was shot
            // at 10 p.m."); otherwise on the day of speech ("the vote is at 4:30 p.m.").
            let on = match tense {
                // "expired at midnight" on the day of speech: the midnight that began it.
                Tense::Past if hour == 24 && narrative == speech => speech.and_then(|d| d.add_days(-1)),
                Tense::Past => narrative.or(speech),
                _ => speech,
            };
            let day = on.map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.to_string());
            Resolved {
                kind: TimexKind::Time,
                value: Some(format!("{day}T{}", clock(hour, minute))),
                anchor: on,
                day: None,
                needs_anchor: false,
            }
        }
    }
}
