//! The safety questions: restore a recovery copy, resolve a file changed on
//! disk before a save, reload a file changed under a clean plan. Each shows
//! what differs between the two versions.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::inputs::fit_words;
use super::popup;
use super::theme::Theme;
use crate::app::{App, Question, SafetyState};
use crate::model::compare::InputValue;
use crate::numbers::{field_value, number};

pub fn render(f: &mut Frame, app: &App, s: &SafetyState, theme: &Theme) {
    let doc = app.session.by_id(s.doc).unwrap_or_else(|| app.doc());
    let file = doc.path.as_ref().map_or_else(
        || "the unsaved plan".to_string(),
        |p| p.display().to_string(),
    );
    let (title, intro, keys): (&str, Vec<String>, Vec<(&str, &str)>) = match &s.question {
        Question::Recover {
            written,
            orphan: true,
            ..
        } => (
            "Unsaved plan recovered",
            vec![
                format!(
                    "A runcost that stopped kept a plan with unsaved changes ({written}), not the plan open now."
                ),
                "Open it as a plan of its own? (Ctrl-S then saves it; below, how it differs from the plan open now)".into(),
            ],
            vec![
                ("r", "open it"),
                ("d", "discard the copy"),
                ("Esc", "decide later"),
            ],
        ),
        Question::Recover { written, .. } => (
            "Unsaved changes recovered",
            vec![
                format!("runcost kept unsaved changes to {file} ({written})."),
                "Restore them? (they are only restored, not saved, until Ctrl-S)".into(),
            ],
            vec![
                ("r", "restore"),
                ("d", "discard the copy"),
                ("Esc", "decide later"),
            ],
        ),
        Question::Conflict => (
            "The file changed on disk",
            vec![
                format!("{file} was changed by someone else since you opened it."),
                "Saving now would overwrite those changes.".into(),
            ],
            vec![
                ("o", "overwrite"),
                ("a", "save as"),
                ("r", "reload theirs"),
                ("Esc", "cancel"),
            ],
        ),
        Question::ConflictInvalid { why } => (
            "The file on disk is not a valid plan",
            vec![
                format!("{file} was changed since you opened it, and the file on disk is not a valid plan now:"),
                why.clone(),
                "There is nothing to reload: overwrite it with this plan, or save this plan under another name.".into(),
            ],
            vec![
                ("o", "overwrite it with mine"),
                ("a", "save as"),
                ("Esc", "cancel"),
            ],
        ),
        Question::Reload => (
            "The file changed on disk",
            vec![
                format!("{file} was changed outside runcost; you have no unsaved edits."),
                "Reload it?".into(),
            ],
            vec![("r", "reload"), ("k", "keep this version")],
        ),
    };
    let full = f.area();
    let diff_rows = s
        .differences
        .len()
        .min(full.height.saturating_sub(12).max(1) as usize);
    let width = full.width.saturating_sub(4).min(96);
    let w = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = intro
        .iter()
        .flat_map(|t| wrap(t, w))
        .map(Line::from)
        .collect();
    lines.push(Line::from(""));
    let theirs_label = match s.question {
        Question::Recover { .. } => "recovered",
        _ => "on disk",
    };
    if matches!(s.question, Question::ConflictInvalid { .. }) {
        // The reason is in the intro; there is no plan on disk to compare.
        lines.pop();
    } else if s.differences.is_empty() {
        lines.push(Line::from(Span::styled("No input differs.", theme.muted())));
    } else {
        let cur = doc.plan.currency.as_str();
        let label_w = (w / 2).max(10);
        let val_w = (w.saturating_sub(label_w)) / 2;
        lines.push(Line::from(Span::styled(
            format!(
                "{:<label_w$}{:<val_w$}{}",
                "What differs", "here", theirs_label
            ),
            theme.heading(),
        )));
        // Show every difference that fits; otherwise keep a line for "… more".
        let shown = if s.differences.len() <= diff_rows {
            s.differences.len()
        } else {
            diff_rows.saturating_sub(1).max(1)
        };
        for d in s.differences.iter().take(shown) {
            let show = |v: &Option<InputValue>| match (v, d.field) {
                (None, _) => "—".to_string(),
                (Some(InputValue::Text(t)), _) => t.clone(),
                (Some(InputValue::Number(x)), Some(f)) => field_value(f, *x, cur),
                (Some(InputValue::Number(x)), None) => number(*x, 4),
            };
            lines.push(Line::from(format!(
                "{:<label_w$}{:<val_w$}{}",
                fit_words(&d.label, label_w.saturating_sub(1)),
                fit_words(&show(&d.values[0]), val_w.saturating_sub(1)),
                fit_words(&show(&d.values[1]), val_w),
            )));
        }
        if s.differences.len() > shown {
            lines.push(Line::from(Span::styled(
                format!("… and {} more", s.differences.len() - shown),
                theme.muted(),
            )));
        }
    }
    lines.push(Line::from(""));
    let mut spans = Vec::new();
    for (k, what) in keys {
        spans.push(Span::styled(k, theme.key()));
        spans.push(Span::raw(format!(" {what}   ")));
    }
    lines.push(Line::from(spans));
    let inner = popup::open(f, width, lines.len() as u16 + 2, title, theme);
    f.render_widget(Paragraph::new(lines), inner);
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        // A path longer than the line keeps its file name.
        let shortened;
        let word = if word.contains(['/', '\\']) && word.chars().count() > width {
            shortened = super::fit::path(word, width);
            shortened.as_str()
        } else {
            word
        };
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.into_iter().map(|l| fit_words(&l, width)).collect()
}
