//! A bordered popup over the screen, clamped to the frame.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::theme::Theme;
use crate::app::layout::{centered, split};

/// Clears a centred `w`×`h` area, draws its frame and returns the inside.
pub fn open(f: &mut Frame, w: u16, h: u16, title: &str, theme: &Theme) -> Rect {
    let area = centered(f.area(), w, h);
    f.render_widget(Clear, area);
    frame(f, area, format!(" {title} "), true, theme)
}

/// Draws the border of a pane or popup over `area`, with its `title`
/// (highlighted when `focused`), and returns the inside.
pub fn frame(f: &mut Frame, area: Rect, title: String, focused: bool, theme: &Theme) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.heading()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// The first line of a list popup: `label` ("Filter: ", "Find: ") and the
/// text box after it.
pub fn labelled_box(
    f: &mut Frame,
    inner: Rect,
    label: &'static str,
    input: &TextArea<'static>,
    theme: &Theme,
) {
    let at = label.len() as u16;
    f.render_widget(
        Paragraph::new(Span::styled(label, theme.muted())),
        Rect { height: 1, ..inner },
    );
    f.render_widget(
        input,
        Rect {
            x: inner.x + at,
            width: inner.width.saturating_sub(at),
            height: 1,
            ..inner
        },
    );
}

/// The one-line text box of a prompt, on the first row of `inner`, its
/// selection (which typing replaces) standing out.
pub fn text_box(f: &mut Frame, inner: Rect, input: &TextArea<'static>, theme: &Theme) {
    let mut input = input.clone();
    input.set_selection_style(theme.typed_over());
    f.render_widget(&input, Rect { height: 1, ..inner });
}

/// What a prompt says under its text box: why the text is refused, else
/// the hint.
pub fn prompt_message<'a>(
    error: Option<&str>,
    hint: impl Into<std::borrow::Cow<'a, str>>,
    theme: &Theme,
) -> Line<'a> {
    match error {
        Some(why) => Line::from(Span::styled(format!("⚠ {why}"), theme.error())),
        None => Line::from(Span::styled(hint, theme.muted())),
    }
}

/// `message`, wrapped, from row `row` of `inner` down, when it has room.
pub fn message_from(f: &mut Frame, inner: Rect, row: u16, message: Line) {
    if inner.height > row {
        let (_, below) = split(inner, Direction::Vertical, row);
        f.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), below);
    }
}
