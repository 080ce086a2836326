//! The crate's one error type.
//!
//! Errors are for input the library cannot take at all: a file it cannot
//! read, bytes that are not UTF-8 in strict mode, a date argument that is
//! not a date. Problems *inside* a document that still loads (an impossible
//! date, a weekday that contradicts its date, a number too large for `f64`)
//! are not errors: they are [`Diagnostic`](crate::Diagnostic)s beside the
//! mentions, so that nothing valid in the same document is lost.

use std::path::PathBuf;

/// Everything that can stop a document from being loaded or checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8. `offset` is the byte offset of the
    /// first invalid sequence. Recover by fixing the encoding, or load the
    /// bytes with [`Document::from_bytes_lossy`](crate::Document::from_bytes_lossy).
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of valid UTF-8.
        offset: usize,
    },
    /// A file could not be read. Recover by checking the path and its
    /// permissions.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// A document larger than [`MAX_DOCUMENT_BYTES`](crate::document::MAX_DOCUMENT_BYTES).
    /// Recover by splitting it (a news article is a few kilobytes; this is
    /// a dump of many).
    #[error("the document is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A date given by the caller (not found in a text) is not a valid
    /// `YYYY-MM-DD` calendar date. Recover by passing a real date.
    #[error("invalid date {text:?}: {reason}")]
    InvalidDate {
        /// The text that was given.
        text: String,
        /// Why it is not a date.
        reason: String,
    },
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
