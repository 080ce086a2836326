//! Parts and wholes: who a count is attributed to, and whether a count is
//! stated as a whole.
//!
//! Election results, casualty tallies and budgets list a measure among
//! holders: "the Greens 12 seats, the Workers' Party 8 and independents
//! 4", "12 died in Arlen, 5 in Brisk". The reconciler adds such parts up
//! against a whole ("of the 45 seats", "the 45-seat chamber", "a total of
//! 17"), so this stage marks both. It reads only the words of the
//! figure's own sentence, a few on each side, and decides nothing about
//! other figures.
//!
//! # Holders
//!
//! ```text
//! holder   = name [":" | "(" | "–" | "—"] FIGURE            "Civic Alliance: 19 seats"
//!          | name HOLDING-VERB FIGURE                      "Labour won 200 seats"
//!          | FIGURE {word}0..3 ("to" | "for" | "in") name   "24 went to the Greens", "5 in Brisk"
//!          | subject ... [HOLDING-VERB] FIGURE ["of" ["the"] FIGURE]
//!                                                          "The Alliance, with 19 of the 45 seats"
//!          | ("," | "and" | NEWLINE) ["the"] PLURAL-NOUN FIGURE
//!                                                          "..., independents 4", "and others 6"
//!          | "the rest" FIGURE
//! name     = ["the"] Capitalised {Capitalised | "of" | "for" | "de" | ...}
//! subject  = the sentence's first name (after a dateline "TESSARY, May 13 —"),
//!            followed by a comma or a verb; only for the sentence's first figure,
//!            and only when that figure is held ("winning 19") or a part ("19 of")
//! HOLDING-VERB = "won" | "took" | "secured" | "holds" | "has" | "with" | ...
//! ```
//!
//! A name never ends with a possessive: "Velmora's 45 seats" names the
//! owner of a whole, not a holder; one may open a name ("the People's
//! Front 31"). The first word of a sentence alone is a name only if it is
//! no function word ("The 45 seats" has no holder).
//!
//! # Wholes
//!
//! ```text
//! whole    = FIGURE "of" ["the"] FIGURE       the second: "19 of the 45 seats", "two of the four"
//!          | "out of" FIGURE                  "out of 25,480 votes"
//!          | "total of" FIGURE                "a total of 17"
//!          | CLAUSE-START "of" ["the"] FIGURE  "Of the 45 seats, ..."
//!          | "all" FIGURE                     "all 45 seats"
//!          | FIGURE {word}0..2 ("in all" | "in total" | "altogether")
//!          | DETERMINER FIGURE "-" NOUN {Capitalised} NOUN
//!                            "the 45-seat chamber", "the 25-seat Ashby council";
//!                            not "a 12-seat majority" (a margin) nor
//!                            "the 12-seat Greens group" (a part)
//! ```
//!
//! A figure with a holder is a part even when it is marked as a whole
//! ("the Greens won 12 seats in all"): the reconciler never takes it as a
//! total.

use serde::{Deserialize, Serialize};

use super::words::{self, Word};
use crate::span::Span;

/// Who a figure is attributed to: "the Greens" in "the Greens 12 seats".
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Holder {
    /// The key it is compared under: its words stemmed, in lower case,
    /// without an article ("green", "workers party").
    pub key: String,
    /// The words as written ("Workers' Party").
    pub label: String,
    /// Where they stand.
    pub span: Span,
    /// Whether it is a name (capitalised), rather than a plural noun that
    /// only holds a share inside a list ("independents", "others").
    pub named: bool,
}

impl Holder {
    /// Whether the holder closes a list with what is left ("others", "the
    /// rest", "the remaining"), which claims the list is complete.
    pub fn is_rest(&self) -> bool {
        self.key.split(' ').any(|w| {
            matches!(
                w,
                "other" | "rest" | "remainder" | "remaining" | "smaller" | "minor"
            )
        })
    }

    /// Whether two holders can be the same: one's words contain the
    /// other's ("Alliance" and "Civic Alliance").
    pub fn same_as(&self, other: &Holder) -> bool {
        let (a, b) = if self.key.len() <= other.key.len() {
            (self, other)
        } else {
            (other, self)
        };
        a.key.split(' ').all(|w| b.key.split(' ').any(|x| x == w))
    }
}

/// Verbs by which a name holds the figure after it: "Labour won 200",
/// "the Greens, with 12".
fn is_holding_verb(w: &str) -> bool {
    matches!(
        w,
        "won"
            | "wins"
            | "win"
            | "winning"
            | "took"
            | "takes"
            | "take"
            | "taking"
            | "secured"
            | "secures"
            | "securing"
            | "got"
            | "gets"
            | "gained"
            | "gains"
            | "holds"
            | "held"
            | "holding"
            | "has"
            | "had"
            | "have"
            | "having"
            | "kept"
            | "keeps"
            | "retained"
            | "retains"
            | "claimed"
            | "claims"
            | "captured"
            | "polled"
            | "received"
            | "receives"
            | "scored"
            | "earned"
            | "recorded"
            | "with"
    )
}

/// Words that join the parts of one name: "Party for Freedom", "House of
/// Keys".
fn is_name_joiner(w: &str) -> bool {
    matches!(w, "of" | "for" | "de" | "du" | "la" | "van" | "von" | "del")
}

fn capitalised(text: &str, w: &Word) -> bool {
    text.get(w.span.start..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

fn possessive(w: &Word) -> bool {
    w.lower.ends_with("'s") || w.lower.ends_with("’s")
}

/// The text between two words of a sentence holds nothing but spaces and
/// the apostrophe of a plural possessive ("Workers' Party").
fn joined(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || c == '\'' || c == '’')
}

/// The name that ends at `end` (exclusive) in `before`, read backwards
/// over capitalised words: its first and last word indexes.
fn name_before(text: &str, before: &[Word], end: usize) -> Option<(usize, usize)> {
    let mut first: Option<usize> = None;
    let mut i = end;
    while i > 0 {
        let w = &before[i - 1];
        let next_start = first.map_or(usize::MAX, |f| before[f].span.start);
        if first.is_some() && !joined(text.get(w.span.end..next_start).unwrap_or(" ")) {
            break;
        }
        // A possessive ends no name ("Velmora's 45 seats") but may open
        // one ("the People's Front 31").
        let ok = if capitalised(text, w) {
            first.is_some() || !possessive(w)
        } else {
            first.is_some() && is_name_joiner(&w.lower)
        };
        if !ok {
            break;
        }
        first = Some(i - 1);
        i -= 1;
    }
    let mut first = first?;
    // A joiner cannot open a name, nor an article.
    while first < end && (is_name_joiner(&before[first].lower) || is_article(&before[first].lower))
    {
        first += 1;
    }
    (first < end).then_some((first, end - 1))
}

fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an")
}

fn holder_of(text: &str, ws: &[Word], first: usize, last: usize, named: bool) -> Option<Holder> {
    let span = Span::new(ws[first].span.start, ws[last].span.end);
    let label = span.get(text)?.to_string();
    let key = ws[first..=last]
        .iter()
        .map(|w| words::stem(&w.lower))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Holder {
        key,
        label,
        span,
        named,
    })
}

/// The holder of the figure at `figure` in a sentence whose words are
/// `before` and `after` it; `first_in_sentence` when no quantity comes
/// before it in the sentence (only that one may take the sentence's
/// subject as its holder).
pub(crate) fn holder(
    text: &str,
    sentence: Span,
    before: &[Word],
    after: &[Word],
    figure: Span,
    first_in_sentence: bool,
) -> Option<Holder> {
    let gap_to_figure = |w: &Word| text.get(w.span.end..figure.start).unwrap_or("x");
    // name [":" | "(" | "–"] FIGURE
    if let Some(last) = before.last() {
        let gap = gap_to_figure(last);
        let tight = gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ':' | '(' | '–' | '—' | '-' | '\'' | '’'));
        if tight && let Some((f, l)) = name_before(text, before, before.len()) {
            // The sentence's first word alone is capitalised by position:
            // "Voters 12" is not a name, "Greens 12" may be.
            let alone_at_start = f == l && before[f].span.start <= sentence.start + 2;
            if !(alone_at_start && words::is_function_word(&before[f].lower)) {
                return holder_of(text, before, f, l, true);
            }
        }
        // ", independents 4", "and others 6": a plural noun in a list.
        if tight && !capitalised(text, last) && words::is_plural_noun(&last.lower) {
            let mut k = before.len() - 1;
            while k > 0 && matches!(before[k - 1].lower.as_str(), "the" | "other" | "smaller") {
                k -= 1;
            }
            let opens = k == 0
                || before[k - 1].lower == "and"
                || text
                    .get(before[k - 1].span.end..before[k].span.start)
                    .is_some_and(|g| g.contains(',') || g.contains(';') || g.contains('\n'));
            if opens {
                let first = k + usize::from(before[k].lower == "the");
                return holder_of(
                    text,
                    before,
                    first.min(before.len() - 1),
                    before.len() - 1,
                    false,
                );
            }
        }
        if matches!(last.lower.as_str(), "rest" | "remainder") && tight {
            return holder_of(text, before, before.len() - 1, before.len() - 1, false);
        }
        // name HOLDING-VERB FIGURE: "Labour won 200 seats".
        if joined(gap) && is_holding_verb(&last.lower) && before.len() >= 2 {
            let verb = before.len() - 1;
            let w = &before[verb - 1];
            if joined(text.get(w.span.end..last.span.start).unwrap_or("x"))
                && let Some((f, l)) = name_before(text, before, verb)
            {
                return holder_of(text, before, f, l, true);
            }
        }
    }
    // FIGURE [noun] [verb] ("to" | "for" | "in") name: "24 went to the
    // Greens", "5 in Brisk".
    let mut k = 0;
    let mut prev_end = figure.end;
    while let Some(w) = after.get(k) {
        if !joined(text.get(prev_end..w.span.start).unwrap_or("x")) || k > 3 {
            return subject(text, sentence, before, after, first_in_sentence);
        }
        prev_end = w.span.end;
        if matches!(w.lower.as_str(), "to" | "for" | "in") {
            let mut s = k + 1;
            if after.get(s).is_some_and(|a| is_article(&a.lower)) {
                s += 1;
            }
            let mut e = s;
            while after.get(e).is_some_and(|a| {
                capitalised(text, a)
                    && !possessive(a)
                    && joined(text.get(after[e - 1].span.end..a.span.start).unwrap_or("x"))
            }) {
                e += 1;
            }
            if e > s {
                return holder_of(text, after, s, e - 1, true);
            }
            break;
        }
        if capitalised(text, w) || words::is_function_word(&w.lower) {
            break;
        }
        k += 1;
    }
    subject(text, sentence, before, after, first_in_sentence)
}

/// The sentence's subject as the holder of its first figure, when the
/// figure is a part of a whole or held by a verb ("The Civic Alliance
/// emerged as the largest party ..., winning 19 of the 45 seats").
fn subject(
    text: &str,
    sentence: Span,
    before: &[Word],
    after: &[Word],
    first_in_sentence: bool,
) -> Option<Holder> {
    if !first_in_sentence {
        return None;
    }
    let part_of = after.first().is_some_and(|w| w.lower == "of")
        && after
            .get(1)
            .is_some_and(|w| w.lower == "the" || w.lower.starts_with(|c: char| c.is_ascii_digit()));
    let held = before
        .iter()
        .rev()
        .take(2)
        .any(|w| is_holding_verb(&w.lower));
    if !(part_of || held) {
        return None;
    }
    if before.first()?.span.start > sentence.start + 2 {
        return None;
    }
    // A dateline ("TESSARY, May 13 — The People's Front ...") comes
    // before the subject.
    let opening = (1..before.len().min(8))
        .find(|&k| {
            text.get(before[k - 1].span.end..before[k].span.start)
                .is_some_and(|g| g.contains(['—', '–']))
        })
        .unwrap_or(0);
    let opens = &before[opening];
    let start = opening + usize::from(is_article(&opens.lower));
    let mut end = start;
    while before
        .get(end)
        .is_some_and(|w| capitalised(text, w) || (end > start && is_name_joiner(&w.lower)))
        && (end == start
            || joined(
                text.get(before[end - 1].span.end..before[end].span.start)
                    .unwrap_or("x"),
            ))
    {
        end += 1;
    }
    if end == start || end == before.len() || possessive(&before[end - 1]) {
        return None;
    }
    // The name must be followed by a comma or a verb: "Voters in ..." and
    // "Final results ..." open with a common word.
    let next = &before[end];
    let comma = text
        .get(before[end - 1].span.end..next.span.start)
        .is_some_and(|g| g.contains(','));
    let single_common = end - start == 1
        && start == opening
        && (words::is_function_word(&opens.lower) || words::is_plural_noun(&opens.lower));
    if single_common || !(comma || words::is_verb_like(&next.lower) || is_holding_verb(&next.lower))
    {
        return None;
    }
    holder_of(text, before, start, end - 1, true)
}

/// Words after a hyphen-glued figure that make it a difference, not a
/// whole: "a 12-seat majority".
fn is_margin(w: &str) -> bool {
    matches!(
        w,
        "majority"
            | "lead"
            | "gain"
            | "gains"
            | "loss"
            | "losses"
            | "swing"
            | "margin"
            | "advantage"
            | "deficit"
            | "shortfall"
            | "increase"
            | "decrease"
            | "drop"
            | "rise"
            | "fall"
            | "cut"
            | "jump"
    )
}

/// Nouns for a part of a body: "the 12-seat Greens group".
fn is_group(w: &str) -> bool {
    matches!(
        w,
        "group" | "bloc" | "caucus" | "faction" | "delegation" | "contingent" | "party" | "slate"
    )
}

/// Whether the figure at `figure` is stated as a whole that parts can add
/// up to (see the module docs).
pub(crate) fn is_whole(text: &str, before: &[Word], after: &[Word], figure: Span) -> bool {
    let n = before.len();
    let last = |k: usize| n.checked_sub(k).and_then(|i| before.get(i));
    // "of the 45", "of 45", "out of 45", "Of the 45 seats, ..."
    let of_at = match (last(1), last(2)) {
        (Some(a), _) if a.lower == "of" => Some(n - 1),
        (Some(a), Some(b)) if a.lower == "the" && b.lower == "of" => Some(n - 2),
        _ => None,
    };
    if let Some(of) = of_at {
        let prior = of.checked_sub(1).map(|i| &before[i]);
        let after_part = prior.is_some_and(|p| {
            matches!(p.lower.as_str(), "out" | "total")
                || p.lower.starts_with(|c: char| c.is_ascii_digit())
                || words::is_spelled_number(&p.lower)
        });
        let opens = prior.is_none_or(|p| {
            text.get(p.span.end..before[of].span.start)
                .is_some_and(words::breaks_clause)
        });
        let gap = text.get(before[of].span.end..figure.start).unwrap_or(",");
        if !words::breaks_clause(gap) && (after_part || opens) {
            return true;
        }
    }
    // "all 45 seats" (not "all but 2").
    if last(1).is_some_and(|w| w.lower == "all") {
        return true;
    }
    // "45 seats in all", "17 in total", "17 altogether".
    let tail = &after[..after.len().min(4)];
    if tail
        .windows(2)
        .any(|p| p[0].lower == "in" && matches!(p[1].lower.as_str(), "all" | "total"))
        || tail.iter().take(3).any(|w| w.lower == "altogether")
    {
        return true;
    }
    // "the 45-seat chamber", not "a 12-seat majority".
    if let Some(rest) = text.get(figure.end..).and_then(|r| r.strip_prefix('-'))
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        let determined = last(1).is_some_and(|w| {
            matches!(w.lower.as_str(), "the" | "a" | "an" | "its" | "their") || possessive(w)
        });
        let glued_end = figure.end + 1 + rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        // "the 25-seat Ashby council" is a whole, "the 12-seat Greens
        // group" a part: the noun after the name says which.
        let mut rest = after.iter().skip_while(|w| w.span.start <= glued_end);
        let noun = rest.find(|w| !capitalised(text, w));
        return determined && noun.is_some_and(|w| !is_margin(&w.lower) && !is_group(&w.lower));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figure is the first run of digits in the text; returns its
    /// holder label and whether it is a whole.
    fn read(text: &str, figure: &str) -> (Option<String>, bool) {
        let at = text.find(figure).expect("the figure is in the text");
        let span = Span::new(at, at + figure.len());
        let ws = words::words(text, Span::new(0, text.len()));
        let b = ws.partition_point(|w| w.span.end <= span.start);
        let a = ws.partition_point(|w| w.span.start < span.end);
        let (before, after) = (&ws[..b], &ws[a..]);
        let first = !before
            .iter()
            .any(|w| w.lower.starts_with(|c: char| c.is_ascii_digit()));
        (
            holder(text, Span::new(0, text.len()), before, after, span, first).map(|h| h.label),
            is_whole(text, before, after, span),
        )
    }

    #[test]
    fn holders() {
        for (text, figure, expected) in [
            (
                "Final results gave the Greens 12 seats.",
                "12",
                Some("Greens"),
            ),
            (
                "the Greens 12 seats, the Workers' Party 8, independents 4",
                "8",
                Some("Workers' Party"),
            ),
            (
                "the Greens 12 seats, the Workers' Party 8, independents 4",
                "4",
                Some("independents"),
            ),
            (
                "the Greens 12 seats, the Workers' Party 8 and others 6",
                "6",
                Some("others"),
            ),
            ("- Civic Alliance: 19 seats", "19", Some("Civic Alliance")),
            ("Labour won 200 seats.", "200", Some("Labour")),
            ("The Alliance took 31 seats.", "31", Some("Alliance")),
            ("Ms Arden won 12,400 votes.", "12,400", Some("Ms Arden")),
            ("Another 24 seats went to the Greens.", "24", Some("Greens")),
            (
                "Twelve people died, 5 in Brisk and 3 in Coll.",
                "5",
                Some("Brisk"),
            ),
            (
                "The Civic Alliance emerged as the largest party on Sunday, winning 19 of the 45 seats.",
                "19",
                Some("Civic Alliance"),
            ),
            (
                "The Civic Alliance, with 19 of the 45 seats, is short.",
                "19",
                Some("Civic Alliance"),
            ),
            (
                "Party for Freedom 9, Left 3",
                "9",
                Some("Party for Freedom"),
            ),
            // Negative examples.
            ("Velmora's 45 seats were all contested.", "45", None),
            ("Voters in Velmora returned 45 councillors.", "45", None),
            ("Final results came in after 12 hours.", "12", None),
            ("up from 15 in 2019", "15", None),
            ("Turnout rose by 7 points.", "7", None),
            ("In Velmora, 12 people were hurt.", "12", None),
        ] {
            assert_eq!(
                read(text, figure).0.as_deref(),
                expected,
                "{text:?} {figure}"
            );
        }
    }

    #[test]
    fn wholes() {
        for (text, figure, expected) in [
            ("winning 19 of the 45 seats", "45", true),
            ("winning 19 of the 45 seats", "19", false),
            ("12,400 votes out of 25,480 cast", "25,480", true),
            ("Of the 45 seats, the Alliance won 19.", "45", true),
            ("all 87 seats are up for election", "87", true),
            ("a total of 17 people died", "17", true),
            ("87 seats in all", "87", true),
            ("the 45-seat chamber breaks down as follows", "45", true),
            ("an 87-member assembly", "87", true),
            ("the 25-seat Ashby council", "25", true),
            ("the 12-seat Greens group", "12", false),
            // Negative examples.
            ("a 12-seat majority", "12", false),
            ("the Greens 12 seats", "12", false),
            ("the 45 seats", "45", false),
            ("two of the councillors", "two", false),
        ] {
            assert_eq!(read(text, figure).1, expected, "{text:?} {figure}");
        }
    }
}
