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

/// Why a streamed export was not read: the file (`Io`), or a row (line, why).
#[derive(Debug)]
pub enum ExportError {
    Io(io::Error),
    Row(u64, String),
}

/// The newlines a reader has passed on, so a record's byte offset can be
/// turned into its line without holding the file (the csv crate's own line
/// count is off after CRLF and blank lines).
#[derive(Default)]
struct Newlines {
    /// Bytes handed on so far.
    read: u64,
    /// Offsets of the newlines handed on and not yet counted.
    pending: std::collections::VecDeque<u64>,
    /// Newlines before the last offset asked about.
    counted: u64,
}

struct Counting<R> {
    inner: R,
    seen: std::rc::Rc<std::cell::RefCell<Newlines>>,
}

impl<R: io::Read> io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.seen.borrow_mut();
        let at = s.read;
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                s.pending.push_back(at + i as u64);
            }
        }
        s.read += n as u64;
        Ok(n)
    }
}

/// A parser of a CSV export's records (`codec::actuals_exports`).
pub type ExportParser = fn(
    &csv::StringRecord,
    crate::codec::actuals_exports::Records,
    &mut dyn FnMut(u64) -> u64,
) -> Result<crate::codec::actuals_import::Read, (u64, String)>;

/// Streams the CSV export at `path` through `parse`: memory stays bounded
/// by the parser's own sums, not by the file.
pub fn read_export(
    path: &Path,
    parse: ExportParser,
) -> Result<crate::codec::actuals_import::Read, ExportError> {
    let (file, _) = super::read::open_regular(path).map_err(ExportError::Io)?;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Newlines::default()));
    let reader = Counting {
        inner: io::BufReader::new(file),
        seen: seen.clone(),
    };
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = r
        .headers()
        .map_err(|e| ExportError::Row(1, format!("the header cannot be read: {e}")))?
        .clone();
    let mut line_of = |byte: u64| {
        let mut s = seen.borrow_mut();
        // `<=`: after a CRLF the offset may point at its `\n`.
        while s.pending.front().is_some_and(|nl| *nl <= byte) {
            s.pending.pop_front();
            s.counted += 1;
        }
        s.counted + 1
    };
    parse(&headers, &mut r.records(), &mut line_of)
        .map_err(|(line, why)| ExportError::Row(line, why))
}
