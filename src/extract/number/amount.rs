//! Amounts: a cardinal number in digits or words with its scale, and the
//! interval its wording implies.
//!
//! # Grammar
//!
//! ```text
//! amount     = numeral [ scale ]                    -- "4.5 million", "700k"
//!            | count gap spelled-continuation       -- "4 thousand 3 hundred"
//!            | count space+ fraction                -- "10 1/2"
//!            | fraction                             -- "3/4" (a share)
//!            | [ "half" | "quarter" ] [ "a" ] multiplier  -- "half a dozen"
//!            | spelled [ "and" mixed ] [ scale ]    -- "two and a half million"
//! scale      = glued-abbreviation
//!            | space+ ( scale-word | "hundred" | abbreviation )
//!            | "-" scale-word                       -- "$2.5-billion"
//! glued-abbreviation = "k" | "K" | "M" | "MM" | "mn" | "mln" | "mil" | "bn"
//!            | "b" | "bln" | "tn" | "trn" | "tln" | "cr"
//!            | "m"                                  -- only for money
//! abbreviation = "bn" | "mn" | "mln" | "bln" | "tn" | "trn" | "tln" | "k"
//!            | "M" | "G"
//!            | "m"                                  -- only for money
//! fraction   = digit{1,3} "/" digit{1,3}            -- not followed by "/"
//!            | vulgar                               -- "½", "¾"
//! mixed      = ( "a" | "one" | spelled ) gap denominator  -- "a half",
//!                                                   -- "three quarters"
//! spelled-fraction = [ spelled | "a" ] gap denominator  -- "two-thirds",
//!                                                   -- "a fifth"
//! decimal    = spelled space "point" ( space digit-word )+
//!                                                   -- "five point five"
//! ```
//!
//! A denominator is "half", "quarter" or a spelled ordinal, plural after
//! any numerator other than one ("two thirds", "a third"); "first" and
//! "second" alone are not denominators. After "and", a fraction adds to
//! the number before it, scaled by that number's own scale word: "one
//! million and a half" is 1.5 million, "one hundred and three quarters"
//! 100.75.
//!
//! # Precision
//!
//! An amount in digits gets the interval of [`Figure::from_digits`]. An
//! amount in words is read as the integer it names ("seven hundred
//! thousand" is rounded as "600,000" is); a fraction in words is exact.

use super::digits::{Numeral, digit_run, numeral};
use super::lexicon::{self, Role};
use super::words::{
    Acc, Mode, Partial, Spelled, Term, gap, lower, scale_word, spell, spell_to, word,
};
use crate::figure::Figure;

/// A cardinal amount and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Amount {
    /// The amount with its interval.
    pub figure: Figure,
    /// A bare integer in digits, no separators, no scale: the kind of
    /// numeral that can also be a code or a model number.
    pub plain: bool,
    /// A fraction in digits or words ("3/4", "two thirds"): a share.
    pub share: bool,
    /// The scale word it ended on ("3 million": 1e6), or 1.
    pub scale: f64,
    /// Whether an ordinal read from the same start may end elsewhere:
    /// true unless the amount is a spelled number that stopped at a word
    /// that is no ordinal either ("one" of "one one"; see
    /// [`super::words::spell_to`]).
    pub may_be_ordinal: bool,
}

impl Amount {
    /// A number (not a share) with its scale.
    fn number(figure: Figure, scale: f64) -> Amount {
        Amount {
            figure,
            plain: false,
            share: false,
            scale,
            may_be_ordinal: true,
        }
    }

    /// A share: a fraction of a whole.
    fn share(figure: Figure) -> Amount {
        Amount {
            figure,
            plain: false,
            share: true,
            scale: 1.0,
            may_be_ordinal: true,
        }
    }
}

/// The interval of an integer written in words: rounded as the same
/// integer written in digits would be.
pub(super) fn integer_figure(value: f64) -> Figure {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        // Only the trailing zeros matter to the rounding rule: write the
        // integer as a one and that many zeros.
        const ONE_AND_ZEROS: &str = "1000000000000000000";
        let mut zeros = 0;
        let mut v = value.abs();
        while v >= 10.0 && (v / 10.0).fract() == 0.0 {
            v /= 10.0;
            zeros += 1;
        }
        let digits = if value == 0.0 {
            "0"
        } else {
            &ONE_AND_ZEROS[..=zeros]
        };
        Figure::from_digits(value, digits, "", 1.0)
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

/// A scale word or abbreviation after a space ("4.5 million", "2.33 k").
pub(super) fn spaced_scale(s: &str, money: bool) -> Option<(f64, &str)> {
    // "$2.5-billion": a scale word after a hyphen, spelled out.
    if let Some(after) = s.strip_prefix('-') {
        let (w, rest) = word(after)?;
        if !lexicon::role(w).has(Role::SCALE) {
            return None;
        }
        let mut buf = [0u8; 16];
        let lw = lower(w, &mut buf)?;
        return scale_word(lw)
            .filter(|_| !lw.ends_with('s'))
            .map(|scale| (scale, rest));
    }
    let n = s.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    if n == 0 {
        return None;
    }
    let (w, rest) = word(&s[n..])?;
    // Most words after an amount are no scale: one look-up says so.
    if !lexicon::role(w).has(Role::SCALE) {
        return None;
    }
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let scale = match lw {
        "bn" | "bln" => 1e9,
        "mn" | "mln" => 1e6,
        "m" if money => 1e6,
        "tn" | "trn" | "tln" => 1e12,
        "k" => 1e3,
        "hundred" => 1e2,
        // "1,674,200.5 M", "1,674.5 G": an upper-case M or G standing
        // alone is a million or a billion (glued, "5G" is a network).
        "m" if w == "M" => 1e6,
        "g" if w == "G" => 1e9,
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
/// positions, not fractions. Returns the ratio, the rest, whether the
/// denominator was plural, and whether it was several words starting
/// with a multiplier ("hundred trillionth").
fn denominator(s: &str, numerator: f64) -> Option<(f64, &str, bool, bool)> {
    let (w, rest) = word(s)?;
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let (den, plural, rest, compound) = match lw {
        "half" => (2.0, false, rest, false),
        "halves" => (2.0, true, rest, false),
        "quarter" => (4.0, false, rest, false),
        "quarters" => (4.0, true, rest, false),
        // Other denominators are ordinals, number words all.
        _ if !lexicon::role(w).has(Role::TRIGGER) => return None,
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
            let compound = sp.terms > 1 && matches!(sp.first, Some(Term::Hundred | Term::Scale(_)));
            (den, plural, rest, compound)
        }
    };
    if den == 0.0 || (!plural && numerator != 1.0) {
        return None;
    }
    Some((numerator / den, rest, plural, compound))
}

/// A fraction in words: "a fifth", "two-thirds", "one eighth", "three
/// quarters", "a hundred trillionths", "half". Returns the ratio.
pub(super) fn spelled_fraction(s: &str) -> Option<(f64, &str)> {
    fraction_after(s, spell(s, Acc::new(), Mode::Cardinal).as_ref())
}

/// [`spelled_fraction`], given the cardinal [`spell`] reads at `s`, so
/// that a caller who has read it already does not read it again.
fn fraction_after<'a>(
    s: &'a str,
    cardinal: Option<&(&'a str, Spelled<'a>)>,
) -> Option<(f64, &'a str)> {
    let (w, after_word) = word(s)?;
    // "half" alone.
    if w.eq_ignore_ascii_case("half") {
        return Some((0.5, after_word));
    }
    // A numerator, then the denominator: "two thirds", "a hundred
    // trillionths" (a numerator with an article needs a plural). Every
    // denominator is a number word but "halves" and "quarters".
    if let Some((rest, sp)) = cardinal
        && let Some(at) = gap(rest)
        && word(at).is_some_and(|(w, _)| {
            lexicon::is_trigger(w)
                || w.eq_ignore_ascii_case("halves")
                || w.eq_ignore_ascii_case("quarters")
        })
    {
        let numerator = sp.acc.value();
        if let Some((ratio, rest, plural, _)) = denominator(at, numerator)
            && (plural || !sp.article)
        {
            // "one hundred thirty-fifths" is a hundred thirty-fifths: a
            // tens word straight after "hundred" joins a one-word
            // denominator below ten.
            let den = numerator / ratio;
            if let Some(tens) = sp.acc.tail_tens
                && den < 10.0
                && plural
            {
                return Some(((numerator - tens) / (tens + den), rest));
            }
            return Some((ratio, rest));
        }
    }
    // "a fifth", "a hundredth"; but "a hundred trillionth" is a position.
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        let at = gap(after_word)?;
        let (ratio, rest, plural, compound) = denominator(at, 1.0)?;
        if compound && !plural {
            return None;
        }
        return Some((ratio, rest));
    }
    None
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
        return Some((Amount::share(Figure::exact(ratio)), rest));
    }
    if let Some((scale, len)) = glued_scale(rest, money) {
        let figure = Figure::from_digits(n.value * scale, &n.integer, n.fraction, scale);
        return Some((Amount::number(figure, scale), &rest[len..]));
    }
    // The roles of the word after the numeral: most numerals are followed
    // by a word that continues nothing.
    let next = gap(rest)
        .and_then(word)
        .map_or(Role::NONE, |(w, _)| lexicon::role(w));
    // "4 thousand 3 hundred and 21", "322 hundred": a number word must
    // follow.
    if n.plain
        && n.value < 1000.0
        && next.has(Role::TRIGGER)
        && let Some((after, sp)) = spell(rest, Acc::with_count(n.value), Mode::Cardinal)
        && sp.acc.terms > 1
    {
        if let Some(mixed) = mixed(sp.acc.partial(), after) {
            return Some(mixed);
        }
        let value = sp.acc.value();
        return Some((
            Amount::number(integer_figure(value), sp.acc.last_scale.unwrap_or(1.0)),
            after,
        ));
    }
    if next.has(Role::SCALE)
        && let Some((scale, after)) = spaced_scale(rest, money)
    {
        let figure = Figure::from_digits(n.value * scale, &n.integer, n.fraction, scale);
        return Some((Amount::number(figure, scale), after));
    }
    // "10½".
    if n.plain
        && let Some((ratio, after)) = vulgar(rest)
    {
        return Some((Amount::number(Figure::exact(n.value + ratio), 1.0), after));
    }
    // "10 1/2".
    if n.plain {
        let spaces = rest.bytes().take_while(|&b| b == b' ').count();
        if spaces > 0
            && let Some((ratio, after)) = slash_fraction(&rest[spaces..])
        {
            return Some((Amount::number(Figure::exact(n.value + ratio), 1.0), after));
        }
    }
    let figure = Figure::from_digits(n.value, &n.integer, n.fraction, 1.0);
    Some((
        Amount {
            figure,
            plain: n.plain,
            share: false,
            scale: 1.0,
            may_be_ordinal: true,
        },
        rest,
    ))
}

/// An amount in words.
fn word_amount(input: &str) -> Option<(Amount, &str)> {
    if let Some((value, rest)) = part_of_multiplier(input) {
        return Some((Amount::number(integer_figure(value), 1.0), rest));
    }
    let (cardinal, at_ordinal) = spell_to(input, Acc::new(), Mode::Cardinal);
    // "one hundred and three quarters", "five billion and three quarters":
    // the last "and" starts a fraction, not more of the number.
    if let Some((_, sp)) = &cardinal
        && let Some((at, acc)) = sp.before_and
        && let Some(mixed) = mixed(acc, at)
    {
        return Some(mixed);
    }
    if let Some((ratio, rest)) = fraction_after(input, cardinal.as_ref()) {
        // "two thirds of a million" is a number, "two thirds" a share.
        return Some(
            fraction_of_scale(ratio, rest).unwrap_or((Amount::share(Figure::exact(ratio)), rest)),
        );
    }
    let (rest, sp) = cardinal?;
    // "two and a half", "five point five": the word after says which.
    let next = gap(rest).and_then(word).map_or("", |(w, _)| w);
    if next.eq_ignore_ascii_case("and")
        && let Some(mixed) = mixed(sp.acc.partial(), rest)
    {
        return Some(mixed);
    }
    if next.eq_ignore_ascii_case("point")
        && let Some(decimal) = point(sp.acc, rest)
    {
        return Some(decimal);
    }
    let value = sp.acc.value();
    let amount = Amount {
        may_be_ordinal: at_ordinal,
        ..Amount::number(integer_figure(value), sp.acc.last_scale.unwrap_or(1.0))
    };
    Some((amount, rest))
}

/// The digit a word names in a decimal read out: "nought", "oh", "five".
fn digit_word(w: &str) -> Option<u8> {
    let mut buf = [0u8; 16];
    match lower(w, &mut buf)? {
        "zero" | "nought" | "naught" | "oh" => Some(0),
        lw => match super::words::cardinal_term(lw)? {
            Term::Unit(v) => Some(v as u8),
            _ => None,
        },
    }
}

/// A decimal read out: "five point five", "nine point nought four", "two
/// hundred point seventy-one". The digits after "point" are digit words,
/// or one spelled number below a hundred.
fn point(acc: Acc, rest: &str) -> Option<(Amount, &str)> {
    let value = acc.value();
    if value.fract() != 0.0 || value >= 1e15 {
        return None;
    }
    let at = gap(rest)?;
    let (w, after) = word(at)?;
    if !w.eq_ignore_ascii_case("point") {
        return None;
    }
    let mut at = gap(after)?;
    let mut fraction = String::new();
    let mut end = at;
    while let Some((w, after)) = word(at) {
        let Some(d) = digit_word(w) else { break };
        fraction.push(char::from(b'0' + d));
        end = after;
        match gap(after) {
            Some(next) if !after.starts_with('-') => at = next,
            _ => break,
        }
    }
    if fraction.is_empty() {
        let (after, sp) = spell(at, Acc::new(), Mode::Cardinal)?;
        let v = sp.acc.value();
        if sp.article || !(10.0..100.0).contains(&v) {
            return None;
        }
        fraction = format!("{v:.0}");
        end = after;
    }
    let integer = format!("{value:.0}");
    let total: f64 = format!("{integer}.{fraction}").parse().ok()?;
    Some((
        Amount::number(Figure::from_digits(total, &integer, &fraction, 1.0), 1.0),
        end,
    ))
}

/// A vulgar fraction character: "½", "¾".
fn vulgar(s: &str) -> Option<(f64, &str)> {
    let c = s.chars().next()?;
    let v = match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    };
    Some((v, &s[c.len_utf8()..]))
}

/// Whether `c` is a vulgar fraction character ("½").
#[cfg(test)]
pub(super) fn is_vulgar(c: &str) -> bool {
    vulgar(c).is_some()
}

/// A number followed by "and" and a fraction: "two and a half", "one
/// million and a half" (half a million), "five and a half million", "one
/// billion and a half million".
fn mixed(acc: Partial, rest: &str) -> Option<(Amount, &str)> {
    let (fraction, after) = and_fraction(rest)?;
    let value = acc.value;
    if let Some((scale, after)) = spaced_scale(after, false) {
        let total = match acc.last_scale {
            Some(own) if own > scale => value + fraction * scale,
            _ => (value + fraction) * scale,
        };
        return Some((exact_amount(total), after));
    }
    let unit = acc.last_scale.unwrap_or(1.0);
    Some((exact_amount(value + fraction * unit), after))
}

/// A number worked out from words and fractions ("two and a half
/// million"): a whole one is rounded as written in digits, any other is
/// exact.
fn exact_amount(value: f64) -> Amount {
    let figure = if value.fract() == 0.0 {
        integer_figure(value)
    } else {
        Figure::exact(value)
    };
    Amount::number(figure, 1.0)
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
    if let Some((ratio, rest)) = vulgar(input) {
        let a = Amount::share(Figure::exact(ratio));
        return Some((a, rest));
    }
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
            ("4.5 million people", Some((4.5e6, " people"))),
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
            ("minus", None),
            ("five point five", Some((5.5, ""))),
            ("nine point nought four", Some((9.04, ""))),
            ("two hundred point seventy-one", Some((200.71, ""))),
            ("one point of", Some((1.0, " point of"))),
            ("½ teaspoon", Some((0.5, " teaspoon"))),
            ("10½", Some((10.5, ""))),
            ("one hundred and three quarters", Some((100.75, ""))),
            ("five billion and three quarters", Some((5.75e9, ""))),
            ("3 million and a half", Some((3.5e6, ""))),
            ("one billion and a half million", Some((1.0005e9, ""))),
            ("a hundred trillionths", Some((1e-10, ""))),
            ("a trillionth", Some((1e-12, ""))),
            ("a hundred trillionth", Some((100.0, " trillionth"))),
            ("one hundred thirty-fifths", Some((100.0 / 35.0, ""))),
            ("one hundred and thirty fifths", Some((26.0, ""))),
            ("twenty fifths", Some((4.0, ""))),
            ("three hundred and two dozens", Some((324.0, ""))),
            ("a first class", None),
            ("the", None),
            ("seven hundred thousand", Some((7e5, ""))),
            ("2.5-billion plan", Some((2.5e9, " plan"))),
            ("2-3", Some((2.0, "-3"))),
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
