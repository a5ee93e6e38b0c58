//! The tornado: each driver moved ±20 %, a bar from the TCO it gives low to
//! the TCO it gives high around the plan's TCO, largest swing first.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::inputs::fit_words;
use super::popup;
use super::theme::Theme;
use crate::app::{App, TORNADO_PCT, TornadoState};
use crate::report::format::{money, money_short};

pub fn render(f: &mut Frame, app: &App, t: &TornadoState, theme: &Theme) {
    let full = f.area();
    let title = format!(
        "What drives the TCO — each input ±{TORNADO_PCT} % · Enter jumps to it · Esc closes"
    );
    let inner = popup::open(
        f,
        full.width.saturating_sub(2),
        full.height.saturating_sub(2),
        &title,
        theme,
    );
    if inner.height < 3 || inner.width < 40 {
        return;
    }
    let c = app.doc().plan.currency.as_str();
    let base = app.projection().totals.tco;
    let w = inner.width as usize;
    let label_w = (w / 3).clamp(14, 40);
    let nums_w = 22;
    let bar_w = w.saturating_sub(label_w + nums_w + 2).max(10);
    let max_dev = t
        .swings
        .iter()
        .map(|s| (s.tco_low - base).abs().max((s.tco_high - base).abs()))
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let half = bar_w.saturating_sub(1) / 2;
    let bar_w = 2 * half + 1;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<label_w$}", "Driver"), theme.heading()),
        Span::styled(
            format!("{:^bar_w$}", format!("TCO {}", money(base, c))),
            theme.heading(),
        ),
        Span::styled(format!("  {:>nums_w$}", "low – high"), theme.heading()),
    ])];
    let rows = inner.height as usize - 1;
    let start = t.cursor.selected.saturating_sub(rows.saturating_sub(1));
    for (i, s) in t.swings.iter().enumerate().skip(start).take(rows) {
        let cells = |v: f64| ((v - base).abs() / max_dev * half as f64).round() as usize;
        let (down, up) = (s.tco_low.min(s.tco_high), s.tco_low.max(s.tco_high));
        let left = cells(down).min(half);
        let right = cells(up).min(half);
        let bar = format!(
            "{}{}│{}{}",
            " ".repeat(half - left),
            "█".repeat(left),
            "█".repeat(right),
            " ".repeat(half - right)
        );
        let label = fit_words(&s.label, label_w.saturating_sub(1));
        let mut line = Line::from(vec![
            Span::raw(format!("{label:<label_w$}")),
            Span::styled(bar, theme.category(crate::model::Category::Errors)),
            Span::styled(
                format!(
                    "  {:>nums_w$}",
                    format!(
                        "{} – {}",
                        money_short(s.tco_low, c),
                        money_short(s.tco_high, c)
                    )
                ),
                theme.muted(),
            ),
        ]);
        if i == t.cursor.selected {
            line = line.patch_style(theme.selected());
        }
        lines.push(line);
    }
    if t.computing {
        lines.push(Line::from(Span::styled("computing…", theme.muted())));
    } else if t.swings.is_empty() {
        lines.push(Line::from(Span::styled(
            "No input moves the TCO.",
            theme.muted(),
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
