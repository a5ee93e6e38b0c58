//! Invariants of the engine and the file format, over random plans.

use crate::common;

use common::builtin;
use proptest::prelude::*;
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{
    ApiPricing, Category, InfraItem, LongContext, ModelEntry, Pricing, Reviewers, Scenario,
    SelfHostedPricing, project, validate,
};

fn arb_pricing() -> impl Strategy<Value = Pricing> {
    prop_oneof![
        (
            0.0..20.0f64,
            proptest::option::of(0.0..5.0f64),
            0.0..80.0f64,
            0.0..100.0f64,
            proptest::option::of((0.0..400_000.0f64, 0.0..40.0f64, 0.0..100.0f64)),
        )
            .prop_map(|(i, c, o, b, lc)| Pricing::Api(ApiPricing {
                input_per_mtok: i,
                cached_input_per_mtok: c,
                output_per_mtok: o,
                batch_discount_pct: b,
                long_context: lc.map(|(above, li, lo)| LongContext {
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
    fn arb_models()(entries in proptest::collection::vec((arb_pricing(), 0.0..1.0f64, 0.0..50.0f64), 1..4)) -> Vec<ModelEntry> {
        let total: f64 = entries.iter().map(|e| e.1).sum();
        let n = entries.len();
        entries.into_iter().enumerate().map(|(i, (p, w, d))| ModelEntry {
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
    fn arb_scenario()(
        models in arb_models(),
        horizon in 1u32..=60,
        volume in (0.0..50_000.0f64, 1.0..31.0f64, -50.0..30.0f64),
        tokens in (0.0..300_000.0f64, 0.0..5_000.0f64, 0.0..5_000.0f64),
        shares in (0.0..100.0f64, 0.0..100.0f64, 0.0..100.0f64),
        retrieval in proptest::option::of((0.0..1.0f64, 0.0..1e8f64, 0.0..100.0f64, 0.0..500.0f64, 0.0..5.0f64, 0.0..500.0f64, 0.0..50.0f64, 0.0..5.0f64)),
        infra in proptest::collection::vec((0.0..5000.0f64, 0.0..5.0f64), 0..3),
        build in (0.0..1e6f64, 0.0..100.0f64),
        oversight in (0.0..100.0f64, 0.0..30.0f64, proptest::option::of(0.0..20.0f64), 0.0..200_000.0f64, 1.0..200.0f64, 0.0..2.0f64, 0.0..300_000.0f64),
        risk in (0.0..100.0f64, 0.0..100.0f64, 0.0..5000.0f64),
        change in (0.0..12.0f64, 0.0..50_000.0f64, -90.0..100.0f64),
        value in (0.0..60.0f64, 0.0..200.0f64),
        name in "[ -~]{0,20}",
        notes in "(?s).{0,40}",
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

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #[test]
    fn generated_plans_are_valid(s in arb_scenario()) {
        prop_assert_eq!(validate(&s), vec![]);
    }

    #[test]
    fn totals_are_the_sums_of_the_months(s in arb_scenario()) {
        let p = project(&s);
        prop_assert_eq!(p.months.len(), s.horizon_months as usize);
        let t = &p.totals;
        prop_assert!(near(t.run_cost, p.months.iter().map(|m| m.total).sum()));
        prop_assert!(near(t.value, p.months.iter().map(|m| m.value).sum()));
        for c in Category::ALL {
            prop_assert!(near(t.category(c), p.months.iter().map(|m| m.category(c)).sum()));
        }
        for m in &p.months {
            let parts: f64 = Category::ALL.iter().map(|c| m.category(*c)).sum();
            prop_assert!(near(m.total, parts));
            prop_assert!(m.total.is_finite() && m.total >= 0.0);
            prop_assert!((0.0..=100.0).contains(&m.review_coverage_pct));
        }
        prop_assert!(near(t.tco, t.build_cost + t.run_cost));
        prop_assert!(near(t.net, t.value - t.tco));
        let last = p.months.last().unwrap();
        prop_assert!(near(last.cumulative_net, t.value - t.run_cost - t.build_cost));
        if let Some(m) = t.payback_month {
            prop_assert!(p.months[m as usize - 1].cumulative_net >= 0.0);
            prop_assert!(p.months[..m as usize - 1].iter().all(|x| x.cumulative_net < 0.0));
        } else {
            prop_assert!(p.months.iter().all(|x| x.cumulative_net < 0.0));
        }
    }

    #[test]
    fn zero_volume_leaves_only_fixed_costs(mut s in arb_scenario()) {
        s.workload.requests_per_day = 0.0;
        let p = project(&s);
        let r = &s.retrieval;
        for m in &p.months {
            prop_assert_eq!(m.requests, 0.0);
            prop_assert_eq!(m.errors, 0.0);
            prop_assert_eq!(m.value, 0.0);
            let gpus: f64 = s.models.iter().map(|e| match &e.pricing {
                Some(Pricing::SelfHosted(h)) if e.share_pct > 0.0 => h.min_gpus as f64 * 730.0 * h.gpu_hourly,
                _ => 0.0,
            }).sum();
            prop_assert!(near(m.inference, gpus), "inference {} vs idle GPUs {}", m.inference, gpus);
            let drift = (1.0 + s.change.price_change_pct_per_year / 100.0).powf((m.month - 1) as f64 / 12.0);
            let corpus = if m.month == 1 { r.corpus_tokens } else { r.corpus_tokens * r.refresh_pct_per_month / 100.0 };
            let retrieval = if r.enabled {
                corpus * r.embedding.per_mtok.unwrap_or(0.0) / 1e6 * drift + r.vector_db_monthly
            } else { 0.0 };
            prop_assert!(near(m.retrieval, retrieval));
            let infra: f64 = s.infrastructure.iter().map(|i| i.monthly).sum();
            prop_assert!(near(m.infrastructure, infra));
            let fixed_reviewers = match s.oversight.reviewers { Reviewers::Fixed(x) => x, Reviewers::Auto => 0.0 };
            let o = &s.oversight;
            prop_assert!(near(m.oversight, fixed_reviewers * o.reviewer_annual_cost / 12.0 + o.owner_fte * o.owner_annual_cost / 12.0));
        }
    }

    #[test]
    fn api_only_cost_never_falls_when_volume_rises(mut s in arb_scenario(), factor in 1.0..5.0f64) {
        for m in &mut s.models {
            if let Some(Pricing::SelfHosted(_)) = m.pricing {
                m.pricing = Some(Pricing::Api(ApiPricing { input_per_mtok: 1.0, output_per_mtok: 2.0, ..Default::default() }));
            }
        }
        let low = project(&s);
        s.workload.requests_per_day *= factor;
        let high = project(&s);
        for (a, b) in low.months.iter().zip(&high.months) {
            prop_assert!(b.total >= a.total - 1e-9 * a.total.abs().max(1.0), "month {}: {} → {}", a.month, a.total, b.total);
        }
    }

    #[test]
    fn save_load_save_gives_identical_bytes(s in arb_scenario()) {
        let first = write_plan(&s);
        let loaded = parse_plan(first.as_bytes(), &builtin()).map_err(|e| TestCaseError::fail(e.render("saved")))?;
        prop_assert_eq!(&loaded, &s, "the plan survives a round trip");
        prop_assert_eq!(write_plan(&loaded), first);
    }

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_plan(&bytes, &builtin());
    }

    #[test]
    fn mutated_plans_never_panic_the_loader(s in arb_scenario(), cuts in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..40, "[(),:\\[\\]\"a-z0-9.\\-\\n ]{0,6}"), 1..5)) {
        let mut text = write_plan(&s).into_bytes();
        for (at, len, insert) in cuts {
            let start = at.index(text.len() + 1);
            let end = (start + len).min(text.len());
            text.splice(start..end, insert.bytes());
        }
        if let Ok(plan) = parse_plan(&text, &builtin()) {
            // Whatever survives the mutation is a valid plan that projects cleanly.
            prop_assert_eq!(validate(&plan), vec![]);
            let p = project(&plan);
            prop_assert!(p.totals.tco.is_finite());
        }
    }
}
