//! Recovery copies of unsaved plans, and locks that tell two runcost windows
//! on one plan apart. Both live in the data directory, never next to the
//! user's files.
//!
//! A copy of a plan file is named by a stable hash of the plan's canonical
//! path (plus a readable stem), so no two plans share one, whatever their
//! names or lengths; a never-saved plan's copy is named by this session (pid,
//! start time) and the plan's number in it. Each copy records in its first
//! line whom it belongs to, and a copy that names another plan is never
//! offered. Copies hold the plan as it is in the workbench, valid or not.
//!
//! Locks are OS locks (`flock` on Unix) on a file named like the copies, held
//! for as long as the plan is open: taking one cannot race, and a lock whose
//! holder died is free again. The holder's pid is written inside, to name it.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use super::atomic::replace_atomic;
use super::paths;
use super::plan_file::{parse_plan_unvalidated, write_plan};
use crate::model::{Catalog, Scenario};

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
fn shared() -> &'static Mutex<std::collections::HashSet<PathBuf>> {
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
fn plan_stem(canonical: &Path) -> String {
    let hash = fnv1a(canonical.as_os_str().as_encoded_bytes());
    format!("{}-{hash:016x}", readable_stem(canonical))
}

/// Separates a plan's name from the session that wrote a copy of it.
const SESSION_MARK: char = '~';

/// The file-name stem shared by an owner's copy and lock, and the identity
/// recorded inside the copy. A plan another runcost had open when this one
/// opened it gets this session's own copy (`stem-hash~session`).
fn names(owner: &Owner) -> (String, String) {
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

const HEADER: &str = "// runcost recovery copy of ";

/// Writes the recovery copy of `plan` (atomically), as it is: a plan that
/// cannot be saved yet is kept too. The first line records whom it belongs to.
pub fn write_recovery(owner: &Owner, plan: &Scenario) -> Result<PathBuf, String> {
    let data = paths::data_dir().ok_or("there is no data directory on this system")?;
    write_recovery_in(&data, owner, plan)
}

pub fn write_recovery_in(data: &Path, owner: &Owner, plan: &Scenario) -> Result<PathBuf, String> {
    let path = recovery_path_in(data, owner);
    let dir = path.parent().ok_or("no recovery directory")?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let (stem, _) = names(owner);
    if matches!(owner, Owner::Untitled(_)) || stem.contains(SESSION_MARK) {
        // Other windows tell this session's copies from orphans by this lock.
        hold_session_lock_in(data);
    }
    // JSON string syntax: a name with a line break cannot end the comment.
    let who = serde_json::to_string(&names(owner).1).unwrap_or_default();
    let text = format!("{HEADER}{who}\n{}", write_plan(plan));
    replace_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
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
    let bytes = super::read::read_limited(file, super::read::PLAN_LIMIT, "a recovery copy").ok()?;
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
    let bytes =
        super::read::read_limited(&file, super::read::PLAN_LIMIT, "a recovery copy").ok()?;
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
pub fn discard_copy(file: &Path) -> Result<(), String> {
    match paths::data_dir() {
        Some(data) => discard_copy_in(&data, file),
        None => Err("there is no data directory on this system".into()),
    }
}

pub fn discard_copy_in(data: &Path, file: &Path) -> Result<(), String> {
    if !file.exists() && file.symlink_metadata().is_err() {
        return Ok(());
    }
    let bytes = match super::read::read_limited(file, super::read::PLAN_LIMIT, "a recovery copy") {
        Ok(b) => b,
        Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
    };
    // A copy of a plan file written by a window that shared it: its writer
    // is that session, whoever holds the plan's lock.
    if let Some(session) = copy_session(file)
        && session != session_id()
        && session_alive_in(data, &session)
    {
        return Err(format!(
            "kept {}: another running runcost is editing that plan",
            file.display()
        ));
    }
    let busy = match recorded_owner(&bytes) {
        Some(_) if copy_session(file).is_some() => false,
        Some(who) => match who.strip_prefix("untitled-") {
            Some(id) => id
                .rsplit_once('-')
                .is_some_and(|(s, _)| s != session_id() && session_alive_in(data, s)),
            None => match lock_holder_in(data, Path::new(&who)) {
                Some(pid) => return Err(held_message(&who, pid)),
                None => false,
            },
        },
        None => false,
    };
    if busy {
        return Err(format!(
            "kept {}: another running runcost is editing that plan",
            file.display()
        ));
    }
    fs::remove_file(file).map_err(|e| format!("cannot delete {}: {e}", file.display()))
}

fn held_message(who: &str, pid: u32) -> String {
    format!("kept the recovery copy: {who} is open in another runcost (pid {pid})")
}

// ----- locks -----

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
fn session_alive_in(data: &Path, session: &str) -> bool {
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
