//! Open ends and ranges built from points: "since March 2024", "after
//! 2016", "before 2018", "until 1 July 2024", "2012 or later", "between
//! 2022 and 2024", "from May to July".
//!
//! # Grammar
//!
//! ```text
//! shaped = "since" point                                          -> since its start
//!        | ("starting" | "beginning") ["on" | "from"] point       -> since its start
//!        | ("after" | "later than" | "greater than") point        -> since its end
//!        | point ("or" | "and") ("later" | "after" | "greater")   -> since its start
//!        | ("before" | "earlier than" | "prior to") point         -> until its start
//!        | ("until" | "till" | "til" | "through" | "by" | "no later than") point
//!                                                                 -> until its end (the day is included)
//!        | "between" point "and" point
//!        | "from" point ("to" | "until" | "till" | "through" | "-" | "–") point
//! ```

use super::calendar::{Lean, Point};
use super::lex::{any_kw, blank, kw, opt_kw, punct, word};
use super::token::{Roles, key};
use super::{Env, Found, finish, point};
use crate::period::Shape;

/// The words that open or join points: the first words of [`shaped`].
pub(super) const WORDS: [&str; 18] = [
    "between",
    "from",
    "since",
    "starting",
    "beginning",
    "after",
    "later",
    "greater",
    "before",
    "earlier",
    "prior",
    "until",
    "till",
    "til",
    "through",
    "by",
    "more",
    "no",
];

/// The shaped expression at the start of `s`: where it starts, the rest,
/// and what it means.
pub(super) fn shaped<'a>(env: &Env, s: &'a str) -> Option<(usize, &'a str, Found)> {
    let s = blank(s);
    let (t, after) = env.next(s);
    // Only a word of [`WORDS`] opens a point; only a year goes on with
    // "or later".
    let year_or = t.is_digits_of(4) && {
        let t1 = env.next(after).0;
        t1.is(key!("or")) || t1.is(key!("and"))
    };
    if !(t.has(Roles::SHAPE) || year_or) {
        return None;
    }
    let start = env.offset(s);
    let Some((r, w)) = word(s) else {
        // "2018 or later": a bare year the trailing words call a year.
        let (r, p) = super::date::bare_year(s)?;
        let (rest, found) = trailing(env, r, Ok(p))?;
        return Some((start, rest, found));
    };
    let lower = |k: &str| w.eq_ignore_ascii_case(k);
    if (lower("between") || lower("from"))
        && let Some(found) = range(env, r, lower("between"))
    {
        return Some((start, found.0, found.1));
    }
    // Open ends led by a word.
    let (r, open) = if lower("since") {
        (r, Open::FromStart)
    } else if lower("starting") || lower("beginning") {
        (
            kw(r, "on").or_else(|| kw(r, "from")).unwrap_or(r),
            Open::FromStart,
        )
    } else if lower("after") {
        (r, Open::FromEnd)
    } else if (lower("later") || lower("greater")) && kw(r, "than").is_some() {
        (kw(r, "than")?, Open::FromEnd)
    } else if lower("before") {
        (r, Open::ToStart)
    } else if lower("earlier") && kw(r, "than").is_some() {
        (kw(r, "than")?, Open::ToStart)
    } else if lower("prior") && kw(r, "to").is_some() {
        (kw(r, "to")?, Open::ToStart)
    } else if lower("until") || lower("till") || lower("til") || lower("through") || lower("by") {
        (r, Open::ToEnd)
    } else if lower("more") && kw(r, "than").is_some() {
        // "more than two years ago": before the counted day.
        let r = kw(r, "than")?;
        let (rest, p) = super::relative::counted_point(env, r)?;
        return Some((start, rest, open_end(env, Ok(p), Open::ToStart)));
    } else if lower("no") {
        let r = kw(r, "later").and_then(|r| kw(r, "than"))?;
        (r, Open::ToEnd)
    } else {
        return None;
    };
    // "by end of this month", "after the beginning of March": the point
    // narrows to its end or its start.
    let r2 = opt_kw(r, "the");
    let (r, edge) = match any_kw(r2, &["end", "beginning", "start"])
        .and_then(|(r3, i)| Some((kw(r3, "of")?, i)))
    {
        Some((r3, i)) => (r3, Some(i == 0)),
        None => (r, None),
    };
    let (rest, mut p) = point(env, r)?;
    if let (Some(at_end), Ok(q)) = (edge, p.as_mut()) {
        if at_end {
            q.start = q.end;
        } else {
            q.end = q.start;
        }
    }
    Some((start, rest, open_end(env, p, open)))
}

/// Which way an open interval runs from its point.
#[derive(Clone, Copy)]
enum Open {
    FromStart,
    FromEnd,
    ToStart,
    ToEnd,
}

fn open_end(env: &Env, p: Result<Point, String>, open: Open) -> Found {
    let mut p = match p {
        Ok(p) => p,
        Err(m) => return Found::Impossible(m),
    };
    let shape = match open {
        Open::FromStart => Shape::Since,
        Open::FromEnd => {
            p.start = p.end;
            Shape::Since
        }
        Open::ToStart => {
            p.end = p.start;
            Shape::Until
        }
        Open::ToEnd => Shape::Until,
    };
    // An open end states no weekday of its own to check.
    finish(env, p, shape)
}

/// "2012 or later", "1/1/2016 and after": the words after point `p`
/// (which ends where `r` starts) open it.
pub(super) fn trailing<'a>(
    env: &Env,
    r: &'a str,
    p: Result<Point, String>,
) -> Option<(&'a str, Found)> {
    let r2 = kw(r, "or").or_else(|| kw(r, "and"))?;
    let (rest, _) = any_kw(r2, &["later", "after", "greater"])?;
    // "1/1/2016 and after my work is done": "after" leads a clause.
    if word(rest).is_some() || blank(rest).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((rest, open_end(env, p, Open::FromStart)))
}

/// "between 2022 and 2024", "from May to July": from the start of the
/// first to the end of the second, counted in the finer grain.
fn range<'a>(env: &Env, s: &'a str, between: bool) -> Option<(&'a str, Found)> {
    let (r, first) = point(env, s)?;
    let r = if between {
        kw(r, "and")?
    } else {
        kw(r, "to")
            .or_else(|| kw(r, "until"))
            .or_else(|| kw(r, "till"))
            .or_else(|| kw(r, "through"))
            .or_else(|| punct(r, '-'))
            .or_else(|| punct(r, '–'))?
    };
    let before = env.range_end.replace(true);
    let second = point(env, r);
    env.range_end.set(before);
    let (rest, second) = second?;
    let (first, mut second) = match (first, second) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(m), _) | (_, Err(m)) => return Some((rest, Found::Impossible(m))),
    };
    // "between November and March": a second end whose year was inferred
    // comes after the first.
    if second.end <= first.start && second.lean == Lean::Year {
        let year = jiff::Span::new().years(1);
        second.start = second.start.checked_add(year).ok()?;
        second.end = second.end.checked_add(year).ok()?;
    }
    let whole = Point::stretch(first.start, second.end, first.grain.min(second.grain))?
        .lean(first.lean.max(second.lean));
    Some((rest, finish(env, whole, Shape::Interval)))
}
