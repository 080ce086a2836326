//! Stories: which documents of a batch report the same story.
//!
//! A batch may mix many stories, and the same measure ("homes damaged",
//! "people evacuated") turns up in most of them. Figures of two stories
//! must never be held against each other, however alike their measures and
//! dates. Reports of one story name the same places, people and bodies;
//! reports of two stories mostly do not. So each document gets a small set
//! of *names*: the capitalised words it uses inside sentences ("Brellin",
//! "Lenmark", "Authority"), the commonest first. Two documents are of one
//! story when they share a name that is rare enough in the batch to tell
//! stories apart; a document that names nothing could be of any story.
//!
//! Within each group of same-measure figures, the documents are joined
//! into stories through their shared names (union-find over a name index,
//! never by comparing every pair), and each story is reconciled on its own.
//!
//! # Rules
//!
//! - A name is a word (letters and digits) of at least three characters
//!   that starts with a capital letter and follows a letter, a digit, a
//!   comma, a semicolon or a hyphen (so not the first word of a sentence, a
//!   headline or a quotation), and is not a word of dates (a month, a
//!   weekday, a season) or a title ("Mrs"). Acronyms count ("NATO"), and
//!   so do names with digits ("A320").
//! - A document keeps its [`NAMES_KEPT`] most frequent names.
//! - A name links documents only when at most [`link_cap`] documents of the
//!   batch use it: a name in every tenth article of a large batch (a news
//!   agency, a capital city) says nothing about the story.

use std::collections::BTreeMap;

use crate::assertion::words::char_at;

/// How many names a document keeps, the most frequent first.
pub(super) const NAMES_KEPT: usize = 24;

/// The most documents a name may appear in and still link them: all of a
/// small batch, and a fiftieth of a large one.
pub(super) fn link_cap(documents: usize) -> usize {
    (documents / 50).max(16)
}

/// Capitalised words that name no story, besides the words of dates
/// (months, weekdays, seasons: see [`is_name`]).
const NOT_NAMES: &[&str] = &["mrs", "miss", "sir", "the"];

/// The names of a text from byte `from` on, lower-cased, the most frequent
/// first (ties in alphabetical order), at most [`NAMES_KEPT`].
///
/// One pass over the bytes; only words that start with a capital are
/// looked at further, and a name is copied once, when first seen.
pub(super) fn names(text: &str, from: usize) -> Vec<String> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let b = body.as_bytes();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut lowered = String::new();
    // The last character that was not a space; `None` at a line start.
    let mut before: Option<char> = None;
    let mut i = 0;
    while i < b.len() {
        // Most words start in lower case or with a digit: skipped whole.
        if b[i].is_ascii_lowercase() || b[i].is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
                i += 1;
            }
            before = Some(char::from(b[i - 1]));
            continue;
        }
        let (c, len) = char_at(body, i);
        if !c.is_alphanumeric() {
            if c == '\n' || c == '\r' {
                before = None;
            } else if !c.is_whitespace() {
                before = Some(c);
            }
            i += len;
            continue;
        }
        let start = i;
        let mut last = c;
        while i < b.len() {
            let (c, len) = char_at(body, i);
            let inner_apostrophe =
                c == '\'' && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if !(c.is_alphanumeric() || inner_apostrophe) {
                break;
            }
            last = c;
            i += len;
        }
        let word = &body[start..i];
        if c.is_uppercase() && is_name(word, before) {
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            match counts.get_mut(lowered.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(lowered.clone(), 1);
                }
            }
        }
        before = Some(last);
    }
    let mut ranked: Vec<(usize, String)> = counts.into_iter().map(|(w, n)| (n, w)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(NAMES_KEPT)
        .map(|(_, w)| w)
        .collect()
}

/// Whether `word`, after the non-space character `before` (none at the
/// start of a line), is a name inside a sentence.
fn is_name(word: &str, before: Option<char>) -> bool {
    let mid_sentence = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-'));
    mid_sentence
        && word.chars().nth(2).is_some()
        && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(word))
        && !crate::extract::is_time_word(word)
}

/// The names of every document of a batch, reduced to the ones that link
/// documents, as small integers.
pub(super) struct Stories<'d> {
    /// Per document id, its linking names, sorted, and whether it names
    /// anything rare enough to tell its story (a document whose names are
    /// all its own is a story of its own; one whose names are all common,
    /// or that names nothing, could be of any story).
    names: BTreeMap<&'d str, (Vec<u32>, bool)>,
}

impl<'d> Stories<'d> {
    /// Index the names of `docs` (document id, names).
    pub fn new(docs: &[(&'d str, Vec<String>)]) -> Stories<'d> {
        let mut frequency: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, names) in docs {
            for n in names {
                *frequency.entry(n.as_str()).or_default() += 1;
            }
        }
        let cap = link_cap(docs.len());
        // Only names used by two documents or more can link anything.
        let ids: BTreeMap<&str, u32> = frequency
            .iter()
            .filter(|&(_, &n)| n >= 2 && n <= cap)
            .enumerate()
            .map(|(id, (&name, _))| (name, id as u32))
            .collect();
        let names = docs
            .iter()
            .map(|(doc, names)| {
                let mut linking: Vec<u32> = names
                    .iter()
                    .filter_map(|n| ids.get(n.as_str()).copied())
                    .collect();
                linking.sort_unstable();
                let telling = names
                    .iter()
                    .any(|n| frequency.get(n.as_str()).is_some_and(|&f| f <= cap));
                (*doc, (linking, telling))
            })
            .collect();
        Stories { names }
    }

    /// Split `members` (indices of figures, with the document of each
    /// given by `doc_of`) into stories: the figures of documents joined by
    /// shared names, each story with the figures of the documents that
    /// name nothing. One story (the usual case for a batch about one
    /// event) gives `members` back whole.
    pub fn split<'a>(
        &self,
        members: Vec<usize>,
        doc_of: impl Fn(usize) -> &'a str,
    ) -> Vec<Vec<usize>> {
        let mut docs: Vec<&str> = members.iter().map(|&i| doc_of(i)).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            return vec![members];
        }
        // Union-find over the documents, through the first document seen
        // with each name.
        let mut parent: Vec<usize> = (0..docs.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut first_with: BTreeMap<u32, usize> = BTreeMap::new();
        let mut nameless = vec![false; docs.len()];
        for (d, doc) in docs.iter().enumerate() {
            let (names, telling) = self
                .names
                .get(doc)
                .map_or((&[][..], false), |(n, t)| (n.as_slice(), *t));
            nameless[d] = !telling;
            for &n in names {
                match first_with.get(&n) {
                    Some(&other) => {
                        let (a, b) = (root(&mut parent, d), root(&mut parent, other));
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        first_with.insert(n, d);
                    }
                }
            }
        }
        let mut story_of = vec![usize::MAX; docs.len()];
        let mut stories = 0;
        for d in 0..docs.len() {
            if nameless[d] {
                continue;
            }
            let r = root(&mut parent, d);
            if story_of[r] == usize::MAX {
                story_of[r] = stories;
                stories += 1;
            }
            story_of[d] = story_of[r];
        }
        if stories <= 1 {
            return vec![members];
        }
        let mut out = vec![Vec::new(); stories];
        for &i in &members {
            let Ok(d) = docs.binary_search(&doc_of(i)) else {
                continue;
            };
            if nameless[d] {
                for story in &mut out {
                    story.push(i);
                }
            } else {
                out[story_of[d]].push(i);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_words_inside_sentences() {
        let text = "Flood hits Brellin\nThe river rose in Brellin on Monday, \
                    the Lenmark Authority said. Officials in Brellin and NATO agreed.";
        assert_eq!(names(text, 0), ["brellin", "authority", "lenmark", "nato"]);
        assert!(names("The cat sat. It was March.", 0).is_empty());
    }

    #[test]
    fn documents_are_split_into_stories_through_shared_names() {
        let docs = [
            ("a", vec!["brellin".to_string(), "lenmark".to_string()]),
            ("b", vec!["lenmark".to_string()]),
            ("c", vec!["orvane".to_string(), "kessel".to_string()]),
            ("d", vec!["kessel".to_string()]),
            ("e", Vec::new()),
            ("f", vec!["tavish".to_string()]),
        ];
        let stories = Stories::new(&docs);
        // Figures 0..6 are in documents a..f; f names only what no other
        // document names: a story of its own.
        let ids = ["a", "b", "c", "d", "e", "f"];
        let split = stories.split(vec![0, 1, 2, 3, 4, 5], |i| ids[i]);
        assert_eq!(split, [vec![0, 1, 4], vec![2, 3, 4], vec![4, 5]]);
        // One story, or a single document: unchanged.
        assert_eq!(stories.split(vec![0, 1, 4], |i| ids[i]), [vec![0, 1, 4]]);
        assert_eq!(stories.split(vec![2], |i| ids[i]), [vec![2]]);
    }

    #[test]
    fn names_in_too_many_documents_link_nothing() {
        let mut docs: Vec<(String, Vec<String>)> = (0..100)
            .map(|i| {
                (
                    format!("d{i:03}"),
                    vec!["agency".to_string(), format!("town{}", i / 2)],
                )
            })
            .collect();
        docs.push(("lone".into(), vec!["agency".into()]));
        let borrowed: Vec<(&str, Vec<String>)> =
            docs.iter().map(|(d, n)| (d.as_str(), n.clone())).collect();
        let stories = Stories::new(&borrowed);
        let ids: Vec<&str> = docs.iter().map(|(d, _)| d.as_str()).collect();
        // d000 and d001 share a town; d002 has another; "lone" shares only
        // the agency, which is in every document, and so names nothing.
        let split = stories.split(vec![0, 1, 2, 100], |i| ids[i]);
        assert_eq!(split, [vec![0, 1, 100], vec![2, 100]]);
    }
}
