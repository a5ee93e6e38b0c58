//! The monthly cost model of spec §2 with the version-2 lines of §5, month by
//! month over the horizon (the types are in `mod.rs`).

use super::rates::{FIXED_RATES, Rate, base_error_rate, pricing_in_force, update_period};
use super::{ModelMonth, Month, Projection, Totals};
use crate::model::prices::YearMonth;
use crate::model::scenario::{Reviewers, Scenario};

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
    let mut drift_factor = 1.0;
    let full_realization = s.value.realization_pct == 100.0;
    let baseline = s.value.baseline_error_rate_pct;
    // Discounting for the NPV, from the start of the build: (1 + r)^(B + m)
    // as a running product from (1 + r)^B, one multiplication a month instead
    // of a power (within 1e-13 relative of the power over any horizon, far
    // inside the contract's 1e-7; no discount rate does no discounting at all).
    let monthly_rate = if s.value.discount_rate_pct_per_year == 0.0 {
        0.0
    } else {
        (1.0 + s.value.discount_rate_pct_per_year / 100.0).powf(1.0 / 12.0) - 1.0
    };
    let build_months = s.build.months;
    let mut discount = if monthly_rate == 0.0 {
        1.0
    } else {
        (1.0 + monthly_rate).powf(build_months as f64)
    };
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
    // The calendar month is needed only for a rate that is not fixed.
    let dated =
        start.is_some() && (0..n_models).any(|i| fixed_rates.get(i).is_none_or(Option::is_none));
    // Month-invariant parts of the formulas, each the same f64 the formula
    // computes first (left to right), so hoisting them changes no bit.
    // Review that targets flagged answers catches the recall's share of the
    // wrong answers; a random sample catches the reviewed share (spec §6).
    let review_share = o.flagged_recall_pct.unwrap_or(o.review_pct) / 100.0;
    // Version 3 (spec §6); each at its default leaves §5 exactly.
    let salary_step = if o.salary_growth_pct_per_year == 0.0 {
        1.0
    } else {
        (1.0 + o.salary_growth_pct_per_year / 100.0).powf(1.0 / 12.0)
    };
    let mut salary = 1.0;
    let tool_fees: f64 = w
        .tools
        .iter()
        .map(|t| t.per_request * t.price_per_thousand / 1000.0)
        .sum();
    let mut steps = s.change.price_steps.iter().peekable();
    let mut step_factor = 1.0;
    let saved_cap = s.value.team_fte.map(|t| t * o.productive_hours_per_month);
    let refresh_tokens = r.corpus_tokens * r.refresh_pct_per_month / 100.0;
    let mut cumulative = -s.build.initial_cost;
    let mut t = Totals {
        build_cost: s.build.initial_cost,
        ..Totals::default()
    };

    // Growth (1 + g)^(m − 1) and price drift d^((m − 1)/12) as running
    // products, one multiplication a month instead of a power: within
    // 1e-14 relative over a 120-month horizon, far inside the contract's 1e-7.
    let mut growth = 1.0;
    let drift_step = if drift == 1.0 {
        1.0
    } else {
        drift.powf(1.0 / 12.0)
    };
    let mut p_m = 1.0;
    for m in 1..=horizon {
        let mf = (m - 1) as f64;
        if m > 1 {
            growth *= 1.0 + g;
            p_m *= drift_step;
            salary *= salary_step;
        }
        while let Some(step) = steps.next_if(|st| st.month as usize <= m) {
            step_factor *= 1.0 + step.pct / 100.0;
        }
        let p_m = if step_factor == 1.0 {
            p_m
        } else {
            p_m * step_factor
        };
        let adoption = if w.ramp_months == 0 {
            1.0
        } else {
            (s0 + (1.0 - s0) * mf / ramp).min(1.0)
        };
        let req = match w.max_requests_per_day {
            None => w.requests_per_day * w.days_per_month * growth * adoption,
            Some(max) => (w.requests_per_day * growth).min(max) * w.days_per_month * adoption,
        };
        let calls = req * w.calls_per_request * overhead;

        // Inference.
        let mut inference = 0.0;
        let mut gpus_total = 0.0;
        let calendar = if dated {
            start.map(|st| st.plus((m - 1) as u32))
        } else {
            None
        };
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
            // A commitment is billed at least, whatever the traffic (spec §6).
            let line = if entry.commitment_monthly > 0.0 {
                ModelMonth {
                    cost: line.cost.max(entry.commitment_monthly),
                    ..line
                }
            } else {
                line
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
                refresh_tokens
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
            // From +0.0: an empty sum of f64 is −0.0, which JSON would print.
            .fold(0.0, |sum, i| {
                sum + (i.monthly + req / 1000.0 * i.per_thousand_requests)
            });

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
        let oversight = if salary == 1.0 {
            oversight
        } else {
            salary * oversight
        };
        let tools = if tool_fees == 0.0 {
            0.0
        } else {
            w.tools.iter().fold(0.0, |sum, t| {
                sum + req * t.per_request * t.price_per_thousand / 1000.0
            })
        };
        let people: f64 = s
            .people
            .iter()
            .filter(|r| r.active_in(m as u32))
            .fold(0.0, |sum, r| sum + r.fte * r.annual_cost / 12.0);
        let people = if salary == 1.0 {
            people
        } else {
            salary * people
        };

        // Errors: the rate drifts for k_m months since the last model update.
        let error_rate = if error_drift == 1.0 {
            e_base.min(100.0)
        } else {
            let since_update = match update_period {
                Some(p) => (m - 1) % p,
                None => m - 1,
            };
            // (1 + d)^k as a running product, back to exactly 1 at each
            // update (within 1e-13 relative of the power; version 2 only).
            drift_factor = if since_update == 0 {
                1.0
            } else {
                drift_factor * error_drift
            };
            (e_base * drift_factor).min(100.0)
        };
        let uncaught = req * error_rate / 100.0
            * (1.0 - review_share * coverage * s.risk.review_catch_pct / 100.0);
        let errors = uncaught * cost_per_error;
        let errors_avoided = req * baseline / 100.0 * cost_per_error;

        let total = inference
            + retrieval
            + infrastructure
            + maintenance
            + oversight
            + errors
            + change
            + tools
            + people;
        let hours_saved = req * s.value.minutes_saved_per_request / 60.0;
        let hours_saved = if full_realization {
            hours_saved
        } else {
            hours_saved * s.value.realization_pct / 100.0
        };
        let (hours_saved, time_value) = match saved_cap {
            // §5's order of operations, so a plan without a team keeps its bits.
            None => {
                let labour =
                    req * s.value.minutes_saved_per_request / 60.0 * s.value.labour_hourly_cost;
                let labour = if full_realization {
                    labour
                } else {
                    labour * s.value.realization_pct / 100.0
                };
                (hours_saved, labour)
            }
            Some(cap) => {
                let hours = hours_saved.min(cap);
                (hours, hours * s.value.labour_hourly_cost)
            }
        };
        let fte_saved = hours_saved / o.productive_hours_per_month;
        let cash = total - errors;
        let quality_impact = errors - errors_avoided;
        let value = time_value + errors_avoided;
        let net = value - total;
        cumulative += net;
        discounted_net += if monthly_rate == 0.0 {
            net
        } else {
            discount *= 1.0 + monthly_rate;
            net / discount
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
        t.tools += tools;
        t.people += people;
        t.cash_run_cost += cash;
        t.quality_impact += quality_impact;
        t.time_value += time_value;
        t.peak_fte_saved = t.peak_fte_saved.max(fte_saved);
        t.uncaught_errors += uncaught;
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
            tools,
            people,
            cash,
            quality_impact,
            time_value,
            fte_saved,
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
    t.expected_error_cost = t.errors;
    t.cash_tco = t.build_cost + t.cash_run_cost;
    t.roi_on_cash_pct = (t.cash_tco != 0.0).then(|| t.net / t.cash_tco * 100.0);
    t.cash_cost_per_request = (t.requests != 0.0).then(|| t.cash_run_cost / t.requests);
    out.totals = t;
}
