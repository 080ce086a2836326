//! Extraction: finding every numeric and temporal expression in a text.
//!
//! # How it works
//!
//! Parsing at every token would be slow, so extraction scans first and
//! parses second. The scanner walks the text once, splitting it into words
//! (runs of ASCII letters and digits, read eight bytes at a time) and a few
//! symbols (currency signs); a filter of one bit per hashed key tells at
//! once that most words are in neither family's lexicon. A word is a
//! *trigger* when an expression can hinge on
//! it: any word starting with a digit, and the words each grammar family
//! lists in its `is_trigger` (number words, month and weekday names, time
//! units, "yesterday", ...). Only at a trigger are the grammars run, from
//! the trigger itself and from each of the few words before it (so that
//! "more than", "between", "since", "a year ago" can lead in); a word that
//! leads into one family's expressions only ("since", "more") is a start
//! for that family only. The longest candidate that covers the trigger
//! wins; ties go to the family listed first in [`FAMILIES`]. The scan
//! resumes after the accepted span, so the spans of mentions never overlap
//! and every byte is looked at a bounded number of times.
//!
//! Sentences are found only around the mentions (see [`crate::sentence`]).
//!
//! # Adding a kind of expression
//!
//! A new kind touches one family module: its grammar (a nom parser over
//! `&str`), its trigger words in that family's `is_trigger`, a variant in
//! [`Value`](crate::Value) if no existing one fits, the flat entity form in
//! [`crate::entity`], and the examples beside the grammar.

pub(crate) mod number;
pub(crate) mod time;

pub(crate) use number::cardinal;

use jiff::civil::DateTime;

use crate::mention::{Diagnostic, DiagnosticKind, Found, Mention, Value};
use crate::sentence::SentenceIndex;
use crate::span::Span;
use number::LeadsIn;

/// Whether a word (in any case) is one that temporal expressions hinge on:
/// a month, a weekday, a unit of time, a season ("March", "Friday").
pub(crate) fn is_time_word(word: &str) -> bool {
    time::trigger_and_lead(word).0
}

/// What a grammar sees: the whole text, and the reference time for relative
/// expressions.
pub(crate) struct Cx<'t> {
    /// The whole text; grammars start at a byte offset into it.
    pub text: &'t str,
    /// The instant relative expressions resolve against ("a year ago").
    pub reference: Option<DateTime>,
    /// Where the marks of a URL are in the text, as far as looked for.
    pub urls: number::guard::UrlMarks,
}

/// What a grammar found at a position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// The span to report. A grammar may read words it leaves out of the
    /// span ("in" before a year).
    pub span: Span,
    /// Where scanning resumes: at least `span.end`.
    pub consumed: usize,
    /// The value, or `None` when the expression is malformed (an impossible
    /// date): then `problem` says why and no mention is made.
    pub value: Option<Value>,
    /// A problem to report with the span.
    pub problem: Option<(DiagnosticKind, String)>,
}

impl Candidate {
    /// A well-formed expression spanning `span`.
    pub fn new(span: Span, value: Value) -> Candidate {
        Candidate {
            span,
            consumed: span.end,
            value: Some(value),
            problem: None,
        }
    }

    /// A malformed expression: reported, not kept.
    pub fn problem(span: Span, kind: DiagnosticKind, message: String) -> Candidate {
        Candidate {
            span,
            consumed: span.end,
            value: None,
            problem: Some((kind, message)),
        }
    }
}

/// A grammar family: given the text and a word start, the expression that
/// starts there, if any.
type Family = fn(&Cx, usize) -> Option<Candidate>;

/// The families, in order of preference on ties.
const FAMILIES: [Family; 2] = [time::parse, number::parse];

/// A word the grammars may start at, before a trigger.
#[derive(Clone, Copy, Debug, Default)]
struct Start {
    /// Its byte offset.
    at: usize,
    /// Its number among the words of the text.
    word_no: usize,
    /// The families that may start at it ([`TIME`], [`NUMBER`]).
    families: u8,
    /// Whether the number family may start at it too, when that needs a
    /// look at the words after it ("more than", "Rs 600"): only for a
    /// start before a trigger is it worth the look.
    pending: LeadsIn,
}

/// A set of families as bits: bit `k` for `FAMILIES[k]`.
const TIME: u8 = 1;
const NUMBER: u8 = 2;
const BOTH: u8 = TIME | NUMBER;

/// How many words before a trigger a grammar may start ("no fewer than",
/// "in the past"); only words that may lead into an expression count as
/// starts.
const LEAD_WORDS: usize = 3;

/// Longest word the trigger tables hold; longer words are never triggers.
const MAX_TRIGGER_LEN: usize = 16;

/// Find every mention in `text`, resolving relative expressions against
/// `reference`.
pub(crate) fn scan(text: &str, reference: Option<DateTime>) -> (Vec<Mention>, Vec<Diagnostic>) {
    scan_from(text, 0, reference)
}

/// Find every mention in `text` from byte `from` on (after a metadata
/// header), with spans still into the whole text.
pub(crate) fn scan_from(
    text: &str,
    from: usize,
    reference: Option<DateTime>,
) -> (Vec<Mention>, Vec<Diagnostic>) {
    let mut mentions = Vec::new();
    let mut diagnostics = Vec::new();
    scan_each(text, from, reference, |found| match found {
        Found::Mention(m) => mentions.push(m),
        Found::Diagnostic(d) => diagnostics.push(d),
    });
    (mentions, diagnostics)
}

/// Hand each mention and each problem of `text` from byte `from` on to
/// `sink`, in text order, as it is found: memory stays bounded whatever
/// the length of the text.
pub(crate) fn scan_each(
    text: &str,
    from: usize,
    reference: Option<DateTime>,
    mut sink: impl FnMut(Found),
) {
    let mut sentences = SentenceIndex::new(text);
    each_candidate(text, from, reference, |c| {
        if let Some((kind, message)) = c.problem {
            sink(Found::Diagnostic(Diagnostic {
                span: c.span,
                kind,
                message,
            }));
        }
        if let Some(value) = c.value {
            sink(Found::Mention(Mention {
                span: c.span,
                text: text[c.span.start..c.span.end].to_string(),
                sentence: sentences.containing(c.span),
                value,
            }));
        }
    });
}

/// The accepted candidates of `text`, in text order, before any sentence
/// is looked up (inferring a document's date needs the values only).
pub(crate) fn candidates(text: &str, from: usize, reference: Option<DateTime>) -> Vec<Candidate> {
    let mut found = Vec::new();
    each_candidate(text, from, reference, |c| found.push(c));
    found
}

/// Hand each accepted candidate of `text` from `from` on to `sink`, in
/// text order.
fn each_candidate(
    text: &str,
    from: usize,
    reference: Option<DateTime>,
    mut sink: impl FnMut(Candidate),
) {
    // A start inside a char would misread it; such a start is moved on.
    let from = (from..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let cx = Cx {
        text,
        reference,
        urls: Default::default(),
    };
    let bytes = text.as_bytes();
    // Reused for each capitalised word in lower case.
    let mut lowered = String::with_capacity(MAX_TRIGGER_LEN);
    // The last few words that may lead into an expression ("more than",
    // "since", "a year ago"), with their word numbers: only those within
    // LEAD_WORDS words of a trigger are tried as starts.
    let mut lead = [Start::default(); LEAD_WORDS];
    let mut leads = 0usize;
    let mut word_no = 0usize;
    let mut last_end = from;
    let mut untried = from;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let (token_end, trigger, leads_in, pending) = if b.is_ascii_alphanumeric() {
            let shape = Shape::read(bytes, i);
            let j = i + shape.len;
            let (trigger, leads_in, pending) = classify(text, i, j, &shape, &mut lowered);
            (j, trigger, leads_in, pending)
        } else if b < 0x80 {
            let symbol = matches!(b, b'$' | b'#')
                || (b == b'.'
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()));
            if !symbol {
                i += 1;
                continue;
            }
            (
                i + 1,
                b != b'#',
                if b == b'$' { BOTH } else { 0 },
                LeadsIn::No,
            )
        } else {
            let len = utf8_len(b);
            let end = (i + len).min(bytes.len());
            let trigger = text.get(i..end).is_some_and(number::is_symbol_trigger);
            if !trigger {
                i = end;
                continue;
            }
            (end, true, BOTH, LeadsIn::No)
        };
        word_no += 1;
        // A start already tried gives the same candidates again, and
        // none of them was taken: only later starts need trying. This keeps
        // dense runs of trigger words ("night night night") linear in the
        // number of starts, not in starts times leads.
        let floor = untried;
        if trigger {
            untried = untried.max(i + 1);
        }
        if trigger && i >= last_end {
            let mut starts = [Start::default(); LEAD_WORDS];
            let mut n = 0;
            for &start in &lead[..leads] {
                if start.word_no + LEAD_WORDS >= word_no {
                    starts[n] = start;
                    n += 1;
                }
            }
            if let Some(best) = best_candidate(&cx, &starts[..n], i, last_end, floor) {
                last_end = best.consumed.max(best.span.end);
                i = last_end;
                leads = 0;
                sink(best);
                continue;
            }
        }
        if leads_in != 0 || pending != LeadsIn::No {
            if leads == LEAD_WORDS {
                lead.copy_within(1.., 0);
                leads -= 1;
            }
            lead[leads] = Start {
                at: i,
                word_no,
                families: leads_in,
                pending,
            };
            leads += 1;
        }
        i = token_end;
    }
}

/// Run every family from each lead word and from the trigger; keep the
/// longest candidate covering the trigger.
fn best_candidate(
    cx: &Cx,
    lead: &[Start],
    trigger: usize,
    floor: usize,
    untried: usize,
) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    let at_trigger = Start {
        at: trigger,
        families: BOTH,
        ..Start::default()
    };
    for s in lead
        .iter()
        .filter(|s| s.at >= floor && s.at >= untried)
        .chain(std::iter::once(&at_trigger))
    {
        let start = s.at;
        let mut families = s.families;
        if families & NUMBER == 0 && s.pending.holds(&cx.text[start..]) {
            families |= NUMBER;
        }
        for (k, family) in FAMILIES.iter().enumerate() {
            if families & (1 << k) == 0 {
                continue;
            }
            let Some(c) = family(cx, start) else { continue };
            let valid = c.span.start >= floor
                && c.span.end > trigger
                && c.span.end <= cx.text.len()
                && cx.text.is_char_boundary(c.span.start)
                && cx.text.is_char_boundary(c.span.end)
                && c.consumed <= cx.text.len()
                && cx.text.is_char_boundary(c.consumed)
                && c.value.as_ref().is_none_or(value_is_sane);
            if !valid {
                continue;
            }
            let better = match &best {
                None => true,
                Some(b) => {
                    (c.span.end, std::cmp::Reverse(c.span.start))
                        > (b.span.end, std::cmp::Reverse(b.span.start))
                }
            };
            if better {
                best = Some(c);
            }
        }
    }
    best
}

/// Figures that are not finite never leave the grammar layer.
fn value_is_sane(value: &Value) -> bool {
    value.figure().is_none_or(|f| f.is_finite())
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// What the scanner gathers about a word as it reads it.
struct Shape {
    /// Its length in bytes.
    len: usize,
    /// Its first sixteen bytes `| 0x20`, little-endian, zero past its
    /// end: the key of the temporal role table
    /// ([`time::trigger_and_lead_of`]).
    key: u128,
    /// It holds a digit.
    digit: bool,
    /// It holds a capital letter.
    upper: bool,
}

/// Eight bytes at once, as one integer (little-endian).
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
/// `| CASE` lower-cases the ASCII letters of eight bytes.
const CASE: u64 = ONES * 0x20;

/// Of the eight bytes of `x`, which are ASCII digits, which ASCII capital
/// letters and which ASCII letters or digits: the high bit of each byte of
/// the results. No carry crosses from one byte to the next: the low seven
/// bits of each byte are compared, and bytes with the high bit set (parts
/// of non-ASCII characters) are none of these.
#[inline(always)]
fn classes(x: u64) -> (u64, u64, u64) {
    let low = x & !HIGH;
    let ascii = !x & HIGH;
    // Whether the low bits of each byte lie in lo..=hi.
    let within = |y: u64, lo: u8, hi: u8| {
        (y + ONES * u64::from(0x80 - lo)) & (ONES * u64::from(0x80 + hi)).wrapping_sub(y) & HIGH
    };
    let digit = within(low, b'0', b'9') & ascii;
    let upper = within(low, b'A', b'Z') & ascii;
    let letter = within(low | CASE, b'a', b'z') & ascii;
    (digit, upper, digit | letter)
}

/// A bit for the key of every word of either lexicon, at a position
/// hashed from the key: a word whose bit is clear is in neither, and the
/// scanner need not look it up. With some 700 words in 8,192 bits, most
/// other words meet a clear bit.
static LISTED: [u64; LISTED_BITS / 64] = list(
    list([0; LISTED_BITS / 64], &time::WORD_KEYS),
    &number::WORD_KEYS,
);

/// `bits` with the bit of every key of `keys` set (zero keys are empty
/// slots).
const fn list(mut bits: [u64; LISTED_BITS / 64], keys: &[u128]) -> [u64; LISTED_BITS / 64] {
    let mut i = 0;
    while i < keys.len() {
        if keys[i] != 0 {
            let h = listed_bit(keys[i]);
            bits[h / 64] |= 1 << (h % 64);
        }
        i += 1;
    }
    bits
}

/// The size of [`LISTED`], in bits.
const LISTED_BITS: usize = 8192;

/// The bit of [`LISTED`] for a word's key.
#[inline(always)]
const fn listed_bit(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - LISTED_BITS.trailing_zeros())) as usize
}

/// Whether the word with key `key` may be in either lexicon.
#[inline(always)]
fn may_be_listed(key: u128) -> bool {
    let h = listed_bit(key);
    LISTED[h / 64] & (1 << (h % 64)) != 0
}

/// The position of the first ASCII digit in `bytes` from `from` on, or
/// the length of `bytes`: eight bytes at a time.
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(eight) = bytes.get(i..i + 8) {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(eight);
        let (digit, _, _) = classes(u64::from_le_bytes(chunk));
        if digit != 0 {
            return i + (digit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(bytes.len(), |k| i + k)
}

impl Shape {
    /// The word (a run of ASCII letters and digits) starting at
    /// `bytes[start]`, read eight bytes at a time.
    #[inline(always)]
    fn read(bytes: &[u8], start: usize) -> Shape {
        let mut seen_digit = 0u64;
        let mut seen_upper = 0u64;
        let mut key = 0u128;
        let mut end = start;
        loop {
            let x = match bytes.get(end..end + 8) {
                Some(eight) => {
                    let mut chunk = [0u8; 8];
                    chunk.copy_from_slice(eight);
                    u64::from_le_bytes(chunk)
                }
                // Near the end of the text: zeros past it, which are no
                // letter or digit.
                None => {
                    let mut chunk = [0u8; 8];
                    let tail = &bytes[end.min(bytes.len())..];
                    chunk[..tail.len()].copy_from_slice(tail);
                    u64::from_le_bytes(chunk)
                }
            };
            let (digit, upper, alnum) = classes(x);
            let others = !alnum & HIGH;
            // Bytes of the word in this chunk: those before the first other.
            let stop = (others.trailing_zeros() / 8) as usize;
            let within = if stop == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * stop)) - 1
            };
            seen_digit |= digit & within;
            seen_upper |= upper & within;
            let done = end - start;
            if done < 16 {
                key |= u128::from((x | CASE) & within) << (8 * done);
            }
            end += stop;
            if stop < 8 {
                break;
            }
        }
        Shape {
            len: end - start,
            key,
            digit: seen_digit != 0,
            upper: seen_upper != 0,
        }
    }
}

/// Whether the word `text[start..end]` can anchor an expression (a
/// trigger), and whether one can start at it (a trigger, or a word that
/// leads into one: "more", "since", "between", "the").
fn classify(
    text: &str,
    start: usize,
    end: usize,
    shape: &Shape,
    lowered: &mut String,
) -> (bool, u8, LeadsIn) {
    let word = &text[start..end];
    if word.as_bytes()[0].is_ascii_digit() {
        return (true, BOTH, LeadsIn::No);
    }
    if word.len() > MAX_TRIGGER_LEN {
        return (false, 0, LeadsIn::No);
    }
    // Most words are in neither lexicon: one bit tells at once.
    if !shape.digit && !may_be_listed(shape.key) {
        return (false, 0, LeadsIn::No);
    }
    // Both families look words up in any case; only a code glued to an
    // amount ("USD5", a word ending in a digit) is read in lower case.
    let (time_trigger, time_lead) = time::trigger_and_lead_of(shape.key);
    let (number_trigger, number_lead) = if shape.digit && shape.upper {
        lowered.clear();
        lowered.push_str(word);
        lowered.make_ascii_lowercase();
        number::trigger_and_lead(lowered)
    } else {
        number::trigger_and_lead_wide(word, shape.key)
    };
    let trigger = time_trigger || number_trigger;
    if trigger || shape.digit {
        return (trigger, BOTH, LeadsIn::No);
    }
    let mut leads_in = if time_lead { TIME } else { 0 };
    let mut pending = LeadsIn::No;
    match number_lead {
        LeadsIn::Yes => leads_in |= NUMBER,
        LeadsIn::No => {}
        deferred => pending = deferred,
    }
    (trigger, leads_in, pending)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`Shape::read`] gathers, byte by byte as the definitions read.
    fn shape_slowly(bytes: &[u8], start: usize) -> (usize, u128, bool, bool) {
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let word = &bytes[start..start + len];
        let mut key = 0u128;
        for (i, &b) in word.iter().take(16).enumerate() {
            key |= u128::from(b | 0x20) << (8 * i);
        }
        (
            len,
            key,
            word.iter().any(u8::is_ascii_digit),
            word.iter().any(u8::is_ascii_uppercase),
        )
    }

    proptest! {
        #[test]
        fn words_read_eight_bytes_at_a_time_are_words_read_byte_by_byte(
            bytes in proptest::collection::vec(
                prop_oneof![
                    4 => proptest::sample::select(b"aZ09mQ".to_vec()),
                    1 => any::<u8>(),
                ],
                1..40,
            ),
            start in 0usize..40,
        ) {
            let start = start % bytes.len();
            let shape = Shape::read(&bytes, start);
            prop_assert_eq!(
                (shape.len, shape.key, shape.digit, shape.upper),
                shape_slowly(&bytes, start)
            );
        }
    }

    #[test]
    fn the_filter_of_listed_words_keeps_every_word_of_both_lexicons() {
        let key = |w: &str| Shape::read(w.as_bytes(), 0).key;
        for &k in time::WORD_KEYS.iter().chain(&number::WORD_KEYS) {
            assert!(k == 0 || may_be_listed(k));
        }
        for w in ["March", "million", "more", "since", "Rs", "USD", "percent"] {
            assert!(may_be_listed(key(w)), "{w}");
        }
        // Most other words meet a clear bit.
        let others = [
            "harbour", "council", "said", "flood", "voters", "river", "minister",
        ];
        assert!(others.iter().filter(|w| may_be_listed(key(w))).count() <= 2);
    }

    #[test]
    fn the_next_digit_is_found_eight_bytes_at_a_time() {
        let text = b"no digits here at all, then 7 and \xC3\xA9 9";
        let slowly = |from: usize| {
            (from..text.len())
                .find(|&i| text[i].is_ascii_digit())
                .unwrap_or(text.len())
        };
        for from in 0..=text.len() {
            assert_eq!(next_digit(text, from), slowly(from), "from {from}");
        }
    }

    #[test]
    fn byte_classes_are_exact_for_every_byte() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = u64::from(b) << (8 * lane)
                    | u64::from_le_bytes(*b"        ") & !(0xFF << (8 * lane));
                let (digit, upper, alnum) = classes(x);
                let bit = 0x80u64 << (8 * lane);
                assert_eq!(digit & bit != 0, b.is_ascii_digit(), "{b:#x}");
                assert_eq!(upper & bit != 0, b.is_ascii_uppercase(), "{b:#x}");
                assert_eq!(alnum & bit != 0, b.is_ascii_alphanumeric(), "{b:#x}");
            }
        }
    }

    #[test]
    fn mentions_never_overlap_and_lie_on_char_boundaries() {
        let text = "Über 3 Mio. — 600,000 in €5 and 12 and 1.5";
        let (mentions, _) = scan(text, None);
        for w in mentions.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for m in &mentions {
            assert_eq!(m.span.get(text), Some(m.text.as_str()));
        }
        assert!(mentions.iter().any(|m| m.text == "12"));
    }
}
