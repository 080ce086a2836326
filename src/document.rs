//! Documents: an article's text, its id, and what is known of its date.
//!
//! # Loading
//!
//! A document is loaded from a string, from bytes or from a file. The text
//! is kept exactly as given, header included, so every span the crate
//! reports indexes the original file.
//!
//! # Metadata header
//!
//! Two header forms are recognised at the very top of the text:
//!
//! * `key: value` lines (`source: https://…`, `date: 2025-03-07`, `title:
//!   …`), ended by a blank line. Keys are ASCII words; unknown keys are
//!   kept in [`Document::metadata`].
//! * A bare line ` date YYYY-MM-DD` (leading spaces allowed) that may run
//!   straight on into the body text on the same line.
//!
//! Anything else at the top is body text. A header date that is not a real
//! date is reported as a [`Diagnostic`] and ignored.
//!
//! # The publication date
//!
//! The date comes, in order of precedence, from the caller
//! ([`Document::with_published`]), from the header, or is inferred from the
//! text by [`crate::extract`] (see [`crate::infer_published`]). The
//! [`Published`] value records which.

use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::mention::{Diagnostic, DiagnosticKind};
pub use crate::replacements::{Replacements, Runs};
use crate::span::Span;

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "from")]
pub enum DateOrigin {
    /// Given by the caller.
    Given,
    /// Read from the metadata header, at `span`.
    Header {
        /// The date's text in the header.
        span: Span,
    },
    /// Inferred from a date in the text, at `span`.
    Inferred {
        /// The date the inference rests on.
        span: Span,
    },
}

/// A document's publication date and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Published {
    /// The date.
    pub date: Date,
    /// Where it came from.
    #[serde(flatten)]
    pub origin: DateOrigin,
}

/// One article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The id used in reports: the file name for a file.
    pub id: String,
    /// The file it was read from, when it was.
    pub path: Option<String>,
    /// Where the article came from (URL or label), when known.
    pub source: Option<String>,
    /// The publication date, when known.
    pub published: Option<Published>,
    /// Other header fields, in order.
    pub metadata: Vec<(String, String)>,
    /// The span of the metadata header (empty at 0 when there is none).
    pub header: Span,
    /// The text exactly as loaded, header included.
    pub text: String,
    /// Problems found while loading (a bad header date, replaced bytes).
    pub diagnostics: Vec<Diagnostic>,
    /// Invalid UTF-8 replaced by a lenient load, in text order (empty for a
    /// strict load).
    #[serde(default, skip_serializing_if = "Replacements::is_empty")]
    pub replaced: Replacements,
}

impl Document {
    /// A document from a string, reading its metadata header if it has one.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let mut doc = Document {
            id: id.into(),
            path: None,
            source: None,
            published: None,
            metadata: Vec::new(),
            header: Span::default(),
            text: String::new(),
            diagnostics: Vec::new(),
            replaced: Replacements::new(),
        };
        read_header(&text, &mut doc);
        doc.text = text;
        doc
    }

    /// A document from bytes that must be UTF-8.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the offset of the first bad byte;
    /// [`Error::TooLarge`] beyond [`MAX_DOCUMENT_BYTES`].
    pub fn from_bytes(id: impl Into<String>, bytes: &[u8]) -> Result<Document> {
        check_size(bytes.len())?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Document::from_text(id, text)),
            Err(e) => Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            }),
        }
    }

    /// A document from bytes, replacing each invalid UTF-8 sequence with
    /// U+FFFD and recording a diagnostic for it (for the first
    /// [`MAX_REPLACEMENT_DIAGNOSTICS`] of them; one more diagnostic sums up
    /// the rest).
    ///
    /// The replacement character is three bytes long, so offsets in the
    /// loaded text differ from offsets in the original bytes after a
    /// replacement. The replacements are kept in [`Document::replaced`], and
    /// [`Document::original_offset`] maps an offset back into the original
    /// bytes (the checker's report does so for every quote). Each
    /// diagnostic's span is into the loaded text; its message names the
    /// offset in the original bytes.
    pub fn from_bytes_lossy(id: impl Into<String>, bytes: &[u8]) -> Document {
        // Sized in a first pass: grown by doubling, the text and the
        // replacements would each need up to twice their size, and both at
        // once while they move. (A run's code is a byte unless it lies
        // far from the one before.)
        let (runs, loaded_len) = bytes.utf8_chunks().fold((0, 0), |(runs, len), chunk| {
            let invalid = usize::from(!chunk.invalid().is_empty());
            (
                runs + invalid,
                len + chunk.valid().len() + invalid * char::REPLACEMENT_CHARACTER.len_utf8(),
            )
        });
        let mut text = String::with_capacity(loaded_len);
        let mut diagnostics = Vec::new();
        let mut replaced = Replacements::with_capacity(runs);
        let mut original = 0;
        // Bytes past the first MAX_REPLACEMENT_DIAGNOSTICS runs are
        // summed up in one last diagnostic.
        let mut unreported = (0usize, 0usize, Span::default());
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            original += chunk.valid().len();
            let invalid = chunk.invalid();
            if !invalid.is_empty() {
                let at = text.len();
                text.push(char::REPLACEMENT_CHARACTER);
                let loaded = Span::new(at, text.len());
                // A run is one to three bytes long and follows the one
                // before, with the text between copied: it always codes.
                let coded = replaced.push(at, invalid.len());
                debug_assert!(coded.is_ok(), "{coded:?}");
                if diagnostics.len() < MAX_REPLACEMENT_DIAGNOSTICS {
                    diagnostics.push(Diagnostic {
                        span: loaded,
                        kind: DiagnosticKind::InvalidUtf8,
                        message: format!(
                            "{} byte(s) of invalid UTF-8 at byte offset {original} were replaced",
                            invalid.len()
                        ),
                    });
                } else {
                    if unreported.0 == 0 {
                        unreported.2 = loaded;
                    }
                    unreported.0 += 1;
                    unreported.1 += invalid.len();
                }
                original += invalid.len();
            }
        }
        let (runs, bytes, first) = unreported;
        if runs > 0 {
            diagnostics.push(Diagnostic {
                span: first,
                kind: DiagnosticKind::InvalidUtf8,
                message: format!(
                    "{runs} more run(s) of invalid UTF-8 ({bytes} byte(s)) from here on were replaced"
                ),
            });
        }
        let mut doc = Document::from_text(id, text);
        doc.diagnostics.splice(0..0, diagnostics);
        doc.replaced = replaced;
        doc
    }

    /// A file loaded leniently: invalid UTF-8 is replaced (see
    /// [`Document::from_bytes_lossy`]) instead of refused.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when it cannot be read, [`Error::TooLarge`] beyond
    /// [`MAX_DOCUMENT_BYTES`].
    pub fn from_file_lossy(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        let bytes = read_file(path)?;
        check_size(bytes.len())?;
        let mut doc = Document::from_bytes_lossy(file_id(path), &bytes);
        doc.path = Some(path.display().to_string());
        Ok(doc)
    }

    /// The offset in the original bytes of `offset` in the loaded text:
    /// the same unless invalid UTF-8 was replaced before it. An offset
    /// inside a replacement character maps to the start of the bytes it
    /// replaced.
    pub fn original_offset(&self, offset: usize) -> usize {
        self.replaced.original_offset(offset)
    }

    /// Load a file; the id is its file name.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when it cannot be read, [`Error::InvalidUtf8`] when it is
    /// not UTF-8, [`Error::TooLarge`] beyond [`MAX_DOCUMENT_BYTES`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        let bytes = read_file(path)?;
        let id = file_id(path);
        let mut doc = Document::from_bytes(id, &bytes)?;
        doc.path = Some(path.display().to_string());
        Ok(doc)
    }

    /// The same document with its publication date set by the caller.
    pub fn with_published(mut self, date: Date) -> Document {
        self.published = Some(Published {
            date,
            origin: DateOrigin::Given,
        });
        self
    }

    /// The text after the metadata header.
    pub fn body(&self) -> &str {
        &self.text[self.header.end..]
    }
}

/// How many runs of invalid UTF-8 a lenient load reports one by one (see
/// [`Document::from_bytes_lossy`]); the runs after them are summed up in
/// one more diagnostic, at the first of them, so that a file of noise
/// does not make a report larger than itself. Every run is still replaced
/// and listed in [`Document::replaced`].
pub const MAX_REPLACEMENT_DIAGNOSTICS: usize = 100;

/// The largest document the loaders accept, in bytes (64 MiB). A news
/// article is a few kilobytes; anything near this is a dump of many, and
/// is better split. Extraction itself takes time linear in the size of any
/// text (see tests/hostile.rs), so the limit bounds memory and time, not
/// correctness. [`Document::from_text`] takes any string it is given.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// A file's bytes, refusing a file over the limit before reading it.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    check_size(usize::try_from(size).unwrap_or(usize::MAX))?;
    std::fs::read(path).map_err(io)
}

fn check_size(size: usize) -> Result<()> {
    if size > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(())
}

/// The id of a document read from `path`: its file name.
fn file_id(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Bytes that were not UTF-8 and were replaced when a document was loaded
/// leniently (one of [`Replacements`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Replaced {
    /// The replacement character in the loaded text.
    pub loaded: Span,
    /// The bytes it replaced, in the original.
    pub original: Span,
}

/// Parse a `YYYY-MM-DD` date given by a caller.
///
/// # Errors
///
/// [`Error::InvalidDate`] when the text is not a real calendar date.
pub fn parse_date(text: &str) -> Result<Date> {
    text.trim().parse::<Date>().map_err(|e| Error::InvalidDate {
        text: text.to_string(),
        reason: e.to_string(),
    })
}

fn read_header(text: &str, doc: &mut Document) {
    if !read_bare_date_line(text, doc) {
        read_key_value_header(text, doc);
    }
}

/// ` date 2025-03-07 Body text…`: the bare date line.
fn read_bare_date_line(text: &str, doc: &mut Document) -> bool {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return false;
    };
    let rest_start = lead + "date ".len();
    let date_text = rest.get(..10).unwrap_or("");
    let well_formed = date_text.len() == 10
        && date_text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return false;
    }
    let span = Span::new(rest_start, rest_start + 10);
    let after = &text[span.end..];
    let body_start =
        span.end + (after.len() - after.trim_start_matches([' ', '\t', '\r', '\n']).len());
    doc.header = Span::new(0, body_start);
    set_header_date(doc, date_text, span);
    true
}

/// `key: value` lines ended by a blank line.
fn read_key_value_header(text: &str, doc: &mut Document) {
    let mut offset = 0;
    let mut fields = Vec::new();
    let mut ended = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            ended = !fields.is_empty();
            offset += line.len();
            break;
        }
        let Some((key, value)) = content.split_once(':') else {
            return;
        };
        let key_ok = !key.is_empty()
            && key.len() <= 32
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok || value.starts_with("//") {
            return;
        }
        let value_start = offset + key.len() + 1 + (value.len() - value.trim_start().len());
        let value = value.trim();
        fields.push((
            key.to_ascii_lowercase(),
            value.to_string(),
            Span::new(value_start, value_start + value.len()),
        ));
        offset += line.len();
    }
    if !ended && offset != text.len() {
        return;
    }
    if fields.is_empty() {
        return;
    }
    doc.header = Span::new(0, offset);
    for (key, value, span) in fields {
        match key.as_str() {
            "date" | "published" => set_header_date(doc, &value, span),
            "source" | "url" => doc.source = Some(value),
            _ => doc.metadata.push((key, value)),
        }
    }
}

fn set_header_date(doc: &mut Document, value: &str, span: Span) {
    let head = value.get(..10).unwrap_or(value);
    match head.parse::<Date>() {
        Ok(date) => {
            doc.published = Some(Published {
                date,
                origin: DateOrigin::Header { span },
            })
        }
        Err(e) => doc.diagnostics.push(Diagnostic {
            span,
            kind: DiagnosticKind::BadHeader,
            message: format!("header date {value:?} is not a calendar date ({e}); it is ignored"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bare_date_line_runs_into_the_body() {
        let doc = Document::from_text("a", " date 2025-03-07 Body starts here.");
        let p = doc.published.unwrap();
        assert_eq!(p.date, date(2025, 3, 7));
        let DateOrigin::Header { span } = p.origin else {
            panic!("not from the header")
        };
        assert_eq!(span.get(&doc.text), Some("2025-03-07"));
        assert_eq!(doc.body(), "Body starts here.");
    }

    #[test]
    fn key_value_header_ends_at_a_blank_line() {
        let doc = Document::from_text(
            "a",
            "source: https://example.org/x\ndate: 2024-07-01\n\nText.",
        );
        assert_eq!(doc.source.as_deref(), Some("https://example.org/x"));
        assert_eq!(doc.published.unwrap().date, date(2024, 7, 1));
        assert_eq!(doc.body(), "Text.");
    }

    #[test]
    fn a_first_sentence_with_a_colon_is_not_a_header() {
        let doc = Document::from_text("a", "Warning: the figures are early.\nMore text.");
        assert!(doc.header.is_empty());
        assert!(doc.published.is_none());
    }

    #[test]
    fn an_impossible_header_date_is_a_diagnostic() {
        let doc = Document::from_text("a", "date: 2024-02-30\n\nText.");
        assert!(doc.published.is_none());
        assert_eq!(doc.diagnostics[0].kind, DiagnosticKind::BadHeader);
        assert_eq!(doc.body(), "Text.");
    }

    #[test]
    fn invalid_utf8_names_its_offset() {
        let err = Document::from_bytes("a", b"abc\xffdef").unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3 }));
        let doc = Document::from_bytes_lossy("a", b"abc\xffdef");
        assert_eq!(doc.text, "abc\u{fffd}def");
        assert_eq!(doc.diagnostics[0].kind, DiagnosticKind::InvalidUtf8);
    }

    #[test]
    fn documents_beyond_the_limit_are_refused_with_their_size() {
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        let err = Document::from_bytes("big", &big).unwrap_err();
        assert!(matches!(err, Error::TooLarge { size, .. } if size == MAX_DOCUMENT_BYTES + 1));
    }

    #[test]
    fn lossy_offsets_map_back_to_the_original_bytes() {
        let bytes = b"\xff\xfe12 ab\xc3 and 7 more";
        let doc = Document::from_bytes_lossy("a", bytes);
        let seven = doc.text.find('7').unwrap();
        assert_eq!(bytes[doc.original_offset(seven)], b'7');
        let twelve = doc.text.find("12").unwrap();
        assert_eq!(
            &bytes[doc.original_offset(twelve)..doc.original_offset(twelve + 2)],
            b"12"
        );
        assert_eq!(doc.original_offset(1), 0, "inside a replacement: its start");
        assert_eq!(doc.original_offset(0), 0);
    }

    #[test]
    fn noise_gives_a_bounded_number_of_diagnostics_but_every_replacement() {
        let runs = MAX_REPLACEMENT_DIAGNOSTICS + 50;
        let bytes = b"a\xff".repeat(runs);
        let doc = Document::from_bytes_lossy("noise", &bytes);
        assert_eq!(doc.replaced.len(), runs);
        assert_eq!(doc.diagnostics.len(), MAX_REPLACEMENT_DIAGNOSTICS + 1);
        let last = doc.diagnostics.last().unwrap();
        assert_eq!(last.kind, DiagnosticKind::InvalidUtf8);
        assert!(
            last.message
                .starts_with("50 more run(s) of invalid UTF-8 (50 byte(s))")
        );
        let first_unreported = doc
            .replaced
            .iter()
            .nth(MAX_REPLACEMENT_DIAGNOSTICS)
            .unwrap();
        assert_eq!(last.span, first_unreported.loaded);
        assert_eq!(doc.original_offset(doc.text.len()), bytes.len());
    }
}
