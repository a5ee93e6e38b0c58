//! Reports and break-even of version-2 plans (issue 12, items 4 and 5): the
//! new headline figures, value in its parts, understaffing, sources of the
//! assumptions, monthly columns only where the plan uses them, and break-even
//! lines that say what they compare.

use crate::common;

use common::{builtin, fixture, load, scenario};
use runcost::model::analysis::breakeven::{Compares, hosting};
use runcost::model::headline::Figure;
use runcost::model::{Confidence, Pricing, Reviewers, Scenario, Source, project};
use runcost::report::{self, Format};

fn v2_plan() -> Scenario {
    load(&fixture("spec/v2-claims-agent-gpus.ron"))
}

fn render(format: Format, s: &Scenario) -> String {
    report::render(format, s, &project(s), "2026-01-01").expect("renders")
}

#[test]
fn a_version_2_client_report_shows_npv_upkeep_and_the_sources_of_its_assumptions() {
    let mut s = v2_plan();
    s.sources = vec![
        Source {
            field: "workload.requests_per_day".into(),
            source: "Claims system export, March".into(),
            confidence: Confidence::High,
        },
        Source {
            field: "value.baseline_error_rate_pct".into(),
            source: "QA sample of 200 claims".into(),
            confidence: Confidence::Low,
        },
    ];
    let p = project(&s);
    let md = runcost::report::client::markdown(&s, &p, &builtin(), "2026-01-01");
    assert!(md.contains("| Net present value | "), "{md}");
    assert!(md.contains("| Upkeep a year (% of build) | "), "{md}");
    assert!(md.contains("| Payback from start of build | month"), "{md}");
    assert!(md.contains("| Source | Confidence |"), "{md}");
    assert!(
        md.contains("Claims system export, March | High |"),
        "the sourced input row carries its source:\n{md}"
    );
    assert!(md.contains("QA sample of 200 claims | Low |"), "{md}");
    // An input without a source says so rather than staying blank.
    assert!(md.contains("| — | none given |"), "{md}");
    // Upkeep of this plan: (18 % of 400k + 4 × 15k) / 400k = 33 % a year, outside 15–25 %.
    let u = p.totals.upkeep_pct_of_build_per_year.unwrap();
    assert!((u - 33.0).abs() < 1e-9, "{u}");
    assert!(md.contains("33.0 % ⚠ outside 15–25 %"), "{md}");
    let html = runcost::report::client::html(&s, &p, &builtin(), "2026-01-01");
    assert!(html.contains("Net present value") && html.contains("QA sample of 200 claims"));
}

#[test]
fn value_shows_labour_saved_and_errors_avoided_against_today() {
    let s = v2_plan();
    let p = project(&s);
    let t = &p.totals;
    assert!(t.errors_avoided > 0.0);
    let c = s.currency.as_str();
    let labour = runcost::numbers::money(t.value - t.errors_avoided, c);
    let avoided = runcost::numbers::money(t.errors_avoided, c);
    for f in [Format::Table, Format::Md] {
        let out = render(f, &s);
        assert!(out.contains(&format!("labour saved {labour}")), "{out}");
        assert!(out.contains(&format!("errors avoided {avoided}")), "{out}");
        assert!(out.contains("today's process gets 2.5 % wrong"), "{out}");
    }
}

#[test]
fn version_1_plans_show_none_of_the_version_2_figures() {
    let s = load(&fixture("spec/support-assistant.ron"));
    assert_eq!(s.format_version(), 1);
    let md = render(Format::Md, &s);
    for f in Figure::V2 {
        assert!(!f.applies(&s));
        assert!(!md.contains(f.label()), "{} in a v1 report", f.label());
    }
    assert!(!md.contains("| Source |") && !md.contains("labour saved"));
    let v2 = v2_plan();
    assert!(Figure::V2.iter().all(|f| f.applies(&v2)));
}

#[test]
fn monthly_tables_gain_adoption_and_gpus_only_where_the_plan_uses_them() {
    let mut s = v2_plan();
    s.workload.ramp_months = 4;
    s.workload.ramp_start_pct = 25.0;
    let md = render(Format::Md, &s);
    assert!(
        md.contains("| Month | Requests | Adoption | GPUs |"),
        "{md}"
    );
    assert!(md.contains("| 1 | ") && md.contains(" | 25 % | "), "{md}");
    let csv = render(Format::Csv, &s);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("adoption_pct,error_rate_pct,errors_avoided,gpus"));
    // The same plan without a ramp and without GPUs has neither column.
    let mut flat = v2_plan();
    flat.models = scenario("support-assistant").models;
    assert!(
        flat.models
            .iter()
            .all(|m| matches!(m.pricing, Some(Pricing::Api(_))))
    );
    let md = render(Format::Md, &flat);
    assert!(
        !md.contains("| Adoption |") && !md.contains("| GPUs |"),
        "{md}"
    );
}

#[test]
fn understaffing_appears_in_every_report_with_needed_and_staffed_fte() {
    let mut s = scenario("compliance-review");
    s.oversight.reviewers = Reviewers::Fixed(1.0);
    let p = project(&s);
    assert!(p.months.iter().any(|m| m.review_coverage_pct < 100.0));
    let worst = p
        .months
        .iter()
        .min_by(|a, b| a.review_coverage_pct.total_cmp(&b.review_coverage_pct))
        .unwrap();
    for f in [Format::Table, Format::Md] {
        let out = render(f, &s);
        assert!(out.contains("Review is understaffed"), "{f:?}");
        assert!(
            out.contains("Reviewers needed") && out.contains("Staffed"),
            "{f:?}"
        );
        assert!(
            out.contains(&runcost::numbers::pct(worst.review_coverage_pct)),
            "{f:?}"
        );
    }
    let csv = render(Format::Csv, &s);
    assert!(csv.lines().next().unwrap().contains("reviewer_fte_staffed"));
    let html = runcost::report::client::html(&s, &p, &builtin(), "2026-01-01");
    assert!(html.contains("Review is understaffed") && html.contains("Reviewers needed"));
    // Staffed to the load: no such section.
    s.oversight.reviewers = Reviewers::Auto;
    assert!(!render(Format::Md, &s).contains("understaffed"));
}

#[test]
fn every_break_even_line_says_what_it_compares() {
    let catalog = builtin();
    for s in [scenario("support-assistant"), v2_plan()] {
        let found = hosting(&s, &catalog);
        let text = runcost::report::breakeven::breakeven_text(
            &s,
            &found,
            runcost::model::analysis::breakeven::minutes_to_pay_back(&s),
            None,
        );
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
        assert!(lines.len() > found.len() - 1);
        for h in &found {
            let line = lines.iter().find(|l| l.contains(&h.option)).unwrap();
            assert!(
                line.contains("— inference only") || line.contains("— inference and errors"),
                "{line}"
            );
        }
        if found.iter().any(|h| h.compares == Compares::InferenceOnly) {
            assert!(text.contains("not a drop-in"), "{text}");
        }
    }
}

#[test]
fn break_even_counts_errors_when_the_plan_gives_per_model_rates() {
    let catalog = builtin();
    let mut s = scenario("support-assistant");
    for m in &mut s.models {
        m.error_rate_pct = None;
    }
    let plain = hosting(&s, &catalog);
    assert!(plain.iter().all(|h| h.compares == Compares::InferenceOnly));
    // The plan's models err at 1 %; an 8B model it names errs at 6 %.
    for m in &mut s.models {
        m.error_rate_pct = Some(1.0);
    }
    let mut eight_b = s.models[0].clone();
    eight_b.id = "llama-3.1-8b-l40s".into();
    eight_b.share_pct = 0.0;
    eight_b.error_rate_pct = Some(6.0);
    s.models.push(eight_b);
    let with_errors = hosting(&s, &catalog);
    let h = common::hosted(&with_errors, "llama-3.1-8b-l40s");
    assert_eq!(h.compares, Compares::InferenceAndErrors);
    assert!(h.option_error_rate_known && h.option_error_rate_pct == 6.0);
    assert!(
        h.option_errors > h.plan_errors,
        "a weaker model costs more in errors"
    );
    let before = common::hosted(&plain, "llama-3.1-8b-l40s");
    // Cheaper tokens no longer win at the old break-even volume.
    match (before.requests_per_day, h.requests_per_day) {
        (Some(a), Some(b)) => assert!(
            b > a || h.cheaper_above.as_deref() != Some("self-hosted"),
            "{a} → {b}"
        ),
        (Some(_), None) => assert!(
            h.cheaper_above
                .as_deref()
                .is_some_and(|c| c.starts_with("the plan's mix"))
        ),
        other => panic!("{other:?}"),
    }
    // At the break-even, inference + errors of the two sides agree.
    if let Some(rpd) = h.requests_per_day {
        let at = |models: Vec<runcost::model::ModelEntry>| {
            let mut x = s.clone();
            x.workload.requests_per_day = rpd;
            x.models = models;
            let p = project(&x);
            p.totals.inference + p.totals.errors
        };
        let mut option = s.models[2].clone();
        option.share_pct = 100.0;
        option.discount_pct = 0.0;
        option.pricing = catalog
            .model("llama-3.1-8b-l40s")
            .map(|m| m.pricing.clone());
        let (mix, alone) = (at(s.models.clone()), at(vec![option]));
        assert!((mix - alone).abs() / mix < 1e-6, "{mix} vs {alone}");
    }
}

#[test]
fn break_even_sizes_self_hosting_in_whole_replicas_for_the_peak() {
    let catalog = builtin();
    let s = v2_plan();
    let found = hosting(&s, &catalog);
    for h in &found {
        assert_eq!(h.peak_to_average, 2.5, "the plan's peak");
        assert_eq!(h.spare_replicas, 1);
        if let Some(g) = h.gpus {
            assert_eq!(g % h.gpus_per_replica as f64, 0.0, "{}: {g}", h.option);
            assert!(
                g >= 2.0 * h.gpus_per_replica as f64,
                "a replica and a spare"
            );
        }
    }
    let big = common::hosted(&found, "llama-3.3-70b-4xh100");
    assert_eq!(
        big.gpus_per_replica, 4,
        "a 4-GPU model runs in 4-GPU replicas"
    );
    let Some(Pricing::SelfHosted(_)) = &s.models[0].pricing else {
        panic!("the plan is self-hosted")
    };
}

#[test]
fn minutes_to_pay_back_count_realization_and_errors_avoided() {
    use runcost::model::analysis::breakeven::minutes_to_pay_back;
    let mut s = v2_plan();
    assert!(s.value.realization_pct < 100.0 && s.value.baseline_error_rate_pct > 0.0);
    let m = minutes_to_pay_back(&s)
        .minutes()
        .expect("saved time pays back");
    s.value.minutes_saved_per_request = m;
    let t = project(&s).totals;
    assert!(t.net.abs() < 1e-6 * t.tco, "net {} at {m} minutes", t.net);
}

#[test]
fn refreshing_prices_keeps_the_plans_own_sizing_of_a_self_hosted_model() {
    use runcost::model::prices::snapshot_changes;
    // A listed model, sized by the plan for its peak with a spare replica
    // (the shipped example sizes a model of its own, which no refresh
    // touches).
    let mut s = load(&fixture("fuzz/support-self-hosted.ron"));
    let listed = builtin()
        .model(&s.models[0].id)
        .expect("listed")
        .pricing
        .clone();
    s.models[0].pricing = Some(listed);
    let Some(Pricing::SelfHosted(h)) = &mut s.models[0].pricing else {
        panic!("self-hosted")
    };
    h.peak_to_average = 2.0;
    h.spare_replicas = 1;
    h.gpus_per_replica = 4;
    // Peak, replica size and spares describe the plan, not a price.
    assert!(snapshot_changes(&s, &builtin(), None).is_empty());
}

#[test]
fn moving_a_share_moves_the_error_line_when_models_have_their_own_error_rates() {
    use runcost::model::analysis::sensitivity::sensitivity;
    use runcost::model::analysis::set_keeping_mix;
    use runcost::model::fields::Field;
    let mut s = scenario("support-assistant");
    s.models[0].error_rate_pct = Some(4.0);
    s.models[1].error_rate_pct = Some(0.5);
    let swings = sensitivity(&s, 20.0);
    let w = swings
        .iter()
        .find(|w| w.field == Field::ModelShare(0))
        .unwrap();
    let mut moved = s.clone();
    set_keeping_mix(&mut moved, w.field, w.low_value);
    let t = project(&moved).totals.tco;
    assert!((w.tco_low - t).abs() <= 1e-9 * t, "{} vs {t}", w.tco_low);
}
