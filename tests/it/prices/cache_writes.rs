//! Cache-write prices (format version 3): the built-in catalog carries the
//! ones providers publish, the LiteLLM import reads them, and a plan that
//! names a model by id gets them only when it is a version-3 plan.

use crate::common;

use common::builtin;
use runcost::codec::litellm::import;
use runcost::codec::{parse_plan, write_plan};
use runcost::model::{Catalog, Pricing};

fn api(c: &Catalog, id: &str) -> runcost::model::ApiPricing {
    match &c.model(id).unwrap_or_else(|| panic!("{id}")).pricing {
        Pricing::Api(a) => a.clone(),
        Pricing::SelfHosted(_) => panic!("{id} is self-hosted"),
    }
}

#[test]
fn anthropic_cache_writes_are_a_quarter_above_input_and_sourced() {
    let c = builtin();
    let mut anthropic = 0;
    for m in c.models.iter().filter(|m| m.provider == "anthropic") {
        let Pricing::Api(a) = &m.pricing else {
            continue;
        };
        let write = a
            .cache_write_per_mtok
            .unwrap_or_else(|| panic!("{} has no cache-write price", m.id));
        assert!(
            (write - 1.25 * a.input_per_mtok).abs() < 1e-9,
            "{}: 5-minute write {write} vs input {}",
            m.id,
            a.input_per_mtok
        );
        assert!(
            m.notes.contains("ache write"),
            "{}: the notes say where the write price comes from",
            m.id
        );
        anthropic += 1;
    }
    assert!(anthropic >= 15, "{anthropic} Anthropic models");
    // OpenAI's explicit cache write on the GPT-6 family; Gemini publishes none.
    assert_eq!(api(&c, "gpt-6.1-sol").cache_write_per_mtok, Some(2.5));
    assert_eq!(api(&c, "gemini-4-argon").cache_write_per_mtok, None);
    // Bedrock's long-context tier has its own write price.
    let bedrock = api(&c, "anthropic.claude-sonnet-4-5-20250929-v1:0");
    assert_eq!(
        bedrock.long_context.unwrap().cache_write_per_mtok,
        Some(7.5)
    );
}

fn plan(version: u32) -> String {
    format!(
        "Scenario(version: {version}, name: \"by id\", workload: (requests_per_day: 100.0, input_tokens: 1000.0, output_tokens: 100.0), models: [(id: \"claude-sonnet-5-5\", share_pct: 100.0)])"
    )
}

#[test]
fn a_version_3_plan_naming_a_model_by_id_gets_its_cache_write_price() {
    let s = parse_plan(plan(3).as_bytes(), &builtin()).unwrap();
    let Some(Pricing::Api(a)) = &s.models[0].pricing else {
        panic!()
    };
    assert_eq!(a.cache_write_per_mtok, Some(2.5));
    assert!(write_plan(&s).contains("cache_write_per_mtok: 2.5"));
}

#[test]
fn an_older_plan_naming_a_model_by_id_keeps_its_version() {
    for version in [1, 2] {
        let s = parse_plan(plan(version).as_bytes(), &builtin())
            .unwrap_or_else(|e| panic!("{}", e.render("plan")));
        let Some(Pricing::Api(a)) = &s.models[0].pricing else {
            panic!()
        };
        assert_eq!(a.cache_write_per_mtok, None, "version {version}");
        // It sets nothing of version 2 either: written as version 1.
        assert_eq!(s.format_version(), 1, "version {version}");
        let written = write_plan(&s);
        assert!(written.contains("version: 1"), "{written}");
        assert!(!written.contains("cache_write"), "{written}");
    }
}

const LITELLM: &str = r#"{
  "claude-test-sonnet": {
    "input_cost_per_token": 3e-06,
    "cache_read_input_token_cost": 3e-07,
    "cache_creation_input_token_cost": 3.75e-06,
    "cache_creation_input_token_cost_above_1hr": 6e-06,
    "output_cost_per_token": 1.5e-05,
    "input_cost_per_token_above_200k_tokens": 6e-06,
    "output_cost_per_token_above_200k_tokens": 2.25e-05,
    "cache_read_input_token_cost_above_200k_tokens": 6e-07,
    "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06,
    "litellm_provider": "anthropic",
    "mode": "chat"
  },
  "no-cache-model": {
    "input_cost_per_token": 1e-06,
    "output_cost_per_token": 2e-06,
    "litellm_provider": "someone",
    "mode": "chat"
  }
}"#;

#[test]
fn the_litellm_import_maps_the_5_minute_cache_write_and_the_tier_s() {
    let (user, report) =
        import(LITELLM, &Catalog::default(), &builtin(), None, "2026-12-07").unwrap();
    assert_eq!(report.added.len(), 2, "{report:?}");
    let a = api(&user, "claude-test-sonnet");
    assert_eq!(
        a.cache_write_per_mtok,
        Some(3.75),
        "the 5-minute write, not the 1-hour one"
    );
    let tier = a.long_context.unwrap();
    assert_eq!(
        (
            tier.above_tokens,
            tier.input_per_mtok,
            tier.cache_write_per_mtok
        ),
        (200_000.0, 6.0, Some(7.5))
    );
    let plain = api(&user, "no-cache-model");
    assert_eq!(
        plain.cache_write_per_mtok, None,
        "no write price stays absent"
    );
    assert_eq!(plain.long_context, None);
}

#[test]
fn an_import_that_changes_only_the_cache_write_says_so() {
    let (first, _) = import(LITELLM, &Catalog::default(), &builtin(), None, "2026-12-07").unwrap();
    let mut current = builtin();
    current.overlay(first.clone());
    let raised = LITELLM.replace(
        "\"cache_creation_input_token_cost\": 3.75e-06",
        "\"cache_creation_input_token_cost\": 4e-06",
    );
    let (_, report) = import(&raised, &first, &current, None, "2026-12-08").unwrap();
    assert_eq!(report.updated.len(), 1, "{report:?}");
    assert_eq!(report.updated[0].0, "claude-test-sonnet");
    assert_eq!(report.updated[0].1, "cache-write price");
}
