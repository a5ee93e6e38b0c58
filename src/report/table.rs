//! The plain-text report for people at a terminal: headline figures, the
//! category breakdown and the monthly table with a totals row.

use comfy_table::{CellAlignment, ContentArrangement, Table, TableComponent, presets};

use super::format::{count, money, pct};
use super::headline::{headlines, understaffing, value_parts};
use super::markdown::MonthColumns;
use crate::model::{Category, Projection, Scenario};

/// A borderless table with one rule under the header: easy to read, easy to grep.
pub fn table() -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    for part in [
        TableComponent::HeaderLines,
        TableComponent::MiddleHeaderIntersections,
        TableComponent::LeftHeaderIntersection,
        TableComponent::RightHeaderIntersection,
    ] {
        t.set_style(part, '─');
    }
    t
}

fn right_align(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

pub fn render(s: &Scenario, p: &Projection, catalog_as_of: &str) -> String {
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

    let mut head = table();
    head.set_header(vec!["Headline", "Figure"]);
    for h in headlines(s, p) {
        head.add_row(vec![h.label.to_string(), h.value]);
    }
    right_align(&mut head, 1);
    out.push_str(&head.to_string());
    out.push_str("\n\n");
    if let Some(parts) = value_parts(s, p) {
        out.push_str(&parts);
        out.push_str("\n\n");
    }
    if let Some(short) = understaffing(p) {
        out.push_str(&short);
        out.push_str("\n\n");
    }
    out.push_str(&breakdown(s, p).to_string());
    out.push_str("\n\n");

    let extra = MonthColumns::of(s, p);
    let mut months = table();
    let mut header = vec!["Month".to_string(), "Requests".to_string()];
    header.extend(extra.headers().iter().map(|h| h.to_string()));
    header.extend(Category::ALL.iter().map(|k| k.label().to_string()));
    header.extend(["Total".to_string(), "Cumulative net".to_string()]);
    months.set_header(header);
    for m in &p.months {
        let mut row = vec![m.month.to_string(), count(m.requests)];
        row.extend(extra.cells(m));
        row.extend(Category::ALL.iter().map(|k| money(m.category(*k), c)));
        row.push(money(m.total, c));
        row.push(money(m.cumulative_net, c));
        months.add_row(row);
    }
    let t = &p.totals;
    let mut total_row = vec!["Total".to_string(), count(t.requests)];
    total_row.extend(extra.headers().iter().map(|_| String::new()));
    total_row.extend(Category::ALL.iter().map(|k| money(t.category(*k), c)));
    total_row.push(money(t.run_cost, c));
    total_row.push(money(p.last().map_or(0.0, |m| m.cumulative_net), c));
    months.add_row(total_row);
    right_align(&mut months, 0);
    out.push_str(&months.to_string());
    out.push('\n');
    out
}

fn breakdown(s: &Scenario, p: &Projection) -> Table {
    let c = s.currency.as_str();
    let t = &p.totals;
    let mut b = table();
    b.set_header(vec!["Where the run cost goes", "Horizon", "Share"]);
    for k in Category::ALL {
        b.add_row(vec![
            k.label().to_string(),
            money(t.category(k), c),
            pct(t.share_pct(k)),
        ]);
    }
    b.add_row(vec![
        crate::model::headline::Figure::RunCost
            .short_label()
            .to_string(),
        money(t.run_cost, c),
        pct(if t.run_cost > 0.0 { 100.0 } else { 0.0 }),
    ]);
    right_align(&mut b, 1);
    b
}
