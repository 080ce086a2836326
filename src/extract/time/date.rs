//! Named periods of the calendar: dates, months, years, quarters, seasons,
//! decades, centuries and weeks, as the text states them. A date without a
//! year takes the latest such date not after the reference
//! ([`Anchor::YearInferred`](crate::period::Anchor)).
//!
//! # Grammar
//!
//! ```text
//! date      = [weekday [","]] day-date | weekday ["the"] day          (day of a recent month)
//!           | month-year | year-month | year | quarter | season | decade | century | week
//! day-date  = ["the"] day ["day"] ["of"] month [year-tail]                  "1 July 2024", "the 09th of May"
//!           | month ["/" | "-"] day [year-tail]                             "July 1, 2024", "Oct/2"
//!           | yyyy sep mm sep dd | yyyy sep month sep dd | yyyy "/" dd "/" month   "2025-03-07", "2019/aug/01"
//!           | a sep b sep (yy | yyyy)                                       "1/1/2016" (m/d/y unless a > 12; "." is d.m.y)
//!           | dd sep month sep yyyy | dd sep yyyy sep month | month sep dd sep yyyy | month sep yyyy sep dd
//!           | mm "/" dd                                                     "11/20", "22/04" (day in two digits)
//!           | yyyymmdd | yyyy " " mm " " dd
//! day       = ordinal-day | [0-9]{1,2} | cardinal-words
//! year-tail = ["," | "of" | "in"] (yyyy | year-words) | "of" yy
//! month-year= month ["," | "-" | "/" | "of"] (yyyy | year-words) | month "of" yy
//!           | month ("this" | "last" | "next") "year" | yyyy month | yyyy sep mm | mm sep yyyy
//! year      = yyyy                     (only after in/since/by/until/from/before/after/during/of/
//!                                       between/year, after "and"/"or"/"to" following a year, or before "'s")
//!           | ["calendar"] "year" yyyy
//! quarter   = "q"n [sep] yyyy | yyyy [sep] "q"n | "q"n | ["the"] ordinal "quarter" "of" (yyyy | ["the" | "this" | "next" | "last"] "year")
//! season    = ["the"] season ["of"] yyyy
//! decade    = ["the"] yyyy "s" | yyyy " s" | yy " s" | "'"yy"s"   (a year ending in 0)
//! century   = ["the"] ordinal "century" | "the" yy"00s"
//! week      = ["the"] "week" ["of"] n ["of" year-point] | ["the"] ("week of" | "w/c" | "week" ("beginning" | "starting" | "commencing") ["on"]) day-point
//!           | ["the"] (ordinal | "last") ("week" | "month") "of" period-point
//! holiday   = [which] name [yyyy]   name = "christmas" ["eve" | "day"] | "new year's" ("day" | "eve")
//!           | "easter" ["sunday" | "monday"] | "good friday" | "thanksgiving" | "black friday"
//!           | "independence day" | "valentine's day" | "st patrick's day" | "earth day"
//!           | "halloween" | "juneteenth"             (Easter by the Gregorian computus)
//! ```

use jiff::civil::Date;

use super::calendar::{self, Lean, Point, check, full_year, midnight};
use super::lex::{
    self, Found, blank, cardinal_words, continues_left, continues_right, digit_run, glued, kw,
    number, opt_kw, punct, tight, word, word_before,
};
use super::token::{Roles, Token, key};
use super::words::{self, MonthName, month, ordinal, ordinal_word, season, weekday};
use super::{Env, relative};
use crate::period::Grain;

type Dated<'a> = Found<'a, Result<Point, String>>;

/// The longest named period at the start of `s`.
pub(super) fn date<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let s = blank(s);
    let (t, after) = env.next(s);
    let mut best: Dated<'a> = None;
    let mut keep = |found: Dated<'a>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    if t.is_digits() {
        if continues_left(env.text, env.offset(s)) {
            return None;
        }
        // Each reading only where the run of digits has its length: a
        // year or a decade four digits, a compact date eight, a day, a
        // month or an ordinal one or two.
        let digits = t.len;
        if digits == 4 {
            keep(year_first(env, s));
            keep(year_alone(env, s).map(ok));
        }
        if digits == 2 || digits == 4 {
            keep(decade(env, s).map(ok));
        }
        if digits <= 2 || digits == 8 {
            keep(numeric(env, s, false));
        }
        if digits <= 2 {
            keep(day_month(env, s));
            let then = after_ordinal(env, s);
            if then.is(key!("century")) {
                keep(century(s).map(ok));
            }
            if then.is(key!("week")) || then.is(key!("month")) {
                keep(week(env, s).map(ok));
            }
            if then.is(key!("quarter")) {
                keep(quarter(env, s).map(ok));
            }
        }
    } else if t.is_word() {
        let number_word = t.has(Roles::NUMBER);
        if t.has(Roles::WEEKDAY) {
            keep(weekday_date(env, s));
        }
        if t.has(Roles::MONTH) {
            keep(month_first(env, s));
        }
        let mut then = Token::END;
        if number_word {
            keep(day_month(env, s));
            keep(year_in_words(env, s).map(ok));
            then = after_ordinal(env, s);
        }
        if t.is(key!("q")) || then.is(key!("quarter")) {
            keep(quarter(env, s).map(ok));
        }
        if t.is(key!("h")) || then.is(key!("half")) {
            keep(half_year(env, s).map(ok));
        }
        if t.has(Roles::SEASON) {
            keep(season_year(s).map(ok));
        }
        if t.is(key!("w"))
            || t.is(key!("week"))
            || t.is(key!("last"))
            || then.is(key!("week"))
            || then.is(key!("month"))
        {
            keep(week(env, s).map(ok));
        }
        if t.is(key!("the")) || t.is(key!("calendar")) || t.is(key!("year")) {
            keep(the_year(s).map(ok));
        }
        if t.has(Roles::DECADE) {
            keep(decade_word(env, s).map(ok));
        }
        if !number_word && may_name_holiday(env, t, after) {
            keep(holiday(env, s).map(ok));
        }
        // "mid-2023", "early March", "late 2024": the stretch named; the
        // word narrows it only loosely, so the period stays whole.
        if (t.is(key!("early")) || t.is(key!("mid")) || t.is(key!("late")))
            && let Some((r, _)) = word(s)
        {
            let r = r.strip_prefix('-').unwrap_or(r);
            // One such word only: "mid mid mid ..." must not recurse.
            let repeated = word(r).is_some_and(|(_, w2)| {
                ["early", "mid", "late"]
                    .iter()
                    .any(|k| w2.eq_ignore_ascii_case(k))
            });
            if !repeated
                && let Some((rest, Ok(p))) = date(env, r)
                && matches!(p.grain, Grain::Month | Grain::Year)
            {
                keep(Some((rest, Ok(p))));
            }
        }
        if t.is(key!("the")) && !t.glued {
            let r = after;
            // Each reading after "the" only where its first word fits.
            let (t, _) = env.next(r);
            let digits = t.is_digits();
            // Ordinals in words are number words too.
            let counts = digits || t.has(Roles::NUMBER);
            let then = if counts {
                after_ordinal(env, r)
            } else {
                Token::END
            };
            if digits || t.is_symbol('\'') || t.is_symbol('’') {
                keep(decade(env, r).map(ok));
            }
            if t.has(Roles::DECADE) {
                keep(decade_word(env, r).map(ok));
            }
            if then.is(key!("century")) {
                keep(century(r).map(ok));
            }
            if counts {
                keep(day_month(env, r));
            }
            if t.is(key!("q")) || then.is(key!("quarter")) {
                keep(quarter(env, r).map(ok));
            }
            if t.is(key!("h")) || then.is(key!("half")) {
                keep(half_year(env, r).map(ok));
            }
            if t.has(Roles::SEASON) {
                keep(season_year(r).map(ok));
            }
            if t.is(key!("w"))
                || t.is(key!("week"))
                || t.is(key!("last"))
                || then.is(key!("week"))
                || then.is(key!("month"))
            {
                keep(week(env, r).map(ok));
            }
        }
    }
    let (rest, p) = best?;
    // A date never runs on into a longer token ("2015-1-32", "8/1.5").
    (!continues_right(rest)).then_some((rest, p))
}

/// The word after an ordinal at the start of `s` ("quarter" of "third
/// quarter"): the readings an ordinal leads ("21st century", "the third
/// quarter of 2024", "the first half of 2024", "3rd week of Jan", "the
/// third month of 2021") are tried only when it names theirs.
fn after_ordinal(env: &Env, s: &str) -> Token {
    let t = env.next(s).0;
    if !(t.is_digits() || t.has(Roles::ORDINAL)) {
        return Token::END;
    }
    ordinal(s).map_or(Token::END, |(r, _)| env.next(r).0)
}

/// Whether a holiday can be named from the token `t` on (`after` is the
/// input after it): its first word, or "this"/"last"/"next" before it.
fn may_name_holiday(env: &Env, t: Token, after: &str) -> bool {
    if t.has(Roles::HOLIDAY) {
        return true;
    }
    // "this past Christmas": up to two words of [`relative::which`].
    t.has(Roles::WHICH) && env.next(after).0.has(Roles::HOLIDAY | Roles::WHICH)
}

fn ok<T>((rest, p): (&str, T)) -> (&str, Result<T, String>) {
    (rest, Ok(p))
}

/// A calendar date, or the message for one that does not exist.
fn ymd(year: i16, month: i8, day: u32) -> Result<Date, String> {
    let d = i8::try_from(day).map_err(|_| format!("day {day} does not exist"))?;
    Date::new(year, month, d)
        .map_err(|_| format!("{year:04}-{month:02}-{day:02} is not a date on the calendar"))
}

fn day_of(date: Result<Date, String>) -> Result<Point, String> {
    let d = date?;
    Point::day(d).ok_or_else(|| "date out of range".to_string())
}

/// The day `month`/`day` with the year left out: the latest such day not
/// after the reference.
fn inferred_day(env: &Env, month: i8, day: u32) -> Result<Point, String> {
    let d = i8::try_from(day).map_err(|_| "no such day".to_string())?;
    if Date::new(2000, month, d).is_err() {
        return Err(format!("day {day} of month {month} does not exist"));
    }
    env.infer_year(|y| Point::day(Date::new(y, month, d).ok()?))
        .map(|p| p.lean(Lean::Year))
        .ok_or_else(|| "no such day".to_string())
}

/// A four-digit year, 1000–2999.
fn year4(s: &str) -> Found<'_, i16> {
    let (rest, y) = number(s, 4, 4)?;
    (1000..=2999).contains(&y).then_some((rest, y as i16))
}

/// A year in words ("two thousand and fifteen", "nineteen eighty six").
fn year_words<'a>(env: &Env, s: &'a str) -> Found<'a, i16> {
    let (rest, v) = cardinal_words(env, s)?;
    if v.fract() == 0.0 && (1000.0..=2999.0).contains(&v) {
        return Some((rest, v as i16));
    }
    // "nineteen eighty six": a century then a year of it.
    if v.fract() == 0.0 && (10.0..=29.0).contains(&v) {
        let (rest, w) = cardinal_words(env, rest)?;
        if w.fract() == 0.0 && (1.0..=99.0).contains(&w) {
            return Some((rest, (v * 100.0 + w) as i16));
        }
    }
    None
}

/// The year after a day and month: ", 2024", " 2024", " of 1995", " in
/// 2020", " of 87".
fn year_tail<'a>(env: &Env, s: &'a str) -> Found<'a, i16> {
    let (r, of) = match kw(s, "of").or_else(|| kw(s, "in")) {
        Some(r) => (r, true),
        None => (punct(s, ',').unwrap_or(s), false),
    };
    if let Some(found) = year4(r).or_else(|| year_words(env, r)) {
        return Some(found);
    }
    if of {
        let r = blank(r);
        let r = r.strip_prefix('\'').unwrap_or(r);
        let (rest, yy) = number(r, 2, 2)?;
        return Some((rest, full_year(yy)));
    }
    None
}

/// A day of the month: "4", "04th", "fourth", "twenty nine".
fn day_number<'a>(env: &Env, s: &'a str) -> Found<'a, u32> {
    let s = blank(s);
    let t = env.next(s).0;
    if t.is_digits() {
        if let Some(found) = words::ordinal_digits(s) {
            return Some(found);
        }
        let (rest, d) = number(s, 1, 2)?;
        return Some((rest, d));
    }
    if t.has(Roles::ORDINAL)
        && let Some(found) = ordinal_word(s)
    {
        return Some(found);
    }
    let (rest, v) = cardinal_words(env, s)?;
    (v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some((rest, v as u32))
}

/// "1 July 2024", "04th Jan 2019", "the 09th of May", "second of Aug",
/// "twenty third day of September", "19 June".
fn day_month<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let (r, day) = day_number(env, s)?;
    // Only the end of a range of days, "day", "of" or a month goes on.
    let t = env.next(r).0;
    if !(t.has(Roles::MONTH)
        || t.is_symbol('-')
        || t.is_symbol('–')
        || t.is(key!("to"))
        || t.is(key!("day"))
        || t.is(key!("of")))
    {
        return None;
    }
    // "5-7 March 2024": a stretch of days.
    if let Some((r2, last)) = day_range_end(r, day) {
        let (r3, m) = month(r2)?;
        return Some(match year_tail(env, r3) {
            Some((rest, y)) => (rest, day_range(ymd(y, m.number, day), last)),
            None => (
                r3,
                inferred_day(env, m.number, day).and_then(|p| {
                    let mut q = day_range(Ok(p.date()), last)?;
                    q.lean = p.lean;
                    Ok(q)
                }),
            ),
        });
    }
    let worded = !blank(s).starts_with(|c: char| c.is_ascii_digit());
    let ordinal_word = worded && ordinal_word(s).is_some();
    let r = opt_kw(r, "day");
    let (r, of) = match kw(r, "of") {
        Some(r) => (r, true),
        None => (r, false),
    };
    // An ordinal in words is a date only with "of" ("second of Aug"),
    // never in "second-hand" or "a second March"; a count in words only
    // with a year ("fifteen August nineteen ninety three").
    if ordinal_word && !of {
        return None;
    }
    if of {
        // "the 15th day of next month", "the thirty-first day of the month"
        let (r2, shift) = match relative::this_next_last(r) {
            Some(found) => found,
            None => (kw(r, "the").unwrap_or(""), 0),
        };
        if let Some(rest) = kw(r2, "month") {
            let first = env.today().first_of_month();
            let first = first.checked_add(jiff::Span::new().months(shift)).ok()?;
            let p = day_of(ymd(first.year(), first.month(), day)).map(|p| p.lean(Lean::Relative));
            return Some((rest, p));
        }
    }
    let (r, m) = month(r)?;
    if let Some((rest, y)) = year_tail(env, r) {
        return Some((rest, day_of(ymd(y, m.number, day))));
    }
    if worded && !ordinal_word {
        return None;
    }
    Some((r, inferred_day(env, m.number, day)))
}

/// The last day of a stretch of days after its first: "-7", "–7", " to
/// 7th". It must come after the first and be a day of the month.
fn day_range_end(s: &str, first: u32) -> Found<'_, u32> {
    let r = punct(s, '-')
        .or_else(|| punct(s, '–'))
        .or_else(|| kw(s, "to"))?;
    let (rest, last) = words::ordinal_digits(r).or_else(|| number(r, 1, 2))?;
    (last > first && last <= 31).then_some((rest, last))
}

/// The days from `first` to day `last` of its month, inclusive.
fn day_range(first: Result<Date, String>, last: u32) -> Result<Point, String> {
    let first = first?;
    let end = ymd(first.year(), first.month(), last)?
        .tomorrow()
        .map_err(|_| "date out of range".to_string())?;
    Point::stretch(midnight(first), midnight(end), Grain::Day)
        .ok_or_else(|| "empty stretch of days".to_string())
}

/// Forms led by a month name: "July 1, 2024", "Dec. 31 , 1994", "Oct/2",
/// "Sep-23-2020", "September-2020-23", "March 2024", "Dec-2018", "April
/// of 87", "October last year", and the month alone where context allows.
fn month_first<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let (r, m) = month(s)?;
    // Most month names stand alone or before a day or a year: the
    // readings after them are tried only where the next token fits.
    let next = env.next(r).0;
    let count = next.is_digits() || next.has(Roles::NUMBER);
    let mut best: Dated<'a> = None;
    let mut keep = |found: Dated<'a>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    // Month, day, optional year.
    let sep = r
        .strip_prefix('/')
        .or_else(|| r.strip_prefix('-'))
        .filter(|x| x.starts_with(|c: char| c.is_ascii_digit()));
    let after_sep = sep.unwrap_or(r);
    let day = (sep.is_some() || count || next.is_symbol(','))
        .then(|| {
            day_number(env, after_sep).or_else(|| {
                // "October, 1st"
                words::ordinal_digits(punct(r, ',')?)
            })
        })
        .flatten();
    if let Some((r2, day)) = day {
        // "March 5-7, 2024": a stretch of days.
        if let Some((r3, last)) = day_range_end(r2, day).filter(|_| sep.is_none()) {
            match year_tail(env, r3) {
                Some((rest, y)) => keep(Some((rest, day_range(ymd(y, m.number, day), last)))),
                None => keep(Some((
                    r3,
                    inferred_day(env, m.number, day).and_then(|p| {
                        let mut q = day_range(Ok(p.date()), last)?;
                        q.lean = p.lean;
                        Ok(q)
                    }),
                ))),
            }
        }
        if let Some(r3) = sep.and(tight(r2, if r.starts_with('/') { '/' } else { '-' })) {
            // "Sep-23-2020"
            if let Some((rest, y)) = year4(r3) {
                keep(Some((rest, day_of(ymd(y, m.number, day)))));
            }
        }
        match year_tail(env, r2) {
            Some((rest, y)) => keep(Some((rest, day_of(ymd(y, m.number, day))))),
            None => keep(Some((r2, inferred_day(env, m.number, day)))),
        }
    }
    // "September-2020-23"
    if let Some(r2) = sep
        && let Some((r3, y)) = year4(r2)
        && let Some((rest, day)) = tight(r3, '-').and_then(|x| number(x, 1, 2))
    {
        keep(Some((rest, day_of(ymd(y, m.number, day)))));
    }
    // Month and year.
    let year_next = count
        || next.is_symbol('-')
        || next.is_symbol('/')
        || next.is_symbol(',')
        || next.is(key!("of"));
    if year_next {
        let ry = r
            .strip_prefix(['-', '/'])
            .or_else(|| kw(r, "of"))
            .or_else(|| punct(r, ','))
            .unwrap_or(r);
        if let Some((rest, y)) = year4(ry).or_else(|| year_words(env, ry)) {
            keep(month_point(y, m.number).map(|p| (rest, Ok(p))));
        } else if let Some(rof) = kw(r, "of") {
            let rof = blank(rof);
            let rof = rof.strip_prefix('\'').unwrap_or(rof);
            if let Some((rest, yy)) = number(rof, 2, 2) {
                keep(month_point(full_year(yy), m.number).map(|p| (rest, Ok(p))));
            }
        }
    }
    // "October last year"
    if next.has(Roles::WHICH)
        && let Some((r2, shift)) = relative::this_next_last(r)
        && let Some(rest) = kw(r2, "year")
    {
        let y = env.today().year().checked_add(shift as i16);
        keep(
            y.and_then(|y| month_point(y, m.number))
                .map(|p| (rest, Ok(p.lean(Lean::Relative)))),
        );
    }
    // The month alone.
    if month_alone_fits(env, s, m) {
        let p = env.infer_year(|y| month_point(y, m.number));
        keep(p.map(|p| (r, Ok(p.lean(Lean::Year)))));
    }
    best
}

/// A month name alone is a date when it is a plain full name ("July"), or
/// after a preposition that takes a time ("in may", "since March").
fn month_alone_fits(env: &Env, s: &str, m: MonthName) -> bool {
    if !m.doubtful {
        return true;
    }
    let at = env.offset(s);
    if env.text[..at].ends_with(['$', '#', '@']) {
        return false;
    }
    // "this May" is a month, "This may take" a verb: after a determiner
    // the name must be capitalised.
    let capital = s.starts_with(|c: char| c.is_ascii_uppercase());
    word_before(env.text, at).is_some_and(|w| {
        let after = |ks: &[&str]| ks.iter().any(|k| w.eq_ignore_ascii_case(k));
        after(&[
            "in", "since", "from", "until", "till", "by", "of", "during", "through", "before",
            "after", "between", "early", "mid", "late",
        ]) || (capital && after(&["this", "last", "next", "the"]))
            // The second end of a range ("between April and May").
            || (env.range_end.get() && after(&["and", "to", "until", "through"]))
    })
}

/// The month `month` of `year`.
pub(super) fn month_point(year: i16, month: i8) -> Option<Point> {
    Point::instant(midnight(Date::new(year, month, 1).ok()?), Grain::Month)
}

/// The year `year`.
pub(super) fn year_point(year: i16) -> Option<Point> {
    Point::instant(midnight(Date::new(year, 1, 1).ok()?), Grain::Year)
}

/// "Thursday, March 6, 2025", "Tue May 9", "friday 5/12", "Monday 21",
/// "tues the 4th": a date with its weekday, checked against the calendar.
/// A day whose year was left out is put in the latest year not after the
/// reference; when its stated weekday does not fit that year but fits the
/// year before or after, the writer meant that one: "a meeting on
/// Thursday, 2 October" in a report of 1 October 2025 is 2 October 2025, a
/// Thursday, not 2 October 2024, a Wednesday. Only a year that puts the
/// day within half a year of the reference can be meant by a date without
/// one; of those that fit, the nearest wins. When none fits, the reading
/// stays (and the weekday is reported as wrong: "Tuesday March 7" in a
/// note of 14 March 2018 is 7 March 2018, a Wednesday, not 7 March 2017).
fn weekday_year(env: &Env, wd: jiff::civil::Weekday, p: Point) -> Point {
    /// Half a year of 365 days, in seconds: a bound on a distance, not a
    /// date computation.
    const HALF_YEAR_SECONDS: i64 = 365 * 24 * 3600 / 2;
    let d = p.date();
    if p.lean != Lean::Year || d.weekday() == wd {
        return p;
    }
    let reference = env.year_reference();
    let fits = (-1i16..=1)
        .filter_map(|k| Date::new(reference.year().checked_add(k)?, d.month(), d.day()).ok())
        .filter(|c| c.weekday() == wd)
        .map(|c| {
            let distance = reference
                .duration_until(c.to_datetime(jiff::civil::Time::midnight()))
                .as_secs()
                .abs();
            (distance, c)
        })
        .filter(|&(distance, _)| distance <= HALF_YEAR_SECONDS)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c);
    fits.and_then(Point::day).map_or(p, |q| q.lean(Lean::Year))
}

fn weekday_date<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let (r, (wd, _)) = weekday(s)?;
    let r = punct(r, ',').unwrap_or(r);
    let r = opt_kw(r, "the");
    // A day, a month or a date comes next, or nothing does.
    let t = env.next(r).0;
    if !(t.is_digits() || t.has(Roles::MONTH | Roles::NUMBER)) {
        return None;
    }
    let dated = [
        month_first(env, r),
        day_month(env, r),
        numeric(env, blank(r), true),
    ]
    .into_iter()
    .flatten()
    .filter(|(_, p)| p.as_ref().map_or(true, Point::is_day))
    .min_by_key(|(rest, _)| rest.len());
    if let Some((rest, p)) = dated {
        return Some((
            rest,
            p.map(|p| {
                let mut p = weekday_year(env, wd, p);
                p.weekday = Some(check(wd, p.date()));
                p
            }),
        ));
    }
    // "Monday 21": the latest month, from the reference's back, whose
    // 21st is a Monday.
    let (rest, day) = words::ordinal(r).or_else(|| number(r, 1, 2))?;
    // "Monday two weeks from now", "Saturday 3 days from now": a count;
    // "wednesday 4 oclock", "Thursday 1 pm": a time of day.
    if words::unit_word(rest).is_some() || super::clock::clock(r).is_some() {
        return None;
    }
    let day = i8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    let reference = env.year_reference().date();
    let mut month = reference.first_of_month();
    for _ in 0..48 {
        if let Ok(d) = Date::new(month.year(), month.month(), day)
            && d.weekday() == wd
        {
            let mut p = Point::day(d)?.lean(Lean::Year);
            p.weekday = Some(check(wd, d));
            return Some((rest, Ok(p)));
        }
        month = month.checked_sub(jiff::Span::new().months(1)).ok()?;
    }
    None
}

/// Dates in digits: "2025-03-07", "1/1/2016", "23.04.2022", "5/3/18",
/// "11/20", "12-2015", "2015-3", "20161016", "05-Aug-2016", "23/Sep/2020",
/// "23-2020-September". `after_weekday` admits short forms a weekday makes
/// safe ("Friday 7.6").
fn numeric<'a>(env: &Env, s: &'a str, after_weekday: bool) -> Dated<'a> {
    let (r, a_text) = digit_run(s)?;
    if glued(r) {
        return None;
    }
    let a: u32 = a_text.parse().ok()?;
    if a_text.len() == 8 {
        // "20161016"
        let (y, m, d) = (a / 10_000, a / 100 % 100, a % 100);
        if !(1900..=2099).contains(&y) {
            return None;
        }
        let date = Date::new(y as i16, m as i8, d as i8).ok()?;
        return Some((r, day_of(Ok(date))));
    }
    if a_text.len() > 2 {
        return None;
    }
    let sep = r.chars().next().filter(|c| matches!(c, '/' | '-' | '.'))?;
    let r = &r[1..];
    // a sep month-name sep yyyy: "05-Aug-2016", "23/Sep/2020".
    if let Some((r2, m)) = month(r) {
        let (rest, y) = tight(r2, sep).and_then(year4)?;
        return Some((rest, day_of(ymd(y, m.number, a))));
    }
    let (r2, b_text) = digit_run(r)?;
    let b: u32 = b_text.parse().ok()?;
    if b_text.len() == 4 {
        let y = b as i16;
        // "23-2020-September"
        if let Some((rest, m)) = tight(r2, sep).and_then(month) {
            return Some((rest, day_of(ymd(y, m.number, a))));
        }
        // "12-2015": a month and year.
        if glued(r2) || !(1..=12).contains(&a) || !(1000..=2999).contains(&b) {
            return None;
        }
        return Some((r2, Ok(month_point(y, a as i8)?)));
    }
    if b_text.len() > 2 || glued(r2) {
        return None;
    }
    if let Some(r3) = tight(r2, sep) {
        let (rest, c_text) = digit_run(r3)?;
        if glued(rest) || !(c_text.len() == 2 || c_text.len() == 4) {
            return None;
        }
        let c: u32 = c_text.parse().ok()?;
        let year = if c_text.len() == 4 {
            c as i16
        } else {
            full_year(c)
        };
        let (month, day) = if a > 12 || sep == '.' { (b, a) } else { (a, b) };
        let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        return Some((rest, day_of(ymd(year, month, day))));
    }
    // Day and month with no year.
    // "Monday 12-4" is a span of hours, not 4 December.
    if sep == '-' || (sep == '.' && !after_weekday) {
        return None;
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    // "24/7", "1/2": short second parts are fractions and slogans.
    if b_text.len() < 2 && !after_weekday {
        return None;
    }
    let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    if !(1..=31).contains(&day) {
        return None;
    }
    Some((r2, inferred_day(env, month, day)))
}

/// Forms led by a four-digit year: "2025-03-07", "2019/aug/01",
/// "2020/23/Sep", "2015-3", "2016 10 16", "2017 april", "2019 q3".
fn year_first<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let (r, y) = year4(s).or_else(|| {
        let (r, d) = digit_run(s)?;
        (d.len() == 4 && !glued(r)).then(|| (r, d.parse::<i16>().unwrap_or(0)))
    })?;
    // A separator, digits, a month or a quarter comes next.
    let t = env.next(r).0;
    if !(r.starts_with(['/', '-', '.', '–'])
        || t.is_digits()
        || t.has(Roles::MONTH)
        || t.is(key!("q")))
    {
        return None;
    }
    let mut best: Dated<'a> = None;
    let mut keep = |found: Dated<'a>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    if let Some(sep) = r.chars().next().filter(|c| matches!(c, '/' | '-' | '.')) {
        let r1 = &r[1..];
        if let Some((r2, m)) = month(r1) {
            // "2019/aug/01"
            if let Some((rest, d)) = tight(r2, sep).and_then(|x| number(x, 1, 2)) {
                keep(Some((rest, day_of(ymd(y, m.number, d)))));
            }
        } else if let Some((r2, m)) = number(r1, 1, 2) {
            if let Some(r3) = tight(r2, sep) {
                if let Some((rest, d)) = number(r3, 1, 2) {
                    // "2025-03-07"; a month or day out of range is an
                    // impossible date, not another reading.
                    if (1000..=2999).contains(&y) {
                        let m = i8::try_from(m).unwrap_or(99);
                        let date = if (1..=12).contains(&m) {
                            ymd(y, m, d)
                        } else {
                            Err(format!("{y:04}-{m:02}-{d:02} has no month {m}"))
                        };
                        keep(Some((rest, day_of(date))));
                    }
                } else if let Some((rest, mo)) = month(r3) {
                    // "2020/23/Sep"
                    keep(Some((rest, day_of(ymd(y, mo.number, m)))));
                }
            } else if sep != '.' && (1..=12).contains(&m) && (1000..=2999).contains(&y) {
                // "2015-3": a month.
                keep(month_point(y, m as i8).map(|p| (r2, Ok(p))));
            }
        }
    }
    // "2016 10 16"
    if let Some((r2, m)) = number(r, 2, 2)
        && let Some((rest, d)) = number(r2, 2, 2)
        && let (Ok(date), true) = (ymd(y, m as i8, d), (1900..=2099).contains(&y))
    {
        keep(Some((rest, day_of(Ok(date)))));
    }
    // "2019-2021", "2019–20", "2023/24": a stretch of years (a month
    // reading, "2015-12", comes first).
    if let Some(sep) = r.chars().next().filter(|c| matches!(c, '-' | '–' | '/')) {
        let r1 = &r[sep.len_utf8()..];
        if let Some((rest, d)) = digit_run(r1).filter(|(rest, _)| !glued(rest)) {
            let end: Option<i16> = match d.len() {
                4 => d.parse().ok(),
                2 => d.parse::<i16>().ok().map(|yy| y - y % 100 + yy),
                _ => None,
            };
            let short = d.len() == 2;
            if let Some(end) = end.filter(|&e| {
                e > y && (1900..=2099).contains(&y) && e - y <= if short { 9 } else { 100 }
            }) && !(short && (1..=12).contains(&(end % 100)) && sep != '/')
            {
                let start = midnight(Date::new(y, 1, 1).ok()?);
                let stop = midnight(Date::new(end.checked_add(1)?, 1, 1).ok()?);
                keep(Point::stretch(start, stop, Grain::Year).map(|p| (rest, Ok(p))));
            }
        }
    }
    // "2017 april"
    if let Some((rest, m)) = month(r)
        && !glued(rest)
        && (1000..=2999).contains(&y)
    {
        keep(month_point(y, m.number).map(|p| (rest, Ok(p))));
    }
    // "2019 q3", "2017-q1"
    let rq = r.strip_prefix('-').unwrap_or(r);
    if let Some((rest, q)) = quarter_word(rq) {
        keep(quarter_point(y, q).map(|p| (rest, Ok(p))));
    }
    let _ = env;
    best
}

/// Words before a bare year that say it is a year.
const YEAR_CONTEXT: [&str; 20] = [
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "during",
    "of",
    "between",
    "year",
    "early",
    "mid",
    "late",
    "than",
    "around",
    "circa",
    "throughout",
    "through",
];

/// A bare four-digit year where the context says year: "in 2014", "since
/// 2011", "2014's", "in 2007 and 2009".
fn year_alone<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (rest, y) = year4(s)?;
    let at = env.offset(s);
    let possessive = rest.starts_with("'s") || rest.starts_with("’s");
    let before = word_before(env.text, at);
    let strong = before.is_some_and(|w| YEAR_CONTEXT.iter().any(|k| w.eq_ignore_ascii_case(k)));
    let listed = before.is_some_and(|w| {
        ["and", "or", "to", "through", "until"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
            && {
                let w_at = w.as_ptr() as usize - env.text.as_ptr() as usize;
                word_before(env.text, w_at).is_some_and(|p| {
                    p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
                })
            }
    });
    if !(strong || listed || possessive) {
        return None;
    }
    // Outside 1900–2099 a year needs a preposition and nothing counted
    // after it ("in 2150, right?" but not "in 1500 cases").
    let modern = (1900..=2099).contains(&y);
    if counted_after(rest) || (!modern && (!strong || word(rest).is_some())) {
        return None;
    }
    // "2,014" and "2014.5" are numbers.
    if rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = if possessive {
        rest.get(rest.find('s')? + 1..)?
    } else {
        rest
    };
    Some((rest, year_point(y)?))
}

/// Whether the next word looks like a plural noun being counted ("2000
/// pieces").
fn counted_after(rest: &str) -> bool {
    let Some((_, w)) = word(rest) else {
        return false;
    };
    let lower = w.as_bytes();
    if !lower[0].is_ascii_lowercase() {
        return false;
    }
    let plural = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    plural || ["people", "men", "women", "children", "persons"].contains(&w)
}

/// A four-digit year with no context, for callers whose own words say
/// year ("2018 or later").
pub(super) fn bare_year(s: &str) -> Found<'_, Point> {
    let (rest, y) = year4(s)?;
    Some((rest, year_point(y)?))
}

/// "the year 2008", "year 2008", "calendar year 2008".
fn the_year(s: &str) -> Found<'_, Point> {
    let r = opt_kw(s, "the");
    let r = opt_kw(r, "calendar");
    let r = kw(r, "year")?;
    let r = opt_kw(r, "of");
    let (rest, y) = year4(r)?;
    Some((rest, year_point(y)?))
}

/// "q3" → 3.
fn quarter_word(s: &str) -> Found<'_, i8> {
    let (rest, w) = word_digits(s)?;
    let q = w.strip_prefix(['q', 'Q'])?;
    let q: i8 = q.parse().ok()?;
    (1..=4).contains(&q).then_some((rest, q))
}

/// A word of letters then digits ("q3"), after blanks.
fn word_digits(s: &str) -> Found<'_, &str> {
    let s = blank(s);
    let n = s
        .bytes()
        .take(8)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if n == 0 || glued(&s[n..]) {
        return None;
    }
    Some((&s[n..], &s[..n]))
}

/// Quarter `q` of `year`.
pub(super) fn quarter_point(year: i16, q: i8) -> Option<Point> {
    let start = Date::new(year, (q - 1) * 3 + 1, 1).ok()?;
    Point::instant(midnight(start), Grain::Quarter)
}

/// "Q3 2024", "q1-2019", "q1" (year inferred), "the third quarter of
/// 2024", "1st quarter of 2013", "the first quarter of the year".
fn quarter<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    if let Some((r, q)) = quarter_word(s) {
        let ry = r.strip_prefix('-').unwrap_or(r);
        let ry = opt_kw(ry, "of");
        if let Some((rest, y)) = year4(ry) {
            return Some((rest, quarter_point(y, q)?));
        }
        let p = env.infer_year(|y| quarter_point(y, q))?;
        return Some((r, p.lean(Lean::Year)));
    }
    let (r, n) = ordinal(s)?;
    let q = i8::try_from(n).ok().filter(|q| (1..=4).contains(q))?;
    let r = kw(r, "quarter")?;
    let r = kw(r, "of")?;
    let (rest, (y, lean)) = year_of(env, r)?;
    Some((rest, quarter_point(y, q)?.lean(lean)))
}

/// "the first half of 2024", "the second half of the year", "H1 2024":
/// six months, counted in months.
fn half_year<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let h_word = word_digits(s).and_then(|(r, w)| match w {
        "H1" | "h1" => Some((r, 1)),
        "H2" | "h2" => Some((r, 2)),
        _ => None,
    });
    let (rest, (half, year, lean)) = if let Some((r, h)) = h_word {
        let (rest, y) = year4(r)?;
        (rest, (h, y, Lean::Stated))
    } else {
        let (r, n) = ordinal(s)?;
        let r = kw(r, "half")?;
        let r = kw(r, "of")?;
        let (rest, (y, lean)) = year_of(env, r)?;
        (rest, (n, y, lean))
    };
    if !(1..=2).contains(&half) {
        return None;
    }
    let start = Date::new(year, if half == 1 { 1 } else { 7 }, 1).ok()?;
    let end = start.checked_add(jiff::Span::new().months(6)).ok()?;
    let p = Point::stretch(midnight(start), midnight(end), Grain::Month)?;
    Some((rest, p.lean(lean)))
}

/// The year of "of 2024", "of the year", "of this year", "of next year",
/// "of last year".
fn year_of<'a>(env: &Env, s: &'a str) -> Found<'a, (i16, Lean)> {
    if let Some((rest, y)) = year4(s) {
        return Some((rest, (y, Lean::Stated)));
    }
    let (r, shift) = match relative::this_next_last(s) {
        Some(found) => found,
        None => (kw(s, "the")?, 0),
    };
    let rest = kw(r, "year")?;
    let y = env.today().year().checked_add(shift as i16)?;
    Some((rest, (y, Lean::Relative)))
}

/// "summer of 2024", "summer 2024": meteorological seasons, as months.
fn season_year(s: &str) -> Found<'_, Point> {
    let (r, m) = season(s)?;
    let r = opt_kw(r, "of");
    let (rest, y) = year4(r)?;
    // "a fall of 2015 points" is not autumn.
    if counted_after(rest) {
        return None;
    }
    let start = Date::new(y, m, 1).ok()?;
    let end = start.checked_add(jiff::Span::new().months(3)).ok()?;
    Some((
        rest,
        Point::stretch(midnight(start), midnight(end), Grain::Month)?,
    ))
}

/// "1990s", "1990 s", "90 s", "'90s": a decade.
fn decade<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let s = blank(s);
    let quoted = s.starts_with(['\'', '’']);
    let s = s.strip_prefix(['\'', '’']).unwrap_or(s);
    let (r, d) = digit_run(s)?;
    let r = r.strip_prefix(' ').unwrap_or(r);
    let r = r.strip_prefix('s')?;
    if glued(r) {
        return None;
    }
    // "the 90s", "in 90 s", but not an age: "in her 90s".
    let decade_word = || {
        word_before(env.text, env.offset(s)).is_some_and(|w| {
            ["the", "in", "during", "since", "early", "mid", "late", "of"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k))
        })
    };
    if d.len() == 2 && !quoted && !decade_word() {
        return None;
    }
    let year: i16 = match d.len() {
        4 => d.parse().ok()?,
        2 => 1900 + d.parse::<i16>().ok()?,
        _ => return None,
    };
    if year % 10 != 0 {
        return None;
    }
    // "the 1800s" is a century; "the 2000s" and "the 1990s" decades.
    let span = if year % 100 == 0 && year < 2000 {
        100
    } else {
        10
    };
    let start = midnight(Date::new(year, 1, 1).ok()?);
    let end = midnight(Date::new(year.checked_add(span)?, 1, 1).ok()?);
    Some((r, Point::stretch(start, end, Grain::Year)?))
}

/// "the nineties", "in nineties": a decade of the 1900s in words (not an
/// age: "in her nineties").
fn decade_word<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (rest, w) = word(s)?;
    let i = words::DECADES
        .iter()
        .position(|d| w.eq_ignore_ascii_case(d))?;
    let fits = word_before(env.text, env.offset(blank(s))).is_some_and(|b| {
        ["the", "in", "during", "since", "early", "mid", "late"]
            .iter()
            .any(|k| b.eq_ignore_ascii_case(k))
    });
    if !fits {
        return None;
    }
    let year = 1920 + 10 * i as i16;
    let start = midnight(Date::new(year, 1, 1).ok()?);
    let end = midnight(Date::new(year + 10, 1, 1).ok()?);
    Some((rest, Point::stretch(start, end, Grain::Year)?))
}

/// "21st century", "the nineteenth century".
fn century(s: &str) -> Found<'_, Point> {
    let (r, n) = ordinal(s)?;
    let rest = kw(r, "century")?;
    let n = i16::try_from(n).ok().filter(|n| (1..=30).contains(n))?;
    let start = midnight(Date::new((n - 1) * 100 + i16::from(n == 1), 1, 1).ok()?);
    let end = midnight(Date::new(n * 100, 1, 1).ok()?);
    Some((rest, Point::stretch(start, end, Grain::Year)?))
}

/// Weeks and ordinal months: "week 31", "week 3 of 2027", "the week of
/// April 10th", "w/c Feb 4", "the week beginning February 4", "the last
/// week of july", "3rd week of Jan", "the third month of 2021".
fn week<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    // "w/c Feb 4"
    if let Some(r) = kw(s, "w")
        .and_then(|r| tight(r, '/'))
        .and_then(|r| kw(r, "c"))
    {
        let (rest, p) = super::day_point(env, r)?;
        return week_of_day(rest, p.date(), p.lean);
    }
    if let Some(r) = kw(s, "week") {
        // "week 31", "week 3 of 2027", "week 27 of last year"
        if let Some((r2, n)) = number(r, 1, 2) {
            let n = i8::try_from(n).ok().filter(|n| (1..=53).contains(n))?;
            let (rest, (y, lean)) = match kw(r2, "of").and_then(|r3| year_of(env, r3)) {
                Some(found) => found,
                None => (r2, (env.today().year(), Lean::Relative)),
            };
            let monday = calendar::iso_week(y, n)?;
            return week_of_day(rest, monday, lean);
        }
        let r2 = kw(r, "of").or_else(|| {
            let r = words_any(r, &["beginning", "starting", "commencing"])?;
            Some(opt_kw(r, "on"))
        })?;
        let r2 = opt_kw(r2, "the");
        let (rest, p) = super::day_point(env, r2).or_else(|| on_the_day(env, r2))?;
        return week_of_day(rest, p.date(), p.lean);
    }
    // "the last week of july", "3rd week of Jan", "the third month of 2021"
    let (r, n) = match kw(s, "last") {
        Some(r) => (r, 0),
        None => ordinal(s)?,
    };
    let n = i32::try_from(n).ok().filter(|n| *n <= 53)?;
    let (r, unit) = word(r)?;
    let r = kw(r, "of")?;
    if unit.eq_ignore_ascii_case("week") {
        let (rest, (first, last, lean)) = period_of(env, r)?;
        let monday = calendar::week_within(first, last, n)?;
        return week_of_day(rest, monday, lean);
    }
    if unit.eq_ignore_ascii_case("month") && (1..=12).contains(&n) {
        let (rest, (y, lean)) = year_of(env, r)?;
        return Some((rest, month_point(y, n as i8)?.lean(lean)));
    }
    None
}

fn words_any<'a>(s: &'a str, ks: &[&str]) -> Option<&'a str> {
    lex::any_kw(s, ks).map(|(r, _)| r)
}

/// "the 18th" as a day of a recent month (for "the week of the 18th").
fn on_the_day<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (rest, day) = words::ordinal_digits(s)?;
    relative::day_of_recent_month(env, day).map(|p| (rest, p))
}

/// The week (Monday to Sunday) holding `date`.
fn week_of_day(rest: &str, date: Date, lean: Lean) -> Found<'_, Point> {
    let monday = calendar::monday_of(date)?;
    // "1st week of Oct. on Friday": a day of that week.
    if let Some((r, (wd, _))) = kw(rest, "on").and_then(words::weekday) {
        let day = calendar::weekday_in_week(monday, wd)?;
        return Some((r, Point::day(day)?.lean(lean)));
    }
    Some((
        rest,
        Point::instant(midnight(monday), Grain::Week)?.lean(lean),
    ))
}

/// The first and last day of a month or year named after "week of":
/// "july", "Jan 2015", "2016", "this month", "last month".
fn period_of<'a>(env: &Env, s: &'a str) -> Found<'a, (Date, Date, Lean)> {
    let (rest, p) = super::point(env, s)?;
    let p = p.ok()?;
    if !matches!(p.grain, Grain::Month | Grain::Year | Grain::Quarter) {
        return None;
    }
    let last = p.end.date().yesterday().ok()?;
    Some((rest, (p.date(), last, p.lean)))
}

/// A year in words where the context says year: "in two thousand and
/// twenty", "in nineteen ninety six".
fn year_in_words<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let before = word_before(env.text, env.offset(s))?;
    let strong = [
        "in", "since", "by", "until", "from", "before", "after", "during", "of",
    ]
    .iter()
    .any(|k| before.eq_ignore_ascii_case(k));
    if !strong {
        return None;
    }
    let (rest, y) = year_words(env, s)?;
    if counted_after(rest) {
        return None;
    }
    Some((rest, year_point(y)?))
}

/// How a holiday falls in a given year.
type Rule = fn(i16) -> Option<Date>;

/// Easter Sunday of `year` (the Gregorian computus: integer arithmetic on
/// the year, no calendar counting).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn thanksgiving(year: i16) -> Option<Date> {
    Date::new(year, 11, 1)
        .ok()?
        .nth_weekday_of_month(4, jiff::civil::Weekday::Thursday)
        .ok()
}

fn days_after(rule: Rule, year: i16, days: i64) -> Option<Date> {
    rule(year)?.checked_add(jiff::Span::new().days(days)).ok()
}

/// A holiday's name and its rule: "Christmas", "Christmas Eve", "New
/// Year's Day", "Easter Monday", "Good Friday", "Thanksgiving", "Black
/// Friday", "Independence Day", "Valentine's Day", "St Patrick's Day",
/// "Halloween", "Juneteenth", "Earth Day".
fn holiday_name(s: &str) -> Found<'_, Rule> {
    let (r, w) = word(s)?;
    let lower = |k: &str| w.eq_ignore_ascii_case(k);
    let (rest, rule): (&str, Rule) = if lower("christmas") {
        match kw(r, "eve") {
            Some(r2) => (r2, |y| Date::new(y, 12, 24).ok()),
            None => (opt_kw(r, "day"), |y| Date::new(y, 12, 25).ok()),
        }
    } else if lower("halloween") {
        (r, |y| Date::new(y, 10, 31).ok())
    } else if lower("juneteenth") {
        (r, |y| Date::new(y, 6, 19).ok())
    } else if lower("easter") {
        match kw(r, "monday") {
            Some(r2) => (r2, |y| days_after(easter, y, 1)),
            None => (opt_kw(r, "sunday"), easter),
        }
    } else if lower("good") {
        (kw(r, "friday")?, |y| days_after(easter, y, -2))
    } else if lower("thanksgiving") {
        (opt_kw(r, "day"), thanksgiving)
    } else if lower("black") {
        (kw(r, "friday")?, |y| days_after(thanksgiving, y, 1))
    } else if lower("independence") {
        (kw(r, "day")?, |y| Date::new(y, 7, 4).ok())
    } else if lower("earth") {
        (kw(r, "day")?, |y| Date::new(y, 4, 22).ok())
    } else if lower("valentine") || lower("valentines") {
        (kw(possessive(r), "day")?, |y| Date::new(y, 2, 14).ok())
    } else if lower("st") || lower("saint") {
        let r = tight(r, '.').unwrap_or(r);
        let r = kw(r, "patrick").or_else(|| kw(r, "patricks"))?;
        (opt_kw(possessive(r), "day"), |y| Date::new(y, 3, 17).ok())
    } else if lower("new") {
        let (r2, y) = word(r)?;
        if !(y.eq_ignore_ascii_case("year") || y.eq_ignore_ascii_case("years")) {
            return None;
        }
        let r2 = possessive(r2);
        match kw(r2, "eve") {
            Some(r3) => (r3, |y| Date::new(y, 12, 31).ok()),
            None => (kw(r2, "day")?, |y| Date::new(y, 1, 1).ok()),
        }
    } else {
        return None;
    };
    Some((rest, rule))
}

/// `s` past a possessive "'s" ("Valentine's", "New Year's").
fn possessive(s: &str) -> &str {
    s.strip_prefix("'s")
        .or_else(|| s.strip_prefix("’s"))
        .unwrap_or(s)
}

/// Holidays, with a year, a "last"/"next", or the year inferred.
fn holiday<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (r, w) = match relative::which(s) {
        Some((r, w)) => (r, Some(w)),
        None => (s, None),
    };
    let (r, rule) = holiday_name(r)?;
    if w.is_none()
        && let Some((rest, y)) = year4(r)
    {
        return Some((rest, Point::day(rule(y)?)?));
    }
    let p = match w {
        None => env.infer_year(|y| Point::day(rule(y)?))?.lean(Lean::Year),
        Some(w) => {
            let today = env.today();
            let year = today.year();
            let mut days = (-8..=8).filter_map(|k| rule(year.checked_add(k)?));
            let day = match w {
                relative::Which::This => rule(year)?,
                relative::Which::Last | relative::Which::Past => days.rfind(|d| *d < today)?,
                relative::Which::Next | relative::Which::Coming => {
                    days.into_iter().find(|d| *d > today)?
                }
            };
            Point::day(day)?.lean(Lean::Relative)
        }
    };
    Some((r, p))
}
