//! Plan against actuals as JSON (spec actuals.md §5, every key present, null
//! where a value does not apply) and as a table for a terminal.

use serde_json::{Map, Value, json};

use super::Rendered;
use super::grid::{Grid, wrap};
use super::json::pretty;
use crate::model::Scenario;
use crate::model::actuals::variance::{Against, Cell, Ratio, Status};
use crate::numbers::{count, money, signed_pct};

fn cell_json(c: &Cell, effects: bool) -> Value {
    let mut o = Map::new();
    o.insert("planned".into(), json!(c.planned));
    o.insert("actual".into(), json!(c.actual));
    o.insert("variance".into(), json!(c.variance));
    o.insert("variance_pct".into(), json!(c.variance_pct));
    if effects {
        o.insert("volume_effect".into(), json!(c.volume_effect));
        o.insert("rate_effect".into(), json!(c.rate_effect));
    }
    o.insert("forecast".into(), json!(c.forecast));
    // Beside the spec's keys: the actual is (partly) a tool's own pricing.
    o.insert("estimate".into(), json!(c.estimate));
    Value::Object(o)
}

fn ratio_json(r: &Ratio) -> Value {
    json!(r.ratio)
}

/// The §5 object, with `bands` (each ratio's low and high, and whether the
/// plan is kept), `outside` and `set_aside` beside the spec's keys.
pub fn json(s: &Scenario, a: &Against) -> Rendered {
    let months: Vec<Value> = a
        .months
        .iter()
        .map(|m| {
            let mut lines = Map::new();
            for (k, c) in &m.lines {
                lines.insert(k.key().into(), cell_json(c, true));
            }
            json!({
                "month": m.month,
                "calendar": m.calendar.to_string(),
                "status": m.status.key(),
                "requests": cell_json(&m.requests, false),
                "lines": lines,
            })
        })
        .collect();
    let mut ratios = Map::new();
    let mut bands = Map::new();
    ratios.insert("requests".into(), ratio_json(&a.requests_ratio));
    bands.insert("requests".into(), band_json(&a.requests_ratio));
    for (k, r) in &a.ratios {
        ratios.insert(k.key().into(), ratio_json(r));
        bands.insert(k.key().into(), band_json(r));
    }
    let t = &a.totals;
    pretty(&json!({
        "plan": s.name,
        "start": a.start.to_string(),
        "last_actual_month": a.last_actual_month,
        "months": months,
        "ratios": ratios,
        "bands": bands,
        "totals": {
            "tco": t.tco,
            "cash_tco": t.cash_tco,
            "outturn": t.outturn,
            "cash_outturn": t.cash_outturn,
            "variance_at_completion": t.variance_at_completion,
            "cash_variance_at_completion": t.cash_variance_at_completion,
            "outturn_low": t.outturn_low,
            "outturn_high": t.outturn_high,
        },
        "outside": a.outside.iter().map(|(m, n)| json!({"calendar": m.to_string(), "rows": n})).collect::<Vec<_>>(),
        "set_aside": a.set_aside.iter().map(|x| json!({
            "month": x.month,
            "category": x.counted.key(),
            "item": x.item,
            "amount": x.amount,
            "rows": x.rows,
        })).collect::<Vec<_>>(),
    }))
}

fn band_json(r: &Ratio) -> Value {
    json!({"ratio": r.ratio, "low": r.low, "high": r.high, "plan_kept": r.kept})
}

/// The landing in one sentence: "Landing at $X (plan $Y, +Z %); cash $A
/// (plan $B, +C %); between $L and $H."
pub fn landing(s: &Scenario, a: &Against) -> String {
    let c = s.currency.as_str();
    let t = &a.totals;
    let pct = |v: f64, of: f64| {
        if of == 0.0 {
            "n/a".to_string()
        } else {
            signed_pct(v / of * 100.0)
        }
    };
    format!(
        "Landing at {} with expected losses (plan {}, {}); in cash {} (plan {}, {}); between {} and {} on the last months' spread.",
        money(t.outturn, c),
        money(t.tco, c),
        pct(t.variance_at_completion, t.tco),
        money(t.cash_outturn, c),
        money(t.cash_tco, c),
        pct(t.cash_variance_at_completion, t.cash_tco),
        money(t.outturn_low, c),
        money(t.outturn_high, c)
    )
}

/// The table: each month's status, requests and each cost line that has a
/// plan or an actual, as actual (or forecast) against plan; then the ratios
/// and the landing.
pub fn table(s: &Scenario, a: &Against, width: Option<usize>) -> String {
    let c = s.currency.as_str();
    let used: Vec<_> = crate::model::Category::ALL
        .into_iter()
        .filter(|k| {
            a.months.iter().any(|m| {
                m.lines
                    .iter()
                    .any(|(x, cell)| x == k && (cell.planned != 0.0 || cell.actual.is_some()))
            })
        })
        .collect();
    let mut header = vec!["Month".to_string(), "Status".into(), "Requests".into()];
    header.extend(used.iter().map(|k| k.label().to_string()));
    let mut g = Grid::new(header).right_from(2);
    let show = |cell: &Cell, money_cell: bool| -> String {
        let f = |v: f64| if money_cell { money(v, c) } else { count(v) };
        match (cell.actual, cell.forecast) {
            (Some(x), _) => {
                let mark = if cell.estimate { " est." } else { "" };
                let pct = cell
                    .variance_pct
                    .map_or(String::new(), |p| format!(" ({})", signed_pct(p)));
                format!("{}{mark}{pct}", f(x))
            }
            (None, Some(fc)) => format!("{} fc", f(fc)),
            (None, None) => format!("{} plan", f(cell.planned)),
        }
    };
    for m in &a.months {
        let mut row = vec![
            format!("{} · {}", m.month, m.calendar),
            match m.status {
                Status::Actual => "actual".into(),
                Status::Missing => "missing".into(),
                Status::Forecast => "forecast".into(),
            },
            show(&m.requests, false),
        ];
        for k in &used {
            let cell = m.lines.iter().find(|(x, _)| x == k).map(|(_, c)| c);
            row.push(cell.map_or(String::new(), |cell| show(cell, true)));
        }
        g.row(row);
    }
    let mut o = format!(
        "{} against its actuals (month 1 = {}; last actual month: {}):\n\n{}\n",
        s.name,
        a.start,
        if a.last_actual_month == 0 {
            "none".to_string()
        } else {
            a.last_actual_month.to_string()
        },
        g.render(width)
    );
    o.push_str("Actual (variance against plan), \"fc\" the re-forecast, \"plan\" where the plan stands.\n\n");
    let mut ratios = vec![format!("requests {}", ratio_text(&a.requests_ratio))];
    for (k, r) in &a.ratios {
        if used.contains(k) {
            ratios.push(format!("{} {}", k.key(), ratio_text(r)));
        }
    }
    o.push_str(&format!(
        "Re-forecast ratios (last three actual months): {}.\n\n",
        ratios.join("; ")
    ));
    o.push_str(&landing(s, a));
    o.push('\n');
    for x in &a.set_aside {
        o.push_str(&format!(
            "Set aside: {} estimate row(s) for {} {} in month {} ({}): invoice rows exist for it.\n",
            x.rows,
            x.counted.key(),
            if x.item.is_empty() { "(no item)" } else { &x.item },
            x.month,
            money(x.amount, c)
        ));
    }
    for (m, n) in &a.outside {
        o.push_str(&format!(
            "Left out: {n} row(s) for {m}, outside the plan's months {} to {}.\n",
            a.start,
            a.start.plus(a.months.len().saturating_sub(1) as u32)
        ));
    }
    wrap(&o, width, "")
}

fn ratio_text(r: &Ratio) -> String {
    if r.kept {
        "1 (plan kept)".into()
    } else {
        format!("{:.3} ({:.3}–{:.3})", r.ratio, r.low, r.high)
    }
}

/// CSV: one row per month and figure (requests, then the nine lines), plain
/// numbers, empty where a value does not apply.
pub fn csv(a: &Against) -> Rendered {
    use super::csv::{exact, failed, finish, writer};
    let opt = |v: Option<f64>| v.map_or(String::new(), exact);
    let mut w = writer();
    w.write_record([
        "month",
        "calendar",
        "status",
        "line",
        "planned",
        "actual",
        "variance",
        "variance_pct",
        "volume_effect",
        "rate_effect",
        "forecast",
        "estimate",
    ])
    .map_err(failed)?;
    for m in &a.months {
        let all = std::iter::once(("requests", &m.requests))
            .chain(m.lines.iter().map(|(k, c)| (k.key(), c)));
        for (line, c) in all {
            w.write_record([
                m.month.to_string(),
                m.calendar.to_string(),
                m.status.key().to_string(),
                line.to_string(),
                exact(c.planned),
                opt(c.actual),
                opt(c.variance),
                opt(c.variance_pct),
                opt(c.volume_effect),
                opt(c.rate_effect),
                opt(c.forecast),
                c.estimate.to_string(),
            ])
            .map_err(failed)?;
        }
    }
    finish(w)
}

/// Markdown: the landing, then the table of [`table`] as a Markdown table.
pub fn markdown(s: &Scenario, a: &Against) -> String {
    let c = s.currency.as_str();
    let mut o = format!(
        "## {} against its actuals\n\n{}\n\n| Month | Status | Requests | Cash lines | Errors (est.) |\n|:---|:---|---:|---:|---:|\n",
        super::escape::markdown_cell(&s.name),
        landing(s, a)
    );
    for m in &a.months {
        let pick = |cell: &Cell| cell.actual.or(cell.forecast).unwrap_or(cell.planned);
        let (cash, _) = m.cash(pick);
        let errors = pick(m.line(crate::model::Category::Errors));
        o.push_str(&format!(
            "| {} · {} | {} | {} | {} | {} |\n",
            m.month,
            m.calendar,
            m.status.key(),
            count(pick(&m.requests)),
            money(cash, c),
            money(errors, c)
        ));
    }
    o.push_str("\nActual months take the plan for a line with no actuals; forecast months are the re-forecast.\n");
    super::escape::markup(&o).into_owned()
}
