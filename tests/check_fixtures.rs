//! Acceptance tests of the reconciler on the repository's own fixtures:
//! small sets of invented reports in `tests/fixtures/*/` (each with an
//! EXPECTED.md answer key) and the bundled demo in `examples/articles/`.
//! Each test names the rule it exercises.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use corroborate::{Document, Finding, Report, Verdict, check};

fn folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn load(name: &str) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Document::from_file(p).expect("a fixture loads"))
        .collect()
}

fn show(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?}: {}\n",
                f.verdict.name(),
                f.evidence.iter().map(|e| &e.text).collect::<Vec<_>>(),
                f.message
            )
        })
        .collect()
}

/// Findings with the verdict that quote every one of `texts`.
fn find<'r>(report: &'r Report, verdict: Verdict, texts: &[&str]) -> Vec<&'r Finding> {
    report
        .with_verdict(verdict)
        .filter(|f| {
            texts
                .iter()
                .all(|t| f.evidence.iter().any(|e| e.text == *t))
        })
        .collect()
}

fn docs_of(f: &Finding) -> BTreeSet<&str> {
    f.evidence.iter().map(|e| e.doc.as_str()).collect()
}

#[test]
fn a_rising_death_toll_is_not_a_conflict() {
    let report = check(&load("tests/fixtures/death-toll"));
    assert!(
        report.with_verdict(Verdict::Conflict).next().is_none(),
        "{}",
        show(&report)
    );
}

#[test]
fn a_running_total_that_falls_is_a_conflict() {
    let mut docs = load("tests/fixtures/death-toll");
    let last = docs.last_mut().expect("three reports");
    let text = last
        .text
        .replacen("Twenty-three people are now", "Fifteen people are now", 1);
    assert_ne!(text, last.text, "the fixture states the later toll");
    *last = Document::from_text(last.id.clone(), text);
    let report = check(&docs);
    let fell = find(&report, Verdict::Conflict, &["Fifteen", "17"]);
    assert_eq!(fell.len(), 1, "{}", show(&report));
    assert!(fell[0].gap.is_some_and(|g| g.absolute == 2.0));
}

#[test]
fn two_outlets_at_the_same_time_conflict() {
    let report = check(&load("tests/fixtures/same-time-conflict"));
    let conflicts = find(&report, Verdict::Conflict, &["212", "Some 168"]);
    assert_eq!(conflicts.len(), 1, "{}", show(&report));
    assert_eq!(docs_of(conflicts[0]).len(), 2);
    let gap = conflicts[0].gap.expect("a conflict has a gap");
    assert!(gap.absolute > 30.0 && gap.percent > 10.0, "{gap:?}");
}

#[test]
fn at_least_agrees_with_more_and_conflicts_with_less() {
    let report = check(&load("tests/fixtures/at-least"));
    assert!(
        !find(&report, Verdict::Agree, &["at least 40", "Fifty-two"]).is_empty(),
        "{}",
        show(&report)
    );
    assert!(
        !find(&report, Verdict::Conflict, &["Thirty-six", "at least 40"]).is_empty(),
        "{}",
        show(&report)
    );
}

#[test]
fn a_wrong_weekday_is_a_temporal_conflict() {
    let report = check(&load("tests/fixtures/weekday"));
    let weekday = |verdict, text| {
        find(&report, verdict, &[text])
            .into_iter()
            .filter(|f| f.measure == "weekday")
            .count()
    };
    assert_eq!(
        weekday(Verdict::TemporalConflict, "Sunday, November 9, 2024"),
        1,
        "{}",
        show(&report)
    );
    assert_eq!(
        weekday(Verdict::TemporalAgree, "Saturday, 9 November 2024"),
        1,
        "{}",
        show(&report)
    );
}

#[test]
fn the_same_number_of_different_things_is_not_linked() {
    let report = check(&load("tests/fixtures/different-measures"));
    for f in &report.findings {
        let texts: Vec<&str> = f.evidence.iter().map(|e| e.text.as_str()).collect();
        assert!(
            texts.iter().filter(|t| t.contains("27,500")).count() < 2,
            "visitors linked to tickets:\n{}",
            show(&report)
        );
        assert!(
            !(texts.iter().any(|t| t.contains("18 per cent"))
                && texts.iter().any(|t| t.contains("18 percent"))),
            "{}",
            show(&report)
        );
    }
}

#[test]
fn parts_of_a_total_are_not_held_against_it() {
    let report = check(&load("tests/fixtures/seats"));
    assert!(
        report.with_verdict(Verdict::Conflict).next().is_none(),
        "{}",
        show(&report)
    );
}

#[test]
fn a_rounded_sum_agrees_with_a_precise_one() {
    let report = check(&load("examples/articles"));
    assert!(
        !find(&report, Verdict::Agree, &["$1.19 billion", "about $1.2bn"]).is_empty(),
        "{}",
        show(&report)
    );
    let report = check(&load("tests/fixtures/relative-dates"));
    assert!(
        !find(&report, Verdict::Agree, &["£18.6m", "about £19m"]).is_empty(),
        "{}",
        show(&report)
    );
}

#[test]
fn the_bundled_articles_show_every_kind_of_finding() {
    let report = check(&load("examples/articles"));
    let conflict = find(&report, Verdict::Conflict, &["2,150", "About 2,600"]);
    assert_eq!(conflict.len(), 1, "{}", show(&report));
    assert!(
        !find(&report, Verdict::DerivedAgree, &["some 4,100", "9,800"]).is_empty(),
        "{}",
        show(&report)
    );
    assert!(
        report.with_verdict(Verdict::TemporalAgree).count() >= 2,
        "{}",
        show(&report)
    );
    // "Some 3,100" people in shelters on 30 September is an earlier count,
    // not a conflict with the later ones.
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.verdict != Verdict::Conflict
                || f.evidence.iter().all(|e| e.text != "Some 3,100")),
        "{}",
        show(&report)
    );
}

#[test]
fn reports_are_the_same_in_any_document_order() {
    for name in [
        "examples/articles",
        "tests/fixtures/death-toll",
        "tests/fixtures/at-least",
    ] {
        let mut docs = load(name);
        let forward = serde_json::to_string(&check(&docs)).expect("serialises");
        docs.reverse();
        docs.rotate_left(1);
        let shuffled = serde_json::to_string(&check(&docs)).expect("serialises");
        assert_eq!(forward, shuffled, "{name}");
    }
}

#[test]
fn a_share_is_checked_against_its_part_and_whole() {
    let report = check(&load("tests/fixtures/share"));
    assert!(
        !find(&report, Verdict::DerivedAgree, &["85", "340", "25 percent"]).is_empty(),
        "{}",
        show(&report)
    );
    assert!(
        !find(
            &report,
            Verdict::DerivedConflict,
            &["85", "340", "roughly 35 per cent"]
        )
        .is_empty(),
        "{}",
        show(&report)
    );
    let report = check(&load("examples/articles"));
    assert!(
        !find(
            &report,
            Verdict::DerivedAgree,
            &["1,200", "4,800", "25 per cent"]
        )
        .is_empty(),
        "{}",
        show(&report)
    );
}

#[test]
fn two_forecasts_to_one_decimal_that_do_not_meet_conflict() {
    let report = check(&load("tests/fixtures/rounding"));
    assert_eq!(
        find(&report, Verdict::Conflict, &["4.3 million", "4.7m"]).len(),
        1,
        "{}",
        show(&report)
    );
}
