//! Importing the community price list (LiteLLM's
//! `model_prices_and_context_window.json`) into the user's catalog.
//!
//! Prices there are per token; the catalog keeps them per 1M tokens. The import
//! takes chat and embedding models with a flat per-token price and skips, with
//! a reason, everything it cannot use — the `sample_spec` entry, non-text
//! modes, entries priced only by tiers, implausible prices. A missing price is
//! never turned into $0.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::model::catalog_rules;
use crate::model::pricing::{CatalogEmbedding, CatalogModel};
use crate::model::{ApiPricing, Catalog, LongContext, Pricing};

/// Prices above these (per 1M tokens) are taken for data errors, not prices.
const MAX_CHAT_INPUT: f64 = 1_000.0;
const MAX_CHAT_OUTPUT: f64 = 5_000.0;
const MAX_EMBEDDING: f64 = 10.0;
/// Long-context thresholds above this many tokens are data errors.
const MAX_TIER_TOKENS: u64 = 1 << 53;

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

fn per_m(v: f64) -> f64 {
    // Per-token prices like 2.5e-06 become 2.5, not 2.4999999999999996.
    let rounded = (v * 1e6 * 1e9).round() / 1e9;
    // A price too small to survive the rounding is kept as it is, so the
    // catalog rules refuse it (a probable unit error) instead of it becoming $0.
    if rounded == 0.0 && v != 0.0 {
        v * 1e6
    } else {
        rounded
    }
}

fn num(o: &Map<String, Value>, key: &str) -> Option<f64> {
    o.get(key).and_then(Value::as_f64).filter(|v| v.is_finite())
}

fn text<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    o.get(key).and_then(Value::as_str)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The smallest long-context threshold with an input price (`…_above_272k_tokens`).
/// A threshold too large to count in tokens is refused, never wrapped around.
fn long_context(o: &Map<String, Value>) -> Result<Option<LongContext>, &'static str> {
    let mut best: Option<(u64, f64)> = None;
    for (k, v) in o {
        let Some(rest) = k.strip_prefix("input_cost_per_token_above_") else {
            continue;
        };
        let Some(n) = rest.strip_suffix("k_tokens") else {
            continue; // `…_batches`, `…_flex` and other variants
        };
        let (Ok(n), Some(price)) = (n.parse::<u64>(), v.as_f64()) else {
            continue;
        };
        if best.is_none_or(|(b, _)| n < b) {
            best = Some((n, price));
        }
    }
    let Some((n, input)) = best else {
        return Ok(None);
    };
    let Some(output) = num(o, &format!("output_cost_per_token_above_{n}k_tokens"))
        .or_else(|| num(o, "output_cost_per_token"))
    else {
        return Ok(None);
    };
    let above = n
        .checked_mul(1000)
        .filter(|t| *t <= MAX_TIER_TOKENS)
        .ok_or("long-context threshold out of range")?;
    Ok(Some(LongContext {
        above_tokens: above as f64,
        input_per_mtok: per_m(input),
        cached_input_per_mtok: num(o, &format!("cache_read_input_token_cost_above_{n}k_tokens"))
            .map(per_m),
        output_per_mtok: per_m(output),
    }))
}

enum Entry {
    Model(CatalogModel),
    Embedding(CatalogEmbedding),
}

/// One LiteLLM entry as a catalog entry, or why it is skipped.
fn convert(key: &str, v: &Value) -> Result<Entry, &'static str> {
    if key == "sample_spec" {
        return Err("sample_spec (a description, not a model)");
    }
    let o = v.as_object().ok_or("not an object")?;
    let provider = text(o, "litellm_provider")
        .ok_or("no provider")?
        .to_string();
    let mode = text(o, "mode").unwrap_or("");
    let input = num(o, "input_cost_per_token");
    let tiered = o.contains_key("tiered_pricing");
    let source = text(o, "source")
        .unwrap_or("LiteLLM price list")
        .to_string();
    let deprecation = text(o, "deprecation_date")
        .filter(|d| is_date(d))
        .map(str::to_string);
    let context = o
        .get("max_input_tokens")
        .or_else(|| o.get("max_tokens"))
        .and_then(Value::as_u64);
    match mode {
        "chat" | "responses" | "completion" => {
            let (Some(input), Some(output)) = (input, num(o, "output_cost_per_token")) else {
                return Err(if tiered {
                    "priced by tiers only"
                } else {
                    "no per-token price"
                });
            };
            if input < 0.0 || output < 0.0 {
                return Err("negative price");
            }
            if input == 0.0 && output == 0.0 {
                return Err("price 0 (free or unknown)");
            }
            let (pin, pout) = (per_m(input), per_m(output));
            if pin > MAX_CHAT_INPUT || pout > MAX_CHAT_OUTPUT {
                return Err("implausible price");
            }
            let batch_discount_pct = num(o, "input_cost_per_token_batches")
                .filter(|b| input > 0.0 && *b >= 0.0 && *b <= input)
                .map_or(0.0, |b| ((1.0 - b / input) * 100.0 * 100.0).round() / 100.0);
            let cached = num(o, "cache_read_input_token_cost")
                .or_else(|| num(o, "input_cost_per_token_cache_hit"))
                .filter(|c| *c >= 0.0)
                .map(per_m);
            Ok(Entry::Model(CatalogModel {
                id: key.to_string(),
                provider,
                aliases: Vec::new(),
                pricing: Pricing::Api(ApiPricing {
                    input_per_mtok: pin,
                    cached_input_per_mtok: cached,
                    output_per_mtok: pout,
                    batch_discount_pct,
                    long_context: long_context(o)?,
                }),
                context_window: context,
                deprecation,
                source,
                notes: String::new(),
                schedule: Vec::new(),
            }))
        }
        "embedding" => {
            let input = input.ok_or(if tiered {
                "priced by tiers only"
            } else {
                "no per-token price"
            })?;
            if input <= 0.0 {
                return Err("price 0 (free or unknown)");
            }
            let p = per_m(input);
            if p > MAX_EMBEDDING {
                return Err("implausible price");
            }
            Ok(Entry::Embedding(CatalogEmbedding {
                id: key.to_string(),
                provider,
                aliases: Vec::new(),
                per_mtok: p,
                batch_per_mtok: num(o, "input_cost_per_token_batches").map(per_m),
                max_input_tokens: context,
                dimensions: o.get("output_vector_size").and_then(Value::as_u64),
                source,
            }))
        }
        _ => Err("not a text or embedding model"),
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

/// Imports `json` into the user catalog `user`, resolving ids against the
/// current catalog `current` (built-in plus user). Returns the new user catalog
/// and what changed; nothing is written here.
pub fn import(
    json: &str,
    user: &Catalog,
    current: &Catalog,
    only: Option<&str>,
    as_of: &str,
) -> Result<(Catalog, ImportReport), String> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        format!(
            "not a LiteLLM price list (invalid JSON at line {}, column {}: {e})",
            e.line(),
            e.column()
        )
    })?;
    let entries = root
        .as_object()
        .ok_or("not a LiteLLM price list: the top level must be an object of models")?;
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
        match entry {
            Entry::Model(mut m) => {
                if !wanted(&m.provider) {
                    *report
                        .skipped
                        .entry("other provider (--only)".into())
                        .or_default() += 1;
                    continue;
                }
                let mut existing = current.model(&m.id).cloned();
                // The same name from another provider (Vertex's `gemini-2.5-pro`
                // beside Google's) is a different entry, not an update.
                if existing.as_ref().is_some_and(|e| e.provider != m.provider) {
                    m.id = format!("{}/{}", m.provider, m.id);
                    existing = current.model(&m.id).cloned();
                }
                if let Some(e) = &existing {
                    m.id = e.id.clone();
                    m.aliases = e.aliases.clone();
                    if m.context_window.is_none() {
                        m.context_window = e.context_window;
                    }
                }
                match existing {
                    Some(e) if e.pricing == m.pricing && e.deprecation == m.deprecation => {
                        report.unchanged += 1
                    }
                    Some(e) => {
                        let mut what = describe_change(&e.pricing, &m.pricing);
                        if e.deprecation != m.deprecation {
                            let d = m.deprecation.as_deref().unwrap_or("none");
                            what = if e.pricing == m.pricing {
                                format!("deprecation {d}")
                            } else {
                                format!("{what}, deprecation {d}")
                            };
                        }
                        report.updated.push((m.id.clone(), what));
                        out.upsert_model(&mut model_at, m);
                    }
                    None => {
                        report.added.push(m.id.clone());
                        out.upsert_model(&mut model_at, m);
                    }
                }
            }
            Entry::Embedding(mut e) => {
                if !wanted(&e.provider) {
                    *report
                        .skipped
                        .entry("other provider (--only)".into())
                        .or_default() += 1;
                    continue;
                }
                let mut existing = current.embedding(&e.id).cloned();
                if existing.as_ref().is_some_and(|x| x.provider != e.provider) {
                    e.id = format!("{}/{}", e.provider, e.id);
                    existing = current.embedding(&e.id).cloned();
                }
                if let Some(x) = &existing {
                    e.id = x.id.clone();
                    e.aliases = x.aliases.clone();
                }
                match existing {
                    Some(x) if x.per_mtok == e.per_mtok => report.unchanged += 1,
                    Some(x) => {
                        report.updated.push((
                            e.id.clone(),
                            format!("${} → ${} per 1M", x.per_mtok, e.per_mtok),
                        ));
                        out.upsert_embedding(&mut embedding_at, e);
                    }
                    None => {
                        report.added.push(e.id.clone());
                        out.upsert_embedding(&mut embedding_at, e);
                    }
                }
            }
        }
    }
    Ok((out, report))
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
