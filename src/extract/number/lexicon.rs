//! What role a word can play in a numeric expression, looked up in
//! constant time.
//!
//! The scanner asks about most words of a text whether they anchor a
//! numeric expression or may lead into one, and the grammar asks again
//! at each start. One hash look-up answers all of it: a word is
//! hashed, lower-cased, into a table built at compile time, whose slot
//! holds the word and its [`Role`]s. Words not in the table have none;
//! most words of a text are rejected at the first slot, with no
//! allocation and no copy.
//!
//! This table is only a filter: a word with the role [`Role::QUALIFIER`]
//! still goes through [`super::qualifier`] to see whether the phrase
//! around it is one.

use super::TRIGGERS;

/// The roles a word can play, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Role(u8);

impl Role {
    /// No role: the word cannot begin or anchor a numeric expression.
    pub const NONE: Role = Role(0);
    /// A number word that anchors an expression ("twenty", "third").
    pub const TRIGGER: Role = Role(1);
    /// A word that begins a construction of its own: a range
    /// ("between"), "percent of", a vague count ("several"), a sign
    /// ("minus"), an article ("a dozen").
    pub const LEAD: Role = Role(2);
    /// The first word of a qualifier phrase ("more" of "more than").
    pub const QUALIFIER: Role = Role(4);
    /// The first word of a currency written before an amount ("US" of
    /// "US$", "Rs", "usd").
    pub const CURRENCY: Role = Role(8);

    /// Whether any role of `other` is among these.
    pub fn has(self, other: Role) -> bool {
        self.0 & other.0 != 0
    }

    const fn with(self, other: Role) -> Role {
        Role(self.0 | other.0)
    }
}

const LEADS: &[&str] = &[
    "between", "from", "percent", "percents", "per", "several", "few", "many", "a", "an", "minus",
    "negative",
];

/// The first words of the phrases of [`super::qualifier::qualifier`].
const QUALIFIERS: &[&str] = &[
    "in",
    "no",
    "not",
    "a",
    "as",
    "an",
    "upwards",
    "more",
    "greater",
    "fewer",
    "less",
    "at",
    "up",
    "just",
    "close",
    "approximately",
    "roughly",
    "around",
    "about",
    "estimated",
    "some",
    "nearly",
    "almost",
    "over",
    "above",
    "under",
    "below",
];

/// The first words (up to a dot) of the currencies of
/// [`super::money::prefix`] that are written in letters: the country of
/// a dollar ("US$", "u.s. $"), "Rs", "Rp", and the ISO codes with their
/// "M" for millions ("MUSD").
const CURRENCIES: &[&str] = &[
    "u", "us", "usd", "c", "ca", "can", "cad", "a", "au", "aud", "hk", "hkd", "nz", "nzd", "s",
    "sg", "sgd", "mex", "mx", "mxn", "r", "nt", "rs", "rp", //
    "eur", "gbp", "jpy", "cny", "rmb", "inr", "chf", "brl", "zar", "rub", "krw", "sek", "nok",
    "dkk", "try", "pkr", "ngn", "kes", "egp", "sar", "aed", "ils", "thb", "idr", "myr", "pln",
    "bdt", //
    "musd", "meur", "mgbp", "mjpy", "mcny", "mrmb", "minr", "mchf", "mcad", "maud", "mhkd", "mnzd",
    "msgd", "mmxn", "mbrl", "mzar", "mrub", "mkrw", "msek", "mnok", "mdkk", "mtry", "mpkr", "mngn",
    "mkes", "megp", "msar", "maed", "mils", "mthb", "midr", "mmyr", "mpln", "mbdt",
];

/// Slots in the table: a power of two, about four times the number of
/// words, so that a word not in it (the usual case) meets an empty slot
/// at once.
const BITS: u32 = 10;
const SLOTS: usize = 1 << BITS;

/// Longest word in the table.
const LONGEST: usize = 16;

/// The first slot to try for a word, in any case: FNV-1a over its bytes
/// lower-cased (ASCII letters only matter), then a multiply to spread
/// the high bits.
const fn slot(word: &[u8]) -> usize {
    let mut h: u32 = 0x811C_9DC5;
    let mut i = 0;
    while i < word.len() {
        h = (h ^ (word[i] | 0x20) as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    (h.wrapping_mul(0x9E37_79B1) >> (32 - BITS)) as usize
}

/// The table: open addressing with linear probing; an empty word is an
/// empty slot. Words are stored in lower case.
static TABLE: [(&str, Role); SLOTS] = {
    let mut table = [("", Role::NONE); SLOTS];
    table = insert_all(table, &TRIGGERS, Role::TRIGGER);
    // "scores of": a vague count, not a number word of [`TRIGGERS`].
    table = insert_all(table, &["scores"], Role::TRIGGER);
    table = insert_all(table, LEADS, Role::LEAD);
    table = insert_all(table, QUALIFIERS, Role::QUALIFIER);
    table = insert_all(table, CURRENCIES, Role::CURRENCY);
    table
};

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn insert_all(
    mut table: [(&'static str, Role); SLOTS],
    words: &[&'static str],
    role: Role,
) -> [(&'static str, Role); SLOTS] {
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let mut k = 0;
        while k < w.len() {
            assert!(w[k].is_ascii_lowercase(), "lexicon words are lower case");
            k += 1;
        }
        assert!(!w.is_empty() && w.len() <= LONGEST);
        let mut s = slot(w);
        loop {
            if table[s].0.is_empty() {
                table[s] = (words[i], role);
                break;
            }
            if same(table[s].0.as_bytes(), w) {
                table[s].1 = table[s].1.with(role);
                break;
            }
            s = (s + 1) % SLOTS;
        }
        i += 1;
    }
    table
}

/// For each first letter, a bit for each length of a trigger word that
/// starts with it.
static TRIGGER_SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let mut s = 0;
    while s < SLOTS {
        let (w, role) = TABLE[s];
        if role.0 & Role::TRIGGER.0 != 0 {
            let w = w.as_bytes();
            shapes[(w[0] - b'a') as usize] |= 1 << w.len();
        }
        s += 1;
    }
    shapes
};

/// Whether a word, in any case, has the role [`Role::TRIGGER`]. Asked
/// about most words of a text, most of which a test of their first letter
/// and length rejects before any hashing.
pub(super) fn is_trigger(word: &str) -> bool {
    let b = word.as_bytes();
    let shaped = match b.first() {
        Some(&c) if c.is_ascii_alphabetic() && b.len() <= LONGEST => {
            TRIGGER_SHAPES[(c.to_ascii_lowercase() - b'a') as usize] & (1 << b.len()) != 0
        }
        _ => false,
    };
    shaped && role(word).has(Role::TRIGGER)
}

/// The roles of a word, in any case.
pub(super) fn role(word: &str) -> Role {
    lookup(word).1
}

/// A word of the table in lower case, with its roles; an empty word and
/// no role for any other word. The lower-case word saves a caller copying
/// the word to lower-case it.
pub(super) fn lookup(word: &str) -> (&'static str, Role) {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > LONGEST {
        return ("", Role::NONE);
    }
    let mut s = slot(b);
    // The table is never full, so an empty slot ends every probe.
    loop {
        let (found, role) = TABLE[s];
        if found.is_empty() {
            return ("", Role::NONE);
        }
        if found.len() == b.len() && found.as_bytes().eq_ignore_ascii_case(b) {
            return (found, role);
        }
        s = (s + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        for w in ["twenty", "Thirds", "hundredth", "LAKHS", "dozen", "half"] {
            assert!(role(w).has(Role::TRIGGER), "{w}");
        }
        for w in ["the", "once", "someone", "usd", "firstly", "", "x1", "é"] {
            assert!(!role(w).has(Role::TRIGGER), "{w}");
        }
        assert!(role("between").has(Role::LEAD));
        assert!(role("More").has(Role::QUALIFIER));
        assert!(role("a").has(Role::QUALIFIER) && role("a").has(Role::LEAD));
        assert!(role("US").has(Role::CURRENCY) && role("musd").has(Role::CURRENCY));
        assert_eq!(role("seventeenthsxxxxx"), Role::NONE);
        for w in TRIGGERS.iter().chain(&["scores"]) {
            assert!(is_trigger(w) && is_trigger(&w.to_uppercase()), "{w}");
        }
        for w in ["between", "more", "usd", "the", "", "12", "é"] {
            assert!(!is_trigger(w), "{w}");
        }
    }

    /// Probes stay short: the table is sparse enough.
    #[test]
    fn probes_are_short() {
        let used = TABLE.iter().filter(|(w, _)| !w.is_empty()).count();
        assert!(used * 3 <= SLOTS, "{used} words in {SLOTS} slots");
        let mut longest = 0;
        for &(w, _) in TABLE.iter().filter(|(w, _)| !w.is_empty()) {
            let mut s = slot(w.as_bytes());
            let mut n = 1;
            while TABLE[s].0 != w {
                s = (s + 1) % SLOTS;
                n += 1;
            }
            longest = longest.max(n);
        }
        assert!(longest <= 8, "a probe of {longest}");
    }
}
