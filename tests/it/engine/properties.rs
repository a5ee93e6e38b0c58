//! Invariants of the engine and the file format, over random plans.

use crate::common;

use common::arb::arb_scenario;
use common::builtin;
use proptest::prelude::*;
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{ApiPricing, Category, Pricing, Reviewers, project, validate};

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
