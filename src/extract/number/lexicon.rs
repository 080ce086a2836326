//! What role a word can play in a numeric expression, looked up in
//! constant time.
//!
//! The scanner asks about most words of a text whether they anchor a
//! numeric expression or may lead into one, and the grammar asks again
//! at each start. One hash look-up answers all of it: a word is read as
//! an integer key (its lower-cased bytes, up to 16), hashed into a table
//! built at compile time, and the slot holds the word's [`Role`]s. Words
//! not in the table have none, so most words of a text are rejected by
//! one multiplication and one or two comparisons, with no allocation.
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
/// words, so that a word not in it (the usual case) is rejected at the
/// first or second slot.
const BITS: u32 = 10;
const SLOTS: usize = 1 << BITS;

/// A word as an integer: its bytes lower-cased, big-endian, zero-padded.
/// `None` for a word longer than 16 bytes or with a byte that is not an
/// ASCII letter, which no word of the table is.
pub(super) const fn key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut k: u128 = 0;
    let mut i = 0;
    while i < word.len() {
        let b = word[i];
        if !b.is_ascii_alphabetic() {
            return None;
        }
        k = k << 8 | b.to_ascii_lowercase() as u128;
        i += 1;
    }
    Some(k << (8 * (16 - word.len())))
}

/// The first slot to try for a key.
const fn slot(k: u128) -> usize {
    // Fold to 64 bits, then mix (the finaliser of SplitMix64) so that
    // words sharing letters spread over the table.
    let mut h = (k as u64) ^ ((k >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (h >> (64 - BITS)) as usize
}

/// The table: open addressing with linear probing; a zero key is empty.
static TABLE: [(u128, Role); SLOTS] = {
    let mut table = [(0u128, Role::NONE); SLOTS];
    table = insert_all(table, &TRIGGERS, Role::TRIGGER);
    // "scores of": a vague count, not a number word of [`TRIGGERS`].
    table = insert_all(table, &["scores"], Role::TRIGGER);
    table = insert_all(table, LEADS, Role::LEAD);
    table = insert_all(table, QUALIFIERS, Role::QUALIFIER);
    table = insert_all(table, CURRENCIES, Role::CURRENCY);
    table
};

const fn insert_all(
    mut table: [(u128, Role); SLOTS],
    words: &[&str],
    role: Role,
) -> [(u128, Role); SLOTS] {
    let mut i = 0;
    while i < words.len() {
        let Some(k) = key(words[i].as_bytes()) else {
            panic!("a lexicon word must be 1 to 16 ASCII letters");
        };
        let mut s = slot(k);
        loop {
            if table[s].0 == 0 {
                table[s] = (k, role);
                break;
            }
            if table[s].0 == k {
                table[s].1 = table[s].1.with(role);
                break;
            }
            s = (s + 1) % SLOTS;
        }
        i += 1;
    }
    table
}

/// For each first letter, a bit for each length of word in the table
/// that starts with it: a cheaper test than the hash, which rejects most
/// words of a text.
static SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let mut s = 0;
    while s < SLOTS {
        let k = TABLE[s].0;
        if k != 0 {
            let first = (k >> 120) as u8;
            let len = 16 - k.trailing_zeros() / 8;
            shapes[(first - b'a') as usize] |= 1 << len;
        }
        s += 1;
    }
    shapes
};

/// The roles of a word, in any case.
pub(super) fn role(word: &str) -> Role {
    let b = word.as_bytes();
    let shaped = match b.first() {
        Some(&c) if c.is_ascii_alphabetic() && b.len() <= 16 => {
            SHAPES[(c.to_ascii_lowercase() - b'a') as usize] & (1 << b.len()) != 0
        }
        _ => false,
    };
    if !shaped {
        return Role::NONE;
    }
    match key(b) {
        Some(k) => role_of_key(k),
        None => Role::NONE,
    }
}

fn role_of_key(k: u128) -> Role {
    let mut s = slot(k);
    // The table is never full, so an empty slot ends every probe.
    loop {
        let (found, role) = TABLE[s];
        if found == k {
            return role;
        }
        if found == 0 {
            return Role::NONE;
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
    }

    /// Probes stay short: the table is sparse enough.
    #[test]
    fn probes_are_short() {
        let used = TABLE.iter().filter(|(k, _)| *k != 0).count();
        assert!(used * 3 <= SLOTS, "{used} words in {SLOTS} slots");
        let mut longest = 0;
        for &(k, _) in TABLE.iter().filter(|(k, _)| *k != 0) {
            let mut s = slot(k);
            let mut n = 1;
            while TABLE[s].0 != k {
                s = (s + 1) % SLOTS;
                n += 1;
            }
            longest = longest.max(n);
        }
        assert!(longest <= 8, "a probe of {longest}");
    }
}
