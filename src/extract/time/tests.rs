//! Examples of the temporal grammar, run through one harness: each row is
//! a text, the first temporal mention expected in it (its exact text) and
//! its value in a compact form.
//!
//! Forms: `2024-07-01 day` (an instant), `2024-03-01..2024-04-01 month`
//! (an interval), `2024-03-01.. month` (since), `..2018-01-01 year`
//! (until), `3 year` (a duration), `unresolved month`.

use jiff::civil::{DateTime, date};

use crate::extract::scan;
use crate::mention::{DiagnosticKind, Value};
use crate::period::{Anchor, Shape};

/// Monday 10 March 2025, noon.
fn reference() -> DateTime {
    date(2025, 3, 10).at(12, 0, 0, 0)
}

fn when(t: Option<DateTime>) -> String {
    match t {
        None => String::new(),
        Some(t) if t.time() == jiff::civil::Time::midnight() => t.date().to_string(),
        Some(t) => t.to_string(),
    }
}

fn render(value: &Value) -> String {
    match value {
        Value::Time { period } => {
            let g = period.grain.name();
            if period.anchor == Anchor::Unresolved {
                return format!("unresolved {g}");
            }
            let (s, e) = (when(period.start), when(period.end));
            match period.shape {
                Shape::Instant => format!("{s} {g}"),
                Shape::Interval => format!("{s}..{e} {g}"),
                Shape::Since => format!("{s}.. {g}"),
                Shape::Until => format!("..{e} {g}"),
            }
        }
        Value::Duration { duration } => {
            format!("{} {}", duration.amount.value, duration.unit.name())
        }
        other => format!("not temporal: {}", other.kind()),
    }
}

/// The temporal mentions of `text` as (text, rendering).
fn temporal(text: &str, reference: Option<DateTime>) -> Vec<(String, String)> {
    let (mentions, _) = scan(text, reference);
    mentions
        .iter()
        .filter(|m| matches!(m.value, Value::Time { .. } | Value::Duration { .. }))
        .map(|m| (m.text.clone(), render(&m.value)))
        .collect()
}

fn check_positive(rows: &[(&str, &str, &str)], reference: Option<DateTime>) {
    let mut failures = Vec::new();
    for &(text, span, value) in rows {
        let found = temporal(text, reference);
        if !found.iter().any(|(t, v)| t == span && v == value) {
            failures.push(format!("{text:?}: want {span:?} = {value}, got {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn full_dates_in_every_order() {
    check_positive(
        &[
            ("It opened on 1 July 2024.", "1 July 2024", "2024-07-01 day"),
            ("on July 1, 2024 it", "July 1, 2024", "2024-07-01 day"),
            ("dated 2025-03-07.", "2025-03-07", "2025-03-07 day"),
            ("07 March 2025", "07 March 2025", "2025-03-07 day"),
            (
                "I'll go back 04th Jan 2019.",
                "04th Jan 2019",
                "2019-01-04 day",
            ),
            ("on 1/1/2016 we", "1/1/2016", "2016-01-01 day"),
            ("on 5/3/18 we", "5/3/18", "2018-05-03 day"),
            ("on 23/04/2022 we", "23/04/2022", "2022-04-23 day"),
            ("at 23.04.2022 we", "23.04.2022", "2022-04-23 day"),
            ("sold on Dec. 31 , 1994", "Dec. 31 , 1994", "1994-12-31 day"),
            ("the 05-Aug-2016 file", "05-Aug-2016", "2016-08-05 day"),
            ("How about 2019/aug/01", "2019/aug/01", "2019-08-01 day"),
            ("report-20170302.html", "20170302", "2017-03-02 day"),
            (
                "fourth of july, 1995",
                "fourth of july, 1995",
                "1995-07-04 day",
            ),
            ("born 15 April of 87", "15 April of 87", "1987-04-15 day"),
            (
                "on March 5-7, 2024",
                "March 5-7, 2024",
                "2024-03-05..2024-03-08 day",
            ),
            (
                "from 5 to 7 March 2024",
                "5 to 7 March 2024",
                "2024-03-05..2024-03-08 day",
            ),
            (
                "in nineteen ninety six",
                "nineteen ninety six",
                "1996-01-01 year",
            ),
            (
                "She was born on January twenty five nineteen eighty six",
                "January twenty five nineteen eighty six",
                "1986-01-25 day",
            ),
        ],
        Some(reference()),
    );
}

#[test]
fn dates_without_a_year_take_the_latest_before_the_reference() {
    check_positive(
        &[
            ("on Aug. 9 the", "Aug. 9", "2024-08-09 day"),
            ("on March 7 the", "March 7", "2025-03-07 day"),
            ("on 22/04 the", "22/04", "2024-04-22 day"),
            ("on 11/20 the", "11/20", "2024-11-20 day"),
            ("I'll go back Oct/2", "Oct/2", "2024-10-02 day"),
            ("the 09th of May", "the 09th of May", "2024-05-09 day"),
            ("second of Aug.", "second of Aug.", "2024-08-02 day"),
            ("on Feb 29", "Feb 29", "2024-02-29 day"),
            ("in may", "may", "2024-05-01 month"),
            ("In dec the", "dec", "2024-12-01 month"),
            ("this September", "this September", "2025-09-01 month"),
            ("sales in q3", "q3", "2024-07-01 quarter"),
            ("on Christmas Eve", "Christmas Eve", "2024-12-24 day"),
            ("on the 4th we", "on the 4th", "2025-03-04 day"),
        ],
        Some(reference()),
    );
}

#[test]
fn months_years_quarters_seasons_decades() {
    check_positive(
        &[
            ("in March 2024 it", "March 2024", "2024-03-01 month"),
            ("back in 2017 april.", "2017 april", "2017-04-01 month"),
            ("plan for Dec-2018", "Dec-2018", "2018-12-01 month"),
            ("a valid date? 12-2015", "12-2015", "2015-12-01 month"),
            ("in 2014 the", "2014", "2014-01-01 year"),
            ("Britain's 2016's vote", "2016's", "2016-01-01 year"),
            ("end in 2150, right?", "2150", "2150-01-01 year"),
            (
                "Show sales in the year 2008",
                "the year 2008",
                "2008-01-01 year",
            ),
            ("the 1990s were", "the 1990s", "1990-01-01..2000-01-01 year"),
            (
                "music of the sixties",
                "the sixties",
                "1960-01-01..1970-01-01 year",
            ),
            (
                "presidents in 1990 s.",
                "1990 s",
                "1990-01-01..2000-01-01 year",
            ),
            (
                "in the 21st century",
                "the 21st century",
                "2000-01-01..2100-01-01 year",
            ),
            ("Q3 2024 results", "Q3 2024", "2024-07-01 quarter"),
            ("during 2017-q1", "2017-q1", "2017-01-01 quarter"),
            (
                "the third quarter of 2024",
                "the third quarter of 2024",
                "2024-07-01 quarter",
            ),
            (
                "summer of 2024",
                "summer of 2024",
                "2024-06-01..2024-09-01 month",
            ),
            ("summer 2024", "summer 2024", "2024-06-01..2024-09-01 month"),
            (
                "in the first half of 2024",
                "the first half of 2024",
                "2024-01-01..2024-07-01 month",
            ),
            ("H2 2023 sales", "H2 2023", "2023-07-01..2024-01-01 month"),
            ("in 2019-2021", "2019-2021", "2019-01-01..2022-01-01 year"),
            (
                "the 2023/24 season",
                "2023/24",
                "2023-01-01..2025-01-01 year",
            ),
            ("in 2019-20", "2019-20", "2019-01-01..2021-01-01 year"),
            ("since mid-2023", "since mid-2023", "2023-01-01.. year"),
            (
                "in early March 2024",
                "early March 2024",
                "2024-03-01 month",
            ),
            ("week 10 2019", "week 10", "2025-03-03 week"),
            (
                "first week of 2015",
                "first week of 2015",
                "2014-12-29 week",
            ),
            (
                "the last week of july",
                "the last week of july",
                "2024-07-22 week",
            ),
            ("on easter 2018", "easter 2018", "2018-04-01 day"),
            ("black friday 2010", "black friday 2010", "2010-11-26 day"),
        ],
        Some(reference()),
    );
}

#[test]
fn clock_times_join_their_day() {
    check_positive(
        &[
            (
                "27 February 2024, 10:53",
                "27 February 2024, 10:53",
                "2024-02-27T10:53:00 minute",
            ),
            (
                "at 3pm on Tuesday",
                "at 3pm on Tuesday",
                "2025-03-04T15:00:00 hour",
            ),
            (
                "tomorrow 8:00am",
                "tomorrow 8:00am",
                "2025-03-11T08:00:00 minute",
            ),
            ("today at 9p.", "today at 9p", "2025-03-10T21:00:00 hour"),
            (
                "tomorrow from 7:00 to 8:00pm",
                "tomorrow from 7:00 to 8:00pm",
                "2025-03-11T19:00:00..2025-03-11T20:00:00 minute",
            ),
            (
                "from 5 to 6pm on April 22",
                "from 5 to 6pm on April 22",
                "2024-04-22T17:00:00..2024-04-22T18:00:00 hour",
            ),
            (
                "Where were you from 8am-3 yesterday",
                "from 8am-3 yesterday",
                "2025-03-09T08:00:00..2025-03-09T15:00:00 hour",
            ),
            (
                "today before 4pm",
                "today before 4pm",
                "..2025-03-10T16:00:00 hour",
            ),
            (
                "last night at 8.",
                "last night at 8",
                "2025-03-09T20:00:00 hour",
            ),
            (
                "tonight from 7 to 7:30",
                "tonight from 7 to 7:30",
                "2025-03-10T19:00:00..2025-03-10T19:30:00 minute",
            ),
            ("Monday morning", "Monday morning", "2025-03-10 day"),
            (
                "Where were you Monday 3-8",
                "Monday 3-8",
                "2025-03-10T03:00:00..2025-03-10T08:00:00 hour",
            ),
            // An address after "at" is no hour.
            ("on Monday at 10 Downing Street", "Monday", "2025-03-10 day"),
            // A score after a day is no span of hours.
            ("they won on Saturday 3-2", "Saturday", "2025-03-08 day"),
            // Regression: a span of hours after a weekday read as 4 December.
            ("Monday 12-4", "Monday", "2025-03-10 day"),
            (
                "on wednesday 4 oclock",
                "wednesday 4 oclock",
                "2025-03-05T04:00:00 hour",
            ),
            (
                "at 6 p.m. on Friday",
                "at 6 p.m. on Friday",
                "2025-03-07T18:00:00 hour",
            ),
        ],
        Some(reference()),
    );
}

#[test]
fn relative_expressions_resolve_towards_the_past() {
    check_positive(
        &[
            ("a year ago", "a year ago", "2024-03-10 day"),
            ("two weeks ago", "two weeks ago", "2025-02-24 day"),
            (
                "2 weeks and 2 days ago",
                "2 weeks and 2 days ago",
                "2025-02-22 day",
            ),
            ("last year", "last year", "2024-01-01 year"),
            ("last month", "last month", "2025-02-01 month"),
            ("last week", "last week", "2025-03-03 week"),
            ("next week", "next week", "2025-03-17 week"),
            ("yesterday", "yesterday", "2025-03-09 day"),
            ("today", "today", "2025-03-10 day"),
            ("tomorrow", "tomorrow", "2025-03-11 day"),
            ("on Friday", "Friday", "2025-03-07 day"),
            ("on Monday", "Monday", "2025-03-10 day"),
            ("last Wednesday", "last Wednesday", "2025-03-05 day"),
            ("next Friday", "next Friday", "2025-03-21 day"),
            (
                "earlier this month",
                "earlier this month",
                "2025-03-01 month",
            ),
            ("this year", "this year", "2025-01-01 year"),
            (
                "in the past year",
                "the past year",
                "2024-03-10..2025-03-10 day",
            ),
            (
                "the last 3 months",
                "the last 3 months",
                "2024-12-10..2025-03-10 day",
            ),
            ("next 3 days", "next 3 days", "2025-03-11..2025-03-14 day"),
            (
                "over the past decade",
                "the past decade",
                "2015-03-10..2025-03-10 day",
            ),
            (
                "between November and March",
                "between November and March",
                "2024-11-01..2025-04-01 month",
            ),
            (
                "the past two quarters",
                "the past two quarters",
                "2024-07-01..2025-01-01 quarter",
            ),
            ("next quarter", "next quarter", "2025-04-01 quarter"),
            (
                "the next decade",
                "the next decade",
                "2030-01-01..2040-01-01 year",
            ),
            ("in 2 weeks", "in 2 weeks", "2025-03-24 day"),
            ("in 5 minutes", "in 5 minutes", "2025-03-10T12:05:00 second"),
            ("3 days from today", "3 days from today", "2025-03-13 day"),
            (
                "within 9 months",
                "within 9 months",
                "2025-03-10..2025-12-10 day",
            ),
            (
                "since October last year",
                "since October last year",
                "2024-10-01.. month",
            ),
            (
                "the week after next",
                "the week after next",
                "2025-03-24 week",
            ),
            ("last easter", "last easter", "2024-03-31 day"),
            // An offset's anchor is its nearest occurrence.
            (
                "2 weeks before Christmas",
                "2 weeks before Christmas",
                "2024-12-11 day",
            ),
            (
                "3 days after January 12th",
                "3 days after January 12th",
                "2025-01-15 day",
            ),
            (
                "3 days from Tuesday",
                "3 days from Tuesday",
                "2025-03-14 day",
            ),
        ],
        Some(reference()),
    );
}

#[test]
fn open_intervals_and_ranges() {
    check_positive(
        &[
            ("since March 2024", "since March 2024", "2024-03-01.. month"),
            ("since tomorrow", "since tomorrow", "2025-03-11.. day"),
            ("after 2016", "after 2016", "2017-01-01.. year"),
            ("before 2018", "before 2018", "..2018-01-01 year"),
            // "until" and "by" include the named day.
            ("until 1 July 2024", "until 1 July 2024", "..2024-07-02 day"),
            ("by 1 July 2024", "by 1 July 2024", "..2024-07-02 day"),
            (
                "before end of 2024",
                "before end of 2024",
                "..2025-01-01 year",
            ),
            ("2012 or later", "2012 or later", "2012-01-01.. year"),
            ("later than 2018", "later than 2018", "2019-01-01.. year"),
            (
                "between 2022 and 2024",
                "between 2022 and 2024",
                "2022-01-01..2025-01-01 year",
            ),
            (
                "from May to July 2024",
                "from May to July 2024",
                "2024-05-01..2024-08-01 month",
            ),
            (
                "starting January 7th",
                "starting January 7th",
                "2025-01-07.. day",
            ),
        ],
        Some(reference()),
    );
}

#[test]
fn durations() {
    check_positive(
        &[
            ("for three years", "three years", "3 year"),
            ("six months", "six months", "6 month"),
            ("finished in 2:00:35 flat", "2:00:35", "7235 second"),
            ("leave for 3h", "3h", "3 hour"),
            ("for 3.5years", "3.5years", "3.5 year"),
            ("a fortnight.", "a fortnight", "2 week"),
            ("all day", "all day", "1 day"),
            ("24 hours", "24 hours", "24 hour"),
            ("an hour and a half", "an hour and a half", "1.5 hour"),
            ("half an hour", "half an hour", "0.5 hour"),
            ("two decades.", "two decades", "20 year"),
            ("2 hours 30 minutes", "2 hours 30 minutes", "9000 second"),
            ("a 3-min call", "3-min", "3 minute"),
            ("for 2 nights", "2 nights", "2 day"),
            ("a ½ hour call", "a ½ hour", "0.5 hour"),
            // Regression: "last" the verb is no "the last 3 months".
            ("it shouldn't last two hours", "two hours", "2 hour"),
        ],
        Some(reference()),
    );
}

/// Texts with no temporal expression in them (names, verbs, counts,
/// codes, phone numbers).
#[test]
fn no_false_positives() {
    let texts = [
        "Theresa May said the deal was done.",
        "Boris Johnson and May agreed.",
        "This may or may not be right.",
        "May I ask what this is for?",
        "They planned a march on Washington.",
        "The Sun reported the story.",
        "one of the largest",
        "a second-hand car",
        "COVID-19 cases rose.",
        "Call me at (206) 555-1212",
        "Tel: +86 138-2010-2015",
        "The ssn is 123-12-1234",
        "open 24/7",
        "0.8/15 looks like a formula",
        "8/1.5 looks like a formula",
        "a BUN/Cr of 30/4.85",
        "deliver 2000 pieces of toys.",
        "There are 10 students.",
        "a value of 2,014 was recorded",
        "Is this a valid date? 32-2015",
        "Is this a valid date? 2015-32",
        "This screen has a 4:3 aspect ratio.",
        "Show sales in the first week",
        "Have a great month.",
        "Nice day.",
        "day after day",
        "a second wave of infections",
        "I sat on the bench",
        "the $DEC token",
        "We've reached the end of the line",
        "schedule me a 1:1 meeting",
        "the 3D printer",
        "a woman in her 90s",
        "a man in his forties",
        "a three-year-old boy",
        "the 5-year-olds",
        "He died the day after the vote.",
        "it costs $2 a day",
        "it happens twice a year",
        "a fall of 2015 points",
        "voters aged 18-24",
        "Arsenal won 2-1",
        "version 1.2.3",
        "In 2,000 homes power failed.",
        "The 2000 people who came.",
        // Regression: number words the numeric family reads as a share and
        // an ordinal were taken as durations.
        "three quarters of voters",
        "the three hundred twenty second time",
    ];
    let mut failures = Vec::new();
    for text in texts {
        let found = temporal(text, Some(reference()));
        if !found.is_empty() {
            failures.push(format!("{text:?}: {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn impossible_dates_are_diagnosed_not_rolled_over() {
    for text in [
        "on 30 February 2024",
        "dated 2024-13-01",
        "on February 30, 2023",
    ] {
        let (mentions, diagnostics) = scan(text, Some(reference()));
        assert!(
            mentions
                .iter()
                .all(|m| !matches!(m.value, Value::Time { .. })),
            "{text}: {mentions:?}"
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::ImpossibleDate),
            "{text}: {diagnostics:?}"
        );
    }
}

#[test]
fn a_stated_weekday_is_checked() {
    let (mentions, diagnostics) = scan("Thursday, March 6, 2025", None);
    let Value::Time { period } = &mentions[0].value else {
        panic!("{mentions:?}")
    };
    assert!(period.weekday.is_some_and(|w| w.holds()));
    assert!(diagnostics.is_empty());

    let (mentions, diagnostics) = scan("Friday, March 6, 2025", None);
    let Value::Time { period } = &mentions[0].value else {
        panic!("{mentions:?}")
    };
    assert!(period.weekday.is_some_and(|w| !w.holds()));
    assert_eq!(period.start, Some(date(2025, 3, 6).at(0, 0, 0, 0)));
    assert_eq!(diagnostics[0].kind, DiagnosticKind::WeekdayMismatch);
}

#[test]
fn a_stated_weekday_chooses_the_year_left_out() {
    let reference = date(2025, 10, 1).at(0, 0, 0, 0);
    for (text, want, holds) in [
        // The latest 2 October up to the reference is in 2024, a
        // Wednesday; the coming one, in 2025, is a Thursday.
        ("on Thursday, 2 October", date(2025, 10, 2), true),
        ("on Wednesday, 24 September", date(2025, 9, 24), true),
        // No year within half a year of the reference fits (24 September
        // 2024 was a Tuesday, a year back): the usual reading, and the
        // weekday is wrong.
        ("on Tuesday, 24 September", date(2025, 9, 24), false),
        ("on Friday, 24 September", date(2025, 9, 24), false),
    ] {
        let (mentions, diagnostics) = scan(text, Some(reference));
        let Some(Value::Time { period }) = mentions.first().map(|m| &m.value) else {
            panic!("{text}: {mentions:?}")
        };
        assert_eq!(period.start, Some(want.at(0, 0, 0, 0)), "{text}");
        assert_eq!(period.weekday.map(|w| w.holds()), Some(holds), "{text}");
        assert_eq!(diagnostics.is_empty(), holds, "{text}: {diagnostics:?}");
    }
}

#[test]
fn relative_times_without_a_reference_stay_unresolved() {
    for text in ["last year", "two weeks ago", "on Aug. 9"] {
        let (mentions, diagnostics) = scan(text, None);
        let found: Vec<String> = mentions.iter().map(|m| render(&m.value)).collect();
        assert!(
            found.iter().any(|f| f.starts_with("unresolved")),
            "{text}: {found:?}"
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::UnresolvedTime),
            "{text}: {diagnostics:?}"
        );
    }
    // A fully stated date needs no reference.
    assert_eq!(
        temporal("1 July 2024", None),
        [("1 July 2024".into(), "2024-07-01 day".into())]
    );
}

#[test]
fn absurd_input_does_not_panic() {
    let long = "9".repeat(400);
    for text in [
        long.as_str(),
        "since since since",
        "between and",
        "99999-99-99",
        "32767/12/31 and 9999999999 years ago",
        "in 9999999999999 years",
        "Feb 29 0000",
        "é2024 — 2024é, «1 July 2024»",
        "week 99 of 2024",
        "the 99th century",
        "Q9 2024",
        "1e308 years ago",
        // Regression: a count past jiff's span range once panicked.
        "in 900000 years",
        "900000.5 years ago",
        "the next 99999 quarters",
    ] {
        let _ = scan(text, Some(reference()));
        let _ = scan(text, None);
    }
    // Regression: long runs of words that nest points must not exhaust
    // the stack.
    for unit in [
        "mid ",
        "3pm ",
        "3 days after ",
        "next ",
        "at 3pm on ",
        "Monday ",
        "since ",
        "between ",
        "the ",
        "early ",
    ] {
        let text = format!("{}2024 Monday", unit.repeat(1_000));
        let _ = scan(&text, Some(reference()));
    }
}

#[test]
fn easter_follows_the_computus() {
    for (y, m, d) in [
        (2018, 4, 1),
        (2019, 4, 21),
        (2020, 4, 12),
        (2024, 3, 31),
        (2025, 4, 20),
        (2000, 4, 23),
    ] {
        let text = format!("on Easter {y}");
        let want = format!("{:04}-{m:02}-{d:02} day", y);
        assert_eq!(
            temporal(&text, None),
            [(format!("Easter {y}"), want)],
            "{text}"
        );
    }
}

/// A lead word or a count in words is tried as a start only when the
/// word after it can go on: these follow one without starting anything
/// themselves.
#[test]
fn words_that_only_follow_a_lead_word() {
    check_positive(
        &[
            (
                "It fell more than two years ago.",
                "more than two years ago",
                "..2023-03-10 day",
            ),
            (
                "It fell greater than 3 days ago.",
                "greater than 3 days ago",
                "2025-03-08.. day",
            ),
            (
                "Prices rose since start of 2024.",
                "since start of 2024",
                "2024-01-01.. year",
            ),
            (
                "It rained in the fall of 2015.",
                "the fall of 2015",
                "2015-09-01..2015-12-01 month",
            ),
            (
                "No later than March 2024.",
                "No later than March 2024",
                "..2024-04-01 month",
            ),
            (
                "In the harbour, 3 boats sank on Tuesday.",
                "Tuesday",
                "2025-03-04 day",
            ),
            // After a count in words.
            (
                "It ended two and a half years ago.",
                "two and a half years ago",
                "2022-09-10 day",
            ),
            (
                "It lasted five point five years.",
                "five point five years",
                "5.5 year",
            ),
            (
                "In two thousand and fifteen it rained.",
                "two thousand and fifteen",
                "2015-01-01 year",
            ),
            ("It took half an hour.", "half an hour", "0.5 hour"),
        ],
        Some(reference()),
    );
}
