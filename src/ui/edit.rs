//! The value editor (Enter on an input) and the Save As prompt: a text box
//! that validates as you type, with the reason shown inline.

use ratatui::Frame;

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
                    "{} · {} · Enter sets · Esc keeps the old value",
                    field.help(),
                    field.range().describe()
                ),
            ),
            EditTarget::Range(field) => (
                format!("Range of {} ({})", app.field_label(field), field.unit()),
                "low – high, e.g. 1,500 – 3,000 · empty removes it · Enter sets · Esc cancels"
                    .to_string(),
            ),
            EditTarget::CaseName => (
                "Name of the new case".to_string(),
                "the inputs changed since the save become the case · Enter makes it · Esc cancels"
                    .to_string(),
            ),
            EditTarget::Text(t) => (
                crate::app::text::text_label(t).to_string(),
                "Enter sets · Esc keeps the old value".to_string(),
            ),
        }
    };
    // The value opens selected (typing replaces it): say so while it is.
    let hint = if e.input.is_selecting() {
        format!("typing replaces the selection · ←/→ edit it · {hint}")
    } else {
        hint
    };
    let width = (f.area().width.saturating_sub(4)).min(72);
    let message = popup::prompt_message(e.error.as_deref(), hint, theme);
    // Input, a blank row, and the message: two rows when it is long, three
    // when longer (an input's help and its range), so it wraps instead of
    // being cut.
    let (w, room) = (message.width() + 2, width as usize);
    let rows = if w <= room {
        1
    } else if w <= 2 * room.saturating_sub(8) {
        2
    } else {
        3
    };
    let inner = popup::open(f, width, 4 + rows, &title, theme);
    if inner.height == 0 {
        return;
    }
    popup::text_box(f, inner, &e.input, theme);
    popup::message_from(f, inner, 2, message);
}
