//! What role a word can play in a numeric expression, looked up in
//! constant time.
//!
//! The scanner asks about every word of a text whether it anchors a
//! numeric expression or may lead into one, and the grammar asks again
//! at each start. One hash look-up answers all of it: a word's key (its
//! length and three of its bytes, lower-cased, read without a loop) is
//! hashed into a table built at compile time, whose slot points to the
//! word's entry: the word in lower case, its [`Role`]s, and the terms it
//! stands for in a spelled number. Words not in the table have none; most
//! words of a text meet an empty slot at once (or a clear bit of
//! [`TRIGGER_BITS`] when only triggers are asked about), with no
//! allocation, no copy and no loop.
//!
//! This table is only a filter: a word with the role [`Role::QUALIFIER`]
//! still goes through [`super::qualifier`] to see whether the phrase
//! around it is one.

use super::TRIGGERS;
use super::words::Term;

/// The roles a word can play, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Role(u16);

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
    /// A word of a currency written after an amount, other than a code:
    /// "dollars", "yen", or the nation before it ("australian", "hong").
    pub const MONEY_WORD: Role = Role(16);
    /// A word of a currency after an amount, a code or a word ("USD",
    /// "MEUR", "dollars"): [`super::money::suffix`] needs one.
    pub const MONEY: Role = Role(8 | 16);
    /// A word of a percentage after an amount ("percent", "pct", "per" of
    /// "per cent", "basis" of "basis points").
    pub const PERCENT: Role = Role(32);
    /// A scale word or abbreviation after an amount ("million", "bn",
    /// "k"): [`super::amount::spaced_scale`] needs one.
    pub const SCALE: Role = Role(64);
    /// The word of a share after a numerator ("in" of "one in eight",
    /// "out", "over").
    pub const SHARE: Role = Role(128);

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

/// The words of [`super::money::suffix`] other than codes: the currency
/// words, singular and plural, and the nations that name a currency
/// with them ("hong" of "hong kong dollars", "u" of "u.s.").
const MONEY_WORDS: &[&str] = &[
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "yen",
    "yens",
    "yuan",
    "yuans",
    "renminbi",
    "renminbis",
    "rmb",
    "rmbs",
    "kuai",
    "kuais",
    "rupee",
    "rupees",
    "franc",
    "francs",
    "lira",
    "liras",
    "peso",
    "pesos",
    "ruble",
    "rubles",
    "rouble",
    "roubles",
    "rand",
    "rands",
    "naira",
    "nairas",
    "shilling",
    "shillings",
    "real",
    "reals",
    "reai",
    "reais", //
    "us",
    "u",
    "american",
    "australian",
    "canadian",
    "singapore",
    "zealand",
    "kong",
    "taiwan",
    "british",
    "egyptian",
    "japanese",
    "chinese",
    "indian",
    "pakistani",
    "sri",
    "swiss",
    "turkish",
    "mexican",
    "russian",
    "african",
    "nigerian",
    "kenyan",
    "brazilian",
    "hong",
    "new",
    "south",
];

/// The words of [`super::unit::percent`].
const PERCENTS: &[&str] = &[
    "percent",
    "percents",
    "pct",
    "pc",
    "pp",
    "ppt",
    "ppts",
    "bp",
    "bps",
    "per",
    "percentage",
    "basis",
];

/// The words of [`super::amount::spaced_scale`], in lower case: scale
/// words, singular and plural, and abbreviations.
const SCALES: &[&str] = &[
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "lakh",
    "lakhs",
    "lac",
    "lacs",
    "crore",
    "crores",
    "hundred",
    "bn",
    "bln",
    "mn",
    "mln",
    "m",
    "tn",
    "trn",
    "tln",
    "k",
    "g",
];

/// The words of [`super::share_of`].
const SHARES: &[&str] = &["in", "out", "over"];

/// Slots in the table: a power of two, several times the number of
/// words, so that a word not in it (the usual case) meets an empty slot
/// at once.
const BITS: u32 = 11;
pub(super) const SLOTS: usize = 1 << BITS;

/// Longest word in the table.
const LONGEST: usize = 16;

/// A word of the table: its spelling in lower case, its roles, and the
/// terms it stands for in a spelled number, so that the grammar never
/// looks a number word up twice.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// The word in lower case; empty for a word not in the table.
    pub word: &'static str,
    /// What the word can do in a numeric expression.
    pub role: Role,
    /// The cardinal term it is ("twenty", "million").
    pub cardinal: Option<Term>,
    /// The ordinal term it is, and whether it is plural ("fifths").
    pub ordinal: Option<(Term, bool)>,
    /// Its [`key`].
    key: u32,
    /// Its bytes, little-endian, as one integer ([`wide_key`]).
    wide: u128,
}

/// The entry of a word not in the table.
const NO_ENTRY: Entry = Entry {
    word: "",
    role: Role::NONE,
    cardinal: None,
    ordinal: None,
    key: 0,
    wide: 0,
};

/// A word's key, in any case: its length and its first, second and last
/// bytes, lower-cased (`| 0x20` lower-cases a letter and leaves a digit
/// as it is; the table holds lower-case letters only, which nothing else
/// maps to). Four loads and no branch, whatever the word's length: the
/// scanner asks about every word. `word` is not empty.
#[inline(always)]
pub(super) const fn key(word: &[u8]) -> u32 {
    let n = word.len();
    let first = word[0] as u32;
    // The first byte again for a word of one letter.
    let second = word[if n > 1 { 1 } else { 0 }] as u32;
    let last = word[n - 1] as u32;
    ((n as u32) | first << 8 | second << 16 | last << 24) | 0x2020_2000
}

/// A word of at most [`LONGEST`] bytes, each `| 0x20` (lower case for a
/// letter), little-endian, as one integer: the whole word, so that a probe
/// compares it in one step. The scanner builds the same integer as it
/// reads each word.
#[inline(always)]
pub(super) const fn wide_key(word: &[u8]) -> u128 {
    let mut wide = 0u128;
    let mut i = 0;
    while i < word.len() && i < LONGEST {
        wide |= ((word[i] | 0x20) as u128) << (8 * i);
        i += 1;
    }
    wide
}

/// The first slot to try for a key: a multiply spreads its bits.
#[inline(always)]
pub(super) const fn slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - BITS)) as usize
}

/// Every word of the lexicon with its roles, in a dense array; the
/// hashed [`SLOTS_TABLE`] points into it.
const WORDS: usize = 512;

/// The entries, and how many there are.
static ENTRIES: ([Entry; WORDS], usize) = ENTRY_LIST;

/// The [`wide_key`] of every word of the lexicon (zero past the last),
/// for the scanner's filter of words no grammar knows.
pub(crate) const WORD_KEYS: [u128; WORDS] = {
    let mut keys = [0u128; WORDS];
    let mut i = 0;
    while i < ENTRY_LIST.1 {
        keys[i] = ENTRY_LIST.0[i].wide;
        i += 1;
    }
    keys
};

/// [`ENTRIES`] as a constant, for tables built from it at compile time.
const ENTRY_LIST: ([Entry; WORDS], usize) = {
    let mut entries = ([NO_ENTRY; WORDS], 0);
    entries = add_all(entries, &TRIGGERS, Role::TRIGGER);
    // "scores of": a vague count, not a number word of [`TRIGGERS`].
    entries = add_all(entries, &["scores"], Role::TRIGGER);
    entries = add_all(entries, LEADS, Role::LEAD);
    entries = add_all(entries, QUALIFIERS, Role::QUALIFIER);
    entries = add_all(entries, CURRENCIES, Role::CURRENCY);
    entries = add_all(entries, MONEY_WORDS, Role::MONEY_WORD);
    entries = add_all(entries, PERCENTS, Role::PERCENT);
    entries = add_all(entries, SCALES, Role::SCALE);
    entries = add_all(entries, SHARES, Role::SHARE);
    entries
};

/// The hashed table: open addressing with linear probing; each slot holds
/// one more than an index into [`ENTRIES`], 0 for an empty slot.
static SLOTS_TABLE: [u16; SLOTS] = {
    let mut table = [0u16; SLOTS];
    let mut i = 0;
    while i < ENTRIES.1 {
        let mut s = slot(ENTRIES.0[i].key);
        while table[s] != 0 {
            s = (s + 1) % SLOTS;
        }
        table[s] = (i + 1) as u16;
        i += 1;
    }
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

/// Add each word with `role`, or add `role` to a word already there.
const fn add_all(
    mut entries: ([Entry; WORDS], usize),
    words: &[&'static str],
    role: Role,
) -> ([Entry; WORDS], usize) {
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let mut k = 0;
        while k < w.len() {
            assert!(w[k].is_ascii_lowercase(), "lexicon words are lower case");
            k += 1;
        }
        assert!(!w.is_empty() && w.len() <= LONGEST);
        let mut e = 0;
        while e < entries.1 && !same(entries.0[e].word.as_bytes(), w) {
            e += 1;
        }
        if e == entries.1 {
            assert!(e < WORDS, "the lexicon is full");
            entries.0[e] = Entry {
                word: words[i],
                role,
                cardinal: terms::cardinal(w),
                ordinal: terms::ordinal(w),
                key: key(w),
                wide: wide_key(w),
            };
            entries.1 += 1;
        } else {
            entries.0[e].role = entries.0[e].role.with(role);
        }
        i += 1;
    }
    entries
}

/// A bit for each slot that a trigger word's key hashes to: a filter
/// that answers "not a trigger" for most words in a few instructions,
/// before any probing (a word not a trigger, with the bit of a trigger,
/// goes on to [`lookup`]).
static TRIGGER_BITS: [u64; SLOTS / 64] = {
    let mut bits = [0u64; SLOTS / 64];
    let mut i = 0;
    while i < ENTRIES.1 {
        let e = ENTRIES.0[i];
        if e.role.0 & Role::TRIGGER.0 != 0 {
            let s = slot(e.key);
            bits[s / 64] |= 1 << (s % 64);
        }
        i += 1;
    }
    bits
};

/// Whether a word, in any case, has the role [`Role::TRIGGER`]. Asked
/// about most words of a text, most of which [`TRIGGER_BITS`] rejects
/// before any probing.
#[inline]
pub(super) fn is_trigger(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > LONGEST {
        return false;
    }
    let k = key(b);
    let s = slot(k);
    TRIGGER_BITS[s / 64] & (1 << (s % 64)) != 0 && probe(k, wide_key(b), s).role.has(Role::TRIGGER)
}

/// The roles of a word, in any case.
#[inline]
pub(super) fn role(word: &str) -> Role {
    lookup(word).role
}

/// The entry of a word, in any case; [`NO_ENTRY`] (an empty word, no
/// role) for a word not in the table. The entry's lower-case word saves a
/// caller copying the word to lower-case it.
#[inline(always)]
pub(super) fn lookup(word: &str) -> &'static Entry {
    find(word.as_bytes(), || wide_key(word.as_bytes()))
}

/// [`lookup`] for a word whose [`wide_key`] is known already (the
/// scanner's).
#[inline(always)]
pub(super) fn lookup_wide(word: &[u8], wide: u128) -> &'static Entry {
    find(word, || wide)
}

/// [`lookup`], with the word's [`wide_key`] worked out only when its slot
/// is not empty.
#[inline(always)]
fn find(b: &[u8], wide: impl FnOnce() -> u128) -> &'static Entry {
    if b.is_empty() || b.len() > LONGEST {
        return &NO_ENTRY;
    }
    let k = key(b);
    let s = slot(k);
    // Most words meet an empty slot at once.
    if SLOTS_TABLE[s] == 0 {
        return &NO_ENTRY;
    }
    probe(k, wide(), s)
}

/// The probe of [`lookup`] from a slot that is not empty.
#[inline(never)]
fn probe(k: u32, wide: u128, mut s: usize) -> &'static Entry {
    // The table is never full, so an empty slot ends every probe.
    loop {
        let i = SLOTS_TABLE[s];
        if i == 0 {
            return &NO_ENTRY;
        }
        let e = &ENTRIES.0[usize::from(i) - 1];
        // The table's words are in lower case, and `| 0x20` maps nothing
        // but a letter onto a lower-case letter.
        if e.key == k && e.wide == wide {
            return e;
        }
        s = (s + 1) % SLOTS;
    }
}

/// The terms of number words, worked out when the table is built (the
/// same as [`super::words::cardinal_term`] and
/// [`super::words::ordinal_term`], which a test checks).
mod terms {
    use super::super::words::{
        TEEN_ORDINALS, TEENS, TENS, TENS_ORDINALS, Term, UNIT_ORDINALS, UNITS,
    };
    use super::same;

    const fn position(table: &[&str], w: &[u8]) -> Option<f64> {
        let mut i = 0;
        while i < table.len() {
            if same(table[i].as_bytes(), w) {
                return Some(i as f64);
            }
            i += 1;
        }
        None
    }

    const fn is(w: &[u8], words: &[&str]) -> bool {
        let mut i = 0;
        while i < words.len() {
            if same(words[i].as_bytes(), w) {
                return true;
            }
            i += 1;
        }
        false
    }

    const fn strip_s(w: &[u8]) -> &[u8] {
        match w {
            [head @ .., b's'] => head,
            _ => w,
        }
    }

    const fn scale(w: &[u8]) -> Option<f64> {
        let w = strip_s(w);
        if same(w, b"thousand") {
            Some(1e3)
        } else if same(w, b"million") {
            Some(1e6)
        } else if same(w, b"billion") {
            Some(1e9)
        } else if same(w, b"trillion") {
            Some(1e12)
        } else if same(w, b"lakh") || same(w, b"lac") {
            Some(1e5)
        } else if same(w, b"crore") {
            Some(1e7)
        } else {
            None
        }
    }

    pub(super) const fn cardinal(w: &[u8]) -> Option<Term> {
        if let Some(i) = position(&UNITS, w) {
            return Some(Term::Unit(i + 1.0));
        }
        if let Some(i) = position(&TEENS, w) {
            return Some(Term::Teen(i + 10.0));
        }
        if let Some(i) = position(&TENS, w) {
            return Some(Term::Tens(10.0 * (i + 2.0)));
        }
        if is(w, &["zero", "nought", "naught"]) {
            return Some(Term::Zero);
        }
        if is(w, &["hundred", "hundreds"]) {
            return Some(Term::Hundred);
        }
        if is(w, &["dozen", "dozens", "doz", "dozs", "dz", "dzs"]) {
            return Some(Term::Dozen);
        }
        match scale(w) {
            Some(s) => Some(Term::Scale(s)),
            None => None,
        }
    }

    pub(super) const fn ordinal(w: &[u8]) -> Option<(Term, bool)> {
        let (stem, plural) = match w {
            [head @ .., b's'] => (head, true),
            _ => (w, false),
        };
        let stem: &[u8] = if same(stem, b"nineth") {
            b"ninth"
        } else {
            stem
        };
        let term = if let Some(i) = position(&UNIT_ORDINALS, stem) {
            Term::Unit(i + 1.0)
        } else if let Some(i) = position(&TEEN_ORDINALS, stem) {
            Term::Teen(i + 10.0)
        } else if let Some(i) = position(&TENS_ORDINALS, stem) {
            Term::Tens(10.0 * (i + 2.0))
        } else if same(stem, b"hundredth") {
            Term::Hundred
        } else {
            let base = match stem {
                [head @ .., b't', b'h'] => head,
                _ => return None,
            };
            if let [.., b's'] = base {
                return None;
            }
            match scale(base) {
                Some(s) => Term::Scale(s),
                None => return None,
            }
        };
        Some((term, plural))
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
        // Same key (length, first, second and last letters), other word.
        assert_eq!(role("twxnty"), Role::NONE);
        assert_eq!(lookup("Twenty").word, "twenty");
        for w in TRIGGERS.iter().chain(&["scores"]) {
            assert!(is_trigger(w) && is_trigger(&w.to_uppercase()), "{w}");
        }
        for w in ["between", "more", "usd", "the", "", "12", "é"] {
            assert!(!is_trigger(w), "{w}");
        }
    }

    /// The terms worked out when the table is built are those of the
    /// grammar's own functions.
    #[test]
    fn terms_agree_with_the_grammar() {
        use super::super::words::{cardinal_term, ordinal_term};
        for e in &ENTRIES.0[..ENTRIES.1] {
            assert_eq!(e.cardinal, cardinal_term(e.word), "{}", e.word);
            assert_eq!(e.ordinal, ordinal_term(e.word), "{}", e.word);
        }
    }

    /// Probes stay short: the table is sparse enough.
    #[test]
    fn probes_are_short() {
        let used = ENTRIES.1;
        assert!(used * 4 <= SLOTS, "{used} words in {SLOTS} slots");
        let mut longest = 0;
        for e in &ENTRIES.0[..used] {
            let mut s = slot(e.key);
            let mut n = 1;
            while ENTRIES.0[usize::from(SLOTS_TABLE[s]) - 1].word != e.word {
                s = (s + 1) % SLOTS;
                n += 1;
            }
            longest = longest.max(n);
        }
        assert!(longest <= 8, "a probe of {longest}");
    }
}
