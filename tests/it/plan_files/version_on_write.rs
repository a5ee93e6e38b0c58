//! Which format version a plan is written as (spec §5): a plan that sets no
//! version-2 field to a non-default value is written as `version: 1`, byte for
//! byte as the version-1 writer wrote it; any version-2 field makes it
//! `version: 2`. Reading accepts both; a version-1 file may not set a
//! version-2 field.

use crate::common;

use common::{builtin, fixture, load, root};
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{Confidence, ErrorCost, Pricing, Scenario, Source};

/// Each shipped plan and version-1 worked example, with the bytes the
/// version-1 writer produced for it (captured before version 2 existed, in
/// tests/fixtures/v1-written/).
fn v1_plans() -> Vec<(String, Scenario, String)> {
    let mut out = Vec::new();
    for (dir, prefix) in [
        ("scenarios", "scenarios-"),
        ("tests/fixtures/spec", "spec-"),
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("v2-"))
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let golden_path = fixture(&format!("v1-written/{prefix}{name}"));
            let plan = load(&p);
            // An example born as a version-2 plan has no version-1 form.
            if plan.format_version() == 2 && !golden_path.exists() {
                continue;
            }
            let golden = std::fs::read_to_string(&golden_path)
                .unwrap_or_else(|_| panic!("no v1-written golden for {name}"));
            // The shipped examples became version-2 plans (issue 12); their
            // version-1 form is kept as the golden itself, which must still
            // be written back byte for byte.
            let plan = if plan.format_version() == 2 {
                load(&golden_path)
            } else {
                plan
            };
            out.push((name, plan, golden));
        }
    }
    out
}

#[test]
fn v1_plans_are_written_byte_identical_to_the_v1_writer() {
    let plans = v1_plans();
    assert!(plans.len() >= 8, "only {} plans", plans.len());
    for (name, s, golden) in plans {
        let text = write_plan(&s);
        assert_eq!(text, golden, "{name}: the written bytes changed");
        assert!(text.contains("    version: 1,\n"), "{name}");
    }
}

#[test]
fn a_v1_plan_read_as_version_2_in_memory_is_still_written_as_version_1() {
    let mut s = load(&fixture("spec/support-assistant.ron"));
    assert_eq!(s.format_version(), 1);
    s.version = 2;
    assert!(write_plan(&s).contains("    version: 1,\n"));
}

/// Every version-2 field, one at a time, moves the plan to version 2, and the
/// written plan reads back identical.
#[test]
fn each_v2_field_makes_the_plan_version_2_and_round_trips() {
    let base = common::scenario("support-self-hosted");
    let edits: Vec<(&str, Edit)> = vec![
        (
            "calls_per_request",
            Box::new(|s| s.workload.calls_per_request = 3.0),
        ),
        ("ramp_months", Box::new(|s| s.workload.ramp_months = 4)),
        (
            "ramp_start_pct",
            Box::new(|s| s.workload.ramp_start_pct = 20.0),
        ),
        (
            "error_rate_pct",
            Box::new(|s| s.models[0].error_rate_pct = Some(1.5)),
        ),
        ("token_factor", Box::new(|s| s.models[0].token_factor = 1.3)),
        (
            "peak_to_average",
            Box::new(|s| hosted(s).peak_to_average = 2.5),
        ),
        (
            "gpus_per_replica",
            Box::new(|s| hosted(s).gpus_per_replica = 4),
        ),
        ("spare_replicas", Box::new(|s| hosted(s).spare_replicas = 1)),
        ("months", Box::new(|s| s.build.months = 3)),
        (
            "drift_pct_per_month",
            Box::new(|s| s.risk.drift_pct_per_month = 2.0),
        ),
        (
            "error_costs",
            Box::new(|s| {
                s.risk.error_costs = vec![ErrorCost {
                    name: "minor".into(),
                    share_pct: 100.0,
                    cost: 5.0,
                }]
            }),
        ),
        (
            "baseline_error_rate_pct",
            Box::new(|s| s.value.baseline_error_rate_pct = 3.0),
        ),
        (
            "realization_pct",
            Box::new(|s| s.value.realization_pct = 60.0),
        ),
        (
            "discount_rate_pct_per_year",
            Box::new(|s| s.value.discount_rate_pct_per_year = 8.0),
        ),
        (
            "sources",
            Box::new(|s| {
                s.sources = vec![Source {
                    field: "workload.requests_per_day".into(),
                    source: "Zendesk export".into(),
                    confidence: Confidence::High,
                }]
            }),
        ),
    ];
    for (field, edit) in edits {
        let mut s = base.clone();
        edit(&mut s);
        let text = write_plan(&s);
        assert!(
            text.starts_with("// runcost plan, format version 2."),
            "{field}"
        );
        assert!(text.contains("    version: 2,\n"), "{field}:\n{text}");
        assert!(
            text.contains(&format!("{field}:")),
            "{field} is not written:\n{text}"
        );
        let again = parse_plan(text.as_bytes(), &builtin())
            .unwrap_or_else(|e| panic!("{field}: {}\n{text}", e.render("written")));
        let mut expected = s.clone();
        expected.version = 2;
        assert_eq!(again, expected, "{field} did not round-trip");
        assert_eq!(
            write_plan(&again),
            text,
            "{field}: writing is not deterministic"
        );
    }
}

type Edit = Box<dyn Fn(&mut Scenario)>;

fn hosted(s: &mut Scenario) -> &mut runcost::model::SelfHostedPricing {
    s.models
        .iter_mut()
        .find_map(|m| match m.pricing.as_mut() {
            Some(Pricing::SelfHosted(h)) => Some(h),
            _ => None,
        })
        .expect("the plan has a self-hosted model")
}

#[test]
fn setting_a_v2_field_back_to_its_default_returns_the_plan_to_version_1() {
    let base = load(&fixture("spec/support-assistant.ron"));
    let mut s = base.clone();
    s.value.realization_pct = 60.0;
    assert!(write_plan(&s).contains("version: 2,"));
    s.value.realization_pct = 100.0;
    assert_eq!(write_plan(&s), write_plan(&base));
}

/// The v2 worked examples read, and their written form keeps the spec's
/// field order within each section.
#[test]
fn the_v2_examples_are_written_in_the_spec_field_order() {
    let s = load(&fixture("spec/v2-support-baseline-ramp.ron"));
    assert_eq!(s.version, 2);
    let text = write_plan(&s);
    let order = [
        "version: 2",
        "overhead_pct:",
        "calls_per_request: 1.5",
        "ramp_months: 4",
        "ramp_start_pct: 20.0",
        "share_pct: 85.0",
        "error_rate_pct: Some(2.5)",
        "pricing: Api(",
        "token_factor: 1.3",
        "maintenance_pct_per_year: 20.0",
        "months: 3",
        "cost_per_uncaught_error: 18.0",
        "drift_pct_per_month: 3.0",
        "error_costs: [",
        "labour_hourly_cost: 38.0",
        "baseline_error_rate_pct: 3.0",
        "realization_pct: 60.0",
        "discount_rate_pct_per_year: 10.0",
        "sources: [",
        "confidence: High",
    ];
    let mut at = 0;
    for key in order {
        let found = text[at..]
            .find(key)
            .unwrap_or_else(|| panic!("{key:?} missing or out of order in:\n{text}"));
        at += found;
    }
    let again = parse_plan(text.as_bytes(), &builtin()).unwrap();
    assert_eq!(again, s);

    let gpus = load(&fixture("spec/v2-claims-agent-gpus.ron"));
    let text = write_plan(&gpus);
    assert!(
        text.contains("min_gpus: 4, peak_to_average: 2.5, gpus_per_replica: 4, spare_replicas: 1)"),
        "{text}"
    );
    assert_eq!(parse_plan(text.as_bytes(), &builtin()).unwrap(), gpus);
}

#[test]
fn a_version_1_file_with_a_v2_field_is_refused_naming_the_field() {
    let text = "Scenario(\n    version: 1,\n    name: \"x\",\n    workload: (requests_per_day: 100.0,\n        calls_per_request: 3.0),\n    models: [(id: \"m\", share_pct: 100.0, pricing: Api(input_per_mtok: 1.0))],\n    value: (realization_pct: 50.0),\n)\n";
    let err = parse_plan(text.as_bytes(), &builtin())
        .expect_err("version 1 with v2 fields must be refused")
        .render("plan.ron");
    assert!(
        err.contains("plan.ron:5:9: workload.calls_per_request is a format version 2 field"),
        "{err}"
    );
    assert!(err.contains("write `version: 2`"), "{err}");
    assert!(
        err.contains("plan.ron:7:13: value.realization_pct"),
        "{err}"
    );
    // The same file saying version 2 is read.
    let v2 = text.replace("version: 1", "version: 2");
    let s = parse_plan(v2.as_bytes(), &builtin()).unwrap();
    assert_eq!(s.workload.calls_per_request, 3.0);
    assert_eq!(s.value.realization_pct, 50.0);
}

#[test]
fn version_3_is_the_newer_version_error() {
    let text = "Scenario(version: 3, name: \"x\", workload: (), models: [])";
    let err = parse_plan(text.as_bytes(), &builtin())
        .unwrap_err()
        .render("p.ron");
    assert!(err.contains("format version 3"), "{err}");
    assert!(err.contains("reads versions up to 2"), "{err}");
}
