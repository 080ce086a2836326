//! Periods and durations: where a temporal expression lands on the calendar.
//!
//! A [`Period`] is a start, an exclusive end and a grain, all in civil
//! (zone-less) time, as news dates are written. "March 2024" is
//! `[2024-03-01, 2024-04-01)` with grain month; "1 July 2024" is one day;
//! "since March 2024" starts on 1 March 2024 and has no end. A period also
//! records what the text stated and what was implied (a year the text left
//! out, a relative expression resolved against the document's date), so a
//! reader can tell a quoted date from one the library worked out.
//!
//! All calendar arithmetic goes through jiff; this module never counts days
//! itself.

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::figure::Figure;

/// The unit a period or duration is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A calendar day.
    Day,
    /// A week (seven days; ISO weeks start on Monday).
    Week,
    /// A calendar month.
    Month,
    /// A quarter of a year (three months).
    Quarter,
    /// A calendar year.
    Year,
}

impl Grain {
    /// The grain's name as used in JSON ("day", "month", ...).
    pub fn name(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }

    /// Nominal length in seconds, for comparing durations across units: a
    /// month counts as 30 days and a year as 365, a quarter as 91 days.
    pub fn nominal_seconds(self) -> f64 {
        match self {
            Grain::Second => 1.0,
            Grain::Minute => 60.0,
            Grain::Hour => 3_600.0,
            Grain::Day => 86_400.0,
            Grain::Week => 7.0 * 86_400.0,
            Grain::Month => 30.0 * 86_400.0,
            Grain::Quarter => 91.0 * 86_400.0,
            Grain::Year => 365.0 * 86_400.0,
        }
    }

    /// `n` of this grain as a jiff span, for calendar arithmetic; `None`
    /// when `n` is beyond jiff's range ("in 900000 years"), which callers
    /// must treat as no time at all rather than as zero.
    pub fn span(self, n: i64) -> Option<jiff::Span> {
        let s = jiff::Span::new();
        let r = match self {
            Grain::Second => s.try_seconds(n),
            Grain::Minute => s.try_minutes(n),
            Grain::Hour => s.try_hours(n),
            Grain::Day => s.try_days(n),
            Grain::Week => s.try_weeks(n),
            Grain::Month => s.try_months(n),
            Grain::Quarter => s.try_months(n.checked_mul(3)?),
            Grain::Year => s.try_years(n),
        };
        r.ok()
    }
}

/// The shape of a period: a named stretch of time, or an interval with one
/// or two stated ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// A point at the grain's resolution: "1 July 2024" (a day), "March
    /// 2024" (a month), "2014" (a year), "10:53" (a minute). `end` is the
    /// start plus one grain.
    Instant,
    /// A stretch with two ends: "between 2022 and 2024", "from May to
    /// July", "the past year", "Q3 2024", "the 1990s".
    Interval,
    /// Open at the end: "since March 2024", "after 2016".
    Since,
    /// Open at the start: "until 1 July 2024", "by 1 July 2024", "before
    /// 2018".
    Until,
}

/// How a period was tied to the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "anchor")]
pub enum Anchor {
    /// Everything was stated in the text.
    Absolute,
    /// The text left out the year ("Aug. 9"); it was taken from the
    /// reference date, as the most recent such date not after it.
    YearInferred {
        /// The reference date the year came from.
        reference: Date,
    },
    /// A relative expression ("a year ago", "last month") resolved against
    /// the reference date.
    Relative {
        /// The reference date it was resolved against.
        reference: Date,
    },
    /// A relative expression with no reference date to resolve it against:
    /// `start` and `end` are `None`.
    Unresolved,
}

/// A day of the week, as a text states it beside a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<jiff::civil::Weekday> for Weekday {
    fn from(w: jiff::civil::Weekday) -> Weekday {
        use jiff::civil::Weekday as J;
        match w {
            J::Monday => Weekday::Monday,
            J::Tuesday => Weekday::Tuesday,
            J::Wednesday => Weekday::Wednesday,
            J::Thursday => Weekday::Thursday,
            J::Friday => Weekday::Friday,
            J::Saturday => Weekday::Saturday,
            J::Sunday => Weekday::Sunday,
        }
    }
}

impl From<Weekday> for jiff::civil::Weekday {
    fn from(w: Weekday) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as J;
        match w {
            Weekday::Monday => J::Monday,
            Weekday::Tuesday => J::Tuesday,
            Weekday::Wednesday => J::Wednesday,
            Weekday::Thursday => J::Thursday,
            Weekday::Friday => J::Friday,
            Weekday::Saturday => J::Saturday,
            Weekday::Sunday => J::Sunday,
        }
    }
}

/// A weekday stated beside a date, and the weekday the calendar gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeekdayCheck {
    /// The weekday the text states ("Thursday, March 6, 2025").
    pub stated: Weekday,
    /// The weekday of the date on the calendar.
    pub actual: Weekday,
}

impl WeekdayCheck {
    /// Whether the stated weekday is the calendar's.
    pub fn holds(&self) -> bool {
        self.stated == self.actual
    }
}

/// A stretch of calendar time: a start, an exclusive end and a grain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First instant inside the period, or `None` when open at the start
    /// (or unresolved).
    pub start: Option<DateTime>,
    /// First instant after the period, or `None` when open at the end (or
    /// unresolved).
    pub end: Option<DateTime>,
    /// The resolution the text gave.
    pub grain: Grain,
    /// Instant, interval, or open on one side.
    pub shape: Shape,
    /// What was stated and what was implied.
    #[serde(flatten)]
    pub anchor: Anchor,
    /// A weekday stated beside the date, checked against the calendar.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub weekday: Option<WeekdayCheck>,
}

impl Period {
    /// The instant of grain `grain` that starts at `start`: "March 2024" is
    /// `Period::instant(2024-03-01T00:00, Grain::Month)`. Returns `None` when
    /// the end would fall outside jiff's range.
    pub fn instant(start: DateTime, grain: Grain) -> Option<Period> {
        let end = start.checked_add(grain.span(1)?).ok()?;
        Some(Period {
            start: Some(start),
            end: Some(end),
            grain,
            shape: Shape::Instant,
            anchor: Anchor::Absolute,
            weekday: None,
        })
    }

    /// The whole calendar day `date`.
    pub fn day(date: Date) -> Option<Period> {
        Period::instant(date.to_datetime(jiff::civil::Time::midnight()), Grain::Day)
    }

    /// An interval `[start, end)` of the given grain.
    pub fn interval(start: DateTime, end: DateTime, grain: Grain) -> Period {
        Period {
            start: Some(start),
            end: Some(end),
            grain,
            shape: Shape::Interval,
            anchor: Anchor::Absolute,
            weekday: None,
        }
    }

    /// The same period with another anchor.
    pub fn anchored(self, anchor: Anchor) -> Period {
        Period { anchor, ..self }
    }

    /// Whether the two periods share some instant (open ends reach to the
    /// end of time; unresolved periods overlap nothing).
    pub fn overlaps(&self, other: &Period) -> bool {
        if self.anchor == Anchor::Unresolved || other.anchor == Anchor::Unresolved {
            return false;
        }
        let before = match (self.end, other.start) {
            (Some(e), Some(s)) => e <= s,
            _ => false,
        };
        let after = match (self.start, other.end) {
            (Some(s), Some(e)) => s >= e,
            _ => false,
        };
        !before && !after
    }

    /// Whether `other` lies wholly inside this period.
    pub fn contains(&self, other: &Period) -> bool {
        let starts = match (self.start, other.start) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a <= b,
        };
        let ends = match (self.end, other.end) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => b <= a,
        };
        starts && ends && self.anchor != Anchor::Unresolved && other.anchor != Anchor::Unresolved
    }
}

/// A length of time: "six months", "three years", "2:00:35".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    /// How many units, with its interval ("about six months").
    pub amount: Figure,
    /// The unit counted. A clock-style duration ("2:00:35") or a sum of
    /// units ("2 hours 30 minutes") is counted in seconds.
    pub unit: Grain,
}

impl Duration {
    /// The nominal length in seconds (see [`Grain::nominal_seconds`]).
    pub fn seconds(&self) -> f64 {
        self.amount.value * self.unit.nominal_seconds()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_month_instant_ends_on_the_first_of_the_next() {
        let p = Period::instant(date(2024, 3, 1).at(0, 0, 0, 0), Grain::Month).unwrap();
        assert_eq!(p.end, Some(date(2024, 4, 1).at(0, 0, 0, 0)));
    }

    #[test]
    fn overlap_and_containment() {
        let march = Period::instant(date(2024, 3, 1).at(0, 0, 0, 0), Grain::Month).unwrap();
        let year = Period::instant(date(2024, 1, 1).at(0, 0, 0, 0), Grain::Year).unwrap();
        let day = Period::day(date(2024, 4, 1)).unwrap();
        assert!(year.contains(&march));
        assert!(!march.contains(&year));
        assert!(!march.overlaps(&day));
        assert!(year.overlaps(&day));
    }
}
