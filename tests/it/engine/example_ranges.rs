//! Issue 12, item 5: every shipped example answers "how sure are you?" for
//! its version-2 inputs too: ranges on the inputs a client would be unsure of
//! (adoption ramp, baseline error rate, realization, per-model error rates,
//! peak factor), all valid, all moving the Monte Carlo band.

use crate::common;

use common::{root, scenario};
use runcost::model::analysis::uncertainty::simulate;
use runcost::model::fields::{Field, PlanField};
use runcost::model::validate::validate;

/// The version-2 inputs a range may sit on (the paths of spec §5).
fn is_v2_input(path: &str) -> bool {
    [
        "workload.calls_per_request",
        "workload.ramp_months",
        "workload.ramp_start_pct",
        "build.months",
        "risk.drift_pct_per_month",
        "value.baseline_error_rate_pct",
        "value.realization_pct",
        "value.discount_rate_pct_per_year",
    ]
    .contains(&path)
        || (path.starts_with("models[")
            && [
                ".error_rate_pct",
                ".token_factor",
                ".pricing.peak_to_average",
                ".pricing.gpus_per_replica",
                ".pricing.spare_replicas",
            ]
            .iter()
            .any(|t| path.ends_with(t)))
        || path.starts_with("risk.error_costs[")
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn every_example_ranges_version_2_inputs_and_stays_valid() {
    for name in examples() {
        let s = scenario(&name);
        assert!(validate(&s).is_empty(), "{name}: {:?}", validate(&s));
        let v2: Vec<String> = s
            .uncertainty
            .iter()
            .map(|r| r.field.to_string())
            .filter(|f| is_v2_input(f))
            .collect();
        assert!(
            v2.len() >= 2,
            "{name} ranges only {v2:?} among its version-2 inputs"
        );
        assert!(
            v2.iter()
                .any(|f| *f == "workload.ramp_months" || *f == "value.baseline_error_rate_pct"),
            "{name}: neither the ramp nor today's error rate has a range"
        );
    }
}

#[test]
fn the_self_hosted_example_ranges_its_peak_and_its_untested_error_rate() {
    let s = scenario("support-self-hosted");
    let paths: Vec<String> = s.uncertainty.iter().map(|r| r.field.to_string()).collect();
    let fields: Vec<&str> = paths.iter().map(String::as_str).collect();
    assert!(
        fields.contains(&"models[0].pricing.peak_to_average"),
        "{fields:?}"
    );
    assert!(fields.contains(&"models[0].error_rate_pct"), "{fields:?}");
}

#[test]
fn a_range_on_a_version_2_input_widens_the_monte_carlo_band() {
    for name in examples() {
        let mut s = scenario(&name);
        let all = simulate(&s, 400, 7);
        // Keep only the version-2 ranges: the band must still have a width,
        // so the new ranges are live, not ignored.
        s.uncertainty.retain(|r| is_v2_input(&r.field.path()));
        let v2 = simulate(&s, 400, 7);
        assert_eq!(v2.overflowed, 0, "{name}");
        assert!(
            v2.tco.p90 > v2.tco.p10,
            "{name}: version-2 ranges do not move the TCO band: {:?}",
            v2.tco
        );
        assert!(all.tco.p90 - all.tco.p10 > 0.0, "{name}");
    }
}

#[test]
fn a_whole_number_input_drawn_in_between_rounds_to_the_nearest_month() {
    let mut s = scenario("support-assistant");
    let f = Field::Plan(PlanField::RampMonths);
    assert!(f.set(&mut s, 4.7));
    assert_eq!(s.workload.ramp_months, 5);
    assert!(f.set(&mut s, 4.2));
    assert_eq!(s.workload.ramp_months, 4);
}
