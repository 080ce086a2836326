//! The assertions a check holds until every document has been read.
//!
//! A figure compared across documents is held whole, and text that states
//! one figure again and again ("40 homes had been damaged in May and 40
//! homes had been damaged in May and …", a table of repeated rows, the
//! same caption under every picture) would hold the same assertion once
//! for every repeat. So what is held is each document's distinct
//! **shapes** (an assertion with its offsets counted from its figure's
//! start) and, for each figure, which shape it has and where it stands:
//! a repeat costs one [`Place`], not one [`Assertion`].
//!
//! The reconciler reads the held figures through [`All`], which gives a
//! figure's shape for everything but its offsets and asks the place for
//! those: [`All::span`], [`All::sentence`], [`All::stated`]. A shape's
//! own offsets are relative and never meant to be read.

use std::ops::Index;

use crate::assertion::{Assertion, Dimension, Measure};
use crate::span::Span;

/// How many of a document's latest shapes a new figure is compared with
/// before it is given a shape of its own: enough for a repeated row of a
/// few figures, few enough to keep the cost per figure small.
const RECENT_SHAPES: usize = 8;

/// Offsets up to this are held in 32 bits; a figure further into its
/// text (only a text given whole, beyond what a file may be, see
/// [`MAX_DOCUMENT_BYTES`](crate::document::MAX_DOCUMENT_BYTES)) is held as
/// its own shape, offsets included. The tests use a small bound, so that
/// both ways are taken by every test of a check.
#[cfg(not(test))]
const NEAR: usize = u32::MAX as usize - 1;
#[cfg(test)]
const NEAR: usize = 4096;

/// A place's sentence when its shape holds its offsets itself (see
/// [`NEAR`]).
const FAR: (u32, u32) = (u32::MAX, u32::MAX);

/// Where one held figure stands: its shape, where its figure starts, and
/// its sentence (held apart, since one long sentence of repeats gives
/// each repeat the same sentence but a different distance to it). Sixteen
/// bytes, a repeat's whole cost.
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    shape: u32,
    start: u32,
    sentence: (u32, u32),
}

impl Place {
    fn shape(&self) -> usize {
        self.shape as usize
    }

    fn start(&self) -> usize {
        self.start as usize
    }

    /// The sentence, unless the shape holds it (see [`FAR`]).
    fn sentence(&self) -> Option<Span> {
        (self.sentence != FAR).then_some(Span {
            start: self.sentence.0 as usize,
            end: self.sentence.1 as usize,
        })
    }
}

/// Held assertions: shapes and the places of their figures, in the order
/// they were pushed. One document's store gives its figures only shapes of
/// its own; stores of several are joined by [`Held::concatenate`].
#[derive(Debug, Default)]
pub(super) struct Held {
    shapes: Vec<Assertion>,
    places: Vec<Place>,
}

impl Held {
    /// Hold `a`, giving it the shape of one of the latest figures of its
    /// document when it is the same but for where it stands.
    ///
    /// A store holds at most `u32::MAX` shapes (each a few hundred bytes:
    /// far beyond any machine's memory).
    pub(super) fn push(&mut self, a: Assertion) {
        let near = |x: usize| u32::try_from(x).ok().filter(|&x| x as usize <= NEAR);
        let place = match (
            near(a.span.start),
            near(a.sentence.start),
            near(a.sentence.end),
        ) {
            (Some(start), Some(from), Some(to)) => {
                let shape = rebase(a, start as usize, 0);
                let recent = self.shapes.len().saturating_sub(RECENT_SHAPES);
                let found = (recent..self.shapes.len())
                    .rev()
                    .find(|&s| self.shapes[s] == shape);
                let shape = found.unwrap_or_else(|| self.add(shape));
                (shape, start, (from, to))
            }
            _ => (self.add(a), 0, FAR),
        };
        crate::assertion::grow(&mut self.places, 1);
        self.places.push(Place {
            shape: u32::try_from(place.0).unwrap_or(u32::MAX),
            start: place.1,
            sentence: place.2,
        });
    }

    /// Add a shape, giving its index.
    fn add(&mut self, shape: Assertion) -> usize {
        crate::assertion::grow(&mut self.shapes, 1);
        self.shapes.push(shape);
        self.shapes.len() - 1
    }

    /// Give back the room grown ahead of need.
    pub(super) fn shrink_to_fit(&mut self) {
        self.shapes.shrink_to_fit();
        self.places.shrink_to_fit();
    }

    /// How many figures are held.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.places.len()
    }

    /// The stores of several documents as one, in order, without holding
    /// any list twice (see [`super::concatenate`]).
    pub(super) fn concatenate(mut stores: Vec<Held>) -> Held {
        let mut base = 0u32;
        for store in &mut stores {
            for p in &mut store.places {
                p.shape = p.shape.saturating_add(base);
            }
            base = base.saturating_add(u32::try_from(store.shapes.len()).unwrap_or(u32::MAX));
        }
        Held {
            shapes: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.shapes))),
            places: super::concatenate(stores.iter_mut().map(|h| std::mem::take(&mut h.places))),
        }
    }

    /// The held figures, as the reconciler reads them.
    pub(super) fn all(&self) -> All<'_> {
        All {
            shapes: &self.shapes,
            places: Some(&self.places),
        }
    }

    /// Each held figure's assertion, in order, with whether `keep` wants
    /// it: a shape's last figure takes its strings rather than a copy.
    pub(super) fn into_assertions(
        self,
        mut keep: impl FnMut(usize) -> bool,
    ) -> impl Iterator<Item = Assertion> {
        let mut remaining = vec![0u32; self.shapes.len()];
        for p in &self.places {
            remaining[p.shape()] += 1;
        }
        let mut shapes = self.shapes;
        self.places
            .into_iter()
            .enumerate()
            .filter_map(move |(i, p)| {
                remaining[p.shape()] -= 1;
                if !keep(i) {
                    return None;
                }
                let shape = &mut shapes[p.shape()];
                let a = if remaining[p.shape()] == 0 {
                    hollow(shape)
                } else {
                    shape.clone()
                };
                Some(place(a, p))
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

/// The assertion of a shape standing at `p`.
fn place(shape: Assertion, p: Place) -> Assertion {
    match p.sentence() {
        Some(sentence) => {
            let mut a = rebase(shape, 0, p.start());
            a.sentence = sentence;
            a
        }
        None => shape,
    }
}

/// `a` with every offset in it moved from counting from `from` to
/// counting from `to` (in wrapping arithmetic: a shape's time may be
/// stated before its figure), its sentence left out.
fn rebase(mut a: Assertion, from: usize, to: usize) -> Assertion {
    let at = |x: usize| x.wrapping_sub(from).wrapping_add(to);
    let span = |s: Span| Span {
        start: at(s.start),
        end: at(s.end),
    };
    a.span = span(a.span);
    a.sentence = Span::default();
    match &mut a.time {
        crate::assertion::TimeScope::AsOf { stated, .. } => *stated = stated.map(span),
        crate::assertion::TimeScope::Over { stated, .. } => *stated = span(*stated),
        crate::assertion::TimeScope::Unknown => {}
    }
    a.measure.carried_from = a.measure.carried_from.map(span);
    if let Some(h) = &mut a.holder {
        h.span = span(h.span);
    }
    a
}

/// A view of assertions for the reconciler: held ones (shapes and
/// places), or a plain list (one sentence's, for the checks inside it).
#[derive(Clone, Copy)]
pub(super) struct All<'a> {
    shapes: &'a [Assertion],
    places: Option<&'a [Place]>,
}

impl<'a> All<'a> {
    /// A plain list of assertions, read as they are.
    pub(super) fn plain(list: &'a [Assertion]) -> All<'a> {
        All {
            shapes: list,
            places: None,
        }
    }

    /// How many figures there are.
    pub(super) fn len(&self) -> usize {
        self.places.map_or(self.shapes.len(), <[Place]>::len)
    }

    /// The `i`th figure's shape: everything but its offsets.
    pub(super) fn get(&self, i: usize) -> &'a Assertion {
        match self.places {
            Some(places) => &self.shapes[places[i].shape()],
            None => &self.shapes[i],
        }
    }

    /// Every figure's shape, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'a Assertion> + 'a {
        let this = *self;
        (0..this.len()).map(move |i| this.get(i))
    }

    /// How far the `i`th figure's offsets are from its shape's.
    fn at(&self, i: usize) -> impl Fn(usize) -> usize {
        let start = self.places.map_or(0, |p| p[i].start());
        move |x: usize| x.wrapping_add(start)
    }

    /// The span of the `i`th figure.
    pub(super) fn span(&self, i: usize) -> Span {
        let (s, at) = (self.get(i).span, self.at(i));
        Span {
            start: at(s.start),
            end: at(s.end),
        }
    }

    /// The sentence of the `i`th figure.
    pub(super) fn sentence(&self, i: usize) -> Span {
        self.places
            .and_then(|p| p[i].sentence())
            .unwrap_or_else(|| self.get(i).sentence)
    }

    /// Where the `i`th figure's time was stated, if it was.
    pub(super) fn stated(&self, i: usize) -> Option<Span> {
        let at = self.at(i);
        self.get(i).time.stated().map(|s| Span {
            start: at(s.start),
            end: at(s.end),
        })
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
                store.push(a.clone());
            }
            lists.push(list);
            stores.push(store);
        }
        (lists, stores)
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
        let all = store.all();
        for (i, a) in lists[0].iter().enumerate() {
            assert_eq!(all.span(i), a.span);
            assert_eq!(all.sentence(i), a.sentence);
            assert_eq!(all.stated(i), a.time.stated());
            assert_eq!(all[i].claim, a.claim);
        }
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
            let all = store.all();
            assert_eq!(all.len(), expected.len());
            for (i, a) in expected.iter().enumerate() {
                assert_eq!(all.span(i), a.span, "{order:?} {i}");
                assert_eq!(all.sentence(i), a.sentence, "{order:?} {i}");
                assert_eq!(all[i].doc, a.doc, "{order:?} {i}");
            }
            let back: Vec<Assertion> = store.into_assertions(|_| true).collect();
            assert_eq!(back, expected, "{order:?}");
        }
    }

    #[test]
    fn only_the_wanted_assertions_come_back() {
        let text = "Some 40 homes were damaged. ".repeat(5) + "Then 7 shops closed.";
        let (lists, stores) = held(&[&text]);
        let store = Held::concatenate(stores);
        let back: Vec<Assertion> = store.into_assertions(|i| i % 2 == 1).collect();
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
        let all = All::plain(&lists[0]);
        for (i, a) in lists[0].iter().enumerate() {
            assert_eq!(all.span(i), a.span);
            assert_eq!(all.sentence(i), a.sentence);
            assert_eq!(all.stated(i), a.time.stated());
        }
    }
}
