//! Opening plans from disk and the example plans built into the binary.

use std::path::Path;

use super::plan_file::{PlanError, Problem, parse_plan};
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
                format!(
                    "{file}: no such file; check the path (`runcost new {file}` creates a plan there)"
                )
            }
            OpenError::Io(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
                format!("{file}: is a directory, not a plan file")
            }
            OpenError::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                format!("{file}: permission denied; the file cannot be read by this user")
            }
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

/// Reads and validates the plan at `path`.
pub fn open_plan(path: &Path, catalog: &Catalog) -> Result<Scenario, OpenError> {
    if path.is_dir() {
        return Err(OpenError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    let bytes = std::fs::read(path).map_err(OpenError::Io)?;
    parse_plan(&bytes, catalog).map_err(OpenError::Plan)
}

/// An example plan shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub summary: &'static str,
    pub text: &'static str,
}

/// The example plans of `scenarios/`, compiled in so runcost works anywhere.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "support-assistant",
        summary: "RAG customer-support assistant with growth (the default plan)",
        text: include_str!("../../scenarios/support-assistant.ron"),
    },
    Template {
        name: "support-self-hosted",
        summary: "the support assistant on self-hosted 70B GPUs instead of APIs",
        text: include_str!("../../scenarios/support-self-hosted.ron"),
    },
    Template {
        name: "doc-processing-small",
        summary: "low-volume document extraction, a few hundred dollars a month",
        text: include_str!("../../scenarios/doc-processing-small.ron"),
    },
    Template {
        name: "doc-processing-scale",
        summary: "the same document workflow at thousands of documents a day",
        text: include_str!("../../scenarios/doc-processing-scale.ron"),
    },
    Template {
        name: "compliance-review",
        summary: "high-stakes compliance review with heavy human oversight",
        text: include_str!("../../scenarios/compliance-review.ron"),
    },
];

/// The plan `runcost` opens when it has nothing else to open.
pub const DEFAULT_TEMPLATE: &str = "support-assistant";

pub fn template(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}

/// Parses a built-in example plan.
pub fn load_template(t: &Template, catalog: &Catalog) -> Result<Scenario, PlanError> {
    parse_plan(t.text.as_bytes(), catalog)
}
