//! runcost: what an AI system really costs once it is in production.
//!
//! Layers, with arrows pointing one way only:
//! `model` (the domain) ← `codec` (plan and price-list text, no I/O) ← `store`
//! (files) ← `report` (renderers) ← `app`/`ui`/`tui`
//! (the workbench) ← `cmd` (the subcommands) ← `cli` (the command line).
//! `clock` is the edge that reads the time; the callers pass "today" in.

pub mod app;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod codec;
pub mod model;
pub mod numbers;
pub mod report;
pub mod store;
pub mod tui;
pub mod ui;
