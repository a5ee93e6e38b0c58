//! The example plans: each loads, validates, and lands where its story says.

use crate::common;

use common::{builtin, close, root, scenario};
use runcost::model::cases::project_cases;
use runcost::model::quality::{tier_counts, uncaught_pct, worse_than_today};
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
    // The plans (a sample actuals file sits beside one of them).
    let files = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron"))
        })
        .count();
    assert_eq!(files, TEMPLATES.len(), "every example plan is built in");
}

#[test]
fn every_example_can_be_defended() {
    let catalog = builtin();
    let mut with_sources = 0;
    let mut version_3 = 0;
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
            // Models of different strength err differently, or the plan states
            // one end-to-end rate (an agent's steps are not separate answers).
            let end_to_end = s.models.iter().all(|m| m.error_rate_pct.is_none())
                && s.sources.iter().any(|x| x.field == "risk.error_rate_pct");
            assert!(
                end_to_end || s.models.iter().all(|m| m.error_rate_pct.is_some()),
                "{}: models of different strength err differently",
                t.name
            );
        }
        // The finance review: a cautious case beside the base, on the value
        // drivers; the share of saved time counted as money is stated; value
        // never frees more people than the team it saves time for.
        let cautious = s
            .cases
            .iter()
            .find(|c| c.name == "Cautious")
            .unwrap_or_else(|| panic!("{}: a cautious case", t.name));
        assert!(
            cautious
                .set
                .iter()
                .any(|v| v.field.path() == "value.minutes_saved_per_request"),
            "{}: the cautious case saves less time",
            t.name
        );
        let cases = project_cases(&s);
        let c = &cases.iter().find(|c| c.name == "Cautious").unwrap().totals;
        assert!(
            c.npv < p.totals.npv,
            "{}: cautious is below the base",
            t.name
        );
        assert!(
            s.sources.iter().any(|x| x.field == "value.realization_pct"),
            "{}: realization is stated and sourced, not a 100 % default",
            t.name
        );
        let team = s
            .value
            .team_fte
            .unwrap_or_else(|| panic!("{}: whose time is saved?", t.name));
        assert!(p.totals.peak_fte_saved <= team + 1e-9, "{}", t.name);
        if s.format_version() == 3 {
            version_3 += 1;
        }
        // Nothing is earned before go-live: payback counts the build months.
        if let Some(m) = p.totals.payback_month {
            assert_eq!(p.totals.payback_month_from_start, Some(m + s.build.months));
            assert!(m > 1, "{}: no payback in month 1 with a ramp", t.name);
        }
        if s.format_version() >= 2 && !s.sources.is_empty() {
            with_sources += 1;
        }
    }
    assert!(with_sources >= 2);
    assert!(version_3 >= 3, "{version_3} example plans use version 3");
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
    // 70 % of the saved time is counted as money (stated, not a 100 %
    // default): at 120 invoices a day the first year does not pay back.
    let t = &p.totals;
    assert_eq!(s.value.realization_pct, 70.0);
    let roi = t.roi_on_cash_pct.unwrap();
    assert!((-10.0..0.0).contains(&roi), "ROI on cash {roi}");
    assert_eq!(t.payback_month, None);
    // Three clerks key invoices today; the system frees about one of them.
    assert!(
        (1.0..2.0).contains(&t.peak_fte_saved),
        "{}",
        t.peak_fte_saved
    );
    assert!(t.npv < 0.0, "a loss in present value too");
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
fn self_hosted_variant_runs_one_two_gpu_replica_sized_on_prefill_and_decode() {
    let api = project(&scenario("support-assistant"));
    let gpu_plan = scenario("support-self-hosted");
    let Some(Pricing::SelfHosted(h)) = &gpu_plan.models[0].pricing else {
        panic!("self-hosted")
    };
    assert_eq!(
        h.input_tokens_per_second_per_gpu,
        Some(2800.0),
        "prefill speed"
    );
    assert_eq!((h.gpus_per_replica, h.spare_replicas), (2, 0));
    let gpu = project(&gpu_plan);
    for m in &gpu.months {
        // Growth levels off at 4,000 a day: one replica carries the peak.
        assert_eq!(
            m.gpus, 2.0,
            "month {}: one FP8 replica, no idle spare",
            m.month
        );
        close(m.inference, m.gpus * 730.0 * 3.99, "always-on H100s");
    }
    // At twice the volume, taking the decode speed for input too (version 2)
    // sizes a second replica that the prefill speed shows is not needed.
    let mut busy = gpu_plan.clone();
    busy.workload.requests_per_day = 5000.0;
    busy.workload.max_requests_per_day = Some(8000.0);
    let mut decode_only = busy.clone();
    if let Some(Pricing::SelfHosted(h)) = decode_only.models[0].pricing.as_mut() {
        h.input_tokens_per_second_per_gpu = None;
    }
    assert_eq!(project(&busy).months[11].gpus, 2.0);
    assert_eq!(project(&decode_only).months[11].gpus, 4.0);
    assert!(
        gpu.totals.inference > 3.0 * api.totals.inference,
        "at this volume APIs are still cheaper"
    );
    assert!(gpu.totals.cash_tco > api.totals.cash_tco);
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
    // Severity tiers: 99 % · $600 + 1 % · $8,000; the enforcement tail is 0
    // in the base and sits in its own case.
    close(s.risk.cost_per_error(), 594.0 + 80.0, "average error cost");
    let tiers = tier_counts(&s, &p.totals);
    assert_eq!(tiers[2].count, 0.0, "no enforcement action is expected");
    assert!(
        tiers[1].count < 100.0,
        "late SARs over two years: {}",
        tiers[1].count
    );
    let cases = project_cases(&s);
    let tail = &cases
        .iter()
        .find(|c| c.name == "Enforcement tail")
        .unwrap()
        .totals;
    let in_tail = tail.expected_error_cost - p.totals.expected_error_cost;
    assert!(in_tail > 0.0, "the tail adds expected loss");
    close(tail.cash_tco, p.totals.cash_tco, "a tail is not a bill");
    // The expected loss is an estimate beside the cash, not most of it.
    assert!(p.totals.expected_error_cost < p.totals.cash_tco);
    assert!(p.totals.peak_fte_saved <= 40.0, "the L1 team is 40");
    assert_eq!(p.months.len(), 24);
}

#[test]
fn the_claims_agent_makes_several_calls_a_claim_and_a_rare_error_costs_most() {
    let s = scenario("claims-agent");
    let p = project(&s);
    let m = &p.months[0];
    close(m.calls, m.requests * 6.0 * 1.1, "six steps, 10 % retries");
    // One end-to-end rate a claim: the steps' failures are retried (billed
    // as overhead), not a share-weighted mix of step failures.
    assert!(s.models.iter().all(|m| m.error_rate_pct.is_none()));
    close(p.months[0].error_rate_pct, 3.0, "end-to-end rate");
    let avg = s.risk.cost_per_error();
    close(avg, 0.92 * 45.0 + 0.075 * 900.0 + 0.005 * 25_000.0, "tiers");
    let severe = s.risk.error_costs.last().unwrap();
    assert!(
        severe.share_pct / 100.0 * severe.cost > 0.5 * avg,
        "one claim in 200 wrong answers carries over half the expected cost"
    );
    // Reviewing the flagged drafts leaves fewer wrong decisions than today's.
    assert!(worse_than_today(&s, &p.totals).is_none());
    assert!(uncaught_pct(&p.totals).unwrap() < s.value.baseline_error_rate_pct);
    // Errors drift upward between model updates and reset at each.
    assert!(p.months[1].error_rate_pct > p.months[0].error_rate_pct);
    assert!(p.months[4].error_rate_pct < p.months[3].error_rate_pct);
    assert!(p.totals.roi_on_cash_pct.unwrap() > 0.0);
    assert!(p.totals.upkeep_pct_of_build_per_year.unwrap() > 25.0);
    assert!(
        p.months[0].people > 0.0,
        "the QA lead, security review, on-call"
    );
}

#[test]
fn the_support_assistant_is_expected_to_err_more_often_than_its_agents() {
    let s = scenario("support-assistant");
    let p = project(&s);
    close(
        p.months[0].calls,
        p.months[0].requests * 4.0 * 1.12,
        "4 turns",
    );
    let (system, baseline) = worse_than_today(&s, &p.totals).expect("worse than today");
    assert_eq!(baseline, 1.5);
    assert!(
        system > 1.5 && system < 2.275,
        "flagged review narrows it: {system}"
    );
    // Growth levels off at 4,000 conversations a day.
    close(
        p.months[11].requests,
        4000.0 * 30.0,
        "the ceiling in the last month",
    );
}
