//! The plain-text report for people at a terminal: headline figures, the
//! category breakdown and the monthly table with a totals row, fitted to the
//! terminal's width (see `grid`).

use super::grid::{Grid, wrap};
use super::headline::{headlines, understaffing, value_parts};
use super::markdown::MonthColumns;
use crate::model::{Month, Projection, Scenario};
use crate::numbers::{count, money};

/// The table report for a terminal `width` columns wide (`None`: piped,
/// every column in one block).
pub fn render(s: &Scenario, p: &Projection, catalog_as_of: &str, width: Option<usize>) -> String {
    let c = s.currency.as_str();
    let mut out = String::new();
    out.push_str(&s.name);
    if !s.client.is_empty() {
        out.push_str(&format!(" — {}", s.client));
    }
    out.push_str(&format!(
        "\n{} months, {}; prices as of {}\n\n",
        p.months.len(),
        c,
        catalog_as_of
    ));

    let mut head = Grid::new(["Headline", "Figure"]).right_from(1);
    for h in headlines(s, p) {
        head.row([h.label.to_string(), h.value]);
    }
    out.push_str(&head.render(width));
    out.push_str("\n\n");
    if let Some(parts) = value_parts(s, p) {
        out.push_str(&parts);
        out.push_str("\n\n");
    }
    if let Some(short) = understaffing(p) {
        out.push_str(&short);
        out.push_str("\n\n");
    }
    for said in super::cfo::statements(s, p) {
        out.push_str(&said);
        out.push_str("\n\n");
    }
    out.push_str(&super::cfo::estimates_note(s, p));
    out.push_str("\n\n");
    out.push_str(&grid(&super::cfo::breakdown_table(s, p)).render(width));
    out.push_str("\n\n");
    if let Some(tiers) = super::cfo::tiers_table(s, p) {
        out.push_str(&grid(&tiers).render(width));
        out.push_str("\n\n");
    }
    if let Some(cases) = super::cfo::cases_table(s, p) {
        out.push_str(&grid(&cases).render(width));
        out.push('\n');
        for line in super::cfo::case_inputs(s) {
            out.push_str(&format!("Case {line}\n"));
        }
        out.push('\n');
    }

    let extra = MonthColumns::of(s, p);
    let mut months = Grid::new(month_headers(extra)).right_from(0);
    for m in &p.months {
        months.row(month_cells(m.month.to_string(), m, extra, c));
    }
    let net = money(p.last().map_or(0.0, |m| m.cumulative_net), c);
    months.row(total_cells(p, extra, c, net));
    out.push_str(&months.render(width));
    // Prose (the title, the value sentence) is wrapped to the width too.
    let mut text = wrap(&out, width, "  ");
    text.push('\n');
    text
}

/// The monthly table's header: the month, requests, the plan's extra
/// columns, each category, the total and the cumulative net.
pub(crate) fn month_headers(extra: MonthColumns) -> Vec<String> {
    let mut header = vec!["Month".to_string(), "Requests".to_string()];
    header.extend(extra.headers().iter().map(|h| h.to_string()));
    header.extend(extra.categories().iter().map(|k| k.label().to_string()));
    header.extend(["Total".to_string(), "Cumulative net".to_string()]);
    header
}

/// A month's row of the monthly table, `first` its first cell.
pub(crate) fn month_cells(first: String, m: &Month, extra: MonthColumns, c: &str) -> Vec<String> {
    let mut row = vec![first, count(m.requests)];
    row.extend(extra.cells(m));
    row.extend(extra.categories().iter().map(|k| money(m.category(*k), c)));
    row.push(money(m.total, c));
    row.push(money(m.cumulative_net, c));
    row
}

/// The monthly table's totals row, `net` its last cell (the cumulative net).
pub(crate) fn total_cells(
    p: &Projection,
    extra: MonthColumns,
    c: &str,
    net: String,
) -> Vec<String> {
    let t = &p.totals;
    let mut row = vec!["Total".to_string(), count(t.requests)];
    row.extend(extra.headers().iter().map(|_| String::new()));
    row.extend(extra.categories().iter().map(|k| money(t.category(*k), c)));
    row.push(money(t.run_cost, c));
    row.push(net);
    row
}

/// A report table as a terminal grid: text columns left, numbers right.
pub(crate) fn grid(t: &super::client::model::Table) -> Grid {
    use super::client::model::Align;
    let mut g = Grid::new(t.columns.iter().map(|c| c.title.clone()));
    g.right = t.columns.iter().map(|c| c.align == Align::Right).collect();
    for r in &t.rows {
        g.row(r.cells.clone());
    }
    g
}
