//! What a self-hosted catalog price is: how the GPUs are bought (on demand,
//! reserved for a term, spot), where, and the benchmark the throughput comes
//! from — so two options are compared on the same terms.

use serde::{Deserialize, Serialize};

use super::catalog::CatalogModel;

/// How the GPU-hours are bought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriceKind {
    /// Pay by the hour, no commitment, not interrupted: the default for an
    /// always-on node.
    OnDemand,
    /// A committed term (`months`), paid whether used or not.
    Reserved { months: u32 },
    /// Spare capacity the provider may take back at short notice.
    Spot,
}

impl std::fmt::Display for PriceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PriceKind::OnDemand => write!(f, "on-demand"),
            PriceKind::Reserved { months } => write!(f, "reserved {months} months"),
            PriceKind::Spot => write!(f, "spot"),
        }
    }
}

/// The settings of the benchmark a throughput figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The model measured (may differ from the entry's, e.g. Llama 3.1 for 3.3).
    pub model: String,
    /// `BF16`, `FP8`, …
    pub precision: String,
    /// Prompt tokens per request, when the benchmark states one length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<u32>,
    /// Output tokens per request, when the benchmark states one length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u32>,
    /// Requests in flight: "512 users", "all 5,000 at once (rate inf)", …
    pub concurrency: String,
    /// Engine and version: `vLLM 0.6.0`.
    pub engine: String,
}

/// A self-hosted option's terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpuOffer {
    pub price_kind: PriceKind,
    /// Provider region or cloud tier: `AWS us-east-1`, `RunPod Secure Cloud`.
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
}

impl GpuOffer {
    /// "on-demand, AWS us-east-1".
    pub fn summary(&self) -> String {
        format!("{}, {}", self.price_kind, self.region)
    }
}

impl Benchmark {
    /// "Llama 3.1 8B BF16, 2048/512 tokens, 64 users, vLLM 0.6.0".
    pub fn summary(&self) -> String {
        let lengths = match (self.prompt_tokens, self.output_tokens) {
            (Some(p), Some(o)) => format!("{p}/{o} tokens"),
            (Some(p), None) => format!("{p}-token prompts"),
            (None, Some(o)) => format!("{o}-token outputs"),
            (None, None) => "lengths not stated".into(),
        };
        format!(
            "{} {}, {lengths}, {}, {}",
            self.model, self.precision, self.concurrency, self.engine
        )
    }
}

impl CatalogModel {
    /// The warning for a self-hosted option bought on the spot market, which
    /// the provider may interrupt: unsuitable for an always-on node.
    pub fn spot_warning(&self) -> Option<String> {
        let offer = self.offer.as_ref()?;
        (offer.price_kind == PriceKind::Spot).then(|| {
            format!(
                "{} is priced at spot rates ({}): spot capacity can be taken back at short notice, \
                 so an always-on node needs on-demand or reserved GPUs",
                self.id, offer.region
            )
        })
    }
}

/// The spot-price warnings for the plan's models (those with a share).
pub fn spot_warnings(plan: &super::scenario::Scenario, catalog: &super::Catalog) -> Vec<String> {
    plan.models
        .iter()
        .filter(|m| m.share_pct > 0.0)
        .filter_map(|m| catalog.model(&m.id)?.spot_warning())
        .collect()
}
