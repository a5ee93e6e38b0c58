//! The client report says the same in every format: Markdown and HTML have
//! the same title, sections, tables (header rows, categories, totals, the
//! Swing column) and numbers, because both render one model; and the HTML
//! is laid out for reading: viewport meta, text columns left-aligned, the
//! headline table not stretched, charts with labelled axes and a legend.

use crate::common;

use common::{builtin, fixture, load, scenario};
use runcost::model::{Category, Scenario, project};
use runcost::report::client::model::{Align, Block};
use runcost::report::client::{html, markdown, report};

fn plans() -> Vec<(String, Scenario)> {
    let mut v = common::named_examples(&[
        "support-assistant",
        "claims-agent",
        "compliance-review",
        "doc-processing-scale",
    ]);
    v.push((
        "v2 fixture".into(),
        load(&fixture("spec/v2-claims-agent-gpus.ron")),
    ));
    v
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    s.split(open)
        .skip(1)
        .filter_map(|x| x.split_once(close).map(|(a, _)| a))
        .collect()
}

#[test]
fn markdown_and_html_have_the_same_title_sections_and_tables() {
    for (name, s) in plans() {
        let p = project(&s);
        let md = markdown(&s, &p, &builtin(), "2026-11-28");
        let page = html(&s, &p, &builtin(), "2026-11-28");
        let model = report(&s, &p, &builtin(), "2026-11-28");
        let md_title = md.lines().next().unwrap().trim_start_matches("# ");
        assert_eq!(between(&page, "<title>", "</title>")[0], md_title, "{name}");
        assert_eq!(between(&page, "<h1>", "</h1>"), [md_title], "{name}");
        let md_sections: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
        assert_eq!(between(&page, "<h2>", "</h2>"), md_sections, "{name}");
        let tables = model.sections.iter().flat_map(|s| s.tables()).count();
        assert_eq!(
            page.matches("<thead>").count(),
            tables,
            "{name}: a thead per table"
        );
        assert_eq!(page.matches("<table").count(), tables, "{name}");
        assert_eq!(
            md.matches("\n| :---|").count() + md.matches("\n|:---|").count(),
            tables,
            "{name}"
        );
        // The report date is with the facts at the top, in both.
        assert!(
            md.lines()
                .nth(2)
                .unwrap()
                .contains("**Report date:** 2026-11-28"),
            "{name}"
        );
        assert!(
            page.contains("<b>Report date:</b> 2026-11-28</span>"),
            "{name}"
        );
        // Every number of every table is in both.
        for t in model.sections.iter().flat_map(|s| s.tables()) {
            for r in &t.rows {
                for c in r.cells.iter().filter(|c| c.starts_with('$')) {
                    assert!(
                        md.contains(c.as_str()) && page.contains(c.as_str()),
                        "{name}: {c}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_html_monthly_table_has_categories_a_totals_row_and_the_drivers_their_swing() {
    let s = common::support_with_volume_range();
    let p = project(&s);
    let page = html(&s, &p, &builtin(), "2026-11-28");
    let monthly = page.split("<section id=\"monthly\"").nth(1).unwrap();
    let monthly = monthly.split("</section>").next().unwrap();
    // The plan's categories: a team but no tools in this plan, so no tools column.
    assert!(!s.people.is_empty() && s.workload.tools.is_empty());
    for k in Category::ALL {
        let shown = !matches!(k, Category::Tools);
        assert_eq!(
            monthly.contains(&format!(">{}</th>", k.label())),
            shown,
            "{}",
            k.label()
        );
    }
    assert!(monthly.contains("<tr class=\"total\"><td class=\"l\">Total</td>"));
    let drivers = page.split("<section id=\"drivers\"").nth(1).unwrap();
    assert!(drivers.contains(">Swing</th>"));
    assert!(page.contains("<h2>How sure the figures are</h2>"));
    let md = markdown(&s, &p, &builtin(), "2026-11-28");
    assert!(md.contains("## How sure the figures are"));
    assert!(
        page.contains("<td class=\"l\">Requests per day</td>"),
        "the ranges table"
    );
}

#[test]
fn the_html_reads_on_a_phone_with_text_left_and_numbers_right() {
    let s = scenario("claims-agent");
    let p = project(&s);
    let page = html(&s, &p, &builtin(), "2026-11-28");
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
    );
    let model = report(&s, &p, &builtin(), "2026-11-28");
    let figures = model.sections[0].tables().next().unwrap();
    assert_eq!(figures.columns[0].align, Align::Left);
    assert_eq!(figures.columns[1].align, Align::Right);
    assert!(
        !figures.is_wide(),
        "the headline table is sized to its content"
    );
    assert!(
        page.contains("<td class=\"l\">Cash TCO (build + billed and paid)</td><td class=\"r\">")
    );
    assert!(
        !page.contains("table{border-collapse:collapse;width:100%"),
        "tables are not stretched"
    );
    // Print: headers repeat, rows and charts stay whole, the summary is page one.
    for rule in [
        "thead{display:table-header-group}",
        "section.summary{break-after:page}",
        "tr,figure",
        "@page{",
        "counter(page)",
    ] {
        assert!(page.contains(rule), "{rule}");
    }
}

#[test]
fn charts_label_their_axes_and_cope_with_one_and_sixty_months() {
    for months in [1u32, 12, 24, 60] {
        let mut s = scenario("support-assistant");
        s.horizon_months = months;
        s.start = Some("2027-11".into());
        let p = project(&s);
        let page = html(&s, &p, &builtin(), "2026-11-28");
        let svg = page
            .split("<svg")
            .nth(1)
            .unwrap()
            .split("</svg>")
            .next()
            .unwrap();
        let labels = runcost::report::client::model::labelled_months(months as usize);
        let ticks = svg.matches("text-anchor=\"middle\">").count();
        // Month labels, years under the first label and each January, the axis title.
        assert!(ticks >= labels.len(), "{months}: {ticks} labels");
        assert!(
            svg.contains(">Nov</text>") && svg.contains(">2027</text>"),
            "{months}"
        );
        assert!(svg.contains("Calendar month"));
        assert!(svg.contains("stroke=\"#e3e3e3\""), "gridlines");
        assert!(svg.contains(">$0</text>"), "money ticks");
        assert!(
            svg.contains(">Inference</text>") && svg.contains(">Oversight</text>"),
            "legend"
        );
        // The monthly chart stacks cash alone: the estimate is not a bar.
        assert!(
            !svg.contains(">Errors</text>"),
            "no errors in the cash stack"
        );
        assert!(!svg.contains("<title>Month "), "nothing only on hover");
        // Bars are never a full-width slab.
        for w in between(svg, "<rect x=", "/>")
            .iter()
            .filter_map(|r| r.split("width=\"").nth(1))
        {
            let w: f64 = w.split('"').next().unwrap().parse().unwrap();
            assert!(w <= 48.0, "{months}: a bar {w} wide");
        }
    }
    let model = report(
        &scenario("support-assistant"),
        &project(&scenario("support-assistant")),
        &builtin(),
        "d",
    );
    let charts = model
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Chart(_)))
        .count();
    assert_eq!(charts, 3, "monthly, breakdown and cumulative net");
}
