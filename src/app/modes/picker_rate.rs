//! What picking a model does to the wrong-answer rate in its place, and
//! says: the new model's own rate where the catalog knows it (a rate the user
//! measured, with its source), otherwise the rate it inherits — the replaced
//! model's own, kept with a Low source that says it was carried over, or the
//! plan's — never silently.

use crate::model::catalog::CatalogModel;
use crate::model::fields::{Field, ModelField};
use crate::model::{Confidence, Scenario, Source};
use crate::numbers::number;

/// The longest source text written (as the source editor allows).
const MAX_SOURCE: usize = super::source::MAX_SOURCE;

/// The wrong-answer rate a picked model answers at.
#[derive(Debug, Clone, PartialEq)]
pub enum Rate {
    /// Its own, measured (from its catalog entry); `was` the rate before,
    /// and the range that was the replaced model's, now removed.
    Known {
        pct: f64,
        was: f64,
        dropped_range: Option<(f64, f64)>,
    },
    /// Not known: the replaced model's own rate is kept (`from` its id).
    CarriedOver { pct: f64, from: String },
    /// Not known: the plan's rate (Risk), as the replaced model had.
    PlanRate { pct: f64 },
}

/// One line of text for a source: no control characters, at most
/// [`MAX_SOURCE`] characters.
fn clean(text: &str) -> String {
    let one: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let one = one.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= MAX_SOURCE {
        one
    } else {
        let mut cut: String = one.chars().take(MAX_SOURCE - 1).collect();
        cut.push('…');
        cut
    }
}

fn set_source(s: &mut Scenario, f: Field, text: String, confidence: Confidence) {
    match s.sources.iter_mut().find(|x| x.field == f) {
        Some(x) => {
            x.source = text;
            x.confidence = confidence;
        }
        None => s.sources.push(Source {
            field: f.into(),
            source: text,
            confidence,
        }),
    }
}

/// Sets the wrong-answer rate of mix entry `i`, which `entry` now is
/// (replacing `old`, or added when `old` is `None`), and its source.
pub fn apply(s: &mut Scenario, i: usize, old: Option<&str>, entry: &CatalogModel) -> Rate {
    let f = Field::Model(i, ModelField::ErrorRate);
    let plan_rate = s.risk.error_rate_pct;
    let Some(m) = s.models.get_mut(i) else {
        return Rate::PlanRate { pct: plan_rate };
    };
    let was = m.error_rate_pct.unwrap_or(plan_rate);
    if let Some(known) = &entry.error_rate {
        m.error_rate_pct = Some(known.pct);
        let source = if known.source.trim().is_empty() {
            format!("measured rate in the catalog entry {}", entry.id)
        } else {
            known.source.clone()
        };
        set_source(s, f, clean(&source), Confidence::Medium);
        // A range given for the replaced model is not this model's.
        let dropped_range = s
            .uncertainty
            .iter()
            .position(|r| r.field == f)
            .map(|at| s.uncertainty.remove(at))
            .map(|r| (r.low, r.high));
        return Rate::Known {
            pct: known.pct,
            was,
            dropped_range,
        };
    }
    let own = m.error_rate_pct;
    let Some(from) = old else {
        return Rate::PlanRate { pct: plan_rate };
    };
    let carried = format!(
        "carried over from {from} when {} replaced it; not measured for {}",
        entry.id, entry.id
    );
    match own {
        Some(pct) => {
            set_source(s, f, clean(&carried), Confidence::Low);
            Rate::CarriedOver {
                pct,
                from: from.to_string(),
            }
        }
        None => {
            // A source given for the replaced model's (inherited) rate is
            // about that model: it no longer holds.
            if s.sources.iter().any(|x| x.field == f) {
                set_source(s, f, clean(&carried), Confidence::Low);
            }
            Rate::PlanRate { pct: plan_rate }
        }
    }
}

fn pct(v: f64) -> String {
    format!("{} %", number(v, 2))
}

impl Rate {
    /// Said in the Δ line, after "Model a → b".
    pub fn delta(&self) -> String {
        match self {
            Rate::Known { pct: p, was, .. } => {
                format!(", wrong answers {} → {} (measured)", pct(*was), pct(*p))
            }
            Rate::CarriedOver { pct: p, from } => {
                format!(", wrong answers {} carried over from {from}", pct(*p))
            }
            Rate::PlanRate { pct: p } => format!(", wrong answers at the plan's {}", pct(*p)),
        }
    }

    /// The message about it: what the new model (`id`) answers at and why.
    pub fn notice(&self, id: &str) -> String {
        match self {
            Rate::Known {
                pct: p,
                dropped_range,
                ..
            } => {
                let range = dropped_range.map_or(String::new(), |(lo, hi)| {
                    format!(
                        "; the range {}–{} was the replaced model's and is removed",
                        number(lo, 2),
                        pct(hi)
                    )
                });
                format!(
                    "{id} answers wrong {} of the time, as measured (its catalog entry){range}",
                    pct(*p)
                )
            }
            Rate::CarriedOver { pct: p, from } => format!(
                "{id}'s wrong-answer rate is not known: {}, {from}'s, is carried over (source Low) — set {id}'s own when it is measured",
                pct(*p)
            ),
            Rate::PlanRate { pct: p } => format!(
                "{id}'s wrong-answer rate is not known: it answers at the plan's {} (Risk) — set its own under the model when it is measured",
                pct(*p)
            ),
        }
    }
}
