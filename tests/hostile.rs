//! Hostile input: long runs of what the grammars read, which must neither
//! panic nor take more than time proportional to their length.
//!
//! * `cargo test --test hostile` runs every pattern at a small size.
//! * `cargo test --release --test hostile -- --ignored --nocapture` times
//!   each at two sizes, four times apart, and fails when the larger takes
//!   more than eight times as long (quadratic work would take sixteen).

use std::time::Instant;

use corroborate::extract_text;

/// Each a unit repeated into a long run. Regressions named after what
/// broke: "1," (comma lists were re-read from every start), "1 000 " and
/// "1 " (digit groups read as codes were re-read from every start).
const PATTERNS: &[&str] = &[
    "1,",
    "1 ",
    "1 000 ",
    "1.000.",
    "7",
    "million ",
    "1 July 2024, ",
    "between 3 and ",
    "3 and ",
    "$1$",
    "March ",
    "2024-",
    "1/",
    "10:",
    "Q1 ",
    "one ",
    "a ",
    "http://x.example/1",
    "1-",
    "twenty-",
    "and ",
    "per cent ",
    "€",
    "1st ",
    "'90s ",
    "+1-",
    "1e",
    "1x10^",
    "Tuesday, ",
    "since ",
    "from 1 to ",
    "1,000,",
    "0.",
    "1.1.",
    "12:30pm ",
    "1½",
    "night ",
    "the cost rose to 5 dollars and then ",
    // Number words and lists of counts after names (the model-number
    // guard reads a few words around each).
    "first ",
    "twenty one ",
    "1 1/2 ",
    "USD1 ",
    "Labour 45, the Greens 12, ",
];

fn run(text: &str) -> f64 {
    let start = Instant::now();
    let found = extract_text(text, Some(jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0)));
    for m in &found.mentions {
        assert_eq!(m.span.get(text), Some(m.text.as_str()));
    }
    start.elapsed().as_secs_f64()
}

#[test]
fn hostile_inputs_do_not_panic() {
    for pattern in PATTERNS {
        run(&pattern.repeat(4_000 / pattern.len() + 1));
    }
}

#[test]
#[ignore = "timing: run with --release -- --ignored --nocapture"]
fn hostile_inputs_take_linear_time() {
    let mut slow = Vec::new();
    for pattern in PATTERNS {
        let small = pattern.repeat(64_000 / pattern.len() + 1);
        let large = pattern.repeat(256_000 / pattern.len() + 1);
        let (a, b) = (run(&small), run(&large));
        let per_mb = b / (large.len() as f64 / 1e6);
        println!(
            "{pattern:?}: {:.4} s for {} bytes, {:.4} s for {} bytes ({per_mb:.3} s/MB)",
            a,
            small.len(),
            b,
            large.len()
        );
        if b > 8.0 * a.max(0.002) {
            slow.push(format!("{pattern:?}: {a:.4} s -> {b:.4} s"));
        }
    }
    assert!(slow.is_empty(), "superlinear:\n{}", slow.join("\n"));
}
