//! Issue 23: the actuals file beside the plan, `runcost actuals import
//! --from csv` (a re-import changes nothing, a bad row refuses the whole
//! import and leaves the file as it was) and `runcost actuals` (--start for a
//! plan without one; JSON with every key of the contract).

use crate::common;

use common::{runcost, stderr, stdout};

const HEAD: &str = "month,category,item,quantity,cost,basis,source,key\n";

/// A folder with the support example as `acme.ron`, starting in 2027-01.
fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(common::root().join("scenarios/support-assistant.ron")).unwrap();
    let plan = dir.path().join("acme.ron");
    std::fs::write(&plan, text).unwrap();
    (dir, plan)
}

fn write(dir: &std::path::Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, format!("{HEAD}{body}")).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn an_import_lands_beside_the_plan_sorted_and_a_reimport_changes_nothing() {
    let (dir, plan) = folder();
    let plan = plan.to_str().unwrap();
    let feb = write(
        dir.path(),
        "feb.csv",
        "2027-02,inference,gpt-5.4-mini,,520,invoice,openai-costs,oa-02\n2027-01,requests,,24000,,invoice,manual,r-01\n",
    );
    let out = runcost(&["actuals", "import", plan, &feb, "--from", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 added, 0 replaced"),
        "{}",
        stdout(&out)
    );
    let file = dir.path().join("acme.actuals.csv");
    let first = std::fs::read(&file).unwrap();
    let text = String::from_utf8(first.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[1].starts_with("2027-01,requests"),
        "sorted by month: {text}"
    );
    let again = runcost(&["actuals", "import", plan, &feb, "--from", "csv"]);
    assert!(
        stdout(&again).contains("0 added, 2 replaced"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        first,
        "a re-import changes nothing"
    );
    // A corrected row with the same key replaces the old one.
    let fixed = write(
        dir.path(),
        "fixed.csv",
        "2027-02,inference,gpt-5.4-mini,,530,invoice,openai-costs,oa-02\n",
    );
    runcost(&["actuals", "import", plan, &fixed, "--from", "csv"]);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.contains(",530,") && !now.contains(",520,"), "{now}");
}

#[test]
fn a_bad_row_refuses_the_import_with_its_line_and_leaves_the_file_as_it_was() {
    let (dir, plan) = folder();
    let plan = plan.to_str().unwrap();
    let good = write(
        dir.path(),
        "good.csv",
        "2027-01,requests,,24000,,invoice,manual,r-01\n",
    );
    runcost(&["actuals", "import", plan, &good, "--from", "csv"]);
    let file = dir.path().join("acme.actuals.csv");
    let before = std::fs::read(&file).unwrap();
    for (body, line, says) in [
        (
            "2027-02,inference,,,12,invoice,m,a\n2027-13,inference,,,1,invoice,m,b\n",
            3,
            "YYYY-MM",
        ),
        (
            "2027-02,hosting,,,12,invoice,m,a\n",
            2,
            "requests or a cost line",
        ),
        (
            "2027-02,requests,,100,5,invoice,m,a\n",
            2,
            "requests row has a cost",
        ),
        (
            "2027-02,inference,,,\"1,200\",invoice,m,a\n",
            2,
            "not a number",
        ),
        (
            "2027-02,inference,,,12,invoice,m,a\n2027-03,inference,,,12,invoice,m,a\n",
            3,
            "line 2",
        ),
    ] {
        let bad = write(dir.path(), "bad.csv", body);
        let out = runcost(&["actuals", "import", plan, &bad, "--from", "csv"]);
        assert_eq!(out.status.code(), Some(2), "{body}");
        let err = stderr(&out);
        assert!(err.contains(&format!("bad.csv:{line}:")), "{body}: {err}");
        assert!(err.contains(says), "{body}: {err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "the file is as it was"
        );
    }
}

#[test]
fn a_plan_without_start_says_to_give_one_and_start_sets_it_for_the_run() {
    let (dir, plan) = folder();
    let plan_s = plan.to_str().unwrap();
    let out = runcost(&["actuals", plan_s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--start YYYY-MM"), "{}", stderr(&out));
    let before = std::fs::read(&plan).unwrap();
    let out = runcost(&["actuals", plan_s, "--start", "2027-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("No actuals yet"), "{}", stdout(&out));
    assert_eq!(std::fs::read(&plan).unwrap(), before, "nothing is written");
    let bad = runcost(&["actuals", plan_s, "--start", "Jan 2027"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("YYYY-MM"));
    let _ = dir;
}

#[test]
fn the_json_has_every_key_of_the_contract_with_nulls_where_nothing_applies() {
    let (dir, plan) = folder();
    let plan = plan.to_str().unwrap();
    let rows = write(
        dir.path(),
        "rows.csv",
        "2027-01,requests,,24000,,invoice,manual,r1\n2027-01,inference,,,300,invoice,m,i1\n2027-03,oversight,,,9000,invoice,payroll,o3\n",
    );
    runcost(&["actuals", "import", plan, &rows, "--from", "csv"]);
    let out = runcost(&["actuals", plan, "--start", "2027-01", "-f", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["start"], "2027-01");
    assert_eq!(v["last_actual_month"], 3);
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 12, "every month of the horizon");
    let lines = [
        "inference",
        "retrieval",
        "infrastructure",
        "maintenance",
        "oversight",
        "errors",
        "change",
        "tools",
        "people",
    ];
    for m in months {
        for k in ["month", "calendar", "status", "requests", "lines"] {
            assert!(m.get(k).is_some(), "{k} in {m}");
        }
        for k in ["planned", "actual", "variance", "variance_pct", "forecast"] {
            assert!(m["requests"].get(k).is_some(), "requests.{k}");
        }
        for l in lines {
            for k in [
                "planned",
                "actual",
                "variance",
                "variance_pct",
                "volume_effect",
                "rate_effect",
                "forecast",
            ] {
                assert!(
                    m["lines"][l].get(k).is_some(),
                    "{l}.{k} in month {}",
                    m["month"]
                );
            }
        }
    }
    assert_eq!(months[0]["status"], "actual");
    assert_eq!(months[1]["status"], "missing");
    assert!(months[1]["lines"]["inference"]["actual"].is_null());
    assert!(months[1]["lines"]["inference"]["forecast"].is_null());
    // Month 3 has oversight but no requests: no volume split.
    assert!(months[2]["lines"]["oversight"]["volume_effect"].is_null());
    assert!(
        months[2]["lines"]["inference"]["actual"].is_null(),
        "no actuals: null"
    );
    assert_eq!(months[3]["status"], "forecast");
    assert!(months[3]["lines"]["inference"]["forecast"].is_number());
    assert!(months[0]["lines"]["inference"]["volume_effect"].is_number());
    for l in std::iter::once("requests").chain(lines) {
        assert!(v["ratios"][l].is_number(), "ratio {l}");
    }
    for k in [
        "tco",
        "cash_tco",
        "outturn",
        "cash_outturn",
        "variance_at_completion",
        "cash_variance_at_completion",
        "outturn_low",
        "outturn_high",
    ] {
        assert!(v["totals"][k].is_number(), "{k}");
    }
    let table = stdout(&runcost(&["actuals", plan, "--start", "2027-01"]));
    assert!(table.contains("Landing at"), "{table}");
    assert!(table.contains("missing"), "{table}");
}

#[test]
fn md_and_csv_render_the_same_figures() {
    let (dir, plan) = folder();
    let plan = plan.to_str().unwrap();
    let rows = write(
        dir.path(),
        "rows.csv",
        "2027-01,requests,,24000,,invoice,manual,r1\n2027-01,inference,,,300,invoice,m,i1\n",
    );
    runcost(&["actuals", "import", plan, &rows, "--from", "csv"]);
    let json: serde_json::Value = serde_json::from_slice(
        &runcost(&["actuals", plan, "--start", "2027-01", "-f", "json"]).stdout,
    )
    .unwrap();
    let md = stdout(&runcost(&[
        "actuals", plan, "--start", "2027-01", "-f", "md",
    ]));
    let outturn = json["totals"]["outturn"].as_f64().unwrap();
    assert!(
        md.contains(&format!(
            "Landing at {}",
            runcost::numbers::money(outturn, "USD")
        )),
        "{md}"
    );
    assert!(md.contains("| 1 · 2027-01 | actual |"), "{md}");
    let csv = stdout(&runcost(&[
        "actuals", plan, "--start", "2027-01", "-f", "csv",
    ]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 12 * 10, "a row per month and figure");
    let inference = lines
        .iter()
        .find(|l| l.starts_with("1,2027-01,actual,inference,"))
        .unwrap();
    let cells: Vec<&str> = inference.split(',').collect();
    assert_eq!(cells[5], "300");
    let planned: f64 = cells[4].parse().unwrap();
    let variance: f64 = cells[6].parse().unwrap();
    assert!((variance - (300.0 - planned)).abs() < 1e-9);
}
