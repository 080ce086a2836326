//! # corroborate
//!
//! Checks facts across news articles. Given several reports of one story,
//! it finds every numeric and temporal expression in each ("around 4.5
//! million", "a fifth", "$1.2bn", "since May 2024", "a year ago"),
//! normalises it to a value that carries the uncertainty its wording
//! implies, reads what each figure measures and when, and reports where the
//! reports agree, conflict, or follow from each other by arithmetic, with
//! the exact quoted spans of every source.
//!
//! ```
//! use corroborate::{check, Document, Verdict};
//!
//! let a = Document::from_text("a.txt", "date: 2025-05-07\n\nAround 4.5 million permits have been issued.");
//! let b = Document::from_text("b.txt", "date: 2025-05-07\n\nThe office has issued 4.1 million permits.");
//! let report = check(&[a, b]);
//! let conflict = report.with_verdict(Verdict::Conflict).next().expect("the figures conflict");
//! assert_eq!(conflict.evidence.len(), 2);
//! assert_eq!(conflict.evidence[0].text, "Around 4.5 million");
//! ```
//!
//! One stage at a time: [`extract`] gives the mentions of a document, each
//! with its byte span and a value whose interval follows the precision rule
//! of [`figure`]:
//!
//! ```
//! use corroborate::{extract, Document, Value};
//!
//! let doc = Document::from_text("report.txt", "date: 2025-05-07\n\n600,000 were issued.");
//! let found = extract(&doc);
//! let first = &found.mentions[0];
//! assert_eq!(first.text, "600,000");
//! let Value::Number { amount, .. } = &first.value else { panic!() };
//! // Trailing zeros: rounded to the hundred thousand.
//! assert_eq!((amount.low, amount.high), (Some(550_000.0), Some(650_000.0)));
//! ```
//!
//! The pipeline is the module layout: [`document`] → [`sentence`] →
//! extraction (numbers and times) → [`assertion`] → [`reconcile`] →
//! [`report`].
#![deny(missing_docs)]

pub mod assertion;
pub mod document;
pub mod entity;
pub mod error;
mod extract;
pub mod figure;
pub mod mention;
pub mod period;
pub mod reconcile;
mod replacements;
pub mod report;
pub mod sentence;
pub mod span;

use jiff::civil::DateTime;

pub use document::{DateOrigin, Document, Published, Replacements};
pub use error::{Error, Result};
pub use figure::{Figure, Qualifier};
pub use mention::{Diagnostic, DiagnosticKind, Found, Mention, Mentions, Value};
pub use period::{Anchor, Duration, Grain, Period, Shape, Weekday, WeekdayCheck};
pub use reconcile::{Checker, check};
pub use report::{Evidence, Finding, Gap, Report, Verdict};
pub use span::Span;

/// Extract every numeric and temporal expression from a document's body
/// (the metadata header is not searched; spans index the whole text).
///
/// Relative expressions resolve against the document's publication date
/// (see [`Document::published`]); when the document has none, the date is
/// inferred from its text with [`infer_published`] first.
pub fn extract(doc: &Document) -> Mentions {
    extract_dated(doc, doc.published.or_else(|| infer_published(doc)))
}

/// Extract from a document one mention at a time: each mention and each
/// problem is handed to `sink` in text order as soon as it is found, so
/// memory stays bounded (a few kilobytes beyond the document) however long
/// the document and however many mentions it holds. The document's own
/// diagnostics (from loading) come first. [`extract`] collects the same
/// items.
///
/// ```
/// use corroborate::{extract_each, Document, Found};
///
/// let doc = Document::from_text("t.txt", "date: 2025-05-07\n\n4,100 claims; 30 February 2024.");
/// let mut figures = 0;
/// let mut problems = 0;
/// extract_each(&doc, |found| match found {
///     Found::Mention(_) => figures += 1,
///     Found::Diagnostic(_) => problems += 1,
/// });
/// assert_eq!((figures, problems), (1, 1));
/// ```
pub fn extract_each(doc: &Document, mut sink: impl FnMut(Found)) {
    let published = doc.published.or_else(|| infer_published(doc));
    for d in &doc.diagnostics {
        sink(Found::Diagnostic(d.clone()));
    }
    extract::scan_each(
        &doc.text,
        doc.header.end,
        published.map(|p| p.date.to_datetime(jiff::civil::Time::midnight())),
        sink,
    );
}

/// Extract with a publication date already settled.
pub(crate) fn extract_dated(doc: &Document, published: Option<Published>) -> Mentions {
    let reference = published.map(|p| p.date);
    // The header is metadata, not text: it is not searched, but spans
    // still count its bytes.
    let (mentions, mut diagnostics) = extract::scan_from(
        &doc.text,
        doc.header.end,
        reference.map(|d| d.to_datetime(jiff::civil::Time::midnight())),
    );
    diagnostics.splice(0..0, doc.diagnostics.iter().cloned());
    Mentions {
        document: doc.id.clone(),
        reference,
        mentions,
        diagnostics,
    }
}

/// Extract from a bare text, resolving relative expressions against
/// `reference` (none resolve when it is `None`).
pub fn extract_text(text: &str, reference: Option<DateTime>) -> Mentions {
    let (mentions, diagnostics) = extract::scan(text, reference);
    Mentions {
        document: String::new(),
        reference: reference.map(|r| r.date()),
        mentions,
        diagnostics,
    }
}

/// Infer a document's publication date from its text: the latest fully
/// stated calendar date (day, month and year all written) in the body.
///
/// News text dates past events, so the newest full date is the best guess
/// at the date of writing; a date line or an embedded post usually supplies
/// it. Returns `None` when the body states no full date.
///
/// A full date always writes its year in four digits, so only the few
/// words around such a year are read, not the whole
/// text a second time.
pub fn infer_published(doc: &Document) -> Option<Published> {
    let text = doc.text.as_str();
    date_windows(text, doc.header.end)
        .flat_map(|(from, to)| extract::candidates(&text[..to], from, None))
        .filter_map(|c| match c.value.as_ref()? {
            Value::Time { period }
                if period.grain == Grain::Day
                    && period.shape == Shape::Instant
                    && period.anchor == Anchor::Absolute =>
            {
                period.start.map(|s| (s.date(), c.span))
            }
            _ => None,
        })
        .max_by_key(|&(date, span)| (date, std::cmp::Reverse(span.start)))
        .map(|(date, span)| Published {
            date,
            origin: DateOrigin::Inferred { span },
        })
}

/// How many words before a year a full date may start ("Thursday, 6
/// March 2025" is three).
const DATE_LEAD_WORDS: usize = 4;

/// How far after the start of a year a full date may run ("2025-03-07").
const DATE_TAIL_BYTES: usize = 16;

/// The stretches of `text` after `from` that may hold a full date: around
/// each run of exactly four digits starting with 1 or 2, from up to
/// [`DATE_LEAD_WORDS`] words before it on the same line to the end of its
/// word ("7 March 2025,", "2025-03-07", "07/03/2025"). Stretches are in
/// order and never overlap, so each byte is read a bounded number of
/// times.
fn date_windows(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = from;
    let mut last_end = from;
    std::iter::from_fn(move || {
        loop {
            i = extract::next_digit(b, i);
            if i == b.len() {
                break;
            }
            let run = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let boxed = (run == 0 || !b[run - 1].is_ascii_alphanumeric())
                && b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
            if i - run != 4 || !matches!(b[run], b'1' | b'2') || !boxed {
                continue;
            }
            // The end of the year's word, within a few bytes.
            let mut end = i;
            while end < b.len() && end - run < DATE_TAIL_BYTES && !b[end].is_ascii_whitespace() {
                end += 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            // Back over a few words, not past a line break or the last
            // stretch.
            let mut start = run;
            let mut words = 0;
            while start > last_end && words <= DATE_LEAD_WORDS {
                let c = b[start - 1];
                if c == b'\n' || c == b'\r' {
                    break;
                }
                if c.is_ascii_whitespace() && !b[start].is_ascii_whitespace() {
                    words += 1;
                    if words > DATE_LEAD_WORDS {
                        break;
                    }
                }
                start -= 1;
            }
            while !text.is_char_boundary(start) {
                start += 1;
            }
            i = end.max(i);
            last_end = end;
            return Some((start, end));
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inferred(text: &str) -> Option<(String, String)> {
        let doc = Document::from_text("t.txt", text);
        let p = infer_published(&doc)?;
        let DateOrigin::Inferred { span } = p.origin else {
            panic!("not inferred: {:?}", p.origin)
        };
        Some((p.date.to_string(), text[span.start..span.end].to_string()))
    }

    #[test]
    fn the_latest_full_date_is_the_publication_date() {
        let text = "LONDON, Thursday, 6 March 2025\nThe plan of 1 July 2024 was \
                    revised on 2025-01-09 and again (March 7, 2025).\nBy 2030, 4,000 homes.";
        let (date, quote) = inferred(text).expect("a date");
        assert_eq!(date, "2025-03-07");
        assert_eq!(quote, "March 7, 2025");
    }

    #[test]
    fn dates_without_a_day_or_a_year_do_not_date_a_text() {
        assert_eq!(
            inferred("In March 2025, 1,500 left; on 7 March, 20 more."),
            None
        );
        assert_eq!(inferred("Order 20250307 and code 2025x."), None);
        assert_eq!(inferred(""), None);
    }

    #[test]
    fn a_header_date_is_not_inferred_from_the_body() {
        let doc = Document::from_text("t.txt", "date: 2024-01-02\n\nOn 9 May 2025 it rained.");
        assert_eq!(
            doc.published.map(|p| p.date.to_string()).as_deref(),
            Some("2024-01-02")
        );
    }
}
