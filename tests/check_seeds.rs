//! Acceptance tests of the reconciler on the seed pair of `../shared/seeds`
//! (read from there, never copied): the findings its EXPECTED.md lists
//! appear, the things it says must not be flagged are not, and a copy with
//! one figure changed gives the conflict and the failed derived check.

mod common;

use corroborate::{Document, Finding, Report, Verdict, check};

fn seeds() -> Option<Vec<Document>> {
    let dir = common::shared("seeds")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the seeds folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| Document::from_file(p).expect("a seed loads"))
            .collect(),
    )
}

fn quotes(f: &Finding) -> Vec<&str> {
    f.evidence.iter().map(|e| e.text.as_str()).collect()
}

/// Findings with the verdict whose evidence quotes every one of `texts`
/// (each a substring of some quote).
fn find<'r>(report: &'r Report, verdict: Verdict, texts: &[&str]) -> Vec<&'r Finding> {
    report
        .with_verdict(verdict)
        .filter(|f| {
            texts
                .iter()
                .all(|t| f.evidence.iter().any(|e| e.text.contains(t)))
        })
        .collect()
}

fn show(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| format!("{} {:?}: {}\n", f.verdict.name(), quotes(f), f.message))
        .collect()
}

#[test]
fn the_seed_pair_gives_findings_one_to_four() {
    let Some(docs) = seeds() else { return };
    let report = check(&docs);
    let all = show(&report);
    // 1. 3.5 million in both, as of the same date.
    let total = find(&report, Verdict::Agree, &["3.5 million"]);
    assert!(
        total.iter().any(|f| f
            .evidence
            .iter()
            .map(|e| &e.doc)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            == 2),
        "finding 1 missing:\n{all}"
    );
    // 2. 2.8 million at about March 2024 in both, and "a year ago" lands in March 2024.
    assert!(
        !find(&report, Verdict::Agree, &["2.8 million", "a year ago"]).is_empty(),
        "finding 2 missing:\n{all}"
    );
    assert!(
        !find(
            &report,
            Verdict::TemporalAgree,
            &["a year ago", "March 2024"]
        )
        .is_empty(),
        "finding 2's temporal agreement missing:\n{all}"
    );
    // 3. 700,000 = 3.5 million − 2.8 million.
    assert!(
        !find(
            &report,
            Verdict::DerivedAgree,
            &["700,000", "3.5 million", "2.8 million"]
        )
        .is_empty(),
        "finding 3 missing:\n{all}"
    );
    // 4. Thursday, March 6, 2025 is a true weekday.
    assert!(
        !find(
            &report,
            Verdict::TemporalAgree,
            &["Thursday, March 6, 2025"]
        )
        .is_empty(),
        "finding 4 missing:\n{all}"
    );
}

#[test]
fn dated_events_agree_across_the_pair() {
    let Some(docs) = seeds() else { return };
    let report = check(&docs);
    let all = show(&report);
    let events: Vec<&Finding> = report
        .with_verdict(Verdict::TemporalAgree)
        .filter(|f| f.evidence.iter().all(|e| e.role == "event"))
        .collect();
    let dated = |texts: [&str; 2]| {
        events.iter().any(|f| {
            f.evidence
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
                == texts
        })
    };
    assert!(dated(["2014", "2014"]), "the 2014 event missing:\n{all}");
    assert!(
        dated(["February 2022", "2022"]),
        "the 2022 event missing:\n{all}"
    );
    assert!(
        report
            .with_verdict(Verdict::TemporalConflict)
            .next()
            .is_none(),
        "{all}"
    );
}

#[test]
fn the_seed_pair_flags_nothing_it_must_not() {
    let Some(docs) = seeds() else { return };
    let report = check(&docs);
    let all = show(&report);
    for f in &report.findings {
        let q = quotes(f);
        let has = |t: &str| q.iter().any(|x| x.contains(t));
        assert!(
            !(has("3.5 million") && has("2.8 million") && f.verdict == Verdict::Conflict),
            "3.5 against 2.8 million flagged:\n{all}"
        );
        if has("$400 million") {
            assert!(
                !(has("million") && q.len() > 1),
                "$400 million linked to another figure:\n{all}"
            );
        }
        if has("Millions") {
            assert!(
                !has("3.5 million"),
                "Millions of Ukrainians linked to 3.5 million:\n{all}"
            );
        }
        assert!(
            !(has("1 July 2024") && has("March 2024")),
            "the deadline linked to March 2024:\n{all}"
        );
    }
    assert!(
        report.with_verdict(Verdict::Conflict).next().is_none(),
        "a conflict in the unaltered pair:\n{all}"
    );
    assert!(
        report
            .with_verdict(Verdict::DerivedConflict)
            .next()
            .is_none(),
        "a derived conflict in the unaltered pair:\n{all}"
    );
}

#[test]
fn an_altered_figure_gives_a_conflict_and_a_failed_derived_check() {
    let Some(mut docs) = seeds() else { return };
    let altered = docs
        .iter_mut()
        .find(|d| d.text.contains("issued 3.5 million"))
        .expect("a seed states the total");
    let text = altered
        .text
        .replacen("issued 3.5 million", "issued 3.2 million", 1);
    *altered = Document::from_text(altered.id.clone(), text);
    let report = check(&docs);
    let all = show(&report);
    let conflicts = find(&report, Verdict::Conflict, &["3.2 million", "3.5 million"]);
    let conflict = conflicts
        .first()
        .unwrap_or_else(|| panic!("no conflict on the altered total:\n{all}"));
    assert!(
        conflict.gap.is_some_and(|g| g.absolute > 0.0),
        "the conflict states its gap"
    );
    let docs_cited: std::collections::BTreeSet<_> =
        conflict.evidence.iter().map(|e| &e.doc).collect();
    assert_eq!(docs_cited.len(), 2, "the conflict names both sources");
    assert!(
        !find(
            &report,
            Verdict::DerivedConflict,
            &["700,000", "3.2 million"]
        )
        .is_empty(),
        "the derived check with 3.2 million must fail:\n{all}"
    );
}

#[test]
fn evidence_quotes_the_files_exactly() {
    let Some(docs) = seeds() else { return };
    let report = check(&docs);
    for f in &report.findings {
        for e in &f.evidence {
            let doc = docs
                .iter()
                .find(|d| d.id == e.doc)
                .expect("evidence names a document");
            assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
}

#[test]
fn the_report_does_not_depend_on_document_order() {
    let Some(mut docs) = seeds() else { return };
    let forward = serde_json::to_string(&check(&docs)).expect("the report serialises");
    docs.reverse();
    let backward = serde_json::to_string(&check(&docs)).expect("the report serialises");
    assert_eq!(forward, backward);
}
