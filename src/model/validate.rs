//! Validation of a plan against the ranges of the spec. Every problem names the
//! field path, the value and what is allowed; all problems are reported at once.

use std::collections::HashSet;
use std::fmt;

use super::analysis::set_keeping_mix;
use super::fields::Field;
use super::pricing::Pricing;
use super::projection::{Projection, project, project_into};
use super::scenario::{FORMAT_VERSION, Reviewers, Scenario};

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
    c.num("horizon_months", s.horizon_months as f64, Horizon);
    if let Some(start) = &s.start
        && super::prices::YearMonth::parse(start).is_none()
    {
        c.fail(
            "start",
            format!("{start:?}"),
            "must be a calendar month written \"YYYY-MM\", e.g. \"2027-01\"",
        );
    }

    let w = &s.workload;
    c.num("workload.requests_per_day", w.requests_per_day, NonNegative);
    c.num("workload.days_per_month", w.days_per_month, DaysPerMonth);
    c.num("workload.monthly_growth_pct", w.monthly_growth_pct, Growth);
    c.num("workload.input_tokens", w.input_tokens, NonNegative);
    c.num("workload.output_tokens", w.output_tokens, NonNegative);
    c.num("workload.reasoning_tokens", w.reasoning_tokens, NonNegative);
    c.num("workload.cached_input_pct", w.cached_input_pct, Percent);
    c.num("workload.batch_pct", w.batch_pct, Percent);
    c.num("workload.overhead_pct", w.overhead_pct, Percent);

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
        c.num(format!("{p}.share_pct"), m.share_pct, Percent);
        c.num(format!("{p}.discount_pct"), m.discount_pct, Percent);
        share_sum += m.share_pct;
        match &m.pricing {
            None => c.fail(
                format!("{p}.pricing"),
                "missing",
                format!(
                    "model {:?} is unpriced: give a pricing snapshot or use a catalog id",
                    m.id
                ),
            ),
            Some(Pricing::Api(a)) => {
                let q = format!("{p}.pricing");
                c.num(format!("{q}.input_per_mtok"), a.input_per_mtok, NonNegative);
                if let Some(v) = a.cached_input_per_mtok {
                    c.num(format!("{q}.cached_input_per_mtok"), v, NonNegative);
                }
                c.num(
                    format!("{q}.output_per_mtok"),
                    a.output_per_mtok,
                    NonNegative,
                );
                c.num(
                    format!("{q}.batch_discount_pct"),
                    a.batch_discount_pct,
                    Percent,
                );
                if let Some(t) = &a.long_context {
                    let q = format!("{q}.long_context");
                    c.num(format!("{q}.above_tokens"), t.above_tokens, NonNegative);
                    c.num(format!("{q}.input_per_mtok"), t.input_per_mtok, NonNegative);
                    if let Some(v) = t.cached_input_per_mtok {
                        c.num(format!("{q}.cached_input_per_mtok"), v, NonNegative);
                    }
                    c.num(
                        format!("{q}.output_per_mtok"),
                        t.output_per_mtok,
                        NonNegative,
                    );
                }
            }
            Some(Pricing::SelfHosted(h)) => {
                let q = format!("{p}.pricing");
                c.num(format!("{q}.gpu_hourly"), h.gpu_hourly, NonNegative);
                c.num(
                    format!("{q}.tokens_per_second_per_gpu"),
                    h.tokens_per_second_per_gpu,
                    Positive,
                );
                c.num(
                    format!("{q}.utilization_pct"),
                    h.utilization_pct,
                    PositivePercent,
                );
            }
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

    let r = &s.retrieval;
    if let Some(v) = r.embedding.per_mtok {
        c.num("retrieval.embedding.per_mtok", v, NonNegative);
    }
    c.num("retrieval.corpus_tokens", r.corpus_tokens, NonNegative);
    c.num(
        "retrieval.refresh_pct_per_month",
        r.refresh_pct_per_month,
        Percent,
    );
    c.num("retrieval.query_tokens", r.query_tokens, NonNegative);
    c.num(
        "retrieval.searches_per_request",
        r.searches_per_request,
        NonNegative,
    );
    c.num(
        "retrieval.vector_db_monthly",
        r.vector_db_monthly,
        NonNegative,
    );
    c.num(
        "retrieval.vector_db_per_million_queries",
        r.vector_db_per_million_queries,
        NonNegative,
    );
    c.num(
        "retrieval.rerank_per_thousand_searches",
        r.rerank_per_thousand_searches,
        NonNegative,
    );

    for (i, item) in s.infrastructure.iter().enumerate() {
        c.num(
            format!("infrastructure[{i}].monthly"),
            item.monthly,
            NonNegative,
        );
        c.num(
            format!("infrastructure[{i}].per_thousand_requests"),
            item.per_thousand_requests,
            NonNegative,
        );
    }

    c.num("build.initial_cost", s.build.initial_cost, NonNegative);
    c.num(
        "build.maintenance_pct_per_year",
        s.build.maintenance_pct_per_year,
        Percent,
    );

    let o = &s.oversight;
    c.num("oversight.review_pct", o.review_pct, Percent);
    c.num(
        "oversight.minutes_per_review",
        o.minutes_per_review,
        NonNegative,
    );
    if let Reviewers::Fixed(x) = o.reviewers {
        c.num("oversight.reviewers", x, NonNegative);
    }
    c.num(
        "oversight.reviewer_annual_cost",
        o.reviewer_annual_cost,
        NonNegative,
    );
    c.num(
        "oversight.productive_hours_per_month",
        o.productive_hours_per_month,
        Positive,
    );
    c.num("oversight.owner_fte", o.owner_fte, NonNegative);
    c.num(
        "oversight.owner_annual_cost",
        o.owner_annual_cost,
        NonNegative,
    );

    c.num("risk.error_rate_pct", s.risk.error_rate_pct, Percent);
    c.num("risk.review_catch_pct", s.risk.review_catch_pct, Percent);
    c.num(
        "risk.cost_per_uncaught_error",
        s.risk.cost_per_uncaught_error,
        NonNegative,
    );

    c.num(
        "change.model_updates_per_year",
        s.change.model_updates_per_year,
        NonNegative,
    );
    c.num(
        "change.retune_cost_per_update",
        s.change.retune_cost_per_update,
        NonNegative,
    );
    c.num(
        "change.price_change_pct_per_year",
        s.change.price_change_pct_per_year,
        Growth,
    );

    c.num(
        "value.minutes_saved_per_request",
        s.value.minutes_saved_per_request,
        NonNegative,
    );
    c.num(
        "value.labour_hourly_cost",
        s.value.labour_hourly_cost,
        NonNegative,
    );

    let fields = Field::all(s);
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

/// The ranges of the version-2 numeric fields, as the spec's table states them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RangeV2 {
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

impl RangeV2 {
    pub fn allows(self, v: f64) -> bool {
        if !v.is_finite() {
            return false;
        }
        let whole = v.fract() == 0.0;
        match self {
            RangeV2::CallsPerRequest => v > 0.0 && v <= 1000.0,
            RangeV2::TokenFactor => v > 0.0 && v <= 10.0,
            RangeV2::PeakToAverage => (1.0..=100.0).contains(&v),
            RangeV2::WholeMonths => whole && (0.0..=60.0).contains(&v),
            RangeV2::GpusPerReplica => whole && (1.0..=64.0).contains(&v),
            RangeV2::SpareReplicas => whole && (0.0..=100.0).contains(&v),
            RangeV2::Drift => (-50.0..=100.0).contains(&v),
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            RangeV2::CallsPerRequest => "must be above 0 and at most 1000 calls per request",
            RangeV2::TokenFactor => "must be above 0 and at most 10 (1 = the plan's token figures)",
            RangeV2::PeakToAverage => "must be from 1 to 100 (busiest hour ÷ monthly average)",
            RangeV2::WholeMonths => "must be a whole number of months from 0 to 60",
            RangeV2::GpusPerReplica => "must be a whole number of GPUs from 1 to 64",
            RangeV2::SpareReplicas => "must be a whole number of replicas from 0 to 100",
            RangeV2::Drift => "must be from -50 to 100 (percent a month)",
        }
    }
}

impl Checker {
    fn num_v2(&mut self, path: impl Into<String>, v: f64, range: RangeV2) {
        if !range.allows(v) {
            self.problems.push(Invalid {
                path: path.into(),
                value: show(v),
                allowed: range.describe().into(),
            });
        }
    }
}

/// Every input path a `sources` entry may name in this plan: the numeric
/// inputs of [`super::fields::Field::all`] plus the version-2 inputs of
/// [`Scenario::v2_inputs`].
pub fn source_paths(s: &Scenario) -> Vec<String> {
    let mut paths: Vec<String> = super::fields::Field::all(s)
        .into_iter()
        .map(|f| f.path())
        .collect();
    for (p, _) in s.v2_inputs() {
        if p != "sources" && !paths.contains(&p) {
            paths.push(p);
        }
    }
    paths
}

fn validate_v2(s: &Scenario, c: &mut Checker) {
    use Range::{NonNegative, Percent};
    use RangeV2::*;
    let w = &s.workload;
    c.num_v2(
        "workload.calls_per_request",
        w.calls_per_request,
        CallsPerRequest,
    );
    c.num_v2("workload.ramp_months", w.ramp_months as f64, WholeMonths);
    c.num("workload.ramp_start_pct", w.ramp_start_pct, Percent);

    for (i, m) in s.models.iter().enumerate() {
        let p = format!("models[{i}]");
        if let Some(e) = m.error_rate_pct {
            c.num(format!("{p}.error_rate_pct"), e, Percent);
        }
        c.num_v2(format!("{p}.token_factor"), m.token_factor, TokenFactor);
        if let Some(Pricing::SelfHosted(h)) = &m.pricing {
            let q = format!("{p}.pricing");
            c.num_v2(
                format!("{q}.peak_to_average"),
                h.peak_to_average,
                PeakToAverage,
            );
            c.num_v2(
                format!("{q}.gpus_per_replica"),
                h.gpus_per_replica as f64,
                GpusPerReplica,
            );
            c.num_v2(
                format!("{q}.spare_replicas"),
                h.spare_replicas as f64,
                SpareReplicas,
            );
        }
    }

    c.num_v2("build.months", s.build.months as f64, WholeMonths);

    let r = &s.risk;
    c.num_v2("risk.drift_pct_per_month", r.drift_pct_per_month, Drift);
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
        c.num(format!("{p}.share_pct"), t.share_pct, Percent);
        c.num(format!("{p}.cost"), t.cost, NonNegative);
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

    let v = &s.value;
    c.num(
        "value.baseline_error_rate_pct",
        v.baseline_error_rate_pct,
        Percent,
    );
    c.num("value.realization_pct", v.realization_pct, Percent);
    c.num(
        "value.discount_rate_pct_per_year",
        v.discount_rate_pct_per_year,
        Percent,
    );

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
