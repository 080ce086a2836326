//! The next token, read once, with the roles its word can play in the
//! temporal grammar.
//!
//! The grammar has many alternatives, and most starts the scanner tries
//! match none of them: a lead word before an ordinary word ("in the
//! harbour"), a number before a noun ("600 people"), a month that is a
//! name ("May said"). Each alternative first asks what the next token or
//! two *are* — a month name, a unit of time, a count, a keyword it needs —
//! and is run only when they can begin it. [`Env::next`](super::Env::next)
//! reads a token once per offset and attempt, so these questions cost a
//! comparison of integers, not a reading of the text.
//!
//! A token is what the readers of [`super::lex`] see at the same place:
//!
//! ```text
//! token = blank (word | digits | symbol | end)
//! word  = [A-Za-z]+          its roles looked up in lower case (at most 16 letters)
//! digits= [0-9]+
//! symbol= any other character
//! ```
//!
//! Roles only ever *allow* an alternative: the alternative still reads the
//! text itself, so a role wider than needed costs time, never a reading.
//! A role narrower than the alternative's own test would lose readings;
//! the tests at the end of this file check the roles against the readers.

use super::{LEADS, TRIGGERS, relative, shape, words};
use crate::extract::number;

/// A word of at most [`KEY_LEN`] letters in lower case, as an integer
/// (little-endian, zero-padded). Two words are the same word exactly when
/// their keys are equal.
type Key = u128;

/// Longest word that has a [`Key`].
const KEY_LEN: usize = 16;

/// The key of `w` (ASCII letters, any case).
const fn key_of(w: &[u8]) -> Key {
    let mut buf = [0u8; KEY_LEN];
    let mut i = 0;
    while i < w.len() && i < KEY_LEN {
        buf[i] = w[i] | 0x20;
        i += 1;
    }
    u128::from_le_bytes(buf)
}

/// A word of the grammar, by its place in the role table; every other
/// token is [`Id::NONE`]. Comparing ids compares words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Id(u16);

impl Id {
    /// Not a word of the grammar.
    pub const NONE: Id = Id(u16::MAX);

    /// The id of a word of the grammar; it fails to compile for a word
    /// the table does not hold (see [`key!`]).
    pub const fn of(w: &str) -> Id {
        let k = key_of(w.as_bytes());
        let mut s = slot(k);
        loop {
            let found = TABLE.keys[s];
            if found == k {
                return Id(s as u16);
            }
            assert!(
                found != 0,
                "a word the grammar asks for is not in the role table"
            );
            s = (s + 1) % SLOTS;
        }
    }
}

/// The [`Id`] of a literal word of the grammar, found at compile time:
/// `t.is(key!("the"))`.
macro_rules! key {
    ($w:literal) => {
        const { $crate::extract::time::token::Id::of($w) }
    };
}
pub(super) use key;

/// The roles a word can play in the grammar, as bits. A word may have
/// several ("second" is a unit and a number word, "march" a month).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Roles(u32);

impl Roles {
    /// No role: an ordinary word.
    pub const NONE: Roles = Roles(0);
    /// A month name or abbreviation ([`words::month_of`]).
    pub const MONTH: Roles = Roles(1);
    /// A weekday name or abbreviation ([`words::weekday_of`]).
    pub const WEEKDAY: Roles = Roles(1 << 1);
    /// A unit of time spelled out ([`words::unit_of`]).
    pub const UNIT: Roles = Roles(1 << 2);
    /// "this", "last", "next" and their synonyms ([`relative::which`]).
    pub const WHICH: Roles = Roles(1 << 3);
    /// A number word of the numeric family ([`number::is_trigger`]):
    /// counts, ordinals, "half", "quarter".
    pub const NUMBER: Roles = Roles(1 << 4);
    /// A word a temporal expression hinges on ([`super::is_trigger`]).
    pub const TRIGGER: Roles = Roles(1 << 5);
    /// A word that leads into a temporal expression ([`super::leads_in`]).
    pub const LEAD: Roles = Roles(1 << 6);
    /// A word that opens or joins points ([`shape::shaped`]).
    pub const SHAPE: Roles = Roles(1 << 7);
    /// A season ([`words::season`]).
    pub const SEASON: Roles = Roles(1 << 8);
    /// The first word of a holiday's name.
    pub const HOLIDAY: Roles = Roles(1 << 9);
    /// A decade in words ("nineties").
    pub const DECADE: Roles = Roles(1 << 10);
    /// A part of the day ([`relative::part_of_day`]).
    pub const PART_OF_DAY: Roles = Roles(1 << 11);
    /// An ordinal in words, or the first word of one ([`words::ordinal_word`]:
    /// "first", "thirtieth", "twenty" of "twenty-first").
    pub const ORDINAL: Roles = Roles(1 << 16);
    /// Another word a named period can begin with ([`super::date::date`]:
    /// "the", "early", "w" of "w/c").
    pub const DATE_WORD: Roles = Roles(1 << 12);
    /// Another word a relative time can begin with
    /// ([`super::relative::relative`]: "in", "on", "now", "yesterday").
    pub const RELATIVE_WORD: Roles = Roles(1 << 13);
    /// A word a clock time before a day can begin with
    /// ([`super::clock::clock_before_date`]: "at", "from", "noon").
    pub const CLOCK_WORD: Roles = Roles(1 << 14);
    /// Another word a length of time can begin with
    /// ([`super::duration::duration`]: "a", "all", "another").
    pub const LENGTH_WORD: Roles = Roles(1 << 15);

    const fn with(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }
}

impl std::ops::BitOr for Roles {
    type Output = Roles;

    fn bitor(self, other: Roles) -> Roles {
        self.with(other)
    }
}

/// What kind of token comes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of ASCII letters.
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other character.
    Symbol,
    /// The end of the text.
    End,
}

/// A token: its kind, its length, and for a word its id and roles.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    /// For a word of the grammar: which.
    pub id: Id,
    pub kind: Kind,
    /// For a word: digits follow it directly ("q3", "Dec31"), so that the
    /// word readers of [`super::lex`] do not take it as a whole word.
    pub glued: bool,
    /// For a word: its roles.
    pub roles: Roles,
    /// Length in bytes.
    pub len: u32,
    /// For a symbol: the character.
    pub symbol: char,
}

impl Token {
    /// Nothing: the end of the text.
    pub const END: Token = Token {
        id: Id::NONE,
        kind: Kind::End,
        glued: false,
        roles: Roles::NONE,
        len: 0,
        symbol: '\0',
    };

    /// Whether the token is the word `id` (any case, glued or not).
    #[inline]
    pub fn is(&self, id: Id) -> bool {
        self.id == id
    }

    /// Whether the token is one of the words `ids`.
    #[inline]
    pub fn is_any(&self, ids: &[Id]) -> bool {
        ids.contains(&self.id)
    }

    /// Whether the word has any of the roles `r`.
    #[inline]
    pub fn has(&self, r: Roles) -> bool {
        self.roles.0 & r.0 != 0
    }

    /// Whether the token is a run of digits.
    #[inline]
    pub fn is_digits(&self) -> bool {
        self.kind == Kind::Digits
    }

    /// Whether the token is a run of `n` digits.
    #[inline]
    pub fn is_digits_of(&self, n: u32) -> bool {
        self.kind == Kind::Digits && self.len == n
    }

    /// Whether the token is the character `c`.
    #[inline]
    pub fn is_symbol(&self, c: char) -> bool {
        self.symbol == c
    }

    /// Whether the token is a word of letters.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the token is a word longer than any word of the grammar.
    #[inline]
    pub fn is_long_word(&self) -> bool {
        self.kind == Kind::Word && self.len as usize > KEY_LEN
    }

    /// Whether any alternative of the grammar can begin with this token.
    /// Most words of a text, and most words before a trigger ("of",
    /// "end", "days"), begin none.
    pub fn may_begin(&self) -> bool {
        self.may_begin_date()
            || self.may_begin_relative()
            || self.may_begin_clock()
            || self.may_begin_length()
            || self.has(Roles::SHAPE)
    }

    /// Whether a named period can begin with this token
    /// ([`super::date::date`]).
    pub fn may_begin_date(&self) -> bool {
        self.is_digits()
            || self.has(
                Roles::DATE_WORD
                    | Roles::WEEKDAY
                    | Roles::MONTH
                    | Roles::NUMBER
                    | Roles::SEASON
                    | Roles::DECADE
                    | Roles::HOLIDAY
                    | Roles::WHICH,
            )
    }

    /// Whether a relative time can begin with this token
    /// ([`super::relative::relative`]).
    pub fn may_begin_relative(&self) -> bool {
        self.is_digits()
            || self.has(Roles::RELATIVE_WORD | Roles::WHICH | Roles::WEEKDAY | Roles::NUMBER)
    }

    /// Whether a clock time before a day can begin with this token
    /// ([`super::clock::clock_before_date`]).
    pub fn may_begin_clock(&self) -> bool {
        self.is_digits() || self.has(Roles::CLOCK_WORD)
    }

    /// Whether a length of time can begin with this token
    /// ([`super::duration::duration`]).
    pub fn may_begin_length(&self) -> bool {
        self.may_count() || self.has(Roles::LENGTH_WORD)
    }

    /// Whether a count can begin here ([`super::lex::amount`]): digits,
    /// "½", "a", "an", "couple", "half", or a number word.
    pub fn may_count(&self) -> bool {
        self.is_digits()
            || self.has(Roles::NUMBER)
            || self.is_symbol('½')
            || self.is_any(&[key!("a"), key!("an"), key!("couple")])
    }
}

/// The token at the very start of `s` (no blanks before it).
pub(super) fn read(s: &str) -> Token {
    let b = s.as_bytes();
    let Some(&first) = b.first() else {
        return Token::END;
    };
    if first.is_ascii_alphabetic() {
        let (n, key, capitals) = letters(b);
        let (id, roles) = if n <= KEY_LEN {
            word_roles(&s[..n], key, capitals)
        } else {
            (Id::NONE, Roles::NONE)
        };
        return Token {
            id,
            kind: Kind::Word,
            glued: b.get(n).is_some_and(u8::is_ascii_digit),
            roles,
            len: n as u32,
            symbol: '\0',
        };
    }
    if first.is_ascii_digit() {
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        return Token {
            kind: Kind::Digits,
            len: n as u32,
            ..Token::END
        };
    }
    let c = s.chars().next().unwrap_or('\0');
    Token {
        kind: Kind::Symbol,
        len: c.len_utf8() as u32,
        symbol: c,
        ..Token::END
    }
}

/// The run of ASCII letters at the start of `b`: its length, its first
/// [`KEY_LEN`] letters as a [`Key`], and whether any of those is a
/// capital.
///
/// Every word the scanner meets comes through here, so the letters are
/// found eight at a time: each byte of a 64-bit word is tested for a
/// letter at once (a lane's high bit is set for a letter), with no carry
/// between bytes since each is first cut to seven bits.
fn letters(b: &[u8]) -> (usize, Key, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    fn letter_lanes(x: u64) -> u64 {
        let low = (x | CASE) & 0x7F7F_7F7F_7F7F_7F7F;
        // At least "a", and below "{" (the byte after "z").
        let at_least_a = low + 0x1F1F_1F1F_1F1F_1F1F;
        let past_z = low + 0x0505_0505_0505_0505;
        at_least_a & !past_z & !x & HIGH
    }
    fn lanes_below(n: usize) -> u64 {
        if n >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        }
    }
    let mut buf = [0u8; KEY_LEN];
    let head = match b.get(..KEY_LEN) {
        Some(head) => head,
        None => {
            buf[..b.len()].copy_from_slice(b);
            &buf
        }
    };
    let (x0, x1) = head.split_at(8);
    let x0 = u64::from_le_bytes(x0.try_into().unwrap_or_default());
    let x1 = u64::from_le_bytes(x1.try_into().unwrap_or_default());
    let n0 = ((!letter_lanes(x0) & HIGH).trailing_zeros() / 8) as usize;
    let n1 = if n0 == 8 {
        ((!letter_lanes(x1) & HIGH).trailing_zeros() / 8) as usize
    } else {
        0
    };
    let mut n = n0 + n1;
    if n == KEY_LEN {
        // A word this long is no word of the grammar: only its length
        // matters.
        n += b[KEY_LEN..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    }
    let (m0, m1) = (lanes_below(n0), lanes_below(n1));
    let capitals = ((!x0 & CASE & m0) | (!x1 & CASE & m1)) != 0;
    let key = u128::from((x0 | CASE) & m0) | (u128::from((x1 | CASE) & m1) << 64);
    (n, key, capitals)
}

/// The id and roles of the word `w` of at most [`KEY_LEN`] letters, whose
/// key is `key`; `capitals` says whether `w` has any.
fn word_roles(w: &str, key: Key, capitals: bool) -> (Id, Roles) {
    let found = lookup(key);
    if found.0 != Id::NONE {
        return found;
    }
    // Any other word may still be a number word of the numeric family
    // ("twelve", "thousands"): asked of it. Most words are in lower case
    // already.
    let lower = key.to_le_bytes();
    let lower = if capitals {
        std::str::from_utf8(&lower[..w.len()]).unwrap_or_default()
    } else {
        w
    };
    let roles = if number::is_trigger(lower) {
        Roles::NUMBER
    } else {
        Roles::NONE
    };
    (Id::NONE, roles)
}

/// Slots of the role table: a power of two, about four times the number
/// of words, so that a word not in it (the usual case) meets an empty
/// slot at once.
const BITS: u32 = 10;
const SLOTS: usize = 1 << BITS;

/// The first slot to try for a key.
const fn slot(key: Key) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - BITS)) as usize
}

/// The roles of every word of the grammar: open addressing with linear
/// probing, built at compile time. An empty key is an empty slot.
struct Table {
    keys: [Key; SLOTS],
    roles: [Roles; SLOTS],
}

impl Table {
    const fn add(mut self, words: &[&str], roles: Roles) -> Table {
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(!w.is_empty() && w.len() <= KEY_LEN);
            let k = key_of(w);
            let mut s = slot(k);
            loop {
                if self.keys[s] == 0 {
                    self.keys[s] = k;
                    self.roles[s] = roles;
                    break;
                }
                if self.keys[s] == k {
                    self.roles[s] = self.roles[s].with(roles);
                    break;
                }
                s = (s + 1) % SLOTS;
            }
            i += 1;
        }
        self
    }

    /// The words of a table of pairs (a word and what it means).
    const fn add_pairs<T: Copy, const N: usize>(
        self,
        pairs: &[(&str, T); N],
        roles: Roles,
    ) -> Table {
        let mut names = [""; N];
        let mut i = 0;
        while i < N {
            names[i] = pairs[i].0;
            i += 1;
        }
        self.add(&names, roles)
    }
}

/// The words named periods begin with besides those with a role of
/// their own ([`Token::may_begin_date`]).
const DATE_WORDS: [&str; 11] = [
    "q", "h", "w", "week", "last", "the", "calendar", "year", "early", "mid", "late",
];

/// The words relative times begin with besides those with a role of their
/// own ([`Token::may_begin_relative`]).
const RELATIVE_WORDS: [&str; 22] = [
    "today",
    "tonight",
    "otd",
    "tomorrow",
    "tmrw",
    "tmr",
    "yesterday",
    "the",
    "last",
    "now",
    "right",
    "at",
    "earlier",
    "later",
    "on",
    "a",
    "an",
    "couple",
    "in",
    "within",
    "for",
    "half",
];

/// The words clock times before a day begin with.
const CLOCK_WORDS: [&str; 5] = ["noon", "midnight", "at", "from", "between"];

/// The words lengths of time begin with besides counts.
const LENGTH_WORDS: [&str; 4] = ["all", "full", "whole", "another"];

/// The words of this table that are number words of the numeric family
/// ([`number::is_trigger`]): the table answers for them (a test checks it
/// against the numeric family), so that only other words are asked.
const NUMBER_WORDS: [&str; 7] = [
    "half",
    "quarter",
    "second",
    "seconds",
    "twenty",
    "thirty",
    "thirtieth",
];

/// Words the gates of the grammar ask for by name that play no role of
/// their own.
const OTHER_WORDS: [&str; 26] = [
    "present", "than", "to", "start", "and", "or", "point", "k", "m", "g", "bn", "mn", "mln",
    "bln", "tn", "trn", "tln", "s", "am", "pm", "p", "o", "oclock", "around", "half", "y",
];

/// The role table, evaluated at compile time (also by [`Id::of`]).
const TABLE: Table = Table {
    keys: [0; SLOTS],
    roles: [Roles::NONE; SLOTS],
}
.add(&OTHER_WORDS, Roles::NONE)
.add(&DATE_WORDS, Roles::DATE_WORD)
.add(&RELATIVE_WORDS, Roles::RELATIVE_WORD)
.add(&CLOCK_WORDS, Roles::CLOCK_WORD)
.add(&LENGTH_WORDS, Roles::LENGTH_WORD)
.add(&NUMBER_WORDS, Roles::NUMBER)
.add(&words::ORDINALS, Roles::NUMBER.with(Roles::ORDINAL))
.add(&["thirtieth", "twenty", "thirty"], Roles::ORDINAL)
.add_pairs(&words::MONTHS, Roles::MONTH)
.add_pairs(&words::WEEKDAYS, Roles::WEEKDAY)
.add_pairs(&words::UNITS, Roles::UNIT)
.add_pairs(&relative::WHICH, Roles::WHICH)
.add(&TRIGGERS, Roles::TRIGGER)
.add(&LEADS, Roles::LEAD)
.add(&shape::WORDS, Roles::SHAPE)
.add(&words::SEASONS, Roles::SEASON)
.add(&words::HOLIDAYS, Roles::HOLIDAY)
.add(&words::DECADES, Roles::DECADE)
.add(&words::PARTS_OF_DAY, Roles::PART_OF_DAY);

/// The role table as the running program reads it (a `const` is for
/// the compiler).
static ROLE_TABLE: Table = TABLE;

/// The key of every word of the role table (zero for an empty slot), for
/// the scanner's filter of words no grammar knows.
pub(crate) const WORD_KEYS: [Key; SLOTS] = TABLE.keys;

/// Whether a word (ASCII letters and digits, in any case) is a trigger of
/// the temporal family, and whether it leads into an expression: one probe
/// of the role table, for the scanner, which asks about every word.
#[inline]
pub(super) fn trigger_and_lead(word: &[u8]) -> (bool, bool) {
    if word.is_empty() || word.len() > KEY_LEN {
        return (false, false);
    }
    let mut key: Key = 0;
    for (i, &b) in word.iter().enumerate() {
        key |= Key::from(b | 0x20) << (8 * i);
    }
    trigger_and_lead_of(key)
}

/// [`trigger_and_lead`] for a word given by its key: each byte of the
/// word `| 0x20`, little-endian, as the scanner builds it while it reads
/// the word (the word has at most [`KEY_LEN`] bytes).
#[inline]
pub(super) fn trigger_and_lead_of(key: Key) -> (bool, bool) {
    let (_, roles) = lookup(key);
    (
        roles.0 & Roles::TRIGGER.0 != 0,
        roles.0 & Roles::LEAD.0 != 0,
    )
}

/// The id and roles of the word with key `key` (none for a word not in
/// the grammar).
fn lookup(key: Key) -> (Id, Roles) {
    let mut s = slot(key);
    // The table is never full, so an empty slot ends every probe.
    loop {
        let k = ROLE_TABLE.keys[s];
        if k == key {
            return (Id(s as u16), ROLE_TABLE.roles[s]);
        }
        if k == 0 {
            return (Id::NONE, Roles::NONE);
        }
        s = (s + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::lex::blank;

    fn word(w: &str) -> Token {
        read(w)
    }

    impl Roles {
        fn has(self, r: Roles) -> bool {
            self.0 & r.0 != 0
        }
    }

    #[test]
    fn tokens_are_what_the_readers_see() {
        let t = read("Dec31");
        assert!(t.is_word() && t.glued && t.len == 3 && t.is(key!("dec")));
        assert!(t.has(Roles::MONTH));
        let t = read("2024-05");
        assert!(t.is_digits_of(4));
        assert!(read("½ an hour").is_symbol('½'));
        assert!(read("–3").is_symbol('–') && read("–3").len == 3);
        assert_eq!(read("").kind, Kind::End);
        let t = read(blank(" \u{a0}\tMay 2024"));
        assert!(t.is(key!("may")) && t.len == 3);
        assert!(read("harbour").is(Id::NONE));
        // Longer than any word of the grammar: no id, no role.
        let t = read("internationalisation");
        assert!(t.is_long_word() && t.is(Id::NONE) && t.roles == Roles::NONE);
    }

    #[test]
    fn letters_are_found_eight_at_a_time() {
        for w in [
            "a",
            "May",
            "MAY",
            "september",
            "Thanksgiving",
            "independence",
            "abcdefgh",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "internationalisation",
        ] {
            for tail in ["", " x", "9", "-", "\u{a0}", "é", "@", "[", "`", "{", "\0"] {
                let text = format!("{w}{tail}");
                let (n, key, capitals) = letters(text.as_bytes());
                assert_eq!(n, w.len(), "{text:?}");
                assert_eq!(
                    capitals,
                    w[..w.len().min(KEY_LEN)]
                        .bytes()
                        .any(|c| c.is_ascii_uppercase())
                );
                assert_eq!(
                    key,
                    key_of(&w.as_bytes()[..w.len().min(KEY_LEN)]),
                    "{text:?}"
                );
            }
        }
        // Every byte value after a letter ends the word unless a letter.
        for c in 0..=255u8 {
            let text = [b'x', c, b' '];
            let (n, _, _) = letters(&text);
            assert_eq!(n, if c.is_ascii_alphabetic() { 2 } else { 1 }, "{c}");
        }
    }

    #[test]
    fn roles_agree_with_the_readers() {
        for (w, _) in words::MONTHS {
            assert!(word(w).has(Roles::MONTH) && word(&w.to_uppercase()).has(Roles::MONTH));
        }
        for w in ["harbour", "people", "said", "mayor"] {
            assert_eq!(word(w).roles, Roles::NONE, "{w}");
        }
        for (w, _) in words::UNITS {
            assert!(words::unit_of(w).is_some() && word(w).has(Roles::UNIT));
        }
        for w in [
            "two",
            "twenty",
            "thirty",
            "thirtieth",
            "first",
            "half",
            "quarter",
        ] {
            assert!(word(w).has(Roles::NUMBER), "{w}");
        }
        // Gates take ordinals in words for number words.
        for w in words::ORDINALS {
            assert!(
                word(w).has(Roles::NUMBER) && word(w).has(Roles::ORDINAL),
                "{w}"
            );
        }
        for w in ["twenty-first", "thirtieth", "Second", "twenty first"] {
            assert!(
                words::ordinal_word(w).is_some() && word(w).has(Roles::ORDINAL),
                "{w}"
            );
        }
        for w in ["this", "Last", "upcoming"] {
            assert!(relative::which(w).is_some() && word(w).has(Roles::WHICH));
        }
        // "q1" is read as "q" glued to digits, as the word readers do.
        for w in TRIGGERS
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            assert!(
                word(w).has(Roles::TRIGGER) && super::super::is_trigger(w),
                "{w}"
            );
        }
        for w in LEADS {
            assert!(word(w).has(Roles::LEAD) && super::super::leads_in(w));
        }
        for w in words::SEASONS {
            assert!(words::season(w).is_some() && word(w).has(Roles::SEASON));
        }
        for w in words::PARTS_OF_DAY {
            assert!(relative::part_of_day(w).is_some() && word(w).has(Roles::PART_OF_DAY));
        }
        assert!(word("MONDAY").has(Roles::WEEKDAY) && word("sun").has(Roles::WEEKDAY));
        // The table answers for its own words whether they are number
        // words: it must answer as the numeric family does.
        for (k, roles) in TABLE.keys.iter().zip(TABLE.roles).filter(|(k, _)| **k != 0) {
            let b = k.to_le_bytes();
            let w = std::str::from_utf8(&b[..b.iter().position(|&c| c == 0).unwrap_or(KEY_LEN)])
                .unwrap();
            assert_eq!(roles.has(Roles::NUMBER), number::is_trigger(w), "{w}");
        }
        assert!(word("second").has(Roles::UNIT) && word("second").has(Roles::NUMBER));
    }
}
