//! Where things break even: the daily volume at which self-hosting beats the
//! plan's API mix (or the reverse), the minutes saved per request needed to
//! pay back within the horizon, and the highest volume within a budget.

use crate::model::pricing::{Catalog, Pricing};
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::{ModelEntry, Scenario};

/// A self-hosted option against the plan's own mix.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HostingBreakEven {
    pub option: String,
    /// Requests per day where the cheaper side changes (None: never within
    /// the searched range, up to 100× the plan's volume).
    pub requests_per_day: Option<f64>,
    /// GPUs running at that volume (month 1).
    pub gpus: Option<f64>,
    /// Which is cheaper above that volume: "self-hosted" or "the plan's mix".
    pub cheaper_above: String,
    /// Horizon inference cost of each at the plan's volume.
    pub plan_inference: f64,
    pub option_inference: f64,
}

fn inference(s: &Scenario, p: &mut Projection) -> f64 {
    project_into(s, p);
    p.totals.inference
}

fn with_volume(s: &Scenario, rpd: f64, out: &mut Scenario) {
    out.clone_from(s);
    out.workload.requests_per_day = rpd;
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
    /// The plan with only its self-hosted models.
    mix_hosted: Scenario,
    /// The plan with only the option.
    hosted: Scenario,
    p: Projection,
}

impl Pair {
    fn at(&mut self, rpd: f64) {
        self.mix_hosted.workload.requests_per_day = rpd;
        self.hosted.workload.requests_per_day = rpd;
    }

    /// Inference over the horizon: (plan's mix, self-hosted option).
    fn costs(&mut self, rpd: f64) -> (f64, f64) {
        self.at(rpd);
        let mix_hosted = if self.mix_hosted.models.is_empty() {
            0.0
        } else {
            inference(&self.mix_hosted, &mut self.p)
        };
        (
            self.api_per_rpd * rpd + mix_hosted,
            inference(&self.hosted, &mut self.p),
        )
    }

    /// Mix minus option: positive where self-hosting is cheaper.
    fn diff(&mut self, rpd: f64) -> f64 {
        let (mix, hosted) = self.costs(rpd);
        mix - hosted
    }
}

/// For each self-hosted option in the catalog: the daily volume at which it and
/// the plan's mix cost the same in inference over the horizon.
pub fn hosting(s: &Scenario, catalog: &Catalog) -> Vec<HostingBreakEven> {
    let s = &super::lean(s);
    let is_hosted = |m: &ModelEntry| matches!(m.pricing, Some(Pricing::SelfHosted(_)));
    let mut api = s.clone();
    api.models.retain(|m| !is_hosted(m));
    api.workload.requests_per_day = 1.0;
    let api_per_rpd = inference(&api, &mut Projection::default());
    let mut mix_hosted = api;
    mix_hosted.models = s.models.iter().filter(|m| is_hosted(m)).cloned().collect();
    catalog
        .models
        .iter()
        .filter(|m| matches!(m.pricing, Pricing::SelfHosted(_)))
        .map(|m| {
            let option = ModelEntry {
                id: m.id.clone(),
                share_pct: 100.0,
                discount_pct: 0.0,
                error_rate_pct: None,
                token_factor: 1.0,
                pricing: Some(m.pricing.clone()),
                schedule: Vec::new(),
            };
            let mut hosted = mix_hosted.clone();
            hosted.models = vec![option];
            let mut pair = Pair {
                api_per_rpd,
                mix_hosted: mix_hosted.clone(),
                hosted,
                p: Projection::default(),
            };
            let (plan_inference, option_inference) = pair.costs(s.workload.requests_per_day);
            let base = s.workload.requests_per_day.max(1.0);
            // Scan volumes geometrically for a sign change, then bisect.
            let mut found = None;
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
                    found = Some((h, d_hi > 0.0));
                    break;
                }
                lo = hi;
                d_lo = d_hi;
            }
            let gpus = found.map(|(rpd, _)| {
                pair.at(rpd);
                project_into(&pair.hosted, &mut pair.p);
                pair.p.model_month(1, 0).gpus
            });
            HostingBreakEven {
                option: m.id.clone(),
                requests_per_day: found.map(|f| f.0),
                gpus,
                cheaper_above: match found {
                    Some((_, true)) => "self-hosted".into(),
                    Some((_, false)) => "the plan's mix".into(),
                    None if option_inference < plan_inference => {
                        "self-hosted (at every volume searched)".into()
                    }
                    None => "the plan's mix (at every volume searched)".into(),
                },
                plan_inference,
                option_inference,
            }
        })
        .collect()
}

/// Minutes saved per request at which the value over the horizon covers the
/// TCO (payback by the last month). `None` without requests or labour cost.
pub fn minutes_to_pay_back(s: &Scenario) -> Option<f64> {
    let mut p = Projection::default();
    project_into(s, &mut p);
    let per_minute = p.totals.requests * s.value.labour_hourly_cost / 60.0;
    (per_minute > 0.0).then(|| p.totals.tco / per_minute)
}

/// The highest requests per day whose most expensive month stays within
/// `budget` (None when even zero volume exceeds it).
pub fn volume_for_budget(s: &Scenario, budget: f64) -> Option<f64> {
    let s = &super::lean(s);
    let mut p = Projection::default();
    let mut w = s.clone();
    let peak = |rpd: f64, w: &mut Scenario, p: &mut Projection| {
        with_volume(s, rpd, w);
        project_into(w, p);
        p.months.iter().map(|m| m.total).fold(0.0, f64::max)
    };
    if peak(0.0, &mut w, &mut p) > budget {
        return None;
    }
    let mut hi = s.workload.requests_per_day.max(1.0);
    while peak(hi, &mut w, &mut p) <= budget {
        hi *= 2.0;
        if hi > 1e12 {
            return Some(hi);
        }
    }
    let mut lo = 0.0;
    for _ in 0..80 {
        let mid = (lo + hi) / 2.0;
        if peak(mid, &mut w, &mut p) <= budget {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}
