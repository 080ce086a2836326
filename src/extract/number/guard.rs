//! Numbers that are not quantities: model numbers ("Boeing 737", "F-35"),
//! phone numbers, clock times, version strings, street numbers, page
//! furniture ("1 of 5"), and "one" as a pronoun ("the one who").
//!
//! Each check looks at most a few words around the numeral, so the guards
//! stay cheap. A guard either drops the numeral (`None` from the grammar)
//! or, when the numeral is part of a longer run that must not be read as
//! numbers at all ("020 7946 0958", "192.168.1.2"), swallows the whole run.

use std::cell::Cell;

use super::words::{lower, ordinal_term};

/// The word that ends just before `at` (spaces skipped), if any.
pub(super) fn prev_word(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end_matches([' ', '\t']);
    let n = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    (n > 0).then(|| &before[before.len() - n..])
}

/// The word that starts after `at` (spaces skipped), if any.
pub(super) fn next_word(text: &str, at: usize) -> Option<&str> {
    let after = text.get(at..)?.trim_start_matches([' ', '\t']);
    let n = after.bytes().take_while(u8::is_ascii_alphabetic).count();
    (n > 0).then(|| &after[..n])
}

/// Whether the word before `at` starts a sentence (so its capital letter
/// says nothing).
fn starts_sentence(text: &str, word_start: usize) -> bool {
    let before = text[..word_start].trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '"', '\u{201c}', '(', '\n', '-', '—'])
        || text[..word_start].ends_with('\n')
}

/// Capitalised words that may stand before a number without making it a
/// name: prepositions and qualifiers in titles and at the start of
/// clauses.
const LEAD_WORDS: [&str; 40] = [
    "in", "on", "at", "by", "of", "to", "for", "from", "since", "until", "after", "before", "and",
    "or", "the", "some", "about", "around", "over", "under", "nearly", "almost", "only", "just",
    "all", "top", "those", "these", "with", "than", "are", "were", "was", "is", "had", "has",
    "have", "its", "their", "his",
];

/// Whether a plain integer at `start..end` is a name or model number:
/// "Boeing 737", "Windows 10", "Page 3", "COVID-19", "F-35" (but not a
/// count after a name, "the Greens 12 seats": see [`is_count_after_name`]).
pub(super) fn is_model_number(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let Some(word) = prev_word(text, start) else {
        return false;
    };
    let mut buf = [0u8; 16];
    let lw = lower(word, &mut buf).unwrap_or("");
    // "page 4", "exit 436", "no. 1": a reference, not a quantity.
    if is_reference(lw)
        && before
            .strip_suffix(' ')
            .map(|b| b.strip_suffix('.').unwrap_or(b))
            .is_some_and(|b| b.ends_with(word))
    {
        return true;
    }
    // Only a single space between the name and the number.
    if !before.strip_suffix(' ').is_some_and(|b| b.ends_with(word)) {
        return false;
    }
    let word_start = before.len() - word.len() - 1;
    // "iPhone 15" as much as "Boeing 737".
    let capital = word.bytes().any(|b| b.is_ascii_uppercase());
    let inner_capital = word.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    if !capital || (!inner_capital && starts_sentence(text, word_start)) {
        return false;
    }
    !LEAD_WORDS.contains(&lw)
        && !is_month(lw)
        && (inner_capital || !is_count_after_name(text, word_start, end))
}

/// Words that end the name of an organisation, after which a number is a
/// count of its seats, votes or members rather than a model number: "the
/// Workers' Party 8".
const BODIES: [&str; 10] = [
    "Party",
    "Alliance",
    "Front",
    "League",
    "Movement",
    "Coalition",
    "Congress",
    "Bloc",
    "Union",
    "Federation",
];

/// Whether the number ending at `end` after a capitalised name (its last
/// word starting at `word_start`) counts something the name has, as the
/// results of parties or teams are listed: "Labour won 45 seats, the
/// Conservatives 30 and the Greens 12 seats", "Liberal Democrats 7,
/// Reform 5", "the Workers' Party 8".
///
/// A model number follows its brand directly and is glued into a product
/// name ("Boeing 737 MAX", "Windows 10 devices"), and versions of one
/// product are listed under the same name ("Windows 10 and Windows 11").
/// A count instead stands in a list of such pairs, so the number either
/// ends its item (a counted noun at most, then a comma, "and", or the end
/// of the sentence) and a neighbouring item ends with a figure or is a
/// pair under another name; or the name is that of a body ("the Greens",
/// "the Workers' Party") after "the", and a counted noun or the end of
/// the item follows.
fn is_count_after_name(text: &str, word_start: usize, end: usize) -> bool {
    let Some(item_end) = item_end(text, end) else {
        return false;
    };
    let name_start = name_start(text, word_start);
    let name = &text[name_start..word_start];
    let last = text[word_start..].split(' ').next().unwrap_or("");
    let Some(first) = name.split(' ').next() else {
        return false;
    };
    let first = if first.is_empty() { last } else { first };
    // "the Greens 12 seats", "the Workers' Party 8".
    let the = text[..name_start]
        .strip_suffix(' ')
        .and_then(|b| prev_word(text, b.len()).filter(|w| b.ends_with(w)))
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let counted = counted_noun(text, end).is_some();
    // "Greens", "Democrats"; not the singulars "Airbus", "Lexus", "Paris".
    let plural = last.ends_with('s') && !["ss", "us", "is"].iter().any(|e| last.ends_with(e));
    // "the Greens 12 in the 87-seat council": a plural name after "the"
    // holds a count that a place or a whole follows.
    let placed = text[item_end.0..]
        .strip_prefix(' ')
        .and_then(|r| r.split(' ').next())
        .is_some_and(|w| matches!(w, "in" | "on" | "of" | "out" | "from" | "at"));
    if the
        && ((BODIES.contains(&last) && (counted || item_end.1)) || (plural && (counted || placed)))
    {
        return true;
    }
    if !item_end.1 {
        return false;
    }
    // The item before ends with a figure: "45 seats, the Conservatives 30".
    let item_start = if the { name_start - 4 } else { name_start };
    if let Some(prev) = previous_item(text, item_start) {
        return prev.is_none_or(|w| !w.eq_ignore_ascii_case(first));
    }
    // The item after is a pair under another name: "Democrats 7, Reform 5".
    next_pair(text, item_end.0).is_some_and(|w| !w.eq_ignore_ascii_case(first))
}

/// Where the item of a list that a number ending at `end` stands in ends:
/// after the number, or after a counted noun that follows it. The flag
/// says whether a list separator or the end of the sentence follows there.
fn item_end(text: &str, end: usize) -> Option<(usize, bool)> {
    let after_noun = counted_noun(text, end).map_or(end, |n| end + 1 + n.len());
    let rest = text.get(after_noun..)?;
    let boundary = rest.is_empty()
        || rest.starts_with([',', '.', ';', ')', '\n'])
        || rest.starts_with(" and ")
        || rest.starts_with(" or ")
        // A remark on the item: "the Conservatives 30 (down 3)".
        || rest.starts_with(" (");
    Some((after_noun, boundary))
}

/// The start of a capitalised name whose last word starts at `word_start`:
/// up to three more capitalised words before it, a possessive allowed
/// ("the Workers' Party", "Liberal Democrats").
fn name_start(text: &str, word_start: usize) -> usize {
    let mut start = word_start;
    for _ in 0..3 {
        let Some(before) = text[..start].strip_suffix(' ') else {
            break;
        };
        let bare = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("\u{2019}s"))
            .or_else(|| before.strip_suffix('\''))
            .or_else(|| before.strip_suffix('\u{2019}'))
            .unwrap_or(before);
        let Some(w) = prev_word(bare, bare.len()).filter(|w| bare.ends_with(w)) else {
            break;
        };
        let mut buf = [0u8; 16];
        let lw = lower(w, &mut buf).unwrap_or("the");
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || LEAD_WORDS.contains(&lw) {
            break;
        }
        start = bare.len() - w.len();
    }
    start
}

/// Whether the item of a list before `item_start` ends with a count:
/// `item_start` follows a list separator (", ", " and ", "; "), and
/// before it come digits with a counted noun after them ("45 seats") or a
/// name before them ("Democrats 7"; a bare "In 2019, " is no count).
/// Gives that name if there is one, so that versions of one product
/// ("Windows 10, Windows 11") can be told from counts.
fn previous_item(text: &str, item_start: usize) -> Option<Option<&str>> {
    let before = text.get(..item_start)?;
    let before = before
        .strip_suffix(", ")
        .or_else(|| before.strip_suffix("; "))
        .or_else(|| before.strip_suffix(", and "))
        .or_else(|| before.strip_suffix(" and "))?;
    fn digits(s: &str) -> Option<&str> {
        let n = s
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
            .count();
        let figure = &s[s.len() - n..];
        figure
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| &s[..s.len() - n])
    }
    let noun = prev_word(before, before.len())
        .filter(|w| before.ends_with(w))
        .and_then(|w| {
            let figure = before[..before.len() - w.len()].strip_suffix(' ')?;
            counted_noun(before, figure.len())
                .is_some()
                .then_some(figure)
        });
    let head = digits(noun.unwrap_or(before))?;
    let name = head
        .strip_suffix(' ')
        .and_then(|h| prev_word(h, h.len()).filter(|w| h.ends_with(w)))
        .filter(|w| {
            let mut buf = [0u8; 16];
            let lw = lower(w, &mut buf).unwrap_or("the");
            // "independents 4 and", "others 6,": a group named in lower case.
            let group = lw.ends_with('s') && !lw.ends_with("ss") && lw.len() > 3;
            (w.starts_with(|c: char| c.is_ascii_uppercase()) || group)
                && !LEAD_WORDS.contains(&lw)
                && !is_month(lw)
        });
    (noun.is_some() || name.is_some()).then_some(name)
}

/// The first word of the pair that follows a list separator at `at`, if
/// one does: one to three capitalised words ("the" before them allowed),
/// a space and digits ("and the Greens 12", ", Reform 5").
fn next_pair(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?;
    let rest = rest
        .strip_prefix(", and ")
        .or_else(|| rest.strip_prefix(", "))
        .or_else(|| rest.strip_prefix("; "))
        .or_else(|| rest.strip_prefix(" and "))?;
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    let mut words = rest.splitn(5, ' ');
    let first = words.next()?;
    for w in std::iter::once(first).chain(words) {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return (w != first).then_some(first);
        }
        let bare = w.trim_end_matches(['\'', '\u{2019}', 's']);
        if !w.starts_with(|c: char| c.is_ascii_uppercase())
            || !bare.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
    }
    None
}

/// Whether a (lower-case) word is one after which a number is a
/// reference to a part of something, not a quantity: "page 4", "exit
/// 436", "no. 1".
fn is_reference(word: &str) -> bool {
    matches!(
        word,
        "page"
            | "pages"
            | "chapter"
            | "section"
            | "figure"
            | "table"
            | "paragraph"
            | "clause"
            | "article"
            | "item"
            | "line"
            | "exit"
            | "route"
            | "platform"
            | "gate"
            | "room"
            | "flight"
            | "episode"
            | "volume"
            | "issue"
            | "question"
            | "step"
            | "version"
            | "no"
    )
}

/// Whether the digits at `start` follow a word with letters and a hyphen:
/// "COVID-19", "F-35", "scp2-173" are codes, while "2-3" is a range.
pub(super) fn after_code_hyphen(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix('-') else {
        return false;
    };
    let word = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphanumeric)
        .collect::<Vec<u8>>();
    word.iter().any(u8::is_ascii_alphabetic)
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Street words after a house number.
const STREETS: [&str; 14] = [
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Lane",
    "Boulevard",
    "Drive",
    "Way",
    "Place",
    "Square",
    "Terrace",
    "Close",
];

/// Whether the plain integer ending at `end` is a house number: followed
/// by one to three capitalised words, the last a street word ("10 Downing
/// Street").
pub(super) fn is_house_number(text: &str, end: usize) -> bool {
    let mut at = end;
    for _ in 0..3 {
        let Some(rest) = text.get(at..) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(' ') else {
            return false;
        };
        let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let w = &rest[..n];
        if n == 0 || !w.as_bytes()[0].is_ascii_uppercase() {
            return false;
        }
        if STREETS.contains(&w) {
            return true;
        }
        at = text.len() - rest.len() + n;
    }
    false
}

/// Whether the digits at `at` are one group of a dotted quad, as of an IP
/// address ("192.168.1.2"): then each group is read as a number of its
/// own, and the dots as separators rather than decimal points.
pub(super) fn in_dotted_quad(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let is_part = |b: &u8| b.is_ascii_digit() || *b == b'.';
    let back = bytes[..at]
        .iter()
        .rev()
        .take(16)
        .take_while(|b| is_part(b))
        .count();
    let start = at - back;
    let ahead = bytes[at..]
        .iter()
        .take(16)
        .take_while(|b| is_part(b))
        .count();
    let mut run = &text[start..at + ahead];
    // A full stop after the address ends the sentence.
    if let Some(r) = run.strip_suffix('.') {
        run = r;
    }
    let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    if glued(bytes.get(start.wrapping_sub(1)).filter(|_| start > 0)) || glued(bytes.get(at + ahead))
    {
        return false;
    }
    let groups: Vec<&str> = run.split('.').collect();
    groups.len() == 4 && groups.iter().all(|g| (1..=3).contains(&g.len()))
}

/// The end of a run of digit groups that reads as a phone number, a date
/// in figures, a clock time or a version string rather than a number:
/// "+1 555 123 4567", "020 7946 0958", "192.168.1.2", "2:00". `start` is
/// the first digit; `numeral_end` says where the numeral read there ends
/// (asked only of a run that looks like a code).
pub(super) fn code_run(
    text: &str,
    start: usize,
    numeral_end: impl FnOnce() -> usize,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let plus = start > 0 && bytes[start - 1] == b'+';
    let mut groups = 0usize;
    let mut first_len = 0usize;
    let mut i = start;
    let mut end = start;
    let mut dotted = 0usize;
    let mut colon = false;
    let mut hyphens = 0usize;
    let mut slashes = 0usize;
    // No code has more groups than this ("+1 555 123 4567" has four); a
    // longer run ("1 1 1 1 …") is met at each of its starts, so reading
    // it all each time would be quadratic.
    const MAX_CODE_GROUPS: usize = 8;
    while i < bytes.len() && groups < MAX_CODE_GROUPS {
        let n = bytes[i..]
            .iter()
            .take(32)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 {
            break;
        }
        if groups == 0 {
            first_len = n;
        }
        groups += 1;
        i += n;
        end = i;
        // A separator, then more digits.
        let sep = bytes.get(i).copied();
        let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        match sep {
            Some(b' ' | b'-' | b'.' | b':' | b'/') if next_digit => {
                match sep {
                    Some(b'.') => dotted += 1,
                    Some(b':') => colon = true,
                    Some(b'-') => hyphens += 1,
                    Some(b'/') => slashes += 1,
                    _ => {}
                }
                i += 1;
            }
            _ => break,
        }
    }
    if groups < 2 {
        return None;
    }
    let leading_zero = first_len > 1 && bytes[start] == b'0';
    let phone = plus || leading_zero || (groups >= 3 && hyphens + dotted >= 2);
    // "5/17/2018", "24/7": dates and ratios. A fraction ("3/4") has one
    // slash and reads as a number, so it never gets here (its numeral
    // ends after the denominator).
    let code = phone || dotted >= 2 || colon || slashes > 0;
    (code && end > numeral_end()).then_some(end)
}

/// The end of the URL a trigger at `at` stands in, if it stands in one:
/// the text from the last space before it holds "://" or starts with
/// "www.". Nothing in a URL is a quantity.
pub(super) fn url(text: &str, at: usize, marks: &UrlMarks) -> Option<usize> {
    // Look back a bounded distance, so that a long run without spaces
    // costs no more than a short one.
    let mut floor = at.saturating_sub(256);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    // In most text a space is close: look for one byte by byte first (any
    // other script, and the look-back below decides).
    let bytes = text.as_bytes();
    let near = at.saturating_sub(32).max(floor);
    let mut i = at;
    while i > near {
        match bytes[i - 1] {
            b'\t'..=b'\r' | b' ' => return url_from(text, i, at),
            0x80.. => break,
            _ => i -= 1,
        }
    }
    // The marks of a URL are in the text looked back over if it is in one.
    // Most text holds neither, and where they are is remembered from one
    // figure to the next: a run of figures with no space between them
    // ("1€1€1€…") does not have the same bytes searched at each.
    if !(marks.scheme.within(text, "://", floor, at) || marks.www.within(text, "www.", floor, at)) {
        return None;
    }
    let window = &text[floor..at];
    let start = window
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    url_from(text, start, at)
}

/// Where the marks of a URL ("://" and "www.") occur in one text, found
/// as [`url`] asks and remembered: each is looked for once as the scan
/// moves forward, and only the few bytes a start moved back over are
/// looked at again.
#[derive(Debug, Default)]
pub(crate) struct UrlMarks {
    scheme: Mark,
    www: Mark,
}

/// What is known of one mark: `(from, next)`, where no occurrence starts
/// in `from..next` and one starts at `next` (`usize::MAX` when none does
/// up to the end of the text). The default, `(0, 0)`, stands for nothing
/// known yet; where an occurrence does start at 0 it is only looked for
/// again, and found at once.
#[derive(Debug, Default)]
struct Mark(Cell<(usize, usize)>);

impl Mark {
    /// Whether `pattern` occurs inside `text[from..to]`; `from` is a char
    /// boundary.
    fn within(&self, text: &str, pattern: &str, from: usize, to: usize) -> bool {
        let (known_from, next) = self.0.get();
        let bytes = text.as_bytes();
        let next = if from > next || (known_from == 0 && next == 0) {
            // Past the one known, or nothing known yet: the next one ahead.
            text.get(from..)
                .and_then(|rest| rest.find(pattern))
                .map_or(usize::MAX, |i| from + i)
        } else if from < known_from {
            // Moved back: only the bytes moved over can hold an earlier one.
            let end = (known_from + pattern.len() - 1).min(bytes.len());
            bytes
                .get(from..end)
                .and_then(|b| {
                    b.windows(pattern.len())
                        .position(|w| w == pattern.as_bytes())
                })
                .map_or(next, |i| from + i)
        } else {
            next
        };
        self.0.set((from, next));
        next.checked_add(pattern.len()).is_some_and(|end| end <= to)
    }
}

/// [`url`], given where the text with no space before `at` starts.
fn url_from(text: &str, start: usize, at: usize) -> Option<usize> {
    let chunk = &text[start..at];
    if !(chunk.contains("://") || chunk.starts_with("www.")) {
        return None;
    }
    Some(
        text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i),
    )
}

/// The end of "am"/"pm" after a number ending at `end` ("7.30pm", "10
/// a.m."): a clock time, which the time family reads.
pub(super) fn clock(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let at = rest.strip_prefix(' ').unwrap_or(rest);
    // Every mark starts with an "a" or a "p".
    if !at
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b | 0x20, b'a' | b'p'))
    {
        return None;
    }
    for mark in ["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."] {
        if let Some(after) = at.strip_prefix(mark)
            && after.chars().next().is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(text.len() - after.len());
        }
    }
    None
}

/// The end of page furniture such as "1 of 5" (a plain integer, "of", a
/// plain integer, and no word after it), given the end of the first
/// integer.
pub(super) fn page_of(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(" of ")?;
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 4 {
        return None;
    }
    let after = &rest[n..];
    let tail = after.trim_start_matches([' ', '\t']);
    let word_follows = tail.chars().next().is_some_and(char::is_alphanumeric);
    (!word_follows).then(|| text.len() - after.len())
}

/// Words before "one" that make it a pronoun: "the one", "no one", "that
/// one", "the first one".
const PRONOUN_BEFORE: [&str; 20] = [
    "the", "this", "that", "which", "no", "any", "every", "each", "another", "a", "only", "last",
    "next", "little", "new", "old", "same", "current", "previous", "other",
];

/// Words after "one" that make it a pronoun: "one of the", "one another".
const PRONOUN_AFTER: [&str; 8] = [
    "of", "another", "who", "whom", "whose", "that", "which", "by",
];

/// Whether "one" at `start..end` is a pronoun rather than a count.
pub(super) fn is_pronoun_one(text: &str, start: usize, end: usize) -> bool {
    let mut buf = [0u8; 16];
    if let Some(w) = prev_word(text, start).and_then(|w| lower(w, &mut buf))
        && (PRONOUN_BEFORE.contains(&w) || ordinal_term(w).is_some())
    {
        return true;
    }
    let mut buf = [0u8; 16];
    if let Some(w) = next_word(text, end).and_then(|w| lower(w, &mut buf))
        && PRONOUN_AFTER.contains(&w)
    {
        return true;
    }
    // "one's", "one-off".
    text[end..].starts_with('\'') || text[end..].starts_with("\u{2019}")
}

/// Words that look plural and follow numbers but are not counted nouns
/// ("12 was", "five times", "30 days": days and years are durations).
/// Other function words ("the", "this", "less") do not look plural.
fn not_noun(w: &str) -> bool {
    matches!(w, "was" | "has" | "its" | "times" | "days" | "years")
}

/// Plural nouns without an "s".
const IRREGULAR: [&str; 12] = [
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "crew",
];

/// The noun a number counts, when one follows it directly: a lower-case
/// word that looks plural and is not a function word ("four regions",
/// "600,000 permits", "12 people"). Adjectives in between are not
/// skipped: "five new cases" counts nothing, which is safer than guessing.
pub(super) fn counted_noun(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let n = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    if n < 3 || rest[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let w = &rest[..n];
    let plural = if w.ends_with('s') {
        !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
    } else {
        IRREGULAR.contains(&w)
    };
    (plural && !not_noun(w)).then(|| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_numbers() {
        let cases: &[(&str, &str, bool)] = &[
            ("a Boeing 737 landed", "737", true),
            ("runs Windows 10 now", "10", true),
            ("the COVID-19 pandemic", "19", true),
            ("an F-35 jet", "35", true),
            ("see Page 3", "3", true),
            ("In 2014 the", "2014", false),
            ("He said 20 people", "20", false),
            ("Over 700 people", "700", false),
            ("on 12 March", "12", false),
            ("since March 2020", "2020", false),
            ("the 2-3 range", "3", false),
            ("see page 4", "4", true),
            ("the iPhone 15 sold", "15", true),
            ("the Boeing 737 MAX was grounded", "737", true),
            ("it runs on Windows 10 devices", "10", true),
            ("on Windows 10 devices, the update", "10", true),
            ("runs Windows 10 and Windows 11", "10", true),
            ("runs Windows 10 and Windows 11", "11", true),
            ("Windows 10, Windows 11 and macOS", "11", true),
            ("In 2019, the Boeing 737 and the rest", "737", true),
            ("In 2019, Boeing 737 and", "737", true),
            ("On 12 March, Boeing 737 jets", "737", true),
            ("the Greens 12 and Labour 9", "12", false),
            ("the Greens 12 and Labour 9", "9", false),
            ("the Boeing 737.", "737", true),
            ("a Mercedes 300 was", "300", true),
            ("the Apollo 11 crew", "11", true),
            ("Chanel No 5", "5", true),
            // Counts after names in lists of results.
            (
                "Labour won 45 seats, the Conservatives 30 and the Greens 12 seats",
                "30",
                false,
            ),
            (
                "Labour won 45 seats, the Conservatives 30 and the Greens 12 seats",
                "12",
                false,
            ),
            ("the Socialists 20 and the Workers' Party 8.", "8", false),
            ("the Socialists 20 and the Workers' Party 8.", "20", false),
            ("with the Workers' Party 8", "8", false),
            ("Liberal Democrats 7, Reform 5", "7", false),
            ("Liberal Democrats 7, Reform 5", "5", false),
            ("Liberal Democrats 7 seats", "7", true),
            ("the Liberal Democrats 7 seats and", "7", false),
            ("Chelsea 2, Arsenal 1.", "2", false),
            ("Chelsea 2, Arsenal 1.", "1", false),
            ("the Greens 12 seats", "12", false),
            ("Labour 45 seats, Conservatives 30 seats", "45", false),
            (
                "Labour won 45 seats, independents 4 and the Harbour List 2.",
                "2",
                false,
            ),
            (
                "The Alliance won 9 seats and the People's Front 4.",
                "4",
                false,
            ),
            (
                "Labour 45, the Conservatives 30 (down 3) and the Greens 12",
                "30",
                false,
            ),
            ("and the Greens 12 in the 87-seat council", "12", false),
            // Still models: a product in a parenthesis or before a place.
            ("the Boeing 737 (a jet) landed", "737", true),
            ("a Boeing 737 in the hangar", "737", true),
            ("the Airbus 320 in service", "320", true),
        ];
        let mut wrong = Vec::new();
        for &(text, num, want) in cases {
            let start = text.find(num).unwrap_or(0);
            let end = start + num.len();
            let got = is_model_number(text, start, end) || after_code_hyphen(text, start);
            if got != want {
                wrong.push((text, num));
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn code_runs() {
        let cases: &[(&str, Option<&str>)] = &[
            ("call +1 555 123 4567 now", Some("1 555 123 4567")),
            ("020 7946 0958", Some("020 7946 0958")),
            ("192.168.1.2", Some("192.168.1.2")),
            ("at 2:00 pm", Some("2:00")),
            ("423 0000", None),
            ("2-3 million", None),
            ("1 234 567", None),
            ("open 24/7", Some("24/7")),
            ("on 5/17/2018", Some("5/17/2018")),
        ];
        for &(text, want) in cases {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let numeral_end = start + text[start..].bytes().take_while(u8::is_ascii_digit).count();
            let numeral_end = if text == "1 234 567" {
                text.len()
            } else {
                numeral_end
            };
            let got = code_run(text, start, || numeral_end).map(|end| &text[start..end]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn dotted_quads() {
        assert!(in_dotted_quad("at 192.168.1.2 now", 3));
        assert!(in_dotted_quad("at 192.168.1.2.", 11));
        assert!(!in_dotted_quad("version 2.3.1", 8));
        assert!(!in_dotted_quad("1.5 million", 0));
    }

    /// Regression: function words after a number were once looked up in a
    /// list of forty; only those that look plural need the check.
    #[test]
    fn counted_nouns() {
        let cases: &[(&str, Option<&str>)] = &[
            ("12 people", Some("people")),
            ("four regions.", Some("regions")),
            ("12 was", None),
            ("12 has", None),
            ("12 its", None),
            ("five times", None),
            ("30 days", None),
            ("3 years", None),
            ("12 this", None),
            ("12 less", None),
            ("12 his", None),
            ("12 bonus", None),
            ("5 sheep", Some("sheep")),
            ("5 Seats", None),
            ("5 seats2", None),
        ];
        for &(text, want) in cases {
            assert_eq!(
                counted_noun(text, text.find(' ').unwrap_or(0)).as_deref(),
                want,
                "{text}"
            );
        }
    }

    /// URLs are found from any figure in them, after a space close by or
    /// far back, or none; a long run without spaces is no URL.
    #[test]
    fn urls() {
        let long = format!("see https://example.com/{}/2024 now", "a".repeat(100));
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "see http://x.org/a%2012 now",
                "12",
                Some("http://x.org/a%2012"),
            ),
            ("see www.x.org/12 now", "12", Some("www.x.org/12")),
            (&long, "2024", Some(&long[4..long.len() - 4])),
            ("x\u{a0}http://x.org/12 now", "12", Some("http://x.org/12")),
            ("a 12 b", "12", None),
            (
                "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
                "1,1,1,1",
                None,
            ),
            ("ratio:12", "12", None),
        ];
        for &(text, figure, want) in cases {
            let at = text.rfind(figure).unwrap_or(0);
            let got = url(text, at, &UrlMarks::default()).map(|end| &text[..end]);
            let got = got.map(|t| t.rsplit([' ', '\u{a0}']).next().unwrap_or(t));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn pronoun_one() {
        let cases: &[(&str, bool)] = &[
            ("the one who came", true),
            ("no one knows", true),
            ("one another", true),
            ("one of the best", true),
            ("I like the first one.", true),
            ("one person died", false),
            ("try one last time", false),
        ];
        for &(text, want) in cases {
            let start = text.find("one").unwrap_or(0);
            assert_eq!(is_pronoun_one(text, start, start + 3), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The marks remembered from one question to the next give the
        /// answers a fresh look would, whichever way the starts move.
        #[test]
        fn remembered_marks_answer_as_fresh_ones(
            text in "([ a-z1:/.€]|www\\.|://|http){0,240}",
            starts in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 1..24),
        ) {
            let marks = UrlMarks::default();
            for at in starts {
                let at = at.index(text.len() + 1);
                if !text.is_char_boundary(at) {
                    continue;
                }
                proptest::prop_assert_eq!(
                    url(&text, at, &marks),
                    url(&text, at, &UrlMarks::default()),
                    "at {} of {:?}", at, &text
                );
            }
        }
    }
}
