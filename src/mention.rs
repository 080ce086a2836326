//! Mentions: the numeric and temporal expressions found in a document,
//! each with its span, its sentence and its normalised value.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::figure::Figure;
use crate::period::{Duration, Period};
use crate::span::Span;

/// The normalised value of a mention, tagged by kind.
///
/// In JSON the kind is the field `"kind"`, and the variant's fields sit
/// beside it: `{"kind": "money", "amount": {...}, "currency": "USD"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Value {
    /// A count or plain number: "600,000", "four districts", "thousands of
    /// troops".
    Number {
        /// The number and its interval.
        amount: Figure,
        /// The noun counted, lower-cased, when one follows ("troops").
        #[serde(skip_serializing_if = "Option::is_none", default)]
        counted: Option<String>,
    },
    /// An ordinal: "third", "21st".
    Ordinal {
        /// Its position (21 for "21st").
        value: i64,
    },
    /// A part of a whole as a ratio between 0 and 1: "a fifth" (0.2),
    /// "two-thirds", "one in eight", "three out of four", "half".
    Share {
        /// The ratio and its interval.
        ratio: Figure,
    },
    /// A percentage, in percent units ("20%" → 20).
    Percent {
        /// The percentage and its interval.
        amount: Figure,
        /// True for percentage points ("2.4 percentage points"), a
        /// difference between two percentages rather than a share.
        #[serde(default)]
        points: bool,
    },
    /// A sum of money: "$250 million", "€1.84bn", "Rs 600 crore".
    Money {
        /// The sum, in units of the currency.
        amount: Figure,
        /// ISO 4217 code ("USD", "GBP", "EUR", "INR") when the text names
        /// the currency; the bare symbol ("$", "£") when it does not say
        /// which dollar or pound.
        currency: String,
    },
    /// A physical quantity with a unit: "12 km", "5 tonnes", "40°C".
    Measurement {
        /// The number of units and its interval.
        amount: Figure,
        /// The unit's canonical name, lower case and singular
        /// ("kilometer", "mile", "tonne", "celsius").
        unit: String,
    },
    /// A date, a named period, or an interval of time.
    Time {
        /// Where it lands on the calendar.
        period: Period,
    },
    /// A length of time: "six months", "2:00:35".
    Duration {
        /// How long.
        duration: Duration,
    },
}

impl Value {
    /// The kind's name as in JSON ("number", "money", "time", ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Number { .. } => "number",
            Value::Ordinal { .. } => "ordinal",
            Value::Share { .. } => "share",
            Value::Percent { .. } => "percent",
            Value::Money { .. } => "money",
            Value::Measurement { .. } => "measurement",
            Value::Time { .. } => "time",
            Value::Duration { .. } => "duration",
        }
    }

    /// The figure this value carries, if it is a quantity of some kind.
    pub fn figure(&self) -> Option<&Figure> {
        match self {
            Value::Number { amount, .. }
            | Value::Percent { amount, .. }
            | Value::Money { amount, .. }
            | Value::Measurement { amount, .. } => Some(amount),
            Value::Share { ratio } => Some(ratio),
            Value::Duration { duration } => Some(&duration.amount),
            Value::Ordinal { .. } | Value::Time { .. } => None,
        }
    }
}

/// One numeric or temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the expression is, in bytes of the document's text.
    pub span: Span,
    /// The exact text of the span.
    pub text: String,
    /// The sentence the expression stands in.
    pub sentence: Span,
    /// What it means.
    #[serde(flatten)]
    pub value: Value,
}

/// What kind of problem a [`Diagnostic`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A date that does not exist on the calendar ("30 February 2024").
    /// No mention is made of it.
    ImpossibleDate,
    /// A weekday stated beside a date that falls on another weekday. The
    /// date is still a mention.
    WeekdayMismatch,
    /// A number too large (or too precise) to represent. No mention is made
    /// of it.
    NumberOutOfRange,
    /// A relative time ("last year") with no reference date to resolve it.
    /// The mention is kept, unresolved.
    UnresolvedTime,
    /// Bytes that were not valid UTF-8 and were replaced when the document
    /// was loaded leniently.
    InvalidUtf8,
    /// A metadata header line that could not be read (a malformed date).
    BadHeader,
}

/// A problem found in a document that did not stop it from being read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where the problem is.
    pub span: Span,
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// One sentence a person can act on.
    pub message: String,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mentions {
    /// The document's id.
    pub document: String,
    /// The date relative expressions were resolved against, if any.
    pub reference: Option<Date>,
    /// The mentions, in text order; their spans never overlap.
    pub mentions: Vec<Mention>,
    /// Problems found along the way, in text order.
    pub diagnostics: Vec<Diagnostic>,
}

/// One thing extraction finds, as [`crate::extract_each`] hands it over: a
/// mention, or a problem with the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// A well-formed expression.
    Mention(Mention),
    /// A problem (an impossible date, a weekday that does not match).
    Diagnostic(Diagnostic),
}
