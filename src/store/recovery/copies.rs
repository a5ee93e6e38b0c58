//! Writing, finding and discarding recovery copies.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::RecoveryError;
use super::locks::{hold_session_lock_in, lock_holder_in, session_alive_in};
use super::names::{
    Owner, SESSION_MARK, canonical, names, plan_stem, recovery_path, recovery_path_in, session_id,
};
use crate::codec::plan::{parse_plan_unvalidated, write_plan};
use crate::model::{Catalog, Scenario};
use crate::store::atomic::replace_atomic;
use crate::store::paths;
use crate::store::read;

const HEADER: &str = "// runcost recovery copy of ";

/// Writes the recovery copy of `plan` (atomically), as it is: a plan that
/// cannot be saved yet is kept too. The first line records whom it belongs to.
pub fn write_recovery(owner: &Owner, plan: &Scenario) -> Result<PathBuf, RecoveryError> {
    let data = paths::data_dir().ok_or(RecoveryError::NoDataDir)?;
    write_recovery_in(&data, owner, plan)
}

pub fn write_recovery_in(
    data: &Path,
    owner: &Owner,
    plan: &Scenario,
) -> Result<PathBuf, RecoveryError> {
    let path = recovery_path_in(data, owner);
    let dir = path.parent().ok_or(RecoveryError::NoDir)?;
    fs::create_dir_all(dir).map_err(|source| RecoveryError::CreateDir {
        dir: dir.to_path_buf(),
        source,
    })?;
    let (stem, _) = names(owner);
    if matches!(owner, Owner::Untitled(_)) || stem.contains(SESSION_MARK) {
        // Other windows tell this session's copies from orphans by this lock.
        hold_session_lock_in(data);
    }
    // JSON string syntax: a name with a line break cannot end the comment.
    let who = serde_json::to_string(&names(owner).1).unwrap_or_default();
    let text = format!("{HEADER}{who}\n{}", write_plan(plan));
    replace_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// Whom the copy in `bytes` says it belongs to.
fn recorded_owner(bytes: &[u8]) -> Option<String> {
    let first = bytes.split(|b| *b == b'\n').next()?;
    let rest = std::str::from_utf8(first).ok()?.strip_prefix(HEADER)?;
    serde_json::from_str(rest.trim_end()).ok()
}

/// A recovery copy found at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A readable copy, written at `written`. It may not pass the checks a
    /// save makes (a plan being edited when runcost stopped).
    Copy {
        plan: Box<Scenario>,
        file: PathBuf,
        written: Option<SystemTime>,
    },
    /// An unreadable copy, moved aside (never deleted) to `kept`.
    Corrupt { kept: PathBuf, why: String },
    /// A copy under this plan's name that records another plan: not offered,
    /// left where it is.
    Foreign { file: PathBuf, belongs_to: String },
}

/// Reads the copy at `file`, which must record `expected` as its owner.
fn read_copy(file: &Path, expected: &str, catalog: &Catalog) -> Option<Found> {
    let bytes = read::read_limited(file, read::PLAN_LIMIT, "a recovery copy").ok()?;
    let written = fs::metadata(file).and_then(|m| m.modified()).ok();
    match recorded_owner(&bytes) {
        Some(who) if who == expected => {}
        Some(who) => {
            return Some(Found::Foreign {
                file: file.to_path_buf(),
                belongs_to: who,
            });
        }
        // No readable first line: a damaged copy (read below, kept aside).
        None => {}
    }
    match parse_plan_unvalidated(&bytes, catalog) {
        Ok(plan) => Some(Found::Copy {
            plan: Box::new(plan),
            file: file.to_path_buf(),
            written,
        }),
        Err(e) => {
            let stamp = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let kept = file.with_extension(format!("corrupt-{stamp}.ron"));
            let _ = fs::rename(file, &kept);
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

/// Looks for a recovery copy of the plan file at `plan_path`.
pub fn find_recovery(plan_path: &Path, catalog: &Catalog) -> Option<Found> {
    find_recovery_in(&paths::data_dir()?, plan_path, catalog)
}

pub fn find_recovery_in(data: &Path, plan_path: &Path, catalog: &Catalog) -> Option<Found> {
    let c = canonical(plan_path);
    let file = data.join("recovery").join(format!("{}.ron", plan_stem(&c)));
    if file.exists() {
        return read_copy(&file, &c.to_string_lossy(), catalog);
    }
    find_legacy_in(data, plan_path, catalog)
}

/// Every recovery copy of the plan at `plan_path` whose writer is gone,
/// newest first: its own copy (when `own` — this window holds the plan's
/// lock, so that copy's writer has stopped), and the copies of other
/// windows that had the plan open too and stopped without saving. Copies of
/// windows still running are left alone.
pub fn find_recoveries(plan_path: &Path, catalog: &Catalog, own: bool) -> Vec<Found> {
    paths::data_dir().map_or_else(Vec::new, |d| {
        find_recoveries_in(&d, plan_path, catalog, own)
    })
}

pub fn find_recoveries_in(
    data: &Path,
    plan_path: &Path,
    catalog: &Catalog,
    own: bool,
) -> Vec<Found> {
    let c = canonical(plan_path);
    let expected = c.to_string_lossy().into_owned();
    let mut found: Vec<(Option<SystemTime>, Found)> = Vec::new();
    let mut push = |f: Found| {
        let t = match &f {
            Found::Copy { written, .. } => *written,
            _ => None,
        };
        found.push((t, f));
    };
    if own {
        let plain = data.join("recovery").join(format!("{}.ron", plan_stem(&c)));
        if plain.exists() {
            if let Some(f) = read_copy(&plain, &expected, catalog) {
                push(f);
            }
        } else if let Some(f) = find_legacy_in(data, plan_path, catalog) {
            push(f);
        }
    }
    let prefix = format!("{}{SESSION_MARK}", plan_stem(&c));
    if let Ok(entries) = fs::read_dir(data.join("recovery")) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(session) = name
                .strip_prefix(&prefix)
                .and_then(|n| n.strip_suffix(".ron"))
            else {
                continue;
            };
            if session.contains(".corrupt-") || session == session_id() {
                continue;
            }
            if session_alive_in(data, session) {
                continue; // another window's live edits
            }
            if let Some(f) = read_copy(&e.path(), &expected, catalog) {
                push(f);
            }
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, f)| f).collect()
}

/// The session that wrote the copy at `file`, when it carries one.
fn copy_session(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_string_lossy().into_owned();
    let (_, session) = name.strip_suffix(".ron")?.rsplit_once(SESSION_MARK)?;
    Some(session.to_string())
}

/// A copy written by runcost 0.1 under its old name (the path's
/// `[A-Za-z0-9.-]`), offered only if its first line names this very plan.
/// Restoring it moves it to the new name.
fn find_legacy_in(data: &Path, plan_path: &Path, catalog: &Catalog) -> Option<Found> {
    let absolute = std::path::absolute(plan_path).ok()?;
    let shown = absolute.display().to_string();
    let mut key = String::new();
    for c in shown.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            key.push(c);
        } else if !key.ends_with('_') {
            key.push('_');
        }
    }
    let file = data
        .join("recovery")
        .join(format!("{}.ron", key.trim_matches('_')));
    let bytes = read::read_limited(&file, read::PLAN_LIMIT, "a recovery copy").ok()?;
    let first = bytes.split(|b| *b == b'\n').next()?;
    let recorded = std::str::from_utf8(first).ok()?.strip_prefix(HEADER)?;
    if std::path::absolute(recorded).ok()? != absolute {
        return None; // another plan's, or not a legacy copy: left alone
    }
    let plan = parse_plan_unvalidated(&bytes, catalog).ok()?;
    Some(Found::Copy {
        plan: Box::new(plan),
        written: fs::metadata(&file).and_then(|m| m.modified()).ok(),
        file,
    })
}

/// Copies of never-saved plans whose runcost is gone (newest first): a
/// window that stopped without saving them. Copies of a running runcost's
/// plans are left alone.
pub fn find_orphans(catalog: &Catalog) -> Vec<Found> {
    paths::data_dir().map_or_else(Vec::new, |d| find_orphans_in(&d, catalog))
}

pub fn find_orphans_in(data: &Path, catalog: &Catalog) -> Vec<Found> {
    let Ok(entries) = fs::read_dir(data.join("recovery")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(id) = name
            .strip_prefix("untitled-")
            .and_then(|n| n.strip_suffix(".ron"))
        else {
            continue;
        };
        if id.contains(".corrupt-") || id.contains(SESSION_MARK) {
            continue; // kept aside already, or a plan file's copy
        }
        let Some((session, n)) = id.rsplit_once('-') else {
            continue;
        };
        // `untitled-PID-START-N`: a plan file named `untitled-….ron` is not one.
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(n) || !session.split('-').all(digits) || session.split('-').count() != 2 {
            continue;
        }
        if session_alive_in(data, session) {
            continue;
        }
        if let Some(f) = read_copy(&e.path(), &format!("untitled-{id}"), catalog) {
            let t = match &f {
                Found::Copy { written, .. } => *written,
                _ => None,
            };
            found.push((t, f));
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, f)| f).collect()
}

/// Deletes the recovery copy of `owner` (it was saved, closed or discarded).
pub fn remove_recovery(owner: &Owner) {
    if let Some(p) = recovery_path(owner) {
        let _ = fs::remove_file(p);
    }
}

/// Deletes a recovery copy the user chose to discard, unless it belongs to a
/// plan another running runcost has open (its live edits).
pub fn discard_copy(file: &Path) -> Result<(), RecoveryError> {
    match paths::data_dir() {
        Some(data) => discard_copy_in(&data, file),
        None => Err(RecoveryError::NoDataDir),
    }
}

pub fn discard_copy_in(data: &Path, file: &Path) -> Result<(), RecoveryError> {
    if !file.exists() && file.symlink_metadata().is_err() {
        return Ok(());
    }
    let bytes = match read::read_limited(file, read::PLAN_LIMIT, "a recovery copy") {
        Ok(b) => b,
        Err(source) => {
            return Err(RecoveryError::Read {
                file: file.to_path_buf(),
                source,
            });
        }
    };
    // A copy of a plan file written by a window that shared it: its writer
    // is that session, whoever holds the plan's lock.
    if let Some(session) = copy_session(file)
        && session != session_id()
        && session_alive_in(data, &session)
    {
        return Err(RecoveryError::Busy {
            file: file.to_path_buf(),
        });
    }
    let busy = match recorded_owner(&bytes) {
        Some(_) if copy_session(file).is_some() => false,
        Some(who) => match who.strip_prefix("untitled-") {
            Some(id) => id
                .rsplit_once('-')
                .is_some_and(|(s, _)| s != session_id() && session_alive_in(data, s)),
            None => match lock_holder_in(data, Path::new(&who)) {
                Some(pid) => return Err(RecoveryError::Held { who, pid }),
                None => false,
            },
        },
        None => false,
    };
    if busy {
        return Err(RecoveryError::Busy {
            file: file.to_path_buf(),
        });
    }
    fs::remove_file(file).map_err(|source| RecoveryError::Delete {
        file: file.to_path_buf(),
        source,
    })
}
