//! The use-case templates of the guided interview (`runcost new --interview`,
//! Ctrl-N → "start from questions"): a plan with realistic defaults and a
//! screen saying what it assumes and why, for each kind of AI system a
//! consultant is asked about. Compiled in from `assets/templates/`, so
//! runcost never reads files outside itself to offer them.
//!
//! Every default is a guess until the client says otherwise: each input the
//! interview asks about carries a Low-confidence source that starts with
//! [`TEMPLATE_DEFAULT`] (the interview's question list is the one to fill
//! from, see `app::interview::questions`).

use crate::codec::plan::{PlanError, parse_plan_on};
use crate::model::prices::YearMonth;
use crate::model::{Catalog, Confidence, Scenario, Source};

/// How the source of every figure of a template begins.
pub const TEMPLATE_DEFAULT: &str = "template default";

/// One use-case template.
#[derive(Debug, Clone, Copy)]
pub struct UseCase {
    /// The name on the command line and in tests: `support`.
    pub name: &'static str,
    /// The title in the list: "Customer-support assistant".
    pub title: &'static str,
    /// One line for the list.
    pub summary: &'static str,
    /// What it assumes and why (one screen, lines of at most 72 characters).
    pub about: &'static str,
    /// The plan, version 2.
    pub text: &'static str,
}

macro_rules! use_case {
    ($name:literal, $title:literal, $summary:literal) => {
        UseCase {
            name: $name,
            title: $title,
            summary: $summary,
            about: include_str!(concat!("../../assets/templates/", $name, ".txt")),
            text: include_str!(concat!("../../assets/templates/", $name, ".ron")),
        }
    };
}

/// The templates, in the order the interview offers them.
pub const USE_CASES: &[UseCase] = &[
    use_case!(
        "support",
        "Customer-support assistant",
        "RAG over the help centre, live chat, QA sampling"
    ),
    use_case!(
        "documents",
        "Document processing / extraction",
        "batchable extraction with validation rules"
    ),
    use_case!(
        "knowledge-search",
        "Internal knowledge search",
        "RAG over company documents, seats of employees"
    ),
    use_case!(
        "coding-assistant",
        "Coding assistant for a dev team",
        "per-seat subscriptions plus API usage"
    ),
    use_case!(
        "agentic-workflow",
        "Agentic workflow",
        "several model calls per request, tools, severe errors"
    ),
    use_case!(
        "high-stakes-review",
        "High-stakes review",
        "compliance, legal, medical triage: heavy human review"
    ),
    use_case!(
        "voice-agent",
        "Voice agent",
        "speech-to-text and text-to-speech per minute"
    ),
];

/// The template called `name`.
pub fn use_case(name: &str) -> Option<&'static UseCase> {
    USE_CASES.iter().find(|u| u.name == name)
}

/// Parses a template and gives each of `asked` (input paths) that has no
/// source yet the Low-confidence "template default" source, so nothing in
/// it passes for the client's figure. Without a clock (see
/// [`parse_plan`](crate::codec::plan::parse_plan)); the workbench uses [`load_on`].
pub fn load(u: &UseCase, catalog: &Catalog, asked: &[String]) -> Result<Scenario, PlanError> {
    load_on(u, catalog, asked, None)
}

/// [`load`] in `this_month`: catalog models the template names are priced as
/// a plan starting this month pays them (the runtime's month).
pub fn load_on(
    u: &UseCase,
    catalog: &Catalog,
    asked: &[String],
    this_month: Option<YearMonth>,
) -> Result<Scenario, PlanError> {
    let mut plan = parse_plan_on(u.text.as_bytes(), catalog, this_month)?;
    for path in asked {
        if !plan.sources.iter().any(|s| s.field == *path) {
            plan.sources.push(Source {
                field: path.as_str().into(),
                source: format!("{TEMPLATE_DEFAULT}: {}", u.title.to_lowercase()),
                confidence: Confidence::Low,
            });
        }
    }
    Ok(plan)
}
