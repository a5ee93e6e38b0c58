//! Issue 11 part 2: each fact is defined once and every surface uses that
//! definition — Markdown cells, the tornado percentage, the clock, the plan's
//! start month and the headline figures.

use super::architecture::sources_in;
use crate::common;

use std::path::Path;

use common::{builtin, scenario};
use runcost::model::analysis::sensitivity::{TORNADO_PCT, sensitivity};
use runcost::model::project;
use runcost::report::analysis::sensitivity_md;
use runcost::report::client::{html, markdown};
use runcost::report::compare::{Entry, markdown as compare_md};

fn source(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    sources_in(&["src"])
        .into_iter()
        .map(|f| {
            let rel = f
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&f).unwrap();
            (rel, text)
        })
        .collect()
}

/// A plan whose infrastructure line is named with a backslash and a pipe.
fn awkward_plan() -> runcost::model::Scenario {
    let mut plan = scenario("support-assistant");
    plan.name = r"C:\plans|v2".into();
    plan.infrastructure[0].name = r"rack\|a".into();
    plan
}

#[test]
fn every_markdown_table_escapes_backslashes_and_pipes_alike() {
    let plan = awkward_plan();
    let p = project(&plan);
    let cell = r"rack\\\|a";

    let report = markdown(&plan, &p, &builtin(), "2026-11-28");
    assert!(
        report.contains(cell),
        "client report assumptions:\n{report}"
    );

    let swings = sensitivity(&plan, TORNADO_PCT);
    let md = sensitivity_md(
        &plan,
        &swings,
        runcost::report::analysis::On::tco(TORNADO_PCT),
        usize::MAX,
    );
    assert!(md.contains(cell), "sensitivity table:\n{md}");

    let other = scenario("support-self-hosted");
    let q = project(&other);
    let cmp = compare_md(&[
        common::compare_entry("a.ron", &plan, &p),
        common::compare_entry("b.ron", &other, &q),
    ]);
    assert!(
        cmp.contains(r"C:\\plans\|v2 (baseline)"),
        "comparison header:\n{cmp}"
    );
}

#[test]
fn the_html_report_reads_the_markdown_cells_back_to_the_text() {
    let plan = awkward_plan();
    let page = html(&plan, &project(&plan), &builtin(), "2026-11-28");
    assert!(page.contains(r"rack\|a — Monthly fixed"), "{page}");
    assert!(
        !page.contains(r"rack\\"),
        "a doubled backslash leaked: {page}"
    );
}

#[test]
fn the_tornado_percentage_is_defined_once() {
    let definitions: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| text.contains("const TORNADO_PCT"))
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        definitions,
        ["src/model/analysis/sensitivity.rs"],
        "TORNADO_PCT defined in {definitions:?}"
    );
    // The client report neither repeats the number nor runs the analysis twice.
    let client = source("src/report/client/mod.rs")
        + &source("src/report/client/build.rs")
        + &source("src/report/client/analysis.rs");
    assert!(
        !client.contains("sensitivity(s, 20") && !client.contains("±20 %"),
        "the client report hard-codes ±20 %"
    );
    // Once on cash TCO and once on NPV, and never the plain TCO's again.
    assert_eq!(
        (
            client.matches("sensitivity(").count(),
            client.matches("sensitivity_on(").count()
        ),
        (0, 2),
        "the client report computes the sensitivity other than once per metric"
    );
    let page = html(
        &scenario("support-assistant"),
        &project(&scenario("support-assistant")),
        &builtin(),
        "2026-11-28",
    );
    assert!(page.contains(&format!("Driver (±{TORNADO_PCT} %)")));
}

#[test]
fn only_the_clock_computes_calendar_dates() {
    for (file, text) in all_sources() {
        if file == "src/clock.rs" {
            continue;
        }
        // Ages of files and locks may use `SystemTime`; dates come from `clock`.
        assert!(
            !text.contains("humantime::"),
            "{file} formats a date itself; use runcost::clock"
        );
    }
}

#[test]
fn plan_start_is_defined_once() {
    // One definition (`session::start_of`, on `model::prices::plan_start`):
    // the start the workbench gives and the month its price findings are
    // placed at agree, without a clock, with one, and when the plan names
    // its own start.
    use runcost::app::App;
    use runcost::model::Pricing;
    use runcost::model::prices::YearMonth;
    let mut catalog = builtin();
    // The example plan priced gpt-5.4-mini at $0.75: a finding to place.
    if let Some(Pricing::Api(a)) = catalog
        .models
        .iter_mut()
        .find(|m| m.id == "gpt-5.4-mini")
        .map(|m| &mut m.pricing)
    {
        a.input_per_mtok = 1.0;
    }
    let placed = |a: &App| a.price_changes().first().map(|c| c.placed_at);
    let mut plan = scenario("support-assistant");
    plan.start = None;
    let mut app = common::ui::with_catalog(plan.clone(), "/p.ron", catalog.clone());
    assert_eq!((app.plan_start(), placed(&app)), (None, Some(None)));
    let today = YearMonth::parse("2026-11");
    app.set_today(today.unwrap());
    assert_eq!((app.plan_start(), placed(&app)), (today, Some(today)));
    plan.start = Some("2027-03".into());
    let mut own = common::ui::with_catalog(plan, "/p.ron", catalog);
    own.set_today(today.unwrap());
    let march = YearMonth::parse("2027-03");
    assert!(
        own.plan_start() == march && placed(&own) == Some(march),
        "its own start: {:?}",
        own.plan_start()
    );
}

#[test]
fn the_workbench_warns_about_the_shares_exactly_when_validation_refuses_them() {
    // The tolerance is private to the model: validation and the workbench's
    // warnings both ask `Scenario::shares_miss_100`, at its edge too.
    for (off_by, expected) in [(0.004, false), (-0.004, false), (0.02, true), (-0.02, true)] {
        let mut plan = scenario("support-assistant");
        plan.models.last_mut().unwrap().share_pct += off_by;
        let refused = runcost::model::validate(&plan)
            .iter()
            .any(|p| p.path == "models[].share_pct");
        let app = common::ui::open(plan, "shares.ron", None);
        let warned = common::ui::screen(&app, 160, 48).contains("⚠ shares total");
        assert_eq!(refused, expected, "validation, shares off by {off_by}");
        assert_eq!(warned, refused, "the workbench, shares off by {off_by}");
    }
}

#[test]
fn headline_labels_come_from_the_one_list() {
    use runcost::model::headline::Figure;
    let plan = scenario("support-assistant");
    let p = project(&plan);
    let labels: Vec<&str> = runcost::report::headline::headlines(&plan, &p)
        .iter()
        .map(|h| h.label)
        .collect();
    let expected: Vec<&str> = Figure::shown(&plan).map(|f| f.label()).collect();
    assert_eq!(labels, expected);

    // The comparison's rows are the compared figures' short labels.
    let entries = [
        Entry {
            file: "a.ron".into(),
            plan: &plan,
            projection: &p,
        },
        Entry {
            file: "b.ron".into(),
            plan: &plan,
            projection: &p,
        },
    ];
    let cmp = compare_md(&entries);
    for f in Figure::COMPARED {
        assert!(
            cmp.contains(&format!("\n| {} |", f.short_label())),
            "{} missing:\n{cmp}",
            f.short_label()
        );
    }

    // No surface that shows figures spells a figure's label itself (input
    // labels in model/fields.rs may share words: "Build cost" is an input).
    for (file, text) in all_sources() {
        let shows_figures = file.starts_with("src/report/")
            || file.starts_with("src/ui/")
            || file == "src/model/compare.rs";
        if !shows_figures {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for f in Figure::ALL {
            for label in [f.label(), f.short_label()] {
                // Short words ("ROI", "Build", "TCO") also name other things.
                if label.len() < 8 {
                    continue;
                }
                assert!(
                    !code.contains(&format!("\"{label}\"")),
                    "{file} spells the figure label {label:?} itself"
                );
            }
        }
    }
}
