//! Words that explain: the line at the foot of the inputs pane about the
//! input under the cursor, and dates as a client reads them.

use crate::app::App;
use crate::app::rows::{Row, TextField};

/// One short line saying what the row under the cursor is: an input's help
/// from the table of inputs.
pub fn explain(app: &App) -> String {
    let row = app.selected_row();
    match row {
        Some(Row::Text(TextField::ToolName(_))) => {
            return "A tool the system calls, billed per use; Enter renames it, d removes it."
                .into();
        }
        Some(Row::Text(TextField::Role(_))) => {
            return "A role of the rest of the team (evaluation, security, on-call); Enter renames, d removes.".into();
        }
        Some(Row::AddLine(_)) => {
            return "i or Enter adds a line here; d on a line removes it.".into();
        }
        _ => {}
    }
    if let Some(t) = row.and_then(Row::input) {
        return t.spec().help.to_string();
    }
    match row {
        Some(Row::Field(f)) => f.help().to_string(),
        Some(Row::Heading(_)) => "Space folds · 1–9 jump to a section · / finds an input".into(),
        Some(Row::Notes) => "Notes from the call, kept with the plan.".into(),
        Some(Row::Gpus(_)) => {
            "GPUs this sizing rents: whole replicas for the peak, plus spares.".into()
        }
        Some(Row::Info(_) | Row::Text(_) | Row::Toggle(_) | Row::Model(_) | Row::AddLine(_))
        | None => String::new(),
    }
}

/// "2027-01-15" → "Jan 2027" (as given when it is not a date).
pub fn month_year(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = date.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (year, month) {
        (Some(y), Some(m)) => format!("{m} {y}"),
        _ => date.to_string(),
    }
}
