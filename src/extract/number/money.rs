//! Currencies named before or after an amount: "$", "US$", "£", "€",
//! "Rs", "USD", "dollars", "australian dollars", "yen".
//!
//! # Grammar
//!
//! ```text
//! prefix   = [ country ] "$"            -- "$", "US$", "C$", "HK$", "Mex$"
//!          | country space "$"           -- "us $", "hk $", "c $" (tokenised
//!                                        --   newswire)
//!          | symbol                      -- "£", "€", "₹", "¥", "₩", "₽"
//!          | "Rs" [ "." ] | "Rp" [ "." ]
//!          | [ "M" ] iso                 -- "USD", "EUR"; "MUSD" is millions
//! suffix   = [ space ] ( symbol | "$" | [ "M" ] iso )   -- "10 €", "115USD"
//!          | space [ nation space ] currency-word       -- "250 million
//!                                        --   dollars", "10 swiss francs"
//!          | "-" currency-word            -- "one-yen"
//! cents    = [ space "and" ] space amount [ space ( "cents" | "cent"
//!            | "pence" ) ]                -- "3 dollars 50 cents", "$ 100
//!                                         --   and fifty", "17 USD 25"
//! ```
//!
//! Cents follow a whole amount without a scale, are below a hundred, and
//! are not followed by a word of their own ("15 dollars 20 times" is not
//! 15.20).
//!
//! The currency is the ISO 4217 code when the text says which one
//! ("US$" is USD, "€" EUR, "rupees" INR, "yen" JPY, "yuan" CNY), and the
//! bare "$" or "£" when it does not say which dollar or pound. "pounds" is
//! money only after a scale word ("361 million pounds") or before
//! "sterling"; otherwise it is a weight (see [`super::unit`]).

use super::amount::{Amount, amount};
use super::lexicon::{self, Role};
use super::words::{gap, lower, word};

/// ISO codes read as currencies. Upper case always; lower case only for
/// the ones whose lower-case spelling is not an English word.
const ISO: [&str; 34] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "HKD", "NZD", "SGD",
    "MXN", "BRL", "ZAR", "RUB", "KRW", "SEK", "NOK", "DKK", "TRY", "PKR", "NGN", "KES", "EGP",
    "SAR", "AED", "ILS", "THB", "IDR", "MYR", "PLN", "BDT",
];

const LOWER_ISO: [&str; 11] = [
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "chf", "cad", "aud", "hkd",
];

/// A currency code, as written (upper case, or a safe lower-case one).
fn iso(code: &str) -> Option<&'static str> {
    // Asked about many words: reject on the length first.
    if code.len() != 3 {
        return None;
    }
    let found = ISO.iter().find(|&&c| c == code).or_else(|| {
        LOWER_ISO
            .iter()
            .position(|&c| c == code)
            .and_then(|i| ISO.iter().find(|&&c| c.eq_ignore_ascii_case(LOWER_ISO[i])))
    })?;
    Some(if *found == "RMB" { "CNY" } else { found })
}

/// A code with an optional "M" for millions ("MUSD"): the code and the
/// scale.
fn scaled_iso(code: &str) -> Option<(&'static str, f64)> {
    if let Some(c) = iso(code) {
        return Some((c, 1.0));
    }
    let rest = code.strip_prefix('M')?;
    Some((iso(rest).filter(|_| rest.len() == 3)?, 1e6))
}

/// The dollar a country prefix names ("US" in "US$").
fn dollar_of(country: &str) -> Option<&'static str> {
    let mut buf = [0u8; 16];
    let c = lower(country, &mut buf)?;
    Some(match c {
        "us" | "u.s" | "u.s." | "usd" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "mex" | "mx" | "mxn" => "MXN",
        "r" => "BRL",
        "nt" => "TWD",
        _ => return None,
    })
}

/// A currency symbol other than the dollar.
fn symbol(s: &str) -> Option<(&'static str, usize)> {
    let c = s.chars().next()?;
    let code = match c {
        '£' => "£",
        '€' => "EUR",
        '₹' => "INR",
        '¥' => "JPY",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        '₦' => "NGN",
        '元' => "CNY",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        '₱' => "PHP",
        '₫' => "VND",
        '₴' => "UAH",
        '₪' => "ILS",
        _ => return None,
    };
    Some((code, c.len_utf8()))
}

/// Spaces (and tabs) at the start of `s`: their length.
fn spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ' || b == b'\t').count()
}

/// A currency written before an amount. Returns the currency, the scale
/// it implies ("MUSD": millions) and the rest, spaces after it skipped.
pub(super) fn prefix(s: &str) -> Option<(&'static str, f64, &str)> {
    // Asked at every amount: digits start no currency, and only a sign
    // starts one with a byte that is not ASCII.
    let first = *s.as_bytes().first()?;
    if first.is_ascii_digit() {
        return None;
    }
    let skip = |rest: &str| -> usize { spaces(rest) };
    if let Some(rest) = s.strip_prefix('$') {
        return Some(("$", 1.0, &rest[skip(rest)..]));
    }
    if first >= 0x80 {
        let (code, len) = symbol(s)?;
        let rest = &s[len..];
        return Some((code, 1.0, &rest[skip(rest)..]));
    }
    // A country before "$", glued ("US$") or spaced ("us $"), with dots
    // ("u.s $").
    let n = s
        .bytes()
        .take_while(|&b| b.is_ascii_alphabetic() || b == b'.')
        .count();
    if n == 0 {
        return None;
    }
    // Every currency in letters begins with a word of the lexicon's
    // (most words do not: "the 5").
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !lexicon::role(&s[..letters]).has(Role::CURRENCY) {
        return None;
    }
    let head = &s[..n];
    let after = &s[n..];
    if let Some(rest) = after.strip_prefix('$') {
        let code = dollar_of(head)?;
        return Some((code, 1.0, &rest[skip(rest)..]));
    }
    let gap = spaces(after);
    if gap > 0
        && let Some(rest) = after[gap..].strip_prefix('$')
    {
        // Only countries that are not ordinary words: "a $5 bill" is
        // not Australian.
        let mut buf = [0u8; 16];
        let c = lower(head, &mut buf)?;
        if matches!(c, "us" | "u.s" | "u.s." | "hk" | "c" | "nz") {
            let code = dollar_of(head)?;
            return Some((code, 1.0, &rest[skip(rest)..]));
        }
        return None;
    }
    // "USD115": a code glued to digits.
    if (n == 3 || n == 4)
        && let Some((code, scale)) = scaled_iso(head)
        && after.as_bytes().first().is_some_and(u8::is_ascii_digit)
    {
        return Some((code, scale, after));
    }
    let (w, rest) = word(s)?;
    if w == "Rp" {
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let gap = spaces(rest);
        return Some(("IDR", 1.0, &rest[gap..]));
    }
    if w == "Rs" || w == "rs" || w == "RS" {
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let gap = spaces(rest);
        return Some(("INR", 1.0, &rest[gap..]));
    }
    if let Some((code, scale)) = scaled_iso(w) {
        let gap = spaces(rest);
        return Some((code, scale, &rest[gap..]));
    }
    None
}

/// Whether a word is a currency code glued to digits ("usd115", lower
/// case as the scanner sees it), so that it can anchor an expression.
#[inline]
pub(super) fn is_glued_code(word: &str) -> bool {
    // Asked about most words of a text: most end in a letter.
    if !word.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let n = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    (3..=4).contains(&n)
        && word.len() > n
        && word[n..].bytes().all(|b| b.is_ascii_digit())
        && word.get(..n).is_some_and(|c| {
            LOWER_ISO.contains(&c) || c.strip_prefix('m').is_some_and(|c| LOWER_ISO.contains(&c))
        })
}

/// Cents after a sum of money in whole units: "50 cents" of "3 dollars 50
/// cents", "and fifty" of "$ 100 and fifty". Returns the fraction of a
/// unit and the rest.
pub(super) fn cents<'s>(whole: &Amount, rest: &'s str) -> Option<(f64, &'s str)> {
    let v = whole.figure.value;
    if whole.scale != 1.0
        || whole.share
        || v.fract() != 0.0
        || whole.figure.low != whole.figure.high
    {
        return None;
    }
    let mut at = gap(rest).filter(|_| rest.starts_with(' '))?;
    let mut and = false;
    if let Some((w, after)) = word(at)
        && w.eq_ignore_ascii_case("and")
    {
        at = gap(after)?;
        and = true;
    }
    let (c, after) = amount(at, false)?;
    let n = c.figure.value;
    if c.share || c.scale != 1.0 || n.fract() != 0.0 || !(1.0..100.0).contains(&n) {
        return None;
    }
    let g = spaces(after);
    // After "and", only the end of the sentence or "cents" says these are
    // cents: "€5 and 12 others" is two numbers.
    let ends = after[g..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ';'));
    match word(&after[g..]) {
        None => ends.then_some((n / 100.0, after)),
        Some((w, tail)) => {
            let mut buf = [0u8; 16];
            match lower(w, &mut buf)? {
                "cents" | "cent" | "pence" if g > 0 => Some((n / 100.0, tail)),
                "and" | "more" | "less" | "or" if g > 0 && !and => Some((n / 100.0, after)),
                _ => None,
            }
        }
    }
}

/// What a currency word after an amount names, given the nationality word
/// before it, if any.
fn currency_word(word: &str, nation: Option<&str>, scaled: bool) -> Option<&'static str> {
    let w = word;
    let stem = w.strip_suffix('s').unwrap_or(w);
    let code = match (stem, nation) {
        ("dollar", Some("us" | "u.s." | "american")) => "USD",
        ("dollar", Some("australian")) => "AUD",
        ("dollar", Some("canadian")) => "CAD",
        ("dollar", Some("singapore")) => "SGD",
        ("dollar", Some("zealand")) => "NZD",
        ("dollar", Some("kong")) => "HKD",
        ("dollar", Some("taiwan")) => "TWD",
        ("dollar", None) => "$",
        ("euro", None) => "EUR",
        ("pound", Some("british")) => "GBP",
        ("pound", Some("egyptian")) => "EGP",
        ("pound", None) if scaled => "£",
        ("yen", None | Some("japanese")) => "JPY",
        ("yuan" | "renminbi" | "rmb" | "kuai", None | Some("chinese")) => "CNY",
        ("rupee", None | Some("indian")) => "INR",
        ("rupee", Some("pakistani")) => "PKR",
        ("rupee", Some("sri")) => "LKR",
        ("franc", Some("swiss")) => "CHF",
        ("lira", Some("turkish")) => "TRY",
        ("peso", Some("mexican")) => "MXN",
        ("ruble" | "rouble", None | Some("russian")) => "RUB",
        ("rand", Some("african")) => "ZAR",
        ("naira", None | Some("nigerian")) => "NGN",
        ("shilling", Some("kenyan")) => "KES",
        ("real", Some("brazilian")) => "BRL",
        ("reai", None | Some("brazilian")) => "BRL",
        _ => return None,
    };
    Some(code)
}

/// A currency written after an amount. `scaled` says the amount had a
/// scale word (so "pounds" is money). Returns the currency, its scale
/// ("MUSD") and the rest.
pub(super) fn suffix(s: &str, scaled: bool) -> Option<(&'static str, f64, &str)> {
    let gap = spaces(s);
    let at = &s[gap..];
    if gap <= 1 {
        if let Some(rest) = at.strip_prefix('$')
            && !rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return Some(("$", 1.0, rest));
        }
        if let Some((code, len)) = symbol(at) {
            return Some((code, 1.0, &at[len..]));
        }
    }
    if gap == 0 {
        // "115USD", "one-yen".
        let (w, rest) = word(s).or_else(|| word(s.strip_prefix('-')?))?;
        // Most words after an amount are no currency: one look-up says so.
        if !lexicon::role(w).has(Role::MONEY) {
            return None;
        }
        if let Some((code, scale)) = scaled_iso(w) {
            return Some((code, scale, rest));
        }
        let mut buf = [0u8; 16];
        let lw = lower(w, &mut buf)?;
        return currency_word(lw, None, scaled).map(|c| (c, 1.0, rest));
    }
    let (w, rest) = word(at)?;
    if !lexicon::role(w).has(Role::MONEY) {
        return None;
    }
    if let Some((code, scale)) = scaled_iso(w) {
        return Some((code, scale, rest));
    }
    let mut buf = [0u8; 16];
    let lw = lower(w, &mut buf)?;
    if lw == "pound" || lw == "pounds" {
        // "pounds sterling" is money whatever the amount.
        let g = spaces(rest);
        if let Some((next, after)) = word(&rest[g..])
            && next.eq_ignore_ascii_case("sterling")
        {
            return Some(("GBP", 1.0, after));
        }
    }
    if let Some(code) = currency_word(lw, None, scaled) {
        return Some((code, 1.0, rest));
    }
    // A nationality, then the currency word: "australian dollars", "hong
    // kong dollars", "us dollar".
    let mut nation_buf = [0u8; 16];
    let mut nation = lower(w, &mut nation_buf)?;
    let mut after = rest;
    if matches!(nation, "hong" | "new" | "south" | "sri") {
        let g = spaces(after);
        let (w2, r2) = word(&after[g..])?;
        let mut buf2 = [0u8; 16];
        let l2 = lower(w2, &mut buf2)?;
        nation = match l2 {
            "kong" => "kong",
            "zealand" => "zealand",
            "african" => "african",
            "lankan" => "sri",
            _ => return None,
        };
        after = r2;
    }
    let nation = if nation == "u" { "us" } else { nation };
    let g = spaces(after);
    if g == 0 {
        // "u.s. dollars" leaves ".s." glued; accept only the plain forms.
        return None;
    }
    let (cw, rest) = word(&after[g..])?;
    let mut buf3 = [0u8; 16];
    let lc = lower(cw, &mut buf3)?;
    currency_word(lc, Some(nation), scaled).map(|c| (c, 1.0, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("$5", Some(("$", "5"))),
            ("$ 75 million", Some(("$", "75 million"))),
            ("US$ 1MM", Some(("USD", "1MM"))),
            ("us $ 150", Some(("USD", "150"))),
            ("c $ 16.4", Some(("CAD", "16.4"))),
            ("C$5", Some(("CAD", "5"))),
            ("HK$5", Some(("HKD", "5"))),
            ("a $5 bill", None),
            ("€1.84bn", Some(("EUR", "1.84bn"))),
            ("£ 8.10", Some(("£", "8.10"))),
            ("Rs 600 crore", Some(("INR", "600 crore"))),
            ("Rs. 600", Some(("INR", "600"))),
            ("USD 200", Some(("USD", "200"))),
            ("USD115", Some(("USD", "115"))),
            ("usd$ 15", Some(("USD", "15"))),
            ("the 5", None),
            ("try 5", None),
        ];
        for &(input, want) in cases {
            let got = prefix(input).map(|(c, _, rest)| (c, rest));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn suffixes() {
        type Case = (&'static str, bool, Option<(&'static str, &'static str)>);
        let cases: &[Case] = &[
            (" dollars", false, Some(("$", ""))),
            (" euros.", false, Some(("EUR", "."))),
            (" yen from", false, Some(("JPY", " from"))),
            (" yuan", false, Some(("CNY", ""))),
            (" rupees", false, Some(("INR", ""))),
            (" australian dollars", false, Some(("AUD", ""))),
            (" swiss francs", false, Some(("CHF", ""))),
            (" hong kong dollars", false, Some(("HKD", ""))),
            (" us dollars", false, Some(("USD", ""))),
            (" pounds", true, Some(("£", ""))),
            (" pounds", false, None),
            (" pounds sterling", false, Some(("GBP", ""))),
            ("USD", false, Some(("USD", ""))),
            (" MEUR", false, Some(("EUR", ""))),
            (" €", false, Some(("EUR", ""))),
            ("-yen bid", false, Some(("JPY", " bid"))),
            (" people", false, None),
        ];
        for &(input, scaled, want) in cases {
            let got = suffix(input, scaled).map(|(c, _, rest)| (c, rest));
            assert_eq!(got, want, "{input}");
        }
    }
}
