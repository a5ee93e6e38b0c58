//! Importing the LiteLLM price list: every odd case of the real file, counts
//! by reason, never a missing price as $0, atomic and reversible.

use crate::common;

use common::{builtin, fixture};
use runcost::codec::catalog::parse_catalog;
use runcost::codec::litellm::{ImportReport, import, write_catalog};
use runcost::model::{Catalog, Pricing};

fn sample() -> String {
    std::fs::read_to_string(fixture("litellm/sample.json")).unwrap()
}

/// The sample imported into an empty user catalog on 2026-12-01.
fn imported() -> (Catalog, ImportReport) {
    import(
        &sample(),
        &Catalog::default(),
        &builtin(),
        None,
        "2026-12-01",
    )
    .unwrap()
}

#[test]
fn imports_chat_and_embedding_models_and_skips_the_rest_with_reasons() {
    let (user, report) = imported();
    assert_eq!(user.as_of, "2026-12-01");
    let skipped = |r: &str| report.skipped.get(r).copied().unwrap_or(0);
    assert_eq!(skipped("sample_spec (a description, not a model)"), 1);
    assert_eq!(
        skipped("not a text or embedding model"),
        2,
        "image and audio"
    );
    assert_eq!(skipped("priced by tiers only"), 1);
    assert_eq!(
        skipped("price 0 (free or unknown)"),
        1,
        "0/0 is not taken as free"
    );
    assert_eq!(
        skipped("no per-token price"),
        1,
        "a missing output price is not $0"
    );
    assert_eq!(
        skipped("implausible price"),
        2,
        "$5M per 1M tokens, the $100/M embedding"
    );
    assert_eq!(skipped("no provider"), 1);
    assert_eq!(
        report.unchanged, 3,
        "gpt-5.4-mini, text-embedding-3-small and claude-haiku-5-5 match the built-in prices"
    );
    assert_eq!(report.added.len(), 2, "{:?}", report.added);
    assert!(report.added.contains(&"brand-new-model".to_string()));
    assert!(
        report
            .added
            .contains(&"vertex-copy-of-gpt-5.4-mini".to_string())
    );
    assert_eq!(report.updated.len(), 1);
    assert_eq!(report.updated[0].0, "gpt-5.4");
    assert!(
        report.updated[0].1.contains("input $2.5 → $3"),
        "{}",
        report.updated[0].1
    );

    let gpt = user.models.iter().find(|m| m.id == "gpt-5.4").unwrap();
    let Pricing::Api(a) = &gpt.pricing else {
        panic!()
    };
    assert_eq!(
        (a.input_per_mtok, a.cached_input_per_mtok, a.output_per_mtok),
        (3.0, Some(0.3), 18.0)
    );
    assert_eq!(a.batch_discount_pct, 50.0, "derived from the batch price");
    let tier = a.long_context.as_ref().unwrap();
    assert_eq!(
        (
            tier.above_tokens,
            tier.input_per_mtok,
            tier.cached_input_per_mtok,
            tier.output_per_mtok
        ),
        (272_000.0, 6.0, Some(0.6), 27.0)
    );
    assert_eq!(gpt.deprecation.as_deref(), Some("2027-06-30"));
    assert_eq!(gpt.context_window, Some(1_050_000));

    let new = user
        .models
        .iter()
        .find(|m| m.id == "brand-new-model")
        .unwrap();
    let Pricing::Api(b) = &new.pricing else {
        panic!()
    };
    assert_eq!(
        b.long_context.as_ref().unwrap().above_tokens,
        128_000.0,
        "the lowest tier threshold"
    );
    assert_eq!(
        b.cached_input_per_mtok, None,
        "no cached price stays absent"
    );
    assert_eq!(new.source, "LiteLLM price list");
}

#[test]
fn only_limits_the_import_to_one_provider() {
    let (_, report) = import(
        &sample(),
        &Catalog::default(),
        &builtin(),
        Some("OpenAI"),
        "2026-12-01",
    )
    .unwrap();
    assert_eq!(report.updated.len(), 1);
    assert!(report.added.is_empty(), "{:?}", report.added);
    assert!(
        report
            .skipped
            .get("other provider (--only)")
            .copied()
            .unwrap_or(0)
            >= 3
    );
}

#[test]
fn the_written_user_catalog_reads_back_and_overrides_by_id() {
    let (user, _) = imported();
    let text = write_catalog(&user);
    let again = parse_catalog(&text).unwrap();
    assert_eq!(again, user);
    let mut merged = builtin();
    merged.overlay(again);
    let Pricing::Api(a) = &merged.model("gpt-5.4").unwrap().pricing else {
        panic!()
    };
    assert_eq!(a.input_per_mtok, 3.0);
    // A second import of the same file changes nothing.
    let (_, report) = import(&sample(), &user, &merged, None, "2026-12-02").unwrap();
    assert!(
        report.added.is_empty() && report.updated.is_empty(),
        "{report:?}"
    );
}

#[test]
fn a_bad_file_is_refused_and_the_user_catalog_stays_as_it_was() {
    assert!(
        import("[1, 2]", &Catalog::default(), &builtin(), None, "x")
            .unwrap_err()
            .to_string()
            .contains("top level")
    );
    assert!(
        import("{\"a\": ", &Catalog::default(), &builtin(), None, "x")
            .unwrap_err()
            .to_string()
            .contains("invalid JSON at line 1")
    );

    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let user_file = home.path().join("config/catalog.ron");
    std::fs::write(&user_file, "Catalog(as_of: \"2026-01-01\", models: [])").unwrap();
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "import", bad.to_str().unwrap()])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid JSON"));
    assert_eq!(
        std::fs::read_to_string(&user_file).unwrap(),
        "Catalog(as_of: \"2026-01-01\", models: [])"
    );

    // A dry run writes nothing; a real run writes the user catalog atomically.
    let good = fixture("litellm/sample.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "import", good.to_str().unwrap(), "--dry-run"])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("~ gpt-5.4: input $2.5 → $3"));
    assert_eq!(
        std::fs::read_to_string(&user_file).unwrap(),
        "Catalog(as_of: \"2026-01-01\", models: [])"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "import", good.to_str().unwrap()])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 added, 1 updated, 3 unchanged"));
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["catalog", "--provider", "newlab"])
        .env("RUNCOST_HOME", home.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("brand-new-model") && text.contains("user"),
        "{text}"
    );
}

proptest::proptest! {
    /// The in-CI stand-in for the `catalog_import` fuzz target: random
    /// mutations of a real-shaped price list never panic the importer, and
    /// whatever it imports writes and reads back.
    #[test]
    fn mutated_price_lists_never_panic_the_importer(
        cuts in proptest::collection::vec((proptest::prelude::any::<proptest::sample::Index>(), 0usize..30, "[{}\\[\\]\":,.0-9a-z_ e+-]{0,8}"), 1..6)
    ) {
        let mut text = sample().into_bytes();
        for (at, len, insert) in cuts {
            let start = at.index(text.len() + 1);
            let end = (start + len).min(text.len());
            text.splice(start..end, insert.bytes());
        }
        let Ok(text) = String::from_utf8(text) else { return Ok(()) };
        if let Ok((user, _)) = import(&text, &Catalog::default(), &builtin(), None, "2026-12-01") {
            let again = parse_catalog(&write_catalog(&user)).unwrap();
            proptest::prop_assert_eq!(again, user);
        }
    }
}
