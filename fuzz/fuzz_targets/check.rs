//! The full check over two or three fuzzed documents (the input split at
//! NUL bytes): no panic, every quote is the exact text at its offsets, and
//! the report does not depend on the order of the documents.
#![no_main]

use corroborate::{Document, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let docs: Vec<Document> = data
        .split(|&b| b == 0)
        .take(3)
        .enumerate()
        .map(|(i, part)| Document::from_bytes_lossy(format!("doc{i}.txt"), part))
        .collect();
    let report = check(&docs);
    for f in &report.findings {
        for e in &f.evidence {
            let doc = docs.iter().find(|d| d.id == e.doc).expect("evidence names a document");
            if doc.replaced.is_empty() {
                assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(check(&reversed), report);
});
