//! A bordered popup over the screen, clamped to the frame.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use super::theme::Theme;
use crate::app::layout::centered;

/// Clears a centred `w`×`h` area, draws its frame and returns the inside.
pub fn open(f: &mut Frame, w: u16, h: u16, title: &str, theme: &Theme) -> Rect {
    let area = centered(f.area(), w, h);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.heading()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// The "Filter: …" line of a list popup, with its text box.
pub fn filter_line(
    f: &mut Frame,
    inner: Rect,
    input: &ratatui_textarea::TextArea<'static>,
    theme: &Theme,
) {
    f.render_widget(
        ratatui::widgets::Paragraph::new(Span::styled("Filter: ", theme.muted())),
        Rect { height: 1, ..inner },
    );
    f.render_widget(
        input,
        Rect {
            x: inner.x + 8,
            width: inner.width.saturating_sub(8),
            height: 1,
            ..inner
        },
    );
}
