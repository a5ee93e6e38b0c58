//! The title bar: plan name, client, file, unsaved marker, catalog date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let plan = &app.doc().plan;
    let path = app.doc().path.as_ref();
    let full_path = path.map_or_else(|| "not saved yet".to_string(), |p| p.display().to_string());
    let file_name = path.and_then(|p| p.file_name()).map_or_else(
        || "not saved yet".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let dirty = if app.doc().is_dirty() {
        " ● modified"
    } else {
        ""
    };
    let of = if app.session.len() > 1 {
        format!(
            " [{}/{}]",
            app.session.active_index() + 1,
            app.session.len()
        )
    } else {
        String::new()
    };
    let name = if plan.client.is_empty() {
        format!("{}{of}", plan.name)
    } else {
        format!("{}{of} — {}", plan.name, plan.client)
    };
    // A catalog over 60 days old, and a retired model in the mix, are said
    // here where they cannot be missed (the notices say what to do).
    let stale = app.catalog_stale_days();
    let mut retired = if app.retired_models().is_empty() {
        String::new()
    } else {
        " │ ⚠ retired model".to_string()
    };
    // A snapshot of a promotion that has ended is said here too: the plan's
    // price is not the day's.
    if let Some(e) = app.ended_prices().first() {
        retired.push_str(&format!(" │ ⚠ {}", e.tag(app.today.as_deref())));
    }
    let prices = match stale {
        Some(d) => format!(
            " │ prices {} ⚠ {d} days old: runcost catalog import{retired}",
            app.catalog.as_of
        ),
        None => format!(" │ prices {}{retired}", app.catalog.as_of),
    };
    let short = match stale {
        Some(d) => format!(" │ prices ⚠ {d}d old{retired}"),
        None => format!(" │ prices {}{retired}", app.catalog.as_of),
    };
    let width = area.width as usize;
    // Most informative first; fall back to shorter forms until one fits.
    let candidates = [
        (
            format!(" runcost │ {name}"),
            format!("{full_path}{dirty}{prices} "),
        ),
        (
            format!(" runcost │ {name}"),
            format!("{file_name}{dirty}{prices} "),
        ),
        (
            format!(" {}{of}", plan.name),
            format!("{file_name}{dirty}{prices} "),
        ),
        (
            format!(" {}{of}", plan.name),
            format!("{file_name}{dirty}{short} "),
        ),
        (
            format!(" {}{of}", plan.name),
            format!("{file_name}{dirty} "),
        ),
    ];
    let chosen = candidates
        .iter()
        .find(|(l, r)| l.chars().count() + r.chars().count() < width);
    let line = match chosen {
        Some((left, right)) => {
            let gap = width - left.chars().count() - right.chars().count();
            Line::from(vec![
                Span::raw(left.clone()),
                Span::raw(" ".repeat(gap)),
                Span::raw(right.clone()),
            ])
        }
        None => {
            let text = super::inputs::fit_words(&format!(" {}{of}{dirty}", plan.name), width);
            let pad = width.saturating_sub(text.chars().count());
            Line::from(format!("{text}{}", " ".repeat(pad)))
        }
    };
    f.render_widget(line.style(theme.title()), area);
}
