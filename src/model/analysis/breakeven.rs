//! Where things break even: the daily volume at which self-hosting beats the
//! plan's API mix (or the reverse). The minutes saved per request needed to
//! pay back within the horizon and the highest volume within a budget are in
//! `payback.rs`, re-exported here.

use crate::model::pricing::{Catalog, Pricing};
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::{ModelEntry, Scenario};

pub use super::payback::{
    BudgetHolds, MinutesToPayBack, NoTimeValue, minutes_to_pay_back, volume_for_budget,
};

/// What a break-even line weighs: inference alone, or inference and the cost
/// of wrong answers (when the plan gives per-model error rates, so a weaker
/// model's extra errors count against its cheaper tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compares {
    InferenceOnly,
    InferenceAndErrors,
}

impl Compares {
    pub fn label(self) -> &'static str {
        match self {
            Compares::InferenceOnly => "inference only",
            Compares::InferenceAndErrors => "inference and errors",
        }
    }
}

/// What a self-hosted option is weighed against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Against {
    /// The plan's model mix as it is.
    Mix,
    /// The plan's API models alone, their shares scaled to 100 %: the plan
    /// already self-hosts the option, so the question is self-hosting all
    /// traffic on it against sending all of it to the APIs.
    ApiModels,
    /// Nothing: the plan already self-hosts the option and has no API model
    /// to weigh it against (it would be compared with itself).
    Nothing,
}

impl Against {
    /// The other side, as a sentence names it.
    pub fn label(self) -> &'static str {
        match self {
            Against::Mix => "the plan's mix",
            Against::ApiModels => "the plan's API models",
            Against::Nothing => "nothing",
        }
    }
}

/// A self-hosted option against the plan's own mix.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HostingBreakEven {
    pub option: String,
    /// What the two sides' costs include.
    pub compares: Compares,
    /// What the option is weighed against.
    pub against: Against,
    /// The share of the plan's traffic the option already has (0 when the
    /// plan does not use it).
    pub plan_share_pct: f64,
    /// The option's wrong-answer rate, percent: the plan's own rate for a
    /// model of the same id, else the workload's `risk.error_rate_pct` (not
    /// compared then: the plan does not say how good the option is).
    pub option_error_rate_pct: f64,
    /// Whether the plan gives the option's error rate (a model of that id in
    /// its mix with `error_rate_pct`).
    pub option_error_rate_known: bool,
    /// The option's sizing: peak over average traffic, GPUs per replica and
    /// spare replicas.
    pub peak_to_average: f64,
    pub gpus_per_replica: u32,
    pub spare_replicas: u32,
    /// Requests per day where the cheaper side changes (None: never within
    /// the searched range, up to 100× the plan's volume).
    pub requests_per_day: Option<f64>,
    /// GPUs running at that volume (month 1).
    pub gpus: Option<f64>,
    /// Which is cheaper above that volume: "self-hosted", "the plan's mix"
    /// or "the plan's API models" (None when nothing is compared).
    pub cheaper_above: Option<String>,
    /// Horizon inference cost of each at the plan's volume: the plan's side
    /// is what the option is weighed [`against`](Self::against) (0 when
    /// nothing is).
    pub plan_inference: f64,
    pub option_inference: f64,
    /// Horizon cost of uncaught errors of each at the plan's volume (both 0
    /// when the line compares inference only).
    pub plan_errors: f64,
    pub option_errors: f64,
}

fn inference(s: &Scenario, p: &mut Projection) -> f64 {
    project_into(s, p);
    p.totals.inference
}

/// Horizon error cost of a plan (its uncaught errors).
fn errors(s: &Scenario, p: &mut Projection) -> f64 {
    project_into(s, p);
    p.totals.errors
}

/// Scratch space for comparing the plan's mix with one self-hosted option.
///
/// The mix's API models cost in proportion to the volume, so their inference
/// is measured once (per request per day) and scaled; only the mix's
/// self-hosted models (whole GPUs) are projected at each volume. A search over
/// volumes for each option then costs the self-hosted lines, not the mix.
struct Pair {
    /// The mix's API inference over the horizon per request per day.
    api_per_rpd: f64,
    /// The mix's API models, projected at each volume instead when their
    /// cost is not in proportion to it (a volume ceiling, a commitment).
    api: Option<Scenario>,
    /// The plan with only its self-hosted models.
    mix_hosted: Scenario,
    /// The plan with only the option.
    hosted: Scenario,
    /// The whole plan, to cost its errors (when errors are compared).
    whole: Option<Scenario>,
    p: Projection,
}

impl Pair {
    fn at(&mut self, rpd: f64) {
        if let Some(a) = &mut self.api {
            a.workload.requests_per_day = rpd;
        }
        self.mix_hosted.workload.requests_per_day = rpd;
        self.hosted.workload.requests_per_day = rpd;
        if let Some(w) = &mut self.whole {
            w.workload.requests_per_day = rpd;
        }
    }

    /// Inference over the horizon: (plan's mix, self-hosted option).
    fn inference(&mut self, rpd: f64) -> (f64, f64) {
        self.at(rpd);
        let mix_hosted = if self.mix_hosted.models.is_empty() {
            0.0
        } else {
            inference(&self.mix_hosted, &mut self.p)
        };
        let api = match &self.api {
            Some(a) if !a.models.is_empty() => inference(a, &mut self.p),
            Some(_) => 0.0,
            None => self.api_per_rpd * rpd,
        };
        (api + mix_hosted, inference(&self.hosted, &mut self.p))
    }

    /// Errors over the horizon: (plan's mix, self-hosted option); zeros
    /// when the comparison is of inference only.
    fn errors(&mut self, rpd: f64) -> (f64, f64) {
        self.at(rpd);
        match &self.whole {
            Some(w) => (errors(w, &mut self.p), errors(&self.hosted, &mut self.p)),
            None => (0.0, 0.0),
        }
    }

    /// What is compared over the horizon: (plan's mix, self-hosted option).
    fn costs(&mut self, rpd: f64) -> (f64, f64) {
        let (mi, oi) = self.inference(rpd);
        let (me, oe) = self.errors(rpd);
        (mi + me, oi + oe)
    }

    /// Mix minus option: positive where self-hosting is cheaper.
    fn diff(&mut self, rpd: f64) -> f64 {
        let (mix, hosted) = self.costs(rpd);
        mix - hosted
    }
}

/// The plan's side of a comparison: the mix's API inference per request per
/// day, its self-hosted models, and the plan whose errors are counted.
struct Side {
    api_per_rpd: f64,
    /// The API models to project at each volume, when their cost is not
    /// in proportion to it.
    api: Option<Scenario>,
    hosted: Scenario,
    whole: Scenario,
}

/// For each self-hosted option in the catalog: the daily volume at which it and
/// the plan's mix cost the same over the horizon — in inference, and in the
/// cost of errors too when the plan gives the option's error rate (a model of
/// that id in its mix with `error_rate_pct`, at any share).
///
/// An option the plan already self-hosts is weighed against the plan's API
/// models alone (all traffic self-hosted against all of it on the APIs); a
/// plan without API models has nothing to weigh it against
/// ([`Against::Nothing`]), and it is never compared with itself.
///
/// The option is sized as the plan sizes self-hosted models (spec §5): for the
/// peak (the highest `peak_to_average` of the plan's self-hosted models, 1
/// without any), in whole replicas of at least the option's minimum GPUs,
/// with the plan's spare replicas.
pub fn hosting(s: &Scenario, catalog: &Catalog) -> Vec<HostingBreakEven> {
    let s = &super::lean(s);
    let plan_hosted = s.models.iter().filter_map(|m| match &m.pricing {
        Some(Pricing::SelfHosted(h)) => Some(h),
        _ => None,
    });
    let (peak, spares) = plan_hosted.fold((1.0f64, 0u32), |(p, sp), h| {
        (p.max(h.peak_to_average), sp.max(h.spare_replicas))
    });
    let is_hosted = |m: &ModelEntry| matches!(m.pricing, Some(Pricing::SelfHosted(_)));
    let mut api = s.clone();
    api.models.retain(|m| !is_hosted(m));
    let api_share: f64 = api.models.iter().map(|m| m.share_pct).sum();
    api.workload.requests_per_day = 1.0;
    let api_per_rpd = inference(&api, &mut Projection::default());
    // The API models cost in proportion to the volume unless a ceiling caps
    // it or a commitment sets a floor under a model's bill.
    let linear = s.workload.max_requests_per_day.is_none()
        && api.models.iter().all(|m| m.commitment_monthly <= 0.0);
    let mut mix_hosted = api.clone();
    mix_hosted.models = s.models.iter().filter(|m| is_hosted(m)).cloned().collect();
    let mix = Side {
        api_per_rpd,
        api: (!linear).then(|| api.clone()),
        hosted: mix_hosted.clone(),
        whole: s.clone(),
    };
    // The API models alone, scaled to all the traffic: their inference
    // scales with their shares.
    let api_alone = (api_share > 0.0).then(|| {
        let scale = 100.0 / api_share;
        let mut whole = s.clone();
        whole.models = api.models.clone();
        for m in &mut whole.models {
            m.share_pct *= scale;
        }
        let mut hosted = mix_hosted.clone();
        hosted.models = Vec::new();
        Side {
            api_per_rpd: api_per_rpd * scale,
            api: (!linear).then(|| whole.clone()),
            hosted,
            whole,
        }
    });
    catalog
        .models
        .iter()
        .filter(|m| matches!(m.pricing, Pricing::SelfHosted(_)))
        // An always-on node is sized on GPUs that are not taken back: spot
        // options are not offered as a break-even alternative.
        .filter(|m| {
            m.offer
                .as_ref()
                .is_none_or(|o| o.price_kind != crate::model::offer::PriceKind::Spot)
        })
        .map(|m| {
            let mut pricing = m.pricing.clone();
            let (mut per_replica, mut spare) = (1, 0);
            if let Pricing::SelfHosted(h) = &mut pricing {
                h.peak_to_average = h.peak_to_average.max(peak);
                // A model that needs several GPUs to load runs in replicas of
                // that many.
                h.gpus_per_replica = h.gpus_per_replica.max(h.min_gpus).max(1);
                h.spare_replicas = h.spare_replicas.max(spares);
                per_replica = h.gpus_per_replica;
                spare = h.spare_replicas;
            }
            let same = s.models.iter().find(|x| x.id == m.id);
            let plan_share_pct = same.map_or(0.0, |x| x.share_pct);
            let (against, side) = match (plan_share_pct > 0.0, &api_alone) {
                (false, _) => (Against::Mix, Some(&mix)),
                (true, Some(alone)) => (Against::ApiModels, Some(alone)),
                (true, None) => (Against::Nothing, None),
            };
            let known = same.and_then(|x| x.error_rate_pct);
            // Errors are compared only with the option's own error rate from
            // the plan: an invented rate would present a small model as a
            // drop-in for a strong one.
            let compares = if known.is_some() {
                Compares::InferenceAndErrors
            } else {
                Compares::InferenceOnly
            };
            let option = ModelEntry {
                error_rate_pct: known,
                token_factor: same.map_or(1.0, |x| x.token_factor),
                ..ModelEntry::sole(m.id.clone(), Some(pricing))
            };
            let option_peak = match &option.pricing {
                Some(Pricing::SelfHosted(h)) => h.peak_to_average,
                _ => 1.0,
            };
            let mut found = HostingBreakEven {
                option: m.id.clone(),
                compares,
                against,
                plan_share_pct,
                option_error_rate_pct: known.unwrap_or(s.risk.error_rate_pct),
                option_error_rate_known: known.is_some(),
                peak_to_average: option_peak,
                gpus_per_replica: per_replica,
                spare_replicas: spare,
                requests_per_day: None,
                gpus: None,
                cheaper_above: None,
                plan_inference: 0.0,
                option_inference: 0.0,
                plan_errors: 0.0,
                option_errors: 0.0,
            };
            if let Some(side) = side {
                let mut hosted = mix_hosted.clone();
                hosted.models = vec![option];
                weigh(s, side, hosted, &mut found);
            }
            found
        })
        .collect()
}

/// Searches the volume at which the option (alone in `hosted`) and `side`
/// cost the same, and fills in `found`.
fn weigh(s: &Scenario, side: &Side, hosted: Scenario, found: &mut HostingBreakEven) {
    let mut pair = Pair {
        api_per_rpd: side.api_per_rpd,
        api: side.api.clone(),
        mix_hosted: side.hosted.clone(),
        hosted,
        whole: (found.compares == Compares::InferenceAndErrors).then(|| side.whole.clone()),
        p: Projection::default(),
    };
    let (plan_inference, option_inference) = pair.inference(s.workload.requests_per_day);
    let (plan_errors, option_errors) = pair.errors(s.workload.requests_per_day);
    let base = s.workload.requests_per_day.max(1.0);
    // Scan volumes geometrically for a sign change, then bisect.
    let mut crossing = None;
    let mut lo = base / 100.0;
    let mut d_lo = pair.diff(lo);
    let mut hi = lo;
    while hi < base * 100.0 {
        hi *= 1.25;
        let d_hi = pair.diff(hi);
        if (d_lo > 0.0) != (d_hi > 0.0) {
            let (mut l, mut h) = (lo, hi);
            for _ in 0..60 {
                let mid = (l + h) / 2.0;
                if (pair.diff(mid) > 0.0) == (d_lo > 0.0) {
                    l = mid;
                } else {
                    h = mid;
                }
            }
            crossing = Some((h, d_hi > 0.0));
            break;
        }
        lo = hi;
        d_lo = d_hi;
    }
    found.gpus = crossing.map(|(rpd, _)| {
        pair.at(rpd);
        project_into(&pair.hosted, &mut pair.p);
        pair.p.model_month(1, 0).gpus
    });
    found.requests_per_day = crossing.map(|c| c.0);
    let other = found.against.label();
    found.cheaper_above = Some(match crossing {
        Some((_, true)) => "self-hosted".into(),
        Some((_, false)) => other.into(),
        None if option_inference + option_errors < plan_inference + plan_errors => {
            "self-hosted (at every volume searched)".into()
        }
        None => format!("{other} (at every volume searched)"),
    });
    found.plan_inference = plan_inference;
    found.option_inference = option_inference;
    found.plan_errors = plan_errors;
    found.option_errors = option_errors;
}
