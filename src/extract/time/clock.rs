//! Clock times joined to a day: "27 February 2024, 10:53", "at 3pm on
//! Tuesday", "tomorrow 8:00am". A clock time alone is not reported: with
//! no day it names no period.
//!
//! # Grammar
//!
//! ```text
//! after-date  = day-point ["," | "at" | "@"] clock
//!             | day-point [","] range
//!             | day-point ("before" | "by" | "after") clock      (open at the clock time)
//! before-date = ["at"] clock ["on" | ","] day-point
//!             | range ["on" | ","] day-point
//! range       = ["from" | "at"] loose ("to" | "until" | "till" | "-") loose
//!             | "between" loose "and" loose
//! loose       = clock | hour ["." minute]     (a bare hour only inside a range)
//! clock       = hour ":" minute [":" second] [meridiem]      (grain minute or second)
//!             | hour ["." minute] meridiem                    (grain hour, or minute)
//!             | hour ("o'clock" | "oclock")                    (grain hour)
//!             | "noon" | "midnight"
//! meridiem    = "am" | "pm" | "a.m." | "p.m." | "a" | "p"
//! ```

use jiff::civil::{DateTime, Time};

use super::calendar::Point;
use super::lex::{self, Found, blank, continues_right, kw, number_tight, punct, tight, word};
use super::token::{Token, key};
use super::{Env, relative};
use crate::period::{Grain, Shape};

/// A time of day with the grain it was written to.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clock {
    time: Time,
    grain: Grain,
    /// Whether "am"/"pm" was written.
    meridiem: bool,
}

/// Whether a token can begin a clock time: digits, "noon", "midnight".
fn may_begin(t: Token) -> bool {
    t.is_digits() || t.is(key!("noon")) || t.is(key!("midnight"))
}

/// Whether [`clock_before_date`] can read anything at `s`: an hour that
/// a separator, a meridiem, "o'clock" or the end of a range follows,
/// "noon" or "midnight", or "at", "from", "between" before one of them.
pub(super) fn may_come_before_day(env: &Env, s: &str) -> bool {
    let (t, after) = env.next(s);
    if t.is_digits() {
        if t.len > 2 {
            return false;
        }
        if after.starts_with([':', '.']) {
            return true;
        }
        let t1 = env.next(after).0;
        return t1.is_symbol('-')
            || t1.is_symbol('–')
            || t1.is_any(&[
                key!("am"),
                key!("a"),
                key!("pm"),
                key!("p"),
                key!("oclock"),
                key!("o"),
                key!("to"),
                key!("until"),
                key!("till"),
            ]);
    }
    may_begin(t)
        || ((t.is(key!("at")) || t.is(key!("from")) || t.is(key!("between")))
            && may_begin(env.next(after).0))
}

/// Whether [`clock_after_date`] can read anything at `s`: after an
/// optional comma, a clock time, or a word that leads one in ("at",
/// "from", "between", "before", "after", "by", "around", "@").
pub(super) fn may_come_after_day(env: &Env, s: &str) -> bool {
    let (mut t, mut after) = env.next(s);
    if t.is_symbol(',') {
        (t, after) = env.next(after);
    }
    may_begin(t)
        || ((t.is_symbol('@')
            || t.is_any(&[
                key!("at"),
                key!("from"),
                key!("between"),
                key!("before"),
                key!("after"),
                key!("by"),
                key!("around"),
            ]))
            && may_begin(env.next(after).0))
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
        let (r, hour, said) = match meridiem(r, hour) {
            Some((r, h)) => (r, h, true),
            None => (r, Some(hour), false),
        };
        if continues_right(r) {
            return None;
        }
        let mut c = at(hour?, minute, second, grain)?;
        c.meridiem = said;
        return Some((r, c));
    }
    if let Some((r, minute)) = tight(rest, '.').and_then(|r| number_tight(r, 2, 2)) {
        let (r, hour) = meridiem(r, hour)?;
        let mut c = at(hour?, minute, 0, Grain::Minute)?;
        c.meridiem = true;
        return Some((r, c));
    }
    if let Some(r) = kw(rest, "oclock").or_else(|| {
        let r = blank(rest).strip_prefix("o'clock")?;
        Some(r)
    }) {
        return Some((r, at(hour, 0, 0, Grain::Hour)?));
    }
    let (r, hour) = meridiem(rest, hour)?;
    let mut c = at(hour?, 0, 0, Grain::Hour)?;
    c.meridiem = true;
    Some((r, c))
}

fn at(hour: u32, minute: u32, second: u32, grain: Grain) -> Option<Clock> {
    let time = Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    Some(Clock {
        time,
        grain,
        meridiem: false,
    })
}

/// "am"/"pm" after `hour`: the hour on the 24-hour clock (`None` when the
/// hour does not fit a 12-hour clock).
fn meridiem(s: &str, hour: u32) -> Found<'_, Option<u32>> {
    let spaced = blank(s);
    let (r, w) = word(spaced)?;
    let mut buf = [0u8; lex::LONGEST_WORD];
    let (rest, pm) = match lex::lowercase(w, &mut buf)? {
        "am" | "a" => (r, false),
        "pm" | "p" => (r, true),
        _ => return None,
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

/// A clock time that may stand without a meridiem inside a range: a bare
/// hour ("5 to 6pm"), "H:MM", "H.MM"; `true` when it carried its own
/// meridiem or minutes (evidence that it is a time at all).
fn loose_clock(s: &str) -> Found<'_, (Clock, bool)> {
    if let Some((r, c)) = clock(s) {
        return Some((r, (c, true)));
    }
    let s = blank(s);
    let (r, hour) = number_tight(s, 1, 2)?;
    if let Some((r2, minute)) = tight(r, '.').and_then(|x| number_tight(x, 2, 2)) {
        if runs_on(r2) {
            return None;
        }
        return Some((r2, (at(hour, minute, 0, Grain::Minute)?, false)));
    }
    if runs_on(r) {
        return None;
    }
    Some((r, (at(hour, 0, 0, Grain::Hour)?, false)))
}

/// Whether a bare number runs on into a longer token; a dash may follow
/// (it joins a range).
fn runs_on(rest: &str) -> bool {
    !rest.starts_with(['-', '–']) && continues_right(rest)
}

/// A stretch of clock time: "5 to 6pm", "3-8pm", "10am-12pm", "from 7 to
/// 7:30", "between 3 and 5". A bare start takes the end's meridiem when
/// that keeps it first ("5 to 6pm" is 17:00 to 18:00); a bare end before
/// its start is in the afternoon ("8am-3" ends at 15:00).
pub(super) fn clock_range<'a>(s: &'a str, day: Option<&Point>) -> Found<'a, (Time, Time, Grain)> {
    let (r, lead) = match lex::any_kw(s, &["from", "between", "at"]) {
        Some((r, i)) => (r, Some(i)),
        None => (s, None),
    };
    let (r, (a, a_sure)) = loose_clock(r)?;
    let r = if lead == Some(1) {
        kw(r, "and")?
    } else {
        kw(r, "to")
            .or_else(|| kw(r, "until"))
            .or_else(|| kw(r, "till"))
            .or_else(|| punct(r, '-'))
            .or_else(|| punct(r, '–'))?
    };
    let (rest, (b, b_sure)) = loose_clock(r)?;
    // Bare hours make a range only with "from"/"between", or right after
    // a day ("Monday 3-8"), and then only in order ("Saturday 3-2" is a
    // score).
    let bare = !(a_sure || b_sure || matches!(lead, Some(0 | 1)));
    if bare && (day.is_none() || b.time <= a.time || b.time.hour() > 12) {
        return None;
    }
    let twelve = jiff::Span::new().hours(12);
    let evening = day.is_some_and(|p| p.evening);
    let mut start = after_noon(a, evening);
    let mut end = after_noon(b, evening);
    if b.meridiem
        && !a.meridiem
        && end.hour() >= 12
        && start.hour() < 12
        && let Ok(pm) = start.checked_add(twelve)
        && pm < end
    {
        start = pm;
    }
    if end <= start && end.hour() < 12 {
        end = end.checked_add(twelve).ok()?;
    }
    if end <= start {
        return None;
    }
    let grain = a.grain.min(b.grain).min(Grain::Hour);
    Some((rest, (start, end, grain)))
}

/// A bare hour in the evening is after noon ("tonight at 8").
fn after_noon(c: Clock, evening: bool) -> Time {
    if evening && !c.meridiem && c.time.hour() < 12 {
        c.time
            .checked_add(jiff::Span::new().hours(12))
            .unwrap_or(c.time)
    } else {
        c.time
    }
}

/// The stretch of `start..end` on the day `p`.
fn range_on_day(p: Point, (start, end, grain): (Time, Time, Grain)) -> Option<Point> {
    let mut joined = Point::stretch(
        DateTime::from_parts(p.date(), start),
        DateTime::from_parts(p.date(), end),
        grain,
    )?;
    joined.lean = p.lean;
    Some(joined)
}

/// The instant of `clock` on the day `p`.
fn on_day(p: Point, clock: Clock) -> Option<Point> {
    let start = DateTime::from_parts(p.date(), after_noon(clock, p.evening));
    let mut joined = Point::instant(start, clock.grain)?;
    joined.weekday = p.weekday;
    joined.lean = p.lean;
    Some(joined)
}

/// A clock time after a day: "27 February 2024, 10:53", "tomorrow at 3pm",
/// "tomorrow from 7:00 to 8:00pm", "today before 4pm".
pub(super) fn clock_after_date(s: &str, p: Point) -> Option<(&str, Result<Point, String>)> {
    let r = punct(s, ',').unwrap_or(s);
    if let Some((rest, range)) = clock_range(r, Some(&p)) {
        return Some((rest, Ok(range_on_day(p, range)?)));
    }
    // "today before 4pm", "1/1/2015 after 2:00": open at the clock time.
    if let Some((r2, i)) = lex::any_kw(r, &["before", "after", "by"])
        && let Some((rest, c)) = clock(r2)
    {
        let mut q = on_day(p, c)?;
        if i == 1 {
            q.shape = Shape::Since;
        } else {
            q.end = if i == 0 { q.start } else { q.end };
            q.shape = Shape::Until;
        }
        return Some((rest, Ok(q)));
    }
    let (r, at_word) = match kw(r, "at")
        .or_else(|| kw(r, "around"))
        .or_else(|| punct(r, '@'))
    {
        Some(r) => (r, true),
        None => (r, false),
    };
    if let Some((rest, c)) = clock(r) {
        return Some((rest, Ok(on_day(p, c)?)));
    }
    // "last night at 8", "Sat at 5": a bare hour after "at", where nothing
    // follows it ("on Monday at 10 Downing Street" is an address).
    let (rest, (c, _)) = loose_clock(r).filter(|_| at_word)?;
    if c.grain != Grain::Hour
        || word(rest).is_some()
        || blank(rest).starts_with(|x: char| x.is_ascii_digit())
    {
        return None;
    }
    Some((rest, Ok(on_day(p, c)?)))
}

/// A clock time before a day: "at 3pm on Tuesday", "13:00 February 28,
/// 2013".
pub(super) fn clock_before_date<'a>(env: &Env, s: &'a str) -> Found<'a, Result<Point, String>> {
    if let Some((r, _)) = clock_range(s, None) {
        let r = kw(r, "on").or_else(|| punct(r, ',')).unwrap_or(r);
        if let Some((rest, p)) = super::day_point(env, r) {
            // Read again knowing the day ("from 7 to 9 tonight").
            let rest = relative::part_of_day(rest).map_or(rest, |(r, _)| r);
            let (_, range) = clock_range(s, Some(&p))?;
            return Some((rest, Ok(range_on_day(p, range)?)));
        }
    }
    let r = kw(s, "at").unwrap_or(s);
    let (r, c) = clock(r)?;
    let r = kw(r, "on").or_else(|| punct(r, ',')).unwrap_or(r);
    let (rest, p) = super::day_point(env, r)?;
    Some((rest, Ok(on_day(p, c)?)))
}
