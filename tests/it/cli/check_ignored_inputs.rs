//! Nothing a shipped plan sets is silently ignored: severity tiers replace
//! `risk.cost_per_uncaught_error` (spec §5), so a plan that sets both gets a
//! `runcost check` warning, and no shipped example does.

use crate::common;

use common::{root, runcost, scenario};
use runcost::model::validate::warnings;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_cost_per_error_beside_severity_tiers_is_a_warning_naming_what_wins() {
    let mut s = scenario("compliance-review");
    assert!(!s.risk.error_costs.is_empty());
    assert!(warnings(&s).is_empty(), "{:?}", warnings(&s));
    s.risk.cost_per_uncaught_error = 2000.0;
    let w = warnings(&s);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("risk.cost_per_uncaught_error is 2000"),
        "{}",
        w[0]
    );
    assert!(
        w[0].contains("severity tiers (risk.error_costs) replace it"),
        "{}",
        w[0]
    );
    // The tiers' weighted mean: 90 % × 600 + 9.5 % × 8,000 + 0.5 % × 150,000.
    assert!(w[0].contains("2050 an error"), "{}", w[0]);
    // Without tiers the cost per error is used, so nothing to warn about.
    s.risk.error_costs.clear();
    assert!(warnings(&s).is_empty());
}

#[test]
fn a_range_on_the_replaced_cost_per_error_is_a_warning() {
    let mut s = scenario("compliance-review");
    s.uncertainty.push(runcost::model::UncertainRange {
        field: "risk.cost_per_uncaught_error".into(),
        low: 0.0,
        high: 10.0,
    });
    let w = warnings(&s);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("changes nothing"), "{}", w[0]);
}

#[test]
fn check_prints_the_warning_and_still_passes() {
    let text = std::fs::read_to_string(root().join("scenarios/compliance-review.ron")).unwrap();
    let both = text.replace(
        "review_catch_pct: 95.0,",
        "review_catch_pct: 95.0, cost_per_uncaught_error: 2000.0,",
    );
    assert_ne!(
        both, text,
        "the example's risk section moved; update this test"
    );
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("both.ron");
    std::fs::write(&f, both).unwrap();
    let out = runcost(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let o = stdout(&out);
    assert!(o.contains("both.ron: ok"), "{o}");
    assert!(
        o.contains("both.ron: warning: risk.cost_per_uncaught_error is 2000 but is ignored"),
        "{o}"
    );
}

#[test]
fn no_shipped_example_sets_an_input_the_projection_ignores() {
    for entry in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let s = scenario(&name);
        assert!(warnings(&s).is_empty(), "{name}: {:?}", warnings(&s));
    }
}
