//! The headline figures every report leads with, as label/value pairs
//! formatted for people; the list and labels are `model::headline::Figure`.

use super::format::{money, payback, roi, unit_money};
use crate::model::headline::{Figure, Kind};
use crate::model::{Projection, Scenario};

pub struct Headline {
    pub label: &'static str,
    pub value: String,
}

/// A figure as a report prints it in full ("n/a (no requests)").
pub fn value_text(f: Figure, p: &Projection, currency: &str) -> String {
    let v = f.value(p);
    match f.kind() {
        Kind::Money => money(v.unwrap_or(0.0), currency),
        Kind::MoneyPerRequest => {
            v.map_or_else(|| "n/a (no requests)".into(), |v| unit_money(v, currency))
        }
        Kind::Percent => roi(v),
        Kind::Month => payback(v.map(|m| m as u32), p.months.len()),
        Kind::Ratio => v.map_or_else(|| "n/a (no build cost)".into(), |r| format!("{r:.1}×")),
    }
}

pub fn headlines(s: &Scenario, p: &Projection) -> Vec<Headline> {
    let c = s.currency.as_str();
    Figure::ALL
        .into_iter()
        .map(|f| Headline {
            label: f.label(),
            value: value_text(f, p, c),
        })
        .collect()
}
