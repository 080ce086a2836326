//! Reconciliation: comparing assertions across documents.
//!
//! Assertions are indexed by measure (the noun's key and the dimension), so
//! only assertions that can be about the same thing ever meet; no pair of
//! documents is compared wholesale. Within one measure:
//!
//! * **Same time** (scopes whose windows overlap, see
//!   [`TimeScope::window`]): the values are clustered by interval overlap.
//!   One cluster across two or more documents is an agreement; clusters
//!   apart, from different documents, are a conflict, with the gap.
//! * **Different times**: never a conflict merely because times differ.
//!   For a cumulative measure, a later value below an earlier one from
//!   another document is a conflict; a rise is consistent.
//! * **Derived**: a flow over `[t0, t1)` is checked against the stock at
//!   `t1` minus the stock at `t0`, in interval arithmetic; a share against
//!   its part and whole; a percentage change against its two levels;
//!   shares listed together against 100 %; parts attributed to different
//!   holders against their total (the `sums` module).
//! * **Holders**: figures of one measure held by different holders ("the
//!   Greens' seats", "the Alliance's seats") are never linked; two lists
//!   of one story that give one holder different figures conflict.
//! * **Temporal**: a relative time in one document that lands on an
//!   absolute one in another for the same figure; a weekday beside its date;
//!   an event dated in two documents.
//!
//! Everything else is listed as unverified. The input order of documents
//! never changes the report: documents are sorted by id first, and every
//! collection is ordered.

mod held;
mod story;
mod sums;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{DateTime, Time};
use rayon::prelude::*;

use crate::assertion::{
    Assertion, AssertionKind, Claim, Dimension, Reader, TimeScope, grow, is_quantity,
};
use crate::document::{DateOrigin, Document, Published};
use crate::figure::{Figure, Qualifier};
use crate::mention::{Diagnostic, Found, Mention, Value};
use crate::period::{Anchor, Grain, Period};
use crate::report::{DocumentSummary, Evidence, Finding, Gap, Report, Unverified, Verdict};
use held::{All, Held};

/// Settings of a check.
#[derive(Clone, Debug, PartialEq)]
pub struct Checker {
    /// Least [`Measure::similarity`](crate::assertion::Measure::similarity)
    /// for two assertions to be compared at all (0 to 1). Raise it to link
    /// fewer, surer pairs.
    pub similarity: f64,
    /// Least similarity for two figures to be called in conflict: higher
    /// than for an agreement, because a false conflict costs more trust
    /// than a missed agreement.
    pub conflict_similarity: f64,
    /// Least similarity for two dated events to be called the same event.
    pub event_similarity: f64,
    /// Largest number of assertions sharing one event word that are
    /// compared with each other; commoner words are not used as keys.
    pub max_event_bucket: usize,
}

impl Default for Checker {
    fn default() -> Checker {
        Checker {
            similarity: 0.6,
            conflict_similarity: 0.75,
            event_similarity: 0.5,
            max_event_bucket: 64,
        }
    }
}

/// One document's share of the work, read on its own: its assertions and
/// what else the report needs of it. Its mentions are dropped as soon as
/// its assertions and weekday checks are made, so a batch never holds
/// more than one document's mentions per thread.
struct Checked<'d> {
    doc: &'d Document,
    published: Option<Published>,
    /// The problems found in it.
    diagnostics: Vec<Diagnostic>,
    /// Its assertions that may meet another's, in text order.
    held: Held,
    /// Whether a check inside its sentence used each of them.
    used: Vec<bool>,
    /// Its assertions that can meet no other's and were not used, as the
    /// report lists them, in text order.
    unverified: Vec<Unverified>,
    /// The checks inside its sentences.
    parts: Vec<Finding>,
    /// Its weekdays checked against their dates.
    weekdays: Vec<Finding>,
    /// The names it uses, which tell its story (see [`story`]).
    names: Vec<String>,
}

/// Check documents against each other with the default settings.
pub fn check(docs: &[Document]) -> Report {
    Checker::default().check(docs)
}

impl Checker {
    /// Check documents against each other.
    ///
    /// The report names documents by their ids, and sources are counted
    /// by id: two documents of one id agree with each other as one source
    /// would. Give each its own (the `check` example names files of one
    /// name in two directories by their paths).
    pub fn check(&self, docs: &[Document]) -> Report {
        self.check_with_progress(docs, &|_, _| {})
    }

    /// Check documents against each other, calling `progress(done, total)`
    /// as each document has been read (from any thread, in any order: the
    /// report itself does not depend on it). For a progress bar over large
    /// batches.
    pub fn check_with_progress(
        &self,
        docs: &[Document],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Report {
        let total = docs.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let mut sorted: Vec<&Document> = docs.iter().collect();
        sorted.sort_by(|a, b| (&a.id, &a.text).cmp(&(&b.id, &b.text)));
        // Each document is read on its own, so the reading runs on every
        // core; the collected order is the sorted order, whatever the
        // threads, so the report is the same as a serial run's.
        let mut checked: Vec<Checked> = sorted
            .into_par_iter()
            .map(|doc| {
                let published = doc.published.or_else(|| crate::infer_published(doc));
                let read = read(doc, published);
                progress(
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                    total,
                );
                Checked {
                    doc,
                    published,
                    diagnostics: read.diagnostics,
                    held: read.held,
                    used: read.used,
                    unverified: read.unverified,
                    parts: read.parts,
                    weekdays: read.weekdays,
                    names: story::names(&doc.text, doc.header.end),
                }
            })
            .collect();
        let held = Held::concatenate(
            checked
                .iter_mut()
                .map(|c| std::mem::take(&mut c.held))
                .collect(),
        );
        let in_order: Vec<&str> = checked.iter().map(|c| c.doc.text.as_str()).collect();
        let mut work = Work {
            all: held.all(&in_order),
            used: checked
                .iter_mut()
                .flat_map(|c| std::mem::take(&mut c.used))
                .collect(),
            findings: Vec::new(),
            levels: Vec::new(),
        };
        let named: Vec<(&str, Vec<String>)> = checked
            .iter()
            .map(|c| (c.doc.id.as_str(), c.names.clone()))
            .collect();
        let stories = story::Stories::new(&named);
        self.quantities(&mut work, &stories);
        self.events(&mut work);
        let texts: BTreeMap<&str, &str> = checked
            .iter()
            .map(|c| (c.doc.id.as_str(), c.doc.text.as_str()))
            .collect();
        for c in &mut checked {
            work.findings.append(&mut c.parts);
        }
        sums::sums(&texts, &mut work);
        for c in &mut checked {
            work.findings.append(&mut c.weekdays);
        }
        let Work {
            used, mut findings, ..
        } = work;
        // Quotes index the file as read: where invalid bytes were replaced
        // on loading, offsets are mapped back to the original bytes.
        let by_id: BTreeMap<&str, &Document> =
            checked.iter().map(|c| (c.doc.id.as_str(), c.doc)).collect();
        let original =
            |doc: &str, offset: usize| by_id.get(doc).map_or(offset, |d| d.original_offset(offset));
        for f in &mut findings {
            for e in &mut f.evidence {
                (e.start, e.end) = (original(&e.doc, e.start), original(&e.doc, e.end));
            }
            f.evidence.sort();
            f.evidence.dedup();
        }
        findings.sort_by(|a, b| {
            (a.verdict, &a.evidence, &a.measure).cmp(&(b.verdict, &b.evidence, &b.measure))
        });
        findings.dedup();
        // The assertions are done with. The unused ones give their strings
        // to the report (a copy only where one shape stands for several);
        // the entries listed as the documents were read join them, and all
        // are put in document and text order.
        let mut unverified: Vec<Unverified> =
            Vec::with_capacity(used.iter().filter(|&&u| !u).count());
        unverified.extend(
            held.into_assertions(&in_order, |i| !used[i])
                .filter_map(|(doc, a)| Some(self::unverified(checked.get(doc)?.doc, a))),
        );
        unverified.shrink_to_fit();
        let mut unverified = concatenate(
            std::iter::once(unverified).chain(
                checked
                    .iter_mut()
                    .map(|c| std::mem::take(&mut c.unverified)),
            ),
        );
        unverified.sort_unstable_by(|a, b| {
            (&a.doc, a.start, a.end, &a.text, &a.measure, &a.kind)
                .cmp(&(&b.doc, b.start, b.end, &b.text, &b.measure, &b.kind))
        });
        let documents = checked.iter_mut().map(summary).collect();
        Report {
            documents,
            findings,
            unverified,
        }
    }

    fn quantities(&self, work: &mut Work, stories: &story::Stories) {
        // A rate is compared only with rates per the same thing, and never
        // with a level: "450 a day" is not "450".
        let mut buckets: BTreeMap<(&str, &Dimension, Option<&str>), Vec<usize>> = BTreeMap::new();
        for (i, a) in work.all.iter().enumerate() {
            if let (Some(noun), Claim::Figure { .. }) = (&a.measure.noun, &a.claim) {
                buckets
                    .entry((&**noun, &a.dimension, a.per.as_deref()))
                    .or_default()
                    .push(i);
            }
        }
        for members in buckets.into_values() {
            for group in self.split_by_verb(work.all, members) {
                let all = work.all;
                for story in stories.split(group, |i| all[i].doc.as_ref()) {
                    self.stocks(work, &story);
                    self.flows(work, &story);
                }
            }
        }
    }

    /// Split a noun's assertions by the verbs the lexicon knows ("died",
    /// "rescued"); figures with another verb or none join the known verb
    /// when there is exactly one.
    fn split_by_verb(&self, all: All, members: Vec<usize>) -> Vec<Vec<usize>> {
        let mut known: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut loose = Vec::new();
        for i in members {
            match all[i].measure.verb.as_deref() {
                Some(v) if crate::assertion::is_concept(v) => known.entry(v).or_default().push(i),
                _ => loose.push(i),
            }
        }
        let mut groups: Vec<Vec<usize>> = known.into_values().collect();
        // A figure whose verb the lexicon does not know joins the only known
        // verb there is; with several, it could belong to any, so the loose
        // figures stay a group of their own.
        match groups.as_mut_slice() {
            [only] => only.extend(loose),
            _ => groups.push(loose),
        }
        for g in &mut groups {
            g.sort();
        }
        groups.retain(|g| !g.is_empty());
        groups
    }

    /// Same-time comparison and the cumulative rule for stocks, counts and
    /// shares.
    fn stocks(&self, work: &mut Work, group: &[usize]) {
        let all = work.all;
        let mut levels: Vec<(DateTime, DateTime, usize)> = group
            .iter()
            .filter(|&&i| {
                matches!(
                    all[i].kind,
                    AssertionKind::Stock
                        | AssertionKind::Count
                        | AssertionKind::Share
                        | AssertionKind::Rate
                )
            })
            // A vague magnitude ("millions of") can neither confirm nor
            // refute a figure by a margin a reader would trust.
            .filter(|&&i| {
                all.figure(i)
                    .is_some_and(|f| f.qualifier != Qualifier::Vague)
            })
            .filter_map(|&i| all[i].time.window().map(|(s, e)| (s, e, i)))
            .collect();
        levels.sort_by(|a, b| {
            (a.0, a.1, &all[a.2].doc, all.span(a.2)).cmp(&(b.0, b.1, &all[b.2].doc, all.span(b.2)))
        });
        let times = time_groups(&levels);
        let mut earlier_floor: Option<(f64, usize)> = None;
        for members in &times {
            let clusters = value_clusters(all, members);
            let docs = |c: &[usize]| {
                c.iter()
                    .map(|&i| all[i].doc.as_ref())
                    .collect::<BTreeSet<_>>()
            };
            for c in &clusters {
                let c = linked(all, c, self.similarity);
                if docs(&c).len() >= 2 {
                    work.agree(&c);
                    work.temporal_agree(&c);
                }
            }
            // A document that gives one measure two different values at one
            // time is naming parts of it ("19 seats" and "45 seats"): none
            // of its values can be held against another source's.
            let ambiguous: BTreeSet<&str> = clusters
                .iter()
                .flat_map(|c| docs(c))
                .fold(
                    (BTreeSet::new(), BTreeSet::new()),
                    |(mut seen, mut twice), d| {
                        if !seen.insert(d) {
                            twice.insert(d);
                        }
                        (seen, twice)
                    },
                )
                .1;
            for pair in clusters.windows(2) {
                let keep = |c: &Vec<usize>| -> Vec<usize> {
                    c.iter()
                        .copied()
                        .filter(|&i| !ambiguous.contains(all[i].doc.as_ref()))
                        .collect()
                };
                let (lo, hi) = (keep(&pair[0]), keep(&pair[1]));
                let close = lo.iter().take(8).any(|&x| {
                    hi.iter().take(8).any(|&y| {
                        all[x].doc != all[y].doc
                            && same_holder(&all[x], &all[y])
                            && all[x].measure.similarity(&all[y].measure)
                                >= self.conflict_similarity
                    })
                });
                if close {
                    work.conflict(&lo, &hi);
                }
            }
            // A running total cannot fall.
            for &i in members {
                let a = &all[i];
                let (Some(f), true) = (all.figure(i), a.cumulative) else {
                    continue;
                };
                if let (Some((floor, j)), Some(high)) = (earlier_floor, f.high)
                    && high < floor
                    && all[j].doc != a.doc
                {
                    work.fell(j, i);
                }
            }
            for &i in members {
                let a = &all[i];
                if let (Some(low), true) = (all.figure(i).and_then(|f| f.low), a.cumulative)
                    && earlier_floor.is_none_or(|(floor, _)| low > floor)
                {
                    earlier_floor = Some((low, i));
                }
            }
        }
        // Figures that meet no other at their own time but agree with one
        // of another source at another time within a month: consistent,
        // and worth saying (a cost restated a week later). Open bounds ("at
        // least nine") agree with too much to count.
        let rest: Vec<usize> = times
            .iter()
            .flatten()
            .copied()
            .filter(|&i| !work.used[i])
            .filter(|&i| {
                all.figure(i)
                    .is_some_and(|f| f.low.is_some() && f.high.is_some())
            })
            .collect();
        for cluster in value_clusters(all, &rest) {
            // Only figures stated within a month of each other: far apart,
            // the same figure is as likely another story's.
            let mut by_time: Vec<(DateTime, usize)> = cluster
                .iter()
                .filter_map(|&i| all[i].time.window().map(|w| (w.0, i)))
                .collect();
            by_time.sort();
            let mut run: Vec<usize> = Vec::new();
            let mut last: Option<DateTime> = None;
            for (at, i) in by_time
                .into_iter()
                .chain(std::iter::once((DateTime::MAX, usize::MAX)))
            {
                let near = last.is_some_and(|l| l.duration_until(at).as_secs() <= 31 * 86_400);
                if !near && !run.is_empty() {
                    run.sort();
                    let kept = linked(all, &run, self.similarity);
                    let docs: BTreeSet<&str> = kept.iter().map(|&j| all[j].doc.as_ref()).collect();
                    if docs.len() >= 2 {
                        work.agree(&kept);
                    }
                    run.clear();
                }
                if i != usize::MAX {
                    run.push(i);
                }
                last = Some(at);
            }
        }
        work.levels.clear();
        work.levels.extend(times.into_iter().map(|members| {
            let clusters = value_clusters(all, &members);
            (window_of(all, &members), clusters)
        }));
    }

    /// Flows against the difference of the stocks at their two ends.
    fn flows(&self, work: &mut Work, group: &[usize]) {
        let all = work.all;
        let levels = std::mem::take(&mut work.levels);
        for &i in group {
            let a = &all[i];
            let (AssertionKind::Flow, TimeScope::Over { period, .. }, Some(flow)) =
                (a.kind, &a.time, all.figure(i))
            else {
                continue;
            };
            let (Some(t0), Some(t1)) = (period.start, period.end) else {
                continue;
            };
            // The stock at each end: the level nearest the end's instant,
            // within a day before the start ("since the end of September"
            // meets a count of 30 September) or inside its named period
            // ("since March 2024" meets "in March 2024").
            let Some(day) = Grain::Day.span(1) else {
                continue;
            };
            let start_window = (
                t0.checked_sub(day).ok(),
                period.grain.span(1).and_then(|g| t0.checked_add(g).ok()),
            );
            let end_window = (Some(t1), t1.checked_add(day).ok());
            let (Some(later), Some(earlier)) = (
                nearest(&levels, end_window, t1),
                nearest(&levels, start_window, t0),
            ) else {
                continue;
            };
            if std::ptr::eq(later, earlier) {
                continue;
            }
            for c1 in later.iter().take(3) {
                for c0 in earlier.iter().take(3) {
                    work.derived(i, flow, c1, c0);
                }
            }
        }
        work.levels = levels;
    }

    /// Dated events across documents, through an index of the names and
    /// known event words among their words: two events are only matched
    /// through a name ("Lake Orvane") or an event the lexicon knows
    /// ("invaded") that they share, so that stock phrases ("later in the
    /// week") never link unrelated articles.
    fn events(&self, work: &mut Work) {
        let all = work.all;
        let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, a) in all.iter().enumerate() {
            if a.kind == AssertionKind::Event {
                for key in event_keys(a) {
                    index.entry(key).or_default().push(i);
                }
            }
        }
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for members in index.values().filter(|m| m.len() <= self.max_event_bucket) {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if all[i].doc != all[j].doc {
                        pairs.insert((i.min(j), i.max(j)));
                    }
                }
            }
        }
        let mut seen: BTreeSet<(&str, &str, &str, &str)> = BTreeSet::new();
        for (i, j) in pairs {
            let (a, b) = (&all[i], &all[j]);
            let (Claim::Date { period: p }, Claim::Date { period: q }) = (&a.claim, &b.claim)
            else {
                continue;
            };
            let similarity = a.measure.similarity(&b.measure);
            if similarity < self.event_similarity
                || !seen.insert((
                    a.doc.as_ref(),
                    b.doc.as_ref(),
                    &*a.measure.label,
                    &*b.measure.label,
                ))
            {
                continue;
            }
            let shared = a
                .measure
                .words
                .iter()
                .filter(|w| b.measure.words.contains(w))
                .count();
            let stated =
                |p: &Period| matches!(p.anchor, Anchor::Absolute | Anchor::YearInferred { .. });
            if p.contains(q) || q.contains(p) || p.overlaps(q) {
                work.event(i, j, Verdict::TemporalAgree);
            } else if similarity >= 0.75 && shared >= 2 && stated(p) && stated(q) {
                work.event(i, j, Verdict::TemporalConflict);
            }
        }
    }
}

/// Derived checks inside one sentence, whose assertions are `work.all`: a
/// share against its part and whole ("1,200 of its 4,800 homes, or 25 per
/// cent"), and a percentage change against the two levels it joins ("rose
/// 25% from 400 to 500"). `text` is the document's.
fn parts(text: &str, work: &mut Work) {
    let all = work.all;
    // Vague magnitudes ("hundreds") are orders of magnitude: no part,
    // whole or level of an arithmetic check.
    let sentence: Vec<usize> = (0..all.len())
        .filter(|&i| {
            all.figure(i)
                .is_some_and(|f| f.qualifier != Qualifier::Vague)
        })
        .collect();
    if sentence.len() < 3 || sentence.len() > 12 {
        return;
    }
    let between = |a: usize, b: usize| {
        text.get(all.span(a).end..all.span(b).start)
            .unwrap_or_default()
            .to_lowercase()
    };
    let before = |a: usize| {
        let s = all.span(a).start;
        let from = text[..s].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
        text.get(from..s).unwrap_or_default().to_lowercase()
    };
    let counts: Vec<usize> = sentence
        .iter()
        .copied()
        .filter(|&i| all[i].dimension == Dimension::Count && all[i].kind != AssertionKind::Rate)
        .collect();
    let shares: Vec<usize> = sentence
        .iter()
        .copied()
        .filter(|&i| all[i].dimension == Dimension::Percent)
        .collect();
    // A share against "X of (the) Y".
    for (x, &a) in counts.iter().enumerate() {
        for &b in &counts[x + 1..] {
            let gap = between(a, b);
            let joined =
                gap.split_whitespace().count() <= 6 && gap.split_whitespace().any(|w| w == "of");
            let leading = before(a)
                .split_whitespace()
                .rev()
                .take(3)
                .any(|w| w == "of");
            if !(joined || leading) {
                continue;
            }
            let (Some(fa), Some(fb)) = (all.figure(a), all.figure(b)) else {
                continue;
            };
            let (part, whole) = if fa.value <= fb.value { (a, b) } else { (b, a) };
            let (Some(p), Some(w)) = (all.figure(part), all.figure(whole)) else {
                continue;
            };
            let (Some(pl), Some(ph), Some(wl), Some(wh)) = (p.low, p.high, w.low, w.high) else {
                continue;
            };
            if wl <= 0.0 || p.value >= w.value {
                continue;
            }
            let (low, high) = (100.0 * pl / wh, 100.0 * ph / wl);
            for &s in &shares {
                if all[s].kind != AssertionKind::Share {
                    continue;
                }
                work.share(part, whole, s, (low, high));
            }
        }
    }
    // Shares listed in one sentence that part one whole: "38.2 per cent,
    // ... 24.5 per cent, ... and 6.2 per cent". Near 100 the list is a
    // partition and must add up within its rounding; far from it the
    // list is something else and says nothing.
    let parts: Vec<usize> = shares
        .iter()
        .copied()
        .filter(|&i| all[i].kind == AssertionKind::Share)
        .collect();
    if parts.len() >= 3 {
        work.partition(&parts);
    }
    // A percentage change against "from F to T".
    for &c in sentence.iter().filter(|&&i| {
        all[i].kind == AssertionKind::Change && all[i].dimension == Dimension::Percent
    }) {
        let after = |word: &str| {
            counts
                .iter()
                .copied()
                .find(|&i| before(i).split_whitespace().last() == Some(word) && i != c)
        };
        let (Some(from), Some(to)) = (after("from"), after("to")) else {
            continue;
        };
        let (Some(f), Some(t)) = (all.figure(from), all.figure(to)) else {
            continue;
        };
        let (Some(fl), Some(fh), Some(tl), Some(th)) = (f.low, f.high, t.low, t.high) else {
            continue;
        };
        if fl <= 0.0 {
            continue;
        }
        let rise = !before(c).contains("fell")
            && !before(c).contains("down")
            && !before(c).contains("cut")
            && !before(c).contains("drop");
        let (low, high) = (100.0 * (tl - fh) / fh, 100.0 * (th - fl) / fl);
        let (low, high) = if rise { (low, high) } else { (-high, -low) };
        work.change(c, from, to, (low, high));
    }
}

fn kind_name(kind: AssertionKind) -> &'static str {
    match kind {
        AssertionKind::Stock => "stock",
        AssertionKind::Flow => "flow",
        AssertionKind::Share => "share",
        AssertionKind::Change => "change",
        AssertionKind::Rate => "rate",
        AssertionKind::Count => "count",
        AssertionKind::Event => "event",
    }
}

/// A time group of levels: its window, and its figures clustered by value.
type Level = ((DateTime, DateTime), Vec<Vec<usize>>);

/// The level (time group, sorted by start and disjoint) nearest `anchor`
/// among those overlapping `window`, found by binary search.
fn nearest(
    levels: &[Level],
    window: (Option<DateTime>, Option<DateTime>),
    anchor: DateTime,
) -> Option<&Vec<Vec<usize>>> {
    let (Some(from), Some(to)) = window else {
        return None;
    };
    let first = levels.partition_point(|((_, e), _)| *e <= from);
    let distance = |s: DateTime, e: DateTime| {
        if anchor < s {
            anchor.duration_until(s).as_secs()
        } else if anchor >= e {
            e.duration_until(anchor).as_secs()
        } else {
            0
        }
    };
    levels[first..]
        .iter()
        .take_while(|((s, _), _)| *s < to)
        .min_by_key(|((s, e), _)| distance(*s, *e))
        .map(|(_, clusters)| clusters)
}

/// The members of a cluster whose measure is at least `threshold` alike
/// that of a member from another document (the first few are compared,
/// which bounds the work on large clusters).
fn linked(all: All, cluster: &[usize], threshold: f64) -> Vec<usize> {
    cluster
        .iter()
        .copied()
        .filter(|&i| {
            cluster.iter().take(16).any(|&j| {
                all[j].doc != all[i].doc
                    && same_holder(&all[i], &all[j])
                    && all[i].measure.similarity(&all[j].measure) >= threshold
            })
        })
        .collect()
}

/// Whether two figures can be held by the same holder: the Greens' seats
/// are never the Alliance's, whatever their number.
fn same_holder(a: &Assertion, b: &Assertion) -> bool {
    match (&a.holder, &b.holder) {
        (Some(h), Some(g)) => h.same_as(g),
        _ => true,
    }
}

/// Group time windows (sorted by start) into runs that overlap.
fn time_groups(levels: &[(DateTime, DateTime, usize)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut end: Option<DateTime> = None;
    for &(s, e, i) in levels {
        match (groups.last_mut(), end) {
            (Some(g), Some(current)) if s < current => {
                g.push(i);
                end = Some(current.max(e));
            }
            _ => {
                groups.push(vec![i]);
                end = Some(e);
            }
        }
    }
    groups
}

fn window_of(all: All, members: &[usize]) -> (DateTime, DateTime) {
    let windows = members.iter().filter_map(|&i| all[i].time.window());
    let start = windows.clone().map(|w| w.0).min().unwrap_or(DateTime::MIN);
    let end = windows.map(|w| w.1).max().unwrap_or(DateTime::MAX);
    (start, end)
}

/// Cluster figures whose intervals overlap, in increasing order of value.
fn value_clusters(all: All, members: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<(f64, f64, usize)> = members
        .iter()
        .filter_map(|&i| {
            all.figure(i).map(|f| {
                (
                    f.low.unwrap_or(f64::NEG_INFINITY),
                    f.high.unwrap_or(f64::INFINITY),
                    i,
                )
            })
        })
        .collect();
    sorted.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut high = f64::NEG_INFINITY;
    for (low, h, i) in sorted {
        match clusters.last_mut() {
            Some(c) if low <= high => {
                c.push(i);
                high = high.max(h);
            }
            _ => {
                clusters.push(vec![i]);
                high = h;
            }
        }
    }
    clusters
}

/// The union of a cluster's intervals: its least low and greatest high.
fn extent(all: All, cluster: &[usize]) -> Option<(f64, f64)> {
    let figures = cluster.iter().filter_map(|&i| all.figure(i));
    let low = figures
        .clone()
        .map(|f| f.low.unwrap_or(f64::NEG_INFINITY))
        .fold(f64::INFINITY, f64::min);
    let high = figures
        .map(|f| f.high.unwrap_or(f64::INFINITY))
        .fold(f64::NEG_INFINITY, f64::max);
    (low <= high).then_some((low, high))
}

/// A figure's interval in words: "2,470–2,730", "40 or more".
/// The intervals of `parts`, written as a sum: "38.15–38.25 + 24.45–24.55".
fn summands(all: All, parts: &[usize]) -> String {
    parts
        .iter()
        .map(|&i| figure_range(all.figure(i)))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn figure_range(f: Option<&Figure>) -> String {
    match f.map(|f| (f.low, f.high)) {
        Some((Some(l), Some(h))) => range(l, h),
        Some((Some(l), None)) => format!("{} or more", number(l)),
        Some((None, Some(h))) => format!("up to {}", number(h)),
        _ => "any value".into(),
    }
}

/// The most sources a derived check quotes for each level it uses; the
/// message counts the statements left unquoted. Every one of them still
/// enters the arithmetic.
pub const MAX_QUOTED_SOURCES: usize = 8;

/// The members of `group` to quote: the first of each document, in the
/// group's order, for at most [`MAX_QUOTED_SOURCES`] documents.
fn quoted_sources(all: All, group: &[usize]) -> Vec<usize> {
    let mut docs: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for &i in group {
        let doc = all[i].doc.as_ref();
        if docs.len() == MAX_QUOTED_SOURCES {
            break;
        }
        if !docs.contains(&doc) {
            docs.push(doc);
            out.push(i);
        }
    }
    out
}

/// The interval a cluster agrees on: the intersection of its members, or
/// their union when the overlap is only pairwise.
fn consensus(all: All, cluster: &[usize]) -> Option<(f64, f64)> {
    let figures: Vec<&Figure> = cluster.iter().filter_map(|&i| all.figure(i)).collect();
    let lows = figures.iter().map(|f| f.low);
    let highs = figures.iter().map(|f| f.high);
    let low = lows
        .clone()
        .map(|l| l.unwrap_or(f64::NEG_INFINITY))
        .fold(f64::NEG_INFINITY, f64::max);
    let high = highs
        .clone()
        .map(|h| h.unwrap_or(f64::INFINITY))
        .fold(f64::INFINITY, f64::min);
    let (low, high) = if low <= high {
        (low, high)
    } else {
        (
            lows.map(|l| l.unwrap_or(f64::NEG_INFINITY))
                .fold(f64::INFINITY, f64::min),
            highs
                .map(|h| h.unwrap_or(f64::INFINITY))
                .fold(f64::NEG_INFINITY, f64::max),
        )
    };
    (low.is_finite() && high.is_finite()).then_some((low, high))
}

/// The findings under construction.
struct Work<'a> {
    all: All<'a>,
    used: Vec<bool>,
    findings: Vec<Finding>,
    levels: Vec<Level>,
}

impl Work<'_> {
    fn evidence(&self, i: usize) -> Vec<Evidence> {
        let a = &self.all[i];
        let figure = self.all.span(i);
        let mut out = vec![Evidence {
            doc: a.doc.to_string(),
            start: figure.start,
            end: figure.end,
            text: self.all.text(i).to_string(),
            role: "figure".into(),
        }];
        if let (Some(span), Some(text)) = (self.all.stated(i), &a.time_text)
            && span != figure
        {
            out.push(Evidence {
                doc: a.doc.to_string(),
                start: span.start,
                end: span.end,
                text: text.to_string(),
                role: "time".into(),
            });
        }
        out
    }

    fn measure(&self, cluster: &[usize]) -> String {
        let labels: BTreeSet<&str> = cluster
            .iter()
            .map(|&i| &*self.all[i].measure.label)
            .filter(|l| !l.is_empty())
            .collect();
        labels.into_iter().next().unwrap_or("figure").to_string()
    }

    fn agree(&mut self, cluster: &[usize]) {
        let all = self.all;
        let Some((low, high)) = consensus(all, cluster) else {
            return;
        };
        let first = &all[cluster[0]];
        let docs: BTreeSet<&str> = cluster.iter().map(|&i| all[i].doc.as_ref()).collect();
        let scopes: BTreeSet<String> = cluster
            .iter()
            .map(|&i| scope_phrase(&all[i].time))
            .collect();
        let when = if scopes.len() == 1 {
            scope_phrase(&first.time)
        } else {
            format!(
                "at different times ({})",
                scopes.into_iter().collect::<Vec<_>>().join("; ")
            )
        };
        let message = format!(
            "{} sources agree on {} {when}: every figure allows {}.",
            docs.len(),
            self.measure(cluster),
            range(low, high)
        );
        let evidence = cluster.iter().flat_map(|&i| self.evidence(i)).collect();
        for &i in cluster {
            self.used[i] = true;
        }
        self.findings.push(Finding {
            verdict: Verdict::Agree,
            measure: self.measure(cluster),
            message,
            evidence,
            arithmetic: None,
            gap: None,
        });
    }

    /// A relative time in one source that lands on an absolute one in
    /// another, for figures that agree.
    fn temporal_agree(&mut self, cluster: &[usize]) {
        let all = self.all;
        let relative = cluster.iter().find(|&&i| {
            matches!(
                all[i].time.period().map(|p| p.anchor),
                Some(Anchor::Relative { .. })
            ) && all[i].time.stated().is_some()
        });
        let absolute = cluster.iter().find(|&&i| {
            matches!(
                all[i].time.period().map(|p| p.anchor),
                Some(Anchor::Absolute)
            ) && all[i].time.stated().is_some()
        });
        let (Some(&r), Some(&a)) = (relative, absolute) else {
            return;
        };
        if all[r].doc == all[a].doc {
            return;
        }
        let (Some(rp), Some(ap)) = (all[r].time.period(), all[a].time.period()) else {
            return;
        };
        let Anchor::Relative { reference } = rp.anchor else {
            return;
        };
        let rel_text = all[r].time_text.clone().unwrap_or_default();
        let abs_text = all[a].time_text.clone().unwrap_or_default();
        let message = format!(
            "\"{rel_text}\" in {}, counted from its date {reference}, is {}, which falls in \"{abs_text}\" of {}.",
            all[r].doc,
            describe_period(rp),
            all[a].doc,
        );
        let _ = ap;
        let mut evidence: Vec<Evidence> = self
            .evidence(r)
            .into_iter()
            .filter(|e| e.role == "time")
            .collect();
        evidence.extend(self.evidence(a).into_iter().filter(|e| e.role == "time"));
        self.findings.push(Finding {
            verdict: Verdict::TemporalAgree,
            measure: self.measure(cluster),
            message,
            evidence,
            arithmetic: None,
            gap: None,
        });
    }

    fn conflict(&mut self, lo: &[usize], hi: &[usize]) {
        let all = self.all;
        let (Some((_, l_high)), Some((h_low, _))) = (extent(all, lo), extent(all, hi)) else {
            return;
        };
        let gap = h_low - l_high;
        let percent = 100.0 * gap / h_low.abs().max(l_high.abs()).max(f64::MIN_POSITIVE);
        let says = |c: &[usize]| {
            c.iter()
                .map(|&i| {
                    format!(
                        "{} says {} ({})",
                        all[i].doc,
                        all.text(i),
                        figure_range(all.figure(i))
                    )
                })
                .collect::<Vec<_>>()
                .join(" and ")
        };
        let message = format!(
            "{} but {} for {} {}; the figures are {} apart ({:.1} %).",
            says(lo),
            says(hi),
            self.measure(lo),
            scope_phrase(&all[lo[0]].time),
            number(gap),
            percent
        );
        let evidence = lo
            .iter()
            .chain(hi)
            .flat_map(|&i| self.evidence(i))
            .collect();
        for &i in lo.iter().chain(hi) {
            self.used[i] = true;
        }
        self.findings.push(Finding {
            verdict: Verdict::Conflict,
            measure: self.measure(lo),
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

    /// A running total reported lower at a later time by another source.
    fn fell(&mut self, earlier: usize, later: usize) {
        let all = self.all;
        let (a, b) = (&all[earlier], &all[later]);
        let (Some(fa), Some(fb)) = (all.figure(earlier), all.figure(later)) else {
            return;
        };
        let (Some(floor), Some(high)) = (fa.low, fb.high) else {
            return;
        };
        let gap = floor - high;
        let percent = 100.0 * gap / floor.abs().max(f64::MIN_POSITIVE);
        let message = format!(
            "{} is a running total, which cannot fall, but {} gives {} {} after {} gave {} {}.",
            self.measure(&[earlier]),
            b.doc,
            all.text(later),
            scope_phrase(&b.time),
            a.doc,
            all.text(earlier),
            scope_phrase(&a.time)
        );
        let evidence = self
            .evidence(earlier)
            .into_iter()
            .chain(self.evidence(later))
            .collect();
        self.used[earlier] = true;
        self.used[later] = true;
        self.findings.push(Finding {
            verdict: Verdict::Conflict,
            measure: self.measure(&[earlier]),
            message,
            evidence,
            arithmetic: Some(format!(
                "later at most {} < earlier at least {}",
                number(high),
                number(floor)
            )),
            gap: Some(Gap {
                absolute: gap,
                percent,
            }),
        });
    }

    fn derived(&mut self, flow_index: usize, flow: &Figure, later: &[usize], earlier: &[usize]) {
        let all = self.all;
        let (Some((l1, h1)), Some((l0, h0))) = (consensus(all, later), consensus(all, earlier))
        else {
            return;
        };
        let (low, high) = (l1 - h0, h1 - l0);
        let holds = flow.low.is_none_or(|fl| fl <= high) && flow.high.is_none_or(|fh| low <= fh);
        let f = &all[flow_index];
        let (a1, a0) = (&all[later[0]], &all[earlier[0]]);
        let message = format!(
            "{} {} ({}) {} {} ({} {}) minus {} ({} {}), which is {}.",
            all.text(flow_index),
            scope_phrase(&f.time),
            f.doc,
            if holds {
                "follows from"
            } else {
                "does not follow from"
            },
            all.text(later[0]),
            a1.doc,
            scope_phrase(&a1.time),
            all.text(earlier[0]),
            a0.doc,
            scope_phrase(&a0.time),
            range(low, high)
        );
        let stated = match (flow.low, flow.high) {
            (Some(l), Some(h)) => range(l, h),
            (Some(l), None) => format!("at least {}", number(l)),
            (None, Some(h)) => format!("at most {}", number(h)),
            (None, None) => "any value".into(),
        };
        let arithmetic = format!(
            "{} − {} = {}; stated {stated}: {}",
            range(l1, h1),
            range(l0, h0),
            range(low, high),
            if holds { "inside" } else { "outside" }
        );
        // Every level of the two groups enters the arithmetic and counts as
        // verified, but each source is quoted once, and at most
        // MAX_QUOTED_SOURCES of them: a figure restated throughout one long
        // document, or by many outlets, must not make every finding that
        // uses it longer (that grew the report with the square of the
        // repeats).
        let mut message = message;
        let quoted_later = quoted_sources(all, later);
        let quoted_earlier = quoted_sources(all, earlier);
        let unquoted = later.len() + earlier.len() - quoted_later.len() - quoted_earlier.len();
        if unquoted > 0 {
            message.push_str(&format!(
                " ({unquoted} more statement(s) of these levels are not quoted.)"
            ));
        }
        let quoted: Vec<usize> = std::iter::once(flow_index)
            .chain(quoted_later)
            .chain(quoted_earlier)
            .collect();
        for &i in later.iter().chain(earlier) {
            self.used[i] = true;
        }
        self.push_derived(holds, &quoted, flow_index, message, arithmetic);
    }

    /// Record a derived check resting on the assertions `used` (the stated
    /// figure first), measured as `measured`.
    fn push_derived(
        &mut self,
        holds: bool,
        used: &[usize],
        measured: usize,
        message: String,
        arithmetic: String,
    ) {
        let verdict = if holds {
            Verdict::DerivedAgree
        } else {
            Verdict::DerivedConflict
        };
        let evidence = used.iter().flat_map(|&i| self.evidence(i)).collect();
        for &i in used {
            self.used[i] = true;
        }
        self.findings.push(Finding {
            verdict,
            measure: self.measure(&[measured]),
            message,
            evidence,
            arithmetic: Some(arithmetic),
            gap: None,
        });
    }

    /// Shares that should add up to 100 %.
    fn partition(&mut self, parts: &[usize]) {
        let all = self.all;
        let mut low = 0.0;
        let mut high = 0.0;
        let mut value = 0.0;
        for &i in parts {
            let Some(f) = all.figure(i) else { return };
            let (Some(l), Some(h)) = (f.low, f.high) else {
                return;
            };
            low += l;
            high += h;
            value += f.value;
        }
        // Only a sum within five points of 100 is read as a partition.
        if !(95.0..=105.0).contains(&value) {
            return;
        }
        let holds = low <= 100.0 + 1e-9 && 100.0 - 1e-9 <= high;
        let texts: Vec<&str> = parts.iter().map(|&i| all.text(i)).collect();
        let message = format!(
            "The shares {} add up to {} %, {}.",
            texts.join(" + "),
            range(low, high),
            if holds {
                "which allows 100 %: they part one whole"
            } else {
                "not 100 %: they cannot all be shares of one whole"
            }
        );
        let arithmetic = format!(
            "{} = {} %; a whole is 100 %: {}",
            summands(all, parts),
            range(low, high),
            if holds { "inside" } else { "outside" }
        );
        self.push_derived(holds, parts, parts[0], message, arithmetic);
    }

    /// A share against its part and whole.
    fn share(&mut self, part: usize, whole: usize, share: usize, (low, high): (f64, f64)) {
        let all = self.all;
        let Some(stated) = all.figure(share) else {
            return;
        };
        let holds = stated.low.is_none_or(|l| l <= high) && stated.high.is_none_or(|h| low <= h);
        let message = format!(
            "{} of {} is {} %, which {} \"{}\" ({} %).",
            all.text(part),
            all.text(whole),
            range(low, high),
            if holds {
                "agrees with"
            } else {
                "does not agree with"
            },
            all.text(share),
            figure_range(Some(stated)),
        );
        let arithmetic = format!(
            "{} / {} × 100 = {} %; stated {} %: {}",
            figure_range(all.figure(part)),
            figure_range(all.figure(whole)),
            range(low, high),
            figure_range(Some(stated)),
            if holds { "inside" } else { "outside" }
        );
        self.push_derived(holds, &[share, part, whole], whole, message, arithmetic);
    }

    /// A percentage change against the two levels it joins.
    fn change(&mut self, change: usize, from: usize, to: usize, (low, high): (f64, f64)) {
        let all = self.all;
        let Some(stated) = all.figure(change) else {
            return;
        };
        let holds = stated.low.is_none_or(|l| l <= high) && stated.high.is_none_or(|h| low <= h);
        let message = format!(
            "From {} to {} is a change of {} %, which {} \"{}\".",
            all.text(from),
            all.text(to),
            range(low, high),
            if holds {
                "agrees with"
            } else {
                "does not agree with"
            },
            all.text(change),
        );
        let arithmetic = format!(
            "({} − {}) / {} × 100 = {} %; stated {} %: {}",
            figure_range(all.figure(to)),
            figure_range(all.figure(from)),
            figure_range(all.figure(from)),
            range(low, high),
            figure_range(Some(stated)),
            if holds { "inside" } else { "outside" }
        );
        self.push_derived(holds, &[change, from, to], to, message, arithmetic);
    }

    fn event(&mut self, i: usize, j: usize, verdict: Verdict) {
        let all = self.all;
        let (a, b) = (&all[i], &all[j]);
        let (Claim::Date { period: p }, Claim::Date { period: q }) = (&a.claim, &b.claim) else {
            return;
        };
        let message = if verdict == Verdict::TemporalAgree {
            format!(
                "\"{}\" is dated {} in {} and {} in {}; the dates agree.",
                a.measure.label,
                describe_period(p),
                a.doc,
                describe_period(q),
                b.doc
            )
        } else {
            format!(
                "\"{}\" is dated {} in {} but {} in {}; the dates do not overlap.",
                a.measure.label,
                describe_period(p),
                a.doc,
                describe_period(q),
                b.doc
            )
        };
        let evidence = [i, j]
            .iter()
            .map(|&x| Evidence {
                doc: all[x].doc.to_string(),
                start: all.span(x).start,
                end: all.span(x).end,
                text: all.text(x).to_string(),
                role: "event".into(),
            })
            .collect();
        self.used[i] = true;
        self.used[j] = true;
        self.findings.push(Finding {
            verdict,
            measure: a.measure.label.to_string(),
            message,
            evidence,
            arithmetic: None,
            gap: None,
        });
    }
}

/// The documents' assertions in one list, in order, without holding
/// them twice: the longest list is extended in place (for one large
/// document, that is the whole list, moved).
fn concatenate<T>(lists: impl Iterator<Item = Vec<T>>) -> Vec<T> {
    let mut lists: Vec<Vec<T>> = lists.collect();
    let Some(longest) = (0..lists.len()).max_by_key(|&i| (lists[i].len(), std::cmp::Reverse(i)))
    else {
        return Vec::new();
    };
    let mut all = std::mem::take(&mut lists[longest]);
    let total: usize = lists.iter().map(Vec::len).sum::<usize>() + all.len();
    all.reserve_exact(total - all.len());
    all.splice(0..0, lists[..longest].iter_mut().flat_map(std::mem::take));
    for rest in &mut lists[longest + 1..] {
        all.append(rest);
    }
    all
}

/// What reading one document gives the check.
struct Read {
    /// The assertions that may meet another (see [`linkable`]), in text
    /// order.
    held: Held,
    /// Whether a check inside its sentence already used each of them.
    used: Vec<bool>,
    /// The assertions that can meet no other and that no check inside
    /// their sentence used, as the report lists them, in text order.
    unverified: Vec<Unverified>,
    /// The checks inside sentences (shares against their parts, changes
    /// against their levels).
    parts: Vec<Finding>,
    /// The problems found in it, those found on loading first.
    diagnostics: Vec<Diagnostic>,
    /// Its weekdays checked against their dates.
    weekdays: Vec<Finding>,
}

/// Read a document: its assertions, its problems and its weekdays checked
/// against their dates, with the checks that stay inside one sentence
/// made.
///
/// The mentions are extracted one at a time and read one sentence at a
/// time, so only one sentence's mentions are held at once; as each
/// sentence is read, the checks inside it are made and the assertions
/// that can meet no other are turned into the report's unverified entries
/// at once, so a text dense with figures that measure nothing nameable
/// holds only its report.
fn read(doc: &Document, published: Option<Published>) -> Read {
    let mut read = Read {
        held: Held::default(),
        used: Vec::new(),
        unverified: Vec::new(),
        parts: Vec::new(),
        diagnostics: doc.diagnostics.clone(),
        weekdays: Vec::new(),
    };
    let mut reader = Reader::new(doc, published.map(|p| p.date));
    let mut sentence: Vec<Mention> = Vec::new();
    let mut quotes: Vec<String> = Vec::new();
    let mut context = 0;
    // The assertions the reader may still look at, and whether a check
    // inside their sentence used each.
    let mut window: Vec<Assertion> = Vec::new();
    let mut used: Vec<bool> = Vec::new();
    let mut next = |reader: &mut Reader,
                    sentence: &[Mention],
                    quotes: &mut [String],
                    context: usize,
                    read: &mut Read| {
        let first = window.len();
        reader.read(sentence, quotes, context, &mut window);
        // The checks inside a sentence need three figures at least.
        if window.len() - first >= 3 {
            let mut work = Work {
                all: All::plain(&window[first..]),
                used: vec![false; window.len() - first],
                findings: Vec::new(),
                levels: Vec::new(),
            };
            parts(&doc.text, &mut work);
            used.extend(work.used);
            read.parts.append(&mut work.findings);
        } else {
            used.resize(window.len(), false);
        }
        let done = reader.needed_from(&window);
        reader.forget(done);
        for (a, used) in window.drain(..done).zip(used.drain(..done)) {
            settle(doc, a, used, read);
        }
    };
    crate::extract::scan_each(
        &doc.text,
        doc.header.end,
        published.map(|p| p.date.to_datetime(Time::midnight())),
        |found| match found {
            Found::Mention(mut m) => {
                if sentence.last().is_some_and(|s| s.sentence != m.sentence) {
                    next(&mut reader, &sentence, &mut quotes, context, &mut read);
                    // The sentence's last mention stays as the next one's
                    // context: it may run into it.
                    sentence.drain(..sentence.len() - 1);
                    quotes.drain(..quotes.len() - 1);
                    context = 1;
                }
                weekday(doc, &m, &mut read.weekdays);
                // A figure's quote moves on to its assertion.
                quotes.push(if is_quantity(&m.value) {
                    std::mem::take(&mut m.text)
                } else {
                    String::new()
                });
                sentence.push(m);
            }
            Found::Diagnostic(d) => read.diagnostics.push(d),
        },
    );
    next(&mut reader, &sentence, &mut quotes, context, &mut read);
    for (a, used) in window.into_iter().zip(used) {
        settle(doc, a, used, &mut read);
    }
    read.held.shrink_to_fit();
    read.unverified.shrink_to_fit();
    read
}

/// The keys an event is matched by: its names, and the words the lexicon
/// knows as events.
fn event_keys(a: &Assertion) -> impl Iterator<Item = &str> {
    let known = a
        .measure
        .words
        .iter()
        .filter(|w| crate::assertion::is_concept(w));
    a.measure.names.iter().chain(known).map(String::as_str)
}

/// Whether an assertion may meet one of another sentence or document:
/// a figure of a named measure (compared, summed, checked against others
/// over time) or a dated event with a key it may be matched by (see
/// [`Checker::events`]). Any other can only be part of a check inside its
/// own sentence.
fn linkable(a: &Assertion) -> bool {
    match &a.claim {
        Claim::Figure { .. } => a.measure.noun.is_some(),
        Claim::Date { .. } => a.kind == AssertionKind::Event && event_keys(a).next().is_some(),
    }
}

/// Keep an assertion read for the check across documents, list it as
/// unverified, or drop it when a check inside its sentence used it and it
/// can meet nothing else.
fn settle(doc: &Document, a: Assertion, used: bool, read: &mut Read) {
    if linkable(&a) {
        grow(&mut read.used, 1);
        read.held.push(&doc.text, a);
        read.used.push(used);
    } else if !used {
        grow(&mut read.unverified, 1);
        read.unverified.push(unverified(doc, a));
    }
}

/// An assertion no check used, as the report lists it: quoted at its
/// offsets in the original bytes.
fn unverified(doc: &Document, a: Assertion) -> Unverified {
    Unverified {
        start: doc.original_offset(a.span.start),
        end: doc.original_offset(a.span.end),
        doc: a.doc,
        text: a.text.into_string(),
        measure: a.measure.label.into_string(),
        kind: Cow::Borrowed(kind_name(a.kind)),
    }
}

/// The weekday of a date mention checked against its date, if it states
/// one.
fn weekday(doc: &Document, m: &Mention, findings: &mut Vec<Finding>) {
    let Value::Time { period } = &m.value else {
        return;
    };
    let Some(check) = period.weekday else {
        return;
    };
    let Some(start) = period.start else { return };
    let (verdict, message) = if check.holds() {
        (
            Verdict::TemporalAgree,
            format!("{} was a {:?}, as stated.", start.date(), check.actual),
        )
    } else {
        (
            Verdict::TemporalConflict,
            format!(
                "{} was a {:?}, not a {:?} as stated.",
                start.date(),
                check.actual,
                check.stated
            ),
        )
    };
    findings.push(Finding {
        verdict,
        measure: "weekday".into(),
        message,
        evidence: vec![Evidence {
            doc: doc.id.clone(),
            start: m.span.start,
            end: m.span.end,
            text: m.text.clone(),
            role: "date".into(),
        }],
        arithmetic: None,
        gap: None,
    });
}

fn summary(c: &mut Checked) -> DocumentSummary {
    let source = match c.published.map(|p| p.origin) {
        Some(DateOrigin::Given) => "given",
        Some(DateOrigin::Header { .. }) => "header",
        Some(DateOrigin::Inferred { .. }) => "inferred",
        None => "none",
    };
    DocumentSummary {
        id: c.doc.id.clone(),
        path: c.doc.path.clone(),
        published: c.published.map(|p| p.date),
        published_source: source.to_string(),
        diagnostics: std::mem::take(&mut c.diagnostics),
    }
}

/// "as of 2025-03-07", "in March 2024", "from 2024-03-01 to 2025-03-07".
fn scope_phrase(scope: &TimeScope) -> String {
    match scope {
        TimeScope::AsOf {
            period,
            stated: None,
        } => format!("as of {}", describe_period(period)),
        TimeScope::AsOf { period, .. } => format!("at {}", describe_period(period)),
        TimeScope::Over { period, .. } => format!("over {}", describe_period(period)),
        TimeScope::Unknown => "at an unknown time".into(),
    }
}

/// A period in words a reader checks at a glance.
pub(crate) fn describe_period(p: &Period) -> String {
    let (Some(start), end) = (p.start, p.end) else {
        return match p.end {
            Some(e) => format!("before {}", e.date()),
            None => "an unresolved time".into(),
        };
    };
    let one = Period::instant(start, p.grain).and_then(|i| i.end) == end;
    let midnight = start.time() == Time::midnight();
    match (p.grain, one) {
        (Grain::Year, true) => start.strftime("%Y").to_string(),
        (Grain::Month, true) => start.strftime("%B %Y").to_string(),
        (Grain::Day, true) if midnight => start.date().to_string(),
        // "now" resolves to the start of the document's day.
        (Grain::Hour | Grain::Minute | Grain::Second, true) if midnight => start.date().to_string(),
        (Grain::Hour | Grain::Minute | Grain::Second, true) => {
            start.strftime("%Y-%m-%d %H:%M").to_string()
        }
        _ => match end {
            Some(e) => format!("{} to {}", start.date(), e.date()),
            None => format!("{} on", start.date()),
        },
    }
}

fn range(low: f64, high: f64) -> String {
    if (high - low).abs() < 1e-9 * high.abs().max(1.0) {
        number(low)
    } else {
        format!("{}–{}", number(low), number(high))
    }
}

/// A number with thousands separators and at most two decimals.
fn number(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc();
    let frac = ((rounded.abs() - whole) * 100.0).round() as u64;
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        out.push_str(format!(".{frac:02}").trim_end_matches('0'));
    }
    if negative { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_newspaper() {
        assert_eq!(number(3_450_000.0), "3,450,000");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(-1200.5), "-1,200.5");
        assert_eq!(range(600_000.0, 800_000.0), "600,000–800,000");
    }

    /// Two documents may share an id (files of one name in two
    /// directories): each figure is still quoted at its own document's
    /// offsets, mapped back through its own replaced bytes.
    #[test]
    fn documents_of_one_id_are_quoted_each_at_its_own_offsets() {
        let broken = b"date: 2025-03-07\n\n\xff\xfe\xfd The council said 40 homes were \
                       damaged and 12 shops closed.\n";
        let clean = b"date: 2025-03-07\n\nThe mayor said 9 bridges were shut and 7 \
                      schools closed.\n";
        let a = Document::from_bytes_lossy("x.txt", broken);
        let b = Document::from_bytes_lossy("x.txt", clean);
        let quotes = |report: &Report| -> Vec<(usize, usize, String)> {
            let mut q: Vec<_> = report
                .unverified
                .iter()
                .map(|u| (u.start, u.end, u.text.clone()))
                .collect();
            q.sort();
            q
        };
        let mut alone = quotes(&check(std::slice::from_ref(&a)));
        alone.extend(quotes(&check(std::slice::from_ref(&b))));
        alone.sort();
        let together = check(&[a, b]);
        assert!(together.findings.is_empty(), "{:?}", together.findings);
        assert_eq!(quotes(&together), alone);
        for (start, end, text) in &alone {
            let bytes: &[u8] = if text == "9" || text == "7" {
                clean
            } else {
                broken
            };
            assert_eq!(&bytes[*start..*end], text.as_bytes(), "{text}");
        }
    }

    /// A check reads each document one mention and one sentence at a time
    /// (see [`read`]); it must read what [`assertions`] reads from the
    /// collected mentions, sentence breaks, lists and runaway sentences
    /// included.
    ///
    /// [`assertions`]: crate::assertion::assertions
    #[test]
    fn reading_one_sentence_at_a_time_reads_what_assertions_reads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .expect("the fixtures are part of the repository")
            .filter_map(|e| e.ok())
            .flat_map(|e| std::fs::read_dir(e.path()).into_iter().flatten())
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        assert!(texts.len() > 10, "{} fixtures", texts.len());
        texts.push(format!(
            "date: 2025-03-07\n\n{}",
            "The council said 40 homes had been damaged in May and 12 in June and ".repeat(400)
        ));
        texts.push(format!("between 3{}", " and 4".repeat(3000)));
        for text in texts {
            let doc = Document::from_text("t.txt", text);
            let published = doc.published.or_else(|| crate::infer_published(&doc));
            let read = read(&doc, published);
            let found = crate::extract_dated(&doc, published);
            assert_eq!(read.diagnostics, found.diagnostics);
            let (kept, alone): (Vec<Assertion>, Vec<Assertion>) =
                crate::assertion::assertions(&doc, &found)
                    .into_iter()
                    .partition(linkable);
            let held: Vec<Assertion> = read
                .held
                .into_assertions(&[doc.text.as_str()], |_| true)
                .map(|(_, a)| a)
                .collect();
            assert_eq!(held, kept, "{}", doc.text);
            assert_eq!(read.used.len(), kept.len());
            // The others are listed as unverified as they are read, in text
            // order, but for those a check inside their sentence used.
            let mut listed = read.unverified.iter().peekable();
            for a in alone {
                let entry = unverified(&doc, a.clone());
                if listed.next_if_eq(&&entry).is_none() {
                    let quoted = read.parts.iter().flat_map(|f| &f.evidence).any(|e| {
                        (e.start, e.end, e.role.as_str()) == (a.span.start, a.span.end, "figure")
                    });
                    assert!(quoted, "{entry:?} is neither listed nor used");
                }
            }
            assert_eq!(listed.next(), None);
        }
    }
}
