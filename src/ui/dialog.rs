//! The unsaved-changes question: save, discard or cancel.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::{App, Pending};

pub fn render(f: &mut Frame, app: &App, pending: &Pending, theme: &Theme) {
    let what = match pending {
        Pending::Quit => "before quitting",
        Pending::Open(_) => "before opening another plan",
        Pending::NewFrom(_) => "before starting a new plan",
    };
    let inner = popup::open(f, 58, 7, "Unsaved changes", theme);
    let file = app
        .doc()
        .path
        .as_ref()
        .map_or("this new plan".to_string(), |p| p.display().to_string());
    let lines = vec![
        Line::from(format!("{file} has changes that are not saved.")),
        Line::from(format!("Save them {what}?")),
        Line::from(""),
        Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" save   "),
            Span::styled("d", theme.key()),
            Span::raw(" discard   "),
            Span::styled("c", theme.key()),
            Span::raw("/"),
            Span::styled("Esc", theme.key()),
            Span::raw(" cancel"),
        ]),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
