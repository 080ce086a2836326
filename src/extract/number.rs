//! The numeric family: numbers, ordinals, shares, percentages, money and
//! measurements. (Skeleton: digits only; the full grammar is to come.)

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while1;

use super::{Candidate, Cx};
use crate::figure::Figure;
use crate::mention::Value;
use crate::span::Span;

/// Whether a lower-case word can anchor a numeric expression.
pub(crate) fn is_trigger(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// Whether a non-ASCII character can anchor a numeric expression (a
/// currency sign).
pub(crate) fn is_symbol_trigger(symbol: &str) -> bool {
    matches!(symbol, "£" | "€" | "₹" | "¥")
}

/// A cardinal number at the start of `input`, in digits or words: "12",
/// "1,200", "3.5", "twenty-five". Used by the time grammar for counts of
/// units ("two weeks ago").
pub(crate) fn cardinal(input: &str) -> IResult<&str, f64> {
    let (rest, digits) = take_while1(|c: char| c.is_ascii_digit()).parse(input)?;
    Ok((rest, digits.parse::<f64>().unwrap_or(f64::NAN)))
}

/// The numeric expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let input = &cx.text[at..];
    let (rest, value) = cardinal(input).ok()?;
    let end = at + (input.len() - rest.len());
    let digits = &cx.text[at..end];
    Some(Candidate::new(
        Span::new(at, end),
        Value::Number {
            amount: Figure::from_digits(value, digits, "", 1.0),
            counted: None,
        },
    ))
}
