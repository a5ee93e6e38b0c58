//! Temporary files a save killed midway left behind (`.runcost-tmp.PID.RANDOM`,
//! see `atomic.rs`): whose they are, and removing the stray ones.

use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::atomic::TEMP_PREFIX;

/// A stray temporary file this old is removed even if its process id is in
/// use (ids are reused; no save takes an hour).
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Whether a process with this id is running (Linux `/proc`; elsewhere
/// assumed alive, the safe answer for locks and temporary files).
pub fn process_alive(pid: u32) -> bool {
    let proc_root = Path::new("/proc");
    if proc_root.join("self").exists() {
        proc_root.join(pid.to_string()).exists()
    } else {
        true
    }
}

/// The process id in a temporary file's name: `.runcost-tmp.PID.RANDOM`
/// now, `.NAME.runcost-tmp.PID` from older versions.
fn temp_owner_pid(name: &str) -> Option<u32> {
    if let Some(rest) = name.strip_prefix(TEMP_PREFIX) {
        return rest.split('.').next()?.parse().ok();
    }
    if !name.starts_with('.') {
        return None;
    }
    name.rsplit_once(".runcost-tmp.")?.1.parse().ok()
}

/// Whether the current user owns the file (always true where ownership is
/// not known).
fn owned_by_me(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: getuid has no preconditions and cannot fail.
        meta.uid() == unsafe { libc::getuid() }
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// Removes temporary files that a save killed midway left in `dir`: only
/// regular files (never links) named like ours, owned by this user, whose
/// process is gone or which are over an hour old. Returns what it removed.
pub fn clean_stray_temps(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return removed;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = temp_owner_pid(&name) else {
            continue;
        };
        let Ok(meta) = fs::symlink_metadata(e.path()) else {
            continue;
        };
        if !meta.is_file() || !owned_by_me(&meta) || pid == me {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if (old || !process_alive(pid)) && fs::remove_file(e.path()).is_ok() {
            removed.push(e.path());
        }
    }
    removed
}
