//! `runcost new --interview [FILE]`: the workbench opening on the guided
//! interview.

use std::path::Path;

use super::{prepare, run_app};
use crate::model::Catalog;

/// `runcost new --interview [FILE]`: the workbench opening on the guided
/// interview, the plan it builds to be saved to FILE.
pub fn run_interview(
    file: Option<&Path>,
    catalog: Catalog,
    warnings: Vec<String>,
) -> Result<(), super::WorkbenchError> {
    let mut app = prepare(file, &catalog)?;
    // The example plan opened for a new FILE is replaced by the template.
    app.notices
        .retain(|n| !n.text.starts_with("new plan (from the example plan)"));
    app.start_interview(file.map(Path::to_path_buf));
    run_app(app, catalog, warnings)
}
