//! Atomic file replacement: a temporary file in the same directory, flushed to
//! disk, renamed over the target, directory flushed. The previous version is
//! kept as `FILE.bak`. A failure at any step leaves the old file as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a save failed, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save to {path}: it is a directory; choose a file name such as {path}/plan.ron")]
    IsDirectory { path: String },
    #[error(
        "cannot save {path}: the file is read-only; save under another name or make it writable"
    )]
    ReadOnly { path: String },
    #[error("cannot save {path}: {action} failed: {source}; the previous file is unchanged")]
    Io {
        path: String,
        action: &'static str,
        #[source]
        source: io::Error,
    },
}

/// The backup kept beside `path` (`plan.ron` → `plan.ron.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Temporary files are named `.NAME.runcost-tmp.PID` so a later start can
/// recognise and remove strays left by a crash.
pub fn temp_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".runcost-tmp.{}", std::process::id()));
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` atomically, keeping the old contents as `.bak`.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let shown = path.display().to_string();
    let io_err = |action: &'static str| {
        let shown = shown.clone();
        move |source| SaveError::Io {
            path: shown,
            action,
            source,
        }
    };
    if path.is_dir() {
        return Err(SaveError::IsDirectory { path: shown });
    }
    // Renaming over a file works even when the file itself is read-only; a
    // read-only plan was made so on purpose, so respect it.
    if fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(SaveError::ReadOnly { path: shown });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(io_err("creating the temporary file"))?;
        f.write_all(bytes).map_err(io_err("writing"))?;
        f.sync_all().map_err(io_err("flushing to disk"))?;
        drop(f);
        if path.exists() {
            fs::copy(path, backup_path(path))
                .map_err(io_err("keeping the previous version as .bak"))?;
        }
        fs::rename(&tmp, path).map_err(io_err("replacing the file"))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    // Flush the directory entry so the rename itself survives a power cut.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes a new file, refusing to overwrite one that exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::Io {
            path: path.display().to_string(),
            action: "creating the file",
            source: io::Error::new(io::ErrorKind::AlreadyExists, "the file exists"),
        });
    }
    save_atomic(path, bytes)
}

/// A fingerprint of a file's bytes, to notice when someone else changed it.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// What is on disk at `path` now, as a hash (`None` when there is no file).
pub fn disk_hash(path: &Path) -> Option<u64> {
    fs::read(path).ok().map(|b| content_hash(&b))
}

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

/// Removes temporary files that a save killed midway left in `dir`
/// (`.NAME.runcost-tmp.PID` whose process is gone). Returns what it removed.
pub fn clean_stray_temps(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return removed;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some((_, pid)) = name.rsplit_once(".runcost-tmp.") else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) && fs::remove_file(e.path()).is_ok() {
            removed.push(e.path());
        }
    }
    removed
}
