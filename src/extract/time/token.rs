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

use super::lex::blank;
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
        let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let glued = b.get(n).is_some_and(u8::is_ascii_digit);
        let (id, roles) = if n <= KEY_LEN {
            word_roles(&s[..n])
        } else {
            (Id::NONE, Roles::NONE)
        };
        return Token {
            id,
            kind: Kind::Word,
            glued,
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

/// The id and roles of a word of at most [`KEY_LEN`] letters.
fn word_roles(w: &str) -> (Id, Roles) {
    let mut lower = [0u8; KEY_LEN];
    let mut capitals = false;
    for (l, &c) in lower.iter_mut().zip(w.as_bytes()) {
        *l = c | 0x20;
        capitals |= c != *l;
    }
    let found = lookup(u128::from_le_bytes(lower));
    if found.0 != Id::NONE {
        return found;
    }
    // Any other word may still be a number word of the numeric family
    // ("twelve", "thousands"): asked of it. Most words are in lower case
    // already.
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

/// The token at the start of `s` after blanks, read afresh, and the rest
/// (for inputs that are not part of the text; see
/// [`Env::next`](super::Env::next)).
pub(super) fn next(s: &str) -> (Token, &str) {
    let s = blank(s);
    let t = read(s);
    (t, &s[t.len as usize..])
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
.add(&NUMBER_WORDS, Roles::NUMBER)
.add(&words::ORDINALS, Roles::NUMBER)
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
        let (t, rest) = next(" \u{a0}\tMay 2024");
        assert!(t.is(key!("may")) && rest == " 2024");
        assert!(read("harbour").is(Id::NONE));
        // Longer than any word of the grammar: no id, no role.
        let t = read("internationalisation");
        assert!(t.is_long_word() && t.is(Id::NONE) && t.roles == Roles::NONE);
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
            assert!(word(w).has(Roles::NUMBER), "{w}");
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
