//! What a model's calls cost (the price in force in a month, the per-call
//! figures worked out once per projection, self-hosted GPUs) and the
//! wrong-answer rate helpers of spec §5.

use super::{HOURS_PER_MONTH, ModelMonth};
use crate::model::prices::YearMonth;
use crate::model::pricing::Pricing;
use crate::model::scenario::{ModelEntry, Scenario};

/// The pricing in force for `entry` in calendar month `when` (the snapshot,
/// or the latest scheduled price that has started: `dated::in_force`).
pub(super) fn pricing_in_force(entry: &ModelEntry, when: Option<YearMonth>) -> Option<&Pricing> {
    let base = entry.pricing.as_ref()?;
    Some(match when {
        Some(when) => crate::model::dated::in_force(base, &entry.schedule, when),
        None => base,
    })
}

/// Models whose per-call figures are worked out once per projection.
pub(super) const FIXED_RATES: usize = 8;

/// What one model's traffic costs, from the figures that stay the same from
/// month to month (spec §2 with the token factor of §5). Each factor is the
/// same `f64` the month-by-month formula computes, multiplied in the same
/// order, so caching it changes no bit.
#[derive(Debug, Clone, Copy)]
pub(super) enum Rate<'a> {
    Unpriced,
    Api {
        /// c_i: the cost of one call at list price.
        per_call: f64,
        /// 1 − batch share × batch discount.
        batch: f64,
        /// 1 − negotiated discount.
        discount: f64,
    },
    Hosted {
        /// in_i + out_i + rsn_i.
        tokens_per_call: f64,
        /// Tokens one GPU serves in an hour at the planned utilisation.
        per_gpu_hour: f64,
        /// With a prefill speed of its own (spec §6): in_i, out_i + rsn_i,
        /// the prefill speed and 3600 × utilisation.
        prefill: Option<Prefill>,
        pricing: &'a crate::model::pricing::SelfHostedPricing,
    },
}

/// The figures of a self-hosted model with its own prefill speed (spec §6).
#[derive(Debug, Clone, Copy)]
pub(super) struct Prefill {
    input_per_call: f64,
    generated_per_call: f64,
    input_speed: f64,
    speed: f64,
    seconds: f64,
}

impl<'a> Rate<'a> {
    pub(super) fn of(
        pricing: Option<&'a Pricing>,
        entry: &ModelEntry,
        w: &crate::model::scenario::Workload,
    ) -> Self {
        let f = entry.token_factor;
        let (tin, tout, trsn) = (
            w.input_tokens * f,
            w.output_tokens * f,
            w.reasoning_tokens * f,
        );
        match pricing {
            Some(Pricing::Api(a)) => {
                let k = w.cached_input_pct / 100.0;
                let (p_in, p_cached, p_out) = a.effective(tin);
                let per_call = if w.cache_write_pct == 0.0 {
                    (tin * (1.0 - k) * p_in + tin * k * p_cached + (tout + trsn) * p_out) / 1e6
                } else {
                    let wr = w.cache_write_pct / 100.0;
                    let p_cw = a.cache_write(tin);
                    (tin * (1.0 - k - wr) * p_in
                        + tin * k * p_cached
                        + tin * wr * p_cw
                        + (tout + trsn) * p_out)
                        / 1e6
                };
                Rate::Api {
                    per_call,
                    batch: 1.0 - (w.batch_pct / 100.0) * (a.batch_discount_pct / 100.0),
                    discount: 1.0 - entry.discount_pct / 100.0,
                }
            }
            Some(Pricing::SelfHosted(h)) => Rate::Hosted {
                tokens_per_call: tin + tout + trsn,
                per_gpu_hour: h.tokens_per_second_per_gpu * 3600.0 * h.utilization_pct / 100.0,
                prefill: h
                    .input_tokens_per_second_per_gpu
                    .map(|input_speed| Prefill {
                        input_per_call: tin,
                        generated_per_call: tout + trsn,
                        input_speed,
                        speed: h.tokens_per_second_per_gpu,
                        seconds: 3600.0 * h.utilization_pct / 100.0,
                    }),
                pricing: h,
            },
            None => Rate::Unpriced,
        }
    }

    /// The model's line for a month with `calls` calls, `share` of them
    /// routed to it, at token-price drift `p_m`.
    pub(super) fn month(self, calls: f64, share: f64, p_m: f64) -> ModelMonth {
        match self {
            Rate::Api {
                per_call,
                batch,
                discount,
            } => ModelMonth {
                cost: calls * share * per_call * batch * discount * p_m,
                gpus: 0.0,
            },
            Rate::Hosted {
                tokens_per_call,
                per_gpu_hour,
                prefill,
                pricing,
            } => {
                let gpu_hours = match prefill {
                    None => calls * share * tokens_per_call / per_gpu_hour,
                    Some(p) => {
                        (calls * share * p.input_per_call / p.input_speed
                            + calls * share * p.generated_per_call / p.speed)
                            / p.seconds
                    }
                };
                let gpus = self_hosted_gpus(pricing, gpu_hours);
                ModelMonth {
                    cost: gpus * HOURS_PER_MONTH * pricing.gpu_hourly,
                    gpus,
                }
            }
            Rate::Unpriced => ModelMonth::default(),
        }
    }
}

/// e_base of spec §5: the share-weighted wrong-answer rate of the mix, in
/// percent. Without any per-model rate it is `risk.error_rate_pct` itself
/// (what the weighted mean equals when shares sum to 100), so version-1 plans
/// keep their numbers bit for bit.
pub fn base_error_rate(s: &Scenario) -> f64 {
    let fallback = s.risk.error_rate_pct;
    if s.models.iter().all(|m| m.error_rate_pct.is_none()) {
        return fallback;
    }
    let mut weighted = 0.0;
    let mut shares = 0.0;
    for m in &s.models {
        let share = m.share_pct / 100.0;
        weighted += share * m.error_rate_pct.unwrap_or(fallback);
        shares += share;
    }
    if shares > 0.0 {
        weighted / shares
    } else {
        fallback
    }
}

/// P of spec §5: months between model updates (none without updates).
pub fn update_period(updates_per_year: f64) -> Option<usize> {
    (updates_per_year > 0.0).then(|| {
        let p = (12.0 / updates_per_year + 0.5).floor().max(1.0);
        // Validation keeps updates finite; a tiny rate gives a period longer
        // than any horizon, which behaves as "no reset".
        if p >= 1e9 { 1_000_000_000 } else { p as usize }
    })
}

/// Whole GPUs of one self-hosted model for `gpu_hours` of average load (spec
/// §5): whole replicas sized for the peak, at least the minimum, plus spares,
/// computed in the spec's order so the ceilings agree to the bit.
pub fn self_hosted_gpus(h: &crate::model::pricing::SelfHostedPricing, gpu_hours: f64) -> f64 {
    let per_replica = h.gpus_per_replica as f64;
    let replicas = (h.min_gpus as f64 / per_replica)
        .ceil()
        .max((gpu_hours * h.peak_to_average / HOURS_PER_MONTH / per_replica).ceil())
        + h.spare_replicas as f64;
    replicas * per_replica
}
