//! Importing the community price list (LiteLLM's
//! `model_prices_and_context_window.json`) into the user's catalog.
//!
//! Prices there are per token; the catalog keeps them per 1M tokens. The import
//! takes chat and embedding models with a flat per-token price and skips, with
//! a reason, everything it cannot use — the `sample_spec` entry, non-text
//! modes, entries priced only by tiers, implausible prices. A missing price is
//! never turned into $0. Reading one entry is in `entry.rs`.

mod entry;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::catalog_rules;
use crate::model::pricing::{CatalogEmbedding, CatalogModel};
use crate::model::{Catalog, Pricing};
use entry::{Entry, convert};

/// What an import did or would do.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Id and a short "what changed" for each updated entry.
    pub updated: Vec<(String, String)>,
    pub unchanged: usize,
    /// Skipped entries by reason.
    pub skipped: BTreeMap<String, usize>,
}

impl ImportReport {
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// One paragraph for the terminal.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} added, {} updated, {} unchanged; {} skipped",
            self.added.len(),
            self.updated.len(),
            self.unchanged,
            self.skipped_total()
        );
        if !self.skipped.is_empty() {
            let mut reasons: Vec<(&String, &usize)> = self.skipped.iter().collect();
            reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        s
    }
}

fn describe_change(old: &Pricing, new: &Pricing) -> String {
    match (old, new) {
        (Pricing::Api(a), Pricing::Api(b)) => {
            let mut parts = Vec::new();
            if a.input_per_mtok != b.input_per_mtok {
                parts.push(format!(
                    "input ${} → ${}",
                    a.input_per_mtok, b.input_per_mtok
                ));
            }
            if a.output_per_mtok != b.output_per_mtok {
                parts.push(format!(
                    "output ${} → ${}",
                    a.output_per_mtok, b.output_per_mtok
                ));
            }
            if a.cached_input_per_mtok != b.cached_input_per_mtok {
                parts.push("cached price".into());
            }
            if a.cache_write_per_mtok != b.cache_write_per_mtok {
                parts.push("cache-write price".into());
            }
            if a.batch_discount_pct != b.batch_discount_pct {
                parts.push("batch discount".into());
            }
            if a.long_context != b.long_context {
                parts.push("long-context tier".into());
            }
            if parts.is_empty() {
                "no price change".into()
            } else {
                parts.join(", ")
            }
        }
        _ => "pricing kind".into(),
    }
}

/// Why a file is not a LiteLLM price list (nothing is imported from it).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "not a LiteLLM price list (invalid JSON at line {line}, column {column}: {0})",
        line = .0.line(),
        column = .0.column()
    )]
    Json(serde_json::Error),
    #[error("not a LiteLLM price list: the top level must be an object of models")]
    NotAnObject,
}

/// Imports `json` into the user catalog `user`, resolving ids against the
/// current catalog `current` (built-in plus user). Returns the new user catalog
/// and what changed; nothing is written here.
pub fn import(
    json: &str,
    user: &Catalog,
    current: &Catalog,
    only: Option<&str>,
    as_of: &str,
) -> Result<(Catalog, ImportReport), ImportError> {
    let root: Value = serde_json::from_str(json).map_err(ImportError::Json)?;
    let entries = root.as_object().ok_or(ImportError::NotAnObject)?;
    let mut out = user.clone();
    out.as_of = as_of.to_string();
    // Positions by id in the new user catalog: each entry is placed in O(1).
    let (mut model_at, mut embedding_at) = out.id_positions();
    let mut report = ImportReport::default();
    let wanted = |p: &str| only.is_none_or(|o| p.to_lowercase().contains(&o.to_lowercase()));
    for (key, value) in entries {
        let entry = match convert(key, value) {
            Ok(e) => e,
            Err(reason) => {
                *report.skipped.entry(reason.to_string()).or_default() += 1;
                continue;
            }
        };
        // The same rules as every catalog entry: nothing a plan would refuse.
        let problems = match &entry {
            Entry::Model(m) => catalog_rules::check_model(m),
            Entry::Embedding(e) => catalog_rules::check_embedding(e),
        };
        if let Some(first) = problems.first() {
            *report
                .skipped
                .entry(catalog_rules::reason(first))
                .or_default() += 1;
            continue;
        }
        let provider = match &entry {
            Entry::Model(m) => &m.provider,
            Entry::Embedding(e) => &e.provider,
        };
        if !wanted(provider) {
            *report
                .skipped
                .entry("other provider (--only)".into())
                .or_default() += 1;
            continue;
        }
        match entry {
            Entry::Model(mut m) => {
                let change = merge_model(&mut m, current);
                if report.note(&m.id, change) {
                    out.upsert_model(&mut model_at, *m);
                }
            }
            Entry::Embedding(mut e) => {
                let change = merge_embedding(&mut e, current);
                if report.note(&e.id, change) {
                    out.upsert_embedding(&mut embedding_at, e);
                }
            }
        }
    }
    Ok((out, report))
}

/// The names of a catalog model or embedding, which an import may change.
trait Names {
    /// Its id, aliases and provider.
    fn names(&self) -> (&str, &[String], &str);
    fn names_mut(&mut self) -> (&mut String, &mut Vec<String>);
}

impl Names for CatalogModel {
    fn names(&self) -> (&str, &[String], &str) {
        (&self.id, &self.aliases, &self.provider)
    }

    fn names_mut(&mut self) -> (&mut String, &mut Vec<String>) {
        (&mut self.id, &mut self.aliases)
    }
}

impl Names for CatalogEmbedding {
    fn names(&self) -> (&str, &[String], &str) {
        (&self.id, &self.aliases, &self.provider)
    }

    fn names_mut(&mut self) -> (&mut String, &mut Vec<String>) {
        (&mut self.id, &mut self.aliases)
    }
}

/// The entry of the current catalog (looked up with `find`) that the
/// imported entry `e` updates, whose id and aliases `e` takes. The same name
/// from another provider (Vertex's `gemini-2.5-pro` beside Google's) is a
/// different entry, not an update: it is looked up, and named, with its
/// provider before the name.
fn counterpart<'c, E: Names>(e: &mut E, find: impl Fn(&str) -> Option<&'c E>) -> Option<&'c E> {
    let (id, _, provider) = e.names();
    let mut existing = find(id);
    if existing.is_some_and(|x| x.names().2 != provider) {
        let prefixed = format!("{provider}/{id}");
        existing = find(&prefixed);
        *e.names_mut().0 = prefixed;
    }
    if let Some(x) = existing {
        let (id, aliases, _) = x.names();
        let (own_id, own_aliases) = e.names_mut();
        *own_id = id.to_string();
        *own_aliases = aliases.to_vec();
    }
    existing
}

/// What an imported entry does to the user catalog.
enum Change {
    /// Nothing: the entry it would replace has the same prices.
    None,
    /// It replaces an entry; what changed.
    Update(String),
    /// It is new.
    Add,
}

impl ImportReport {
    /// Counts what importing the entry `id` does; whether it is written.
    fn note(&mut self, id: &str, change: Change) -> bool {
        match change {
            Change::None => {
                self.unchanged += 1;
                false
            }
            Change::Update(what) => {
                self.updated.push((id.to_string(), what));
                true
            }
            Change::Add => {
                self.added.push(id.to_string());
                true
            }
        }
    }
}

/// Makes the imported model `m` the entry of `current` it updates, if any,
/// keeping that entry's id, aliases, context window and error rate; what `m`
/// changes.
fn merge_model(m: &mut CatalogModel, current: &Catalog) -> Change {
    let Some(e) = counterpart(m, |id| current.model(id)) else {
        return Change::Add;
    };
    if m.context_window.is_none() {
        m.context_window = e.context_window;
    }
    // LiteLLM has no wrong-answer rates: the user's measured one stays.
    m.error_rate = e.error_rate.clone();
    if e.pricing == m.pricing && e.deprecation == m.deprecation {
        return Change::None;
    }
    let mut what = describe_change(&e.pricing, &m.pricing);
    if e.deprecation != m.deprecation {
        let d = m.deprecation.as_deref().unwrap_or("none");
        what = if e.pricing == m.pricing {
            format!("deprecation {d}")
        } else {
            format!("{what}, deprecation {d}")
        };
    }
    Change::Update(what)
}

/// [`merge_model`] for an embedding: its id and aliases are kept.
fn merge_embedding(e: &mut CatalogEmbedding, current: &Catalog) -> Change {
    let Some(x) = counterpart(e, |id| current.embedding(id)) else {
        return Change::Add;
    };
    if x.per_mtok == e.per_mtok {
        Change::None
    } else {
        Change::Update(format!("${} → ${} per 1M", x.per_mtok, e.per_mtok))
    }
}

/// The catalog as RON for the user's catalog file.
pub fn write_catalog(c: &Catalog) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .depth_limit(2);
    let body = ron::ser::to_string_pretty(c, config).unwrap_or_default();
    format!(
        "// runcost user catalog: overrides and extends the built-in prices by id.\n\
         // Written by `runcost catalog import`; safe to edit by hand.\n\
         Catalog{body}\n"
    )
}
