//! Renderers for the CLI and exports: table, Markdown, CSV, JSON. They only
//! format what the model computed.

pub mod analysis;
pub mod assumptions;
pub mod breakeven;
pub mod catalog;
pub mod client;
pub mod compare;
pub mod csv;
pub mod escape;
pub mod followup;
pub mod format;
pub mod grid;
pub mod headline;
pub mod json;
pub mod markdown;
pub mod provenance;
pub mod table;

use crate::model::{Projection, Scenario};

/// The output formats of `runcost report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text tables for a terminal.
    Table,
    /// Markdown for a client email or proposal.
    Md,
    /// One row per month, for spreadsheets.
    Csv,
    /// The machine-readable report of the spec (§3).
    Json,
    /// A self-contained HTML page with charts, for the client (report only).
    Html,
}

/// A rendering that failed (a value the format cannot hold): an error of
/// runcost's own, exit 1, never an empty or substituted document.
pub type Rendered = Result<String, String>;

/// The table, Markdown, CSV or JSON report. HTML is the client report
/// (`client::html`, which needs the catalog and a date): asking this function
/// for it is an error, never another format in its place.
pub fn render(format: Format, s: &Scenario, p: &Projection, catalog_as_of: &str) -> Rendered {
    match format {
        Format::Table => Ok(table::render(s, p, catalog_as_of, None)),
        Format::Md => Ok(markdown::render(s, p, catalog_as_of)),
        Format::Csv => csv::render(s, p),
        Format::Json => json::render(s, p),
        Format::Html => Err(
            "the HTML report is the client report (report::client::html), not rendered here".into(),
        ),
    }
}
