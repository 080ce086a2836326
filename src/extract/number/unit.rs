//! What follows an amount: a percent sign or word, or a unit of
//! measurement.
//!
//! # Grammar
//!
//! ```text
//! percent  = [ space ] "%"
//!          | [ space ] ( "pc" | "pct" )
//!          | [ space ] ( "pp" | "ppt" | "ppts" )   -- percentage points
//!          | [ space ] ( "bp" | "bps" )            -- basis points: 1/100 point
//!          | space ( "per cent" | "percent" | "percents"
//!                  | "percentage" [ "point" | "points" ]
//!                  | "basis point" | "basis points" )
//! unit     = glue ( abbreviation | word )            -- "12km", "200lbs"
//!          | space+ [ modifier space+ ] ( abbreviation | word ) [ rate ]
//!          | "-" word                                -- "3-inch", "six-mile"
//! modifier = "square" | "sq" [ "." ] | "cubic" | "metric"
//! rate     = ( space "per" space | space "an" space | "/" ) time-unit
//!                                                    -- "miles an hour"
//! degrees  = ( "degree" | "degrees" | "deg" [ "." ] | "°" )
//!            [ space* ( "c" | "celsius" | "f" | "fahrenheit" ) ]
//! ```
//!
//! Abbreviations match case-sensitively ("MB" is a megabyte, "mb" a
//! megabit, "M" never a metre); words in any case. "m" after a currency
//! is a million, not a metre (see [`super::amount`]). Units are named as
//! the conformance cases name them: the canonical lower-case singular
//! ("kilometer", "mile per hour", "square meter", "c" and "f" for degrees
//! Celsius and Fahrenheit).

use super::lexicon::{self, Role};
use super::words::{lower, word};

/// How a unit's spelling may follow the number.
#[derive(Clone, Copy, PartialEq)]
enum Glue {
    /// Glued ("12km") or after a space ("12 km").
    Either,
    /// Only glued: alone after a space it is too ambiguous ("100t", "5g").
    Glued,
    /// Only after a space or a hyphen (a word, "12 miles", "3-inch").
    Spaced,
}

/// (spelling, canonical name, whether the spelling is case-sensitive, glue)
type Entry = (&'static str, &'static str, bool, Glue);

use Glue::{Either, Glued, Spaced};

const UNITS: &[Entry] = &[
    // Sorted by the lower-cased first byte, for `lookup`.
    ("\"", "inch", true, Either),
    ("acre", "acre", false, Spaced),
    ("acres", "acre", false, Spaced),
    ("barrel", "barrel", false, Spaced),
    ("barrels", "barrel", false, Spaced),
    ("bbl", "barrel", true, Either),
    ("bpd", "barrel per day", true, Either),
    ("b/d", "barrel per day", true, Either),
    ("bit", "bit", false, Spaced),
    ("bits", "bit", false, Spaced),
    ("byte", "byte", false, Spaced),
    ("bytes", "byte", false, Spaced),
    ("cm", "centimeter", true, Either),
    ("centimeter", "centimeter", false, Spaced),
    ("centimeters", "centimeter", false, Spaced),
    ("centimetre", "centimeter", false, Spaced),
    ("centimetres", "centimeter", false, Spaced),
    ("cup", "cup", false, Spaced),
    ("cups", "cup", false, Spaced),
    ("celsius", "c", false, Spaced),
    ("celcius", "c", false, Spaced),
    ("centigrade", "c", false, Spaced),
    ("centigrate", "c", false, Spaced),
    ("C", "c", true, Glued),
    ("dm", "decimeter", true, Either),
    ("degree", "degree", false, Spaced),
    ("degrees", "degree", false, Spaced),
    ("deg", "degree", false, Spaced),
    ("ft", "foot", true, Either),
    ("foot", "foot", false, Spaced),
    ("feet", "foot", false, Spaced),
    ("fahrenheit", "f", false, Spaced),
    ("farenheit", "f", false, Spaced),
    ("gallon", "gallon", false, Spaced),
    ("gallons", "gallon", false, Spaced),
    ("g", "gram", true, Glued),
    ("gram", "gram", false, Spaced),
    ("grams", "gram", false, Spaced),
    ("gramme", "gram", false, Spaced),
    ("grammes", "gram", false, Spaced),
    ("GW", "gigawatt", true, Either),
    ("gigawatt", "gigawatt", false, Spaced),
    ("gigawatts", "gigawatt", false, Spaced),
    ("GWh", "gigawatt hour", true, Either),
    ("GB", "gigabyte", true, Either),
    ("Gbps", "gigabit per second", true, Either),
    ("hectare", "hectare", false, Spaced),
    ("hectares", "hectare", false, Spaced),
    ("ha", "hectare", true, Glued),
    ("inch", "inch", false, Spaced),
    ("inches", "inch", false, Spaced),
    ("in", "inch", true, Glued),
    ("km", "kilometer", true, Either),
    ("kms", "kilometer", true, Either),
    ("kilometer", "kilometer", false, Spaced),
    ("kilometers", "kilometer", false, Spaced),
    ("kilometre", "kilometer", false, Spaced),
    ("kilometres", "kilometer", false, Spaced),
    ("km2", "square kilometer", true, Either),
    ("km²", "square kilometer", true, Either),
    ("kg", "kilogram", true, Either),
    ("kgs", "kilogram", true, Either),
    ("kilogram", "kilogram", false, Spaced),
    ("kilograms", "kilogram", false, Spaced),
    ("kilogramme", "kilogram", false, Spaced),
    ("kilogrammes", "kilogram", false, Spaced),
    ("kilo", "kilogram", false, Spaced),
    ("kilos", "kilogram", false, Spaced),
    ("kph", "kilometer per hour", true, Either),
    ("kmph", "kilometer per hour", true, Either),
    ("km/h", "kilometer per hour", true, Either),
    ("km/hr", "kilometer per hour", true, Either),
    ("knot", "knot", false, Spaced),
    ("knots", "knot", false, Spaced),
    ("kW", "kilowatt", true, Either),
    ("kilowatt", "kilowatt", false, Spaced),
    ("kilowatts", "kilowatt", false, Spaced),
    ("kWh", "kilowatt hour", true, Either),
    ("KB", "kilobyte", true, Either),
    ("l", "liter", true, Glued),
    ("liter", "liter", false, Spaced),
    ("liters", "liter", false, Spaced),
    ("litre", "liter", false, Spaced),
    ("litres", "liter", false, Spaced),
    ("lb", "pound", true, Either),
    ("lbs", "pound", true, Either),
    ("m", "meter", true, Either),
    ("meter", "meter", false, Spaced),
    ("meters", "meter", false, Spaced),
    ("metre", "meter", false, Spaced),
    ("metres", "meter", false, Spaced),
    ("mm", "millimeter", true, Either),
    ("millimeter", "millimeter", false, Spaced),
    ("millimeters", "millimeter", false, Spaced),
    ("millimetre", "millimeter", false, Spaced),
    ("millimetres", "millimeter", false, Spaced),
    ("mile", "mile", false, Spaced),
    ("miles", "mile", false, Spaced),
    ("mi", "mile", true, Glued),
    ("m2", "square meter", true, Either),
    ("m²", "square meter", true, Either),
    ("ml", "milliliter", true, Either),
    ("milliliter", "milliliter", false, Spaced),
    ("milliliters", "milliliter", false, Spaced),
    ("millilitre", "milliliter", false, Spaced),
    ("millilitres", "milliliter", false, Spaced),
    ("m3", "cubic meter", true, Either),
    ("m³", "cubic meter", true, Either),
    ("mg", "milligram", true, Either),
    ("milligram", "milligram", false, Spaced),
    ("milligrams", "milligram", false, Spaced),
    ("microgram", "microgram", false, Spaced),
    ("micrograms", "microgram", false, Spaced),
    ("microgramme", "microgram", false, Spaced),
    ("microgrammes", "microgram", false, Spaced),
    ("mph", "mile per hour", true, Either),
    ("MW", "megawatt", true, Either),
    ("megawatt", "megawatt", false, Spaced),
    ("megawatts", "megawatt", false, Spaced),
    ("MWh", "megawatt hour", true, Either),
    ("MB", "megabyte", true, Either),
    ("mb", "megabit", true, Either),
    ("Mbps", "megabit per second", true, Either),
    ("nautical mile", "nautical mile", false, Spaced),
    ("nautical miles", "nautical mile", false, Spaced),
    ("oz", "ounce", true, Either),
    ("ounce", "ounce", false, Spaced),
    ("ounces", "ounce", false, Spaced),
    ("pound", "pound", false, Spaced),
    ("pounds", "pound", false, Spaced),
    ("rad", "radian", true, Either),
    ("radian", "radian", false, Spaced),
    ("radians", "radian", false, Spaced),
    ("tablespoon", "tablespoon", false, Spaced),
    ("tablespoons", "tablespoon", false, Spaced),
    ("tbsp", "tablespoon", true, Either),
    ("teaspoon", "teaspoon", false, Spaced),
    ("teaspoons", "teaspoon", false, Spaced),
    ("tsp", "teaspoon", true, Either),
    ("t", "ton", true, Glued),
    ("ton", "ton", false, Spaced),
    ("tons", "ton", false, Spaced),
    ("tonne", "ton", false, Spaced),
    ("tonnes", "ton", false, Spaced),
    ("turn", "turn", false, Spaced),
    ("turns", "turn", false, Spaced),
    ("TWh", "terawatt hour", true, Either),
    ("TB", "terabyte", true, Either),
    ("yard", "yard", false, Spaced),
    ("yards", "yard", false, Spaced),
    ("yd", "yard", true, Either),
    ("µg", "microgram", true, Either),
    ("°C", "c", true, Either),
    ("ºC", "c", true, Either),
    ("°F", "f", true, Either),
    ("ºF", "f", true, Either),
    ("°", "degree", true, Either),
    ("μg", "microgram", true, Either),
];

/// Units a "square" or "cubic" may qualify.
const LENGTHS: [&str; 7] = [
    "kilometer",
    "meter",
    "centimeter",
    "millimeter",
    "mile",
    "foot",
    "yard",
];

/// The byte a unit's spelling is sorted and looked up by.
const fn first_key(spelling: &str) -> u8 {
    spelling.as_bytes()[0].to_ascii_lowercase()
}

/// For each [`first_key`], the range of [`UNITS`] with it.
static FIRST_KEYS: [(u16, u16); 256] = {
    let mut ranges = [(0u16, 0u16); 256];
    let mut i = 0;
    while i < UNITS.len() {
        let k = first_key(UNITS[i].0) as usize;
        if ranges[k].1 == 0 {
            ranges[k].0 = i as u16;
        } else {
            // The table is sorted by the key: each key's entries are together.
            assert!(ranges[k].1 == i as u16, "UNITS is sorted by first_key");
        }
        ranges[k].1 = i as u16 + 1;
        i += 1;
    }
    ranges
};

/// A bit for each slot of the lexicon's hash ([`lexicon::key`],
/// [`lexicon::slot`]) that the letters starting a unit's spelling, or a
/// modifier, hash to: "km" of "km/h", "nautical" of "nautical mile",
/// "square". Letters after an amount whose bit is clear start no unit.
static UNIT_BITS: [u64; lexicon::SLOTS / 64] = {
    let mut bits = [0u64; lexicon::SLOTS / 64];
    let mut i = 0;
    while i < UNITS.len() + MODIFIERS.len() {
        let spelling = if i < UNITS.len() {
            UNITS[i].0.as_bytes()
        } else {
            MODIFIERS[i - UNITS.len()].as_bytes()
        };
        let mut n = 0;
        while n < spelling.len() && spelling[n].is_ascii_alphabetic() {
            n += 1;
        }
        if n > 0 {
            let (letters, _) = spelling.split_at(n);
            let s = lexicon::slot(lexicon::key(letters));
            bits[s / 64] |= 1 << (s % 64);
        }
        i += 1;
    }
    bits
};

/// The words that qualify a unit ("square meters").
const MODIFIERS: [&str; 5] = ["square", "sq", "cubic", "cu", "metric"];

/// Whether a unit may follow an amount, given the first byte after the
/// spaces after it and the letters after those spaces (or after a hyphen
/// glued to the amount): whatever starts with a sign or a bracket may be
/// one, letters only if a unit starts with them.
pub(super) fn may_follow(first: Option<u8>, letters: &[u8]) -> bool {
    match first {
        None => false,
        Some(b) if !b.is_ascii_alphabetic() => true,
        Some(_) if letters.is_empty() => true,
        Some(_) => {
            let s = lexicon::slot(lexicon::key(letters));
            UNIT_BITS[s / 64] & (1 << (s % 64)) != 0
        }
    }
}

/// For each entry of [`UNITS`], whether its spelling is ASCII letters only.
static LETTERS_ONLY: [bool; UNITS.len()] = {
    let mut letters = [false; UNITS.len()];
    let mut i = 0;
    while i < UNITS.len() {
        let b = UNITS[i].0.as_bytes();
        let mut all = true;
        let mut k = 0;
        while k < b.len() {
            all &= b[k].is_ascii_alphabetic();
            k += 1;
        }
        letters[i] = all;
        i += 1;
    }
    letters
};

/// Whether `c` may follow a unit's spelling: anything but a letter or
/// digit.
fn ends_word(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The longest unit spelled at the start of `s` that may follow the
/// number with `glued` (no space between).
fn lookup(s: &str, glued: bool) -> Option<(&'static str, &str)> {
    let mut best: Option<(usize, &'static str)> = None;
    let first = s.as_bytes().first()?;
    if first.is_ascii_digit() || *first == b' ' {
        return None;
    }
    // Only the entries with the same first letter can match.
    let (from, to) = FIRST_KEYS[usize::from(first.to_ascii_lowercase())];
    let (from, to) = (usize::from(from), usize::from(to));
    // A spelling in letters only that matches is followed by no letter, so
    // it is as long as the run of letters here.
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    for (i, &(spelling, name, exact, glue)) in UNITS[from..to].iter().enumerate() {
        if LETTERS_ONLY[from + i] && spelling.len() != letters {
            continue;
        }
        let fits = match glue {
            Either => true,
            Glued => glued,
            Spaced => !glued || !exact,
        };
        if !fits || spelling.len() > s.len() || !s.is_char_boundary(spelling.len()) {
            continue;
        }
        let head = &s[..spelling.len()];
        let same = if exact {
            head == spelling
        } else {
            head.eq_ignore_ascii_case(spelling)
        };
        // A lone glued letter is a unit only before a space or
        // punctuation that ends it: "14.7C/" is cents per something.
        let lone =
            glue == Glued && spelling.len() == 1 && s.get(1..).is_some_and(|r| r.starts_with('/'));
        if same
            && !lone
            && ends_word(&s[spelling.len()..])
            && best.is_none_or(|(len, _)| spelling.len() > len)
        {
            best = Some((spelling.len(), name));
        }
    }
    best.map(|(len, name)| (name, &s[len..]))
}

fn spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ' || b == b'\t').count()
}

/// A percent sign or word after an amount: whether it is in percentage
/// points, and the rest.
pub(super) fn percent(s: &str) -> Option<(bool, f64, &str)> {
    let gap = spaces(s);
    let at = &s[gap..];
    if gap <= 1
        && let Some(rest) = at.strip_prefix('%')
    {
        return Some((false, 1.0, rest));
    }
    let (w, rest) = word(at)?;
    // Most words after an amount are no percentage: one look-up says so.
    if !lexicon::role(w).has(Role::PERCENT) {
        return None;
    }
    if gap == 0 {
        // "2.4pc", "0.5pp", "25bp": newspaper abbreviations.
        return match w {
            "pc" | "pct" => Some((false, 1.0, rest)),
            "pp" | "ppt" | "ppts" => Some((true, 1.0, rest)),
            "bp" | "bps" => Some((true, 0.01, rest)),
            _ => None,
        };
    }
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    let next = |rest: &'_ str| -> Option<(String, usize)> {
        let g = spaces(rest);
        let (w2, _) = word(&rest[g..])?;
        (g > 0).then(|| (w2.to_ascii_lowercase(), g + w2.len()))
    };
    match lw {
        "percent" | "percents" | "pct" | "pc" => Some((false, 1.0, rest)),
        "pp" | "ppt" | "ppts" => Some((true, 1.0, rest)),
        "bp" | "bps" => Some((true, 0.01, rest)),
        "per" => match next(rest)? {
            (w2, len) if w2 == "cent" => Some((false, 1.0, &rest[len..])),
            _ => None,
        },
        "percentage" => match next(rest) {
            Some((w2, len)) if w2 == "point" || w2 == "points" => Some((true, 1.0, &rest[len..])),
            _ => Some((false, 1.0, rest)),
        },
        "basis" => match next(rest)? {
            (w2, len) if w2 == "point" || w2 == "points" => Some((true, 0.01, &rest[len..])),
            _ => None,
        },
        _ => None,
    }
}

/// A unit of measurement after an amount: its canonical name and the rest.
pub(super) fn unit(s: &str) -> Option<(String, &str)> {
    let gap = spaces(s);
    if gap == 0 {
        if let Some(after) = s.strip_prefix('-') {
            // "3-inch", "six-mile": a unit word, singular or plural.
            let (name, rest) = lookup(after, false)?;
            return Some((name.to_string(), rest));
        }
        let (name, rest) = lookup(s, true)?;
        return Some(with_qualifiers(name, rest));
    }
    let at = &s[gap..];
    // "square meters", "sq km", "cubic feet", "metric tons".
    if let Some((w, rest)) = word(at) {
        let mut buf = [0u8; 16];
        let lw = lower(w, &mut buf)?;
        let modifier = match lw {
            "square" | "sq" => Some("square"),
            "cubic" | "cu" => Some("cubic"),
            "metric" => Some("metric"),
            _ => None,
        };
        if let Some(modifier) = modifier {
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            let g = spaces(rest);
            if g > 0
                && let Some((name, rest)) = lookup(&rest[g..], false)
            {
                let ok = match modifier {
                    "metric" => name == "ton",
                    _ => LENGTHS.contains(&name),
                };
                if ok {
                    return Some((format!("{modifier} {name}"), rest));
                }
            }
        }
    }
    // "20 (kg)", "20 [kg]": a unit in brackets, as in tables.
    if let Some(close) = match at.as_bytes().first() {
        Some(b'(') => Some(')'),
        Some(b'[') => Some(']'),
        Some(b'{') => Some('}'),
        Some(b'<') => Some('>'),
        _ => None,
    } && let Some((name, rest)) = lookup(&at[1..], false)
        && let Some(rest) = rest.strip_prefix(close)
    {
        return Some((name.to_string(), rest));
    }
    let (name, rest) = lookup(at, false)?;
    Some(with_qualifiers(name, rest))
}

/// Inches after feet: " 2 inches", " and 2 in", "2in". Returns the
/// inches and the rest.
pub(super) fn inches(s: &str) -> Option<(f64, &str)> {
    let mut at = s.strip_prefix(' ')?;
    if let Some((w, after)) = word(at)
        && w.eq_ignore_ascii_case("and")
    {
        at = after.strip_prefix(' ')?;
    }
    let n = super::digits::digit_run(at);
    let (v, rest) = if n > 0 {
        (at[..n].parse::<f64>().ok()?, &at[n..])
    } else {
        let (a, rest) = super::amount::amount(at, false)?;
        (a.figure.value, rest)
    };
    if !(0.0..12.0).contains(&v) {
        return None;
    }
    let g = spaces(rest);
    let (w, after) = word(&rest[g..])?;
    matches!(w, "in" | "inch" | "inches" | "ins").then_some((v, after))
}

/// Degrees with a scale after them ("degrees celsius", "deg c"), and
/// lengths per unit of time ("miles an hour", "km/h").
fn with_qualifiers<'s>(name: &'static str, rest: &'s str) -> (String, &'s str) {
    if name == "degree" {
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let g = spaces(rest);
        if g > 0
            && let Some((w, after)) = word(&rest[g..])
        {
            let mut buf = [0u8; 16];
            let scale = match lower(w, &mut buf) {
                Some("c" | "celsius" | "celcius" | "centigrade") => Some("c"),
                Some("f" | "fahrenheit" | "farenheit") => Some("f"),
                _ => None,
            };
            if let Some(scale) = scale {
                return (scale.to_string(), after);
            }
        }
        return (name.to_string(), rest);
    }
    if LENGTHS.contains(&name) {
        let (per, after) = if let Some(after) = rest.strip_prefix('/') {
            (true, after)
        } else {
            let g = spaces(rest);
            match word(&rest[g..]) {
                Some((w, after))
                    if g > 0
                        && (w.eq_ignore_ascii_case("per")
                            || w.eq_ignore_ascii_case("an")
                            || w.eq_ignore_ascii_case("a")) =>
                {
                    let g2 = spaces(after);
                    (g2 > 0, &after[g2..])
                }
                _ => (false, rest),
            }
        };
        if per && let Some((w, after)) = word(after) {
            let mut buf = [0u8; 16];
            let time = match lower(w, &mut buf) {
                Some("hour" | "hr" | "h") => Some("hour"),
                Some("second" | "sec" | "s") => Some("second"),
                Some("minute" | "min") => Some("minute"),
                Some("millisecond" | "ms") => Some("millisecond"),
                _ => None,
            };
            if let Some(time) = time {
                return (format!("{name} per {time}"), after);
            }
        }
    }
    (name.to_string(), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("km from", Some(("kilometer", " from"))),
            (" km west", Some(("kilometer", " west"))),
            (" miles long", Some(("mile", " long"))),
            ("-inch thickness", Some(("inch", " thickness"))),
            ("lbs.", Some(("pound", "."))),
            (" square meters in", Some(("square meter", " in"))),
            (" metric tons of", Some(("metric ton", " of"))),
            (" cubic feet", Some(("cubic foot", ""))),
            (" miles an hour", Some(("mile per hour", ""))),
            ("km/h", Some(("kilometer per hour", ""))),
            (" degrees celsius", Some(("c", ""))),
            (" deg c", Some(("c", ""))),
            ("°C", Some(("c", ""))),
            (" degrees", Some(("degree", ""))),
            (" MB", Some(("megabyte", ""))),
            ("t and", Some(("ton", " and"))),
            (" t", None),
            (" in april", None),
            ("m212", None),
            (" M", None),
            (" people", None),
            (" pm", None),
            (" (kg)", Some(("kilogram", ""))),
        ];
        for &(input, want) in cases {
            let got = unit(input);
            let got = got.as_ref().map(|(n, rest)| (n.as_str(), *rest));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn the_table_is_sorted_for_lookup() {
        assert!(
            UNITS
                .windows(2)
                .all(|w| first_key(w[0].0) <= first_key(w[1].0))
        );
    }

    #[test]
    fn percents() {
        assert_eq!(percent("% of"), Some((false, 1.0, " of")));
        assert_eq!(percent(" per cent"), Some((false, 1.0, "")));
        assert_eq!(percent(" percentage points"), Some((true, 1.0, "")));
        assert_eq!(percent(" pct"), Some((false, 1.0, "")));
        assert_eq!(percent(" basis points"), Some((true, 0.01, "")));
        assert_eq!(percent("bps"), Some((true, 0.01, "")));
        assert_eq!(percent(" people"), None);
        assert_eq!(percent(" per capita"), None);
    }
}
