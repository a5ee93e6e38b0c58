//! Issue 23: the client report says where the plan is landing, in Markdown
//! and HTML, when the plan has actuals beside it; without them it is as it
//! was; a plan without `start` says on stderr why its actuals are left out.

use crate::common;

use common::{runcost, stderr, stdout};
use runcost::model::actuals::variance::against;
use runcost::numbers::money;

fn folder(with_start: bool) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        std::fs::read_to_string(common::root().join("scenarios/support-assistant.ron")).unwrap();
    if with_start {
        text = text.replacen(
            "    horizon_months: 12,",
            "    horizon_months: 12,\n    start: \"2027-01\",",
            1,
        );
    }
    let plan = dir.path().join("acme.ron");
    std::fs::write(&plan, text).unwrap();
    std::fs::copy(
        common::root().join("scenarios/support-assistant.actuals.csv"),
        dir.path().join("acme.actuals.csv"),
    )
    .unwrap();
    (dir, plan.to_string_lossy().into_owned())
}

#[test]
fn the_report_says_where_the_plan_lands_with_the_biggest_differences_in_words() {
    let (_dir, plan) = folder(true);
    let s = common::load(std::path::Path::new(&plan));
    let p = runcost::model::project(&s);
    let text =
        std::fs::read_to_string(common::root().join("scenarios/support-assistant.actuals.csv"))
            .unwrap();
    let rows = runcost::codec::actuals::parse(&text).unwrap();
    let a = against(
        &s,
        &p,
        runcost::model::prices::own_start(&s).unwrap(),
        &rows,
    );
    for format in ["md", "html"] {
        let out = runcost(&["report", &plan, "-f", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc = stdout(&out);
        assert!(doc.contains("Plan against actuals"), "{format}");
        let landing = format!("Landing at {}", money(a.totals.outturn, "USD"));
        assert!(doc.contains(&landing), "{format}: {landing}");
        assert!(doc.contains(&format!("in cash {}", money(a.totals.cash_outturn, "USD"))));
        assert!(doc.contains("The biggest differences so far"), "{format}");
        assert!(doc.contains("mostly volume"), "{format}");
        assert!(doc.contains("re-forecast"), "{format}");
        // After the summary, before the cases.
        let at = doc.find("Plan against actuals").unwrap();
        assert!(
            doc.find("Summary").unwrap() < at && at < doc.find("Cases beside the plan").unwrap()
        );
    }
}

#[test]
fn without_actuals_the_report_is_as_it_was_and_without_start_it_says_why() {
    let (dir, plan) = folder(true);
    std::fs::remove_file(dir.path().join("acme.actuals.csv")).unwrap();
    let out = runcost(&["report", &plan, "-f", "md"]);
    assert!(!stdout(&out).contains("Plan against actuals"));
    let (_dir, plan) = folder(false);
    let out = runcost(&["report", &plan, "-f", "md"]);
    assert!(out.status.success());
    assert!(!stdout(&out).contains("Plan against actuals"));
    assert!(
        stderr(&out).contains("the plan has no start month"),
        "{}",
        stderr(&out)
    );
}
