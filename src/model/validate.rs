//! Validation of a plan against the ranges of the spec. Every problem names the
//! field path, the value and what is allowed; all problems are reported at once.

use std::collections::HashSet;
use std::fmt;

use super::analysis::set_keeping_mix;
use super::fields::Field;
use super::pricing::Pricing;
use super::projection::{Projection, project, project_into};
use super::scenario::{FORMAT_VERSION, Scenario};

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

/// Tolerance on the sum of model shares.
pub const SHARE_TOLERANCE: f64 = 0.01;

/// The allowed range of one numeric field, used by validation and by the
/// workbench to check typed values before they reach the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Range {
    /// finite and ≥ 0
    NonNegative,
    /// finite and > 0
    Positive,
    /// 0..=100
    Percent,
    /// > 0 and ≤ 100
    PositivePercent,
    /// > −100 and ≤ 1000 (growth and price drift)
    Growth,
    /// 1..=31
    DaysPerMonth,
    /// 1..=60 whole months
    Horizon,
    /// a whole number ≥ 0
    WholeNonNegative,
    /// > 0 and ≤ 1000 (`calls_per_request`)
    CallsPerRequest,
    /// > 0 and ≤ 10 (`token_factor`)
    TokenFactor,
    /// 1..=100 (`peak_to_average`)
    PeakToAverage,
    /// whole, 0..=60 months (`ramp_months`, `build.months`)
    WholeMonths,
    /// whole, 1..=64 (`gpus_per_replica`)
    GpusPerReplica,
    /// whole, 0..=100 (`spare_replicas`)
    SpareReplicas,
    /// −50..=100 (`drift_pct_per_month`)
    Drift,
}

impl Range {
    pub fn allows(self, v: f64) -> bool {
        if !v.is_finite() {
            return false;
        }
        match self {
            Range::NonNegative => v >= 0.0,
            Range::Positive => v > 0.0,
            Range::Percent => (0.0..=100.0).contains(&v),
            Range::PositivePercent => v > 0.0 && v <= 100.0,
            Range::Growth => v > -100.0 && v <= 1000.0,
            Range::DaysPerMonth => (1.0..=31.0).contains(&v),
            Range::Horizon => (1.0..=60.0).contains(&v) && v.fract() == 0.0,
            Range::WholeNonNegative => v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64,
            Range::CallsPerRequest => v > 0.0 && v <= 1000.0,
            Range::TokenFactor => v > 0.0 && v <= 10.0,
            Range::PeakToAverage => (1.0..=100.0).contains(&v),
            Range::WholeMonths => v.fract() == 0.0 && (0.0..=60.0).contains(&v),
            Range::GpusPerReplica => v.fract() == 0.0 && (1.0..=64.0).contains(&v),
            Range::SpareReplicas => v.fract() == 0.0 && (0.0..=100.0).contains(&v),
            Range::Drift => (-50.0..=100.0).contains(&v),
        }
    }

    /// `v` moved into the range (whole where the range is whole). A range
    /// open at 0 keeps `v` above 0 by the smallest positive number.
    pub fn clamp(self, v: f64) -> f64 {
        match self {
            Range::NonNegative => v.max(0.0),
            Range::Positive => v.max(f64::MIN_POSITIVE),
            Range::Percent => v.clamp(0.0, 100.0),
            Range::PositivePercent => v.clamp(f64::MIN_POSITIVE, 100.0),
            Range::Growth => v.clamp(-99.0, 1000.0),
            Range::DaysPerMonth => v.clamp(1.0, 31.0),
            Range::Horizon => v.round().clamp(1.0, 60.0),
            Range::WholeNonNegative => v.round().clamp(0.0, u32::MAX as f64),
            Range::CallsPerRequest => v.clamp(f64::MIN_POSITIVE, 1000.0),
            Range::TokenFactor => v.clamp(f64::MIN_POSITIVE, 10.0),
            Range::PeakToAverage => v.clamp(1.0, 100.0),
            Range::WholeMonths => v.round().clamp(0.0, 60.0),
            Range::GpusPerReplica => v.round().clamp(1.0, 64.0),
            Range::SpareReplicas => v.round().clamp(0.0, 100.0),
            Range::Drift => v.clamp(-50.0, 100.0),
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Range::NonNegative => "must be a finite number ≥ 0",
            Range::Positive => "must be a finite number > 0",
            Range::Percent => "must be a percentage from 0 to 100",
            Range::PositivePercent => "must be a percentage above 0 and at most 100",
            Range::Growth => "must be above -100 and at most 1000 (percent)",
            Range::DaysPerMonth => "must be from 1 to 31 days",
            Range::Horizon => "must be a whole number of months from 1 to 60",
            Range::WholeNonNegative => "must be a whole number ≥ 0",
            Range::CallsPerRequest => "must be above 0 and at most 1000 calls per request",
            Range::TokenFactor => "must be above 0 and at most 10 (1 = the plan's token figures)",
            Range::PeakToAverage => "must be from 1 to 100 (busiest hour ÷ monthly average)",
            Range::WholeMonths => "must be a whole number of months from 0 to 60",
            Range::GpusPerReplica => "must be a whole number of GPUs from 1 to 64",
            Range::SpareReplicas => "must be a whole number of replicas from 0 to 100",
            Range::Drift => "must be from -50 to 100 (percent a month)",
        }
    }
}

/// Formats a number the way it would be written in a plan file; very large
/// and very small numbers compactly (`1e308`, not 309 digits).
pub fn show(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "inf".into() } else { "-inf".into() }
    } else if v != 0.0 && !(1e-6..1e16).contains(&v.abs()) {
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
                allowed: range.describe().into(),
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

/// Checks every field of the plan; an empty list means the plan is valid.
pub fn validate(s: &Scenario) -> Vec<Invalid> {
    use Range::*;
    let mut c = Checker {
        problems: Vec::new(),
    };
    if !(1..=FORMAT_VERSION).contains(&s.version) {
        c.fail(
            "version",
            s.version.to_string(),
            format!("this program reads format version 1 or {FORMAT_VERSION}"),
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
            if let Pricing::Api(a) = &sp.pricing {
                c.num(
                    format!("{q}.pricing.input_per_mtok"),
                    a.input_per_mtok,
                    NonNegative,
                );
                c.num(
                    format!("{q}.pricing.output_per_mtok"),
                    a.output_per_mtok,
                    NonNegative,
                );
            }
        }
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
    if !s.models.is_empty() && share_sum.is_finite() && (share_sum - 100.0).abs() > SHARE_TOLERANCE
    {
        c.fail(
            "models[].share_pct",
            format!("{} in total", show(share_sum)),
            "the shares of the mix must sum to 100",
        );
    }

    // Every numeric input against its range, from the one table of inputs.
    // A value that falls back to another input (a cached price left out, a
    // model without its own error rate) is not in the plan to check.
    let fields = Field::all(s);
    for &f in &fields {
        if f.falls_back(s) {
            continue;
        }
        if let Some(v) = f.get(s) {
            c.num(f.path(), v, f.range());
        }
    }

    for (i, r) in s.uncertainty.iter().enumerate() {
        let p = format!("uncertainty[{i}]");
        let Some(f) = fields.iter().find(|f| f.path() == r.field) else {
            c.fail(
                format!("{p}.field"),
                format!("{:?}", r.field),
                "must name a numeric input of this plan, e.g. \"workload.requests_per_day\"",
            );
            continue;
        };
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
        } else if f.check(r.low).is_err() || f.check(r.high).is_err() {
            c.fail(
                p.clone(),
                format!("{} to {}", show(r.low), show(r.high)),
                f.range().describe(),
            );
        }
    }
    validate_v2(s, &mut c);
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

/// The value that takes an input out of play when looking for what makes a
/// projection overflow: 0 for amounts, prices, volumes and percentages; the
/// least for bounded counts; 1 or more for divisors; 100 % utilization.
fn neutral(f: Field, v: f64) -> f64 {
    match f.range() {
        Range::Horizon | Range::DaysPerMonth => 1.0,
        Range::Positive => v.max(1.0),
        Range::PositivePercent => 100.0,
        _ => 0.0,
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
        matches!(
            f.range(),
            Range::Percent | Range::PositivePercent | Range::DaysPerMonth
        )
    };
    if found.iter().any(|(f, _)| !scales(f)) {
        found.retain(|(f, _)| !scales(f));
    }
    // A price of 1 multiplied by 1e200 requests and 1e200 tokens is not what
    // is wrong: name the outsized values (and compounding growth) when any.
    let outsized = |(f, v): &(Field, f64)| {
        v.abs() >= 1e9 || matches!(f.range(), Range::Growth | Range::Horizon)
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
fn range_overflow(s: &Scenario) -> Option<Invalid> {
    let fields = Field::all(s);
    let ranged: Vec<(usize, Field, f64, f64)> = s
        .uncertainty
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let f = *fields.iter().find(|f| f.path() == r.field)?;
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

// ---------------------------------------------------------------------------
// Version-2 fields (spec §5). Kept in one block, apart from the version-1
// checks above, so that other changes to this file merge cleanly.
// ---------------------------------------------------------------------------

/// Tolerance on the sum of severity-tier shares.
pub const TIER_SHARE_TOLERANCE: f64 = 0.01;

/// Every input path a `sources` entry may name in this plan: the paths of
/// the table of inputs ([`Field::all`]), and the severity tiers as a whole
/// (`risk.error_costs`, a list rather than a number).
pub fn source_paths(s: &Scenario) -> Vec<String> {
    let mut paths: Vec<String> = Field::all(s).into_iter().map(|f| f.path()).collect();
    paths.push("risk.error_costs".to_string());
    paths
}

/// The cross-field rules of the version-2 inputs (their ranges come from
/// the table, with every other input's): severity tiers named once and
/// summing to 100, at most one source per input and only for inputs.
fn validate_v2(s: &Scenario, c: &mut Checker) {
    let r = &s.risk;
    let mut names = HashSet::new();
    let mut tier_sum = 0.0;
    for (j, t) in r.error_costs.iter().enumerate() {
        let p = format!("risk.error_costs[{j}]");
        if t.name.trim().is_empty() {
            c.fail(
                format!("{p}.name"),
                format!("{:?}", t.name),
                "must name the severity tier, e.g. \"minor\"",
            );
        } else if !names.insert(t.name.trim()) {
            c.fail(
                format!("{p}.name"),
                format!("{:?}", t.name),
                "must be unique among the severity tiers (the name is used twice)",
            );
        }
        tier_sum += t.share_pct;
    }
    if !r.error_costs.is_empty()
        && tier_sum.is_finite()
        && (tier_sum - 100.0).abs() > TIER_SHARE_TOLERANCE
    {
        c.fail(
            "risk.error_costs[].share_pct",
            format!("{} in total", show(tier_sum)),
            "the shares of the severity tiers must sum to 100",
        );
    }

    if s.sources.is_empty() {
        return;
    }
    let allowed = source_paths(s);
    let mut seen = HashSet::new();
    for (k, src) in s.sources.iter().enumerate() {
        let p = format!("sources[{k}].field");
        if !allowed.contains(&src.field) {
            c.fail(
                p,
                format!("{:?}", src.field),
                "must name an input of this plan by its path, e.g. \"workload.requests_per_day\" or \"models[0].pricing.input_per_mtok\" (see docs/scenario-format.md)",
            );
        } else if !seen.insert(src.field.as_str()) {
            c.fail(
                p,
                format!("{:?}", src.field),
                "must be unique: give at most one source per input (this input already has one)",
            );
        }
    }
}
