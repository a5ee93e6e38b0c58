//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod arb;
pub mod tmux;
pub mod ui;

use std::path::{Path, PathBuf};

use runcost::codec::catalog;
use runcost::codec::plan::parse_plan;
use runcost::model::{ApiPricing, Catalog, ModelEntry, Pricing, Scenario};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

pub fn builtin() -> Catalog {
    catalog::builtin()
}

pub fn load(path: &Path) -> Scenario {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_plan(&bytes, &builtin())
        .unwrap_or_else(|e| panic!("{}", e.render(&path.display().to_string())))
}

pub fn scenario(name: &str) -> Scenario {
    load(&root().join("scenarios").join(format!("{name}.ron")))
}

/// A plan where everything costs nothing: one API model priced at zero.
pub fn zero_plan() -> Scenario {
    Scenario::minimal(
        "zero",
        entry("m", 100.0, Pricing::Api(ApiPricing::default())),
    )
}

/// A model of the mix with `share` % of the calls at `pricing`, no discount.
pub fn entry(id: &str, share: f64, pricing: Pricing) -> ModelEntry {
    ModelEntry {
        commitment_monthly: 0.0,
        id: id.into(),
        share_pct: share,
        discount_pct: 0.0,
        error_rate_pct: None,
        token_factor: 1.0,
        pricing: Some(pricing),
        schedule: Vec::new(),
    }
}

/// Runs the runcost binary with an isolated home so no user catalog leaks in.
pub fn runcost(args: &[&str]) -> std::process::Output {
    let home = std::env::temp_dir().join(format!("runcost-test-home-{}", std::process::id()));
    std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(args)
        .env("RUNCOST_HOME", &home)
        .env("NO_COLOR", "1")
        // Table output fits COLUMNS when set: tests see the full width.
        .env_remove("COLUMNS")
        .output()
        .expect("the runcost binary runs")
}

/// Asserts |a − b| within half a cent or 1e-7 relative, the contract's tolerance.
pub fn close(a: f64, b: f64, what: &str) {
    let tol = (1e-7 * b.abs()).max(0.005);
    assert!((a - b).abs() <= tol, "{what}: got {a}, expected {b}");
}

/// Every shipped example plan (scenarios/NAME.ron).
pub const EXAMPLES: [&str; 6] = [
    "claims-agent",
    "compliance-review",
    "doc-processing-scale",
    "doc-processing-small",
    "support-assistant",
    "support-self-hosted",
];

/// The full path of example `name`, as a command-line argument.
pub fn example(name: &str) -> String {
    root()
        .join("scenarios")
        .join(format!("{name}.ron"))
        .display()
        .to_string()
}

/// What a run printed on stdout, as text.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on stderr, as text.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh runcost home (RUNCOST_HOME) in the temp dir, named for `tag` and
/// this test run, with its config folder.
pub fn scratch_home(tag: &str) -> PathBuf {
    let h = std::env::temp_dir().join(format!("runcost-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&h);
    std::fs::create_dir_all(h.join("config")).unwrap();
    h
}

/// Runs the runcost binary with home `home` on the day `today` (RUNCOST_TODAY).
pub fn runcost_on(home: &Path, today: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(args)
        .env("RUNCOST_HOME", home)
        .env("RUNCOST_TODAY", today)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("runcost runs")
}

/// Severity tiers of errors: (name, share %, cost of one).
pub fn error_costs(tiers: &[(&str, f64, f64)]) -> Vec<runcost::model::ErrorCost> {
    tiers
        .iter()
        .map(|&(name, share_pct, cost)| runcost::model::ErrorCost {
            name: name.into(),
            share_pct,
            cost,
        })
        .collect()
}

/// One plan of a comparison, shown as `file`.
pub fn compare_entry<'a>(
    file: &str,
    plan: &'a Scenario,
    projection: &'a runcost::model::Projection,
) -> runcost::report::compare::Entry<'a> {
    runcost::report::compare::Entry {
        file: file.into(),
        plan,
        projection,
    }
}

/// The break-even of hosting option `id` among `found`, which must hold it.
pub fn hosted<'a>(
    found: &'a [runcost::model::analysis::breakeven::HostingBreakEven],
    id: &str,
) -> &'a runcost::model::analysis::breakeven::HostingBreakEven {
    found
        .iter()
        .find(|h| h.option == id)
        .unwrap_or_else(|| panic!("no break-even for {id}"))
}

/// The range `low`–`high` of input `field` (a plan path).
pub fn uncertain(field: &str, low: f64, high: f64) -> runcost::model::UncertainRange {
    runcost::model::UncertainRange {
        field: field.into(),
        low,
        high,
    }
}

/// The examples `names`, each with its name.
pub fn named_examples(names: &[&str]) -> Vec<(String, Scenario)> {
    names.iter().map(|n| (n.to_string(), scenario(n))).collect()
}

/// The support example with one range: 2,000 to 4,000 requests a day.
pub fn support_with_volume_range() -> Scenario {
    let mut s = scenario("support-assistant");
    s.uncertainty = vec![uncertain("workload.requests_per_day", 2000.0, 4000.0)];
    s
}

/// The source `plan` records for input `path` (a plan path); it must have one.
pub fn source_of<'a>(plan: &'a Scenario, path: &str) -> &'a runcost::model::Source {
    plan.sources
        .iter()
        .find(|s| s.field == path)
        .unwrap_or_else(|| panic!("no source for {path}"))
}

/// The range `plan` gives input `path` (a plan path); it must have one.
pub fn range_of<'a>(plan: &'a Scenario, path: &str) -> &'a runcost::model::UncertainRange {
    plan.uncertainty
        .iter()
        .find(|r| r.field == path)
        .unwrap_or_else(|| panic!("no range on {path}"))
}

/// A scratch folder holding file `name` with `contents`: (the folder, the
/// file's path).
pub fn scratch_file(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}
