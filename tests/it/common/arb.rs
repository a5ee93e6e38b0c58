//! Random plans for the property tests, written once: any valid plan, or a
//! version-1 plan (every version-2 input at its default).

use proptest::prelude::*;
use runcost::model::{
    ApiPricing, InfraItem, LongContext, ModelEntry, Pricing, Reviewers, Scenario, SelfHostedPricing,
};

/// Any plan the engine accepts.
pub fn arb_scenario() -> impl Strategy<Value = Scenario> {
    arb_plan(false)
}

/// A random version-1 plan: every version-2 input at its default.
pub fn arb_v1_plan() -> impl Strategy<Value = Scenario> {
    arb_plan(true)
}

/// `range`, or for a version-1 plan exactly zero half the time.
fn zero_or(v1: bool, range: std::ops::Range<f64>) -> BoxedStrategy<f64> {
    if v1 {
        prop_oneof![Just(0.0), range].boxed()
    } else {
        range.boxed()
    }
}

/// Text from `pattern`, or `fixed` for a version-1 plan.
fn text(v1: bool, fixed: &'static str, pattern: &'static str) -> BoxedStrategy<String> {
    if v1 {
        Just(fixed.to_string()).boxed()
    } else {
        proptest::string::string_regex(pattern)
            .expect("a valid pattern")
            .boxed()
    }
}

pub fn arb_pricing() -> impl Strategy<Value = Pricing> {
    prop_oneof![
        (
            0.0..20.0f64,
            proptest::option::of(0.0..5.0f64),
            0.0..80.0f64,
            0.0..100.0f64,
            proptest::option::of((0.0..400_000.0f64, 0.0..40.0f64, 0.0..100.0f64)),
        )
            .prop_map(|(i, c, o, b, lc)| Pricing::Api(ApiPricing {
                cache_write_per_mtok: None,
                input_per_mtok: i,
                cached_input_per_mtok: c,
                output_per_mtok: o,
                batch_discount_pct: b,
                long_context: lc.map(|(above, li, lo)| LongContext {
                    cache_write_per_mtok: None,
                    above_tokens: above,
                    input_per_mtok: li,
                    cached_input_per_mtok: None,
                    output_per_mtok: lo,
                }),
            })),
        (0.0..10.0f64, 1.0..20_000.0f64, 1.0..100.0f64, 0u32..8).prop_map(|(h, t, u, m)| {
            Pricing::SelfHosted(SelfHostedPricing {
                gpu_hourly: h,
                tokens_per_second_per_gpu: t,
                utilization_pct: u,
                min_gpus: m,
                ..SelfHostedPricing::default()
            })
        }),
    ]
}

prop_compose! {
    pub fn arb_models()(entries in proptest::collection::vec((arb_pricing(), 0.0..1.0f64, 0.0..50.0f64), 1..4)) -> Vec<ModelEntry> {
        let total: f64 = entries.iter().map(|e| e.1).sum();
        let n = entries.len();
        entries.into_iter().enumerate().map(|(i, (p, w, d))| ModelEntry {
            commitment_monthly: 0.0,
            id: format!("model-{i}"),
            share_pct: if total > 0.0 { w / total * 100.0 } else { 100.0 / n as f64 },
            discount_pct: d,
            error_rate_pct: None,
            token_factor: 1.0,
            pricing: Some(p),
            schedule: Vec::new(),
        }).collect()
    }
}

prop_compose! {
    fn arb_plan(v1: bool)(
        models in arb_models(),
        horizon in 1u32..=60,
        volume in (0.0..50_000.0f64, 1.0..31.0f64, zero_or(v1, -50.0..30.0f64)),
        tokens in (0.0..300_000.0f64, 0.0..5_000.0f64, 0.0..5_000.0f64),
        shares in (0.0..100.0f64, 0.0..100.0f64, 0.0..100.0f64),
        retrieval in proptest::option::of((0.0..1.0f64, 0.0..1e8f64, 0.0..100.0f64, 0.0..500.0f64, 0.0..5.0f64, 0.0..500.0f64, 0.0..50.0f64, 0.0..5.0f64)),
        infra in proptest::collection::vec((0.0..5000.0f64, 0.0..5.0f64), 0..3),
        build in (0.0..1e6f64, 0.0..100.0f64),
        oversight in (0.0..100.0f64, 0.0..30.0f64, proptest::option::of(0.0..20.0f64), 0.0..200_000.0f64, 1.0..200.0f64, 0.0..2.0f64, 0.0..300_000.0f64),
        risk in (0.0..100.0f64, 0.0..100.0f64, 0.0..5000.0f64),
        change in (0.0..12.0f64, 0.0..50_000.0f64, zero_or(v1, -90.0..100.0f64)),
        value in (0.0..60.0f64, 0.0..200.0f64),
        name in text(v1, "random", "[ -~]{0,20}"),
        notes in text(v1, "", "(?s).{0,40}"),
    ) -> Scenario {
        let mut s = Scenario::minimal(&name, models[0].clone());
        s.models = models;
        s.notes = notes;
        s.horizon_months = horizon;
        s.workload.requests_per_day = volume.0;
        s.workload.days_per_month = volume.1;
        s.workload.monthly_growth_pct = volume.2;
        s.workload.input_tokens = tokens.0;
        s.workload.output_tokens = tokens.1;
        s.workload.reasoning_tokens = tokens.2;
        s.workload.cached_input_pct = shares.0;
        s.workload.batch_pct = shares.1;
        s.workload.overhead_pct = shares.2;
        if let Some(r) = retrieval {
            s.retrieval.enabled = true;
            s.retrieval.embedding.id = "emb".into();
            s.retrieval.embedding.per_mtok = Some(r.0);
            s.retrieval.corpus_tokens = r.1;
            s.retrieval.refresh_pct_per_month = r.2;
            s.retrieval.query_tokens = r.3;
            s.retrieval.searches_per_request = r.4;
            s.retrieval.vector_db_monthly = r.5;
            s.retrieval.vector_db_per_million_queries = r.6;
            s.retrieval.rerank_per_thousand_searches = r.7;
        }
        s.infrastructure = infra.into_iter().enumerate().map(|(i, (m, p))| InfraItem {
            name: format!("line {i}"), monthly: m, per_thousand_requests: p,
        }).collect();
        s.build.initial_cost = build.0;
        s.build.maintenance_pct_per_year = build.1;
        let o = &mut s.oversight;
        o.review_pct = oversight.0;
        o.minutes_per_review = oversight.1;
        o.reviewers = oversight.2.map_or(Reviewers::Auto, Reviewers::Fixed);
        o.reviewer_annual_cost = oversight.3;
        o.productive_hours_per_month = oversight.4;
        o.owner_fte = oversight.5;
        o.owner_annual_cost = oversight.6;
        s.risk.error_rate_pct = risk.0;
        s.risk.review_catch_pct = risk.1;
        s.risk.cost_per_uncaught_error = risk.2;
        s.change.model_updates_per_year = change.0;
        s.change.retune_cost_per_update = change.1;
        s.change.price_change_pct_per_year = change.2;
        s.value.minutes_saved_per_request = value.0;
        s.value.labour_hourly_cost = value.1;
        s
    }
}
