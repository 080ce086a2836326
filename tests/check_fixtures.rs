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

/// Every quote of a finding: (document, start, end, text).
fn quotes(f: &Finding) -> Vec<Quote<'_>> {
    f.evidence
        .iter()
        .map(|e| (e.doc.as_str(), e.start, e.end, e.text.as_str()))
        .collect()
}

/// A quote: (document, start, end, text).
type Quote<'r> = (&'r str, usize, usize, &'r str);

/// The findings with a verdict among `verdicts`, as (verdict, measure,
/// quotes).
fn flagged<'r>(
    report: &'r Report,
    verdicts: &[Verdict],
) -> Vec<(Verdict, &'r str, Vec<Quote<'r>>)> {
    report
        .findings
        .iter()
        .filter(|f| verdicts.contains(&f.verdict))
        .map(|f| (f.verdict, f.measure.as_str(), quotes(f)))
        .collect()
}

const CONFLICTS: &[Verdict] = &[
    Verdict::Conflict,
    Verdict::DerivedConflict,
    Verdict::TemporalConflict,
];

// Before lists of parts were read, the parts of a total ("19 seats" and
// "45 seats" in one report) were held against each other; they must not
// be. The only conflicts are the two the answer key lists: the Workers'
// Party's seats (8 in one report, 9 in the other, which agree on the
// rest) and 02's list, which adds up to 46 seats of 45.
#[test]
fn parts_of_a_total_are_not_held_against_it() {
    let report = check(&load("tests/fixtures/seats"));
    const A: &str = "01-velmora-daily.txt";
    const B: &str = "02-harbourside-news.txt";
    assert_eq!(
        flagged(&report, CONFLICTS),
        [
            (
                Verdict::Conflict,
                "Workers' Party seats",
                vec![(A, 421, 422, "8"), (B, 233, 234, "9")]
            ),
            (
                Verdict::DerivedConflict,
                "seats",
                vec![
                    (B, 118, 120, "45"),
                    (B, 187, 189, "19"),
                    (B, 206, 208, "12"),
                    (B, 233, 234, "9"),
                    (B, 257, 258, "4"),
                    (B, 281, 282, "2"),
                ]
            ),
        ],
        "{}",
        show(&report)
    );
    let sum = find(&report, Verdict::DerivedConflict, &["45", "9"]);
    assert_eq!(
        sum[0].arithmetic.as_deref(),
        Some("19 + 12 + 9 + 4 + 2 = 46; total 45: above")
    );
}

// 01's list, "... independents 4 and the Harbour List 2.", and the lead's
// "19 of the 45 seats" add up to the whole (answer key, item 1).
#[test]
fn a_list_and_the_lead_add_up_to_the_whole() {
    let docs = load("tests/fixtures/seats");
    let report = check(&docs);
    let sums: Vec<_> = flagged(&report, &[Verdict::DerivedAgree])
        .into_iter()
        .filter(|(_, _, quotes)| quotes.iter().any(|q| q.3 == "45"))
        .collect();
    const A: &str = "01-velmora-daily.txt";
    assert_eq!(
        sums,
        [(
            Verdict::DerivedAgree,
            "seats",
            vec![
                (A, 269, 271, "19"),
                (A, 279, 281, "45"),
                (A, 369, 375, "Monday"),
                (A, 392, 394, "12"),
                (A, 421, 422, "8"),
                (A, 437, 438, "4"),
                (A, 460, 461, "2"),
            ]
        )],
        "{}",
        show(&report)
    );
}

const ASSEMBLY: &str = "tests/fixtures/assembly-results";
const COURIER: &str = "01-tessary-courier.txt";
const WIRE: &str = "02-northern-wire.txt";
const TIMES: &str = "03-valley-times.txt";

#[test]
fn parts_add_up_to_a_total_given_in_other_reports() {
    let report = check(&load(ASSEMBLY));
    let agree = find(&report, Verdict::DerivedAgree, &["31", "6", "87"]);
    assert_eq!(agree.len(), 1, "{}", show(&report));
    assert_eq!(agree[0].measure, "seats");
    assert_eq!(
        quotes(agree[0]),
        [
            (COURIER, 375, 381, "Monday"),
            (COURIER, 406, 408, "31"),
            (COURIER, 434, 436, "24"),
            (COURIER, 458, 460, "17"),
            (COURIER, 473, 474, "9"),
            (COURIER, 486, 487, "6"),
            (WIRE, 165, 167, "87"),
            (TIMES, 79, 81, "87"),
        ]
    );
    assert_eq!(
        agree[0].arithmetic.as_deref(),
        Some("31 + 24 + 17 + 9 + 6 = 87; total 87: inside")
    );
}

#[test]
fn a_complete_list_that_falls_short_of_its_total_conflicts() {
    let report = check(&load(ASSEMBLY));
    let short = find(&report, Verdict::DerivedConflict, &["87", "4"]);
    assert_eq!(short.len(), 1, "{}", show(&report));
    assert_eq!(
        quotes(short[0]),
        [
            (TIMES, 79, 81, "87"),
            (TIMES, 142, 144, "31"),
            (TIMES, 168, 170, "24"),
            (TIMES, 196, 198, "17"),
            (TIMES, 215, 216, "9"),
            (TIMES, 233, 234, "4"),
        ]
    );
    assert_eq!(
        short[0].arithmetic.as_deref(),
        Some("31 + 24 + 17 + 9 + 4 = 85; total 87: below")
    );
}

#[test]
fn only_the_expected_conflicts_are_flagged_among_assembly_results() {
    let report = check(&load(ASSEMBLY));
    let flagged = flagged(&report, CONFLICTS);
    assert_eq!(flagged.len(), 2, "{}", show(&report));
    assert_eq!(
        flagged[0],
        (
            Verdict::Conflict,
            "Others seats",
            vec![(COURIER, 486, 487, "6"), (TIMES, 233, 234, "4")]
        ),
        "{}",
        show(&report)
    );
    assert_eq!(flagged[1].0, Verdict::DerivedConflict);
    // The Coast Party's 4 seats are not the others' 4.
    assert!(
        report
            .findings
            .iter()
            .all(|f| !f.evidence.iter().any(|e| e.doc == WIRE && e.text == "4")),
        "{}",
        show(&report)
    );
}

// "including 9 seats for the Greens and 4 for the Coast Party" names some
// of the smaller parties only: 13 of 87 says nothing either way. Parts
// that exceed the whole are wrong however incomplete the list.
#[test]
fn an_incomplete_list_is_only_checked_for_exceeding_its_total() {
    let docs = load(ASSEMBLY);
    let report = check(&docs);
    assert!(
        report
            .findings
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::DerivedAgree | Verdict::DerivedConflict))
            .all(|f| !f.evidence.iter().any(|e| e.doc == WIRE && e.text == "9")),
        "{}",
        show(&report)
    );
    let mut docs = docs;
    let wire = &mut docs[1];
    let text = wire.text.replacen(
        "including 9 seats for the Greens and 4",
        "including 59 seats for the Greens and 34",
        1,
    );
    assert_ne!(text, wire.text, "the fixture names two smaller parties");
    *wire = Document::from_text(wire.id.clone(), text);
    let report = check(&docs);
    let over = find(&report, Verdict::DerivedConflict, &["59", "34", "87"]);
    assert_eq!(over.len(), 1, "{}", show(&report));
    assert!(
        over[0]
            .arithmetic
            .as_deref()
            .is_some_and(|a| a == "59 + 34 = 93; total 87: above"),
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

// Lists that are not the breakdown of the total in sight: a county's
// seats below a city council's total, a region's deaths inside another
// region's, two bodies' results in one paragraph, last term's seats
// beside this term's. None may be called a conflict.
#[test]
fn parts_of_other_wholes_are_never_held_against_a_total() {
    let doc = |id: &str, body: &str| Document::from_text(id, format!("date: 2025-05-03\n\n{body}"));
    let report = check(&[
        doc(
            "city.txt",
            "Labour held the city council, winning 30 of the 60 seats.\n\n\
             In the neighbouring county, the Greens took 25 seats, Reform 30 and independents 10.",
        ),
        doc(
            "nested.txt",
            "A total of 40 people died: 28 in Arlen, including 9 in Brisk, and 12 in Coll.",
        ),
        doc(
            "terms.txt",
            "The Greens won 25 of the 60 seats. In the outgoing council the Greens had 31 seats, \
             Labour 20 and Reform 15.",
        ),
    ]);
    assert!(
        report
            .findings
            .iter()
            .all(|f| !matches!(f.verdict, Verdict::Conflict | Verdict::DerivedConflict)),
        "{}",
        show(&report)
    );
}

// "the €2.4bn tram line" prices the line: it is the line's cost, and
// agrees with "a cost of €2.38 billion" within its rounding. An unrelated
// "$350 million container terminal" prices something else and is linked
// to nothing.
#[test]
fn money_before_a_noun_is_the_cost_of_that_noun() {
    let report = check(&load("tests/fixtures/rounding"));
    let cost = find(&report, Verdict::Agree, &["€2.38 billion", "€2.4bn"]);
    assert_eq!(cost.len(), 1, "{}", show(&report));
    assert_eq!(
        quotes(cost[0]),
        [
            ("01-ardmouth-mercury.txt", 207, 222, "€2.38 billion"),
            ("02-business-post.txt", 106, 114, "€2.4bn"),
        ]
    );
    assert!(
        report
            .with_verdict(Verdict::Conflict)
            .all(|f| f.evidence.iter().all(|e| !e.text.contains('€'))),
        "{}",
        show(&report)
    );
    let report = check(&load("examples/articles"));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.evidence.iter().all(|e| e.text != "$350 million")),
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
        "tests/fixtures/seats",
        "tests/fixtures/assembly-results",
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

#[test]
fn shares_that_part_one_whole_add_up_to_a_hundred() {
    let report = check(&load("tests/fixtures/seats"));
    let sums = find(
        &report,
        Verdict::DerivedAgree,
        &["38.2 per cent", "6.2 per cent"],
    );
    assert_eq!(sums.len(), 1, "{}", show(&report));
    assert!(
        sums[0]
            .arithmetic
            .as_deref()
            .is_some_and(|a| a.contains("99.7–100.3"))
    );
}

#[test]
fn one_thread_and_many_give_the_same_report() {
    let mut docs = load("examples/articles");
    docs.extend(load("tests/fixtures/death-toll"));
    let serial = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool")
        .install(|| check(&docs));
    let parallel = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("a pool")
        .install(|| check(&docs));
    assert_eq!(
        serde_json::to_string(&serial).expect("serialises"),
        serde_json::to_string(&parallel).expect("serialises")
    );
}

#[test]
fn quotes_index_the_original_bytes_of_a_leniently_loaded_file() {
    let good = Document::from_text(
        "a.txt",
        "date: 2025-06-12\n\nThe airport cancelled 212 flights on Thursday.",
    );
    let bytes = b"date: 2025-06-12\n\n\xff\xfe Some 168 flights were cancelled on Thursday.";
    let bad = Document::from_bytes_lossy("b.txt", bytes);
    let report = check(&[good, bad]);
    let conflict = find(&report, Verdict::Conflict, &["212", "Some 168"]);
    assert_eq!(conflict.len(), 1, "{}", show(&report));
    let quote = conflict[0]
        .evidence
        .iter()
        .find(|e| e.doc == "b.txt" && e.role == "figure")
        .expect("b is quoted");
    assert_eq!(&bytes[quote.start..quote.end], quote.text.as_bytes());
}

/// The README's main command shows every kind of finding on the bundled
/// articles, each one on the figures its answer key names.
#[test]
fn the_bundled_articles_show_all_six_verdicts() {
    let report = check(&load("examples/articles"));
    for verdict in [
        Verdict::Conflict,
        Verdict::DerivedConflict,
        Verdict::TemporalConflict,
        Verdict::DerivedAgree,
        Verdict::Agree,
        Verdict::TemporalAgree,
    ] {
        assert!(
            report.with_verdict(verdict).next().is_some(),
            "no {verdict:?}:\n{}",
            show(&report)
        );
    }
    for (verdict, quotes) in [
        (
            Verdict::DerivedConflict,
            &["9,800", "5,300", "roughly two-thirds"][..],
        ),
        (Verdict::TemporalConflict, &["Friday, 24 September"][..]),
    ] {
        assert_eq!(find(&report, verdict, quotes).len(), 1, "{}", show(&report));
    }
    // A vague magnitude is no part of a share.
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.evidence.iter().all(|e| e.text != "hundreds")),
        "{}",
        show(&report)
    );
}

/// Rates are compared with rates per the same thing, never with levels.
#[test]
fn rates_meet_only_rates_per_the_same_unit() {
    let doc = |id: &str, body: &str| Document::from_text(id, format!("date: 2025-06-02\n\n{body}"));
    let docs = [
        doc(
            "a.txt",
            "About 450 migrants a day crossed the border at Velm, officials said. \
             In all, 12,000 migrants have crossed this year.",
        ),
        doc(
            "b.txt",
            "Some 700 migrants a day crossed the border at Velm, the agency said.",
        ),
        doc(
            "c.txt",
            "Officials at Velm said 450 migrants crossed the border. \
             Border guards counted 3,100 migrants a week.",
        ),
    ];
    let report = check(&docs);
    let conflicts = find(&report, Verdict::Conflict, &["About 450", "Some 700"]);
    assert_eq!(conflicts.len(), 1, "{}", show(&report));
    // 450 a day is not the 450 who crossed, nor a weekly figure.
    for f in &report.findings {
        let quotes: Vec<&str> = f.evidence.iter().map(|e| e.text.as_str()).collect();
        assert!(
            !(quotes.contains(&"About 450") && quotes.contains(&"450")),
            "{}",
            show(&report)
        );
        assert!(!quotes.contains(&"3,100"), "{}", show(&report));
    }
    let rates = report
        .unverified
        .iter()
        .filter(|u| u.kind == "rate")
        .count();
    assert_eq!(
        rates, 1,
        "the weekly rate is unverified: {:?}",
        report.unverified
    );
}

/// Two stories in one batch: the same measure on the same day, in two
/// different towns, is no conflict; within each story it still is.
#[test]
fn figures_of_different_stories_are_never_compared() {
    let doc = |id: &str, body: &str| Document::from_text(id, format!("date: 2025-06-02\n\n{body}"));
    let docs = [
        doc(
            "velm-1.txt",
            "Storms damaged 340 homes in Velm on Sunday, the Harrow County council said.",
        ),
        doc(
            "velm-2.txt",
            "In Velm, 410 homes were damaged on Sunday, according to Harrow County officials.",
        ),
        doc(
            "orrin-1.txt",
            "A tornado damaged 95 homes in Orrin on Sunday, the Sable Valley authority said.",
        ),
    ];
    let report = check(&docs);
    let conflicts: Vec<_> = report.with_verdict(Verdict::Conflict).collect();
    assert_eq!(conflicts.len(), 1, "{}", show(&report));
    assert!(
        conflicts[0]
            .evidence
            .iter()
            .all(|e| e.doc.starts_with("velm")),
        "{}",
        show(&report)
    );
}
