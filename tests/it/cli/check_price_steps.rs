//! A plan that names a model by id with dated prices to come says the price
//! change within its horizon: in `runcost check` and in the report's
//! Assumptions, beside the month-1 prices.

use crate::common;
use crate::common::stdout;

use common::runcost;

/// A plan of `model` alone, starting in `start`, written to a temp dir.
fn plan(model: &str, start: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = format!(
        r#"Scenario(version: 2, name: "Dated", currency: "USD", horizon_months: 12, start: "{start}",
    workload: (requests_per_day: 1000.0, days_per_month: 30.0, input_tokens: 1000.0, output_tokens: 200.0),
    models: [ (id: "{model}", share_pct: 100.0, error_rate_pct: 2.0) ],
    risk: (review_catch_pct: 90.0, cost_per_uncaught_error: 18.0),
)"#
    );
    let (dir, f) = common::scratch_file("dated.ron", text);
    (dir, f)
}

#[test]
fn check_and_the_report_say_a_dated_price_change_within_the_horizon() {
    let cases = [
        (
            "gpt-5.6",
            "2026-11",
            "$4.00 in / $20.00 out per 1M tokens in month 1 (2026-11), then $5.00 in / $30.00 out per 1M tokens from 2026-12 (month 2)",
        ),
        (
            "gemini-3.8-flash",
            "2026-12",
            "$0.75 in / $3.75 out per 1M tokens in month 1 (2026-12), then $1.50 in / $7.50 out per 1M tokens from 2027-01 (month 2)",
        ),
        (
            "gemini-flash-latest",
            "2026-12",
            "$0.75 in / $3.75 out per 1M tokens in month 1 (2026-12), then $1.50 in / $7.50 out per 1M tokens from 2027-01 (month 2)",
        ),
        (
            "gemini-3.6-flash",
            "2026-06",
            "in month 1 (2026-06), then $1.50 in / $7.50 out per 1M tokens from 2027-01 (month 8)",
        ),
    ];
    for (model, start, words) in cases {
        let (_dir, f) = plan(model, start);
        let out = runcost(&["check", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{model}");
        let o = stdout(&out);
        assert!(
            o.contains(&format!("dated.ron: note: {model} is billed")),
            "{model}: {o}"
        );
        assert!(o.contains(words), "{model}: {o}");
        let md = stdout(&runcost(&["report", "-f", "md", f.to_str().unwrap()]));
        assert!(
            md.contains(&format!("| Model mix | {model} | API, billed per token: ")),
            "{model}: {md}"
        );
        assert!(md.contains(words), "{model}: {md}");
        let html = stdout(&runcost(&["report", "-f", "html", f.to_str().unwrap()]));
        assert!(html.contains(words), "{model}");
    }
}

#[test]
fn no_note_when_the_price_stays_within_the_horizon() {
    // The change comes after the horizon (gemini-3.8-flash doubles in
    // 2027-01, a plan of 2026-01 ends in 2026-12), or never (gpt-5.5).
    for (model, start) in [("gemini-3.8-flash", "2026-01"), ("gpt-5.5", "2026-11")] {
        let (_dir, f) = plan(model, start);
        let o = stdout(&runcost(&["check", f.to_str().unwrap()]));
        assert!(o.contains("dated.ron: ok"), "{o}");
        assert!(!o.contains("note:"), "{model}: {o}");
        let md = stdout(&runcost(&["report", "-f", "md", f.to_str().unwrap()]));
        assert!(
            md.contains(&format!("| Model mix | {model} | API, billed per token |")),
            "{md}"
        );
    }
}
