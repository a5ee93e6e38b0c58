//! Issue 23 in the workbench: the runtime is asked for the actuals beside
//! each open plan's file once; with them the headline says where the plan
//! is landing (re-forecast as levers move) and `A` shows the variance.

use crate::common;

use common::ui::{ch, key, open, screen, select};
use runcost::app::keymap::Key;
use runcost::app::rows::Row;
use runcost::app::{Effect, Mode, Msg};
use runcost::model::fields::Field;
use runcost::numbers::money;

fn plan_with_start() -> runcost::model::Scenario {
    let mut s = common::scenario("support-assistant");
    s.start = Some("2027-01".into());
    s
}

fn rows() -> Vec<runcost::model::actuals::Row> {
    let text =
        std::fs::read_to_string(common::root().join("scenarios/support-assistant.actuals.csv"))
            .unwrap();
    runcost::codec::actuals::parse(&text).unwrap()
}

#[test]
fn the_runtime_is_asked_once_for_the_actuals_beside_each_plan_file() {
    let mut a = open(plan_with_start(), "/work/acme.ron", None);
    // Not before the file is known to be there (a path Save As only proposed).
    let before = a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    assert!(
        !before
            .iter()
            .any(|e| matches!(e, Effect::ReadActuals { .. }))
    );
    let effects = a.update(Msg::DiskState {
        path: "/work/acme.ron".into(),
        hash: Some(7),
    });
    let asked: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::ReadActuals { plan, .. } => Some(plan.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(asked, [std::path::PathBuf::from("/work/acme.ron")]);
    let again = a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    assert!(
        !again
            .iter()
            .any(|e| matches!(e, Effect::ReadActuals { .. })),
        "once"
    );
}

#[test]
fn with_actuals_the_headline_says_where_it_lands_and_a_lever_re_forecasts_it() {
    let mut a = common::ui::sized(open(plan_with_start(), "/work/acme.ron", None), 120, 40);
    let doc = a.session.active_id();
    a.update(Msg::ActualsRead {
        doc,
        result: Ok(rows()),
    });
    let landing = a.against().expect("landing");
    let text = screen(&a, 120, 40).replace('\u{a0}', " ");
    let cash = money(landing.totals.cash_outturn, "USD");
    assert!(text.contains(&format!("Landing cash {cash}")), "{text}");
    assert!(
        text.contains(&format!("(plan {}", money(landing.totals.cash_tco, "USD"))),
        "{text}"
    );
    // A lever moves the open months' plan, so the landing moves with it.
    select(&mut a, Row::Field(Field::BuildCost));
    key(&mut a, Key::Right);
    let moved = a.against().unwrap();
    assert!(moved.totals.outturn > landing.totals.outturn);
    // A: the variance month by month.
    ch(&mut a, 'A');
    let Mode::Actuals(v) = a.mode() else {
        panic!("A opens the variance")
    };
    assert!(v.text.contains("Landing at"), "{}", v.text);
    let shown = screen(&a, 120, 40);
    assert!(shown.contains("Plan against actuals"), "{shown}");
    assert!(
        shown.contains("missing") || shown.contains("forecast"),
        "{shown}"
    );
}

#[test]
fn without_actuals_or_start_a_says_why_and_a_bad_file_is_said() {
    let mut a = common::ui::sized(
        open(
            common::scenario("support-assistant"),
            "/work/acme.ron",
            None,
        ),
        120,
        40,
    );
    ch(&mut a, 'A');
    assert!(matches!(a.mode(), Mode::Normal));
    let said = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("no actuals beside this plan"), "{said}");
    let doc = a.session.active_id();
    a.update(Msg::ActualsRead {
        doc,
        result: Ok(rows()),
    });
    ch(&mut a, 'A');
    let said = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("no start month"), "{said}");
    a.update(Msg::ActualsRead {
        doc,
        result: Err("acme.actuals.csv: line 3: bad".into()),
    });
    let said = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains("actuals not read") && said.contains("line 3"),
        "{said}"
    );
}
