//! The model picker: the catalog, filtered as you type by id or provider,
//! sorted by what the plan would cost with each model (its cost per request
//! and the TCO change — with wrong answers at its measured rate where the
//! catalog knows it, a "wrong" column then saying which), with prices per 1M
//! tokens, context window and deprecation date; retired models are marked
//! and listed last. The line under the list says what the order counts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::popup;
use super::theme::Theme;
use crate::app::{App, PickTarget, PickerState};
use crate::model::Pricing;
use crate::numbers::{decimal, money_short, number, unit_money};

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
    popup::labelled_box(f, inner, "Filter: ", &p.filter, theme);
    let wide = inner.width >= 100;
    let c = app.doc().plan.currency.as_str();
    // What helps choose comes first: the cost in this plan, then whether
    // the model is still in service; the price details when there is room.
    // The cached price and batch discount only where the id keeps room.
    let widest = inner.width >= 140;
    // The wrong-answer rate each Δ TCO counts, when any model's is known.
    let rated = p.judged.iter().any(|j| j.error_rate_pct.is_some());
    let mut header = vec!["id", "per request", "Δ TCO"];
    if rated {
        header.push("wrong");
    }
    header.extend(["retires", "input"]);
    let mut fixed: u16 = 11 + 8 + 13 + 13 + 5 + if rated { 8 } else { 0 };
    if wide {
        header.extend(["output", "provider", "context"]);
        fixed += 9 + 10 + 7 + 3;
    }
    if widest {
        header.extend(["cached", "batch"]);
        fixed += 11 + 7 + 2;
    }
    let id_w = inner.width.saturating_sub(fixed + 2).max(12) as usize;
    let rows: Vec<Row> = p
        .matches
        .iter()
        .map(|&k| {
            let m = &app.catalog.models[k];
            // The price in force today (an ended promotion is not the price).
            let pricing = app.today.as_deref().map_or(&m.pricing, |t| m.pricing_on(t));
            let (input, cached, output, batch) = match pricing {
                Pricing::Api(a) => (
                    // Catalog prices are USD per 1M tokens, with cents.
                    format!("${}", decimal(a.input_per_mtok)),
                    a.cached_input_per_mtok
                        .map_or("–".into(), |v| format!("${}", decimal(v))),
                    format!("${}", decimal(a.output_per_mtok)),
                    if a.batch_discount_pct > 0.0 {
                        // The one percentage style, with a true minus sign.
                        crate::numbers::pct(-a.batch_discount_pct)
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
            let j = p.judged.get(k);
            let retired = j.is_some_and(|j| j.retired);
            // ✗ retired (deprecation on or before today), ⚠ retires within
            // the plan's horizon, with the date.
            let (mark, dep) = match (j, &m.deprecation) {
                (Some(j), Some(d)) if j.retired => ("✗ ", format!("✗ {d}")),
                (Some(j), Some(d)) if j.retires_within => ("⚠ ", format!("⚠ {d}")),
                (_, Some(d)) => ("  ", d.clone()),
                _ => ("  ", "–".into()),
            };
            let id_style = if retired {
                theme.muted()
            } else {
                ratatui::style::Style::default()
            };
            let per_request = j
                .and_then(|j| j.per_request)
                .map_or("n/a".into(), |v| unit_money(v, c));
            let change = j.map_or("–".into(), |j| {
                if j.tco_change.abs() < 0.5 {
                    "same".into()
                } else {
                    let sign = if j.tco_change > 0.0 { "+" } else { "−" };
                    format!("{sign}{}", money_short(j.tco_change.abs(), c))
                }
            });
            let mut cells = vec![
                Cell::from(Line::from(vec![
                    Span::styled(mark, theme.warning()),
                    Span::styled(super::fit::path(&m.id, id_w.saturating_sub(2)), id_style),
                ])),
                Cell::from(per_request),
                Cell::from(change),
            ];
            if rated {
                cells.push(match j.and_then(|j| j.error_rate_pct) {
                    Some(r) => Cell::from(format!("{} %", number(r, 2))),
                    None => Cell::from(Span::styled("as now", theme.muted())),
                });
            }
            cells.extend([
                Cell::from(Span::styled(
                    dep,
                    if m.deprecation.is_some() {
                        theme.warning()
                    } else {
                        theme.muted()
                    },
                )),
                Cell::from(input),
            ]);
            if wide {
                cells.push(Cell::from(output));
                // Cut with a mark, never mid-name silently ("together_…").
                cells.push(Cell::from(super::fit::fit(&m.provider, 10)));
                cells.push(Cell::from(
                    m.context_window
                        .map_or("–".into(), |c| format!("{}k", c / 1000)),
                ));
            }
            if widest {
                cells.push(Cell::from(cached));
                cells.push(Cell::from(batch));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Min(id_w as u16),
        Constraint::Length(11),
        Constraint::Length(8),
    ];
    if rated {
        widths.push(Constraint::Length(7));
    }
    widths.extend([Constraint::Length(13), Constraint::Length(13)]);
    if wide {
        widths.extend([
            Constraint::Length(9),
            Constraint::Length(10),
            Constraint::Length(7),
        ]);
    }
    if widest {
        widths.extend([Constraint::Length(11), Constraint::Length(7)]);
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading()))
        .row_highlight_style(theme.selected())
        .column_spacing(1);
    // Two lines under the list: what the order counts, then the keys.
    let list_area = Rect {
        y: inner.y + 2,
        height: inner.height - 4,
        ..inner
    };
    let mut state = TableState::default().with_selected(if p.matches.is_empty() {
        None
    } else {
        Some(p.cursor.selected)
    });
    f.render_stateful_widget(table, list_area, &mut state);
    let footer = if let Some(k) = p.confirm {
        let m = &app.catalog.models[k];
        Line::from(Span::styled(
            super::fit::fit(
                &format!(
                    "{} was retired on {} — Enter again assigns it anyway · Esc cancels",
                    m.id,
                    m.deprecation.as_deref().unwrap_or("?")
                ),
                inner.width as usize,
            ),
            theme.warning(),
        ))
    } else if p.matches.is_empty() {
        Line::from(Span::styled(
            "no model matches — Backspace widens the filter",
            theme.warning(),
        ))
    } else {
        let fits = if p.fits_only {
            "only context ≥ input (Tab: all)"
        } else {
            "Tab: context ≥ input only"
        };
        let counts = format!(
            "{} of {} models · prices USD per 1M tokens · {fits}",
            p.matches.len(),
            app.catalog.models.len()
        );
        let text = if inner.width >= 120 {
            format!("{counts} · Enter assigns · Esc cancels")
        } else {
            counts
        };
        Line::from(Span::styled(
            super::fit::fit(&text, inner.width as usize),
            theme.muted(),
        ))
    };
    f.render_widget(
        Paragraph::new(footer),
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        },
    );
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            super::fit::fit(ranked_by(rated, inner.width as usize), inner.width as usize),
            theme.muted(),
        ))),
        Rect {
            y: inner.y + inner.height - 2,
            height: 1,
            ..inner
        },
    );
}

/// What the order (Δ TCO, lowest first) counts of wrong answers, in `width`.
pub fn ranked_by(rated: bool, width: usize) -> &'static str {
    let long = if rated {
        "lowest Δ TCO first, wrong answers at each model's measured rate; \"as now\": not known, Δ TCO is its price alone"
    } else {
        "lowest Δ TCO first — no model's own wrong-answer rate is known: Δ TCO is its price alone, wrong answers as now"
    };
    let short = if rated {
        "lowest Δ TCO first, wrong answers in; \"as now\": its price alone"
    } else {
        "lowest Δ TCO first: its price alone (no model's error rate known)"
    };
    if long.chars().count() <= width {
        long
    } else {
        short
    }
}
