//! Renderers for the analyses: sensitivity (tornado) and Monte Carlo bands,
//! as tables, Markdown or JSON (break-even findings: `report::breakeven`).

use serde_json::json;

use super::Rendered;
use super::csv::failed;
use super::grid::{Grid, wrap};
use super::json::pretty;
use crate::model::Scenario;
use crate::model::analysis::off_band::{OffBand, Side};
use crate::model::analysis::sensitivity::Swing;
use crate::model::analysis::uncertainty::Simulation;
use crate::model::fields::Field;
use crate::numbers::{count, money, number};

fn value(f: Field, v: f64, c: &str) -> String {
    crate::numbers::field_value(f, v, c)
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
        let fields: Vec<_> = s.uncertainty.iter().map(|r| r.field.path()).collect();
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
