//! Calendar helpers over jiff: named periods, weeks of a month, year
//! inference. Nothing here counts days by hand.

use jiff::civil::{Date, DateTime, ISOWeekDate, Time, Weekday};

use crate::period::{Grain, Shape, WeekdayCheck};

/// How a point was tied to the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Lean {
    /// Only what the text stated.
    Stated,
    /// The year came from the reference.
    Year,
    /// Resolved against the reference.
    Relative,
}

/// A period named in the text, before it is shaped into an interval or an
/// open end and anchored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Point {
    /// First instant inside.
    pub start: DateTime,
    /// First instant after.
    pub end: DateTime,
    /// The resolution the text gave.
    pub grain: Grain,
    /// `Instant` for one unit of `grain`, `Interval` otherwise.
    pub shape: Shape,
    /// A weekday stated beside the date.
    pub weekday: Option<WeekdayCheck>,
    /// What the point took from the reference.
    pub lean: Lean,
    /// The text named the afternoon, evening or night of the day
    /// ("tonight", "yesterday afternoon"): a bare clock hour is after noon.
    pub evening: bool,
}

impl Point {
    /// One unit of `grain` starting at `start`.
    pub fn instant(start: DateTime, grain: Grain) -> Option<Point> {
        let end = start.checked_add(grain.span(1)?).ok()?;
        Some(Point {
            start,
            end,
            grain,
            shape: Shape::Instant,
            weekday: None,
            lean: Lean::Stated,
            evening: false,
        })
    }

    /// The whole day `date`.
    pub fn day(date: Date) -> Option<Point> {
        Point::instant(midnight(date), Grain::Day)
    }

    /// `[start, end)` counted in `grain`; `None` when empty.
    pub fn stretch(start: DateTime, end: DateTime, grain: Grain) -> Option<Point> {
        (start < end).then_some(Point {
            start,
            end,
            grain,
            shape: Shape::Interval,
            weekday: None,
            lean: Lean::Stated,
            evening: false,
        })
    }

    /// The calendar unit of `grain` holding `date`, moved by `shift` units
    /// (`times` grains per unit: a decade is ten years).
    pub fn unit(date: Date, grain: Grain, times: i64, shift: i64) -> Option<Point> {
        let first = start_of(date, grain, times)?;
        let start = first
            .checked_add(grain.span(shift.checked_mul(times)?)?)
            .ok()?;
        if times == 1 {
            Point::instant(midnight(start), grain)
        } else {
            let end = start.checked_add(grain.span(times)?).ok()?;
            Point::stretch(midnight(start), midnight(end), grain)
        }
    }

    /// The same point, marked as taking `lean` from the reference.
    pub fn lean(mut self, lean: Lean) -> Point {
        self.lean = self.lean.max(lean);
        self
    }

    /// Whether the point is one calendar day.
    pub fn is_day(&self) -> bool {
        self.grain == Grain::Day && self.shape == Shape::Instant
    }

    /// The point's first day.
    pub fn date(&self) -> Date {
        self.start.date()
    }
}

/// Midnight at the start of `date`.
pub(super) fn midnight(date: Date) -> DateTime {
    date.to_datetime(Time::midnight())
}

/// The first day of the unit of `grain` (times `times`) holding `date`.
pub(super) fn start_of(date: Date, grain: Grain, times: i64) -> Option<Date> {
    Some(match grain {
        Grain::Week => monday_of(date)?,
        Grain::Month => date.first_of_month(),
        Grain::Quarter => {
            let m = (date.month() - 1) / 3 * 3 + 1;
            Date::new(date.year(), m, 1).ok()?
        }
        Grain::Year => {
            let y = i64::from(date.year());
            let y = y - y.rem_euclid(times.max(1));
            Date::new(i16::try_from(y).ok()?, 1, 1).ok()?
        }
        _ => date,
    })
}

/// The Monday starting the ISO week of `date`.
pub(super) fn monday_of(date: Date) -> Option<Date> {
    date.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()
}

/// The most recent `weekday` not after `date`.
pub(super) fn last_weekday(date: Date, weekday: Weekday) -> Option<Date> {
    date.tomorrow().ok()?.nth_weekday(-1, weekday).ok()
}

/// The `weekday` of the ISO week that starts on `monday`.
pub(super) fn weekday_in_week(monday: Date, weekday: Weekday) -> Option<Date> {
    let offset = Weekday::Monday.until(weekday);
    monday.checked_add(jiff::Span::new().days(offset)).ok()
}

/// The weeks (Monday to Sunday) that belong to the days `first..=last`:
/// those whose Thursday falls inside, as ISO weeks belong to years. The
/// `n`th (1-based), or the last when `n` is 0.
pub(super) fn week_within(first: Date, last: Date, n: i32) -> Option<Date> {
    let thursday = if n == 0 {
        last.tomorrow()
            .ok()?
            .nth_weekday(-1, Weekday::Thursday)
            .ok()?
    } else {
        let first_thursday = first
            .yesterday()
            .ok()?
            .nth_weekday(1, Weekday::Thursday)
            .ok()?;
        first_thursday
            .checked_add(jiff::Span::new().weeks(i64::from(n - 1)))
            .ok()?
    };
    if thursday < first || thursday > last {
        return None;
    }
    monday_of(thursday)
}

/// Monday of ISO week `week` of `year`.
pub(super) fn iso_week(year: i16, week: i8) -> Option<Date> {
    Some(ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date())
}

/// The weekday check for a date whose weekday the text stated.
pub(super) fn check(stated: Weekday, date: Date) -> WeekdayCheck {
    WeekdayCheck {
        stated: stated.into(),
        actual: date.weekday().into(),
    }
}

/// The latest year, from the reference's back to eight years before it,
/// for which `make` gives a point starting no later than `reference`.
pub(super) fn latest_not_after(
    reference: DateTime,
    make: impl Fn(i16) -> Option<Point>,
) -> Option<Point> {
    let year = reference.year();
    (0..=8)
        .filter_map(|back| make(year.checked_sub(back)?))
        .find(|p| p.start <= reference)
}

/// A two-digit year: 00–39 are this century, 40–99 the last (news rarely
/// writes years more than a decade ahead).
pub(super) fn full_year(yy: u32) -> i16 {
    let yy = (yy % 100) as i16;
    if yy < 40 { 2000 + yy } else { 1900 + yy }
}
