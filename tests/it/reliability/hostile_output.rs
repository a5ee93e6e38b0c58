//! Output that a hostile plan, catalog or argument cannot turn against the
//! reader: escape sequences are shown, never obeyed; CSV cells never run as
//! formulas; a projection that overflows is refused everywhere with the input
//! named; every format a command lists is one it really writes; and the
//! messages for bad numbers say the field, the value and what is allowed.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{fixture, scenario};
use runcost::report::escape::is_unsafe;

/// A name that sets the terminal title, rings the bell, clears the screen,
/// starts an 8-bit CSI and reverses the rest of the line.
const EVIL: &str = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}x\u{2066}";

struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let d = std::env::temp_dir().join(format!(
            "runcost-hostile-output-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs runcost with its own home (`RUNCOST_HOME=<dir>/home`).
fn run_in(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(args)
        .env("RUNCOST_HOME", dir.join("home"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the runcost binary runs")
}

/// What a run of runcost ended with: its exit code, and what it printed.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// [`run_in`], its output as text.
fn ran(dir: &Path, args: &[&str]) -> Ran {
    let out = run_in(dir, args);
    Ran {
        code: out.status.code(),
        stdout: text(&out.stdout),
        stderr: text(&out.stderr),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A RON string literal for `s` (escapes as RON reads them back).
fn ron_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if is_unsafe(c) => o.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn plan(name: &str, model_id: &str, requests: &str, extra: &str) -> String {
    format!(
        r#"Scenario(
    version: 1,
    name: {},
    client: {},
    workload: (
        requests_per_day: {requests},
        input_tokens: 1000.0,
        output_tokens: 200.0,
    ),
    models: [
        (id: {}, share_pct: 100.0, pricing: Api(input_per_mtok: 1.0, output_per_mtok: 2.0)),
    ],
    {extra}
)
"#,
        ron_str(name),
        ron_str(name),
        ron_str(model_id)
    )
}

fn assert_no_unsafe(what: &str, out: &str) {
    if let Some(c) = out
        .chars()
        .find(|c| is_unsafe(*c) && !matches!(c, '\n' | '\t'))
    {
        panic!("{what}: raw {:?} written to the terminal:\n{out}", c);
    }
}

#[test]
fn text_output_shows_escape_sequences_in_names_as_text_in_every_command() {
    let d = Dir::new("text");
    let ranges = "uncertainty: [(field: \"workload.requests_per_day\", low: 50.0, high: 200.0)],";
    let a = d.file("a.ron", &plan(EVIL, EVIL, "100.0", ranges));
    let b = d.file("b.ron", &plan("plain", "other", "200.0", ""));
    for args in [
        vec!["check", &a],
        vec!["report", &a],
        vec!["compare", &a, &b],
        vec!["sensitivity", &a],
        vec!["simulate", &a, "--draws", "50"],
        vec!["breakeven", &a, "--budget", "100"],
    ] {
        let out = ran(&d.0, &args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        let (stdout, stderr) = (&out.stdout, &out.stderr);
        assert_no_unsafe(&format!("{args:?} stdout"), stdout);
        assert_no_unsafe(&format!("{args:?} stderr"), stderr);
        if args[0] != "simulate" && args[0] != "breakeven" {
            assert!(
                stdout.contains("\\u{1b}]0;pwned\\u{7}"),
                "{args:?}: the name is shown, escaped:\n{stdout}"
            );
        }
    }
    // The "ok" line of check cannot be faked by a name holding a line break.
    let c = d.file("c.ron", &plan("x\nfake.ron: ok (forged", "m", "100.0", ""));
    let out = run_in(&d.0, &["check", &c]);
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("x\\u{a}fake.ron"), "{stdout}");
}

#[test]
fn error_messages_on_stderr_show_escape_sequences_as_text() {
    let d = Dir::new("stderr");
    // An unknown model id is quoted in the message; so is the file name.
    let text_plan = plan("n", "gpt\u{1b}[2J\u{202e}", "100.0", "").replace(
        ", pricing: Api(input_per_mtok: 1.0, output_per_mtok: 2.0)",
        "",
    );
    let f = d.file("bad\u{1b}[31m.ron", &text_plan);
    let out = run_in(&d.0, &["check", &f]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_no_unsafe("stderr", &stderr);
    assert!(stderr.contains("gpt\\u{1b}[2J\\u{202e}"), "{stderr}");
    assert!(stderr.contains("bad\\u{1b}[31m.ron"), "{stderr}");
}

#[test]
fn catalog_ids_and_providers_from_a_user_catalog_or_an_import_are_escaped() {
    let d = Dir::new("catalog");
    std::fs::create_dir_all(d.0.join("home/config")).unwrap();
    std::fs::write(
        d.0.join("home/config/catalog.ron"),
        format!(
            "Catalog(as_of: \"2026-11-28\", models: [(id: {}, provider: {}, pricing: Api(input_per_mtok: 1.0, output_per_mtok: 2.0))], embeddings: [(id: {}, provider: {}, per_mtok: 0.1)])",
            ron_str("evil\u{1b}[2J"),
            ron_str("acme\u{1b}]0;t\u{7}"),
            ron_str("emb\u{9b}1m"),
            ron_str("acme\u{202e}"),
        ),
    )
    .unwrap();
    let out = run_in(&d.0, &["catalog", "--provider", "acme"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_no_unsafe("catalog", &stdout);
    assert!(stdout.contains("evil\\u{1b}[2J"), "{stdout}");
    assert!(stdout.contains("emb\\u{9b}1m"), "{stdout}");
    // JSON keeps the data exactly, escaped as JSON.
    let out = run_in(&d.0, &["catalog", "--provider", "acme", "-f", "json"]);
    let json = text(&out.stdout);
    assert_no_unsafe("catalog json", &json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["models"][0]["id"], "evil\u{1b}[2J");
    assert_eq!(v["embeddings"][0]["provider"], "acme\u{202e}");

    // An import's dry run lists the ids it would add.
    let d2 = Dir::new("import");
    let import = d2.file(
        "prices.json",
        &serde_json::json!({
            "evil\u{1b}]0;x\u{7}model": {
                "input_cost_per_token": 1e-6,
                "output_cost_per_token": 2e-6,
                "litellm_provider": "acme\u{1b}[2J",
                "mode": "chat"
            }
        })
        .to_string(),
    );
    let out = run_in(&d2.0, &["catalog", "import", &import, "--dry-run"]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_no_unsafe("import dry run", &all);
}

#[test]
fn file_formats_keep_the_data_escaped_for_their_format() {
    let d = Dir::new("formats");
    let a = d.file("a.ron", &plan(EVIL, "m", "100.0", ""));
    let b = d.file("b.ron", &plan("plain", "m2", "200.0", ""));
    for format in ["md", "html", "json", "csv"] {
        let out = ran(&d.0, &["report", &a, "--format", format]);
        assert_eq!(out.code, Some(0), "{format}: {}", out.stderr);
        let s = &out.stdout;
        assert_no_unsafe(format, &s.replace("\r\n", "\n"));
        match format {
            // Markdown also escapes `]` with a backslash (it could close a link).
            "md" => assert!(s.contains("Evil&#x1b;\\]0;pwned&#x7;"), "{format}:\n{s}"),
            "html" => assert!(s.contains("Evil&#x1b;]0;pwned&#x7;"), "{format}:\n{s}"),
            "json" => {
                let v: serde_json::Value = serde_json::from_str(s).unwrap();
                assert_eq!(v["name"], EVIL, "JSON keeps the name exactly");
            }
            _ => {}
        }
    }
    for format in ["md", "json", "csv"] {
        let out = ran(&d.0, &["compare", &a, &b, "--format", format]);
        assert_eq!(out.code, Some(0), "{format}: {}", out.stderr);
        let s = &out.stdout;
        if format == "csv" {
            // CSV keeps the name byte for byte (only a formula guard is added).
            let mut r = csv::Reader::from_reader(s.as_bytes());
            let row = r.records().next().unwrap().unwrap();
            assert_eq!(&row[0], EVIL);
        } else {
            assert_no_unsafe(format, s);
        }
    }
    // The sensitivity's Markdown and JSON, and simulate's JSON, too.
    for args in [
        vec!["sensitivity", &a, "-f", "md"],
        vec!["sensitivity", &a, "-f", "json"],
    ] {
        let out = run_in(&d.0, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_no_unsafe(&format!("{args:?}"), &text(&out.stdout));
    }
}

/// The cells of a CSV as a spreadsheet reads them.
fn cells(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_text_cells_never_start_a_formula_and_numbers_stay_numbers() {
    let d = Dir::new("csv");
    let formula = "=1+1+cmd|' /C calc'!A0";
    let a = d.file("a.ron", &plan(formula, "@SUM(A1)", "100.0", ""));
    let b = d.file("-b.ron", &plan("+plain", "-m", "200.0", ""));
    let out = run_in(&d.0, &["compare", &a, &b, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = cells(&text(&out.stdout));
    let mut negative_numbers = 0;
    for row in &rows[1..] {
        assert!(
            row[0] == format!("'{formula}") || row[0] == "'+plain",
            "plan cell {:?}",
            row[0]
        );
        for cell in &row[3..] {
            if cell.starts_with('-') {
                negative_numbers += 1;
            }
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok(),
                "numeric cell {cell:?} is a number"
            );
        }
    }
    assert!(negative_numbers > 0, "negative deltas stay plain numbers");
    // The file name is text as well.
    assert!(
        rows[1..]
            .iter()
            .all(|r| !r[1].starts_with(['=', '+', '-', '@']))
    );

    // Sensitivity as CSV: the driver label starts with the model id.
    let out = run_in(&d.0, &["sensitivity", &a, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = cells(&text(&out.stdout));
    let model_row = rows
        .iter()
        .find(|r| r[1] == "models[0].pricing.input_per_mtok")
        .expect("a row for the model's input price");
    assert!(model_row[0].starts_with("'@SUM(A1)"), "{model_row:?}");
    for row in &rows[1..] {
        assert!(
            !row[0].starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{row:?}"
        );
        for cell in &row[2..] {
            assert!(cell.parse::<f64>().is_ok(), "{cell:?} is a number");
        }
    }

    // The monthly report CSV: numbers only, negative ones unquoted.
    let out = run_in(&d.0, &["report", &a, "--format", "csv"]);
    let rows = cells(&text(&out.stdout));
    assert!(rows[1..].iter().flatten().all(|c| c.parse::<f64>().is_ok()));
    assert!(rows[1..].iter().flatten().any(|c| c.starts_with('-')));
}

#[test]
fn a_plan_beyond_the_bounds_is_refused_everywhere_naming_the_input() {
    let d = Dir::new("overflow");
    let big = d.file("big.ron", &plan("big", "m", "1e308", ""));
    for args in [
        vec!["check", &big],
        vec!["report", &big],
        vec!["report", &big, "-f", "md"],
        vec!["simulate", &big],
        vec!["sensitivity", &big],
        vec!["breakeven", &big],
    ] {
        let out = ran(&d.0, &args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stdout);
        let stderr = &out.stderr;
        assert!(
            stderr.contains(
                "big.ron:6:9: workload.requests_per_day is 1e308; must be from 0 to 10,000,000,000 requests a day"
            ),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("0000000000"), "compact numbers: {stderr}");
        assert!(!out.stdout.contains("n/a"), "{args:?}");
    }
    // Two inputs beyond their bounds are both named, each with its own.
    let both = d.file(
        "both.ron",
        &plan("both", "m", "1e200", "").replace("input_tokens: 1000.0", "input_tokens: 1e200"),
    );
    let out = run_in(&d.0, &["check", &both]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("workload.requests_per_day is 1e200")
            && stderr
                .contains("workload.input_tokens is 1e200; must be from 0 to 100,000,000 tokens")
            && !stderr.contains("input_per_mtok"),
        "{stderr}"
    );
    // The largest volume, compounding at the largest growth over the
    // longest horizon, still projects: finite figures, written compactly.
    let grows = d.file(
        "grows.ron",
        &plan("grows", "m", "1e10", "").replace(
            "output_tokens: 200.0,",
            "output_tokens: 200.0,\n        monthly_growth_pct: 1000.0,",
        ),
    );
    for months in ["12", "60"] {
        let out = run_in(&d.0, &["report", &grows, "--months", months]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        // The only n/a is the ratio to a build cost of 0.
        assert_eq!(
            shown.matches("n/a").count(),
            shown.matches("n/a (no build cost)").count(),
            "{shown}"
        );
        assert!(!shown.contains("000,000,000,000,000,000"), "{shown}");
        assert!(!shown.contains("inf") && !shown.contains("NaN"), "{shown}");
    }
}

#[test]
fn uncertainty_ranges_beyond_the_bounds_are_refused_and_simulate_never_prints_na() {
    let d = Dir::new("ranges");
    let ranged = d.file(
        "ranged.ron",
        &plan(
            "ranged",
            "m",
            "100.0",
            "uncertainty: [(field: \"workload.requests_per_day\", low: 50.0, high: 1e308)],",
        ),
    );
    for args in [
        vec!["check", &ranged],
        vec!["simulate", &ranged],
        vec!["report", &ranged, "-f", "md"],
    ] {
        let out = ran(&d.0, &args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stdout);
        let stderr = &out.stderr;
        assert!(stderr.contains("uncertainty[0].high is 1e308"), "{stderr}");
        assert!(
            stderr.contains(
                "the range of workload.requests_per_day must be from 0 to 10,000,000,000 requests a day"
            ),
            "{stderr}"
        );
        assert!(!out.stdout.contains("n/a"));
    }
    // Draws that overflow are counted, so no caller can show them as figures.
    let mut s = scenario("support-assistant");
    s.uncertainty = vec![common::uncertain("workload.requests_per_day", 1.0, 1e308)];
    let sim = runcost::model::analysis::uncertainty::simulate(&s, 200, 1);
    assert!(sim.overflowed > 0, "{sim:?}");
}

#[test]
fn the_workbench_shows_a_plan_beyond_its_bounds_as_a_problem_and_does_not_save_it() {
    use runcost::app::keymap::KeyChord;
    use runcost::app::{Effect, Msg};
    let mut s = scenario("support-assistant");
    s.workload.requests_per_day = 1e308;
    let mut app = common::ui::open(s, "/work/big.ron", Some("/plans"));
    app.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    assert!(
        app.problems()
            .iter()
            .any(|p| p.path == "workload.requests_per_day"
                && p.allowed == "must be from 0 to 10,000,000,000 requests a day"),
        "{:?}",
        app.problems()
    );
    let effects = app.update(Msg::Key(KeyChord::ctrl('s')));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Save { .. })),
        "{effects:?}"
    );
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("workload.requests_per_day"), "{status}");
}

#[test]
fn every_format_a_command_accepts_is_one_it_writes() {
    let d = Dir::new("html");
    let a = d.file("a.ron", &plan("a", "m", "100.0", ""));
    let b = d.file("b.ron", &plan("b", "m", "200.0", ""));
    let cases: [(&str, Vec<&str>, &[&str]); 4] = [
        (
            "compare",
            vec!["compare", &a, &b],
            &["table", "md", "csv", "json"],
        ),
        (
            "sensitivity",
            vec!["sensitivity", &a],
            &["table", "md", "csv", "json"],
        ),
        (
            "simulate",
            vec!["simulate", &a, "--draws", "20"],
            &["table", "json"],
        ),
        ("breakeven", vec!["breakeven", &a], &["table", "json"]),
    ];
    for (name, args, allowed) in cases {
        let help = text(&run_in(&d.0, &[name, "--help"]).stdout);
        for format in ["table", "md", "csv", "json", "html"] {
            let mut with = args.clone();
            with.extend(["--format", format]);
            let out = run_in(&d.0, &with);
            if allowed.contains(&format) {
                assert_eq!(out.status.code(), Some(0), "{name} {format}");
                let s = text(&out.stdout);
                match format {
                    "json" => assert!(serde_json::from_str::<serde_json::Value>(&s).is_ok()),
                    "csv" => assert!(s.lines().next().unwrap().contains(',')),
                    "md" => assert!(s.contains('|') && s.contains("---")),
                    _ => {}
                }
            } else {
                assert_eq!(out.status.code(), Some(2), "{name} --format {format}");
                assert!(
                    out.stdout.is_empty(),
                    "{name} --format {format} printed output"
                );
                let stderr = text(&out.stderr);
                assert!(
                    stderr.contains(&format!("[possible values: {}]", allowed.join(", "))),
                    "{name} {format}: {stderr}"
                );
                assert!(
                    !help.contains(&format!("- {format}:")),
                    "{name} --help lists {format}"
                );
            }
        }
    }
    // `report` writes real HTML.
    let out = run_in(&d.0, &["report", &a, "--format", "html"]);
    assert!(text(&out.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn numeric_options_take_negative_and_huge_values_and_say_what_is_allowed() {
    let d = Dir::new("args");
    let a = d.file("a.ron", &plan("a", "m", "100.0", ""));
    for (args, want) in [
        (
            vec!["sensitivity", &a, "--pct", "-50"],
            "--pct -50: must be a percentage above 0 and below 100",
        ),
        (
            vec!["sensitivity", &a, "--pct", "1e308"],
            "--pct 1e308: must be a percentage above 0 and below 100",
        ),
        (
            vec!["breakeven", &a, "--budget", "-5"],
            "--budget -5: must be a monthly amount from 0 to 1,000,000,000,000",
        ),
        (
            vec!["breakeven", &a, "--budget", "1e309"],
            "--budget inf: must be a monthly amount from 0 to 1,000,000,000,000",
        ),
        (
            vec!["simulate", &a, "--draws", "-5"],
            "--draws -5: must be a whole number from 1 to 1,000,000",
        ),
    ] {
        let out = run_in(&d.0, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(want), "{args:?}: {stderr}");
        assert!(!stderr.contains("0000000000"), "{stderr}");
        assert!(!stderr.contains("unexpected argument"), "{stderr}");
    }
}

#[test]
fn whole_number_fields_say_the_field_the_value_and_what_is_allowed() {
    // The fixtures in tests/fixtures/invalid hold the file forms; here the
    // same rule through the binary, with the real line:col of a bad byte.
    let out = run_in(
        &std::env::temp_dir(),
        &[
            "check",
            fixture("invalid/invalid-utf8-offset.ron").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("invalid-utf8-offset.ron:3:3:"), "{stderr}");
}
