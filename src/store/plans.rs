//! Opening plans from disk and the example plans built into the binary.

use std::path::Path;

use crate::codec::plan::{PlanError, Problem, parse_plan_on};
use crate::model::prices::YearMonth;
use crate::model::{Catalog, Scenario};

/// Why a plan file could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The file could not be read at all.
    Io(std::io::Error),
    /// The file was read but is not a valid plan.
    Plan(PlanError),
}

impl OpenError {
    /// One paragraph naming the file and every problem.
    pub fn render(&self, file: &str) -> String {
        match self {
            OpenError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let path = Path::new(file);
                let folder = path.parent().filter(|d| !d.as_os_str().is_empty());
                if let Some(suggest) = super::atomic::folder_suggestion(path) {
                    format!(
                        "{file}: no such folder, and a name ending in `/` names a folder, not a plan file; give a file name such as {suggest}"
                    )
                } else if let Some(dir) = folder.filter(|d| !d.is_dir()) {
                    format!(
                        "{file}: no such file: the folder {} does not exist; check the path",
                        dir.display()
                    )
                } else {
                    format!(
                        "{file}: no such file; check the path (`runcost new {file}` creates a plan there)"
                    )
                }
            }
            OpenError::Io(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
                format!("{file}: is a directory, not a plan file")
            }
            OpenError::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                format!("{file}: permission denied; the file cannot be read by this user")
            }
            OpenError::Io(e) if super::read::is_refusal(e) => format!("{file}: {e}"),
            OpenError::Io(e) => format!("{file}: cannot be read: {e}"),
            OpenError::Plan(p) => p.render(file),
        }
    }

    pub fn problems(&self) -> Vec<Problem> {
        match self {
            OpenError::Io(e) => vec![Problem {
                position: None,
                field: None,
                message: e.to_string(),
            }],
            OpenError::Plan(p) => p.problems.clone(),
        }
    }
}

/// Reads and validates the plan at `path`. `this_month` is the month a plan
/// without a `start` starts in (`None`: without a clock, see
/// [`parse_plan`](crate::codec::plan::parse_plan)).
pub fn open_plan_on(
    path: &Path,
    catalog: &Catalog,
    this_month: Option<YearMonth>,
) -> Result<Scenario, OpenError> {
    let bytes = super::read::read_limited(path, super::read::PLAN_LIMIT, "a plan file")
        .map_err(OpenError::Io)?;
    parse_plan_on(&bytes, catalog, this_month).map_err(OpenError::Plan)
}

/// An example plan shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub summary: &'static str,
    pub text: &'static str,
}

/// An example plan of `scenarios/` by its file name, compiled in.
macro_rules! template {
    ($name:literal, $summary:literal) => {
        Template {
            name: $name,
            summary: $summary,
            text: include_str!(concat!("../../scenarios/", $name, ".ron")),
        }
    };
}

/// The example plans of `scenarios/`, compiled in so runcost works anywhere.
pub const TEMPLATES: &[Template] = &[
    template!(
        "support-assistant",
        "RAG customer-support assistant with growth (the default plan)"
    ),
    template!(
        "support-self-hosted",
        "the support assistant on self-hosted 70B GPUs instead of APIs"
    ),
    template!(
        "doc-processing-small",
        "low-volume document extraction, a few hundred dollars a month"
    ),
    template!(
        "doc-processing-scale",
        "the same document workflow at thousands of documents a day"
    ),
    template!(
        "compliance-review",
        "high-stakes compliance review with heavy human oversight"
    ),
    template!(
        "claims-agent",
        "an agent with several model calls per claim and a costly rare error"
    ),
];

/// The plan `runcost` opens when it has nothing else to open.
pub const DEFAULT_TEMPLATE: &str = "support-assistant";

pub fn template(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}

/// Parses a built-in example plan. In `this_month`, catalog models it names
/// are priced as a plan starting this month pays them; `None` is without a
/// clock (see [`parse_plan`](crate::codec::plan::parse_plan)).
pub fn load_template_on(
    t: &Template,
    catalog: &Catalog,
    this_month: Option<YearMonth>,
) -> Result<Scenario, PlanError> {
    parse_plan_on(t.text.as_bytes(), catalog, this_month)
}

/// One plan file as the Open browser lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    pub path: std::path::PathBuf,
    pub name: String,
    pub client: String,
    pub currency: String,
    /// Modification time, `YYYY-MM-DD HH:MM` UTC.
    pub modified: String,
    /// Horizon TCO, or why the plan could not be read.
    pub tco: Result<f64, Unreadable>,
}

/// Why a listed plan could not be read: its first problem, as said.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(pub String);

impl From<&str> for Unreadable {
    fn from(why: &str) -> Self {
        Unreadable(why.to_string())
    }
}

/// Reads one plan for the browser, as opening it in `this_month` would; a
/// broken file is listed with its problem.
pub fn summarize(path: &Path, catalog: &Catalog, this_month: Option<YearMonth>) -> PlanSummary {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(crate::clock::minute_of)
        .unwrap_or_default();
    match open_plan_on(path, catalog, this_month) {
        Ok(plan) => PlanSummary {
            path: path.to_path_buf(),
            tco: Ok(crate::model::project(&plan).totals.tco),
            name: plan.name,
            client: plan.client,
            currency: plan.currency,
            modified,
        },
        Err(e) => PlanSummary {
            path: path.to_path_buf(),
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            client: String::new(),
            currency: "USD".into(),
            modified,
            tco: Err(Unreadable(
                e.problems()
                    .first()
                    .map(|p| p.message.clone())
                    .unwrap_or_default(),
            )),
        },
    }
}

/// Every `*.ron` plan in the given directories (missing ones are skipped),
/// newest first.
pub fn scan(
    dirs: &[std::path::PathBuf],
    catalog: &Catalog,
    this_month: Option<YearMonth>,
) -> Vec<PlanSummary> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ron") && p.is_file() {
                out.push(summarize(&p, catalog, this_month));
            }
        }
    }
    out.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.path.cmp(&b.path))
    });
    out
}
