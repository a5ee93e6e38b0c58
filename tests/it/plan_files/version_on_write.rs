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
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                !name.starts_with("v2-") && !name.starts_with("v3-")
            })
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let golden_path = fixture(&format!("v1-written/{prefix}{name}"));
            let plan = load(&p);
            // An example born as a version-2 plan has no version-1 form.
            if plan.format_version() >= 2 && !golden_path.exists() {
                continue;
            }
            let golden = std::fs::read_to_string(&golden_path)
                .unwrap_or_else(|_| panic!("no v1-written golden for {name}"));
            // The shipped examples became version-2 plans (issue 12), then
            // version 3 (issue 22); their version-1 form is kept as the
            // golden itself, which must still be written back byte for byte.
            let plan = if plan.format_version() >= 2 {
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
    // The example as it shipped in version 1 (it is a version-3 plan now).
    let base = load(&fixture("v1-written/scenarios-support-self-hosted.ron"));
    assert_eq!(base.format_version(), 1);
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
fn version_4_is_the_newer_version_error() {
    let text = "Scenario(version: 4, name: \"x\", workload: (), models: [])";
    let err = parse_plan(text.as_bytes(), &builtin())
        .unwrap_err()
        .render("p.ron");
    assert!(err.contains("format version 4"), "{err}");
    assert!(err.contains("reads versions up to 3"), "{err}");
}

/// A version-2 plan (the v2 example) with one version-3 field set in the
/// file, by the field's path and the text that sets it.
const V3_EDITS: [(&str, &str, &str); 8] = [
    (
        "workload.cache_write_pct",
        "calls_per_request:",
        "cache_write_pct: 5.0, calls_per_request:",
    ),
    (
        "workload.tools",
        "calls_per_request:",
        "tools: [(name: \"search\", per_request: 1.0, price_per_thousand: 10.0)], calls_per_request:",
    ),
    (
        "workload.max_requests_per_day",
        "calls_per_request:",
        "max_requests_per_day: Some(5000.0), calls_per_request:",
    ),
    (
        "oversight.salary_growth_pct_per_year",
        "review_pct:",
        "salary_growth_pct_per_year: 3.0, review_pct:",
    ),
    (
        "oversight.flagged_recall_pct",
        "review_pct:",
        "flagged_recall_pct: Some(30.0), review_pct:",
    ),
    (
        "value.team_fte",
        "minutes_saved_per_request:",
        "team_fte: Some(12.0), minutes_saved_per_request:",
    ),
    (
        "change.price_steps",
        "model_updates_per_year:",
        "price_steps: [(month: 7, pct: 20.0)], model_updates_per_year:",
    ),
    (
        "people",
        "    workload:",
        "    people: [(role: \"Eval\", fte: 0.5, annual_cost: 150000.0)],\n    workload:",
    ),
];

fn v2_text() -> String {
    std::fs::read_to_string(fixture("spec/v2-support-baseline-ramp.ron")).unwrap()
}

#[test]
fn a_version_2_file_with_a_v3_field_is_refused_naming_the_field_and_the_fix() {
    for (path, at, with) in V3_EDITS {
        let text = v2_text();
        assert!(text.contains(at), "{at}");
        let edited = text.replacen(at, with, 1);
        let err = parse_plan(edited.as_bytes(), &builtin())
            .unwrap_err()
            .render("p.ron");
        assert!(err.contains(path), "{path}: {err}");
        assert!(
            err.contains("format version 3") && err.contains("write `version: 3`"),
            "{err}"
        );
        // Saying version 3, the same file is read and written as version 3.
        let v3 = edited.replacen("version: 2", "version: 3", 1);
        let s = parse_plan(v3.as_bytes(), &builtin())
            .unwrap_or_else(|e| panic!("{path}: {}", e.render("p.ron")));
        assert_eq!(s.format_version(), 3, "{path}");
        let written = write_plan(&s);
        assert!(written.contains("    version: 3,\n"), "{path}");
        let again = parse_plan(written.as_bytes(), &builtin()).unwrap();
        assert_eq!(again, s, "{path} round-trips");
        assert_eq!(write_plan(&again), written, "{path}: the same bytes");
    }
    // An uplift (a discount below 0) is version 3 too.
    let edited = v2_text().replacen("share_pct:", "discount_pct: -10.0, share_pct:", 1);
    let err = parse_plan(edited.as_bytes(), &builtin())
        .unwrap_err()
        .render("p.ron");
    assert!(
        err.contains("discount_pct below 0") && err.contains("version: 3"),
        "{err}"
    );
}

#[test]
fn the_v3_examples_are_written_back_byte_for_byte_as_version_3() {
    for name in ["v3-support-cash-vs-risk", "v3-research-agent-commitments"] {
        let s = load(&fixture(&format!("spec/{name}.ron")));
        assert_eq!(s.format_version(), 3);
        let written = write_plan(&s);
        let again = parse_plan(written.as_bytes(), &builtin()).unwrap();
        assert_eq!(again, s, "{name}");
        assert_eq!(write_plan(&again), written, "{name}");
        // A version-3 plan with its version-3 fields back at their defaults
        // is the version-2 plan it was.
        let mut older = s.clone();
        older.workload.cache_write_pct = 0.0;
        older.workload.tools.clear();
        older.workload.max_requests_per_day = None;
        older.people.clear();
        older.cases.clear();
        older.change.price_steps.clear();
        older.oversight.salary_growth_pct_per_year = 0.0;
        older.oversight.flagged_recall_pct = None;
        older.value.team_fte = None;
        for m in &mut older.models {
            m.commitment_monthly = 0.0;
            m.discount_pct = m.discount_pct.max(0.0);
            match &mut m.pricing {
                Some(Pricing::Api(a)) => a.cache_write_per_mtok = None,
                Some(Pricing::SelfHosted(h)) => h.input_tokens_per_second_per_gpu = None,
                None => {}
            }
        }
        assert_eq!(older.format_version(), 2, "{name}");
        assert!(write_plan(&older).contains("    version: 2,\n"));
    }
}
