//! Tokens of the temporal grammar: blanks, words, digit runs, amounts.
//!
//! Every reader takes the input at its current position and returns the
//! rest of the input with what it read, or `None`. Readers never look more
//! than one token ahead and never allocate. The readers called for nearly
//! every alternative (blanks, words, keywords) are inlined, so that a
//! keyword is compared against a constant where it is asked for.
//!
//! # Grammar
//!
//! ```text
//! blank   = (" " | "\t" | NBSP)*
//! word    = blank [A-Za-z]+            (not followed by a letter or digit)
//! digits  = blank [0-9]+               (not followed by a letter, unless glued is allowed)
//! amount  = decimal | "½" | "a" | "an" | "half" ["a" | "an"]
//!         | ["a"] "couple" ["of"] | cardinal-words
//!           ["and" ("a" | "an") ("half" | "quarter") | "and half"]
//! decimal = [0-9]+ ["." [0-9]+]
//! ```

use super::Env;
use crate::extract::number;

/// What a reader found, and the rest of the input.
pub(super) type Found<'a, T> = Option<(&'a str, T)>;

/// The input with leading blanks (spaces, tabs, no-break spaces) removed.
/// Line breaks end an expression, so they are not blanks.
#[inline]
pub(super) fn blank(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b' ' | b'\t') => i += 1,
            // U+00A0 NO-BREAK SPACE
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return &s[i..],
        }
    }
}

/// Longest word the vocabulary holds ("thanksgiving", "independence").
pub(super) const LONGEST_WORD: usize = 16;

/// `w` in ASCII lower case, in `buf`; `None` for a word longer than any in
/// the vocabulary.
pub(super) fn lowercase<'b>(w: &str, buf: &'b mut [u8; LONGEST_WORD]) -> Option<&'b str> {
    let b = w.as_bytes();
    let out = buf.get_mut(..b.len())?;
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// A run of ASCII letters at the very start of `s`.
#[inline]
fn letters(s: &str) -> Found<'_, &str> {
    // The hottest reader of the grammar: a byte loop rather than a char
    // combinator.
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    (n > 0).then(|| (&s[n..], &s[..n]))
}

/// A run of ASCII digits at the very start of `s`.
pub(super) fn digit_run(s: &str) -> Found<'_, &str> {
    // Read by almost every alternative at a number: a byte loop.
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then(|| (&s[n..], &s[..n]))
}

/// Whether `s` starts with an ASCII letter or digit (a word goes on).
#[inline]
pub(super) fn glued(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
}

/// The next whole word after blanks.
#[inline]
pub(super) fn word(s: &str) -> Found<'_, &str> {
    let (rest, w) = letters(blank(s))?;
    (!glued(rest)).then_some((rest, w))
}

/// The next word after blanks, which may be followed directly by digits
/// ("Dec31", "mar3").
pub(super) fn word_before_digits(s: &str) -> Found<'_, &str> {
    let (rest, w) = letters(blank(s))?;
    (!rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)).then_some((rest, w))
}

/// The keyword `k` (lower-case letters) as a whole word after blanks.
#[inline]
pub(super) fn kw<'a>(s: &'a str, k: &str) -> Option<&'a str> {
    // The commonest call of the grammar, and it mostly fails: compare the
    // keyword's bytes first, and look for the end of the word only after
    // they match.
    let s = blank(s);
    let head = s.as_bytes().get(..k.len())?;
    if !head.eq_ignore_ascii_case(k.as_bytes()) {
        return None;
    }
    let rest = s.get(k.len()..)?;
    (!k.is_empty() && !glued(rest)).then_some(rest)
}

/// The first of the keywords `ks` that comes next.
pub(super) fn any_kw<'a>(s: &'a str, ks: &[&str]) -> Option<(&'a str, usize)> {
    let (rest, w) = word(s)?;
    ks.iter()
        .position(|k| w.eq_ignore_ascii_case(k))
        .map(|i| (rest, i))
}

/// Optionally the keyword `k`.
#[inline]
pub(super) fn opt_kw<'a>(s: &'a str, k: &str) -> &'a str {
    kw(s, k).unwrap_or(s)
}

/// The character `c` after blanks.
pub(super) fn punct(s: &str, c: char) -> Option<&str> {
    blank(s).strip_prefix(c)
}

/// The character `c` with no blank before it.
pub(super) fn tight(s: &str, c: char) -> Option<&str> {
    s.strip_prefix(c)
}

/// A digit run of `min..=max` digits after blanks, not glued to a letter
/// or digit, with its value.
pub(super) fn number(s: &str, min: usize, max: usize) -> Found<'_, u32> {
    let (rest, d) = digit_run(blank(s))?;
    if d.len() < min || d.len() > max || glued(rest) {
        return None;
    }
    Some((rest, d.parse().ok()?))
}

/// Like [`number()`] with no blank allowed before, and a letter allowed
/// after (a unit or ordinal suffix glued on: "3h", "4th").
pub(super) fn number_tight(s: &str, min: usize, max: usize) -> Found<'_, u32> {
    let (rest, d) = digit_run(s)?;
    if d.len() < min || d.len() > max || rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((rest, d.parse().ok()?))
}

/// A decimal number in digits ("3", "3.5", "123.45"), after blanks; a
/// letter may follow ("3.5years").
pub(super) fn decimal(s: &str) -> Found<'_, f64> {
    let s = blank(s);
    let (mut rest, int) = digit_run(s)?;
    if int.len() > 9 {
        return None;
    }
    if let Some(after) = rest.strip_prefix('.')
        && let Some((r, _)) = digit_run(after)
    {
        rest = r;
    }
    if rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None; // "1,200" or "1.2.3": not a count of units
    }
    let text = &s[..s.len() - rest.len()];
    // Most counts are whole: nine digits at most, so exact as an f64.
    let v: f64 = if text.len() == int.len() {
        int.parse::<u32>().ok()?.into()
    } else {
        text.parse().ok()?
    };
    v.is_finite().then_some((rest, v))
}

/// A count in words, through the numeric family's cardinal grammar
/// ("two", "twenty-one"). The value must be a finite positive number.
/// That grammar is the costliest reader here, so it reads each offset
/// once per attempt.
pub(super) fn cardinal_words<'a>(env: &Env, s: &'a str) -> Found<'a, f64> {
    let s = blank(s);
    env.remembered(&env.cardinals, s, |s| {
        // Ask the numeric family only about number words.
        let (_, w) = letters(s)?;
        let mut buf = [0u8; LONGEST_WORD];
        if !lowercase(w, &mut buf).is_some_and(number::is_trigger) {
            return None;
        }
        let (rest, v) = number::cardinal(s).ok()?;
        (v.is_finite() && v > 0.0 && !glued(rest)).then_some((rest, v))
    })
}

/// A count of units: digits, words, "a"/"an", "half", "a couple of",
/// each optionally followed by "and a half" / "and a quarter".
/// Most alternatives read a count where they start ("two weeks ago", "two
/// weeks", "two next weeks"): each offset is read once per attempt.
pub(super) fn amount<'a>(env: &Env, s: &'a str) -> Found<'a, f64> {
    env.remembered(&env.amounts, blank(s), |s| {
        let (rest, v) = base_amount(env, s)?;
        Some(fraction_tail(rest).map_or((rest, v), |(r, f)| (r, v + f)))
    })
}

fn base_amount<'a>(env: &Env, s: &'a str) -> Found<'a, f64> {
    if let Some(r) = punct(s, '½') {
        return Some((r, 0.5));
    }
    if let Some(found) = decimal(s) {
        return Some(found);
    }
    let (rest, w) = word(s)?;
    let lower = |k: &str| w.eq_ignore_ascii_case(k);
    if lower("a") || lower("an") {
        if let Some(r) = punct(rest, '½') {
            return Some((r, 0.5));
        }
        if let Some(r) = kw(rest, "couple") {
            return Some((opt_kw(r, "of"), 2.0));
        }
        return Some((rest, 1.0));
    }
    if lower("couple") {
        return Some((opt_kw(rest, "of"), 2.0));
    }
    if lower("half") {
        let r = kw(rest, "an").or_else(|| kw(rest, "a")).unwrap_or(rest);
        return Some((r, 0.5));
    }
    cardinal_words(env, s).or_else(|| {
        // "two quarters" reads as a share to the numeric family; the
        // number word alone is still a count.
        env.remembered(&env.number_words, blank(s), |_| {
            let mut buf = [0u8; LONGEST_WORD];
            if !lowercase(w, &mut buf).is_some_and(number::is_trigger) {
                return None;
            }
            let (left, v) = number::cardinal(w).ok()?;
            (left.is_empty() && v.is_finite() && v > 0.0).then_some((rest, v))
        })
    })
}

/// "and a half", "and half", "and a quarter".
pub(super) fn fraction_tail(s: &str) -> Found<'_, f64> {
    let r = kw(s, "and")?;
    let r = kw(r, "a").unwrap_or(r);
    if let Some(r) = kw(r, "half") {
        return Some((r, 0.5));
    }
    kw(r, "quarter").map(|r| (r, 0.25))
}

/// The word before byte `at` in `text` (skipping blanks and commas), lower
/// case comparison is left to the caller. Looks back a bounded distance.
pub(super) fn word_before(text: &str, at: usize) -> Option<&str> {
    let head = text.get(..at)?;
    // A hyphen joins a prefix to a date ("mid-2023").
    let trimmed = head.trim_end_matches([' ', '\t', ',', '\u{a0}', '-']);
    let start = trimmed
        .bytes()
        .rev()
        .take(24)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let w = &trimmed[trimmed.len() - start..];
    (!w.is_empty()).then_some(w)
}

/// Whether the number starting at `at` continues a longer token on its
/// left: a letter or digit glued on, or a digit group before a separator
/// ("+86 138-2010", "0.8/15", "2,014").
pub(super) fn continues_left(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let prev = |i: usize| at.checked_sub(i).and_then(|j| b.get(j)).copied();
    match prev(1) {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some(b'-' | b'/' | b'.' | b',' | b':') => prev(2).is_some_and(|c| c.is_ascii_digit()),
        Some(b'$' | b'#' | b'@' | b'+' | b'=' | b'<' | b'>') => true,
        // "$ 12 December": a sum of money, not a day.
        Some(b' ') => text[..at - 1].ends_with(['$', '£', '€']),
        _ => false,
    }
}

/// Whether the expression ending where `rest` starts runs on into a
/// longer token ("2015-1-32", "8/1.5", "4:3").
pub(super) fn continues_right(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some(b'-' | b'/' | b'.' | b',' | b':') => b.get(1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}
