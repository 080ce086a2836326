//! Hostile input: long runs of what the grammars read, which must neither
//! panic nor take more than time proportional to their length.
//!
//! * `cargo test --test hostile` runs every pattern at a small size.
//! * `cargo test --release --test hostile -- --ignored --nocapture` times
//!   each at two sizes, four times apart, and fails when the larger takes
//!   more than eight times as long (quadratic work would take sixteen).
//!
//! The same goes for a whole check of articles written again and again
//! into one document or two: the bundled articles, and the fixtures,
//! which hold lists of parts against totals (a part joined to its total,
//! "19 of the 45 seats", was once looked for among every part of the
//! document, through the lower-cased text between: a fixture text of
//! 400 kB took 4.6 seconds).

use std::path::Path;
use std::time::Instant;

use corroborate::{Document, check, extract_text};

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

/// The articles of `dir` (under the crate's root, recursing one level),
/// their headers removed, one after another.
fn articles(dir: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .expect("the directory is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .flat_map(|p| {
            if p.is_dir() {
                std::fs::read_dir(&p)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .collect()
            } else {
                vec![p]
            }
        })
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut body = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("an article reads");
        let doc = Document::from_text("a.txt", text.clone());
        body.push_str(&text[doc.header.end..]);
        body.push_str("\n\n");
    }
    body
}

/// One paragraph of about `len` bytes of lists of parts, each of its own
/// measure: "Of the 40 bafes, the Bab Party won 12 bafes and the Bac Party
/// 8 bafes." The words around each list were once read again for every
/// list of the paragraph.
fn lists_in_one_paragraph(len: usize) -> String {
    let word = |mut n: usize, letters: usize| {
        let mut w = String::new();
        for _ in 0..letters {
            w.push(char::from(b"bdfgklmnprstvz"[n % 14]));
            w.push(char::from(b"aeiou"[n / 14 % 5]));
            n /= 70;
        }
        w
    };
    let mut out = String::new();
    let mut i = 0;
    while out.len() < len {
        let noun = word(i, 3) + "s";
        let (a, b) = (word(2 * i, 2), word(2 * i + 1, 2));
        out.push_str(&format!(
            "Of the {} {noun}, the {}b Party won {} {noun} and the {}b Party {} {noun}. ",
            40 + i % 7,
            a[..1].to_uppercase() + &a[1..],
            12 + i % 5,
            b[..1].to_uppercase() + &b[1..],
            8 + i % 3
        ));
        i += 1;
    }
    out
}

/// Check `text` repeated to about `len` bytes, as one document and as two
/// alike: the seconds it took.
fn check_repeated(text: &str, len: usize) -> f64 {
    let body = text.repeat(len / text.len().max(1) + 1);
    let one = [Document::from_text("one.txt", body.clone())];
    let two = [
        Document::from_text("a.txt", body.clone()),
        Document::from_text("b.txt", body),
    ];
    let start = Instant::now();
    let reports = (check(&one), check(&two));
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(reports.0.documents.len() + reports.1.documents.len(), 3);
    seconds
}

#[test]
fn repeated_articles_are_checked() {
    for dir in ["examples/articles", "tests/fixtures"] {
        check_repeated(&articles(dir), 20_000);
    }
    check_repeated(&lists_in_one_paragraph(20_000), 20_000);
}

#[test]
#[ignore = "timing: run with --release -- --ignored --nocapture"]
fn checking_repeated_articles_takes_linear_time() {
    let mut slow = Vec::new();
    for dir in ["examples/articles", "tests/fixtures"] {
        let text = articles(dir);
        check_repeated(&text, 20_000);
        let (a, b) = (
            check_repeated(&text, 100_000),
            check_repeated(&text, 400_000),
        );
        println!("{dir} repeated: {a:.4} s for 100 kB, {b:.4} s for 400 kB");
        if b > 8.0 * a.max(0.002) {
            slow.push(format!("{dir}: {a:.4} s -> {b:.4} s"));
        }
    }
    let (a, b) = (
        check_repeated(&lists_in_one_paragraph(100_000), 100_000),
        check_repeated(&lists_in_one_paragraph(400_000), 400_000),
    );
    println!("lists in one paragraph: {a:.4} s for 100 kB, {b:.4} s for 400 kB");
    if b > 8.0 * a.max(0.002) {
        slow.push(format!("lists in one paragraph: {a:.4} s -> {b:.4} s"));
    }
    assert!(slow.is_empty(), "superlinear:\n{}", slow.join("\n"));
}
