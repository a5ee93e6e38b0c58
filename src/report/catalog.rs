//! The price catalog as `runcost catalog` lists it: a table of models and one
//! of embeddings (with where each entry comes from), or JSON.

use super::grid::Grid;
use crate::model::{Catalog, Pricing};
use crate::store::catalog::LoadedCatalog;

fn per_m(v: f64) -> String {
    crate::numbers::decimal(v)
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
pub fn json(loaded: &LoadedCatalog, provider: Option<&str>) -> super::Rendered {
    super::json::pretty(&filtered(&loaded.catalog, provider))
}

/// The catalog as tables, optionally filtered by provider, for a terminal
/// `width` columns wide; `user` names the user's catalog file (its overrides
/// are marked in the "from" column). Models retired on `today` (`YYYY-MM-DD`)
/// are marked and listed last; self-hosted options say their price kind and
/// region.
pub fn table(
    loaded: &LoadedCatalog,
    provider: Option<&str>,
    user: &str,
    today: &str,
    width: Option<usize>,
) -> String {
    use crate::model::lifecycle::Lifecycle;
    use crate::numbers::{pct, throughput, unit_price};
    let catalog = &loaded.catalog;
    let mut filtered = filtered(catalog, provider);
    // Retired models last (stable: the catalog's order otherwise).
    filtered
        .models
        .sort_by_key(|m| m.lifecycle(today).is_retired());
    let mut t = Grid::new([
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
    ])
    .keys(2)
    .pivot();
    for m in &filtered.models {
        // The price in force today: an ended promotion is not the price.
        let (input, cached, output, batch, long) = match m.pricing_on(today) {
            Pricing::Api(a) => (
                per_m(a.input_per_mtok),
                a.cached_input_per_mtok.map_or("–".into(), per_m),
                per_m(a.output_per_mtok),
                if a.batch_discount_pct > 0.0 {
                    pct(-a.batch_discount_pct)
                } else {
                    "–".into()
                },
                a.long_context.as_ref().map_or("–".into(), |t| {
                    format!(
                        ">{}k: {}/{}",
                        crate::numbers::number(t.above_tokens / 1000.0, 1),
                        per_m(t.input_per_mtok),
                        per_m(t.output_per_mtok)
                    )
                }),
            ),
            Pricing::SelfHosted(h) => (
                unit_price(h.gpu_hourly, "USD", "GPU-h"),
                throughput(h.tokens_per_second_per_gpu),
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
        t.row([
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
                Lifecycle::Active => m.deprecation.clone().unwrap_or_else(|| "–".into()),
                l => l.label(),
            },
            loaded.origin(&m.id).to_string(),
        ]);
    }
    let mut e = Grid::new([
        "embedding id",
        "provider",
        "per 1M tokens",
        "batch",
        "max input",
        "from",
    ])
    .keys(2)
    .pivot();
    for x in &filtered.embeddings {
        e.row([
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
    let text = format!(
        "Price catalog as of {} — USD per 1M tokens unless noted; user overrides: {}\n{age}\n{}\n\n{}\n",
        catalog.as_of,
        user,
        t.render(width),
        e.render(width)
    );
    super::grid::wrap(&text, width, "  ")
}
