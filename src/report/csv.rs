//! CSV: one row per month with a header, plain numbers with two decimals (cents)
//! and a dot as decimal mark, which LibreOffice and Excel open cleanly.
//! A version-2 plan adds `adoption_pct`, `error_rate_pct`, `errors_avoided`
//! and `gpus`; a plan whose review team falls short of the load in some month
//! adds `reviewer_fte_staffed` (understaffing shows as coverage below 100).

use crate::model::{Category, Projection, Scenario};

pub fn render(s: &Scenario, p: &Projection) -> super::Rendered {
    let v2 = s.format_version() >= 2;
    let short = v2 || p.months.iter().any(|m| m.review_coverage_pct < 100.0);
    let mut w = writer();
    let mut header = vec!["month", "requests", "calls"];
    header.extend(Category::ALL.iter().map(|c| c.key()));
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
    w.write_record(&header).map_err(failed)?;
    for m in &p.months {
        let mut row = vec![
            m.month.to_string(),
            format!("{:.2}", m.requests),
            format!("{:.2}", m.calls),
        ];
        row.extend(
            Category::ALL
                .iter()
                .map(|c| format!("{:.2}", m.category(*c))),
        );
        row.extend([
            format!("{:.2}", m.total),
            format!("{:.2}", m.value),
            format!("{:.2}", m.net),
            format!("{:.2}", m.cumulative_net),
            format!("{:.4}", m.reviewer_fte_needed),
            format!("{:.2}", m.review_coverage_pct),
        ]);
        if short {
            row.push(format!("{:.4}", m.reviewer_fte_staffed));
        }
        if v2 {
            row.extend([
                format!("{:.2}", m.adoption_pct),
                format!("{:.4}", m.error_rate_pct),
                format!("{:.2}", m.errors_avoided),
                format!("{}", m.gpus),
            ]);
        }
        w.write_record(&row).map_err(failed)?;
    }
    finish(w)
}

/// A CSV writer with CRLF line ends (RFC 4180), into memory.
pub fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// Why a CSV could not be written, as an error of runcost's own (exit 1).
pub fn failed(e: impl std::fmt::Display) -> String {
    format!("cannot write the CSV: {e}")
}

/// The written CSV as text; a failure is an error, never an empty document.
pub fn finish(w: csv::Writer<Vec<u8>>) -> super::Rendered {
    let bytes = w.into_inner().map_err(failed)?;
    String::from_utf8(bytes).map_err(failed)
}
