//! A plan whose projection overflows, and the inputs that cause it.

use super::{Invalid, Range, show};
use crate::model::analysis::set_keeping_mix;
use crate::model::fields::Field;
use crate::model::projection::{Projection, project, project_into};
use crate::model::scenario::Scenario;

/// The value that takes an input out of play when looking for what makes a
/// projection overflow: 0 for amounts, prices, volumes and percentages; the
/// least for bounded counts; 1 or more for divisors; 100 % utilization.
fn neutral(f: Field, v: f64) -> f64 {
    let r = f.range();
    if [Range::Horizon, Range::DaysPerMonth].contains(&r) {
        1.0
    } else if [Range::Throughput, Range::HoursPerMonth].contains(&r) {
        v.max(1.0)
    } else if r == Range::PositivePercent {
        100.0
    } else {
        0.0
    }
}

/// The inputs that each, taken out of play, make the projection finite
/// again: what a person has to lower. Volumes, prices, growth and the horizon
/// come before percentages and day counts, which only scale them.
fn culprits(s: &Scenario) -> Vec<(Field, f64)> {
    let mut work = s.clone();
    let mut p = Projection::default();
    let mut found: Vec<(Field, f64)> = Vec::new();
    for f in Field::all(s) {
        let Some(v) = f.get(s) else { continue };
        let n = neutral(f, v);
        if n == v {
            continue;
        }
        work.clone_from(s);
        if f.set(&mut work, n) {
            project_into(&work, &mut p);
            if p.overflow().is_none() {
                found.push((f, v));
            }
        }
    }
    let scales = |f: &Field| {
        [Range::Percent, Range::PositivePercent, Range::DaysPerMonth].contains(&f.range())
    };
    if found.iter().any(|(f, _)| !scales(f)) {
        found.retain(|(f, _)| !scales(f));
    }
    // A price of 1 multiplied by 1e200 requests and 1e200 tokens is not what
    // is wrong: name the outsized values (and compounding growth) when any.
    let outsized = |(f, v): &(Field, f64)| {
        v.abs() >= 1e9 || [Range::Growth, Range::Horizon].contains(&f.range())
    };
    if found.iter().any(outsized) {
        found.retain(outsized);
    }
    found
}

/// A plan whose projection overflows (a month or a total beyond the largest
/// number, 1e308) is invalid, like a negative price: every report would say
/// "n/a" or refuse. The problem names the input(s) that cause it.
pub fn overflow(s: &Scenario) -> Option<Invalid> {
    let at = project(s).overflow()?;
    let found = culprits(s);
    let Some(&(first, v)) = found.first() else {
        return Some(Invalid {
            path: "workload".into(),
            value: "too large to project".into(),
            allowed: format!(
                "the projection overflows at {at} (beyond 1e308) and no single input explains it; lower the largest volumes, token counts, prices or growth"
            ),
        });
    };
    let others: Vec<String> = found
        .iter()
        .skip(1)
        .take(4)
        .map(|(f, v)| format!("{} = {}", f.path(), show(*v)))
        .collect();
    let (with, what) = if others.is_empty() {
        (String::new(), "lower it")
    } else {
        (
            format!(" together with {}", others.join(", ")),
            "lower one of them",
        )
    };
    Some(Invalid {
        path: first.path(),
        value: show(v),
        allowed: format!(
            "too large{with}: the projection overflows at {at} (beyond 1e308); {what}"
        ),
    })
}

/// The plan's uncertainty ranges must not reach an overflow either: each
/// range at its low and high end, then all of them at once.
pub fn range_overflow(s: &Scenario) -> Option<Invalid> {
    let fields = Field::all(s);
    let ranged: Vec<(usize, Field, f64, f64)> = s
        .uncertainty
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let f = r.field.field().filter(|f| fields.contains(f))?;
            Some((i, f, r.low, r.high))
        })
        .collect();
    let mut work = s.clone();
    let mut p = Projection::default();
    for &(i, f, low, high) in &ranged {
        for (end, v) in [("low", low), ("high", high)] {
            work.clone_from(s);
            set_keeping_mix(&mut work, f, v);
            project_into(&work, &mut p);
            if let Some(at) = p.overflow() {
                return Some(Invalid {
                    path: format!("uncertainty[{i}].{end}"),
                    value: show(v),
                    allowed: format!(
                        "at this end of the range for {} the projection overflows at {at} (beyond 1e308); narrow the range",
                        f.path()
                    ),
                });
            }
        }
    }
    for end in ["low", "high"] {
        work.clone_from(s);
        for &(_, f, low, high) in &ranged {
            set_keeping_mix(&mut work, f, if end == "low" { low } else { high });
        }
        project_into(&work, &mut p);
        if let Some(at) = p.overflow() {
            return Some(Invalid {
                path: "uncertainty".into(),
                value: format!("every range at its {end} end"),
                allowed: format!(
                    "the projection overflows at {at} (beyond 1e308) when the ranges are taken together; narrow them"
                ),
            });
        }
    }
    None
}
