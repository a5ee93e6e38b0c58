//! Why a recovery copy could not be written or discarded: the sentence the
//! workbench shows, one variant per cause.

use std::path::PathBuf;

use crate::store::SaveError;

#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("there is no data directory on this system")]
    NoDataDir,
    #[error("no recovery directory")]
    NoDir,
    #[error("cannot create {}: {source}", .dir.display())]
    CreateDir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] SaveError),
    #[error("cannot read {}: {source}", .file.display())]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },
    /// Another running runcost's session wrote it and is editing that plan.
    #[error("kept {}: another running runcost is editing that plan", .file.display())]
    Busy { file: PathBuf },
    /// The plan it belongs to is open (locked) in another runcost.
    #[error("kept the recovery copy: {who} is open in another runcost (pid {pid})")]
    Held { who: String, pid: u32 },
    #[error("cannot delete {}: {source}", .file.display())]
    Delete {
        file: PathBuf,
        source: std::io::Error,
    },
}
