//! The dated price changes a plan bills within its horizon: a model named by
//! id with a promotion in force at the start and the list price after it (or
//! an introductory price that doubles) is billed at more than one price, and
//! the reports and `runcost check` say so beside the month-1 price.

use super::dated::{plan_pays, price_words};
use super::prices::{YearMonth, own_start};
use super::pricing::Pricing;
use super::scenario::Scenario;

/// One model's price changing within the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceStep {
    /// Index in the plan's mix.
    pub index: usize,
    /// The first plan month (1-based) billed at the new price.
    pub month: u32,
    pub calendar: YearMonth,
    pub pricing: Pricing,
}

/// Every price change of model `index` within the plan's horizon, in order
/// (none without a `start` of the plan's own: then the first price is billed
/// throughout, as the projection does).
pub fn steps_of(s: &Scenario, index: usize) -> Vec<PriceStep> {
    let (Some(start), Some(m)) = (own_start(s), s.models.get(index)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut last = plan_pays(s, m, start);
    for month in 2..=s.horizon_months {
        let when = start.plus(month - 1);
        let now = plan_pays(s, m, when);
        if let (Some(p), true) = (now, now != last) {
            out.push(PriceStep {
                index,
                month,
                calendar: when,
                pricing: p.clone(),
            });
        }
        last = now;
    }
    out
}

/// "$4.00 in / $20.00 out per 1M tokens in month 1 (2026-11), then $5.00 in
/// / $30.00 out per 1M tokens from 2026-12 (month 2)": the prices model
/// `index` is billed at over the horizon, when it is billed at more than one.
pub fn schedule_words(s: &Scenario, index: usize, show: &dyn Fn(f64) -> String) -> Option<String> {
    let steps = steps_of(s, index);
    let start = own_start(s)?;
    let first = plan_pays(s, s.models.get(index)?, start)?;
    if steps.is_empty() {
        return None;
    }
    let mut o = format!("{} in month 1 ({start})", price_words(first, show));
    for st in &steps {
        o.push_str(&format!(
            ", then {} from {} (month {})",
            price_words(&st.pricing, show),
            st.calendar,
            st.month
        ));
    }
    Some(o)
}

/// One sentence per model (with traffic) whose price changes within the
/// horizon: "gpt-5.6 is billed $4.00 in / … in month 1 (2026-11), then …".
pub fn price_step_notes(s: &Scenario, show: &dyn Fn(f64) -> String) -> Vec<String> {
    s.models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.share_pct > 0.0)
        .filter_map(|(i, m)| schedule_words(s, i, show).map(|w| format!("{} is billed {w}", m.id)))
        .collect()
}
