//! Work that must stay linear in the input: sensitivity over thousands of
//! models, a 100k-entry catalog loaded, overlaid and imported. Timing belongs
//! in `benches/scale.rs`; these tests check the structure (work counted, the
//! answers equal to the slow definition) and that the large cases finish.

use crate::common;

use runcost::codec::litellm::import;
use runcost::model::analysis::sensitivity::{lines_projected, sensitivity};
use runcost::model::analysis::set_keeping_mix;
use runcost::model::pricing::{CatalogModel, catalog_searches};
use runcost::model::{
    ApiPricing, Catalog, InfraItem, LongContext, ModelEntry, Pricing, Scenario, SelfHostedPricing,
    project,
};

fn api(i: usize) -> Pricing {
    Pricing::Api(ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: 0.5 + (i % 7) as f64,
        cached_input_per_mtok: i.is_multiple_of(3).then_some(0.1),
        output_per_mtok: 2.0 + (i % 5) as f64,
        batch_discount_pct: if i.is_multiple_of(4) { 50.0 } else { 0.0 },
        long_context: i.is_multiple_of(6).then_some(LongContext {
            cache_write_per_mtok: None,
            above_tokens: 1000.0,
            input_per_mtok: 9.0,
            cached_input_per_mtok: None,
            output_per_mtok: 20.0,
        }),
    })
}

fn hosted(i: usize) -> Pricing {
    Pricing::SelfHosted(SelfHostedPricing {
        gpu_hourly: 2.0 + (i % 3) as f64,
        tokens_per_second_per_gpu: 500.0,
        utilization_pct: 60.0,
        min_gpus: (i % 2) as u32,
        ..SelfHostedPricing::default()
    })
}

/// A plan with `n` models (every `hosted_every`-th self-hosted, some at share
/// 0) and a few infrastructure lines.
fn big_plan(n: usize, hosted_every: usize) -> Scenario {
    let mut s = common::scenario("support-assistant");
    s.workload.requests_per_day = 50_000.0;
    s.workload.max_requests_per_day = None;
    s.workload.input_tokens = 1500.0;
    let weight = |i: usize| if i % 10 == 9 { 0.0 } else { 1.0 };
    let total: f64 = (0..n).map(weight).sum();
    s.models = (0..n)
        .map(|i| ModelEntry {
            commitment_monthly: 0.0,
            id: format!("model-{i}"),
            share_pct: weight(i) / total * 100.0,
            discount_pct: (i % 3) as f64 * 5.0,
            error_rate_pct: None,
            token_factor: 1.0,
            pricing: Some(if i % hosted_every == 1 {
                hosted(i)
            } else {
                api(i)
            }),
            schedule: Vec::new(),
        })
        .collect();
    s.infrastructure = (0..3)
        .map(|i| InfraItem {
            name: format!("line {i}"),
            monthly: 100.0 * i as f64,
            per_thousand_requests: 0.01 * i as f64,
        })
        .collect();
    s
}

fn close(a: f64, b: f64, what: &str) {
    let tol = 1e-9 * a.abs().max(b.abs()).max(1.0);
    assert!((a - b).abs() <= tol, "{what}: {a} vs {b}");
}

#[test]
fn sensitivity_equals_reprojecting_the_whole_plan_for_every_driver() {
    let mut plans: Vec<Scenario> = [
        "support-assistant",
        "support-self-hosted",
        "doc-processing-scale",
        "compliance-review",
    ]
    .iter()
    .map(|n| common::scenario(n))
    .collect();
    plans.push(big_plan(24, 3));
    for s in &plans {
        for w in sensitivity(s, 20.0) {
            for (x, got) in [(w.low_value, w.tco_low), (w.high_value, w.tco_high)] {
                let mut moved = s.clone();
                set_keeping_mix(&mut moved, w.field, x);
                close(
                    got,
                    project(&moved).totals.tco,
                    &format!("{} {} at {x}", s.name, w.path),
                );
            }
        }
    }
}

#[test]
fn sensitivity_work_grows_linearly_with_the_number_of_models() {
    // Few self-hosted models (their lines are re-projected when a share moves).
    let work = |n: usize| {
        let s = big_plan(n, 100);
        let before = lines_projected();
        let swings = sensitivity(&s, 20.0);
        assert!(swings.len() > 4 * n);
        lines_projected() - before
    };
    let small = work(200);
    let large = work(400);
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 2.5,
        "doubling the models multiplied the projected lines by {ratio:.2} ({small} → {large}): quadratic"
    );
}

#[test]
fn sensitivity_of_2000_models_finishes() {
    let s = big_plan(2000, 200);
    let swings = sensitivity(&s, 20.0);
    assert!(swings.len() > 10_000);
    assert!(swings.windows(2).all(|w| w[0].swing >= w[1].swing));
}

fn entry(i: usize) -> CatalogModel {
    CatalogModel {
        aliases: vec![format!("alias-{i}")],
        context_window: Some(128_000),
        source: "test".into(),
        ..CatalogModel::new(
            &format!("provider-{}/model-{i}", i % 40),
            &format!("provider-{}", i % 40),
            api(i),
        )
    }
}

// 100k entries are measured in `benches/scale.rs`; 20k here keep the debug
// build quick while any lookup by search would show in `catalog_searches`.

#[test]
fn a_large_user_catalog_overlays_and_resolves_every_id_without_searching() {
    let n = 20_000;
    let searches = catalog_searches();
    let mut catalog = common::builtin();
    let builtins = catalog.models.len();
    let user = Catalog::new("2027-01-01".into(), (0..n).map(entry).collect(), Vec::new());
    let (user, rejected) = user.validated();
    assert!(rejected.is_empty());
    catalog.overlay(user);
    assert_eq!(catalog.models.len(), builtins + n);
    for i in (0..n).step_by(97) {
        assert_eq!(
            catalog.model(&format!("alias-{i}")).map(|m| &m.id),
            Some(&format!("provider-{}/model-{i}", i % 40))
        );
    }
    assert_eq!(catalog_searches(), searches, "a lookup searched the list");
}

#[test]
fn importing_a_large_price_list_looks_every_entry_up_by_index() {
    let n = 20_000;
    let searches = catalog_searches();
    let mut json = String::from("{");
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            r#""model-{i}": {{"input_cost_per_token": {}e-07, "output_cost_per_token": {}e-06, "litellm_provider": "provider-{}", "mode": "chat"}}"#,
            1 + i % 9,
            1 + i % 7,
            i % 40
        ));
    }
    json.push('}');
    let (user, report) = import(
        &json,
        &Catalog::default(),
        &common::builtin(),
        None,
        "2027-01-01",
    )
    .unwrap();
    assert_eq!(report.added.len(), n);
    assert_eq!(user.models.len(), n);
    // Importing the same list again over that user catalog changes nothing.
    let mut current = common::builtin();
    current.overlay(user.clone());
    let (_, again) = import(&json, &user, &current, None, "2027-01-02").unwrap();
    assert_eq!(again.unchanged, n);
    assert_eq!(catalog_searches(), searches, "a lookup searched the list");
}

#[test]
fn hosting_break_even_of_a_mixed_plan_agrees_with_full_projections() {
    hosting_agrees(big_plan(30, 4), true);
}

/// A ceiling on the volume and a commitment under an API model's bill make
/// the mix's cost no longer proportional to the volume: the break-even
/// still costs the mix as the projection does.
#[test]
fn hosting_break_even_under_a_volume_ceiling_and_a_commitment_agrees_with_full_projections() {
    let mut s = big_plan(30, 4);
    s.workload.max_requests_per_day = Some(20_000.0);
    s.models[0].commitment_monthly = 250_000.0;
    hosting_agrees(s, false);
}

fn hosting_agrees(s: Scenario, crosses: bool) {
    use runcost::model::analysis::breakeven::hosting;
    let catalog = common::builtin();
    let full = |rpd: f64, option: Option<&CatalogModel>| {
        let mut x = s.clone();
        x.workload.requests_per_day = rpd;
        if let Some(m) = option {
            // The option runs in whole replicas of the GPUs it needs to load
            // (as `hosting` sizes it; the plan here has no peak or spares).
            let mut pricing = m.pricing.clone();
            if let Pricing::SelfHosted(h) = &mut pricing {
                h.gpus_per_replica = h.gpus_per_replica.max(h.min_gpus).max(1);
            }
            x.models = vec![ModelEntry::sole(m.id.clone(), Some(pricing))];
        }
        project(&x).totals.inference
    };
    let found = hosting(&s, &catalog);
    if crosses {
        assert!(found.iter().any(|h| h.requests_per_day.is_some()));
    }
    for h in &found {
        let option = catalog.model(&h.option).unwrap();
        close(
            h.plan_inference,
            full(s.workload.requests_per_day, None),
            "mix",
        );
        close(
            h.option_inference,
            full(s.workload.requests_per_day, Some(option)),
            "option",
        );
        if let Some(rpd) = h.requests_per_day {
            let diff = |v: f64| full(v, None) - full(v, Some(option));
            assert_ne!(
                diff(rpd * 0.98) > 0.0,
                diff(rpd * 1.02) > 0.0,
                "{}: the cheaper side changes at {rpd}",
                h.option
            );
        }
    }
}
