//! The monthly table, scrollable with the table focused (Tab). Columns that
//! do not fit are dropped from the right, keeping Month and Total.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

use super::theme::Theme;
use crate::app::App;
use crate::model::{Category, Month};
use crate::report::format::{count, money_short};

/// A column: header, the value of a month, and whether it is money.
#[derive(Clone, Copy)]
enum Column {
    Requests,
    Category(Category),
    CumulativeNet,
}

impl Column {
    fn header(self) -> &'static str {
        match self {
            Column::Requests => "Requests",
            Column::Category(Category::Infrastructure) => "Infra",
            Column::Category(Category::Maintenance) => "Maint.",
            Column::Category(c) => c.label(),
            Column::CumulativeNet => "Cum. net",
        }
    }

    fn text(self, m: &Month, currency: &str) -> String {
        match self {
            Column::Requests => count(m.requests),
            Column::Category(c) => money_short(m.category(c), currency),
            Column::CumulativeNet => money_short(m.cumulative_net, currency),
        }
    }
}

/// Requests, then the categories that cost most over the horizon (the lines
/// that drive the total come first when space is short), then cumulative net.
fn columns(app: &App) -> Vec<Column> {
    let t = app.projection().totals;
    let mut cats = Category::ALL.to_vec();
    cats.sort_by(|a, b| t.category(*b).total_cmp(&t.category(*a)));
    let mut v = vec![Column::Requests];
    v.extend(cats.into_iter().map(Column::Category));
    v.push(Column::CumulativeNet);
    v
}

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height < 2 || area.width < 20 {
        return;
    }
    let c = app.doc().plan.currency.as_str();
    let col_w = 9u16;
    // Month (5) and Total (col_w) always; then as many others as fit.
    let fit = ((area.width.saturating_sub(5 + col_w + 2)) / (col_w + 1)) as usize;
    let shown: Vec<Column> = columns(app).into_iter().take(fit).collect();
    let mut header = vec![Cell::from("Month")];
    header.extend(shown.iter().map(|c| Cell::from(c.header())));
    header.push(Cell::from("Total"));
    let body_rows = area.height.saturating_sub(1) as usize;
    let months = &app.projection().months;
    let start = app
        .table_offset
        .min(months.len().saturating_sub(body_rows.max(1)));
    let rows: Vec<Row> = months
        .iter()
        .skip(start)
        .take(body_rows)
        .map(|m| {
            let mut cells = vec![Cell::from(format!("{:>5}", m.month))];
            for col in &shown {
                cells.push(Cell::from(format!("{:>9}", col.text(m, c))));
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
