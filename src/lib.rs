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
pub mod report;
pub mod sentence;
pub mod span;

use jiff::civil::DateTime;

pub use document::{DateOrigin, Document, Published};
pub use error::{Error, Result};
pub use figure::{Figure, Qualifier};
pub use mention::{Diagnostic, DiagnosticKind, Mention, Mentions, Value};
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
pub fn infer_published(doc: &Document) -> Option<Published> {
    extract::candidates(&doc.text, doc.header.end, None)
        .iter()
        .filter(|c| c.span.start >= doc.header.end)
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
