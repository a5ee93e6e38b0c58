//! Uncertainty told the same way everywhere: the workbench's band is the
//! report's (same draws, same seed), the report names each range, a range
//! edit says what it did to the band, the headline keeps its place for the
//! band, and the tornado's columns are the input moved down and up, with
//! capped inputs named.

use crate::common;

use common::ui::{open, screen, sized, typed as chars, volume_range};
use common::{builtin, scenario};
use runcost::app::{App, Msg};
use runcost::model::fields::Field;
use runcost::report::client;

fn app_with(plan: runcost::model::Scenario) -> App {
    sized(open(plan, "plans/acme.ron", None), 120, 40)
}

#[test]
fn the_screen_shows_the_reports_band() {
    for name in ["support-assistant", "compliance-review", "claims-agent"] {
        let plan = scenario(name);
        let a = app_with(plan.clone());
        let sim = a.simulation().expect("the example has ranges");
        let f = client::findings(&plan, &builtin());
        let band = f.band.expect("a band");
        let (p10, p50, p90) = (band.p10, band.p50, band.p90);
        assert_eq!(
            (sim.tco.p10, sim.tco.p50, sim.tco.p90),
            (p10, p50, p90),
            "{name}"
        );
        let md = client::markdown(
            &plan,
            &runcost::model::project(&plan),
            &builtin(),
            "2026-11-28",
        );
        let draws = runcost::numbers::count(sim.draws as f64);
        assert!(
            md.contains(&format!("{draws} draws, seed {}", sim.seed)),
            "{md}"
        );
    }
}

#[test]
fn the_report_names_each_ranged_input_with_its_range() {
    let plan = scenario("support-assistant");
    let md = client::markdown(
        &plan,
        &runcost::model::project(&plan),
        &builtin(),
        "2026-11-28",
    );
    assert!(!plan.uncertainty.is_empty());
    for r in &plan.uncertainty {
        let f = Field::all(&plan)
            .into_iter()
            .find(|f| r.field == f.path())
            .unwrap();
        let label = runcost::model::analysis::sensitivity::label_of(&plan, f);
        let low = runcost::numbers::field_value(f, r.low, &plan.currency);
        let high = runcost::numbers::field_value(f, r.high, &plan.currency);
        // The "How sure the figures are" table: | input | low | plan | high |.
        assert!(
            md.lines()
                .any(|l| l.starts_with(&format!("| {label} | {low} |"))
                    && l.trim_end().ends_with(&format!("| {high} |"))),
            "{label} {low}–{high} missing:\n{md}"
        );
    }
}

#[test]
fn a_range_edit_reports_the_bands_change_not_a_zero_tco_change() {
    let mut a = app_with(scenario("support-assistant"));
    let before = a.simulation().unwrap().tco;
    volume_range(&mut a, "1000 - 6000");
    let after = a.simulation().unwrap().tco;
    assert_ne!(before.p90, after.p90);
    let s = screen(&a, 120, 40);
    assert!(!s.contains("TCO $0") && !s.contains("TCO\u{a0}$0"), "{s}");
    let money = |v| runcost::numbers::money_short(v, "USD");
    let said = format!(
        "P10–P90 {}–{} → {}–{}",
        money(before.p10),
        money(before.p90),
        money(after.p10),
        money(after.p90)
    );
    assert!(
        s.replace('\u{a0}', " ").contains(&said),
        "{said} not in:\n{s}"
    );
    assert!(s.contains("the plan's figures unchanged"), "{s}");
}

#[test]
fn the_headline_keeps_its_layout_when_a_range_is_added() {
    let mut plan = scenario("support-assistant");
    plan.uncertainty.clear();
    let mut a = app_with(plan);
    let place = |s: &str, what: &str| {
        s.lines()
            .enumerate()
            .find_map(|(y, l)| l.find(what).map(|x| (y, l[..x].chars().count())))
    };
    for (w, h) in [(120, 40), (80, 24)] {
        a.update(Msg::Resize {
            width: w,
            height: h,
        });
        let without = screen(&a, w, h);
        assert!(
            without.contains("P10–P90"),
            "the band's slot stays:\n{without}"
        );
        let run = place(&without, "Run cost");
        let npv = place(&without, "NPV");
        let mut b = app_with({
            let mut p = scenario("support-assistant");
            p.uncertainty.clear();
            p
        });
        b.update(Msg::Resize {
            width: w,
            height: h,
        });
        volume_range(&mut b, "1500 - 4000");
        let with = screen(&b, w, h);
        assert_eq!(place(&with, "Run cost"), run, "{w}×{h}:\n{without}\n{with}");
        assert_eq!(place(&with, "NPV"), npv, "{w}×{h}");
    }
}

#[test]
fn the_tornado_shows_the_input_moved_down_and_up_and_names_capped_inputs() {
    let mut a = app_with(scenario("support-assistant"));
    assert_eq!(a.doc().plan.workload.days_per_month, 30.0);
    chars(&mut a, "t");
    let s = screen(&a, 120, 40);
    assert!(s.contains("−20 %") && s.contains("+20 %"), "{s}");
    assert!(!s.contains("low – high"), "{s}");
    assert!(s.contains("* moved less (capped or whole)"), "{s}");
    assert!(s.contains("Active days per month at 31"), "{s}");
    // The columns are the input moved down, then up: for an input whose
    // increase lowers the TCO, the first is the higher.
    let runcost::app::Mode::Tornado(t) = a.mode() else {
        panic!("the tornado is open")
    };
    let days = t
        .swings
        .iter()
        .find(|w| w.field == Field::Plan(runcost::model::fields::PlanField::DaysPerMonth))
        .unwrap();
    let (down, up) = runcost::ui::tornado::capped(days);
    assert!(!down && up, "30 days −20 % is 24; +20 % stops at 31");
}
