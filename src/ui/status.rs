//! The bottom bar: the latest message, or the main keys of the current context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::keymap;
use crate::app::{App, StatusKind};

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(status) = &app.status {
        let style = match status.kind {
            StatusKind::Info => theme.good(),
            StatusKind::Warning => theme.warning(),
            StatusKind::Error => theme.error(),
        };
        f.render_widget(
            Line::from(Span::styled(format!(" {}", status.text), style)),
            area,
        );
        return;
    }
    let ctx = app.context();
    let items: Vec<(String, &str)> = keymap::bar(ctx)
        .into_iter()
        .map(|(chord, action)| {
            let keys = match action {
                keymap::Action::Decrease => "←/→".to_string(),
                keymap::Action::Up => "↑/↓".to_string(),
                _ => chord.to_string(),
            };
            let label = match (ctx, action) {
                (keymap::Context::Compare, keymap::Action::Decrease) => "plan",
                (keymap::Context::Compare, keymap::Action::Cancel) => "back",
                _ => action.short(),
            };
            (keys, label)
        })
        .collect();
    // Drop keys from the middle until the bar fits; the last two (help, quit)
    // and the first ones stay.
    let width = area.width as usize;
    let len = |v: &[(String, &str)]| -> usize {
        1 + v
            .iter()
            .map(|(k, a)| k.chars().count() + a.chars().count() + 3)
            .sum::<usize>()
    };
    let mut items = items;
    while len(&items) > width && items.len() > 2 {
        let at = items.len().saturating_sub(3);
        items.remove(at);
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, label) in items {
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {label}  "), theme.muted()));
    }
    f.render_widget(Line::from(spans), area);
}
