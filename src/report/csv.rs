//! CSV: one row per month with a header, plain numbers with two decimals (cents)
//! and a dot as decimal mark, which LibreOffice and Excel open cleanly.
//! A version-2 plan adds `adoption_pct`, `error_rate_pct`, `errors_avoided`
//! and `gpus`; a plan whose review team falls short of the load in some month
//! adds `reviewer_fte_staffed` (understaffing shows as coverage below 100).
//! The categories are the plan's (tools and people where it has them); a
//! version-3 plan adds the columns of [`V3_COLUMNS`]. After the months come `note` and `cases` rows (see [`trailer`]).

use crate::model::{Category, Projection, Scenario};

pub fn render(s: &Scenario, p: &Projection) -> super::Rendered {
    let v2 = s.format_version() >= 2;
    let short = v2 || p.months.iter().any(|m| m.review_coverage_pct < 100.0);
    let v3 = s.format_version() >= 3;
    let cats = Category::of_plan(s);
    let mut w = writer();
    let mut header = vec!["month", "requests", "calls"];
    header.extend(cats.iter().map(|c| c.key()));
    header.extend([
        "total",
        "value",
        "net",
        "cumulative_net",
        "reviewer_fte_needed",
        "review_coverage_pct",
    ]);
    if short {
        header.push("reviewer_fte_staffed");
    }
    if v2 {
        header.extend(["adoption_pct", "error_rate_pct", "errors_avoided", "gpus"]);
    }
    if v3 {
        header.extend(V3_COLUMNS);
    }
    w.write_record(&header).map_err(failed)?;
    for m in &p.months {
        let mut row = vec![
            m.month.to_string(),
            amount(m.requests, 2),
            amount(m.calls, 2),
        ];
        row.extend(cats.iter().map(|c| amount(m.category(*c), 2)));
        row.extend([
            amount(m.total, 2),
            amount(m.value, 2),
            amount(m.net, 2),
            amount(m.cumulative_net, 2),
            amount(m.reviewer_fte_needed, 4),
            amount(m.review_coverage_pct, 2),
        ]);
        if short {
            row.push(amount(m.reviewer_fte_staffed, 4));
        }
        if v2 {
            row.extend([
                amount(m.adoption_pct, 2),
                amount(m.error_rate_pct, 4),
                amount(m.errors_avoided, 2),
                exact(m.gpus),
            ]);
        }
        if v3 {
            row.extend([
                amount(m.cash, 2),
                amount(m.quality_impact, 2),
                amount(m.time_value, 2),
                amount(m.fte_saved, 4),
                amount(m.uncaught_errors, 4),
            ]);
        }
        w.write_record(&row).map_err(failed)?;
    }
    for row in trailer(s, p) {
        let mut row = row;
        row.resize(header.len().max(row.len()), String::new());
        row.truncate(header.len().max(2));
        w.write_record(&row).map_err(failed)?;
    }
    finish(w)
}

/// The month columns a version-3 plan adds (spec §6): what is paid in cash,
/// the quality impact against today (an estimate), the value of the saved
/// time, the FTE it stands for and the wrong answers past review.
const V3_COLUMNS: [&str; 5] = [
    "cash",
    "quality_impact",
    "time_value",
    "fte_saved",
    "uncaught_errors",
];

/// The rows after the months, each naming what it is in its first cell
/// (so a spreadsheet filter on `month` keeps the months alone): `note` rows
/// with what the other formats say in words (spec §6), then, for a plan
/// with cases, a `cases` row heading the columns (the plan, each case) and
/// one `cases` row per headline figure, compare-style.
fn trailer(s: &Scenario, p: &Projection) -> Vec<Vec<String>> {
    let mut o: Vec<Vec<String>> = super::cfo::statements(s, p)
        .into_iter()
        .map(|n| vec!["note".into(), n])
        .collect();
    let cases = super::cfo::case_projections(s);
    if cases.is_empty() {
        return o;
    }
    let mut head = vec!["cases".to_string(), "figure".into(), "plan".into()];
    head.extend(cases.iter().map(|(n, _)| n.clone()));
    o.push(head);
    for f in super::cfo::case_figures(s) {
        let cell = |q: &Projection| f.value(q).map_or_else(String::new, exact);
        let mut row = vec!["cases".to_string(), f.key().into(), cell(p)];
        row.extend(cases.iter().map(|(_, q)| cell(q)));
        o.push(row);
    }
    o
}

/// A figure with `places` decimals, as a spreadsheet reads it: `1234.50`;
/// from a quadrillion on in exponent form (`1.385543158062521e20`), never
/// twenty digits or more.
pub fn amount(v: f64, places: usize) -> String {
    if v.is_finite() && v.abs() >= crate::numbers::POWER_FORM_FROM {
        format!("{v:e}")
    } else {
        let s = format!("{v:.places$}");
        // -0 (an empty sum, a tiny negative rounded) is written 0.
        match s.strip_prefix('-') {
            Some(rest) if !rest.bytes().any(|b| (b'1'..=b'9').contains(&b)) => rest.to_string(),
            _ => s,
        }
    }
}

/// A number at full precision: the shortest text that reads back as the
/// same f64 (`0.075`, `2500`), in exponent form from a quadrillion on.
pub fn exact(v: f64) -> String {
    if v.is_finite() && v.abs() >= crate::numbers::POWER_FORM_FROM {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// A CSV writer with CRLF line ends (RFC 4180), into memory.
pub fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// Why a CSV could not be written, as an error of runcost's own (exit 1).
pub fn failed(e: impl std::fmt::Display) -> super::RenderError {
    super::RenderError::Csv(e.to_string())
}

/// The written CSV as text; a failure is an error, never an empty document.
pub fn finish(w: csv::Writer<Vec<u8>>) -> super::Rendered {
    let bytes = w.into_inner().map_err(failed)?;
    String::from_utf8(bytes).map_err(failed)
}
