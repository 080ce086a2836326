//! The flat entity format: one mention as a small JSON object.
//!
//! This is the interchange format of the conformance cases (see
//! `../shared/conformance/README.md` beside the repository): the span's
//! text and byte offsets, a kind, and the value's fields, flattened.
//!
//! | kind | fields |
//! |---|---|
//! | `number` | `value` (shares are numbers: "a fifth" is 0.2), or `min`/`max` |
//! | `ordinal` | `value` |
//! | `percent` | `value` in percent units, or `min`/`max` |
//! | `money` | `value`, or `min`/`max` for a range or a bound; `currency` |
//! | `quantity` | `value` or `min`/`max`; `unit` |
//! | `duration` | `value`, `unit` |
//! | `time` | `values`: one `{start, end?, grain}`; `end` is absent for an instant and `null` for an open end, as is `start` for an open start |
//!
//! A figure with a range or a bound ("between 2 and 3 million", "more than
//! 5") gives `min` and/or `max` instead of `value`; an approximate figure
//! gives its stated `value`. The entity is lossy by design: the full value
//! with its interval is in [`Mention`].

use serde::{Deserialize, Serialize};

use crate::figure::{Figure, Qualifier};
use crate::mention::{Mention, Value};
use crate::period::{Anchor, Shape};

/// One mention in the flat entity format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The exact text of the span.
    pub span: String,
    /// Byte offset of the span's start.
    pub start: usize,
    /// Byte offset one past the span's end.
    pub end: usize,
    /// `number`, `ordinal`, `percent`, `money`, `quantity`, `duration` or
    /// `time`.
    pub kind: String,
    /// The value, when the figure is a single number.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<f64>,
    /// The lower end of a range, or the bound of "more than", "at least".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub min: Option<f64>,
    /// The upper end of a range, or the bound of "under", "up to".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max: Option<f64>,
    /// The currency of money.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub currency: Option<String>,
    /// The unit of a quantity or a duration.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    /// The readings of a time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub values: Option<Vec<TimeValue>>,
}

/// One reading of a time entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeValue {
    /// `YYYY-MM-DDTHH:MM:SS`, or `None` (JSON `null`) for an open start.
    pub start: Option<String>,
    /// Absent for an instant; `Some(None)` (JSON `null`) for an open end.
    #[serde(
        skip_serializing_if = "Option::is_none",
        default,
        with = "double_option"
    )]
    pub end: Option<Option<String>>,
    /// The grain's name.
    pub grain: String,
}

impl Entity {
    /// The entity of a mention; `None` for a time that could not be
    /// resolved to the calendar (no reference date).
    pub fn from_mention(m: &Mention) -> Option<Entity> {
        let mut e = Entity {
            span: m.text.clone(),
            start: m.span.start,
            end: m.span.end,
            kind: String::new(),
            value: None,
            min: None,
            max: None,
            currency: None,
            unit: None,
            values: None,
        };
        match &m.value {
            Value::Number { amount, .. } => e.figure("number", amount),
            Value::Share { ratio } => e.figure("number", ratio),
            Value::Ordinal { value } => {
                e.kind = "ordinal".into();
                e.value = Some(*value as f64);
            }
            Value::Percent { amount, .. } => e.figure("percent", amount),
            Value::Money { amount, currency } => {
                e.figure("money", amount);
                e.currency = Some(currency.clone());
            }
            Value::Measurement { amount, unit } => {
                e.figure("quantity", amount);
                e.unit = Some(unit.clone());
            }
            Value::Duration { duration } => {
                e.kind = "duration".into();
                e.value = Some(duration.amount.value);
                e.unit = Some(duration.unit.name().into());
            }
            Value::Time { period } => {
                if period.anchor == Anchor::Unresolved {
                    return None;
                }
                let fmt = |d: Option<jiff::civil::DateTime>| {
                    d.map(|d| d.strftime("%Y-%m-%dT%H:%M:%S").to_string())
                };
                let end = match period.shape {
                    Shape::Instant => None,
                    Shape::Interval | Shape::Since | Shape::Until => Some(fmt(period.end)),
                };
                e.kind = "time".into();
                e.values = Some(vec![TimeValue {
                    start: fmt(period.start),
                    end,
                    grain: period.grain.name().into(),
                }]);
            }
        }
        Some(e)
    }

    fn figure(&mut self, kind: &str, f: &Figure) {
        self.kind = kind.into();
        match f.qualifier {
            Qualifier::Range => {
                self.min = f.low;
                self.max = f.high;
            }
            Qualifier::MoreThan | Qualifier::AtLeast => self.min = Some(f.value),
            Qualifier::LessThan | Qualifier::AtMost => self.max = Some(f.value),
            Qualifier::Exact | Qualifier::Approximately | Qualifier::Nearly | Qualifier::Vague => {
                self.value = Some(f.value)
            }
        }
    }
}

/// Every mention's entity, in text order.
///
/// The families of the format are independent views of one text, so a
/// number written inside money is a `number` too: each `money` entity whose
/// amount is one plain number ("$20", "hundred thousand dollars", "2mil
/// SEK") is followed by a `number` entity for the amount alone ("20",
/// "hundred thousand", "2mil"). A range, a bound, an amount split into
/// units and cents, or an amount whose abbreviation only money knows
/// ("$3.5m") gives the `money` entity only.
pub fn entities(mentions: &[Mention]) -> Vec<Entity> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(e) = Entity::from_mention(m) else {
            continue;
        };
        let amount = e.value.filter(|_| e.kind == "money");
        out.push(e);
        if let Some(amount) = amount {
            out.extend(amount_of(m, amount));
        }
    }
    out
}

/// The `number` entity of the amount inside a money mention: the first
/// number, read from a word start inside the mention, whose value is the
/// whole amount.
fn amount_of(m: &Mention, amount: f64) -> Option<Entity> {
    let text = m.text.as_str();
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        .find_map(|i| {
            let (rest, value) = crate::extract::cardinal(&text[i..]).ok()?;
            let close = (value - amount).abs() <= 1e-9 * amount.abs().max(1.0);
            let end = text.len() - rest.len();
            let end = i + text[i..end].trim_end().len();
            close.then(|| Entity {
                span: text[i..end].to_string(),
                start: m.span.start + i,
                end: m.span.start + end,
                kind: "number".into(),
                value: Some(value),
                min: None,
                max: None,
                currency: None,
                unit: None,
                values: None,
            })
        })
}

/// `Option<Option<T>>` as "absent / null / value".
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities of `text` as (kind, span, value) triples.
    fn flat(text: &str) -> Vec<(String, String, Option<f64>)> {
        entities(&crate::extract_text(text, None).mentions)
            .into_iter()
            .map(|e| {
                assert_eq!(text.get(e.start..e.end), Some(e.span.as_str()));
                (e.kind, e.span, e.value)
            })
            .collect()
    }

    fn e(kind: &str, span: &str, value: f64) -> (String, String, Option<f64>) {
        (kind.into(), span.into(), Some(value))
    }

    #[test]
    fn the_amount_of_money_is_a_number_too() {
        assert_eq!(
            flat("It cost $20 and then 2mil SEK."),
            [
                e("money", "$20", 20.0),
                e("number", "20", 20.0),
                e("money", "2mil SEK", 2e6),
                e("number", "2mil", 2e6),
            ]
        );
        assert_eq!(
            flat("a hundred thousand dollars"),
            [
                e("money", "a hundred thousand dollars", 1e5),
                e("number", "a hundred thousand", 1e5),
            ]
        );
    }

    #[test]
    fn money_without_one_plain_amount_gives_money_only() {
        // Units and cents, an abbreviation only money reads, a range.
        for text in [
            "It cost 3 dollars 50 cents.",
            "It cost $3.5m.",
            "It cost between $2 and $3.",
        ] {
            let found = flat(text);
            assert!(!found.is_empty(), "{text}");
            assert!(
                found.iter().all(|(kind, ..)| kind == "money"),
                "{text}: {found:?}"
            );
        }
    }
}
