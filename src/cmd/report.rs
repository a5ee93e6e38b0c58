//! `runcost report` and `runcost [FILE]` (the workbench, or its report when
//! there is no terminal).

use std::path::Path;

use super::{
    Failure, emit, emit_data, ensure_finite, load_catalog, load_plan, out_width, rendered, warn,
};
use crate::model::project;
use crate::report;
use crate::store::plans::{self, DEFAULT_TEMPLATE};

/// What `runcost report --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
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

/// `runcost report FILE [--format] [--months]`.
pub fn report(file: &Path, format: ReportFormat, months: Option<u32>) -> Result<(), Failure> {
    let catalog = load_catalog();
    let mut plan = load_plan(file, &catalog)?;
    if let Some(m) = months {
        plan.horizon_months = m;
    }
    // The plan was checked with its own horizon; --months may reach further.
    ensure_finite(file, &plan)?;
    let projection = project(&plan);
    // The client report (md, html) says an ended promotion in its summary;
    // the other formats keep their contents as specified and say it where
    // every command says warnings, on stderr.
    if !matches!(format, ReportFormat::Md | ReportFormat::Html) {
        let today = crate::clock::today();
        for (_, w) in super::plans::ended_price_warnings(&plan, &catalog, &today) {
            warn(&format!("warning: {}: {w}", file.display()));
        }
    }
    match format {
        ReportFormat::Table => emit(&report::table::render(
            &plan,
            &projection,
            &catalog.as_of,
            out_width(),
        )),
        ReportFormat::Md | ReportFormat::Html => {
            let actuals = super::actuals::beside(file, &plan, &projection)?;
            let r = report::client::report_with(
                &plan,
                &projection,
                &catalog,
                &crate::clock::today().date,
                actuals.as_ref(),
            );
            emit_data(&if format == ReportFormat::Md {
                report::client::markdown::render(&r)
            } else {
                report::client::html::render(&r)
            })
        }
        ReportFormat::Csv => emit_data(&rendered(report::csv::render(&plan, &projection))?),
        ReportFormat::Json => emit_data(&rendered(report::json::render(&plan, &projection))?),
    }
}

/// `runcost [FILE]`: the workbench in a terminal; without one (a pipe, a
/// script) the report of the plan the workbench would open.
pub fn workbench(file: Option<&Path>) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return default_report(file);
    }
    // A broken user catalog is said in the workbench, where it is seen (a
    // line on stderr is hidden by the alternate screen until quitting).
    let loaded = crate::store::catalog::load();
    crate::tui::run(file, loaded.catalog, loaded.warnings)
        .map_err(|e| Failure::Input(e.to_string()))
}

/// The table report of FILE or the built-in default plan.
pub fn default_report(file: Option<&Path>) -> Result<(), Failure> {
    let catalog = load_catalog();
    let plan = match file {
        Some(f) => load_plan(f, &catalog)?,
        None => {
            let t = plans::template(DEFAULT_TEMPLATE)
                .ok_or_else(|| Failure::Internal("the default plan is missing".into()))?;
            plans::load_template_on(t, &catalog, Some(crate::clock::today().month))
                .map_err(|e| Failure::Internal(e.render("built-in default plan")))?
        }
    };
    let projection = project(&plan);
    emit(&report::table::render(
        &plan,
        &projection,
        &catalog.as_of,
        out_width(),
    ))
}
