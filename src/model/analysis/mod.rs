//! Decision analysis on top of the projection: which lever matters
//! (sensitivity), how sure we are (Monte Carlo over input ranges), and where
//! things break even.

pub mod breakeven;
pub mod followup;
pub mod metric;
pub mod off_band;
pub mod payback;
pub mod sensitivity;
pub mod uncertainty;

use super::fields::Field;
use super::scenario::Scenario;

/// Sets a field to `v`; a model share moves the other shares proportionally so
/// the mix still sums to 100 %.
pub fn set_keeping_mix(s: &mut Scenario, field: Field, v: f64) {
    if let Field::Model(i, super::fields::ModelField::Share) = field {
        let others: f64 = s
            .models
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, m)| m.share_pct)
            .sum();
        let v = v.clamp(0.0, 100.0);
        let rest = 100.0 - v;
        for (j, m) in s.models.iter_mut().enumerate() {
            if j == i {
                m.share_pct = v;
            } else if others > 0.0 {
                m.share_pct = m.share_pct / others * rest;
                // A share too small to mean anything is none: the plan stays
                // one that validates (the mix still sums to 100 ± 0.01).
                if m.share_pct < super::validate::SMALLEST {
                    m.share_pct = 0.0;
                }
            }
        }
        return;
    }
    field.set(s, v);
}

/// The plan without what no projection reads (notes, uncertainty ranges), to
/// copy cheaply in loops: a plan with 50 MB of notes is not copied per draw.
pub fn lean(s: &Scenario) -> Scenario {
    Scenario {
        version: s.version,
        name: s.name.clone(),
        client: s.client.clone(),
        notes: String::new(),
        currency: s.currency.clone(),
        horizon_months: s.horizon_months,
        start: s.start.clone(),
        workload: s.workload.clone(),
        models: s.models.clone(),
        retrieval: s.retrieval.clone(),
        infrastructure: s.infrastructure.clone(),
        build: s.build.clone(),
        oversight: s.oversight.clone(),
        risk: s.risk.clone(),
        change: s.change.clone(),
        value: s.value.clone(),
        sources: Vec::new(),
        people: s.people.clone(),
        cases: Vec::new(),
        uncertainty: Vec::new(),
    }
}
