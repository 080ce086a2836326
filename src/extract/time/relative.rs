//! Expressions resolved against the reference: "yesterday", "last week",
//! "on Friday", "two weeks ago", "in the past year", "next 3 days".
//!
//! News speaks of the past, so a bare weekday is the most recent such day
//! not after the reference. "last"/"previous" name the unit before the
//! reference's ("last Wednesday" is the Wednesday of last week), "next"/
//! "following" the unit after it, "this past"/"coming" the nearest such
//! day before or after the reference day.
//!
//! # Grammar
//!
//! ```text
//! relative = day-word | now-word | which unit | "the" unit ["before" | "after"]
//!          | which weekday | which "week" ["on" | "-" | ","] weekday
//!          | weekday "of" ["the"] which "week" | weekday               (full names only)
//!          | which month | "on" ["the"] ordinal-day
//!          | counted ("and" counted)* "ago"
//!          | "in" counted ["'s" ["time"]]
//!          | counted ("from" | "after" | "before") (day-point | "now")
//!          | counted ("later" | "hence" | "earlier")
//!          | "within" ["the"] ["next" | "coming"] counted
//!          | ["the"] which counted | ["the"] amount which unit          "next 3 days", "5 past years"
//! which    = "this" | "current" | "last" | "previous" | "past" | "this past"
//!          | "next" | "following" | "coming" | "upcoming" | "this coming" | "this upcoming"
//! day-word = "today" | "tonight" | "otd" | "tomorrow" | "tmrw" | "yesterday" | "last night"
//!          | "the day after tomorrow" | "the day before yesterday"
//! now-word = "now" | "right now" | "at present" | "at the moment" | "at this time" | "at the present time"
//! counted  = amount unit
//! ```
//!
//! Counts resolve at day grain ("two months ago" is one day), or at second
//! grain for hours, minutes and seconds ("in 5 minutes"). A stretch of days
//! ahead starts tomorrow ("next 3 days"); one behind ends at the start of
//! the reference day ("last 3 months", "the past year"). Quarters and
//! decades count whole calendar units ("last 2 quarters").

use jiff::civil::{Date, DateTime, Weekday};

use super::calendar::{self, Lean, Point, midnight, monday_of, start_of, weekday_in_week};
use super::lex::{Found, amount, any_kw, blank, kw, opt_kw, punct, word};
use super::token::{Roles, Token, key};
use super::words::{self, Unit, month, unit_word, weekday};
use super::{Env, date};
use crate::period::Grain;

type Dated<'a> = Found<'a, Result<Point, String>>;

/// Which unit relative to the reference's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    /// The reference's own.
    This,
    /// The one before ("last", "previous").
    Last,
    /// The nearest before the reference day ("this past").
    Past,
    /// The one after ("next", "following").
    Next,
    /// The nearest after the reference day ("coming", "upcoming").
    Coming,
}

impl Which {
    fn shift(self) -> i64 {
        match self {
            Which::This => 0,
            Which::Last | Which::Past => -1,
            Which::Next | Which::Coming => 1,
        }
    }

    fn ahead(self) -> bool {
        matches!(self, Which::Next | Which::Coming)
    }
}

/// "this", "last", "next" and their synonyms.
pub(super) const WHICH: [(&str, Which); 9] = [
    ("this", Which::This),
    ("current", Which::This),
    ("last", Which::Last),
    ("previous", Which::Last),
    ("past", Which::Past),
    ("next", Which::Next),
    ("following", Which::Next),
    ("coming", Which::Coming),
    ("upcoming", Which::Coming),
];

/// "this", "last", "next" and their synonyms.
pub(super) fn which(s: &str) -> Found<'_, Which> {
    let (r, w) = word(s)?;
    let (_, found) = WHICH.iter().find(|(k, _)| w.eq_ignore_ascii_case(k))?;
    if *found == Which::This
        && let Some((r2, i)) = any_kw(r, &["past", "coming", "upcoming"])
    {
        return Some((r2, if i == 0 { Which::Past } else { Which::Coming }));
    }
    Some((r, *found))
}

/// "this"/"last"/"next" as a shift of units (for "October last year").
pub(super) fn this_next_last(s: &str) -> Found<'_, i64> {
    which(s).map(|(r, w)| (r, w.shift()))
}

/// The longest relative expression at the start of `s`.
pub(super) fn relative<'a>(env: &Env, s: &'a str) -> Dated<'a> {
    let s = blank(s);
    if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Each reading is tried only when the first words can start it.
    let (t, after) = env.next(s);
    let is_which = t.has(Roles::WHICH);
    let weekday_word = t.has(Roles::WEEKDAY);
    let second = || env.next(after).0;
    let day_words = t.is_any(&[
        key!("today"),
        key!("tonight"),
        key!("otd"),
        key!("tomorrow"),
        key!("tmrw"),
        key!("tmr"),
        key!("yesterday"),
    ]) || (t.is(key!("the")) && second().is(key!("day")))
        || (t.is(key!("last")) && {
            let t1 = second();
            t1.has(Roles::PART_OF_DAY) || t1.is(key!("early")) || t1.is(key!("late"))
        });
    let now_words = t.is(key!("now"))
        || (t.is(key!("right")) && second().is(key!("now")))
        || (t.is(key!("at")) && {
            let t1 = second();
            t1.is(key!("present")) || t1.is(key!("the")) || t1.is(key!("this"))
        });
    let unit_words =
        (is_which || t.is(key!("earlier")) || t.is(key!("later")) || t.is(key!("the")))
            && unit_follows(env, after);
    // What comes after "this", "last", "next" ("this past" included).
    let then = if is_which {
        after_which(env, after)
    } else {
        Token::END
    };
    let counts = t.may_count()
        || is_which
        || weekday_word
        || t.is_any(&[key!("in"), key!("within"), key!("the"), key!("for")]);
    let mut best: Found<'a, Point> = None;
    let mut keep = |found: Found<'a, Point>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    if day_words {
        keep(day_word(env, s));
    }
    if now_words {
        keep(now_word(env, s));
    }
    if unit_words {
        keep(calendar_unit(env, s));
    }
    if weekday_word || then.has(Roles::WEEKDAY) || then.is(key!("week")) {
        keep(weekday_relative(env, s));
    }
    if then.has(Roles::MONTH) {
        keep(month_relative(env, s));
    }
    if is_which {
        keep(which_date(env, s));
    }
    if t.is(key!("on")) && nth_follows(env, after) {
        keep(on_the_nth(env, s));
    }
    if counts {
        keep(counted_relative(env, s));
    }
    best.map(|(rest, p)| (rest, Ok(p.lean(Lean::Relative))))
}

/// The token after the second word of "this past", "this coming": what
/// follows a word of [`which`] whose rest is `after`.
fn after_which(env: &Env, after: &str) -> Token {
    let (t, rest) = env.next(after);
    if t.has(Roles::WHICH) {
        env.next(rest).0
    } else {
        t
    }
}

/// Whether a unit of time comes within the next few words, past those
/// that lead to one in [`calendar_unit`] ("the", "past", "calendar").
fn unit_follows(env: &Env, after: &str) -> bool {
    let mut r = after;
    // "earlier the this past calendar year": four words at most.
    for _ in 0..5 {
        let (t, rest) = env.next(r);
        if t.has(Roles::UNIT) {
            return true;
        }
        if !(t.has(Roles::WHICH) || t.is(key!("the")) || t.is(key!("calendar"))) {
            return false;
        }
        r = rest;
    }
    false
}

/// Whether an ordinal in digits comes next, maybe after "the" (for
/// [`on_the_nth`]).
fn nth_follows(env: &Env, after: &str) -> bool {
    let (t, rest) = env.next(after);
    t.is_digits() || (t.is(key!("the")) && env.next(rest).0.is_digits())
}

fn day_shift(env: &Env, days: i64) -> Option<Point> {
    let d = env.today().checked_add(jiff::Span::new().days(days)).ok()?;
    Point::day(d)
}

fn day_word<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    if let Some(r) = kw(s, "the").and_then(|r| kw(r, "day")) {
        if let Some(r) = kw(r, "after").and_then(|r| kw(r, "tomorrow")) {
            return Some((r, day_shift(env, 2)?));
        }
        if let Some(r) = kw(r, "before").and_then(|r| kw(r, "yesterday")) {
            return Some((r, day_shift(env, -2)?));
        }
    }
    // "last night", "this evening", "next evening", "last morning".
    if let Some((r, w)) = which(s) {
        let (rest, evening) = part_of_day(r)?;
        let days = match w {
            Which::This => 0,
            Which::Next | Which::Coming => 1,
            Which::Last | Which::Past => -1,
        };
        let mut p = day_shift(env, days)?;
        p.evening = evening;
        return Some((rest, p));
    }
    let (r, w) = word(s)?;
    let mut buf = [0u8; super::lex::LONGEST_WORD];
    let days = match super::lex::lowercase(w, &mut buf)? {
        "today" | "tonight" | "otd" => 0,
        "tomorrow" | "tmrw" | "tmr" => 1,
        "yesterday" => -1,
        _ => return None,
    };
    let mut p = day_shift(env, days)?;
    p.evening = w.eq_ignore_ascii_case("tonight");
    Some((r, p))
}

/// A part of the day: "morning", "early morning", "afternoon", "late
/// evening", "night"; `true` for the parts after noon.
pub(super) fn part_of_day(s: &str) -> Found<'_, bool> {
    let r = kw(s, "early").or_else(|| kw(s, "late")).unwrap_or(s);
    let (rest, i) = any_kw(r, &words::PARTS_OF_DAY)?;
    Some((rest, i > 0))
}

fn now_word<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let r = kw(s, "right").unwrap_or(s);
    let rest = if let Some(r) = kw(r, "now") {
        r
    } else {
        let r = kw(s, "at")?;
        if let Some(r) = kw(r, "present") {
            r
        } else if let Some(r) = kw(r, "the").and_then(|r| kw(r, "moment")) {
            r
        } else if let Some(r) = kw(r, "the")
            .and_then(|r| kw(r, "present"))
            .and_then(|r| kw(r, "time"))
        {
            r
        } else {
            kw(r, "this").and_then(|r| kw(r, "time"))?
        }
    };
    Some((rest, Point::instant(env.now(), Grain::Second)?))
}

/// "this week", "last month", "next year", "the past year", "the year",
/// "earlier this month", "next quarter", "the next decade".
fn calendar_unit<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let s = kw(s, "earlier").or_else(|| kw(s, "later")).unwrap_or(s);
    let (r, the) = match kw(s, "the") {
        Some(r) => (r, true),
        None => (s, false),
    };
    let (r, w) = match which(r) {
        Some((r, w)) => (r, Some(w)),
        None if the => (r, None),
        None => return None,
    };
    let r = opt_kw(r, "calendar");
    let (rest, unit) = word(r).and_then(|(rest, w)| Some((rest, words::unit_of(w)?)))?;
    if unit.times.fract() != 0.0 {
        return None;
    }
    let times = unit.times as i64;
    let today = env.today();
    let Some(w) = w else {
        // "the year", "the day before", "the day after".
        if unit.grain == Grain::Day && times == 1 {
            for (k, days) in [("before", -1), ("after", 1)] {
                if let Some(r2) = kw(rest, k)
                    && word(r2).is_none()
                    && !blank(r2).starts_with(|c: char| c.is_ascii_digit())
                {
                    return Some((r2, day_shift(env, days)?));
                }
            }
        }
        // "the day" is the reference's only as "for the day", "of the
        // day": "the day he left" is some other day.
        let the_at = env.offset(s.trim_start());
        let owned = super::lex::word_before(env.text, the_at)
            .is_some_and(|w| w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("of"));
        if unit.grain < Grain::Day || times != 1 || (unit.grain == Grain::Day && !owned) {
            return None;
        }
        // "the week after next"
        if let Some(r2) = kw(rest, "after").and_then(|r| kw(r, "next")) {
            return Some((r2, Point::unit(today, unit.grain, 1, 2)?));
        }
        return Some((rest, Point::unit(today, unit.grain, 1, 0)?));
    };
    if unit.grain < Grain::Day {
        // "next hour", "last minute": a stretch from or to the reference.
        let now = env.now();
        let span = unit.grain.span(times)?;
        let p = match w {
            Which::Next | Which::Coming => {
                Point::stretch(now, now.checked_add(span).ok()?, Grain::Second)
            }
            Which::Last | Which::Past => {
                Point::stretch(now.checked_sub(span).ok()?, now, Grain::Second)
            }
            Which::This => None,
        }?;
        return Some((rest, p));
    }
    if unit.grain == Grain::Day {
        let days = match w {
            Which::Next | Which::Coming => 1,
            Which::Last | Which::Past => -1,
            Which::This => 0,
        };
        return Some((rest, day_shift(env, days)?));
    }
    if the
        && matches!(w, Which::Last | Which::Past)
        && unit.grain != Grain::Quarter
        && (times == 1 || times >= 10)
    {
        // "the past year", "over the past decade": the stretch up to the
        // reference day. (A fortnight counts whole weeks, as "last week"
        // does.)
        let end = midnight(today);
        let start = end.checked_sub(unit.grain.span(times)?).ok()?;
        return Some((rest, Point::stretch(start, end, Grain::Day)?));
    }
    Some((rest, Point::unit(today, unit.grain, times, w.shift())?))
}

/// "last Wednesday", "this past Wednesday", "coming Thursday", "next week
/// Mon", "tuesday of next week", and a full weekday name alone ("on
/// Friday": the most recent Friday not after the reference).
fn weekday_relative<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    if let Some((r, w)) = which(s) {
        if let Some((rest, (wd, _))) = weekday(r) {
            return Some((rest, Point::day(weekday_which(env, w, wd)?)?));
        }
        if let Some(r) = kw(r, "week") {
            let r = r.strip_prefix("'s").unwrap_or(r);
            let r = kw(r, "on")
                .or_else(|| punct(r, '-'))
                .or_else(|| punct(r, ','))
                .unwrap_or(r);
            let (rest, (wd, _)) = weekday(r)?;
            let monday = shifted_monday(env, w.shift())?;
            return Some((rest, Point::day(weekday_in_week(monday, wd)?)?));
        }
        return None;
    }
    let (r, (wd, abbreviated)) = weekday(s)?;
    if let Some(r2) = kw(r, "of") {
        let r2 = opt_kw(r2, "the");
        if let Some((r3, w)) = which(r2)
            && let Some(rest) = kw(r3, "week")
        {
            let monday = shifted_monday(env, w.shift())?;
            return Some((rest, Point::day(weekday_in_week(monday, wd)?)?));
        }
    }
    if abbreviated {
        return None;
    }
    let today = env.today();
    let last = calendar::last_weekday(today, wd)?;
    if env.nearest.get() {
        // As an anchor ("3 days from Tuesday"): the nearer of the last and
        // the next such day.
        let next = today.nth_weekday(1, wd).ok()?;
        let nearer = if today.duration_until(next) < last.duration_until(today) {
            next
        } else {
            last
        };
        return Some((r, Point::day(nearer)?));
    }
    Some((r, Point::day(last)?))
}

fn shifted_monday(env: &Env, weeks: i64) -> Option<Date> {
    monday_of(env.today())?
        .checked_add(jiff::Span::new().weeks(weeks))
        .ok()
}

fn weekday_which(env: &Env, w: Which, wd: Weekday) -> Option<Date> {
    let today = env.today();
    match w {
        Which::Past => today.nth_weekday(-1, wd).ok(),
        Which::Coming => today.nth_weekday(1, wd).ok(),
        _ => weekday_in_week(shifted_monday(env, w.shift())?, wd),
    }
}

/// "next 5/12", "next 6th of April": a date with no year, taken after
/// (or before) the reference rather than inferred.
fn which_date<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (r, w) = which(s)?;
    let (rest, p) = super::day_point(env, r)?;
    if p.lean != Lean::Year {
        return None;
    }
    let (m, d) = (p.date().month(), p.date().day());
    let today = env.today();
    let on = |y: i16| Date::new(y, m, d).ok();
    let years = (-8..=8).filter_map(|k| today.year().checked_add(k));
    let day = match w {
        Which::This => on(today.year())?,
        Which::Next | Which::Coming => years.filter_map(on).find(|x| *x > today)?,
        Which::Last | Which::Past => years.filter_map(on).rfind(|x| *x < today)?,
    };
    Some((rest, Point::day(day)?))
}

/// A counted expression that names a day ("2 weeks before today", "two
/// years ago"), for "more than".
pub(super) fn counted_point<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (rest, p) = counted_relative(env, s)?;
    p.is_day().then(|| (rest, p.lean(Lean::Relative)))
}

/// "this September", "last May", "next March".
fn month_relative<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (r, w) = which(s)?;
    let (rest, m) = month(r)?;
    // "this may take": a verb after a determiner, unless capitalised.
    if m.doubtful && !blank(r).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let today = env.today();
    let year = today.year();
    let y = match w {
        Which::This => year,
        Which::Last | Which::Past if m.number < today.month() => year,
        Which::Last | Which::Past => year.checked_sub(1)?,
        Which::Next | Which::Coming if m.number > today.month() => year,
        Which::Next | Which::Coming => year.checked_add(1)?,
    };
    Some((rest, date::month_point(y, m.number)?))
}

/// "on the 18th", "on 29th": that day of the reference's month, or of the
/// month before when it is still to come.
fn on_the_nth<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let r = kw(s, "on")?;
    let r = opt_kw(r, "the");
    let (rest, day) = words::ordinal_digits(r)?;
    if kw(rest, "of").is_some() || month(rest).is_some() {
        return None;
    }
    Some((rest, day_of_recent_month(env, day)?))
}

/// Day `day` of the latest month (from the reference's back) in which it
/// falls no later than the reference.
pub(super) fn day_of_recent_month(env: &Env, day: u32) -> Option<Point> {
    let day = i8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    let today = env.today();
    let mut month = today.first_of_month();
    for _ in 0..12 {
        if let Ok(d) = Date::new(month.year(), month.month(), day)
            && d <= today
        {
            return Some(Point::day(d)?.lean(Lean::Relative));
        }
        month = month.checked_sub(jiff::Span::new().months(1)).ok()?;
    }
    None
}

/// Whether byte `at` follows "the last", "the next", "the past"...: a
/// count there is part of a stretch ("the last 3 months"), not a length
/// or an offset of its own ("shouldn't last two hours" is).
pub(super) fn after_the_last(env: &Env, at: usize) -> bool {
    let Some(w) = super::lex::word_before(env.text, at) else {
        return false;
    };
    if which(w).is_none() {
        return false;
    }
    let w_at = w.as_ptr() as usize - env.text.as_ptr() as usize;
    super::lex::word_before(env.text, w_at).is_some_and(|t| t.eq_ignore_ascii_case("the"))
}

/// An amount and a unit: "two weeks", "3 days", "half an hour". Read
/// once per offset and attempt: most alternatives start with a count.
pub(super) fn counted<'a>(env: &Env, s: &'a str) -> Found<'a, (f64, Unit)> {
    env.remembered(&env.counts, s, |s| {
        let (r, n) = amount(env, s)?;
        if !unit_may_follow(env, r) {
            return None;
        }
        let (r, unit) = unit_word(r)?;
        // "a three-year-old": an age.
        if r.starts_with("-old") || r.starts_with("-olds") {
            return None;
        }
        let (r, extra) = super::lex::fraction_tail(r).unwrap_or((r, 0.0));
        Some((r, (n + extra, unit)))
    })
}

/// Whether a unit of time can come next ([`unit_word`]): a unit, or the
/// letter of one ("3h"), maybe after a hyphen ("3-min").
pub(super) fn unit_may_follow(env: &Env, s: &str) -> bool {
    let (mut t, rest) = env.next(s);
    if t.is_symbol('-') {
        t = env.next(rest).0;
    }
    t.has(Roles::UNIT) || t.is_any(&[key!("h"), key!("w"), key!("y")])
}

/// A count as a calendar span, and whether it is finer than a day.
fn span_of(n: f64, unit: Unit) -> Option<(jiff::Span, bool)> {
    let total = n * unit.times;
    if !total.is_finite() || total <= 0.0 || total > 1e6 {
        return None;
    }
    // Every span is built with jiff's fallible setters: a count beyond
    // jiff's range ("in 900000 years") is no time at all, not a panic.
    let s = jiff::Span::new();
    if total.fract() == 0.0 {
        return Some((unit.grain.span(total as i64)?, unit.grain < Grain::Day));
    }
    let months = match unit.grain {
        Grain::Month => total,
        Grain::Quarter => total * 3.0,
        Grain::Year => total * 12.0,
        _ => {
            let seconds = total * unit.grain.nominal_seconds();
            if seconds.fract() != 0.0 {
                return None;
            }
            return Some((s.try_seconds(seconds as i64).ok()?, true));
        }
    };
    if months.fract() != 0.0 {
        return None;
    }
    Some((s.try_months(months as i64).ok()?, false))
}

/// `base` moved by the span, as a day or (for fine counts) a second.
fn moved(base: DateTime, span: jiff::Span, fine: bool, back: bool) -> Option<Point> {
    let t = if back {
        base.checked_sub(span).ok()?
    } else {
        base.checked_add(span).ok()?
    };
    if fine {
        Point::instant(t, Grain::Second)
    } else {
        Point::day(t.date())
    }
}

fn base(env: &Env, fine: bool) -> DateTime {
    if fine {
        env.now()
    } else {
        midnight(env.today())
    }
}

/// Expressions built on a count of units: "two weeks ago", "in 5
/// minutes", "3 days from today", "within 9 months", "next 3 days", "5
/// past years".
fn counted_relative<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (t, after) = env.next(s);
    // A weekday begins one reading only, the weekday of a counted one
    // ("Monday two weeks from now"); every other begins with a count or a
    // word that leads to one.
    if t.has(Roles::WEEKDAY) && !t.may_count() && !t.glued {
        return weekday_of_counted(env, s);
    }
    let mut best: Found<'a, Point> = None;
    let mut keep = |found: Found<'a, Point>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    // A count follows at `r` (see [`counted`]).
    let count_at = |r: &str| env.next(r).0.may_count();
    // "in 5 minutes", "in a fortnight's time"
    if t.is(key!("in"))
        && count_at(after)
        && let Some(r) = kw(s, "in")
        && let Some((r2, (n, unit))) = counted(env, r)
        && let Some((span, fine)) = span_of(n, unit)
    {
        let r3 = r2
            .strip_prefix("'s")
            .or_else(|| r2.strip_prefix("’s"))
            .map(|r| opt_kw(r, "time"))
            .unwrap_or(r2);
        keep(moved(base(env, fine), span, fine, false).map(|p| (r3, p)));
    }
    // "within 9 months", "within the next 10 months"
    if t.is(key!("within"))
        && let Some(r) = kw(s, "within")
    {
        let r = opt_kw(r, "the");
        let r = kw(r, "next").or_else(|| kw(r, "coming")).unwrap_or(r);
        if count_at(r)
            && let Some((rest, (n, unit))) = counted(env, r)
            && let Some((span, fine)) = span_of(n, unit)
        {
            let b = base(env, fine);
            let grain = if fine { Grain::Second } else { Grain::Day };
            keep(
                b.checked_add(span)
                    .ok()
                    .and_then(|e| Point::stretch(b, e, grain))
                    .map(|p| (rest, p)),
            );
        }
    }
    // "next 3 days", "the past two quarters", "3 next weeks"
    let r = opt_kw(s, "the");
    let tr = env.next(r).0;
    // "last" without "the" is as often the verb ("shouldn't last two
    // hours").
    let verb = std::ptr::eq(r, s) && kw(s, "last").is_some();
    if tr.has(Roles::WHICH)
        && let Some((r2, w)) = which(r).filter(|_| !verb)
        && count_at(r2)
        && let Some((rest, (n, unit))) = counted(env, r2)
    {
        keep(stretch(env, w, n, unit).map(|p| (rest, p)));
    }
    if tr.may_count()
        && let Some((r2, n)) = amount(env, r)
        && env.next(r2).0.has(Roles::WHICH)
        && let Some((r3, w)) = which(r2)
    {
        // "3 next weeks", not "only 3 next week".
        let plural = word(r3).is_some_and(|(_, u)| u.ends_with(['s', 'S']));
        if let Some((rest, unit)) = unit_word(r3).filter(|_| plural || n == 1.0) {
            keep(stretch(env, w, n, unit).map(|p| (rest, p)));
        }
    }
    // "for 3 days from today", "2 weeks starting May 20th": a stretch
    // from a day.
    let r = kw(s, "for").unwrap_or(s);
    if count_at(r)
        && let Some((r2, (n, unit))) = counted(env, r)
    {
        let r3 = punct(r2, ',').unwrap_or(r2);
        let from = if std::ptr::eq(r, s) {
            any_kw(r3, &["starting", "beginning"])
                .map(|(r4, _)| kw(r4, "from").or_else(|| kw(r4, "on")).unwrap_or(r4))
        } else {
            kw(r3, "from")
        };
        if let (Some(r4), Some((span, false))) = (from, span_of(n, unit))
            && let Some((rest, p)) = super::day_point(env, r4)
        {
            let end = p.start.checked_add(span).ok();
            keep(
                end.and_then(|e| Point::stretch(p.start, e, Grain::Day))
                    .map(|p| (rest, p)),
            );
        }
    }
    if t.has(Roles::WEEKDAY) {
        keep(weekday_of_counted(env, s));
    }

    // Counts before "ago", "from", "after", "before", "later"; not after
    // "the last" ("the last 3 months and 2 days ago" are two expressions).
    if t.may_count()
        && let Some((r, (span, fine))) =
            counted_sum(env, s).filter(|_| !after_the_last(env, env.offset(s)))
    {
        if let Some(rest) = kw(r, "ago") {
            keep(moved(base(env, fine), span, fine, true).map(|p| (rest, p)));
        }
        if let Some((r2, i)) = any_kw(r, &["later", "hence", "earlier"]) {
            keep(moved(base(env, fine), span, fine, i == 2).map(|p| (r2, p)));
        }
        if let Some((r2, i)) = any_kw(r, &["from", "after", "before"]) {
            let back = i == 2;
            if let Some(rest) = kw(r2, "now") {
                keep(moved(env.now(), span, fine, back).map(|p| (rest, p)));
            } else if !fine
                // The anchor of an offset is its nearest occurrence: "2
                // weeks before Christmas" written in November is this
                // Christmas.
                && let Some((rest, p)) = env.nearest(|| super::day_point(env, r2))
            {
                keep(moved(p.start, span, false, back).map(|p| (rest, p)));
            }
        }
    }
    // Not after a weekday of its own ("Monday two weeks from now").
    let own_weekday = t.has(Roles::WEEKDAY) && !t.glued;
    if let Some((r, p)) = best
        && !own_weekday
        && let Some((rest, (wd, _))) = kw(r, "on").and_then(weekday)
        && let Some(q) = on_weekday(p, wd)
    {
        return Some((rest, q));
    }
    best
}

/// "Monday two weeks from now", "Friday in 3 days": that weekday of the
/// week the count lands in.
fn weekday_of_counted<'a>(env: &Env, s: &'a str) -> Found<'a, Point> {
    let (r, (wd, false)) = weekday(s)? else {
        return None;
    };
    let r = punct(r, ',').unwrap_or(r);
    // A count must follow, maybe after the words that lead to one ("Monday
    // in two weeks", "Friday the next 3 days"); one weekday only: "Monday
    // Monday ..." must not recurse.
    let next = env.next(r).0;
    if !(next.may_count()
        || next.has(Roles::WHICH)
        || next.is_any(&[key!("in"), key!("within"), key!("the"), key!("for")]))
        || weekday(r).is_some()
    {
        return None;
    }
    let (rest, p) = counted_relative(env, r)?;
    on_weekday(p, wd).map(|p| (rest, p))
}

/// The day-grain point `p` moved to weekday `wd` of its week.
fn on_weekday(p: Point, wd: Weekday) -> Option<Point> {
    if !p.is_day() {
        return None;
    }
    Point::day(weekday_in_week(monday_of(p.date())?, wd)?)
}

/// One or more counts joined by "and" or commas: "2 weeks and 2 days",
/// "2 years 1 month 21 days", as one span of calendar units.
fn counted_sum<'a>(env: &Env, s: &'a str) -> Found<'a, (jiff::Span, bool)> {
    let (mut r, (n, unit)) = counted(env, s)?;
    let (mut total, mut fine) = span_of(n, unit)?;
    for _ in 0..4 {
        let next = kw(r, "and").or_else(|| punct(r, ',')).unwrap_or(r);
        if !env.next(next).0.may_count() {
            break;
        }
        let Some((r2, (n, unit))) = counted(env, next) else {
            break;
        };
        let Some((span, f)) = span_of(n, unit) else {
            break;
        };
        let Some(sum) = add_fields(total, span) else {
            break;
        };
        total = sum;
        fine |= f;
        r = r2;
    }
    Some((r, (total, fine)))
}

/// Two spans added unit by unit (jiff adds calendar units only relative
/// to a date; here each unit is kept, and applied to the date later).
fn add_fields(a: jiff::Span, b: jiff::Span) -> Option<jiff::Span> {
    jiff::Span::new()
        .try_years(i64::from(a.get_years()) + i64::from(b.get_years()))
        .ok()?
        .try_months(i64::from(a.get_months()) + i64::from(b.get_months()))
        .ok()?
        .try_weeks(i64::from(a.get_weeks()) + i64::from(b.get_weeks()))
        .ok()?
        .try_days(i64::from(a.get_days()) + i64::from(b.get_days()))
        .ok()?
        .try_hours(i64::from(a.get_hours()) + i64::from(b.get_hours()))
        .ok()?
        .try_minutes(a.get_minutes() + b.get_minutes())
        .ok()?
        .try_seconds(a.get_seconds() + b.get_seconds())
        .ok()
}

/// `n` units ahead of or behind the reference, as a stretch.
fn stretch(env: &Env, w: Which, n: f64, unit: Unit) -> Option<Point> {
    let (span, fine) = span_of(n, unit)?;
    let ahead = match w {
        Which::This => return None,
        _ => w.ahead(),
    };
    if fine {
        let now = env.now();
        return if ahead {
            Point::stretch(now, now.checked_add(span).ok()?, Grain::Second)
        } else {
            Point::stretch(now.checked_sub(span).ok()?, now, Grain::Second)
        };
    }
    let today = env.today();
    let aligned = unit.grain == Grain::Quarter || unit.times >= 10.0;
    if aligned {
        // Whole quarters or decades next to the reference's own.
        let times = if unit.grain == Grain::Quarter {
            1
        } else {
            unit.times as i64
        };
        let this = start_of(today, unit.grain, times)?;
        let own = if unit.grain == Grain::Quarter {
            unit.grain.span(1)?
        } else {
            unit.grain.span(times)?
        };
        let (start, end) = if ahead {
            let s = this.checked_add(own).ok()?;
            (s, s.checked_add(span).ok()?)
        } else {
            (this.checked_sub(span).ok()?, this)
        };
        return Point::stretch(midnight(start), midnight(end), unit.grain);
    }
    if ahead {
        let start = today.tomorrow().ok()?;
        Point::stretch(
            midnight(start),
            midnight(start.checked_add(span).ok()?),
            Grain::Day,
        )
    } else {
        let end = midnight(today);
        Point::stretch(end.checked_sub(span).ok()?, end, Grain::Day)
    }
}
