//! The finder (`/`): a search box over every input, best match first, each
//! with its section and its path in the plan file.

use ratatui::Frame;
use ratatui::layout::Direction;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::inputs::fit_words;
use super::popup;
use super::theme::Theme;
use crate::app::cursor::ListCursor;
use crate::app::layout::split;
use crate::app::modes::finder::FinderState;

pub fn render(f: &mut Frame, x: &FinderState, theme: &Theme) {
    let full = f.area();
    let inner = popup::open(
        f,
        full.width.saturating_sub(4).min(100),
        full.height.saturating_sub(4).min(24),
        "Find an input — type, Enter goes there, Esc cancels",
        theme,
    );
    if inner.height < 3 {
        return;
    }
    popup::labelled_box(f, inner, "Find: ", &x.query, theme);
    let (_, list) = split(inner, Direction::Vertical, 1);
    if x.matches.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(
                "no input matches — try a word of its name, its section or its path",
                theme.warning(),
            )),
            list,
        );
        return;
    }
    let mut c: ListCursor = x.cursor;
    c.show(list.height as usize, x.matches.len());
    let width = list.width as usize;
    // Label first; the section always, the path where there is room.
    let section_w = 20usize.min(width / 4);
    let wide = width >= 80;
    let path_w = if wide { width * 2 / 5 } else { 0 };
    let label_w = width.saturating_sub(section_w + path_w + 3);
    let lines: Vec<Line> = x
        .matches
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(list.height as usize)
        .map(|(n, &i)| {
            let it = &x.items[i];
            let label = fit_words(&it.label, label_w);
            let mut spans = vec![
                Span::styled(format!(" {label:<label_w$} "), theme.label()),
                Span::styled(
                    format!("{:<section_w$} ", fit_words(it.section, section_w)),
                    theme.muted(),
                ),
            ];
            if wide {
                spans.push(Span::styled(fit_words(&it.path, path_w), theme.muted()));
            }
            let line = Line::from(spans);
            if n == x.cursor.selected {
                line.patch_style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
}
