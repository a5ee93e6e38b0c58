//! The pure codecs: text to structs and back, no file is opened here (disk
//! I/O is `store`). Plan files (RON, format versions 1 and 2), catalog text
//! (RON) with the built-in catalog, and LiteLLM's price list (JSON), each
//! usable and tested on strings alone.

pub mod actuals;
pub mod actuals_exports;
pub mod actuals_import;
pub mod catalog;
pub mod litellm;
pub mod plan;

pub use plan::{PlanError, Problem, parse_plan, parse_plan_on, write_plan};
