//! The actuals file on disk: `PLAN.actuals.csv` beside `PLAN.ron`, read
//! with a size limit and written atomically (a `.bak` of the last version
//! kept), like a plan.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{SaveError, save_atomic};
use super::read::read_limited_text;

/// The largest actuals file read: years of daily rows of many models fit
/// well inside it.
pub const ACTUALS_LIMIT: u64 = 256 * 1024 * 1024;

/// `acme.ron` → `acme.actuals.csv`, in the same folder.
pub fn actuals_path(plan: &Path) -> PathBuf {
    let stem = plan
        .file_stem()
        .map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
    plan.with_file_name(format!("{stem}.actuals.csv"))
}

/// The file's text; `None` when there is none yet.
pub fn read(path: &Path) -> io::Result<Option<String>> {
    match read_limited_text(path, ACTUALS_LIMIT, "an actuals file") {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Replaces the file with `text` atomically.
pub fn write(path: &Path, text: &str) -> Result<(), SaveError> {
    save_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_actuals_sit_beside_the_plan() {
        assert_eq!(
            actuals_path(Path::new("/w/acme.ron")),
            PathBuf::from("/w/acme.actuals.csv")
        );
        assert_eq!(
            actuals_path(Path::new("plans/v2.final.ron")),
            PathBuf::from("plans/v2.final.actuals.csv")
        );
    }
}
