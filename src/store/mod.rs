//! Files: plan reading and writing, atomic saves, the catalog, platform paths.

pub mod atomic;
pub mod catalog;
pub mod litellm;
pub mod locate;
pub mod paths;
pub mod plan_file;
pub mod plans;
pub mod read;
pub mod recovery;
pub mod temps;
pub mod use_cases;

pub use atomic::{SaveError, save_atomic};
pub use plan_file::{PlanError, Problem, parse_plan, parse_plan_on, write_plan};
