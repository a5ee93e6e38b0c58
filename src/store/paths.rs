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
    // An exclusively created file of unpredictable name, removed on drop:
    // nothing planted in the folder can turn the probe into a write elsewhere.
    tempfile::Builder::new()
        .prefix(".runcost-probe-")
        .tempfile_in(dir)
        .is_ok()
}

static DATA_DIR: std::sync::OnceLock<(Option<PathBuf>, Option<String>)> =
    std::sync::OnceLock::new();

/// The current user's id (0 where there is no such thing).
fn my_uid() -> u32 {
    #[cfg(unix)]
    {
        // SAFETY: getuid has no preconditions and cannot fail.
        unsafe { libc::getuid() }
    }
    #[cfg(not(unix))]
    {
        0
    }
}

fn resolve_data_dir() -> &'static (Option<PathBuf>, Option<String>) {
    DATA_DIR.get_or_init(|| {
        choose_data_dir(
            preferred_data_dir(),
            &std::env::temp_dir().join(format!("runcost-data-{}", my_uid())),
        )
    })
}

/// Why a folder cannot be used as a private data directory.
#[derive(Debug, thiserror::Error)]
enum Distrust {
    #[error("it cannot be examined: {0}")]
    Unexaminable(std::io::Error),
    #[error("it is a symbolic link")]
    Symlink,
    #[error("it is not a folder")]
    NotAFolder,
    #[error("it belongs to another user (uid {0})")]
    OtherOwner(u32),
    #[error("other users can use it (mode {0:o}, not 700)")]
    Shared(u32),
    #[error("it cannot be created: {0}")]
    Uncreatable(std::io::Error),
    #[error("it cannot be written")]
    NotWritable,
}

/// Why `dir`, which exists, cannot be trusted as a private data directory.
fn distrust(dir: &std::path::Path) -> Option<Distrust> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) => return Some(Distrust::Unexaminable(e)),
    };
    if meta.file_type().is_symlink() {
        return Some(Distrust::Symlink);
    }
    if !meta.is_dir() {
        return Some(Distrust::NotAFolder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != my_uid() {
            return Some(Distrust::OtherOwner(meta.uid()));
        }
        if meta.mode() & 0o077 != 0 {
            return Some(Distrust::Shared(meta.mode() & 0o777));
        }
    }
    None
}

/// Makes `dir` a private folder (mode 700) of this user, or checks that the
/// one already there is. `Ok(true)` when it was created now.
fn private_dir(dir: &std::path::Path) -> Result<bool, Distrust> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    let created = match builder.create(dir) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        Err(e) => return Err(Distrust::Uncreatable(e)),
    };
    if let Some(why) = distrust(dir) {
        return Err(why);
    }
    if !writable(dir) {
        return Err(Distrust::NotWritable);
    }
    Ok(created)
}

/// The preferred data directory if it can be written, else `fallback` (a
/// private folder of this user, created with mode 700, or one already there
/// that is ours and private) with a note saying so. A `fallback` that
/// someone else could have planted is refused, and a new folder with a
/// unique name (`runcost-data-XXXX`, mode 700) is used instead.
pub fn choose_data_dir(
    preferred: Option<PathBuf>,
    fallback: &std::path::Path,
) -> (Option<PathBuf>, Option<String>) {
    let dir = match preferred.clone() {
        Some(dir) if writable(&dir) => return (preferred, None),
        Some(dir) => dir,
        None => {
            return (
                None,
                Some("no data directory on this system; recovery copies cannot be kept".into()),
            );
        }
    };
    let not_writable = format!("{} is not writable", dir.display());
    match private_dir(fallback) {
        Ok(created) => {
            let how = if created {
                "a private folder created now"
            } else {
                "your private folder"
            };
            let note = format!(
                "{not_writable}; plans and recovery copies go to {} ({how}) for now",
                fallback.display()
            );
            (Some(fallback.to_path_buf()), Some(note))
        }
        Err(why) => {
            let refused = format!("{} was refused ({why})", fallback.display());
            let parent = fallback.parent().unwrap_or(std::path::Path::new("."));
            let mut builder = tempfile::Builder::new();
            builder.prefix("runcost-data-").rand_bytes(10);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(std::fs::Permissions::from_mode(0o700));
            }
            let unique = builder.tempdir_in(parent).map(|d| d.keep());
            match unique {
                Ok(u) if distrust(&u).is_none() => {
                    let note = format!(
                        "{not_writable}; {refused}; plans and recovery copies go to {}, a new private folder, for now (the next start will not find them there)",
                        u.display()
                    );
                    (Some(u), Some(note))
                }
                _ => (
                    preferred,
                    Some(format!(
                        "{not_writable}; {refused}; recovery copies cannot be kept"
                    )),
                ),
            }
        }
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
