//! Snapshots of every report format for the example plans.

use crate::common;

use common::scenario;
use runcost::model::project;
use runcost::report::{Format, render};

const AS_OF: &str = "2026-11-28";

fn snap(name: &str, format: Format) -> String {
    let s = scenario(name);
    render(format, &s, &project(&s), AS_OF).expect("renders")
}

#[test]
fn table_reports() {
    for name in [
        "support-assistant",
        "doc-processing-small",
        "compliance-review",
    ] {
        insta::assert_snapshot!(format!("table-{name}"), snap(name, Format::Table));
    }
}

#[test]
fn markdown_reports() {
    for name in [
        "support-assistant",
        "support-self-hosted",
        "doc-processing-scale",
    ] {
        insta::assert_snapshot!(format!("md-{name}"), snap(name, Format::Md));
    }
}

#[test]
fn csv_reports() {
    for name in ["support-assistant", "compliance-review"] {
        insta::assert_snapshot!(format!("csv-{name}"), snap(name, Format::Csv));
    }
}

#[test]
fn json_reports() {
    insta::assert_snapshot!(
        "json-doc-processing-small",
        snap("doc-processing-small", Format::Json)
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_month() {
    let out = snap("compliance-review", Format::Csv);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "month");
    assert!(headers.iter().any(|h| h == "total"));
    let all: Vec<_> = reader.records().map(|r| r.unwrap()).collect();
    // The months, then rows that name what they are (`note`, `cases`).
    let rows: Vec<_> = all.iter().filter(|r| r[0].parse::<u32>().is_ok()).collect();
    assert_eq!(rows.len(), 24);
    assert!(
        all[24..]
            .iter()
            .all(|r| r[0] == *"note" || r[0] == *"cases")
    );
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let total: f64 = rows[0][headers.iter().position(|h| h == "total").unwrap()]
        .parse()
        .unwrap();
    assert!(
        total > 0.0,
        "numbers are plain, without currency or separators"
    );
}

#[test]
fn markdown_escapes_table_breaking_text() {
    let mut s = scenario("support-assistant");
    s.infrastructure[0].name = "A | B".into();
    s.notes = "line one\nline two".into();
    let md = render(Format::Md, &s, &project(&s), AS_OF).expect("renders");
    assert!(md.contains("A \\| B"));
    // Each line of the notes keeps its break (a CommonMark hard break).
    assert!(md.contains("> line one\\\n> line two\n"), "{md}");
}
