//! Names of recovery copies and locks: the owner, the canonical path, the
//! stable hash, and this session's id.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use crate::store::paths;

/// Whose unsaved changes a recovery copy (or lock) is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The plan file at this path (as the user spelled it; canonicalized here).
    Plan(PathBuf),
    /// A never-saved plan: its number within this runcost session.
    Untitled(u64),
}

impl Owner {
    /// The owner of an open plan: its file, or its number when it has none.
    pub fn of(path: Option<&Path>, untitled: u64) -> Owner {
        match path {
            Some(p) => Owner::Plan(p.to_path_buf()),
            None => Owner::Untitled(untitled),
        }
    }
}

/// The one spelling of a plan's path: symlinks and `..` resolved. A file that
/// does not exist yet is its canonical folder plus its name.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(path) {
        return c;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// FNV-1a, 64 bits: stable across runs, platforms and versions (unlike std's
/// randomly keyed hasher), which is what a file name needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The readable part of a name: the file stem's ASCII letters, digits, `.`
/// and `-`, at most 40 characters.
fn readable_stem(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut out = String::new();
    for c in stem.chars() {
        if out.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches(['_', '.', '-']).to_string();
    if out.is_empty() { "plan".into() } else { out }
}

/// This runcost process: pid and start time, fixed at first use.
pub fn session_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let start = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        format!("{}-{start}", std::process::id())
    })
}

/// Plans (canonical paths) this process opened while another runcost held
/// their lock. Their copies carry this session's name too, for as long as
/// this process runs: the lock holder's copy is never replaced by ours, and
/// ours outlives a takeover of the lock (the holder may have died leaving
/// its copy, which must not be overwritten either).
pub(super) fn shared() -> &'static Mutex<std::collections::HashSet<PathBuf>> {
    static SHARED: OnceLock<Mutex<std::collections::HashSet<PathBuf>>> = OnceLock::new();
    SHARED.get_or_init(|| Mutex::new(std::collections::HashSet::new()))
}

fn is_shared(canonical: &Path) -> bool {
    shared()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(canonical)
}

/// The name of a plan's copy without a session: `stem-hash`.
pub(super) fn plan_stem(canonical: &Path) -> String {
    let hash = fnv1a(canonical.as_os_str().as_encoded_bytes());
    format!("{}-{hash:016x}", readable_stem(canonical))
}

/// Separates a plan's name from the session that wrote a copy of it.
pub(super) const SESSION_MARK: char = '~';

/// The file-name stem shared by an owner's copy and lock, and the identity
/// recorded inside the copy. A plan another runcost had open when this one
/// opened it gets this session's own copy (`stem-hash~session`).
pub(super) fn names(owner: &Owner) -> (String, String) {
    match owner {
        Owner::Plan(p) => {
            let c = canonical(p);
            let mut stem = plan_stem(&c);
            if is_shared(&c) {
                stem = format!("{stem}{SESSION_MARK}{}", session_id());
            }
            (stem, c.to_string_lossy().into_owned())
        }
        Owner::Untitled(n) => {
            let id = format!("untitled-{}-{n}", session_id());
            (id.clone(), id)
        }
    }
}

/// Where the recovery copy of `owner` lives under `data`.
pub fn recovery_path_in(data: &Path, owner: &Owner) -> PathBuf {
    data.join("recovery")
        .join(format!("{}.ron", names(owner).0))
}

/// Where the recovery copy of `owner` lives.
pub fn recovery_path(owner: &Owner) -> Option<PathBuf> {
    Some(recovery_path_in(&paths::data_dir()?, owner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names_use_the_published_fnv1a_values_so_they_never_change() {
        // Test vectors of FNV-1a 64: a release that changed them would no
        // longer find the copies the previous one wrote.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn readable_stems_are_short_and_safe() {
        assert_eq!(readable_stem(Path::new("/x/a-план.ron")), "a");
        assert_eq!(readable_stem(Path::new("/x/a b.ron")), "a_b");
        assert_eq!(readable_stem(Path::new(&"y".repeat(300))).len(), 40);
        assert_eq!(readable_stem(Path::new("/x/計画.ron")), "plan");
        assert_eq!(readable_stem(Path::new("/x/.ron")), "ron");
    }
}
