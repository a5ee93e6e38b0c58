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

fn preferred_data_dir() -> Option<PathBuf> {
    override_dir("data").or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

/// Whether runcost can create and write files in `dir`.
fn writable(dir: &std::path::Path) -> bool {
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let probe = dir.join(format!(".runcost-probe-{}", std::process::id()));
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

static DATA_DIR: std::sync::OnceLock<(Option<PathBuf>, Option<String>)> =
    std::sync::OnceLock::new();

fn resolve_data_dir() -> &'static (Option<PathBuf>, Option<String>) {
    DATA_DIR.get_or_init(|| {
        choose_data_dir(
            preferred_data_dir(),
            &std::env::temp_dir().join("runcost-data"),
        )
    })
}

/// The preferred data directory if it can be written, else `fallback` with a
/// note saying so.
pub fn choose_data_dir(
    preferred: Option<PathBuf>,
    fallback: &std::path::Path,
) -> (Option<PathBuf>, Option<String>) {
    match preferred.clone() {
        Some(dir) if writable(&dir) => (preferred, None),
        Some(dir) if writable(fallback) => {
            let note = format!(
                "{} is not writable; plans and recovery copies go to {} for now",
                dir.display(),
                fallback.display()
            );
            (Some(fallback.to_path_buf()), Some(note))
        }
        Some(dir) => (
            preferred,
            Some(format!(
                "{} is not writable; recovery copies cannot be kept",
                dir.display()
            )),
        ),
        None => (
            None,
            Some("no data directory on this system; recovery copies cannot be kept".into()),
        ),
    }
}

/// Directory where the workbench saves plans by default and keeps recovery
/// copies and locks. When the platform's directory cannot be written, a
/// directory under the system's temporary directory stands in (see
/// [`data_dir_note`]).
pub fn data_dir() -> Option<PathBuf> {
    resolve_data_dir().0.clone()
}

/// Why [`data_dir`] is not the usual place, if it is not.
pub fn data_dir_note() -> Option<String> {
    resolve_data_dir().1.clone()
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
