//! Which catalog entries may price a plan. Every entry — built-in, the user's
//! hand-edited catalog, an import — is checked by the plan's own rules (the
//! entry is put into a one-model plan and [`validate`] judges its pricing), plus
//! two rules of catalogs: an entry needs an id, and a price above 0 but below
//! [`MIN_PRICE_PER_MTOK`] is refused as a probable unit error (a per-token price
//! typed as per 1M, a value that underflowed) rather than kept as a price that
//! prints as $0. Entries that fail are left out of the catalog and counted by
//! reason, so no bad price can reach a plan through `p` or a catalog id.

use std::collections::BTreeMap;

use super::pricing::{Catalog, CatalogEmbedding, CatalogModel, Pricing};
use super::scenario::{Embedding, ModelEntry, Scenario};
use super::validate::{Invalid, SMALLEST, show, validate};

/// The smallest non-zero price (USD per 1M tokens) a catalog accepts: the
/// smallest size of any plan input.
pub const MIN_PRICE_PER_MTOK: f64 = SMALLEST;

/// Entries left out of a catalog, by reason, and the first few in words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rejected {
    /// Reason → number of entries.
    pub by_reason: BTreeMap<String, usize>,
    /// "`id`: problem" for the first [`Rejected::DETAILS`] entries.
    pub details: Vec<String>,
}

impl Rejected {
    /// How many entries are named in `details`.
    pub const DETAILS: usize = 5;

    pub fn total(&self) -> usize {
        self.by_reason.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_reason.is_empty()
    }

    /// "12 entries skipped: 7 negative price, 5 empty id".
    pub fn summary(&self) -> String {
        let n = self.total();
        let mut reasons: Vec<(&String, &usize)> = self.by_reason.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
        format!(
            "{n} {} skipped: {}",
            if n == 1 { "entry" } else { "entries" },
            parts.join(", ")
        )
    }

    /// Records the entry `id` when it has `problems`; whether it is kept.
    fn keeps(&mut self, id: &str, problems: &[Invalid]) -> bool {
        let Some(first) = problems.first() else {
            return true;
        };
        *self.by_reason.entry(reason(first)).or_default() += 1;
        if self.details.len() < Self::DETAILS {
            let shown: String = if id.trim().is_empty() {
                "(no id)".into()
            } else {
                format!("{id:?}")
            };
            self.details.push(format!("{shown}: {first}"));
        }
        false
    }
}

/// The problems of one model entry; empty when it may price a plan.
pub fn check_model(m: &CatalogModel) -> Vec<Invalid> {
    let mut plan = blank_plan();
    plan.models[0] = ModelEntry {
        // A measured rate must be one a plan accepts (0 to 100 %).
        error_rate_pct: m.error_rate.as_ref().map(|r| r.pct),
        schedule: m.schedule.clone(),
        ..ModelEntry::sole(m.id.clone(), Some(m.pricing.clone()))
    };
    let mut out: Vec<Invalid> = validate(&plan)
        .into_iter()
        .filter(|p| p.path.starts_with("models[0]."))
        .map(|mut p| {
            p.path = p.path.replacen("models[0].", "", 1);
            if p.path == "error_rate_pct" {
                p.path = "error_rate.pct".into();
            }
            p
        })
        .collect();
    let mut small = Vec::new();
    tiny(&mut small, "pricing", &m.pricing);
    for (j, sp) in m.schedule.iter().enumerate() {
        tiny(&mut small, &format!("schedule[{j}].pricing"), &sp.pricing);
    }
    // A price below the smallest is said once, as a catalog's unit error.
    out.retain(|p| !small.iter().any(|s| s.path == p.path));
    out.extend(small);
    out
}

/// The problems of one embedding entry; empty when it may price a plan.
pub fn check_embedding(e: &CatalogEmbedding) -> Vec<Invalid> {
    let mut out = Vec::new();
    if e.id.trim().is_empty() {
        out.push(Invalid {
            path: "id".into(),
            value: "\"\"".into(),
            allowed: "must name the model".into(),
        });
    }
    // A plan's embedding price is checked at `retrieval.embedding.per_mtok`;
    // the batch price follows the same rule.
    for (path, v) in [
        ("per_mtok", Some(e.per_mtok)),
        ("batch_per_mtok", e.batch_per_mtok),
    ] {
        let Some(v) = v else { continue };
        let mut plan = blank_plan();
        plan.retrieval.embedding = Embedding {
            id: e.id.clone(),
            per_mtok: Some(v),
        };
        out.extend(
            validate(&plan)
                .into_iter()
                .filter(|p| p.path == super::fields::PlanField::EmbeddingPrice.spec().path)
                .map(|mut p| {
                    p.path = path.into();
                    p
                }),
        );
        let mut small = Vec::new();
        tiny_price(&mut small, path, v);
        out.retain(|p| !small.iter().any(|s| s.path == p.path));
        out.extend(small);
    }
    out
}

impl Catalog {
    /// The catalog without the entries that fail [`check_model`] /
    /// [`check_embedding`], and what was left out.
    pub fn validated(self) -> (Catalog, Rejected) {
        let mut rejected = Rejected::default();
        let models = self
            .models
            .into_iter()
            .filter(|m| rejected.keeps(&m.id, &check_model(m)))
            .collect();
        let embeddings = self
            .embeddings
            .into_iter()
            .filter(|e| rejected.keeps(&e.id, &check_embedding(e)))
            .collect();
        let mut usd_to = self.usd_to;
        usd_to.retain(|code, r| rejected.keeps(&format!("usd_to {code}"), &r.problems(code)));
        let mut out = Catalog::new(self.as_of, models, embeddings);
        out.usd_to = usd_to;
        (out, rejected)
    }
}

/// A short reason to count entries by: "negative price", "empty id", or the
/// field and its rule.
pub fn reason(p: &Invalid) -> String {
    let field = p.path.rsplit('.').next().unwrap_or(&p.path);
    let is_price = field.ends_with("per_mtok") || field == "gpu_hourly";
    if field == "id" {
        "empty id".into()
    } else if p.path == "rate" {
        "exchange rate out of range".into()
    } else if p.path == "date" {
        "rate date not a YYYY-MM-DD date".into()
    } else if p.path == "code" {
        "currency code not three letters".into()
    } else if is_price && matches!(p.value.as_str(), "NaN" | "inf" | "-inf") {
        "price not a finite number".into()
    } else if is_price && p.value.starts_with('-') {
        "negative price".into()
    } else if is_price && p.allowed.contains("unit error") {
        "price too small (probable unit error)".into()
    } else {
        format!("{field} {}", p.allowed)
    }
}

fn tiny(out: &mut Vec<Invalid>, q: &str, p: &Pricing) {
    match p {
        Pricing::Api(a) => {
            tiny_price(out, &format!("{q}.input_per_mtok"), a.input_per_mtok);
            if let Some(v) = a.cached_input_per_mtok {
                tiny_price(out, &format!("{q}.cached_input_per_mtok"), v);
            }
            tiny_price(out, &format!("{q}.output_per_mtok"), a.output_per_mtok);
            if let Some(t) = &a.long_context {
                let q = format!("{q}.long_context");
                tiny_price(out, &format!("{q}.input_per_mtok"), t.input_per_mtok);
                if let Some(v) = t.cached_input_per_mtok {
                    tiny_price(out, &format!("{q}.cached_input_per_mtok"), v);
                }
                tiny_price(out, &format!("{q}.output_per_mtok"), t.output_per_mtok);
            }
        }
        Pricing::SelfHosted(h) => tiny_price(out, &format!("{q}.gpu_hourly"), h.gpu_hourly),
    }
}

fn tiny_price(out: &mut Vec<Invalid>, path: &str, v: f64) {
    if v.is_finite() && v > 0.0 && v < MIN_PRICE_PER_MTOK {
        out.push(Invalid {
            path: path.into(),
            value: show(v),
            allowed: format!(
                "must be 0 or at least {MIN_PRICE_PER_MTOK} {} (a smaller price is a probable unit error)",
                if path.ends_with("gpu_hourly") { "per GPU-hour" } else { "per 1M tokens" }
            ),
        });
    }
}

/// A valid one-model plan to judge an entry's pricing in.
fn blank_plan() -> Scenario {
    Scenario::minimal("catalog entry", ModelEntry::sole("entry", None))
}
