//! The projection pane: headline figures, what the last edit changed, the
//! monthly sparklines, where the money goes, and the monthly table.
//! Space is handed out in that order of importance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use super::{breakdown, sparklines, table};
use crate::app::{App, Focus, Mode};
use crate::report::format::{delta, money, payback, roi, unit_money};

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let h = app.projection().months.len();
    let focused = app.focus == Focus::Table && matches!(app.mode, Mode::Normal);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(
            format!(" Projection — {h} months "),
            theme.heading(),
        ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let figures = headline(app, theme);
    let cols = (inner.width as usize / 22).clamp(2, 5);
    let head_rows = figures.len().div_ceil(cols) as u16;
    let mut cursor = Cursor {
        area: inner,
        used: 0,
    };
    render_headline(f, cursor.take(head_rows), &figures, cols, theme);
    let change = change_line(app, theme);
    let change_rows = (change.width().div_ceil(inner.width.max(1) as usize) as u16).clamp(1, 3);
    f.render_widget(
        Paragraph::new(change).wrap(ratatui::widgets::Wrap { trim: true }),
        cursor.take(change_rows),
    );
    let band_rows = if app.simulation.is_some() { 2 } else { 0 };
    let spark_rows =
        (sparklines::wanted_rows() + band_rows).min(cursor.left().saturating_sub(2).max(2));
    sparklines::render(f, cursor.take(spark_rows), app, theme);
    if cursor.left() >= 5 {
        breakdown::render(f, cursor.take(2), app, theme);
    }
    let rest = cursor.left();
    table::render(f, cursor.take(rest), app, theme);
}

/// Hands out rows of an area from the top down.
struct Cursor {
    area: Rect,
    used: u16,
}

impl Cursor {
    fn left(&self) -> u16 {
        self.area.height.saturating_sub(self.used)
    }

    fn take(&mut self, n: u16) -> Rect {
        let n = n.min(self.left());
        let r = Rect::new(self.area.x, self.area.y + self.used, self.area.width, n);
        self.used += n;
        r
    }
}

struct Figure {
    label: &'static str,
    value: String,
    style: Option<ratatui::style::Style>,
}

fn headline(app: &App, theme: &Theme) -> Vec<Figure> {
    let p = app.projection();
    let t = &p.totals;
    let c = app.doc().plan.currency.as_str();
    let fig = |label, value| Figure {
        label,
        value,
        style: None,
    };
    let mut figures = vec![fig("TCO", money(t.tco, c))];
    if let Some(b) = app.simulation.as_ref().map(|s| s.tco) {
        figures.push(fig(
            "P10–P90",
            format!(
                "{} – {}",
                crate::report::format::money_short(b.p10, c),
                crate::report::format::money_short(b.p90, c)
            ),
        ));
    }
    figures.extend([
        fig("Run cost", money(t.run_cost, c)),
        fig("Build", money(t.build_cost, c)),
        fig("Month 1", money(p.first().map_or(0.0, |m| m.total), c)),
        fig(
            "Per request",
            t.cost_per_request
                .map_or("n/a".into(), |v| unit_money(v, c)),
        ),
        fig("Value", money(t.value, c)),
        Figure {
            label: "ROI",
            value: roi(t.roi_pct),
            style: t.roi_pct.filter(|r| *r < 0.0).map(|_| theme.warning()),
        },
        fig(
            "Payback",
            payback(t.payback_month, p.months.len()).replace("not within", "none in"),
        ),
        fig(
            "Run ÷ build",
            t.run_to_build_ratio()
                .map_or("n/a".into(), |r| format!("{r:.1}×")),
        ),
        fig("Net", money(t.net, c)),
    ]);
    figures
}

fn render_headline(f: &mut Frame, area: Rect, figures: &[Figure], cols: usize, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let cell = (area.width as usize / cols).max(1);
    let lines: Vec<Line> = figures
        .chunks(cols)
        .map(|chunk| {
            let mut spans = Vec::new();
            for fig in chunk {
                let value_len = fig.value.chars().count();
                let label: String = fig
                    .label
                    .chars()
                    .take(cell.saturating_sub(value_len + 2))
                    .collect();
                let gap = cell.saturating_sub(label.chars().count() + value_len + 1);
                spans.push(Span::styled(label, theme.muted()));
                spans.push(Span::raw(" ".repeat(gap)));
                let style = fig.style.map_or(theme.value(), |s| s.patch(theme.value()));
                spans.push(Span::styled(fig.value.clone(), style));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn change_line(app: &App, theme: &Theme) -> Line<'static> {
    let c = app.doc().plan.currency.as_str();
    match &app.last_change {
        None => Line::from(Span::styled(
            "Change any input: its effect on TCO shows here.",
            theme.muted(),
        )),
        Some(ch) => {
            let tco = ch.tco_after - ch.tco_before;
            let month = ch.month_after - ch.month_before;
            Line::from(vec![
                Span::styled("Δ ", theme.heading()),
                Span::raw(format!("{}: ", ch.what)),
                Span::styled(
                    format!("TCO\u{a0}{}", delta(tco, ch.tco_before, c)).replace(' ', "\u{a0}"),
                    theme.delta(tco).patch(theme.value()),
                ),
                Span::raw(" · "),
                Span::styled(
                    format!(
                        "month\u{a0}{}\u{a0}{}",
                        ch.month,
                        delta(month, ch.month_before, c)
                    )
                    .replace(' ', "\u{a0}"),
                    theme.delta(month),
                ),
            ])
        }
    }
}
