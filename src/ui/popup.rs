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
