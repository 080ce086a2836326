//! Numerals written in digits: "12", "1,200", "1 234 567", "3.5", ".08",
//! "12,34,567" (Indian grouping), "1.3e6".
//!
//! # Grammar
//!
//! ```text
//! numeral   = integer [ "." digit+ ] [ exponent ]
//!           | "." digit+
//! integer   = group1 ( "," digit{3} )+             -- 1,234,567
//!           | digit{1,2} ( "," digit{2} )+ "," digit{3}  -- 12,34,567
//!           | group1 ( space digit{3} )+           -- 1 234 567 (space, NBSP
//!                                                  --   or narrow NBSP)
//!           | digit+
//! group1    = digit{1,3}                           -- no leading zero
//! exponent  = ( "e" | "E" ) [ "+" | "-" ] digit{1,3}
//!           | ( "x" | "×" ) "10^" power     -- 1.3x10^6
//!           | "^" power                     -- 1.1^23, a power
//! power     = ( "+" | "-" ){0,2} digit{1,3}
//! ```
//!
//! A decimal comma ("1,3", "1.111,11") is read when one or two digits
//! follow a single comma and nothing continues the groups.
//!
//! A group separator only counts when every group after it has the right
//! width and no digit follows the last one: "22,24,26" is a list of three
//! numbers, "1, 234" two numbers. A decimal point must be followed by a
//! digit, so the full stop in "192." ends the sentence, not the number.

use std::borrow::Cow;

use nom::error::{Error, ErrorKind};
use nom::{Err, IResult};

/// A numeral in digits as written.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Numeral<'a> {
    /// Its value (the exponent applied).
    pub value: f64,
    /// The integer digits, group separators removed (borrowed from the
    /// text when it has none, as most numerals do: no allocation).
    pub integer: Cow<'a, str>,
    /// The digits after the decimal point.
    pub fraction: &'a str,
    /// Whether it had group separators, a decimal point or an exponent:
    /// then it cannot be a model number or a code.
    pub plain: bool,
}

/// The most groups of thousands a numeral is read with (10^27): more is
/// a list or a code, and reading on would make long runs quadratic.
const MAX_GROUPS: usize = 8;

fn fail(input: &str) -> Err<Error<&str>> {
    Err::Error(Error::new(input, ErrorKind::Digit))
}

/// Length of the run of ASCII digits at the start of `s`.
pub(super) fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// The separator of a space-grouped numeral at the start of `s`, if any:
/// its length in bytes.
fn group_space(s: &str) -> Option<usize> {
    [" ", "\u{a0}", "\u{202f}"]
        .into_iter()
        .find(|sep| s.starts_with(sep))
        .map(str::len)
}

/// Whether `s` starts with exactly three digits not followed by another
/// digit or a letter.
fn three_digits(s: &str) -> bool {
    digit_run(s) == 3 && s[3..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The integer part: digits with optional group separators. Returns the
/// rest, the digits without separators, and whether separators were used.
fn integer(input: &str) -> IResult<&str, (Cow<'_, str>, bool)> {
    let first = digit_run(input);
    if first == 0 {
        return Err(fail(input));
    }
    let head = &input[..first];
    let rest = &input[first..];
    let leading_zero = first > 1 && head.starts_with('0');
    // Comma groups: collect the widths, then check them.
    if !leading_zero && first <= 3 && rest.starts_with(',') {
        let mut width_buf = [0usize; MAX_GROUPS];
        let mut groups = 0;
        let mut at = rest;
        // Read groups only while they can still make a grouped numeral
        // (all of three, or Indian twos ending in a three), and never more
        // than a numeral has: a long list ("1,1,1,…") is then read in
        // time proportional to its length, not its square.
        while let Some(after) = at.strip_prefix(',') {
            let widths = &width_buf[..groups];
            let w = digit_run(after);
            let western = w == 3 && widths.iter().all(|&x| x == 3);
            let indian = first <= 2 && (w == 2 || w == 3) && widths.iter().all(|&x| x == 2);
            if !(western || indian) || groups == MAX_GROUPS {
                break;
            }
            width_buf[groups] = w;
            groups += 1;
            at = &after[w..];
            if w == 3 && !western {
                break;
            }
        }
        let widths = &width_buf[..groups];
        // The last group must end the numeral (no letter glued to it).
        let clean_end = at.chars().next().is_none_or(|c| !c.is_alphanumeric());
        let western = widths.iter().all(|&w| w == 3);
        let indian = first <= 2
            && widths.len() >= 2
            && widths.last() == Some(&3)
            && widths[..widths.len() - 1].iter().all(|&w| w == 2);
        if clean_end && !widths.is_empty() && (western || indian) {
            let len = input.len() - at.len();
            let digits: String = input[..len].chars().filter(char::is_ascii_digit).collect();
            return Ok((at, (Cow::Owned(digits), true)));
        }
        // Otherwise a list ("22,24,26") or a decimal comma: the first run
        // alone.
    }
    if !leading_zero
        && first <= 3
        && let Some(sep) = group_space(rest)
        && three_digits(&rest[sep..])
    {
        let mut digits = head.to_string();
        let mut at = rest;
        while let Some(sep) = group_space(at) {
            if !three_digits(&at[sep..]) {
                break;
            }
            digits.push_str(&at[sep..sep + 3]);
            at = &at[sep + 3..];
        }
        return Ok((at, (Cow::Owned(digits), true)));
    }
    Ok((rest, (Cow::Borrowed(head), false)))
}

/// An exponent after "^": signs (an even number of minus signs is
/// positive, as in "^--23") and at most three digits.
fn signed_power(s: &str) -> Option<(i32, &str)> {
    let signs = s.bytes().take_while(|&b| b == b'+' || b == b'-').count();
    if signs > 2 {
        return None;
    }
    let minus = s[..signs].bytes().filter(|&b| b == b'-').count() % 2 == 1;
    let after = &s[signs..];
    let n = digit_run(after);
    if n == 0 || n > 3 || after[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let e: i32 = after[..n].parse().ok()?;
    Some((if minus { -e } else { e }, &after[n..]))
}

/// The value of integer and fraction digits. Whole numbers of up to 15
/// digits are summed directly, which is exact and cheaper than parsing.
fn digits_value(integer: &str, fraction: &str) -> Option<f64> {
    // Up to 15 digits in all: the digits as an integer, divided by a power
    // of ten. Both are exact in an f64, so the one division rounds
    // correctly, as parsing would.
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if integer.len() + fraction.len() <= 15 {
        let v = integer
            .bytes()
            .chain(fraction.bytes())
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        return Some(v as f64 / POW10[fraction.len()]);
    }
    // Past 309 integer digits no f64 holds the value; past a few hundred
    // fraction digits none changes it. Neither is copied, however long the
    // run (10 MB of digits is a hostile input, not a number).
    if integer.trim_start_matches('0').len() > 309 {
        return None;
    }
    let fraction = &fraction[..fraction.len().min(400)];
    let mut text = String::with_capacity(integer.len() + fraction.len() + 2);
    text.push_str(if integer.is_empty() { "0" } else { integer });
    text.push('.');
    text.push_str(if fraction.is_empty() { "0" } else { fraction });
    text.parse().ok()
}

/// A numeral with a decimal comma: "1.111,11" (points group the
/// thousands), "1,3", "5,00". A single comma is a decimal comma only when
/// one or two digits follow it and no further comma group does, so that
/// "22,24,26" stays a list and "1,200" a thousand and two hundred.
fn comma_decimal(input: &str) -> Option<(&str, Numeral<'_>)> {
    let head = digit_run(input);
    if head == 0 || head > 3 {
        return None;
    }
    // Read the groups first, and copy the digits only for a numeral: most
    // have no decimal comma.
    let mut digits = head;
    let mut at = &input[head..];
    let mut dotted = false;
    while let Some(after) = at.strip_prefix('.') {
        if digit_run(after) != 3 || digits > 3 * MAX_GROUPS {
            return None;
        }
        digits += 3;
        at = &after[3..];
        dotted = true;
    }
    if dotted && input.starts_with('0') {
        return None;
    }
    let after = at.strip_prefix(',')?;
    let w = digit_run(after);
    if w == 0 || w > 2 {
        return None;
    }
    let rest = &after[w..];
    let mut next = rest.chars();
    match next.next() {
        Some(c) if c.is_alphanumeric() => return None,
        Some(',' | '.') if next.next().is_some_and(|c| c.is_ascii_digit()) => return None,
        _ => {}
    }
    let fraction = &after[..w];
    let integer = if dotted {
        let len = input.len() - at.len();
        Cow::Owned(input[..len].chars().filter(char::is_ascii_digit).collect())
    } else {
        Cow::Borrowed(&input[..head])
    };
    let value = digits_value(&integer, fraction)?;
    Some((
        rest,
        Numeral {
            value,
            integer,
            fraction,
            plain: false,
        },
    ))
}

/// `base` to the power `e`, times `factor`. Out of line: the compiler
/// would otherwise work the power out for every numeral, exponent or not.
#[inline(never)]
#[cold]
fn power_of(base: f64, e: i32, factor: f64) -> f64 {
    factor * base.powi(e)
}

/// A numeral in digits at the start of `input` (see the module grammar).
pub(super) fn numeral(input: &str) -> IResult<&str, Numeral<'_>> {
    // Most numerals are a run of digits that nothing continues: neither a
    // separator, a decimal point or comma, nor an exponent. They are read
    // at once.
    let n = digit_run(input);
    let b = input.as_bytes();
    let continues = match b.get(n) {
        None => false,
        // A space continues a group of up to three digits, without a
        // leading zero, with a group of three ("1 234"; not "1 1").
        Some(b' ') => n <= 3 && !(n > 1 && b[0] == b'0') && three_digits(&input[n + 1..]),
        // A comma or a point continues a numeral only before a digit
        // ("1,200", "3.5"; not "in 2024, the").
        Some(b',' | b'.') => b.get(n + 1).is_some_and(u8::is_ascii_digit),
        // Non-ASCII: a no-break space or "×".
        Some(&c) => c >= 0x80 || matches!(c, b'e' | b'E' | b'x' | b'X' | b'*' | b'^'),
    };
    if n > 0 && !continues {
        let head = &input[..n];
        let value = digits_value(head, "").ok_or_else(|| fail(input))?;
        if !value.is_finite() {
            return Err(fail(input));
        }
        let numeral = Numeral {
            value,
            integer: Cow::Borrowed(head),
            fraction: "",
            plain: true,
        };
        return Ok((&input[n..], numeral));
    }
    if let Some((rest, n)) = comma_decimal(input) {
        return Ok((rest, n));
    }
    let (rest, (integer, grouped)) = if input.starts_with('.') {
        (input, (Cow::Borrowed(""), false))
    } else {
        integer(input)?
    };
    let mut rest = rest;
    let mut fraction = "";
    if let Some(after) = rest.strip_prefix('.') {
        let w = digit_run(after);
        if w > 0 {
            fraction = &after[..w];
            rest = &after[w..];
        }
    }
    if integer.is_empty() && fraction.is_empty() {
        return Err(fail(input));
    }
    let mut exponent = 0i32;
    let mut has_exponent = false;
    if let Some(after) = rest.strip_prefix(['e', 'E']) {
        let (sign, after) = match after.as_bytes().first() {
            Some(b'-') => (-1, &after[1..]),
            Some(b'+') => (1, &after[1..]),
            _ => (1, after),
        };
        let w = digit_run(after);
        let glued = after[w..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
        if (1..=3).contains(&w) && !glued {
            exponent = sign * after[..w].parse::<i32>().unwrap_or(0);
            has_exponent = true;
            rest = &after[w..];
        }
    }
    // "1.3x10^6", "6.23×10^-4": a power of ten written out.
    let mut power_of_ten = None;
    for times in ["x10^", "×10^", "X10^", "*10^"] {
        if let Some(after) = rest.strip_prefix(times) {
            if let Some((e, after)) = signed_power(after) {
                power_of_ten = Some(e);
                rest = after;
            }
            break;
        }
    }
    // "1.1^23": a power.
    let mut power = None;
    if power_of_ten.is_none()
        && let Some(after) = rest.strip_prefix('^')
        && let Some((e, after)) = signed_power(after)
    {
        power = Some(e);
        rest = after;
    }
    let mut value = digits_value(&integer, fraction).ok_or_else(|| fail(input))?;
    if has_exponent {
        value = power_of(10.0, exponent, value);
    }
    if let Some(e) = power_of_ten {
        value = power_of(10.0, e, value);
    }
    if let Some(e) = power {
        value = power_of(value, e, 1.0);
    }
    if !value.is_finite() {
        return Err(fail(input));
    }
    let plain = !grouped
        && fraction.is_empty()
        && !has_exponent
        && power.is_none()
        && power_of_ten.is_none()
        && !integer.is_empty();
    Ok((
        rest,
        Numeral {
            value,
            integer,
            fraction,
            plain,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_have_no_value_or_a_bounded_one() {
        let nines = "9".repeat(400);
        assert_eq!(digits_value(&nines, ""), None);
        assert_eq!(
            digits_value(&format!("000{}", &nines[..300]), ""),
            Some(1e300)
        );
        let v = digits_value("1", &"3".repeat(5000)).expect("a long fraction has a value");
        assert!((v - (1.0 + 1.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn numerals() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("12 people", Some((12.0, " people"))),
            ("1,200.", Some((1200.0, "."))),
            ("600,000 were", Some((600_000.0, " were"))),
            ("1,234,567", Some((1_234_567.0, ""))),
            ("12,34,567.89", Some((1_234_567.89, ""))),
            ("0.1", Some((0.1, ""))),
            ("9.2321312", Some((9.2321312, ""))),
            ("22,24,26", Some((22.0, ",24,26"))),
            ("1,3.", Some((1.3, "."))),
            ("1.111,11, 1", Some((1111.11, ", 1"))),
            ("1,2,3", Some((1.0, ",2,3"))),
            ("1, 234", Some((1.0, ", 234"))),
            ("1 234 567 x", Some((1_234_567.0, " x"))),
            ("40\u{202f}000", Some((40_000.0, ""))),
            ("423 0000", Some((423.0, " 0000"))),
            ("3.5m", Some((3.5, "m"))),
            (".08", Some((0.08, ""))),
            ("192.", Some((192.0, "."))),
            ("1e10", Some((1e10, ""))),
            ("1.3x10^6", Some((1.3e6, ""))),
            ("2.5^-1", Some((0.4, ""))),
            ("10^999", None),
            ("-1", None),
            ("1e400", None),
            ("abc", None),
        ];
        for &(input, want) in cases {
            let got = numeral(input).ok().map(|(rest, n)| (n.value, rest));
            match (got, want) {
                (Some((v, rest)), Some((wv, wrest))) => {
                    assert!((v - wv).abs() < 1e-6, "{input}: {v} != {wv}");
                    assert_eq!(rest, wrest, "{input}");
                }
                (None, None) => {}
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
        let big = "9".repeat(400);
        assert!(numeral(&big).is_err());
    }
}
