//! Catalog text (RON) to a `Catalog`, and the built-in catalog compiled in
//! from `assets/catalog.ron`: no files are read here (the user's catalog on
//! disk is `store::catalog`).

use ron::extensions::Extensions;

use crate::model::Catalog;

const BUILTIN: &str = include_str!("../../assets/catalog.ron");

/// Why catalog text does not read: `LINE:COL: what RON says`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{line}:{col}: {code}")]
pub struct CatalogError {
    pub line: usize,
    pub col: usize,
    pub code: String,
}

/// Parses catalog text.
pub fn parse_catalog(text: &str) -> Result<Catalog, CatalogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str::<Catalog>(text)
        .map_err(|e| CatalogError {
            line: e.span.start.line,
            col: e.span.start.col,
            code: e.code.to_string(),
        })
}

/// The catalog built into the binary.
pub fn builtin() -> Catalog {
    // The asset is checked by a test; an unreadable one would be a build defect,
    // and an empty catalog is the safe fallback rather than a panic. Its entries
    // pass the same rules as the user's (a test checks none is left out).
    parse_catalog(BUILTIN).unwrap_or_default().validated().0
}
