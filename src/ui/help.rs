//! Help: every key of every context, generated from the keymap the workbench
//! uses, so it cannot drift from what the keys do.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::keymap::{self, Action, Context};
use crate::app::{App, Focus};

fn section(lines: &mut Vec<Line<'static>>, title: &str, ctx: Context, theme: &Theme) {
    lines.push(Line::from(Span::styled(title.to_string(), theme.heading())));
    let mut seen: Vec<Action> = Vec::new();
    let bindings = keymap::bindings(ctx);
    for (_, action) in &bindings {
        if seen.contains(action) {
            continue;
        }
        seen.push(*action);
        let keys: Vec<String> = bindings
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(c, _)| c.to_string())
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<18}", keys.join(" ")), theme.key()),
            Span::raw(action.description()),
        ]));
    }
    lines.push(Line::from(""));
}

pub fn render(f: &mut Frame, app: &App, scroll: u16, theme: &Theme) {
    let mut lines = Vec::new();
    let (first, second) = match app.focus {
        Focus::Inputs => (
            ("Inputs pane (and anywhere)", Context::Inputs),
            ("Monthly table", Context::Table),
        ),
        Focus::Table => (
            ("Monthly table (and anywhere)", Context::Table),
            ("Inputs pane", Context::Inputs),
        ),
    };
    section(&mut lines, first.0, first.1, theme);
    section(&mut lines, second.0, second.1, theme);
    section(
        &mut lines,
        "Typing a value or a name",
        Context::TextEntry,
        theme,
    );
    section(
        &mut lines,
        "Model picker and plan browser",
        Context::Picker,
        theme,
    );
    section(&mut lines, "Notes editor", Context::Notes, theme);
    section(
        &mut lines,
        "Unsaved-changes question",
        Context::ConfirmDiscard,
        theme,
    );
    for note in [
        "Steps: ±10 % for money and volumes, ±1 point for percentages, 1 for whole numbers.",
        "Typed values may use 2,500 · 2.5k · 1.2M · $ · %; the allowed range is shown.",
        "Mouse: click selects a row (click a heading again to fold it); the wheel scrolls.",
    ] {
        lines.push(Line::from(Span::styled(note, theme.muted())));
    }
    let full = f.area();
    let inner = popup::open(
        f,
        full.width.saturating_sub(4).min(100),
        full.height.saturating_sub(2),
        "Keys — Esc closes, ↑/↓ scroll",
        theme,
    );
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    f.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)),
        inner,
    );
}
