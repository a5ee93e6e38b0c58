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
        Pending::Open(_) | Pending::OpenMany(_) => "before opening other plans",
        Pending::NewFrom(_) | Pending::Interview => "before starting a new plan",
        Pending::Close(_) => "before closing it",
    };
    let names = app.confirm_names(pending);
    let width = f.area().width.saturating_sub(4).min(76);
    let inner = popup::open(f, width, 6 + names.len() as u16, "Unsaved changes", theme);
    let mut lines = vec![Line::from(if names.len() == 1 {
        "This plan has changes that are not saved:".to_string()
    } else {
        format!("{} plans have changes that are not saved:", names.len())
    })];
    for n in &names {
        lines.push(Line::from(Span::styled(format!("  {n}"), theme.value())));
    }
    lines.extend([
        Line::from(format!(
            "Save {} {what}?",
            if names.len() == 1 { "it" } else { "them" }
        )),
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
    ]);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
