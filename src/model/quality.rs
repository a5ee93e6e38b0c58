//! What the CFO is told beside the figures (spec §6): how many wrong answers
//! of each severity the plan implies, whether the system is wrong more often
//! than today's process, and whether value counts all saved time as money.

use serde::Serialize;

use super::projection::Totals;
use super::scenario::Scenario;

/// A tier whose cost is above this many times the plan's average error cost
/// is a rare, lumpy event.
pub const LUMPY_COST_FACTOR: f64 = 1000.0;

/// One severity tier with the count the plan implies over its horizon (the
/// JSON report's `error_tiers`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCount {
    pub name: String,
    pub share_pct: f64,
    pub cost: f64,
    /// Uncaught errors of this tier over the horizon.
    pub count: f64,
    /// `count × cost`.
    pub total: f64,
    /// Fewer than one over the horizon, or a cost above 1,000 × the plan's
    /// average error cost: an expected value understates it.
    #[serde(skip)]
    pub lumpy: bool,
}

/// Each severity tier's implied count, in file order (none without tiers).
pub fn tier_counts(s: &Scenario, t: &Totals) -> Vec<TierCount> {
    let average = s.risk.cost_per_error();
    s.risk
        .error_costs
        .iter()
        .map(|tier| {
            let count = t.uncaught_errors * tier.share_pct / 100.0;
            TierCount {
                name: tier.name.clone(),
                share_pct: tier.share_pct,
                cost: tier.cost,
                count,
                total: count * tier.cost,
                lumpy: count < 1.0 || tier.cost > LUMPY_COST_FACTOR * average,
            }
        })
        .collect()
}

/// The share of requests whose wrong answer gets past review, percent
/// (`None` without requests).
pub fn uncaught_pct(t: &Totals) -> Option<f64> {
    (t.requests > 0.0).then(|| t.uncaught_errors / t.requests * 100.0)
}

/// `(system %, today's %)` when the system is expected to be wrong more
/// often than today's process (the baseline is set and below the system's
/// uncaught rate).
pub fn worse_than_today(s: &Scenario, t: &Totals) -> Option<(f64, f64)> {
    let baseline = s.value.baseline_error_rate_pct;
    let system = uncaught_pct(t)?;
    (baseline > 0.0 && system > baseline).then_some((system, baseline))
}

/// The sentence every format says when the system errs more than today.
pub fn worse_than_today_sentence(s: &Scenario, t: &Totals) -> Option<String> {
    worse_than_today(s, t).map(|(system, baseline)| {
        // Enough places that the two figures differ as printed (1.47 % vs
        // 1.46 %, not 1.5 % vs 1.5 %).
        let places = (0..=6)
            .find(|&p| format!("{system:.p$}") != format!("{baseline:.p$}"))
            .unwrap_or(6)
            .max(if system >= 10.0 { 0 } else { 1 });
        format!(
            "the system is expected to be wrong more often than today's process: {system:.places$} % vs {baseline:.places$} %"
        )
    })
}

/// Whether value counts all saved time as money: time is saved and the
/// realization is 100 % (its default).
pub fn full_realization_flag(s: &Scenario, t: &Totals) -> bool {
    s.value.realization_pct == 100.0 && t.time_value > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pricing::{ApiPricing, Pricing};
    use crate::model::scenario::ModelEntry;

    #[test]
    fn the_two_rates_differ_as_printed() {
        let mut s = Scenario::minimal(
            "q",
            ModelEntry::sole("m", Some(Pricing::Api(ApiPricing::default()))),
        );
        let mut t = Totals {
            requests: 10_000.0,
            uncaught_errors: 147.0,
            ..Totals::default()
        };
        s.value.baseline_error_rate_pct = 1.46;
        let said = worse_than_today_sentence(&s, &t).unwrap();
        assert!(said.ends_with("1.47 % vs 1.46 %"), "{said}");
        s.value.baseline_error_rate_pct = 1.0;
        let said = worse_than_today_sentence(&s, &t).unwrap();
        assert!(said.ends_with("1.5 % vs 1.0 %"), "{said}");
        t.uncaught_errors = 1_200.0;
        s.value.baseline_error_rate_pct = 11.0;
        let said = worse_than_today_sentence(&s, &t).unwrap();
        assert!(said.ends_with("12 % vs 11 %"), "{said}");
        s.value.baseline_error_rate_pct = 12.0;
        assert_eq!(worse_than_today_sentence(&s, &t), None);
    }
}
