//! Figures: numbers as a newspaper states them, with the uncertainty their
//! wording implies.
//!
//! A [`Figure`] is never a bare float. It carries the value as stated and
//! the closed interval `[low, high]` of values the wording allows, with
//! `None` for an open side ("more than 700" has no upper bound). The
//! interval is the data a reconciler compares; the value is what a reader
//! would repeat.
//!
//! # The precision rule
//!
//! * Digits after a decimal point are significant: "4.5 million" is
//!   4 450 000 – 4 550 000 (half a unit of the last digit, times the scale).
//! * A scale word rounds to its own unit when no decimals are given:
//!   "3 million" is 2 500 000 – 3 500 000.
//! * A whole number written out in digits is exact, unless it ends in three
//!   or more zeros: "1,525,221" and "340" are exact, "600,000" is taken as
//!   rounded to its last non-zero digit (650 000 – 750 000). Three zeros is
//!   the line because round hundreds ("100 people") are usually counts,
//!   while round thousands in news are usually rounded.
//! * Number words ("four", "a dozen") are exact.
//! * Approximators ("around", "about", "some", "roughly") widen the interval
//!   to at least [`APPROXIMATION`] of the value on each side.
//! * "nearly" and "almost" put the value just below the figure: down by
//!   [`APPROXIMATION`], up to the figure itself.
//! * Bounds open one side: "more than", "over", "at least" have no upper
//!   bound; "fewer than", "under", "up to" keep the figure as the upper
//!   bound and zero as the lower bound.
//! * Vague magnitudes ("thousands of") span an order of magnitude: see
//!   [`Figure::vague`].
//!
//! Bounds are closed: "more than 700" is `[700, ∞)`. The strictness of the
//! bound is in the [`Qualifier`]; intervals stay simple to intersect.

use serde::{Deserialize, Serialize};

/// The relative half-width that an approximator ("around", "about") gives a
/// figure at the least: 5 % of the value on each side. The digits' own
/// rounding usually adds to it ("around 600,000" is 550 000 – 650 000).
/// Five per cent keeps "around 4.5 million" apart from "4.2 million", which
/// a reader takes as different figures.
pub const APPROXIMATION: f64 = 0.05;

/// How the wording around a figure qualified it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// No qualifier: the figure as written.
    Exact,
    /// "around", "about", "some", "roughly", "approximately", "an estimated".
    Approximately,
    /// "nearly", "almost", "just under": close to the figure, below it.
    Nearly,
    /// "more than", "over", "above", "in excess of": strictly above.
    MoreThan,
    /// "at least", "no fewer than", "a minimum of".
    AtLeast,
    /// "fewer than", "less than", "under", "below": strictly below.
    LessThan,
    /// "up to", "at most", "no more than", "a maximum of".
    AtMost,
    /// "between 2 and 3 million", "2-3 million", "2 to 3 million".
    Range,
    /// "thousands of", "dozens of": an order of magnitude only.
    Vague,
}

/// A number with the interval of values its wording allows.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value as stated; for a range, its midpoint; for a vague
    /// magnitude, the unit it names ("thousands" → 1000).
    pub value: f64,
    /// The least value the wording allows, or `None` when unbounded below.
    pub low: Option<f64>,
    /// The greatest value the wording allows, or `None` when unbounded above.
    pub high: Option<f64>,
    /// What the wording said about the figure.
    pub qualifier: Qualifier,
}

impl Figure {
    /// An exactly stated figure: the interval is the single value.
    pub fn exact(value: f64) -> Figure {
        Figure {
            value,
            low: Some(value),
            high: Some(value),
            qualifier: Qualifier::Exact,
        }
    }

    /// A figure rounded to within `half_width` either side ("4.5 million":
    /// half-width 50 000).
    pub fn rounded(value: f64, half_width: f64) -> Figure {
        let half_width = half_width.abs();
        Figure {
            value,
            low: Some(value - half_width),
            high: Some(value + half_width),
            qualifier: Qualifier::Exact,
        }
    }

    /// A figure stated in digits, with the precision rule of this module
    /// applied. `integer` and `fraction` are the digit strings before and
    /// after the decimal point (separators removed); `scale` is the
    /// multiplier of a following scale word (1 when none).
    pub fn from_digits(value: f64, integer: &str, fraction: &str, scale: f64) -> Figure {
        let half_width = if !fraction.is_empty() {
            0.5 * 10f64.powi(-(fraction.len() as i32)) * scale
        } else {
            let zeros = integer.bytes().rev().take_while(|&b| b == b'0').count();
            let all_zero = zeros == integer.len();
            if zeros >= 3 && !all_zero {
                0.5 * 10f64.powi(zeros as i32) * scale
            } else if scale > 1.0 {
                0.5 * scale * 10f64.powi(if all_zero { 0 } else { zeros as i32 })
            } else {
                0.0
            }
        };
        if half_width == 0.0 {
            Figure::exact(value)
        } else {
            Figure::rounded(value, half_width)
        }
    }

    /// A range "between `low` and `high`": both ends as stated (their own
    /// rounding already applied by the caller).
    pub fn range(low: Figure, high: Figure) -> Figure {
        let (lo, hi) = if low.value <= high.value {
            (low, high)
        } else {
            (high, low)
        };
        Figure {
            value: (lo.value + hi.value) / 2.0,
            low: lo.low,
            high: hi.high,
            qualifier: Qualifier::Range,
        }
    }

    /// A vague magnitude such as "thousands of" (`unit` = 1000): from two of
    /// the unit up to, but not including, a thousand of it, so "thousands"
    /// is 2 000 – 999 999 and "hundreds" 200 – 99 999. Writers use these
    /// loosely, so the interval is wide on purpose: a vague figure can
    /// support a precise one but never refute it by a small margin.
    pub fn vague(unit: f64) -> Figure {
        Figure {
            value: unit,
            low: Some(2.0 * unit),
            high: Some(1000.0 * unit - 1.0),
            qualifier: Qualifier::Vague,
        }
    }

    /// The figure as qualified by the words before it, with the interval
    /// changed accordingly (see the module docs). `Exact`, `Range` and
    /// `Vague` leave it as it is.
    pub fn qualified(self, qualifier: Qualifier) -> Figure {
        let v = self.value;
        let spread = (v * APPROXIMATION).abs();
        let (low, high) = match qualifier {
            Qualifier::Exact | Qualifier::Range | Qualifier::Vague => return self,
            Qualifier::Approximately => (
                Some(self.low.unwrap_or(v).min(v - spread)),
                Some(self.high.unwrap_or(v).max(v + spread)),
            ),
            Qualifier::Nearly => (Some(v - spread), Some(v)),
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), None),
            Qualifier::LessThan | Qualifier::AtMost => (Some(0f64.min(v)), Some(v)),
        };
        Figure {
            value: v,
            low,
            high,
            qualifier,
        }
    }

    /// Multiply the value and its interval by `factor` (a scale word, a
    /// unit conversion). A negative factor swaps the bounds.
    pub fn scaled(self, factor: f64) -> Figure {
        let (low, high) = if factor < 0.0 {
            (self.high.map(|h| h * factor), self.low.map(|l| l * factor))
        } else {
            (self.low.map(|l| l * factor), self.high.map(|h| h * factor))
        };
        Figure {
            value: self.value * factor,
            low,
            high,
            qualifier: self.qualifier,
        }
    }

    /// Whether the two intervals share at least one value.
    pub fn overlaps(&self, other: &Figure) -> bool {
        let below = match (self.high, other.low) {
            (Some(h), Some(l)) => h < l,
            _ => false,
        };
        let above = match (self.low, other.high) {
            (Some(l), Some(h)) => l > h,
            _ => false,
        };
        !below && !above
    }

    /// Whether `value` lies inside the interval.
    pub fn contains(&self, value: f64) -> bool {
        self.low.is_none_or(|l| l <= value) && self.high.is_none_or(|h| value <= h)
    }

    /// Whether every value and bound is a finite number. Grammars refuse to
    /// produce a figure that is not.
    pub fn is_finite(&self) -> bool {
        self.value.is_finite()
            && self.low.is_none_or(f64::is_finite)
            && self.high.is_none_or(f64::is_finite)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_significant() {
        let f = Figure::from_digits(3_500_000.0, "3", "5", 1_000_000.0);
        assert_eq!(f.low, Some(3_450_000.0));
        assert_eq!(f.high, Some(3_550_000.0));
    }

    #[test]
    fn three_trailing_zeros_mean_rounded() {
        let f = Figure::from_digits(700_000.0, "700000", "", 1.0);
        assert_eq!((f.low, f.high), (Some(650_000.0), Some(750_000.0)));
        let f = Figure::from_digits(340.0, "340", "", 1.0);
        assert_eq!((f.low, f.high), (Some(340.0), Some(340.0)));
        let f = Figure::from_digits(0.0, "0", "", 1.0);
        assert_eq!((f.low, f.high), (Some(0.0), Some(0.0)));
    }

    #[test]
    fn a_bare_scale_word_rounds_to_its_unit() {
        let f = Figure::from_digits(3e6, "3", "", 1e6);
        assert_eq!((f.low, f.high), (Some(2.5e6), Some(3.5e6)));
    }

    #[test]
    fn around_widens_by_the_approximation() {
        let f =
            Figure::from_digits(700_000.0, "700000", "", 1.0).qualified(Qualifier::Approximately);
        assert_eq!(
            (f.low, f.high),
            (Some(650_000.0), Some(750_000.0)),
            "the rounding is wider"
        );
        let f = Figure::from_digits(3_500_000.0, "3", "5", 1e6).qualified(Qualifier::Approximately);
        assert_eq!(f.low, Some(3_325_000.0));
        assert_eq!(f.high, Some(3_675_000.0));
        assert_eq!(f.qualifier, Qualifier::Approximately);
    }

    #[test]
    fn more_than_opens_above() {
        let f = Figure::exact(10.0).qualified(Qualifier::MoreThan);
        assert_eq!((f.low, f.high), (Some(10.0), None));
        assert!(f.contains(1e9));
        assert!(!f.contains(9.0));
    }

    #[test]
    fn overlap_respects_open_sides() {
        let open = Figure::exact(10.0).qualified(Qualifier::AtLeast);
        assert!(open.overlaps(&Figure::exact(12.0)));
        assert!(!open.overlaps(&Figure::exact(8.0)));
    }
}
