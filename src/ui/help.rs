//! Help: every key of every context, generated from the keymap the workbench
//! uses, so it cannot drift from what the keys do.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::App;
use crate::app::HelpState;
use crate::app::keymap::Shown;

fn section(lines: &mut Vec<Line<'static>>, title: &str, keys: Vec<Shown>, theme: &Theme) {
    lines.push(Line::from(Span::styled(title.to_string(), theme.heading())));
    for (keys, description) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<18}"), theme.key()),
            Span::raw(description),
        ]));
    }
    lines.push(Line::from(""));
}

pub fn render(f: &mut Frame, _app: &App, h: &HelpState, theme: &Theme) {
    let scroll = h.scroll();
    let mut lines = Vec::new();
    for (title, keys) in &h.sections {
        section(&mut lines, title, keys.clone(), theme);
    }
    for note in [
        "Steps: money and volumes along round numbers (1 1.2 1.5 2 2.5 3 4 5 6 8 ×10ⁿ), ±1 point for percentages, 1 for whole numbers; Shift = ten steps.",
        "Typed values may use 2,500 · 2.5k · 1.2M · $ · %; the allowed range is shown.",
        "Wrong answers: the cost of wrong answers that got through review (the Errors category of reports).",
        "Payback (headline): the month value repays cost; B: where self-hosting breaks even.",
        "Mouse: click selects a row (click a heading again to fold it); the wheel scrolls.",
    ] {
        lines.push(Line::from(Span::styled(note, theme.muted())));
    }
    let full = f.area();
    let inner = popup::open(
        f,
        full.width.saturating_sub(4).min(100),
        full.height.saturating_sub(2),
        "Keys — Esc closes, ↑/↓ PgUp/PgDn scroll",
        theme,
    );
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    f.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)),
        inner,
    );
}
