//! Version 2 reduces to version 1 (spec §5): every new input at its default
//! projects exactly as the version-1 engine did, over random version-1 plans.

use crate::common;

use common::arb::arb_v1_plan;
use common::builtin;
use proptest::prelude::*;
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{Pricing, Reviewers, Scenario, project};

/// The §2 figures of one month, as the version-1 engine computed them.
#[derive(Debug, PartialEq)]
struct V1Month {
    requests: f64,
    calls: f64,
    inference: f64,
    retrieval: f64,
    infrastructure: f64,
    maintenance: f64,
    oversight: f64,
    errors: f64,
    change: f64,
    total: f64,
    value: f64,
    net: f64,
    cumulative_net: f64,
    reviewer_fte_needed: f64,
    review_coverage_pct: f64,
    model_costs: Vec<(f64, f64)>,
}

impl V1Month {
    fn figures(&self) -> Vec<f64> {
        let mut v = vec![
            self.requests,
            self.calls,
            self.inference,
            self.retrieval,
            self.infrastructure,
            self.maintenance,
            self.oversight,
            self.errors,
            self.change,
            self.total,
            self.value,
            self.net,
            self.cumulative_net,
            self.reviewer_fte_needed,
            self.review_coverage_pct,
        ];
        v.extend(self.model_costs.iter().flat_map(|&(c, g)| [c, g]));
        v
    }

    /// Equal to 1e-12 relative (the engine grows volumes and prices by a
    /// running product where version 1 took a power each month; the contract
    /// allows 1e-7). Whole GPU counts must be equal.
    fn agrees_with(&self, other: &V1Month) -> bool {
        let (a, b) = (self.figures(), other.figures());
        a.len() == b.len()
            && a.iter()
                .zip(&b)
                .all(|(x, y)| x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1e-3))
            && self
                .model_costs
                .iter()
                .zip(&other.model_costs)
                .all(|(x, y)| x.1 == y.1)
    }
}

/// The version-1 engine's monthly loop (src/model/projection.rs before version
/// 2, without dated prices, which these plans do not use), kept verbatim as
/// the reference the new engine must match (to 1e-12 relative).
fn v1_reference(s: &Scenario) -> (Vec<V1Month>, Option<u32>) {
    let w = &s.workload;
    let g = w.monthly_growth_pct / 100.0;
    let k = w.cached_input_pct / 100.0;
    let (tin, tout, trsn) = (w.input_tokens, w.output_tokens, w.reasoning_tokens);
    let drift = 1.0 + s.change.price_change_pct_per_year / 100.0;
    let r = &s.retrieval;
    let per_mtok = r.embedding.per_mtok.unwrap_or(0.0);
    let o = &s.oversight;
    let maintenance = s.build.initial_cost * s.build.maintenance_pct_per_year / 100.0 / 12.0;
    let change = s.change.model_updates_per_year * s.change.retune_cost_per_update / 12.0;
    let owner = o.owner_fte * o.owner_annual_cost / 12.0;
    let mut cumulative = -s.build.initial_cost;
    let mut payback = None;
    let mut months = Vec::new();
    for m in 1..=s.horizon_months as usize {
        let mf = (m - 1) as f64;
        let req = w.requests_per_day * w.days_per_month * (1.0 + g).powf(mf);
        let calls = req * (1.0 + w.overhead_pct / 100.0);
        let p_m = drift.powf(mf / 12.0);
        let mut inference = 0.0;
        let mut model_costs = Vec::new();
        for entry in &s.models {
            let share = entry.share_pct / 100.0;
            let (cost, gpus) = if share == 0.0 {
                (0.0, 0.0)
            } else {
                match entry.pricing.as_ref() {
                    Some(Pricing::Api(a)) => {
                        let (p_in, p_cached, p_out) = a.effective(tin);
                        let c =
                            (tin * (1.0 - k) * p_in + tin * k * p_cached + (tout + trsn) * p_out)
                                / 1e6;
                        let cost = calls
                            * share
                            * c
                            * (1.0 - (w.batch_pct / 100.0) * (a.batch_discount_pct / 100.0))
                            * (1.0 - entry.discount_pct / 100.0)
                            * p_m;
                        (cost, 0.0)
                    }
                    Some(Pricing::SelfHosted(h)) => {
                        let tokens = calls * share * (tin + tout + trsn);
                        let gpu_hours = tokens
                            / (h.tokens_per_second_per_gpu * 3600.0 * h.utilization_pct / 100.0);
                        let gpus = (h.min_gpus as f64).max((gpu_hours / 730.0).ceil());
                        (gpus * 730.0 * h.gpu_hourly, gpus)
                    }
                    None => (0.0, 0.0),
                }
            };
            inference += cost;
            model_costs.push((cost, gpus));
        }
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
        let uncaught = req * s.risk.error_rate_pct / 100.0
            * (1.0 - o.review_pct / 100.0 * coverage * s.risk.review_catch_pct / 100.0);
        let errors = uncaught * s.risk.cost_per_uncaught_error;
        let total =
            inference + retrieval + infrastructure + maintenance + oversight + errors + change;
        let value = req * s.value.minutes_saved_per_request / 60.0 * s.value.labour_hourly_cost;
        let net = value - total;
        cumulative += net;
        if payback.is_none() && cumulative >= 0.0 {
            payback = Some(m as u32);
        }
        months.push(V1Month {
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
            model_costs,
        });
    }
    (months, payback)
}

/// The plan's written text with every version-2 field written out at its
/// default, under `version: 2`.
fn with_explicit_defaults(s: &Scenario) -> String {
    let mut out = String::new();
    for line in write_plan(s).lines() {
        let t = line.trim_start();
        let line = if t.starts_with("version: 1,") {
            line.replace("version: 1", "version: 2")
        } else if t.starts_with("pricing: SelfHosted(") {
            line.replacen(
                "),",
                ", peak_to_average: 1.0, gpus_per_replica: 1, spare_replicas: 0),",
                1,
            )
        } else {
            line.to_string()
        };
        if line == ")" {
            out.push_str("    sources: [],\n");
        }
        out.push_str(&line);
        out.push('\n');
        let extra: &[&str] = if t.starts_with("overhead_pct:") {
            &[
                "calls_per_request: 1.0,",
                "ramp_months: 0,",
                "ramp_start_pct: 0.0,",
            ]
        } else if t.starts_with("discount_pct:") {
            &["error_rate_pct: None,", "token_factor: 1.0,"]
        } else if t.starts_with("maintenance_pct_per_year:") {
            &["months: 0,"]
        } else if t.starts_with("cost_per_uncaught_error:") {
            &["drift_pct_per_month: 0.0,", "error_costs: [],"]
        } else if t.starts_with("labour_hourly_cost:") {
            &[
                "baseline_error_rate_pct: 0.0,",
                "realization_pct: 100.0,",
                "discount_rate_pct_per_year: 0.0,",
            ]
        } else {
            &[]
        };
        for e in extra {
            out.push_str("        ");
            out.push_str(e);
            out.push('\n');
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn version_1_plans_project_as_the_version_1_engine(s in arb_v1_plan()) {
        let p = project(&s);
        let (reference, payback) = v1_reference(&s);
        prop_assert_eq!(p.months.len(), reference.len());
        for (m, r) in p.months.iter().zip(&reference) {
            let got = V1Month {
                requests: m.requests,
                calls: m.calls,
                inference: m.inference,
                retrieval: m.retrieval,
                infrastructure: m.infrastructure,
                maintenance: m.maintenance,
                oversight: m.oversight,
                errors: m.errors,
                change: m.change,
                total: m.total,
                value: m.value,
                net: m.net,
                cumulative_net: m.cumulative_net,
                reviewer_fte_needed: m.reviewer_fte_needed,
                review_coverage_pct: m.review_coverage_pct,
                model_costs: (0..s.models.len())
                    .map(|i| {
                        let x = p.model_month(m.month as usize, i);
                        (x.cost, x.gpus)
                    })
                    .collect(),
            };
            prop_assert!(got.agrees_with(r), "month {}: {:?} vs the version-1 engine {:?}", m.month, got, r);
            prop_assert_eq!(m.adoption_pct, 100.0);
            prop_assert_eq!(m.errors_avoided, 0.0);
            prop_assert_eq!(m.error_rate_pct, s.risk.error_rate_pct);
        }
        prop_assert_eq!(p.totals.payback_month, payback);
        prop_assert_eq!(p.totals.payback_month_from_start, payback);
        prop_assert_eq!(p.totals.npv.to_bits(), (-s.build.initial_cost + p.months.iter().map(|m| m.net).sum::<f64>()).to_bits());
    }

    #[test]
    fn every_v2_field_written_at_its_default_projects_identically(s in arb_v1_plan()) {
        let text = with_explicit_defaults(&s);
        let explicit = parse_plan(text.as_bytes(), &builtin())
            .map_err(|e| TestCaseError::fail(format!("{}\n{text}", e.render("explicit"))))?;
        prop_assert_eq!(explicit.version, 2);
        prop_assert_eq!(project(&explicit), project(&s));
        // …and it is written back as the version-1 plan it really is.
        prop_assert_eq!(write_plan(&explicit), write_plan(&s));
    }

    #[test]
    fn per_model_rates_equal_to_the_plans_rate_change_nothing(s in arb_v1_plan()) {
        let mut explicit = s.clone();
        for m in &mut explicit.models {
            m.error_rate_pct = Some(s.risk.error_rate_pct);
        }
        let (a, b) = (project(&s), project(&explicit));
        for (x, y) in a.months.iter().zip(&b.months) {
            let tol = 1e-12 * x.errors.abs().max(1.0);
            prop_assert!((x.errors - y.errors).abs() <= tol, "{} vs {}", x.errors, y.errors);
        }
    }
}
