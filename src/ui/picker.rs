//! The model picker: the catalog, filtered as you type by id or provider, with
//! prices per 1M tokens, context window and deprecation date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::popup;
use super::theme::Theme;
use crate::app::{App, PickTarget, PickerState};
use crate::model::Pricing;
use crate::report::format::number;

pub fn render(f: &mut Frame, app: &App, p: &PickerState, theme: &Theme) {
    let full = f.area();
    let title = match p.target {
        PickTarget::Replace(i) => format!(
            "Model for {} — type to filter",
            app.doc()
                .plan
                .models
                .get(i)
                .map_or("the mix", |m| m.id.as_str())
        ),
        PickTarget::Add => "Add a model to the mix — type to filter".to_string(),
    };
    let inner = popup::open(
        f,
        full.width.saturating_sub(4).min(120),
        full.height.saturating_sub(2),
        &title,
        theme,
    );
    if inner.height < 4 {
        return;
    }
    popup::filter_line(f, inner, &p.filter, theme);
    let wide = inner.width >= 100;
    let mut header = vec!["id", "provider", "input", "cached", "output"];
    if wide {
        header.extend(["batch", "context", "deprecation"]);
    }
    let rows: Vec<Row> = p
        .matches
        .iter()
        .map(|&k| {
            let m = &app.catalog.models[k];
            let (input, cached, output, batch) = match &m.pricing {
                Pricing::Api(a) => (
                    format!("${}", number(a.input_per_mtok, 4)),
                    a.cached_input_per_mtok
                        .map_or("–".into(), |v| format!("${}", number(v, 4))),
                    format!("${}", number(a.output_per_mtok, 4)),
                    if a.batch_discount_pct > 0.0 {
                        format!("-{}%", number(a.batch_discount_pct, 0))
                    } else {
                        "–".into()
                    },
                ),
                Pricing::SelfHosted(h) => (
                    format!("${}/GPU-h", number(h.gpu_hourly, 2)),
                    format!("{} tok/s", number(h.tokens_per_second_per_gpu, 0)),
                    format!("≥{} GPU", h.min_gpus),
                    "–".into(),
                ),
            };
            let mut cells = vec![
                Cell::from(m.id.clone()),
                Cell::from(m.provider.clone()),
                Cell::from(input),
                Cell::from(cached),
                Cell::from(output),
            ];
            if wide {
                cells.push(Cell::from(batch));
                cells.push(Cell::from(
                    m.context_window
                        .map_or("–".into(), |c| format!("{}k", c / 1000)),
                ));
                let dep = m.deprecation.clone().unwrap_or_else(|| "–".into());
                let style = if m.deprecation.is_some() {
                    theme.warning()
                } else {
                    theme.muted()
                };
                cells.push(Cell::from(Span::styled(dep, style)));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Min(20),
        Constraint::Length(16),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(9),
    ];
    if wide {
        widths.extend([
            Constraint::Length(6),
            Constraint::Length(8),
            Constraint::Length(11),
        ]);
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .row_highlight_style(theme.selected())
        .column_spacing(1);
    let list_area = Rect {
        y: inner.y + 2,
        height: inner.height - 3,
        ..inner
    };
    let mut state = TableState::default().with_selected(if p.matches.is_empty() {
        None
    } else {
        Some(p.cursor.selected)
    });
    f.render_stateful_widget(table, list_area, &mut state);
    let footer = if p.matches.is_empty() {
        Line::from(Span::styled(
            "no model matches — Backspace widens the filter",
            theme.warning(),
        ))
    } else {
        let counts = format!(
            "{} of {} models · USD per 1M tokens",
            p.matches.len(),
            app.catalog.models.len()
        );
        let text = if inner.width >= 96 {
            format!("{counts} · Enter assigns and snapshots the price · Esc cancels")
        } else {
            counts
        };
        Line::from(Span::styled(text, theme.muted()))
    };
    f.render_widget(
        Paragraph::new(footer),
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        },
    );
}
