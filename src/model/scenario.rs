//! The plan a consultant shapes: every input of the cost model (spec §1).
//!
//! Field order here is the order of the file format, so the writer keeps it and
//! plans diff cleanly. Every section but `workload` and `models` has a default,
//! and every optional number defaults to 0 so a section left out costs nothing.

use serde::{Deserialize, Serialize};

use super::pricing::Pricing;

/// The format version this program reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<UncertainRange>,
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

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    #[serde(default)]
    pub minutes_saved_per_request: f64,
    #[serde(default)]
    pub labour_hourly_cost: f64,
}

impl Scenario {
    /// A minimal valid plan: one priced model, everything else at its default.
    /// Used for new plans and as a base in tests.
    pub fn minimal(name: &str, model: ModelEntry) -> Self {
        Scenario {
            version: FORMAT_VERSION,
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
            uncertainty: Vec::new(),
        }
    }
}
