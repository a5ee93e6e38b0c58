//! The plan a consultant shapes: every input of the cost model (spec §1).
//!
//! Field order here is the order of the file format, so the writer keeps it and
//! plans diff cleanly. Every section but `workload` and `models` has a default,
//! and every optional number defaults to 0 so a section left out costs nothing.

use serde::{Deserialize, Serialize};

use super::pricing::Pricing;

/// The newest format version this program reads. Plans are written as version 1
/// unless they set a version-2 field (spec §5), see [`Scenario::format_version`].
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub client: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default = "default_horizon")]
    pub horizon_months: u32,
    /// The calendar month the plan starts, `YYYY-MM` (optional): places dated
    /// prices and model retirements in the plan's months. Absent means the
    /// month the plan is opened.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::pricing::bare_option"
    )]
    pub start: Option<String>,
    pub workload: Workload,
    pub models: Vec<ModelEntry>,
    #[serde(default)]
    pub retrieval: Retrieval,
    #[serde(default)]
    pub infrastructure: Vec<InfraItem>,
    #[serde(default)]
    pub build: Build,
    #[serde(default)]
    pub oversight: Oversight,
    #[serde(default)]
    pub risk: Risk,
    #[serde(default)]
    pub change: Change,
    #[serde(default)]
    pub value: Value,
    /// Ranges for inputs the client is unsure of (optional), for the Monte
    /// Carlo: triangular on [low, high] with the plan's value most likely.
    /// Where each assumption comes from (version 2): at most one entry per
    /// input path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<UncertainRange>,
}

/// How far an assumption can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "High",
            Confidence::Medium => "Medium",
            Confidence::Low => "Low",
        }
    }
}

/// Where one input's value comes from (spec §5, `sources`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An input path as in validation messages: `workload.requests_per_day`.
    pub field: String,
    #[serde(default)]
    pub source: String,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertainRange {
    /// A field path as in validation messages: `workload.requests_per_day`.
    pub field: String,
    pub low: f64,
    pub high: f64,
}

fn default_currency() -> String {
    "USD".to_string()
}
fn default_horizon() -> u32 {
    12
}
fn default_days() -> f64 {
    30.0
}
fn default_productive_hours() -> f64 {
    140.0
}
pub(crate) fn one() -> f64 {
    1.0
}
pub(crate) fn is_one(v: &f64) -> bool {
    *v == 1.0
}
pub(crate) fn is_zero(v: &f64) -> bool {
    *v == 0.0
}
pub(crate) fn is_zero_u32(v: &u32) -> bool {
    *v == 0
}
fn hundred() -> f64 {
    100.0
}
fn is_hundred(v: &f64) -> bool {
    *v == 100.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    #[serde(default)]
    pub requests_per_day: f64,
    #[serde(default = "default_days")]
    pub days_per_month: f64,
    #[serde(default)]
    pub monthly_growth_pct: f64,
    #[serde(default)]
    pub input_tokens: f64,
    #[serde(default)]
    pub output_tokens: f64,
    #[serde(default)]
    pub reasoning_tokens: f64,
    #[serde(default)]
    pub cached_input_pct: f64,
    #[serde(default)]
    pub batch_pct: f64,
    #[serde(default)]
    pub overhead_pct: f64,
    /// Model calls one request makes (agent steps, turns); version 2, default 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub calls_per_request: f64,
    /// Months of adoption ramp after go-live; version 2, default 0 (none).
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub ramp_months: u32,
    /// Adoption in month 1 when `ramp_months` > 0, percent; version 2.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ramp_start_pct: f64,
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            requests_per_day: 0.0,
            days_per_month: default_days(),
            monthly_growth_pct: 0.0,
            input_tokens: 0.0,
            output_tokens: 0.0,
            reasoning_tokens: 0.0,
            cached_input_pct: 0.0,
            batch_pct: 0.0,
            overhead_pct: 0.0,
            calls_per_request: 1.0,
            ramp_months: 0,
            ramp_start_pct: 0.0,
        }
    }
}

/// One model in the routed mix. `pricing` may be absent in a hand-written file;
/// the loader resolves it from the catalog by `id`, and files the program writes
/// always carry the snapshot. An entry still without pricing is *unpriced*: it
/// fails validation rather than silently costing nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    pub id: String,
    #[serde(default)]
    pub share_pct: f64,
    #[serde(default)]
    pub discount_pct: f64,
    /// This model's wrong-answer rate, percent; none means `risk.error_rate_pct`
    /// (version 2). Written `Some(x)` as the spec shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_rate_pct: Option<f64>,
    /// This model's tokens for the same text relative to the plan's figures
    /// (version 2, default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub token_factor: f64,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::pricing::bare_option"
    )]
    pub pricing: Option<Pricing>,
    /// Dated future prices snapshotted from the catalog (optional; applies
    /// only when the plan has a `start`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<super::pricing::ScheduledPrice>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retrieval {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub embedding: Embedding,
    #[serde(default)]
    pub corpus_tokens: f64,
    #[serde(default)]
    pub refresh_pct_per_month: f64,
    #[serde(default)]
    pub query_tokens: f64,
    #[serde(default)]
    pub searches_per_request: f64,
    #[serde(default)]
    pub vector_db_monthly: f64,
    #[serde(default)]
    pub vector_db_per_million_queries: f64,
    #[serde(default)]
    pub rerank_per_thousand_searches: f64,
}

/// The embedding model. `per_mtok` absent with a non-empty `id` is resolved from
/// the catalog when the file is read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embedding {
    #[serde(default)]
    pub id: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::pricing::bare_option"
    )]
    pub per_mtok: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfraItem {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub monthly: f64,
    #[serde(default)]
    pub per_thousand_requests: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Build {
    #[serde(default)]
    pub initial_cost: f64,
    #[serde(default)]
    pub maintenance_pct_per_year: f64,
    /// Months of building before go-live (version 2, default 0).
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub months: u32,
}

/// How reviewer capacity is staffed: just enough for the review load, or a fixed
/// number of full-time equivalents (which may fall short of the need).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub enum Reviewers {
    #[default]
    Auto,
    Fixed(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Oversight {
    #[serde(default)]
    pub review_pct: f64,
    #[serde(default)]
    pub minutes_per_review: f64,
    #[serde(default)]
    pub reviewers: Reviewers,
    #[serde(default)]
    pub reviewer_annual_cost: f64,
    #[serde(default = "default_productive_hours")]
    pub productive_hours_per_month: f64,
    #[serde(default)]
    pub owner_fte: f64,
    #[serde(default)]
    pub owner_annual_cost: f64,
}

impl Default for Oversight {
    fn default() -> Self {
        Self {
            review_pct: 0.0,
            minutes_per_review: 0.0,
            reviewers: Reviewers::Auto,
            reviewer_annual_cost: 0.0,
            productive_hours_per_month: default_productive_hours(),
            owner_fte: 0.0,
            owner_annual_cost: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    #[serde(default)]
    pub error_rate_pct: f64,
    #[serde(default)]
    pub review_catch_pct: f64,
    #[serde(default)]
    pub cost_per_uncaught_error: f64,
    /// Growth of the wrong-answer rate per month, reset by each model update
    /// (version 2, default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub drift_pct_per_month: f64,
    /// Severity tiers; when present they replace `cost_per_uncaught_error`
    /// (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_costs: Vec<ErrorCost>,
}

/// One severity tier of the cost of an uncaught error.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorCost {
    pub name: String,
    #[serde(default)]
    pub share_pct: f64,
    #[serde(default)]
    pub cost: f64,
}

impl Risk {
    /// The average cost of one uncaught error: the severity tiers' weighted
    /// mean when there are tiers, else `cost_per_uncaught_error` (spec §5, C).
    pub fn cost_per_error(&self) -> f64 {
        if self.error_costs.is_empty() {
            self.cost_per_uncaught_error
        } else {
            self.error_costs
                .iter()
                .map(|t| t.share_pct / 100.0 * t.cost)
                .sum()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    #[serde(default)]
    pub model_updates_per_year: f64,
    #[serde(default)]
    pub retune_cost_per_update: f64,
    #[serde(default)]
    pub price_change_pct_per_year: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    #[serde(default)]
    pub minutes_saved_per_request: f64,
    #[serde(default)]
    pub labour_hourly_cost: f64,
    /// Wrong-outcome rate of today's process, percent (version 2, default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub baseline_error_rate_pct: f64,
    /// Share of the saved time that turns into money, percent (version 2,
    /// default 100).
    #[serde(default = "hundred", skip_serializing_if = "is_hundred")]
    pub realization_pct: f64,
    /// Yearly discount rate for the net present value, percent (version 2).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub discount_rate_pct_per_year: f64,
}

impl Default for Value {
    fn default() -> Self {
        Self {
            minutes_saved_per_request: 0.0,
            labour_hourly_cost: 0.0,
            baseline_error_rate_pct: 0.0,
            realization_pct: 100.0,
            discount_rate_pct_per_year: 0.0,
        }
    }
}

impl Scenario {
    /// A minimal valid plan: one priced model, everything else at its default.
    /// Used for new plans and as a base in tests. It uses no version-2 field,
    /// so it is a version-1 plan.
    pub fn minimal(name: &str, model: ModelEntry) -> Self {
        Scenario {
            version: 1,
            name: name.to_string(),
            client: String::new(),
            notes: String::new(),
            currency: default_currency(),
            horizon_months: default_horizon(),
            start: None,
            workload: Workload::default(),
            models: vec![model],
            retrieval: Retrieval::default(),
            infrastructure: Vec::new(),
            build: Build::default(),
            oversight: Oversight::default(),
            risk: Risk::default(),
            change: Change::default(),
            value: Value::default(),
            sources: Vec::new(),
            uncertainty: Vec::new(),
        }
    }

    /// Every version-2 input of this plan (spec §5) with whether it is set to a
    /// non-default value, in file order. The one list behind the version a
    /// plan is written as, the error for a version-2 field in a version-1 file,
    /// and the version-2 paths a `sources` entry may name.
    pub fn v2_inputs(&self) -> Vec<(String, bool)> {
        let w = &self.workload;
        let mut v = vec![
            (
                "workload.calls_per_request".to_string(),
                w.calls_per_request != 1.0,
            ),
            ("workload.ramp_months".to_string(), w.ramp_months != 0),
            (
                "workload.ramp_start_pct".to_string(),
                w.ramp_start_pct != 0.0,
            ),
        ];
        for (i, m) in self.models.iter().enumerate() {
            v.push((
                format!("models[{i}].error_rate_pct"),
                m.error_rate_pct.is_some(),
            ));
            v.push((format!("models[{i}].token_factor"), m.token_factor != 1.0));
            if let Some(Pricing::SelfHosted(h)) = &m.pricing {
                let q = format!("models[{i}].pricing");
                v.push((format!("{q}.peak_to_average"), h.peak_to_average != 1.0));
                v.push((format!("{q}.gpus_per_replica"), h.gpus_per_replica != 1));
                v.push((format!("{q}.spare_replicas"), h.spare_replicas != 0));
            }
        }
        v.push(("build.months".to_string(), self.build.months != 0));
        let r = &self.risk;
        v.push((
            "risk.drift_pct_per_month".to_string(),
            r.drift_pct_per_month != 0.0,
        ));
        v.push(("risk.error_costs".to_string(), !r.error_costs.is_empty()));
        for j in 0..r.error_costs.len() {
            v.push((format!("risk.error_costs[{j}].share_pct"), true));
            v.push((format!("risk.error_costs[{j}].cost"), true));
        }
        let val = &self.value;
        v.push((
            "value.baseline_error_rate_pct".to_string(),
            val.baseline_error_rate_pct != 0.0,
        ));
        v.push((
            "value.realization_pct".to_string(),
            val.realization_pct != 100.0,
        ));
        v.push((
            "value.discount_rate_pct_per_year".to_string(),
            val.discount_rate_pct_per_year != 0.0,
        ));
        v.push(("sources".to_string(), !self.sources.is_empty()));
        v
    }

    /// The version-2 inputs set to a non-default value (their paths); the
    /// error tiers count once, as `risk.error_costs`.
    pub fn v2_fields_set(&self) -> Vec<String> {
        self.v2_inputs()
            .into_iter()
            .filter(|(p, set)| *set && !p.starts_with("risk.error_costs["))
            .map(|(p, _)| p)
            .collect()
    }

    /// The format version this plan is written as: 1 unless it sets a
    /// version-2 field, so older runcosts keep reading version-1 plans.
    pub fn format_version(&self) -> u32 {
        if self.v2_fields_set().is_empty() {
            1
        } else {
            2
        }
    }
}
