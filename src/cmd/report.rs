//! `runcost report` and `runcost [FILE]` (the workbench, or its report when
//! there is no terminal).

use std::path::Path;

use super::{emit, emit_data, ensure_finite, load_catalog, load_plan, out_width, rendered, warn};
use crate::cli::Failure;
use crate::model::project;
use crate::report::{self, Format};
use crate::store::plans::{self, DEFAULT_TEMPLATE};

/// `runcost report FILE [--format] [--months]`.
pub fn report(file: &Path, format: Format, months: Option<u32>) -> Result<(), Failure> {
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
    if !matches!(format, Format::Md | Format::Html) {
        let today = crate::clock::today();
        for (_, w) in super::plans::ended_price_warnings(&plan, &catalog, &today) {
            warn(&format!("warning: {}: {w}", file.display()));
        }
    }
    match format {
        Format::Table => emit(&report::table::render(
            &plan,
            &projection,
            &catalog.as_of,
            out_width(),
        )),
        Format::Md => emit_data(&report::client::markdown(
            &plan,
            &projection,
            &catalog,
            &crate::clock::today().date,
        )),
        Format::Html => emit_data(&report::client::html(
            &plan,
            &projection,
            &catalog,
            &crate::clock::today().date,
        )),
        Format::Csv | Format::Json => emit_data(&rendered(report::render(
            format,
            &plan,
            &projection,
            &catalog.as_of,
        ))?),
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
    crate::tui::run(file, loaded.catalog, loaded.warnings).map_err(Failure::Input)
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
