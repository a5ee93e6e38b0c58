//! The client report: Markdown with the analysis, and a self-contained HTML
//! page that is well-formed and reaches nothing outside itself.

use crate::common;

use common::builtin;
use quick_xml::Reader;
use quick_xml::events::Event;
use runcost::model::project;
use runcost::report::client::{html, markdown};

fn plan() -> runcost::model::Scenario {
    common::support_with_volume_range()
}

#[test]
fn the_markdown_report_adds_drivers_band_and_break_even() {
    let s = plan();
    let md = markdown(&s, &project(&s), &builtin(), "2026-11-28");
    insta::assert_snapshot!("client-md-support-assistant", md);
    assert!(md.contains("**Report date:** 2026-11-28"));
    assert!(md.contains("## What drives the cost"));
    assert!(md.contains("## How sure the figures are"));
    assert!(md.contains("(P10–P90; median"));
    assert!(md.contains("## Where it breaks even"));
    assert!(md.contains("## Notes from the call"));
}

#[test]
fn the_html_report_is_well_formed_and_self_contained() {
    let s = plan();
    let page = html(&s, &project(&s), &builtin(), "2026-11-28");
    let mut reader = Reader::from_str(&page);
    let mut stack: Vec<String> = Vec::new();
    let mut svg = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "svg" {
                    svg += 1;
                }
                stack.push(name);
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                assert_eq!(
                    stack.pop().as_deref(),
                    Some(name.as_str()),
                    "mismatched </{name}>"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(
        svg, 3,
        "the monthly, breakdown and cumulative charts are inline SVG"
    );
    assert!(!page.contains("<script"), "no JavaScript");
    let external = page
        .match_indices("http")
        .filter(|(i, _)| !page[*i..].starts_with("http://www.w3.org/2000/svg"))
        .count();
    assert_eq!(external, 0, "no network references");
    assert!(page.contains("Cash TCO range (P10–P90)"));
    assert!(page.contains("NPV range (P10–P90)"));
    assert!(page.contains(&runcost::numbers::money(project(&s).totals.tco, "USD")));
}

#[test]
fn text_from_the_plan_is_escaped() {
    let mut s = plan();
    s.name = "<b>Acme & Co</b>".into();
    s.notes = "a < b".into();
    let page = html(&s, &project(&s), &builtin(), "2026-11-28");
    assert!(page.contains("&lt;b&gt;Acme &amp; Co&lt;/b&gt;"));
    assert!(page.contains("a &lt; b"));
}
