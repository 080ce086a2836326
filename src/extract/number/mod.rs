//! The numeric family: numbers, ordinals, shares, percentages, money and
//! measurements, with the qualifiers and ranges around them.
//!
//! # Grammar
//!
//! ```text
//! expression = qualifier space+ item            -- "more than 700", "about $5m"
//!            | "between" space+ core space+ "and" space+ core
//!            | "from" space+ core connector core
//!            | ( "minus" | "negative" ) space+ core
//!            | ( "percent" | "per cent" ) space+ "of" space+ amount
//!                                               -- "percent of 10"
//!            | [ sign ] item
//! item       = core [ connector core ]          -- "2-3 million", "5% to 7%"
//! connector  = ( "-" | "–" | "—" )              -- between figures only
//!            | space+ ( "-" | "–" | "—" ) space+
//!            | space+ "to" space+
//! core       = vague [ space+ "of" ]            -- "tens of thousands of"
//!            | [ currency ] amount [ suffix ]
//!            | ordinal                          -- "21st", "twenty-first"
//! suffix     = percent | currency [ scale ] [ cents ] | unit
//!            | space+ ( "in" | "out of" ) space+ amount
//!                                               -- "one in eight": a share
//!            | space+ "over" space+ amount      -- "1 over 3", at a clause end
//! vague      = see [`qualifier`]                -- "thousands", "several hundred"
//! ordinal    = see [`ordinal`]                  -- "21st", "twenty-first"
//! qualifier  = see [`qualifier`]                -- "more than", "about", "up to"
//! sign       = "-" | "−"       -- glued after a space or "(", or spaced at
//!                              -- the start of a clause; never after a figure
//! ```
//!
//! `amount` (digits, words, scales, fractions) is in [`amount`], with
//! [`digits`] and [`words`] below it; currencies are in [`money`], percent
//! signs and units in [`unit`](mod@unit), ordinals in [`ordinal`], qualifiers and
//! vague magnitudes in [`qualifier`]; [`lexicon`] says in one look-up
//! which words can anchor or begin an expression, so that the grammar
//! rejects most words at once. The qualifier is part of the span:
//! "more than 700" is one mention whose figure is open above.
//!
//! A counted noun is the lower-case plural word right after a number
//! ("four regions", "thousands of troops"); it is recorded but left out of
//! the span. Nothing is skipped to find it: "five new cases" counts
//! nothing, which is safer than guessing past adjectives.
//!
//! A range keeps the kind and scale of either end: in "2-3 million" the
//! million distributes, in "5 to 7%" both ends are percentages; a bare
//! range must rise ("3-2" is a score, "52 to 48" a vote). Ordinals,
//! "second" as a unit of time ("a second"), "one" as a pronoun and "half"
//! after "the first" are left to other readings.
//!
//! [`guard`] drops what is not a quantity: model numbers ("Boeing 737",
//! "COVID-19"), references ("page 4"), phone numbers, clock times, dates
//! in figures, version strings, house numbers, URLs, and "one" as a
//! pronoun.
//!
//! # Adding a kind of numeric expression
//!
//! A new currency goes in [`money`], a new unit in [`unit`](mod@unit)'s table, a new
//! scale word in [`words`]; a new [`Value`] variant needs its
//! construction in [`Kind::into_value`] and its place in `core`.

mod amount;
mod digits;
pub(crate) mod guard;
mod lexicon;

pub(crate) use lexicon::WORD_KEYS;
mod money;
mod ordinal;
mod qualifier;
mod unit;
mod words;

use nom::IResult;
use nom::error::{Error, ErrorKind};

use super::{Candidate, Cx};
use crate::figure::{Figure, Qualifier};
use crate::mention::{DiagnosticKind, Value};
use crate::span::Span;
use amount::Amount;
use lexicon::Role;
use words::{gap, lower, word};

/// The words that can anchor a numeric expression, sorted; [`lexicon`]
/// looks them up. A test checks them against the lexicon of [`words`].
const TRIGGERS: [&str; 127] = [
    "billion",
    "billions",
    "billionth",
    "billionths",
    "crore",
    "crores",
    "croreth",
    "croreths",
    "doz",
    "dozen",
    "dozens",
    "dozs",
    "dz",
    "dzs",
    "eight",
    "eighteen",
    "eighteenth",
    "eighteenths",
    "eighth",
    "eighths",
    "eightieth",
    "eightieths",
    "eighty",
    "eleven",
    "eleventh",
    "elevenths",
    "fifteen",
    "fifteenth",
    "fifteenths",
    "fifth",
    "fifths",
    "fiftieth",
    "fiftieths",
    "fifty",
    "first",
    "firsts",
    "five",
    "fortieth",
    "fortieths",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourteenths",
    "fourth",
    "fourths",
    "half",
    "hundred",
    "hundreds",
    "hundredth",
    "hundredths",
    "lac",
    "lacs",
    "lacth",
    "lacths",
    "lakh",
    "lakhs",
    "lakhth",
    "lakhths",
    "million",
    "millions",
    "millionth",
    "millionths",
    "naught",
    "nine",
    "nineteen",
    "nineteenth",
    "nineteenths",
    "nineth",
    "nineths",
    "ninetieth",
    "ninetieths",
    "ninety",
    "ninth",
    "ninths",
    "nought",
    "one",
    "quarter",
    "second",
    "seconds",
    "seven",
    "seventeen",
    "seventeenth",
    "seventeenths",
    "seventh",
    "sevenths",
    "seventieth",
    "seventieths",
    "seventy",
    "six",
    "sixteen",
    "sixteenth",
    "sixteenths",
    "sixth",
    "sixths",
    "sixtieth",
    "sixtieths",
    "sixty",
    "ten",
    "tens",
    "tenth",
    "tenths",
    "third",
    "thirds",
    "thirteen",
    "thirteenth",
    "thirteenths",
    "thirtieth",
    "thirtieths",
    "thirty",
    "thousand",
    "thousands",
    "thousandth",
    "thousandths",
    "three",
    "trillion",
    "trillions",
    "trillionth",
    "trillionths",
    "twelfth",
    "twelfths",
    "twelve",
    "twentieth",
    "twentieths",
    "twenty",
    "two",
    "zero",
];

/// Whether a lower-case word can anchor a numeric expression.
#[inline]
pub(crate) fn is_trigger(word: &str) -> bool {
    // A word that ends in a digit can only be a code glued to an amount.
    match word.as_bytes().last() {
        Some(b) if b.is_ascii_digit() => money::is_glued_code(word),
        _ => lexicon::is_trigger(word),
    }
}

/// Whether a word (in any case; a code glued to an amount, "usd5", in
/// lower case) anchors a numeric expression ([`is_trigger`]), and whether
/// a numeric expression may start at it though it anchors none: a
/// qualifier ("more than"), a range ("between", "from"), a vague count
/// ("several"), a sign ("minus"), an article ("a dozen") or a currency
/// before its amount ("Rs", "USD"). One look-up in the lexicon: the
/// scanner asks about every word.
#[inline]
pub(crate) fn trigger_and_lead(word: &str) -> (bool, LeadsIn) {
    trigger_and_lead_wide(word, lexicon::wide_key(word.as_bytes()))
}

/// Whether a word leads into a numeric expression (see
/// [`trigger_and_lead`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LeadsIn {
    /// It does not.
    #[default]
    No,
    /// It does.
    Yes,
    /// It does if a qualifier phrase ("more than", "up to") or a currency
    /// before its amount ("Rs 600") starts at it, as [`LeadsIn::holds`]
    /// tells: worth reading only when a trigger follows.
    If {
        /// The word may begin a qualifier phrase.
        qualifier: bool,
        /// The word may be a currency before its amount.
        currency: bool,
    },
}

impl LeadsIn {
    /// Whether a word leads in, `s` being the text from the word on.
    pub(crate) fn holds(self, s: &str) -> bool {
        match self {
            LeadsIn::No => false,
            LeadsIn::Yes => true,
            LeadsIn::If {
                qualifier,
                currency,
            } => {
                (qualifier && qualifier::qualifier(s).is_some())
                    || (currency && money::prefix(s).is_some())
            }
        }
    }
}

/// [`trigger_and_lead`] for a word whose key the scanner has built: its
/// first sixteen bytes `| 0x20`, little-endian, zero past its end.
#[inline]
pub(crate) fn trigger_and_lead_wide(word: &str, wide: u128) -> (bool, LeadsIn) {
    if word.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return (money::is_glued_code(word), LeadsIn::No);
    }
    let role = lexicon::lookup_wide(word.as_bytes(), wide).role;
    if role == Role::NONE {
        return (false, LeadsIn::No);
    }
    let trigger = role.has(Role::TRIGGER);
    let lead = if role.has(Role::LEAD) {
        LeadsIn::Yes
    } else if role.has(Role::QUALIFIER) || role.has(Role::CURRENCY) {
        LeadsIn::If {
            qualifier: role.has(Role::QUALIFIER),
            currency: role.has(Role::CURRENCY),
        }
    } else {
        LeadsIn::No
    };
    (trigger, lead)
}

/// Whether a non-ASCII character can anchor a numeric expression (a
/// currency sign).
///
/// Asked about every non-ASCII character of a text (curly quotes and
/// dashes most of all), so it looks at the UTF-8 bytes: "£" and "¥" are
/// `C2 A3` and `C2 A5`, the other currency signs `E2 82 xx`, the vulgar
/// fractions "¼" to "¾" `C2 BC` to `C2 BE` and "⅓" to "⅞" `E2 85 93` to
/// `E2 85 9E`.
#[inline]
pub(crate) fn is_symbol_trigger(symbol: &str) -> bool {
    match symbol.as_bytes() {
        [0xC2, 0xA3 | 0xA5] | [0xE2, 0x82, 0xAC | 0xB9 | 0xA9 | 0xBD | 0xBA | 0xA6] => true,
        // A vulgar fraction first, whatever follows it.
        [0xC2, 0xBC..=0xBE, ..] | [0xE2, 0x85, 0x93..=0x9E, ..] => true,
        _ => false,
    }
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

/// What a core expression is.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Number,
    Share,
    Percent { points: bool },
    Money(&'static str),
    Measure(String),
    Ordinal(i64),
    Vague,
}

impl Kind {
    fn into_value(self, figure: Figure, counted: Option<String>) -> Value {
        match self {
            Kind::Number | Kind::Vague => Value::Number {
                amount: figure,
                counted,
            },
            Kind::Share => Value::Share { ratio: figure },
            Kind::Percent { points } => Value::Percent {
                amount: figure,
                points,
            },
            Kind::Money(currency) => Value::Money {
                amount: figure,
                currency: currency.to_string(),
            },
            Kind::Measure(unit) => Value::Measurement {
                amount: figure,
                unit,
            },
            Kind::Ordinal(value) => Value::Ordinal { value },
        }
    }
}

/// A number with what follows it, as read from one position.
#[derive(Clone, Debug)]
struct Core {
    /// The figure, qualified or not.
    figure: Figure,
    /// What it is a figure of.
    kind: Kind,
    /// The scale word the amount ended on, or 1 ("2-3 million").
    scale: f64,
    /// Byte offset where it ends.
    end: usize,
    /// Byte offset where its amount ends (before a unit or currency).
    amount_end: usize,
    /// The noun counted, for a number.
    counted: Option<String>,
}

/// Byte offset of `rest` in `text` (a suffix of it).
fn offset(text: &str, rest: &str) -> usize {
    text.len() - rest.len()
}

/// "one in eight", "three out of four", "1 over 3": a share. `n` is the
/// numerator, read already; `s` the text after it.
fn share_of(n: f64, s: &str) -> Option<(f64, &str)> {
    let at = gap(s)?;
    let (w, rest) = word(at)?;
    let mut after = gap(rest)?;
    let over = w.eq_ignore_ascii_case("over");
    if w.eq_ignore_ascii_case("out") {
        let (of, r) = word(after)?;
        if !of.eq_ignore_ascii_case("of") {
            return None;
        }
        after = gap(r)?;
    } else if !w.eq_ignore_ascii_case("in") && !over {
        return None;
    }
    let (m, rest) = amount::amount(after, false)?;
    let d = m.figure.value;
    if m.share || n < 0.0 || d == 0.0 || d.fract() != 0.0 {
        return None;
    }
    // "over" divides only when nothing follows the divisor ("1 over 3",
    // "2000 over 3"); "over 3 years" is a bound.
    if over {
        let last = rest.trim_start_matches([' ', '\t']);
        if last.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        return Some((n / d, rest));
    }
    // "8 in 5", "12 out of 10": not parts of a whole.
    (n < d).then_some((n / d, rest))
}

/// What follows an amount, read once for the grammars of what may follow
/// it (a percent sign, a currency, a unit, "in eight"), each of which
/// needs a sign or a word of its own: most are not run at all.
struct After<'a> {
    /// The first byte after the spaces after the amount.
    first: Option<u8>,
    /// The letters after the gap after the amount (spaces, or a hyphen:
    /// see [`gap`]), or glued to it.
    letters: &'a [u8],
    /// The roles of those letters as a word.
    role: Role,
}

impl<'a> After<'a> {
    fn read(rest: &'a str) -> After<'a> {
        let n = rest
            .bytes()
            .take_while(|&b| b == b' ' || b == b'\t')
            .count();
        let at = gap(rest).unwrap_or(rest);
        let letters = at.bytes().take_while(u8::is_ascii_alphabetic).count();
        // ASCII letters end on a char boundary.
        let word = &at[..letters];
        After {
            first: rest.as_bytes().get(n).copied(),
            letters: word.as_bytes(),
            role: lexicon::role(word),
        }
    }
}

/// A core expression at byte `start`: a currency, an amount and what
/// follows it. `guarded` applies the checks for codes and model numbers
/// (off after a qualifier, which makes a quantity plain).
fn core(text: &str, start: usize, guarded: bool) -> Option<Core> {
    let s = text.get(start..)?;
    // The letters at the start, looked up once: each grammar below needs a
    // word of its own there.
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let entry = lexicon::lookup(&s[..letters]);
    // Vague magnitudes are plural number words ("thousands", "tens").
    if entry.role.has(Role::TRIGGER)
        && entry.word.ends_with('s')
        && let Some((unit, rest)) = qualifier::vague(s)
    {
        let end = offset(text, rest);
        let counted = gap(rest)
            .and_then(|at| {
                let (of, after) = word(at)?;
                of.eq_ignore_ascii_case("of")
                    .then(|| guard::counted_noun(text, offset(text, after)))?
            })
            .or_else(|| guard::counted_noun(text, end));
        return Some(Core {
            figure: Figure::vague(unit),
            kind: Kind::Vague,
            scale: 1.0,
            end,
            amount_end: end,
            counted,
        });
    }
    // A currency in letters starts with a word of the lexicon's ("USD",
    // "US$"); others with a sign.
    let prefix = if letters == 0 || entry.role.has(Role::CURRENCY) {
        money::prefix(s)
    } else {
        None
    };
    let (currency, currency_scale, at) = match prefix {
        Some((c, scale, rest)) => (Some(c), scale, rest),
        None => (None, 1.0, s),
    };
    // Nothing else starts with a word but a number word, or "a"/"an"
    // before one ("a dozen", "a third").
    if currency.is_none()
        && letters > 0
        && !entry.role.has(Role::TRIGGER)
        && entry.word != "a"
        && entry.word != "an"
    {
        return None;
    }
    let amount_start = offset(text, at);
    let parsed = amount::amount(at, currency.is_some());
    // An ordinal reads further than the cardinal it starts with
    // ("twenty-first"), or is all there is ("third"); a spelled cardinal
    // says whether it stopped at an ordinal word.
    if currency.is_none()
        && parsed.as_ref().is_none_or(|(a, _)| a.may_be_ordinal)
        && let Some((v, rest)) = ordinal::ordinal(at)
    {
        let end = offset(text, rest);
        let longer = parsed.as_ref().is_none_or(|(_, r)| offset(text, r) < end);
        if longer {
            if ordinal::is_other(text, amount_start, end) {
                return None;
            }
            return Some(Core {
                figure: Figure::exact(v as f64),
                kind: Kind::Ordinal(v),
                scale: 1.0,
                end,
                amount_end: end,
                counted: None,
            });
        }
    }
    let (a, rest): (Amount, &str) = parsed?;
    let amount_end = offset(text, rest);
    let mut figure = a.figure;
    if currency_scale != 1.0 {
        figure = figure.scaled(currency_scale);
    }
    let mut core = Core {
        figure,
        kind: if a.share { Kind::Share } else { Kind::Number },
        scale: a.scale,
        end: amount_end,
        amount_end,
        counted: None,
    };
    if let Some(c) = currency {
        core.kind = Kind::Money(c);
        core.end = money::cents(&a, rest)
            .map(|(cents, rest)| {
                core.figure = Figure::exact(core.figure.value + cents);
                offset(text, rest)
            })
            .unwrap_or(amount_end);
        return Some(core);
    }
    // "COVID-19", "F-35", "scp-173m": a code.
    if a.plain && guard::after_code_hyphen(text, amount_start) {
        return None;
    }
    // "rmb 10 usd 20": the currency before the amount is read from the
    // word before, not from after.
    // (Unless that word ends an amount of its own: "10 rmb 20 usd".)
    if let Some(w) = guard::prev_word(text, amount_start)
        && lexicon::role(w).has(Role::CURRENCY)
        && money::prefix(w).is_some_and(|(_, _, r)| r.is_empty())
        && text[..amount_start]
            .strip_suffix(' ')
            .is_some_and(|b| b.ends_with(w))
        && !text[..amount_start - w.len() - 1]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let word_one =
        a.figure.value == 1.0 && text[amount_start..amount_end].eq_ignore_ascii_case("one");
    let half = text[amount_start..amount_end].eq_ignore_ascii_case("half");
    if half {
        let mut buf = [0u8; 16];
        let prev = guard::prev_word(text, amount_start).and_then(|w| lower(w, &mut buf));
        // "the second half", "half-time".
        if matches!(
            prev,
            Some("first" | "second" | "latter" | "other" | "the" | "and")
        ) || rest.starts_with('-')
        {
            return None;
        }
    }
    let next = After::read(rest);
    if (next.first == Some(b'%') || next.role.has(Role::PERCENT))
        && let Some((points, factor, rest)) = unit::percent(rest)
    {
        core.kind = Kind::Percent { points };
        core.figure = core.figure.scaled(factor);
        core.end = offset(text, rest);
        return Some(core);
    }
    if (next.first.is_some_and(|b| b == b'$' || b >= 0x80) || next.role.has(Role::MONEY))
        && let Some((c, scale, rest)) = money::suffix(rest, a.scale >= 1e6)
    {
        core.kind = Kind::Money(c);
        core.figure = core.figure.scaled(scale);
        // "75 USD million": the scale after the code.
        let (rest, scale) = match amount::spaced_scale(rest, true) {
            Some((scale, after)) if a.scale == 1.0 => (after, scale),
            _ => (rest, 1.0),
        };
        if scale != 1.0 {
            core.figure = core.figure.scaled(scale);
        }
        core.end = money::cents(&a, rest)
            .map(|(cents, rest)| {
                core.figure = Figure::exact(core.figure.value + cents);
                offset(text, rest)
            })
            .unwrap_or(offset(text, rest));
        return Some(core);
    }
    if unit::may_follow(next.first, next.letters)
        && let Some((name, after)) = unit::unit(rest)
    {
        // "50m euros": a glued "m" before a currency is a million.
        if name == "meter"
            && rest.starts_with('m')
            && let Some((c, _, after)) = money::suffix(after, true)
        {
            let (_, n) = digits::numeral(&text[amount_start..]).ok()?;
            core.figure = Figure::from_digits(n.value * 1e6, &n.integer, n.fraction, 1e6);
            core.kind = Kind::Money(c);
            core.end = offset(text, after);
            return Some(core);
        }
        // "2.3m cases": a glued "m" before a counted noun is a million.
        if name == "meter"
            && rest.starts_with('m')
            && let Some(noun) = guard::counted_noun(text, offset(text, after))
        {
            let (_, n) = digits::numeral(&text[amount_start..]).ok()?;
            core.figure = Figure::from_digits(n.value * 1e6, &n.integer, n.fraction, 1e6);
            core.scale = 1e6;
            core.end = offset(text, after);
            core.counted = Some(noun);
            return Some(core);
        }
        let rest = after;
        core.kind = Kind::Measure(name.clone());
        core.end = offset(text, rest);
        // "5 feet 2 inches", "5 ft 2 in".
        if name == "foot"
            && let Some((inches, rest)) = unit::inches(rest)
        {
            core.figure = Figure::exact(core.figure.value + inches / 12.0);
            core.end = offset(text, rest);
        }
        return Some(core);
    }
    if word_one && guard::is_pronoun_one(text, amount_start, amount_end) {
        return None;
    }
    if !a.share
        && next.role.has(Role::SHARE)
        && let Some((ratio, rest)) = share_of(a.figure.value, rest)
    {
        // "2000 over 3" is a quotient, not a part of a whole.
        core.kind = if ratio <= 1.0 {
            Kind::Share
        } else {
            Kind::Number
        };
        core.figure = Figure::exact(ratio);
        core.end = offset(text, rest);
        return Some(core);
    }
    // Letters glued to the digits that are no unit: a code ("5G", "13F").
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    if guarded
        && a.plain
        && (guard::is_model_number(text, amount_start, amount_end)
            || guard::is_house_number(text, amount_end))
    {
        return None;
    }
    // "Air Force One", "BBC Two": a capitalised number word after a name
    // is part of the name.
    if guarded
        && text[amount_start..].starts_with(|c: char| c.is_ascii_uppercase())
        && guard::is_model_number(text, amount_start, amount_end)
    {
        return None;
    }
    if core.kind == Kind::Number {
        core.counted = guard::counted_noun(text, amount_end);
    }
    Some(core)
}

/// The connector of a range after a first core, and where the second
/// starts: "-", "–", " - ", " to ".
fn connector(text: &str, end: usize, and: bool) -> Option<usize> {
    let s = text.get(end..)?;
    let n = s.bytes().take_while(|&b| b == b' ').count();
    let at = &s[n..];
    // A dash ("–" and "—" start with E2), "to" or "and": most figures are
    // followed by none.
    if !at
        .as_bytes()
        .first()
        .is_some_and(|&b| matches!(b, b'-' | 0xE2) || matches!(b | 0x20, b't' | b'a'))
    {
        return None;
    }
    for dash in ["-", "–", "—"] {
        if let Some(after) = at.strip_prefix(dash) {
            let m = after.bytes().take_while(|&b| b == b' ').count();
            // "2-3" or "2 - 3", not "2 -3".
            if (n == 0) == (m == 0) {
                return Some(offset(text, &after[m..]));
            }
        }
    }
    if n == 0 {
        return None;
    }
    let (w, rest) = word(at)?;
    let ok = w.eq_ignore_ascii_case("to") || (and && w.eq_ignore_ascii_case("and"));
    let m = rest.bytes().take_while(|&b| b == b' ').count();
    (ok && m > 0).then(|| offset(text, &rest[m..]))
}

/// Two cores as a range, the kind and scale of either shared with the
/// other ("2-3 million", "$5-7", "5 to 7%"). `ordered` requires the first
/// to be below the second (a bare "3-2" is a score, not a range).
fn range(first: Core, mut second: Core, ordered: bool) -> Option<Core> {
    let mut first = first;
    if matches!(first.kind, Kind::Ordinal(_) | Kind::Vague)
        || matches!(second.kind, Kind::Ordinal(_) | Kind::Vague)
    {
        return None;
    }
    // The scale of the second end distributes: "2-3 million".
    if first.scale == 1.0
        && second.scale > 1.0
        && first.figure.value < second.figure.value / second.scale
    {
        let v = first.figure.value * second.scale;
        first.figure = if first.figure.low == first.figure.high && v.fract() == 0.0 {
            amount::integer_figure(v)
        } else {
            first.figure.scaled(second.scale)
        };
    }
    match (&first.kind, &second.kind) {
        (a, b) if a == b => {}
        (Kind::Number, _) if first.end == first.amount_end => first.kind = second.kind.clone(),
        (_, Kind::Number) if second.end == second.amount_end => second.kind = first.kind.clone(),
        _ => return None,
    }
    if ordered && first.figure.value >= second.figure.value {
        return None;
    }
    Some(Core {
        figure: Figure::range(first.figure, second.figure),
        kind: first.kind,
        scale: second.scale,
        end: second.end,
        amount_end: second.amount_end,
        counted: second.counted,
    })
}

/// Whether a connector between `first` and `next` may join a range: a
/// dash joins figures, not words ("2-3", not "nought-four" or
/// "one-two").
fn joins(text: &str, first: &Core, next: usize) -> bool {
    let dash = !text[first.end..next].trim().eq_ignore_ascii_case("to");
    let word_before = text[..first.end].ends_with(|c: char| c.is_ascii_alphabetic());
    let word_after = text[next..].starts_with(|c: char| c.is_ascii_alphabetic());
    let labelled = matches!(
        first.kind,
        Kind::Measure(_) | Kind::Percent { .. } | Kind::Money(_)
    );
    !dash || labelled || !(word_before || word_after)
}

/// A core, then optionally a connector and a second core making a range.
fn item(text: &str, start: usize, guarded: bool) -> Option<Core> {
    let first = core(text, start, guarded)?;
    if let Some(next) = connector(text, first.end, false)
        && joins(text, &first, next)
        && let Some(second) = core(text, next, false)
        && let Some(r) = range(first.clone(), second, true)
    {
        return Some(r);
    }
    Some(first)
}

/// Swallow a run of digits that is a code, not a number: a candidate with
/// no value, so that no part of it is read as a number.
fn swallow(start: usize, end: usize) -> Candidate {
    Candidate {
        span: Span::new(start, end),
        consumed: end,
        value: None,
        problem: None,
    }
}

fn candidate(start: usize, core: Core) -> Candidate {
    let Core {
        figure,
        kind,
        end,
        counted,
        ..
    } = core;
    Candidate::new(Span::new(start, end), kind.into_value(figure, counted))
}

/// What the word at the start of an expression makes of it.
enum Lead {
    /// The word led a whole expression, or none: this is the answer.
    Done(Option<Candidate>),
    /// The word may begin an item ("a dozen", "US$5", "twenty").
    Item,
}

/// An expression led by a word: a qualifier ("more than 700"), a range
/// ("between 2 and 3"), "percent of", "several hundred", "minus 5"; or
/// the word begins an item; or it cannot begin anything, which ends the
/// search early for the words before a trigger.
fn led_by_word(text: &str, at: usize, s: &str) -> Lead {
    let found = |c: Option<Core>| Lead::Done(c.map(|c| candidate(at, c)));
    // A word glued to digits ("USD115") may begin an item.
    let Some((w, rest)) = word(s) else {
        return Lead::Item;
    };
    // Most words have no role: they begin nothing.
    let entry = lexicon::lookup(w);
    let role = entry.role;
    if role == Role::NONE {
        return Lead::Done(None);
    }
    if role.has(Role::QUALIFIER)
        && let Some((q, rest)) = qualifier::qualifier(s)
    {
        let Some(mut c) = item(text, offset(text, rest), false) else {
            return Lead::Done(None);
        };
        if c.figure.qualifier != Qualifier::Range && !matches!(c.kind, Kind::Ordinal(_)) {
            c.figure = c.figure.qualified(q);
        }
        return found(Some(c));
    }
    // A word of the lexicon: its entry has it in lower case.
    let lw = entry.word;
    let after = || gap(rest).map(|g| offset(text, g));
    match lw {
        "between" | "from" => found((|| {
            let a = core(text, after()?, false)?;
            let next = connector(text, a.end, lw == "between")?;
            // "from 5 to 7", not "from 5 and 7".
            if lw == "from" && text[a.end..next].trim().eq_ignore_ascii_case("and") {
                return None;
            }
            let b = core(text, next, false)?;
            range(a, b, false)
        })()),
        "percent" | "percents" | "per" => found(percent_of(text, lw, rest)),
        "several" | "few" | "many" | "a" if let Some((figure, rest)) = qualifier::few(s) => {
            let end = offset(text, rest);
            found(Some(Core {
                figure,
                kind: Kind::Vague,
                scale: 1.0,
                end,
                amount_end: end,
                counted: guard::counted_noun(text, end),
            }))
        }
        "minus" | "negative" => found((|| {
            let mut c = core(text, after()?, false)?;
            if matches!(c.kind, Kind::Ordinal(_) | Kind::Vague) {
                return None;
            }
            c.figure = c.figure.scaled(-1.0);
            Some(c)
        })()),
        _ if role.has(Role::TRIGGER)
            || lw == "a"
            || lw == "an"
            || (role.has(Role::CURRENCY) && money::prefix(s).is_some()) =>
        {
            Lead::Item
        }
        _ => Lead::Done(None),
    }
}

/// "percent of 10", "per cent of twenty-two": `rest` follows the first
/// word, `lw`.
fn percent_of(text: &str, lw: &str, rest: &str) -> Option<Core> {
    let mut pos = gap(rest)?;
    if lw == "per" {
        let (cent, after) = word(pos)?;
        if !cent.eq_ignore_ascii_case("cent") {
            return None;
        }
        pos = gap(after)?;
    }
    let (of, after) = word(pos)?;
    if !of.eq_ignore_ascii_case("of") {
        return None;
    }
    let c = core(text, offset(text, gap(after)?), false)?;
    if c.kind != Kind::Number || c.end != c.amount_end {
        return None;
    }
    Some(Core {
        kind: Kind::Percent { points: false },
        counted: None,
        ..c
    })
}

/// A numeral that is not a quantity, read whole so that none of its
/// parts is read either: a group of an IP address (kept, alone), a phone
/// number, a date or a ratio in figures, page furniture, a clock time.
fn code(text: &str, at: usize, s: &str) -> Option<Candidate> {
    let bytes = s.as_bytes();
    let run = digits::digit_run(s);
    // Another group of digits after a separator: maybe a code.
    let continues = matches!(bytes.get(run), Some(b' ' | b'-' | b'.' | b':' | b'/'))
        && bytes.get(run + 1).is_some_and(u8::is_ascii_digit);
    let after_dot = text[..at].ends_with('.');
    // In a list of figures ("22,24,26,31") or an IP address, each group
    // is a number of its own.
    let in_list = text[..at]
        .strip_suffix(',')
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    if in_list || (after_dot || continues && bytes[run] == b'.') && guard::in_dotted_quad(text, at)
    {
        let figure = Figure::from_digits(s[..run].parse().ok()?, &s[..run], "", 1.0);
        let value = Value::Number {
            amount: figure,
            counted: None,
        };
        return Some(Candidate::new(Span::new(at, at + run), value));
    }
    if continues {
        // Codes: phone numbers, clock times, dotted versions, dates
        // in figures. Whatever the amount grammar reads ("1 234 567",
        // "3/4", "10 1/2") is not a code.
        let numeral_end = || {
            amount::amount(s, false)
                .map(|(_, rest)| offset(text, rest))
                .unwrap_or(at)
        };
        if let Some(end) = guard::code_run(text, at, numeral_end) {
            return Some(swallow(at, end));
        }
    }
    if let Some(end) = guard::page_of(text, at + run) {
        return Some(swallow(at, end));
    }
    // "7.30pm", "10 a.m.": a clock time.
    let figures = bytes
        .iter()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b':'))
        .count();
    if let Some(end) = guard::clock(text, at + figures) {
        return Some(swallow(at, end));
    }
    // The minutes of "2:00".
    let before = &text[..at];
    if before.ends_with(':') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return Some(swallow(at, at + run));
    }
    None
}

/// A numeral too large to represent: a diagnostic, no mention.
fn out_of_range(at: usize, s: &str) -> Option<Candidate> {
    let figure = |b: &u8| b.is_ascii_digit() || matches!(b, b',' | b'.');
    // A run of figures that ends soon, with no exponent, is in range: the
    // usual case, seen in a few bytes.
    let short = s.bytes().take(16).take_while(figure).count();
    if short < 16 && !s[short..].starts_with(['e', 'E', '^', 'x', 'X', '×', '*']) {
        return None;
    }
    // A numeral is out of range only if it cannot be read. A long run of
    // figures ("1,1,1,…") is met at each of its starts: the numeral read
    // there is short, and the run is not read to its end each time.
    if digits::numeral(s).is_ok() {
        return None;
    }
    // Digits always read as a numeral unless the value overflows, which
    // takes hundreds of digits or an exponent. (Look no further than a
    // numeral can be: reading a long run all each time would be
    // quadratic.)
    let n = s.bytes().take(300).take_while(figure).count();
    let exponent = s[n..].starts_with(['e', 'E', '^', 'x', 'X', '×', '*']);
    if n < 300 && !exponent {
        return None;
    }
    // Out of range: the whole run is one problem, read once.
    let n = s.bytes().take_while(figure).count();
    let n = s[..n].trim_end_matches([',', '.']).len();
    Some(Candidate::problem(
        Span::new(at, at + n),
        DiagnosticKind::NumberOutOfRange,
        format!("a number of {n} characters is too large to represent"),
    ))
}

/// The numeric expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let text = cx.text;
    let s = text.get(at..)?;
    let first = *s.as_bytes().first()?;
    if first.is_ascii_alphabetic()
        && let Lead::Done(found) = led_by_word(text, at, s)
    {
        return found;
    }
    if let Some(end) = guard::url(text, at, &cx.urls) {
        return Some(swallow(at, end));
    }
    if first.is_ascii_digit()
        && let Some(c) = out_of_range(at, s)
    {
        return Some(c);
    }
    if first.is_ascii_digit()
        && let Some(c) = code(text, at, s)
    {
        return Some(c);
    }
    let c = item(text, at, true)?;
    let start = signed_start(text, at)
        .filter(|_| !matches!(c.kind, Kind::Ordinal(_) | Kind::Vague) && first.is_ascii_digit());
    match start {
        Some(sign) => {
            let mut c = c;
            c.figure = c.figure.scaled(-1.0);
            Some(candidate(sign, c))
        }
        None => Some(candidate(at, c)),
    }
}

/// Where a minus sign before the digits at `at` starts, if there is one:
/// "-3.5", "( -2", "- 1 4/5" at the start of a clause. Not the hyphen of
/// "COVID-19" or of a range "2 - 3".
fn signed_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let spaced = before.trim_end_matches(' ');
    let sign = spaced
        .strip_suffix('-')
        .map(|b| (b, 1))
        .or_else(|| spaced.strip_suffix('−').map(|b| (b, '−'.len_utf8())))?;
    let (b, len) = sign;
    let glued = spaced.len() == before.len();
    // Not after a figure: "75 -300mm", "2 - 3" are ranges.
    let after_figure = b
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|p| p.is_ascii_digit() || p == '-');
    let ok = match b.chars().next_back() {
        None => true,
        Some(c) if glued => (c.is_whitespace() || c == '(' || c == '[') && !after_figure,
        // A spaced "- 5" is a sign only where a clause starts: after a word
        // it is a dash ("Lenmark - 07 March").
        Some(_) => b
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|p| matches!(p, '(' | '[' | '=' | ':' | '\n')),
    };
    ok.then_some(b.len()).filter(|_| len > 0)
}

#[cfg(test)]
mod tests;
