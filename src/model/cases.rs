//! Named cases beside the plan (spec §6): the plan with some of its numeric
//! inputs set otherwise, projected by the same formulas. A case is not
//! computed inside a case.

use serde::Serialize;

use super::analysis::lean;
use super::fields::{Field, PlanField};
use super::projection::{Totals, project};
use super::scenario::{Case, Reviewers, Scenario};

/// The most cases a plan holds.
pub const MAX_CASES: usize = 8;

/// One case's horizon totals, as the JSON report's `cases` array holds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseTotals {
    pub name: String,
    pub totals: Totals,
}

/// Why a case's input could not be set in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Unset {
    /// Index of the entry in the case's `set`.
    pub entry: usize,
    pub path: String,
    pub why: &'static str,
}

/// The plan as case `case` has it: its `set` inputs replaced, nothing else
/// changed (no cases inside, no notes). An optional input the case sets is
/// present in the result (staffed reviewers make the staffing Fixed).
pub fn plan_of(s: &Scenario, case: &Case) -> Result<Scenario, Unset> {
    let mut plan = lean(s);
    for (entry, v) in case.set.iter().enumerate() {
        let path = v.field.path().into_owned();
        let Some(field) = v.field.field() else {
            return Err(Unset {
                entry,
                path,
                why: "must name a numeric input of the plan (as a `sources` entry does)",
            });
        };
        if field == Field::Horizon {
            return Err(Unset {
                entry,
                path,
                why: "cannot be set by a case: the horizon is the months every case covers",
            });
        }
        if field == Field::Plan(PlanField::FixedReviewers)
            && plan.oversight.reviewers == Reviewers::Auto
        {
            plan.oversight.reviewers = Reviewers::Fixed(v.value);
            continue;
        }
        if !field.set(&mut plan, v.value) {
            return Err(Unset {
                entry,
                path,
                why: "names an input this plan does not have (a model, line or tier it lacks, or a price of the other kind of pricing)",
            });
        }
    }
    Ok(plan)
}

/// Every case's totals, in file order. A case that cannot be set (which
/// validation refuses) is left out.
pub fn project_cases(s: &Scenario) -> Vec<CaseTotals> {
    s.cases
        .iter()
        .filter_map(|c| {
            let plan = plan_of(s, c).ok()?;
            Some(CaseTotals {
                name: c.name.clone(),
                totals: project(&plan).totals,
            })
        })
        .collect()
}
