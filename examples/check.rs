//! Check articles against each other: the fact-checker's entry point.
//!
//! ```text
//! cargo run --release --example check -- FILE...               # the report as text
//! cargo run --release --example check -- --json FILE...        # the report as JSON
//! cargo run --release --example check -- --date FILE=2025-03-07 FILE...
//! cargo run --release --example check -- --assertions FILE...  # what each figure was read as
//! cargo run --release --example check -- --lossy FILE...       # replace invalid UTF-8 instead of refusing the file
//! cargo run --release --example check -- --threads 1 DIR        # on one core (the default is every core)
//! ```
//!
//! A FILE may be a directory: its `*.txt` files are read, in name order;
//! `-` reads a list of paths, one a line, from standard input. For more
//! than 100 documents, progress goes to standard error (a bar when it is a
//! terminal, a line every tenth otherwise).
//! `--date` overrides the publication date of one document (by path or by
//! file name). Exit status: 0 when the report was made, 1 when a file could
//! not be read (the others are still checked), 2 on a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::{BufRead, IsTerminal};

use corroborate::{Checker, Document, check};

const USAGE: &str = "usage: check [--json] [--assertions] [--lossy] [--threads N] \
                     [--date FILE=YYYY-MM-DD]... FILE|DIR...";

fn main() -> ExitCode {
    let mut json = false;
    let mut show_assertions = false;
    let mut lossy = false;
    let mut threads: Option<usize> = None;
    let mut dates: Vec<(String, String)> = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--assertions" => show_assertions = true,
            "--lossy" => lossy = true,
            "--threads" => match it.next().and_then(|v| v.parse().ok()).filter(|&n| n > 0) {
                Some(n) => threads = Some(n),
                None => return usage("--threads needs a number of threads, at least 1"),
            },
            "--date" => match it.next().and_then(|v| v.split_once('=')) {
                Some((file, date)) => dates.push((file.to_string(), date.to_string())),
                None => return usage("--date needs FILE=YYYY-MM-DD"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            "-" => paths.push(PathBuf::from("-")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    if paths.is_empty() {
        return usage("no files given");
    }
    let mut failed = false;
    let mut docs = Vec::new();
    let mut loaded = Vec::new();
    for path in expand(&paths, &mut failed) {
        match load(&path, &dates, lossy) {
            Ok(doc) => {
                docs.push(doc);
                loaded.push(path);
            }
            Err(e) => {
                eprintln!("check: {e}");
                failed = true;
            }
        }
    }
    // A report names documents by id, and counts sources by id: files of
    // one name in two directories are named by their paths instead.
    let mut names: std::collections::BTreeMap<String, usize> = Default::default();
    for doc in &docs {
        *names.entry(doc.id.clone()).or_default() += 1;
    }
    for (doc, path) in docs.iter_mut().zip(&loaded) {
        if names.get(&doc.id).is_some_and(|&n| n > 1) {
            doc.id = path.display().to_string();
        }
    }
    if show_assertions {
        print_assertions(&docs);
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let run = || {
        if docs.len() > 100 {
            Checker::default().check_with_progress(&docs, &progress(docs.len()))
        } else {
            check(&docs)
        }
    };
    // The report is the same on any number of threads; `--threads` only
    // says how many cores to use.
    let report = match threads {
        None => run(),
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(run),
            Err(e) => {
                eprintln!("check: cannot start {n} threads: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => emit(&format!("{s}\n")),
            Err(e) => {
                eprintln!("check: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        emit(&report.to_string());
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Progress on standard error over `total` documents: a bar when it is a
/// terminal, a line every tenth otherwise.
fn progress(total: usize) -> impl Fn(usize, usize) + Sync {
    let terminal = std::io::stderr().is_terminal();
    let step = (total / 10).max(1);
    move |done: usize, total: usize| {
        if terminal {
            let filled = done * 40 / total.max(1);
            eprint!(
                "\r[{}{}] {done}/{total} documents read",
                "#".repeat(filled),
                " ".repeat(40 - filled)
            );
            if done == total {
                eprintln!();
            }
        } else if done.is_multiple_of(step) || done == total {
            eprintln!("{done}/{total} documents read");
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("check: {problem}\n{USAGE}");
    ExitCode::from(2)
}

/// Files as given, and the `*.txt` files of directories, in name order.
fn expand(paths: &[PathBuf], failed: &mut bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            for line in std::io::stdin().lock().lines() {
                match line {
                    Ok(line) if !line.trim().is_empty() => out.push(PathBuf::from(line.trim())),
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("check: cannot read the list of paths: {e}");
                        *failed = true;
                        break;
                    }
                }
            }
        } else if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut files: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                        .collect();
                    files.sort();
                    out.extend(files);
                }
                Err(e) => {
                    eprintln!("check: cannot read {}: {e}", path.display());
                    *failed = true;
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn load(path: &Path, dates: &[(String, String)], lossy: bool) -> corroborate::Result<Document> {
    let mut doc = if lossy {
        Document::from_file_lossy(path)?
    } else {
        Document::from_file(path)?
    };
    let given = dates
        .iter()
        .find(|(f, _)| Path::new(f) == path || *f == doc.id);
    if let Some((_, date)) = given {
        doc = doc.with_published(corroborate::document::parse_date(date)?);
    }
    Ok(doc)
}

/// One line per assertion: what each figure and dated event was read as.
fn print_assertions(docs: &[Document]) {
    let mut out = String::new();
    for doc in docs {
        let found = corroborate::extract(doc);
        out.push_str(&format!("== {}\n", doc.id));
        for a in corroborate::assertion::assertions(doc, &found) {
            let scope = match &a.time {
                corroborate::assertion::TimeScope::AsOf { period, stated } => {
                    format!(
                        "as of {}{}",
                        period_text(period),
                        if stated.is_some() {
                            ""
                        } else {
                            " (document date)"
                        }
                    )
                }
                corroborate::assertion::TimeScope::Over { period, .. } => {
                    format!("over {}", period_text(period))
                }
                corroborate::assertion::TimeScope::Unknown => "time unknown".to_string(),
            };
            let value = match a.figure() {
                Some(f) => format!("{}", f.value),
                None => String::new(),
            };
            out.push_str(&format!(
                "{:>6} {:<22} {:<7} {:<10} noun={:<12} verb={:<10} {:<34} {}{}{}{}",
                a.span.start,
                a.text.chars().take(22).collect::<String>(),
                format!("{:?}", a.kind).to_lowercase(),
                value,
                a.measure.noun.as_deref().unwrap_or("-"),
                a.measure.verb.as_deref().unwrap_or("-"),
                scope,
                a.measure.label,
                if a.cumulative { " [cumulative]" } else { "" },
                a.holder
                    .as_ref()
                    .map_or(String::new(), |h| format!(" [held by {}]", h.label)),
                if a.whole { " [whole]" } else { "" },
            ));
            out.push('\n');
        }
    }
    emit(&out);
}

/// Write to standard output; a closed pipe (`check … | head`) ends the
/// output quietly instead of failing.
fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("check: cannot write the output: {e}");
        std::process::exit(1);
    }
}

fn period_text(p: &corroborate::Period) -> String {
    let at =
        |d: Option<jiff::civil::DateTime>| d.map_or("…".to_string(), |d| d.date().to_string());
    format!("{}..{} ({})", at(p.start), at(p.end), p.grain.name())
}
