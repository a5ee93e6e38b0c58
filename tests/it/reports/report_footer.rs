//! The client report's closing lines list every figure by its recorded
//! source, word for word — never "every figure was agreed on the call"
//! beside an Assumptions table where most say "none given", never "no
//! figure is sourced to the client" beside "Claims director's estimate" —
//! and agree with that table for every example plan and every interview
//! template, in Markdown and in HTML.

use crate::common;

use common::{builtin, scenario, zero_plan};
use runcost::app::interview::questions::asked_paths;
use runcost::model::{Confidence, Scenario, Source, project};
use runcost::report::assumptions::{NONE_GIVEN, assumptions_table};
use runcost::report::client::{html, markdown};
use runcost::report::provenance::{NO_RECORDED_SOURCE, SOURCES_AS_RECORDED, footer, provenance};
use runcost::store::use_cases::{USE_CASES, load};

const DATE: &str = "2026-12-07";

/// The Markdown report's footer (after the last rule).
fn md_footer(s: &Scenario) -> String {
    let md = markdown(s, &project(s), &builtin(), DATE);
    md.rsplit_once("\n---\n").unwrap().1.to_string()
}

/// Rows of the Assumptions table as (input, source, confidence).
fn table(s: &Scenario) -> Vec<(String, String, String)> {
    assumptions_table(s)
        .rows
        .iter()
        .map(|r| {
            let cell = |i: usize| r.cells.get(i).cloned().unwrap_or_default();
            (cell(1), cell(3), cell(4))
        })
        .collect()
}

/// The number written before "figures" in the footer's last paragraph.
fn none_given_in_footer(s: &Scenario) -> usize {
    let last = footer(s, "x").pop().unwrap();
    let words: Vec<&str> = last.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.starts_with("figure"))
        .unwrap_or_else(|| panic!("{last}"));
    words[at - 1].replace(',', "").parse().unwrap()
}

/// Every plan to check: the examples, and each template as the interview
/// starts it (asked inputs on a template default), then with some answers.
fn plans() -> Vec<(String, Scenario)> {
    let mut v = common::named_examples(&common::EXAMPLES);
    for u in USE_CASES {
        let asked = asked_paths(u.name);
        let plan = load(u, &builtin(), &asked).unwrap();
        v.push((format!("{} (not asked yet)", u.name), plan.clone()));
        v.push((format!("{} (answered)", u.name), answered(plan, &asked)));
    }
    v
}

/// Answers to the first three asked inputs, as the interview records them
/// (the third marked High by the consultant).
fn answered(mut plan: Scenario, asked: &[String]) -> Scenario {
    for (n, path) in asked.iter().take(3).enumerate() {
        plan.sources.retain(|s| &s.field != path);
        plan.sources.push(Source {
            field: path.as_str().into(),
            source: format!("client, discovery call {DATE}"),
            confidence: if n == 2 {
                Confidence::High
            } else {
                Confidence::Medium
            },
        });
    }
    plan
}

#[test]
fn the_footer_names_each_figure_by_its_recorded_source_and_claims_nothing_more() {
    let s = scenario("support-assistant");
    let f = md_footer(&s);
    assert!(!f.contains("agreed on the call"), "{f}");
    assert!(!f.contains("From the client"), "{f}");
    assert!(
        f.contains(&format!(
            "{SOURCES_AS_RECORDED}: Requests per day (Helpdesk export, last quarter, High); Monthly growth (Client's growth plan, Low);"
        )),
        "{f}"
    );
    assert!(
        f.contains("Minutes saved per request (Agent time study (client estimate), Low)"),
        "{f}"
    );
    // As many "none given" as the table shows, prices told apart.
    let none = table(&s).iter().filter(|r| r.2 == NONE_GIVEN).count();
    let p = provenance(&s);
    assert_eq!(p.unsourced + p.prices, none);
    assert!(
        f.contains(&format!(
            "No source is given for the other {none} figures (\"none given\" in the Assumptions): {} are prices, from the catalog snapshot, and {} are our planning assumptions, still to confirm.",
            p.prices, p.unsourced
        )),
        "{f}"
    );
    // Nor does the band say its ranges were agreed on the call.
    let md = markdown(&s, &project(&s), &builtin(), DATE);
    assert!(!md.contains("agreed on the call"), "{md}");
}

#[test]
fn an_interviewed_plan_lists_the_clients_answers_and_the_defaults_still_to_confirm() {
    let u = USE_CASES.iter().find(|u| u.name == "support").unwrap();
    let asked = asked_paths(u.name);
    let plan = answered(load(u, &builtin(), &asked).unwrap(), &asked);
    let p = provenance(&plan);
    let client: Vec<(usize, Confidence)> = p
        .sourced
        .iter()
        .map(|g| (g.inputs.len(), g.confidence))
        .collect();
    assert_eq!(client, [(2, Confidence::Medium), (1, Confidence::High)]);
    assert!(
        p.sourced
            .iter()
            .all(|g| g.source == format!("client, discovery call {DATE}"))
    );
    assert_eq!(p.template.len(), asked.len() - 3, "{:?}", p.template);
    let f = md_footer(&plan);
    assert!(
        f.contains(&format!("(client, discovery call {DATE}, Medium)")),
        "{f}"
    );
    assert!(
        f.contains(&format!("(client, discovery call {DATE}, High)")),
        "{f}"
    );
    assert!(
        f.contains("Template defaults, still to confirm with the client: "),
        "{f}"
    );

    // Before any answer: nothing but template defaults and the catalog, and
    // it says so.
    let fresh = load(u, &builtin(), &asked).unwrap();
    let f = md_footer(&fresh);
    assert!(f.contains(NO_RECORDED_SOURCE), "{f}");
}

#[test]
fn the_footer_agrees_with_the_assumptions_table_for_every_plan() {
    for (name, s) in plans() {
        let rows = table(&s);
        let p = provenance(&s);
        // Every input the footer names is a row with that source.
        for g in &p.sourced {
            for input in &g.inputs {
                assert!(
                    rows.iter()
                        .any(|r| &r.0 == input && r.1 == g.source && r.2 == g.confidence.label()),
                    "{name}: {input} ({}) is not so in the table",
                    g.source
                );
            }
        }
        for input in &p.template {
            assert!(
                rows.iter()
                    .any(|r| &r.0 == input && r.1.starts_with("template default") && r.2 == "Low"),
                "{name}: {input}"
            );
        }
        // Every row with a source of its own (not a template default, not
        // "—") is listed under its source, word for word, whoever it names.
        let own: Vec<&(String, String, String)> = rows
            .iter()
            .filter(|r| {
                let l = r.1.to_lowercase();
                !r.1.is_empty() && r.1 != "—" && !l.starts_with("template default")
            })
            .collect();
        assert_eq!(
            p.sourced.iter().map(|g| g.inputs.len()).sum::<usize>(),
            own.len(),
            "{name}"
        );
        let f = footer(&s, "2026-11-28").join("\n");
        for r in &own {
            assert!(
                f.contains(&format!("{} ({}, {})", r.0, r.1, r.2))
                    || f.contains(&format!("{}, {})", r.1, r.2)),
                "{name}: {} ({}) missing from {f}",
                r.0,
                r.1
            );
        }
        // "Nothing is sourced" only when nothing is.
        assert_eq!(
            f.contains(NO_RECORDED_SOURCE),
            own.is_empty(),
            "{name}: {f}"
        );
        assert!(!f.contains("sourced to the client"), "{name}: {f}");
        // And the count of figures without a source is the table's.
        let none = rows.iter().filter(|r| r.2 == NONE_GIVEN).count();
        assert_eq!(p.unsourced + p.prices, none, "{name}");
        if none > 0 {
            assert_eq!(none_given_in_footer(&s), none, "{name}");
        }
        assert!(!f.contains("agreed on the call"), "{name}: {f}");
        if name.ends_with("(answered)") {
            assert!(f.contains("client, discovery call"), "{name}: {f}");
        }
    }
}

#[test]
fn a_plan_without_any_source_says_so_without_pointing_at_a_column_it_lacks() {
    let s = zero_plan();
    assert_eq!(assumptions_table(&s).columns.len(), 3, "no Source column");
    let f = footer(&s, "2026-11-28");
    assert_eq!(f[1], NO_RECORDED_SOURCE);
    let last = f.last().unwrap();
    assert!(
        last.starts_with("No source is given for any of the ") && !last.contains(NONE_GIVEN),
        "{last}"
    );
}

#[test]
fn html_keeps_each_paragraph_and_escapes_the_sources() {
    let mut s = scenario("support-assistant");
    s.sources.push(Source {
        field: "build.initial_cost".into(),
        source: "client's <b>quote</b> & SOW".into(),
        confidence: Confidence::High,
    });
    let page = html(&s, &project(&s), &builtin(), DATE);
    let foot = page.rsplit_once("<footer>").unwrap().1;
    let paragraphs = foot.matches("<p>").count();
    assert_eq!(paragraphs, footer(&s, "2026-11-28").len(), "{foot}");
    assert!(
        foot.contains("Build cost (client&#x27;s &lt;b&gt;quote&lt;/b&gt; &amp; SOW, High)")
            || foot.contains("Build cost (client's &lt;b&gt;quote&lt;/b&gt; &amp; SOW, High)"),
        "{foot}"
    );
    assert!(foot.contains(SOURCES_AS_RECORDED), "{foot}");
    // Printed, the footer is kept together on one page.
    assert!(
        runcost::report::client::html::CSS.contains("footer,footer p{break-inside:avoid"),
        "print CSS"
    );
}

/// The examples the reviewer found: their sources name no "client", yet
/// they are sources, and the footer lists them instead of saying no figure
/// is sourced.
#[test]
fn examples_whose_sources_do_not_say_client_list_them() {
    for (name, source) in [
        ("claims-agent", "Claims director's estimate"),
        ("compliance-review", "Blind re-review of 250 cases"),
        ("doc-processing-scale", "Shared-services volume report"),
        (
            "support-self-hosted",
            "Vendor benchmark, not yet tested on our tickets",
        ),
    ] {
        let s = scenario(name);
        let f = md_footer(&s);
        assert!(!f.contains("No figure in this plan"), "{name}: {f}");
        assert!(f.contains(SOURCES_AS_RECORDED), "{name}: {f}");
        assert!(f.contains(source), "{name}: {f}");
    }
}
