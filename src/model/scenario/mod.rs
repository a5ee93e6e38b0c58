//! The plan a consultant shapes: every input of the cost model (spec §1).
//!
//! Field order here is the order of the file format, so the writer keeps it and
//! plans diff cleanly. Every section but `workload` and `models` has a default,
//! and every optional number defaults to 0 so a section left out costs nothing.
//!
//! The plan and its small parts live here; `sections.rs` holds the sections
//! of the plan (workload, models, oversight, …) and `version.rs` the version
//! a plan is written as.

use crate::model::pricing::bare;
use serde::{Deserialize, Serialize};

use super::fields::{Target, TextInput};

mod sections;
pub mod version;

pub use sections::{
    Build, Change, Embedding, ErrorCost, InfraItem, ModelEntry, Oversight, Person, PriceJump,
    Retrieval, Reviewers, Risk, Tool, Value, Workload,
};

/// The newest format version this program reads. Plans are written as version 1
/// unless they set a version-2 field (spec §5), see [`Scenario::format_version`].
pub const FORMAT_VERSION: u32 = 3;

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
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
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
    /// The rest of the team the system needs (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Named cases beside the plan (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<UncertainRange>,
}

/// A named case: the plan with some numeric inputs set otherwise (spec §6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    #[serde(default)]
    pub set: Vec<CaseValue>,
}

/// One input a case sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseValue {
    pub field: Target,
    pub value: f64,
}

/// How far the mix's shares may sum from 100 % (rounding in a hand-written
/// file). Private: validation and the workbench's warnings ask
/// [`Scenario::shares_miss_100`], so they cannot disagree on it.
const SHARE_TOLERANCE: f64 = 0.01;

impl Scenario {
    /// The shares of the mix added up, percent.
    pub fn share_sum(&self) -> f64 {
        self.models.iter().map(|m| m.share_pct).sum()
    }

    /// Whether the mix's shares miss 100 % by more than the tolerance (a sum
    /// that is not a number misses nothing: its share is refused itself).
    pub fn shares_miss_100(&self) -> bool {
        (self.share_sum() - 100.0).abs() > SHARE_TOLERANCE
    }
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
    /// The input, by its path as in validation messages:
    /// `workload.requests_per_day`.
    pub field: Target,
    #[serde(default)]
    pub source: String,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertainRange {
    /// The input, by its path as in validation messages:
    /// `workload.requests_per_day`.
    pub field: Target,
    pub low: f64,
    pub high: f64,
}

/// The currency of a plan that names none, from the table of inputs.
fn default_currency() -> String {
    TextInput::Currency
        .spec()
        .default
        .trim_matches('"')
        .to_string()
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
