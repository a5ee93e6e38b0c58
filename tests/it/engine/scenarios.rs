//! The example plans: each loads, validates, and lands where its story says.

use crate::common;

use common::{builtin, close, root, scenario};
use runcost::model::{Pricing, project};
use runcost::store::plans::{DEFAULT_TEMPLATE, TEMPLATES, load_template_on};

#[test]
fn every_built_in_template_is_the_file_in_scenarios() {
    for t in TEMPLATES {
        let on_disk =
            std::fs::read_to_string(root().join("scenarios").join(format!("{}.ron", t.name)))
                .unwrap_or_else(|_| panic!("scenarios/{}.ron is missing", t.name));
        assert_eq!(on_disk, t.text, "{} is embedded as it is on disk", t.name);
        load_template_on(t, &builtin(), None).unwrap_or_else(|e| panic!("{}", e.render(t.name)));
    }
    assert!(TEMPLATES.iter().any(|t| t.name == DEFAULT_TEMPLATE));
    let files = std::fs::read_dir(root().join("scenarios")).unwrap().count();
    assert_eq!(files, TEMPLATES.len(), "every example plan is built in");
}

#[test]
fn every_example_can_be_defended() {
    let catalog = builtin();
    let mut with_sources = 0;
    for t in TEMPLATES {
        let s =
            load_template_on(t, &catalog, None).unwrap_or_else(|e| panic!("{}", e.render(t.name)));
        let p = project(&s);
        assert!(p.overflow().is_none(), "{}", t.name);
        assert!(
            s.value.baseline_error_rate_pct > 0.0,
            "{}: compared with what?",
            t.name
        );
        assert!(s.workload.ramp_months > 0, "{}: an adoption ramp", t.name);
        assert!(s.build.months > 0, "{}: a build period", t.name);
        assert!(!s.uncertainty.is_empty(), "{}: how sure are you?", t.name);
        assert!(
            s.sources
                .iter()
                .any(|x| x.field == "workload.requests_per_day"),
            "{}: the volume says where it comes from",
            t.name
        );
        if s.models.len() > 1 {
            assert!(
                s.models.iter().all(|m| m.error_rate_pct.is_some()),
                "{}: models of different strength err differently",
                t.name
            );
        }
        // Nothing is earned before go-live: payback counts the build months.
        if let Some(m) = p.totals.payback_month {
            assert_eq!(p.totals.payback_month_from_start, Some(m + s.build.months));
            assert!(m > 1, "{}: no payback in month 1 with a ramp", t.name);
        }
        if s.format_version() == 2 && !s.sources.is_empty() {
            with_sources += 1;
        }
    }
    assert!(with_sources >= 2);
}

#[test]
fn small_document_workflow_costs_a_few_hundred_dollars_to_run_the_machine() {
    let s = scenario("doc-processing-small");
    let p = project(&s);
    // Month 1 runs 40 % of the invoices; the ramp is complete in month 4.
    close(p.months[0].adoption_pct, 40.0, "ramp start");
    close(
        p.months[0].requests,
        120.0 * 22.0 * 0.4,
        "requests in month 1",
    );
    let m = &p.months[3];
    close(m.adoption_pct, 100.0, "ramp done");
    let machine = m.inference + m.infrastructure;
    assert!(
        (200.0..600.0).contains(&machine),
        "inference + infrastructure = {machine}"
    );
    // 120 invoices · 22 days · 1.05 calls; (5000·2.5 + 700·15)/1e6 per call; batch halves half.
    close(m.inference, 2772.0 * 0.023 * 0.75, "inference");
    // People cost far more than the machine.
    assert!(m.oversight + m.errors > 5.0 * machine);
    // Today's keying errs at 3 %, each at $40: avoided on every request.
    close(
        p.totals.errors_avoided,
        p.totals.requests * 0.03 * 40.0,
        "errors avoided",
    );
    let t = &p.totals;
    assert!(
        (20.0..35.0).contains(&t.roi_pct.unwrap()),
        "{:?}",
        t.roi_pct
    );
    assert_eq!(t.payback_month, Some(9));
    assert_eq!(t.payback_month_from_start, Some(11));
    assert!(t.npv > 0.0 && t.npv < t.net, "discounting lowers the net");
    // (18 % of $45k + $4k a year) / $45k.
    close(
        t.upkeep_pct_of_build_per_year.unwrap(),
        18.0 + 4000.0 / 45000.0 * 100.0,
        "upkeep",
    );
}

#[test]
fn the_same_workflow_at_scale_is_dominated_by_volume_costs() {
    let small = project(&scenario("doc-processing-small"));
    let scale = project(&scenario("doc-processing-scale"));
    close(
        scale.months[0].requests,
        88_000.0 * 0.2,
        "4,000 a day · 22 days · 20 % adopted",
    );
    assert!(scale.months[6].inference > 10.0 * small.months[6].inference);
    assert!(
        scale.totals.cost_per_request.unwrap() < small.totals.cost_per_request.unwrap(),
        "fixed costs spread over more documents"
    );
    assert!(
        scale.months[11].requests > scale.months[6].requests,
        "it grows"
    );
    // The small model errs more than the large one: 70 % · 2.5 + 30 % · 1.5.
    close(scale.months[0].error_rate_pct, 2.2, "blended error rate");
    assert!(scale.totals.roi_pct.unwrap() > 100.0);
}

#[test]
fn support_assistant_grows_with_retrieval_and_auto_review() {
    let s = scenario("support-assistant");
    let p = project(&s);
    close(
        p.months[0].requests,
        75_000.0 * 0.3,
        "2,500 a day · 30 days · 30 % adopted",
    );
    close(
        p.months[1].requests,
        79_500.0 * (0.3 + 0.7 / 4.0),
        "6 % growth on a ramp",
    );
    let mut no_corpus = s.clone();
    no_corpus.retrieval.corpus_tokens = 0.0;
    let q = project(&no_corpus);
    let corpus = s.retrieval.corpus_tokens * 0.02 / 1e6;
    assert!(s.retrieval.enabled);
    close(
        p.months[0].retrieval - q.months[0].retrieval,
        corpus,
        "month 1 embeds the whole corpus",
    );
    assert!(
        p.months.iter().all(|m| m.review_coverage_pct == 100.0),
        "Auto staffing covers the load"
    );
    assert!(
        p.totals.run_cost > 4.0 * p.totals.build_cost,
        "running is the bigger number"
    );
    // No more "payback in month 1" on a $140k build: the ramp and the four
    // build months count.
    assert_eq!(p.totals.payback_month, Some(3));
    assert_eq!(p.totals.payback_month_from_start, Some(7));
    // 70 % of the saved time becomes money.
    close(
        p.totals.value - p.totals.errors_avoided,
        p.totals.requests * 5.0 / 60.0 * 38.0 * 0.7,
        "labour saved",
    );
}

#[test]
fn self_hosted_variant_runs_whole_four_gpu_replicas_with_a_spare() {
    let api = project(&scenario("support-assistant"));
    let gpu_plan = scenario("support-self-hosted");
    assert!(matches!(
        gpu_plan.models[0].pricing,
        Some(Pricing::SelfHosted(_))
    ));
    let gpu = project(&gpu_plan);
    for m in &gpu.months {
        assert_eq!(m.gpus % 4.0, 0.0, "whole 4-GPU replicas");
        assert!(m.gpus >= 8.0, "one replica and a spare at least");
        close(m.inference, m.gpus * 730.0 * 3.99, "always-on H100s");
    }
    assert!(
        gpu.totals.inference > 10.0 * api.totals.inference,
        "at this volume APIs are far cheaper"
    );
    assert!(gpu.totals.tco > api.totals.tco);
    // The 70B model errs more than the API mix: errors cost more too.
    assert!(gpu.totals.errors > api.totals.errors);
}

#[test]
fn compliance_review_becomes_understaffed_and_errors_dominate() {
    let s = scenario("compliance-review");
    let p = project(&s);
    // 800 · 30 · 60 % · 8 min = 1,920 h at full adoption → 13.7 FTE vs 12.
    let full = &p.months[6];
    close(full.adoption_pct, 100.0, "ramp done in month 7");
    close(
        full.reviewer_fte_needed,
        1920.0 / 140.0 * full.requests / 24_000.0,
        "needed FTE",
    );
    assert_eq!(
        p.months[0].review_coverage_pct, 100.0,
        "enough during the ramp"
    );
    assert!(
        full.review_coverage_pct < 100.0,
        "understaffed once adopted"
    );
    assert!(
        p.months[23].review_coverage_pct < full.review_coverage_pct,
        "growth widens the gap"
    );
    assert!(
        p.totals.errors > p.totals.oversight,
        "the error path is the largest line"
    );
    assert!(p.totals.errors > 0.5 * p.totals.run_cost);
    // Severity tiers: 90 % · $600 + 9.5 % · $8,000 + 0.5 % · $150,000.
    close(
        s.risk.cost_per_error(),
        540.0 + 760.0 + 750.0,
        "average error cost",
    );
    assert_eq!(p.months.len(), 24);
}

#[test]
fn the_claims_agent_makes_several_calls_a_claim_and_a_rare_error_costs_most() {
    let s = scenario("claims-agent");
    let p = project(&s);
    let m = &p.months[0];
    close(m.calls, m.requests * 6.0 * 1.1, "six steps, 10 % retries");
    let avg = s.risk.cost_per_error();
    close(avg, 0.92 * 45.0 + 0.075 * 900.0 + 0.005 * 25_000.0, "tiers");
    let severe = s.risk.error_costs.last().unwrap();
    assert!(
        severe.share_pct / 100.0 * severe.cost > 0.5 * avg,
        "one claim in 200 wrong answers carries over half the expected cost"
    );
    // Errors drift upward between model updates and reset at each.
    assert!(p.months[1].error_rate_pct > p.months[0].error_rate_pct);
    assert!(p.months[4].error_rate_pct < p.months[3].error_rate_pct);
    assert!(p.totals.roi_pct.unwrap() > 0.0);
    assert!(p.totals.upkeep_pct_of_build_per_year.unwrap() > 25.0);
}
