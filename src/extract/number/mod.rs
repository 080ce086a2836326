//! The numeric family: numbers, ordinals, shares, percentages, money and
//! measurements.

mod amount;
mod digits;
mod words;

use nom::IResult;
use nom::error::{Error, ErrorKind};

use super::{Candidate, Cx};
use crate::mention::Value;
use crate::span::Span;

/// Whether a lower-case word can anchor a numeric expression.
pub(crate) fn is_trigger(word: &str) -> bool {
    words::cardinal_term(word).is_some()
        || words::ordinal_term(word).is_some()
        || matches!(word, "half" | "quarter")
}

/// Whether a non-ASCII character can anchor a numeric expression (a
/// currency sign).
pub(crate) fn is_symbol_trigger(symbol: &str) -> bool {
    matches!(symbol, "£" | "€" | "₹" | "¥")
}

/// A cardinal number at the start of `input`, in digits or words: "12",
/// "1,200", "3.5", "twenty-five", "a dozen", "two and a half", "3
/// million". Used by the time grammar for counts of units ("two weeks
/// ago"). Fractions that are shares ("two thirds") are not cardinals.
// Unused until the time family calls it.
#[allow(dead_code)]
pub(crate) fn cardinal(input: &str) -> IResult<&str, f64> {
    match amount::amount(input, false) {
        Some((a, rest)) if !a.share => Ok((rest, a.figure.value)),
        _ => Err(nom::Err::Error(Error::new(input, ErrorKind::Digit))),
    }
}

/// The numeric expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let input = cx.text.get(at..)?;
    let (a, rest) = amount::amount(input, false)?;
    let end = at + (input.len() - rest.len());
    let value = if a.share {
        Value::Share { ratio: a.figure }
    } else {
        Value::Number {
            amount: a.figure,
            counted: None,
        }
    };
    Some(Candidate::new(Span::new(at, end), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals_for_the_time_family() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("two weeks ago", Some((2.0, " weeks ago"))),
            ("six months", Some((6.0, " months"))),
            ("12 days", Some((12.0, " days"))),
            ("1,200 years", Some((1200.0, " years"))),
            ("3.5 years", Some((3.5, " years"))),
            ("twenty-five years", Some((25.0, " years"))),
            ("a dozen years", Some((12.0, " years"))),
            ("two and a half years", Some((2.5, " years"))),
            ("a year", None),
            ("half an hour", None),
            ("weeks", None),
        ];
        for &(input, want) in cases {
            let got = cardinal(input).ok().map(|(rest, v)| (v, rest));
            assert_eq!(got, want, "{input}");
        }
    }
}
