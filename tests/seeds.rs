//! The seed articles of `../shared/seeds`: every numeric and temporal
//! expression of the assertion table in its EXPECTED.md is extracted with
//! the right value, precision and span. The articles are read from the
//! shared folder, never copied into the repository.

mod common;

use corroborate::{
    Anchor, DateOrigin, Document, Grain, Mention, Mentions, Qualifier, Shape, Value, extract,
};
use jiff::civil::date;

struct Seed {
    doc: Document,
    found: Mentions,
}

fn load(prefix: &str) -> Option<Seed> {
    let dir = common::shared("seeds")?;
    let path = std::fs::read_dir(&dir)
        .expect("the seeds folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed starting with {prefix} in {}", dir.display()));
    let doc = Document::from_file(&path).expect("the seed loads");
    let found = extract(&doc);
    Some(Seed { doc, found })
}

impl Seed {
    /// The mention covering `needle`, found inside the first occurrence of
    /// `context` in the text.
    fn at(&self, context: &str, needle: &str) -> &Mention {
        let base = self
            .doc
            .text
            .find(context)
            .unwrap_or_else(|| panic!("{context:?} is not in {}", self.doc.id));
        let offset = base
            + context
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} is not in {context:?}"));
        self.found
            .mentions
            .iter()
            .find(|m| m.span.start <= offset && offset + needle.len() <= m.span.end)
            .unwrap_or_else(|| {
                panic!(
                    "no mention covers {needle:?} in {:?}; mentions: {:#?}",
                    context,
                    self.around(offset)
                )
            })
    }

    fn around(&self, offset: usize) -> Vec<&str> {
        self.found
            .mentions
            .iter()
            .filter(|m| m.span.start + 200 > offset && m.span.start < offset + 200)
            .map(|m| m.text.as_str())
            .collect()
    }
}

fn number(m: &Mention) -> &corroborate::Figure {
    match &m.value {
        Value::Number { amount, .. } => amount,
        other => panic!("{:?} is not a number: {other:?}", m.text),
    }
}

fn period(m: &Mention) -> &corroborate::Period {
    match &m.value {
        Value::Time { period } => period,
        other => panic!("{:?} is not a time: {other:?}", m.text),
    }
}

fn month(y: i16, m: i8) -> Option<jiff::civil::DateTime> {
    Some(date(y, m, 1).at(0, 0, 0, 0))
}

#[test]
fn seed_000_dates_itself_from_its_text() {
    let Some(s) = load("000") else { return };
    assert_eq!(s.found.reference, Some(date(2025, 3, 7)));
    let inferred = corroborate::infer_published(&s.doc).expect("a date is inferred");
    let DateOrigin::Inferred { span } = inferred.origin else {
        panic!("not inferred")
    };
    let quoted = span.get(&s.doc.text).unwrap_or_default();
    assert!(
        quoted.contains("March") && quoted.contains("2025"),
        "inferred from {quoted:?}"
    );
}

#[test]
fn seed_000_figures() {
    let Some(s) = load("000") else { return };
    let total = s.at("Around 3.5 million Russian passports", "3.5 million");
    let f = number(total);
    assert_eq!(f.value, 3_500_000.0);
    assert_eq!(f.qualifier, Qualifier::Approximately);
    assert!(f.low.unwrap() <= 3_450_000.0 && f.high.unwrap() >= 3_550_000.0);
    assert!(total.text.to_lowercase().starts_with("around"));

    let flow = number(s.at("around 700,000 have been issued", "700,000"));
    assert_eq!(flow.value, 700_000.0);
    assert_eq!(flow.qualifier, Qualifier::Approximately);

    let earlier = number(s.at("when 2.8 million had been handed out", "2.8 million"));
    assert_eq!(
        (earlier.low, earlier.high),
        (Some(2_750_000.0), Some(2_850_000.0))
    );

    for vague in [
        "Thousands of North Korean troops",
        "Hundreds of properties",
        "Millions of Ukrainians",
    ] {
        let word = vague.split(' ').next().unwrap();
        let f = number(s.at(vague, word));
        assert_eq!(f.qualifier, Qualifier::Vague, "{vague}");
        assert!(
            f.high.unwrap() > f.low.unwrap() * 10.0,
            "{vague} spans an order of magnitude"
        );
    }
}

#[test]
fn seed_000_times() {
    let Some(s) = load("000") else { return };
    let since = period(s.at("issued since March 2024", "March 2024"));
    assert_eq!(since.shape, Shape::Since);
    assert_eq!((since.start, since.grain), (month(2024, 3), Grain::Month));

    let deadline = period(s.at("passport by 1 July 2024", "1 July 2024"));
    assert_eq!(deadline.grain, Grain::Day);
    assert!(
        deadline
            .end
            .is_some_and(|e| e.date() >= date(2024, 7, 1) && e.date() <= date(2024, 7, 2))
    );

    for (context, needle, start, grain) in [
        (
            "invasion in February 2022",
            "February 2022",
            month(2022, 2),
            Grain::Month,
        ),
        (
            "annexed Crimea in 2014",
            "2014",
            month(2014, 1),
            Grain::Year,
        ),
        (
            "passports in May 2022",
            "May 2022",
            month(2022, 5),
            Grain::Month,
        ),
        (
            "citizenship in April 2023",
            "April 2023",
            month(2023, 4),
            Grain::Month,
        ),
        (
            "passport in August 2022",
            "August 2022",
            month(2022, 8),
            Grain::Month,
        ),
    ] {
        let p = period(s.at(context, needle));
        assert_eq!((p.start, p.grain), (start, grain), "{context}");
        assert_eq!(p.anchor, Anchor::Absolute, "{context}");
    }
}

#[test]
fn seed_002_figures_and_times() {
    let Some(s) = load("002") else { return };
    assert_eq!(s.found.reference, Some(date(2025, 3, 7)));
    let DateOrigin::Header { span } = s.doc.published.expect("header date").origin else {
        panic!("not from header")
    };
    assert_eq!(span.get(&s.doc.text), Some("2025-03-07"));

    let caption = s.at("Thursday, March 6, 2025", "March 6, 2025");
    assert!(
        caption.text.starts_with("Thursday"),
        "the weekday is part of the date: {:?}",
        caption.text
    );
    let p = period(caption);
    assert_eq!(p.start, Some(date(2025, 3, 6).at(0, 0, 0, 0)));
    assert!(p.weekday.expect("the weekday is checked").holds());

    let share = s.at("around a fifth of", "fifth");
    match &share.value {
        Value::Share { ratio } => {
            assert!((ratio.value - 0.2).abs() < 1e-12);
            assert_eq!(ratio.qualifier, Qualifier::Approximately);
        }
        other => panic!("a fifth is not a share: {other:?}"),
    }

    let crimea = period(s.at("Crimea in 2014", "2014"));
    assert_eq!((crimea.start, crimea.grain), (month(2014, 1), Grain::Year));
    let regions = number(s.at("invaded four more regions", "four"));
    assert_eq!(regions.value, 4.0);
    let invasion = period(s.at("regions in 2022", "2022"));
    assert_eq!(
        (invasion.start, invasion.grain),
        (month(2022, 1), Grain::Year)
    );

    let total = number(s.at("issued 3.5 million Russian passports", "3.5 million"));
    assert_eq!(
        (total.low, total.high),
        (Some(3_450_000.0), Some(3_550_000.0))
    );
    let before = number(s.at("up from the 2.8 million", "2.8 million"));
    assert_eq!(before.value, 2_800_000.0);

    let ago = period(s.at("reported a year ago", "a year ago"));
    assert!(matches!(ago.anchor, Anchor::Relative { .. }));
    let start = ago.start.expect("resolved").date();
    assert!(
        start >= date(2024, 3, 1) && start < date(2024, 4, 1),
        "a year ago resolved to {start}"
    );
}

#[test]
fn unrelated_headline_money_is_money() {
    let Some(s) = load("000") else { return };
    match &s.at("withdraws $400 million from", "$400 million").value {
        Value::Money { amount, currency } => {
            assert_eq!(amount.value, 400_000_000.0);
            assert!(currency == "$" || currency == "USD");
        }
        other => panic!("not money: {other:?}"),
    }
}

#[test]
fn spans_quote_the_file_exactly() {
    for prefix in ["000", "002"] {
        let Some(s) = load(prefix) else { return };
        for m in &s.found.mentions {
            assert_eq!(m.span.get(&s.doc.text), Some(m.text.as_str()));
            assert!(
                m.sentence.start <= m.span.start && m.span.end <= m.sentence.end.max(m.span.end)
            );
        }
    }
}
