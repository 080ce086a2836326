//! Numbers written in words, alone or mixed with digits: "twenty-five",
//! "three hundred and forty", "a dozen", "one million two hundred
//! thousand", "4 thousand 3 hundred and 21", "twenty-first".
//!
//! # Grammar
//!
//! ```text
//! spelled   = [ article ] term ( gap [ "and" gap ] term )*
//! article   = "a" | "an"                 -- only before a multiplier:
//!                                        --   "a hundred", "a dozen"
//! term      = unit | teen | tens | "hundred" | scale | "dozen" | count
//! unit      = "one" .. "nine"
//! teen      = "ten" .. "nineteen"
//! tens      = "twenty" .. "ninety"
//! scale     = "thousand" | "million" | "billion" | "trillion" | "lakh"
//!           | "crore"                    -- and their plurals
//! count     = digit{1,3}                 -- "4 thousand", "3 hundred and 21"
//! gap       = space+ | space* "-" space*
//! ordinal   = spelled-like sequence whose last term is an ordinal word:
//!             "first" .. "ninth", "tenth" .. "nineteenth", "twentieth" ..
//!             "ninetieth", "hundredth", "thousandth", "millionth", ...
//! ```
//!
//! Terms combine the way English says numbers: a unit may follow a tens
//! word ("twenty-five"), "hundred" multiplies what is below a hundred, a
//! scale word adds the group before it to the total, and a larger scale
//! straight after a smaller one multiplies ("three lakh crore"). "and" may
//! only follow "hundred" or a scale word ("one hundred and six"). A term
//! that does not fit ends the number, so "three-nought-four" is three
//! numbers and "3 hundred and 2 hundred" is two (the "and 2" is given back
//! when the multiplier after it does not fit). "zero", "nought" and
//! "naught" stand alone.

use super::digits::digit_run;
use super::lexicon::{self, Role};

/// One word of a spelled number, by the role it plays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Term {
    /// "zero", "nought", "naught".
    Zero,
    /// "one" .. "nine".
    Unit(f64),
    /// "ten" .. "nineteen".
    Teen(f64),
    /// "twenty" .. "ninety".
    Tens(f64),
    /// "hundred".
    Hundred,
    /// "thousand", "million", "lakh", ...: its multiplier.
    Scale(f64),
    /// "dozen": twelve of what is before it.
    Dozen,
    /// A count in digits inside a spelled number ("4 thousand").
    Count(f64),
}

impl Term {
    fn is_multiplier(self) -> bool {
        matches!(self, Term::Hundred | Term::Scale(_) | Term::Dozen)
    }
}

pub(super) const UNITS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
pub(super) const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(super) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
pub(super) const UNIT_ORDINALS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
pub(super) const TEEN_ORDINALS: [&str; 10] = [
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
];
pub(super) const TENS_ORDINALS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

fn position(table: &[&str], word: &str) -> Option<f64> {
    table.iter().position(|&w| w == word).map(|i| i as f64)
}

/// The scale a (lower-case) scale word names, singular or plural.
pub(super) fn scale_word(word: &str) -> Option<f64> {
    let word = word.strip_suffix('s').unwrap_or(word);
    Some(match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" | "lac" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// The term a lower-case cardinal word stands for.
pub(super) fn cardinal_term(word: &str) -> Option<Term> {
    if let Some(i) = position(&UNITS, word) {
        return Some(Term::Unit(i + 1.0));
    }
    if let Some(i) = position(&TEENS, word) {
        return Some(Term::Teen(i + 10.0));
    }
    if let Some(i) = position(&TENS, word) {
        return Some(Term::Tens(10.0 * (i + 2.0)));
    }
    match word {
        "zero" | "nought" | "naught" => Some(Term::Zero),
        "hundred" | "hundreds" => Some(Term::Hundred),
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => Some(Term::Dozen),
        _ => scale_word(word).map(Term::Scale),
    }
}

/// An ordinal word: the term it counts as, and whether it is plural
/// ("fifths", as in fractions).
pub(super) fn ordinal_term(word: &str) -> Option<(Term, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let stem = if stem == "nineth" { "ninth" } else { stem };
    let term = if let Some(i) = position(&UNIT_ORDINALS, stem) {
        Term::Unit(i + 1.0)
    } else if let Some(i) = position(&TEEN_ORDINALS, stem) {
        Term::Teen(i + 10.0)
    } else if let Some(i) = position(&TENS_ORDINALS, stem) {
        Term::Tens(10.0 * (i + 2.0))
    } else if stem == "hundredth" {
        Term::Hundred
    } else {
        let base = stem.strip_suffix("th")?;
        Term::Scale(scale_word(base).filter(|_| !base.ends_with('s'))?)
    };
    Some((term, plural))
}

/// Where a spelled number stands after the terms read so far.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    Start,
    Article,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale(f64),
    Count,
}

/// The running value of a spelled number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Acc {
    total: f64,
    group: f64,
    last: Last,
    smallest: f64,
    /// The terms read, the article not counted.
    pub terms: usize,
    /// Whether a multiplier (hundred, scale, dozen) was read.
    pub multiplied: bool,
    /// The scale of the last term, when it was a scale word ("two
    /// million"): a fraction after it is a fraction of that scale.
    pub last_scale: Option<f64>,
    /// The group before the last "and": a dozen multiplies only what
    /// follows it ("three hundred and two dozens").
    and_base: Option<f64>,
    /// The tens word the number ended on, when it followed "hundred" or a
    /// scale without "and": "thirty" of "one hundred thirty", which may
    /// belong to a denominator instead ("one hundred thirty-fifths").
    pub tail_tens: Option<f64>,
}

impl Acc {
    /// An empty number.
    pub fn new() -> Acc {
        Acc {
            total: 0.0,
            group: 0.0,
            last: Last::Start,
            smallest: f64::INFINITY,
            terms: 0,
            multiplied: false,
            last_scale: None,
            and_base: None,
            tail_tens: None,
        }
    }

    /// A number that starts with a count in digits ("322" of "322
    /// hundred").
    pub fn with_count(count: f64) -> Acc {
        Acc {
            group: count,
            last: Last::Count,
            terms: 1,
            ..Acc::new()
        }
    }

    /// The value so far.
    pub fn value(&self) -> f64 {
        self.total + self.group
    }

    /// Whether the number so far ends on a word that needs a multiplier
    /// after it ("a").
    fn dangling(&self) -> bool {
        self.last == Last::Article
    }

    /// Read "a"/"an" at the start.
    fn article(&mut self) -> bool {
        if self.last != Last::Start {
            return false;
        }
        self.last = Last::Article;
        true
    }

    /// Add a term if it fits after the terms so far.
    fn accept(&mut self, term: Term, ordinal: bool) -> bool {
        let last = self.last;
        let ok = match term {
            Term::Zero => last == Last::Start,
            Term::Unit(_) => matches!(
                last,
                Last::Start | Last::Tens | Last::Hundred | Last::Scale(_)
            ),
            Term::Teen(_) | Term::Tens(_) => {
                matches!(last, Last::Start | Last::Hundred | Last::Scale(_))
            }
            Term::Count(v) => match last {
                Last::Start => v < 1000.0,
                // "and 0" does not continue a number.
                Last::Scale(_) => v > 0.0 && v < 1000.0,
                Last::Hundred => v > 0.0 && v < 100.0,
                _ => false,
            },
            Term::Hundred => {
                matches!(
                    last,
                    Last::Start
                        | Last::Article
                        | Last::Unit
                        | Last::Teen
                        | Last::Tens
                        | Last::Count
                ) && (self.group < 100.0 || last == Last::Count && self.terms == 1)
            }
            Term::Scale(s) => match last {
                Last::Scale(p) => s > p && self.group == 0.0,
                // "thousandth" alone is a position; "thousand" alone is
                // not a count.
                Last::Start => ordinal,
                _ => s < self.smallest || self.group == 0.0 && self.total == 0.0,
            },
            Term::Dozen => !matches!(last, Last::Start | Last::Scale(_)),
        };
        if !ok {
            return false;
        }
        self.last_scale = None;
        match term {
            Term::Zero => self.last = Last::Unit,
            Term::Unit(v) => {
                self.group += v;
                self.last = Last::Unit;
            }
            Term::Teen(v) => {
                self.group += v;
                self.last = Last::Teen;
            }
            Term::Tens(v) => {
                self.group += v;
                self.last = Last::Tens;
            }
            Term::Count(v) => {
                self.group += v;
                self.last = Last::Count;
            }
            Term::Hundred => {
                self.group = self.group.max(1.0) * 100.0;
                self.last = Last::Hundred;
                self.multiplied = true;
            }
            Term::Scale(s) => {
                if matches!(last, Last::Scale(_)) {
                    self.total *= s;
                } else {
                    self.total += self.group.max(1.0) * s;
                }
                self.group = 0.0;
                self.smallest = s;
                self.last = Last::Scale(s);
                self.multiplied = true;
                self.last_scale = Some(s);
            }
            Term::Dozen => {
                self.group = match self.and_base {
                    Some(base) => base + (self.group - base).max(1.0) * 12.0,
                    None => self.group.max(1.0) * 12.0,
                };
                // Nothing follows a dozen.
                self.last = Last::Teen;
                self.smallest = 1.0;
                self.multiplied = true;
            }
        }
        self.terms += 1;
        true
    }
}

/// The ASCII word (letters only) at the start of `s` and the rest, if the
/// word is not glued to a digit or another letter.
#[inline]
pub(super) fn word(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if n == 0 {
        return None;
    }
    let rest = &s[n..];
    // Most words end at an ASCII byte; only another script needs decoding.
    let glued = match b.get(n) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => starts_alphanumeric(rest),
    };
    (!glued).then(|| (&s[..n], rest))
}

/// Whether `s` starts with a letter or digit of any script: out of line,
/// as few words end at one.
#[cold]
#[inline(never)]
fn starts_alphanumeric(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// `word` lower-cased into `buf`, or `None` when too long for any number
/// word.
pub(super) fn lower<'b>(word: &'b str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    // Most words of news are in lower case already: no copy.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(word);
    }
    let b = buf.get_mut(..word.len())?;
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// The gap between two words of a number: spaces, or a hyphen with
/// optional spaces around it. Returns the rest after the gap.
pub(super) fn gap(s: &str) -> Option<&str> {
    let spaces = |s: &str| s.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    let n = spaces(s);
    let after = &s[n..];
    if let Some(after) = after.strip_prefix('-') {
        let m = spaces(after);
        return Some(&after[m..]);
    }
    (n > 0).then_some(after)
}

/// What is needed of a number read so far to add a fraction to it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Partial {
    /// Its value.
    pub value: f64,
    /// Its last scale word, if it ended on one.
    pub last_scale: Option<f64>,
}

impl Acc {
    /// What a fraction after the number needs of it.
    pub fn partial(&self) -> Partial {
        Partial {
            value: self.value(),
            last_scale: self.last_scale,
        }
    }
}

/// A spelled number, as read by [`spell`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Spelled<'a> {
    /// The number's value (for an ordinal, its position).
    pub acc: Acc,
    /// Whether it began with "a"/"an".
    pub article: bool,
    /// For an ordinal: whether the last word was plural ("fifths").
    pub ordinal: Option<bool>,
    /// The first term read (after the article).
    pub first: Option<Term>,
    /// The number as it stood before its last "and", and the text from
    /// there: "one hundred" of "one hundred and three quarters", where
    /// the "and" may start a fraction instead.
    pub before_and: Option<(&'a str, Partial)>,
    /// The terms of the ordinal, the article not counted.
    pub terms: usize,
}

/// Whether a spelled number ends on a cardinal or an ordinal word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Mode {
    /// Cardinal words only.
    Cardinal,
    /// Must end on an ordinal word.
    Ordinal,
}

/// Read a spelled number at the start of `input`, continuing `acc` (an
/// empty [`Acc`], or one seeded with a count in digits). Returns the rest.
pub(super) fn spell(input: &str, acc: Acc, mode: Mode) -> Option<(&str, Spelled<'_>)> {
    spell_to(input, acc, mode).0
}

/// [`spell`], and whether it stopped at an ordinal word that
/// [`Mode::Cardinal`] does not read ("first" of "twenty-first"). The two
/// modes read alike up to such a word, so only then can an ordinal read
/// from the same start end elsewhere: a caller who has the cardinal
/// reading need not spell the ordinal one.
pub(super) fn spell_to(
    input: &str,
    mut acc: Acc,
    mode: Mode,
) -> (Option<(&str, Spelled<'_>)>, bool) {
    let mut rest = input;
    let mut article = false;
    let mut first = None;
    let mut ordinal = None;
    // The state before an "and", restored when the term after it turns out
    // to start a new number ("3 hundred and 2 hundred").
    let mut rollback: Option<(&str, Acc)> = None;
    let mut before_and: Option<(&str, Partial)> = None;
    let start_terms = acc.terms;
    // Where the number ends: after the last term read, or where a rollback
    // put it back (then with the state it had there). Otherwise the state
    // is `acc` itself, which a term that does not fit leaves as it was.
    let mut end = input;
    let mut rolled_back: Option<Acc> = None;
    let mut at_ordinal = false;
    loop {
        let mut at = if acc.terms == 0 && !acc.dangling() {
            rest
        } else {
            match gap(rest) {
                Some(at) => at,
                None => break,
            }
        };
        let mut after_and = false;
        if matches!(acc.last, Last::Hundred | Last::Scale(_))
            && let Some((w, after)) = word(at)
            && w.eq_ignore_ascii_case("and")
            && let Some(next) = gap(after)
        {
            at = next;
            after_and = true;
        }
        let count = digit_run(at);
        let (term, next, is_ordinal) = if count > 0 {
            // A count in digits inside a spelled number: a plain integer
            // that is not part of a larger numeral.
            let after = &at[count..];
            let glued = after
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',');
            if count > 3 || glued || acc.terms == 0 {
                break;
            }
            let v: f64 = at[..count].parse().unwrap_or(f64::NAN);
            (Term::Count(v), after, None)
        } else {
            let Some((w, after)) = word(at) else { break };
            let entry = lexicon::lookup(w);
            if acc.terms == 0 && !article && (entry.word == "a" || entry.word == "an") {
                if acc.article() {
                    article = true;
                    rest = after;
                    continue;
                }
                break;
            }
            // Every number word is a trigger; most words after a number
            // are not, and end it here.
            if !entry.role.has(Role::TRIGGER) {
                break;
            }
            if let Some(t) = entry.cardinal {
                // Plurals are for vague magnitudes and fractions, not
                // counts: "hundreds of", not "three hundreds".
                (t, after, None)
            } else if mode == Mode::Ordinal {
                match entry.ordinal {
                    Some((t, plural)) => (t, after, Some(plural)),
                    None => break,
                }
            } else {
                at_ordinal = entry.ordinal.is_some();
                break;
            }
        };
        // Only what the checks below need of the state before the term; a
        // whole copy only after "and", where it may be restored.
        let (last_before, group_before) = (acc.last, acc.group);
        let before = after_and.then_some(acc);
        if !acc.accept(term, is_ordinal.is_some()) {
            if term.is_multiplier()
                && let Some((r, a)) = rollback
            {
                end = r;
                rolled_back = Some(a);
            }
            break;
        }
        if first.is_none() {
            first = Some(term);
        }
        acc.tail_tens = match term {
            Term::Tens(v)
                if !after_and && matches!(last_before, Last::Hundred | Last::Scale(_)) =>
            {
                Some(v)
            }
            _ => None,
        };
        if let Some(before) = before {
            acc.and_base = Some(group_before);
            rollback = Some((rest, before));
            before_and = Some((rest, before.partial()));
        } else if term.is_multiplier() {
            rollback = None;
        }
        rest = next;
        end = rest;
        if let Some(plural) = is_ordinal {
            ordinal = Some(plural);
            break;
        }
        if term == Term::Zero || term == Term::Dozen {
            break;
        }
    }
    let end_acc = rolled_back.unwrap_or(acc);
    let read = 'read: {
        if end_acc.terms == 0 || end_acc.dangling() {
            break 'read None;
        }
        // "hundred" alone is a name ("the Hundred Years' War"); "hundred
        // thousand" and "a hundred" are numbers.
        if end_acc.terms == 1 && first == Some(Term::Hundred) && !article && ordinal.is_none() {
            break 'read None;
        }
        if mode == Mode::Ordinal && ordinal.is_none() {
            break 'read None;
        }
        Some((
            end,
            Spelled {
                acc: end_acc,
                article,
                ordinal,
                first,
                before_and: before_and.filter(|(r, _)| r.len() > end.len()),
                terms: end_acc.terms - start_terms,
            },
        ))
    };
    (read, at_ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(mode: Mode, cases: &[(&str, Option<(f64, &str)>)]) {
        for &(input, want) in cases {
            let got = spell(input, Acc::new(), mode).map(|(rest, s)| (s.acc.value(), rest));
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

    #[test]
    fn cardinals() {
        check(
            Mode::Cardinal,
            &[
                ("four regions", Some((4.0, " regions"))),
                ("twenty-five", Some((25.0, ""))),
                ("Twenty-six people", Some((26.0, " people"))),
                ("three hundred and forty", Some((340.0, ""))),
                ("a dozen eggs", Some((12.0, " eggs"))),
                ("half a dozen", None),
                ("one million two hundred thousand", Some((1_200_000.0, ""))),
                ("4 thousand 3 hundred and 21", None),
                ("fifty - two", Some((52.0, ""))),
                ("two hundred and two thousand", Some((202_000.0, ""))),
                ("two  thousand  and  two hundred", Some((2200.0, ""))),
                (
                    "twenty-one trillion and three hundred",
                    Some((21e12 + 300.0, "")),
                ),
                ("three lakh crore", Some((3e12, ""))),
                ("three-nought-four", Some((3.0, "-nought-four"))),
                ("zero is", Some((0.0, " is"))),
                ("hundred thousand dollars", Some((100_000.0, " dollars"))),
                ("Hundred Years", None),
                ("one of the", Some((1.0, " of the"))),
                ("twenty-year", Some((20.0, "-year"))),
                ("a", None),
                ("a man", None),
                ("an", None),
                ("someone", None),
                ("twentyfive", None),
                ("a million billion trillion", Some((1e27, ""))),
            ],
        );
    }

    #[test]
    fn counts_in_digits_continue() {
        let (rest, s) = spell(" hundred and 21 yuan", Acc::with_count(3.0), Mode::Cardinal)
            .expect("3 hundred and 21");
        assert_eq!((s.acc.value(), rest), (321.0, " yuan"));
        let (rest, s) = spell(
            " hundred and 2 hundred",
            Acc::with_count(3.0),
            Mode::Cardinal,
        )
        .expect("3 hundred");
        assert_eq!((s.acc.value(), rest), (300.0, " and 2 hundred"));
        let (_, s) = spell(
            " thousand 3 hundred and 21",
            Acc::with_count(4.0),
            Mode::Cardinal,
        )
        .expect("4 thousand 3 hundred and 21");
        assert_eq!(s.acc.value(), 4321.0);
    }

    /// The cardinal reading says whether an ordinal one may end elsewhere,
    /// so that runs of number words ("one one one") are spelled once a
    /// start, not twice.
    #[test]
    fn cardinals_know_where_ordinals_may_go() {
        let cases: &[(&str, bool)] = &[
            ("one one one", false),
            ("twenty people", false),
            ("twenty-first", true),
            ("third", true),
            ("one hundred and first", true),
            ("two hundredth", true),
            ("three quarters", false),
            ("seven", false),
        ];
        for &(input, want) in cases {
            let (_, at_ordinal) = spell_to(input, Acc::new(), Mode::Cardinal);
            assert_eq!(at_ordinal, want, "{input}");
            // Where the cardinal reading says no, the ordinal one finds nothing.
            if !want {
                assert!(spell(input, Acc::new(), Mode::Ordinal).is_none(), "{input}");
            }
        }
    }

    #[test]
    fn ordinals() {
        check(
            Mode::Ordinal,
            &[
                ("third round", Some((3.0, " round"))),
                ("twenty-first", Some((21.0, ""))),
                ("one hundred twenty fifth", Some((125.0, ""))),
                ("hundredth", Some((100.0, ""))),
                ("two hundredth", Some((200.0, ""))),
                ("three trillionth", Some((3e12, ""))),
                (
                    "twenty-one trillion and three hundred twenty second",
                    Some((21e12 + 322.0, "")),
                ),
                ("Nineth", Some((9.0, ""))),
                ("twenty", None),
                ("firstly", None),
            ],
        );
    }
}
