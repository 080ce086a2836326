//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// A folder of `../shared` beside the repository (seed articles,
/// conformance cases). When it is absent the test is skipped with a message,
/// except under CI (the `CI` variable set), where its absence is a failure.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing, and CI is set: the shared material must be beside the repository",
            dir.display()
        );
    }
    eprintln!("skipping: {} is absent", dir.display());
    None
}
