//! The temporal family: dates, relative times, intervals and durations.
//!
//! A temporal expression is found in three layers. A *point* names a
//! stretch of the calendar ("1 July 2024", "March 2024", "last week", "two
//! weeks ago", "Q3 2024"). A *shape* opens or joins points ("since March
//! 2024", "before 2018", "between 2022 and 2024"). A *duration* is a length
//! with no place on the calendar ("six months", "2:00:35"). Relative points
//! resolve against [`Cx::reference`]; when there is none they are still
//! reported, unresolved, with a [`DiagnosticKind::UnresolvedTime`].
//!
//! This module never reads the clock and never counts days itself: all
//! calendar arithmetic is jiff's.
//!
//! # Grammar
//!
//! ```text
//! expression = shaped | point | duration
//! shaped     = ("since" | ("starting" | "beginning") ["on" | "from"]) point     -> since its start
//!            | ("after" | "later than" | "greater than") point                   -> since its end
//!            | point ("or" | "and") ("later" | "after" | "greater")              -> since its start
//!            | ("before" | "earlier than" | "prior to") point                    -> until its start
//!            | ("until" | "till" | "through" | "by" | "no later than") point     -> until its end
//!            | "between" point "and" point | "from" point ("to" | "until" | "-") point
//! point      = date [clock] | clock ["on"] date | relative      (see date.rs, relative.rs, clock.rs)
//! duration   = see duration.rs
//! ```
//!
//! "until 1 July 2024" and "by 1 July 2024" include the named day: the
//! period ends at the start of 2 July. "before 1 July 2024" excludes it.
//!
//! The trigger words ([`is_trigger`]) are the words a temporal expression
//! hinges on; the scanner also starts the grammar up to three words before
//! a trigger, which is how "since", "in the past" or "a year" lead in.
//!
//! # Adding a kind of temporal expression
//!
//! Write its grammar in the file of its layer (date.rs for named periods,
//! relative.rs for expressions resolved against the reference, shape.rs for
//! open ends and ranges, duration.rs for lengths), add its vocabulary to
//! words.rs and its hinge word to [`is_trigger`], and add positive and
//! negative examples to the tables in tests.rs.

mod calendar;
mod clock;
mod date;
mod duration;
mod lex;
mod relative;
mod shape;
mod words;

#[cfg(test)]
mod tests;

use jiff::civil::{Date, DateTime};

use super::{Candidate, Cx};
use crate::mention::{DiagnosticKind, Value};
use crate::period::{Anchor, Period, Shape};
use crate::span::Span;
use calendar::{Lean, Point};

/// Whether a lower-case word can anchor a temporal expression.
pub(crate) fn is_trigger(word: &str) -> bool {
    if words::month_of(word).is_some()
        || words::weekday_of(word).is_some()
        || words::unit_of(word).is_some()
    {
        return true;
    }
    matches!(
        word,
        "today"
            | "tomorrow"
            | "tmrw"
            | "yesterday"
            | "tonight"
            | "now"
            | "ago"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "noon"
            | "midnight"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "otd"
            | "end"
            | "beginning"
            | "christmas"
            | "easter"
            | "halloween"
            | "thanksgiving"
            | "juneteenth"
            | "independence"
            | "valentine"
            | "valentines"
            | "patrick"
            | "patricks"
    )
}

/// What the grammar reads from: the text and the reference. Points record
/// what they took from the reference themselves ([`Lean`]).
struct Env<'t> {
    /// The whole text; every input the grammar sees is a suffix of it.
    text: &'t str,
    /// The reference, or a stand-in when there is none (then `resolved` is
    /// false and whatever leaned on it is reported unresolved).
    reference: DateTime,
    resolved: bool,
}

impl<'t> Env<'t> {
    fn new(cx: &Cx<'t>) -> Env<'t> {
        Env {
            text: cx.text,
            reference: cx
                .reference
                .unwrap_or_else(|| calendar::midnight(jiff::civil::date(2000, 1, 1))),
            resolved: cx.reference.is_some(),
        }
    }

    /// The reference instant, for relative expressions.
    pub fn now(&self) -> DateTime {
        self.reference
    }

    /// The reference day, for relative expressions.
    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// The reference, for inferring a year the text left out.
    pub fn year_reference(&self) -> DateTime {
        self.reference
    }

    /// Byte offset of `rest` (a suffix of the text) in the text.
    pub fn offset(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }
}

/// What one alternative of the grammar found: where it ends, what it means.
enum Found {
    /// A period, possibly opened or joined.
    Period(Period, Option<(DiagnosticKind, String)>),
    /// A date that does not exist.
    Impossible(String),
    /// A length of time.
    Length(Value),
}

/// One top-level reading: where it starts, the rest of the input, what it
/// found.
type Alternative = for<'a> fn(&Env, &'a str) -> Option<(usize, &'a str, Found)>;

/// The temporal expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let s = cx.text.get(at..)?;
    let env = Env::new(cx);
    let mut best: Option<(usize, usize, Found)> = None;
    let alternatives: [Alternative; 3] = [shape::shaped, point_expression, duration::duration];
    for alternative in alternatives {
        let Some((start, rest, found)) = alternative(&env, s) else {
            continue;
        };
        let end = env.offset(rest);
        if best.as_ref().is_none_or(|b| end > b.1) {
            best = Some((start, end, found));
        }
    }
    let (start, end, found) = best?;
    let span = Span::new(start, end);
    Some(match found {
        Found::Impossible(message) => {
            Candidate::problem(span, DiagnosticKind::ImpossibleDate, message)
        }
        Found::Length(value) => Candidate::new(span, value),
        Found::Period(period, problem) => Candidate {
            span,
            consumed: end,
            value: Some(Value::Time { period }),
            problem,
        },
    })
}

/// A point with its trailing clock time, as a whole expression.
fn point_expression<'a>(env: &Env, s: &'a str) -> Option<(usize, &'a str, Found)> {
    let start = env.offset(lex::blank(s));
    let (rest, p) = point(env, s)?;
    Some((
        start,
        rest,
        match p {
            Ok(p) => finish(env, p, p.shape),
            Err(m) => Found::Impossible(m),
        },
    ))
}

/// A point: the longest of the date, relative and clock-joined readings.
/// `Err` carries the message for an impossible date.
fn point<'a>(env: &Env, s: &'a str) -> lex::Found<'a, Result<Point, String>> {
    let mut best = date::date(env, s);
    let mut keep = |found: lex::Found<'a, Result<Point, String>>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    keep(relative::relative(env, s));
    keep(clock::clock_before_date(env, s));
    let (rest, p) = best?;
    match p {
        Ok(p) if p.is_day() => Some(clock::clock_after_date(rest, p).unwrap_or((rest, Ok(p)))),
        other => Some((rest, other)),
    }
}

/// A point of one day, for anchors ("3 days after January 12th").
fn day_point<'a>(env: &Env, s: &'a str) -> lex::Found<'a, Point> {
    let (rest, p) = point(env, s)?;
    let p = p.ok()?;
    p.is_day().then_some((rest, p))
}

/// A period of `shape` made from `p`, anchored as the parse leaned.
fn finish(env: &Env, p: Point, shape: Shape) -> Found {
    let (start, end) = match shape {
        Shape::Instant | Shape::Interval => (Some(p.start), Some(p.end)),
        Shape::Since => (Some(p.start), None),
        Shape::Until => (None, Some(p.end)),
    };
    let reference = env.reference.date();
    let anchor = match p.lean {
        _ if !env.resolved && p.lean != Lean::Stated => Anchor::Unresolved,
        Lean::Stated => Anchor::Absolute,
        Lean::Year => Anchor::YearInferred { reference },
        Lean::Relative => Anchor::Relative { reference },
    };
    if anchor == Anchor::Unresolved {
        let period = Period {
            start: None,
            end: None,
            grain: p.grain,
            shape,
            anchor,
            weekday: None,
        };
        return Found::Period(
            period,
            Some((
                DiagnosticKind::UnresolvedTime,
                "relative time with no reference date to resolve it against".to_string(),
            )),
        );
    }
    let period = Period {
        start,
        end,
        grain: p.grain,
        shape,
        anchor,
        weekday: p.weekday,
    };
    let problem = p.weekday.filter(|w| !w.holds()).map(|w| {
        (
            DiagnosticKind::WeekdayMismatch,
            format!(
                "the text says {:?} but the date falls on a {:?}",
                w.stated, w.actual
            ),
        )
    });
    Found::Period(period, problem)
}
