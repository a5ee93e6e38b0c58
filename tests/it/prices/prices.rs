//! Prices that stay honest: dated prices month by month, notices when a
//! plan's snapshot differs from the catalog, refresh and undo, retirements.

use crate::common;
use crate::common::ui::with_catalog;
use common::ui::workbench;

use common::{builtin, close, scenario, zero_plan};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::{Document, Msg, StatusKind};
use runcost::model::prices::{YearMonth, refreshed, retirements, snapshot_changes};
use runcost::model::pricing::ScheduledPrice;
use runcost::model::{ApiPricing, Pricing, project};

fn api(input: f64) -> Pricing {
    Pricing::Api(ApiPricing {
        input_per_mtok: input,
        ..Default::default()
    })
}

fn scheduled_plan(start: Option<&str>, from: &str) -> runcost::model::Scenario {
    let mut s = zero_plan();
    s.workload.requests_per_day = 1000.0;
    s.workload.input_tokens = 1000.0;
    s.horizon_months = 4;
    s.start = start.map(str::to_string);
    s.models[0].pricing = Some(api(1.0));
    s.models[0].schedule = vec![ScheduledPrice {
        from: from.into(),
        pricing: api(2.0),
    }];
    s
}

#[test]
fn a_dated_price_applies_from_its_month_on() {
    let p = project(&scheduled_plan(Some("2026-11"), "2027-01-01"));
    let inference: Vec<f64> = p.months.iter().map(|m| m.inference).collect();
    // 30,000 calls × 1,000 tokens: $30 at $1/M, $60 at $2/M.
    for (got, want) in inference.iter().zip([30.0, 30.0, 60.0, 60.0]) {
        close(*got, want, "month");
    }
}

#[test]
fn a_price_starting_mid_month_applies_from_the_next_month() {
    let p = project(&scheduled_plan(Some("2026-11"), "2026-12-15"));
    close(
        p.months[1].inference,
        30.0,
        "December still at the old price",
    );
    close(p.months[2].inference, 60.0, "January at the new one");
}

#[test]
fn without_a_start_month_dated_prices_are_not_placed() {
    let p = project(&scheduled_plan(None, "2020-01-01"));
    close(p.months[0].inference, 30.0, "the snapshot price");
}

#[test]
fn the_catalog_carries_the_gemini_flash_price_rise() {
    let c = builtin();
    let flash = c.model("gemini-3.8-flash").unwrap();
    assert_eq!(flash.schedule.len(), 1);
    assert_eq!(flash.schedule[0].from, "2027-01-01");
}

#[test]
fn a_plan_keeps_its_prices_until_refreshed_and_the_refresh_is_undoable() {
    // The example plan priced gpt-5.4-mini at $0.75; the catalog now says $1.
    let mut catalog = builtin();
    let Some(Pricing::Api(a)) = catalog
        .models
        .iter_mut()
        .find(|m| m.id == "gpt-5.4-mini")
        .map(|m| &mut m.pricing)
    else {
        panic!()
    };
    a.input_per_mtok = 1.0;
    let plan = scenario("support-assistant");
    let before = project(&plan);
    let changes = snapshot_changes(&plan, &catalog, None);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].id, "gpt-5.4-mini");
    assert!(
        changes[0].summary().contains("input $0.75 → $1 (+33 %)"),
        "{}",
        changes[0].summary()
    );
    assert_eq!(
        project(&plan),
        before,
        "the saved snapshot, not the catalog, prices the plan"
    );
    assert!(project(&refreshed(&plan, &changes)).totals.tco > before.totals.tco);

    let mut app = with_catalog(plan.clone(), "/p.ron", catalog);
    app.set_today(YearMonth::parse("2026-11").unwrap());
    let status = app.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Warning);
    assert!(
        status
            .text
            .contains("catalog prices changed for gpt-5.4-mini"),
        "{}",
        status.text
    );
    assert!(status.text.contains("p refreshes"));
    app.update(Msg::Key(KeyChord::ch('p')));
    assert!(app.price_changes().is_empty());
    assert!(app.projection().totals.tco > before.totals.tco);
    assert!(
        app.last_change
            .as_ref()
            .unwrap()
            .what
            .contains("Prices refreshed")
    );
    app.update(Msg::Key(KeyChord::ch('u')));
    assert_eq!(app.doc().plan, plan, "undo restores the old snapshot");
    assert_eq!(app.price_changes().len(), 1);
}

#[test]
fn retirements_name_the_plan_month() {
    let c = builtin(); // gpt-5-nano retires 2026-12-11
    let mut plan = scenario("doc-processing-small");
    plan.models[0].id = "gpt-5-nano".into();
    let r = retirements(&plan, &c, YearMonth::parse("2026-11").unwrap());
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].date.as_str(), r[0].month), ("2026-12-11", 2));
    assert!(r[0].sentence().contains("month 2 of the plan"));
    assert_eq!(
        retirements(&plan, &c, YearMonth::parse("2026-01").unwrap())[0].month,
        12,
        "the last month"
    );
    assert!(
        retirements(&plan, &c, YearMonth::parse("2025-12").unwrap()).is_empty(),
        "beyond a 12-month horizon"
    );
    let late = retirements(&plan, &c, YearMonth::parse("2027-03").unwrap());
    assert_eq!(late[0].month, 1, "already retired when the plan starts");
}

#[test]
fn picking_a_model_with_dated_prices_snapshots_them_and_pins_the_start() {
    let mut app = workbench(
        Document::opened(scenario("doc-processing-small"), None),
        None,
    );
    app.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    app.set_today(YearMonth::parse("2026-11").unwrap());
    app.update(Msg::Key(KeyChord::ch('m')));
    for c in "gemini-3.8-flash".chars() {
        app.update(Msg::Key(KeyChord::ch(c)));
    }
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    let plan = &app.doc().plan;
    assert_eq!(plan.models[0].id, "gemini-3.8-flash");
    assert_eq!(plan.models[0].schedule.len(), 1);
    assert_eq!(plan.start.as_deref(), Some("2026-11"));
    let p = app.projection();
    assert!(
        p.months[2].inference > 1.9 * p.months[1].inference,
        "January doubles the price"
    );
    // The plan file keeps both, so it reproduces the numbers when reopened.
    let text = runcost::codec::write_plan(plan);
    assert!(text.contains("start: \"2026-11\""));
    assert!(text.contains("schedule: [(from: \"2027-01-01\""), "{text}");
    let again = runcost::codec::parse_plan(text.as_bytes(), &builtin()).unwrap();
    assert_eq!(project(&again), *p);
}

#[test]
fn check_warns_but_succeeds() {
    let out = common::runcost(&[
        "check",
        common::fixture("spec/support-assistant.ron")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("warning: llama-3.1-8b-h100 is priced differently"),
        "{text}"
    );
    assert!(text.contains("refreshing the price snapshots would change the TCO by"));
}
