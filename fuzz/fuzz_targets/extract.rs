//! Extraction from any text: no panic, spans on char boundaries, in
//! order and apart.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = jiff::civil::date(2025, 3, 7).at(12, 0, 0, 0);
    for r in [None, Some(reference)] {
        let found = corroborate::extract_text(text, r);
        let mut last = 0;
        for m in &found.mentions {
            assert!(m.span.start >= last);
            assert_eq!(m.span.get(text), Some(m.text.as_str()));
            assert!(m.sentence.get(text).is_some());
            last = m.span.end;
        }
        for d in &found.diagnostics {
            assert!(d.span.get(text).is_some());
        }
    }
});
