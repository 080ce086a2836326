//! Assertions: what a figure or a dated event claims, about what, and when.
//!
//! A mention says "around 4.5 million"; an assertion says *around 4.5
//! million permits issued, as of 7 May 2025, a running total*. This
//! stage reads the words around each mention of a document:
//!
//! * the **measure**: the noun the figure counts ("4.5 million new
//!   permits" → permit) and its verb ("have been issued" → issue),
//!   carried from an earlier figure when the number stands alone ("around
//!   600,000 have been issued") or across a comparison in the same sentence
//!   ("up from the 3.9 million reported a year ago");
//! * the **time scope**: the time expression of the same clause (no other
//!   figure between them), or, when there is none, the document's date;
//! * the **kind**: a stock (a level at a time), a flow (a change over an
//!   interval: "since March 2024"), a share, a change ("rose by 2.4
//!   points"), a count of entities ("four regions"), or a dated event;
//! * whether the measure is **cumulative** ("issued", "killed", "total"),
//!   so that it cannot fall over time.
//!
//! It never compares documents: that is the reconciler's work.

mod parts;
pub(crate) mod words;

pub use parts::Holder;
pub use words::is_concept;

use std::sync::Arc;

use jiff::civil::{Date, DateTime, Time};
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::figure::Figure;
use crate::mention::{Mention, Mentions, Value};
use crate::period::{Anchor, Grain, Period, Shape};
use crate::span::Span;
use words::Word;

/// What kind of claim an assertion makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssertionKind {
    /// A level at a time: "4.5 million permits have been issued".
    Stock,
    /// A change over an interval: "600,000 have been issued since May".
    Flow,
    /// A part of a whole: "a fifth of the territory", "20%".
    Share,
    /// A change stated as such: "rose by 2.4 points", "a 13% cut".
    Change,
    /// A figure per unit of time or per head: "450 arrivals a day", "12
    /// deaths per 100,000 people" (see [`Assertion::per`]).
    Rate,
    /// A small count of entities: "four regions".
    Count,
    /// A dated event: "the bridge opened in 2014".
    Event,
}

/// What a figure is counted in; figures of different dimensions are never
/// compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "dimension", content = "unit")]
pub enum Dimension {
    /// A count of things.
    Count,
    /// Money in a currency.
    Money(Box<str>),
    /// Percent, shares included ("a fifth" is 20 %).
    Percent,
    /// Percentage points.
    Points,
    /// A physical unit.
    Measurement(Box<str>),
    /// A date (events).
    Date,
}

/// What is measured, as comparable keys and as words a reader recognises.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Measure {
    /// The key of the noun counted ("permit"), when one was found.
    pub noun: Option<Box<str>>,
    /// The key of its verb ("issue"), when one was found.
    pub verb: Option<Box<str>>,
    /// Keys of the other content words (adjectives, event words).
    pub words: Vec<String>,
    /// The words as written, for display ("permits issued").
    pub label: Box<str>,
    /// Where the noun was found, when it was not beside the figure (carried
    /// from an earlier sentence or figure).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub carried_from: Option<Span>,
    /// Keys of the names among the words (capitalised words inside a
    /// sentence: places, people, organisations). Two dated events are only
    /// matched through a name they share.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub names: Vec<String>,
    /// For a sum of money set before a noun ("a €2.4bn tram line"), the
    /// keys of the thing it prices; the measure is then its cost.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub priced: Vec<String>,
}

impl Measure {
    /// How alike two measures are, from 0 (unrelated) to 1 (the same keys).
    ///
    /// Nouns must agree (a measure without a noun matches nothing). The
    /// costs of two different things never match, and a cost of a named
    /// thing matches one of no named thing as a verb missing would. Verbs
    /// that are the same score 1; a missing verb 0.8; two different verbs
    /// 0.7, or 0 when the lexicon knows both as different measures ("died"
    /// against "rescued"). The remaining words add a little. The reconciler
    /// needs more similarity for a conflict than for an agreement.
    pub fn similarity(&self, other: &Measure) -> f64 {
        match (&self.noun, &other.noun) {
            (Some(a), Some(b)) if a == b => {}
            _ => return event_similarity(self, other),
        }
        let verbs = match (&self.verb, &other.verb) {
            (Some(a), Some(b)) if a == b => 1.0,
            (Some(a), Some(b)) if words::is_concept(a) && words::is_concept(b) => return 0.0,
            (Some(_), Some(_)) => 0.7,
            _ => 0.8,
        };
        // The costs of two different things ("a €2.4bn tram line", "a
        // €2.4bn hospital") are different measures; a cost of no named
        // thing may be either's.
        let priced = match (self.priced.is_empty(), other.priced.is_empty()) {
            (false, false) if !self.priced.iter().any(|p| other.priced.contains(p)) => {
                return 0.0;
            }
            (false, true) | (true, false) => 0.8,
            _ => 1.0,
        };
        let shared = self
            .words
            .iter()
            .filter(|w| other.words.contains(w))
            .count();
        let extra = self.words.len().max(other.words.len());
        let words = if extra == 0 {
            1.0
        } else {
            0.8 + 0.2 * shared as f64 / extra as f64
        };
        verbs * words * priced
    }
}

fn event_similarity(a: &Measure, b: &Measure) -> f64 {
    if a.noun.is_some() || b.noun.is_some() || a.words.is_empty() || b.words.is_empty() {
        return 0.0;
    }
    // The overlap coefficient: a short event phrase ("its invasion") is
    // matched by a longer one that contains it ("invaded four more regions").
    let shared = a.words.iter().filter(|w| b.words.contains(w)).count();
    shared as f64 / a.words.len().min(b.words.len()) as f64
}

/// When an assertion holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "scope")]
pub enum TimeScope {
    /// At a time: the document's date, or a stated time ("in March 2024,
    /// when 3.9 million had been handed out").
    AsOf {
        /// The time.
        period: Period,
        /// Where it was stated; `None` when it is the document's date.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        stated: Option<Span>,
    },
    /// Over an interval ("since March 2024": from 1 March 2024 to the
    /// document's date).
    Over {
        /// The interval.
        period: Period,
        /// Where it was stated.
        stated: Span,
    },
    /// The document has no date and the text states none.
    Unknown,
}

impl TimeScope {
    /// The period, if any.
    pub fn period(&self) -> Option<&Period> {
        match self {
            TimeScope::AsOf { period, .. } | TimeScope::Over { period, .. } => Some(period),
            TimeScope::Unknown => None,
        }
    }

    /// The span of the time expression, when one was stated.
    pub fn stated(&self) -> Option<Span> {
        match self {
            TimeScope::AsOf { stated, .. } => *stated,
            TimeScope::Over { stated, .. } => Some(*stated),
            TimeScope::Unknown => None,
        }
    }

    /// The window of instants the scope may mean, for comparing times. A
    /// relative time ("a year ago") is taken as exact to a twelfth of its
    /// distance from the reference date, in whole days, since "a year ago"
    /// means about a year (give or take a month) while "on Tuesday" means
    /// that day; other periods are their own start and end.
    pub fn window(&self) -> Option<(DateTime, DateTime)> {
        let p = self.period()?;
        let (start, end) = (p.start?, p.end?);
        if let Anchor::Relative { reference } = p.anchor {
            let reference = reference.to_datetime(Time::midnight());
            let distance = start.duration_until(reference).as_secs().abs();
            // Whole days only: "on Tuesday" is that day, no wider.
            let slack = jiff::SignedDuration::from_secs(distance / 12 / 86_400 * 86_400);
            let widened = (start.checked_sub(slack).ok(), end.checked_add(slack).ok());
            if let (Some(s), Some(e)) = widened {
                return Some((s, e));
            }
        }
        Some((start, end))
    }

    /// Whether the two scopes can mean the same time.
    pub fn same_time(&self, other: &TimeScope) -> bool {
        match (self.window(), other.window()) {
            (Some((s1, e1)), Some((s2, e2))) => s1 < e2 && s2 < e1,
            _ => false,
        }
    }
}

/// What an assertion claims: a figure, or (for events) a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "claim")]
pub enum Claim {
    /// A figure in the assertion's dimension (shares in percent).
    Figure {
        /// The figure.
        figure: Figure,
    },
    /// When an event happened.
    Date {
        /// The period.
        period: Period,
    },
}

/// One claim of one document.
///
/// A check holds the assertions it compares across documents until the
/// report is made (one for each distinct way a document states a figure:
/// repeats and a table's rows share one), so the type is kept small: the
/// document's id is shared by all the assertions of a document, and the
/// rarely present holder is boxed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assertion {
    /// The document's id, shared by the document's assertions.
    #[serde(with = "shared_str")]
    pub doc: Arc<str>,
    /// The mention the claim rests on.
    pub span: Span,
    /// Its text.
    pub text: Box<str>,
    /// Its sentence.
    pub sentence: Span,
    /// What kind of claim.
    pub kind: AssertionKind,
    /// What is measured (or, for an event, what happened).
    pub measure: Measure,
    /// What the figure is counted in.
    #[serde(flatten)]
    pub dimension: Dimension,
    /// When it holds.
    pub time: TimeScope,
    /// The text of the time expression the scope was read from, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub time_text: Option<Box<str>>,
    /// The figure or the date.
    #[serde(flatten)]
    pub claim: Claim,
    /// A running total, which cannot fall over time.
    pub cumulative: bool,
    /// Who the figure is attributed to, when it is one part of a list
    /// ("the Greens 12 seats").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub holder: Option<Box<Holder>>,
    /// The figure is stated as a whole that parts add up to ("of the 45
    /// seats", "the 45-seat chamber", "a total of 17").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub whole: bool,
    /// For a rate, what it is per: a unit of time ("day", "week", "year")
    /// or of population ("person", "100,000 people"). Rates are compared
    /// only with rates per the same thing.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub per: Option<Box<str>>,
}

/// A shared string read and written as a plain one (serde's own needs
/// its `rc` feature).
pub(crate) mod shared_str {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    /// Write the string.
    pub fn serialize<S: Serializer>(s: &Arc<str>, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(s)
    }

    /// Read a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Arc<str>, D::Error> {
        String::deserialize(from).map(Arc::from)
    }
}

impl Assertion {
    /// The figure, for quantity assertions.
    pub fn figure(&self) -> Option<&Figure> {
        match &self.claim {
            Claim::Figure { figure } => Some(figure),
            Claim::Date { .. } => None,
        }
    }
}

/// The assertions of one document, in text order.
pub fn assertions(doc: &Document, found: &Mentions) -> Vec<Assertion> {
    // Every figure makes one assertion: the list is made at its size, not
    // grown by doubling, since a figure-dense text holds many.
    let figures = found
        .mentions
        .iter()
        .filter(|m| is_quantity(&m.value))
        .count();
    let mut out: Vec<Assertion> = Vec::with_capacity(figures);
    let mut reader = Reader::new(doc, found.reference);
    let mut start = 0;
    for sentence in found.mentions.chunk_by(|a, b| a.sentence == b.sentence) {
        // The last mention of the sentence before comes along: it may run
        // into this one.
        let context = usize::from(start > 0);
        let end = start + sentence.len();
        reader.read(
            &found.mentions[start - context..end],
            &mut [],
            context,
            &mut out,
        );
        start = end;
    }
    out
}

/// Reads a document's assertions one sentence at a time, so that a check
/// need not hold a document's mentions all at once: every rule reads the
/// mentions of one sentence, and what carries from one sentence to the
/// next (the last noun, the last figure) is kept here.
pub(crate) struct Reader<'d> {
    doc: &'d Document,
    id: Arc<str>,
    reference: Option<Date>,
    sentence: SentenceWords,
    used_times: Vec<bool>,
    last_noun: Option<(Measure, Span, Dimension)>,
    /// Where in the output the last figure's assertion is (events stand
    /// after it in their sentence).
    last_figure: Option<usize>,
    events: Vec<Assertion>,
}

impl<'d> Reader<'d> {
    /// A reader of `doc`, whose relative times resolved against `reference`.
    pub(crate) fn new(doc: &'d Document, reference: Option<Date>) -> Reader<'d> {
        Reader {
            doc,
            id: Arc::from(doc.id.as_str()),
            reference,
            sentence: SentenceWords::default(),
            used_times: Vec::new(),
            last_noun: None,
            last_figure: None,
            events: Vec::new(),
        }
    }

    /// Where in the output list the reader still looks: the assertions
    /// before it belong to sentences read and are no longer needed to read
    /// the next (the last figure, which a figure of the next sentence may
    /// follow on from, and what stands after it, are). The caller may take
    /// them out with [`Reader::forget`].
    pub(crate) fn needed_from(&self, out: &[Assertion]) -> usize {
        self.last_figure.unwrap_or(out.len()).min(out.len())
    }

    /// The first `n` assertions of the output list were taken out of it.
    pub(crate) fn forget(&mut self, n: usize) {
        self.last_figure = self.last_figure.map(|k| k.saturating_sub(n));
    }

    /// Append to `out` the assertions of `mentions[context..]`, the
    /// mentions of one sentence in text order, after those of the
    /// sentences before it. The `context` mentions before them (none, or
    /// the last mention of the sentence before, which may run into this
    /// one) are only looked at, so that a word inside one is known to be.
    ///
    /// `quotes` is empty, or holds for each mention its text taken out of
    /// it when it is a figure (an empty string otherwise): a caller who
    /// owns the mentions gives the quotes away rather than have them
    /// copied.
    pub(crate) fn read(
        &mut self,
        mentions: &[Mention],
        quotes: &mut [String],
        context: usize,
        out: &mut Vec<Assertion>,
    ) {
        let (doc, reference) = (self.doc, self.reference);
        let text = doc.text.as_str();
        let first = out.len();
        let figures = mentions
            .iter()
            .skip(context)
            .filter(|m| is_quantity(&m.value))
            .count();
        grow(out, figures);
        let sentence = &mut self.sentence;
        let used_times = &mut self.used_times;
        used_times.clear();
        used_times.resize(mentions.len(), false);
        let last_noun = &mut self.last_noun;
        let last_figure = &mut self.last_figure;
        for (i, m) in mentions.iter().enumerate().skip(context) {
            let Some((dimension, figure)) = quantity(&m.value) else {
                continue;
            };
            let quote: Box<str> = match quotes.get_mut(i) {
                Some(q) if !q.is_empty() => std::mem::take(q).into_boxed_str(),
                _ => m.text.as_str().into(),
            };
            sentence.load(text, m.sentence);
            let (before, after) = sentence.around(m.span);
            let mut measure = find_measure(text, before, after, i, mentions);
            // A comparison in the same sentence: the same measure as the figure
            // before it ("up from the 3.9 million").
            let partitive = after.first().is_some_and(|w| w.lower == "of")
                && after.get(1).is_some_and(|w| words::is_pronoun(&w.lower));
            if measure.noun.is_none()
                && let Some(prev) = last_figure.and_then(|k| out.get(k))
                && prev.sentence == m.sentence
                && prev.dimension == dimension
                && (partitive || compared(before, prev.span))
            {
                measure = Measure {
                    carried_from: Some(prev.span),
                    ..prev.measure.clone()
                };
            }
            if measure.noun.is_none()
                && stands_alone(after)
                && let Some((carried, at, dim)) = &last_noun
                && *dim == dimension
                && m.span.start.saturating_sub(at.end) < 600
            {
                let verb = measure.verb.clone().or_else(|| carried.verb.clone());
                measure = Measure {
                    verb,
                    carried_from: Some(*at),
                    ..carried.clone()
                };
            }
            let first_in_sentence = last_figure
                .and_then(|k| out.get(k))
                .is_none_or(|p| p.sentence != m.sentence);
            let holder = parts::holder(text, m.sentence, before, after, m.span, first_in_sentence);
            let whole = parts::is_whole(text, before, after, m.span);
            // A later item of a list names only its holder: "the Greens 12
            // seats, the Workers' Party 8" counts seats too.
            // So does a list opened by its whole: "A total of 20 people died:
            // 12 in Arlen, 5 in Brisk".
            if measure.noun.is_none()
                && holder.is_some()
                && let Some(prev) = last_figure.and_then(|k| out.get(k))
                && prev.dimension == dimension
                && prev.measure.noun.is_some()
                && let Some(gap) = text.get(prev.span.end..m.span.start)
                && ((prev.holder.is_some() && continues_list(gap))
                    || (prev.whole && prev.sentence == m.sentence && opens_list(gap)))
            {
                measure = Measure {
                    carried_from: Some(prev.span),
                    ..prev.measure.clone()
                };
            }
            if matches!(dimension, Dimension::Money(_)) {
                money_noun(text, m.span, before, after, &mut measure);
            }
            if measure.noun.is_some() && measure.carried_from.is_none() {
                *last_noun = Some((measure.clone(), m.span, dimension.clone()));
            }
            let (time, time_index) = time_scope(text, mentions, i, reference);
            // "rose by 2.4 points" is a change; "rose to 17" is the new level
            // and "up from 40" the old one.
            let level = before
                .last()
                .is_some_and(|w| matches!(w.lower.as_str(), "to" | "from" | "at"));
            let change = !level
                && before
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| words::is_change_cue(&w.lower));
            let per = per(text, after);
            let kind = match (&dimension, time) {
                _ if change => AssertionKind::Change,
                _ if per.is_some() => AssertionKind::Rate,
                (Dimension::Percent, _) => AssertionKind::Share,
                (_, TimeScope::Over { .. }) => AssertionKind::Flow,
                (Dimension::Count, _)
                    if figure.value < 100.0
                        && figure.value.fract() == 0.0
                        && quote
                            .chars()
                            .all(|c| !c.is_ascii_digit() || figure.value < 10.0) =>
                {
                    AssertionKind::Count
                }
                _ => AssertionKind::Stock,
            };
            // A time that scopes a figure is not an event of its own; a small
            // count ("invaded four regions in 2022") leaves the event standing.
            if let (Some(t), false) = (time_index, kind == AssertionKind::Count) {
                used_times[t] = true;
            }
            let cumulative = !matches!(kind, AssertionKind::Share | AssertionKind::Rate)
                && (measure.verb.as_deref().is_some_and(words::is_cumulative)
                    || measure.noun.as_deref().is_some_and(words::is_cumulative)
                    || sentence.totals);
            out.push(Assertion {
                doc: self.id.clone(),
                span: m.span,
                text: quote,
                sentence: m.sentence,
                kind,
                measure,
                dimension,
                time,
                time_text: time_index.map(|t| mentions[t].text.as_str().into()),
                claim: Claim::Figure { figure },
                cumulative,
                holder: holder.map(Box::new),
                whole,
                per: per.map(String::into_boxed_str),
            });
            *last_figure = Some(out.len() - 1);
        }
        // "19 of the 45 seats": the part counts what its whole counts.
        for k in first + 1..out.len() {
            let (head, tail) = out.split_at_mut(k);
            let (part, whole) = (&mut head[k - 1], &tail[0]);
            let of = |g: &str| {
                ["of", "of the", "out of", "out of the"]
                    .iter()
                    .any(|w| g.trim().eq_ignore_ascii_case(w))
            };
            if part.measure.noun.is_none()
                && whole.whole
                && whole.sentence == part.sentence
                && whole.dimension == part.dimension
                && text.get(part.span.end..whole.span.start).is_some_and(of)
            {
                part.measure = Measure {
                    carried_from: Some(whole.span),
                    ..whole.measure.clone()
                };
            }
        }
        let events = &mut self.events;
        for (i, m) in mentions.iter().enumerate().skip(context) {
            // Only a time not scoping a figure may be an event; the words of
            // its sentence are read only then.
            if used_times[i] || !matches!(m.value, Value::Time { .. }) {
                continue;
            }
            sentence.load(text, m.sentence);
            let (before, _) = sentence.around(m.span);
            if let Some(event) = event(doc, &self.id, text, before, i, mentions) {
                events.push(event);
            }
        }
        if !events.is_empty() {
            grow(out, events.len());
            out.append(events);
            // No two assertions start together (each rests on its own
            // mention, and mentions never overlap), so an unstable sort,
            // which needs no room beside the list, keeps the text order.
            out[first..].sort_unstable_by_key(|a| a.span.start);
            if let Some(k) = out[first..]
                .iter()
                .rposition(|a| a.kind != AssertionKind::Event)
            {
                *last_figure = Some(first + k);
            }
        }
    }
}

/// Make room in `out` for `more` items, growing it by an eighth when it is
/// full rather than doubling it: the lists of a figure-dense text (its
/// assertions, its unverified entries) are the largest things a check
/// holds, and doubling would leave up to half of one empty. The work of
/// moving stays linear: each growth is by a fixed fraction.
pub(crate) fn grow<T>(out: &mut Vec<T>, more: usize) {
    if out.capacity() - out.len() < more {
        out.reserve_exact(more.max(out.len() / 8));
    }
}

/// Whether a mention is a quantity (see [`quantity`]), without making its
/// dimension: the neighbours of every figure are asked.
pub(crate) fn is_quantity(value: &Value) -> bool {
    matches!(
        value,
        Value::Number { .. }
            | Value::Share { .. }
            | Value::Percent { .. }
            | Value::Money { .. }
            | Value::Measurement { .. }
    )
}

/// The dimension and the figure of a quantity mention; `None` for times,
/// durations and ordinals.
fn quantity(value: &Value) -> Option<(Dimension, Figure)> {
    Some(match value {
        Value::Number { amount, .. } => (Dimension::Count, *amount),
        Value::Share { ratio } => (Dimension::Percent, ratio.scaled(100.0)),
        Value::Percent {
            amount,
            points: false,
        } => (Dimension::Percent, *amount),
        Value::Percent {
            amount,
            points: true,
        } => (Dimension::Points, *amount),
        Value::Money { amount, currency } => (Dimension::Money(currency.as_str().into()), *amount),
        Value::Measurement { amount, unit } => {
            (Dimension::Measurement(unit.as_str().into()), *amount)
        }
        Value::Ordinal { .. } | Value::Time { .. } | Value::Duration { .. } => return None,
    })
}

/// The words of the sentence being read, kept while the mentions stay in
/// it, so that a long sentence is split into words once.
#[derive(Default)]
struct SentenceWords {
    span: Option<Span>,
    words: Vec<Word>,
    /// The sentence says the figure is a total ("in total", "so far", "to
    /// date").
    totals: bool,
    /// Where the words before the last span asked about end: the figures
    /// of a sentence are asked about in order, a few words apart.
    cursor: std::cell::Cell<usize>,
}

impl SentenceWords {
    fn load(&mut self, text: &str, span: Span) {
        if self.span == Some(span) {
            return;
        }
        self.span = Some(span);
        self.cursor.set(0);
        words::words_into(text, span, &mut self.words);
        self.totals = self.words.windows(2).any(|p| {
            matches!(
                (p[0].lower.as_str(), p[1].lower.as_str()),
                ("in", "total") | ("so", "far") | ("to", "date")
            )
        });
    }

    /// The words before and after `span` (words inside it in neither).
    ///
    /// They are found by stepping on from the span asked about before,
    /// which is a few words back when the figures of a sentence are read
    /// in order, or by binary search past a few steps.
    fn around(&self, span: Span) -> (&[Word], &[Word]) {
        /// Steps taken before searching instead.
        const STEPS: usize = 8;
        let ws = &self.words;
        let ends_before = |k: usize| ws[k].span.end <= span.start;
        let mut before = self.cursor.get().min(ws.len());
        if before > 0 && !ends_before(before - 1) {
            before = ws.partition_point(|w| w.span.end <= span.start);
        } else {
            let stop = ws.len().min(before + STEPS);
            while before < stop && ends_before(before) {
                before += 1;
            }
            if before < ws.len() && ends_before(before) {
                before = ws.partition_point(|w| w.span.end <= span.start);
            }
        }
        self.cursor.set(before);
        let rest = &ws[before..];
        let inside = match rest
            .iter()
            .take(STEPS)
            .position(|w| w.span.start >= span.end)
        {
            Some(n) => n,
            None => rest.partition_point(|w| w.span.start < span.end),
        };
        (&ws[..before], &rest[inside..])
    }
}

/// Whether the text between two figures goes on from one item of a list
/// to the next: a comma, a semicolon, "and" or a new line, within a few
/// words, in one paragraph and one sentence (a bulleted list may run over
/// lines).
fn continues_list(gap: &str) -> bool {
    gap.len() <= 80
        && !gap.contains("\n\n")
        && !gap.contains(['.', '?', '!', '(', ')'])
        && (gap.contains([',', ';', '\n']) || gap.contains(" and "))
}

/// Whether the text between a whole and a figure opens a list of its
/// parts with a colon, within a few words: "20 people died: 12 in ...".
fn opens_list(gap: &str) -> bool {
    gap.len() <= 60 && gap.contains(':') && !gap.contains(['.', '?', '!', ';', ','])
}

/// Whether a comparison cue stands between an earlier figure at `earlier`
/// and a figure whose sentence's words before it are `before`. The words
/// are read back to the earlier figure only, so each word of a sentence
/// is read once for the figure after it.
fn compared(before: &[Word], earlier: Span) -> bool {
    before
        .iter()
        .rev()
        .take_while(|w| w.span.start >= earlier.end)
        .any(|w| words::is_comparison_cue(&w.lower))
}

/// The measure beside a figure: the noun phrase after it and its verb, or
/// the verb before it.
fn find_measure(
    text: &str,
    before: &[Word],
    after: &[Word],
    i: usize,
    mentions: &[Mention],
) -> Measure {
    let m = &mentions[i];
    let inside_mention = |w: &Word| mention_near(mentions, i, w.span).is_some();
    // A measure is named within a few words of its figure; looking no
    // further keeps the cost per figure bounded in any sentence.
    let after = &after[..after.len().min(16)];
    // "the 45-seat chamber", "a 3,000-strong force": the word glued to the
    // figure by a hyphen is what it counts.
    if let Some(rest) = text.get(m.span.end..).and_then(|r| r.strip_prefix('-')) {
        let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if n > 1 {
            let glued = &rest[..n];
            return Measure {
                noun: Some(words::key(&glued.to_lowercase()).into()),
                verb: None,
                words: Vec::new(),
                label: glued.into(),
                carried_from: None,
                names: Vec::new(),
                priced: Vec::new(),
            };
        }
    }
    let mut noun_phrase: Vec<&Word> = Vec::new();
    let mut k = 0;
    let mut prev_end = m.span.end;
    // "thousands of troops", "a fifth of the territory": the noun is after "of".
    if after.first().is_some_and(|w| w.lower == "of") {
        prev_end = after[0].span.end;
        k = 1;
        while after.get(k).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        }) {
            prev_end = after[k].span.end;
            k += 1;
        }
    }
    while let Some(w) = after.get(k) {
        let gap = text.get(prev_end..w.span.start).unwrap_or_default();
        if words::breaks_clause(gap)
            || (words::is_function_word(&w.lower)
                && !(noun_phrase.is_empty() && is_modifier(&w.lower)))
            || words::is_auxiliary(&w.lower)
            || words::is_reporting_verb(&w.lower)
            || words::is_pronoun(&w.lower)
            || inside_mention(w)
            || w.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            || noun_phrase.len() == 4
        {
            break;
        }
        // "four more regions", "two other cases": modifiers before the noun.
        if noun_phrase.is_empty() && is_modifier(&w.lower) {
            prev_end = w.span.end;
            k += 1;
            continue;
        }
        // A verb ending right after the figure is not a noun ("3.9 million
        // reported", "600,000 fled").
        if noun_phrase.is_empty() && (w.lower.ends_with("ed") && w.lower.len() > 4) {
            break;
        }
        if words::is_verb_like(&w.lower)
            || (!noun_phrase.is_empty() && w.lower.len() > 5 && w.lower.ends_with("ing"))
        {
            break;
        }
        noun_phrase.push(w);
        prev_end = w.span.end;
        k += 1;
        if words::is_plural_noun(&w.lower) {
            break;
        }
    }
    // "some 4,100 of them": a pronoun stands for a noun named before.
    if noun_phrase.is_empty() && after.get(k).is_some_and(|w| words::is_pronoun(&w.lower)) {
        k += 1;
    }
    let noun = noun_phrase.last().map(|w| words::key(&w.lower));
    let adjectives: Vec<String> = noun_phrase
        .iter()
        .rev()
        .skip(1)
        .map(|w| words::key(&w.lower))
        .collect();

    // The verb: after the noun phrase, over auxiliaries; else before the figure.
    let mut verb: Option<(String, &Word)> = None;
    let mut j = k;
    while let Some(w) = after.get(j) {
        let gap = text.get(prev_end..w.span.start).unwrap_or_default();
        let time = mention_near(mentions, i, w.span)
            .is_some_and(|o| matches!(o.value, Value::Time { .. }));
        if words::breaks_clause(gap) || (inside_mention(w) && !time) {
            break;
        }
        prev_end = w.span.end;
        j += 1;
        // "are now known to have died": a time between noun and verb.
        if time {
            continue;
        }
        // "known to have died", "expected to be": the verb comes later.
        let infinitive = w.lower == "to"
            && after
                .get(j)
                .is_some_and(|n| matches!(n.lower.as_str(), "have" | "be" | "been"));
        if infinitive
            || words::is_auxiliary(&w.lower)
            || (words::is_reporting_verb(&w.lower) && w.lower != "reported")
        {
            continue;
        }
        if words::is_function_word(&w.lower) || words::is_reporting_verb(&w.lower) {
            break;
        }
        let phrasal = after
            .get(j)
            .filter(|p| words::is_particle(&p.lower))
            .and_then(|p| words::phrasal_key(&w.lower, &p.lower));
        let key = phrasal.unwrap_or_else(|| words::key(&w.lower));
        // After the noun, only a word that looks like a verb is one: "nine
        // were children" has none.
        if words::is_verb_like(&w.lower) || w.lower.ends_with("ing") || words::is_concept(&key) {
            verb = Some((key, w));
        }
        break;
    }
    if verb.is_none() {
        let mut next_start = m.span.start;
        for (idx, w) in before.iter().enumerate().rev().take(12) {
            let gap = text.get(w.span.end..next_start).unwrap_or_default();
            if words::breaks_clause(gap) || inside_mention(w) {
                break;
            }
            next_start = w.span.start;
            if words::is_function_word(&w.lower) || words::is_auxiliary(&w.lower) {
                continue;
            }
            if words::is_reporting_verb(&w.lower) || words::is_change_cue(&w.lower) {
                break;
            }
            // "the town's 4,800 homes", "Brellin's 600 shops": a possessive
            // or a name before the figure is not its verb.
            let possessive = w.lower.ends_with("'s") || w.lower.ends_with("’s");
            let name = text[w.span.start..].starts_with(|c: char| c.is_uppercase());
            if !possessive && !name {
                // "expects (the line) to carry 4.7m": a forecast frame says
                // what kind of figure it is more than the verb does.
                let framed = idx >= 2
                    && before[idx - 1].lower == "to"
                    && before[idx.saturating_sub(7)..idx - 1]
                        .iter()
                        .any(|f| words::key(&f.lower) == "forecast");
                let key = if framed {
                    "forecast".to_string()
                } else {
                    words::key(&w.lower)
                };
                verb = Some((key, w));
            }
            break;
        }
    }
    // "The death toll has risen to 17", "the toll reaches twenty-three":
    // the figure is the level of the subject before the verb.
    let mut noun = noun;
    let mut subject: Option<&Word> = None;
    if noun.is_none() && level_of_subject(before) {
        subject = subject_of(text, before);
        noun = subject
            .map(|w| counted_subject(text, before).unwrap_or_else(|| compound_key(before, w)));
    }
    // "Nine people died": people is too general to be the measure; deaths is.
    let verb_word = verb.as_ref().map(|(_, w)| *w);
    if let (Some(n), Some((v, _))) = (&noun, &verb)
        && words::is_generic_noun(n)
        && words::is_concept(v)
        && !words::is_generic_noun(v)
    {
        noun = Some(v.clone());
        verb = None;
    }
    let mut label: Vec<&str> = subject
        .iter()
        .map(|w| &text[w.span.start..w.span.end])
        .collect();
    label.extend(noun_phrase.iter().map(|w| &text[w.span.start..w.span.end]));
    if let Some(w) = verb_word {
        label.push(&text[w.span.start..w.span.end]);
    }
    Measure {
        noun: noun.map(String::into_boxed_str),
        verb: verb.map(|(k, _)| k.into_boxed_str()),
        words: adjectives,
        label: label.join(" ").into_boxed_str(),
        carried_from: None,
        names: Vec::new(),
        priced: Vec::new(),
    }
}

/// Whether the words before a figure make it the level of a subject: "has
/// risen to 17", "stands at 5%", "reaches twenty-three".
fn level_of_subject(before: &[Word]) -> bool {
    before.last().is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "to" | "at"
                | "reached"
                | "reaches"
                | "reach"
                | "hit"
                | "hits"
                | "totalled"
                | "totaled"
                | "totals"
                | "total"
                | "exceeded"
                | "exceeds"
                | "passed"
                | "passes"
                | "topped"
                | "tops"
        ) || words::is_change_cue(&w.lower)
    })
}

/// The head noun of the subject before a verb: the nearest content word
/// before the figure that is not a verb, within its clause.
fn subject_of<'w>(text: &str, before: &'w [Word]) -> Option<&'w Word> {
    let mut next_start = before.last().map_or(0, |w| w.span.end);
    for w in before.iter().rev().take(10) {
        if words::breaks_clause(text.get(w.span.end..next_start).unwrap_or_default()) {
            return None;
        }
        next_start = w.span.start;
        let skip = words::is_function_word(&w.lower)
            || words::is_auxiliary(&w.lower)
            || words::is_change_cue(&w.lower)
            || words::is_verb_like(&w.lower)
            || level_of_subject(std::slice::from_ref(w))
            || w.lower.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !skip {
            return Some(w);
        }
    }
    None
}

/// The measure of a clause that opens with a count of something: "The
/// number of people killed ... has risen to 17" measures deaths, "the
/// total of claims ... reached 900" claims.
fn counted_subject(text: &str, before: &[Word]) -> Option<String> {
    let mut start = before.len();
    let mut next_start = before.last().map_or(0, |w| w.span.end);
    for (i, w) in before.iter().enumerate().rev().take(24) {
        if words::breaks_clause(text.get(w.span.end..next_start).unwrap_or_default()) {
            break;
        }
        start = i;
        next_start = w.span.start;
    }
    let clause = &before[start..];
    let determiner = |w: &Word| {
        matches!(
            w.lower.as_str(),
            "the" | "a" | "an" | "its" | "their" | "this" | "that"
        )
    };
    let mut k = clause.iter().take_while(|w| determiner(w)).count();
    let head = clause.get(k)?;
    if !matches!(head.lower.as_str(), "number" | "total" | "tally" | "count")
        || clause.get(k + 1)?.lower != "of"
    {
        return None;
    }
    k += 2;
    k += clause[k.min(clause.len())..]
        .iter()
        .take_while(|w| determiner(w))
        .count();
    let counted = clause.get(k)?;
    let key = words::key(&counted.lower);
    if words::is_generic_noun(&key)
        && let Some(verb) = clause.get(k + 1).filter(|v| words::is_verb_like(&v.lower))
    {
        let concept = words::key(&verb.lower);
        if words::is_concept(&concept) {
            return Some(concept);
        }
    }
    Some(key)
}

/// The key of a head noun, or of the compound it ends ("death toll").
fn compound_key(before: &[Word], head: &Word) -> String {
    let i = before.partition_point(|w| w.span.start < head.span.start);
    if i > 0
        && let Some(k) = words::phrasal_key(&before[i - 1].lower, &head.lower)
    {
        return k;
    }
    words::key(&head.lower)
}

/// A sum of money is measured by the nearest money noun or verb of its
/// clause when it has no money noun of its own: "put the bill for the
/// flood at $1.2bn" (bill, not flood), "will cost about $1.2bn".
///
/// A sum set before a noun prices it: "a €2.4bn tram line" is the cost of
/// the tram line, and is compared with "a cost of €2.38 billion" as a cost
/// whose other words name the line.
fn money_noun(
    text: &str,
    figure: Span,
    mut before: &[Word],
    mut after: &[Word],
    measure: &mut Measure,
) {
    if let (Some(noun), Some(first)) = (measure.noun.clone(), after.first())
        && measure.carried_from.is_none()
        && !words::is_money_concept(&noun)
        && !words::is_function_word(&first.lower)
        && text
            .get(figure.end..first.span.start)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
        && measure
            .label
            .starts_with(&text[first.span.start..first.span.end])
    {
        measure.priced = std::mem::take(&mut measure.words);
        measure.priced.push(noun.into_string());
        measure.priced.sort();
        measure.priced.dedup();
        measure.noun = Some("cost".into());
        measure.verb = None;
        return;
    }
    let mut nearest: Option<&Word> = None;
    // A money noun of its own ("a $2m contract") stands.
    if measure.noun.as_deref().is_some_and(words::is_money_concept)
        && measure.carried_from.is_none()
    {
        before = &[];
        after = &[];
    }
    let mut next_start = before.last().map_or(0, |w| w.span.end);
    for w in before.iter().rev().take(8) {
        if words::breaks_clause(text.get(w.span.end..next_start).unwrap_or_default()) {
            break;
        }
        next_start = w.span.start;
        if words::is_money_concept(&words::key(&w.lower)) {
            nearest = Some(w);
            break;
        }
    }
    if nearest.is_none() {
        let mut prev_end = after.first().map_or(0, |w| w.span.start);
        for w in after.iter().take(6) {
            if words::breaks_clause(text.get(prev_end..w.span.start).unwrap_or_default()) {
                break;
            }
            prev_end = w.span.end;
            if words::is_money_concept(&words::key(&w.lower)) {
                nearest = Some(w);
                break;
            }
        }
    }
    if let Some(w) = nearest {
        measure.noun = Some(words::key(&w.lower).into_boxed_str());
        measure.label = text[w.span.start..w.span.end].into();
    }
    // "Damage" is the measure whether it was "caused" or "estimated".
    if measure.noun.as_deref().is_some_and(words::is_money_concept) {
        measure.verb = None;
    }
}

/// The mention overlapping `span`, a word within a few words of
/// `mentions[near]` (mentions are in text order and never overlap): found
/// by stepping from `near`, which for a word read beside a figure is a
/// step or two, or by binary search past a few steps.
fn mention_near(mentions: &[Mention], near: usize, span: Span) -> Option<&Mention> {
    /// Steps taken before searching instead.
    const STEPS: usize = 8;
    // The first mention ending after the span starts, as `partition_point`
    // would find it.
    let ends_before = |k: usize| mentions[k].span.end <= span.start;
    let mut k = near.min(mentions.len());
    let mut steps = 0;
    while k < mentions.len() && ends_before(k) && steps < STEPS {
        k += 1;
        steps += 1;
    }
    while k > 0 && !ends_before(k - 1) && steps < STEPS {
        k -= 1;
        steps += 1;
    }
    let settled = (k == mentions.len() || !ends_before(k)) && (k == 0 || ends_before(k - 1));
    if !settled {
        k = mentions.partition_point(|m| m.span.end <= span.start);
    }
    mentions.get(k).filter(|m| m.span.overlaps(span))
}

/// Words that may stand between a figure and its noun: "four more
/// regions", "two other cases".
fn is_modifier(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "other"
            | "new"
            | "additional"
            | "further"
            | "extra"
            | "separate"
            | "fewer"
            | "less"
    )
}

/// Whether the figure stands alone as the subject of a verb ("600,000 have
/// been issued", "3.9 million had been handed out"), so that its noun is the
/// one named before.
/// What the figure before `after` is counted per, when it is a rate: a
/// unit of time ("450 arrivals a day", "3,000 a week", "1,200 flights
/// daily", "5% a year") or of population ("12 deaths per 100,000 people",
/// "$41,000 per capita"). The "a"/"per" phrase may follow the counted noun
/// and one more word, but no preposition, verb or conjunction: "450 in a
/// day" and "2,000 a year ago" are not rates.
///
/// ```text
/// rate = [ word [ word ] ] ( ( "a" | "an" | "per" | "each" | "every" ) unit
///                            [ not "ago" | "earlier" | "later" | "on" ... ]
///                          | "per" ( "capita" | "head" | "person" )
///                          | "per" number [ noun ]
///                          | "daily" | "weekly" | "monthly" | "yearly" | "annually" | "hourly" )
/// ```
fn per(text: &str, after: &[Word]) -> Option<String> {
    for (k, w) in after.iter().enumerate().take(3) {
        let next = after.get(k + 1).map(|w| w.lower.as_str());
        match w.lower.as_str() {
            "a" | "an" | "per" | "each" | "every" => {
                if let Some(unit) = next.and_then(time_unit) {
                    let then = after.get(k + 2).map(|w| w.lower.as_str());
                    let dated = then.is_some_and(|t| {
                        matches!(
                            t,
                            "ago" | "earlier" | "later" | "before" | "after" | "on" | "since"
                        )
                    });
                    return (!dated).then(|| unit.to_string());
                }
                if w.lower != "per" {
                    return None;
                }
                let next_word = after.get(k + 1)?;
                if matches!(
                    next_word.lower.as_str(),
                    "capita" | "head" | "person" | "resident" | "inhabitant"
                ) {
                    return Some("person".into());
                }
                if next_word.lower.starts_with(|c: char| c.is_ascii_digit()) {
                    // "per 100,000 people": the number as written, and its
                    // noun when one follows.
                    let start = next_word.span.start;
                    let mut end = next_word.span.end;
                    for v in &after[k + 2..] {
                        let between = text.get(end..v.span.start).unwrap_or_default();
                        if v.lower.starts_with(|c: char| c.is_ascii_digit()) && between == "," {
                            end = v.span.end;
                            continue;
                        }
                        if between.trim().is_empty() && v.lower.chars().all(char::is_alphabetic) {
                            end = v.span.end;
                        }
                        break;
                    }
                    return text.get(start..end).map(str::to_lowercase);
                }
                return None;
            }
            "daily" | "nightly" => return Some("day".into()),
            "weekly" => return Some("week".into()),
            "monthly" => return Some("month".into()),
            "yearly" | "annually" => return Some("year".into()),
            "hourly" => return Some("hour".into()),
            word if !word.chars().all(char::is_alphabetic) || !words::may_precede_rate(word) => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// A unit of time a rate can be per, normalised ("annum" is a year).
fn time_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "second" => "second",
        "minute" => "minute",
        "hour" => "hour",
        "day" | "night" => "day",
        "week" => "week",
        "fortnight" => "fortnight",
        "month" => "month",
        "quarter" => "quarter",
        "year" | "annum" => "year",
        "decade" => "decade",
        _ => return None,
    })
}

fn stands_alone(after: &[Word]) -> bool {
    // "nine were children" names what the nine are: not the subject of a
    // verb of the earlier measure.
    let predicate = after.first().is_some_and(|w| words::is_copula(&w.lower))
        && after
            .get(1)
            .is_some_and(|w| !words::is_verb_like(&w.lower) && !words::is_auxiliary(&w.lower));
    !predicate
        && after.first().is_some_and(|w| {
            words::is_auxiliary(&w.lower)
                || (w.lower.ends_with("ed") && w.lower.len() > 4)
                || words::is_reporting_verb(&w.lower)
        })
}

/// Whether a time is a possessive modifier ("last month's flood"): it
/// dates the noun after it, not a figure.
fn possessive(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or_default();
    rest.starts_with("'s") || rest.starts_with("’s")
}

/// The time scope of the figure at `mentions[i]`: the nearest time mention
/// of its sentence with no other figure between them, else the document's
/// date. Returns the index of the time mention used.
fn time_scope(
    text: &str,
    mentions: &[Mention],
    i: usize,
    reference: Option<Date>,
) -> (TimeScope, Option<usize>) {
    let m = &mentions[i];
    let is_figure = |x: &Mention| is_quantity(&x.value);
    let mut best: Option<(usize, usize, bool)> = None; // (distance, index, after)
    // Later times, up to the next figure, within the figure's clause.
    for (j, t) in mentions.iter().enumerate().skip(i + 1).take(8) {
        if t.sentence != m.sentence || is_figure(t) {
            break;
        }
        if matches!(t.value, Value::Time { .. }) && !possessive(text, t.span) {
            let gap = text.get(m.span.end..t.span.start).unwrap_or_default();
            if !words::breaks_clause(gap) {
                best = Some((t.span.start - m.span.end, j, true));
            }
            break;
        }
    }
    // Earlier times, back to the previous figure: in the same clause, or
    // leading into it ("in March 2024, when 3.9 million had been...", "By
    // June, 40 had been...").
    for j in (0..i).rev().take(8) {
        let t = &mentions[j];
        if t.sentence != m.sentence || is_figure(t) {
            break;
        }
        if matches!(t.value, Value::Time { .. }) && !possessive(text, t.span) {
            let gap = text.get(t.span.end..m.span.start).unwrap_or_default();
            let lead = text.get(m.sentence.start..t.span.start).unwrap_or_default();
            let opens_sentence = lead.split_whitespace().count() <= 1;
            let rest = gap
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let joined = !words::breaks_clause(gap)
                || opens_sentence
                || rest.starts_with("when ")
                || rest.starts_with("by which");
            let d = m.span.start - t.span.end;
            if joined && best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, j, false));
            }
            break;
        }
    }
    let doc_date = || {
        reference
            .and_then(Period::day)
            .map_or(TimeScope::Unknown, |p| TimeScope::AsOf {
                period: p,
                stated: None,
            })
    };
    let Some((_, j, after)) = best else {
        return (doc_date(), None);
    };
    let t = &mentions[j];
    let Value::Time { period } = &t.value else {
        return (doc_date(), None);
    };
    if period.anchor == Anchor::Unresolved {
        return (doc_date(), None);
    }
    let _ = text;
    let scope = match period.shape {
        Shape::Instant => TimeScope::AsOf {
            period: *period,
            stated: Some(t.span),
        },
        Shape::Interval => TimeScope::Over {
            period: *period,
            stated: t.span,
        },
        Shape::Since if after => {
            let end = reference.map(|d| d.to_datetime(Time::midnight()));
            match (period.start, end) {
                (Some(s), Some(e)) if s < e => TimeScope::Over {
                    period: Period {
                        end: Some(e),
                        shape: Shape::Interval,
                        ..*period
                    },
                    stated: t.span,
                },
                _ => return (doc_date(), None),
            }
        }
        Shape::Since => match period.start.and_then(|s| Period::instant(s, period.grain)) {
            Some(p) => TimeScope::AsOf {
                period: p.anchored(period.anchor),
                stated: Some(t.span),
            },
            None => return (doc_date(), None),
        },
        Shape::Until => match period
            .end
            .and_then(|e| e.checked_sub(period.grain.span(1)?).ok())
            .and_then(|s| Period::instant(s, period.grain))
        {
            Some(p) => TimeScope::AsOf {
                period: p.anchored(period.anchor),
                stated: Some(t.span),
            },
            None => return (doc_date(), None),
        },
    };
    (scope, Some(j))
}

/// A dated event: a time mention of grain day or coarser, not the scope of
/// a figure, with the content words of its clause before it ("the bridge
/// opened in 2014", "its launch in February 2022").
fn event(
    doc: &Document,
    id: &Arc<str>,
    text: &str,
    before: &[Word],
    i: usize,
    mentions: &[Mention],
) -> Option<Assertion> {
    let m = &mentions[i];
    let Value::Time { period } = &m.value else {
        return None;
    };
    if period.shape != Shape::Instant
        || period.grain < Grain::Day
        || period.anchor == Anchor::Unresolved
    {
        return None;
    }
    if m.span.start < doc.header.end {
        return None;
    }

    let mut keys = Vec::new();
    let mut names = Vec::new();
    let mut label = Vec::new();
    let mut next_start = m.span.start;
    for w in before.iter().rev().take(12) {
        let gap = text.get(w.span.end..next_start).unwrap_or_default();
        let in_mention = mention_near(mentions, i, w.span);
        if words::breaks_clause(gap)
            || in_mention.is_some_and(|o| matches!(o.value, Value::Time { .. }))
            || keys.len() == 4
        {
            break;
        }
        next_start = w.span.start;
        if in_mention.is_some() {
            continue;
        }
        // "officials said on Wednesday": the date of a statement, not of an
        // event.
        if keys.is_empty() && words::is_reporting_verb(&w.lower) {
            return None;
        }
        if words::is_function_word(&w.lower)
            || words::is_auxiliary(&w.lower)
            || words::is_reporting_verb(&w.lower)
        {
            if !keys.is_empty()
                && matches!(
                    w.lower.as_str(),
                    "and" | "or" | "but" | "when" | "while" | "which" | "who" | "that"
                )
            {
                break;
            }
            continue;
        }
        let key = words::key(&w.lower);
        let capitalised = text[w.span.start..].starts_with(|c: char| c.is_uppercase());
        if capitalised && w.span.start > m.sentence.start {
            names.push(key.clone());
        }
        keys.push(key);
        label.push(&text[w.span.start..w.span.end]);
    }
    if keys.is_empty() {
        return None;
    }
    // The label quotes the words nearest the date ("opened the bridge").
    label.truncate(2);
    label.reverse();
    keys.sort();
    keys.dedup();
    names.sort();
    names.dedup();
    Some(Assertion {
        doc: id.clone(),
        span: m.span,
        text: m.text.as_str().into(),
        sentence: m.sentence,
        kind: AssertionKind::Event,
        measure: Measure {
            noun: None,
            verb: None,
            words: keys,
            label: label.join(" ").into_boxed_str(),
            carried_from: None,
            names,
            priced: Vec::new(),
        },
        dimension: Dimension::Date,
        time: TimeScope::AsOf {
            period: *period,
            stated: Some(m.span),
        },
        time_text: Some(m.text.as_str().into()),
        claim: Claim::Date { period: *period },
        cumulative: false,
        holder: None,
        whole: false,
        per: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words around a span and the mention at a word, found by
    /// stepping from where the last question left off, are what a binary
    /// search finds, whatever order the questions come in.
    #[test]
    fn stepping_finds_what_searching_finds() {
        let text = "In May, 40 homes and 12 shops of the 300 in Brisk were hit; \
                    between 3 and 4 and 4 and 4 and 4 and 4 and 4 and 4 and 4 and 4 \
                    and 4 and 4 and 4 and 4 and 4 and 4 cars, by 2 June 2024.";
        let found = crate::extract_text(text, None);
        let mentions = &found.mentions;
        assert!(mentions.len() >= 20, "{}", mentions.len());
        let mut sentence = SentenceWords::default();
        sentence.load(text, Span::new(0, text.len()));
        let mut spans: Vec<Span> = sentence.words.iter().map(|w| w.span).collect();
        spans.extend(mentions.iter().map(|m| m.span));
        spans.extend([
            Span::new(0, 0),
            Span::new(text.len(), text.len()),
            Span::new(3, 30),
        ]);
        let orders = [
            spans.clone(),
            spans.iter().rev().copied().collect(),
            spans
                .iter()
                .step_by(7)
                .chain(spans.iter().step_by(3))
                .copied()
                .collect(),
        ];
        for order in orders {
            for span in order {
                let ws = &sentence.words;
                let b = ws.partition_point(|w| w.span.end <= span.start);
                let a = ws.partition_point(|w| w.span.start < span.end);
                let (before, after) = sentence.around(span);
                assert_eq!((before, after), (&ws[..b], &ws[a..]), "{span:?}");
                let k = mentions.partition_point(|m| m.span.end <= span.start);
                let searched = mentions.get(k).filter(|m| m.span.overlaps(span));
                for near in [0, k / 2, k, k + 3, mentions.len()] {
                    assert_eq!(
                        mention_near(mentions, near, span),
                        searched,
                        "{span:?} {near}"
                    );
                }
            }
        }
    }

    /// The assertion of the figure `figure` in a one-sentence document.
    fn read(sentence: &str, figure: &str) -> Assertion {
        let doc = Document::from_text("t.txt", format!("date: 2025-01-29\n\n{sentence}"));
        let found = crate::extract(&doc);
        assertions(&doc, &found)
            .into_iter()
            .find(|a| &*a.text == figure)
            .unwrap_or_else(|| panic!("{figure:?} is read in {sentence:?}"))
    }

    #[test]
    fn a_hole_in_the_text_ends_the_measure() {
        // Words either side of a control character or of bytes that were
        // not text need not belong together: random bytes read as "9 oo".
        for gap in ["\u{FFFD}", "\u{1}", " \u{7f} ", "\u{FFFD}\u{FFFD} "] {
            let sentence = format!("The council said 40{gap}homes were damaged.");
            let a = read(&sentence, "40");
            assert_eq!(a.measure.noun, None, "{sentence:?}");
        }
        // Spaces of any kind are no hole.
        let homes = read("The council said 40 homes were damaged.", "40").measure;
        assert!(homes.noun.is_some());
        for gap in ["\u{a0}", "\t", " \u{2009}", "  "] {
            let sentence = format!("The council said 40{gap}homes were damaged.");
            let a = read(&sentence, "40");
            assert_eq!(a.measure.noun, homes.noun, "{sentence:?}");
        }
    }

    #[test]
    fn rates_say_what_they_are_per() {
        for (sentence, figure, per) in [
            (
                "About 450 migrants a day crossed the border.",
                "About 450",
                Some("day"),
            ),
            (
                "The port handles 3,000 containers each week.",
                "3,000",
                Some("week"),
            ),
            (
                "Some 1,200 flights daily use the airport.",
                "Some 1,200",
                Some("day"),
            ),
            (
                "It records 12 deaths per 100,000 people.",
                "12",
                Some("100,000 people"),
            ),
            ("Income is $41,000 per capita.", "$41,000", Some("person")),
            ("Fees of £9,250 per annum apply.", "£9,250", Some("year")),
            // Negative examples: a date, not a rate; a rate word after a
            // preposition or a verb; no rate at all.
            ("Some 2,000 were counted a year ago.", "Some 2,000", None),
            ("The count was 2,000 a year earlier.", "2,000", None),
            ("About 450 arrived in a day.", "About 450", None),
            ("The town built 300 homes.", "300", None),
            ("Up to 40 per cent of them left.", "Up to 40 per cent", None),
        ] {
            let a = read(sentence, figure);
            assert_eq!(a.per.as_deref(), per, "{sentence}");
            if per.is_some() {
                assert_eq!(a.kind, AssertionKind::Rate, "{sentence}");
                assert!(!a.cumulative, "{sentence}");
            } else {
                assert_ne!(a.kind, AssertionKind::Rate, "{sentence}");
            }
        }
        // A change stated per year stays a change, and says per what.
        let a = read("Prices rose 5% a year.", "5%");
        assert_eq!(
            (a.kind, a.per.as_deref()),
            (AssertionKind::Change, Some("year"))
        );
    }

    #[test]
    fn money_before_a_noun_is_its_cost() {
        for (sentence, figure, noun, priced) in [
            (
                "The board approved a €2.4bn tram line linking the hospital.",
                "€2.4bn",
                "cost",
                &["lin", "tram"][..],
            ),
            (
                "Harbour authority approves $350 million container terminal",
                "$350 million",
                "cost",
                &["container", "terminal"][..],
            ),
            // Negative examples: a money noun of its own, a cost named
            // before the sum, a sum not set before a noun.
            ("The firm won a $2m contract.", "$2m", "contract", &[][..]),
            (
                "The tram will go ahead at a cost of €2.38 billion, the board said.",
                "€2.38 billion",
                "cost",
                &[][..],
            ),
        ] {
            let a = read(sentence, figure);
            assert_eq!(a.measure.noun.as_deref(), Some(noun), "{sentence}");
            assert_eq!(a.measure.priced, priced, "{sentence}");
        }
        let moved = read(
            "The ministry moves $650 million from the rail budget.",
            "$650 million",
        );
        assert!(moved.measure.priced.is_empty());
    }

    #[test]
    fn the_costs_of_different_things_are_different_measures() {
        let line = read("The board approved a €2.4bn tram line.", "€2.4bn").measure;
        let hospital = read("The board approved a €2.4bn hospital.", "€2.4bn").measure;
        let cost = read(
            "The tram will go ahead at a cost of €2.38 billion, the board said.",
            "€2.38 billion",
        )
        .measure;
        let again = read("Work starts on the €2.6bn tram line.", "€2.6bn").measure;
        assert_eq!(line.similarity(&hospital), 0.0);
        assert!(line.similarity(&cost) >= 0.6, "{}", line.similarity(&cost));
        assert!(
            line.similarity(&cost) < 0.75,
            "a cost of no named thing never conflicts"
        );
        assert!(
            line.similarity(&again) >= 0.75,
            "{}",
            line.similarity(&again)
        );
    }
}
