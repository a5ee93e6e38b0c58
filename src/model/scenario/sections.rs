//! The sections of a plan, in file order, with their defaults.

use crate::model::pricing::bare;
use serde::{Deserialize, Serialize};

use super::{
    default_days, default_productive_hours, hundred, is_hundred, is_one, is_zero, is_zero_u32, one,
};
use crate::model::pricing::Pricing;

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
    /// Share of each call's input written into the prompt cache, percent
    /// (version 3, default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cache_write_pct: f64,
    /// Where growth levels off: requests per day never exceed it (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_requests_per_day: Option<f64>,
    /// Per-use fees of the tools the system calls (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<Tool>,
}

/// A tool the system calls, billed per use (spec §6).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    /// Uses per request.
    #[serde(default)]
    pub per_request: f64,
    /// Price per 1,000 uses.
    #[serde(default)]
    pub price_per_thousand: f64,
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
            cache_write_pct: 0.0,
            max_requests_per_day: None,
            tools: Vec::new(),
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
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
    pub pricing: Option<Pricing>,
    /// What the provider bills for this model each month at least (committed
    /// spend, provisioned throughput, reserved GPUs; version 3).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub commitment_monthly: f64,
    /// Dated future prices snapshotted from the catalog (optional; applies
    /// only when the plan has a `start`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<crate::model::pricing::ScheduledPrice>,
}

impl ModelEntry {
    /// All of the plan's traffic on `id` at `pricing`: no discount, the
    /// plan's own error rate, the plan's token counts and no dated prices.
    pub fn sole(id: impl Into<String>, pricing: Option<Pricing>) -> Self {
        ModelEntry {
            id: id.into(),
            share_pct: 100.0,
            discount_pct: 0.0,
            error_rate_pct: None,
            token_factor: 1.0,
            pricing,
            commitment_monthly: 0.0,
            schedule: Vec::new(),
        }
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
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
    /// Yearly raise of every people cost, percent (version 3, default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub salary_growth_pct_per_year: f64,
    /// Share of all wrong answers that land among the reviewed when review
    /// targets flagged answers, percent; none is a random sample (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flagged_recall_pct: Option<f64>,
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
            salary_growth_pct_per_year: 0.0,
            flagged_recall_pct: None,
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
    /// One-off changes of token prices from a month on (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_steps: Vec<PriceJump>,
}

/// A one-off change of token prices from `month` on (spec §6 `price_steps`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceJump {
    pub month: u32,
    pub pct: f64,
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
    /// The people whose time the system saves: saved hours never exceed
    /// their productive hours (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_fte: Option<f64>,
}

impl Default for Value {
    fn default() -> Self {
        Self {
            minutes_saved_per_request: 0.0,
            labour_hourly_cost: 0.0,
            baseline_error_rate_pct: 0.0,
            realization_pct: 100.0,
            discount_rate_pct_per_year: 0.0,
            team_fte: None,
        }
    }
}

/// A role of the rest of the team the system needs (spec §6 `people`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub role: String,
    #[serde(default)]
    pub fte: f64,
    #[serde(default)]
    pub annual_cost: f64,
    /// The first month (1-based) the role is paid.
    #[serde(default = "first_month")]
    pub from_month: u32,
    /// The last month paid; none is to the end of the horizon.
    #[serde(default)]
    pub until_month: Option<u32>,
}

impl Person {
    /// Whether the role is paid in month `m` (1-based).
    pub fn active_in(&self, m: u32) -> bool {
        self.from_month <= m && self.until_month.is_none_or(|u| m <= u)
    }
}

impl Default for Person {
    fn default() -> Self {
        Person {
            role: String::new(),
            fte: 0.0,
            annual_cost: 0.0,
            from_month: 1,
            until_month: None,
        }
    }
}

fn first_month() -> u32 {
    1
}
