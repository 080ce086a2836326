//! Amounts: a cardinal number in digits or words with its scale, and the
//! interval its wording implies.
//!
//! # Grammar
//!
//! ```text
//! amount     = numeral [ scale ]                    -- "3.5 million", "700k"
//!            | count gap spelled-continuation       -- "4 thousand 3 hundred"
//!            | count space+ fraction                -- "10 1/2"
//!            | fraction                             -- "3/4" (a share)
//!            | [ "half" | "quarter" ] [ "a" ] multiplier  -- "half a dozen"
//!            | spelled [ "and" mixed ] [ scale ]    -- "two and a half million"
//! scale      = glued-abbreviation | space+ ( scale-word | abbreviation )
//! glued-abbreviation = "k" | "K" | "M" | "MM" | "mn" | "mln" | "mil" | "bn"
//!            | "b" | "bln" | "tn" | "trn" | "tln" | "cr"
//!            | "m"                                  -- only for money
//! abbreviation = "bn" | "mn" | "mln" | "bln" | "tn" | "trn" | "tln" | "k"
//!            | "m"                                  -- only for money
//! fraction   = digit{1,3} "/" digit{1,3}            -- not followed by "/"
//! mixed      = ( "a" | "one" | spelled ) gap denominator  -- "a half",
//!                                                   -- "three quarters"
//! ```
//!
//! # Precision
//!
//! An amount in digits gets the interval of [`Figure::from_digits`]. An
//! amount in words is read as the integer it names ("seven hundred
//! thousand" is rounded as "700,000" is); a fraction in words is exact.

use super::digits::{Numeral, digit_run, numeral};
use super::words::{Acc, Mode, Term, gap, lower, scale_word, spell, word};
use crate::figure::Figure;

/// A cardinal amount and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Amount {
    /// The amount with its interval.
    pub figure: Figure,
    /// Written with at least one word ("twenty", "3 million").
    pub spelled: bool,
    /// A bare integer in digits, no separators, no scale: the kind of
    /// numeral that can also be a code or a model number.
    pub plain: bool,
    /// A fraction in digits or words ("3/4", "two thirds"): a share.
    pub share: bool,
}

/// The interval of an integer written in words: rounded as the same
/// integer written in digits would be.
pub(super) fn integer_figure(value: f64) -> Figure {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        Figure::from_digits(value, &format!("{:.0}", value.abs()), "", 1.0)
    } else {
        Figure::exact(value)
    }
}

/// The multiplier of a scale abbreviation glued to digits ("700k",
/// "$1.2bn"). `money` allows "m" for million ("£3.5m"), which otherwise
/// reads as metres.
fn glued_scale(s: &str, money: bool) -> Option<(f64, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if n == 0 || s[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let scale = match &s[..n] {
        "k" | "K" => 1e3,
        "m" if money => 1e6,
        "M" | "MM" | "mn" | "mln" | "mil" | "Mn" => 1e6,
        "bn" | "b" | "bln" | "Bn" | "BN" => 1e9,
        "tn" | "trn" | "tln" | "Tn" => 1e12,
        "cr" => 1e7,
        _ => return None,
    };
    Some((scale, n))
}

/// A scale word or abbreviation after a space ("3.5 million", "2.33 k").
fn spaced_scale(s: &str, money: bool) -> Option<(f64, &str)> {
    let n = s.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    if n == 0 {
        return None;
    }
    let (w, rest) = word(&s[n..])?;
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let scale = match lw {
        "bn" | "bln" => 1e9,
        "mn" | "mln" => 1e6,
        "m" if money => 1e6,
        "tn" | "trn" | "tln" => 1e12,
        "k" => 1e3,
        _ => scale_word(lw)?,
    };
    Some((scale, rest))
}

/// A fraction in digits at the start of `s`: "3/4". Dates ("5/17/2018")
/// and ratios like "24/7" are not fractions.
fn slash_fraction(s: &str) -> Option<(f64, &str)> {
    let n = digit_run(s);
    if n == 0 || n > 3 {
        return None;
    }
    let after = s[n..].strip_prefix('/')?;
    let d = digit_run(after);
    if d == 0 || d > 3 {
        return None;
    }
    let rest = &after[d..];
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '/')
    {
        return None;
    }
    let num: f64 = s[..n].parse().ok()?;
    let den: f64 = after[..d].parse().ok()?;
    if den == 0.0 || num >= den {
        return None;
    }
    Some((num / den, rest))
}

/// The fraction a denominator word gives `numerator`: "half", "thirds",
/// "quarter", "twenty-fifths". A singular denominator needs a numerator
/// of one ("a third", "one fifth"); "first" and "second" alone are
/// positions, not fractions. Returns the ratio, the rest and the
/// denominator's first term.
fn denominator(s: &str, numerator: f64) -> Option<(f64, &str, Option<Term>)> {
    let (w, rest) = word(s)?;
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let (den, plural, rest, first) = match lw {
        "half" => (2.0, false, rest, None),
        "halves" => (2.0, true, rest, None),
        "quarter" => (4.0, false, rest, None),
        "quarters" => (4.0, true, rest, None),
        _ => {
            let (rest, sp) = spell(s, Acc::new(), Mode::Ordinal)?;
            if sp.article {
                return None;
            }
            let den = sp.acc.value();
            let plural = sp.ordinal.unwrap_or(false);
            if !plural && den <= 2.0 {
                return None;
            }
            (den, plural, rest, sp.first)
        }
    };
    if den == 0.0 || (!plural && numerator != 1.0) {
        return None;
    }
    Some((numerator / den, rest, first))
}

/// A fraction in words: "a fifth", "two-thirds", "one eighth", "three
/// quarters", "half". Returns the ratio.
pub(super) fn spelled_fraction(s: &str) -> Option<(f64, &str)> {
    // "half" alone.
    if let Some((w, rest)) = word(s) {
        if w.eq_ignore_ascii_case("half") {
            return Some((0.5, rest));
        }
        if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
            let at = gap(rest)?;
            let (ratio, rest, first) = denominator(at, 1.0)?;
            // "a hundred trillionth" is a position, "a fifth" a share.
            if matches!(first, Some(Term::Hundred | Term::Scale(_))) {
                return None;
            }
            return Some((ratio, rest));
        }
    }
    let (rest, sp) = spell(s, Acc::new(), Mode::Cardinal)?;
    if sp.article {
        return None;
    }
    let at = gap(rest)?;
    let numerator = sp.acc.value();
    let (ratio, rest, _) = denominator(at, numerator)?;
    Some((ratio, rest))
}

/// "and a half", "and three quarters" after a spelled number.
fn and_fraction(s: &str) -> Option<(f64, &str)> {
    let at = gap(s)?;
    let (w, rest) = word(at)?;
    if !w.eq_ignore_ascii_case("and") {
        return None;
    }
    let at = gap(rest)?;
    spelled_fraction(at).filter(|&(r, _)| r < 1.0)
}

/// "half a dozen", "half a million", "quarter million".
fn part_of_multiplier(s: &str) -> Option<(f64, &str)> {
    let (w, rest) = word(s)?;
    let part = if w.eq_ignore_ascii_case("half") {
        0.5
    } else if w.eq_ignore_ascii_case("quarter") {
        0.25
    } else {
        return None;
    };
    let mut at = gap(rest)?;
    if let Some((a, after)) = word(at)
        && a.eq_ignore_ascii_case("a")
    {
        at = gap(after)?;
    }
    let (w, rest) = word(at)?;
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let multiplier = match lw {
        "dozen" => 12.0,
        "hundred" => 100.0,
        _ => scale_word(lw).filter(|_| !lw.ends_with('s'))?,
    };
    Some((part * multiplier, rest))
}

/// An amount in digits, with a scale or a spelled continuation.
fn digit_amount(input: &str, money: bool) -> Option<(Amount, &str)> {
    let (rest, n): (&str, Numeral) = numeral(input).ok()?;
    if n.plain
        && n.integer.len() <= 3
        && let Some((ratio, rest)) = slash_fraction(input)
    {
        return Some((
            Amount {
                figure: Figure::exact(ratio),
                spelled: false,
                plain: false,
                share: true,
            },
            rest,
        ));
    }
    if let Some((scale, len)) = glued_scale(rest, money) {
        let figure = Figure::from_digits(n.value * scale, &n.integer, &n.fraction, scale);
        return Some((
            Amount {
                figure,
                spelled: false,
                plain: false,
                share: false,
            },
            &rest[len..],
        ));
    }
    // "4 thousand 3 hundred and 21", "322 hundred".
    if n.plain
        && n.value < 1000.0
        && let Some((after, sp)) = spell(rest, Acc::with_count(n.value), Mode::Cardinal)
        && sp.acc.terms > 1
    {
        let value = sp.acc.value();
        return Some((
            Amount {
                figure: integer_figure(value),
                spelled: true,
                plain: false,
                share: false,
            },
            after,
        ));
    }
    if let Some((scale, after)) = spaced_scale(rest, money) {
        let figure = Figure::from_digits(n.value * scale, &n.integer, &n.fraction, scale);
        return Some((
            Amount {
                figure,
                spelled: true,
                plain: false,
                share: false,
            },
            after,
        ));
    }
    // "10 1/2".
    if n.plain {
        let spaces = rest.bytes().take_while(|&b| b == b' ').count();
        if spaces > 0
            && let Some((ratio, after)) = slash_fraction(&rest[spaces..])
        {
            return Some((
                Amount {
                    figure: Figure::exact(n.value + ratio),
                    spelled: false,
                    plain: false,
                    share: false,
                },
                after,
            ));
        }
    }
    let figure = Figure::from_digits(n.value, &n.integer, &n.fraction, 1.0);
    Some((
        Amount {
            figure,
            spelled: false,
            plain: n.plain,
            share: false,
        },
        rest,
    ))
}

/// An amount in words.
fn word_amount(input: &str) -> Option<(Amount, &str)> {
    if let Some((value, rest)) = part_of_multiplier(input) {
        return Some((
            Amount {
                figure: integer_figure(value),
                spelled: true,
                plain: false,
                share: false,
            },
            rest,
        ));
    }
    if let Some((ratio, rest)) = spelled_fraction(input) {
        // "two thirds of a million" is a number, "two thirds" a share.
        return Some(fraction_of_scale(ratio, rest).unwrap_or((
            Amount {
                figure: Figure::exact(ratio),
                spelled: true,
                plain: false,
                share: true,
            },
            rest,
        )));
    }
    let (rest, sp) = spell(input, Acc::new(), Mode::Cardinal)?;
    let value = sp.acc.value();
    if let Some((fraction, after)) = and_fraction(rest) {
        // "two and a half million", "one million and a half", "two
        // and a half".
        if let Some((scale, after)) = spaced_scale(after, false) {
            return Some((exact_amount((value + fraction) * scale), after));
        }
        let unit = sp.acc.last_scale.unwrap_or(1.0);
        return Some((exact_amount(value + fraction * unit), after));
    }
    Some((
        Amount {
            figure: integer_figure(value),
            spelled: true,
            plain: false,
            share: false,
        },
        rest,
    ))
}

fn exact_amount(value: f64) -> Amount {
    Amount {
        figure: if value.fract() == 0.0 {
            integer_figure(value)
        } else {
            Figure::exact(value)
        },
        spelled: true,
        plain: false,
        share: false,
    }
}

/// "two thirds of a million", "half a million": a fraction of a scale.
fn fraction_of_scale(ratio: f64, s: &str) -> Option<(Amount, &str)> {
    let mut at = gap(s)?;
    if let Some((w, after)) = word(at)
        && w.eq_ignore_ascii_case("of")
    {
        at = gap(after)?;
        let (a, after) = word(at)?;
        if !a.eq_ignore_ascii_case("a") {
            return None;
        }
        at = gap(after)?;
    }
    let (w, rest) = word(at)?;
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let scale = scale_word(lw).filter(|_| !lw.ends_with('s'))?;
    Some((exact_amount(ratio * scale), rest))
}

/// An amount at the start of `input`. `money` says a currency was read, so
/// "m" means million.
pub(super) fn amount(input: &str, money: bool) -> Option<(Amount, &str)> {
    let first = input.as_bytes().first()?;
    let (a, rest) = if first.is_ascii_digit() || *first == b'.' {
        digit_amount(input, money)?
    } else {
        word_amount(input)?
    };
    a.figure.is_finite().then_some((a, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("3.5 million people", Some((3.5e6, " people"))),
            ("700k", Some((7e5, ""))),
            ("1.2bn", Some((1.2e9, ""))),
            ("3.5m", Some((3.5, "m"))),
            ("30 lakh", Some((3e6, ""))),
            ("600 crore", Some((6e9, ""))),
            ("10 1/2 miles", Some((10.5, " miles"))),
            ("3/4", Some((0.75, ""))),
            ("5/17/2018", Some((5.0, "/17/2018"))),
            ("a dozen", Some((12.0, ""))),
            ("half a dozen", Some((6.0, ""))),
            ("two and a half", Some((2.5, ""))),
            ("five and a half million fish", Some((5.5e6, " fish"))),
            ("one million and a half", Some((1.5e6, ""))),
            ("two thirds", Some((2.0 / 3.0, ""))),
            ("two thirds of a million", Some((2e6 / 3.0, ""))),
            ("a fifth", Some((0.2, ""))),
            (
                "one hundred and three and two thirds",
                Some((103.0 + 2.0 / 3.0, "")),
            ),
            ("3 hundred and 21 yuan", Some((321.0, " yuan"))),
            ("a second", None),
            ("a first class", None),
            ("the", None),
        ];
        for &(input, want) in cases {
            let got = amount(input, false).map(|(a, rest)| (a.figure.value, rest));
            match (got, want) {
                (Some((v, rest)), Some((wv, wrest))) => {
                    assert!((v - wv).abs() < 1e-6, "{input}: {v} != {wv}");
                    assert_eq!(rest, wrest, "{input}");
                }
                (None, None) => {}
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
    }
}
