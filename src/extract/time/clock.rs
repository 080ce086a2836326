//! Clock times joined to a day: "27 February 2024, 10:53", "at 3pm on
//! Tuesday", "tomorrow 8:00am". A clock time alone is not reported: with
//! no day it names no period.
//!
//! # Grammar
//!
//! ```text
//! after-date  = day-point ["," | "at" | "@"] clock
//! before-date = ["at"] clock ["on" | ","] day-point
//! clock       = hour ":" minute [":" second] [meridiem]      (grain minute or second)
//!             | hour ["." minute] meridiem                    (grain hour, or minute)
//!             | hour ("o'clock" | "oclock")                    (grain hour)
//!             | "noon" | "midnight"
//! meridiem    = "am" | "pm" | "a.m." | "p.m." | "a" | "p"
//! ```

use jiff::civil::{DateTime, Time};

use super::Env;
use super::calendar::Point;
use super::lex::{Found, blank, continues_right, kw, number_tight, punct, tight, word};
use crate::period::Grain;

/// A time of day with the grain it was written to.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clock {
    time: Time,
    grain: Grain,
}

/// A clock time after blanks.
pub(super) fn clock(s: &str) -> Found<'_, Clock> {
    if let Some(r) = kw(s, "noon") {
        return Some((r, at(12, 0, 0, Grain::Hour)?));
    }
    if let Some(r) = kw(s, "midnight") {
        return Some((r, at(0, 0, 0, Grain::Hour)?));
    }
    let s = blank(s);
    let (rest, hour) = number_tight(s, 1, 2)?;
    if let Some(r) = tight(rest, ':') {
        let (r, minute) = number_tight(r, 2, 2)?;
        let (r, second, grain) = match tight(r, ':').and_then(|r| number_tight(r, 2, 2)) {
            Some((r, sec)) => (r, sec, Grain::Second),
            None => (r, 0, Grain::Minute),
        };
        let (r, hour) = meridiem(r, hour).unwrap_or((r, Some(hour)));
        if continues_right(r) {
            return None;
        }
        return Some((r, at(hour?, minute, second, grain)?));
    }
    if let Some((r, minute)) = tight(rest, '.').and_then(|r| number_tight(r, 2, 2)) {
        let (r, hour) = meridiem(r, hour)?;
        return Some((r, at(hour?, minute, 0, Grain::Minute)?));
    }
    if let Some(r) = kw(rest, "oclock").or_else(|| {
        let r = blank(rest).strip_prefix("o'clock")?;
        Some(r)
    }) {
        return Some((r, at(hour, 0, 0, Grain::Hour)?));
    }
    let (r, hour) = meridiem(rest, hour)?;
    Some((r, at(hour?, 0, 0, Grain::Hour)?))
}

fn at(hour: u32, minute: u32, second: u32, grain: Grain) -> Option<Clock> {
    let time = Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    Some(Clock { time, grain })
}

/// "am"/"pm" after `hour`: the hour on the 24-hour clock (`None` when the
/// hour does not fit a 12-hour clock).
fn meridiem(s: &str, hour: u32) -> Found<'_, Option<u32>> {
    let spaced = blank(s);
    let (rest, pm) = if let Some((r, w)) = word(spaced) {
        match w.to_ascii_lowercase().as_str() {
            "am" | "a" => (r, false),
            "pm" | "p" => (r, true),
            _ => return None,
        }
    } else {
        return None;
    };
    // "a.m." and "p.m.": the word reader stops at the dot.
    let rest = rest
        .strip_prefix(".m.")
        .or_else(|| rest.strip_prefix(".M."))
        .unwrap_or(rest);
    if !(1..=12).contains(&hour) {
        return Some((rest, None));
    }
    Some((rest, Some(hour % 12 + if pm { 12 } else { 0 })))
}

/// The instant of `clock` on the day `p`.
fn on_day(p: Point, clock: Clock) -> Option<Point> {
    let start = DateTime::from_parts(p.date(), clock.time);
    let mut joined = Point::instant(start, clock.grain)?;
    joined.weekday = p.weekday;
    joined.lean = p.lean;
    Some(joined)
}

/// A clock time after a day: "27 February 2024, 10:53", "tomorrow at 3pm".
pub(super) fn clock_after_date(s: &str, p: Point) -> Option<(&str, Result<Point, String>)> {
    let r = punct(s, ',').unwrap_or(s);
    let r = kw(r, "at").or_else(|| punct(r, '@')).unwrap_or(r);
    let (rest, c) = clock(r)?;
    Some((rest, Ok(on_day(p, c)?)))
}

/// A clock time before a day: "at 3pm on Tuesday", "13:00 February 28,
/// 2013".
pub(super) fn clock_before_date<'a>(env: &Env, s: &'a str) -> Found<'a, Result<Point, String>> {
    let r = kw(s, "at").unwrap_or(s);
    let (r, c) = clock(r)?;
    let r = kw(r, "on").or_else(|| punct(r, ',')).unwrap_or(r);
    let (rest, p) = super::day_point(env, r)?;
    Some((rest, Ok(on_day(p, c)?)))
}
