//! Hostile catalogs: a hand-edited user catalog and an imported price list with
//! NaN, infinite, negative, wrapped-around and underflowed prices, a 500 % batch
//! discount and an empty id. Every entry is judged by the plan's own rules when
//! it is loaded or imported; bad ones are skipped and counted by reason and never
//! reach a plan.

use crate::common;

use common::{builtin, fixture};
use runcost::codec::catalog::parse_catalog;
use runcost::codec::litellm::import;
use runcost::model::catalog_rules::{MIN_PRICE_PER_MTOK, check_model};
use runcost::model::prices::snapshot_changes;
use runcost::model::pricing::CatalogModel;
use runcost::model::{ApiPricing, Catalog, ModelEntry, Pricing, Scenario};

fn hostile_user() -> Catalog {
    let text = std::fs::read_to_string(fixture("catalog/hostile_user.ron")).unwrap();
    parse_catalog(&text).expect("the fixture is well-formed RON")
}

fn api(input: f64) -> Pricing {
    Pricing::Api(ApiPricing {
        input_per_mtok: input,
        output_per_mtok: 2.0,
        ..ApiPricing::default()
    })
}

fn model(id: &str, pricing: Pricing) -> CatalogModel {
    CatalogModel::new(id, "acme", pricing)
}

#[test]
fn a_user_catalog_keeps_only_entries_a_plan_would_accept_and_counts_the_rest_by_reason() {
    let (kept, rejected) = hostile_user().validated();
    let ids: Vec<&str> = kept.models.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["my-good-model"]);
    let emb: Vec<&str> = kept.embeddings.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(emb, ["my-good-embedding"]);

    let count = |r: &str| rejected.by_reason.get(r).copied().unwrap_or(0);
    assert_eq!(count("negative price"), 3, "{:?}", rejected.by_reason);
    assert_eq!(
        count("price not a finite number"),
        4,
        "{:?}",
        rejected.by_reason
    );
    assert_eq!(count("empty id"), 1);
    assert_eq!(count("price too small (probable unit error)"), 1);
    assert_eq!(
        count("batch_discount_pct must be a percentage from 0 to 100"),
        1,
        "{:?}",
        rejected.by_reason
    );
    assert_eq!(
        count(
            "tokens_per_second_per_gpu must be from 0.000001 to 1,000,000 tokens per second per GPU"
        ),
        1,
        "{:?}",
        rejected.by_reason
    );
    assert_eq!(rejected.total(), 11);
    let summary = rejected.summary();
    assert!(
        summary.starts_with("11 entries skipped: 4 price not a finite number, 3 negative price"),
        "{summary}"
    );
    // The details name the entry, the field, the value and the rule.
    assert!(
        rejected.details[0].contains("\"gpt-5.4\"")
            && rejected.details[0].contains("pricing.input_per_mtok is -0.75"),
        "{:?}",
        rejected.details
    );
}

#[test]
fn a_bad_user_entry_never_overrides_the_built_in_price_or_reaches_a_plan() {
    let mut catalog = builtin();
    let built_in = catalog.model("gpt-5.4").unwrap().pricing.clone();
    let (user, _) = hostile_user().validated();
    catalog.overlay(user);
    assert_eq!(catalog.model("gpt-5.4").unwrap().pricing, built_in);
    for bad in [
        "nan-input",
        "inf-cached",
        "batch-500",
        "neg-long",
        "tiny",
        "",
    ] {
        assert!(catalog.model(bad).is_none(), "{bad:?} reached the catalog");
    }
    // `p` (refresh prices) offers nothing from the bad entry.
    let plan = Scenario::minimal("p", ModelEntry::sole("gpt-5.4", Some(built_in)));
    assert!(snapshot_changes(&plan, &catalog, None).is_empty());
}

#[test]
fn the_workbench_and_cli_warn_about_the_skipped_entries_and_use_the_good_ones() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::copy(
        fixture("catalog/hostile_user.ron"),
        home.path().join("config/catalog.ron"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "--format", "json"])
        .env("RUNCOST_HOME", home.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("11 entries skipped: 4 price not a finite number, 3 negative price"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("my-good-model"));
    for bad in [
        "nan-input",
        "inf-cached",
        "batch-500",
        "-0.75",
        "neg-batch-embedding",
    ] {
        assert!(!stdout.contains(bad), "{bad} listed");
    }
}

#[test]
fn an_import_skips_entries_a_plan_would_refuse_counting_them_by_reason() {
    let json = std::fs::read_to_string(fixture("catalog/hostile_import.json")).unwrap();
    let (user, report) =
        import(&json, &Catalog::default(), &builtin(), None, "2026-12-01").unwrap();
    let mut added = report.added.clone();
    added.sort();
    assert_eq!(added, ["good-embedding", "good-model"]);
    let count = |r: &str| report.skipped.get(r).copied().unwrap_or(0);
    assert_eq!(count("negative price"), 4, "{:?}", report.skipped);
    assert_eq!(count("price too small (probable unit error)"), 2);
    assert_eq!(count("empty id"), 1);
    assert_eq!(
        count("long-context threshold out of range"),
        1,
        "18446744073709552k tokens must not wrap around to 384"
    );
    assert_eq!(report.skipped_total(), 8);
    assert!(
        report.summary().contains("8 skipped (4 negative price"),
        "{}",
        report.summary()
    );
    // What was written passes the rules as a whole.
    assert!(user.validated().1.is_empty());
}

#[test]
fn a_price_below_the_smallest_real_price_is_a_unit_error_not_a_free_model() {
    assert!(check_model(&model("ok", api(MIN_PRICE_PER_MTOK))).is_empty());
    assert!(check_model(&model("free", api(0.0))).is_empty());
    let tiny = check_model(&model("tiny", api(1e-320)));
    assert_eq!(tiny.len(), 1);
    assert_eq!(tiny[0].path, "pricing.input_per_mtok");
    assert!(tiny[0].allowed.contains("unit error"), "{}", tiny[0]);
}

#[test]
fn the_built_in_catalog_passes_its_own_rules() {
    let text = std::fs::read_to_string(common::root().join("assets/catalog.ron")).unwrap();
    let parsed = parse_catalog(&text).unwrap();
    let n = parsed.models.len();
    let (kept, rejected) = parsed.validated();
    assert!(rejected.is_empty(), "{:?}", rejected.details);
    assert_eq!(kept.models.len(), n);
}

#[test]
fn an_import_refuses_to_replace_a_user_catalog_with_bad_entries() {
    // Importing would write the user catalog back without the skipped entries:
    // the user is told to fix the file first instead of losing them silently.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let target = home.path().join("config/catalog.ron");
    std::fs::copy(fixture("catalog/hostile_user.ron"), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "import"])
        .arg(fixture("catalog/hostile_import.json"))
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fix or move it before importing"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}
