//! `runcost compare`: plans side by side, differences from the first plan
//! (the baseline), and the inputs that differ — as a table, Markdown, CSV or JSON.

use serde_json::{Map, Value, json};

use super::Rendered;
use super::csv::failed;
use super::escape::{csv_text, markdown_cell as md_cell};
use super::grid::{Grid, wrap};
use crate::model::compare::{Delta, Figure, InputValue, best, differences};
use crate::model::{Category, Projection, Scenario};
use crate::numbers::{
    delta, field_value, money, money_places, payback, pct, roi, shared_unit_places,
};

/// One plan of a comparison: where it came from, the plan, its projection.
pub struct Entry<'a> {
    pub file: String,
    pub plan: &'a Scenario,
    pub projection: &'a Projection,
}

/// The decimals every cost per request of a comparison is written with, its
/// differences included: enough for the smallest, so $1.0039 stands beside
/// $0.6026 and +$0.4013 (never $1.00 beside $0.6026).
pub fn per_request_places(base: &Projection, ps: &[&Projection]) -> usize {
    let d = |p: &Projection| Figure::CostPerRequest.delta(base, p).map(|d| d.abs);
    shared_unit_places(
        ps.iter()
            .flat_map(|p| [p.totals.cost_per_request, d(p)])
            .flatten(),
    )
}

/// A figure as a person reads it; a cost per request with `places` decimals
/// (see [`per_request_places`]).
pub fn show_figure(f: Figure, p: &Projection, currency: &str, places: usize) -> String {
    let h = p.months.len();
    match f {
        Figure::Roi => roi(p.totals.roi_pct),
        Figure::Payback => payback(p.totals.payback_month, h),
        Figure::PaybackFromStart => payback(p.totals.payback_month_from_start, h),
        Figure::Upkeep => p
            .totals
            .upkeep_pct_of_build_per_year
            .map_or("n/a".into(), |u| {
                let flag = if f.flagged(p) { " ⚠" } else { "" };
                format!("{}{flag}", pct(u))
            }),
        Figure::CostPerRequest => p
            .totals
            .cost_per_request
            .map_or("n/a".into(), |v| money_places(v, currency, places)),
        Figure::CashCostPerRequest => p
            .totals
            .cash_cost_per_request
            .map_or("n/a".into(), |v| money_places(v, currency, places)),
        Figure::RoiOnCash => roi(p.totals.roi_on_cash_pct),
        Figure::FteSaved => crate::numbers::fte(p.totals.peak_fte_saved),
        _ => money(f.value(p).unwrap_or(0.0), currency),
    }
}

/// The change from the baseline as a person reads it ("" for the baseline);
/// a cost per request with `places` decimals, as [`show_figure`].
pub fn show_delta(
    f: Figure,
    base: &Projection,
    p: &Projection,
    currency: &str,
    places: usize,
) -> String {
    let Some(d) = f.delta(base, p) else {
        return "n/a".into();
    };
    if d.abs == 0.0 {
        return if matches!(f, Figure::Payback | Figure::PaybackFromStart) {
            "same month"
        } else {
            "no change"
        }
        .into();
    }
    match f {
        Figure::FteSaved => {
            let sign = if d.abs > 0.0 { "+" } else { "" };
            format!("{sign}{}", crate::numbers::fte(d.abs))
        }
        Figure::Roi | Figure::RoiOnCash | Figure::Upkeep => {
            let points = crate::numbers::signed_pct(d.abs);
            format!("{} pts", points.trim_end_matches(" %"))
        }
        Figure::Payback | Figure::PaybackFromStart => {
            let n = d.abs as i64;
            // A true minus sign, as every other difference.
            let sign = if n < 0 { "\u{2212}" } else { "+" };
            format!(
                "{sign}{} month{}",
                n.abs(),
                if n.abs() == 1 { "" } else { "s" }
            )
        }
        Figure::CostPerRequest => {
            let sign = if d.abs > 0.0 { "+" } else { "" };
            let rel = d.pct.map_or(String::new(), |r| {
                format!(" ({})", crate::numbers::signed_pct(r))
            });
            format!("{sign}{}{rel}", money_places(d.abs, currency, places))
        }
        _ => delta(d.abs, f.value(base).unwrap_or(0.0), currency),
    }
}

fn show_value(
    v: &Option<InputValue>,
    field: Option<crate::model::fields::Field>,
    currency: &str,
) -> String {
    match (v, field) {
        (None, _) => "—".into(),
        (Some(InputValue::Text(t)), _) => t.clone(),
        (Some(InputValue::Number(x)), Some(f)) => field_value(f, *x, currency),
        (Some(InputValue::Number(x)), None) => crate::numbers::number(*x, 4),
    }
}

/// [`per_request_places`] of the entries.
fn places_of(entries: &[Entry]) -> usize {
    let ps: Vec<&Projection> = entries.iter().map(|e| e.projection).collect();
    per_request_places(entries[0].projection, &ps)
}

fn marks(entries: &[Entry], i: usize) -> String {
    let ps: Vec<&Projection> = entries.iter().map(|e| e.projection).collect();
    let mut m = Vec::new();
    if best(Figure::Tco, &ps) == Some(i) {
        m.push("lowest TCO");
    }
    if best(Figure::Roi, &ps) == Some(i) {
        m.push("best ROI");
    }
    m.join(", ")
}

/// The comparison for a terminal `width` columns wide (`None`: one block):
/// the plans' figures side by side, then each plan's change from the
/// baseline, so a narrow terminal shows the figures first and the changes in
/// a second block.
pub fn table(entries: &[Entry], width: Option<usize>) -> String {
    let base = entries[0].projection;
    let mut header = vec!["".to_string()];
    header.extend(entries.iter().enumerate().map(|(i, e)| {
        if i == 0 {
            format!("{} (baseline)", e.plan.name)
        } else {
            e.plan.name.clone()
        }
    }));
    header.extend(entries.iter().skip(1).map(|e| format!("Δ {}", e.plan.name)));
    let mut t = Grid::new(header).right_from(1);
    let places = places_of(entries);
    for f in Figure::compared(&plans(entries)) {
        let mut row = vec![f.short_label().to_string()];
        let mut changes = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let c = e.plan.currency.as_str();
            row.push(show_figure(f, e.projection, c, places));
            if i > 0 {
                let d = show_delta(f, base, e.projection, c, places);
                changes.push(if d == "n/a" { String::new() } else { d });
            }
        }
        row.extend(changes);
        t.row(row);
    }
    let mut best_row = vec!["Best".to_string()];
    best_row.extend((0..entries.len()).map(|i| marks(entries, i)));
    t.row(best_row);
    // Tools and people only where some plan has them.
    let cats: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|k| {
            entries
                .iter()
                .any(|e| Category::of_plan(e.plan).contains(k))
        })
        .collect();
    for k in cats {
        let mut row = vec![format!("{} share", k.label())];
        row.extend(
            entries
                .iter()
                .map(|e| pct(e.projection.totals.share_pct(k))),
        );
        t.row(row);
    }
    let mut out = format!("{}\n", t.render(width));
    out.push_str(&differences_table(entries, width));
    for note in notes(entries) {
        out.push_str(&format!("\nNote: {note}\n"));
    }
    wrap(&out, width, "  ")
}

/// The inputs that differ, without those of version 3 when every plan is
/// older (there they are at their defaults, or stand in for a price the
/// other plan's model does not have).
fn shown_differences(entries: &[Entry]) -> Vec<crate::model::compare::InputDiff> {
    let v3 = entries.iter().any(|e| e.plan.format_version() >= 3);
    differences(&plans(entries))
        .into_iter()
        .filter(|d| v3 || d.field.is_none_or(|f| f.version() < 3))
        .collect()
}

fn plans<'a>(entries: &'a [Entry]) -> Vec<&'a Scenario> {
    entries.iter().map(|e| e.plan).collect()
}

/// The caveats and statements under the comparison (`model::compare::notes`).
fn notes(entries: &[Entry]) -> Vec<String> {
    let of: Vec<_> = entries.iter().map(|e| (e.plan, e.projection)).collect();
    crate::model::compare::notes(&of)
}

fn differences_table(entries: &[Entry], width: Option<usize>) -> String {
    let diffs = shown_differences(entries);
    if diffs.is_empty() {
        return "\nThe plans have the same inputs.\n".into();
    }
    let currency = entries[0].plan.currency.as_str();
    let mut header = vec!["What differs".to_string()];
    header.extend(entries.iter().map(|e| e.plan.name.clone()));
    let mut t = Grid::new(header).pivot();
    for d in diffs {
        let mut row = vec![d.label.clone()];
        row.extend(d.values.iter().map(|v| show_value(v, d.field, currency)));
        t.row(row);
    }
    format!("\n{}\n", t.render(width))
}

pub fn markdown(entries: &[Entry]) -> String {
    let base = entries[0].projection;
    let mut o = String::from("## Plans compared\n\n| |");
    for (i, e) in entries.iter().enumerate() {
        let suffix = if i == 0 { " (baseline)" } else { "" };
        o.push_str(&format!(" {}{suffix} |", md_cell(&e.plan.name)));
    }
    o.push_str("\n|---|");
    o.push_str(&"---:|".repeat(entries.len()));
    o.push('\n');
    let places = places_of(entries);
    for f in Figure::compared(&plans(entries)) {
        o.push_str(&format!("| {} |", f.short_label()));
        for (i, e) in entries.iter().enumerate() {
            let c = e.plan.currency.as_str();
            let v = show_figure(f, e.projection, c, places);
            if i == 0 {
                o.push_str(&format!(" {v} |"));
            } else {
                o.push_str(&format!(
                    " {v} ({}) |",
                    show_delta(f, base, e.projection, c, places)
                ));
            }
        }
        o.push('\n');
    }
    o.push_str("| |");
    for i in 0..entries.len() {
        let m = marks(entries, i);
        o.push_str(&format!(
            " {} |",
            if m.is_empty() {
                String::new()
            } else {
                format!("**{m}**")
            }
        ));
    }
    o.push('\n');
    let diffs = shown_differences(entries);
    if diffs.is_empty() {
        o.push_str("\nThe plans have the same inputs.\n");
    } else {
        let currency = entries[0].plan.currency.as_str();
        o.push_str("\n### What differs\n\n| Input |");
        for e in entries {
            o.push_str(&format!(" {} |", md_cell(&e.plan.name)));
        }
        o.push_str("\n|---|");
        o.push_str(&"---|".repeat(entries.len()));
        o.push('\n');
        for d in diffs {
            o.push_str(&format!("| {} |", md_cell(&d.label)));
            for v in &d.values {
                o.push_str(&format!(
                    " {} |",
                    md_cell(&show_value(v, d.field, currency))
                ));
            }
            o.push('\n');
        }
    }
    for note in notes(entries) {
        o.push_str(&format!("\n_Note: {note}._\n"));
    }
    super::escape::markup(&o).into_owned()
}

/// A plain machine number at full precision (the shortest text that reads
/// back as the same f64), or an empty cell.
fn number_or_empty(v: Option<f64>) -> String {
    v.map_or(String::new(), super::csv::exact)
}

/// CSV: one row per plan and figure, with its difference from the baseline
/// at full precision; `file` is the path as given on the command line. The
/// notes (different currencies or horizons) follow as rows whose `figure` is
/// `note` and whose `value` is the sentence.
pub fn csv(entries: &[Entry]) -> Rendered {
    let base = entries[0].projection;
    let mut w = super::csv::writer();
    w.write_record(["plan", "file", "figure", "value", "delta", "delta_pct"])
        .map_err(failed)?;
    for e in entries {
        for f in Figure::compared(&plans(entries)) {
            let d = f.delta(base, e.projection);
            w.write_record([
                &*csv_text(&e.plan.name),
                &*csv_text(&e.file),
                f.key(),
                &number_or_empty(f.value(e.projection)),
                &number_or_empty(d.map(|d| d.abs)),
                &number_or_empty(d.and_then(|d| d.pct)),
            ])
            .map_err(failed)?;
        }
    }
    for note in notes(entries) {
        w.write_record(["", "", "note", &*csv_text(&note), "", ""])
            .map_err(failed)?;
    }
    super::csv::finish(w)
}

fn input_json(v: &Option<InputValue>) -> Value {
    match v {
        None => Value::Null,
        Some(InputValue::Number(x)) => json!(x),
        Some(InputValue::Text(t)) => json!(t),
    }
}

/// JSON: one entry per plan with its totals (spec §3 names) and deltas against
/// the first plan, plus the inputs that differ.
pub fn json(entries: &[Entry]) -> Rendered {
    let base = entries[0].projection;
    let plans_json: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut deltas = Map::new();
            for f in Figure::compared(&plans(entries)) {
                let d: Option<Delta> = f.delta(base, e.projection);
                deltas.insert(f.key().into(), d.map_or(Value::Null, |d| json!(d)));
            }
            json!({
                "file": e.file,
                "name": e.plan.name,
                "currency": e.plan.currency,
                "horizon_months": e.projection.months.len(),
                "month1_cost": e.projection.first().map_or(0.0, |m| m.total),
                "totals": e.projection.totals,
                "deltas": deltas,
            })
        })
        .collect();
    let diffs: Vec<Value> = shown_differences(entries)
        .iter()
        .map(|d| {
            json!({
                "path": d.path,
                "label": d.label,
                "values": d.values.iter().map(input_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let out = json!({
        "baseline": 0,
        "plans": plans_json,
        "differences": diffs,
        "notes": notes(entries),
    });
    super::json::pretty(&out)
}
