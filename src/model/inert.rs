//! Inputs a plan sets that cannot move its TCO: replaced by other inputs
//! (spec §5: severity tiers replace `risk.cost_per_uncaught_error`; every
//! model's own `error_rate_pct` replaces `risk.error_rate_pct`), or with
//! nothing to move (a sole model's share of traffic is all the traffic).
//! `runcost check` warns about the replaced ones; the reports and the
//! tornado do not list any of them as a live figure.

use super::fields::{Field, ModelField, PlanField};
use super::scenario::Scenario;

/// Whether every model of the plan sets its own wrong-answer rate, so the
/// plan-wide `risk.error_rate_pct` is used by none of them.
pub fn every_model_rated(s: &Scenario) -> bool {
    !s.models.is_empty() && s.models.iter().all(|m| m.error_rate_pct.is_some())
}

/// Why `f` is not used by this plan's projection, in a few words ("each
/// model sets its own rate"), when other inputs replace it.
pub fn replaced(s: &Scenario, f: Field) -> Option<&'static str> {
    match f {
        Field::Plan(PlanField::ErrorRate) if every_model_rated(s) => {
            Some("each model sets its own rate")
        }
        Field::Plan(PlanField::CostPerError) if !s.risk.error_costs.is_empty() => {
            Some("the severity tiers replace it")
        }
        _ => None,
    }
}

/// Whether `f` cannot move the TCO of this plan whatever its value: it is
/// [`replaced`], or it is the share of traffic of the plan's only model.
pub fn cannot_move(s: &Scenario, f: Field) -> bool {
    replaced(s, f).is_some()
        || matches!(f, Field::Model(_, ModelField::Share)) && s.models.len() == 1
}
