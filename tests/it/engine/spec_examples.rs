//! The worked examples of the contract, compared month by month and for every
//! total with their independently computed reports.

use crate::common;

use common::{close, fixture, load, runcost};
use serde_json::Value;

fn compare(actual: &Value, expected: &Value, path: &str) {
    match expected {
        Value::Object(map) => {
            for (k, v) in map {
                let a = actual
                    .get(k)
                    .unwrap_or_else(|| panic!("{path}.{k} is missing from the report"));
                compare(a, v, &format!("{path}.{k}"));
            }
        }
        Value::Array(items) => {
            let a = actual
                .as_array()
                .unwrap_or_else(|| panic!("{path} is not a list"));
            assert_eq!(a.len(), items.len(), "{path} length");
            for (i, (x, y)) in a.iter().zip(items).enumerate() {
                compare(x, y, &format!("{path}[{i}]"));
            }
        }
        Value::Number(n) => {
            let a = actual
                .as_f64()
                .unwrap_or_else(|| panic!("{path}: expected a number, got {actual}"));
            close(a, n.as_f64().unwrap(), path);
        }
        other => assert_eq!(actual, other, "{path}"),
    }
}

fn check_example(name: &str) {
    let plan = fixture(&format!("spec/{name}.ron"));
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture(&format!("spec/{name}.expected.json"))).unwrap(),
    )
    .unwrap();

    // Through the library…
    let s = load(&plan);
    let p = runcost::model::project(&s);
    let json: Value =
        serde_json::from_str(&runcost::report::json::render(&s, &p).unwrap()).unwrap();
    compare(&json, &expected, name);

    // …and through the command other tools call.
    let out = runcost(&["report", plan.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    compare(&cli, &expected, name);
}

#[test]
fn support_assistant_matches_its_expected_report() {
    check_example("support-assistant");
}

#[test]
fn long_context_understaffed_matches_its_expected_report() {
    check_example("long-context-understaffed");
}

#[test]
fn self_hosted_70b_matches_its_expected_report() {
    check_example("self-hosted-70b");
}

#[test]
fn v2_support_baseline_ramp_matches_its_expected_report() {
    check_example("v2-support-baseline-ramp");
}

#[test]
fn v2_claims_agent_gpus_matches_its_expected_report() {
    check_example("v2-claims-agent-gpus");
}

#[test]
fn json_report_uses_null_for_absent_figures() {
    let out = runcost(&[
        "report",
        fixture("spec/self-hosted-70b.ron").to_str().unwrap(),
        "-f",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["totals"]["payback_month"], Value::Null);
    assert_eq!(v["horizon_months"], 3);
}

#[test]
fn v3_support_cash_vs_risk_matches_its_expected_report() {
    check_example("v3-support-cash-vs-risk");
}

#[test]
fn v3_research_agent_commitments_matches_its_expected_report() {
    check_example("v3-research-agent-commitments");
}
