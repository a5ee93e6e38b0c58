//! The price catalog as `runcost catalog` lists it: a table of models and one
//! of embeddings (with where each entry comes from), or JSON.

use crate::model::{Catalog, Pricing};
use crate::store::catalog::LoadedCatalog;

fn per_m(v: f64) -> String {
    super::format::number(v, 4)
}

/// The catalog's entries whose provider contains `provider` (any case).
fn filtered(catalog: &Catalog, provider: Option<&str>) -> Catalog {
    let wanted =
        |p: &str| provider.is_none_or(|want| p.to_lowercase().contains(&want.to_lowercase()));
    let mut filtered = catalog.clone();
    filtered.models.retain(|m| wanted(&m.provider));
    filtered.embeddings.retain(|e| wanted(&e.provider));
    filtered
}

/// The catalog as JSON, optionally filtered by provider.
pub fn json(loaded: &LoadedCatalog, provider: Option<&str>) -> String {
    let filtered = filtered(&loaded.catalog, provider);
    let mut s = serde_json::to_string_pretty(&filtered).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    super::escape::json(&s).into_owned()
}

/// The catalog as tables, optionally filtered by provider; `user` names the
/// user's catalog file (its overrides are marked in the "from" column).
/// Models retired on `today` (`YYYY-MM-DD`) are marked and listed last;
/// self-hosted options say their price kind and region.
pub fn table(loaded: &LoadedCatalog, provider: Option<&str>, user: &str, today: &str) -> String {
    let catalog = &loaded.catalog;
    let mut filtered = filtered(catalog, provider);
    // Retired models last (stable: the catalog's order otherwise).
    filtered
        .models
        .sort_by_key(|m| m.lifecycle(today).is_retired());
    let mut t = super::table::table();
    t.set_header(vec![
        "id",
        "provider",
        "input",
        "cached",
        "output",
        "batch",
        "long context",
        "context",
        "retirement",
        "from",
    ]);
    for m in &filtered.models {
        let (input, cached, output, batch, long) = match &m.pricing {
            Pricing::Api(a) => (
                per_m(a.input_per_mtok),
                a.cached_input_per_mtok.map_or("–".into(), per_m),
                per_m(a.output_per_mtok),
                if a.batch_discount_pct > 0.0 {
                    format!("-{}%", per_m(a.batch_discount_pct))
                } else {
                    "–".into()
                },
                a.long_context.as_ref().map_or("–".into(), |t| {
                    format!(
                        ">{}k: {}/{}",
                        per_m(t.above_tokens / 1000.0),
                        per_m(t.input_per_mtok),
                        per_m(t.output_per_mtok)
                    )
                }),
            ),
            Pricing::SelfHosted(h) => (
                format!("${}/GPU-h", per_m(h.gpu_hourly)),
                format!("{} tok/s", per_m(h.tokens_per_second_per_gpu)),
                format!("≥{} GPU", h.min_gpus),
                "–".into(),
                m.offer.as_ref().map_or("always on".into(), |o| {
                    let warn = if o.price_kind == crate::model::offer::PriceKind::Spot {
                        "⚠ "
                    } else {
                        ""
                    };
                    format!("{warn}{}", o.summary())
                }),
            ),
        };
        t.add_row(vec![
            m.id.clone(),
            m.provider.clone(),
            input,
            cached,
            output,
            batch,
            long,
            m.context_window
                .map_or("–".into(), |c| format!("{}k", c / 1000)),
            match m.lifecycle(today) {
                crate::model::lifecycle::Lifecycle::Active => {
                    m.deprecation.clone().unwrap_or_else(|| "–".into())
                }
                l => l.label(),
            },
            loaded.origin(&m.id).to_string(),
        ]);
    }
    let mut e = super::table::table();
    e.set_header(vec![
        "embedding id",
        "provider",
        "per 1M tokens",
        "batch",
        "max input",
    ]);
    for x in &filtered.embeddings {
        e.add_row(vec![
            x.id.clone(),
            x.provider.clone(),
            per_m(x.per_mtok),
            x.batch_per_mtok.map_or("–".into(), per_m),
            x.max_input_tokens.map_or("–".into(), |v| v.to_string()),
            loaded.origin(&x.id).to_string(),
        ]);
    }
    let age = crate::model::lifecycle::age_warning(&catalog.as_of, today)
        .map_or(String::new(), |w| format!("warning: {w}\n"));
    format!(
        "Price catalog as of {} — USD per 1M tokens unless noted; user overrides: {}\n{age}\n{}\n\n{}\n",
        catalog.as_of, user, t, e
    )
}
