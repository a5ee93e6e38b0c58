//! What each catalog model would cost in the plan: the plan projected with
//! the candidate in the picker's place (a few µs each, so every candidate
//! is priced when the picker opens and the filter only re-sorts) — its
//! wrong answers at its own rate where the catalog knows it (a rate the user
//! measured), else at the rate the plan has now, so that the change is its
//! price alone and the list says so — whether
//! it is retired (its deprecation date on or before today) or retires
//! within the plan's horizon, and whether its context window holds the
//! plan's input.

use super::picker::PickTarget;
use crate::model::prices::YearMonth;
use crate::model::projection::base_error_rate;
use crate::model::{Catalog, ModelEntry, Scenario, project};

/// One catalog model as the picker judges it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The plan's cost per request with this model (`None` without requests).
    pub per_request: Option<f64>,
    /// The plan's TCO with this model minus its TCO now: wrong answers
    /// included at `error_rate_pct`, or at the plan's rate now without it.
    pub tco_change: f64,
    /// The model's own wrong-answer rate, percent, where the catalog knows it.
    pub error_rate_pct: Option<f64>,
    /// Its deprecation date is on or before today.
    pub retired: bool,
    /// It retires within the plan's horizon (and is not retired yet).
    pub retires_within: bool,
    /// Its context window holds the plan's input tokens (true when unknown).
    pub fits_input: bool,
}

/// The plan with catalog model `k` in the target's place: replacing mix
/// entry `i`, or, for a model to add, carrying all the traffic alone (what
/// it would cost if it took over), priced as picking it would price it (the
/// price in force in the plan's first month, `start`, and the dated prices
/// after it, in the plan's currency). Its wrong answers are at its own rate
/// where known; else at the rate in that place now (the replaced model's,
/// or for a model to add the mix's).
fn with_candidate(
    plan: &Scenario,
    catalog: &Catalog,
    target: PickTarget,
    k: usize,
    start: Option<YearMonth>,
) -> Scenario {
    let entry = &catalog.models[k];
    let snap = crate::model::dated::entry_snapshot(entry, &plan.currency, catalog, start);
    let mut s = plan.clone();
    if s.start.is_none()
        && !snap.schedule.is_empty()
        && let Some(start) = start
    {
        s.start = Some(start.to_string());
    }
    let known = entry.error_rate.as_ref().map(|r| r.pct);
    match target {
        PickTarget::Replace(i) if i < s.models.len() => {
            let m = &mut s.models[i];
            m.id = entry.id.clone();
            m.pricing = Some(snap.pricing.clone());
            m.schedule = snap.schedule.clone();
            m.error_rate_pct = known.or(m.error_rate_pct);
        }
        _ => {
            let mix_rate = plan
                .models
                .iter()
                .any(|m| m.error_rate_pct.is_some())
                .then(|| base_error_rate(plan));
            s.models = vec![ModelEntry {
                error_rate_pct: known.or(mix_rate),
                schedule: snap.schedule.clone(),
                ..ModelEntry::sole(entry.id.clone(), Some(snap.pricing.clone()))
            }];
        }
    }
    s
}

/// Every catalog model judged for this plan, in catalog order. `today` is
/// `YYYY-MM-DD` (from the runtime's clock); without it nothing is retired.
pub fn judge(
    plan: &Scenario,
    catalog: &Catalog,
    target: PickTarget,
    today: Option<&str>,
    start: Option<YearMonth>,
) -> Vec<Candidate> {
    let now = project(plan).totals.tco;
    let end = start.map(|s| s.plus(plan.horizon_months));
    (0..catalog.models.len())
        .map(|k| {
            let m = &catalog.models[k];
            let p = project(&with_candidate(plan, catalog, target, k, start));
            let dep = m.deprecation.as_deref();
            let retired = matches!((dep, today), (Some(d), Some(t)) if d <= t);
            let retires_within = !retired
                && matches!((dep.and_then(YearMonth::parse), end), (Some(d), Some(e)) if d < e);
            Candidate {
                per_request: p.totals.cost_per_request,
                tco_change: p.totals.tco - now,
                error_rate_pct: m.error_rate.as_ref().map(|r| r.pct),
                retired,
                retires_within,
                fits_input: m
                    .context_window
                    .is_none_or(|c| c as f64 >= plan.workload.input_tokens),
            }
        })
        .collect()
}

/// The order the picker lists `matches` in: models in service first, each
/// group by the plan's TCO with the model (cheapest first), ties by id.
pub fn sort(matches: &mut [usize], judged: &[Candidate], catalog: &Catalog) {
    matches.sort_by(|&a, &b| {
        let (ja, jb) = (&judged[a], &judged[b]);
        ja.retired
            .cmp(&jb.retired)
            .then(ja.tco_change.total_cmp(&jb.tco_change))
            .then_with(|| catalog.models[a].id.cmp(&catalog.models[b].id))
    });
}
