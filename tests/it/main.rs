//! The integration tests: one binary (one link after a change to src/), one
//! folder per subject, the helpers in `common` written once.

// A subject's folder may hold a file of the same name (reports/reports.rs).
#![allow(clippy::module_inception)]

mod actuals;
mod architecture;
mod cli;
mod common;
mod end_to_end;
mod engine;
mod interview;
mod plan_files;
mod prices;
mod reliability;
mod reports;
mod workbench;
