//! Validation of a plan against the ranges of the spec. Every problem names the
//! field path, the value and what is allowed; all problems are reported at once.
//!
//! The ranges and the checks of each input live here; `overflow.rs` finds
//! the inputs that make a projection overflow, `cross.rs` holds the
//! cross-field rules of the version-2 inputs.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::fields::Field;
use super::scenario::{FORMAT_VERSION, Scenario};

mod cross;
mod overflow;
mod v3;

pub use super::fields::{Range, SMALLEST, bound};
pub use cross::{TIER_SHARE_TOLERANCE, source_targets, source_targets_in, warnings};
pub use overflow::{overflow, range_overflow};

use cross::validate_v2;
use v3::validate_v3;

/// One invalid value in a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    /// Dotted path into the plan, e.g. `models[1].share_pct`.
    pub path: String,
    /// The offending value as the user would write it.
    pub value: String,
    /// What is allowed, as a sentence fragment: "must be between 0 and 100".
    pub allowed: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is {}: {}", self.path, self.value, self.allowed)
    }
}

/// Formats a number the way it would be written in a plan file; very large
/// and very small numbers compactly (`1e308`, not 309 digits).
pub fn show(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "inf".into() } else { "-inf".into() }
    } else if v != 0.0 && !(1e-6..1e12).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

struct Checker {
    problems: Vec<Invalid>,
}

impl Checker {
    fn num(&mut self, path: impl Into<String>, v: f64, range: Range) {
        if !range.allows(v) {
            self.problems.push(Invalid {
                path: path.into(),
                value: show(v),
                allowed: range.explain(v),
            });
        }
    }

    fn fail(
        &mut self,
        path: impl Into<String>,
        value: impl Into<String>,
        allowed: impl Into<String>,
    ) {
        self.problems.push(Invalid {
            path: path.into(),
            value: value.into(),
            allowed: allowed.into(),
        });
    }
}

/// The dated prices of model `i` against the ranges of its prices: each is
/// put in the model's place in a one-model plan and the table's price inputs
/// are checked there, named by their path in the schedule.
fn scheduled_prices(s: &Scenario, i: usize, c: &mut Checker) {
    let Some(m) = s.models.get(i) else { return };
    for (j, sp) in m.schedule.iter().enumerate() {
        let mut entry = m.clone();
        entry.schedule = Vec::new();
        entry.pricing = Some(sp.pricing.clone());
        let probe = Scenario::minimal("schedule", entry);
        for f in Field::all(&probe) {
            let Field::Model(0, _) = f else { continue };
            let Some(tail) = f
                .path()
                .strip_prefix("models[0].pricing.")
                .map(str::to_owned)
            else {
                continue;
            };
            if f.falls_back(&probe) {
                continue;
            }
            if let Some(v) = f.get(&probe) {
                c.num(
                    format!("models[{i}].schedule[{j}].pricing.{tail}"),
                    v,
                    f.range(),
                );
            }
        }
    }
}

/// Checks every field of the plan; an empty list means the plan is valid.
pub fn validate(s: &Scenario) -> Vec<Invalid> {
    validate_with(s, &Field::all(s))
}

/// [`validate`] with the inputs of the plan the table has: `fields` is
/// [`Field::all`] of the plan (a test adds an input of its own).
pub fn validate_with(s: &Scenario, fields: &[Field]) -> Vec<Invalid> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if !(1..=FORMAT_VERSION).contains(&s.version) {
        c.fail(
            "version",
            s.version.to_string(),
            format!("this program reads format versions 1 to {FORMAT_VERSION}"),
        );
    }
    if s.currency.trim().is_empty() {
        c.fail("currency", "\"\"", "must name a currency, e.g. \"USD\"");
    }
    if let Some(start) = &s.start
        && super::prices::YearMonth::parse(start).is_none()
    {
        c.fail(
            "start",
            format!("{start:?}"),
            "must be a calendar month written \"YYYY-MM\", e.g. \"2027-01\"",
        );
    }

    // The cross-field rules of the mix: at least one model, named once,
    // priced, shares summing to 100; dated prices on real dates.
    if s.models.is_empty() {
        c.fail("models", "[]", "must list at least one model");
    }
    let mut seen = HashSet::new();
    let mut share_sum = 0.0;
    for (i, m) in s.models.iter().enumerate() {
        let p = format!("models[{i}]");
        if m.id.trim().is_empty() {
            c.fail(format!("{p}.id"), "\"\"", "must name the model");
        } else if !seen.insert(m.id.as_str()) {
            c.fail(
                format!("{p}.id"),
                format!("{:?}", m.id),
                "must be unique within the mix (the id is used twice)",
            );
        }
        for (j, sp) in m.schedule.iter().enumerate() {
            let q = format!("{p}.schedule[{j}]");
            let is_date =
                sp.from.len() == 10 && super::prices::YearMonth::parse(&sp.from).is_some();
            if !is_date {
                c.fail(
                    format!("{q}.from"),
                    format!("{:?}", sp.from),
                    "must be a date written \"YYYY-MM-DD\"",
                );
            }
        }
        scheduled_prices(s, i, &mut c);
        share_sum += m.share_pct;
        if m.pricing.is_none() {
            c.fail(
                format!("{p}.pricing"),
                "missing",
                format!(
                    "model {:?} is unpriced: give a pricing snapshot or use a catalog id",
                    m.id
                ),
            );
        }
    }
    if !s.models.is_empty() && share_sum.is_finite() && s.shares_miss_100() {
        c.fail(
            "models[].share_pct",
            format!("{} in total", show(share_sum)),
            "the shares of the mix must sum to 100",
        );
    }

    // Every numeric input against its range, from the one table of inputs.
    // A value that falls back to another input (a cached price left out, a
    // model without its own error rate) is not in the plan to check.
    for &f in fields {
        if f.falls_back(s) {
            continue;
        }
        if let Some(v) = f.get(s) {
            c.num(f.path(), v, f.range());
        }
    }

    // One range per input: the Monte Carlo would draw it twice over and the
    // report's "How sure" table list it twice.
    let mut ranged: HashMap<Field, usize> = HashMap::new();
    for (i, r) in s.uncertainty.iter().enumerate() {
        let p = format!("uncertainty[{i}]");
        let Some(f) = r.field.field().filter(|f| fields.contains(f)) else {
            c.fail(
                format!("{p}.field"),
                format!("{:?}", r.field),
                format!(
                    "must name a numeric input of this plan, e.g. {:?}",
                    Field::RequestsPerDay.path()
                ),
            );
            continue;
        };
        if f == Field::Horizon {
            c.fail(
                format!("{p}.field"),
                format!("{:?}", r.field),
                "cannot take a range: the horizon sets the months the totals cover, it is not an uncertain input (compare plans of different horizons instead)",
            );
            continue;
        }
        if let Some(&first) = ranged.get(&f) {
            c.fail(
                format!("{p}.field"),
                format!("{:?}", r.field),
                format!(
                    "must be unique: give at most one range per input (uncertainty[{first}] already ranges {}, {} to {}; this entry says {} to {}); keep one",
                    r.field,
                    show(s.uncertainty[first].low),
                    show(s.uncertainty[first].high),
                    show(r.low),
                    show(r.high)
                ),
            );
            continue;
        }
        ranged.insert(f, i);
        let v = f.get(s).unwrap_or(0.0);
        if !(r.low.is_finite() && r.high.is_finite()) || r.low > v || v > r.high {
            c.fail(
                p.clone(),
                format!(
                    "low {} / value {} / high {}",
                    show(r.low),
                    show(v),
                    show(r.high)
                ),
                "needs low ≤ the plan's value ≤ high",
            );
        } else {
            // Each end within the input's own bounds, named at that end.
            for (end, x) in [("low", r.low), ("high", r.high)] {
                if let Err(allowed) = f.check(x) {
                    c.fail(
                        format!("{p}.{end}"),
                        show(x),
                        format!("the range of {} {allowed}", r.field),
                    );
                }
            }
        }
    }
    validate_v2(s, fields, &mut c);
    validate_v3(s, fields, &mut c);
    // Only a plan whose every input is allowed can be projected meaningfully;
    // then its figures must also stay finite, here and across its ranges.
    if c.problems.is_empty() {
        c.problems.extend(overflow(s));
        if c.problems.is_empty() {
            c.problems.extend(range_overflow(s));
        }
    }
    c.problems
}
