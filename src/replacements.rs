//! The runs of invalid UTF-8 that a lenient load replaced, kept in about
//! a byte each.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Replaced;
use crate::span::Span;

/// How many runs lie between two checkpoints: a look-up decodes at most
/// this many.
const CHECKPOINT: usize = 64;

/// The length in the loaded text of what replaces a run: U+FFFD.
const REPLACEMENT: usize = char::REPLACEMENT_CHARACTER.len_utf8();

/// The runs of invalid UTF-8 a lenient load replaced with U+FFFD, in text
/// order (see [`Document::from_bytes_lossy`](crate::Document::from_bytes_lossy)).
///
/// A file of noise may hold a run every other byte, so the runs are not
/// kept as a list of [`Replaced`] (32 bytes each) but coded in about a
/// byte each: each run as its distance from the end of the one before and
/// the number of bytes it replaced (one to three), with a checkpoint every
/// 64 runs so that [`Replacements::original_offset`] decodes a few dozen
/// at most. [`Replacements::iter`] gives them back as [`Replaced`], and
/// they are written and read (serde) as a list of [`Replaced`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replacements {
    /// The runs, coded (see [`Cursor::next`]).
    code: Vec<u8>,
    /// Where every `CHECKPOINT`th run starts, and the state before it.
    marks: Vec<Mark>,
    /// How many runs there are.
    len: usize,
    /// The state after the last run.
    end: Cursor,
}

/// A checkpoint: the loaded start of run `k * CHECKPOINT`, and the state
/// of decoding just before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    start: usize,
    before: Cursor,
}

/// A place in the coded runs: the ends of the run before it, in the loaded
/// text and in the original bytes (the two advance together between
/// runs), and the position in the code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cursor {
    loaded: usize,
    original: usize,
    at: usize,
}

impl Cursor {
    /// Decode the run at the cursor and move past it.
    ///
    /// A run is coded as its gap (the bytes since the end of the run
    /// before) and its length: a first byte holding the length in its low
    /// two bits, five bits of the gap and a continuation bit, then seven
    /// bits of the gap a byte, low bits first.
    fn next(&mut self, code: &[u8]) -> Option<Replaced> {
        let first = *code.get(self.at)?;
        self.at += 1;
        let len = usize::from(first & 0b11);
        let mut gap = usize::from((first >> 2) & 0b1_1111);
        let mut more = first & 0x80 != 0;
        let mut shift = 5;
        while more {
            let byte = *code.get(self.at)?;
            self.at += 1;
            gap |= usize::from(byte & 0x7F).checked_shl(shift).unwrap_or(0);
            shift += 7;
            more = byte & 0x80 != 0;
        }
        let loaded = self.loaded.saturating_add(gap);
        let original = self.original.saturating_add(gap);
        let run = Replaced {
            loaded: Span::new(loaded, loaded.saturating_add(REPLACEMENT)),
            original: Span::new(original, original.saturating_add(len)),
        };
        self.loaded = run.loaded.end;
        self.original = run.original.end;
        Some(run)
    }
}

impl Replacements {
    /// No runs.
    pub fn new() -> Replacements {
        Replacements::default()
    }

    /// Room for `runs` runs of short gaps, made at once rather than by
    /// doubling.
    pub(crate) fn with_capacity(runs: usize) -> Replacements {
        Replacements {
            code: Vec::with_capacity(runs),
            marks: Vec::with_capacity(runs.div_ceil(CHECKPOINT)),
            ..Replacements::default()
        }
    }

    /// How many runs were replaced.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The runs, in text order.
    pub fn iter(&self) -> Runs<'_> {
        Runs {
            code: &self.code,
            cursor: Cursor::default(),
        }
    }

    /// Add a run of `bytes` invalid bytes (one to three) replaced by the
    /// U+FFFD at `loaded` in the loaded text. Runs come in text order, and
    /// the text between two runs is the original's, unchanged.
    ///
    /// # Errors
    ///
    /// A message when the run does not follow the last one or its length
    /// is out of range.
    pub(crate) fn push(&mut self, loaded: usize, bytes: usize) -> Result<(), String> {
        if !(1..=3).contains(&bytes) {
            return Err(format!(
                "a replaced run is 1 to 3 bytes long, not {bytes} (at {loaded})"
            ));
        }
        let Some(gap) = loaded.checked_sub(self.end.loaded) else {
            return Err(format!(
                "a replaced run at {loaded} comes before the end of the one before ({})",
                self.end.loaded
            ));
        };
        if self.len.is_multiple_of(CHECKPOINT) {
            self.marks.push(Mark {
                start: loaded,
                before: self.end,
            });
        }
        let low = u8::try_from(gap & 0b1_1111).unwrap_or(0);
        let mut rest = gap >> 5;
        let more = if rest > 0 { 0x80 } else { 0 };
        self.code.push(more | (low << 2) | bytes as u8);
        while rest > 0 {
            let seven = u8::try_from(rest & 0x7F).unwrap_or(0);
            rest >>= 7;
            self.code.push(seven | if rest > 0 { 0x80 } else { 0 });
        }
        // The cursor decodes what was just coded, so the two cannot drift.
        let mut end = self.end;
        end.next(&self.code);
        self.end = end;
        self.len += 1;
        Ok(())
    }

    /// The last run that starts before `offset` in the loaded text.
    fn last_before(&self, offset: usize) -> Option<Replaced> {
        let mark = self.marks.partition_point(|m| m.start < offset);
        let mut cursor = self.marks.get(mark.checked_sub(1)?)?.before;
        let mut last = None;
        while let Some(run) = cursor.next(&self.code) {
            if run.loaded.start >= offset {
                break;
            }
            last = Some(run);
        }
        last
    }

    /// The offset in the original bytes of `offset` in the loaded text:
    /// the same unless a run was replaced before it. An offset inside a
    /// replacement character maps to the start of the bytes it replaced.
    pub fn original_offset(&self, offset: usize) -> usize {
        match self.last_before(offset) {
            None => offset,
            Some(r) if offset < r.loaded.end => r.original.start,
            Some(r) => r.original.end + (offset - r.loaded.end),
        }
    }
}

/// The runs of [`Replacements`], in text order.
#[derive(Clone, Debug)]
pub struct Runs<'a> {
    code: &'a [u8],
    cursor: Cursor,
}

impl Iterator for Runs<'_> {
    type Item = Replaced;

    fn next(&mut self) -> Option<Replaced> {
        self.cursor.next(self.code)
    }
}

impl<'a> IntoIterator for &'a Replacements {
    type Item = Replaced;
    type IntoIter = Runs<'a>;

    fn into_iter(self) -> Runs<'a> {
        self.iter()
    }
}

impl Serialize for Replacements {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Replacements {
    /// A list of [`Replaced`] as a lenient load makes them: in text order,
    /// each a U+FFFD in the loaded text for one to three original bytes,
    /// the text between two runs unchanged.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Replacements, D::Error> {
        let runs = Vec::<Replaced>::deserialize(deserializer)?;
        let mut out = Replacements::with_capacity(runs.len());
        for run in runs {
            out.push(run.loaded.start, run.original.len())
                .map_err(D::Error::custom)?;
            if out.end.loaded != run.loaded.end || out.end.original != run.original.end {
                return Err(D::Error::custom(format!(
                    "replaced run {:?} is not a U+FFFD for the bytes {:?} after the run before",
                    run.loaded, run.original
                )));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The runs as a plain list, and the map from loaded to original
    /// offsets the plain way.
    fn plain(runs: &[(usize, usize)]) -> Vec<Replaced> {
        let (mut loaded, mut original) = (0, 0);
        runs.iter()
            .map(|&(gap, bytes)| {
                let r = Replaced {
                    loaded: Span::new(loaded + gap, loaded + gap + REPLACEMENT),
                    original: Span::new(original + gap, original + gap + bytes),
                };
                (loaded, original) = (r.loaded.end, r.original.end);
                r
            })
            .collect()
    }

    fn original_plainly(runs: &[Replaced], offset: usize) -> usize {
        let before = runs.partition_point(|r| r.loaded.start < offset);
        match before.checked_sub(1).map(|i| &runs[i]) {
            None => offset,
            Some(r) if offset < r.loaded.end => r.original.start,
            Some(r) => r.original.end + (offset - r.loaded.end),
        }
    }

    proptest! {
        #[test]
        fn coded_runs_read_back_and_map_as_a_plain_list(
            runs in prop::collection::vec((prop_oneof![0usize..4, 0usize..100_000], 1usize..=3), 0..300),
        ) {
            let list = plain(&runs);
            let mut coded = Replacements::new();
            for r in &list {
                coded.push(r.loaded.start, r.original.len()).unwrap();
            }
            prop_assert_eq!(coded.len(), list.len());
            prop_assert_eq!(coded.iter().collect::<Vec<_>>(), list.clone());
            let end = list.last().map_or(10, |r| r.loaded.end + 10);
            let probes = list.iter().flat_map(|r| [r.loaded.start, r.loaded.start + 1, r.loaded.end, r.loaded.end + 1]);
            for offset in probes.chain([0, 1, end]) {
                prop_assert_eq!(coded.original_offset(offset), original_plainly(&list, offset));
            }
            let json = serde_json::to_string(&coded).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&list).unwrap());
            prop_assert_eq!(serde_json::from_str::<Replacements>(&json).unwrap(), coded);
        }
    }

    #[test]
    fn a_gap_of_any_size_is_coded() {
        let mut coded = Replacements::new();
        let far = usize::MAX / 2;
        coded.push(far, 2).unwrap();
        let run = coded.iter().next().unwrap();
        assert_eq!(run.loaded, Span::new(far, far + 3));
        assert_eq!(run.original, Span::new(far, far + 2));
    }

    #[test]
    fn runs_out_of_order_or_of_a_wrong_length_are_refused() {
        let mut coded = Replacements::new();
        coded.push(10, 1).unwrap();
        assert!(coded.push(12, 1).is_err(), "inside the one before");
        assert!(coded.push(20, 0).is_err());
        assert!(coded.push(20, 4).is_err());
        assert_eq!(coded.len(), 1);
        let bad = r#"[{"loaded":{"start":5,"end":9},"original":{"start":5,"end":6}}]"#;
        assert!(serde_json::from_str::<Replacements>(bad).is_err());
        let shifted = r#"[{"loaded":{"start":5,"end":8},"original":{"start":7,"end":8}}]"#;
        assert!(serde_json::from_str::<Replacements>(shifted).is_err());
    }
}
