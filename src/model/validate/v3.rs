//! The cross-field rules of the version-3 inputs (spec §6); their ranges
//! come from the table with every other input's.

use std::collections::{HashMap, HashSet};

use super::{Checker, show, validate};
use crate::model::cases::{MAX_CASES, plan_of};
use crate::model::fields::{Field, PlanField};
use crate::model::scenario::Scenario;
use crate::model::scenario::version::{CASES, PEOPLE, PRICE_STEPS, TOOLS};

pub(super) fn validate_v3(s: &Scenario, fields: &[Field], c: &mut Checker) {
    let w = &s.workload;
    let (k, wr) = (w.cached_input_pct, w.cache_write_pct);
    if (k + wr).is_finite() && k + wr > 100.0 {
        c.fail(
            Field::Plan(PlanField::CacheWrite).path(),
            show(wr),
            format!(
                "with {} % of input read from the cache, at most {} % can be written to it (reads and writes together are at most 100 %)",
                show(k),
                show(100.0 - k)
            ),
        );
    }
    names(
        c,
        TOOLS,
        "name",
        w.tools.iter().map(|t| t.name.as_str()),
        "the tool",
    );
    names(
        c,
        PEOPLE,
        "role",
        s.people.iter().map(|p| p.role.as_str()),
        "the role",
    );
    let horizon = s.horizon_months;
    for (j, p) in s.people.iter().enumerate() {
        let at = format!("{PEOPLE}[{j}]");
        if p.from_month > horizon && p.from_month >= 1 {
            c.fail(
                format!("{at}.from_month"),
                p.from_month.to_string(),
                format!("must be a month of the horizon, 1 to {horizon}"),
            );
        }
        if let Some(until) = p.until_month {
            if until < p.from_month {
                c.fail(
                    format!("{at}.until_month"),
                    until.to_string(),
                    format!(
                        "must not be before from_month ({}): the role is paid from month {} on",
                        p.from_month, p.from_month
                    ),
                );
            } else if until > horizon {
                c.fail(
                    format!("{at}.until_month"),
                    until.to_string(),
                    format!(
                        "must be a month of the horizon, at most {horizon} (None pays the role to the end)"
                    ),
                );
            }
        }
    }
    let mut last = 0;
    for (j, step) in s.change.price_steps.iter().enumerate() {
        let at = format!("{PRICE_STEPS}[{j}].month");
        if step.month > horizon && step.month >= 1 {
            c.fail(
                at,
                step.month.to_string(),
                format!("must be a month of the horizon, 1 to {horizon}"),
            );
        } else if j > 0 && step.month <= last {
            c.fail(
                at,
                step.month.to_string(),
                format!(
                    "must come after the previous step's month ({last}): price steps are in ascending order, one per month"
                ),
            );
        }
        last = last.max(step.month);
    }
    cases(s, fields, c);
}

/// Every line of a list named, and each name once.
fn names<'a>(
    c: &mut Checker,
    list: &str,
    key: &str,
    of: impl Iterator<Item = &'a str>,
    what: &str,
) {
    let mut seen = HashSet::new();
    for (j, name) in of.enumerate() {
        let at = format!("{list}[{j}].{key}");
        if name.trim().is_empty() {
            c.fail(at, format!("{name:?}"), format!("must name {what}"));
        } else if !seen.insert(name.trim()) {
            c.fail(
                at,
                format!("{name:?}"),
                format!("must be unique: {what} {name:?} is listed twice"),
            );
        }
    }
}

fn cases(s: &Scenario, fields: &[Field], c: &mut Checker) {
    if s.cases.len() > MAX_CASES {
        c.fail(
            CASES,
            format!("{} cases", s.cases.len()),
            format!("a plan holds at most {MAX_CASES} cases"),
        );
    }
    names(
        c,
        CASES,
        "name",
        s.cases.iter().map(|k| k.name.as_str()),
        "the case",
    );
    let base_valid = c.problems.is_empty();
    for (j, case) in s.cases.iter().enumerate() {
        let at = format!("{CASES}[{j}]");
        if case.set.is_empty() {
            // A case is the plan with some inputs set otherwise: one that
            // sets none is the plan again, under another name.
            c.fail(
                format!("{at}.set"),
                "[]".to_string(),
                format!(
                    "must set at least one input (a case is the plan with some inputs set otherwise), e.g. set: [(field: {:?}, value: 3.0)]",
                    Field::Plan(PlanField::MinutesSaved).path()
                ),
            );
            continue;
        }
        let mut set: HashMap<Field, usize> = HashMap::new();
        let mut sound = true;
        for (e, v) in case.set.iter().enumerate() {
            let p = format!("{at}.set[{e}]");
            // Staffed reviewers are an input a case may make present: under
            // Auto they make the staffing Fixed.
            let settable =
                |f: &Field| fields.contains(f) || *f == Field::Plan(PlanField::FixedReviewers);
            let Some(f) = v.field.field().filter(settable) else {
                c.fail(
                    format!("{p}.field"),
                    format!("{:?}", v.field),
                    format!(
                        "must name a numeric input of this plan by its path (as a `sources` entry does), e.g. {:?}",
                        Field::Plan(PlanField::MinutesSaved).path()
                    ),
                );
                sound = false;
                continue;
            };
            if f == Field::Horizon {
                c.fail(
                    format!("{p}.field"),
                    format!("{:?}", v.field),
                    "cannot be set by a case: every case covers the plan's horizon (compare plans of different horizons instead)",
                );
                sound = false;
                continue;
            }
            if let Some(first) = set.insert(f, e) {
                c.fail(
                    format!("{p}.field"),
                    format!("{:?}", v.field),
                    format!("must be unique within the case: set[{first}] already sets it"),
                );
                sound = false;
                continue;
            }
            if let Err(allowed) = f.check(v.value) {
                c.fail(
                    format!("{p}.value"),
                    show(v.value),
                    format!("{} {allowed}", v.field),
                );
                sound = false;
            }
        }
        // The case must itself be a valid plan; while the plan itself is
        // not, its own problems are the ones to fix (a case would repeat them).
        if !sound || !base_valid {
            continue;
        }
        match plan_of(s, case) {
            Err(u) => c.fail(
                format!("{at}.set[{}].field", u.entry),
                format!("{:?}", u.path),
                u.why,
            ),
            Ok(plan) => {
                for problem in validate(&plan) {
                    c.fail(
                        format!("{at} ({:?}): {}", case.name, problem.path),
                        problem.value,
                        problem.allowed,
                    );
                }
            }
        }
    }
}
