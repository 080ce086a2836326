//! Inputs the fuzz targets (`fuzz/`) stopped on, kept so that what they
//! found stays fixed: every file in `tests/data/fuzz/` is loaded strictly
//! and leniently, extracted, and checked alone and split at NUL bytes (as
//! the `check` target does), within a second each.
//!
//! A file is named after the target and what it found: `extract-crash-…`,
//! `check-timeout-…`. `extract-paused-timeout-5630ebaa` was reported as a
//! timeout only because the fuzzer was paused while it ran (it takes well
//! under a millisecond); it stays as an input that reaches odd corners.

use std::time::{Duration, Instant};

use corroborate::{Document, check, extract};

#[test]
fn kept_fuzz_inputs_run_quickly_and_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    for path in paths {
        let bytes = std::fs::read(&path).expect("a kept input reads");
        let started = Instant::now();
        let _ = Document::from_bytes("input", &bytes);
        let doc = Document::from_bytes_lossy("input", &bytes);
        let found = extract(&doc);
        for m in &found.mentions {
            assert_eq!(
                m.span.get(&doc.text),
                Some(m.text.as_str()),
                "{}",
                path.display()
            );
        }
        let parts: Vec<Document> = bytes
            .split(|&b| b == 0)
            .take(3)
            .enumerate()
            .map(|(i, part)| Document::from_bytes_lossy(format!("doc{i}.txt"), part))
            .collect();
        let mut reversed = parts.clone();
        reversed.reverse();
        assert_eq!(check(&parts), check(&reversed), "{}", path.display());
        check(std::slice::from_ref(&doc));
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}
