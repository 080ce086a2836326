//! The temporal family: dates, relative times, intervals and durations.
//! (Skeleton: nothing recognised yet; the grammar is to come.)

use super::{Candidate, Cx};

/// Whether a lower-case word can anchor a temporal expression.
pub(crate) fn is_trigger(word: &str) -> bool {
    let _ = word;
    false
}

/// The temporal expression starting at byte `at`, if any.
pub(crate) fn parse(cx: &Cx, at: usize) -> Option<Candidate> {
    let _ = (cx, at);
    None
}
