//! Lengths of time: "three years", "six months", "2:00:35", "3h",
//! "3.5years", "a fortnight", "all day", "an hour and a half", "one week
//! three days".
//!
//! A single unit keeps its unit ("a fortnight" is 2 weeks, "two decades"
//! 20 years); a sum of units or a clock-style length is counted in seconds.
//!
//! # Grammar
//!
//! ```text
//! duration = counted (["and" | ","] counted)*
//!          | ("all" | "full" | "whole" | "another") ["-"] unit
//!          | hours ":" mm ":" ss                          (a race time: "2:00:35")
//! counted  = amount unit ["and" ("a" | "an") ("half" | "quarter")]
//! ```
//!
//! "a second" is not a length (it is "another one": "a second wave").

use super::lex::{
    Found as Read, any_kw, blank, continues_right, kw, number_tight, punct, tight, word_before,
};
use super::relative::counted;
use super::token::key;
use super::words::{Unit, unit_word};
use super::{Env, Found};
use crate::figure::Figure;
use crate::mention::Value;
use crate::period::{Duration, Grain};

/// The length of time at the start of `s`.
pub(super) fn duration<'a>(env: &Env, s: &'a str) -> Option<(usize, &'a str, Found)> {
    let s = blank(s);
    let start = env.offset(s);
    let t = env.next(s).0;
    let counts =
        t.may_count() || t.is_any(&[key!("all"), key!("full"), key!("whole"), key!("another")]);
    if !counts {
        return None;
    }
    let (rest, (amount, unit)) = race_time(s)
        .or_else(|| whole_unit(s))
        .or_else(|| units(env, s))?;
    // "the last 3 months" is a stretch of time, not a length.
    if super::relative::after_the_last(env, start) {
        return None;
    }
    let value = Value::Duration {
        duration: Duration {
            amount: Figure::exact(amount),
            unit,
        },
    };
    Some((start, rest, Found::Length(value)))
}

/// "2:00:35": hours, minutes and seconds, in seconds.
fn race_time(s: &str) -> Read<'_, (f64, Grain)> {
    let (r, h) = number_tight(s, 1, 3)?;
    let (r, m) = tight(r, ':').and_then(|r| number_tight(r, 2, 2))?;
    let (r, sec) = tight(r, ':').and_then(|r| number_tight(r, 2, 2))?;
    if m > 59 || sec > 59 || continues_right(r) {
        return None;
    }
    Some((r, (f64::from(h * 3600 + m * 60 + sec), Grain::Second)))
}

/// "all day", "full-week", "another month".
fn whole_unit(s: &str) -> Read<'_, (f64, Grain)> {
    let (r, _) = any_kw(s, &["all", "full", "whole", "another"])?;
    let r = tight(r, '-').unwrap_or(r);
    let (rest, unit) = unit_word(r)?;
    (unit.times == 1.0).then_some((rest, (1.0, unit.grain)))
}

/// "$2 a day", "twice a year", "three times a week": "a" unit after a
/// count is a rate, not a length. ("Three meals a day" still reads as a
/// length: a plural before "a" is as often a verb, "it takes a day".)
fn is_rate(env: &Env, s: &str) -> bool {
    if kw(s, "a").or_else(|| kw(s, "an")).is_none() {
        return false;
    }
    let at = env.offset(s);
    let head = env.text[..at].trim_end();
    if head.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    word_before(env.text, at).is_some_and(|w| {
        let lower = |k: &str| w.eq_ignore_ascii_case(k);
        ["twice", "once", "thrice", "times", "per"]
            .iter()
            .any(|k| lower(k))
    })
}

/// Number words the numeric family reads otherwise: "three quarters" is a
/// share, "three hundred twenty second" an ordinal. A count in words of
/// quarters, or of a singular "second" above one, is left to it.
fn reads_as_number(s: &str, rest: &str, n: f64, unit: Unit) -> bool {
    if blank(s).starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let written = &s[..s.len() - rest.len()];
    let singular_second = n != 1.0
        && unit.grain == Grain::Second
        && written
            .trim_end()
            .get(written.trim_end().len().saturating_sub(6)..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case("second"));
    unit.grain == Grain::Quarter || singular_second
}

/// One or more counted units; a sum is in seconds.
fn units<'a>(env: &Env, s: &'a str) -> Read<'a, (f64, Grain)> {
    if kw(s, "a").and_then(|r| kw(r, "second")).is_some() {
        return None;
    }
    let (mut rest, (n, unit)) = counted(env, s)?;
    if is_rate(env, s) || reads_as_number(s, rest, n, unit) {
        return None;
    }
    let mut parts: Vec<(f64, Unit)> = Vec::new();
    parts.push((n, unit));
    for _ in 0..4 {
        let r = kw(rest, "and").or_else(|| punct(rest, ',')).unwrap_or(rest);
        if !env.next(r).0.may_count() {
            break;
        }
        let Some((r2, (n, unit))) = counted(env, r) else {
            break;
        };
        parts.push((n, unit));
        rest = r2;
    }
    if let [(n, unit)] = parts[..] {
        let total = n * unit.times;
        return total.is_finite().then_some((rest, (total, unit.grain)));
    }
    let seconds: f64 = parts
        .iter()
        .map(|(n, u)| n * u.times * u.grain.nominal_seconds())
        .sum();
    seconds
        .is_finite()
        .then_some((rest, (seconds, Grain::Second)))
}
