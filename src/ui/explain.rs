//! Words that explain: the line at the foot of the inputs pane about the
//! input under the cursor, and dates as a client reads them.

use crate::app::App;
use crate::app::rows::{Row, TextField, Toggle};

/// One short line saying what the row under the cursor is.
pub fn explain(app: &App) -> String {
    match app.selected_row() {
        Some(Row::Field(f)) => f.help().to_string(),
        Some(Row::Heading(_)) => "Space folds · 1–9 jump to a section · / finds an input".into(),
        Some(Row::Text(TextField::Name)) => "The plan's name, as the report titles it.".into(),
        Some(Row::Text(TextField::Client)) => "Who the plan is for.".into(),
        Some(Row::Text(TextField::Currency)) => "The currency every amount is in.".into(),
        Some(Row::Text(TextField::EmbeddingId)) => "The model that embeds the documents.".into(),
        Some(Row::Text(TextField::InfraName(_))) => {
            "A fixed monthly cost line; Enter renames it.".into()
        }
        Some(Row::Toggle(Toggle::Retrieval)) => {
            "Whether answers search your documents first.".into()
        }
        Some(Row::Toggle(Toggle::Reviewers)) => {
            "Auto staffs reviewers as needed; Fixed keeps a set team.".into()
        }
        Some(Row::Model(_)) => "Enter or m picks the model from the catalog.".into(),
        Some(Row::Notes) => "Notes from the call, kept with the plan.".into(),
        Some(Row::Gpus(_)) => {
            "GPUs this sizing rents: whole replicas for the peak, plus spares.".into()
        }
        Some(Row::Info(_)) | None => String::new(),
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
