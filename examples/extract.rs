//! List the numeric and temporal expressions of articles.
//!
//! ```text
//! cargo run --release --example extract -- FILE...            # a table per document
//! cargo run --release --example extract -- --json FILE...     # the mentions as JSON
//! cargo run --release --example extract -- --date FILE=2025-03-07 FILE...
//! cargo run --release --example extract -- --jsonl < cases.jsonl
//! ```
//!
//! `--jsonl` reads cases `{"id", "text", "reference"}` one per line on
//! standard input and writes one line per case, `{"id", "entities": [...]}`,
//! in the flat entity format of `corroborate::entity`, resolving relative
//! times against `reference` (`YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`). A line
//! that is not a case gets `{"id": null, "error": "..."}` so that output lines
//! stay aligned with input lines.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use corroborate::entity::entities;
use corroborate::{Document, Mentions, Value, extract, extract_text};
use serde_json::json;

const USAGE: &str = "usage: extract [--json] [--date FILE=YYYY-MM-DD]... FILE...\n       extract --jsonl < cases.jsonl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut json = false;
    let mut jsonl = false;
    let mut dates = Vec::new();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--jsonl" => jsonl = true,
            "--date" => match it.next().and_then(|v| v.split_once('=')) {
                Some((file, date)) => dates.push((file.to_string(), date.to_string())),
                None => return usage("--date needs FILE=YYYY-MM-DD"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            file => files.push(file.to_string()),
        }
    }
    if jsonl {
        return match run_jsonl() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("extract: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if files.is_empty() {
        return usage("no files given");
    }
    let mut failed = false;
    let mut all = Vec::new();
    for file in &files {
        let doc = match load(file, &dates) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("extract: {e}");
                failed = true;
                continue;
            }
        };
        let found = extract(&doc);
        if json {
            all.push(found);
        } else {
            print_table(&doc, &found);
        }
    }
    if json {
        match serde_json::to_string_pretty(&all) {
            Ok(s) => emit(&format!("{s}\n")),
            Err(e) => {
                eprintln!("extract: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("extract: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn load(file: &str, dates: &[(String, String)]) -> corroborate::Result<Document> {
    let mut doc = Document::from_file(file)?;
    if let Some((_, date)) = dates.iter().find(|(f, _)| f == file || *f == doc.id) {
        doc = doc.with_published(corroborate::document::parse_date(date)?);
    }
    Ok(doc)
}

fn print_table(doc: &Document, found: &Mentions) {
    use std::fmt::Write as _;
    let date = match (found.reference, doc.published) {
        (Some(d), Some(_)) => format!("{d} (from the header or given)"),
        (Some(d), None) => format!("{d} (inferred from the text)"),
        (None, _) => "unknown".to_string(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {}  ({} mentions; date {date})",
        doc.id,
        found.mentions.len()
    );
    let _ = writeln!(
        out,
        "{:>7} {:>7}  {:<12} {:<34} value",
        "start", "end", "kind", "text"
    );
    for m in &found.mentions {
        let text: String = m.text.chars().take(34).collect();
        let _ = writeln!(
            out,
            "{:>7} {:>7}  {:<12} {:<34} {}",
            m.span.start,
            m.span.end,
            m.value.kind(),
            text,
            describe(&m.value)
        );
    }
    for d in &found.diagnostics {
        let _ = writeln!(
            out,
            "  ! {}..{} {:?}: {}",
            d.span.start, d.span.end, d.kind, d.message
        );
    }
    out.push('\n');
    emit(&out);
}

/// Write to standard output; a closed pipe (`extract … | head`) ends the
/// output quietly instead of failing.
fn emit(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("extract: cannot write the output: {e}");
        std::process::exit(1);
    }
}

fn describe(value: &Value) -> String {
    let figure = |f: &corroborate::Figure| {
        let bound = |b: Option<f64>| b.map_or("∞".to_string(), |x| format!("{x}"));
        format!(
            "{} [{} – {}] {:?}",
            f.value,
            bound(f.low),
            bound(f.high),
            f.qualifier
        )
    };
    match value {
        Value::Number { amount, counted } => {
            format!(
                "{}{}",
                figure(amount),
                counted
                    .as_ref()
                    .map(|c| format!(" of {c}"))
                    .unwrap_or_default()
            )
        }
        Value::Ordinal { value } => format!("#{value}"),
        Value::Share { ratio } => format!("ratio {}", figure(ratio)),
        Value::Percent { amount, points } => format!(
            "{}{}",
            figure(amount),
            if *points { " points" } else { " %" }
        ),
        Value::Money { amount, currency } => format!("{currency} {}", figure(amount)),
        Value::Measurement { amount, unit } => format!("{} {unit}", figure(amount)),
        Value::Duration { duration } => {
            format!("{} {}", figure(&duration.amount), duration.unit.name())
        }
        Value::Time { period } => {
            let at =
                |d: Option<jiff::civil::DateTime>| d.map_or("…".to_string(), |d| d.to_string());
            let weekday = match period.weekday {
                Some(w) if w.holds() => format!(" ({:?} holds)", w.stated),
                Some(w) => format!(" ({:?} stated, but it was a {:?})", w.stated, w.actual),
                None => String::new(),
            };
            format!(
                "[{} – {}) {} {:?} {:?}{weekday}",
                at(period.start),
                at(period.end),
                period.grain.name(),
                period.shape,
                period.anchor
            )
        }
    }
}

/// One output line of `--jsonl`, with `id` first.
#[derive(serde::Serialize)]
struct CaseResult<'a> {
    id: &'a serde_json::Value,
    entities: Vec<corroborate::entity::Entity>,
}

fn run_jsonl() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(case) => {
                let text = case["text"].as_str().unwrap_or_default();
                let reference = case["reference"].as_str().and_then(parse_reference);
                let found = extract_text(text, reference);
                let result = CaseResult {
                    id: &case["id"],
                    entities: entities(&found.mentions),
                };
                serde_json::to_writer(&mut out, &result)?;
            }
            Err(e) => {
                serde_json::to_writer(&mut out, &json!({"id": null, "error": e.to_string()}))?
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn parse_reference(text: &str) -> Option<jiff::civil::DateTime> {
    text.parse::<jiff::civil::DateTime>().ok().or_else(|| {
        text.parse::<jiff::civil::Date>()
            .ok()
            .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
    })
}
