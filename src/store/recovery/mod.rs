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
//!
//! `names.rs` names copies and locks, `copies.rs` writes and finds the copies,
//! `locks.rs` takes and releases the locks.

mod copies;
mod error;
mod locks;
mod names;

pub use copies::{
    Found, discard_copy, discard_copy_in, find_orphans, find_orphans_in, find_recoveries,
    find_recoveries_in, find_recovery, find_recovery_in, remove_recovery, write_recovery,
    write_recovery_in,
};
pub use error::RecoveryError;
pub use locks::{
    Lock, hold_session_lock_in, lock_holder_in, lock_path_in, release_lock, release_lock_in,
    take_lock, take_lock_in,
};
pub use names::{Owner, canonical, recovery_path, recovery_path_in, session_id};
