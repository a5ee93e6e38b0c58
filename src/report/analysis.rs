//! Renderers for the analyses: sensitivity (tornado) and Monte Carlo bands,
//! as tables, Markdown or JSON (break-even findings: `report::breakeven`).

use serde_json::json;

use super::Rendered;
use super::csv::failed;
use super::grid::{Grid, wrap};
use super::json::pretty;
use crate::model::Scenario;
use crate::model::analysis::metric::Metric;
use crate::model::analysis::off_band::{OffBand, Side};
use crate::model::analysis::sensitivity::Swing;
use crate::model::analysis::uncertainty::Simulation;
use crate::model::fields::Field;
use crate::numbers::{count, money, number};

fn value(f: Field, v: f64, c: &str) -> String {
    crate::numbers::field_value(f, v, c)
}

/// How far each input moves and the figure it moves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct On {
    pub pct: f64,
    pub metric: Metric,
}

impl On {
    /// The default of `runcost sensitivity`: TCO with expected losses.
    pub fn tco(pct: f64) -> On {
        On {
            pct,
            metric: Metric::Tco,
        }
    }
}

/// The sensitivity table for a terminal `width` columns wide: the input
/// values at −pct/+pct are the first to be left out when it does not fit.
pub fn sensitivity_table(
    s: &Scenario,
    swings: &[Swing],
    on: On,
    top: usize,
    width: Option<usize>,
) -> String {
    // `1e-320`, not a 320-character number.
    let shown = crate::model::validate::show(on.pct);
    let m = on.metric.short_label();
    let c = s.currency.as_str();
    let mut t = Grid::new([
        "Driver".to_string(),
        format!("−{shown} %"),
        format!("+{shown} %"),
        format!("{m} at −{shown} %"),
        format!("{m} at +{shown} %"),
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
        "What moves the {h}-month {label} when each input moves ±{shown} %, largest swing first:\n\n{t}\n{flat} input(s) do not move the {label} at all.\n",
        h = s.horizon_months,
        label = metric_words(on.metric),
        t = t.render(width),
    );
    wrap(&text, width, "")
}

/// The metric as a sentence names it: "TCO", "cash TCO", "net present value".
fn metric_words(m: Metric) -> &'static str {
    match m {
        Metric::Tco => "TCO",
        Metric::CashTco => "cash TCO",
        Metric::Npv => "net present value",
    }
}

pub fn sensitivity_md(s: &Scenario, swings: &[Swing], on: On, top: usize) -> String {
    // `1e-320`, not a 320-character number.
    let shown = crate::model::validate::show(on.pct);
    let c = s.currency.as_str();
    let m = on.metric.short_label();
    let heading = match on.metric {
        Metric::Tco => "What drives the cost".to_string(),
        other => format!("What drives the {}", metric_words(other)),
    };
    let mut o = format!(
        "### {heading} (each input −{shown} % and +{shown} %)\n\n| Driver | {m}, input −{shown} % | {m}, input +{shown} % | Swing |\n|---|---:|---:|---:|\n"
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
/// The figure's two columns are named for it: `tco_low`/`tco_high` (the
/// default), `cash_tco_low`/`cash_tco_high` or `npv_low`/`npv_high`.
pub fn sensitivity_csv(swings: &[Swing], metric: Metric) -> Rendered {
    let (low, high) = match metric {
        Metric::Tco => ("tco_low", "tco_high"),
        Metric::CashTco => ("cash_tco_low", "cash_tco_high"),
        Metric::Npv => ("npv_low", "npv_high"),
    };
    let mut w = super::csv::writer();
    w.write_record([
        "driver",
        "path",
        "value",
        "low_value",
        "high_value",
        low,
        high,
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

/// `{"pct", "drivers"}`, and `"metric"` when it is not the default TCO
/// (each driver's `tco_low`/`tco_high` are then of that figure).
pub fn sensitivity_json(swings: &[Swing], on: On) -> Rendered {
    match metric_key(on.metric) {
        None => pretty(&json!({ "pct": on.pct, "drivers": swings })),
        Some(k) => pretty(&json!({ "pct": on.pct, "metric": k, "drivers": swings })),
    }
}

/// The metric's name in JSON, `None` for the default TCO (whose output is
/// as it was before version 3).
fn metric_key(m: Metric) -> Option<&'static str> {
    match m {
        Metric::Tco => None,
        Metric::CashTco => Some("cash_tco"),
        Metric::Npv => Some("npv"),
    }
}

/// The Monte Carlo bands for a terminal `width` columns wide, of the
/// horizon `metric` and of each month (in cash for cash TCO, else with
/// expected losses).
pub fn simulation_table(
    s: &Scenario,
    sim: &Simulation,
    metric: Metric,
    width: Option<usize>,
) -> String {
    let c = s.currency.as_str();
    let mut o = if s.uncertainty.is_empty() {
        "The plan gives no ranges (uncertainty: [...]), so every draw is the plan itself.\n\n"
            .to_string()
    } else {
        let fields: Vec<_> = s.uncertainty.iter().map(|r| r.field.path()).collect();
        format!("Ranges on: {}\n\n", fields.join(", "))
    };
    let band = sim.band(metric);
    // "TCO" as the command always wrote it; the other metrics by name.
    let name = match metric {
        Metric::Tco => "TCO",
        other => other.label(),
    };
    o.push_str(&format!(
        "{name} over {} months: P10 {} · P50 {} · P90 {}  ({} draws, seed {})\n\n",
        s.horizon_months,
        money(band.p10, c),
        money(band.p50, c),
        money(band.p90, c),
        count(sim.draws as f64),
        sim.seed
    ));
    // Why the plan sits outside its band is worked out for the TCO.
    if let Some(why) = sim.off_band.as_ref().filter(|_| metric == Metric::Tco) {
        o.push_str(&format!(
            "The plan's own TCO is {}. {}\n\n",
            money(why.tco, c),
            off_band_text(s, why, 3)
        ));
    }
    let monthly = match metric {
        Metric::CashTco => {
            o.push_str("Each month's cash cost:\n\n");
            &sim.monthly_cash
        }
        Metric::Tco => &sim.monthly_total,
        Metric::Npv => {
            o.push_str("Each month's cost, with expected losses:\n\n");
            &sim.monthly_total
        }
    };
    let mut t = Grid::new(["Month", "P10", "P50", "P90"]).right_from(0);
    for (i, b) in monthly.iter().enumerate() {
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

/// The simulation as the `simulate` command has always written it; with
/// another metric, `"metric"` and its band (`"metric_band"`) beside it, and
/// each month's cash band for cash TCO.
pub fn simulation_json(sim: &Simulation, metric: Metric) -> Rendered {
    let Some(k) = metric_key(metric) else {
        return pretty(sim);
    };
    let mut v = serde_json::to_value(sim).map_err(|e| super::RenderError::Json(e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("metric".into(), json!(k));
        o.insert("metric_band".into(), json!(sim.band(metric)));
        if metric == Metric::CashTco {
            o.insert("monthly_cash".into(), json!(sim.monthly_cash));
        }
    }
    pretty(&v)
}
