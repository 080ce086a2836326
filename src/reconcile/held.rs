//! The assertions a check holds until every document has been read.
//!
//! A figure compared across documents was held whole, some hundreds of
//! bytes, and text dense in figures of one measure is made of figures that
//! differ only in where they stand ("40 homes had been damaged in May and
//! 40 homes had been damaged in May and …", the same caption under every
//! picture) or in their value too (a table: "In ward 7, 48213 votes were
//! cast." row after row). So what is held is each document's distinct
//! **shapes** (an assertion without its figure, its quote and its
//! offsets, those it has left counted from its figure's start), its
//! distinct [`Form`]s (a shape, a figure and the length of its quote) and,
//! for each figure, a [`Place`] (its form, where it starts, how far its
//! sentence reaches): a repeated figure costs a place, a table's row a
//! form and a place, not one more [`Assertion`].
//!
//! The reconciler reads the held figures through [`All`], which gives a
//! figure's shape for what it shares and asks the form and the place for
//! the rest: [`All::span`], [`All::sentence`], [`All::stated`],
//! [`All::text`] (read back from the document) and [`All::figure`]. A
//! shape's own offsets, quote and figure are placeholders, never meant to
//! be read.

use std::ops::Index;

use crate::assertion::{Assertion, Claim, Dimension, Measure, TimeScope};
use crate::figure::Figure;
use crate::span::Span;

/// How many of a document's latest shapes (and forms) a new figure is
/// compared with before it is given one of its own: enough for a table's
/// row or a repeated sentence of a few figures, few enough to keep the
/// cost per figure small.
const RECENT: usize = 8;

/// Offsets up to this are held in 32 bits; a figure further into its
/// text (only a text given whole, beyond what a file may be, see
/// [`MAX_DOCUMENT_BYTES`](crate::document::MAX_DOCUMENT_BYTES)) is held as
/// its own shape, offsets and quote included. The tests use a small
/// bound, so that both ways are taken by every test of a check.
#[cfg(not(test))]
const NEAR: usize = u32::MAX as usize - 1;
#[cfg(test)]
const NEAR: usize = 4096;

/// The figure a shape stands for in place of its own, the same for all so
/// that shapes compare equal.
const NO_FIGURE: Figure = Figure {
    value: 0.0,
    low: None,
    high: None,
    qualifier: crate::figure::Qualifier::Exact,
};

/// What a figure shares with the figures of the same **form**: its shape,
/// the length of its quote and its figure. A table's rows have a form
/// each; a repeated sentence's figures share one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Form {
    shape: u32,
    len: u32,
    /// Its figure ([`NO_FIGURE`] for a date: its shape holds it).
    figure: Figure,
}

/// Where one held figure stands: its form, where it starts, and how far
/// its sentence reaches before and after that (a sentence is cut at a few
/// KiB, see [`RUNAWAY_EVERY`](crate::sentence::RUNAWAY_EVERY)). Twelve
/// bytes, a figure's whole cost when its form is shared. A figure whose
/// offsets do not fit (see [`NEAR`]) has a form and shape of its own that
/// hold them, and `before` and `after` both [`u16::MAX`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    form: u32,
    start: u32,
    before: u16,
    after: u16,
}

impl Place {
    fn form(&self) -> usize {
        self.form as usize
    }

    /// Whether the shape holds the offsets and the quote.
    fn far(&self) -> bool {
        (self.before, self.after) == (u16::MAX, u16::MAX)
    }

    fn start(&self) -> usize {
        self.start as usize
    }

    fn sentence(&self) -> Span {
        Span {
            start: self.start() - usize::from(self.before),
            end: self.start() + usize::from(self.after),
        }
    }
}

/// Held assertions: shapes, forms and the places of the figures, in the
/// order they were pushed. One document's store gives its figures only
/// shapes of its own; stores of several are joined by
/// [`Held::concatenate`].
#[derive(Debug, Default)]
pub(super) struct Held {
    shapes: Vec<Assertion>,
    /// Each shape's document, in the order of the stores joined.
    docs: Vec<u32>,
    forms: Vec<Form>,
    places: Vec<Place>,
}

/// The latest of `list` equal to `item`, among the last [`RECENT`].
fn recent<T: PartialEq>(list: &[T], item: &T) -> Option<usize> {
    let from = list.len().saturating_sub(RECENT);
    (from..list.len()).rev().find(|&i| list[i] == *item)
}

/// `item` added to `list`, growing it by an eighth at a time: its index.
fn add<T>(list: &mut Vec<T>, item: T) -> usize {
    crate::assertion::grow(list, 1);
    list.push(item);
    list.len() - 1
}

/// An index held in 32 bits; a store never holds `u32::MAX` of anything (a
/// shape is a few hundred bytes: far beyond any machine's memory).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Held {
    /// Hold `a`, an assertion of the document `text`, giving it the shape
    /// and the form of one of the latest figures of its document when it
    /// is the same but for where it stands (and, for the shape, its
    /// figure).
    pub(super) fn push(&mut self, text: &str, mut a: Assertion) {
        let figure = match &mut a.claim {
            Claim::Figure { figure } => std::mem::replace(figure, NO_FIGURE),
            Claim::Date { .. } => NO_FIGURE,
        };
        let near = |x: usize| u32::try_from(x).ok().filter(|&x| x as usize <= NEAR);
        let short = |x: usize| u16::try_from(x).ok().filter(|&x| x < u16::MAX);
        let quoted = text.get(a.span.start..a.span.end) == Some(&*a.text);
        let ends = (
            near(a.span.start),
            near(a.span.len()),
            a.span.start.checked_sub(a.sentence.start).and_then(short),
            a.sentence.end.checked_sub(a.span.start).and_then(short),
        );
        let (shape, len, place) = match ends {
            (Some(start), Some(len), Some(before), Some(after)) if quoted => {
                a.text = Box::default();
                let shape = rebase(a, start as usize, 0);
                let shape = recent(&self.shapes, &shape).unwrap_or_else(|| {
                    add(&mut self.docs, 0);
                    add(&mut self.shapes, shape)
                });
                (shape, len, (start, before, after))
            }
            _ => {
                add(&mut self.docs, 0);
                (add(&mut self.shapes, a), 0, (0, u16::MAX, u16::MAX))
            }
        };
        let form = Form {
            shape: index(shape),
            len,
            figure,
        };
        let form = recent(&self.forms, &form).unwrap_or_else(|| add(&mut self.forms, form));
        add(
            &mut self.places,
            Place {
                form: index(form),
                start: place.0,
                before: place.1,
                after: place.2,
            },
        );
    }

    /// Give back the room grown ahead of need.
    pub(super) fn shrink_to_fit(&mut self) {
        self.shapes.shrink_to_fit();
        self.docs.shrink_to_fit();
        self.forms.shrink_to_fit();
        self.places.shrink_to_fit();
    }

    /// How many figures are held.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.places.len()
    }

    /// The stores of several documents (one each) as one, in order,
    /// without holding any list twice (see [`super::concatenate`]). The
    /// documents' texts are to be given to [`Held::all`] in the same
    /// order.
    pub(super) fn concatenate(mut stores: Vec<Held>) -> Held {
        let (mut shapes, mut forms) = (0u32, 0u32);
        for (doc, store) in stores.iter_mut().enumerate() {
            store.docs.fill(index(doc));
            for f in &mut store.forms {
                f.shape = f.shape.saturating_add(shapes);
            }
            for p in &mut store.places {
                p.form = p.form.saturating_add(forms);
            }
            shapes = shapes.saturating_add(index(store.shapes.len()));
            forms = forms.saturating_add(index(store.forms.len()));
        }
        Held {
            shapes: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.shapes))),
            docs: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.docs))),
            forms: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.forms))),
            places: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.places))),
        }
    }

    /// The held figures, as the reconciler reads them, their quotes read
    /// back from `texts`: the documents' texts in the order of the stores
    /// joined (a single store's document alone).
    pub(super) fn all<'a>(&'a self, texts: &'a [&'a str]) -> All<'a> {
        All {
            shapes: &self.shapes,
            held: Some(Stored {
                docs: &self.docs,
                forms: &self.forms,
                places: &self.places,
                texts,
            }),
        }
    }

    /// Each held figure's document (its place in `texts`) and assertion,
    /// in order, with whether `keep` wants it, its quote read back from
    /// `texts` (see [`Held::all`]): a shape's last figure takes its strings
    /// rather than a copy.
    pub(super) fn into_assertions<'a>(
        self,
        texts: &'a [&'a str],
        mut keep: impl FnMut(usize) -> bool + 'a,
    ) -> impl Iterator<Item = (usize, Assertion)> + 'a {
        let mut remaining = vec![0u32; self.shapes.len()];
        for p in &self.places {
            remaining[self.forms[p.form()].shape as usize] += 1;
        }
        let (mut shapes, forms, docs) = (self.shapes, self.forms, self.docs);
        self.places
            .into_iter()
            .enumerate()
            .filter_map(move |(i, p)| {
                let form = forms[p.form()];
                let s = form.shape as usize;
                remaining[s] -= 1;
                if !keep(i) {
                    return None;
                }
                let mut a = if remaining[s] == 0 {
                    hollow(&mut shapes[s])
                } else {
                    shapes[s].clone()
                };
                if let Claim::Figure { figure } = &mut a.claim {
                    *figure = form.figure;
                }
                let doc = docs[s] as usize;
                if p.far() {
                    return Some((doc, a));
                }
                let mut a = rebase(a, 0, p.start());
                a.span = Span::new(p.start(), p.start() + form.len as usize);
                a.sentence = p.sentence();
                let text = texts.get(doc).copied().unwrap_or_default();
                a.text = a.span.get(text).unwrap_or_default().into();
                Some((doc, a))
            })
    }
}

/// The assertion `a` was, leaving it without the strings it held.
fn hollow(a: &mut Assertion) -> Assertion {
    let empty = Measure {
        noun: None,
        verb: None,
        words: Vec::new(),
        label: Box::default(),
        carried_from: None,
        names: Vec::new(),
        priced: Vec::new(),
    };
    Assertion {
        doc: a.doc.clone(),
        span: a.span,
        text: std::mem::take(&mut a.text),
        sentence: a.sentence,
        kind: a.kind,
        measure: std::mem::replace(&mut a.measure, empty),
        dimension: std::mem::replace(&mut a.dimension, Dimension::Count),
        time: a.time,
        time_text: a.time_text.take(),
        claim: a.claim.clone(),
        cumulative: a.cumulative,
        holder: a.holder.take(),
        whole: a.whole,
        per: a.per.take(),
    }
}

/// `a` with every offset it has left moved from counting from `from` to
/// counting from `to` (in wrapping arithmetic: a shape's time may be
/// stated before its figure), its own span and sentence left out.
fn rebase(mut a: Assertion, from: usize, to: usize) -> Assertion {
    let at = |x: usize| x.wrapping_sub(from).wrapping_add(to);
    let span = |s: Span| Span {
        start: at(s.start),
        end: at(s.end),
    };
    a.span = Span::default();
    a.sentence = Span::default();
    match &mut a.time {
        TimeScope::AsOf { stated, .. } => *stated = stated.map(span),
        TimeScope::Over { stated, .. } => *stated = span(*stated),
        TimeScope::Unknown => {}
    }
    a.measure.carried_from = a.measure.carried_from.map(span);
    if let Some(h) = &mut a.holder {
        h.span = span(h.span);
    }
    a
}

/// What a view of held assertions reads besides their shapes.
#[derive(Clone, Copy)]
struct Stored<'a> {
    docs: &'a [u32],
    forms: &'a [Form],
    places: &'a [Place],
    texts: &'a [&'a str],
}

/// A view of assertions for the reconciler: held ones, or a plain list
/// (one sentence's, for the checks inside it).
#[derive(Clone, Copy)]
pub(super) struct All<'a> {
    shapes: &'a [Assertion],
    held: Option<Stored<'a>>,
}

impl<'a> All<'a> {
    /// A plain list of assertions, read as they are.
    pub(super) fn plain(list: &'a [Assertion]) -> All<'a> {
        All {
            shapes: list,
            held: None,
        }
    }

    /// How many figures there are.
    pub(super) fn len(&self) -> usize {
        self.held.map_or(self.shapes.len(), |h| h.places.len())
    }

    /// The `i`th figure's form and place, when held.
    fn stored(&self, i: usize) -> Option<(Form, Place)> {
        self.held.map(|h| {
            let p = h.places[i];
            (h.forms[p.form()], p)
        })
    }

    /// The `i`th figure's shape: what it shares with the figures of its
    /// shape (all but its offsets, its quote and its figure).
    pub(super) fn get(&self, i: usize) -> &'a Assertion {
        match self.stored(i) {
            Some((form, _)) => &self.shapes[form.shape as usize],
            None => &self.shapes[i],
        }
    }

    /// Every figure's shape, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'a Assertion> + 'a {
        let this = *self;
        (0..this.len()).map(move |i| this.get(i))
    }

    /// The `i`th figure's form and place, unless its shape holds its
    /// offsets.
    fn near(&self, i: usize) -> Option<(Form, Place)> {
        self.stored(i).filter(|(_, p)| !p.far())
    }

    /// The span of the `i`th figure.
    pub(super) fn span(&self, i: usize) -> Span {
        self.near(i).map_or(self.get(i).span, |(f, p)| {
            Span::new(p.start(), p.start() + f.len as usize)
        })
    }

    /// The sentence of the `i`th figure.
    pub(super) fn sentence(&self, i: usize) -> Span {
        self.near(i)
            .map_or(self.get(i).sentence, |(_, p)| p.sentence())
    }

    /// Where the `i`th figure's time was stated, if it was.
    pub(super) fn stated(&self, i: usize) -> Option<Span> {
        let start = self.near(i).map_or(0, |(_, p)| p.start());
        self.get(i).time.stated().map(|s| Span {
            start: s.start.wrapping_add(start),
            end: s.end.wrapping_add(start),
        })
    }

    /// The `i`th figure's quote.
    pub(super) fn text(&self, i: usize) -> &'a str {
        match (self.near(i), self.held) {
            (Some((form, _)), Some(h)) => h
                .docs
                .get(form.shape as usize)
                .and_then(|&d| h.texts.get(d as usize))
                .and_then(|t| self.span(i).get(t))
                .unwrap_or_default(),
            _ => &self.get(i).text,
        }
    }

    /// The `i`th figure's figure, for a quantity.
    pub(super) fn figure(&self, i: usize) -> Option<&'a Figure> {
        let shape = self.get(i);
        match (&shape.claim, self.held) {
            (Claim::Figure { .. }, Some(h)) => Some(&h.forms[h.places[i].form()].figure),
            _ => shape.figure(),
        }
    }
}

impl Index<usize> for All<'_> {
    type Output = Assertion;

    fn index(&self, i: usize) -> &Assertion {
        self.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn held(texts: &[&str]) -> (Vec<Vec<Assertion>>, Vec<Held>) {
        let mut lists = Vec::new();
        let mut stores = Vec::new();
        for (n, text) in texts.iter().enumerate() {
            let doc = Document::from_text(format!("d{n}.txt"), *text);
            let list = crate::assertion::assertions(&doc, &crate::extract(&doc));
            let mut store = Held::default();
            for a in &list {
                store.push(text, a.clone());
            }
            lists.push(list);
            stores.push(store);
        }
        (lists, stores)
    }

    /// Whether the view reads every part of `list` that it reads.
    fn reads_back(all: All, list: &[Assertion]) {
        assert_eq!(all.len(), list.len());
        for (i, a) in list.iter().enumerate() {
            assert_eq!(all.span(i), a.span, "{i}");
            assert_eq!(all.sentence(i), a.sentence, "{i}");
            assert_eq!(all.stated(i), a.time.stated(), "{i}");
            assert_eq!(all.text(i), &*a.text, "{i}");
            assert_eq!(all.figure(i), a.figure(), "{i}");
            assert_eq!(all[i].doc, a.doc, "{i}");
            // All but where a carried noun was found, which a shape
            // counts from its figure.
            assert_eq!(all[i].measure.noun, a.measure.noun, "{i}");
            assert_eq!(all[i].measure.label, a.measure.label, "{i}");
        }
    }

    #[test]
    fn repeats_share_a_shape_and_read_back_as_themselves() {
        let text = "The council said 40 homes had been damaged in May 2024 and \
                    40 homes had been damaged in May 2024, and 12 shops closed. "
            .repeat(60);
        let (lists, stores) = held(&[&text]);
        let store = &stores[0];
        assert_eq!(store.len(), lists[0].len());
        // Past NEAR (small in the tests), each figure is its own shape.
        let far = lists[0]
            .iter()
            .filter(|a| a.span.start > NEAR || a.sentence.end > NEAR)
            .count();
        assert!(
            store.len() - far >= 60,
            "{far} of {} figures far",
            store.len()
        );
        assert!(far >= 60, "{far} of {} figures far", store.len());
        assert!(
            store.shapes.len() <= 4 + far,
            "{} shapes for {} figures, {far} far",
            store.shapes.len(),
            store.len()
        );
        reads_back(store.all(&[text.as_str()]), &lists[0]);
    }

    #[test]
    fn a_table_shares_its_shapes_but_not_its_figures() {
        let text: String = (1..=80)
            .map(|i| format!("In ward {i}, {} votes were cast.\n", 1000 + 37 * i))
            .collect();
        let (lists, stores) = held(&[&text]);
        let store = &stores[0];
        let near = lists[0]
            .iter()
            .filter(|a| a.span.end <= NEAR && a.sentence.end <= NEAR && a.measure.noun.is_some())
            .count();
        assert!(near >= 40, "{near} near figures of a named measure");
        assert!(
            store.shapes.len() + near <= store.len() + 8,
            "{} shapes for {} figures, {near} near",
            store.shapes.len(),
            store.len()
        );
        reads_back(store.all(&[text.as_str()]), &lists[0]);
    }

    #[test]
    fn concatenated_stores_read_back_every_assertion_in_order() {
        let texts = [
            "Officials said 3 bridges and 4 roads were shut on 2 May 2024.",
            "Some 40 homes were damaged. Some 40 homes were damaged. Some 40 homes were damaged.",
            "",
            "The 45-seat chamber: the Greens 12 seats, the Workers' Party 8.",
        ];
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
            let picked: Vec<&str> = order.iter().map(|&i| texts[i]).collect();
            let (lists, stores) = held(&picked);
            let expected: Vec<Assertion> = lists.into_iter().flatten().collect();
            let store = Held::concatenate(stores);
            let all = store.all(&picked);
            assert_eq!(all.len(), expected.len());
            for (i, a) in expected.iter().enumerate() {
                assert_eq!(all.span(i), a.span, "{order:?} {i}");
                assert_eq!(all.sentence(i), a.sentence, "{order:?} {i}");
                assert_eq!(all.text(i), &*a.text, "{order:?} {i}");
                assert_eq!(all.figure(i), a.figure(), "{order:?} {i}");
                assert_eq!(all[i].doc, a.doc, "{order:?} {i}");
            }
            let back: Vec<(usize, Assertion)> = store.into_assertions(&picked, |_| true).collect();
            for (doc, a) in &back {
                assert_eq!(&*a.doc, format!("d{doc}.txt"), "{order:?}");
            }
            let back: Vec<Assertion> = back.into_iter().map(|(_, a)| a).collect();
            assert_eq!(back, expected, "{order:?}");
        }
    }

    #[test]
    fn only_the_wanted_assertions_come_back() {
        let text = "Some 40 homes were damaged. ".repeat(5) + "Then 7 shops closed.";
        let (lists, stores) = held(&[&text]);
        let store = Held::concatenate(stores);
        let texts = [text.as_str()];
        let back: Vec<Assertion> = store
            .into_assertions(&texts, |i| i % 2 == 1)
            .map(|(_, a)| a)
            .collect();
        let expected: Vec<Assertion> = lists[0]
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, a)| a.clone())
            .collect();
        assert_eq!(back, expected);
    }

    #[test]
    fn a_plain_list_reads_as_it_is() {
        let (lists, _) = held(&["On 2 May 2024, 3 bridges and 4 roads were shut."]);
        reads_back(All::plain(&lists[0]), &lists[0]);
    }
}
