//! CSV: one row per month with a header, plain numbers with two decimals (cents)
//! and a dot as decimal mark, which LibreOffice and Excel open cleanly.

use crate::model::{Category, Projection};

pub fn render(p: &Projection) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
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
    let _ = w.write_record(&header);
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
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
