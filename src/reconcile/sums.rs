//! Sums of parts against a total: "the Greens 12 seats, the Workers' Party
//! 8, independents 4 and the Harbour List 2" against "the 45-seat chamber".
//!
//! A **list** is the parts of one paragraph of one document that count the
//! same measure (the noun's key), each attributed to a different
//! [`Holder`](crate::assertion::Holder), at one time; at least two, one of
//! them named. Its **total** is a figure of the same measure stated as a
//! whole (see [`Assertion::whole`]) in the same document, in the list's
//! paragraph or the three before it; when the document states no whole of
//! that measure at all, a whole in another document of the same story
//! (see below). The sum is carried in interval arithmetic: the parts'
//! lows add up to the sum's low, their highs to its high.
//!
//! * The sum allows the total: **derived-agree**. A part stated against
//!   the total itself ("winning 19 of the 45 seats"), held by someone the
//!   list does not name, joins the list for this check only (the lead's
//!   winner, then a paragraph of the others).
//! * The parts of the list alone exceed the total: **derived-conflict**,
//!   however incomplete the list.
//! * The sum falls short of the total: a **derived-conflict** only when the
//!   list claims to be complete: it closes with "others" or "the rest", or
//!   the total is said to be split among them ("breaks down", "split",
//!   "divided"), and nothing says it is a selection ("including", "among
//!   them"). Otherwise the list may simply leave holders out, and nothing
//!   is said.
//!
//! A false conflict costs more trust than a missed one, so a list may
//! agree with its total but never conflict with it when:
//!
//! * the total is not beside it: in an earlier paragraph, unless its
//!   sentence introduces the list with a colon ("Here is how the 45-seat
//!   chamber breaks down:"). Further away, the whole may be another
//!   body's (a city council's 60 seats above a county's list);
//! * the paragraph speaks of groups made of other holders ("coalition",
//!   "together", "combined"), or a part is said to hold the next ("28 in
//!   Arlen, including 9 in Brisk"): one seat may be counted twice;
//! * the total is another document's and the link between the stories is
//!   weak (below).
//!
//! Across documents, a whole within a week of the list is used when its
//! document gives the list's holders the same figures for the same
//! measure more often than different ones: once at least for an
//! agreement, twice for a conflict.
//!
//! Lists also meet each other: two lists of one story (the same measure at
//! the same time, agreeing on two holders or more, and on more holders
//! than they disagree on) that give one holder different figures are in
//! **conflict** over that holder's figure.

use std::collections::BTreeMap;

use jiff::civil::DateTime;

use super::{All, Work, number, range, summands};
use crate::assertion::{Assertion, AssertionKind, Dimension, Holder};
use crate::report::{Finding, Gap, Verdict};

/// Days apart that a total in another document may be from the parts.
const SAME_STORY_DAYS: i64 = 7;

/// Paragraphs back from a list that its total may stand in.
const PARAGRAPHS_BACK: usize = 3;

/// Most totals in other documents, near a list's time, that are looked
/// at for it; a measure stated as a whole that often is too common to
/// link stories by.
const MAX_OTHER_TOTALS: usize = 64;

/// Assertions by noun and document.
type ByDoc<'a> = BTreeMap<(&'a str, &'a str), Vec<usize>>;

/// Check every list of parts against its total.
pub(super) fn sums(texts: &BTreeMap<&str, &str>, work: &mut Work) {
    let all = work.all;
    let docs = Docs::new(all, texts);
    let mut wholes: ByDoc = BTreeMap::new();
    let mut by_time: BTreeMap<&str, Vec<(DateTime, usize)>> = BTreeMap::new();
    let mut held: ByDoc = BTreeMap::new();
    for (i, a) in all.iter().enumerate() {
        if let Some(noun) = countable(all, i) {
            if a.whole && a.holder.is_none() {
                wholes.entry((noun, a.doc.as_ref())).or_default().push(i);
                if let Some((start, _)) = a.time.window() {
                    by_time.entry(noun).or_default().push((start, i));
                }
            } else if !a.whole && a.holder.is_some() {
                held.entry((noun, a.doc.as_ref())).or_default().push(i);
            }
        }
    }
    for v in by_time.values_mut() {
        v.sort();
    }
    let lists = lists(all, &docs, &held);
    for list in &lists {
        let first = &all[list[0]];
        let noun = countable(all, list[0]).unwrap_or_default();
        if let Some(own) = wholes.get(&(noun, first.doc.as_ref())) {
            if let Some(total) = own_total(all, &docs, list, own) {
                let joined = joined_parts(all, texts, list, total, &held);
                let adjacent = adjacent(texts, &docs, all, list, total);
                check(work, texts, &docs, list, &joined, &[total], adjacent);
            }
            continue;
        }
        let Some((start, _)) = first.time.window() else {
            continue;
        };
        let span = jiff::SignedDuration::from_hours(24 * SAME_STORY_DAYS);
        let (Ok(from), Ok(to)) = (start.checked_sub(span), start.checked_add(span)) else {
            continue;
        };
        let timed = by_time.get(noun).map_or(&[][..], Vec::as_slice);
        let near = &timed
            [timed.partition_point(|&(t, _)| t < from)..timed.partition_point(|&(t, _)| t <= to)];
        if near.len() > MAX_OTHER_TOTALS {
            continue;
        }
        let candidates: Vec<usize> = near.iter().map(|&(_, w)| w).collect();
        let totals = other_totals(all, list, &candidates, &held);
        if !totals.is_empty() {
            let strong = totals.iter().all(|&(_, strong)| strong);
            let mut totals: Vec<usize> = totals.into_iter().map(|(w, _)| w).collect();
            totals.sort_by_key(|&w| (&all[w].doc, all.span(w).start));
            check(work, texts, &docs, list, &[], &totals, strong);
        }
    }
    holders(work, texts, &docs, &lists);
}

/// Largest number of lists sharing one holder that are compared with each
/// other; a commoner holder is not used as a key.
const MAX_HOLDER_BUCKET: usize = 64;

/// Two lists of one story that give one holder different figures: "the
/// Workers' Party 8" in one report, "Workers' Party: 9 seats" in another,
/// while they agree on the others.
///
/// Two lists are of one story when they count the same measure at the
/// same time and agree on at least two holders, more than they disagree
/// on. A list beside words of another time ("previous", "outgoing",
/// "compared") may be last term's, and is never held against another.
fn holders(work: &mut Work, texts: &BTreeMap<&str, &str>, docs: &Docs, lists: &[Vec<usize>]) {
    let all = work.all;
    let mut index: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (l, list) in lists.iter().enumerate() {
        for &i in list {
            if let (Some(noun), Some(h)) = (countable(all, i), &all[i].holder) {
                index.entry((noun, h.key.as_str())).or_default().push(l);
            }
        }
    }
    let mut pairs = std::collections::BTreeSet::new();
    for members in index.values().filter(|m| m.len() <= MAX_HOLDER_BUCKET) {
        for (x, &l) in members.iter().enumerate() {
            for &m in &members[x + 1..] {
                if l != m && all[lists[l][0]].doc != all[lists[m][0]].doc {
                    pairs.insert((l.min(m), l.max(m)));
                }
            }
        }
    }
    for (l, m) in pairs {
        let (a, b) = (&lists[l], &lists[m]);
        if !same_time(&all[a[0]], &all[b[0]])
            || another_time(texts, docs, all, a)
            || another_time(texts, docs, all, b)
        {
            continue;
        }
        let mut agree = Vec::new();
        let mut differ = Vec::new();
        for &i in a {
            for &j in b {
                let (Some(h), Some(g), Some(f), Some(e)) =
                    (&all[i].holder, &all[j].holder, all.figure(i), all.figure(j))
                else {
                    continue;
                };
                if !h.same_as(g) {
                    continue;
                }
                if f.overlaps(e) {
                    agree.push((i, j));
                } else {
                    differ.push((i, j));
                }
            }
        }
        if agree.len() < 2 || agree.len() <= differ.len() {
            continue;
        }
        for (i, j) in differ {
            holder_conflict(work, i, j, &agree);
        }
    }
}

/// Whether the paragraph of a list, or the one before it, speaks of
/// another time than the present result.
fn another_time(texts: &BTreeMap<&str, &str>, docs: &Docs, all: All, list: &[usize]) -> bool {
    let (doc, p) = (all[list[0]].doc.as_ref(), docs.paragraph(all, list[0]));
    docs.words(texts, doc, p).another_time
        || p.checked_sub(1)
            .is_some_and(|q| docs.words(texts, doc, q).another_time)
}

/// Words of another time than the present result.
fn is_another_time(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "previous"
            | "outgoing"
            | "last"
            | "former"
            | "old"
            | "before"
            | "compared"
            | "until"
            | "earlier"
            | "ago"
    )
}

/// Words of groups made of several holders, as written in lower case:
/// "Civic Alliance" is a name, "the alliance" a group.
fn is_group(word: &str) -> bool {
    matches!(
        word,
        "coalition"
            | "bloc"
            | "alliance"
            | "together"
            | "combined"
            | "jointly"
            | "partnership"
            | "pact"
    )
}

fn holder_conflict(work: &mut Work, i: usize, j: usize, agree: &[(usize, usize)]) {
    let all = work.all;
    let (lo, hi) = match (all.figure(i), all.figure(j)) {
        (Some(f), Some(e)) if f.value <= e.value => (i, j),
        (Some(_), Some(_)) => (j, i),
        _ => return,
    };
    let (Some(l_high), Some(h_low)) = (
        all.figure(lo).and_then(|f| f.high),
        all.figure(hi).and_then(|f| f.low),
    ) else {
        return;
    };
    let already = work.findings.iter().any(|f| {
        f.verdict == Verdict::Conflict
            && [lo, hi].iter().all(|&k| {
                f.evidence
                    .iter()
                    .any(|e| *e.doc == *all[k].doc && e.start == all.span(k).start)
            })
    });
    if already {
        return;
    }
    let holder = all[lo].holder.as_ref().map_or("", |h| h.label.as_str());
    let noun = if all[lo].measure.label.is_empty() {
        "figure"
    } else {
        &*all[lo].measure.label
    };
    let gap = h_low - l_high;
    let percent = 100.0 * gap / h_low.abs().max(l_high.abs()).max(f64::MIN_POSITIVE);
    let shared = agree
        .iter()
        .map(|&(x, _)| {
            let who = all[x].holder.as_ref().map_or("", |h| h.label.as_str());
            format!("{who} {}", all.text(x))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let message = format!(
        "{} gives {holder} {} {noun} but {} gives {}, {}, while the two lists agree on {shared}; the figures are {} apart ({percent:.1} %).",
        all[lo].doc,
        all.text(lo),
        all[hi].doc,
        all.text(hi),
        super::scope_phrase(&all[lo].time),
        number(gap),
    );
    let evidence = [lo, hi].iter().flat_map(|&k| work.evidence(k)).collect();
    work.used[lo] = true;
    work.used[hi] = true;
    work.findings.push(Finding {
        verdict: Verdict::Conflict,
        measure: format!("{holder} {noun}"),
        message,
        evidence,
        arithmetic: Some(format!(
            "at most {} < at least {}",
            number(l_high),
            number(h_low)
        )),
        gap: Some(Gap {
            absolute: gap,
            percent,
        }),
    });
}

/// The noun of a plain count that can be a part or a total.
fn countable<'a>(all: All<'a>, i: usize) -> Option<&'a str> {
    let (a, f) = (all.get(i), all.figure(i)?);
    let plain = a.dimension == Dimension::Count
        && matches!(a.kind, AssertionKind::Count | AssertionKind::Stock)
        && f.qualifier != crate::figure::Qualifier::Vague
        && f.low.is_some();
    plain.then_some(a.measure.noun.as_deref()?)
}

/// Where paragraphs begin in each document, to place an assertion, and
/// what the words of each paragraph read so far say. Many lists share a
/// paragraph, so each is read once, not once a list.
struct Docs<'a> {
    breaks: BTreeMap<&'a str, Vec<usize>>,
    /// What each document's paragraphs say, as far as read.
    words: BTreeMap<&'a str, std::cell::RefCell<Vec<Option<Said>>>>,
}

/// What the words of a paragraph say about the lists in it.
#[derive(Clone, Copy)]
struct Said {
    /// Words of another time ("previous", "outgoing"): see [`another_time`].
    another_time: bool,
    /// Words of groups made of several holders ("between them",
    /// "coalition"): see [`Cues::aggregate`].
    groups: bool,
}

impl<'a> Docs<'a> {
    fn new(all: All<'a>, texts: &BTreeMap<&'a str, &'a str>) -> Docs<'a> {
        let mut breaks = BTreeMap::new();
        for a in all.iter() {
            breaks.entry(a.doc.as_ref()).or_insert_with(|| {
                texts
                    .get(a.doc.as_ref())
                    .map_or_else(Vec::new, |t| blank_lines(t))
            });
        }
        let words = breaks
            .iter()
            .map(|(&doc, b)| (doc, std::cell::RefCell::new(vec![None; b.len() + 1])))
            .collect();
        Docs { breaks, words }
    }

    /// What the words of paragraph `p` of `doc` say.
    fn words(&self, texts: &BTreeMap<&str, &str>, doc: &str, p: usize) -> Said {
        let seen = self.words.get(doc);
        if let Some(said) = seen.and_then(|s| s.borrow().get(p).copied().flatten()) {
            return said;
        }
        let text = self.text_of(texts, doc, p);
        let words = || text.split(|c: char| !c.is_alphanumeric());
        let said = Said {
            another_time: words().any(is_another_time),
            groups: text.contains("between them") || words().any(is_group),
        };
        if let Some(seen) = seen
            && let Some(slot) = seen.borrow_mut().get_mut(p)
        {
            *slot = Some(said);
        }
        said
    }

    /// The text of paragraph `p` of `doc`.
    fn text_of<'t>(&self, texts: &BTreeMap<&str, &'t str>, doc: &str, p: usize) -> &'t str {
        let Some(text) = texts.get(doc) else {
            return "";
        };
        let breaks = self.breaks.get(doc).map_or(&[][..], Vec::as_slice);
        let start = p
            .checked_sub(1)
            .and_then(|k| breaks.get(k))
            .copied()
            .unwrap_or(0);
        let end = breaks.get(p).copied().unwrap_or(text.len());
        text.get(start..end).unwrap_or_default()
    }

    /// The index of the paragraph the `i`th assertion stands in.
    fn paragraph(&self, all: All, i: usize) -> usize {
        let start = all.span(i).start;
        self.breaks
            .get(all[i].doc.as_ref())
            .map_or(0, |b| b.partition_point(|&x| x <= start))
    }
}

/// Offsets just after each blank line (a line break, optional spaces, and
/// another line break).
fn blank_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut last_newline: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => {
                if last_newline.is_some() {
                    out.push(i + 1);
                }
                last_newline = Some(i);
            }
            b' ' | b'\t' | b'\r' => {}
            _ => last_newline = None,
        }
    }
    out
}

/// The lists: parts of one paragraph with the same noun, distinct holders
/// and one time, at least two of them, one named.
fn lists(all: All, docs: &Docs, held: &ByDoc) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<(&str, &str, usize), Vec<usize>> = BTreeMap::new();
    for ((noun, _), members) in held {
        for &i in members {
            groups
                .entry((all[i].doc.as_ref(), noun, docs.paragraph(all, i)))
                .or_default()
                .push(i);
        }
    }
    groups
        .into_values()
        .filter(|list| {
            let holders: Vec<&Holder> = list
                .iter()
                .filter_map(|&i| all[i].holder.as_deref())
                .collect();
            let distinct = holders
                .iter()
                .enumerate()
                .all(|(x, h)| holders[x + 1..].iter().all(|o| !h.same_as(o)));
            let one_time = list.iter().all(|&i| same_time(&all[i], &all[list[0]]));
            list.len() >= 2 && holders.iter().any(|h| h.named) && distinct && one_time
        })
        .collect()
}

fn same_time(a: &Assertion, b: &Assertion) -> bool {
    match (a.time.window(), b.time.window()) {
        (Some(_), Some(_)) => a.time.same_time(&b.time),
        (None, None) => true,
        _ => false,
    }
}

/// The total of a list in its own document: the wholes in its paragraph
/// or the few before it, at its time, when they all agree; the nearest.
fn own_total(all: All, docs: &Docs, list: &[usize], own: &[usize]) -> Option<usize> {
    let at = docs.paragraph(all, list[0]);
    // `own` is in text order: the wholes of the paragraphs in reach are
    // found by halving, not by reading every whole of the document.
    let from = own.partition_point(|&w| docs.paragraph(all, w) + PARAGRAPHS_BACK < at);
    let to = own.partition_point(|&w| docs.paragraph(all, w) <= at);
    let near: Vec<usize> = own[from..to.max(from)]
        .iter()
        .copied()
        .filter(|&w| same_time(&all[w], &all[list[0]]))
        .collect();
    let first = all.figure(*near.first()?)?;
    let agree = near
        .iter()
        .all(|&w| all.figure(w).is_some_and(|f| f.overlaps(first)));
    if !agree {
        return None;
    }
    near.into_iter()
        .min_by_key(|&w| all.span(w).start.abs_diff(all.span(list[0]).start))
}

/// Whether a total stands where a list can only be its breakdown: in the
/// list's paragraph, or at the end of the paragraph just before, in a
/// sentence that introduces the list with a colon ("Here is how the
/// 45-seat chamber breaks down:"). A total further away may be another
/// body's (a city council's 60 seats above a county's list), so it can
/// confirm a sum but never contradict one.
fn adjacent(
    texts: &BTreeMap<&str, &str>,
    docs: &Docs,
    all: All,
    list: &[usize],
    total: usize,
) -> bool {
    let (p, q) = (docs.paragraph(all, total), docs.paragraph(all, list[0]));
    let introduces = texts
        .get(all[total].doc.as_ref())
        .and_then(|t| all.sentence(total).get(t))
        .is_some_and(|s| s.trim_end().ends_with(':'));
    p == q || (introduces && p + 1 == q)
}

/// Parts stated against the total itself ("winning 19 of the 45 seats")
/// by a holder the list does not name.
fn joined_parts(
    all: All,
    texts: &BTreeMap<&str, &str>,
    list: &[usize],
    total: usize,
    held: &ByDoc,
) -> Vec<usize> {
    let t = &all[total];
    let Some(text) = texts.get(t.doc.as_ref()) else {
        return Vec::new();
    };
    let noun = countable(all, total).unwrap_or_default();
    let t_span = all.span(total);
    let parts = held
        .get(&(noun, t.doc.as_ref()))
        .map_or(&[][..], Vec::as_slice);
    // The parts are in text order. Only those ending just before the total
    // can be joined to it: the words between an earlier one and the total
    // hold the later one's figure, so once they are longer than the
    // longest joining words, every earlier gap is too.
    let before = parts.partition_point(|&p| all.span(p).end <= t_span.start);
    let mut joined = Vec::new();
    for &p in parts[..before].iter().rev() {
        let a = &all[p];
        let Some(gap) = text.get(all.span(p).end..t_span.start) else {
            continue;
        };
        let gap = gap.trim();
        if gap.len() > "out of the".len() {
            break;
        }
        let of = a.doc == t.doc
            && matches!(
                gap.to_lowercase().as_str(),
                "of" | "of the" | "out of" | "out of the"
            );
        let named = a.holder.as_ref().is_some_and(|h| {
            list.iter()
                .all(|&i| all[i].holder.as_ref().is_none_or(|o| !o.same_as(h)))
        });
        if of && named && !list.contains(&p) {
            joined.push(p);
        }
    }
    joined.reverse();
    joined
}

/// Totals in other documents of the same story (see the module docs), when
/// they all agree.
fn other_totals(
    all: All,
    list: &[usize],
    candidates: &[usize],
    held: &ByDoc,
) -> Vec<(usize, bool)> {
    let first = &all[list[0]];
    let noun = countable(all, list[0]).unwrap_or_default();
    let near = |a: &Assertion| match (a.time.window(), first.time.window()) {
        (Some((s, _)), Some((t, _))) => {
            s.duration_until(t).as_secs().abs() <= SAME_STORY_DAYS * 86_400
        }
        _ => false,
    };
    // The story's link: the other document gives the list's holders the
    // same figures, more often than not; for a conflict, twice at least.
    let link = |doc: &str| {
        let (mut agree, mut differ) = (0, 0);
        for &o in held.get(&(noun, doc)).into_iter().flatten() {
            let other = &all[o];
            if !near(other) {
                continue;
            }
            let same = list.iter().find_map(|&i| {
                let part = &all[i];
                match (&part.holder, &other.holder, all.figure(i), all.figure(o)) {
                    (Some(h), Some(g), Some(f), Some(e)) if h.named && h.same_as(g) => {
                        Some(f.overlaps(e))
                    }
                    _ => None,
                }
            });
            match same {
                Some(true) => agree += 1,
                Some(false) => differ += 1,
                None => {}
            }
        }
        (agree, differ)
    };
    let totals: Vec<(usize, bool)> = candidates
        .iter()
        .copied()
        .filter(|&w| all[w].doc != first.doc && near(&all[w]))
        .filter_map(|w| {
            let (agree, differ) = link(&all[w].doc);
            (agree >= 1 && agree > differ).then_some((w, agree >= 2))
        })
        .collect();
    // One total a document: its first.
    let mut totals = totals;
    totals.sort_by_key(|&(w, _)| (&all[w].doc, all.span(w).start));
    totals.dedup_by(|b, a| all[a.0].doc == all[b.0].doc);
    let agree = totals.iter().all(|&(w, _)| {
        totals
            .iter()
            .all(|&(v, _)| match (all.figure(w), all.figure(v)) {
                (Some(a), Some(b)) => a.overlaps(b),
                _ => false,
            })
    });
    if agree { totals } else { Vec::new() }
}

/// The cues of a list's sentences and its total's, in lower case.
struct Cues {
    /// The total is said to be split among the parts.
    split: bool,
    /// The parts are said to be a selection.
    selection: bool,
    /// The paragraph speaks of groups made of other holders, or one part
    /// is said to hold another.
    aggregate: bool,
}

fn cues(
    texts: &BTreeMap<&str, &str>,
    docs: &Docs,
    all: All,
    list: &[usize],
    totals: &[usize],
) -> Cues {
    let sentence = |i: usize| {
        texts
            .get(all[i].doc.as_ref())
            .and_then(|t| all.sentence(i).get(t))
            .unwrap_or_default()
    };
    // The sentences of the list and its totals, each once: the parts of a
    // list often share one, and a list may be long.
    let mut said = String::new();
    let mut last: Option<(&str, crate::span::Span)> = None;
    for &i in list.iter().chain(totals) {
        let here = (all[i].doc.as_ref(), all.sentence(i));
        if last != Some(here) {
            said.push_str(&sentence(i).to_lowercase());
            said.push(' ');
        }
        last = Some(here);
    }
    let split = [
        "split",
        "divided",
        "breaks down",
        "break down",
        "broke down",
        "breakdown",
        "shared out",
        "distributed",
        "allocated",
        "as follows",
    ]
    .iter()
    .any(|c| said.contains(c));
    let selection = [
        "including",
        "include",
        "among them",
        "among",
        "such as",
        "of which",
        "notably",
        "led by",
        "at least",
    ]
    .iter()
    .any(|c| said.contains(c));
    let aggregate = docs
        .words(
            texts,
            all[list[0]].doc.as_ref(),
            docs.paragraph(all, list[0]),
        )
        .groups;
    // "80 in the North, including 30 in Arlen": a part inside a part.
    let nested = list.windows(2).any(|pair| {
        let (a, b) = (&all[pair[0]], &all[pair[1]]);
        a.doc == b.doc
            && texts
                .get(a.doc.as_ref())
                .and_then(|t| t.get(all.span(pair[0]).end..all.span(pair[1]).start))
                .is_some_and(|between| {
                    let between = between.to_lowercase();
                    [
                        "including",
                        "among them",
                        "among whom",
                        "of which",
                        "of whom",
                        "of them",
                        "such as",
                        "mostly",
                        "mainly",
                        "within",
                    ]
                    .iter()
                    .any(|c| between.contains(c))
                })
    });
    let aggregate = aggregate || nested;
    Cues {
        split,
        selection,
        aggregate,
    }
}

/// The sum of figures in interval arithmetic; an open high is infinite.
fn sum(all: All, parts: &[usize]) -> (f64, f64) {
    parts
        .iter()
        .filter_map(|&i| all.figure(i))
        .fold((0.0, 0.0), |(l, h), f| {
            (
                l + f.low.unwrap_or(0.0),
                h + f.high.unwrap_or(f64::INFINITY),
            )
        })
}

/// The agreed interval of the totals: their intersection.
fn total_range(all: All, totals: &[usize]) -> Option<(f64, f64)> {
    let figures = totals.iter().filter_map(|&i| all.figure(i));
    let low = figures
        .clone()
        .filter_map(|f| f.low)
        .fold(f64::NEG_INFINITY, f64::max);
    let high = figures.filter_map(|f| f.high).fold(f64::INFINITY, f64::min);
    (low.is_finite() && low <= high).then_some((low, high))
}

fn check(
    work: &mut Work,
    texts: &BTreeMap<&str, &str>,
    docs: &Docs,
    list: &[usize],
    joined: &[usize],
    totals: &[usize],
    may_conflict: bool,
) {
    let all = work.all;
    let Some((tl, th)) = total_range(all, totals) else {
        return;
    };
    let cues = cues(texts, docs, all, list, totals);
    let rest = list
        .iter()
        .any(|&i| all[i].holder.as_deref().is_some_and(Holder::is_rest));
    let complete = (rest || cues.split) && !cues.selection;
    let mut parts: Vec<usize> = joined.iter().chain(list).copied().collect();
    parts.sort_by_key(|&i| (&all[i].doc, all.span(i).start));
    let (low, high) = sum(all, &parts);
    let (list_low, list_high) = sum(all, list);
    let holds = low <= th && tl <= high;
    let exceeds = list_low > th;
    let short = joined.is_empty() && complete && list_high < tl;
    let verdict_holds = if holds {
        true
    } else if (exceeds || short) && !cues.aggregate && may_conflict {
        false
    } else {
        return;
    };
    let parts = if verdict_holds { parts } else { list.to_vec() };
    let (low, high) = if verdict_holds {
        (low, high)
    } else {
        (list_low, list_high)
    };
    let named = parts
        .iter()
        .map(|&i| {
            let a = &all[i];
            let who = a.holder.as_ref().map_or("", |h| h.label.as_str());
            format!("{who} {}", all.text(i))
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let total_text = totals
        .iter()
        .map(|&t| format!("{} (\"{}\")", all[t].doc, all.text(t)))
        .collect::<Vec<_>>()
        .join(" and ");
    let sum_text = if high.is_finite() {
        range(low, high)
    } else {
        format!("at least {}", number(low))
    };
    let whole = range(tl, th);
    let message = if verdict_holds {
        format!(
            "{named} add up to {sum_text}, which allows the total of {whole} given in {total_text}: the parts account for the whole."
        )
    } else if exceeds {
        format!(
            "{named} add up to {sum_text}, more than the total of {whole} given in {total_text}: the parts cannot all be right."
        )
    } else {
        let claim = if rest {
            "the list closes with the rest"
        } else {
            "the total is said to be split among them"
        };
        format!(
            "{named} add up to {sum_text}, less than the total of {whole} given in {total_text}, though {claim}."
        )
    };
    let arithmetic = format!(
        "{} = {sum_text}; total {}: {}",
        summands(all, &parts),
        range(tl, th),
        if verdict_holds {
            "inside"
        } else if exceeds {
            "above"
        } else {
            "below"
        }
    );
    let used: Vec<usize> = totals.iter().chain(&parts).copied().collect();
    // The measure as the parts name it ("seats"), not as the total's
    // phrase does ("45-seat").
    work.push_derived(verdict_holds, &used, list[0], message, arithmetic);
}
