//! The Markdown client report read by a CommonMark parser (pulldown-cmark,
//! with GitHub tables): every table of the report is a table with its
//! header row, text typed into a plan comes back as the same text (never as
//! HTML, emphasis or code), the call notes keep their line breaks, and the
//! monthly chart is there as a text chart.

use crate::common;

use common::{builtin, scenario};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use runcost::model::project;
use runcost::report::client::{markdown, report};

/// The tables of a Markdown text: rows of cell texts, the header first.
fn tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(_)) => out.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                out.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let c = cell.take().unwrap();
                out.last_mut().unwrap().last_mut().unwrap().push(c);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h}"),
            _ => {}
        }
    }
    out
}

#[test]
fn every_table_of_the_report_parses_as_a_table_with_its_header() {
    for name in [
        "support-assistant",
        "claims-agent",
        "compliance-review",
        "doc-processing-small",
    ] {
        let s = scenario(name);
        let p = project(&s);
        let model = report(&s, &p, &builtin(), "2026-11-28");
        let md = markdown(&s, &p, &builtin(), "2026-11-28");
        let parsed = tables(&md);
        let expected: Vec<_> = model.sections.iter().flat_map(|s| s.tables()).collect();
        assert_eq!(parsed.len(), expected.len(), "{name}: tables");
        for (got, want) in parsed.iter().zip(expected) {
            let header: Vec<&str> = want.columns.iter().map(|c| c.title.as_str()).collect();
            assert_eq!(got[0], header, "{name}: header row");
            assert!(
                got[0].iter().all(|h| !h.is_empty()),
                "{name}: an empty header cell"
            );
            assert_eq!(got.len() - 1, want.rows.len(), "{name}: rows of {header:?}");
            for (g, w) in got[1..].iter().zip(&want.rows) {
                assert_eq!(g, &w.cells, "{name}: a row of {header:?}");
            }
        }
    }
}

#[test]
fn text_from_the_plan_stays_text_and_notes_keep_their_line_breaks() {
    let mut s = scenario("support-assistant");
    let evil = "<b>*Acme*</b> _x_ | `tick` [link](http://x) &amp; 1 < 2";
    s.name = evil.into();
    s.infrastructure[0].name = evil.into();
    s.notes =
        "First line *not emphasis*\n- not a list\n1. not a list either\n\nA new paragraph".into();
    let p = project(&s);
    let md = markdown(&s, &p, &builtin(), "2026-11-28");
    let mut heading = String::new();
    let (mut in_h1, mut in_quote) = (false, false);
    let mut quote = String::new();
    for ev in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { .. }) if heading.is_empty() => in_h1 = true,
            Event::End(TagEnd::Heading(_)) => in_h1 = false,
            Event::Start(Tag::BlockQuote(_)) => in_quote = true,
            Event::End(TagEnd::BlockQuote(_)) => in_quote = false,
            Event::Start(Tag::Emphasis | Tag::Strong) if in_h1 || in_quote => {
                panic!("plan text became emphasis:\n{md}")
            }
            Event::Start(Tag::List(_) | Tag::Link { .. }) if in_quote || in_h1 => {
                panic!("plan text became a list or link:\n{md}")
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h}:\n{md}"),
            Event::Code(c) => panic!("plan text became code {c}:\n{md}"),
            Event::Text(t) if in_h1 => heading.push_str(&t),
            Event::Text(t) if in_quote => quote.push_str(&t),
            Event::HardBreak if in_quote => quote.push('\n'),
            Event::End(TagEnd::Paragraph) if in_quote => quote.push_str("\n\n"),
            _ => {}
        }
    }
    assert_eq!(heading, format!("{evil} — what it costs in production"));
    assert_eq!(
        quote.trim_end(),
        "First line *not emphasis*\n- not a list\n1. not a list either\n\nA new paragraph"
    );
    let cells: Vec<String> = tables(&md).into_iter().flatten().flatten().collect();
    assert!(
        cells.iter().any(|c| c.starts_with(evil)),
        "the infrastructure name comes back as typed"
    );
}

#[test]
fn the_markdown_report_has_a_monthly_chart() {
    let s = scenario("claims-agent");
    let md = markdown(&s, &project(&s), &builtin(), "2026-11-28");
    let mut code = Vec::new();
    let mut inside = false;
    for ev in Parser::new(&md) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => {
                inside = true;
                code.push(String::new());
            }
            Event::End(TagEnd::CodeBlock) => inside = false,
            Event::Text(t) if inside => code.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    let monthly = code
        .iter()
        .find(|c| c.starts_with("Monthly cash run cost"))
        .expect("a monthly chart in a code block");
    assert!(monthly.matches('█').count() > 24, "{monthly}");
    assert!(
        monthly.lines().any(|l| l.trim_start().starts_with("24 ")),
        "{monthly}"
    );
}
