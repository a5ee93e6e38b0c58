//! The compare view: one column per plan (a pager when not all fit) with
//! headline figures and their difference from the baseline, monthly totals on
//! one shared scale, each plan's breakdown, the best marked; below, every input
//! that differs. `g` swaps the columns for one line chart of all plans.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Sparkline};

use super::inputs::fit_words;
use super::theme::Theme;
use crate::app::layout::split;
use crate::app::{App, CompareState, columns_that_fit, visible_plans};
use crate::model::compare::{Figure, InputValue, best};
use crate::model::{Category, Projection};
use crate::numbers::{field_value, money_short, number};
use crate::report::compare::{per_request_places, show_delta, show_figure};

const LABEL_W: u16 = 16;

fn plan_style(theme: &Theme, i: usize) -> Style {
    let cats = [
        Category::Inference,
        Category::Errors,
        Category::Oversight,
        Category::Maintenance,
    ];
    theme.category(cats[i % cats.len()])
}

pub fn render(f: &mut Frame, area: Rect, app: &App, c: &CompareState, theme: &Theme) {
    let n = app.session.len();
    let cols = columns_that_fit(area.width, n);
    let pager = if cols < n {
        format!(
            " · plans {}–{} of {n} (←/→ pages)",
            c.page + 1,
            (c.page + cols).min(n)
        )
    } else {
        String::new()
    };
    let title = format!(
        " Compare {n} plans — baseline: {} — monthly bars share one scale{pager} ",
        app.session.get(c.baseline).plan.name
    );
    let title = super::fit::head(&title, area.width.saturating_sub(4) as usize);
    let inner = super::popup::frame(f, area, title, true, theme);
    if inner.height < 4 || inner.width < 30 {
        return;
    }
    let top_h = if c.chart {
        (inner.height * 3 / 5).max(8)
    } else {
        (3 + compared(app).len() as u16 + 1 + 2 + 2).min(inner.height)
    }
    .min(inner.height);
    let (top, bottom) = split(inner, Direction::Vertical, top_h);
    if c.chart {
        chart(f, top, app, theme);
    } else {
        columns(f, top, app, c, cols, theme);
    }
    differences(f, bottom, app, c, cols, theme);
}

/// The figures compared for the open plans (`Figure::compared`).
fn compared(app: &App) -> Vec<Figure> {
    let plans: Vec<&crate::model::Scenario> = app.session.docs().map(|d| &d.plan).collect();
    Figure::compared(&plans)
}

fn columns(f: &mut Frame, area: Rect, app: &App, c: &CompareState, cols: usize, theme: &Theme) {
    let col_w = (area.width.saturating_sub(LABEL_W) / cols as u16).max(1);
    let shown = visible_plans(c, app.session.len(), cols);
    let ps: Vec<&Projection> = app.session.projections().collect();
    let best_tco = best(Figure::CashTco, &ps);
    let best_roi = best(Figure::Roi, &ps);
    let base = app.session.projection(c.baseline);
    // One precision for every plan's cost per request and its difference.
    let places = per_request_places(base, &ps);
    // One scale for every plan's monthly bars, so heights compare across columns.
    let shared_max = app
        .session
        .projections()
        .flat_map(|p| p.months.iter().map(|m| m.total))
        .fold(0.0f64, f64::max);

    let figures = compared(app);
    let mut labels: Vec<Line> = vec![Line::from(""), Line::from("")];
    labels.extend(figures.iter().map(|fig| {
        Line::from(Span::styled(
            super::projection::label_of(*fig),
            theme.muted(),
        ))
    }));
    labels.push(Line::from(Span::styled("Best", theme.muted())));
    labels.push(Line::from(Span::styled("Monthly total", theme.muted())));
    labels.push(Line::from(""));
    labels.push(Line::from(Span::styled("Breakdown", theme.muted())));
    f.render_widget(
        Paragraph::new(labels),
        Rect {
            width: LABEL_W,
            ..area
        },
    );

    for (slot, &i) in shown.iter().enumerate() {
        let x = area.x + LABEL_W + slot as u16 * col_w;
        let r = Rect::new(x, area.y, col_w.saturating_sub(1), area.height);
        let w = r.width as usize;
        let doc = app.session.get(i);
        let p = app.session.projection(i);
        let cur = doc.plan.currency.as_str();
        let focused = i == c.focus;
        let mut head = String::new();
        if i == c.baseline {
            head.push_str("◆ ");
        }
        head.push_str(&doc.plan.name);
        let head_style = if focused {
            theme.selected()
        } else {
            theme.value()
        };
        let file = doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("not saved yet".to_string(), |n| {
                n.to_string_lossy().into_owned()
            });
        let dirty = if doc.is_dirty() { " ●" } else { "" };
        let file = super::fit::path(&file, w.saturating_sub(dirty.chars().count()));
        let mut lines = vec![
            Line::from(Span::styled(fit_words(&head, w), head_style)),
            Line::from(Span::styled(
                fit_words(&format!("{file}{dirty}"), w),
                theme.muted(),
            )),
        ];
        for &fig in &figures {
            let v = match fig {
                // People, not money.
                Figure::FteSaved => crate::numbers::fte(p.totals.peak_fte_saved),
                _ => show_figure(fig, p, cur, places),
            };
            if i == c.baseline {
                lines.push(Line::from(Span::styled(v, theme.value())));
                continue;
            }
            let d = fig.delta(base, p);
            let change = d.map_or(0.0, |d| d.abs);
            let bad = if fig.higher_is_better() {
                -change
            } else {
                change
            };
            let delta = match fig {
                Figure::FteSaved if change.abs() < 0.005 => "no change".to_string(),
                Figure::FteSaved => format!("{:+.1} FTE", change),
                _ => show_delta(fig, base, p, cur, places),
            };
            let full = format!("{v}  {delta}");
            // Drop the relative change before cutting anything.
            let text = if full.chars().count() > w {
                let short = delta.split(" (").next().unwrap_or(&delta);
                fit_words(&format!("{v}  {short}"), w)
            } else {
                full
            };
            let split = v.chars().count().min(text.chars().count());
            let (a, b): (String, String) = (
                text.chars().take(split).collect(),
                text.chars().skip(split).collect(),
            );
            lines.push(Line::from(vec![
                Span::styled(a, theme.value()),
                Span::styled(b, theme.delta(bad)),
            ]));
        }
        let mut marks = Vec::new();
        if best_tco == Some(i) {
            marks.push("★ lowest cash TCO");
        }
        if best_roi == Some(i) {
            marks.push("★ best ROI");
        }
        lines.push(Line::from(Span::styled(
            fit_words(&marks.join(" "), w),
            theme.good(),
        )));
        f.render_widget(Paragraph::new(lines), r);

        // Monthly totals on the shared scale: two rows of bars.
        let y = r.y + 2 + figures.len() as u16 + 1;
        if y + 2 <= r.y + r.height {
            let values: Vec<f64> = p.months.iter().map(|m| m.total).collect();
            let scaled: Vec<u64> = stretch(&values, w)
                .into_iter()
                .map(|v| {
                    if shared_max > 0.0 {
                        (v / shared_max * 1000.0).round() as u64
                    } else {
                        0
                    }
                })
                .collect();
            f.render_widget(
                Sparkline::default()
                    .data(scaled)
                    .max(1000)
                    .style(plan_style(theme, i)),
                Rect::new(r.x, y, r.width, 2),
            );
        }
        // Breakdown: the top categories of this plan.
        let y = y + 2;
        if y + 2 <= r.y + r.height {
            let mut shares: Vec<(Category, f64)> = Category::of_plan(&doc.plan)
                .iter()
                .map(|k| (*k, p.totals.share_pct(*k)))
                .collect();
            shares.sort_by(|a, b| b.1.total_cmp(&a.1));
            let mut bar = Vec::new();
            let mut used = 0usize;
            for (k, s) in &shares {
                let cells = ((s / 100.0) * w as f64).round() as usize;
                let cells = cells.min(w - used);
                used += cells;
                bar.push(Span::styled(
                    theme.segment_glyph(*k).repeat(cells),
                    theme.segment(*k),
                ));
            }
            let legend: Vec<String> = shares
                .iter()
                .take(3)
                .filter(|(_, s)| *s > 0.0)
                .map(|(k, s)| format!("{} {:.0} %", short(*k), s))
                .collect();
            f.render_widget(
                Paragraph::new(vec![
                    Line::from(bar),
                    Line::from(Span::styled(
                        super::fit::list(&legend, " · ", w),
                        theme.muted(),
                    )),
                ]),
                Rect::new(r.x, y, r.width, 2),
            );
        }
    }
}

fn short(k: Category) -> &'static str {
    match k {
        Category::Infrastructure => "Infra",
        Category::Maintenance => "Maint.",
        other => other.label(),
    }
}

/// Each column shows the month under it (no averaging: the shared scale
/// compares raw monthly totals).
fn stretch(values: &[f64], width: usize) -> Vec<f64> {
    if values.is_empty() || width == 0 {
        return Vec::new();
    }
    (0..width)
        .map(|i| values[i * values.len() / width])
        .collect()
}

fn chart(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let series: Vec<Vec<(f64, f64)>> = app
        .session
        .projections()
        .map(|p| p.months.iter().map(|m| (m.month as f64, m.total)).collect())
        .collect();
    let max_x = app
        .session
        .projections()
        .map(|p| p.months.len())
        .max()
        .unwrap_or(1) as f64;
    let max_y = app
        .session
        .projections()
        .flat_map(|p| p.months.iter().map(|m| m.total))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let cur = app.session.get(0).plan.currency.as_str();
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, data)| {
            Dataset::default()
                .name(app.session.get(i).plan.name.clone())
                .marker(if theme.color {
                    Marker::Braille
                } else {
                    Marker::Dot
                })
                .graph_type(GraphType::Line)
                .style(plan_style(theme, i))
                .data(data)
        })
        .collect();
    let chart = Chart::new(datasets)
        .block(Block::default().title(Span::styled("Monthly total, all plans", theme.muted())))
        .x_axis(
            Axis::default()
                .title("month")
                .bounds([1.0, max_x.max(2.0)])
                .labels(vec![Line::from("1"), Line::from(format!("{max_x:.0}"))]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, max_y * 1.05])
                .labels(vec![Line::from("0"), Line::from(money_short(max_y, cur))]),
        )
        .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
        .hidden_legend_constraints((
            ratatui::layout::Constraint::Ratio(2, 3),
            ratatui::layout::Constraint::Ratio(2, 3),
        ));
    f.render_widget(chart, area);
}

fn differences(f: &mut Frame, area: Rect, app: &App, c: &CompareState, cols: usize, theme: &Theme) {
    if area.height < 2 {
        return;
    }
    let shown = visible_plans(c, app.session.len(), cols);
    let label_w = (area.width / 3).clamp(LABEL_W, 40) as usize;
    let col_w = ((area.width as usize).saturating_sub(label_w) / cols.max(1)).max(1);
    let cur = app.session.get(c.baseline).plan.currency.as_str();
    let title = if c.differences.is_empty() {
        "What differs: nothing — the plans have the same inputs".to_string()
    } else {
        format!("What differs ({}; ↑/↓ scroll)", c.differences.len())
    };
    let mut lines = vec![Line::from(Span::styled(title, theme.heading()))];
    for d in c
        .differences
        .iter()
        .skip(c.scroll.selected)
        .take(area.height as usize - 1)
    {
        let mut spans = vec![Span::styled(
            format!(
                "{:<label_w$}",
                fit_words(&d.label, label_w.saturating_sub(1))
            ),
            theme.label(),
        )];
        for &i in &shown {
            let v = match (&d.values[i], d.field) {
                (None, _) => "—".to_string(),
                (Some(InputValue::Text(t)), _) => t.clone(),
                (Some(InputValue::Number(x)), Some(field)) => field_value(field, *x, cur),
                (Some(InputValue::Number(x)), None) => number(*x, 4),
            };
            let style = if d.values[i] == d.values[c.baseline] {
                theme.muted()
            } else {
                theme.value()
            };
            spans.push(Span::styled(
                format!("{:<col_w$}", fit_words(&v, col_w.saturating_sub(1))),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), area);
}
