//! Byte spans into a document's text.
//!
//! Every position this crate reports is a half-open range of **byte**
//! offsets into the text exactly as it was loaded (a metadata header
//! included), so that a user can cut the quote out of the file with
//! `&text[span.start..span.end]`. Char offsets are never used.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers, or `None` when it lies outside `text` or
    /// does not fall on char boundaries.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// Whether `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span moved right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_refuses_non_char_boundaries() {
        let text = "€5";
        assert_eq!(Span::new(0, 3).get(text), Some("€"));
        assert_eq!(Span::new(1, 3).get(text), None);
        assert_eq!(Span::new(0, 9).get(text), None);
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(5, 8);
        assert!(!a.overlaps(b));
        assert!(a.overlaps(Span::new(4, 6)));
        assert_eq!(a.cover(b), Span::new(0, 8));
    }
}
