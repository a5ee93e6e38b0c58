//! Validation of a plan against the ranges of the spec. Every problem names the
//! field path, the value and what is allowed; all problems are reported at once.
//!
//! The ranges and the checks of each input live here; `overflow.rs` finds
//! the inputs that make a projection overflow, `cross.rs` holds the
//! cross-field rules of the version-2 inputs.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::fields::Field;
use super::pricing::Pricing;
use super::scenario::{FORMAT_VERSION, Scenario};

mod cross;
mod overflow;

pub use cross::{TIER_SHARE_TOLERANCE, source_paths, warnings};
pub use overflow::{overflow, range_overflow};

use cross::validate_v2;

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

    // One range per input: the Monte Carlo would draw it twice over and the
    // report's "How sure" table list it twice.
    let mut ranged: HashMap<&str, usize> = HashMap::new();
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
        if let Some(&first) = ranged.get(r.field.as_str()) {
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
        ranged.insert(r.field.as_str(), i);
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
