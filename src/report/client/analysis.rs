//! The client report's sections from the analyses (the full report only):
//! what drives the cost, how sure the figures are, where it breaks even.

use super::build::Inputs;
use super::model::{Align, Block, Section, Table};
use crate::model::analysis::sensitivity::{Metric, Swing, TORNADO_PCT};
use crate::model::fields::Field;
use crate::numbers::{count, field_value, money};

pub(super) fn drivers_table(i: &Inputs, swings: &[Swing], metric: Metric, top: usize) -> Table {
    let c = i.currency();
    let m = metric.short_label();
    let mut t = Table::new([
        (format!("Driver (±{TORNADO_PCT} %)"), Align::Left),
        // The figure with the driver moved down and up (not the figure's
        // own low and high: a driver may lower it as it rises).
        (format!("{m} at −{TORNADO_PCT} %"), Align::Right),
        (format!("{m} at +{TORNADO_PCT} %"), Align::Right),
        ("Swing".into(), Align::Right),
    ]);
    for w in swings.iter().filter(|w| w.swing > 0.0).take(top) {
        t.row(vec![
            w.label.clone(),
            money(w.tco_low, c),
            money(w.tco_high, c),
            money(w.swing, c),
        ]);
    }
    t
}

pub fn drivers(i: &Inputs) -> Option<Section> {
    let f = i.findings?;
    let flat = f.swings.iter().filter(|w| w.swing == 0.0).count();
    let npv = drivers_table(i, &f.npv_swings, Metric::Npv, 5);
    let sec = Section::new("drivers", "What drives the cost")
        .with(Block::Text(format!(
            "Each input moved ±{TORNADO_PCT} % on its own, and the {}-month cash TCO at either end; largest swing first.",
            i.p.months.len()
        )))
        .with(Block::Table(drivers_table(i, &f.swings, Metric::CashTco, 5)))
        .with(Block::Text(format!(
            "{flat} input(s) do not move the cash TCO at all."
        )));
    Some(if npv.rows.is_empty() {
        sec
    } else {
        sec.with(Block::Text(
            "The same on the net present value, where what the system saves (minutes saved, realization) moves the result too:".into(),
        ))
        .with(Block::Table(npv))
    })
}

pub fn uncertainty(i: &Inputs) -> Option<Section> {
    let b = i.findings?.band.as_ref()?;
    let (s, c) = (i.s, i.currency());
    let fields = Field::all(s);
    let mut ranges = Table::new([
        ("Input with a range", Align::Left),
        ("Low", Align::Right),
        ("Plan", Align::Right),
        ("High", Align::Right),
    ]);
    for r in &s.uncertainty {
        let Some(f) = fields.iter().find(|f| r.field == **f) else {
            continue;
        };
        let show = |v: f64| field_value(*f, v, c);
        let label = crate::model::analysis::sensitivity::label_of(s, *f);
        ranges.row(vec![
            crate::report::assumptions::marked(s, *f, label),
            show(r.low),
            f.get(s).map_or_else(|| "—".into(), show),
            show(r.high),
        ]);
    }
    Some(
        Section::new("uncertainty", "How sure the figures are")
            .with(Block::Text(format!(
                "Over the ranges in the table below, the cash TCO is {} to {} and the TCO with expected losses {} to {} (P10–P90; median {}, {} draws, seed {} — the workbench shows the same band); the net present value is {} to {}. The monthly chart shows the range of each month's cash run cost.",
                money(b.cash_tco[0], c),
                money(b.cash_tco[2], c),
                money(b.p10, c),
                money(b.p90, c),
                money(b.p50, c),
                count(crate::model::analysis::uncertainty::DRAWS as f64),
                crate::model::analysis::uncertainty::SEED,
                money(b.npv[0], c),
                money(b.npv[2], c)
            )))
            .with_some(b.off_band.clone().map(Block::Text))
            .with(Block::Table(ranges)),
    )
}

pub fn breakeven(i: &Inputs) -> Option<Section> {
    let f = i.findings?;
    (!f.breakeven.is_empty()).then(|| {
        Section::new("breakeven", "Where it breaks even").with(Block::List(f.breakeven.clone()))
    })
}
