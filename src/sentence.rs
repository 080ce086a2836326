//! Sentences: byte spans of the sentences of a text.
//!
//! Every mention is reported with the sentence it stands in, so that a
//! reader can check the figure in its context. Boundaries come from
//! Unicode's sentence rules (UAX #29, through the unicode-segmentation
//! crate), corrected where those rules fail news text.
//!
//! # Rules
//!
//! 1. **A line break always ends a sentence** (LF, CR, VT, FF, NEL, U+2028,
//!    U+2029), a blank line all the more: headlines, captions, datelines,
//!    bylines and list items carry no full stop. So a list bullet ("•",
//!    "-", "*") at the start of a line always starts a sentence.
//! 2. **Inside a line**, UAX #29 proposes the boundaries. A boundary after
//!    ".", "!" or "?" is then withdrawn when:
//!    - a lower-case word follows (`"Why?" she asked`);
//!    - a title or a Latin abbreviation precedes and a capitalised word or
//!      a number follows: "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.",
//!      "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev.",
//!      "Sec.", "e.g.", "i.e.", "vs.", "v.", "cf.", "approx.";
//!    - an abbreviation that introduces a number precedes and a number
//!      follows: "No. 10", "Nos.", "Art.", "Fig.", "Vol.", "p.", "pp.",
//!      and the month abbreviations "Jan. 9" … "Dec. 25";
//!    - an abbreviation that may also end a sentence precedes: dotted
//!      acronyms ("U.S.", "U.K.", "D.C.", "a.m.", "p.m."), single-letter
//!      initials ("J. K. Rowling"), "Inc.", "Co.", "Corp.", "Ltd.", "Jr.",
//!      "St.", "Mt.", weekday abbreviations ("Wed.") — and what follows is a
//!      number or a capitalised word that does not usually open a sentence:
//!      "U.S. President", "9 a.m. Monday", "St. Louis", but "in the U.S. The
//!      talks", "at 9 a.m. He said" end a sentence. Judged on the next word
//!      alone, this is right far more often than not in news text;
//!    - a list number opens the line: "1. The first point".
//!
//!    Decimal numbers ("3.5", ".5") and dotted acronyms are never split
//!    inside: UAX #29 keeps "." before a digit and between letters.
//! 3. **A number can open a sentence.** UAX #29 keeps ". 2024 was" in one
//!    sentence because a lower-case word follows the number; here ".",
//!    "!" or "?", spaces and a number end the sentence unless an
//!    abbreviation that takes a number precedes ("No. 10", "Aug. 9",
//!    "U.S. 10-year") or an ellipsis does ("rose... 5 percent").
//! 4. **Spans are trimmed**: whitespace before and after a sentence belongs
//!    to no sentence. The spans are in order, never overlap, lie on char
//!    boundaries, and together cover every non-whitespace character of the
//!    text exactly once. A bullet belongs to the sentence it opens.
//! 5. **Runaway sentences are cut**: see below; a sentence that runs on for
//!    more than 1 KiB past a multiple of 4 KiB (a byte offset into the
//!    text) is cut there (text without punctuation, or a script whose
//!    sentences this module cannot see, on one very long line).
//!
//! # Windows, and why
//!
//! Extraction must run at least as fast as a bare UAX #29 pass over the
//! text, so the text is never segmented up front: the extractor's
//! sentence index (`SentenceIndex`, crate-internal) segments only a small
//! window around each mention, and each window once.
//!
//! A window lies between two *hard cuts*: positions that are sentence
//! boundaries whatever surrounds them, and that can be recognised by
//! looking at a few bytes only. They are
//! - the start and the end of the text, and the end of every line break;
//! - a *plain end*: ".", "!" or "?", then at most four closing quotes or
//!   brackets, one to eight spaces or tabs, and a capital letter (perhaps
//!   behind one opening quote or bracket) or a digit that none of the
//!   rules above joins to what precedes; or "。", "！" or "？" directly
//!   followed by a CJK ideograph. UAX #29 always breaks at these, except
//!   before a digit (rule 3);
//! - a *forced cut* at a multiple of 4 KiB when no other hard cut lies
//!   within 1 KiB after it.
//!
//! Segmenting the text between consecutive hard cuts gives the same
//! sentences as segmenting whole lines (forced cuts aside), so the window
//! around a mention (usually the mention's own sentence) is found by
//! scanning a few bytes back and forth; it is at most 5 KiB even in a
//! 5 MB line without punctuation, mentions in increasing order scan each
//! byte a bounded number of times, and [`sentences`] and the index always
//! agree (a property test checks it).
//!
//! Hard cuts are looked for only at the bytes that can end a sentence
//! (full stops, line breaks), found eight bytes at a time. Windows whose
//! only full stops lie inside numbers or words ("3.5", "U.S", "t.co"), or
//! before a boundary the rules above withdraw ("Sept. 14", "Mr. Smith"),
//! need no UAX #29 pass at all: almost every news sentence is found by a
//! byte scan alone.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The spans of all sentences of `text`, in order (see the rules in the
/// [module docs](self)).
///
/// Spans are trimmed of whitespace at both ends and together cover every
/// non-whitespace character; a text of whitespace only has no sentence.
///
/// ```
/// use corroborate::sentence::sentences;
///
/// let text = "Mr. Smith left the U.S. on Aug. 9. He came back.\nBREAKING NEWS";
/// let found: Vec<&str> = sentences(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(found, ["Mr. Smith left the U.S. on Aug. 9.", "He came back.", "BREAKING NEWS"]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_with(text, Cuts::NEWS)
}

fn sentences_with(text: &str, cuts: Cuts) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let end = next_cut(text, at, cuts);
        segment(text, Span::new(at, end), &mut out);
        at = end;
    }
    out
}

/// Finds the sentence around spans given in increasing order of offsets,
/// segmenting only a bounded window around each, and each window once.
pub(crate) struct SentenceIndex<'t> {
    text: &'t str,
    cuts: Cuts,
    /// The window last segmented: it starts and ends at hard cuts.
    window: Span,
    /// Its sentences, in order.
    sentences: Vec<Span>,
    /// The sentence the last lookup found: lookups move forward.
    cursor: usize,
    /// Bytes segmented so far, to check that no work is repeated.
    #[cfg(test)]
    segmented: usize,
}

impl<'t> SentenceIndex<'t> {
    /// An index over `text` that has segmented nothing yet.
    pub fn new(text: &'t str) -> SentenceIndex<'t> {
        SentenceIndex::with_cuts(text, Cuts::NEWS)
    }

    fn with_cuts(text: &'t str, cuts: Cuts) -> SentenceIndex<'t> {
        SentenceIndex {
            text,
            cuts,
            window: Span::default(),
            sentences: Vec::new(),
            cursor: 0,
            #[cfg(test)]
            segmented: 0,
        }
    }

    /// The sentence containing the start of `span`, or an empty span at
    /// that offset when it lies in whitespace between sentences.
    ///
    /// Any span is accepted; spans given in increasing order of offsets
    /// are the fast case.
    pub fn containing(&mut self, span: Span) -> Span {
        let text = self.text;
        let mut at = span.start.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if at == text.len() {
            return Span::new(at, at);
        }
        if !self.window.contains(at) {
            // The end of the previous window is a hard cut: a forward
            // lookup never scans back past it.
            let floor = if at >= self.window.end {
                self.window.end
            } else {
                0
            };
            let start = prev_cut(text, at, floor, self.cuts);
            let end = next_cut(text, at, self.cuts);
            self.window = Span::new(start, end);
            self.sentences.clear();
            segment(text, self.window, &mut self.sentences);
            self.cursor = 0;
            #[cfg(test)]
            {
                self.segmented += end - start;
            }
        }
        if self.sentences.get(self.cursor).is_none_or(|s| s.start > at) {
            self.cursor = 0;
        }
        while self.sentences.get(self.cursor).is_some_and(|s| s.end <= at) {
            self.cursor += 1;
        }
        match self.sentences.get(self.cursor) {
            Some(s) if s.start <= at => *s,
            _ => Span::new(at, at),
        }
    }
}

/// Where forced cuts may fall: at multiples of `every` bytes, when no
/// other hard cut lies within `slack` bytes after the multiple.
#[derive(Clone, Copy, Debug)]
struct Cuts {
    /// Distance between the positions where a forced cut may fall.
    every: usize,
    /// How far past such a position a sentence may run before it is cut.
    slack: usize,
}

impl Cuts {
    /// News sentences are a few hundred bytes at most; a window of up to
    /// 5 KiB is still cheap to segment once.
    const NEWS: Cuts = Cuts {
        every: RUNAWAY_EVERY,
        slack: RUNAWAY_SLACK,
    };
}

/// Where a runaway sentence may be cut: at every multiple of this many
/// bytes of the text (see rule 5 in the [module docs](self)).
pub const RUNAWAY_EVERY: usize = 4096;

/// How far past a multiple of [`RUNAWAY_EVERY`] a sentence may run before
/// it is cut there: no sentence is longer than the two together unless a
/// hard cut lies within this many bytes.
pub const RUNAWAY_SLACK: usize = 1024;

/// The greatest hard cut at or before `at`, given a hard cut `floor <= at`
/// and `at < text.len()`.
///
/// Walking back from `at`, the first hard cut met is a plain end or a line
/// break, or else a multiple of `cuts.every` at which a forced cut falls:
/// the first multiple at or before `at` when no other hard cut follows it
/// within the slack, the one before that always (it lies more than the
/// slack before `at`).
fn prev_cut(text: &str, at: usize, floor: usize, cuts: Cuts) -> usize {
    let first_mark = at / cuts.every * cuts.every;
    if let Some(cut) = last_cut(text, floor.max(first_mark.saturating_sub(1)), at) {
        return cut;
    }
    if first_mark <= floor {
        return floor;
    }
    let slack_end = first_mark + cuts.slack;
    if slack_end < text.len() && first_cut(text, at, slack_end).is_none() {
        return ceil_char_boundary(text, first_mark);
    }
    let mark = first_mark - cuts.every;
    if let Some(cut) = last_cut(text, floor.max(mark.saturating_sub(1)), first_mark - 1) {
        return cut;
    }
    if mark <= floor {
        return floor;
    }
    ceil_char_boundary(text, mark)
}

/// The least hard cut after `at`, for `at < text.len()`: a plain end or a
/// line break before the next multiple of `cuts.every` plus the slack, or
/// else a forced cut at that multiple.
fn next_cut(text: &str, at: usize, cuts: Cuts) -> usize {
    let mark = (at / cuts.every + 1) * cuts.every;
    let slack_end = mark + cuts.slack;
    match first_cut(text, at, slack_end.min(text.len())) {
        Some(cut) => cut,
        None if slack_end < text.len() => ceil_char_boundary(text, mark),
        None => text.len(),
    }
}

/// Most bytes from the byte that ends a sentence to the cut it makes: the
/// full stop, its closing quotes or brackets (at most three bytes each),
/// and the spaces.
const LOOKBACK: usize = 1 + 3 * MAX_CLOSERS + MAX_GAP;

/// What a byte may end, so that a hard cut may follow: 1 for the ASCII
/// full stops (a plain end may follow past closers and spaces), 2 for the
/// last byte of a line break or a full-width full stop (a cut may follow
/// at once).
const ENDS: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'.' as usize] = 1;
    table[b'!' as usize] = 1;
    table[b'?' as usize] = 1;
    let mut c = 0;
    while c < 256 {
        if CUT_FOLLOWS[c] && c != b' ' as usize && c != b'\t' as usize {
            table[c] = 2;
        }
        c += 1;
    }
    table
};

/// Where a hard cut may fall after the byte at `t`, which [`ENDS`] marks:
/// right after it, or past the closers and spaces after a full stop. The
/// position is a candidate only; [`is_cut`] decides. Candidates increase
/// with `t`: no byte between a full stop and its candidate ends anything.
#[inline(always)]
fn candidate_after(b: &[u8], t: usize) -> usize {
    let mut i = t + 1;
    if ENDS[usize::from(b[t])] == 1 {
        let mut closers = 0;
        while closers <= MAX_CLOSERS {
            match b[i..] {
                [b'"' | b'\'' | b')' | b']', ..] => i += 1,
                [0xC2, 0xBB, ..] => i += 2,
                [0xE2, 0x80, 0x99 | 0x9D | 0xBA, ..] => i += 3,
                _ => break,
            }
            closers += 1;
        }
        let mut gap = 0;
        while gap <= MAX_GAP && matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
            gap += 1;
        }
    }
    i
}

/// The least hard cut `i` other than a forced one with `from < i < to`,
/// for `to <= text.len()`. Only the bytes that may end a sentence are
/// looked at closely.
fn first_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut t = from.saturating_sub(LOOKBACK);
    while t + 1 < to {
        t = marked_from(b, t, to - 1, &ENDS);
        if t + 1 >= to {
            break;
        }
        let i = candidate_after(b, t);
        if i >= to {
            return None;
        }
        if i > from && is_cut(text, i) {
            return Some(i);
        }
        t += 1;
    }
    None
}

/// The first position in `from..to` whose byte `table` marks, or `to`.
///
/// Both tables mark only full stops ("." "!" "?"), control characters and
/// bytes of non-ASCII characters, so eight bytes at a time are first
/// tested for holding none of those at all: most runs of news text hold
/// none, and only the rest is looked up byte by byte.
#[inline(always)]
fn marked_from(b: &[u8], from: usize, to: usize, table: &[u8; 256]) -> usize {
    let mut i = from;
    while i + 8 <= to {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        if !may_hold_mark(u64::from_le_bytes(chunk)) {
            i += 8;
            continue;
        }
        if let Some(k) = b[i..i + 8].iter().position(|&c| table[usize::from(c)] != 0) {
            return i + k;
        }
        i += 8;
    }
    b[i..to]
        .iter()
        .position(|&c| table[usize::from(c)] != 0)
        .map_or(to, |k| i + k)
}

/// Whether any of the eight bytes of `x` is a full stop ("." "!" "?"), a
/// control character or part of a non-ASCII character; it may say so of
/// eight bytes that hold none, never the other way round.
#[inline(always)]
fn may_hold_mark(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte is zero: exact as a whole, though a borrow may flag the
    // wrong byte.
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    x & HIGH != 0
        || x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0
        || has_zero(x ^ (ONES * u64::from(b'.')))
        || has_zero(x ^ (ONES * u64::from(b'!')))
        || has_zero(x ^ (ONES * u64::from(b'?')))
}

/// The greatest hard cut `i` other than a forced one with `lo < i <= hi`,
/// for `hi < text.len()`.
fn last_cut(text: &str, lo: usize, hi: usize) -> Option<usize> {
    let b = text.as_bytes();
    let floor = lo.saturating_sub(LOOKBACK);
    let mut t = hi;
    while t > floor {
        t -= 1;
        if ENDS[usize::from(b[t])] != 0 {
            let i = candidate_after(b, t);
            if i <= lo {
                return None;
            }
            if i <= hi && is_cut(text, i) {
                return Some(i);
            }
        }
    }
    None
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the char boundary `i`, inside the text, is a hard cut other
/// than a forced one: the end of a line break, or a plain end.
#[inline(always)]
fn is_cut(text: &str, i: usize) -> bool {
    // Every cut follows a space or a tab before what may open a sentence,
    // or the last byte of a line break or of a full-width full stop: two
    // table look-ups rule out almost every pair of bytes at once, here in
    // the caller's loop, with a branch that is almost never taken.
    let b = text.as_bytes();
    CUT_AFTER[usize::from(b[i - 1])] & CUT_BEFORE[usize::from(b[i])] != 0
        && is_cut_after_candidate(text, i)
}

/// What kind of cut the byte before a position allows: after a space or a
/// tab, a plain end ([`CUT_BEFORE`] must say the next byte may open a
/// sentence); after the last byte of a line break or of a full-width full
/// stop, anything (the slow check tells).
const CUT_AFTER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = match c as u8 {
            b' ' | b'\t' => 1,
            _ if CUT_FOLLOWS[c] => 2,
            _ => 0,
        };
        c += 1;
    }
    table
};

/// The kinds of cut a byte may begin: 1 when it may open a sentence after
/// a plain end ([`MAY_OPEN`]), 2 always.
const CUT_BEFORE: [u8; 256] = {
    let mut table = [2u8; 256];
    let mut c = 0;
    while c < 256 {
        if MAY_OPEN[c] {
            table[c] |= 1;
        }
        c += 1;
    }
    table
};

/// [`is_cut`] once the byte before `i` may precede a cut.
#[inline(never)]
fn is_cut_after_candidate(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if matches!(b[i - 1], b' ' | b'\t') {
        // After a space only a plain end can fall, and only before what
        // may open a sentence: a capital, a digit, a quote or bracket, a
        // curly quote or a CJK ideograph. `i` is a char boundary.
        return b.get(i).is_some_and(|&c| MAY_OPEN[usize::from(c)]) && plain_end_at(text, i);
    }
    text.is_char_boundary(i) && (line_break_ends_at(b, i) || plain_end_at(text, i))
}

/// The first bytes of what may follow a plain end (see [`plain_end_at`]).
const MAY_OPEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b.is_ascii_uppercase()
            || b.is_ascii_digit()
            || matches!(b, b'"' | b'\'' | b'(' | b'[' | 0xE2 | 0xE4..=0xE9);
        c += 1;
    }
    table
};

/// The bytes a hard cut can follow.
const CUT_FOLLOWS: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C, 0x85, 0xA8, 0xA9, 0x82, 0x81, 0x9F,
    ];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

fn line_break_ends_at(b: &[u8], i: usize) -> bool {
    matches!(
        b[..i],
        [.., b'\n' | b'\r' | 0x0B | 0x0C] | [.., 0xC2, 0x85] | [.., 0xE2, 0x80, 0xA8 | 0xA9]
    )
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Most spaces a plain end may hold between the full stop and the capital.
const MAX_GAP: usize = 8;

/// Most closing quotes or brackets after a full stop.
const MAX_CLOSERS: usize = 4;

/// Whether a sentence ends plainly just before `i` (see the module docs).
fn plain_end_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let opens = match b[i..] {
        [b'A'..=b'Z' | b'0'..=b'9', ..] => true,
        [b'"' | b'\'' | b'(' | b'[', b'A'..=b'Z', ..] => true,
        // “ or ‘ then a capital.
        [0xE2, 0x80, 0x98 | 0x9C, b'A'..=b'Z', ..] => true,
        // A CJK ideograph right after a full-width full stop.
        [0xE4..=0xE9, ..] => {
            return matches!(
                b[..i],
                [.., 0xE3, 0x80, 0x82] | [.., 0xEF, 0xBC, 0x81 | 0x9F]
            );
        }
        _ => false,
    };
    if !opens {
        return false;
    }
    let mut j = i;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') && i - j <= MAX_GAP {
        j -= 1;
    }
    if j == i || i - j > MAX_GAP {
        return false;
    }
    let Some(j) = skip_closers_back(&text[..j]) else {
        return false;
    };
    if j == 0 || !matches!(b[j - 1], b'.' | b'!' | b'?') {
        return false;
    }
    // An ellipsis before a number trails off inside the sentence ("rose…
    // 5 percent by noon").
    if b[i].is_ascii_digit() && j >= 2 && b[j - 2] == b'.' {
        return false;
    }
    !joins(text, i)
}

/// The end of `text` before its trailing closing quotes and brackets, or
/// `None` when there are too many.
fn skip_closers_back(text: &str) -> Option<usize> {
    let mut rest = text;
    for _ in 0..=MAX_CLOSERS {
        match rest.chars().next_back() {
            Some(c) if is_closer(c) => rest = &rest[..rest.len() - c.len_utf8()],
            _ => return Some(rest.len()),
        }
    }
    None
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '‘' | '“' | '«' | '‹')
}

/// Push the sentences of `window`, which starts and ends at hard cuts.
fn segment(text: &str, window: Span, out: &mut Vec<Span>) {
    if is_single_sentence(text, window) {
        push_trimmed(text, window, out);
        return;
    }
    let slice = &text[window.start..window.end];

    let mut start = window.start;
    for (offset, _) in slice.split_sentence_bound_indices().skip(1) {
        let at = window.start + offset;
        if !joins(text, at) {
            push_trimmed(text, Span::new(start, at), out);
            start = at;
        }
    }
    push_trimmed(text, Span::new(start, window.end), out);
}

/// Whether segmenting `window` surely gives one sentence: UAX #29 finds
/// no boundary inside it before its final full stops, or only boundaries
/// that [`joins`] withdraws. Its inner full stops lie before a digit or a
/// lower-case letter, or between letters ("3.5", "U.S", "t.co"), where
/// UAX #29 proposes no boundary; or before closers, spaces and a letter or
/// digit, where it proposes one right before that letter or digit, and the
/// rules of this module withdraw it ("Sept. 14", "Mr. Smith"); and the
/// window holds no other character that can end a sentence. This spares
/// the UAX #29 pass on almost every news sentence.
fn is_single_sentence(text: &str, window: Span) -> bool {
    let slice = &text[window.start..window.end];
    let body = slice
        .trim_end()
        .trim_end_matches(is_closer)
        .trim_end_matches(['.', '!', '?']);
    let b = body.as_bytes();
    // `body` ends in no full stop, so every full stop in it has a
    // successor.
    let mut i = 0;
    loop {
        i = marked_from(b, i, b.len(), &CLOSE_LOOK);
        if i == b.len() {
            return true;
        }
        match b[i] {
            b'.' if full_stop_is_inner(b, i) => {}
            b'.' | b'!' | b'?' => {
                // UAX #29 puts its boundary past the closers and spaces
                // (rules SB9 to SB11); a letter or digit there leaves no
                // other closer or space of UAX #29 between.
                let at = candidate_after(b, i);
                if !(at < b.len()
                    && b[at].is_ascii_alphanumeric()
                    && joins(text, window.start + at))
                {
                    return false;
                }
            }
            b'\n' | b'\r' | 0x0B | 0x0C => return false,
            0x80.. => match body[i..].chars().next() {
                Some(c) if never_ends_sentence(c) => i += c.len_utf8() - 1,
                _ => return false,
            },
            _ => {}
        }
        i += 1;
    }
}

/// The bytes [`is_single_sentence`] looks at closely: full stops, line
/// breaks, and the first byte of every other character.
const CLOSE_LOOK: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = matches!(
            c as u8,
            b'.' | b'!' | b'?' | b'\n' | b'\r' | 0x0B | 0x0C | 0x80..
        ) as u8;
        c += 1;
    }
    table
};

/// Whether UAX #29 surely does not break after the full stop at `b[i]`:
/// a digit follows it (rule SB6), or a capital after a letter (SB7), or a
/// lower-case letter after ASCII closing quotes and spaces (SB8).
fn full_stop_is_inner(b: &[u8], i: usize) -> bool {
    let next = b[i + 1];
    if next.is_ascii_digit()
        || (next.is_ascii_uppercase() && i > 0 && b[i - 1].is_ascii_alphabetic())
    {
        return true;
    }
    b[i + 1..]
        .iter()
        .find(|c| !matches!(c, b'"' | b'\'' | b')' | b']' | b' ' | b'\t'))
        .is_some_and(u8::is_ascii_lowercase)
}

/// Whether `c`, from a block of letters, quotes, dashes, symbols or
/// emoji, is none of UAX #29's sentence terminators or separators (a test
/// checks every character of these blocks against the UAX #29 tables).
fn never_ends_sentence(c: char) -> bool {
    matches!(c,
        '\u{A0}'..='\u{52F}'       // Latin, Greek, Cyrillic
        | '\u{1E00}'..='\u{1FFF}'  // more Latin and Greek
        | '\u{2000}'..='\u{2023}'  // spaces, dashes, quotes, bullets
        | '\u{2025}'..='\u{2027}'
        | '\u{2030}'..='\u{203B}'
        | '\u{20A0}'..='\u{20CF}'  // currency signs
        | '\u{2100}'..='\u{218F}'  // letter-like symbols, number forms
        | '\u{1F000}'..='\u{1FAFF}' // emoji, flags
    )
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let raw = &text[span.start..span.end];
    let trimmed = raw.trim_start();
    let start = span.start + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        out.push(Span::new(start, start + trimmed.len()));
    }
}

/// What follows a candidate boundary, past any opening quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next<'t> {
    Lower,
    Digit,
    /// A capitalised word; `word` is its run of ASCII letters (empty for a
    /// capital of another script), `initial` whether it is a single
    /// letter followed by a full stop.
    Upper {
        word: &'t str,
        initial: bool,
    },
    Other,
}

impl<'t> Next<'t> {
    fn at(rest: &'t str) -> Next<'t> {
        let mut skipped = 0;
        let mut rest = rest;
        while let Some(c) = rest.chars().next().filter(|&c| is_opener(c)) {
            skipped += 1;
            if skipped > 3 {
                return Next::Other;
            }
            rest = &rest[c.len_utf8()..];
        }
        let Some(c) = rest.chars().next() else {
            return Next::Other;
        };
        if c.is_ascii_digit() {
            Next::Digit
        } else if c.is_lowercase() {
            Next::Lower
        } else if c.is_uppercase() {
            // Only short words matter (sentence openers, initials).
            let len = rest
                .bytes()
                .take(MAX_ABBREVIATION)
                .take_while(u8::is_ascii_alphabetic)
                .count();
            Next::Upper {
                word: &rest[..len],
                initial: len == 1 && rest.as_bytes().get(1) == Some(&b'.'),
            }
        } else {
            Next::Other
        }
    }
}

/// Whether the UAX #29 boundary at `at` is withdrawn (see the rules in
/// the module docs). Looks at a bounded number of bytes around `at`.
fn joins(text: &str, at: usize) -> bool {
    let mut rest = &text[..at];
    let mut gap = 0;
    while let Some(c) = rest.chars().next_back() {
        if !c.is_whitespace() || is_line_break(c) {
            break;
        }
        gap += 1;
        if gap > MAX_GAP {
            return false;
        }
        rest = &rest[..rest.len() - c.len_utf8()];
    }
    let Some(end) = skip_closers_back(rest) else {
        return false;
    };
    let glued = gap == 0 && end == rest.len();
    let rest = &rest[..end];
    let Some(stop) = rest.chars().next_back() else {
        return false;
    };
    if !matches!(stop, '.' | '!' | '?') {
        return false;
    }
    let after = &text[at..];
    // Quotes or brackets left alone at the end of a line close the
    // sentence before them ("… assets . )").
    if only_closers_to_line_end(after) {
        return true;
    }
    // "?" or "!" glued to a word or number is part of it: a URL's query
    // ("pqdweb?RQT=305"), a name ("Yahoo!Japan").
    if glued && stop != '.' && after.as_bytes()[0].is_ascii_alphanumeric() {
        return true;
    }
    let next = Next::at(after);
    if next == Next::Lower {
        return true;
    }
    stop == '.' && abbreviation_joins(&rest[..rest.len() - 1], next)
}

/// Whether `text` holds nothing but a few closing quotes or brackets and
/// spaces before the end of its line.
fn only_closers_to_line_end(text: &str) -> bool {
    let mut chars = text.chars();
    let mut closers = 0;
    for _ in 0..2 * MAX_GAP {
        match chars.next() {
            None => return closers > 0,
            Some(c) if is_line_break(c) => return closers > 0,
            Some(c) if is_closer(c) => closers += 1,
            Some(c) if c.is_whitespace() => {}
            Some(_) => return false,
        }
    }
    false
}

/// Longest word checked for being an abbreviation.
const MAX_ABBREVIATION: usize = 12;

/// Whether the word ending `before` (the text before a full stop) is an
/// abbreviation that does not end the sentence when `next` follows.
fn abbreviation_joins(before: &str, next: Next) -> bool {
    let b = before.as_bytes();
    let mut start = b.len();
    while start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'.') {
        start -= 1;
        if b.len() - start > MAX_ABBREVIATION {
            return false;
        }
    }
    let word = &before[start..];
    let head = &before[..start];
    // The tail of a longer word ("Müller.") is no abbreviation.
    if word.is_empty() || head.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if word.len() <= 3 && word.bytes().all(|c| c.is_ascii_digit()) {
        return opens_line(head);
    }
    let capital_or_number = matches!(next, Next::Upper { .. } | Next::Digit);
    if word.len() == 1 {
        return match word.as_bytes()[0] {
            b'A'..=b'Z' => continues_after_initial(next),
            b'v' => capital_or_number,
            b'p' => next == Next::Digit,
            _ => false,
        };
    }
    let mut buf = [0u8; MAX_ABBREVIATION];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    if TITLES.contains(&lower) {
        capital_or_number
    } else if BEFORE_NUMBERS.contains(&lower) {
        next == Next::Digit
    } else if MAY_END.contains(&lower) || is_dotted_acronym(word) {
        continues_after_abbreviation(next)
    } else {
        false
    }
}

/// Titles and Latin abbreviations: never the last word of a sentence.
const TITLES: &[&[u8]] = &[
    b"mr", b"mrs", b"ms", b"mx", b"dr", b"prof", b"gen", b"sen", b"rep", b"gov", b"lt", b"col",
    b"capt", b"cmdr", b"adm", b"sgt", b"maj", b"cpl", b"pvt", b"brig", b"rev", b"hon", b"pres",
    b"supt", b"insp", b"det", b"atty", b"sec", b"messrs", b"mme", b"mlle", b"e.g", b"i.e", b"vs",
    b"cf", b"viz", b"approx", b"incl",
];

/// Abbreviations that introduce a number ("No. 10", "Aug. 9").
const BEFORE_NUMBERS: &[&[u8]] = &[
    b"no", b"nos", b"nr", b"nrs", b"art", b"arts", b"fig", b"figs", b"vol", b"vols", b"pp", b"ch",
    b"para", b"jan", b"feb", b"mar", b"apr", b"jun", b"jul", b"aug", b"sep", b"sept", b"oct",
    b"nov", b"dec", b"tel", b"ref", b"op",
];

/// Abbreviations that often stand inside a sentence but may end one.
const MAY_END: &[&[u8]] = &[
    b"inc", b"corp", b"co", b"ltd", b"plc", b"bros", b"jr", b"sr", b"st", b"ave", b"blvd", b"rd",
    b"mt", b"ft", b"univ", b"dept", b"est", b"mon", b"tue", b"tues", b"wed", b"thu", b"thur",
    b"thurs", b"fri", b"sat", b"sun",
];

/// "U.S", "U.K", "a.m", "Ph.D": letters in groups of one or two, joined by
/// full stops (the last full stop is not part of `word`).
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.len()) && part.bytes().all(|c| c.is_ascii_alphabetic())
        })
}

fn continues_after_abbreviation(next: Next) -> bool {
    match next {
        Next::Digit => true,
        Next::Upper { word, initial } => initial || !is_sentence_opener(word),
        Next::Lower | Next::Other => false,
    }
}

fn continues_after_initial(next: Next) -> bool {
    match next {
        Next::Upper { word, initial } => initial || !is_sentence_opener(word),
        Next::Lower | Next::Digit | Next::Other => false,
    }
}

/// Whether `text` before a list number holds only a bullet or spaces back
/// to the start of its line.
fn opens_line(text: &str) -> bool {
    let mut seen = 0;
    for c in text.chars().rev() {
        if is_line_break(c) {
            return true;
        }
        seen += 1;
        if seen > MAX_GAP || !(c.is_whitespace() || matches!(c, '•' | '-' | '*' | '–' | '·' | '('))
        {
            return false;
        }
    }
    true
}

/// Capitalised words that commonly open a news sentence and seldom follow
/// an abbreviation inside one.
const SENTENCE_OPENERS: &[&[u8]] = &[
    b"a",
    b"about",
    b"according",
    b"after",
    b"again",
    b"all",
    b"also",
    b"although",
    b"an",
    b"and",
    b"another",
    b"as",
    b"at",
    b"authorities",
    b"because",
    b"before",
    b"both",
    b"but",
    b"by",
    b"despite",
    b"during",
    b"each",
    b"earlier",
    b"even",
    b"for",
    b"from",
    b"he",
    b"her",
    b"here",
    b"his",
    b"how",
    b"however",
    b"i",
    b"if",
    b"in",
    b"instead",
    b"it",
    b"its",
    b"last",
    b"later",
    b"many",
    b"meanwhile",
    b"more",
    b"most",
    b"my",
    b"no",
    b"not",
    b"now",
    b"officials",
    b"on",
    b"one",
    b"only",
    b"or",
    b"other",
    b"our",
    b"police",
    b"she",
    b"since",
    b"so",
    b"some",
    b"still",
    b"such",
    b"that",
    b"the",
    b"their",
    b"then",
    b"there",
    b"these",
    b"they",
    b"this",
    b"those",
    b"though",
    b"to",
    b"under",
    b"until",
    b"we",
    b"what",
    b"when",
    b"where",
    b"which",
    b"while",
    b"who",
    b"why",
    b"with",
    b"without",
    b"yet",
    b"you",
    b"your",
];

fn is_sentence_opener(word: &str) -> bool {
    const LONGEST: usize = 11;
    if word.is_empty() || word.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    SENTENCE_OPENERS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Small cuts, so that short texts exercise forced cuts.
    const TINY: Cuts = Cuts {
        every: 32,
        slack: 8,
    };

    fn quotes(text: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    /// The invariants every segmentation keeps, and agreement between
    /// [`sentences_with`] and [`SentenceIndex`] looked up at every char.
    fn check_invariants(text: &str, cuts: Cuts) -> Vec<Span> {
        let spans = sentences_with(text, cuts);
        let mut covered = 0;
        for (k, s) in spans.iter().enumerate() {
            let quote = s.get(text).expect("a span on char boundaries");
            assert!(!quote.is_empty(), "empty sentence in {text:?}");
            assert_eq!(quote.trim(), quote, "untrimmed sentence in {text:?}");
            assert!(k == 0 || spans[k - 1].end <= s.start, "overlap in {text:?}");
            assert!(
                text[covered..s.start].trim().is_empty(),
                "uncovered text in {text:?}"
            );
            covered = s.end;
        }
        assert!(
            text[covered..].trim().is_empty(),
            "uncovered tail in {text:?}"
        );

        let mut index = SentenceIndex::with_cuts(text, cuts);
        for (at, _) in text.char_indices() {
            let expected = spans
                .iter()
                .find(|s| s.contains(at))
                .copied()
                .unwrap_or(Span::new(at, at));
            assert_eq!(
                index.containing(Span::new(at, at + 1)),
                expected,
                "index at {at} in {text:?}"
            );
        }
        assert!(
            index.segmented <= text.len(),
            "segmented {} bytes of {} in {text:?}",
            index.segmented,
            text.len()
        );
        spans
    }

    fn check(text: &str, expected: &[&str]) {
        let spans = check_invariants(text, Cuts::NEWS);
        assert_eq!(quotes(text, &spans), expected, "in {text:?}");
    }

    #[test]
    fn examples() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n\t \r\n ", &[]),
            ("Hello world", &["Hello world"]),
            (
                "a text without any punctuation at all 12 000 words",
                &["a text without any punctuation at all 12 000 words"],
            ),
            ("One. Two.", &["One.", "Two."]),
            ("  One.   Two.  ", &["One.", "Two."]),
            ("One.\tTwo.", &["One.", "Two."]),
            (
                "Is it true? Yes! It is.",
                &["Is it true?", "Yes!", "It is."],
            ),
            (
                "It is 2.9 million. That is 600,000 more.",
                &["It is 2.9 million.", "That is 600,000 more."],
            ),
            (
                "Prices rose 2.5 percent. Wages rose .5 percent.",
                &["Prices rose 2.5 percent.", "Wages rose .5 percent."],
            ),
            (".5 percent is small.", &[".5 percent is small."]),
            // Titles.
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "Mrs. Jones met Dr. Who, Gen. Patton, Sen. Warren and Rep. Ocasio-Cortez.",
                &["Mrs. Jones met Dr. Who, Gen. Patton, Sen. Warren and Rep. Ocasio-Cortez."],
            ),
            ("Mr.\u{a0}Smith arrived.", &["Mr.\u{a0}Smith arrived."]),
            ("Prof. 5 said so.", &["Prof. 5 said so."]),
            // Latin.
            (
                "Roe v. Wade was decided in 1973.",
                &["Roe v. Wade was decided in 1973."],
            ),
            (
                "Cities, e.g. Paris, i.e. Rome.",
                &["Cities, e.g. Paris, i.e. Rome."],
            ),
            (
                "Harris vs. Trump was close.",
                &["Harris vs. Trump was close."],
            ),
            // Dotted acronyms.
            (
                "The U.S. economy grew 3.5% and the U.K. one shrank.",
                &["The U.S. economy grew 3.5% and the U.K. one shrank."],
            ),
            (
                "U.S. President Joe Biden spoke.",
                &["U.S. President Joe Biden spoke."],
            ),
            (
                "He lives in the U.S. The country is big.",
                &["He lives in the U.S.", "The country is big."],
            ),
            (
                "The U.S. 10-year yield fell.",
                &["The U.S. 10-year yield fell."],
            ),
            (
                "They met in Washington, D.C. Tuesday.",
                &["They met in Washington, D.C. Tuesday."],
            ),
            (
                "The meeting is at 9 a.m. Monday in Room 4.",
                &["The meeting is at 9 a.m. Monday in Room 4."],
            ),
            (
                "The meeting starts at 9 a.m. He will attend.",
                &["The meeting starts at 9 a.m.", "He will attend."],
            ),
            (
                "It ended at 5 p.m. Aug. 9.",
                &["It ended at 5 p.m. Aug. 9."],
            ),
            // Abbreviations before numbers.
            (
                "It opened on Aug. 9, 2024. Crowds came.",
                &["It opened on Aug. 9, 2024.", "Crowds came."],
            ),
            (
                "It happened in Jan. The next month was calm.",
                &["It happened in Jan.", "The next month was calm."],
            ),
            (
                "He lives at No. 10 Downing Street.",
                &["He lives at No. 10 Downing Street."],
            ),
            (
                "Sales rose (see Fig. 3). The end.",
                &["Sales rose (see Fig. 3).", "The end."],
            ),
            (
                "See pp. 4-5 and p. 7 of Vol. 2.",
                &["See pp. 4-5 and p. 7 of Vol. 2."],
            ),
            (
                "Arrived Sept. 30 and Dec. 1.",
                &["Arrived Sept. 30 and Dec. 1."],
            ),
            // Abbreviations that may end a sentence.
            (
                "Apple Inc. CEO Tim Cook spoke. Shares rose.",
                &["Apple Inc. CEO Tim Cook spoke.", "Shares rose."],
            ),
            (
                "Shares of Acme Corp. But not many.",
                &["Shares of Acme Corp.", "But not many."],
            ),
            ("St. Louis is in Missouri.", &["St. Louis is in Missouri."]),
            (
                "The company, Acme Co., said so.",
                &["The company, Acme Co., said so."],
            ),
            (
                "Martin Luther King Jr. Day is Monday.",
                &["Martin Luther King Jr. Day is Monday."],
            ),
            (
                "Smith, a.k.a. John Doe, holds a Ph.D. from MIT.",
                &["Smith, a.k.a. John Doe, holds a Ph.D. from MIT."],
            ),
            (
                "Acme Ltd. said profit fell.",
                &["Acme Ltd. said profit fell."],
            ),
            (
                "They met in Lansing, Mich. The talks failed.",
                &["They met in Lansing, Mich.", "The talks failed."],
            ),
            (
                "Sales fell, etc. The end.",
                &["Sales fell, etc.", "The end."],
            ),
            (
                "It cost approx. 5 million.",
                &["It cost approx. 5 million."],
            ),
            // Initials.
            (
                "J. K. Rowling wrote it. George W. Bush read it.",
                &["J. K. Rowling wrote it.", "George W. Bush read it."],
            ),
            ("J. A. Smith came.", &["J. A. Smith came."]),
            (
                "Take Plan B. The rest followed.",
                &["Take Plan B.", "The rest followed."],
            ),
            // Quotes and brackets.
            (
                "“Why?” she asked. “Because.”",
                &["“Why?” she asked.", "“Because.”"],
            ),
            (
                "He said: “We will win.” The crowd cheered.",
                &["He said: “We will win.”", "The crowd cheered."],
            ),
            (
                "He left. (The rest is history.) Then?",
                &["He left.", "(The rest is history.)", "Then?"],
            ),
            (
                "“Are you serious?” asked Mr. Lee.",
                &["“Are you serious?” asked Mr. Lee."],
            ),
            ("Yahoo! said hello.", &["Yahoo! said hello."]),
            ("Wait... The end.", &["Wait...", "The end."]),
            (
                "Exercise nr. 22 and Nos. 3-4.",
                &["Exercise nr. 22 and Nos. 3-4."],
            ),
            (
                "It took $ 125 million of bonds .\n( It was paid . )",
                &["It took $ 125 million of bonds .", "( It was paid . )"],
            ),
            (
                "He said . \" Then he left",
                &["He said .", "\" Then he left"],
            ),
            (
                "Go to http://example.com/q?RQT=305&SQ=x for more. Yahoo!Japan too!",
                &[
                    "Go to http://example.com/q?RQT=305&SQ=x for more.",
                    "Yahoo!Japan too!",
                ],
            ),
            // Numbers opening a sentence.
            (
                "It was hotter than 2023. 2024 was the hottest year.",
                &["It was hotter than 2023.", "2024 was the hottest year."],
            ),
            (
                "The toll rose to 52. 12 of them were children! 3 were found.",
                &[
                    "The toll rose to 52.",
                    "12 of them were children!",
                    "3 were found.",
                ],
            ),
            (
                "The index rose... 5 percent by noon.",
                &["The index rose... 5 percent by noon."],
            ),
            (
                "He lives at No. 10 with Mr. 5 of them.",
                &["He lives at No. 10 with Mr. 5 of them."],
            ),
            // Lines.
            (
                "Headline without stop\nBody text here. Second.",
                &["Headline without stop", "Body text here.", "Second."],
            ),
            ("Line one\n\nLine two", &["Line one", "Line two"]),
            ("One.\r\nTwo.\r\n", &["One.", "Two."]),
            (
                "One\u{c}Two\u{2028}Three\u{85}Four",
                &["One", "Two", "Three", "Four"],
            ),
            ("Mr.\nSmith", &["Mr.", "Smith"]),
            (
                "• First point\n• Second point\n- third\n* fourth",
                &["• First point", "• Second point", "- third", "* fourth"],
            ),
            (
                "1. The first\n2. The second",
                &["1. The first", "2. The second"],
            ),
            (
                " 3. Results\nChapter 3. Results",
                &["3. Results", "Chapter 3.", "Results"],
            ),
            // Beyond ASCII.
            (
                "Émile Zola écrit. Ça va? Oui!",
                &["Émile Zola écrit.", "Ça va?", "Oui!"],
            ),
            ("Dr. Müller kam. Zürich.", &["Dr. Müller kam.", "Zürich."]),
            (
                "今天天气很好。我们去公园。",
                &["今天天气很好。", "我们去公园。"],
            ),
            (
                "— Harbour Board 🇳🇴 (@HarbourDesk) May 9, 2024",
                &["— Harbour Board 🇳🇴 (@HarbourDesk) May 9, 2024"],
            ),
            (
                "Read: https://t.co/Zq81kLmw0a #SaveTheQuay 🇳🇴 pic.twitter.com/Xy7Pq2RtU1",
                &["Read: https://t.co/Zq81kLmw0a #SaveTheQuay 🇳🇴 pic.twitter.com/Xy7Pq2RtU1"],
            ),
            (
                "Oslo’s mayor said. This means around 600,000.",
                &["Oslo’s mayor said.", "This means around 600,000."],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn runaway_sentences_are_cut_at_marks() {
        let words = "word ".repeat(40);
        let spans = check_invariants(&words, TINY);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.len() <= TINY.every + TINY.slack));
        // Plain ends within the slack keep a sentence whole.
        let text = "A short one. Another sentence here. And one more. Last.";
        assert_eq!(
            quotes(text, &check_invariants(text, TINY)),
            [
                "A short one.",
                "Another sentence here.",
                "And one more.",
                "Last."
            ]
        );
    }

    #[test]
    fn a_long_line_is_segmented_once_around_mentions() {
        let sentence = "Around 4.5 million permits were issued by Mr. Halvorsen in 2024. ";
        let text = sentence.repeat(20_000);
        let mut index = SentenceIndex::new(&text);
        let mut at = 0;
        let mut found = 0;
        while let Some(p) = text[at..].find("2024") {
            let s = index.containing(Span::new(at + p, at + p + 4));
            assert_eq!(s.get(&text), Some(sentence.trim_end()));
            found += 1;
            at += p + 4;
        }
        assert_eq!(found, 20_000);
        assert!(index.segmented <= text.len());

        // No punctuation: windows stay bounded.
        let text = "12 words and 3 more ".repeat(50_000);
        let mut index = SentenceIndex::new(&text);
        for p in (0..text.len()).step_by(997) {
            let s = index.containing(Span::new(p, p + 1));
            assert!(s.len() <= Cuts::NEWS.every + Cuts::NEWS.slack);
        }
        assert!(index.segmented <= text.len());
    }

    #[test]
    fn lookups_out_of_order_still_answer() {
        let text = "One here. Two there. Three everywhere.";
        let mut index = SentenceIndex::new(text);
        assert_eq!(
            index.containing(Span::new(21, 26)).get(text),
            Some("Three everywhere.")
        );
        assert_eq!(
            index.containing(Span::new(0, 3)).get(text),
            Some("One here.")
        );
        assert_eq!(index.containing(Span::new(999, 1000)), Span::new(38, 38));
        assert_eq!(
            index.containing(Span::new(14, 15)).get(text),
            Some("Two there.")
        );
    }

    /// Hard cuts found byte by byte, as the definitions read.
    fn prev_cut_slowly(text: &str, at: usize, floor: usize, cuts: Cuts) -> usize {
        let mut mark = at / cuts.every * cuts.every;
        let mut i = at;
        loop {
            if i <= floor {
                return floor;
            }
            if is_cut(text, i) {
                return i;
            }
            if i == mark {
                // Every boundary in [mark, at] is known not to be a cut; a
                // forced cut falls at the mark when none follows within the
                // slack either.
                let slack_end = mark + cuts.slack;
                if slack_end < text.len() && !(at + 1..slack_end).any(|j| is_cut(text, j)) {
                    return ceil_char_boundary(text, mark);
                }
                mark = mark.saturating_sub(cuts.every);
            }
            i -= 1;
        }
    }

    /// The least hard cut after `at`, for `at < text.len()`.
    fn next_cut_slowly(text: &str, at: usize, cuts: Cuts) -> usize {
        let mark = (at / cuts.every + 1) * cuts.every;
        for i in at + 1..text.len() {
            if i >= mark + cuts.slack {
                return ceil_char_boundary(text, mark);
            }
            if is_cut(text, i) {
                return i;
            }
        }
        text.len()
    }

    /// The segmentation of a window with UAX #29 always, without the
    /// shortcut for single sentences.
    fn segment_slowly(text: &str, window: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = window.start;
        let slice = &text[window.start..window.end];
        for (offset, _) in slice.split_sentence_bound_indices().skip(1) {
            let at = window.start + offset;
            if !joins(text, at) {
                push_trimmed(text, Span::new(start, at), &mut out);
                start = at;
            }
        }
        push_trimmed(text, Span::new(start, window.end), &mut out);
        out
    }

    fn check_against_uax(text: &str) {
        let boundaries: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(at, _)| at)
            .collect();
        let ours = sentences_with(text, TINY);
        for i in 1..text.len() {
            if !text.is_char_boundary(i) {
                continue;
            }
            // A number after a full stop is the one plain end UAX #29 may
            // not see (rule 3).
            if plain_end_at(text, i) && !text.as_bytes()[i].is_ascii_digit() {
                assert!(
                    boundaries.contains(&i),
                    "plain end at {i} is no UAX #29 boundary in {text:?}"
                );
            }
            if is_cut(text, i) && text[i..].starts_with(|c: char| !c.is_whitespace()) {
                assert!(
                    ours.iter().any(|s| s.start == i),
                    "no sentence starts at the hard cut {i} in {text:?}"
                );
            }
        }
        let mut at = 0;
        while at < text.len() {
            let end = next_cut(text, at, TINY);
            let window = Span::new(at, end);
            let mut fast = Vec::new();
            segment(text, window, &mut fast);
            assert_eq!(
                fast,
                segment_slowly(text, window),
                "window {window:?} of {text:?}"
            );
            at = end;
        }
    }

    #[test]
    fn characters_that_never_end_a_sentence_really_never_do() {
        let mut checked = 0;
        for c in (0..=0x1FAFF).filter_map(char::from_u32) {
            if !never_ends_sentence(c) {
                continue;
            }
            for text in [format!("x{c} Yes"), format!("x{c}Yes")] {
                let pieces = text.split_sentence_bounds().count();
                assert_eq!(pieces, 1, "{c:?} (U+{:04X}) ends a sentence", u32::from(c));
            }
            checked += 1;
        }
        assert!(checked > 3000);
    }

    /// Pieces of news-like text, so that random texts hit the rules.
    const PIECES: &[&str] = &[
        "The", "he", "U.S.", "Mr.", "No.", "Aug.", "a.m.", "J.", "Inc.", "e.g.", "3.5", "10",
        "2024.", "word", "Émile", "über", "中文", "。", "！", "Ünited", "said", ".", "?", "!",
        "...", ",", ";", ":", "\"", "'", "(", ")", "“", "”", "’", "»", " ", " ", " ", " ", "  ",
        "\t", "\u{a0}", "\n", "\r\n", "\n\n", "\u{2028}", "\u{85}", "•", "-", "*", "1.", "🇬🇧",
        "e\u{301}", "\u{200d}", "ǅ", "ß", "A", "b",
    ];

    fn news_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60)
            .prop_map(|pieces| pieces.concat())
    }

    /// The cuts found from the bytes that end sentences are the cuts found
    /// byte by byte, from every position and above every floor.
    fn check_cuts(text: &str, cuts: Cuts) {
        let boundaries: Vec<usize> = (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &at in &boundaries {
            assert_eq!(
                next_cut(text, at, cuts),
                next_cut_slowly(text, at, cuts),
                "next cut after {at} in {text:?}"
            );
            let half = boundaries[boundaries.partition_point(|&i| i <= at / 2) - 1];
            for floor in [0, prev_cut_slowly(text, half, 0, cuts)] {
                assert_eq!(
                    prev_cut(text, at, floor, cuts),
                    prev_cut_slowly(text, at, floor, cuts),
                    "cut before {at} above {floor} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn eight_bytes_holding_a_marked_byte_are_always_looked_at() {
        for b in 0..=255u8 {
            let marked = ENDS[usize::from(b)] != 0 || CLOSE_LOOK[usize::from(b)] != 0;
            for lane in 0..8 {
                let mut chunk = *b"word and";
                chunk[lane] = b;
                if marked {
                    assert!(
                        may_hold_mark(u64::from_le_bytes(chunk)),
                        "{b:#x} in lane {lane}"
                    );
                }
            }
        }
        assert!(!may_hold_mark(u64::from_le_bytes(*b"It rains")));
    }

    proptest! {
        #[test]
        fn cuts_found_from_the_ends_are_the_cuts_found_byte_by_byte(text in news_like()) {
            check_cuts(&text, Cuts::NEWS);
            check_cuts(&text, TINY);
        }

        #[test]
        fn any_text_keeps_the_cuts(text in any::<String>()) {
            check_cuts(&text, TINY);
        }

        #[test]
        fn news_like_text_keeps_the_invariants(text in news_like()) {
            check_invariants(&text, Cuts::NEWS);
            check_invariants(&text, TINY);
            check_against_uax(&text);
        }

        #[test]
        fn any_text_keeps_the_invariants(text in any::<String>()) {
            check_invariants(&text, Cuts::NEWS);
            check_invariants(&text, TINY);
            check_against_uax(&text);
        }
    }
}
