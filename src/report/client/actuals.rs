//! "Plan against actuals" in the client report: where the horizon lands,
//! each month's cash against the plan (actual, missing or re-forecast), and
//! the biggest variances in words, volume or rate, which line.

use super::model::{Align, Block, Section, Table};
use crate::model::Scenario;
use crate::model::actuals::variance::{Against, Cell, MonthAgainst, Status};
use crate::model::projection::Category;
use crate::numbers::{money, signed_pct};

/// The three largest variances of the actual months, in words.
fn biggest(s: &Scenario, a: &Against) -> Vec<String> {
    let c = s.currency.as_str();
    let mut all: Vec<(&MonthAgainst, Category, &Cell)> = a
        .months
        .iter()
        .filter(|m| m.status == Status::Actual)
        .flat_map(|m| m.lines.iter().map(move |(k, cell)| (m, *k, cell)))
        .filter(|(_, _, cell)| cell.variance.is_some_and(|v| v != 0.0))
        .collect();
    all.sort_by(|x, y| {
        let v = |c: &Cell| c.variance.unwrap_or(0.0).abs();
        v(y.2).total_cmp(&v(x.2))
    });
    all.into_iter()
        .take(3)
        .map(|(m, k, cell)| {
            let v = cell.variance.unwrap_or(0.0);
            let pct = cell
                .variance_pct
                .map_or(String::new(), |p| format!(" ({})", signed_pct(p)));
            let estimate = if cell.estimate {
                " (partly a tool's own estimate, not an invoice)"
            } else {
                ""
            };
            let why = match (cell.volume_effect, cell.rate_effect) {
                (Some(vol), Some(rate)) => {
                    let lead = if vol.abs() >= rate.abs() {
                        "mostly volume"
                    } else {
                        "mostly rate (price, mix or use per request)"
                    };
                    format!(
                        ": {lead} — volume {}, rate {}",
                        signed_money(vol, c),
                        signed_money(rate, c)
                    )
                }
                _ => ": no requests given for the month, so no split into volume and rate".into(),
            };
            format!(
                "{} in {}: {} against {} planned, {}{pct}{estimate}{why}.",
                k.label(),
                m.calendar,
                money(cell.actual.unwrap_or(0.0), c),
                money(cell.planned, c),
                signed_money(v, c)
            )
        })
        .collect()
}

fn signed_money(v: f64, c: &str) -> String {
    if v > 0.0 {
        format!("+{}", money(v, c))
    } else {
        money(v, c)
    }
}

/// The section, placed after the summary.
pub fn section(s: &Scenario, a: &Against) -> Section {
    let c = s.currency.as_str();
    let mut t = Table::new([
        ("Month", Align::Left),
        ("Status", Align::Left),
        ("Planned cash", Align::Right),
        ("Actual or re-forecast", Align::Right),
        ("Difference", Align::Right),
    ]);
    for m in &a.months {
        let (plan, _) = m.cash(|c| c.planned);
        // The actual where there is one, else the re-forecast, else the plan.
        let (value, estimate) = m.cash(|c| c.actual.or(c.forecast).unwrap_or(c.planned));
        let status = match m.status {
            Status::Actual => "actual",
            Status::Missing => "no actuals: the plan",
            Status::Forecast => "re-forecast",
        };
        let mark = if estimate { " (est.)" } else { "" };
        t.row(vec![
            format!("{} · {}", m.month, m.calendar),
            status.to_string(),
            money(plan, c),
            format!("{}{mark}", money(value, c)),
            signed_money(value - plan, c),
        ]);
    }
    let words = biggest(s, a);
    let mut sec = Section::new("actuals", "Plan against actuals")
        .with(Block::Text(crate::report::actuals::landing(s, a)));
    sec = sec.with(Block::Text(format!(
        "Actuals up to month {} ({}); a line with no actuals in an actual month keeps its plan, and the open months are re-forecast as each line's plan times its ratio of actual to plan over the last three actual months. Cash leaves out the expected cost of wrong answers, an estimate.",
        a.last_actual_month,
        a.start.plus(a.last_actual_month.saturating_sub(1))
    )));
    sec = sec.with(Block::Table(t));
    if !words.is_empty() {
        sec = sec
            .with(Block::Text("The biggest differences so far:".into()))
            .with(Block::List(words));
    }
    if !a.set_aside.is_empty() {
        sec = sec.with(Block::Text(format!(
            "{} estimate row(s) from a gateway's own pricing were set aside where the invoice covers the same month and model.",
            a.set_aside.iter().map(|x| x.rows).sum::<usize>()
        )));
    }
    sec
}
