//! Atomic file replacement: a temporary file in the same directory, flushed to
//! disk, renamed over the target, directory flushed. The previous version is
//! kept as `FILE.bak`. A failure at any step leaves the old file as it was.
//!
//! Every file runcost writes goes through here (plans, reports, recovery
//! copies, the user catalog, the last-plan file), so the rules hold for all:
//! - the temporary file has an unpredictable name (`.runcost-tmp.PID.RANDOM`)
//!   and is created exclusively, so nothing planted in the folder can
//!   redirect the write; `.bak` is written the same way and renamed into
//!   place, so a link planted at the `.bak` name is replaced, never followed;
//! - a plan reached through a symbolic link is saved where the link leads
//!   (the link stays), atomically in the target's folder;
//! - a replaced file keeps its permissions and, where permitted, its owner
//!   and group; a new file gets the mode the umask gives.
//!
//! Removing the temporary files a killed save left behind is in `temps.rs`.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use super::temps::{clean_stray_temps, process_alive};
use tempfile::NamedTempFile;

/// Why a save failed, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save to {path}: it is a directory; choose a file name such as {path}/plan.ron")]
    IsDirectory { path: String },
    #[error(
        "cannot save to {path}: a name ending in `/` names a folder, not a file; give a file name such as {suggest}"
    )]
    NamesFolder { path: String, suggest: String },
    #[error(
        "cannot save {path}: the folder {folder} does not exist; create it first (mkdir -p {folder}) or choose another folder"
    )]
    NoFolder { path: String, folder: String },
    #[error("cannot save {path}: {folder} is a file, not a folder; choose a path inside a folder")]
    NotAFolder { path: String, folder: String },
    #[error("cannot save to {path}: it is {kind}, not a regular file; choose a file name")]
    NotRegular { path: String, kind: &'static str },
    #[error(
        "cannot save {path}: the file is read-only; save under another name or make it writable"
    )]
    ReadOnly { path: String },
    #[error("cannot save {path}: a file of that name exists already; choose another name")]
    Exists { path: String },
    /// `previous`: a file was there before (it is left as it was); without
    /// one, nothing was written at all (the temporary file is removed).
    #[error("cannot save {path}: {action} failed: {source}; {}", left_behind(*.previous))]
    Io {
        path: String,
        action: &'static str,
        #[source]
        source: io::Error,
        previous: bool,
    },
}

/// What a failed write leaves: the previous file only where there was one.
fn left_behind(previous: bool) -> &'static str {
    if previous {
        "the previous file is unchanged"
    } else {
        "nothing was written"
    }
}

/// The backup kept beside `path` (`plan.ron` → `plan.ron.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Every temporary file runcost creates starts with this, then the process
/// id and random characters: `.runcost-tmp.PID.RANDOM`.
pub const TEMP_PREFIX: &str = ".runcost-tmp.";

/// Where the symbolic link(s) at `path` lead, or `path` itself. A link whose
/// target does not exist yet resolves to that target, so saving creates it.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p)?;
                p = if link.is_absolute() {
                    link
                } else {
                    p.parent().unwrap_or(Path::new("")).join(link)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The folder a file lives in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// For a path that names a folder rather than a file (`dir/`, `.`, `..`),
/// a file name in that folder to suggest instead (`dir/plan.ron`).
pub fn folder_suggestion(path: &Path) -> Option<String> {
    let text = path.display().to_string();
    let trailing = path
        .as_os_str()
        .as_encoded_bytes()
        .last()
        .is_some_and(|b| std::path::is_separator(char::from(*b)));
    if trailing || path.file_name().is_none() {
        let base = text.trim_end_matches(std::path::is_separator);
        let base = if base.is_empty() { "." } else { base };
        return Some(format!("{base}/plan.ron"));
    }
    None
}

/// Refuses a path that cannot name a file: `dir/`, `.`, `..`.
fn check_names_a_file(path: &Path) -> Result<(), SaveError> {
    match folder_suggestion(path) {
        Some(suggest) => Err(SaveError::NamesFolder {
            suggest,
            path: path.display().to_string(),
        }),
        None => Ok(()),
    }
}

/// Checks the folder a file would be written in exists and is a folder.
fn check_folder(shown: &str, dir: &Path, previous: bool) -> Result<(), SaveError> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(SaveError::NotAFolder {
            path: shown.to_string(),
            folder: dir.display().to_string(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(SaveError::NoFolder {
            path: shown.to_string(),
            folder: dir.display().to_string(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Err(SaveError::NoFolder {
            path: shown.to_string(),
            folder: dir.display().to_string(),
        }),
        Err(source) => Err(SaveError::Io {
            path: shown.to_string(),
            action: "looking at the folder",
            source,
            previous,
        }),
    }
}

/// A new temporary file in `dir`, created exclusively under an unpredictable
/// name. Its mode is that of `like` (the file it will replace) or, for a new
/// file, what the umask gives; never more open than that while it is written.
fn temp_in(dir: &Path, like: Option<&Metadata>) -> io::Result<NamedTempFile> {
    let prefix = format!("{TEMP_PREFIX}{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = like.map_or(0o666, |m| m.permissions().mode() & 0o777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = like;
    builder.tempfile_in(dir)
}

/// Gives `file` the owner, group and mode of `like` (owner and group only
/// where permitted: as root, or a group the user belongs to).
fn keep_attributes(file: &File, like: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
        if fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
            let _ = fchown(file, None, Some(like.gid()));
        }
        // After chown, which may clear set-id bits.
        file.set_permissions(fs::Permissions::from_mode(like.mode() & 0o7777))?;
    }
    #[cfg(not(unix))]
    file.set_permissions(like.permissions())?;
    Ok(())
}

/// How [`write_file`] treats an existing file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// Replace it, keeping the old version as `.bak`.
    ReplaceKeepingBackup,
    /// Replace it, without a backup.
    Replace,
    /// Refuse if anything exists at the path (even a dangling link).
    CreateNew,
}

/// Replaces `path` with `bytes` atomically, keeping the old contents as `.bak`.
/// A symbolic link is followed: the file it leads to is replaced.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, How::ReplaceKeepingBackup).map(|_| ())
}

/// Like [`save_atomic`], without keeping a `.bak` (recovery copies, reports,
/// small state files).
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, How::Replace).map(|_| ())
}

/// Writes a new file, refusing to overwrite one that exists (checked by the
/// final rename itself, so a file appearing meanwhile is not replaced).
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, How::CreateNew).map(|_| ())
}

/// `BASE.EXT` for the first of a set of files, `BASE-N.EXT` for the N-th.
/// The extension is appended to the whole name, so `proposal.2027-report`
/// gives `proposal.2027-report.md`, never `proposal.md`.
pub fn numbered(base: &Path, n: u32, ext: &str) -> PathBuf {
    let mut name = base.file_name().unwrap_or_default().to_os_string();
    if n > 1 {
        name.push(format!("-{n}"));
    }
    name.push(".");
    name.push(ext);
    base.with_file_name(name)
}

/// Writes a set of new files named `BASE.EXT` (one per `(ext, bytes)`),
/// never replacing any existing file: when a name is taken, the whole set
/// is written as `BASE-2.EXT`, `BASE-3.EXT`, …  Returns the paths written.
pub fn create_numbered(base: &Path, files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>, SaveError> {
    let taken = |p: &PathBuf| fs::symlink_metadata(p).is_ok();
    for n in 1..=999 {
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|(ext, _)| numbered(base, n, ext))
            .collect();
        if paths.iter().any(taken) {
            continue;
        }
        let mut written = Vec::new();
        let mut clash = false;
        for (p, (_, bytes)) in paths.iter().zip(files) {
            match create_new(p, bytes) {
                Ok(()) => written.push(p.clone()),
                Err(e) => {
                    // Created meanwhile by someone else: undo ours, try the next number.
                    for w in &written {
                        let _ = fs::remove_file(w);
                    }
                    if matches!(e, SaveError::Exists { .. }) {
                        clash = true;
                        break;
                    }
                    return Err(e);
                }
            }
        }
        if !clash {
            return Ok(written);
        }
    }
    Err(SaveError::Exists {
        path: numbered(base, 999, files.first().map_or("", |f| f.0))
            .display()
            .to_string(),
    })
}

/// Writes `bytes` to `path` atomically; returns the file actually written
/// (the target of a symbolic link).
fn write_file(path: &Path, bytes: &[u8], how: How) -> Result<PathBuf, SaveError> {
    let shown = path.display().to_string();
    // Whether a file was there before, once known (until then, nothing of
    // ours was written and nothing is claimed about a previous file).
    let io_err = |action: &'static str, previous: bool| {
        let shown = shown.clone();
        move |source| SaveError::Io {
            path: shown,
            action,
            source,
            previous,
        }
    };
    check_names_a_file(path)?;
    let target = if how == How::CreateNew {
        if fs::symlink_metadata(path).is_ok() {
            return Err(if path.is_dir() {
                SaveError::IsDirectory { path: shown }
            } else {
                SaveError::Exists { path: shown }
            });
        }
        path.to_path_buf()
    } else {
        resolve_target(path).map_err(io_err("following the symbolic link", false))?
    };
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => None,
        Err(e) => return Err(io_err("looking at the file", false)(e)),
    };
    if let Some(m) = &existing {
        if m.is_dir() {
            return Err(SaveError::IsDirectory { path: shown });
        }
        if !m.is_file() {
            return Err(SaveError::NotRegular {
                path: shown,
                kind: super::read::kind_of(m),
            });
        }
        // Renaming over a file works even when the file itself is read-only; a
        // read-only plan was made so on purpose, so respect it.
        if m.permissions().readonly() {
            return Err(SaveError::ReadOnly { path: shown });
        }
    }
    let previous = existing.is_some();
    let dir = folder_of(&target);
    check_folder(&shown, &dir, previous)?;
    // The backup first, so at most one temporary file exists at a time.
    if how == How::ReplaceKeepingBackup
        && let Some(m) = &existing
    {
        write_backup(&target, &dir, m)
            .map_err(io_err("keeping the previous version as .bak", previous))?;
    }
    let mut tmp = temp_in(&dir, existing.as_ref())
        .map_err(io_err("creating the temporary file", previous))?;
    tmp.write_all(bytes).map_err(io_err("writing", previous))?;
    if let Some(m) = &existing {
        keep_attributes(tmp.as_file(), m)
            .map_err(io_err("keeping the file's permissions", previous))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(io_err("flushing to disk", previous))?;
    // The temporary file is removed if the rename fails (dropped with the error).
    if how == How::CreateNew {
        tmp.persist_noclobber(&target).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                SaveError::Exists {
                    path: shown.clone(),
                }
            } else {
                io_err("creating the file", previous)(e.error)
            }
        })?;
    } else {
        tmp.persist(&target)
            .map_err(|e| io_err("replacing the file", previous)(e.error))?;
    }
    // Flush the directory entry so the rename itself survives a power cut.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(target)
}

/// Copies `target` to `target.bak` through a new temporary file renamed into
/// place: a link planted at the `.bak` name is replaced, never written through.
fn write_backup(target: &Path, dir: &Path, like: &Metadata) -> io::Result<()> {
    let (mut old, _) = super::read::open_regular(target)?;
    let mut tmp = temp_in(dir, Some(like))?;
    io::copy(&mut old, tmp.as_file_mut())?;
    keep_attributes(tmp.as_file(), like)?;
    tmp.as_file().sync_all()?;
    tmp.persist(backup_path(target)).map_err(|e| e.error)?;
    Ok(())
}

/// A fingerprint of a file's bytes, to notice when someone else changed it.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// What is on disk at `path` now, as a hash (`None` when there is no
/// readable plan-sized regular file).
pub fn disk_hash(path: &Path) -> Option<u64> {
    super::read::read_limited(path, super::read::PLAN_LIMIT, "a plan file")
        .ok()
        .map(|b| content_hash(&b))
}
