//! The source of an input (`o`): a one-line text box for where the value
//! comes from, and the confidence, High/Medium/Low, changed with Tab.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::App;
use crate::app::modes::source::SourceState;
use crate::model::Confidence;

pub fn render(f: &mut Frame, app: &App, s: &SourceState, theme: &Theme) {
    let title = format!("Source of {}", app.field_label(s.field));
    let width = (f.area().width.saturating_sub(4)).min(72);
    let hint = if s.input.is_selecting() {
        "typing replaces it · Tab confidence · Enter sets · Ctrl-D removes · Esc cancels"
    } else {
        "Tab confidence · Enter sets · empty or Ctrl-D removes · Esc cancels"
    };
    let message = popup::prompt_message(s.error.as_deref(), hint, theme);
    let rows = if message.width() + 2 > width as usize {
        2
    } else {
        1
    };
    // Text, confidence, a blank row and the message.
    let inner = popup::open(f, width, 5 + rows, &title, theme);
    if inner.height == 0 {
        return;
    }
    popup::text_box(f, inner, &s.input, theme);
    if inner.height < 2 {
        return;
    }
    let mut choice = vec![Span::styled("Confidence: ", theme.muted())];
    for c in [Confidence::High, Confidence::Medium, Confidence::Low] {
        let style = if c == s.confidence {
            theme.selected()
        } else {
            theme.muted()
        };
        let text = if c == s.confidence {
            format!("[{}]", c.label())
        } else {
            format!(" {} ", c.label())
        };
        choice.push(Span::styled(text, style));
        choice.push(Span::raw(" "));
    }
    f.render_widget(
        Paragraph::new(Line::from(choice)),
        Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        },
    );
    popup::message_from(f, inner, 3, message);
}
