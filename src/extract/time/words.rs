//! The temporal vocabulary: month and weekday names, units of time,
//! ordinal days, seasons.
//!
//! # Grammar
//!
//! ```text
//! month   = "january" | "jan" ["."] | ... | "september" | "sept" ["."] | "sep" ["."] | ...
//! weekday = "monday" | "mon" ["."] | "tuesday" | "tues" | "tue" | ... | "sunday" | "sun"
//! unit    = "second"["s"] | "sec"["s"] | "minute"["s"] | "min"["s"] | "hour"["s"] | "hr"["s"]
//!         | "day"["s"] | "night"["s"] | "week"["s"] | "wk"["s"] | "fortnight"["s"]
//!         | "month"["s"] | "quarter"["s"] | "year"["s"] | "yr"["s"] | "decade"["s"]
//!         | "century" | "centuries"
//!         | "h" | "d" | "w" | "y"          (only glued to digits: "3h", "10D")
//! ordinal-day = [0-9]{1,2} ("st" | "nd" | "rd" | "th")
//!             | "first" | ... | "twentieth" | ("twenty" | "thirty") ["-"] ("first" | ... | "ninth")
//!             | "thirtieth"
//! season  = "spring" | "summer" | "autumn" | "fall" | "winter"
//! ```

use jiff::civil::Weekday;

use super::lex::{Found, blank, glued, number_tight, word, word_before_digits};
use crate::period::Grain;

/// Month names and abbreviations with their numbers.
pub(super) const MONTHS: [(&str, i8); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A month name as a word: its number, and whether the word is also an
/// everyday word or a name ("May", "March") or an abbreviation, which are
/// trusted only beside a day, a year or a preposition.
#[derive(Clone, Copy, Debug)]
pub(super) struct MonthName {
    /// 1 to 12.
    pub number: i8,
    /// "may", "march", or an abbreviation.
    pub doubtful: bool,
}

/// The month named by `w`, if any.
pub(super) fn month_of(w: &str) -> Option<MonthName> {
    MONTHS
        .iter()
        .position(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|i| MonthName {
            number: MONTHS[i].1,
            doubtful: i >= 12 || i == 2 || i == 4,
        })
}

/// A month name after blanks, with an abbreviation's full stop; digits may
/// follow directly ("Dec31").
pub(super) fn month(s: &str) -> Found<'_, MonthName> {
    let (rest, w) = word_before_digits(s)?;
    let m = month_of(w)?;
    let rest = if w.len() <= 4 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Some((rest, m))
}

/// Weekday names and abbreviations.
pub(super) const WEEKDAYS: [(&str, Weekday); 17] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// The weekday named by `w`, and whether the name is abbreviated ("Sun",
/// "Sat" and "Wed" are also everyday words, so abbreviations are trusted
/// only beside a date).
pub(super) fn weekday_of(w: &str) -> Option<(Weekday, bool)> {
    WEEKDAYS
        .iter()
        .position(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|i| (WEEKDAYS[i].1, i >= 7))
}

/// A weekday name after blanks, with an abbreviation's full stop.
pub(super) fn weekday(s: &str) -> Found<'_, (Weekday, bool)> {
    let (rest, w) = word(s)?;
    let found = weekday_of(w)?;
    let rest = if found.1 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Some((rest, found))
}

/// A unit of time: the grain counted and how many of it one unit is ("a
/// fortnight" is two weeks, "a decade" ten years).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Unit {
    /// The grain counted.
    pub grain: Grain,
    /// How many grains one unit holds.
    pub times: f64,
}

impl Unit {
    /// No unit: a placeholder where there is none.
    pub const NONE: Unit = unit(Grain::Second, 0.0);
}

const fn unit(grain: Grain, times: f64) -> Unit {
    Unit { grain, times }
}

/// Units of time spelled out.
pub(super) const UNITS: [(&str, Unit); 34] = [
    ("second", unit(Grain::Second, 1.0)),
    ("seconds", unit(Grain::Second, 1.0)),
    ("sec", unit(Grain::Second, 1.0)),
    ("secs", unit(Grain::Second, 1.0)),
    ("minute", unit(Grain::Minute, 1.0)),
    ("minutes", unit(Grain::Minute, 1.0)),
    ("min", unit(Grain::Minute, 1.0)),
    ("mins", unit(Grain::Minute, 1.0)),
    ("hour", unit(Grain::Hour, 1.0)),
    ("hours", unit(Grain::Hour, 1.0)),
    ("hr", unit(Grain::Hour, 1.0)),
    ("hrs", unit(Grain::Hour, 1.0)),
    ("day", unit(Grain::Day, 1.0)),
    ("days", unit(Grain::Day, 1.0)),
    ("night", unit(Grain::Day, 1.0)),
    ("nights", unit(Grain::Day, 1.0)),
    ("week", unit(Grain::Week, 1.0)),
    ("weeks", unit(Grain::Week, 1.0)),
    ("wk", unit(Grain::Week, 1.0)),
    ("wks", unit(Grain::Week, 1.0)),
    ("fortnight", unit(Grain::Week, 2.0)),
    ("fortnights", unit(Grain::Week, 2.0)),
    ("month", unit(Grain::Month, 1.0)),
    ("months", unit(Grain::Month, 1.0)),
    ("quarter", unit(Grain::Quarter, 1.0)),
    ("quarters", unit(Grain::Quarter, 1.0)),
    ("year", unit(Grain::Year, 1.0)),
    ("years", unit(Grain::Year, 1.0)),
    ("yr", unit(Grain::Year, 1.0)),
    ("yrs", unit(Grain::Year, 1.0)),
    ("decade", unit(Grain::Year, 10.0)),
    ("decades", unit(Grain::Year, 10.0)),
    ("century", unit(Grain::Year, 100.0)),
    ("centuries", unit(Grain::Year, 100.0)),
];

/// Single letters that are units only when glued to digits ("3h", "10D").
/// "d" is left out: "3D" is printing and film far more often than days.
const LETTER_UNITS: [(&str, Unit); 3] = [
    ("h", unit(Grain::Hour, 1.0)),
    ("w", unit(Grain::Week, 1.0)),
    ("y", unit(Grain::Year, 1.0)),
];

/// The unit named by the word `w`.
pub(super) fn unit_of(w: &str) -> Option<Unit> {
    UNITS
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|(_, u)| *u)
}

/// A unit after blanks, or glued on ("3h", "3-min", "3.5years"). `tight`
/// says the unit follows the number with no blank, which lets single
/// letters count.
pub(super) fn unit_word(s: &str) -> Found<'_, Unit> {
    let tight = !s.starts_with([' ', '\t', '\u{a0}']);
    let s = if tight {
        s.strip_prefix('-').unwrap_or(s)
    } else {
        s
    };
    let (rest, w) = word(s)?;
    if let Some(u) = unit_of(w) {
        return Some((rest, u));
    }
    let letter = LETTER_UNITS
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|(_, u)| *u)?;
    // "3 h" is written for hours; other lone letters need the digits.
    (tight || letter.grain == Grain::Hour).then_some((rest, letter))
}

/// Ordinals in words, from "first".
pub(super) const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// An ordinal in words up to "thirty-first".
pub(super) fn ordinal_word(s: &str) -> Found<'_, u32> {
    let (rest, w) = word(s)?;
    // Looked up in lower case: most words fail on their length alone.
    let mut buf = [0u8; super::lex::LONGEST_WORD];
    let w = super::lex::lowercase(w, &mut buf)?;
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return Some((rest, i as u32 + 1));
    }
    let tens = match w {
        "thirtieth" => return Some((rest, 30)),
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (rest, unit) = word(rest)?;
    let i = ORDINALS[..9]
        .iter()
        .position(|o| unit.eq_ignore_ascii_case(o))?;
    Some((rest, tens + i as u32 + 1))
}

/// An ordinal in digits with its suffix ("4th", "21st", "2th"), after
/// blanks.
pub(super) fn ordinal_digits(s: &str) -> Found<'_, u32> {
    let (rest, n) = number_tight(blank(s), 1, 2)?;
    let (rest, suffix) = word_suffix(rest)?;
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|k| suffix.eq_ignore_ascii_case(k))
        .then_some((rest, n))
}

fn word_suffix(s: &str) -> Found<'_, &str> {
    let end = s
        .bytes()
        .take(3)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if end != 2 || glued(&s[end..]) {
        return None;
    }
    Some((&s[end..], &s[..end]))
}

/// An ordinal in digits or words.
pub(super) fn ordinal(s: &str) -> Found<'_, u32> {
    ordinal_digits(s).or_else(|| ordinal_word(s))
}

/// The seasons ([`season`]).
pub(super) const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];

/// The parts of the day ([`super::relative::part_of_day`]), morning first.
pub(super) const PARTS_OF_DAY: [&str; 4] = ["morning", "afternoon", "evening", "night"];

/// Decades in words, from the twenties of the 1900s.
pub(super) const DECADES: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// The first words of holidays' names (see `date::holiday_name`).
pub(super) const HOLIDAYS: [&str; 14] = [
    "christmas",
    "halloween",
    "juneteenth",
    "easter",
    "good",
    "thanksgiving",
    "black",
    "independence",
    "earth",
    "valentine",
    "valentines",
    "st",
    "saint",
    "new",
];

/// A season: the month it starts in (meteorological seasons).
pub(super) fn season(s: &str) -> Found<'_, i8> {
    let (rest, w) = word(s)?;
    let mut buf = [0u8; super::lex::LONGEST_WORD];
    let m = match super::lex::lowercase(w, &mut buf)? {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    Some((rest, m))
}
