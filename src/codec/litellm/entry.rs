//! One LiteLLM entry as a catalog entry (prices per 1M tokens, the
//! long-context tier, the date it retires), or the reason it is skipped.

use serde_json::{Map, Value};

use crate::model::pricing::{CatalogEmbedding, CatalogModel};
use crate::model::{ApiPricing, LongContext, Pricing};

/// Prices above these (per 1M tokens) are taken for data errors, not prices.
const MAX_CHAT_INPUT: f64 = 1_000.0;
const MAX_CHAT_OUTPUT: f64 = 5_000.0;
const MAX_EMBEDDING: f64 = 10.0;
/// Long-context thresholds above this many tokens are data errors.
const MAX_TIER_TOKENS: u64 = 1 << 53;

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
        cache_write_per_mtok: num(
            o,
            &format!("cache_creation_input_token_cost_above_{n}k_tokens"),
        )
        .filter(|c| *c >= 0.0)
        .map(per_m),
        output_per_mtok: per_m(output),
    }))
}

pub(super) enum Entry {
    /// Boxed: a catalog model is several times the size of an embedding.
    Model(Box<CatalogModel>),
    Embedding(CatalogEmbedding),
}

/// One LiteLLM entry as a catalog entry, or why it is skipped.
pub(super) fn convert(key: &str, v: &Value) -> Result<Entry, &'static str> {
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
    let successor = text(o, "successor_model")
        .filter(|s| !s.trim().is_empty())
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
            Ok(Entry::Model(Box::new(CatalogModel {
                id: key.to_string(),
                provider,
                aliases: Vec::new(),
                pricing: Pricing::Api(ApiPricing {
                    input_per_mtok: pin,
                    cached_input_per_mtok: cached,
                    cache_write_per_mtok: num(o, "cache_creation_input_token_cost")
                        .filter(|c| *c >= 0.0)
                        .map(per_m),
                    output_per_mtok: pout,
                    batch_discount_pct,
                    long_context: long_context(o)?,
                }),
                context_window: context,
                deprecation,
                successor,
                source,
                notes: String::new(),
                schedule: Vec::new(),
                offer: None,
                error_rate: None,
            })))
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
