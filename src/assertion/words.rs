//! Words around a mention: tokens, stems, and the small lexicon that maps
//! the many ways news names one measure onto one key.
//!
//! The lexicon is data, small and general: function words the measure
//! finder skips, auxiliaries it steps over, reporting verbs that are never
//! the measure, and synonym groups ("handed out" ~ "issued", "killed" ~
//! "deaths" ~ "death toll"). Stems come from a light suffix stripper; the
//! irregular forms it cannot handle are listed.

use crate::span::Span;

/// A word of a sentence: its span and its lower-cased text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub span: Span,
    pub lower: String,
}

/// The words of `text[range]` (letters, digits, apostrophes and inner
/// hyphens), with spans into `text`.
#[cfg(test)]
pub(crate) fn words(text: &str, range: Span) -> Vec<Word> {
    let mut out = Vec::new();
    words_into(text, range, &mut out);
    out
}

/// The words of `text[range]` (letters, digits, apostrophes and inner
/// hyphens), with spans into `text`, into `out`, replacing what it held and reusing its strings:
/// the words of one sentence after another are read without allocating
/// once the buffers have grown.
pub(crate) fn words_into(text: &str, range: Span, out: &mut Vec<Word>) {
    let mut n = 0;
    let Some(slice) = range.get(text) else {
        out.clear();
        return;
    };
    let b = slice.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (c, len) = char_at(slice, i);
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < b.len() {
            let (c, len) = char_at(slice, i);
            if c.is_alphanumeric() {
                i += len;
                continue;
            }
            // An inner apostrophe or hyphen: "officials'", no; "don't",
            // "well-known", yes.
            let next = i + len;
            if matches!(c, '\'' | '’' | '-')
                && next < b.len()
                && char_at(slice, next).0.is_alphanumeric()
            {
                i = next;
                continue;
            }
            break;
        }
        set_word(out, n, text, range.start + start, range.start + i);
        n += 1;
    }
    out.truncate(n);
}

/// The character at byte `i` of `s` (a char boundary) and its length,
/// without decoding ASCII.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    let byte = s.as_bytes()[i];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Make `out[n]` the word `text[start..end]`, reusing its string when
/// there is one.
fn set_word(out: &mut Vec<Word>, n: usize, text: &str, start: usize, end: usize) {
    let word = &text[start..end];
    let span = Span::new(start, end);
    if let Some(slot) = out.get_mut(n) {
        slot.span = span;
        slot.lower.clear();
        push_lower(&mut slot.lower, word);
    } else {
        let mut lower = String::with_capacity(word.len());
        push_lower(&mut lower, word);
        out.push(Word { span, lower });
    }
}

/// Append `word` in lower case to the empty string `buf`.
fn push_lower(buf: &mut String, word: &str) {
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether the text between two words holds a clause break: a comma,
/// semicolon, colon, full stop, dash or bracket; or a hole in the text (a
/// control character, or the replacement character standing for bytes that
/// were not text), since words on either side of one need not belong
/// together.
pub(crate) fn breaks_clause(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '.' | '—' | '–' | '(' | ')' | '"' | '“' | '”' | '!' | '?'
        ) || c == char::REPLACEMENT_CHARACTER
            || (c.is_control() && !c.is_whitespace())
    })
}

/// The words [`is_function_word`] looks for.
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_function_words(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "they"
            | "he"
            | "she"
            | "we"
            | "our"
            | "you"
            | "your"
            | "i"
            | "not"
            | "no"
            | "than"
            | "some"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "up"
            | "down"
            | "since"
            | "until"
            | "when"
            | "while"
            | "after"
            | "before"
            | "just"
            | "only"
            | "still"
            | "yet"
            | "all"
            | "each"
            | "every"
            | "other"
            | "another"
            | "more"
            | "most"
            | "less"
            | "fewer"
            | "least"
            | "further"
            | "additional"
            | "new"
            | "such"
            | "there"
            | "here"
            | "where"
            | "if"
            | "so"
            | "then"
            | "into"
            | "onto"
            | "per"
            | "across"
            | "between"
            | "among"
            | "during"
            | "within"
            | "without"
            | "against"
            | "what"
            | "how"
            | "why"
            | "also"
            | "even"
            | "both"
            | "either"
            | "neither"
            | "many"
            | "much"
            | "several"
            | "few"
            | "those's"
            | "whether"
            | "via"
    )
}

/// Function words: never part of a measure.
pub(crate) fn is_function_word(w: &str) -> bool {
    in_function_words(w)
}

/// The words [`is_auxiliary`] looks for.
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_auxiliaries(w: &str) -> bool {
    matches!(
        w,
        "have"
            | "has"
            | "had"
            | "been"
            | "be"
            | "being"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "now"
            | "already"
            | "reportedly"
            | "officially"
            | "still"
            | "currently"
            | "just"
            | "even"
            | "only"
            | "all"
            | "known"
            | "feared"
            | "presumed"
            | "so"
            | "far"
            | "also"
            | "since"
            | "then"
            | "once"
            | "recently"
            | "thought"
            | "believed"
            | "estimated"
            | "expected"
            | "said"
            | "say"
            | "says"
            | "get"
            | "got"
            | "gotten"
            | "do"
            | "did"
            | "does"
    )
}

/// Auxiliaries and adverbs the verb finder steps over.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    in_auxiliaries(w) || (w.len() > 4 && w.ends_with("ly"))
}

/// The words [`is_reporting_verb`] looks for.
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_reporting_verbs(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "reported"
            | "according"
            | "told"
            | "stated"
            | "announced"
            | "announces"
            | "claimed"
            | "estimated"
            | "confirmed"
            | "showed"
            | "added"
            | "noted"
            | "wrote"
            | "suggested"
            | "revealed"
            | "put"
            | "cited"
    )
}

/// Verbs of saying: they introduce a figure, they are never what it
/// measures.
pub(crate) fn is_reporting_verb(w: &str) -> bool {
    in_reporting_verbs(w)
}

/// Nouns that are plural without an "s".
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_plurals(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "staff"
            | "personnel"
            | "cattle"
            | "livestock"
            | "sheep"
            | "fish"
            | "aircraft"
            | "troops"
            | "data"
            | "media"
            | "crew"
    )
}

/// Past forms that are verbs whatever they end in.
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "died"
            | "fled"
            | "sold"
            | "won"
            | "lost"
            | "got"
            | "made"
            | "took"
            | "gave"
            | "went"
            | "came"
            | "left"
            | "fell"
            | "rose"
            | "grew"
            | "paid"
            | "spent"
            | "built"
            | "held"
            | "ran"
            | "saw"
            | "were"
            | "was"
            | "had"
            | "became"
            | "began"
            | "brought"
            | "bought"
            | "caught"
            | "drew"
            | "drove"
            | "fought"
            | "found"
            | "kept"
            | "led"
            | "met"
            | "put"
            | "sent"
            | "set"
            | "shut"
            | "stood"
            | "struck"
            | "swept"
            | "taught"
            | "thought"
            | "threw"
            | "wore"
            | "wrote"
            | "live"
            | "lives"
            | "remain"
            | "remains"
            | "face"
            | "faces"
    )
}

/// Whether a word after a figure ends its noun phrase: a verb by its form
/// ("killed", "died", "remain").
pub(crate) fn is_verb_like(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || in_irregular_past(w)
}

/// Whether a word is a plural noun, so that the noun phrase ends with it
/// ("4.5 million new permits have...", "nine people died").
pub(crate) fn is_plural_noun(w: &str) -> bool {
    in_plurals(w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("'s")
            && !w.ends_with("’s"))
}

/// Nouns that measure money, for a sum named without a noun after it ("put
/// the bill at $1.2bn", "will cost about $1.2bn").
pub(crate) fn is_money_concept(key: &str) -> bool {
    matches!(
        key,
        "cost"
            | "fund"
            | "budget"
            | "aid"
            | "fine"
            | "revenu"
            | "profit"
            | "loss"
            | "salary"
            | "wage"
            | "deal"
            | "contract"
            | "investment"
            | "grant"
            | "compensation"
    )
}

/// Whether a word is a small number spelled out ("two of the five").
pub(crate) fn is_spelled_number(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "dozen"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
    )
}

/// Pronouns that stand for a noun named before ("some 4,100 of them").
pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "them" | "those" | "these" | "which" | "whom" | "it" | "they"
    )
}

/// Particles that make a phrasal verb ("handed out").
pub(crate) fn is_particle(w: &str) -> bool {
    matches!(w, "out" | "up" | "off" | "over" | "down" | "away" | "back")
}

/// The words [`is_change_cue`] looks for.
///
/// The list is a `match`, which compiles to a few comparisons: the measure
/// finder asks about every word near every figure.
#[rustfmt::skip]
fn in_change_cues(w: &str) -> bool {
    matches!(
        w,
        "climbs"
            | "rises"
            | "jumps"
            | "soars"
            | "soared"
            | "surges"
            | "grows"
            | "drops"
            | "declines"
            | "slumps"
            | "slumped"
            | "doubled"
            | "doubles"
            | "tripled"
            | "halved"
            | "rose"
            | "rise"
            | "risen"
            | "increase"
            | "increased"
            | "increases"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "drop"
            | "dropped"
            | "cut"
            | "cuts"
            | "decline"
            | "declined"
            | "grew"
            | "grow"
            | "grown"
            | "jump"
            | "jumped"
            | "climbed"
            | "climb"
            | "shrank"
            | "shrink"
            | "gain"
            | "gained"
            | "lost"
            | "slid"
            | "surged"
            | "plunged"
            | "growth"
    )
}

/// Cue words that a figure is a change, not a level: "rose by", "a cut of".
pub(crate) fn is_change_cue(w: &str) -> bool {
    in_change_cues(w)
}

/// Cue words that a second figure is the same measure at another time or
/// place: "up from the 3.9 million", "compared with 40".
pub(crate) fn is_comparison_cue(w: &str) -> bool {
    matches!(
        w,
        "from" | "compared" | "versus" | "vs" | "against" | "previous" | "earlier" | "than"
    )
}

#[rustfmt::skip]
const CUMULATIVE: &[&str] = &[
    "issue", "death", "injur", "arrest", "total", "cumul", "displac", "vaccin", "file",
    "sell", "rais", "donat", "evacu", "infect", "build", "deport",
];

/// Words that make a measure a running total, so that it cannot fall over
/// time: "issued", "killed", "total", "so far".
pub(crate) fn is_cumulative(stem: &str) -> bool {
    CUMULATIVE.contains(&stem)
}

/// The concept a stem belongs to, for stems that name one measure in
/// different words. Stems are as [`stem`] makes them.
fn concept(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "issu" | "hand out" | "grant" | "distribut" | "give out" | "hand over" | "give" => "issue",
        "death" | "dead" | "die" | "kill" | "fatal" | "fataliti" | "toll" | "death toll"
        | "live lost" => "death",
        "injur" | "injuri" | "wound" | "hurt" => "injur",
        "arrest" | "detain" | "detent" | "detaine" => "arrest",
        "displac" | "flee" | "evacu" | "evacue" => "displac",
        "sell" | "sale" | "sold" => "sell",
        "win" | "won" | "secur" | "take" | "taken" => "win",
        "annex" | "seiz" | "captur" | "occupi" | "occupy" | "took" => "seize",
        "invad" | "invasion" => "invad",
        "vote" | "ballot" => "vote",
        "remain" | "liv" | "stay" | "shelter" | "hous" | "accommodat" | "sleep" => "stay",
        "lodg" | "fil" | "submit" | "receiv" | "regist" | "record" | "mad" => "file",
        "cost" | "bill" | "damag" | "price" | "expens" | "spend" | "spent" => "cost",
        "cancel" | "cancell" | "scrap" | "axe" | "ax" | "call off" | "ground" => "cancel",
        "delay" | "postpon" => "delay",
        "rescu" | "sav" | "pull" | "pull out" => "rescue",
        "forecast" | "expect" | "project" | "predict" | "anticipat" => "forecast",
        "person" | "people" => "person",
        "child" | "children" => "child",
        _ => return None,
    })
}

/// Whether a key is one of the lexicon's concepts, so that two different
/// known concepts name different measures ("died" against "rescued"),
/// where two unknown verbs may just be two ways of saying one thing.
pub fn is_concept(key: &str) -> bool {
    CONCEPTS.contains(&key)
}

const CONCEPTS: &[&str] = &[
    "issue", "death", "injur", "arrest", "displac", "sell", "win", "seize", "invad", "vote",
    "stay", "file", "cost", "cancel", "delay", "rescue", "forecast", "person", "child",
];

/// Nouns too general to say what is measured: "nine people died" measures
/// deaths, "2,000 residents were evacuated" evacuations.
pub(crate) fn is_generic_noun(key: &str) -> bool {
    matches!(
        key,
        "person" | "resident" | "civilian" | "individual" | "victim" | "child" | "adult"
    )
}

/// Whether a word may stand between a figure and the "a day" or "per
/// head" that makes it a rate: a counted noun or its adjective ("450 new
/// arrivals a day"), not a preposition, an article, a conjunction or a
/// verb ("450 in a day", "2,000 were issued a year ago").
pub(crate) fn may_precede_rate(w: &str) -> bool {
    let function_word = matches!(
        w,
        "in" | "for"
            | "within"
            | "over"
            | "during"
            | "than"
            | "of"
            | "to"
            | "from"
            | "by"
            | "since"
            | "on"
            | "at"
            | "after"
            | "before"
            | "and"
            | "or"
            | "but"
            | "the"
            | "that"
            | "who"
            | "which"
            | "up"
            | "down"
            | "ago"
    );
    if function_word {
        return false;
    }
    let verb = is_copula(w)
        || is_auxiliary(w)
        || is_reporting_verb(w)
        || (w.ends_with("ed") && w.len() > 4);
    !verb
}

/// Copulas: "nine were children" says what the nine are, not what they did.
pub(crate) fn is_copula(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been")
}

/// A light stem: lower case, possessive and plural removed, common verb
/// endings stripped, a final "e" dropped, a doubled final consonant
/// undoubled. Enough to bring "permits" and "permit", "issued" and
/// "issue", "killing" and "kill" together; not a linguist's stemmer.
pub(crate) fn stem(word: &str) -> String {
    let w = word
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('\'');
    let irregular = match w {
        "people" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "died" | "dies" | "dying" => Some("die"),
        "sold" => Some("sell"),
        "fled" => Some("flee"),
        "spent" => Some("spend"),
        "given" | "gave" => Some("give"),
        "taken" | "took" => Some("take"),
        "won" => Some("win"),
        "lost" => Some("lose"),
        "paid" => Some("pay"),
        "held" => Some("hold"),
        "built" => Some("build"),
        "seized" => Some("seiz"),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    let mut s = w.to_string();
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ] {
        if s.len() > suffix.len() + 2
            && s.ends_with(suffix)
            && !(suffix == "s" && (s.ends_with("ss") || s.ends_with("us") || s.ends_with("is")))
        {
            s.truncate(s.len() - suffix.len());
            s.push_str(replacement);
            break;
        }
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    let b = s.as_bytes();
    if b.len() > 3
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z' | b'e' | b'o')
    {
        s.pop();
    }
    s
}

/// The key a word is compared under: its concept when the lexicon has one,
/// else its stem.
pub(crate) fn key(word: &str) -> String {
    let s = stem(word);
    concept(&s).map_or(s, str::to_string)
}

/// The key of a phrasal verb ("handed out" → "issue"), when the pair has
/// one of its own.
pub(crate) fn phrasal_key(verb: &str, particle: &str) -> Option<String> {
    let phrase = format!("{} {particle}", stem(verb));
    concept(&phrase).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_bring_forms_together() {
        for (a, b) in [
            ("permits", "permit"),
            ("issued", "issue"),
            ("killing", "kill"),
            ("regions", "region"),
            ("properties", "property"),
            ("stopped", "stop"),
            ("seats", "seat"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_ne!(stem("troops"), stem("trips"));
    }

    #[test]
    fn synonyms_share_a_key() {
        assert_eq!(key("killed"), key("deaths"));
        assert_eq!(key("dead"), key("deaths"));
        assert_eq!(
            phrasal_key("handed", "out").as_deref(),
            Some(key("issued").as_str())
        );
        assert_ne!(key("visitors"), key("tickets"));
    }

    #[test]
    fn words_keep_spans_and_inner_hyphens() {
        let text = "Around 4.5 million permits—issued, it's said";
        let ws = words(text, Span::new(0, text.len()));
        let lower: Vec<_> = ws.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "around", "4", "5", "million", "permits", "issued", "it's", "said"
            ]
        );
        assert_eq!(ws[4].span.get(text), Some("permits"));
    }
}
