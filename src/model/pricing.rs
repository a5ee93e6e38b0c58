//! How a model is priced (API per token, or self-hosted GPUs). The catalog of
//! known prices that plans resolve their models from is in `catalog/`
//! (also reachable here, as before).

pub use super::catalog::{Catalog, CatalogEmbedding, CatalogModel, catalog_searches};

use serde::{Deserialize, Serialize};

/// The pricing snapshot of one model in a plan.
///
/// In a file it reads `Api(input_per_mtok: …, …)` or `SelfHosted(gpu_hourly: …, …)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "PricingRepr", into = "PricingRepr")]
pub enum Pricing {
    /// Billed per token by a provider.
    Api(ApiPricing),
    /// Always-on GPUs that the client rents or owns.
    SelfHosted(SelfHostedPricing),
}

/// The file form of [`Pricing`]: struct variants, so the file reads
/// `Api(input_per_mtok: …)` rather than `Api((input_per_mtok: …))`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
enum PricingRepr {
    Api {
        #[serde(default)]
        input_per_mtok: f64,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
        cached_input_per_mtok: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
        cache_write_per_mtok: Option<f64>,
        #[serde(default)]
        output_per_mtok: f64,
        #[serde(default)]
        batch_discount_pct: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        long_context: Option<LongContext>,
    },
    SelfHosted {
        #[serde(default)]
        gpu_hourly: f64,
        #[serde(default)]
        tokens_per_second_per_gpu: f64,
        #[serde(default)]
        utilization_pct: f64,
        #[serde(default)]
        min_gpus: u32,
        #[serde(
            default = "super::scenario::one",
            skip_serializing_if = "super::scenario::is_one"
        )]
        peak_to_average: f64,
        #[serde(default = "one_u32", skip_serializing_if = "is_one_u32")]
        gpus_per_replica: u32,
        #[serde(default, skip_serializing_if = "super::scenario::is_zero_u32")]
        spare_replicas: u32,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
        input_tokens_per_second_per_gpu: Option<f64>,
    },
}

fn one_u32() -> u32 {
    1
}
fn is_one_u32(v: &u32) -> bool {
    *v == 1
}

/// The pricing of one kind, by reference or to change, when it is that kind.
macro_rules! kind_accessors {
    ($get:ident, $get_mut:ident, $variant:ident, $t:ty) => {
        pub fn $get(&self) -> Option<&$t> {
            match self {
                Pricing::$variant(p) => Some(p),
                _ => None,
            }
        }
        pub fn $get_mut(&mut self) -> Option<&mut $t> {
            match self {
                Pricing::$variant(p) => Some(p),
                _ => None,
            }
        }
    };
}

impl Pricing {
    kind_accessors!(api, api_mut, Api, ApiPricing);
    kind_accessors!(hosted, hosted_mut, SelfHosted, SelfHostedPricing);

    /// These prices without their cache-write prices (version 3), as a plan
    /// of an older version takes a catalog entry: they bill nothing there
    /// (no `cache_write_pct`), and the plan keeps its version.
    pub fn without_cache_write(mut self) -> Self {
        if let Some(a) = self.api_mut() {
            a.cache_write_per_mtok = None;
            if let Some(tier) = a.long_context.as_mut() {
                tier.cache_write_per_mtok = None;
            }
        }
        self
    }
}

impl From<PricingRepr> for Pricing {
    fn from(r: PricingRepr) -> Self {
        match r {
            PricingRepr::Api {
                input_per_mtok,
                cached_input_per_mtok,
                cache_write_per_mtok,
                output_per_mtok,
                batch_discount_pct,
                long_context,
            } => Pricing::Api(ApiPricing {
                input_per_mtok,
                cached_input_per_mtok,
                cache_write_per_mtok,
                output_per_mtok,
                batch_discount_pct,
                long_context,
            }),
            PricingRepr::SelfHosted {
                gpu_hourly,
                tokens_per_second_per_gpu,
                utilization_pct,
                min_gpus,
                peak_to_average,
                gpus_per_replica,
                spare_replicas,
                input_tokens_per_second_per_gpu,
            } => Pricing::SelfHosted(SelfHostedPricing {
                gpu_hourly,
                tokens_per_second_per_gpu,
                utilization_pct,
                min_gpus,
                peak_to_average,
                gpus_per_replica,
                spare_replicas,
                input_tokens_per_second_per_gpu,
            }),
        }
    }
}

impl From<Pricing> for PricingRepr {
    fn from(p: Pricing) -> Self {
        match p {
            Pricing::Api(a) => PricingRepr::Api {
                input_per_mtok: a.input_per_mtok,
                cached_input_per_mtok: a.cached_input_per_mtok,
                cache_write_per_mtok: a.cache_write_per_mtok,
                output_per_mtok: a.output_per_mtok,
                batch_discount_pct: a.batch_discount_pct,
                long_context: a.long_context,
            },
            Pricing::SelfHosted(h) => PricingRepr::SelfHosted {
                gpu_hourly: h.gpu_hourly,
                tokens_per_second_per_gpu: h.tokens_per_second_per_gpu,
                utilization_pct: h.utilization_pct,
                min_gpus: h.min_gpus,
                peak_to_average: h.peak_to_average,
                gpus_per_replica: h.gpus_per_replica,
                spare_replicas: h.spare_replicas,
                input_tokens_per_second_per_gpu: h.input_tokens_per_second_per_gpu,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApiPricing {
    pub input_per_mtok: f64,
    /// Cached-input price; absent means cached input is billed at `input_per_mtok`.
    pub cached_input_per_mtok: Option<f64>,
    /// Price of a token written into the prompt cache; absent means the
    /// input price (version 3).
    pub cache_write_per_mtok: Option<f64>,
    pub output_per_mtok: f64,
    pub batch_discount_pct: f64,
    /// Prices billed for every request whose input is above `above_tokens`.
    pub long_context: Option<LongContext>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongContext {
    #[serde(default)]
    pub above_tokens: f64,
    #[serde(default)]
    pub input_per_mtok: f64,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
    pub cached_input_per_mtok: Option<f64>,
    /// The tier's cache-write price; absent means the tier's input price.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]
    pub cache_write_per_mtok: Option<f64>,
    #[serde(default)]
    pub output_per_mtok: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SelfHostedPricing {
    pub gpu_hourly: f64,
    pub tokens_per_second_per_gpu: f64,
    pub utilization_pct: f64,
    pub min_gpus: u32,
    /// Busiest hour's traffic ÷ the month's average (version 2, default 1).
    pub peak_to_average: f64,
    /// GPUs holding one copy of the model (version 2, default 1).
    pub gpus_per_replica: u32,
    /// Replicas kept for failover (version 2, default 0).
    pub spare_replicas: u32,
    /// Prefill speed of one GPU; absent means `tokens_per_second_per_gpu`
    /// serves input too (version 3).
    pub input_tokens_per_second_per_gpu: Option<f64>,
}

impl Default for SelfHostedPricing {
    fn default() -> Self {
        Self {
            gpu_hourly: 0.0,
            tokens_per_second_per_gpu: 0.0,
            utilization_pct: 0.0,
            min_gpus: 0,
            peak_to_average: 1.0,
            gpus_per_replica: 1,
            spare_replicas: 0,
            input_tokens_per_second_per_gpu: None,
        }
    }
}

/// Writes `Some(x)` as plain `x`, the way the format shows optional values
/// (`cached_input_per_mtok: 0.025`, `pricing: Api(…)`). Reading accepts both.
/// Used as `#[serde(default, skip_serializing_if = "Option::is_none", with = "bare")]`.
pub(crate) mod bare {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<T: Serialize, S: Serializer>(
        value: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => v.serialize(s),
            None => s.serialize_none(),
        }
    }

    /// Reads an optional value exactly as a plain `Option` field does.
    pub(crate) fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Option::deserialize(d)
    }
}

impl ApiPricing {
    /// The (input, cached input, output) prices per 1M tokens that apply to a
    /// request with `input_tokens` of input: the long-context tier's when the
    /// input is above its threshold. Absent cached prices fall back to the
    /// applicable input price.
    pub fn effective(&self, input_tokens: f64) -> (f64, f64, f64) {
        match &self.long_context {
            Some(tier) if input_tokens > tier.above_tokens => (
                tier.input_per_mtok,
                tier.cached_input_per_mtok.unwrap_or(tier.input_per_mtok),
                tier.output_per_mtok,
            ),
            _ => (
                self.input_per_mtok,
                self.cached_input_per_mtok.unwrap_or(self.input_per_mtok),
                self.output_per_mtok,
            ),
        }
    }

    /// The cache-write price per 1M tokens for a request with `input_tokens`
    /// of input (spec §6): the tier's own, or the tier's input price.
    pub fn cache_write(&self, input_tokens: f64) -> f64 {
        match &self.long_context {
            Some(tier) if input_tokens > tier.above_tokens => {
                tier.cache_write_per_mtok.unwrap_or(tier.input_per_mtok)
            }
            _ => self.cache_write_per_mtok.unwrap_or(self.input_per_mtok),
        }
    }
}

/// A price that takes effect on a known date (an introductory price ending,
/// an announced increase). It applies from the first plan month that starts
/// on or after `from`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledPrice {
    /// `YYYY-MM-DD`.
    pub from: String,
    pub pricing: Pricing,
}
