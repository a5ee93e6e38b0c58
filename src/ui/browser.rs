//! The Open browser (plans in the data directory and ./scenarios, filtered as
//! you type) and the list of example plans to start a new one from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::popup;
use super::theme::Theme;
use crate::app::BrowserState;
use crate::numbers::money;
use crate::store::plans::TEMPLATES;

pub fn render_open(f: &mut Frame, b: &BrowserState, theme: &Theme) {
    let full = f.area();
    let inner = popup::open(
        f,
        full.width.saturating_sub(4).min(130),
        full.height.saturating_sub(2),
        if b.beside {
            "Compare with a plan — type to filter, or a path ending .ron"
        } else {
            "Open a plan — type to filter, or a path ending .ron"
        },
        theme,
    );
    if inner.height < 4 {
        return;
    }
    popup::labelled_box(f, inner, "Filter: ", &b.filter, theme);
    // Narrow screens keep what identifies a plan: name, date, TCO.
    let wide = inner.width >= 100;
    // The name and the file share what the fixed columns leave; each is
    // fitted to its own width (a name keeps its last word, a path its file
    // name), so rows that differ only at the end still differ on screen.
    let fixed = if wide { 18 + 16 + 14 + 4 } else { 16 + 14 + 2 };
    let rest = (inner.width as usize).saturating_sub(fixed);
    let (name_w, file_w) = if wide {
        (rest / 2, rest - rest / 2)
    } else {
        (rest, 0)
    };
    let rows: Vec<Row> = b
        .matches
        .iter()
        .map(|&k| {
            let p = &b.plans[k];
            let tco = match &p.tco {
                Ok(v) => Cell::from(format!("{:>14}", money(*v, &p.currency))),
                Err(_) => Cell::from(Span::styled("    unreadable", theme.error())),
            };
            let mark = if b.marked.contains(&k) { "✓ " } else { "  " };
            let name = super::fit::name(&p.name, name_w.saturating_sub(2));
            let mut cells = vec![Cell::from(format!("{mark}{name}"))];
            if wide {
                cells.push(Cell::from(super::fit::name(&p.client, 18)));
            }
            cells.push(Cell::from(p.modified.clone()));
            cells.push(tco);
            if wide {
                cells.push(Cell::from(Span::styled(
                    super::fit::path(&p.path.display().to_string(), file_w),
                    theme.muted(),
                )));
            }
            Row::new(cells)
        })
        .collect();
    let (widths, header) = if wide {
        (
            vec![
                Constraint::Length(name_w as u16),
                Constraint::Length(18),
                Constraint::Length(16),
                Constraint::Length(14),
                Constraint::Length(file_w as u16),
            ],
            vec!["name", "client", "modified (UTC)", "horizon TCO", "file"],
        )
    } else {
        (
            vec![
                Constraint::Length(name_w as u16),
                Constraint::Length(16),
                Constraint::Length(14),
            ],
            vec!["name", "modified (UTC)", "horizon TCO"],
        )
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .row_highlight_style(theme.selected())
        .column_spacing(1);
    let mut state = TableState::default().with_selected(if b.matches.is_empty() {
        None
    } else {
        Some(b.cursor.selected)
    });
    f.render_stateful_widget(
        table,
        Rect {
            y: inner.y + 2,
            height: inner.height - 3,
            ..inner
        },
        &mut state,
    );
    let footer = if b.loading {
        Span::styled("reading plans…", theme.muted())
    } else if b.plans.is_empty() {
        Span::styled(
            "no plans yet in the plans directory or ./scenarios — Ctrl-N starts one from an example",
            theme.warning(),
        )
    } else {
        let broken = b.plans.iter().filter(|p| p.tco.is_err()).count();
        let note = if broken > 0 {
            format!(" · {broken} unreadable")
        } else {
            String::new()
        };
        Span::styled(
            format!(
                "{} of {} plans{note} · Enter {} · Esc cancels",
                b.matches.len(),
                b.plans.len(),
                if b.beside { "compares" } else { "opens" }
            ),
            theme.muted(),
        )
    };
    f.render_widget(
        Paragraph::new(Line::from(footer)),
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        },
    );
}

pub fn render_examples(f: &mut Frame, selected: usize, theme: &Theme) {
    let inner = popup::open(
        f,
        86,
        TEMPLATES.len() as u16 + 5,
        "New plan from an example",
        theme,
    );
    let mut lines: Vec<Line> = TEMPLATES
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let line = Line::from(vec![
                Span::styled(format!("{:<22}", t.name), theme.value()),
                Span::raw(t.summary),
            ]);
            if i == selected {
                line.patch_style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    let questions = Line::from(vec![
        Span::styled(format!("{:<22}", "start from questions"), theme.value()),
        Span::raw("a guided interview, the figures live as they answer"),
    ]);
    lines.push(if selected == TEMPLATES.len() {
        questions.patch_style(theme.selected())
    } else {
        questions
    });
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Enter starts an unsaved copy · Esc cancels",
        theme.muted(),
    )));
    f.render_widget(Paragraph::new(lines), inner);
}
