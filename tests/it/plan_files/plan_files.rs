//! Plan files: forgiving reading, deterministic writing, atomic saving.

use crate::common;

use common::{builtin, scenario};
use runcost::codec::{parse_plan, write_plan};
use runcost::model::Pricing;
use runcost::store::atomic::{backup_path, save_atomic};

const HAND_WRITTEN: &str = "\u{feff}// a hand-written plan\r\nScenario(\r\n  version: 1, name: \"Hand\",\r\n  /* prices come from the catalog */\r\n  workload: (requests_per_day: 2000, input_tokens: 1500, output_tokens: 400),\r\n  models: [(id: \"gpt-5.4-mini\", share_pct: 100)],\r\n  retrieval: (enabled: true, embedding: (id: \"text-embedding-3-small\")),\r\n  oversight: (reviewers: Fixed(2)),\r\n)\r\n";

#[test]
fn reading_tolerates_bom_crlf_comments_integers_and_catalog_prices() {
    let s = parse_plan(HAND_WRITTEN.as_bytes(), &builtin())
        .unwrap_or_else(|e| panic!("{}", e.render("hand")));
    assert_eq!(s.workload.requests_per_day, 2000.0);
    assert_eq!(s.workload.days_per_month, 30.0, "default");
    assert_eq!(s.horizon_months, 12, "default");
    assert_eq!(s.currency, "USD", "default");
    assert_eq!(s.oversight.productive_hours_per_month, 140.0, "default");
    let Some(Pricing::Api(a)) = &s.models[0].pricing else {
        panic!("resolved")
    };
    assert_eq!(a.input_per_mtok, 0.75);
    assert_eq!(s.retrieval.embedding.per_mtok, Some(0.02));
}

#[test]
fn written_plans_carry_pricing_snapshots_and_reread_identically() {
    let s = parse_plan(HAND_WRITTEN.as_bytes(), &builtin()).unwrap();
    let text = write_plan(&s);
    assert!(text.starts_with("// runcost plan"));
    assert!(
        text.contains("\nScenario(\n"),
        "top level named, nested plain"
    );
    assert!(text.contains("pricing: Api(input_per_mtok: 0.75, cached_input_per_mtok: 0.075"));
    assert!(text.contains("per_mtok: 0.02,"));
    // With an empty catalog the snapshot alone reproduces the numbers.
    let empty = runcost::model::Catalog::default();
    let again = parse_plan(text.as_bytes(), &empty).unwrap();
    assert_eq!(again, s);
    assert_eq!(write_plan(&again), text);
}

#[test]
fn writing_keeps_the_spec_field_order() {
    let text = write_plan(&scenario("support-assistant"));
    let order = [
        "version:",
        "name:",
        "client:",
        "notes:",
        "currency:",
        "horizon_months:",
        "workload:",
        "models:",
        "retrieval:",
        "infrastructure:",
        "build:",
        "oversight:",
        "risk:",
        "change:",
        "value:",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| {
            text.find(&format!("\n    {k}"))
                .unwrap_or_else(|| panic!("{k} missing"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn odd_names_and_notes_survive_a_round_trip() {
    let mut s = scenario("support-assistant");
    s.name = "Plan \"quoted\" — ünïcode 🚀 \\ back\\slash".into();
    s.notes = "line 1\nline 2\r\n\ttabbed // not a comment /* nor this */".into();
    s.client = String::new();
    let text = write_plan(&s);
    assert_eq!(parse_plan(text.as_bytes(), &builtin()).unwrap(), s);
}

#[test]
fn atomic_save_keeps_a_backup_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_atomic(&path, b"first").unwrap();
    assert!(!backup_path(&path).exists(), "nothing to back up yet");
    save_atomic(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "only the plan and its .bak: {names:?}");
}

#[test]
fn a_failed_save_leaves_the_old_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let err = save_atomic(dir.path(), b"x").unwrap_err().to_string();
    assert!(err.contains("is a directory"), "{err}");

    let missing = dir.path().join("no/such/dir/plan.ron");
    let err = save_atomic(&missing, b"x").unwrap_err().to_string();
    // Named for what it is (a missing folder), not as a failed write.
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("no/such/dir"), "{err}");
    assert!(!missing.exists());
}
