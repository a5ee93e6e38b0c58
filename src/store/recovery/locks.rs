//! Locks: OS locks on a file per plan (and per session), held while it is open.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use super::names::{canonical, plan_stem, session_id, shared};
use crate::store::paths;

/// Locks this process holds, by lock file: the open file keeps the OS lock.
fn held() -> &'static Mutex<HashMap<PathBuf, File>> {
    static HELD: OnceLock<Mutex<HashMap<PathBuf, File>>> = OnceLock::new();
    HELD.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The lock file of the plan at `plan_path` (any spelling of it).
pub fn lock_path_in(data: &Path, plan_path: &Path) -> PathBuf {
    // One lock per plan, whichever window asks: never a session's name.
    let stem = plan_stem(&canonical(plan_path));
    data.join("locks").join(format!("{stem}.lock"))
}

fn session_lock_path_in(data: &Path, session: &str) -> PathBuf {
    data.join("locks").join(format!("session-{session}.lock"))
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
    /// Locks are unavailable (no writable data directory, no OS locks here).
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
    take_lock_file(&lock_path_in(data, plan_path), Some(plan_path))
}

/// Takes the lock file `lock`; `plan` is the plan it is about (none for a
/// session's lock).
fn take_lock_file(lock: &Path, plan: Option<&Path>) -> Lock {
    let mut held = held().lock().unwrap_or_else(|e| e.into_inner());
    if held.contains_key(lock) {
        return Lock::Taken;
    }
    let Some(dir) = lock.parent() else {
        return Lock::Unavailable;
    };
    if fs::create_dir_all(dir).is_err() {
        return Lock::Unavailable;
    }
    let Ok(mut file) = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock)
    else {
        return Lock::Unavailable;
    };
    let previous = |f: &mut File| {
        let mut text = String::new();
        let _ = f.read_to_string(&mut text);
        text.trim().parse::<u32>().ok()
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            // This window's copies of that plan get a name of their own.
            if let Some(plan) = plan {
                shared()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(canonical(plan));
            }
            return Lock::HeldBy(previous(&mut file).unwrap_or(0));
        }
        Err(fs::TryLockError::Error(_)) => return Lock::Unavailable,
    }
    // Ours: a pid still inside was written by a runcost that died holding it.
    let stale = previous(&mut file).filter(|p| *p != std::process::id());
    let me = std::process::id().to_string();
    let written = file.set_len(0).is_ok()
        && file.rewind().is_ok()
        && file.write_all(me.as_bytes()).is_ok()
        && file.sync_all().is_ok();
    if !written {
        return Lock::Unavailable;
    }
    held.insert(lock.to_path_buf(), file);
    stale.map_or(Lock::Taken, Lock::ClearedStale)
}

/// The pid of another runcost holding the lock on a plan, if one does (the
/// lock is only looked at, not taken).
pub fn lock_holder_in(data: &Path, plan_path: &Path) -> Option<u32> {
    let lock = lock_path_in(data, plan_path);
    if held()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains_key(&lock)
    {
        return None;
    }
    let mut file = File::open(&lock).ok()?;
    match file.try_lock() {
        Ok(()) => None,
        Err(_) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Some(text.trim().parse().unwrap_or(0))
        }
    }
}

/// Releases our lock on a plan (a lock held by another process is left alone).
pub fn release_lock(plan_path: &Path) {
    if let Some(data) = paths::data_dir() {
        release_lock_in(&data, plan_path);
    }
}

pub fn release_lock_in(data: &Path, plan_path: &Path) {
    let lock = lock_path_in(data, plan_path);
    let mut held = held().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(file) = held.remove(&lock) {
        // Emptied, not deleted: deleting would let a process that opened the
        // old file lock it while a third locks a new one under the same name.
        let _ = file.set_len(0);
        drop(file);
    }
}

/// Holds this session's lock (once), which tells other windows that the
/// never-saved plans of this session are alive.
pub fn hold_session_lock_in(data: &Path) {
    let _ = take_lock_file(&session_lock_path_in(data, session_id()), None);
}

/// Whether the runcost session `session` is still running.
pub(super) fn session_alive_in(data: &Path, session: &str) -> bool {
    if session == session_id() {
        return true;
    }
    let path = session_lock_path_in(data, session);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return false,
        // Cannot tell: assume alive, the safe answer (never offered, never deleted).
        Err(_) => return true,
    };
    match file.try_lock() {
        Ok(()) => {
            // Nobody holds it: that session is gone. Its lock file goes too.
            let _ = fs::remove_file(&path);
            false
        }
        Err(_) => true,
    }
}
