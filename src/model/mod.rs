//! The domain: plans, prices and the monthly projection.
//!
//! Nothing here touches a terminal, a file, a path or a clock; `tests/it/architecture/architecture.rs`
//! keeps it that way.

pub mod actuals;
pub mod analysis;
pub mod cases;
pub mod catalog;
pub mod catalog_rules;
pub mod compare;
pub mod currency;
pub mod dated;
pub mod fields;
pub mod headline;
pub mod inert;
pub mod lifecycle;
pub mod offer;
pub mod price_steps;
pub mod prices;
pub mod pricing;
pub mod projection;
pub mod quality;
pub mod ranges;
pub mod scenario;
pub mod validate;

pub use pricing::{ApiPricing, Catalog, LongContext, Pricing, SelfHostedPricing};
pub use projection::{Category, GpuProfile, Month, Projection, Totals, project, project_into};
pub use scenario::{
    Build, Change, Confidence, Embedding, ErrorCost, FORMAT_VERSION, InfraItem, ModelEntry,
    Oversight, Person, PriceJump, Retrieval, Reviewers, Risk, Scenario, Source, Tool,
    UncertainRange, Value, Workload,
};
pub use validate::{Invalid, Range, validate};
