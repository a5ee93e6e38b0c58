//! Renderers for the CLI and exports: table, Markdown, CSV, JSON. They only
//! format what the model computed.

pub mod analysis;
pub mod assumptions;
pub mod catalog;
pub mod client;
pub mod compare;
pub mod csv;
pub mod escape;
pub mod followup;
pub mod format;
pub mod headline;
pub mod json;
pub mod markdown;
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

pub fn render(format: Format, s: &Scenario, p: &Projection, catalog_as_of: &str) -> String {
    match format {
        Format::Table => table::render(s, p, catalog_as_of),
        Format::Md => markdown::render(s, p, catalog_as_of),
        Format::Csv => csv::render(s, p),
        Format::Json => json::render(s, p),
        // The client report needs the catalog and a date: see `client`.
        Format::Html => markdown::render(s, p, catalog_as_of),
    }
}
