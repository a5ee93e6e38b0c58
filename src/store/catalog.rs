//! The built-in catalog (compiled in from `assets/catalog.ron`) and the user's
//! catalog file that overrides it by id.

use std::path::Path;

use ron::extensions::Extensions;

use super::paths;
use crate::model::Catalog;
use crate::model::catalog_rules::Rejected;

const BUILTIN: &str = include_str!("../../assets/catalog.ron");

/// Parses catalog text.
pub fn parse_catalog(text: &str) -> Result<Catalog, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str::<Catalog>(text)
        .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
}

/// The catalog built into the binary.
pub fn builtin() -> Catalog {
    // The asset is checked by a test; an unreadable one would be a build defect,
    // and an empty catalog is the safe fallback rather than a panic. Its entries
    // pass the same rules as the user's (a test checks none is left out).
    parse_catalog(BUILTIN).unwrap_or_default().validated().0
}

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

fn read_user(path: &Path) -> Result<Option<Catalog>, String> {
    match super::read::read_limited_text(path, super::read::CATALOG_LIMIT, "a catalog file") {
        Ok(text) => parse_catalog(&text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}
