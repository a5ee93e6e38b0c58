//! The bottom bar: the latest message, or the main keys of the current
//! context; above it, one line per notice still to be read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::layout::notice_lines;
use crate::app::{App, StatusKind};

fn style(kind: StatusKind, theme: &Theme) -> ratatui::style::Style {
    match kind {
        StatusKind::Info => theme.good(),
        StatusKind::Warning => theme.warning(),
        StatusKind::Error => theme.error(),
    }
}

/// The notices, one per line (the last line says how many more there are).
fn render_notices(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = notice_lines(app.notices.len()).min(area.height) as usize;
    let width = area.width.saturating_sub(2) as usize;
    for (i, n) in app.notices.iter().take(lines).enumerate() {
        let rest = app.notices.len() - i;
        let text = if i + 1 == lines && rest > 1 {
            format!("… {rest} notices (Esc dismisses those shown)")
        } else {
            let hint = if n.sticky { "" } else { "  (Esc)" };
            let mark = match n.kind {
                StatusKind::Info => "•",
                _ => "!",
            };
            // Long paths lose their middle first; what is still too long
            // loses the middle of the text, so the notice's start (what) and
            // its end (why, what to do) both show.
            let room = width.saturating_sub(2 + hint.len());
            let body = elide_middle(&fit_message(&n.text, room), room);
            format!("{mark} {body}{hint}")
        };
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        f.render_widget(
            Line::from(Span::styled(format!(" {text}"), style(n.kind, theme))),
            row,
        );
    }
}

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    render_notices(f, area, app, theme);
    let area = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    if let Some(status) = &app.status {
        // A message longer than the bar first loses the middle of long paths,
        // then wraps upwards over the panes (up to three rows), so what
        // happened and what to do both stay visible.
        let width = (area.width as usize).saturating_sub(2).max(1);
        // Paths stay whole while the message fits in its rows wrapped (a
        // client is told where the report went); only then are they elided.
        let whole = super::fit::wrapped_rows(&status.text, width) <= MAX_ROWS
            && status
                .text
                .split(' ')
                .all(|w| Span::raw(w).width() <= width);
        let mut text = if whole {
            status.text.clone()
        } else {
            fit_message(&status.text, width)
        };
        if super::fit::wrapped_rows(&text, width) > MAX_ROWS {
            // Leave slack for where the wrapping breaks lines.
            text = elide_middle(&text, (width * MAX_ROWS).saturating_sub(width / 2));
        }
        let rows = super::fit::wrapped_rows(&text, width).min(MAX_ROWS) as u16;
        let extra = (rows.saturating_sub(1)).min(area.y);
        let box_area = Rect {
            y: area.y - extra,
            height: area.height + extra,
            ..area
        };
        f.render_widget(ratatui::widgets::Clear, box_area);
        f.render_widget(
            ratatui::widgets::Paragraph::new(Line::from(Span::styled(
                text,
                style(status.kind, theme),
            )))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(
                ratatui::widgets::Block::new().padding(ratatui::widgets::Padding::horizontal(1)),
            ),
            box_area,
        );
        return;
    }
    let items: Vec<(String, &str)> = app.bar();
    // Drop keys from the middle until the bar fits; the last two (help, quit)
    // and the first ones stay.
    let width = area.width as usize;
    let len = |v: &[(String, &str)]| -> usize {
        1 + v
            .iter()
            .map(|(k, a)| k.chars().count() + a.chars().count() + 3)
            .sum::<usize>()
    };
    let mut items = items;
    while len(&items) > width && items.len() > 2 {
        let at = items.len().saturating_sub(3);
        items.remove(at);
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, label) in items {
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {label}  "), theme.muted()));
    }
    f.render_widget(Line::from(spans), area);
}

/// The most rows a status message may take.
const MAX_ROWS: usize = 3;

/// `text` shortened towards `width` columns without losing its point: long
/// paths (the usual culprit) lose their middle, down to 15 characters each,
/// and so does any word longer than half the bar (a file name without a
/// folder). The result may still be longer; the caller wraps it.
pub fn fit_message(text: &str, width: usize) -> String {
    let cols = |s: &str| Span::raw(s).width();
    if cols(text) <= width {
        return text.to_string();
    }
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    loop {
        let over = cols(&words.join(" ")).saturating_sub(width);
        if over == 0 {
            return words.join(" ");
        }
        // The longest path-like word still longer than a short stub.
        let Some(w) = words
            .iter_mut()
            .filter(|w| {
                let n = w.chars().count();
                n > 15 && (w.contains(['/', '\\']) || n > width / 2)
            })
            .max_by_key(|w| w.chars().count())
        else {
            break;
        };
        let keep = w.chars().count().saturating_sub(over).max(15);
        *w = elide_middle(w, keep);
    }
    words.join(" ")
}

/// `s` cut to `keep` characters with "…" in place of its middle.
fn elide_middle(s: &str, keep: usize) -> String {
    let n = s.chars().count();
    if n <= keep {
        return s.to_string();
    }
    if keep == 0 {
        return String::new();
    }
    let head = (keep - 1) / 2;
    let tail = keep - 1 - head;
    let start: String = s.chars().take(head).collect();
    let end: String = s.chars().skip(n - tail).collect();
    format!("{start}…{end}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `msg` fitted to a wide and a narrow status bar, each within its rows.
    fn fitted(msg: &str) -> [(usize, String); 2] {
        [118, 78].map(|width| {
            let fitted = fit_message(msg, width);
            assert!(
                crate::ui::fit::wrapped_rows(&fitted, width) <= MAX_ROWS,
                "{width}: {fitted}"
            );
            (width, fitted)
        })
    }

    #[test]
    fn long_paths_lose_their_middle_and_the_reason_stays() {
        let path = format!(
            "/home/me/plans/{}.ron",
            "a-very-long-variant-name".repeat(12)
        );
        let msg = format!(
            "not saved: cannot write {path}: File name too long (os error 36) — S saves elsewhere; nothing is lost"
        );
        for (width, fitted) in fitted(&msg) {
            if width > 100 {
                assert!(fitted.chars().count() <= width, "{width}: {fitted}");
            }
            assert!(
                fitted.starts_with("not saved: cannot write /home"),
                "{fitted}"
            );
            assert!(fitted.contains("File name too long"), "{width}: {fitted}");
            assert!(fitted.ends_with("nothing is lost"), "{width}: {fitted}");
        }
        assert_eq!(fit_message("short", 40), "short");
    }

    #[test]
    fn a_long_file_name_without_a_folder_loses_its_middle_and_what_happened_stays() {
        let name = format!("{}-report.md", "p".repeat(246));
        let msg = format!(
            "report not written: cannot save {name}: looking at the file failed: File name too long (os error 36); nothing was written"
        );
        for (width, fitted) in fitted(&msg) {
            assert!(fitted.starts_with("report not written: cannot save pp"));
            assert!(
                fitted.contains(".md: looking at the file failed"),
                "{fitted}"
            );
            assert!(fitted.ends_with("nothing was written"), "{width}: {fitted}");
        }
    }

    #[test]
    fn text_without_paths_keeps_its_start_and_end() {
        let msg = "word ".repeat(60) + "the end";
        assert_eq!(fit_message(&msg, 50), msg, "no path: left to wrap");
        let fitted = elide_middle(&msg, 50);
        assert_eq!(fitted.chars().count(), 50);
        assert!(fitted.starts_with("word") && fitted.ends_with("the end"));
    }
}
