//! Sentences: byte spans of the sentences of a text.
//!
//! Boundaries come from Unicode's sentence rules (UAX #29, through the
//! unicode-segmentation crate), corrected where they fail news text.
//! (Corrections: to be completed.)

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The spans of all sentences of `text`, in order, covering the text.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (start, s) in text.split_sentence_bound_indices() {
        out.push(Span::new(start, start + s.len()));
    }
    out
}

/// Finds the sentence around spans given in increasing order, segmenting
/// only the paragraphs (runs of text between line breaks) that hold one.
pub(crate) struct SentenceIndex<'t> {
    text: &'t str,
    paragraph: Span,
    sentences: Vec<Span>,
}

impl<'t> SentenceIndex<'t> {
    /// An index over `text` that has segmented nothing yet.
    pub fn new(text: &'t str) -> SentenceIndex<'t> {
        SentenceIndex {
            text,
            paragraph: Span::default(),
            sentences: Vec::new(),
        }
    }

    /// The sentence containing the start of `span`.
    pub fn containing(&mut self, span: Span) -> Span {
        if !self.paragraph.contains(span.start) {
            let start = self.text[..span.start].rfind('\n').map_or(0, |p| p + 1);
            let end = self.text[span.start..]
                .find('\n')
                .map_or(self.text.len(), |p| span.start + p);
            self.paragraph = Span::new(start, end);
            self.sentences = sentences(&self.text[start..end])
                .into_iter()
                .map(|s| s.shift(start))
                .collect();
        }
        self.sentences
            .iter()
            .find(|s| s.contains(span.start))
            .copied()
            .unwrap_or(self.paragraph)
    }
}
