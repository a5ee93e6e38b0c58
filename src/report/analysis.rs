//! Renderers for the analyses: sensitivity (tornado), Monte Carlo bands and
//! break-even findings, as tables, Markdown or JSON.

use serde_json::json;

use super::Rendered;
use super::csv::failed;
use super::format::{count, money, number, pct};
use super::grid::{Grid, wrap};
use super::json::pretty;
use crate::model::Scenario;
use crate::model::analysis::breakeven::{
    Against, BudgetHolds, Compares, HostingBreakEven, MinutesToPayBack,
};
use crate::model::analysis::off_band::{OffBand, Side};
use crate::model::analysis::sensitivity::Swing;
use crate::model::analysis::uncertainty::Simulation;
use crate::model::fields::Field;

fn value(f: Field, v: f64, c: &str) -> String {
    super::format::field_value(f, v, c)
}

/// The sensitivity table for a terminal `width` columns wide: the input
/// values at −pct/+pct are the first to be left out when it does not fit.
pub fn sensitivity_table(
    s: &Scenario,
    swings: &[Swing],
    pct: f64,
    top: usize,
    width: Option<usize>,
) -> String {
    // `1e-320`, not a 320-character number.
    let shown = crate::model::validate::show(pct);
    let c = s.currency.as_str();
    let mut t = Grid::new([
        "Driver".to_string(),
        format!("−{shown} %"),
        format!("+{shown} %"),
        format!("TCO at −{shown} %"),
        format!("TCO at +{shown} %"),
        "Swing".into(),
    ])
    .right_from(3)
    .optional(&[1, 2]);
    for w in swings.iter().filter(|w| w.swing > 0.0).take(top) {
        t.row([
            w.label.clone(),
            value(w.field, w.low_value, c),
            value(w.field, w.high_value, c),
            money(w.tco_low, c),
            money(w.tco_high, c),
            money(w.swing, c),
        ]);
    }
    let flat = swings.iter().filter(|w| w.swing == 0.0).count();
    let text = format!(
        "What moves the {h}-month TCO when each input moves ±{shown} %, largest swing first:\n\n{t}\n{flat} input(s) do not move the TCO at all.\n",
        h = s.horizon_months,
        t = t.render(width),
    );
    wrap(&text, width, "")
}

pub fn sensitivity_md(s: &Scenario, swings: &[Swing], pct: f64, top: usize) -> String {
    // `1e-320`, not a 320-character number.
    let shown = crate::model::validate::show(pct);
    let c = s.currency.as_str();
    let mut o = format!(
        "### What drives the cost (each input −{shown} % and +{shown} %)\n\n| Driver | TCO, input −{shown} % | TCO, input +{shown} % | Swing |\n|---|---:|---:|---:|\n"
    );
    for w in swings.iter().filter(|w| w.swing > 0.0).take(top) {
        o.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            super::escape::markdown_cell(&w.label),
            money(w.tco_low, c),
            money(w.tco_high, c),
            money(w.swing, c)
        ));
    }
    super::escape::markup(&o).into_owned()
}

/// CSV: one row per input, largest swing first; the label is text (guarded
/// against spreadsheet formulas), every other cell a plain number.
pub fn sensitivity_csv(swings: &[Swing]) -> Rendered {
    let mut w = super::csv::writer();
    w.write_record([
        "driver",
        "path",
        "value",
        "low_value",
        "high_value",
        "tco_low",
        "tco_high",
        "swing",
    ])
    .map_err(failed)?;
    for s in swings {
        w.write_record([
            &*super::escape::csv_text(&s.label),
            &*super::escape::csv_text(&s.path),
            &super::csv::exact(s.value),
            &super::csv::exact(s.low_value),
            &super::csv::exact(s.high_value),
            &super::csv::amount(s.tco_low, 2),
            &super::csv::amount(s.tco_high, 2),
            &super::csv::amount(s.swing, 2),
        ])
        .map_err(failed)?;
    }
    super::csv::finish(w)
}

pub fn sensitivity_json(swings: &[Swing], pct: f64) -> Rendered {
    pretty(&json!({ "pct": pct, "drivers": swings }))
}

/// The Monte Carlo bands for a terminal `width` columns wide.
pub fn simulation_table(s: &Scenario, sim: &Simulation, width: Option<usize>) -> String {
    let c = s.currency.as_str();
    let mut o = if s.uncertainty.is_empty() {
        "The plan gives no ranges (uncertainty: [...]), so every draw is the plan itself.\n\n"
            .to_string()
    } else {
        let fields: Vec<&str> = s.uncertainty.iter().map(|r| r.field.as_str()).collect();
        format!("Ranges on: {}\n\n", fields.join(", "))
    };
    o.push_str(&format!(
        "TCO over {} months: P10 {} · P50 {} · P90 {}  ({} draws, seed {})\n\n",
        s.horizon_months,
        money(sim.tco.p10, c),
        money(sim.tco.p50, c),
        money(sim.tco.p90, c),
        count(sim.draws as f64),
        sim.seed
    ));
    if let Some(why) = &sim.off_band {
        o.push_str(&format!(
            "The plan's own TCO is {}. {}\n\n",
            money(why.tco, c),
            off_band_text(s, why, 3)
        ));
    }
    let mut t = Grid::new(["Month", "P10", "P50", "P90"]).right_from(0);
    for (i, b) in sim.monthly_total.iter().enumerate() {
        t.row([
            (i + 1).to_string(),
            money(b.p10, c),
            money(b.p50, c),
            money(b.p90, c),
        ]);
    }
    o.push_str(&t.render(width));
    wrap(&o, width, "  ") + "\n"
}

/// Why the plan's TCO sits outside its P10–P90, as the screen and the
/// reports say it: "The TCO is below P10: the plan's values sit at the
/// low-cost end of their ranges (Requests per day 4,000 req/day in
/// 4,000–6,000), so most draws cost more." At most `names` inputs are named.
pub fn off_band_text(s: &Scenario, ob: &OffBand, names: usize) -> String {
    let c = s.currency.as_str();
    let (side, end, most) = match ob.side {
        Side::Below => ("below P10", "low-cost", "more"),
        Side::Above => ("above P90", "high-cost", "less"),
    };
    if ob.leans.is_empty() {
        return format!(
            "The TCO is {side}: taken together, the ranges make most draws cost {most} than the plan's own values."
        );
    }
    let mut named: Vec<String> = ob
        .leans
        .iter()
        .take(names.max(1))
        .map(|l| {
            format!(
                "{} {} in {}–{}",
                crate::model::analysis::sensitivity::label_of(s, l.field),
                value(l.field, l.value, c),
                number(l.low, 6),
                number(l.high, 6)
            )
        })
        .collect();
    let more = ob.leans.len().saturating_sub(named.len());
    if more > 0 {
        named.push(format!("{more} more"));
    }
    let (values, ranges) = if ob.leans.len() == 1 {
        ("value sits", "its range")
    } else {
        ("values sit", "their ranges")
    };
    format!(
        "The TCO is {side}: the plan's {values} at the {end} end of {ranges} ({}), so most draws cost {most}.",
        named.join("; ")
    )
}

/// The same in a few words, for a narrow screen: "TCO below P10: Requests
/// per day sits at the low-cost end of its range".
pub fn off_band_brief(s: &Scenario, ob: &OffBand) -> String {
    let (side, end, most) = match ob.side {
        Side::Below => ("below P10", "low-cost", "higher"),
        Side::Above => ("above P90", "high-cost", "lower"),
    };
    match ob.leans.as_slice() {
        [] => format!("TCO {side}: the ranges together pull most draws {most}"),
        [one] => format!(
            "TCO {side}: {} sits at the {end} end of its range",
            crate::model::analysis::sensitivity::label_of(s, one.field)
        ),
        [first, rest @ ..] => format!(
            "TCO {side}: {} and {} more sit at the {end} end of their ranges",
            crate::model::analysis::sensitivity::label_of(s, first.field),
            rest.len()
        ),
    }
}

pub fn simulation_json(sim: &Simulation) -> Rendered {
    pretty(sim)
}

pub fn breakeven_text(
    s: &Scenario,
    hosting: &[HostingBreakEven],
    minutes: MinutesToPayBack,
    budget: Option<(f64, BudgetHolds)>,
) -> String {
    let c = s.currency.as_str();
    let mut o = String::from("Self-hosting against the plan's model mix, over the horizon:\n");
    // One column for the options' names, however long the longest is.
    let w = hosting
        .iter()
        .map(|h| h.option.chars().count())
        .fold(26, usize::max);
    for h in hosting.iter().filter(|h| h.against != Against::Nothing) {
        let cheaper = h.cheaper_above.as_deref().unwrap_or_default();
        let (lead, other) = match h.against {
            Against::ApiModels => (
                format!(
                    "already self-hosted for {} of the traffic; against the plan's API models alone: ",
                    pct(h.plan_share_pct)
                ),
                "the API models",
            ),
            _ => (String::new(), "the mix"),
        };
        match (h.requests_per_day, h.gpus) {
            (Some(rpd), Some(g)) => o.push_str(&format!(
                "  {:<w$} {lead}break-even at {} requests/day ({} GPU{}); above it {cheaper} is cheaper — {}\n",
                h.option,
                count(rpd),
                number(g, 0),
                if g == 1.0 { "" } else { "s" },
                hosting_caveat(h)
            )),
            _ => o.push_str(&format!(
                "  {:<w$} {lead}no break-even between 1 % and 100× today's volume: {cheaper} is cheaper (at today's volume: self-hosted {}, {other} {}) — {}\n",
                h.option,
                money(h.option_inference + h.option_errors, c),
                money(h.plan_inference + h.plan_errors, c),
                hosting_caveat(h)
            )),
        }
    }
    if let Some(note) = hosting_note(hosting) {
        o.push_str(&format!("  {note}\n"));
    }
    for h in hosting.iter().filter(|h| h.against == Against::Nothing) {
        o.push_str(&format!("  {}\n", not_compared(h)));
    }
    o.push_str(&format!(
        "\n{}\n",
        payback_sentence(s, minutes, "Pays back")
    ));
    if let Some((budget, v)) = budget {
        o.push_str(&budget_sentence(s, budget, v));
        o.push('\n');
    }
    o
}

/// Why an option is left out of the comparison: the plan already self-hosts
/// it, with no API model to weigh it against.
pub fn not_compared(h: &HostingBreakEven) -> String {
    format!(
        "Not compared: {} is what the plan already self-hosts ({} of the traffic), and the plan has no API model to weigh it against.",
        h.option,
        pct(h.plan_share_pct)
    )
}

/// What the minutes saved must be to pay back, as a sentence beginning
/// with `pays` ("Pays back", "The investment pays back").
pub fn payback_sentence(s: &Scenario, m: MinutesToPayBack, pays: &str) -> String {
    let c = s.currency.as_str();
    let h = s.horizon_months;
    let now = number(s.value.minutes_saved_per_request, 2);
    match m {
        MinutesToPayBack::AtLeast { minutes } => format!(
            "{pays} within {h} months if each request saves at least {} minutes (the plan assumes {now}).",
            number(minutes, 2)
        ),
        MinutesToPayBack::ErrorsAvoidedAlone { tco, .. } if tco <= 0.0 => {
            format!("Nothing to pay back: the plan costs nothing over {h} months.")
        }
        MinutesToPayBack::ErrorsAvoidedAlone {
            errors_avoided,
            tco,
        } => format!(
            "{pays} within {h} months on the errors it avoids alone, even if no request saves a minute: the errors today's process makes and this system no longer does are worth {}, at least the TCO of {}; the {now} minutes the plan assumes a request saves come on top.",
            money(errors_avoided, c),
            money(tco, c)
        ),
        MinutesToPayBack::BeyondBound { most, .. } => format!(
            "Saved time does not pay it back within {h} months: each request would have to save more than {} minutes (the plan assumes {now}).",
            count(most)
        ),
        MinutesToPayBack::NoTimeValue { why } => format!(
            "Saved time does not pay it back within {h} months: {}.",
            why.says()
        ),
    }
}

/// What a monthly budget holds, as a sentence.
pub fn budget_sentence(s: &Scenario, budget: f64, v: BudgetHolds) -> String {
    let c = s.currency.as_str();
    match v {
        BudgetHolds::UpTo { requests_per_day } => format!(
            "A monthly budget of {} holds up to {} requests/day in the most expensive month.",
            money(budget, c),
            count(requests_per_day)
        ),
        BudgetHolds::AllAllowed { requests_per_day } => format!(
            "A monthly budget of {} holds even {} requests/day (the most a plan may have) in the most expensive month.",
            money(budget, c),
            count(requests_per_day)
        ),
        BudgetHolds::NotFixedCosts => format!(
            "A monthly budget of {} does not cover even the fixed costs.",
            money(budget, c)
        ),
    }
}

pub fn breakeven_json(
    hosting: &[HostingBreakEven],
    minutes: MinutesToPayBack,
    budget: Option<(f64, BudgetHolds)>,
) -> Rendered {
    let max = |v: BudgetHolds| match v {
        BudgetHolds::UpTo { requests_per_day } | BudgetHolds::AllAllowed { requests_per_day } => {
            Some(requests_per_day)
        }
        BudgetHolds::NotFixedCosts => None,
    };
    pretty(&json!({
        "self_hosting": hosting,
        "minutes_saved_to_pay_back": minutes.minutes(),
        "payback": minutes,
        "budget": budget.map(|(b, v)| json!({
            "monthly_budget": b,
            "max_requests_per_day": max(v),
            "holds": v,
        })),
    }))
}

/// What a break-even line compares, and the caveat that goes with it: an
/// inference-only line does not say the option answers as well as the plan's
/// models; an errors line says where the option's error rate comes from.
pub fn hosting_caveat(h: &HostingBreakEven) -> String {
    let mut sizing = Vec::new();
    if h.peak_to_average != 1.0 {
        sizing.push(format!("peak {}×", number(h.peak_to_average, 2)));
    }
    if h.gpus_per_replica > 1 {
        sizing.push(format!("{}-GPU replicas", h.gpus_per_replica));
    }
    if h.spare_replicas > 0 {
        sizing.push(format!("{} spare", h.spare_replicas));
    }
    let sizing = if sizing.is_empty() {
        String::new()
    } else {
        format!("; sized for {}", sizing.join(", "))
    };
    match h.compares {
        Compares::InferenceOnly => format!("{}{sizing}", h.compares.label()),
        Compares::InferenceAndErrors if h.option_error_rate_known => format!(
            "{} (its error rate {} %){sizing}",
            h.compares.label(),
            number(h.option_error_rate_pct, 2)
        ),
        Compares::InferenceAndErrors => format!(
            "{} ({} % error rate assumed: none given for it){sizing}",
            h.compares.label(),
            number(h.option_error_rate_pct, 2)
        ),
    }
}

/// The caveat said once under the break-even lines that compare inference
/// only: a cheaper model is not a drop-in for the plan's models.
pub fn hosting_note(hosting: &[HostingBreakEven]) -> Option<&'static str> {
    hosting
        .iter()
        .any(|h| h.compares == Compares::InferenceOnly)
        .then_some(
            "Inference only: quality not compared (the plan gives no error rate for the option); not a drop-in until its error rate is checked.",
        )
}
