//! The view: a pure function of the app state. One file per screen region.
//!
//! ```text
//! ┌ title: runcost │ plan — client             file ● modified │ prices as-of ┐
//! ├─ Inputs ───────────────┬─ Projection — 12 months ───────────────────────┤
//! │ ▾ Volume               │ TCO $828,660   Run cost $688,660   Build …     │
//! │   Requests per day  …  │ Δ what the last edit did to TCO and month 12   │
//! │ ▾ Tokens & caching     │ Total      ▁▂▃▄▅▆▇█   Σ $689k · $74k/mo        │
//! │   …                    │ Inference  ▁▁▂▂▃▃▄▄   Σ $4.3k · $459/mo        │
//! │                        │ ████████▓▓▓▓▒▒ where the money goes (legend)   │
//! │                        │ Month  Requests  Inference …  Total            │
//! ├────────────────────────┴────────────────────────────────────────────────┤
//! │ status message, or the main keys of the current context                │
//! └──────────────────────────────────────────────────────────────────────────┘
//! ```
//! Overlays (help, picker, editors, dialogs, browser) draw on top.

pub mod breakdown;
pub mod browser;
pub mod cases;
pub mod compare;
pub mod dialog;
pub mod edit;
pub mod explain;
pub mod finder;
pub mod fit;
pub mod gpus;
pub mod help;
pub mod inputs;
pub mod interview;
pub mod notes;
pub mod picker;
pub mod popup;
pub mod present;
pub mod projection;
pub mod safety;
pub mod source;
pub mod sparklines;
pub mod status;
pub mod table;
pub mod theme;
pub mod title;
pub mod tornado;
mod under_headline;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode};
pub use theme::Theme;

pub fn render(f: &mut Frame, app: &App, theme: &Theme) {
    let area = f.area();
    if layout::too_small(area) {
        if area.width > 0 && area.height > 0 {
            let msg = format!(
                "terminal too small — need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
                area.width, area.height
            );
            let y = area.height / 2;
            let r = ratatui::layout::Rect::new(
                area.x,
                area.y + y.saturating_sub(1),
                area.width,
                area.height - y.saturating_sub(1),
            );
            f.render_widget(
                Paragraph::new(Line::from(msg))
                    .alignment(Alignment::Center)
                    .wrap(Wrap { trim: true }),
                r,
            );
        }
        return;
    }
    let r = layout::regions_with(area, layout::notice_lines(app.notices.len()));
    title::render(f, r.title, app, theme);
    // Help over the comparison keeps the comparison behind it.
    let compare = match app.mode() {
        Mode::Compare(c) => Some(c),
        Mode::Help(h) => match h.back.as_deref() {
            Some(Mode::Compare(c)) => Some(c),
            _ => None,
        },
        _ => None,
    };
    if let Some(c) = compare {
        let body = ratatui::layout::Rect {
            y: r.title.y + 1,
            height: r.status.y.saturating_sub(r.title.y + 1),
            ..area
        };
        compare::render(f, body, app, c, theme);
    } else {
        inputs::render(f, r.inputs, app, theme);
        projection::render(f, r.projection, app, theme);
    }
    status::render(f, r.status, app, theme);
    match app.mode() {
        Mode::Normal => {}
        Mode::Edit(e) => edit::render(f, app, e, false, theme),
        Mode::SaveAs(e) => edit::render(f, app, e, true, theme),
        Mode::Picker(p) => picker::render(f, app, p, theme),
        Mode::Notes(area) => notes::render(f, area, theme),
        Mode::Help(h) => help::render(f, app, h, theme),
        Mode::Confirm(p) => dialog::render(f, app, p, theme),
        Mode::Browser(b) => browser::render_open(f, b, theme),
        Mode::Examples(x) => browser::render_examples(f, x.cursor.selected, theme),
        Mode::Compare(_) => {}
        Mode::Finder(x) => finder::render(f, x, theme),
        Mode::Safety(s) => safety::render(f, app, s, theme),
        Mode::Tornado(t) => tornado::render(f, app, t, theme),
        Mode::Source(s) => source::render(f, app, s, theme),
        Mode::Present(p) => present::render(f, app, p, theme),
        Mode::Interview(i) => {
            let body = ratatui::layout::Rect {
                y: r.title.y + 1,
                height: r.status.y.saturating_sub(r.title.y + 1),
                ..area
            };
            interview::render(f, body, app, i, theme);
        }
        Mode::Breakeven(b) => {
            let text = if b.computing { "computing…" } else { &b.text };
            text_panel(f, text, "Self-hosting break-even — any key closes", theme);
        }
        Mode::Actuals(a) => {
            text_panel(f, &a.text, "Plan against actuals — any key closes", theme);
        }
    }
}

/// A read-only panel of text, as tall as it needs (up to the screen).
fn text_panel(f: &mut Frame, text: &str, title: &str, theme: &Theme) {
    let full = f.area();
    let width = full.width.saturating_sub(4).min(170);
    let inner_w = width.saturating_sub(2).max(1) as usize;
    let rows: usize = text
        .lines()
        .map(|l| l.chars().count().div_ceil(inner_w).max(1))
        .sum();
    let inner = popup::open(f, width, (rows as u16 + 2).min(full.height), title, theme);
    f.render_widget(
        Paragraph::new(text.to_string()).wrap(Wrap { trim: false }),
        inner,
    );
}
