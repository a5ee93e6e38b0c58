//! Issue 23: the providers' exports in their own shapes — OpenAI's dollars
//! (numbers or strings) by Unix-second buckets over several pages, empty
//! buckets, a null line item; Anthropic's amounts in cents as decimal
//! strings, web search as a tool fee; dated model names matched to the
//! plan's; an export in another currency refused without a rate.

use crate::common;

use common::{fixture, runcost, stderr, stdout};

fn folder(currency: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("scenarios/support-assistant.ron"))
        .unwrap()
        .replacen("currency: \"USD\"", &format!("currency: \"{currency}\""), 1);
    let plan = dir.path().join("acme.ron");
    std::fs::write(&plan, text).unwrap();
    let plan = plan.to_string_lossy().into_owned();
    (dir, plan)
}

fn f(name: &str) -> String {
    fixture(&format!("actuals/{name}"))
        .to_string_lossy()
        .into_owned()
}

fn rows(dir: &tempfile::TempDir) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.path().join("acme.actuals.csv")).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn openai_pages_roll_days_into_months_in_dollars_and_match_dated_names() {
    let (dir, plan) = folder("USD");
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("openai-costs-page1.json"),
        &f("openai-costs-page2.json"),
        "--from",
        "openai-costs",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("5 added"), "{said}");
    assert!(
        said.contains("2027-01  inference           2 row(s)  $15.75"),
        "{said}"
    );
    assert!(
        said.contains("Fine-tuning, openai"),
        "unmatched names are listed: {said}"
    );
    let rows = rows(&dir);
    let jan: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "2027-01").collect();
    assert!(
        jan.iter().all(|r| r[2] == "gpt-5.4-mini"),
        "the dated name is the plan's model: {jan:?}"
    );
    let costs: Vec<&str> = jan.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(
        costs,
        ["12.5", "3.25"],
        "dollars, a string amount read as a number"
    );
    assert!(
        rows.iter().any(|r| r[2] == "openai" && r[4] == "1"),
        "a null line item"
    );
    // The same pages again: nothing changes.
    let before = std::fs::read(dir.path().join("acme.actuals.csv")).unwrap();
    runcost(&[
        "actuals",
        "import",
        &plan,
        &f("openai-costs-page1.json"),
        &f("openai-costs-page2.json"),
        "--from",
        "openai-costs",
    ]);
    assert_eq!(
        std::fs::read(dir.path().join("acme.actuals.csv")).unwrap(),
        before
    );
}

#[test]
fn anthropic_cents_are_divided_by_100_and_web_search_is_a_tool() {
    let (dir, plan) = folder("USD");
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("anthropic-cost.json"),
        "--from",
        "anthropic-cost",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = rows(&dir);
    let input = rows.iter().find(|r| r[1] == "inference").unwrap();
    assert_eq!(
        (input[2].as_str(), input[4].as_str()),
        ("claude-sonnet-5-5", "2.4"),
        "\"240.00\" cents is $2.40"
    );
    let search = rows.iter().find(|r| r[1] == "tools").unwrap();
    assert_eq!(search[4], "10.005");
    assert!(
        rows.iter().all(|r| r[0] == "2027-01"),
        "the day's UTC month"
    );
}

#[test]
fn an_export_in_dollars_for_a_plan_in_pounds_without_a_rate_is_refused() {
    let (dir, plan) = folder("GBP");
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("anthropic-cost.json"),
        "--from",
        "anthropic-cost",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("USD") && err.contains("GBP"), "{err}");
    assert!(
        !dir.path().join("acme.actuals.csv").exists(),
        "nothing written"
    );
}

#[test]
fn a_page_that_is_not_an_export_is_refused_and_nothing_is_written() {
    let (dir, plan) = folder("USD");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"object\": \"list\"}").unwrap();
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        bad.to_str().unwrap(),
        "--from",
        "openai-costs",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no \"data\" array"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("acme.actuals.csv").exists());
}

#[test]
fn a_gateways_estimate_beside_the_invoice_is_set_aside_and_alone_it_counts_marked() {
    let (dir, plan) = folder("USD");
    let start = ["--start", "2027-01"];
    runcost(&[
        "actuals",
        "import",
        &plan,
        &f("openai-costs-page1.json"),
        "--from",
        "openai-costs",
    ]);
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("litellm-spend.csv"),
        "--from",
        "litellm",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = rows(&dir);
    let est: Vec<&Vec<String>> = rows.iter().filter(|r| r[5] == "estimate").collect();
    assert_eq!(est.len(), 3, "one row per month and model: {est:?}");
    assert!(
        est.iter()
            .any(|r| r[0] == "2027-01" && r[2] == "gpt-5.4-mini" && r[4] == "10")
    );
    let mut args = vec!["actuals", plan.as_str(), "-f", "json"];
    args.extend(start);
    let v: serde_json::Value = serde_json::from_slice(&runcost(&args).stdout).unwrap();
    // January: the OpenAI invoice (15.75) wins over LiteLLM's 10 for the same
    // model; Claude's 2.25 has no invoice, so it counts, marked.
    let jan = &v["months"][0]["lines"]["inference"];
    assert_eq!(jan["actual"].as_f64().unwrap(), 15.75 + 2.25);
    assert_eq!(jan["estimate"], true);
    let aside = v["set_aside"].as_array().unwrap();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        (aside[0]["item"].as_str(), aside[0]["amount"].as_f64()),
        (Some("gpt-5.4-mini"), Some(10.0))
    );
    let mut table = vec!["actuals", plan.as_str()];
    table.extend(start);
    assert!(
        stdout(&runcost(&table))
            .contains("Set aside: 1 estimate row(s) for inference gpt-5.4-mini")
    );
}

#[test]
fn a_focus_bill_skips_tax_keeps_credits_and_splits_ai_from_infrastructure() {
    let (dir, plan) = folder("USD");
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("focus.csv"),
        "--from",
        "focus",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Skipped 1: tax rows"),
        "{}",
        stdout(&out)
    );
    let rows = rows(&dir);
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .any(|r| r[1] == "inference" && r[2] == "claude-sonnet-5-5" && r[4] == "61.5")
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "infrastructure" && r[4] == "-120"),
        "the credit"
    );
    let before = std::fs::read(dir.path().join("acme.actuals.csv")).unwrap();
    runcost(&[
        "actuals",
        "import",
        &plan,
        &f("focus.csv"),
        "--from",
        "focus",
    ]);
    assert_eq!(
        std::fs::read(dir.path().join("acme.actuals.csv")).unwrap(),
        before,
        "a re-import changes nothing"
    );
}

#[test]
fn a_bad_spend_row_refuses_the_log_with_its_line() {
    let (dir, plan) = folder("USD");
    let bad = dir.path().join("spend.csv");
    std::fs::write(
        &bad,
        "startTime,model,spend\n2027-01-05 10:00:00,m,0.1\n2027-01-05 10:00:00,m,lots\n",
    )
    .unwrap();
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        bad.to_str().unwrap(),
        "--from",
        "litellm",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("spend.csv:3: spend is \"lots\""),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("acme.actuals.csv").exists());
}

#[test]
fn the_same_bill_with_crlf_or_lf_line_ends_is_one_set_of_rows() {
    let (dir, plan) = folder("USD");
    let lf = std::fs::read_to_string(fixture("actuals/focus.csv")).unwrap();
    let crlf_path = dir.path().join("crlf.csv");
    std::fs::write(&crlf_path, lf.replace('\n', "\r\n")).unwrap();
    runcost(&[
        "actuals",
        "import",
        &plan,
        crlf_path.to_str().unwrap(),
        "--from",
        "focus",
    ]);
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        &f("focus.csv"),
        "--from",
        "focus",
    ]);
    assert!(
        stdout(&out).contains("0 added, 3 replaced"),
        "{}",
        stdout(&out)
    );
    // And a bad row of a CRLF file is named by its own line.
    let bad = dir.path().join("bad.csv");
    let mut lines: Vec<&str> = lf.lines().collect();
    lines.insert(
        3,
        "acct,2027-01-01T00:00:00Z,2027-02-01T00:00:00Z,zz,USD,Compute,X,,Usage,s",
    );
    std::fs::write(&bad, lines.join("\r\n")).unwrap();
    let out = runcost(&[
        "actuals",
        "import",
        &plan,
        bad.to_str().unwrap(),
        "--from",
        "focus",
    ]);
    assert!(stderr(&out).contains("bad.csv:4:"), "{}", stderr(&out));
}

#[test]
fn an_amount_the_file_could_not_hold_or_a_non_number_is_refused_not_skipped() {
    let (dir, plan) = folder("USD");
    for (body, says) in [
        (
            r#"{"data":[{"start_time":1801440000,"results":[{"amount":{"value":-1e20,"currency":"usd"},"line_item":"x"}]}]}"#,
            "data[0].results[0].amount.value",
        ),
        (
            r#"{"data":[{"start_time":1801440000,"results":[{"amount":{"value":"abc","currency":"usd"},"line_item":"x"}]}]}"#,
            "data[0].results[0].amount.value",
        ),
        (
            r#"{"data":[{"start_time":"yesterday","results":[]}]}"#,
            "data[0].start_time",
        ),
    ] {
        let page = dir.path().join("page.json");
        std::fs::write(&page, body).unwrap();
        let out = runcost(&[
            "actuals",
            "import",
            &plan,
            page.to_str().unwrap(),
            "--from",
            "openai-costs",
        ]);
        assert_eq!(out.status.code(), Some(2), "{body}");
        assert!(stderr(&out).contains(says), "{body}: {}", stderr(&out));
        assert!(!dir.path().join("acme.actuals.csv").exists());
    }
}

#[test]
fn a_spend_log_split_over_files_adds_up() {
    let (dir, plan) = folder("USD");
    let one = dir.path().join("one.csv");
    let two = dir.path().join("two.csv");
    std::fs::write(
        &one,
        "startTime,model,spend\n2027-04-02 10:00:00,gpt-5.4-mini,10\n",
    )
    .unwrap();
    std::fs::write(
        &two,
        "startTime,model,spend\n2027-04-20 10:00:00,gpt-5.4-mini,7\n",
    )
    .unwrap();
    runcost(&[
        "actuals",
        "import",
        &plan,
        one.to_str().unwrap(),
        two.to_str().unwrap(),
        "--from",
        "litellm",
    ]);
    let rows = rows(&dir);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][4], "17", "{rows:?}");
}
