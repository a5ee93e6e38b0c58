//! Renderers for the CLI and exports: table, Markdown, CSV, JSON. They only
//! format what the model computed.

pub mod actuals;
pub mod analysis;
pub mod assumptions;
pub mod breakeven;
pub mod catalog;
pub mod cfo;
pub mod client;
pub mod compare;
pub mod csv;
pub mod escape;
pub mod followup;
pub mod grid;
pub mod headline;
pub mod json;
pub mod markdown;
pub mod provenance;
pub mod table;

use crate::model::{Projection, Scenario};

/// The formats `render` writes from a projection alone (the client report,
/// Markdown or HTML, is `client::markdown` and `client::html`, which need the
/// catalog and a date; `cmd::report::ReportFormat` is what the command offers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned text tables for a terminal.
    Table,
    /// Markdown for a client email or proposal.
    Md,
    /// One row per month, for spreadsheets.
    Csv,
    /// The machine-readable report of the spec (§3).
    Json,
}

/// Why a document could not be written (a value the format cannot hold): an
/// error of runcost's own, exit 1, never an empty or substituted document.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    #[error("cannot write the JSON: {0}")]
    Json(String),
    #[error("cannot write the CSV: {0}")]
    Csv(String),
}

/// A rendered document, or why it could not be written.
pub type Rendered = Result<String, RenderError>;

/// The table, Markdown, CSV or JSON report.
pub fn render(format: Format, s: &Scenario, p: &Projection, catalog_as_of: &str) -> Rendered {
    match format {
        Format::Table => Ok(table::render(s, p, catalog_as_of, None)),
        Format::Md => Ok(markdown::render(s, p, catalog_as_of)),
        Format::Csv => csv::render(s, p),
        Format::Json => json::render(s, p),
    }
}
