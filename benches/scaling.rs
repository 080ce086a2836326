//! How the full check scales with the number of documents: 10, 100, 1,000
//! and 10,000 synthetic news-length articles.
//!
//! `cargo bench --bench scaling` runs it. The articles are generated from a
//! small grammar of news sentences with a fixed seed, so every run checks
//! the same corpus: many stories, each told by several outlets on nearby
//! days, with figures that agree, drift and conflict, and filler text of
//! news length (about 2.5 KB an article).
//!
//! After the criterion groups, the 10,000 articles are checked once on one
//! thread and once on every core, the two reports are compared (they must
//! be identical) and both times printed.
//!
//! With `CORROBORATE_WRITE_CORPUS=DIR` set, the 10,000 articles are also
//! written to DIR as files, for running the `check` example on a
//! directory:
//!
//! ```text
//! CORROBORATE_WRITE_CORPUS=/tmp/corpus cargo bench --bench scaling -- --test
//! cargo run --release --example check -- --threads 1 /tmp/corpus > serial.txt
//! cargo run --release --example check -- /tmp/corpus > parallel.txt
//! ```

use std::hint::black_box;
use std::time::Instant;

use corroborate::{Document, check};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A deterministic pseudo-random sequence (a linear congruential
/// generator), so the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const NOUNS: &[&str] = &[
    "homes",
    "claims",
    "passengers",
    "flights",
    "students",
    "permits",
    "vehicles",
    "jobs",
    "visitors",
    "tickets",
    "trees",
    "beds",
];
const VERBS: &[&str] = &[
    "were damaged",
    "have been filed",
    "were evacuated",
    "were cancelled",
    "have enrolled",
    "were issued",
    "were recalled",
    "were lost",
    "attended",
    "were sold",
    "were planted",
    "were added",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FILLER: &[&str] = &[
    "Residents described a long night of uncertainty as officials met behind closed doors.",
    "The council said it would publish a fuller account once the review had concluded.",
    "Opposition members called for an independent inquiry into how the decision was made.",
    "Local businesses said trade had slowed, though several shops reopened by the afternoon.",
    "A spokesperson declined to comment on the figures, citing the ongoing investigation.",
    "Engineers were seen inspecting the site, and traffic was diverted around the area.",
    "Volunteers handed out blankets and hot drinks at the community centre on the high street.",
    "The regional minister is expected to visit the area later in the week.",
];

fn article(rng: &mut Lcg, n: usize) -> Document {
    let story = (rng.next() % 500) as usize;
    let noun = NOUNS[story % NOUNS.len()];
    let verb = VERBS[story % VERBS.len()];
    let day = 1 + (rng.next() % 27) as i8;
    let month = 1 + (story % 12) as i8;
    let year = 2020 + (story % 5) as i16;
    let base = 1_000 + (story as u64 * 7_919) % 90_000;
    let drift = rng.next() % 3;
    let total = base + drift * base / 20;
    let earlier = base * 4 / 5;
    let mut text = format!("date: {year}-{month:02}-{day:02}\nsource: https://example.org/{n}\n\n");
    text.push_str(&format!(
        "Around {total} {noun} {verb} in the district of Story{story}, officials said on Tuesday.\n",
    ));
    for _ in 0..6 {
        text.push_str(rng.pick(FILLER));
        text.push(' ');
    }
    text.push_str(&format!(
        "\nThat means some {} {verb} since {} {}, when {earlier} had been counted.\n",
        total - earlier,
        MONTHS[(month as usize + 9) % 12],
        year - 1,
    ));
    for _ in 0..8 {
        text.push_str(rng.pick(FILLER));
        text.push(' ');
    }
    text.push_str(&format!(
        "\nThe figure is up from the {earlier} reported a year ago, and about {}% of them were in the north.\n",
        10 + story % 40
    ));
    for _ in 0..6 {
        text.push_str(rng.pick(FILLER));
        text.push(' ');
    }
    Document::from_text(format!("story{story}-{n}.txt"), text)
}

fn corpus(size: usize) -> Vec<Document> {
    let mut rng = Lcg(0x5eed);
    (0..size).map(|n| article(&mut rng, n)).collect()
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for size in [10usize, 100, 1_000, 10_000] {
        let docs = corpus(size);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &docs, |b, docs| {
            b.iter(|| black_box(check(docs)))
        });
        let start = Instant::now();
        let report = check(&docs);
        let elapsed = start.elapsed();
        println!(
            "check: {size} documents ({:.1} MB) in {:.3} s, {:.1} µs a document, {} findings",
            bytes as f64 / 1e6,
            elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1e6 / size as f64,
            report.findings.len()
        );
    }
    group.finish();

    let docs = corpus(10_000);
    if let Some(dir) = std::env::var_os("CORROBORATE_WRITE_CORPUS") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the corpus directory can be made");
        for doc in &docs {
            std::fs::write(dir.join(&doc.id), &doc.text).expect("an article can be written");
        }
        println!("wrote {} articles to {}", docs.len(), dir.display());
    }
    if std::env::args().any(|a| matches!(a.as_str(), "--test" | "--list" | "--profile-time")) {
        return;
    }
    let timed = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        let start = Instant::now();
        let report = pool.install(|| check(&docs));
        (report, start.elapsed())
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (serial, serial_time) = timed(1);
    let (parallel, parallel_time) = timed(cores);
    assert_eq!(
        serial, parallel,
        "the parallel report differs from the serial one"
    );
    println!(
        "check: 10000 documents on 1 thread in {:.3} s, on {cores} threads in {:.3} s \
         (speed-up {:.2}); the reports are identical",
        serial_time.as_secs_f64(),
        parallel_time.as_secs_f64(),
        serial_time.as_secs_f64() / parallel_time.as_secs_f64()
    );
}

criterion_group!(benches, scaling);
criterion_main!(benches);
