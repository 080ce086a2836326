//! The temporal family: dates, relative times, intervals and durations.
//!
//! A temporal expression is found in three layers. A *point* names a
//! stretch of the calendar ("1 July 2024", "March 2024", "last week", "two
//! weeks ago", "Q3 2024"). A *shape* opens or joins points ("since March
//! 2024", "before 2018", "between 2022 and 2024"). A *duration* is a length
//! with no place on the calendar ("six months", "2:00:35"). Relative points
//! resolve against [`Cx::reference`]; when there is none they are still
//! reported, unresolved, with a [`DiagnosticKind::UnresolvedTime`].
//!
//! This module never reads the clock and never counts days itself: all
//! calendar arithmetic is jiff's.
//!
//! # Grammar
//!
//! ```text
//! expression = shaped | point ["or later" | "and after" | ...] | duration
//! shaped     = see shape.rs: "since" point, "after" point, "before" point,
//!              "until"/"by" point, "more than" counted-point, "between" point "and" point,
//!              "from" point "to" point; an edge ("[the] end of", "[the] beginning of")
//!              may come between the word and the point
//! point      = date [[","] ["at" | "@"] clock]                   (date.rs, clock.rs)
//!            | ["at"] clock ["on" | ","] day                       (clock.rs)
//!            | relative                                           (relative.rs)
//! duration   = see duration.rs
//! ```
//!
//! The longest reading wins. Every reading is a [`calendar::Point`] (a
//! start, an end, a grain, and what it took from the reference: nothing,
//! the year, or everything), which [`finish`] turns into a
//! [`Period`] with its [`Anchor`].
//!
//! "until 1 July 2024" and "by 1 July 2024" include the named day: the
//! period ends at the start of 2 July. "before 1 July 2024" excludes it.
//!
//! The trigger words ([`TRIGGERS`], looked up by [`trigger_and_lead`]) are the words a temporal expression
//! hinges on; the scanner also starts the grammar up to three words before
//! a trigger, which is how "since", "in the past" or "a year" lead in.
//! Expressions whose lead word is further back than that ("by end of this
//! month": "by" is four words before "month") are read without it.
//!
//! # Speed
//!
//! The scanner starts [`parse`] at every trigger and at the few words
//! before it, and most starts match nothing. The grammar asks first what
//! the next token or two *are*, never the text itself: [`token`] reads a
//! token once per offset and attempt ([`Env::next`]) and looks its word up
//! in one table of roles built at compile time (a month, a weekday, a
//! unit, "this"/"last"/"next", a number word, a word some alternative
//! begins with). A start whose first token begins no alternative ("of",
//! "days", "$"), a lead word or count in words followed by a word that
//! cannot go on ("the harbour", "two people"), or a number that no date or
//! count of time continues ("600,000 people") is turned away before an
//! [`Env`] is even made. Each alternative, and each reading inside one, is
//! tried only when the roles of the tokens where it starts allow it (a day
//! only before a month, "of", "day" or a range; a month name alone only
//! where context allows it; a count only before a unit). Counts, which
//! most alternatives read at the same words, are read once per offset and
//! attempt ([`Memo`]). Whether a word triggers or leads in is one probe of
//! the role table ([`trigger_and_lead`]), since the scanner asks about
//! every word of a text.
//!
//! When a reading is added, its first words must be given their roles in
//! [`token`]: a gate that does not know them would turn the reading away.
//!
//! # Adding a kind of temporal expression
//!
//! Write its grammar in the file of its layer (date.rs for named periods,
//! relative.rs for expressions resolved against the reference, shape.rs for
//! open ends and ranges, duration.rs for lengths), add its vocabulary to
//! words.rs and its hinge word to [`TRIGGERS`], and add positive and
//! negative examples to the tables in tests.rs.

mod calendar;
mod clock;
mod date;
mod duration;
mod lex;
mod relative;
mod shape;
mod token;

pub(crate) use token::WORD_KEYS;
mod words;

#[cfg(test)]
mod tests;

use std::cell::Cell;

use jiff::civil::{Date, DateTime};

use super::{Candidate, Cx};
use crate::mention::{DiagnosticKind, Value};
use crate::period::{Anchor, Period, Shape};
use crate::span::Span;
use calendar::{Lean, Point};
use token::{Roles, Token, key};

/// The words a temporal expression hinges on (the scanner asks [`trigger_and_lead`]).
const TRIGGERS: [&str; 113] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "wk",
    "wks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "yr",
    "yrs",
    "decade",
    "decades",
    "century",
    "centuries",
    "today",
    "tomorrow",
    "tmrw",
    "yesterday",
    "tonight",
    "now",
    "ago",
    "otd",
    "end",
    "beginning",
    "spring",
    "summer",
    "autumn",
    "winter",
    "noon",
    "midnight",
    "q1",
    "q2",
    "q3",
    "q4",
    "christmas",
    "easter",
    "halloween",
    "thanksgiving",
    "juneteenth",
    "independence",
    "valentine",
    "valentines",
    "patrick",
    "patricks",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// The words that lead into a temporal expression without anchoring one
/// (the scanner asks [`trigger_and_lead`]).
const LEADS: [&str; 56] = [
    "the",
    "this",
    "last",
    "next",
    "previous",
    "past",
    "coming",
    "upcoming",
    "following",
    "current",
    "earlier",
    "later",
    "in",
    "on",
    "at",
    "for",
    "of",
    "by",
    "since",
    "after",
    "before",
    "until",
    "till",
    "til",
    "through",
    "from",
    "between",
    "within",
    "more",
    "no",
    "greater",
    "prior",
    "starting",
    "beginning",
    "a",
    "an",
    "couple",
    "all",
    "full",
    "whole",
    "another",
    "right",
    "h",
    "early",
    "mid",
    "late",
    "w",
    "q",
    "good",
    "black",
    "new",
    "st",
    "saint",
    "earth",
    "calendar",
    "tmr",
];

/// Whether a lower-case word can anchor a temporal expression: month
/// and weekday names, units of time, day words, seasons, quarters and
/// holidays: one of [`TRIGGERS`]. The role table answers for the scanner
/// ([`trigger_and_lead`]); this plain reading of the list checks it.
#[cfg(test)]
pub(crate) fn is_trigger(word: &str) -> bool {
    TRIGGERS.contains(&word)
}

/// Whether the lower-case word leads into a temporal expression without
/// anchoring one ("the", "since", "more"): one of [`LEADS`]. A temporal
/// expression can start with such a word, a trigger of either family, or
/// digits; the scanner starts the grammar at up to three words before each
/// trigger, and [`plausible_start`] turns most of them away at once.
#[cfg(test)]
pub(crate) fn leads_in(word: &str) -> bool {
    LEADS.contains(&word)
}

/// Whether a word (ASCII letters and digits, in any case) is one of
/// [`TRIGGERS`], and whether it is one of [`LEADS`]: one probe of the role
/// table, for the scanner, which asks about every word.
#[inline]
pub(crate) fn trigger_and_lead(word: &str) -> (bool, bool) {
    token::trigger_and_lead(word.as_bytes())
}

/// [`trigger_and_lead`] for a word of at most 16 bytes given by its key:
/// its bytes `| 0x20`, little-endian, as the scanner builds it while
/// reading.
#[inline]
pub(crate) fn trigger_and_lead_of(key: u128) -> (bool, bool) {
    token::trigger_and_lead_of(key)
}

/// Whether the input can start a temporal expression at all: a word that
/// leads in or a trigger of either family (see [`LEADS`]), or digits
/// ([`plausible_digits`]); any other character is left to the grammar.
fn plausible_start(env: &Env, s: &str, t: Token) -> bool {
    let after = &s[t.len as usize..];
    if t.is_digits() {
        return plausible_digits(env, after, t);
    }
    if !t.is_word() {
        return true;
    }
    if !t.has(Roles::LEAD | Roles::TRIGGER | Roles::NUMBER) {
        return false;
    }
    // A word that only leads in ("the", "in", "since"), or a count in
    // words ("two", "first"), needs a word after it that goes on: "the
    // harbour", "at least", "two people" are turned away here.
    let leads_only = !t.glued && !t.has(Roles::TRIGGER) && !t.is(key!("tmr"));
    if !leads_only {
        return true;
    }
    let (next, rest) = env.next(after);
    if t.is(key!("on")) {
        // "on" begins one reading only: "on the 18th", "on 29th".
        return next.is_digits() || next.is(key!("the"));
    }
    if next.is_digits() {
        // Digits after a lead word go on only as they would on their own
        // ("the 1990s", "in 3 years"; not "the 45 seats").
        return plausible_digits(env, rest, next);
    }
    goes_on(next)
}

/// Whether the word after a lead word or a count in words can go on with
/// a temporal expression: anything but a whole word of letters is left to
/// the grammar; a word must itself be able to start one, or be one of the
/// few words that only ever follow ("at present", "more than", "prior
/// to", "since start of", "this morning", "the fall of 2015"), or go on
/// with a count in words ("two and a half", "five point five", "two bn").
fn goes_on(t: Token) -> bool {
    if !t.is_word() || t.glued || t.is_long_word() {
        return true;
    }
    t.has(Roles::LEAD | Roles::TRIGGER | Roles::NUMBER)
        || t.is_any(&[
            key!("present"),
            key!("than"),
            key!("to"),
            key!("start"),
            key!("fall"),
            key!("morning"),
            key!("afternoon"),
            key!("evening"),
            key!("and"),
            key!("point"),
            key!("k"),
            key!("m"),
            key!("g"),
            key!("bn"),
            key!("mn"),
            key!("mln"),
            key!("bln"),
            key!("tn"),
            key!("trn"),
            key!("tln"),
        ])
}

/// Whether the digits `t`, before `rest`, can begin a temporal
/// expression: a four- or eight-digit number (a year, a compact date),
/// digits glued to a separator or a letter ("1/1", "3h", "4th", "1990s"),
/// or digits followed by a word a date or a count of time continues
/// with. Most numbers in news ("600,000 people") fail here at once.
fn plausible_digits(env: &Env, rest: &str, t: Token) -> bool {
    if matches!(t.len, 4 | 8) {
        return true;
    }
    match rest.as_bytes() {
        [b'/' | b':' | b'\'' | b'_', ..] => true,
        // "3-5 days", "05-03-2024"; "3-day", "10-minute", not "87-seat".
        [b'-', c, ..] if c.is_ascii_digit() => true,
        [b'-', ..] => word_goes_on(env, &rest[1..], false),
        // A decimal goes on as the digits after its point would ("8.30pm",
        // "1.5 hours"; not "4.5 million people"); a second point makes a
        // date ("12.05.2024").
        [b'.', c, ..] if c.is_ascii_digit() => {
            let fraction = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
            let after = &rest[1 + fraction..];
            match after.as_bytes() {
                [b'.', c, ..] if c.is_ascii_digit() => true,
                _ => digits_go_on(env, after),
            }
        }
        // A full stop after a number ends the sentence, or the number
        // ("5. März" is not English news).
        [b'.', ..] => false,
        _ => digits_go_on(env, rest),
    }
}

/// Whether what follows a number (`rest`, right after its last digit)
/// can go on with a temporal expression: letters glued to it ("6am",
/// "1990s", "4th", "3h"), or after a space a word that a date or a count
/// of time continues with. After a comma only a trigger goes on ("12,
/// January 2024"); after a count in words, a trigger must follow it ("3
/// million years ago", not "4.5 million people").
fn digits_go_on(env: &Env, rest: &str) -> bool {
    let comma = match rest.as_bytes().first() {
        Some(c) if c.is_ascii_alphabetic() => return true,
        Some(b' ' | b'\t') => false,
        Some(b',') => true,
        Some(0xC2) => false, // a no-break space
        _ => return false,
    };
    word_goes_on(env, rest.strip_prefix(',').unwrap_or(rest), comma)
}

/// Whether the word at the start of `rest` (after blanks), following a
/// number and perhaps a comma, goes on with a temporal expression (see
/// [`digits_go_on`]).
fn word_goes_on(env: &Env, rest: &str, comma: bool) -> bool {
    let (w, after) = env.next(rest);
    // "2016 10 16", "1990 s" need four digits first; "12:30" and "3 - 5"
    // are times of day, which need a day word elsewhere.
    if !w.is_word() || w.is_long_word() {
        return false;
    }
    if w.has(Roles::TRIGGER) {
        return true;
    }
    if comma {
        return false;
    }
    if w.has(Roles::NUMBER) {
        let (next, _) = env.next(after);
        return next.is_word() && next.has(Roles::TRIGGER | Roles::NUMBER);
    }
    w.is_any(&[
        key!("s"),
        key!("of"),
        key!("and"),
        key!("or"),
        key!("to"),
        key!("am"),
        key!("pm"),
        key!("a"),
        key!("p"),
        key!("o"),
        key!("oclock"),
        key!("h"),
        key!("early"),
        key!("mid"),
        key!("late"),
        key!("y"),
        key!("w"),
        key!("next"),
        key!("past"),
        key!("last"),
        key!("previous"),
        key!("coming"),
        key!("upcoming"),
        key!("following"),
        key!("on"),
        key!("at"),
        key!("in"),
        key!("from"),
        key!("until"),
        key!("through"),
        key!("between"),
        key!("this"),
    ])
}

/// What the grammar reads from: the text and the reference. Points record
/// what they took from the reference themselves ([`Lean`]).
struct Env<'t> {
    /// The whole text; every input the grammar sees is a suffix of it.
    text: &'t str,
    /// The reference, or a stand-in when there is none (then `resolved` is
    /// false and whatever leaned on it is reported unresolved).
    reference: DateTime,
    resolved: bool,
    /// Infer left-out years as the nearest occurrence rather than the
    /// latest past one (inside "3 days after January 12th").
    nearest: Cell<bool>,
    /// Reading the second end of a range, where "and May" is a month.
    range_end: Cell<bool>,
    /// How many points are being read inside one another.
    depth: Cell<u8>,
    /// Counts in words read in this attempt (see [`Memo`]).
    cardinals: Memo<f64>,
    /// Single number words read as counts ("two quarters").
    number_words: Memo<f64>,
    /// Counts ("two", "3.5", "a couple of") read in this attempt.
    amounts: Memo<f64>,
    /// Counted units ("two weeks") read in this attempt.
    counts: Memo<(f64, words::Unit)>,
    /// Tokens read in this attempt (see [`Env::next`]).
    tokens: [Cell<TokenAt>; TOKEN_SLOTS],
}

/// A token read at an offset of the text (before blanks), with the offset
/// of its end. Offsets are 32 bits wide: a text longer than that is read
/// afresh each time.
#[derive(Clone, Copy)]
struct TokenAt {
    at: u32,
    end: u32,
    token: Token,
}

/// How many tokens an [`Env`] remembers: an attempt asks about a few
/// tokens, many times each.
const TOKEN_SLOTS: usize = 8;

/// The offset of `s` in `text` when `s` is a suffix of it (and the offset
/// fits in 32 bits).
fn suffix_offset(text: &str, s: &str) -> Option<u32> {
    let at = text.len().wrapping_sub(s.len());
    (at <= text.len() && text.as_ptr().wrapping_add(at) == s.as_ptr())
        .then(|| u32::try_from(at).ok().filter(|&at| at != NOTHING))
        .flatten()
}

/// What a reader found at each of the last few offsets of one attempt.
///
/// The alternatives of the grammar read the same words again: "two weeks"
/// is the count of "two weeks ago", "in two weeks", "for two weeks from
/// Monday" and of the length "two weeks", and the count in words behind it
/// goes through the numeric family's cardinal grammar, the costliest
/// reader of all. A reader whose result depends on the text alone reads
/// each offset once per attempt through [`Env::remembered`].
struct Memo<T: Copy> {
    slots: [Cell<Remembered<T>>; MEMO_SLOTS],
    next: Cell<u8>,
}

/// What a reader found at offset `at`: the offset where it ended and its
/// value, or nothing (`end` is [`NOTHING`]). An empty slot has `at`
/// [`NOTHING`].
#[derive(Clone, Copy)]
struct Remembered<T> {
    at: u32,
    end: u32,
    value: T,
}

/// No offset (see [`Remembered`], [`TokenAt`]).
const NOTHING: u32 = u32::MAX;

/// How many offsets a [`Memo`] holds: an attempt reads counts at only a
/// few (the start, after "in", "the", "for", "within", "next").
const MEMO_SLOTS: usize = 4;

impl<T: Copy> Memo<T> {
    /// An empty memo; `blank` only fills the empty slots.
    const fn new(blank: T) -> Memo<T> {
        let empty = Remembered {
            at: NOTHING,
            end: NOTHING,
            value: blank,
        };
        Memo {
            slots: [
                Cell::new(empty),
                Cell::new(empty),
                Cell::new(empty),
                Cell::new(empty),
            ],
            next: Cell::new(0),
        }
    }

    /// What was found at offset `at`, if it was read.
    fn find(&self, at: u32) -> Option<Remembered<T>> {
        self.slots.iter().map(Cell::get).find(|r| r.at == at)
    }

    /// Remember what was found at `at`, over the oldest slot.
    fn store(&self, found: Remembered<T>) {
        let i = usize::from(self.next.get());
        self.slots[i].set(found);
        self.next.set(((i + 1) % MEMO_SLOTS) as u8);
    }
}

impl<'t> Env<'t> {
    fn new(cx: &Cx<'t>) -> Env<'t> {
        Env {
            text: cx.text,
            reference: cx
                .reference
                .unwrap_or_else(|| calendar::midnight(jiff::civil::date(2000, 1, 1))),
            resolved: cx.reference.is_some(),
            nearest: Cell::new(false),
            range_end: Cell::new(false),
            depth: Cell::new(0),
            cardinals: Memo::new(0.0),
            number_words: Memo::new(0.0),
            amounts: Memo::new(0.0),
            counts: Memo::new((0.0, words::Unit::NONE)),
            tokens: [const {
                Cell::new(TokenAt {
                    at: NOTHING,
                    end: NOTHING,
                    token: Token::END,
                })
            }; TOKEN_SLOTS],
        }
    }

    /// The token at the start of `s` after blanks, and the input after
    /// it. A token of the text is read once per attempt; anything else is
    /// read afresh.
    #[inline]
    pub fn next<'a>(&self, s: &'a str) -> (Token, &'a str) {
        // Asked many times per attempt, mostly about the same few
        // offsets: a look-up here, the reading out of line.
        let at = self.text.len().wrapping_sub(s.len());
        let found = self.tokens[at % TOKEN_SLOTS].get();
        if found.at as usize == at
            && found.at != NOTHING
            && self.text.as_ptr().wrapping_add(at) == s.as_ptr()
            && let Some(rest) = s.get((found.end - found.at) as usize..)
        {
            return (found.token, rest);
        }
        self.read_next(s)
    }

    /// [`Env::next`] for a token not read yet.
    #[inline(never)]
    fn read_next<'a>(&self, s: &'a str) -> (Token, &'a str) {
        let t = lex::blank(s);
        let token = token::read(t);
        let rest = &t[token.len as usize..];
        if let Some(at) = suffix_offset(self.text, s) {
            self.tokens[at as usize % TOKEN_SLOTS].set(TokenAt {
                at,
                end: (self.text.len() - rest.len()) as u32,
                token,
            });
        }
        (token, rest)
    }

    /// Remember the token `t` read at the very start of `s` (a suffix of
    /// the text, with no blank before the token).
    fn remember(&self, s: &str, t: Token) {
        if let Some(at) = suffix_offset(self.text, s) {
            self.tokens[at as usize % TOKEN_SLOTS].set(TokenAt {
                at,
                end: at + t.len,
                token: t,
            });
        }
    }

    /// `read` at the start of `s`, remembered in `memo` by offset. Only a
    /// suffix of the text has an offset; anything else is read afresh.
    fn remembered<'a, T: Copy>(
        &self,
        memo: &Memo<T>,
        s: &'a str,
        read: impl FnOnce(&'a str) -> lex::Found<'a, T>,
    ) -> lex::Found<'a, T> {
        let Some(at) = suffix_offset(self.text, s) else {
            return read(s);
        };
        if let Some(r) = memo.find(at) {
            if r.end == NOTHING {
                return None;
            }
            return Some((s.get((r.end - at) as usize..)?, r.value));
        }
        let found = read(s);
        // `read` may have used the memo itself: the slot is taken now.
        let end = found.map_or(NOTHING, |(rest, _)| (self.text.len() - rest.len()) as u32);
        memo.store(Remembered {
            at,
            end,
            value: found.map_or(memo.slots[0].get().value, |(_, v)| v),
        });
        found
    }

    /// The reference instant, for relative expressions.
    pub fn now(&self) -> DateTime {
        self.reference
    }

    /// The reference day, for relative expressions.
    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// The reference, for inferring a year the text left out.
    pub fn year_reference(&self) -> DateTime {
        self.reference
    }

    /// The point `make` gives for the year the text left out: the latest
    /// one starting no later than the reference (news reports the past),
    /// or, for the anchor of an offset, the nearest one.
    pub fn infer_year(&self, make: impl Fn(i16) -> Option<Point>) -> Option<Point> {
        if !self.nearest.get() {
            return calendar::latest_not_after(self.reference, make);
        }
        let year = self.reference.year();
        let distance = |p: &Point| self.reference.duration_until(p.start).as_secs().abs();
        (-1..=1)
            .filter_map(|k| make(year.checked_add(k)?))
            .min_by_key(distance)
    }

    /// `parse` with left-out years inferred as the nearest occurrence.
    pub fn nearest<T>(&self, parse: impl FnOnce() -> T) -> T {
        let before = self.nearest.replace(true);
        let found = parse();
        self.nearest.set(before);
        found
    }

    /// Byte offset of `rest` (a suffix of the text) in the text.
    pub fn offset(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }
}

/// What one alternative of the grammar found: where it ends, what it means.
enum Found {
    /// A period, possibly opened or joined.
    Period(Period, Option<(DiagnosticKind, String)>),
    /// A date that does not exist.
    Impossible(String),
    /// A length of time.
    Length(Value),
}

/// The temporal expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let s = cx.text.get(at..)?;
    // The scanner starts at a word or a symbol, never at a blank.
    let first = token::read(s);
    if !first.may_begin() {
        return None;
    }
    let env = Env::new(cx);
    env.remember(s, first);
    if !plausible_start(&env, s, first) {
        return None;
    }
    let mut best: Option<(usize, usize, Found)> = None;
    let mut keep = |found: Option<(usize, &str, Found)>| {
        if let Some((start, rest, found)) = found {
            let end = env.offset(rest);
            if best.as_ref().is_none_or(|b| end > b.1) {
                best = Some((start, end, found));
            }
        }
    };
    if first.has(Roles::SHAPE) || first.is_digits_of(4) {
        keep(shape::shaped(&env, s));
    }
    keep(point_expression(&env, s));
    if first.may_begin_length() {
        keep(duration::duration(&env, s));
    }
    let (start, end, found) = best?;
    let span = Span::new(start, end);
    Some(match found {
        Found::Impossible(message) => {
            Candidate::problem(span, DiagnosticKind::ImpossibleDate, message)
        }
        Found::Length(value) => Candidate::new(span, value),
        Found::Period(period, problem) => Candidate {
            span,
            consumed: end,
            value: Some(Value::Time { period }),
            problem,
        },
    })
}

/// A point with its trailing clock time, as a whole expression.
fn point_expression<'a>(env: &Env, s: &'a str) -> Option<(usize, &'a str, Found)> {
    let start = env.offset(lex::blank(s));
    let (rest, p) = point(env, s)?;
    if let Some((rest, found)) = shape::trailing(env, rest, p.clone()) {
        return Some((start, rest, found));
    }
    Some((
        start,
        rest,
        match p {
            Ok(p) => finish(env, p, p.shape),
            Err(m) => Found::Impossible(m),
        },
    ))
}

/// A point: the longest of the date, relative and clock-joined readings.
/// `Err` carries the message for an impossible date.
fn point<'a>(env: &Env, s: &'a str) -> lex::Found<'a, Result<Point, String>> {
    point_reading(env, s, true)
}

/// A point, read with or without the readings that begin with a clock
/// time ("3pm on Tuesday"), which are never a day.
fn point_reading<'a>(
    env: &Env,
    s: &'a str,
    clock_first: bool,
) -> lex::Found<'a, Result<Point, String>> {
    // Points nest ("3 days after next Friday at 3pm"); a bound on the
    // depth keeps a long run of such words from exhausting the stack.
    let depth = env.depth.get();
    if depth >= MAX_DEPTH {
        return None;
    }
    env.depth.set(depth + 1);
    let found = point_at_depth(env, s, clock_first);
    env.depth.set(depth);
    found
}

/// How deeply points may nest inside one another.
const MAX_DEPTH: u8 = 4;

fn point_at_depth<'a>(
    env: &Env,
    s: &'a str,
    clock_first: bool,
) -> lex::Found<'a, Result<Point, String>> {
    let first = env.next(s).0;
    let mut best = None;
    let mut keep = |found: lex::Found<'a, Result<Point, String>>| {
        if let Some(f) = found
            && best
                .as_ref()
                .is_none_or(|b: &(&str, _)| f.0.len() < b.0.len())
        {
            best = Some(f);
        }
    };
    if first.may_begin_date() {
        keep(date::date(env, s));
    }
    if first.may_begin_relative() {
        keep(relative::relative(env, s));
    }
    if clock_first && first.may_begin_clock() && clock::may_come_before_day(env, s) {
        keep(clock::clock_before_date(env, s));
    }
    let (rest, p) = best?;
    match p {
        Ok(mut p) if p.is_day() => {
            // "Monday morning", "yesterday afternoon": the part of the day
            // is read, the day stays the grain.
            let part = env.next(rest).0;
            let part =
                (part.has(Roles::PART_OF_DAY) || part.is(key!("early")) || part.is(key!("late")))
                    .then(|| relative::part_of_day(rest))
                    .flatten();
            let rest = match part {
                Some((r, evening)) => {
                    p.evening |= evening;
                    r
                }
                None => rest,
            };
            if !clock::may_come_after_day(env, rest) {
                return Some((rest, Ok(p)));
            }
            Some(clock::clock_after_date(rest, p).unwrap_or((rest, Ok(p))))
        }
        other => Some((rest, other)),
    }
}

/// A point of one day, for anchors ("3 days after January 12th").
fn day_point<'a>(env: &Env, s: &'a str) -> lex::Found<'a, Point> {
    // A point that begins with a clock time is of that time, not a day,
    // and no day begins with one ("12:30"): neither is tried, so a run of
    // clock times ("12:30pm 12:30pm ...") does not send each reading on
    // to the next, as deep as points nest.
    let (t, after) = env.next(s);
    if t.is_digits() && after.starts_with(':') {
        return None;
    }
    let (rest, p) = point_reading(env, s, false)?;
    let p = p.ok()?;
    p.is_day().then_some((rest, p))
}

/// A period of `shape` made from `p`, anchored as the parse leaned.
fn finish(env: &Env, p: Point, shape: Shape) -> Found {
    let (start, end) = match shape {
        Shape::Instant | Shape::Interval => (Some(p.start), Some(p.end)),
        Shape::Since => (Some(p.start), None),
        Shape::Until => (None, Some(p.end)),
    };
    let reference = env.reference.date();
    let anchor = match p.lean {
        _ if !env.resolved && p.lean != Lean::Stated => Anchor::Unresolved,
        Lean::Stated => Anchor::Absolute,
        Lean::Year => Anchor::YearInferred { reference },
        Lean::Relative => Anchor::Relative { reference },
    };
    if anchor == Anchor::Unresolved {
        let period = Period {
            start: None,
            end: None,
            grain: p.grain,
            shape,
            anchor,
            weekday: None,
        };
        return Found::Period(
            period,
            Some((
                DiagnosticKind::UnresolvedTime,
                "relative time with no reference date to resolve it against".to_string(),
            )),
        );
    }
    let period = Period {
        start,
        end,
        grain: p.grain,
        shape,
        anchor,
        weekday: p.weekday,
    };
    let problem = p.weekday.filter(|w| !w.holds()).map(|w| {
        (
            DiagnosticKind::WeekdayMismatch,
            format!(
                "the text says {:?} but the date falls on a {:?}",
                w.stated, w.actual
            ),
        )
    });
    Found::Period(period, problem)
}
