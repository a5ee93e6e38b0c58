//! `project(&Scenario) -> Projection`: the monthly cost model of spec §2 with
//! the version-2 lines of §5, exactly. Every version-2 input at its default
//! gives the §2 numbers bit for bit.
//!
//! Everything is computed in `f64` and nothing is rounded here; totals are sums
//! of the unrounded months. The only allocations are the output vectors, and
//! [`project_into`] reuses them, so the projection can run thousands of times
//! per key press (sensitivity, Monte Carlo).

use serde::Serialize;

use super::prices::YearMonth;
use super::pricing::Pricing;
use super::scenario::{ModelEntry, Reviewers, Scenario};

/// The first calendar month a dated price applies to: its own month when it
/// starts on the 1st, else the month after.
fn first_month(from: &str) -> Option<YearMonth> {
    let ym = YearMonth::parse(from)?;
    let day: u32 = from.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    Some(if day <= 1 { ym } else { ym.plus(1) })
}

/// The pricing in force for `entry` in calendar month `when` (the snapshot,
/// or the latest scheduled price that has started).
fn pricing_in_force(entry: &ModelEntry, when: Option<YearMonth>) -> Option<&Pricing> {
    let mut current = entry.pricing.as_ref();
    if let Some(when) = when {
        for s in &entry.schedule {
            if first_month(&s.from).is_some_and(|m| m <= when) {
                current = Some(&s.pricing);
            }
        }
    }
    current
}

/// Hours in a month of always-on GPUs, as the spec bills them.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// The cost categories of a month, in the order reports show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Inference,
    Retrieval,
    Infrastructure,
    Maintenance,
    Oversight,
    Errors,
    Change,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Inference,
        Category::Retrieval,
        Category::Infrastructure,
        Category::Maintenance,
        Category::Oversight,
        Category::Errors,
        Category::Change,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Inference => "Inference",
            Category::Retrieval => "Retrieval",
            Category::Infrastructure => "Infrastructure",
            Category::Maintenance => "Maintenance",
            Category::Oversight => "Oversight",
            Category::Errors => "Errors",
            Category::Change => "Change",
        }
    }

    /// The JSON key of the category (spec §3).
    pub fn key(self) -> &'static str {
        match self {
            Category::Inference => "inference",
            Category::Retrieval => "retrieval",
            Category::Infrastructure => "infrastructure",
            Category::Maintenance => "maintenance",
            Category::Oversight => "oversight",
            Category::Errors => "errors",
            Category::Change => "change",
        }
    }
}

/// One month of the projection. Field names are the spec's JSON keys.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Month {
    pub month: u32,
    pub requests: f64,
    pub calls: f64,
    pub inference: f64,
    pub retrieval: f64,
    pub infrastructure: f64,
    pub maintenance: f64,
    pub oversight: f64,
    pub errors: f64,
    pub change: f64,
    pub total: f64,
    pub value: f64,
    pub net: f64,
    pub cumulative_net: f64,
    pub reviewer_fte_needed: f64,
    pub review_coverage_pct: f64,
    /// Reviewer FTEs paid for this month (Auto: the need; Fixed: the number).
    pub reviewer_fte_staffed: f64,
    /// Wrong answers that reach someone downstream.
    pub uncaught_errors: f64,
    /// Adoption a_m in percent (100 without a ramp; spec §5).
    pub adoption_pct: f64,
    /// The wrong-answer rate err_m after drift, percent.
    pub error_rate_pct: f64,
    /// Cost of today's process's wrong outcomes avoided (part of `value`).
    pub errors_avoided: f64,
    /// Whole GPUs running over all self-hosted models (0 when none).
    pub gpus: f64,
}

impl Month {
    pub fn category(&self, c: Category) -> f64 {
        match c {
            Category::Inference => self.inference,
            Category::Retrieval => self.retrieval,
            Category::Infrastructure => self.infrastructure,
            Category::Maintenance => self.maintenance,
            Category::Oversight => self.oversight,
            Category::Errors => self.errors,
            Category::Change => self.change,
        }
    }
}

/// Horizon totals (spec §2, "Horizon totals").
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    pub run_cost: f64,
    pub build_cost: f64,
    pub tco: f64,
    pub value: f64,
    pub net: f64,
    pub roi_pct: Option<f64>,
    pub payback_month: Option<u32>,
    pub cost_per_request: Option<f64>,
    pub peak_reviewer_fte: f64,
    /// Σ requests over the horizon.
    pub requests: f64,
    pub inference: f64,
    pub retrieval: f64,
    pub infrastructure: f64,
    pub maintenance: f64,
    pub oversight: f64,
    pub errors: f64,
    pub change: f64,
    /// Net present value at the plan's discount rate, build cost included
    /// (spec §5).
    pub npv: f64,
    /// Payback counted from the start of the build (`payback_month + build.months`).
    pub payback_month_from_start: Option<u32>,
    /// Maintenance plus model-change cost a year as a share of the build cost
    /// (`None` without a build cost).
    pub upkeep_pct_of_build_per_year: Option<f64>,
    /// Σ errors avoided against today's process.
    pub errors_avoided: f64,
}

impl Totals {
    pub fn category(&self, c: Category) -> f64 {
        match c {
            Category::Inference => self.inference,
            Category::Retrieval => self.retrieval,
            Category::Infrastructure => self.infrastructure,
            Category::Maintenance => self.maintenance,
            Category::Oversight => self.oversight,
            Category::Errors => self.errors,
            Category::Change => self.change,
        }
    }

    /// A category's share of the horizon run cost, in percent (0 without run cost).
    pub fn share_pct(&self, c: Category) -> f64 {
        if self.run_cost > 0.0 {
            self.category(c) / self.run_cost * 100.0
        } else {
            0.0
        }
    }

    /// Run cost over the horizon divided by the build cost (`None` without a build cost).
    pub fn run_to_build_ratio(&self) -> Option<f64> {
        (self.build_cost > 0.0).then(|| self.run_cost / self.build_cost)
    }
}

/// The cost of one model of the mix in one month.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ModelMonth {
    pub cost: f64,
    /// Whole GPUs running (self-hosted only; 0 for API models).
    pub gpus: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Projection {
    pub months: Vec<Month>,
    pub totals: Totals,
    /// Per-model lines, month-major: `per_model[(m-1) * models + i]`.
    pub per_model: Vec<ModelMonth>,
    /// Number of models in the mix (the stride of `per_model`).
    pub models: usize,
}

impl Projection {
    /// Model `i`'s line for month `m` (1-based).
    pub fn model_month(&self, m: usize, i: usize) -> ModelMonth {
        self.per_model
            .get((m.saturating_sub(1)) * self.models + i)
            .copied()
            .unwrap_or_default()
    }

    pub fn first(&self) -> Option<&Month> {
        self.months.first()
    }

    pub fn last(&self) -> Option<&Month> {
        self.months.last()
    }

    /// The first figure that is not a finite number (inputs too large to
    /// multiply out), month by month and then the horizon totals; `None` when
    /// every figure is finite.
    pub fn overflow(&self) -> Option<Overflow> {
        for m in &self.months {
            let figures = [
                ("requests", m.requests),
                ("calls", m.calls),
                ("inference", m.inference),
                ("retrieval", m.retrieval),
                ("infrastructure", m.infrastructure),
                ("maintenance", m.maintenance),
                ("oversight", m.oversight),
                ("errors", m.errors),
                ("change", m.change),
                ("total", m.total),
                ("value", m.value),
                ("net", m.net),
                ("cumulative net", m.cumulative_net),
                ("reviewers needed", m.reviewer_fte_needed),
                ("review coverage", m.review_coverage_pct),
                ("uncaught errors", m.uncaught_errors),
            ];
            if let Some((figure, _)) = figures.iter().find(|(_, v)| !v.is_finite()) {
                return Some(Overflow {
                    month: Some(m.month),
                    figure,
                });
            }
        }
        let t = &self.totals;
        let totals = [
            ("requests", t.requests),
            ("run cost", t.run_cost),
            ("TCO", t.tco),
            ("value", t.value),
            ("net", t.net),
            ("ROI", t.roi_pct.unwrap_or(0.0)),
            ("cost per request", t.cost_per_request.unwrap_or(0.0)),
        ];
        totals
            .iter()
            .find(|(_, v)| !v.is_finite())
            .map(|(figure, _)| Overflow {
                month: None,
                figure,
            })
    }
}

/// Where a projection stops being finite: a figure of a month, or of the
/// horizon totals (`month: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow {
    pub month: Option<u32>,
    pub figure: &'static str,
}

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.month {
            Some(m) => write!(f, "month {m}'s {}", self.figure),
            None => write!(f, "the horizon's {}", self.figure),
        }
    }
}

/// Projects the plan month by month over its horizon.
pub fn project(s: &Scenario) -> Projection {
    let mut p = Projection::default();
    project_into(s, &mut p);
    p
}

/// Like [`project`], reusing `out`'s buffers.
pub fn project_into(s: &Scenario, out: &mut Projection) {
    let horizon = s.horizon_months as usize;
    let n_models = s.models.len();
    out.months.clear();
    out.months.reserve(horizon);
    out.per_model.clear();
    out.per_model.reserve(horizon * n_models);
    out.models = n_models;

    let w = &s.workload;
    let g = w.monthly_growth_pct / 100.0;
    let overhead = 1.0 + w.overhead_pct / 100.0;
    let s0 = w.ramp_start_pct / 100.0;
    let ramp = w.ramp_months as f64;
    let drift = 1.0 + s.change.price_change_pct_per_year / 100.0;
    let r = &s.retrieval;
    let per_mtok = r.embedding.per_mtok.unwrap_or(0.0);
    let o = &s.oversight;
    let maintenance = s.build.initial_cost * s.build.maintenance_pct_per_year / 100.0 / 12.0;
    let change = s.change.model_updates_per_year * s.change.retune_cost_per_update / 12.0;
    let owner = o.owner_fte * o.owner_annual_cost / 12.0;

    // Wrong answers (spec §5): the share-weighted base rate, its drift since
    // the last model update, and the average cost of an uncaught error.
    let e_base = base_error_rate(s);
    let error_drift = 1.0 + s.risk.drift_pct_per_month / 100.0;
    let update_period = update_period(s.change.model_updates_per_year);
    let cost_per_error = s.risk.cost_per_error();
    let full_realization = s.value.realization_pct == 100.0;
    let baseline = s.value.baseline_error_rate_pct;
    // Discounting for the NPV, from the start of the build.
    let monthly_rate = if s.value.discount_rate_pct_per_year == 0.0 {
        0.0
    } else {
        (1.0 + s.value.discount_rate_pct_per_year / 100.0).powf(1.0 / 12.0) - 1.0
    };
    let build_months = s.build.months;
    let mut discounted_net = 0.0;

    let start = s.start.as_deref().and_then(YearMonth::parse);
    // What a call costs does not change from month to month unless a dated
    // price comes into force: work it out once for the first models.
    let mut fixed_rates: [Option<Rate>; FIXED_RATES] = [None; FIXED_RATES];
    for (slot, entry) in fixed_rates.iter_mut().zip(&s.models) {
        if start.is_none() || entry.schedule.is_empty() {
            *slot = Some(Rate::of(entry.pricing.as_ref(), entry, w));
        }
    }
    let mut cumulative = -s.build.initial_cost;
    let mut t = Totals {
        build_cost: s.build.initial_cost,
        ..Totals::default()
    };

    for m in 1..=horizon {
        let mf = (m - 1) as f64;
        let adoption = if w.ramp_months == 0 {
            1.0
        } else {
            (s0 + (1.0 - s0) * mf / ramp).min(1.0)
        };
        // x^y is exactly 1 for x = 1: skip the power when nothing grows.
        let growth = if g == 0.0 { 1.0 } else { (1.0 + g).powf(mf) };
        let req = w.requests_per_day * w.days_per_month * growth * adoption;
        let calls = req * w.calls_per_request * overhead;
        let p_m = if drift == 1.0 {
            1.0
        } else {
            drift.powf(mf / 12.0)
        };

        // Inference.
        let mut inference = 0.0;
        let mut gpus_total = 0.0;
        let calendar = start.map(|st| st.plus((m - 1) as u32));
        for (i, entry) in s.models.iter().enumerate() {
            let share = entry.share_pct / 100.0;
            let line = if share == 0.0 {
                ModelMonth::default()
            } else {
                let rate = match fixed_rates.get(i).copied().flatten() {
                    Some(rate) => rate,
                    None => Rate::of(pricing_in_force(entry, calendar), entry, w),
                };
                rate.month(calls, share, p_m)
            };
            inference += line.cost;
            gpus_total += line.gpus;
            out.per_model.push(line);
        }

        // Retrieval.
        let retrieval = if r.enabled {
            let searches = req * r.searches_per_request;
            let corpus = if m == 1 {
                r.corpus_tokens
            } else {
                r.corpus_tokens * r.refresh_pct_per_month / 100.0
            };
            let embed_tok = corpus + searches * r.query_tokens;
            let embeddings = embed_tok * per_mtok / 1e6 * p_m;
            let vector_db = r.vector_db_monthly + searches / 1e6 * r.vector_db_per_million_queries;
            let rerank = searches / 1000.0 * r.rerank_per_thousand_searches;
            embeddings + vector_db + rerank
        } else {
            0.0
        };

        let infrastructure: f64 = s
            .infrastructure
            .iter()
            .map(|i| i.monthly + req / 1000.0 * i.per_thousand_requests)
            .sum();

        // Oversight.
        let review_hours = req * o.review_pct / 100.0 * o.minutes_per_review / 60.0;
        let needed = review_hours / o.productive_hours_per_month;
        let staffed = match o.reviewers {
            Reviewers::Auto => needed,
            Reviewers::Fixed(x) => x,
        };
        let coverage = if needed == 0.0 {
            1.0
        } else {
            (staffed / needed).min(1.0)
        };
        let oversight = staffed * o.reviewer_annual_cost / 12.0 + owner;

        // Errors: the rate drifts for k_m months since the last model update.
        let error_rate = if error_drift == 1.0 {
            e_base.min(100.0)
        } else {
            let since_update = match update_period {
                Some(p) => (m - 1) % p,
                None => m - 1,
            };
            (e_base * error_drift.powf(since_update as f64)).min(100.0)
        };
        let uncaught = req * error_rate / 100.0
            * (1.0 - o.review_pct / 100.0 * coverage * s.risk.review_catch_pct / 100.0);
        let errors = uncaught * cost_per_error;
        let errors_avoided = req * baseline / 100.0 * cost_per_error;

        let total =
            inference + retrieval + infrastructure + maintenance + oversight + errors + change;
        let labour = req * s.value.minutes_saved_per_request / 60.0 * s.value.labour_hourly_cost;
        let labour = if full_realization {
            labour
        } else {
            labour * s.value.realization_pct / 100.0
        };
        let value = labour + errors_avoided;
        let net = value - total;
        cumulative += net;
        discounted_net += if monthly_rate == 0.0 {
            net
        } else {
            net / (1.0 + monthly_rate).powf((build_months as usize + m) as f64)
        };

        if t.payback_month.is_none() && cumulative >= 0.0 {
            t.payback_month = Some(m as u32);
        }
        t.run_cost += total;
        t.value += value;
        t.requests += req;
        t.inference += inference;
        t.retrieval += retrieval;
        t.infrastructure += infrastructure;
        t.maintenance += maintenance;
        t.oversight += oversight;
        t.errors += errors;
        t.change += change;
        t.errors_avoided += errors_avoided;
        t.peak_reviewer_fte = t.peak_reviewer_fte.max(needed);

        out.months.push(Month {
            month: m as u32,
            requests: req,
            calls,
            inference,
            retrieval,
            infrastructure,
            maintenance,
            oversight,
            errors,
            change,
            total,
            value,
            net,
            cumulative_net: cumulative,
            reviewer_fte_needed: needed,
            review_coverage_pct: coverage * 100.0,
            reviewer_fte_staffed: staffed,
            uncaught_errors: uncaught,
            adoption_pct: adoption * 100.0,
            error_rate_pct: error_rate,
            errors_avoided,
            gpus: gpus_total,
        });
    }

    t.npv = -s.build.initial_cost + discounted_net;
    t.payback_month_from_start = t.payback_month.map(|p| p.saturating_add(build_months));
    t.upkeep_pct_of_build_per_year = (s.build.initial_cost > 0.0 && horizon > 0)
        .then(|| (t.maintenance + t.change) / horizon as f64 * 12.0 / s.build.initial_cost * 100.0);
    t.tco = t.build_cost + t.run_cost;
    t.net = t.value - t.tco;
    t.roi_pct = (t.tco != 0.0).then(|| t.net / t.tco * 100.0);
    t.cost_per_request = (t.requests != 0.0).then(|| t.run_cost / t.requests);
    out.totals = t;
}

/// Models whose per-call figures are worked out once per projection.
const FIXED_RATES: usize = 8;

/// What one model's traffic costs, from the figures that stay the same from
/// month to month (spec §2 with the token factor of §5). Each factor is the
/// same `f64` the month-by-month formula computes, multiplied in the same
/// order, so caching it changes no bit.
#[derive(Debug, Clone, Copy)]
enum Rate<'a> {
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
        pricing: &'a super::pricing::SelfHostedPricing,
    },
}

impl<'a> Rate<'a> {
    fn of(pricing: Option<&'a Pricing>, entry: &ModelEntry, w: &super::scenario::Workload) -> Self {
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
                Rate::Api {
                    per_call: (tin * (1.0 - k) * p_in + tin * k * p_cached + (tout + trsn) * p_out)
                        / 1e6,
                    batch: 1.0 - (w.batch_pct / 100.0) * (a.batch_discount_pct / 100.0),
                    discount: 1.0 - entry.discount_pct / 100.0,
                }
            }
            Some(Pricing::SelfHosted(h)) => Rate::Hosted {
                tokens_per_call: tin + tout + trsn,
                per_gpu_hour: h.tokens_per_second_per_gpu * 3600.0 * h.utilization_pct / 100.0,
                pricing: h,
            },
            None => Rate::Unpriced,
        }
    }

    /// The model's line for a month with `calls` calls, `share` of them
    /// routed to it, at token-price drift `p_m`.
    fn month(self, calls: f64, share: f64, p_m: f64) -> ModelMonth {
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
                pricing,
            } => {
                let tokens = calls * share * tokens_per_call;
                let gpus = self_hosted_gpus(pricing, tokens / per_gpu_hour);
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
pub fn self_hosted_gpus(h: &super::pricing::SelfHostedPricing, gpu_hours: f64) -> f64 {
    let per_replica = h.gpus_per_replica as f64;
    let replicas = (h.min_gpus as f64 / per_replica)
        .ceil()
        .max((gpu_hours * h.peak_to_average / HOURS_PER_MONTH / per_replica).ceil())
        + h.spare_replicas as f64;
    replicas * per_replica
}
