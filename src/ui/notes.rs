//! The notes editor: a multi-line text area over most of the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::popup;
use super::theme::Theme;

pub fn render(f: &mut Frame, area: &TextArea<'static>, theme: &Theme) {
    let full = f.area();
    let inner = popup::open(
        f,
        full.width.saturating_sub(6).max(20),
        full.height.saturating_sub(4).max(5),
        "Notes from the call",
        theme,
    );
    if inner.height < 2 {
        return;
    }
    f.render_widget(
        area,
        Rect {
            height: inner.height - 1,
            ..inner
        },
    );
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            "Esc finishes (undo with u) · Enter new line · paste works",
            theme.muted(),
        ))),
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        },
    );
}
