//! Loading raw bytes: strict and lenient loads never panic, a lenient load
//! keeps every valid byte, its replaced runs rebuild the loaded text from
//! the original bytes, and its offsets map back into the original.
#![no_main]

use corroborate::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let strict = Document::from_bytes("fuzz", data);
    let lossy = Document::from_bytes_lossy("fuzz", data);
    if let Ok(doc) = &strict {
        assert_eq!(doc.text, lossy.text);
        assert!(lossy.replaced.is_empty());
    }
    // The loaded text is the original with each run replaced by U+FFFD.
    let mut rebuilt = Vec::with_capacity(lossy.text.len());
    let mut from = 0;
    for run in &lossy.replaced {
        assert!(std::str::from_utf8(&data[run.original.start..run.original.end]).is_err());
        rebuilt.extend_from_slice(&data[from..run.original.start]);
        assert_eq!(rebuilt.len(), run.loaded.start);
        rebuilt.extend_from_slice("\u{FFFD}".as_bytes());
        from = run.original.end;
    }
    rebuilt.extend_from_slice(&data[from..]);
    assert_eq!(rebuilt, lossy.text.as_bytes());
    // Offsets map back into the original, in order: checked at the ends
    // and on both sides of every run (between runs the map is a shift).
    let probes = lossy
        .replaced
        .iter()
        .flat_map(|r| [r.loaded.start, r.loaded.start + 1, r.loaded.end, r.loaded.end + 1]);
    let mut last = 0;
    for offset in std::iter::once(0).chain(probes).chain([lossy.text.len()]) {
        let original = lossy.original_offset(offset.min(lossy.text.len()));
        assert!(original <= data.len() && original >= last);
        last = original;
    }
    assert_eq!(lossy.original_offset(lossy.text.len()), data.len());
    let found = corroborate::extract(&lossy);
    for m in &found.mentions {
        assert_eq!(m.span.get(&lossy.text), Some(m.text.as_str()));
    }
});
