//! Extraction throughput on real-shaped news text, beside its baseline.
//!
//! The crate's target: extracting every mention (scan, parse, and the
//! sentence of each mention) runs at least as fast as a bare UAX #29
//! sentence split of the same text. Both are measured here in one run,
//! over the same corpus:
//!
//! - the seed articles in `/work/shared/seeds/*.txt` (or the folder named
//!   by `CORROBORATE_SEEDS`), when present;
//! - the repository's article fixtures, `examples/articles/*.txt` and
//!   `tests/fixtures/**/*.txt`, whatever exists at run time;
//!
//! repeated until the corpus holds at least 2 MiB. After the criterion
//! groups, a timing loop of its own prints both speeds and their ratio.
//!
//! ```text
//! cargo bench --bench throughput
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corroborate::{Document, extract, sentence};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

/// Where the seed articles live unless `CORROBORATE_SEEDS` says otherwise.
const SEEDS: &str = "/work/shared/seeds";

/// The corpus is repeated up to at least this many bytes.
const CORPUS_BYTES: usize = 2 << 20;

/// Used only when no article file is found at all, so that the bench
/// still measures something real-shaped.
const FALLBACK: &str = "\
LONDON (Reuters) - Britain's economy grew 0.3% in the three months to June, \
official figures showed on Thursday, slightly faster than the 0.2% forecast \
by economists polled by Reuters. Output rose by 1.2% compared with the same \
period of 2023, the Office for National Statistics said.
Finance minister Jane Doe said the figures, published on Aug. 15, showed \
\"the economy is turning a corner\" after two years of near-stagnation. \
Inflation has fallen to 2.2% from a peak of 11.1% in October 2022.
About 4.5 million households still face higher mortgage payments this year, \
the Bank of England estimates, and some 700,000 of them will see bills rise \
by more than £500 a month.
";

fn text_files(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if recursive {
                text_files(&path, true, out);
            }
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<Document> {
    let seeds =
        std::env::var_os("CORROBORATE_SEEDS").map_or_else(|| PathBuf::from(SEEDS), PathBuf::from);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    if seeds.is_dir() {
        text_files(&seeds, false, &mut paths);
    } else {
        println!(
            "no seed articles at {}: continuing without them",
            seeds.display()
        );
    }
    text_files(&root.join("examples/articles"), false, &mut paths);
    text_files(&root.join("tests/fixtures"), true, &mut paths);

    let mut articles: Vec<Document> = paths
        .iter()
        .filter_map(|path| match std::fs::read(path) {
            Ok(bytes) => Some(Document::from_bytes_lossy(
                path.display().to_string(),
                &bytes,
            )),
            Err(e) => {
                println!("skipping {}: {e}", path.display());
                None
            }
        })
        .filter(|doc| !doc.text.trim().is_empty())
        .collect();
    if articles.is_empty() {
        println!("no article files found: using a built-in sample");
        articles.push(Document::from_text("sample", FALLBACK));
    }
    let distinct: usize = articles.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} article files, {} bytes, repeated to at least {} bytes",
        articles.len(),
        distinct,
        CORPUS_BYTES
    );

    let mut docs = Vec::new();
    let mut total = 0;
    for doc in articles.iter().cycle() {
        if total >= CORPUS_BYTES {
            break;
        }
        total += doc.text.len();
        docs.push(doc.clone());
    }
    docs
}

fn bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

fn run_extract(docs: &[Document]) {
    for doc in docs {
        black_box(extract(black_box(doc)));
    }
}

fn run_split(docs: &[Document]) {
    for doc in docs {
        for sentence in black_box(doc.text.as_str()).split_sentence_bound_indices() {
            black_box(sentence);
        }
    }
}

fn run_sentences(docs: &[Document]) {
    for doc in docs {
        black_box(sentence::sentences(black_box(&doc.text)));
    }
}

/// MB/s of `f` over `docs`: the best of several timed passes after a
/// warm-up, so that a busy machine disturbs the figure less.
fn speed(docs: &[Document], f: fn(&[Document])) -> f64 {
    f(docs);
    let mut best = Duration::MAX;
    let started = Instant::now();
    let mut passes = 0;
    while passes < 5 || (passes < 50 && started.elapsed() < Duration::from_secs(3)) {
        let t = Instant::now();
        f(docs);
        best = best.min(t.elapsed());
        passes += 1;
    }
    bytes(docs) as f64 / 1e6 / best.as_secs_f64()
}

fn throughput(c: &mut Criterion) {
    let docs = corpus();
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(bytes(&docs) as u64));
    group.sample_size(20);
    group.bench_function("extract", |b| b.iter(|| run_extract(&docs)));
    group.bench_function("sentence_split", |b| b.iter(|| run_split(&docs)));
    group.bench_function("sentences", |b| b.iter(|| run_sentences(&docs)));
    group.finish();

    // In `--test` or `--list` mode criterion only checks that the benches
    // run, and `--profile-time` runs one bench under a profiler: the
    // comparison would waste time or blur the profile there.
    if std::env::args().any(|a| matches!(a.as_str(), "--test" | "--list" | "--profile-time")) {
        return;
    }
    let extracted = speed(&docs, run_extract);
    let split = speed(&docs, run_split);
    let segmented = speed(&docs, run_sentences);
    // A document without a date is scanned twice: once to infer its date.
    let dated: Vec<Document> = docs
        .iter()
        .map(|d| d.clone().with_published(jiff::civil::date(2025, 3, 7)))
        .collect();
    let extracted_dated = speed(&dated, run_extract);
    println!(
        "extract: {extracted:.1} MB/s, sentence split: {split:.1} MB/s, ratio: {:.2} \
         (extract speed / split speed; the target is >= 1)",
        extracted / split
    );
    println!(
        "extract with the publication date given: {extracted_dated:.1} MB/s; \
         corroborate::sentence::sentences over the whole text: {segmented:.1} MB/s"
    );
}

criterion_group!(benches, throughput);
criterion_main!(benches);
