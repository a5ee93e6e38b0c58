//! The Markdown report for a client email: headline figures, where the money
//! goes, the monthly table, every assumption with its unit, and the call
//! notes — the client report's model (`client::plain`) rendered as Markdown.

use crate::model::{Category, Projection, Scenario};
use crate::numbers::{count, number, pct};

/// The plain Markdown report: the client report's sections that the
/// projection alone gives (no analyses, no report date).
pub fn render(s: &Scenario, p: &Projection, catalog_as_of: &str) -> String {
    super::client::markdown::render(&super::client::plain(s, p, catalog_as_of))
}

/// The monthly columns a plan adds to the monthly tables, only where they are
/// not trivial for it: adoption while a ramp runs, the wrong-answer rate
/// when it drifts, the GPUs of a version-2 plan with self-hosted models. A
/// version-1 plan has none, so its tables are as they were — except the
/// review staffing (needed, staffed, coverage) of a plan whose review team
/// falls short of the load in some month.
#[derive(Debug, Clone, Copy, Default)]
pub struct MonthColumns {
    pub adoption: bool,
    pub error_rate: bool,
    pub gpus: bool,
    pub staffing: bool,
    /// The plan has tools / a team: their cost columns (version 3).
    pub tools: bool,
    pub people: bool,
}

impl MonthColumns {
    pub fn of(s: &Scenario, p: &Projection) -> Self {
        let v2 = s.format_version() >= 2;
        MonthColumns {
            adoption: p.months.iter().any(|m| m.adoption_pct < 100.0),
            error_rate: s.risk.drift_pct_per_month != 0.0,
            gpus: v2 && p.months.iter().any(|m| m.gpus > 0.0),
            staffing: p.months.iter().any(|m| m.review_coverage_pct < 100.0),
            tools: !s.workload.tools.is_empty(),
            people: !s.people.is_empty(),
        }
    }

    /// The cost categories of the monthly tables: those of the plan
    /// (`Category::of_plan`: tools and people only where it has them).
    pub fn categories(self) -> Vec<Category> {
        Category::ALL
            .into_iter()
            .filter(|c| match c {
                Category::Tools => self.tools,
                Category::People => self.people,
                _ => true,
            })
            .collect()
    }

    pub fn headers(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.adoption {
            v.push("Adoption");
        }
        if self.error_rate {
            v.push("Error rate");
        }
        if self.gpus {
            v.push("GPUs");
        }
        if self.staffing {
            v.extend(["Reviewers needed", "Staffed", "Coverage"]);
        }
        v
    }

    pub fn cells(self, m: &crate::model::Month) -> Vec<String> {
        let mut v = Vec::new();
        if self.adoption {
            v.push(format!("{:.0} %", m.adoption_pct));
        }
        if self.error_rate {
            v.push(format!("{} %", number(m.error_rate_pct, 2)));
        }
        if self.gpus {
            v.push(count(m.gpus));
        }
        if self.staffing {
            v.extend([
                number(m.reviewer_fte_needed, 2),
                number(m.reviewer_fte_staffed, 2),
                pct(m.review_coverage_pct),
            ]);
        }
        v
    }
}

pub use super::assumptions::assumptions;
