//! runcost: what an AI system really costs once it is in production.
//!
//! Layers, with arrows pointing one way only:
//! `model` (the domain) ← `store` (files) ← `report` (renderers) ← `app`/`ui`/`tui`
//! (the workbench) ← `cli`.

pub mod app;
pub mod cli;
pub mod model;
pub mod report;
pub mod store;
pub mod tui;
pub mod ui;
