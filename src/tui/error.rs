//! Why the workbench could not start or had to stop: what `runcost` says on
//! stderr (exit 2), one variant per cause.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum WorkbenchError {
    /// The plan to open does not read (its problems, `FILE:LINE:COL: …`).
    #[error("{0}")]
    Plan(String),
    #[error("the default plan is missing")]
    NoDefaultPlan,
    #[error(
        "{}: ends with `/`, so it names a folder, not a plan file (and there is no such folder); give a file name such as {suggest}",
        .file.display()
    )]
    FolderName { file: PathBuf, suggest: String },
    #[error("cannot open the terminal: {0}")]
    Terminal(io::Error),
    #[error("cannot watch signals: {0}")]
    Signals(io::Error),
    #[error("cannot draw: {0}")]
    Draw(io::Error),
    #[error("cannot reopen the terminal: {0}")]
    Reopen(io::Error),
    /// Reading keys failed; `saved` says where unsaved plans were kept.
    #[error(
        "the terminal stopped answering: {why}{}",
        .saved.as_ref().map_or(String::new(), |p| format!("; {p}"))
    )]
    Stopped { why: String, saved: Option<String> },
}
