//! Scale: work that once grew with the square of the input. A 100,000-entry
//! user catalog (read, checked, overlaid on the built-ins) and a 100,000-entry
//! LiteLLM import; a plan of 2,000 models projected, through sensitivity (the
//! tornado) and as the client's Markdown report. Budgets are in the README.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runcost::codec::catalog::{builtin, parse_catalog};
use runcost::codec::litellm::{import, write_catalog};
use runcost::codec::parse_plan;
use runcost::model::pricing::CatalogModel;
use runcost::model::{ApiPricing, Catalog, ModelEntry, Pricing, SelfHostedPricing, project};

const ENTRIES: usize = 100_000;
const MODELS: usize = 2_000;

fn api(i: usize) -> Pricing {
    Pricing::Api(ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: 0.5 + (i % 9) as f64,
        cached_input_per_mtok: Some(0.05),
        output_per_mtok: 2.0 + (i % 7) as f64,
        batch_discount_pct: 50.0,
        long_context: None,
    })
}

fn user_catalog_text() -> String {
    let models = (0..ENTRIES)
        .map(|i| CatalogModel {
            id: format!("provider-{}/model-{i}", i % 40),
            provider: format!("provider-{}", i % 40),
            aliases: Vec::new(),
            pricing: api(i),
            context_window: Some(128_000),
            deprecation: None,
            successor: None,
            source: "bench".into(),
            notes: String::new(),
            schedule: Vec::new(),
            offer: None,
            error_rate: None,
        })
        .collect();
    write_catalog(&Catalog::new("2027-01-01".into(), models, Vec::new()))
}

fn price_list() -> String {
    let mut json = String::from("{");
    for i in 0..ENTRIES {
        if i > 0 {
            json.push(',');
        }
        let mode = if i % 5 == 1 { "embedding" } else { "chat" };
        json.push_str(&format!(
            r#""provider-{p}/model-{i}": {{"input_cost_per_token": {inp}e-07, "output_cost_per_token": {out}e-06,
               "cache_read_input_token_cost": {inp}e-08, "input_cost_per_token_above_200k_tokens": {dbl}e-07,
               "litellm_provider": "provider-{p}", "max_input_tokens": 128000, "mode": "{mode}"}}"#,
            p = i % 40,
            inp = 1 + i % 9,
            out = 1 + i % 7,
            dbl = 2 * (1 + i % 9),
        ));
    }
    json.push('}');
    json
}

fn catalogs(c: &mut Criterion) {
    let text = user_catalog_text();
    let json = price_list();
    let built_in = builtin();
    let mut group = c.benchmark_group("scale: catalog");
    group.sample_size(10);
    group.bench_function(
        "load a 100k-entry user catalog (parse, check, overlay)",
        |b| {
            b.iter(|| {
                let (user, _) = parse_catalog(black_box(&text)).expect("parses").validated();
                let mut catalog = built_in.clone();
                catalog.overlay(user);
                black_box(catalog.model("provider-7/model-99967").is_some())
            })
        },
    );
    let empty = Catalog::default();
    group.bench_function("import a 100k-entry price list", |b| {
        b.iter(|| import(black_box(&json), &empty, &built_in, None, "2027-01-01").expect("imports"))
    });
    group.finish();
}

/// A plan of 2,000 models: API models and every 50th self-hosted.
fn big_plan() -> runcost::model::Scenario {
    let text = include_str!("../scenarios/support-assistant.ron");
    let mut s = parse_plan(text.as_bytes(), &builtin()).expect("example plan");
    s.horizon_months = 36;
    s.models = (0..MODELS)
        .map(|i| ModelEntry {
            commitment_monthly: 0.0,
            id: format!("model-{i}"),
            share_pct: 100.0 / MODELS as f64,
            discount_pct: 0.0,
            error_rate_pct: None,
            token_factor: 1.0,
            pricing: Some(if i % 50 == 1 {
                Pricing::SelfHosted(SelfHostedPricing {
                    gpu_hourly: 2.5,
                    tokens_per_second_per_gpu: 800.0,
                    utilization_pct: 60.0,
                    min_gpus: 1,
                    ..SelfHostedPricing::default()
                })
            } else {
                api(i)
            }),
            schedule: Vec::new(),
        })
        .collect();
    s
}

fn analyses(c: &mut Criterion) {
    let s = big_plan();
    let catalog = builtin();
    let p = project(&s);
    let mut group = c.benchmark_group("scale: 2,000 models");
    group.sample_size(10);
    group.bench_function("project", |b| b.iter(|| project(black_box(&s))));
    group.bench_function("sensitivity (the tornado)", |b| {
        b.iter(|| runcost::model::analysis::sensitivity::sensitivity(black_box(&s), 20.0))
    });
    group.bench_function("client report, Markdown (report -f md)", |b| {
        b.iter(|| runcost::report::client::markdown(black_box(&s), &p, &catalog, "2027-01-01"))
    });
    group.finish();
}

/// A LiteLLM spend log of 1,000,000 rows (about 94 MB), streamed into one
/// estimate row per month and model (issue 23: ≤ 5 s, memory bounded).
fn spend_log(c: &mut Criterion) {
    let mut log = String::from("request_id,call_type,startTime,endTime,model,spend,total_tokens\n");
    let models = [
        "openai/gpt-5.4-mini",
        "claude-sonnet-5-5",
        "gpt-5.4-mini-2026-03-17",
    ];
    for i in 0..1_000_000usize {
        let (d, m) = (1 + i % 28, 1 + (i / 100_000) % 12);
        log.push_str(&format!(
            "r{i},acompletion,2027-{m:02}-{d:02} 10:{:02}:00,2027-{m:02}-{d:02} 10:{:02}:02,{},0.00{},{}\n",
            i % 60,
            i % 60,
            models[i % 3],
            i % 997,
            i % 2000
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spend.csv");
    std::fs::write(&file, log).unwrap();
    let mut g = c.benchmark_group("actuals");
    g.sample_size(10);
    g.bench_function(
        "litellm spend log, 1,000,000 rows, streamed from disk",
        |b| {
            b.iter(|| {
                let read = runcost::store::actuals::read_export(
                    black_box(&file),
                    runcost::codec::actuals_exports::litellm,
                )
                .unwrap();
                assert_eq!(read.rows.len(), 30);
            })
        },
    );
    g.finish();
}

criterion_group!(benches, catalogs, analyses, spend_log);
criterion_main!(benches);
