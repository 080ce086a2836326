//! Negative examples: ordinary text in which nothing numeric or temporal
//! may be found. The examples live in `tests/data/negatives.txt`, one a
//! line, so that adding one needs no code.

use corroborate::extract_text;

#[test]
fn no_mention_in_any_negative_example() {
    let examples = include_str!("data/negatives.txt");
    let mut failures = Vec::new();
    for line in examples
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let found = extract_text(line, None);
        if !found.mentions.is_empty() {
            let spans: Vec<_> = found
                .mentions
                .iter()
                .map(|m| format!("{:?} ({})", m.text, m.value.kind()))
                .collect();
            failures.push(format!("{line:?}: {}", spans.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "mentions found in negative examples:\n{}",
        failures.join("\n")
    );
}
