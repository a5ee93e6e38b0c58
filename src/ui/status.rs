//! The bottom bar: the latest message, or the main keys of the current
//! context; above it, one line per notice still to be read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::inputs::fit_words;
use super::theme::Theme;
use crate::app::keymap;
use crate::app::layout::notice_lines;
use crate::app::{App, StatusKind};

fn style(kind: StatusKind, theme: &Theme) -> ratatui::style::Style {
    match kind {
        StatusKind::Info => theme.good(),
        StatusKind::Warning => theme.warning(),
        StatusKind::Error => theme.error(),
    }
}

/// The notices, one per line (the last line says how many more there are).
fn render_notices(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = notice_lines(app.notices.len()).min(area.height) as usize;
    let width = area.width.saturating_sub(2) as usize;
    for (i, n) in app.notices.iter().take(lines).enumerate() {
        let rest = app.notices.len() - i;
        let text = if i + 1 == lines && rest > 1 {
            format!("… {rest} notices (Esc dismisses those shown)")
        } else {
            let hint = if n.sticky { "" } else { "  (Esc)" };
            let mark = match n.kind {
                StatusKind::Info => "•",
                _ => "!",
            };
            let body = fit_words(&n.text, width.saturating_sub(2 + hint.len()));
            format!("{mark} {body}{hint}")
        };
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        f.render_widget(
            Line::from(Span::styled(format!(" {text}"), style(n.kind, theme))),
            row,
        );
    }
}

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    render_notices(f, area, app, theme);
    let area = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    if let Some(status) = &app.status {
        f.render_widget(
            Line::from(Span::styled(
                format!(" {}", status.text),
                style(status.kind, theme),
            )),
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
