//! Nothing a shipped plan sets is silently ignored: severity tiers replace
//! `risk.cost_per_uncaught_error` (spec §5), so a plan that sets both gets a
//! `runcost check` warning, and no shipped example does.

use crate::common;
use crate::common::stdout;

use common::{root, runcost, scenario};
use runcost::model::analysis::sensitivity::sensitivity;
use runcost::model::fields::{Field, ModelField, PlanField};
use runcost::model::validate::warnings;
use runcost::report::assumptions::rows;

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
    // The tiers' weighted mean: 99 % × 600 + 1 % × 8,000 + 0 % × 2,500,000
    // (the enforcement tail is kept for a case).
    assert!(w[0].contains("674 an error"), "{}", w[0]);
    // Without tiers the cost per error is used, so nothing to warn about.
    s.risk.error_costs.clear();
    assert!(warnings(&s).is_empty());
}

#[test]
fn a_range_on_the_replaced_cost_per_error_is_a_warning() {
    let mut s = scenario("compliance-review");
    s.uncertainty
        .push(common::uncertain("risk.cost_per_uncaught_error", 0.0, 10.0));
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
    let (_dir, f) = common::scratch_file("both.ron", both);
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
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let s = scenario(&name);
        assert!(warnings(&s).is_empty(), "{name}: {:?}", warnings(&s));
    }
}

/// support-assistant with the plan-wide wrong-answer rate it used to set,
/// beside its two models' own rates.
fn plan_rate_beside_model_rates() -> runcost::model::Scenario {
    let mut s = scenario("support-assistant");
    assert!(s.models.iter().all(|m| m.error_rate_pct.is_some()));
    s.risk.error_rate_pct = 2.0;
    s
}

#[test]
fn a_plan_wide_error_rate_beside_every_models_own_is_a_warning_naming_what_wins() {
    let s = plan_rate_beside_model_rates();
    let w = warnings(&s);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("risk.error_rate_pct is 2 % but is ignored"),
        "{}",
        w[0]
    );
    // 85 % × 2.5 % + 15 % × 1 %.
    assert!(w[0].contains("share-weighted mean, 2.275 %"), "{}", w[0]);
    // A model without a rate of its own takes the plan's: then it is used.
    let mut some = s.clone();
    some.models[1].error_rate_pct = None;
    assert!(warnings(&some).is_empty(), "{:?}", warnings(&some));
    // A range on it changes nothing either.
    let mut ranged = s.clone();
    ranged.risk.error_rate_pct = 0.0;
    ranged
        .uncertainty
        .push(common::uncertain("risk.error_rate_pct", 1.0, 4.0));
    let w = warnings(&ranged);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("uncertainty["), "{}", w[0]);
    assert!(w[0].contains("ranges risk.error_rate_pct"), "{}", w[0]);
    assert!(w[0].contains("changes nothing"), "{}", w[0]);
}

#[test]
fn check_warns_of_the_replaced_plan_rate_and_its_range_and_still_passes() {
    // The examples where every model has its own rate (the claims agent counts
    // its errors per claim, plan-wide, so its plan rate is used).
    for name in [
        "support-assistant",
        "compliance-review",
        "support-self-hosted",
    ] {
        let text = std::fs::read_to_string(root().join(format!("scenarios/{name}.ron"))).unwrap();
        let both = text
            .replacen("risk: (", "risk: (error_rate_pct: 2.0, ", 1)
            .replacen(
                "uncertainty: [",
                "uncertainty: [ (field: \"risk.error_rate_pct\", low: 1.0, high: 4.0),",
                1,
            );
        assert_ne!(
            both, text,
            "{name}: the risk section moved; update this test"
        );
        let (_dir, f) = common::scratch_file("rated.ron", both);
        let out = runcost(&["check", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        let o = stdout(&out);
        assert!(o.contains("rated.ron: ok"), "{name}: {o}");
        assert!(
            o.contains("rated.ron: warning: risk.error_rate_pct is 2 % but is ignored"),
            "{name}: {o}"
        );
        assert!(o.contains("ranges risk.error_rate_pct"), "{name}: {o}");
    }
}

#[test]
fn the_report_marks_a_replaced_input_as_not_used_in_assumptions_and_how_sure() {
    let value = |s: &runcost::model::Scenario, path: &str| {
        rows(s)
            .into_iter()
            .find(|a| a.path.as_deref() == Some(path))
            .map(|a| a.value)
            .unwrap_or_default()
    };
    let s = plan_rate_beside_model_rates();
    assert_eq!(
        value(&s, "risk.error_rate_pct"),
        "2 % (not used: each model sets its own rate)"
    );
    // The plan that uses its plan-wide rate shows it as it is.
    let small = scenario("doc-processing-small");
    assert_eq!(value(&small, "risk.error_rate_pct"), "2 %");
    // The same for a cost per error beside severity tiers.
    let mut tiers = scenario("compliance-review");
    tiers.risk.cost_per_uncaught_error = 2000.0;
    assert!(
        value(&tiers, "risk.cost_per_uncaught_error")
            .ends_with("(not used: the severity tiers replace it)"),
        "{}",
        value(&tiers, "risk.cost_per_uncaught_error")
    );
    // How sure: a range on the replaced rate is marked where it is listed.
    let text = std::fs::read_to_string(root().join("scenarios/support-assistant.ron")).unwrap();
    let ranged = text.replacen(
        "uncertainty: [",
        "uncertainty: [ (field: \"risk.error_rate_pct\", low: 0.0, high: 4.0),",
        1,
    );
    let (_dir, f) = common::scratch_file("ranged.ron", ranged);
    let out = runcost(&["report", "-f", "md", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let o = stdout(&out);
    let how_sure = &o[o.find("How sure").expect("a How sure section")..];
    assert!(
        how_sure.contains("| Wrong-answer rate (not used: each model sets its own rate) | 0 % |"),
        "{how_sure}"
    );
}

#[test]
fn an_input_that_cannot_move_the_tco_has_no_row_in_the_tornado() {
    // support-self-hosted: one model, so its share is all the traffic.
    let s = scenario("support-self-hosted");
    assert_eq!(s.models.len(), 1);
    let swings = sensitivity(&s, 20.0);
    let share = swings
        .iter()
        .find(|w| w.field == Field::Model(0, ModelField::Share))
        .expect("the share is a driver");
    assert_eq!(share.swing, 0.0, "{share:?}");
    let plan_rate = swings
        .iter()
        .find(|w| w.field == Field::Plan(PlanField::ErrorRate))
        .expect("the plan rate is a driver");
    assert_eq!(plan_rate.swing, 0.0);
    // Counted among the flat inputs, not listed as a row.
    let out = runcost(&[
        "sensitivity",
        root()
            .join("scenarios/support-self-hosted.ron")
            .to_str()
            .unwrap(),
    ]);
    let o = stdout(&out);
    assert!(!o.contains("share of traffic"), "{o}");
    assert!(o.contains("input(s) do not move the TCO at all"), "{o}");
    // Two models: a share moves traffic between them, so it stays.
    let two = scenario("support-assistant");
    let w = sensitivity(&two, 20.0);
    let share = w
        .iter()
        .find(|w| w.field == Field::Model(0, ModelField::Share))
        .unwrap();
    assert!(share.swing > 1.0, "{share:?}");
}
