//! The follow-up list: the inputs that move the TCO most (the tornado) and
//! still rest on a guess — a Low-confidence source, or none. The questions
//! to chase after a discovery call.

use super::sensitivity::{TORNADO_PCT, sensitivity};
use crate::model::fields::{Field, Target, TextInput};
use crate::model::scenario::{Confidence, Scenario, Source};

/// One input still to ask about.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub field: Field,
    pub path: String,
    /// "Requests per day", "gpt-5.4-mini: share of traffic".
    pub label: String,
    pub value: f64,
    /// How far the TCO moves when the input moves ±20 %.
    pub swing: f64,
    /// Its Low-confidence source, or `None` when it has none.
    pub source: Option<Source>,
}

/// The source that covers input `f`: its own, or for an input of a severity
/// tier the tiers' together (`risk.error_costs`).
pub fn source_for(plan: &Scenario, f: Field) -> Option<&Source> {
    let find = |t: Target| plan.sources.iter().find(|s| s.field == t);
    find(f.into()).or_else(|| {
        matches!(f, Field::Tier(..))
            .then(|| find(TextInput::ErrorCosts.into()))
            .flatten()
    })
}

/// At most `limit` inputs, largest TCO swing first, whose source is Low or
/// missing; inputs that do not move the TCO are left out.
pub fn follow_ups(plan: &Scenario, limit: usize) -> Vec<FollowUp> {
    sensitivity(plan, TORNADO_PCT)
        .into_iter()
        .filter(|s| s.swing > 0.0)
        .filter_map(|s| {
            let source = source_for(plan, s.field).cloned();
            if source
                .as_ref()
                .is_some_and(|x| x.confidence != Confidence::Low)
            {
                return None;
            }
            Some(FollowUp {
                field: s.field,
                path: s.path,
                label: s.label,
                value: s.value,
                swing: s.swing,
                source,
            })
        })
        .take(limit)
        .collect()
}
