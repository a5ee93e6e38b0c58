//! `runcost catalog` (list the prices) and `runcost catalog import`.

use std::path::Path;

use super::{Failure, emit, emit_data, out_width, rendered, warn};
use crate::store::catalog as catalog_store;
use crate::store::{atomic, paths};

/// What `runcost catalog --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CatalogFormat {
    Table,
    Json,
}

/// `runcost catalog [--provider] [--format]`.
pub fn list(provider: Option<&str>, format: CatalogFormat) -> Result<(), Failure> {
    let loaded = catalog_store::load();
    for w in &loaded.warnings {
        warn(&format!("warning: {w}"));
    }
    match format {
        CatalogFormat::Table => {
            let user = paths::user_catalog_path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "(no config directory)".into());
            emit(&crate::report::catalog::table(
                &loaded,
                provider,
                &user,
                &crate::clock::today().date,
                out_width(),
            ))
        }
        CatalogFormat::Json => {
            emit_data(&rendered(crate::report::catalog::json(&loaded, provider))?)
        }
    }
}

/// `runcost catalog import FILE [--dry-run] [--only]`.
pub fn import(file: &Path, dry_run: bool, only: Option<&str>) -> Result<(), Failure> {
    let shown = file.display().to_string();
    let json = crate::store::read::read_limited_text(
        file,
        crate::store::read::CATALOG_LIMIT,
        "a price list to import",
    )
    .map_err(|e| {
        if crate::store::read::is_refusal(&e) {
            Failure::Input(format!("{shown}: {e}"))
        } else {
            Failure::Input(format!("{shown}: cannot be read: {e}"))
        }
    })?;
    let loaded = catalog_store::load();
    if let Some(w) = loaded.warnings.first() {
        return Err(Failure::Input(format!(
            "{w}; fix or move it before importing, so the import does not replace it"
        )));
    }
    let (updated, report) = crate::codec::litellm::import(
        &json,
        &loaded.user,
        &loaded.catalog,
        only,
        &crate::clock::today().date,
    )
    .map_err(|e| Failure::Input(format!("{shown}: {e}")))?;
    let target = paths::user_catalog_path()
        .ok_or_else(|| Failure::Internal("no configuration directory on this system".into()))?;
    let mut out = String::new();
    if dry_run {
        out.push_str(&format!(
            "Dry run: nothing written. Importing {shown} would give: {}\n",
            report.summary()
        ));
        for id in report.added.iter().take(30) {
            out.push_str(&format!("  + {id}\n"));
        }
        if report.added.len() > 30 {
            out.push_str(&format!("  … and {} more added\n", report.added.len() - 30));
        }
        for (id, what) in report.updated.iter().take(30) {
            out.push_str(&format!("  ~ {id}: {what}\n"));
        }
        if report.updated.len() > 30 {
            out.push_str(&format!(
                "  … and {} more updated\n",
                report.updated.len() - 30
            ));
        }
        return emit(&out);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Input(format!("cannot create {}: {e}", dir.display())))?;
    }
    let text = crate::codec::litellm::write_catalog(&updated);
    // Check the file reads back before it replaces the user's catalog.
    crate::codec::catalog::parse_catalog(&text)
        .map_err(|e| Failure::Internal(format!("the imported catalog does not read back: {e}")))?;
    atomic::save_atomic(&target, text.as_bytes()).map_err(|e| Failure::Input(e.to_string()))?;
    emit(&format!(
        "Imported {shown} into {}: {}\nSaved plans keep their price snapshots; the workbench offers to refresh them.\n",
        target.display(),
        report.summary()
    ))
}
