//! The wording around a figure: qualifiers that bound or widen it ("more
//! than", "about", "up to") and magnitudes too vague to state ("thousands
//! of", "several hundred").
//!
//! # Grammar
//!
//! ```text
//! qualifier = "around" | "about" | "some" | "roughly" | "approximately"
//!           | "an estimated" | "estimated"                 -- Approximately
//!           | "nearly" | "almost" | "close to" | "just under"  -- Nearly
//!           | "more than" | "greater than" | "over" | "above"
//!           | "in excess of" | "upwards of" | "just over"  -- MoreThan
//!           | "at least" | "no fewer than" | "no less than"
//!           | "not less than" | "a minimum of"             -- AtLeast
//!           | "fewer than" | "less than" | "under" | "below"  -- LessThan
//!           | "up to" | "at most" | "no more than" | "not more than"
//!           | "a maximum of" | "as many as" | "as much as"  -- AtMost
//! vague     = [ ( "tens" | "hundreds" | "dozens" ) space+ "of" space+ ]
//!             ( "dozens" | "hundreds" | "thousands" | "millions"
//!             | "billions" )
//!           | ( "tens" | "scores" ) space+ "of"
//! few       = ( "several" | "a few" | "few" | "many" ) space+
//!             ( "dozen" | "hundred" | scale-word )
//! ```
//!
//! A vague magnitude has the interval of [`Figure::vague`]; "several
//! hundred" is narrower, two to nine of the unit.

use super::lexicon;
use super::words::{self, gap, lower, word};
use crate::figure::{Figure, Qualifier};

/// The qualifier phrase at the start of `s`, and the rest after it and
/// the spaces that follow.
pub(super) fn qualifier(s: &str) -> Option<(Qualifier, &str)> {
    use Qualifier::*;
    let (w, after) = word(s)?;
    // The first word picks the phrases to try: what must follow it, and
    // what the phrase means. Each is a word of the lexicon, which has it
    // in lower case.
    let tails: &[(&str, Qualifier)] = match lexicon::lookup(w).word {
        "in" => &[("excess of", MoreThan)],
        "no" => &[
            ("fewer than", AtLeast),
            ("less than", AtLeast),
            ("more than", AtMost),
        ],
        "not" => &[("less than", AtLeast), ("more than", AtMost)],
        "a" => &[("minimum of", AtLeast), ("maximum of", AtMost)],
        "as" => &[("many as", AtMost), ("much as", AtMost)],
        "an" => &[("estimated", Approximately)],
        "upwards" => &[("of", MoreThan)],
        "more" | "greater" => &[("than", MoreThan)],
        "fewer" | "less" => &[("than", LessThan)],
        "at" => &[("least", AtLeast), ("most", AtMost)],
        "up" => &[("to", AtMost)],
        "just" => &[("over", MoreThan), ("under", Nearly)],
        "close" => &[("to", Nearly)],
        "approximately" | "roughly" | "around" | "about" | "estimated" | "some" => {
            &[("", Approximately)]
        }
        "nearly" | "almost" => &[("", Nearly)],
        "over" | "above" => &[("", MoreThan)],
        "under" | "below" => &[("", LessThan)],
        _ => return None,
    };
    for &(tail, q) in tails {
        // The words of a phrase are one space apart.
        let rest = if tail.is_empty() {
            after
        } else {
            let Some(at) = after.strip_prefix(' ') else {
                continue;
            };
            match at.get(..tail.len()) {
                Some(head) if head.eq_ignore_ascii_case(tail) => &at[tail.len()..],
                _ => continue,
            }
        };
        let n = rest.bytes().take_while(|&b| b == b' ').count();
        if n == 0 {
            continue;
        }
        return Some((q, &rest[n..]));
    }
    None
}

/// A vague magnitude: "thousands", "tens of thousands", "hundreds of
/// millions", "dozens". Returns its unit and the rest.
pub(super) fn vague(s: &str) -> Option<(f64, &str)> {
    let (w, rest) = word(s)?;
    // Every vague magnitude is a plural number word, which the lexicon
    // has in lower case.
    if w.as_bytes().last().is_none_or(|b| b | 0x20 != b's') {
        return None;
    }
    let lw = lexicon::lookup(w).word;
    let unit = match lw {
        "tens" => 10.0,
        "scores" => 20.0,
        "dozens" => 12.0,
        "hundreds" => 100.0,
        _ if lw.ends_with('s') => words::scale_word(lw)?,
        _ => return None,
    };
    // "tens of thousands", "hundreds of millions".
    if unit < 1000.0
        && let Some(at) = gap(rest)
        && let Some((of, after)) = word(at)
        && of.eq_ignore_ascii_case("of")
        && let Some(at) = gap(after)
        && let Some((w2, after2)) = word(at)
    {
        let mut buf2 = [0u8; 16];
        if let Some(l2) = lower(w2, &mut buf2)
            && l2.ends_with('s')
            && let Some(scale) = words::scale_word(l2)
        {
            return Some((unit * scale, after2));
        }
    }
    // "tens" and "scores" are magnitudes only before "of": "test scores".
    if matches!(lw, "tens" | "scores")
        && !gap(rest)
            .and_then(word)
            .is_some_and(|(of, _)| of.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    Some((unit, rest))
}

/// "several hundred", "a few thousand", "many millions": a magnitude with
/// a count too vague to state, from two of the unit up to, not including,
/// ten of it. Returns the figure and the rest.
pub(super) fn few(s: &str) -> Option<(Figure, &str)> {
    let (w, mut rest) = word(s)?;
    let mut buf = [0u8; 16];
    match lower(w, &mut buf)? {
        "several" | "few" | "many" => {}
        "a" => {
            let (few, after) = word(gap(rest)?)?;
            if !few.eq_ignore_ascii_case("few") {
                return None;
            }
            rest = after;
        }
        _ => return None,
    }
    let (w, rest) = word(gap(rest)?)?;
    let mut buf = [0u8; 16];
    let unit = match lower(w, &mut buf)? {
        "hundred" => 100.0,
        "dozen" => 12.0,
        lw if !lw.ends_with('s') => words::scale_word(lw)?,
        _ => return None,
    };
    let figure = Figure {
        value: unit,
        low: Some(2.0 * unit),
        high: Some(10.0 * unit - 1.0),
        qualifier: Qualifier::Vague,
    };
    Some((figure, rest))
}
