//! The user's catalog file on disk, overlaid by id on the built-in catalog
//! (whose text `codec::catalog` reads).

use std::path::Path;

use super::paths;
use crate::codec::catalog::{CatalogError, builtin, parse_catalog};
use crate::model::Catalog;
use crate::model::catalog_rules::Rejected;

/// A catalog together with the warnings met while assembling it.
pub struct LoadedCatalog {
    /// Built-in entries overlaid with the user's.
    pub catalog: Catalog,
    /// The user's own catalog file as read (empty when there is none).
    pub user: Catalog,
    pub warnings: Vec<String>,
}

impl LoadedCatalog {
    /// "user" when the entry with this id comes from the user's catalog.
    pub fn origin(&self, id: &str) -> &'static str {
        let user = self.user.model_by_id(id).is_some() || self.user.embedding_by_id(id).is_some();
        if user { "user" } else { "built-in" }
    }
}

/// Built-in catalog overlaid with the user's catalog file, when there is one.
/// A broken user file is reported and ignored: runcost starts with built-ins.
pub fn load() -> LoadedCatalog {
    let mut catalog = builtin();
    let mut warnings = Vec::new();
    let mut user_catalog = Catalog::default();
    if let Some(path) = paths::user_catalog_path() {
        match read_user(&path) {
            Ok(Some(user)) => {
                // Entries that break the plan's rules never reach a plan.
                let (user, rejected) = user.validated();
                if !rejected.is_empty() {
                    warnings.push(rejected_warning(&path, &rejected));
                }
                user_catalog = user.clone();
                catalog.overlay(user);
            }
            Ok(None) => {}
            Err(e) => warnings.push(format!(
                "{}: {e}; using the built-in catalog only",
                path.display()
            )),
        }
    }
    LoadedCatalog {
        catalog,
        user: user_catalog,
        warnings,
    }
}

/// "…/catalog.ron: 2 entries skipped: 1 negative price, 1 empty id (\"x\":
/// pricing.input_per_mtok is -0.75: …); the other entries are used".
pub fn rejected_warning(path: &Path, rejected: &Rejected) -> String {
    let more = rejected.total().saturating_sub(rejected.details.len());
    let mut details = rejected.details.join("; ");
    if more > 0 {
        details.push_str(&format!("; and {more} more"));
    }
    format!(
        "{}: {} ({details}); the other entries are used",
        path.display(),
        rejected.summary()
    )
}

/// Why the user's catalog file was not used: it does not read as a catalog,
/// or cannot be read at all.
#[derive(Debug, thiserror::Error)]
enum UserCatalogError {
    #[error(transparent)]
    Text(#[from] CatalogError),
    #[error(transparent)]
    Read(#[from] std::io::Error),
}

fn read_user(path: &Path) -> Result<Option<Catalog>, UserCatalogError> {
    match super::read::read_limited_text(path, super::read::CATALOG_LIMIT, "a catalog file") {
        Ok(text) => Ok(Some(parse_catalog(&text)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}
