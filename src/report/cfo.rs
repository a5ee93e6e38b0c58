//! What every report says beside the figures since version 3 (spec §6, "What
//! the reports and the workbench say"): which lines are cash, that the cost
//! of wrong answers is an estimate, whether the system errs more than
//! today, the FTE the value stands for, each severity tier's count and the
//! plan's cases side by side. Built once as plain text and tables; each
//! format writes them its own way.

use super::client::model::{Align, Table};
use super::headline::value_text;
use crate::model::cases::plan_of;
use crate::model::headline::Figure;
use crate::model::quality::{
    TierCount, full_realization_flag, tier_counts, worse_than_today_sentence,
};
use crate::model::{Category, Projection, Scenario, project};
use crate::numbers::{count, field_value, fte, money, number, pct};

/// Said of a rare, lumpy tier.
pub const LUMPY: &str =
    "a rare, lumpy event an expected value understates; a tail case belongs in the plan's cases";

/// `text` with its first letter upper-case (a sentence the model writes
/// lower-case, to be quoted inside another).
pub fn sentence(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Cash TCO first, the estimates beside it, never summed into it.
pub fn estimates_note(s: &Scenario, p: &Projection) -> String {
    let (c, t) = (s.currency.as_str(), &p.totals);
    format!(
        "Cash TCO {} is what is billed or paid (build {} + cash run cost {}). The expected cost of wrong answers ({}) and the net quality impact against today's process ({}) are estimates of risk: shown beside it, never added to cash.",
        money(t.cash_tco, c),
        money(t.build_cost, c),
        money(t.cash_run_cost, c),
        money(t.expected_error_cost, c),
        money(t.quality_impact, c)
    )
}

/// The FTE the value stands for, and the flag of a plan that counts every
/// saved minute as money; `None` when no time is saved.
pub fn value_people(s: &Scenario, p: &Projection) -> Option<String> {
    let t = &p.totals;
    if t.time_value <= 0.0 {
        return None;
    }
    let mut o = format!(
        "The saved time stands for up to {} (peak month, {} productive hours each).",
        fte(t.peak_fte_saved),
        number(s.oversight.productive_hours_per_month, 1)
    );
    if full_realization_flag(s, t) {
        o.push_str(
            " ⚠ It counts 100 % of the saved time as money (value.realization_pct left at its default, 100 %).",
        );
    }
    Some(o)
}

/// A lumpy tier in one sentence.
pub fn lumpy_sentence(s: &Scenario, p: &Projection, tier: &TierCount) -> String {
    if tier.share_pct <= 0.0 {
        // At share 0 the plan counts none: the tier is kept for a case.
        return format!(
            "Severity tier \"{}\": none in the plan's expected cost (its share is 0 %) at {} each — a tail the plan's cases can set.",
            tier.name,
            money(tier.cost, &s.currency)
        );
    }
    format!(
        "Severity tier \"{}\": {} over {} months at {} each — {LUMPY}.",
        tier.name,
        tier_count(tier.count),
        p.months.len(),
        money(tier.cost, &s.currency)
    )
}

/// What every format says in words beside the figures: the system wrong
/// more often than today, the FTE of the value (and its full-realization
/// flag), each rare, lumpy tier. The JSON report's `statements`.
pub fn statements(s: &Scenario, p: &Projection) -> Vec<String> {
    let t = &p.totals;
    let mut o = Vec::new();
    if let Some(w) = worse_than_today_sentence(s, t) {
        o.push(format!("{}.", sentence(&w)));
    }
    o.extend(value_people(s, p));
    for tier in tier_counts(s, t).iter().filter(|x| x.lumpy) {
        o.push(lumpy_sentence(s, p, tier));
    }
    o
}

/// A count of wrong answers: `0.62`, `12.4`, `1,234`.
pub fn tier_count(v: f64) -> String {
    if v < 10.0 {
        number(v, 2)
    } else if v < 100.0 {
        number(v, 1)
    } else {
        count(v)
    }
}

/// The severity tiers with the count each implies over the horizon; `None`
/// without tiers.
pub fn tiers_table(s: &Scenario, p: &Projection) -> Option<Table> {
    let tiers = tier_counts(s, &p.totals);
    if tiers.is_empty() {
        return None;
    }
    let c = s.currency.as_str();
    let flagged = tiers.iter().any(|x| x.lumpy);
    let mut cols = vec![
        ("Severity tier".to_string(), Align::Left),
        ("Share".into(), Align::Right),
        ("Cost each".into(), Align::Right),
        (format!("Count in {} months", p.months.len()), Align::Right),
        ("Expected total".into(), Align::Right),
    ];
    if flagged {
        cols.push(("Flag".into(), Align::Left));
    }
    let mut t = Table::new(cols);
    for x in &tiers {
        let mut row = vec![
            x.name.clone(),
            pct(x.share_pct),
            money(x.cost, c),
            tier_count(x.count),
            money(x.total, c),
        ];
        if flagged {
            row.push(if x.lumpy { "⚠ rare, lumpy" } else { "" }.into());
        }
        t.row(row);
    }
    Some(t)
}

/// The cost lines a person reads for this plan, and whether each is cash:
/// a row per category with its horizon cost and share of the run cost, then
/// the cash run cost and the run cost with expected losses.
pub fn breakdown_table(s: &Scenario, p: &Projection) -> Table {
    let (c, t) = (s.currency.as_str(), &p.totals);
    let mut b = Table::new([
        ("Category", Align::Left),
        ("Cash", Align::Left),
        ("Horizon", Align::Right),
        ("Share", Align::Right),
    ]);
    for k in Category::of_plan(s) {
        b.row(vec![
            k.label().to_string(),
            if k.is_cash() {
                "yes".into()
            } else {
                "no (estimate)".into()
            },
            money(t.category(k), c),
            pct(t.share_pct(k)),
        ]);
    }
    let share = |v: f64| {
        pct(if t.run_cost > 0.0 {
            v / t.run_cost * 100.0
        } else {
            0.0
        })
    };
    b.total(vec![
        Figure::CashRunCost.label().to_string(),
        "yes".into(),
        money(t.cash_run_cost, c),
        share(t.cash_run_cost),
    ]);
    b.total(vec![
        Figure::RunCost.label().to_string(),
        String::new(),
        money(t.run_cost, c),
        share(t.run_cost),
    ]);
    b
}

/// The figures a cases table puts side by side: cash first, the estimates,
/// then what the plan returns (NPV from version 2 on).
pub fn case_figures(s: &Scenario) -> Vec<Figure> {
    [
        Figure::CashTco,
        Figure::ExpectedErrorCost,
        Figure::QualityImpact,
        Figure::CashRunCost,
        Figure::CashCostPerRequest,
        Figure::Value,
        Figure::FteSaved,
        Figure::Net,
        Figure::Npv,
        Figure::RoiOnCash,
        Figure::Payback,
    ]
    .into_iter()
    .filter(|f| f.applies(s))
    .collect()
}

/// Each case's projection, in file order (a case that cannot be set, which
/// validation refuses, is left out).
pub fn case_projections(s: &Scenario) -> Vec<(String, Projection)> {
    s.cases
        .iter()
        .filter_map(|c| Some((c.name.clone(), project(&plan_of(s, c).ok()?))))
        .collect()
}

/// The plan and each case in compare-style columns of the headline
/// figures; `None` without cases.
pub fn cases_table(s: &Scenario, p: &Projection) -> Option<Table> {
    let cases = case_projections(s);
    if cases.is_empty() {
        return None;
    }
    let c = s.currency.as_str();
    let mut cols = vec![
        ("Figure".to_string(), Align::Left),
        ("Plan".to_string(), Align::Right),
    ];
    cols.extend(cases.iter().map(|(n, _)| (n.clone(), Align::Right)));
    let mut t = Table::new(cols);
    for f in case_figures(s) {
        let mut row = vec![f.label().to_string(), value_text(f, p, c)];
        row.extend(cases.iter().map(|(_, q)| value_text(f, q, c)));
        t.row(row);
    }
    Some(t)
}

/// What each case sets, one line per case: "Cautious: Minutes saved per
/// request 3 min (plan 5 min), …".
pub fn case_inputs(s: &Scenario) -> Vec<String> {
    let c = s.currency.as_str();
    s.cases
        .iter()
        .map(|case| {
            let set: Vec<String> = case
                .set
                .iter()
                .map(|v| match v.field.field() {
                    Some(f) => {
                        let plan = f
                            .get(s)
                            .filter(|_| !f.falls_back(s))
                            .map_or_else(|| "none".into(), |x| field_value(f, x, c));
                        format!(
                            "{} {} (plan {plan})",
                            f.label_in(s),
                            field_value(f, v.value, c)
                        )
                    }
                    None => format!("{} = {}", v.field.path(), number(v.value, 4)),
                })
                .collect();
            format!("{}: {}", case.name, set.join(", "))
        })
        .collect()
}
