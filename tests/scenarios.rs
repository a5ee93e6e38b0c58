//! The example plans: each loads, validates, and lands where its story says.

mod common;

use common::{builtin, close, root, scenario};
use runcost::model::{Pricing, project};
use runcost::store::plans::{DEFAULT_TEMPLATE, TEMPLATES, load_template};

#[test]
fn every_built_in_template_is_the_file_in_scenarios() {
    for t in TEMPLATES {
        let on_disk =
            std::fs::read_to_string(root().join("scenarios").join(format!("{}.ron", t.name)))
                .unwrap_or_else(|_| panic!("scenarios/{}.ron is missing", t.name));
        assert_eq!(on_disk, t.text, "{} is embedded as it is on disk", t.name);
        load_template(t, &builtin()).unwrap_or_else(|e| panic!("{}", e.render(t.name)));
    }
    assert!(TEMPLATES.iter().any(|t| t.name == DEFAULT_TEMPLATE));
    let files = std::fs::read_dir(root().join("scenarios")).unwrap().count();
    assert_eq!(files, TEMPLATES.len(), "every example plan is built in");
}

#[test]
fn small_document_workflow_costs_a_few_hundred_dollars_to_run_the_machine() {
    let p = project(&scenario("doc-processing-small"));
    let m = &p.months[0];
    let machine = m.inference + m.infrastructure;
    assert!(
        (200.0..600.0).contains(&machine),
        "inference + infrastructure = {machine}"
    );
    // 120 invoices · 22 days · 1.05 calls; (5000·2.5 + 700·15)/1e6 per call; batch halves half.
    close(m.inference, 2772.0 * 0.023 * 0.75, "inference");
    // People cost far more than the machine.
    assert!(m.oversight + m.errors > 5.0 * machine);
}

#[test]
fn the_same_workflow_at_scale_is_dominated_by_volume_costs() {
    let small = project(&scenario("doc-processing-small"));
    let scale = project(&scenario("doc-processing-scale"));
    close(scale.months[0].requests, 88_000.0, "4,000 a day · 22 days");
    assert!(scale.months[0].inference > 10.0 * small.months[0].inference);
    assert!(
        scale.totals.cost_per_request.unwrap() < small.totals.cost_per_request.unwrap(),
        "fixed costs spread over more documents"
    );
    assert!(
        scale.months[11].requests > scale.months[0].requests,
        "it grows"
    );
}

#[test]
fn support_assistant_grows_with_retrieval_and_auto_review() {
    let s = scenario("support-assistant");
    let p = project(&s);
    close(p.months[0].requests, 75_000.0, "2,500 a day · 30 days");
    close(p.months[1].requests, 79_500.0, "6 % growth");
    assert!(
        s.retrieval.enabled && p.months[0].retrieval > p.months[1].retrieval - 20.0,
        "month 1 embeds the whole corpus"
    );
    assert!(
        p.months.iter().all(|m| m.review_coverage_pct == 100.0),
        "Auto staffing covers the load"
    );
    assert!(
        p.totals.run_cost > 4.0 * p.totals.build_cost,
        "running is the bigger number"
    );
    assert_eq!(p.totals.payback_month, Some(1));
}

#[test]
fn self_hosted_variant_pays_for_an_idle_four_gpu_node() {
    let api = project(&scenario("support-assistant"));
    let gpu_plan = scenario("support-self-hosted");
    assert!(matches!(
        gpu_plan.models[0].pricing,
        Some(Pricing::SelfHosted(_))
    ));
    let gpu = project(&gpu_plan);
    for m in &gpu.months {
        close(m.inference, 4.0 * 730.0 * 2.69, "four always-on H100s");
    }
    assert!(
        gpu.totals.inference > 10.0 * api.totals.inference,
        "at this volume APIs are far cheaper"
    );
    assert!(gpu.totals.tco > api.totals.tco);
}

#[test]
fn compliance_review_is_understaffed_and_errors_dominate() {
    let s = scenario("compliance-review");
    let p = project(&s);
    let m = &p.months[0];
    // 800 · 30 · 60 % · 8 min = 1,920 h → 13.7 FTE needed vs 12 staffed.
    close(m.reviewer_fte_needed, 1920.0 / 140.0, "needed FTE");
    close(
        m.review_coverage_pct,
        12.0 / (1920.0 / 140.0) * 100.0,
        "coverage",
    );
    assert!(
        p.months[23].review_coverage_pct < m.review_coverage_pct,
        "growth widens the gap"
    );
    assert!(
        p.totals.errors > p.totals.oversight,
        "the error path is the largest line"
    );
    assert!(p.totals.errors > 0.5 * p.totals.run_cost);
    assert_eq!(p.months.len(), 24);
}
