//! Time expressions on real sentences: the summit briefing's dates, absolute forms, impossible
//! dates and a missing publication date.

use herald::layers::TimexKind;
use herald::{Date, Doc, Meta, Pipeline};

fn analyze(text: &str, published: Option<&str>) -> Doc {
    let meta = Meta { published: published.and_then(Date::parse_iso), ..Meta::default() };
    Pipeline::new().annotate(text.to_string(), meta)
}

/// `text → value` of every time expression, in order.
fn values(doc: &Doc) -> Vec<(String, String)> {
    doc.timexes.iter().map(|t| (doc.slice(t.span).to_string(), t.value.clone().unwrap_or_default())).collect()
}

fn value_of(doc: &Doc, text: &str, nth: usize) -> String {
    let all: Vec<(String, String)> = values(doc).into_iter().filter(|(t, _)| t == text).collect();
    all.get(nth).map_or_else(|| panic!("no {text:?} #{nth} in {:?}", values(doc)), |(_, v)| v.clone())
}

#[test]
fn summit_briefing_dates() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/summit-briefing.txt"))
            .unwrap();
    let doc = analyze(&text, Some("2025-10-24"));
    assert_eq!(value_of(&doc, "Thursday", 0), "2025-10-23", "briefing held on Thursday");
    assert_eq!(value_of(&doc, "Thursday", 1), "2025-10-23", "Putin addressing reporters on Thursday");
    assert_eq!(value_of(&doc, "the day prior", 0), "2025-10-22");
    assert_eq!(value_of(&doc, "the previous week", 0), "2025-W42");
    assert_eq!(value_of(&doc, "Wednesday", 0), "2025-10-22");
    assert_eq!(value_of(&doc, "yesterday", 0), "2025-10-22", "inside Leavitt's quote, said on Thursday");
}

#[test]
fn absolute_and_relative_forms() {
    let doc = analyze(
        "Talks set for 10/23/2025 moved to 23 October 2025. Officials met on Oct. 23 and again in mid-October. \
         Prices doubled in the 1990s and fell in fiscal 2025 and in Q3. The strike lasted three days. \
         Inspectors come every week. The vote is at 4:30 p.m. Last week the minister resigned; \
         a week ago he denied it, and next Monday his successor will be named.",
        Some("2025-10-29"),
    );
    let v = values(&doc);
    let expect = [
        ("10/23/2025", "2025-10-23"),
        ("23 October 2025", "2025-10-23"),
        ("Oct. 23", "2025-10-23"),
        ("mid-October", "2025-10"),
        ("the 1990s", "199X"),
        ("fiscal 2025", "2025"),
        ("Q3", "2025-Q3"),
        ("three days", "P3D"),
        ("every week", "P1W"),
        ("4:30 p.m.", "2025-10-29T16:30"),
        ("Last week", "2025-W43"),
        ("a week ago", "2025-W43"),
        ("next Monday", "2025-11-03"),
    ];
    for (text, value) in expect {
        assert!(v.iter().any(|(t, x)| t == text && x == value), "{text} → {value} not in {v:?}");
    }
    let kind = |text: &str| doc.timexes.iter().find(|t| doc.slice(t.span) == text).map(|t| t.kind);
    assert_eq!(kind("three days"), Some(TimexKind::Duration));
    assert_eq!(kind("every week"), Some(TimexKind::Set));
    assert_eq!(kind("4:30 p.m."), Some(TimexKind::Time));
}

#[test]
fn impossible_dates_get_no_value() {
    let doc = analyze(
        "It happened on February 30, 2025, or in year 99999, code 2882015, or on 2025-02-29.",
        Some("2025-03-01"),
    );
    for t in &doc.timexes {
        let v = t.value.as_deref().unwrap_or("");
        assert!(
            !v.contains("02-30") && !v.contains("99999") && !v.contains("2882015") && !v.contains("02-29"),
            "{v}"
        );
    }
}

#[test]
fn without_a_publication_date_relative_expressions_stay_unresolved() {
    let doc = analyze("The minister resigned yesterday, two days after the vote on Oct. 23.", None);
    let v = values(&doc);
    assert!(v.iter().any(|(t, x)| t == "yesterday" && x.is_empty()), "{v:?}");
    assert!(v.iter().any(|(t, x)| t == "Oct. 23" && x == "XXXX-10-23"), "{v:?}");
    assert!(
        doc.diagnostics.iter().any(|d| d.stage == "timex" && d.message.contains("no publication date")),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn wire_fractions_are_not_dates() {
    // Reuters bond briefs: "7-1/4 pct coupon", "1-1/2 pct", "100-3/4 issue price".
    let doc = analyze(
        "The bank is issuing 100 mln Swiss francs of notes with a 7-1/4 pct coupon and a 1-1/2 pct \
         premium, priced at 100-3/4, due 10/23/2025 and callable 2026-04-01.",
        Some("1987-03-03"),
    );
    let vals: Vec<String> = values(&doc).into_iter().map(|(_, v)| v).collect();
    assert!(vals.iter().all(|v| !v.starts_with("000")), "{vals:?}");
    assert_eq!(value_of(&doc, "10/23/2025", 0), "2025-10-23");
    assert_eq!(value_of(&doc, "2026-04-01", 0), "2026-04-01");
}

#[test]
fn weekdays_follow_the_tense_of_their_clause() {
    // Published on a Wednesday.
    let doc = analyze(
        "Saddam said he will begin withdrawing troops on Friday. The team planned to leave Nairobi on \
         Thursday for Dar es Salaam. He and Arafat meet separately Monday with Albright. Castro \
         attended a rally Tuesday by media workers in Havana. Trading is to resume in Paris as soon as Tuesday.",
        Some("1990-08-15"),
    );
    assert_eq!(value_of(&doc, "Friday", 0), "1990-08-17", "will begin … on Friday");
    assert_eq!(value_of(&doc, "Thursday", 0), "1990-08-16", "planned to leave on Thursday");
    assert_eq!(value_of(&doc, "Monday", 0), "1990-08-20", "a present-tense schedule");
    assert_eq!(value_of(&doc, "Tuesday", 0), "1990-08-14", "attended a rally Tuesday");
    assert_eq!(value_of(&doc, "Tuesday", 1), "1990-08-21", "as soon as Tuesday");
}

#[test]
fn days_join_their_dates_clock_times_and_parts() {
    let doc = analyze(
        "The New York Times said in an editorial on Monday, Oct. 26: the murder was a crime. \
         Immigration officials postponed until 9 a.m. Tuesday any action. Rebels attacked the town \
         Friday night. The dividend is payable Nov. 22 to holders of record.",
        Some("1998-10-25"),
    );
    assert_eq!(value_of(&doc, "Monday, Oct. 26", 0), "1998-10-26");
    assert_eq!(value_of(&doc, "9 a.m. Tuesday", 0), "1998-10-27T09:00");
    let night = doc.timexes.iter().find(|t| doc.slice(t.span) == "Friday night").expect("Friday night");
    assert_eq!(night.value.as_deref(), Some("1998-10-23TNI"));
    assert_eq!(night.kind, TimexKind::Time);
    // A day without a year is in the current year (news style) unless the tense puts it months away.
    assert_eq!(value_of(&doc, "Nov. 22", 0), "1998-11-22");
}

#[test]
fn spoken_years_centuries_and_durations_before_an_event() {
    let doc = analyze(
        "In nineteen ninety-six the economy grew, as it had in the nineties and through the 20th \
         century. The offer expires 90 days after the merger. Two days after, the board met. \
         Talks could take two more weeks. Shares rose over the last twenty-four hours.",
        Some("1998-01-08"),
    );
    assert_eq!(value_of(&doc, "nineteen ninety-six", 0), "1996");
    assert_eq!(value_of(&doc, "the nineties", 0), "199X");
    assert_eq!(value_of(&doc, "20th century", 0), "19");
    assert_eq!(value_of(&doc, "90 days", 0), "P90D", "a duration before an event");
    assert_eq!(value_of(&doc, "two more weeks", 0), "P2W");
    assert_eq!(value_of(&doc, "twenty-four hours", 0), "PT24H");
}

#[test]
fn halves_seasons_and_months_of_named_years() {
    let doc = analyze(
        "Sales slowed in the second half of 1989 after a strong winter of 1988. The plant closed in \
         July last year and reopened this past spring.",
        Some("1990-10-30"),
    );
    assert_eq!(value_of(&doc, "the second half of 1989", 0), "1989-H2");
    assert_eq!(value_of(&doc, "winter of 1988", 0), "1988-WI");
    assert_eq!(value_of(&doc, "July last year", 0), "1989-07");
    assert_eq!(value_of(&doc, "past spring", 0), "1990-SP", "the spring that ended this year");
}

#[test]
fn holidays_and_the_narrative_day() {
    let doc = analyze(
        "The talks collapsed on Oct. 12. Later that day the envoy left, and the next morning he \
         flew home. Families will gather on Thanksgiving Day, and the vote falls on Election Day.",
        Some("1998-10-26"),
    );
    assert_eq!(value_of(&doc, "Later that day", 0), "1998-10-12");
    assert_eq!(value_of(&doc, "the next morning", 0), "1998-10-13TMO");
    assert_eq!(value_of(&doc, "Thanksgiving Day", 0), "1998-11-26", "the fourth Thursday of November");
    assert_eq!(value_of(&doc, "Election Day", 0), "1998-11-03", "the Tuesday after the first Monday");
}

#[test]
fn names_and_fractions_are_not_times() {
    let doc = analyze(
        "Foreign ministers Janos Martonyi and Jan Kavan signed the accord. Iraq imports about \
         three-quarters of its food. Thousands joined the March for Life on Capitol Hill.",
        Some("1999-03-12"),
    );
    assert!(doc.timexes.is_empty(), "{:?}", values(&doc));
}

#[test]
fn financial_copy_dates_its_quarters_and_years() {
    let doc = analyze(
        "Acme Corp. said its third-quarter net income rose 12% to $40 million. A year earlier, net was \
         $35.7 million, or 30 cents a share. In the 1988 period, sales were $1.1 billion. In the 1988 second \
         quarter, the company took a charge. Net sales for this year's third quarter were $14 million, and \
         analysts expect growth in next year's first quarter. For the quarter a year ago, the company \
         reported earnings of $3 million. Revenue for the year ended June 30 was $2 billion. Sales for the \
         full year will rise, after a slow start over the past year.",
        Some("1989-10-26"),
    );
    let v = values(&doc);
    let expect = [
        ("third-quarter", "1989-Q3"),
        ("A year earlier", "1988-Q3"),
        ("the 1988 period", "1988-Q3"),
        ("the 1988 second quarter", "1988-Q2"),
        ("this year's third quarter", "1989-Q3"),
        ("next year's first quarter", "1990-Q1"),
        ("the quarter a year ago", "1988-Q3"),
        ("the year", "P1Y"),
        ("the full year", "1989"),
        ("the past year", "1988"),
    ];
    for (text, value) in expect {
        assert!(v.contains(&(text.to_string(), value.to_string())), "{text} → {value} in {v:?}");
    }
    let doc = analyze(
        "Acme Corp. said its third-quarter net rose. Net for the first nine months was $5 million, against \
         $4 million a year earlier. The quarter's loss will turn into a profit next year.",
        Some("1989-10-26"),
    );
    let v = values(&doc);
    let expect = [("a year earlier", "1988"), ("next year", "1990")];
    for (text, value) in expect {
        assert!(v.contains(&(text.to_string(), value.to_string())), "{text} → {value} in {v:?}");
    }
}

#[test]
fn possessive_weekdays_and_shifted_days_point_back() {
    // 2000-01-07 is a Friday.
    let doc = analyze(
        "Relatives said they would look for ways to get around Wednesday's ruling. The suspect has been \
         sought since the doctor was shot last Oct. 23. The party daily Granma printed the letter.",
        Some("2000-01-07"),
    );
    assert_eq!(value_of(&doc, "Wednesday", 0), "2000-01-05", "a ruling already made");
    assert_eq!(value_of(&doc, "last Oct. 23", 0), "1999-10-23");
    // 1989-10-27 is a Friday.
    let doc = analyze(
        "The dividend is payable Jan. 3, the chairman's office is effective Feb. 1, and the stock is to \
         resume trading in Paris Tuesday, the company said.",
        Some("1989-10-27"),
    );
    assert_eq!(value_of(&doc, "Jan. 3", 0), "1990-01-03");
    assert_eq!(value_of(&doc, "Feb. 1", 0), "1990-02-01");
    assert_eq!(value_of(&doc, "Tuesday", 0), "1989-10-31", "'is to resume' is a plan");
    // 1989-10-30 is a Monday; the text is at Friday the 27th.
    let doc = analyze(
        "The index fell on Friday to close at 2082.1, down 4.5% from the previous Friday.",
        Some("1989-10-30"),
    );
    assert_eq!(value_of(&doc, "Friday", 0), "1989-10-27");
    assert_eq!(value_of(&doc, "the previous Friday", 0), "1989-10-20");
    let doc = analyze(
        "Shares fell on Friday. Dealers placed heavy buy orders in the morning, and by mid afternoon the selling \
         had stopped.",
        Some("1989-10-30"),
    );
    assert_eq!(value_of(&doc, "the morning", 0), "1989-10-27TMO", "the morning of the day the text is at");
    assert_eq!(value_of(&doc, "mid afternoon", 0), "1989-10-30TAF");
    let doc = analyze(
        "Baker said on ABC's \"This Week\" that the poster from the film High Noon helped, as VOA Today reported. \
         In the year-earlier third quarter, net was $2 million, one of the events of the past century.",
        Some("1989-10-30"),
    );
    assert_eq!(values(&doc), [("year-earlier third quarter".to_string(), "1988-Q3".to_string())]);
    let doc = analyze(
        "Net for the year-earlier nine months included a gain; holders may buy shares at the then current price.",
        Some("1989-10-26"),
    );
    let v = values(&doc);
    assert_eq!(
        v,
        [
            ("nine months".to_string(), "P9M".to_string()),
            ("then current".to_string(), "PAST_REF".to_string())
        ]
    );
    assert!(
        !values(&doc).iter().any(|(t, _)| t == "daily"),
        "a newspaper, not a recurrence: {:?}",
        values(&doc)
    );
}

#[test]
fn months_before_for_and_terms_of_bonds() {
    let doc = analyze(
        "He stepped down as chairman in March for health reasons, and protesters gathered at the annual \
         March for Life. The yield on the 30-year Treasury bond fell, as did average hourly earnings. The \
         deal should close by year-end.",
        Some("1989-11-02"),
    );
    let v = values(&doc);
    assert_eq!(value_of(&doc, "March", 0), "1989-03", "{v:?}");
    assert_eq!(v.iter().filter(|(t, _)| t == "March").count(), 1, "the March for Life is an event: {v:?}");
    assert_eq!(value_of(&doc, "30-year", 0), "P30Y");
    assert_eq!(value_of(&doc, "hourly", 0), "PT1H");
    assert_eq!(value_of(&doc, "year-end", 0), "1989-12-31");
    let doc = analyze("Mr. Schwarz, 52 years old, will succeed him within 52 years.", Some("1989-11-02"));
    assert_eq!(values(&doc), [("52 years".to_string(), "P52Y".to_string())], "an age is no time");
    let doc = analyze("In today's world, today's meeting matters.", Some("1989-11-02"));
    assert_eq!(values(&doc), [("today".to_string(), "1989-11-02".to_string())], "the present age is no day");
    let doc = analyze("Prices are soft these days and may stay so in the near term.", Some("1989-11-02"));
    let v = values(&doc);
    assert!(v.contains(&("these days".to_string(), "PRESENT_REF".to_string())), "{v:?}");
    assert!(v.contains(&("the near term".to_string(), "FUTURE_REF".to_string())), "{v:?}");
}

#[test]
fn named_years_halves_clock_days_rates_and_perfects() {
    // "later that year" is the year the narrative named, not the publication's.
    let doc = analyze(
        "Munero fled to Florida in June 1998 and returned to Cuba later that year. The loan runs through \
         January. Investigators have been searching for him since shortly after the Oct. 23 slaying.",
        Some("2000-01-28"),
    );
    let v = values(&doc);
    assert_eq!(value_of(&doc, "later that year", 0), "1998", "{v:?}");
    assert_eq!(value_of(&doc, "Oct. 23", 0), "1999-10-23", "a present perfect looks back: {v:?}");
    // A fraction of a unit, a clock time dated by the day after its parenthesis or by the day
    // the narrative is at, a part of yesterday.
    let doc = analyze(
        "The talks lasted 5 1/2 hours, or two and a half years in all, and a minute and a half of it \
         mattered. The blast occurred at about 10:35 a.m. (0735 GMT) Friday. In London at mid-afternoon \
         yesterday, shares fell.",
        Some("1998-08-08"),
    );
    let v = values(&doc);
    assert_eq!(value_of(&doc, "5 1/2 hours", 0), "PT5H30M", "{v:?}");
    assert_eq!(value_of(&doc, "two and a half years", 0), "P2Y6M", "{v:?}");
    assert_eq!(value_of(&doc, "a minute and a half", 0), "PT1M30S", "{v:?}");
    assert_eq!(value_of(&doc, "10:35 a.m.", 0), "1998-08-07T10:35", "{v:?}");
    assert_eq!(value_of(&doc, "Friday", 0), "1998-08-07", "{v:?}");
    assert_eq!(value_of(&doc, "mid-afternoon yesterday", 0), "1998-08-07TAF", "{v:?}");
    // A rate is no time; "will one day" is some time ahead; business days count; "by year's end"
    // is the year.
    let doc = analyze(
        "The plan saves $500 million a year and adds four flights a week. Islam will one day be larger. \
         Eight trading days later the index fell. Rules should be in place by year's end.",
        Some("1989-10-26"),
    );
    let v = values(&doc);
    assert!(!v.iter().any(|(t, _)| t == "a year" || t == "a week"), "{v:?}");
    assert_eq!(value_of(&doc, "one day", 0), "FUTURE_REF", "{v:?}");
    assert!(v.iter().any(|(t, _)| t.starts_with("Eight trading days")), "{v:?}");
    assert_eq!(value_of(&doc, "year's end", 0), "1989", "{v:?}");
    // Midnight ends its day; a day an event dates has a value only in apposition to a date.
    let doc = analyze(
        "The contract expired at midnight March 31. Stocks rose on Oct. 12, the day before the plunge, \
         and they fell the day before the election.",
        Some("1989-10-30"),
    );
    let v = values(&doc);
    assert_eq!(value_of(&doc, "midnight March 31", 0), "1989-03-31T24", "{v:?}");
    assert_eq!(value_of(&doc, "the day", 0), "1989-10-12", "{v:?}");
    assert_eq!(v.iter().filter(|(t, _)| t.starts_with("the day")).count(), 1, "{v:?}");
}
