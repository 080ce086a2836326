//! Property tests: invariants that hold for any input.
//!
//! * Extraction never panics, and every span lies on char boundaries
//!   inside the text, in order, without overlap.
//! * Any number rendered in a supported style parses back to its value.
//! * Any date rendered in a supported format parses back to its day.

use corroborate::{Grain, Value, extract_text};
use jiff::civil::Date;
use proptest::prelude::*;

fn check_spans(text: &str) {
    let found = extract_text(text, Some(jiff::civil::date(2025, 3, 7).at(12, 0, 0, 0)));
    let mut last = 0;
    for m in &found.mentions {
        assert!(
            m.span.start >= last,
            "mentions overlap or are out of order in {text:?}"
        );
        assert_eq!(
            m.span.get(text),
            Some(m.text.as_str()),
            "span off char boundaries in {text:?}"
        );
        assert!(
            m.sentence.get(text).is_some(),
            "sentence off char boundaries in {text:?}"
        );
        last = m.span.end;
    }
    for d in &found.diagnostics {
        assert!(
            d.span.get(text).is_some(),
            "diagnostic span off char boundaries in {text:?}"
        );
    }
}

/// Words that steer the grammars, so that random text exercises them.
const VOCABULARY: &[&str] = &[
    "1",
    "12",
    "3.5",
    "700,000",
    "million",
    "bn",
    "$",
    "£",
    "€",
    "%",
    "per",
    "cent",
    "around",
    "more",
    "than",
    "between",
    "and",
    "to",
    "-",
    "since",
    "March",
    "May",
    "2024",
    "Thursday",
    ",",
    ".",
    "a",
    "year",
    "ago",
    "last",
    "half",
    "fifth",
    "one",
    "in",
    "of",
    "thousands",
    "2:00:35",
    "30",
    "February",
    "é",
    "🇺🇦",
    "\n",
    "Q3",
    "summer",
    "10:53",
    "am",
    "pm",
    "twenty-five",
    "st",
    "th",
    "Aug.",
    "U.S.",
    "by",
    "until",
    "from",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_leaves_spans_on_char_boundaries(text in "\\PC{0,80}") {
        check_spans(&text);
    }

    #[test]
    fn any_sequence_of_grammar_words_leaves_spans_on_char_boundaries(
        words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..24),
        glue in proptest::collection::vec(proptest::sample::select(&[" ", "", " ", "\n", ", "][..]), 24),
    ) {
        let mut text = String::new();
        for (w, g) in words.iter().zip(glue.iter()) {
            text.push_str(w);
            text.push_str(g);
        }
        check_spans(&text);
    }

    #[test]
    fn integers_in_any_style_parse_back(n in 0u64..1_000_000_000_000u64, style in 0usize..3) {
        let text = match style {
            0 => n.to_string(),
            1 => with_separators(n),
            _ => words(n),
        };
        let sentence = format!("Officials counted {text} in total.");
        let found = extract_text(&sentence, None);
        let values: Vec<f64> = found.mentions.iter().filter_map(|m| match &m.value {
            Value::Number { amount, .. } => Some(amount.value),
            _ => None,
        }).collect();
        prop_assert_eq!(values, vec![n as f64], "{}", sentence);
    }

    #[test]
    fn scaled_decimals_parse_back(whole in 1u32..1000, tenth in 0u32..10, scale in 0usize..3) {
        let (word, factor) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let text = format!("The fund holds {whole}.{tenth} {word} in reserve.");
        let found = extract_text(&text, None);
        prop_assert_eq!(found.mentions.len(), 1, "{}", text);
        let Value::Number { amount, .. } = &found.mentions[0].value else { panic!("not a number: {text}") };
        let expected = (whole as f64 + tenth as f64 / 10.0) * factor;
        prop_assert!((amount.value - expected).abs() <= expected * 1e-12, "{} gave {}", text, amount.value);
        prop_assert!((amount.high.unwrap() - amount.low.unwrap() - factor / 10.0).abs() <= factor * 1e-9);
    }

    #[test]
    fn dates_in_any_format_parse_back(days in 0i32..(200 * 366), format in 0usize..6) {
        let Ok(day) = jiff::civil::date(1900, 1, 1).checked_add(jiff::Span::new().days(days)) else { return Ok(()) };
        let text = format!("The agreement was signed on {}.", render_date(day, format));
        let found = extract_text(&text, Some(jiff::civil::date(2100, 1, 1).at(0, 0, 0, 0)));
        let days_found: Vec<(Date, Grain)> = found.mentions.iter().filter_map(|m| match &m.value {
            Value::Time { period } => period.start.map(|s| (s.date(), period.grain)),
            _ => None,
        }).collect();
        prop_assert_eq!(days_found, vec![(day, Grain::Day)], "{}", text);
    }
}

fn render_date(d: Date, format: usize) -> String {
    match format {
        0 => d.strftime("%-d %B %Y").to_string(),
        1 => d.strftime("%B %-d, %Y").to_string(),
        2 => d.strftime("%Y-%m-%d").to_string(),
        3 => d.strftime("%d %B %Y").to_string(),
        4 => d.strftime("%A, %B %-d, %Y").to_string(),
        _ => d.strftime("%A %-d %B %Y").to_string(),
    }
}

fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// English words for `n`, in the style of news copy ("three hundred and
/// forty", "twenty-five").
fn words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64, out: &mut Vec<String>) {
        let (h, rest) = (n / 100, n % 100);
        if h > 0 {
            out.push(format!("{} hundred", ONES[h as usize]));
            if rest > 0 {
                out.push("and".into());
            }
        }
        if rest >= 20 {
            let t = TENS[(rest / 10) as usize];
            out.push(if rest % 10 == 0 {
                t.to_string()
            } else {
                format!("{t}-{}", ONES[(rest % 10) as usize])
            });
        } else if rest > 0 {
            out.push(ONES[rest as usize].to_string());
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut out = Vec::new();
    let mut rest = n;
    for (unit, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        if rest >= unit {
            below_thousand(rest / unit, &mut out);
            out.push(name.into());
            rest %= unit;
        }
    }
    below_thousand(rest, &mut out);
    out.join(" ")
}

/// Every fixture article of the repository, as documents.
fn fixture_documents() -> Vec<corroborate::Document> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [
        "examples/articles",
        "tests/fixtures/death-toll",
        "tests/fixtures/at-least",
        "tests/fixtures/share",
    ] {
        let entries = std::fs::read_dir(root.join(dir)).expect("fixture folders exist");
        paths.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    paths.sort();
    paths
        .iter()
        .map(|p| corroborate::Document::from_file(p).expect("a fixture loads"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn the_report_does_not_depend_on_the_order_of_documents(seed in any::<u64>()) {
        let docs = fixture_documents();
        let expected = serde_json::to_string(&corroborate::check(&docs)).expect("serialises");
        // A deterministic shuffle from the seed (Fisher–Yates over an LCG).
        let mut shuffled = docs.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let got = serde_json::to_string(&corroborate::check(&shuffled)).expect("serialises");
        prop_assert_eq!(expected, got);
    }
}
