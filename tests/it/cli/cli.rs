//! The command line as other tools and people call it: outputs, exit codes,
//! messages.

use crate::common;
use crate::common::{example, stderr, stdout};

use common::{fixture, root, runcost};

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["report", "--help"],
        vec!["check", "--help"],
        vec!["catalog", "--help"],
        vec!["new", "--help"],
    ] {
        let out = runcost(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn report_formats_all_succeed() {
    let file = example("support-assistant");
    for format in ["table", "md", "csv", "json"] {
        let out = runcost(&["report", &file, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn report_months_overrides_the_horizon() {
    let out = runcost(&[
        "report",
        &example("support-assistant"),
        "-f",
        "json",
        "--months",
        "36",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["horizon_months"], 36);
    assert_eq!(v["months"].as_array().unwrap().len(), 36);

    let bad = runcost(&["report", &example("support-assistant"), "--months", "61"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("61"));
}

#[test]
fn report_reads_a_plan_from_stdin() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["report", "-", "-f", "json"])
        .env(
            "RUNCOST_HOME",
            std::env::temp_dir().join("runcost-test-stdin"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(fixture("spec/self-hosted-70b.ron")).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("\"Self-hosted 70B\""));
}

#[test]
fn missing_file_and_bad_arguments_exit_2() {
    let out = runcost(&["report", "/nonexistent/plan.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/plan.ron: no such file"),
        "{}",
        stderr(&out)
    );

    let out = runcost(&["report"]);
    assert_eq!(out.status.code(), Some(2), "missing FILE is a usage error");

    let out = runcost(&["report", &example("support-assistant"), "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("table, md, csv, json"),
        "{}",
        stderr(&out)
    );

    let dir = root().join("scenarios").display().to_string();
    let out = runcost(&["report", &dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"));
}

#[test]
fn check_reports_every_file_and_fails_if_any_is_bad() {
    let good = example("compliance-review");
    let bad = fixture("invalid/many-problems.ron").display().to_string();
    let out = runcost(&["check", &good]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("ok (AML alert triage, 24 months, 2 models)"));

    let out = runcost(&["check", &good, &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("compliance-review.ron: ok"));
    let err = stderr(&out);
    assert!(
        err.contains("many-problems.ron:5:9: workload.requests_per_day is -5"),
        "{err}"
    );
    assert!(err.contains("workload.batch_pct is 101"), "{err}");
}

#[test]
fn catalog_lists_prices_with_the_as_of_date_and_filters_by_provider() {
    let out = runcost(&["catalog"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("as of 2026-11-28"));
    assert!(text.contains("gpt-5.4-mini") && text.contains("claude-sonnet-5-5"));

    let out = runcost(&["catalog", "--provider", "anthropic"]);
    let text = stdout(&out);
    assert!(text.contains("claude-opus-5-5"));
    assert!(!text.contains("gpt-5.4-mini"));

    let out = runcost(&["catalog", "--format", "json", "--provider", "self-hosted"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-11-28");
    assert!(v["models"].as_array().unwrap().len() >= 2);
}

#[test]
fn new_writes_a_template_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ron");
    let f = file.to_str().unwrap();
    let out = runcost(&["new", f, "--template", "compliance-review"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("AML alert triage")
    );

    let again = runcost(&["new", f]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("exists already"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("AML alert triage"),
        "untouched"
    );

    let forced = runcost(&["new", f, "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Support assistant")
    );

    let unknown = runcost(&[
        "new",
        dir.path().join("x.ron").to_str().unwrap(),
        "-t",
        "nope",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("support-assistant, support-self-hosted"));

    let list = runcost(&["new", "--list"]);
    assert!(stdout(&list).contains("doc-processing-small"));
}

#[test]
fn a_broken_user_catalog_warns_and_falls_back_to_built_ins() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/catalog.ron"), "Catalog(as_of: ").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["report", &example("support-assistant"), "-f", "json"])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("catalog.ron"));
    assert!(stderr(&out).contains("using the built-in catalog only"));
}

#[test]
fn the_user_catalog_overrides_built_in_prices_for_unpriced_entries() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(
        home.path().join("config/catalog.ron"),
        r#"Catalog(as_of: "2026-12-01", models: [(id: "gpt-5.4-mini", provider: "openai",
            pricing: Api(input_per_mtok: 100.0, output_per_mtok: 0.0), source: "negotiated")])"#,
    )
    .unwrap();
    let plan = home.path().join("p.ron");
    std::fs::write(
        &plan,
        r#"Scenario(version: 1, name: "p", workload: (requests_per_day: 1000, input_tokens: 1000),
           models: [(id: "gpt-5.4-mini", share_pct: 100)])"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["report", plan.to_str().unwrap(), "-f", "json"])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 30,000 calls × 1000 tokens × $100/M
    assert_eq!(v["months"][0]["inference"], 3000.0);
}

#[test]
fn a_plan_that_would_overflow_is_refused_at_its_bounds_not_printed_as_null() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("huge.ron");
    std::fs::write(
        &plan,
        r#"Scenario(version: 1, name: "huge", horizon_months: 60,
           workload: (requests_per_day: 1e300, monthly_growth_pct: 1000, input_tokens: 1e300),
           models: [(id: "m", share_pct: 100, pricing: Api(input_per_mtok: 1e300))])"#,
    )
    .unwrap();
    let out = runcost(&["report", plan.to_str().unwrap(), "-f", "json"]);
    assert_eq!(out.status.code(), Some(2));
    // Refused at its inputs' bounds, before any projection could overflow.
    let err = stderr(&out);
    assert!(
        err.contains("workload.requests_per_day is 1e300; must be from 0 to 10,000,000,000 requests a day")
            && err.contains("models[0].pricing.input_per_mtok is 1e300; must be a price from 0 to 10,000 per 1M tokens"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn no_arguments_without_a_terminal_prints_the_built_in_plan_from_any_directory() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .current_dir(std::env::temp_dir())
        .env(
            "RUNCOST_HOME",
            std::env::temp_dir().join("runcost-test-noargs"),
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Support assistant — Acme Retail (example)"));
}
