//! The report: findings a fact-checker can verify in seconds.
//!
//! A [`Report`] lists the documents with their dates, then the findings,
//! each with its [`Verdict`], the measure it concerns, a one-sentence
//! message, the arithmetic when there is some, and the exact quoted spans
//! of every source it rests on; then the assertions seen in one source
//! only. It serialises to the stable JSON documented in the README and
//! renders as text with [`std::fmt::Display`]: conflicts first, then
//! derived checks, then agreements, then unverified claims.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::mention::Diagnostic;

/// What a finding concludes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The same measure at the same time, with values that cannot both be
    /// right.
    Conflict,
    /// A figure that should follow from others by arithmetic, and does not.
    DerivedConflict,
    /// Times that should agree and do not (a weekday that is not its
    /// date's, one event dated apart in two sources).
    TemporalConflict,
    /// A figure that follows from others by arithmetic.
    DerivedAgree,
    /// The same measure at the same time, with values that overlap.
    Agree,
    /// Times that agree (a weekday that is its date's, a relative date in
    /// one source landing on an absolute one in another, an event dated
    /// alike).
    TemporalAgree,
}

impl Verdict {
    /// The verdict's name in JSON and text ("derived-agree").
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::DerivedConflict => "derived-conflict",
            Verdict::TemporalConflict => "temporal-conflict",
            Verdict::DerivedAgree => "derived-agree",
            Verdict::Agree => "agree",
            Verdict::TemporalAgree => "temporal-agree",
        }
    }
}

/// A quoted span of one source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// The document's id (for a file, its file name).
    pub doc: String,
    /// Byte offset of the quote in the file as read, header included.
    pub start: usize,
    /// Byte offset one past the quote's end.
    pub end: usize,
    /// The exact quoted text.
    pub text: String,
    /// What the quote contributes: "figure", "time", "date", "event".
    pub role: String,
}

/// The distance between two conflicting figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The distance between the nearest ends of the two intervals.
    pub absolute: f64,
    /// The same, in percent of the larger figure.
    pub percent: f64,
}

/// One conclusion, with everything needed to check it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What the finding concludes.
    pub verdict: Verdict,
    /// The measure, in words ("permits issued").
    pub measure: String,
    /// One sentence saying why.
    pub message: String,
    /// The quoted spans of every source used.
    pub evidence: Vec<Evidence>,
    /// The arithmetic, when the finding rests on some.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub arithmetic: Option<String>,
    /// For a conflict between figures: how far apart they are.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gap: Option<Gap>,
}

/// A claim seen in one source only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unverified {
    /// The document's id, shared with the document's other entries.
    #[serde(with = "crate::assertion::shared_str")]
    pub doc: Arc<str>,
    /// Byte offset of the figure or date.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its text.
    pub text: String,
    /// The measure, in words (empty when none was found).
    pub measure: String,
    /// The assertion's kind ("stock", "flow", "share", "event", ...).
    pub kind: Cow<'static, str>,
}

/// A document as the report saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// The id used in evidence.
    pub id: String,
    /// The file it was read from, when it was.
    pub path: Option<String>,
    /// Its publication date, when known.
    pub published: Option<Date>,
    /// Where the date came from: "given", "header", "inferred" or "none".
    pub published_source: String,
    /// Problems found in it (bad dates, weekday mismatches, bad bytes).
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything the reconciler concluded about a set of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The documents, sorted by id.
    pub documents: Vec<DocumentSummary>,
    /// The findings: conflicts, then derived checks, then agreements.
    pub findings: Vec<Finding>,
    /// Claims seen in one source only.
    pub unverified: Vec<Unverified>,
}

impl Report {
    /// The findings with a given verdict.
    pub fn with_verdict(&self, verdict: Verdict) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.verdict == verdict)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Documents")?;
        for d in &self.documents {
            let date = d.published.map_or("date unknown".to_string(), |p| {
                format!("dated {p} ({})", d.published_source)
            });
            writeln!(f, "  {}  {date}", d.id)?;
            for diag in &d.diagnostics {
                writeln!(
                    f,
                    "    ! {}..{}: {}",
                    diag.span.start, diag.span.end, diag.message
                )?;
            }
        }
        let sections = [
            (
                "Conflicts",
                &[
                    Verdict::Conflict,
                    Verdict::DerivedConflict,
                    Verdict::TemporalConflict,
                ][..],
            ),
            ("Derived checks that hold", &[Verdict::DerivedAgree][..]),
            ("Agreements", &[Verdict::Agree, Verdict::TemporalAgree][..]),
        ];
        for (title, verdicts) in sections {
            let found: Vec<&Finding> = self
                .findings
                .iter()
                .filter(|x| verdicts.contains(&x.verdict))
                .collect();
            writeln!(f, "\n{title} ({})", found.len())?;
            for x in found {
                writeln!(f, "\n  [{}] {}", x.verdict.name(), x.measure)?;
                writeln!(f, "    {}", x.message)?;
                if let Some(a) = &x.arithmetic {
                    writeln!(f, "    arithmetic: {a}")?;
                }
                for e in &x.evidence {
                    writeln!(
                        f,
                        "    {} {}..{} ({}): \"{}\"",
                        e.doc, e.start, e.end, e.role, e.text
                    )?;
                }
            }
        }
        writeln!(
            f,
            "\nUnverified: seen in one source only ({})",
            self.unverified.len()
        )?;
        for u in &self.unverified {
            let measure = if u.measure.is_empty() {
                "measure unknown"
            } else {
                u.measure.as_str()
            };
            writeln!(
                f,
                "  {} {}..{} {} \"{}\" ({measure})",
                u.doc, u.start, u.end, u.kind, u.text
            )?;
        }
        Ok(())
    }
}
