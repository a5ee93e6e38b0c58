//! The headline figures every report and screen leads with, as label/value
//! pairs formatted for people.

use super::format::{money, payback, roi, unit_money};
use crate::model::{Projection, Scenario};

pub struct Headline {
    pub label: &'static str,
    pub value: String,
}

pub fn headlines(s: &Scenario, p: &Projection) -> Vec<Headline> {
    let c = s.currency.as_str();
    let t = &p.totals;
    let h = p.months.len();
    let mut v = vec![
        Headline {
            label: "Month-1 run cost",
            value: money(p.first().map_or(0.0, |m| m.total), c),
        },
        Headline {
            label: "Run cost (horizon)",
            value: money(t.run_cost, c),
        },
        Headline {
            label: "Build cost",
            value: money(t.build_cost, c),
        },
        Headline {
            label: "Total cost of ownership",
            value: money(t.tco, c),
        },
        Headline {
            label: "Cost per request",
            value: t
                .cost_per_request
                .map_or_else(|| "n/a (no requests)".into(), |v| unit_money(v, c)),
        },
        Headline {
            label: "Value delivered",
            value: money(t.value, c),
        },
        Headline {
            label: "Net (value − TCO)",
            value: money(t.net, c),
        },
        Headline {
            label: "ROI",
            value: roi(t.roi_pct),
        },
        Headline {
            label: "Payback",
            value: payback(t.payback_month, h),
        },
    ];
    v.push(Headline {
        label: "Run cost ÷ build cost",
        value: t
            .run_to_build_ratio()
            .map_or_else(|| "n/a (no build cost)".into(), |r| format!("{r:.1}×")),
    });
    v
}
