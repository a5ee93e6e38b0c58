//! The use-case templates of the interview (issue 14): each loads from the
//! binary, validates, is a version-2 plan whose every asked input carries a
//! Low-confidence "template default" source, fits its screen, and projects
//! to the figures its "what it assumes" screen implies.

use crate::common;

use runcost::app::interview::{asked_paths, for_use_case};
use runcost::model::{Confidence, Scenario, project, validate};
use runcost::store::use_cases::{TEMPLATE_DEFAULT, USE_CASES, load, use_case};

fn plan(name: &str) -> Scenario {
    let u = use_case(name).unwrap_or_else(|| panic!("{name} is a template"));
    load(u, &common::builtin(), &asked_paths(name)).unwrap_or_else(|e| panic!("{}", e.render(name)))
}

#[test]
fn there_are_seven_templates_each_with_ten_to_fifteen_questions() {
    let names: Vec<&str> = USE_CASES.iter().map(|u| u.name).collect();
    assert_eq!(
        names,
        [
            "support",
            "documents",
            "knowledge-search",
            "coding-assistant",
            "agentic-workflow",
            "high-stakes-review",
            "voice-agent"
        ]
    );
    for u in USE_CASES {
        let n = for_use_case(u.name).len();
        assert!((10..=15).contains(&n), "{}: {n} questions", u.name);
    }
}

#[test]
fn every_template_loads_validates_and_is_version_two() {
    for u in USE_CASES {
        let p = plan(u.name);
        assert_eq!(p.version, 2, "{}", u.name);
        assert_eq!(p.format_version(), 2, "{}", u.name);
        assert!(validate(&p).is_empty(), "{}: {:?}", u.name, validate(&p));
        let tco = project(&p).totals.tco;
        assert!(tco.is_finite() && tco > 0.0, "{}: TCO {tco}", u.name);
    }
}

#[test]
fn every_asked_input_has_a_low_template_default_source_and_a_value() {
    for u in USE_CASES {
        let p = plan(u.name);
        for q in for_use_case(u.name) {
            for t in q.targets {
                let path = t.field.path();
                assert!(
                    t.field.get(&p).is_some(),
                    "{}: {path} is in the plan",
                    u.name
                );
                let s = p.sources.iter().find(|s| s.field == path);
                let s = s.unwrap_or_else(|| panic!("{}: {path} has a source", u.name));
                assert_eq!(s.confidence, Confidence::Low, "{}: {path}", u.name);
                assert!(
                    s.source.starts_with(TEMPLATE_DEFAULT),
                    "{}: {}",
                    u.name,
                    s.source
                );
            }
            assert!(
                q.ask.chars().count() <= 46,
                "{}: {} is one short line",
                u.name,
                q.ask
            );
            assert!(q.why.chars().count() <= 70, "{}: {}", u.name, q.why);
        }
    }
}

#[test]
fn what_each_template_assumes_fits_one_screen() {
    for u in USE_CASES {
        let lines: Vec<&str> = u.about.lines().collect();
        assert!(lines.len() <= 18, "{}: {} lines", u.name, lines.len());
        assert!(lines.iter().all(|l| l.chars().count() <= 72), "{}", u.name);
        assert!(u.about.contains("What it assumes, and why"), "{}", u.name);
    }
    assert!(
        use_case("voice-agent")
            .unwrap()
            .about
            .contains("INFRASTRUCTURE LINES")
    );
}

/// The figures each template's screen states, as the projection sees them.
#[test]
fn headline_figures_follow_from_what_each_template_says() {
    // Support: 2,500 a day × 30 days at go-live, QA 4 % × 3 min.
    let s = plan("support");
    let p = project(&s);
    assert_eq!(s.workload.requests_per_day, 2500.0);
    assert_eq!(p.months.len(), 12);
    assert!(p.totals.oversight > 0.0 && p.totals.errors > 0.0);
    // Month 12 after a 3-month ramp and 4 %/month growth: 2,500 × 30 × 1.04^11.
    let m12 = p.months[11].requests;
    common::close(
        m12,
        2500.0 * 30.0 * 1.04f64.powi(11),
        "support month-12 requests",
    );

    // Documents: 22 working days, 70 % batched.
    let d = plan("documents");
    let p = project(&d);
    common::close(
        p.months[11].requests,
        3000.0 * 22.0 * 1.02f64.powi(11),
        "documents m12",
    );

    // Knowledge search: 800 employees × 4 = 3,200 a day; corpus 150M tokens.
    let k = plan("knowledge-search");
    assert_eq!(k.workload.requests_per_day, 3200.0);
    assert!(project(&k).totals.retrieval > 0.0);

    // Coding assistant: 40 seats × $39 a month are an infrastructure line
    // of $1,560 a month, every month of the horizon.
    let c = plan("coding-assistant");
    assert_eq!(c.infrastructure[0].monthly, 1560.0);
    let p = project(&c);
    assert!(p.totals.infrastructure >= 1560.0 * 12.0);
    common::close(
        p.totals.oversight,
        owner(&c),
        "coding oversight is the owner alone",
    );

    // Agentic workflow: 6 calls a request, severity tiers averaging $167.
    let a = plan("agentic-workflow");
    assert_eq!(a.workload.calls_per_request, 6.0);
    common::close(
        a.risk.cost_per_error(),
        0.92 * 45.0 + 0.075 * 900.0 + 0.005 * 25000.0,
        "tiers",
    );
    let p = project(&a);
    assert_eq!(p.months.len(), 24);
    // Six calls, plus 10 % overhead (retries of failed tool calls).
    common::close(
        p.months[11].calls,
        p.months[11].requests * 6.0 * 1.10,
        "calls",
    );

    // High-stakes review: every case reviewed, so people outweigh the model.
    let h = plan("high-stakes-review");
    let p = project(&h);
    assert_eq!(h.oversight.review_pct, 100.0);
    assert!(
        p.totals.oversight > p.totals.inference,
        "people are the largest line"
    );

    // Voice agent: speech is per minute, as infrastructure per 1,000 calls:
    // 4 min × $0.006 × 1,000 = $24 and 2 min × $0.015 × 1,000 = $30.
    let v = plan("voice-agent");
    assert_eq!(v.infrastructure[0].per_thousand_requests, 24.0);
    assert_eq!(v.infrastructure[1].per_thousand_requests, 30.0);
    assert!(v.notes.contains("infrastructure lines"));
    assert!(project(&v).totals.infrastructure > project(&v).totals.inference);
}

/// The owner's cost over the horizon (the only oversight of the coding
/// assistant, where nobody reviews).
fn owner(s: &Scenario) -> f64 {
    s.oversight.owner_fte * s.oversight.owner_annual_cost / 12.0 * s.horizon_months as f64
}
