//! Loading raw bytes: strict and lenient loads never panic, a lenient load
//! keeps every valid byte, and its offsets map back into the original.
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
    for offset in 0..=lossy.text.len() {
        assert!(lossy.original_offset(offset) <= data.len());
    }
    let found = corroborate::extract(&lossy);
    for m in &found.mentions {
        assert_eq!(m.span.get(&lossy.text), Some(m.text.as_str()));
    }
});
