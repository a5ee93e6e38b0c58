//! The monthly table, scrollable with the table focused (Tab). Columns that
//! do not fit are dropped from the right, keeping Month and Total.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

use super::theme::Theme;
use crate::app::App;
use crate::model::{Category, Month};
use crate::numbers::{count, money_short, scaled};

/// A column: header, the value of a month, and whether it is money.
#[derive(Clone, Copy)]
enum Column {
    Requests,
    /// Whole GPUs over all self-hosted models (plans with one only).
    Gpus,
    Category(Category),
    CumulativeNet,
}

impl Column {
    fn header(self) -> &'static str {
        match self {
            Column::Requests => "Requests",
            Column::Gpus => "GPUs",
            Column::Category(Category::Infrastructure) => "Infra",
            Column::Category(Category::Maintenance) => "Maint.",
            // An estimate, not a bill: beside the cash column, never in it.
            Column::Category(Category::Errors) => "Errs est.",
            Column::Category(c) => c.label(),
            Column::CumulativeNet => "Cum. net",
        }
    }

    fn text(self, m: &Month, currency: &str, width: usize) -> String {
        match self {
            Column::Requests => fit_cell(count(m.requests), || count_short(m.requests), width),
            Column::Gpus => fit_cell(count(m.gpus), || count_short(m.gpus), width),
            Column::Category(c) => {
                fit_cell(money_short(m.category(c), currency), String::new, width)
            }
            Column::CumulativeNet => {
                fit_cell(money_short(m.cumulative_net, currency), String::new, width)
            }
        }
    }
}

/// A count in at most six characters or so: `930.0M`, `12.4k`, `850`.
pub fn count_short(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    scaled(a, sign).unwrap_or_else(|| count(v))
}

/// `full` if it fits `width` columns, else the compact form, else the
/// compact (or full) form cut with "…": digits are never cut silently.
pub fn fit_cell(full: String, compact: impl FnOnce() -> String, width: usize) -> String {
    if full.chars().count() <= width {
        return full;
    }
    let compact = compact();
    if !compact.is_empty() && compact.chars().count() <= width {
        return compact;
    }
    let base = if compact.is_empty() { full } else { compact };
    let mut cut: String = base.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Requests, the GPUs when a self-hosted model runs any, then the categories
/// that cost most over the horizon (the lines that drive the total come first
/// when space is short), then cumulative net.
fn columns(app: &App) -> Vec<Column> {
    let p = app.shown_projection();
    let p = p.as_ref();
    let t = p.totals;
    let mut cats = Category::of_plan(&app.doc().plan);
    cats.sort_by(|a, b| t.category(*b).total_cmp(&t.category(*a)));
    let mut v = vec![Column::Requests];
    if p.months.iter().any(|m| m.gpus > 0.0) {
        v.push(Column::Gpus);
    }
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
    // Month (5) and Cash (col_w) always; then as many others as fit.
    let fit = ((area.width.saturating_sub(5 + col_w + 2)) / (col_w + 1)) as usize;
    let shown: Vec<Column> = columns(app).into_iter().take(fit).collect();
    let mut header = vec![Cell::from("Month")];
    header.extend(shown.iter().map(|c| Cell::from(c.header())));
    header.push(Cell::from("Cash"));
    let body_rows = area.height.saturating_sub(1) as usize;
    let p = app.shown_projection();
    let months = &p.months;
    let start = app
        .table_offset
        .min(months.len().saturating_sub(body_rows.max(1)));
    let rows: Vec<Row> = months
        .iter()
        .skip(start)
        .take(body_rows)
        .map(|m| {
            let mut cells = vec![Cell::from(format!("{:>5}", m.month))];
            let w = col_w as usize;
            for col in &shown {
                cells.push(Cell::from(format!("{:>w$}", col.text(m, c, w))));
            }
            cells.push(Cell::from(Span::styled(
                format!("{:>w$}", fit_cell(money_short(m.cash, c), String::new, w)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_do_not_fit_go_compact_never_cut() {
        // 31 million requests a day is 930 million a month.
        assert_eq!(fit_cell(count(930e6), || count_short(930e6), 9), "930.0M");
        assert_eq!(
            fit_cell(count(66_000.0), || count_short(66_000.0), 9),
            "66,000"
        );
        assert_eq!(fit_cell(count(31e6), || count_short(31e6), 9), "31.0M");
        assert_eq!(count_short(4.5e12), "4.5T");
        assert_eq!(count_short(3.1e61), "3.1e61");
        let huge = fit_cell("-$123456.7B".into(), String::new, 9);
        assert_eq!(huge.chars().count(), 9);
        assert!(huge.ends_with('…'), "{huge}");
    }
}
