//! Version 3 against the formulas of spec §6 written out plainly (powers
//! where the engine keeps running products), over random version-1 plans
//! given random version-3 inputs: cache writes, uplifts, commitments,
//! prefill speed, tools, raises, people, a team cap, a ceiling, flagged
//! review and price steps. And every version-3 input at its default leaves
//! the plan's projection and its written bytes as they were.

use crate::common;

use common::arb::arb_v1_plan;
use common::builtin;
use proptest::prelude::*;
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{Person, PriceJump, Pricing, Reviewers, Scenario, Tool, project, validate};

/// The random version-3 inputs laid over a plan.
#[derive(Debug, Clone)]
struct Extras {
    cache_write: f64,
    write_price: Option<f64>,
    discount: f64,
    commitment: f64,
    prefill: Option<f64>,
    tools: Vec<(f64, f64)>,
    salary: f64,
    people: Vec<(f64, f64, u32, Option<u32>)>,
    team: Option<f64>,
    ceiling: Option<f64>,
    recall: Option<f64>,
    steps: Vec<(u32, f64)>,
}

fn arb_extras() -> impl Strategy<Value = Extras> {
    (
        (
            0.0..100.0f64,
            proptest::option::of(0.0..20.0f64),
            -100.0..100.0f64,
            prop_oneof![Just(0.0), 0.0..20_000.0f64],
        ),
        (
            proptest::option::of(100.0..50_000.0f64),
            proptest::collection::vec((0.0..5.0f64, 0.0..50.0f64), 0..3),
            -50.0..100.0f64,
        ),
        proptest::collection::vec(
            (
                0.0..3.0f64,
                0.0..300_000.0f64,
                1u32..30,
                proptest::option::of(1u32..60),
            ),
            0..3,
        ),
        (
            proptest::option::of(0.0..200.0f64),
            proptest::option::of(1.0..60_000.0f64),
            proptest::option::of(0.0..100.0f64),
        ),
        proptest::collection::vec((1u32..60, -90.0..200.0f64), 0..3),
    )
        .prop_map(|(a, b, people, c, steps)| Extras {
            cache_write: a.0,
            write_price: a.1,
            discount: a.2,
            commitment: a.3,
            prefill: b.0,
            tools: b.1,
            salary: b.2,
            people,
            team: c.0,
            ceiling: c.1,
            recall: c.2,
            steps,
        })
}

/// `s` with the extras, brought inside what validation allows.
fn with(mut s: Scenario, x: &Extras) -> Scenario {
    let h = s.horizon_months;
    s.workload.cache_write_pct = x.cache_write.min(100.0 - s.workload.cached_input_pct);
    if s.workload.cache_write_pct < 1e-6 {
        s.workload.cache_write_pct = 0.0;
    }
    let last = s.models.len() - 1;
    for (i, m) in s.models.iter_mut().enumerate() {
        m.discount_pct = if i == 0 { x.discount } else { m.discount_pct };
        m.commitment_monthly = if i == last { x.commitment } else { 0.0 };
        match &mut m.pricing {
            Some(Pricing::Api(a)) => a.cache_write_per_mtok = x.write_price,
            Some(Pricing::SelfHosted(hp)) => hp.input_tokens_per_second_per_gpu = x.prefill,
            None => {}
        }
    }
    s.workload.tools = x
        .tools
        .iter()
        .enumerate()
        .map(|(i, &(per_request, price_per_thousand))| Tool {
            name: format!("tool {i}"),
            per_request,
            price_per_thousand,
        })
        .collect();
    s.oversight.salary_growth_pct_per_year = x.salary;
    s.people = x
        .people
        .iter()
        .enumerate()
        .map(|(i, &(fte, annual_cost, from, until))| {
            let from_month = from.min(h);
            Person {
                role: format!("role {i}"),
                fte,
                annual_cost,
                from_month,
                until_month: until.map(|u| u.clamp(from_month, h)),
            }
        })
        .collect();
    s.value.team_fte = x.team;
    s.workload.max_requests_per_day = x.ceiling;
    s.oversight.flagged_recall_pct = x.recall;
    let mut months: Vec<(u32, f64)> = x.steps.iter().map(|&(m, p)| (m.min(h), p)).collect();
    months.sort_by_key(|(m, _)| *m);
    months.dedup_by_key(|(m, _)| *m);
    s.change.price_steps = months
        .into_iter()
        .map(|(month, pct)| PriceJump { month, pct })
        .collect();
    s.version = 3;
    s
}

/// One month of spec §6 (over §2, for a plan whose version-2 inputs are at
/// their defaults).
#[derive(Debug)]
struct Ref {
    requests: f64,
    inference: f64,
    gpus: f64,
    oversight: f64,
    tools: f64,
    people: f64,
    errors: f64,
    uncaught: f64,
    total: f64,
    cash: f64,
    time_value: f64,
    fte_saved: f64,
    value: f64,
}

fn reference(s: &Scenario) -> Vec<Ref> {
    let w = &s.workload;
    let g = w.monthly_growth_pct / 100.0;
    let (k, wr) = (w.cached_input_pct / 100.0, w.cache_write_pct / 100.0);
    let (tin, tout, trsn) = (w.input_tokens, w.output_tokens, w.reasoning_tokens);
    let o = &s.oversight;
    let r = &s.retrieval;
    let mut out = Vec::new();
    for m in 1..=s.horizon_months {
        let mf = (m - 1) as f64;
        let mut daily = w.requests_per_day * (1.0 + g).powf(mf);
        if let Some(max) = w.max_requests_per_day {
            daily = daily.min(max);
        }
        let req = daily * w.days_per_month;
        let calls = req * (1.0 + w.overhead_pct / 100.0);
        let steps: f64 = s
            .change
            .price_steps
            .iter()
            .filter(|st| st.month <= m)
            .map(|st| 1.0 + st.pct / 100.0)
            .product();
        let p_m = (1.0 + s.change.price_change_pct_per_year / 100.0).powf(mf / 12.0) * steps;
        let (mut inference, mut gpus) = (0.0, 0.0);
        for e in &s.models {
            let share = e.share_pct / 100.0;
            let (mut cost, mut n) = (0.0, 0.0);
            if share != 0.0 {
                match e.pricing.as_ref().unwrap() {
                    Pricing::Api(a) => {
                        let (p_in, p_cached, p_out) = a.effective(tin);
                        let p_cw = a.cache_write(tin);
                        let c = (tin * (1.0 - k - wr) * p_in
                            + tin * k * p_cached
                            + tin * wr * p_cw
                            + (tout + trsn) * p_out)
                            / 1e6;
                        cost = calls
                            * share
                            * c
                            * (1.0 - w.batch_pct / 100.0 * a.batch_discount_pct / 100.0)
                            * (1.0 - e.discount_pct / 100.0)
                            * p_m;
                    }
                    Pricing::SelfHosted(h) => {
                        let seconds = 3600.0 * h.utilization_pct / 100.0;
                        let hours = match h.input_tokens_per_second_per_gpu {
                            Some(t_in) => {
                                (calls * share * tin / t_in
                                    + calls * share * (tout + trsn) / h.tokens_per_second_per_gpu)
                                    / seconds
                            }
                            None => {
                                calls * share * (tin + tout + trsn)
                                    / (h.tokens_per_second_per_gpu * seconds)
                            }
                        };
                        n = (h.min_gpus as f64).max((hours / 730.0).ceil());
                        cost = n * 730.0 * h.gpu_hourly;
                    }
                }
            }
            inference += cost.max(e.commitment_monthly);
            gpus += n;
        }
        let retrieval = if r.enabled {
            let searches = req * r.searches_per_request;
            let corpus = if m == 1 {
                r.corpus_tokens
            } else {
                r.corpus_tokens * r.refresh_pct_per_month / 100.0
            };
            (corpus + searches * r.query_tokens) * r.embedding.per_mtok.unwrap_or(0.0) / 1e6 * p_m
                + r.vector_db_monthly
                + searches / 1e6 * r.vector_db_per_million_queries
                + searches / 1000.0 * r.rerank_per_thousand_searches
        } else {
            0.0
        };
        let infrastructure: f64 = s
            .infrastructure
            .iter()
            .map(|i| i.monthly + req / 1000.0 * i.per_thousand_requests)
            .sum();
        let maintenance = s.build.initial_cost * s.build.maintenance_pct_per_year / 100.0 / 12.0;
        let change = s.change.model_updates_per_year * s.change.retune_cost_per_update / 12.0;
        let needed =
            req * o.review_pct / 100.0 * o.minutes_per_review / 60.0 / o.productive_hours_per_month;
        let staffed = match o.reviewers {
            Reviewers::Auto => needed,
            Reviewers::Fixed(x) => x,
        };
        let coverage = if needed == 0.0 {
            1.0
        } else {
            (staffed / needed).min(1.0)
        };
        let w_m = (1.0 + o.salary_growth_pct_per_year / 100.0).powf(mf / 12.0);
        let oversight = w_m
            * (staffed * o.reviewer_annual_cost / 12.0 + o.owner_fte * o.owner_annual_cost / 12.0);
        let people = w_m
            * s.people
                .iter()
                .filter(|p| p.from_month <= m && p.until_month.is_none_or(|u| m <= u))
                .map(|p| p.fte * p.annual_cost / 12.0)
                .sum::<f64>();
        let tools: f64 = w
            .tools
            .iter()
            .map(|t| req * t.per_request * t.price_per_thousand / 1000.0)
            .sum();
        let recall = o.flagged_recall_pct.unwrap_or(o.review_pct);
        let uncaught = req * s.risk.error_rate_pct / 100.0
            * (1.0 - recall / 100.0 * coverage * s.risk.review_catch_pct / 100.0);
        let errors = uncaught * s.risk.cost_per_uncaught_error;
        let total = inference
            + retrieval
            + infrastructure
            + maintenance
            + oversight
            + errors
            + change
            + tools
            + people;
        let mut hours = req * s.value.minutes_saved_per_request / 60.0;
        if let Some(t) = s.value.team_fte {
            hours = hours.min(t * o.productive_hours_per_month);
        }
        let time_value = hours * s.value.labour_hourly_cost;
        out.push(Ref {
            requests: req,
            inference,
            gpus,
            oversight,
            tools,
            people,
            errors,
            uncaught,
            total,
            cash: total - errors,
            time_value,
            fte_saved: hours / o.productive_hours_per_month,
            value: time_value,
        });
    }
    out
}

fn near(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn version_3_projects_as_the_spec_writes_it(s in arb_v1_plan(), x in arb_extras()) {
        let s = with(s, &x);
        prop_assume!(validate(&s).is_empty());
        let p = project(&s);
        let reference = reference(&s);
        prop_assert_eq!(p.months.len(), reference.len());
        for (m, r) in p.months.iter().zip(&reference) {
            for (what, got, want) in [
                ("requests", m.requests, r.requests),
                ("inference", m.inference, r.inference),
                ("gpus", m.gpus, r.gpus),
                ("oversight", m.oversight, r.oversight),
                ("tools", m.tools, r.tools),
                ("people", m.people, r.people),
                ("errors", m.errors, r.errors),
                ("uncaught", m.uncaught_errors, r.uncaught),
                ("total", m.total, r.total),
                ("cash", m.cash, r.cash),
                ("time value", m.time_value, r.time_value),
                ("fte saved", m.fte_saved, r.fte_saved),
                ("value", m.value, r.value),
            ] {
                prop_assert!(near(got, want), "month {} {}: {} vs the spec's {}", m.month, what, got, want);
            }
        }
        let t = &p.totals;
        let cash: f64 = reference.iter().map(|r| r.cash).sum();
        prop_assert!(near(t.cash_tco, s.build.initial_cost + cash), "cash TCO {} vs {}", t.cash_tco, s.build.initial_cost + cash);
        prop_assert!(near(t.net, t.time_value - t.cash_tco - t.quality_impact), "net = time value − cash TCO − quality impact");
        let peak = reference.iter().map(|r| r.fte_saved).fold(0.0, f64::max);
        prop_assert!(near(t.peak_fte_saved, peak));
        // Written and read back, the plan is the same plan.
        let text = write_plan(&s);
        let again = parse_plan(text.as_bytes(), &builtin()).map_err(|e| TestCaseError::fail(e.render("written")))?;
        prop_assert_eq!(project(&again).totals, p.totals);
    }

    #[test]
    fn version_3_inputs_at_their_defaults_change_nothing(s in arb_v1_plan()) {
        let mut explicit = s.clone();
        explicit.version = 3;
        let text = write_plan(&s);
        prop_assert!(text.contains("    version: 1,\n"));
        prop_assert_eq!(explicit.format_version(), 1);
        prop_assert_eq!(write_plan(&explicit), text);
        let p = project(&s);
        for m in &p.months {
            // +0.0, not −0.0 (an empty f64 sum), which JSON would print.
            prop_assert_eq!(m.tools.to_bits(), 0.0f64.to_bits());
            prop_assert_eq!(m.people.to_bits(), 0.0f64.to_bits());
            prop_assert!(m.infrastructure.is_sign_positive());
            prop_assert_eq!(m.cash.to_bits(), (m.total - m.errors).to_bits());
            prop_assert_eq!(m.time_value.to_bits(), (m.value - m.errors_avoided).to_bits());
        }
        prop_assert_eq!(p.totals.expected_error_cost, p.totals.errors);
    }
}
