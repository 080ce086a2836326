//! Examples of the numeric grammar, run through the scanner.

use super::*;
use crate::extract::scan;

/// What one mention should be: its text, its kind and a value (the figure's
/// value, the ordinal's position), and for money or units the currency or
/// unit.
type Want = (&'static str, &'static str, f64, &'static str);

fn describe(value: &Value) -> (&'static str, f64, String) {
    match value {
        Value::Number { amount, .. } => ("number", amount.value, String::new()),
        Value::Share { ratio } => ("share", ratio.value, String::new()),
        Value::Ordinal { value } => ("ordinal", *value as f64, String::new()),
        Value::Percent { amount, points } => (
            "percent",
            amount.value,
            if *points {
                "points".into()
            } else {
                String::new()
            },
        ),
        Value::Money { amount, currency } => ("money", amount.value, currency.clone()),
        Value::Measurement { amount, unit } => ("measurement", amount.value, unit.clone()),
        other => (other.kind(), f64::NAN, String::new()),
    }
}

/// Run every text through the scanner and compare the numeric mentions
/// with what is wanted.
fn check(cases: &[(&str, &[Want])]) {
    for &(text, want) in cases {
        let (mentions, _) = scan(text, None);
        // Times are the temporal family's ("today", "the 21st century").
        let got: Vec<(String, &str, f64, String)> = mentions
            .iter()
            .filter(|m| !matches!(m.value, Value::Time { .. } | Value::Duration { .. }))
            .map(|m| {
                let (kind, v, extra) = describe(&m.value);
                (m.text.clone(), kind, v, extra)
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{text}: got {got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.0, w.0, "{text}: got {got:?}");
            assert_eq!(g.1, w.1, "{text}: got {got:?}");
            let close = (g.2 - w.2).abs() <= 1e-9 * w.2.abs().max(1.0);
            assert!(close, "{text}: got {got:?}");
            assert_eq!(g.3, w.3, "{text}: got {got:?}");
        }
    }
}

/// The symbols that anchor an expression, read from their UTF-8 bytes,
/// are the currency signs and vulgar fractions of the grammar.
#[test]
fn symbol_triggers() {
    for c in "£€₹¥₩₽₺₦½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞".chars() {
        let s = c.to_string();
        assert!(is_symbol_trigger(&s), "{c}");
        assert!(amount::is_vulgar(&s) || money::prefix(&s).is_some(), "{c}");
    }
    for c in "’“”—–…é¢©°±µ·€x".chars().take(12) {
        assert!(!is_symbol_trigger(&c.to_string()), "{c}");
    }
    assert!(is_symbol_trigger("½x") && !is_symbol_trigger("€x") && !is_symbol_trigger(""));
}

/// The trigger table is sorted and holds every word of the lexicon.
#[test]
fn triggers_cover_the_lexicon() {
    assert!(TRIGGERS.windows(2).all(|w| w[0] < w[1]));
    for &w in TRIGGERS.iter() {
        let known = words::cardinal_term(w).is_some()
            || words::ordinal_term(w).is_some()
            || matches!(w, "half" | "quarter" | "tens");
        assert!(known, "{w}");
    }
    for w in [
        "twenty",
        "thirds",
        "hundredth",
        "lakhs",
        "dozen",
        "half",
        "usd115",
    ] {
        assert!(is_trigger(w), "{w}");
    }
    for w in ["the", "once", "someone", "usd", "firstly"] {
        assert!(!is_trigger(w), "{w}");
    }
}

#[test]
fn numbers() {
    check(&[
        (
            "600,000 were issued",
            &[("600,000", "number", 600_000.0, "")],
        ),
        (
            "about 4.5 million people",
            &[("about 4.5 million", "number", 4.5e6, "")],
        ),
        (
            "1,525,221 votes",
            &[("1,525,221", "number", 1_525_221.0, "")],
        ),
        ("a rate of .08", &[(".08", "number", 0.08, "")]),
        ("four regions", &[("four", "number", 4.0, "")]),
        (
            "It said. Three people died",
            &[("Three", "number", 3.0, "")],
        ),
        (
            "three hundred and forty",
            &[("three hundred and forty", "number", 340.0, "")],
        ),
        ("a dozen eggs", &[("a dozen", "number", 12.0, "")]),
        ("two and a half", &[("two and a half", "number", 2.5, "")]),
        (
            "one million two hundred thousand",
            &[("one million two hundred thousand", "number", 1.2e6, "")],
        ),
        ("it fell to minus 5", &[("minus 5", "number", -5.0, "")]),
        ("it fell to -3.5 today", &[("-3.5", "number", -3.5, "")]),
        ("- 1 4/5", &[("- 1 4/5", "number", -1.8, "")]),
        // A dash after a word is not a minus sign.
        ("Lenmark - 5 killed", &[("5", "number", 5.0, "")]),
        ("30 lakh", &[("30 lakh", "number", 3e6, "")]),
        ("1.2 trillion", &[("1.2 trillion", "number", 1.2e12, "")]),
        ("700k", &[("700k", "number", 7e5, "")]),
        (
            "thousands of troops",
            &[("thousands", "number", 1000.0, "")],
        ),
        (
            "tens of thousands",
            &[("tens of thousands", "number", 1e4, "")],
        ),
        (
            "between 2 and 3 million",
            &[("between 2 and 3 million", "number", 2.5e6, "")],
        ),
        ("2-3 million", &[("2-3 million", "number", 2.5e6, "")]),
        (
            "more than 700 people",
            &[("more than 700", "number", 700.0, "")],
        ),
        (
            "3 of 10 people",
            &[("3", "number", 3.0, ""), ("10", "number", 10.0, "")],
        ),
        // An IP address: four numbers, not two decimals.
        (
            "at 192.168.1.2",
            &[
                ("192", "number", 192.0, ""),
                ("168", "number", 168.0, ""),
                ("1", "number", 1.0, ""),
                ("2", "number", 2.0, ""),
            ],
        ),
        ("the result is 1,3.", &[("1,3", "number", 1.3, "")]),
        (
            "nrs. 22,24,26,31.",
            &[
                ("22", "number", 22.0, ""),
                ("24", "number", 24.0, ""),
                ("26", "number", 26.0, ""),
                ("31", "number", 31.0, ""),
            ],
        ),
        (
            "€5 and 12 others",
            &[("€5", "money", 5.0, "EUR"), ("12", "number", 12.0, "")],
        ),
        (
            "3 dollars 50 cents",
            &[("3 dollars 50 cents", "money", 3.5, "$")],
        ),
        (
            "5 feet 2 inches",
            &[("5 feet 2 inches", "measurement", 5.0 + 2.0 / 12.0, "foot")],
        ),
        ("percent of 10", &[("percent of 10", "percent", 10.0, "")]),
        (
            "nine point nought four",
            &[("nine point nought four", "number", 9.04, "")],
        ),
    ]);
}

#[test]
fn shares_ordinals_percents() {
    check(&[
        ("a fifth of voters", &[("a fifth", "share", 0.2, "")]),
        ("two-thirds", &[("two-thirds", "share", 2.0 / 3.0, "")]),
        (
            "one in eight adults",
            &[("one in eight", "share", 0.125, "")],
        ),
        (
            "three out of four",
            &[("three out of four", "share", 0.75, "")],
        ),
        ("1/4", &[("1/4", "share", 0.25, "")]),
        ("the third round", &[("third", "ordinal", 3.0, "")]),
        ("twenty-first", &[("twenty-first", "ordinal", 21.0, "")]),
        ("the second round", &[("second", "ordinal", 2.0, "")]),
        ("20% rise", &[("20%", "percent", 20.0, "")]),
        ("20 per cent", &[("20 per cent", "percent", 20.0, "")]),
        ("twenty percent", &[("twenty percent", "percent", 20.0, "")]),
        (
            "2.4 percentage points",
            &[("2.4 percentage points", "percent", 2.4, "points")],
        ),
        ("from 5% to 7%", &[("from 5% to 7%", "percent", 6.0, "")]),
    ]);
}

#[test]
fn money_and_measurements() {
    check(&[
        ("$1.2bn deal", &[("$1.2bn", "money", 1.2e9, "$")]),
        ("€1.84bn", &[("€1.84bn", "money", 1.84e9, "EUR")]),
        ("NT$300", &[("NT$300", "money", 300.0, "TWD")]),
        ("US$5", &[("US$5", "money", 5.0, "USD")]),
        ("USD115.5", &[("USD115.5", "money", 115.5, "USD")]),
        ("Rs 600 crore", &[("Rs 600 crore", "money", 6e9, "INR")]),
        (
            "250 million dollars",
            &[("250 million dollars", "money", 2.5e8, "$")],
        ),
        ("$ 75 million", &[("$ 75 million", "money", 7.5e7, "$")]),
        ("£3.5m", &[("£3.5m", "money", 3.5e6, "£")]),
        ("5 million yen", &[("5 million yen", "money", 5e6, "JPY")]),
        ("12 km away", &[("12 km", "measurement", 12.0, "kilometer")]),
        ("5 tonnes", &[("5 tonnes", "measurement", 5.0, "ton")]),
        ("40°C", &[("40°C", "measurement", 40.0, "c")]),
        (
            "70 mph",
            &[("70 mph", "measurement", 70.0, "mile per hour")],
        ),
        (
            "20 sq km",
            &[("20 sq km", "measurement", 20.0, "square kilometer")],
        ),
    ]);
}

/// Counts after names in lists of results are counts, not model numbers;
/// the model-number guard used to drop them as it drops "Boeing 737".
#[test]
fn counts_after_names() {
    let none: &[Want] = &[];
    check(&[
        (
            "Labour won 45 seats, the Conservatives 30 and the Greens 12 seats.",
            &[
                ("45", "number", 45.0, ""),
                ("30", "number", 30.0, ""),
                ("12", "number", 12.0, ""),
            ],
        ),
        (
            "The Socialists took 20, the Workers' Party 8.",
            &[("20", "number", 20.0, ""), ("8", "number", 8.0, "")],
        ),
        (
            "Results: Liberal Democrats 7, Reform 5.",
            &[("7", "number", 7.0, ""), ("5", "number", 5.0, "")],
        ),
        ("It runs on Windows 10 devices.", none),
        ("They upgraded from Windows 10 to Windows 11.", none),
        ("It ran Windows 10, Windows 11 and Linux.", none),
        ("A Boeing 737 MAX and an Airbus A320 landed.", none),
        ("In 2019, the Boeing 737 was grounded.", &[]),
    ]);
}

/// Numbers that are not quantities, and words that are not numbers.
#[test]
fn negatives() {
    let none: &[Want] = &[];
    check(&[
        ("one of the best", none),
        ("a second-hand car", none),
        ("the COVID-19 pandemic", none),
        ("a Boeing 737 jet", none),
        ("on Windows 10", none),
        ("the Apollo 11 crew", none),
        ("call 020 7946 0958", none),
        ("call +1 555 123 4567", none),
        ("at 10 Downing Street", none),
        ("see Page 3", none),
        ("an A380 and a G7 and an F-35 and MH17", none),
        ("a man", none),
        ("the one who", none),
        ("no one knows", none),
        ("one another", none),
        ("someone", none),
        ("version 2.3.1", none),
        ("5G networks", none),
        ("open 24/7 since 5/17/2018", none),
        ("at half-time", none),
        ("aboard Air Force One today", none),
        ("at 7.30pm and 10 a.m.", none),
        ("test scores rose", none),
        ("Photo 1 of 5\nNext", none),
        ("show me the second to last", none),
        ("the second to€ x", &[("second", "ordinal", 2.0, "")]),
        (
            "a\u{3000}12 http://x.org/a%2012",
            &[("12", "number", 12.0, "")],
        ),
        ("see page 4 and the iPhone 15", none),
        ("see http://example.com/a?q=30%25%2020%", none),
        (
            "they were playing three-nought-four",
            &[
                ("three", "number", 3.0, ""),
                ("nought", "number", 0.0, ""),
                ("four", "number", 4.0, ""),
            ],
        ),
        (
            "a million billion trillion 1e400",
            &[("a million billion trillion", "number", 1e27, "")],
        ),
    ]);
    // 400 digits: no panic, no figure, a diagnostic.
    let big = "9".repeat(400);
    let (mentions, diagnostics) = scan(&big, None);
    assert!(mentions.is_empty());
    assert_eq!(diagnostics[0].kind, DiagnosticKind::NumberOutOfRange);
    assert_eq!(diagnostics[0].span, Span::new(0, 400));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text built from the pieces numbers are made of scans without a
    /// panic, with spans on char boundaries and finite figures.
    #[test]
    fn any_numeric_text_scans_cleanly(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "1", "0", "9", "12", "1,2", ",", ".", "-", "−", " ", "  ", "/", "^", "e", "x10^", "%",
            "$", "£", "€", "½", "ஂ", "é", "a", "an", "one", "two", "hundred", "thousand", "million",
            "and", "half", "third", "thirds", "first", "second", "twenty", "-five", "point",
            "over", "in", "out of", "between", "from", "to", "more than", "about", "minus",
            "km", "m", "M", "C", "degrees", "per cent", "USD", "us $", "Rs", "dollars", "pounds",
            "of", "thousands", "tens", "dozen", "(", ")", ":", "+", "\n", "Boeing", "COVID-",
            "\u{3000}", "to€", "second", "to last", "http://", "°", "μg", "元", "²",
        ]),
        0..24,
    )) {
        let text: String = parts.concat();
        let (mentions, _) = scan(&text, None);
        for m in &mentions {
            proptest::prop_assert_eq!(m.span.get(&text), Some(m.text.as_str()));
            proptest::prop_assert!(m.value.figure().is_none_or(Figure::is_finite));
        }
    }
}

/// Texts with no number in them, though they hold digits glued to units,
/// ordinals, articles and "one" as a pronoun.
#[test]
fn no_numbers() {
    let texts = [
        "the 180.25ml liquid",
        "the 180ml liquid",
        " 29km Road ",
        "the .25ml liquid",
        "an",
        "a",
        "Book a first class seat to seattle",
        "I was a current student last semester",
        "He was looking for a next of kin",
        "The one you mentioned is invalid",
        "This one you is not correct",
        "Which one do you prefer?",
        "That one is really good",
        "1m isn't a number.",
        "Show me the one before the last one.",
        "I like the first one.",
    ];
    for text in texts {
        let (mentions, _) = scan(text, None);
        let numbers: Vec<&str> = mentions
            .iter()
            .filter(|m| matches!(m.value, Value::Number { .. } | Value::Share { .. }))
            .map(|m| m.text.as_str())
            .collect();
        assert!(numbers.is_empty(), "{text}: {numbers:?}");
    }
}
