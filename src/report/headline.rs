//! The headline figures every report leads with, as label/value pairs
//! formatted for people; the list and labels are `model::headline::Figure`.

use crate::model::headline::{Figure, Kind, UPKEEP_RANGE_PCT};
use crate::model::{Projection, Scenario};
use crate::numbers::{money, payback, pct, roi, unit_money};

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
        Kind::Ratio => v.map_or_else(|| "n/a (no build cost)".into(), crate::numbers::ratio),
        Kind::Fte => crate::numbers::fte(v.unwrap_or(0.0)),
        Kind::PercentOfBuild => v.map_or_else(
            || "n/a (no build cost)".into(),
            |u| {
                let (lo, hi) = UPKEEP_RANGE_PCT;
                if f.flagged(p) {
                    format!("{} ⚠ outside {lo:.0}–{hi:.0} %", pct(u))
                } else {
                    format!("{} (within {lo:.0}–{hi:.0} %)", pct(u))
                }
            },
        ),
    }
}

pub fn headlines(s: &Scenario, p: &Projection) -> Vec<Headline> {
    let c = s.currency.as_str();
    Figure::shown(s)
        .map(|f| Headline {
            label: f.label(),
            value: value_text(f, p, c),
        })
        .collect()
}

/// Where a version-2 plan's value comes from, in one sentence: labour saved
/// (value − errors avoided) and today's wrong outcomes avoided. `None` for a
/// version-1 plan, whose value is labour alone.
pub fn value_parts(s: &Scenario, p: &Projection) -> Option<String> {
    if !Figure::ErrorsAvoided.applies(s) {
        return None;
    }
    let c = s.currency.as_str();
    let t = &p.totals;
    let mut o = format!(
        "Value delivered {} = labour saved {} ({} % of the saved time counted as money)",
        money(t.value, c),
        money(t.value - t.errors_avoided, c),
        crate::numbers::number(s.value.realization_pct, 2)
    );
    if s.value.baseline_error_rate_pct > 0.0 {
        o.push_str(&format!(
            " + errors avoided {} (today's process gets {} % wrong; each costs {})",
            money(t.errors_avoided, c),
            crate::numbers::number(s.value.baseline_error_rate_pct, 2),
            money(s.risk.cost_per_error(), c)
        ));
    } else {
        o.push_str(&format!(
            " + errors avoided {}: no baseline error rate of today's process is given, so the system's errors are not set against today's",
            money(0.0, c)
        ));
    }
    o.push('.');
    Some(o)
}

/// One sentence on the months where the reviewer team covers less than the
/// review load (coverage below 100 %), with the worst month's needed and
/// staffed FTE; `None` when staffing covers every month. The monthly tables
/// show needed, staffed and coverage for each month.
pub fn understaffing(p: &Projection) -> Option<String> {
    let short: Vec<_> = p
        .months
        .iter()
        .filter(|m| m.review_coverage_pct < 100.0)
        .collect();
    let worst = short
        .iter()
        .min_by(|a, b| a.review_coverage_pct.total_cmp(&b.review_coverage_pct))?;
    let (first, last) = (short[0].month, short[short.len() - 1].month);
    let which = if first == last {
        format!("month {first}")
    } else if (last - first) as usize + 1 == short.len() {
        format!("months {first}–{last}")
    } else {
        format!(
            "{} months between month {first} and month {last}",
            short.len()
        )
    };
    Some(format!(
        "Review is understaffed in {which} of {}: coverage falls to {} in month {} ({} reviewer FTE needed, {} staffed), so fewer answers are checked and more errors reach people (counted in the error cost).",
        p.months.len(),
        crate::numbers::pct(worst.review_coverage_pct),
        worst.month,
        crate::numbers::number(worst.reviewer_fte_needed, 2),
        crate::numbers::number(worst.reviewer_fte_staffed, 2)
    ))
}
