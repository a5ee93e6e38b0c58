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
    let md = sensitivity_md(&plan, &swings, TORNADO_PCT, usize::MAX);
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
    let client = source("src/report/client/mod.rs") + &source("src/report/client/build.rs");
    assert!(
        !client.contains("sensitivity(s, 20") && !client.contains("±20 %"),
        "the client report hard-codes ±20 %"
    );
    assert_eq!(
        client.matches("sensitivity(").count(),
        1,
        "the client report computes the sensitivity more than once"
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
    let mut definitions: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| text.contains("fn plan_start("))
        .map(|(f, _)| f)
        .collect();
    definitions.sort();
    // The model's pure definition, and the workbench's accessor that calls it.
    assert_eq!(
        definitions,
        ["src/app/mod.rs", "src/model/prices.rs"],
        "{definitions:?}"
    );
    // The choice between the plan's own start and today is made once, in
    // `session::start_of`, which the accessor and the session's refresh call.
    let choosers: Vec<String> = all_sources()
        .into_iter()
        .filter(|(f, text)| {
            f.starts_with("src/app/")
                && text.contains("prices::plan_start(")
                && text.contains("prices::own_start(")
        })
        .map(|(f, _)| f)
        .collect();
    assert_eq!(choosers, ["src/app/session.rs"], "{choosers:?}");
    assert!(source("src/app/mod.rs").contains("session::start_of("));
}

#[test]
fn the_share_tolerance_is_not_repeated() {
    for (file, text) in all_sources() {
        if !(file.starts_with("src/app/") || file.starts_with("src/ui/")) {
            continue;
        }
        assert!(
            !text.contains("0.01"),
            "{file} hard-codes the share tolerance; use validate::SHARE_TOLERANCE"
        );
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
