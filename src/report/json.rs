//! The JSON report of spec §3 with the version-2 keys of §5 (per month
//! `adoption_pct`, `error_rate_pct`, `errors_avoided`, `gpus`; totals `npv`,
//! `payback_month_from_start`, `upkeep_pct_of_build_per_year`, `errors_avoided`):
//! one object, plain unrounded numbers, `null` for absent figures.

use serde::Serialize;

use crate::model::{Month, Projection, Scenario, Totals};

#[derive(Serialize)]
struct Report<'a> {
    name: &'a str,
    currency: &'a str,
    horizon_months: usize,
    months: &'a [Month],
    totals: &'a Totals,
}

pub fn render(s: &Scenario, p: &Projection) -> String {
    let report = Report {
        name: &s.name,
        currency: &s.currency,
        horizon_months: p.months.len(),
        months: &p.months,
        totals: &p.totals,
    };
    // Only finite numbers reach here (validation rejects NaN and infinities), so
    // serialization cannot fail; an empty object would still be valid JSON.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    super::escape::json(&out).into_owned()
}
