//! The bodies of the subcommands, one file per group; `cli` parses the
//! command line and calls them. What they share is here: writing to stdout
//! and stderr (escaped for a terminal), and loading the catalog and plans.

pub mod actuals;
pub mod analysis;
pub mod catalog;
mod failure;
pub mod interview;
pub mod plans;
pub mod report;

pub use failure::Failure;

use std::io::{Read, Write};
use std::path::Path;

use crate::model::{Catalog, Scenario};
use crate::report::escape;
use crate::store::catalog as catalog_store;
use crate::store::plans::open_plan_on;

/// Writes text for people to stdout, every control character shown as an
/// escape (a plan name cannot drive the terminal); a closed pipe
/// (`runcost report … | head`) is not an error.
fn emit(text: &str) -> Result<(), Failure> {
    write_out(&escape::terminal(text))
}

/// Writes a file format (Markdown, CSV, JSON, HTML) to stdout: its renderer
/// has escaped it for that format, and the data is kept as it is unless
/// stdout is a terminal, which gets the same escapes as any text.
fn emit_data(text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        emit(text)
    } else {
        write_out(text)
    }
}

/// How many columns table output may use: `COLUMNS` when set (as a shell
/// passes it, or a script wants), else the terminal's width when stdout is a
/// terminal, else `None`: piped output keeps every column. Read here, not in
/// the renderers, which stay pure and take the width as an argument.
pub fn out_width() -> Option<usize> {
    use std::io::IsTerminal;
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    if from_env.is_some() {
        return from_env;
    }
    if std::io::stdout().is_terminal() {
        return crossterm::terminal::size()
            .ok()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0);
    }
    None
}

/// A rendering that failed is runcost's own fault (exit 1), never an empty
/// document with exit 0.
fn rendered(r: crate::report::Rendered) -> Result<String, Failure> {
    r.map_err(|e| Failure::Internal(e.to_string()))
}

/// A warning or note on stderr, escaped like everything written for people.
fn warn(text: &str) {
    eprintln!("runcost: {}", escape::terminal(text));
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Internal(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// The catalog, with any problem in the user's catalog said on stderr.
pub fn load_catalog() -> Catalog {
    let loaded = catalog_store::load();
    for w in &loaded.warnings {
        warn(&format!("warning: {w}"));
    }
    loaded.catalog
}

/// Reads and validates a plan given on the command line (`-` is stdin).
pub fn load_plan(file: &Path, catalog: &Catalog) -> Result<Scenario, Failure> {
    let shown = file.display().to_string();
    if shown == "-" {
        let limit = crate::store::read::PLAN_LIMIT;
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("<stdin>: cannot be read: {e}")))?;
        if bytes.len() as u64 > limit {
            return Err(Failure::Input(format!(
                "<stdin>: is larger than {}, the limit for a plan file; runcost does not read it",
                crate::store::read::limit_words(limit)
            )));
        }
        return crate::codec::parse_plan_on(&bytes, catalog, Some(crate::clock::today().month))
            .map_err(|e| Failure::Input(e.render("<stdin>")));
    }
    open_plan_on(file, catalog, Some(crate::clock::today().month))
        .map_err(|e| Failure::Input(e.render(&shown)))
}

/// Validation refuses plans whose projection overflows; a horizon set on the
/// command line (`report --months`) can still reach further, so the same rule
/// is applied again, naming the input that overflows.
fn ensure_finite(file: &Path, plan: &Scenario) -> Result<(), Failure> {
    match crate::model::validate::overflow(plan) {
        None => Ok(()),
        Some(inv) => Err(Failure::Input(format!(
            "{}: {} is {}; {}",
            file.display(),
            inv.path,
            inv.value,
            inv.allowed
        ))),
    }
}
