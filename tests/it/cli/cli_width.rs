//! The CLI's text output in an 80-column terminal, the formats each command
//! refuses, the compare CSV's precision and paths, and the number style.

use crate::common;
use crate::common::EXAMPLES;

use std::path::Path;
use std::process::{Command, Output};

use common::{root, scenario};
use unicode_width::UnicodeWidthStr;

/// Runs runcost from the project root (relative paths work) with a home of
/// its own and, when given, `COLUMNS`.
fn run(args: &[&str], columns: Option<usize>) -> Output {
    let home = std::env::temp_dir().join(format!("runcost-width-{}", std::process::id()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runcost"));
    cmd.args(args)
        .current_dir(root())
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("RUNCOST_HOME", &home)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c.to_string());
    }
    cmd.output().expect("the runcost binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn example(name: &str) -> String {
    format!("scenarios/{name}.ron")
}

/// Every line at most `width` columns wide and none ending in a space.
fn assert_fits(args: &[&str], width: usize) {
    let out = run(args, Some(width));
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(!stdout.trim().is_empty(), "{args:?} printed nothing");
    for (i, line) in stdout.lines().enumerate() {
        let w = UnicodeWidthStr::width(line);
        assert!(
            w <= width,
            "{args:?} line {} is {w} columns wide:\n{line}",
            i + 1
        );
        assert!(
            !line.ends_with(' '),
            "{args:?} line {} ends in spaces: {line:?}",
            i + 1
        );
    }
}

#[test]
fn every_table_fits_80_columns_on_every_example_plan() {
    for name in EXAMPLES {
        let f = example(name);
        assert_fits(&["report", &f], 80);
        assert_fits(&["sensitivity", &f], 80);
        assert_fits(&["simulate", &f, "--draws", "200"], 80);
        assert_fits(&["breakeven", &f, "--budget", "5000"], 80);
        assert_fits(&["check", &f], 80);
        assert_fits(&["compare", &example("support-assistant"), &f], 80);
    }
    let all: Vec<String> = EXAMPLES[..4].iter().map(|n| example(n)).collect();
    let mut args = vec!["compare"];
    args.extend(all.iter().map(String::as_str));
    assert_fits(&args, 80);
    assert_fits(&["catalog"], 80);
    assert_fits(
        &["check"]
            .into_iter()
            .chain(all.iter().map(String::as_str))
            .collect::<Vec<_>>(),
        80,
    );
}

#[test]
fn narrower_and_wider_terminals_fit_too() {
    let f = example("claims-agent");
    for width in [60, 100, 120] {
        assert_fits(&["report", &f], width);
        assert_fits(&["sensitivity", &f], width);
        assert_fits(&["compare", &example("support-assistant"), &f], width);
    }
}

#[test]
fn at_80_columns_the_monthly_table_folds_and_loses_no_column() {
    let out = run(&["report", &example("claims-agent")], Some(80));
    let s = text(&out.stdout);
    assert!(s.matches("Month ").count() >= 2, "folded into blocks:\n{s}");
    for h in [
        "Inference",
        "Retrieval",
        "Infrastructure",
        "Maintenance",
        "Oversight",
        "Errors",
        "Change",
        "Total",
        "Cumulative net",
    ] {
        assert!(s.contains(h), "{h} missing at 80 columns");
    }
}

#[test]
fn piped_output_without_columns_keeps_full_width() {
    let out = run(&["report", &example("claims-agent")], None);
    let s = text(&out.stdout);
    let widest = s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    assert!(
        widest > 120,
        "the monthly table stays on one line: {widest}"
    );
    let header = s
        .lines()
        .find(|l| l.trim_start().starts_with("Month ") && l.contains("Requests"))
        .unwrap();
    assert!(header.contains("Cumulative net") && header.contains("Inference"));
    assert!(s.lines().all(|l| !l.ends_with(' ')), "no trailing spaces");
}

#[test]
fn formats_a_command_does_not_write_are_refused_with_the_list() {
    let f = example("support-assistant");
    let g = example("support-self-hosted");
    let cases: Vec<(Vec<&str>, &str, &[&str])> = vec![
        (
            vec!["compare", &f, &g],
            "html",
            &["table", "md", "csv", "json"],
        ),
        (
            vec!["sensitivity", &f],
            "html",
            &["table", "md", "csv", "json"],
        ),
        (vec!["simulate", &f], "html", &["table", "json"]),
        (vec!["simulate", &f], "md", &["table", "json"]),
        (vec!["simulate", &f], "csv", &["table", "json"]),
        (vec!["breakeven", &f], "html", &["table", "json"]),
        (vec!["breakeven", &f], "md", &["table", "json"]),
        (vec!["breakeven", &f], "csv", &["table", "json"]),
    ];
    for (mut args, format, allowed) in cases {
        args.extend(["--format", format]);
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} wrote output instead of refusing"
        );
        let err = text(&out.stderr);
        for a in allowed {
            assert!(err.contains(a), "{args:?}: {a} not listed in {err}");
        }
    }
}

#[test]
fn compare_help_says_what_each_format_contains() {
    let help = text(&run(&["compare", "--help"], None).stdout);
    assert!(!help.contains("One row per month"), "{help}");
    assert!(help.contains("One row per plan and figure"), "{help}");
    assert!(!help.contains("html"), "{help}");
    let help = text(&run(&["simulate", "--help"], None).stdout);
    assert!(help.contains("P10, P50 and P90"), "{help}");
}

fn csv_rows(s: &str) -> Vec<Vec<String>> {
    s.lines()
        .map(|l| parse_csv_line(l.trim_end_matches('\r')))
        .collect()
}

/// Enough CSV for these rows: quoted fields may hold commas.
fn parse_csv_line(l: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = l.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn compare_csv_has_full_precision_paths_as_given_and_the_notes() {
    let a = example("support-assistant");
    let b = example("claims-agent");
    let out = run(&["compare", &a, &b, "--format", "csv"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let rows = csv_rows(&s);
    assert_eq!(
        rows[0],
        ["plan", "file", "figure", "value", "delta", "delta_pct"]
    );
    let per_request = |file: &str| {
        rows.iter()
            .find(|r| r[1] == file && r[2] == "cost_per_request")
            .unwrap_or_else(|| panic!("no cost_per_request row for {file}:\n{s}"))
            .clone()
    };
    let pa = runcost::model::project(&scenario("support-assistant"));
    let pb = runcost::model::project(&scenario("claims-agent"));
    let va = pa.totals.cost_per_request.unwrap();
    let vb = pb.totals.cost_per_request.unwrap();
    let ra = per_request(&a);
    let rb = per_request(&b);
    assert_eq!(
        ra[3].parse::<f64>().unwrap(),
        va,
        "full precision, not cents"
    );
    assert_eq!(rb[3].parse::<f64>().unwrap(), vb);
    assert_eq!(rb[4].parse::<f64>().unwrap(), vb - va, "the real delta");
    // Paths as given on the command line (relative), never made absolute.
    assert!(
        rows.iter()
            .skip(1)
            .all(|r| r[1].is_empty() || !Path::new(&r[1]).is_absolute())
    );
    // The different-horizons warning is in the output itself.
    let note = rows
        .iter()
        .find(|r| r[2] == "note")
        .unwrap_or_else(|| panic!("no note row:\n{s}"));
    assert!(note[3].contains("different horizons"), "{note:?}");
    // Numeric cells are plain machine numbers.
    assert!(!s.contains('\u{2212}'), "no typographic minus in CSV");
    for r in rows.iter().skip(1).filter(|r| r[2] != "note") {
        for cell in &r[3..] {
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok(),
                "{cell:?} in {r:?}"
            );
        }
    }
    // The table says it too, not only stderr.
    let table = text(&run(&["compare", &a, &b], None).stdout);
    assert!(table.contains("different horizons"), "{table}");
}

#[test]
fn negative_money_and_percentages_use_a_true_minus_sign() {
    use runcost::numbers::money;
    // The claims agent's cumulative net is negative in its first months.
    let claims = runcost::model::project(&scenario("claims-agent"));
    let deepest = claims
        .months
        .iter()
        .map(|m| m.cumulative_net)
        .fold(f64::INFINITY, f64::min);
    assert!(deepest < 0.0, "the example's cumulative net starts below 0");
    let s = text(&run(&["report", &example("claims-agent")], None).stdout);
    assert!(
        s.contains(&format!("\u{2212}{}", money(-deepest, "USD"))),
        "{s}"
    );
    assert!(!s.contains("-$"), "a hyphen before money:\n{s}");
    let roi = |name: &str| {
        runcost::model::project(&scenario(name))
            .totals
            .roi_pct
            .expect("an ROI")
    };
    let drop = roi("support-assistant") - roi("support-self-hosted");
    assert!(drop > 0.0, "the self-hosted example has the lower ROI");
    let cmp = text(
        &run(
            &[
                "compare",
                &example("support-assistant"),
                &example("support-self-hosted"),
            ],
            None,
        )
        .stdout,
    );
    assert!(cmp.contains(&format!("\u{2212}{drop:.1} pts")), "{cmp}");
    assert!(!cmp.contains("-$") && !cmp.contains("(-"), "{cmp}");
    // An earlier payback is a difference too, with the same minus sign.
    let payback = |name: &str| {
        runcost::model::project(&scenario(name))
            .totals
            .payback_month
            .expect("a payback")
    };
    let sooner = payback("compliance-review") - payback("support-assistant");
    assert!(sooner > 1, "the support assistant pays back sooner");
    let cmp = text(
        &run(
            &[
                "compare",
                &example("compliance-review"),
                &example("support-assistant"),
            ],
            None,
        )
        .stdout,
    );
    assert!(cmp.contains(&format!("\u{2212}{sooner} months")), "{cmp}");
    assert!(!cmp.contains(&format!("-{sooner} months")), "{cmp}");
}

#[test]
fn prices_show_cents_and_throughput_is_tokens_per_second() {
    let cmp = text(
        &run(
            &[
                "compare",
                &example("support-assistant"),
                &example("support-self-hosted"),
                &example("claims-agent"),
            ],
            None,
        )
        .stdout,
    );
    assert!(cmp.contains("$0.75 /1M tok"), "{cmp}");
    assert!(cmp.contains("$2.00 /1k searches"), "{cmp}");
    let hosted = scenario("support-self-hosted");
    let Some(runcost::model::Pricing::SelfHosted(own)) = hosted.models[0].pricing.as_ref() else {
        panic!("the example is self-hosted");
    };
    let own_speed = runcost::numbers::throughput(own.tokens_per_second_per_gpu);
    assert!(cmp.contains(&own_speed), "{own_speed} in {cmp}");
    // A self-hosted snapshot that the catalog prices differently: the
    // warning writes throughput as throughput, prices with cents.
    use runcost::model::Pricing;
    let catalog = common::builtin();
    // The example sizes a model of its own; a listed one is compared.
    let mut plan = scenario("support-self-hosted");
    let id = "llama-3.3-70b-4xh100";
    plan.models[0].id = id.into();
    plan.models[0].pricing = Some(catalog.model(id).expect("listed").pricing.clone());
    let Some(Pricing::SelfHosted(h)) = plan.models[0].pricing.as_mut() else {
        panic!("the catalog lists it self-hosted");
    };
    h.tokens_per_second_per_gpu = 2500.0;
    h.gpu_hourly = 2.5;
    let today = runcost::clock::Today {
        date: "2026-01-15".into(),
        month: runcost::model::prices::YearMonth {
            year: 2026,
            month: 1,
        },
    };
    let warnings = runcost::cli::price_warnings(&plan, &catalog, &today).join("\n");
    let listed = catalog.model(id).expect("listed");
    let Pricing::SelfHosted(list) = &listed.pricing else {
        panic!("the catalog lists it self-hosted");
    };
    let speed = format!(
        "2,500 tok/s → {}",
        runcost::numbers::throughput(list.tokens_per_second_per_gpu)
    );
    assert!(warnings.contains(&speed), "{speed} in {warnings}");
    let price = format!(
        "$2.50 → {}",
        runcost::numbers::price(list.gpu_hourly, "USD")
    );
    assert!(warnings.contains(&price), "{price} in {warnings}");
    assert!(!warnings.contains("tok/s $"), "{warnings}");
}
