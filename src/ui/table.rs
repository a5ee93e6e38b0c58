//! The monthly table, scrollable with the table focused (Tab). Columns that
//! do not fit are dropped from the right, keeping Month and Total.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

use super::theme::Theme;
use crate::app::App;
use crate::model::Month;
use crate::report::format::{count, money_short};

type Column = (&'static str, fn(&Month) -> f64, bool);

const COLUMNS: &[Column] = &[
    ("Requests", |m| m.requests, false),
    ("Inference", |m| m.inference, true),
    ("Retrieval", |m| m.retrieval, true),
    ("Infra", |m| m.infrastructure, true),
    ("Maint.", |m| m.maintenance, true),
    ("Oversight", |m| m.oversight, true),
    ("Errors", |m| m.errors, true),
    ("Change", |m| m.change, true),
    ("Cum. net", |m| m.cumulative_net, true),
];

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height < 2 || area.width < 20 {
        return;
    }
    let c = app.doc.plan.currency.as_str();
    let col_w = 9u16;
    // Month (5) and Total (col_w) always; then as many others as fit.
    let fit = ((area.width.saturating_sub(5 + col_w + 2)) / (col_w + 1)) as usize;
    let shown: Vec<&Column> = COLUMNS.iter().take(fit).collect();
    let mut header = vec![Cell::from("Month")];
    header.extend(shown.iter().map(|(name, _, _)| Cell::from(*name)));
    header.push(Cell::from("Total"));
    let body_rows = area.height.saturating_sub(1) as usize;
    let months = &app.projection.months;
    let start = app
        .table_offset
        .min(months.len().saturating_sub(body_rows.max(1)));
    let rows: Vec<Row> = months
        .iter()
        .skip(start)
        .take(body_rows)
        .map(|m| {
            let mut cells = vec![Cell::from(format!("{:>5}", m.month))];
            for (_, get, is_money) in &shown {
                let v = get(m);
                let text = if *is_money {
                    money_short(v, c)
                } else {
                    count(v)
                };
                cells.push(Cell::from(format!("{text:>9}")));
            }
            cells.push(Cell::from(Span::styled(
                format!("{:>9}", money_short(m.total, c)),
                theme.value(),
            )));
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Length(5)];
    widths.extend(shown.iter().map(|_| Constraint::Length(col_w)));
    widths.push(Constraint::Length(col_w));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .column_spacing(1);
    f.render_widget(table, area);
}
