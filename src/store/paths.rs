//! Where runcost keeps things, per platform (the `directories` crate):
//! the user's catalog in the config directory, saved plans in the data
//! directory, the last-opened plan in the state directory.
//!
//! `RUNCOST_HOME` overrides all three (`$RUNCOST_HOME/config`, `/data`, `/state`),
//! which tests and portable installs use.

use std::path::PathBuf;

fn override_dir(sub: &str) -> Option<PathBuf> {
    std::env::var_os("RUNCOST_HOME")
        .filter(|v| !v.is_empty())
        .map(|h| PathBuf::from(h).join(sub))
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "runcost")
}

/// Directory of the user's `catalog.ron`.
pub fn config_dir() -> Option<PathBuf> {
    override_dir("config").or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

/// Directory where the workbench saves plans by default.
pub fn data_dir() -> Option<PathBuf> {
    override_dir("data").or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

/// Directory of small state such as the last-opened plan.
pub fn state_dir() -> Option<PathBuf> {
    override_dir("state").or_else(|| {
        project().map(|p| {
            p.state_dir()
                .unwrap_or_else(|| p.data_local_dir())
                .to_path_buf()
        })
    })
}

/// The user's own catalog, which overrides built-in entries by id.
pub fn user_catalog_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("catalog.ron"))
}

/// Where saved plans go by default.
pub fn plans_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("plans"))
}
