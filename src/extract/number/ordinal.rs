//! Ordinals: "21st", "twenty-first", "third", "hundredth".
//!
//! # Grammar
//!
//! ```text
//! ordinal = digit{1,9} ( "st" | "nd" | "rd" | "th" | "d" )
//!         | spelled-ordinal                  -- see [`super::words`]
//! ```
//!
//! Some ordinal words are something else in context: "a second" and "per
//! second" are time, "second-hand" and "first-rate" are adjectives, "the
//! second to last" is a relative position. Those are not ordinals here.

use super::digits;
use super::guard;
use super::words::{self, Acc, Mode, lower, word};

/// An ordinal at the start of `s`: "21st", "twenty-first", "third".
pub(super) fn ordinal(s: &str) -> Option<(i64, &str)> {
    let n = digits::digit_run(s);
    if n > 0 {
        if n > 9 {
            return None;
        }
        let rest = &s[n..];
        let (w, after) = word(rest)?;
        if !matches!(
            w,
            "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" | "d"
        ) {
            return None;
        }
        let v: i64 = s[..n].parse().ok()?;
        return Some((v, after));
    }
    let (rest, sp) = words::spell(s, Acc::new(), Mode::Ordinal)?;
    let v = sp.acc.value();
    if !(1.0..9.0e15).contains(&v) {
        return None;
    }
    Some((v as i64, rest))
}

/// Whether the ordinal word at `start..end` is really something else:
/// "a second" (time), "second-hand", "second to last".
pub(super) fn is_other(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    for glued in ["-hand", "-rate", "-guess", "-class"] {
        if rest.len() >= glued.len()
            && rest.is_char_boundary(glued.len())
            && rest[..glued.len()].eq_ignore_ascii_case(glued)
        {
            return true;
        }
    }
    let mut buf = [0u8; 16];
    let next = guard::next_word(text, end).and_then(|w| lower(w, &mut buf));
    if next == Some("to") {
        let after = text[end..].trim_start();
        if after
            .get(2..)
            .map(str::trim_start)
            .and_then(|r| r.get(..4))
            .is_some_and(|w| w.eq_ignore_ascii_case("last"))
        {
            return true;
        }
    }
    let word = &text[start..end];
    if word.eq_ignore_ascii_case("second") || word.eq_ignore_ascii_case("seconds") {
        let mut buf = [0u8; 16];
        let prev = guard::prev_word(text, start).and_then(|w| lower(w, &mut buf));
        if matches!(
            prev,
            Some("a" | "per" | "one" | "every" | "each" | "split" | "nano" | "milli")
        ) || word.len() > 6
            // "I second the motion", "they seconded it": a verb.
            || matches!(prev, Some("i" | "we" | "you" | "they" | "to"))
        {
            return true;
        }
        let mut buf = [0u8; 16];
        let next = guard::next_word(text, end).and_then(|w| lower(w, &mut buf));
        if matches!(next, Some("ago" | "later" | "earlier" | "long")) {
            return true;
        }
    }
    false
}
