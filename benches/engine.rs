//! Engine speed: projecting a plan (12 and 60 months), re-projecting into
//! reused buffers, and `runcost report FILE --format json` as a whole process.

use std::hint::black_box;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use runcost::codec::{catalog, parse_plan};
use runcost::model::{Projection, project, project_into};

fn plan(horizon: u32) -> runcost::model::Scenario {
    let text = include_str!("../scenarios/support-assistant.ron");
    let mut s = parse_plan(text.as_bytes(), &catalog::builtin()).expect("example plan");
    s.horizon_months = horizon;
    s
}

fn projection(c: &mut Criterion) {
    let twelve = plan(12);
    let sixty = plan(60);
    c.bench_function("project 12 months", |b| {
        b.iter(|| project(black_box(&twelve)))
    });
    c.bench_function("project 60 months", |b| {
        b.iter(|| project(black_box(&sixty)))
    });
    let mut out = Projection::default();
    c.bench_function("project_into 12 months (reused buffers)", |b| {
        b.iter(|| project_into(black_box(&twelve), &mut out))
    });
}

/// Recomputing a 4-plan comparison after an edit: all four projections and the
/// list of differing inputs.
fn comparison(c: &mut Criterion) {
    let catalog = catalog::builtin();
    let plans: Vec<_> = [
        include_str!("../scenarios/support-assistant.ron"),
        include_str!("../scenarios/support-self-hosted.ron"),
        include_str!("../scenarios/doc-processing-scale.ron"),
        include_str!("../scenarios/compliance-review.ron"),
    ]
    .iter()
    .map(|t| parse_plan(t.as_bytes(), &catalog).expect("example plan"))
    .collect();
    let refs: Vec<_> = plans.iter().collect();
    let mut outs = vec![Projection::default(); 4];
    c.bench_function("compare 4 plans (project all + differences)", |b| {
        b.iter(|| {
            for (p, out) in plans.iter().zip(outs.iter_mut()) {
                project_into(p, out);
            }
            black_box(runcost::model::compare::differences(black_box(&refs)))
        })
    });
}

/// Importing a LiteLLM-sized price list (4,900 entries shaped like the real
/// file's, generated here so the bench needs no download).
fn catalog_import(c: &mut Criterion) {
    let mut json = String::from("{");
    for i in 0..4_900 {
        if i > 0 {
            json.push(',');
        }
        let mode = match i % 5 {
            0 => "image_generation",
            1 => "embedding",
            _ => "chat",
        };
        json.push_str(&format!(
            r#""provider-{p}/model-{i}": {{"input_cost_per_token": {inp}e-07, "output_cost_per_token": {out}e-06,
               "cache_read_input_token_cost": {inp}e-08, "input_cost_per_token_batches": {half}e-07,
               "input_cost_per_token_above_200k_tokens": {dbl}e-07, "output_cost_per_token_above_200k_tokens": {out}e-06,
               "litellm_provider": "provider-{p}", "max_input_tokens": 128000, "mode": "{mode}",
               "source": "https://example.com/pricing", "supports_vision": true}}"#,
            p = i % 40,
            inp = 1 + i % 9,
            out = 1 + i % 7,
            half = (1 + i % 9) as f64 / 2.0,
            dbl = 2 * (1 + i % 9),
        ));
    }
    json.push('}');
    let builtin = catalog::builtin();
    let empty = runcost::model::Catalog::default();
    let mut group = c.benchmark_group("catalog");
    group.sample_size(20);
    group.bench_function("import 4,900-entry price list", |b| {
        b.iter(|| {
            runcost::codec::litellm::import(black_box(&json), &empty, &builtin, None, "2026-11-28")
                .expect("imports")
        })
    });
    group.finish();
}

/// The analyses: a full sensitivity run and a 10,000-draw Monte Carlo.
fn analyses(c: &mut Criterion) {
    let mut s = plan(12);
    s.uncertainty = vec![
        runcost::model::UncertainRange {
            field: "workload.requests_per_day".into(),
            low: 1500.0,
            high: 4000.0,
        },
        runcost::model::UncertainRange {
            field: "risk.error_rate_pct".into(),
            low: 1.0,
            high: 4.0,
        },
    ];
    c.bench_function("sensitivity, every input ±20 %", |b| {
        b.iter(|| runcost::model::analysis::sensitivity::sensitivity(black_box(&s), 20.0))
    });
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(20);
    group.bench_function("simulate 10,000 draws", |b| {
        b.iter(|| runcost::model::analysis::uncertainty::simulate(black_box(&s), 10_000, 1))
    });
    group.finish();
}

fn whole_process(c: &mut Criterion) {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/support-assistant.ron"
    );
    let home = std::env::temp_dir().join("runcost-bench-home");
    let mut group = c.benchmark_group("process");
    group.sample_size(30);
    group.bench_function("runcost report FILE --format json", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_runcost"))
                .args(["report", file, "--format", "json"])
                .env("RUNCOST_HOME", &home)
                .output()
                .expect("runcost runs");
            assert!(out.status.success());
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    projection,
    comparison,
    catalog_import,
    analyses,
    whole_process
);
criterion_main!(benches);
