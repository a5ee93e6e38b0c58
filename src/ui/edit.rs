//! The value editor (Enter on an input) and the Save As prompt: a text box
//! that validates as you type, with the reason shown inline.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::{App, EditState, EditTarget};

pub fn render(f: &mut Frame, app: &App, e: &EditState, save_as: bool, theme: &Theme) {
    let (title, hint) = if save_as {
        (
            "Save as".to_string(),
            "Enter saves · Esc cancels · ~ is your home directory".to_string(),
        )
    } else {
        match e.target {
            EditTarget::Number(field) => (
                format!("{} ({})", app.field_label(field), field.unit()),
                format!(
                    "{} · Enter sets · Esc keeps the old value",
                    field.range().describe()
                ),
            ),
            EditTarget::Range(field) => (
                format!("Range of {} ({})", app.field_label(field), field.unit()),
                "low – high, e.g. 1,500 – 3,000 · empty removes it · Enter sets · Esc cancels"
                    .to_string(),
            ),
            EditTarget::Text(t) => (
                crate::app::text::text_label(t).to_string(),
                "Enter sets · Esc keeps the old value".to_string(),
            ),
        }
    };
    let width = (f.area().width.saturating_sub(4)).min(72);
    let inner = popup::open(f, width, 5, &title, theme);
    if inner.height == 0 {
        return;
    }
    f.render_widget(&e.input, Rect { height: 1, ..inner });
    let message = match &e.error {
        Some(why) => Line::from(Span::styled(format!("⚠ {why}"), theme.error())),
        None => Line::from(Span::styled(hint, theme.muted())),
    };
    if inner.height >= 3 {
        f.render_widget(
            Paragraph::new(message),
            Rect {
                y: inner.y + 2,
                height: 1,
                ..inner
            },
        );
    }
}
