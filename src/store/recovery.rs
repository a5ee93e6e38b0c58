//! Recovery copies of unsaved plans, and locks that tell two runcost windows
//! on one plan apart. Both live in the data directory, keyed by the plan's
//! absolute path (or "untitled"), never next to the user's files.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::atomic::{process_alive, save_atomic};
use super::paths;
use super::plan_file::{parse_plan, write_plan};
use crate::model::{Catalog, Scenario};

/// A file-name-safe key for a plan's path.
fn key(plan_path: Option<&Path>) -> String {
    let Some(p) = plan_path else {
        return "untitled".into();
    };
    let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = String::new();
    for c in absolute.display().to_string().chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// Where the recovery copy of the plan at `plan_path` lives under `data`.
pub fn recovery_path_in(data: &Path, plan_path: Option<&Path>) -> PathBuf {
    data.join("recovery")
        .join(format!("{}.ron", key(plan_path)))
}

/// Where the recovery copy of the plan at `plan_path` lives.
pub fn recovery_path(plan_path: Option<&Path>) -> Option<PathBuf> {
    Some(recovery_path_in(&paths::data_dir()?, plan_path))
}

/// Writes the recovery copy of `plan` (atomically); the first line names the
/// plan it belongs to.
pub fn write_recovery(plan_path: Option<&Path>, plan: &Scenario) -> Result<PathBuf, String> {
    let data = paths::data_dir().ok_or("no data directory on this system")?;
    write_recovery_in(&data, plan_path, plan)
}

pub fn write_recovery_in(
    data: &Path,
    plan_path: Option<&Path>,
    plan: &Scenario,
) -> Result<PathBuf, String> {
    let path = recovery_path_in(data, plan_path);
    let dir = path.parent().ok_or("no recovery directory")?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let origin = plan_path.map_or("an unsaved plan".to_string(), |p| p.display().to_string());
    let text = format!("// runcost recovery copy of {origin}\n{}", write_plan(plan));
    save_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    let _ = fs::remove_file(super::atomic::backup_path(&path));
    Ok(path)
}

pub fn remove_recovery(plan_path: Option<&Path>) {
    if let Some(p) = recovery_path(plan_path) {
        let _ = fs::remove_file(p);
    }
}

/// A recovery copy found at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A readable copy, written at `written`.
    Copy {
        plan: Box<Scenario>,
        file: PathBuf,
        written: Option<SystemTime>,
    },
    /// An unreadable copy, moved aside (never deleted) to `kept`.
    Corrupt { kept: PathBuf, why: String },
}

/// Looks for a recovery copy of the plan at `plan_path`.
pub fn find_recovery(plan_path: Option<&Path>, catalog: &Catalog) -> Option<Found> {
    find_recovery_in(&paths::data_dir()?, plan_path, catalog)
}

pub fn find_recovery_in(data: &Path, plan_path: Option<&Path>, catalog: &Catalog) -> Option<Found> {
    let file = recovery_path_in(data, plan_path);
    let bytes =
        super::read::read_limited(&file, super::read::PLAN_LIMIT, "a recovery copy").ok()?;
    let written = fs::metadata(&file).and_then(|m| m.modified()).ok();
    match parse_plan(&bytes, catalog) {
        Ok(plan) => Some(Found::Copy {
            plan: Box::new(plan),
            file,
            written,
        }),
        Err(e) => {
            let stamp = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let kept = file.with_extension(format!("corrupt-{stamp}.ron"));
            let _ = fs::rename(&file, &kept);
            Some(Found::Corrupt {
                kept,
                why: e
                    .problems
                    .first()
                    .map(|p| p.message.clone())
                    .unwrap_or_default(),
            })
        }
    }
}

fn lock_path_in(data: &Path, plan_path: &Path) -> PathBuf {
    data.join("locks")
        .join(format!("{}.lock", key(Some(plan_path))))
}

/// What taking a lock found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    /// Ours now.
    Taken,
    /// Ours now; a lock left by a process that is gone was cleared.
    ClearedStale(u32),
    /// Another running runcost holds it.
    HeldBy(u32),
    /// Locks are unavailable (no writable data directory).
    Unavailable,
}

/// Takes the lock on a plan for this process, unless another live runcost has it.
pub fn take_lock(plan_path: &Path) -> Lock {
    match paths::data_dir() {
        Some(data) => take_lock_in(&data, plan_path),
        None => Lock::Unavailable,
    }
}

pub fn take_lock_in(data: &Path, plan_path: &Path) -> Lock {
    let lock = lock_path_in(data, plan_path);
    let me = std::process::id();
    let mut cleared = None;
    if let Ok(text) = fs::read_to_string(&lock)
        && let Ok(pid) = text.trim().parse::<u32>()
        && pid != me
    {
        if process_alive(pid) {
            return Lock::HeldBy(pid);
        }
        cleared = Some(pid);
    }
    let Some(dir) = lock.parent() else {
        return Lock::Unavailable;
    };
    if fs::create_dir_all(dir).is_err() || fs::write(&lock, me.to_string()).is_err() {
        return Lock::Unavailable;
    }
    cleared.map_or(Lock::Taken, Lock::ClearedStale)
}

/// Releases our lock on a plan (a lock held by another process is left alone).
pub fn release_lock(plan_path: &Path) {
    if let Some(data) = paths::data_dir() {
        release_lock_in(&data, plan_path);
    }
}

pub fn release_lock_in(data: &Path, plan_path: &Path) {
    let lock = lock_path_in(data, plan_path);
    if fs::read_to_string(&lock).is_ok_and(|t| t.trim() == std::process::id().to_string()) {
        let _ = fs::remove_file(lock);
    }
}
